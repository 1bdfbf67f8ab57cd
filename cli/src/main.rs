//! The `chiso` command: a thin shell over the library. Reads files, calls the library,
//! prints what it returns. Exit codes: 0 success, 1 the input has errors, 2 usage errors.

mod commands;
mod output;
mod render;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "chiso",
    version,
    propagate_version = true,
    about = "Rules language and engine for Vietnam's Public Administration Reform Index (Chỉ số CCHC)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// When to colour diagnostics and the progress bar: `auto` colours a terminal unless
    /// NO_COLOR is set (CLICOLOR_FORCE colours a pipe too).
    #[arg(long, value_enum, global = true, default_value_t = render::ColorChoice::Auto)]
    color: render::ColorChoice,
}

/// The whole command line as clap sees it (for completions and the manual page too).
fn cli_command() -> clap::Command {
    Cli::command()
}

#[derive(Subcommand)]
enum Command {
    /// Check rulesets and report every problem found.
    Check(commands::check::Args),
    /// Score units: one data file, several, or folders of them (scored as one batch).
    Score(commands::score::Args),
    /// Explain how one criterion's points arise for a unit, at the stage that counts (the
    /// appraisal when given, or `--stage`); `--batch` gives the units `best(…)` compares with.
    Explain(commands::explain::Args),
    /// Run the test cases written in rulesets.
    Test(commands::test::Args),
    /// What would it take: the smallest change in each input that raises a unit's points
    /// or reaches the next grade, found by evaluating the ruleset (never a smaller
    /// denominator, never a part above its whole); at the stage that counts, or `--stage`.
    Advise(commands::advise::Args),
    /// Write one office's data-entry form (its inputs and criteria) as TOML or .xlsx.
    Template(commands::template::Args),
    /// Merge the offices' filled forms into one unit file, reporting conflicts and gaps.
    Merge(commands::merge::Args),
    /// Turn a published criteria table (TSV/CSV text or a workbook) into a ruleset skeleton.
    Import(commands::import::Args),
    /// Rewrite rulesets in the canonical layout (`--check` to only report).
    Fmt(commands::fmt::Args),
    /// Compare two years' rulesets: criteria renumbered, re-weighted, split, merged, added,
    /// removed; with --data, what the change does to last year's units.
    Diff(commands::diff::Args),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish (e.g.
    /// `chiso completions bash > ~/.local/share/bash-completion/completions/chiso`).
    Completions(commands::completions::Args),
    /// Print the manual page (roff; `man -l -` reads it), or write one page per subcommand
    /// with `--dir`.
    Man(commands::man::Args),
}

fn main() -> ExitCode {
    // `--color` is known before parsing, so that clap's own help and errors follow it.
    let color = render::ColorChoice::from_args(std::env::args_os());
    let matches = cli_command().color(color.for_clap()).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    render::set_color_choice(cli.color);
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args),
        Command::Score(args) => commands::score::run(args),
        Command::Explain(args) => commands::explain::run(args),
        Command::Test(args) => commands::test::run(args),
        Command::Advise(args) => commands::advise::run(args),
        Command::Template(args) => commands::template::run(args),
        Command::Merge(args) => commands::merge::run(args),
        Command::Import(args) => commands::import::run(args),
        Command::Fmt(args) => commands::fmt::run(args),
        Command::Diff(args) => commands::diff::run(args),
        Command::Completions(args) => commands::completions::run(args, cli_command()),
        Command::Man(args) => commands::man::run(args, cli_command()),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
