//! The `chiso` command: a thin shell over the library. Reads files, calls the library,
//! prints what it returns. Exit codes: 0 success, 1 the input has errors, 2 usage errors.
//!
//! Every text it shows is in the reader's language (`--lang vi|en`, `CHISO_LANG`, the
//! locale, else Vietnamese): messages from the catalogues of `chiso-i18n`, `--help` rebuilt
//! from them by [`help::localize`].

/// A catalogue message in this run's language: `tr!("cli-cannot-read", file = name)`.
macro_rules! tr {
    ($($t:tt)*) => {
        $crate::render::text(chiso::msg!($($t)*))
    };
}

mod commands;
mod help;
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
    /// The language of messages and help: vi (tiếng Việt, the default) or en. Without it,
    /// CHISO_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG) decide.
    #[arg(long, global = true, value_parser = ["vi", "en"])]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
    /// When to colour diagnostics and the progress bar: `auto` colours a terminal unless
    /// NO_COLOR is set (CLICOLOR_FORCE colours a pipe too).
    #[arg(long, value_enum, global = true, default_value_t = render::ColorChoice::Auto)]
    color: render::ColorChoice,
}

/// The whole command line as clap sees it (for completions and the manual page too), its
/// help in this run's language.
fn cli_command() -> clap::Command {
    help::localize(Cli::command(), render::lang())
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
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    // The language is needed before parsing: `--help` and usage errors are written in it.
    let lang = render::lang_from_env(help::lang_flag(&args));
    render::set_lang(lang);
    // `--color` is known before parsing, so that clap's own help and errors follow it.
    let color = render::ColorChoice::from_args(args.iter().cloned());
    let cli = match cli_command()
        .color(color.for_clap())
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(error) => return help::exit_with(error, lang),
    };
    let _ = cli.lang;
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
            eprintln!(
                "{}: {message}",
                chiso::diagnostic::Severity::Error.label(lang)
            );
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiso::Lang;

    /// Every command and argument has its about/help in both catalogues (an option added
    /// without one would show English in a Vietnamese `--help`).
    #[test]
    fn every_command_and_argument_has_its_help_in_both_catalogues() {
        let command = Cli::command();
        let ids = help::help_ids(&command);
        assert!(ids.len() > 20, "{ids:?}");
        let missing: Vec<String> = ids
            .iter()
            .filter(|(id, _)| Lang::ALL.iter().any(|&l| !chiso_i18n::has(l, id)))
            .map(|(id, english)| format!("{id} = {}", english.replace('\n', " ")))
            .collect();
        assert!(
            missing.is_empty(),
            "missing from the catalogues:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn help_is_vietnamese_by_default_and_english_when_asked() {
        let vi = help::localize(Cli::command(), Lang::Vi)
            .render_help()
            .to_string();
        assert!(vi.contains("Cách dùng:"), "{vi}");
        assert!(vi.contains("Lệnh:"), "{vi}");
        assert!(!vi.contains("Usage:") && !vi.contains("Options:"), "{vi}");
        assert!(!vi.contains("Print help"), "{vi}");
        let en = help::localize(Cli::command(), Lang::En)
            .render_help()
            .to_string();
        assert!(en.contains("Usage:") && en.contains("Print help"), "{en}");
    }

    #[test]
    fn the_lang_flag_is_read_before_parsing() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            help::lang_flag(&args(&["chiso", "--lang", "en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(
            help::lang_flag(&args(&["chiso", "check", "--lang=vi"])),
            Some(Lang::Vi)
        );
        assert_eq!(help::lang_flag(&args(&["chiso", "check", "x.chiso"])), None);
        assert_eq!(
            help::lang_flag(&args(&["chiso", "--", "--lang", "en"])),
            None
        );
    }
}
