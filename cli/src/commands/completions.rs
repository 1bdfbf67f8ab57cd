//! `chiso completions SHELL`: the shell's completion script, printed to standard output.

use super::Outcome;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Prints the completion script of `command` (the whole `chiso` command line) for the shell.
pub fn run(args: Args, mut command: clap::Command) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "chiso", &mut script);
    crate::output::write_output(None, &script, false, &[])?;
    Ok(ExitCode::SUCCESS)
}
