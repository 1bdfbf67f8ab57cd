//! `chiso man`: the manual page (roff) of `chiso`, printed; `--dir DIR` writes `chiso.1` and
//! one page per subcommand (`chiso-score.1`, …) there, as `man` finds them in `man1/`.

use super::Outcome;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Write `chiso.1` and a page per subcommand into this folder instead of printing `chiso.1`.
    #[arg(long)]
    dir: Option<PathBuf>,
}

/// Renders the page of `command` (whose name is the page's name), its section headings in
/// the reader's language (clap_mangen writes NAME, SYNOPSIS, DESCRIPTION, VERSION in English).
fn page(command: clap::Command) -> Result<Vec<u8>, String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut roff)
        .map_err(|e| tr!("cli-man-cannot-render", error = crate::render::io_error(&e)))?;
    let headings = [
        (".SH NAME\n", tr!("cli-man-name")),
        (".SH SYNOPSIS\n", tr!("cli-man-synopsis")),
        (".SH DESCRIPTION\n", tr!("cli-man-description")),
        (".SH VERSION\n", tr!("cli-man-version")),
        (".SH AUTHORS\n", tr!("cli-man-authors")),
    ];
    let mut text = String::from_utf8_lossy(&roff).into_owned();
    for (english, heading) in headings {
        text = text.replace(english, &format!(".SH \"{heading}\"\n"));
    }
    Ok(text.into_bytes())
}

/// `command` and each of its subcommands as pages: (file name, roff). Built first, so that
/// each subcommand is named `chiso-score` and called `chiso score` in its synopsis.
fn pages(command: clap::Command) -> Result<Vec<(String, Vec<u8>)>, String> {
    fn walk(command: clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
        let man = clap_mangen::Man::new(command.clone());
        out.push((man.get_filename(), page(command.clone())?));
        // `chiso help …` is no page of its own: each page is the help.
        for sub in command
            .get_subcommands()
            .filter(|s| !s.is_hide_set() && s.get_name() != "help")
        {
            walk(sub.clone(), out)?;
        }
        Ok(())
    }
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut out = Vec::new();
    walk(command, &mut out)?;
    Ok(out)
}

pub fn run(args: Args, command: clap::Command) -> Outcome {
    match args.dir {
        None => crate::output::write_output(None, &page(command)?, false, &[])?,
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                tr!(
                    "cli-cannot-create-folder",
                    folder = dir.display().to_string(),
                    error = crate::render::io_error(&e)
                )
            })?;
            for (file, roff) in pages(command)? {
                crate::output::write_atomic(&dir.join(file), &roff)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
