//! `chiso fmt`: rewrites ruleset files in the canonical layout (`--check`: only report).

use super::Outcome;
use chiso::format::{format, FormatError};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Ruleset files (.chiso); `-` reads standard input and writes the result to standard output.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Change nothing; list the files that are not formatted and exit 1 if there is any (for CI).
    #[arg(long)]
    check: bool,
}

pub fn run(args: Args) -> Outcome {
    let mut failed = false;
    let mut unformatted = 0;
    for path in &args.files {
        let stdin = path.as_os_str() == "-";
        let name = if stdin {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        let text = if stdin {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| tr!("cli-cannot-read-stdin", error = crate::render::io_error(&e)))?;
            text
        } else {
            super::read(path)?
        };
        // `read` leaves a byte-order mark out of the text; a file that had one keeps it.
        let bom = !stdin && super::read_bytes(path)?.starts_with("\u{feff}".as_bytes());
        match format(&text) {
            Ok(formatted) if stdin && !args.check => crate::output::print(&formatted),
            Ok(formatted) if formatted == text => {}
            Ok(formatted) => {
                if args.check {
                    eprintln!("{name}: {}", tr!("cli-fmt-not-formatted"));
                    unformatted += 1;
                } else {
                    let bytes = if bom {
                        format!("\u{feff}{formatted}")
                    } else {
                        formatted
                    };
                    crate::output::write_atomic(path, bytes.as_bytes())?;
                    eprintln!("{name}: {}", tr!("cli-fmt-formatted"));
                }
            }
            Err(FormatError::Syntax(diagnostics)) => {
                super::print_diagnostics(&name, &text, &diagnostics);
                eprintln!(
                    "{}: {name}: {}",
                    chiso::Severity::Error.label(crate::render::lang()),
                    tr!("cli-fmt-syntax-errors")
                );
                failed = true;
            }
            Err(other) => {
                eprintln!(
                    "{}: {name}: {}",
                    chiso::Severity::Error.label(crate::render::lang()),
                    crate::render::text(other.message())
                );
                failed = true;
            }
        }
    }
    if args.check && unformatted > 0 {
        eprintln!("{}", tr!("cli-fmt-would-reformat", files = unformatted));
    }
    Ok(if failed || unformatted > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
