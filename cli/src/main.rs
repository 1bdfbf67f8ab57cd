//! The `chiso` command: a thin shell over the library. Reads files, calls the library,
//! prints what it returns. Exit codes: 0 success, 1 the input has errors, 2 usage errors.

mod commands;
mod output;
mod render;
use commands as cli;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "chiso",
    version,
    about = "Rules language and engine for Vietnam's Public Administration Reform Index (Chỉ số CCHC)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check rulesets and report every problem found.
    Check(cli::check::Args),
    /// Score units: one data file, several, or folders of them (scored as one batch).
    Score(cli::score::Args),
    /// Explain how one criterion's points arise for a unit, at the stage that counts (the
    /// appraisal when given, or `--stage`); `--batch` gives the units `best(…)` compares with.
    Explain(cli::explain::Args),
    /// Run the test cases written in rulesets.
    Test(cli::test::Args),
    /// What would it take: the smallest change in each input that raises a unit's points
    /// or reaches the next grade, found by evaluating the ruleset (never a smaller
    /// denominator, never a part above its whole); at the stage that counts, or `--stage`.
    Advise(cli::advise::Args),
    /// Write one office's data-entry form (its inputs and criteria) as TOML or .xlsx.
    Template(cli::template::Args),
    /// Merge the offices' filled forms into one unit file, reporting conflicts and gaps.
    Merge(cli::merge::Args),
    /// Turn a published criteria table (TSV/CSV text or a workbook) into a ruleset skeleton.
    Import(cli::import::Args),
    /// Rewrite rulesets in the canonical layout (`--check` to only report).
    Fmt(cli::fmt::Args),
    /// Compare two years' rulesets: criteria renumbered, re-weighted, split, merged, added,
    /// removed; with --data, what the change does to last year's units.
    Diff(cli::diff::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => cli::check::run(args),
        Command::Score(args) => cli::score::run(args),
        Command::Explain(args) => cli::explain::run(args),
        Command::Test(args) => cli::test::run(args),
        Command::Advise(args) => cli::advise::run(args),
        Command::Template(args) => cli::template::run(args),
        Command::Merge(args) => cli::merge::run(args),
        Command::Import(args) => cli::import::run(args),
        Command::Fmt(args) => cli::fmt::run(args),
        Command::Diff(args) => cli::diff::run(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
