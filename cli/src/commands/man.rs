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

/// Renders the page of `command` (whose name is the page's name).
fn page(command: clap::Command) -> Result<Vec<u8>, String> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut roff)
        .map_err(|e| format!("cannot render the manual page: {e}"))?;
    Ok(roff)
}

/// `command` and each of its subcommands (but `help`) as pages: (file name, roff).
fn pages(command: clap::Command) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut command = command;
    command.build();
    let mut out = Vec::new();
    let name = command.get_name().to_string();
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub_name = format!("{name}-{}", sub.get_name());
        out.extend(pages(
            sub.clone()
                .name(sub_name)
                .display_name(format!("{name} {}", sub.get_name())),
        )?);
    }
    out.insert(0, (format!("{name}.1"), page(command)?));
    Ok(out)
}

pub fn run(args: Args, command: clap::Command) -> Outcome {
    match args.dir {
        None => crate::output::write_output(None, &page(command)?, false, &[])?,
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create folder {}: {e}", dir.display()))?;
            for (file, roff) in pages(command)? {
                crate::output::write_atomic(&dir.join(file), &roff)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
