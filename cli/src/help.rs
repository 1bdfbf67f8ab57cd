//! `--help` and usage errors in the reader's language, through clap's builder: every command's
//! about, every argument's help and clap's own headings come from the catalogues
//! (`cli-…` ids of `chiso-i18n`). The derive's doc comments stay as the developers' notes; a
//! test (`tests/suite/i18n.rs`) requires a catalogue entry for every command and argument, so
//! an option added later cannot reach users in English only.

use chiso::{Lang, Message};
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, Command};
use std::ffi::OsString;
use std::process::ExitCode;

/// `--lang vi|en` (or `--lang=…`) among the raw arguments, read before clap parses them.
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(arg) = iter.next() {
        if arg == "--" {
            break;
        }
        if let Some(value) = arg.strip_prefix("--lang=") {
            return value.parse().ok();
        }
        if arg == "--lang" {
            return iter.next().and_then(|v| v.parse().ok());
        }
    }
    None
}

fn t(lang: Lang, id: &'static str) -> String {
    Message::new(id).render(lang)
}

/// The catalogue id of a command's about: `cli-about` for `chiso`, `cli-score-about`.
pub fn about_id(path: &[&str]) -> String {
    match path {
        [] => "cli-about".to_string(),
        // `chiso help score` says what `chiso score` is.
        ["help", rest @ ..] if !rest.is_empty() => about_id(rest),
        _ => format!("cli-{}-about", path.join("-")),
    }
}

/// The catalogue id of an argument's help: `cli-score-arg-decimal-separator`; global
/// arguments (`--lang`, `--color`, `--help`, `--version`) have one id each: `cli-arg-lang`.
pub fn arg_id(path: &[&str], arg: &str) -> String {
    if let ["help", rest @ ..] = path {
        if !rest.is_empty() {
            return arg_id(rest, arg);
        }
    }
    let arg = arg.replace('_', "-");
    if matches!(arg.as_str(), "lang" | "color" | "help" | "version") || path.is_empty() {
        format!("cli-arg-{arg}")
    } else {
        format!("cli-{}-arg-{arg}", path.join("-"))
    }
}

/// Every (catalogue id, English text from the derive) of `command` and its subcommands, for
/// the test that each has an entry in both catalogues.
#[cfg(test)]
pub fn help_ids(command: &Command) -> Vec<(String, String)> {
    let mut command = command.clone();
    command.build();
    let mut out = Vec::new();
    collect(&command, &mut Vec::new(), &mut out);
    out
}

#[cfg(test)]
fn collect(command: &Command, path: &mut Vec<String>, out: &mut Vec<(String, String)>) {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let about = command
        .get_about()
        .map(ToString::to_string)
        .unwrap_or_default();
    out.push((about_id(&names), about));
    for arg in command.get_arguments() {
        let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
        out.push((arg_id(&names, arg.get_id().as_str()), help));
    }
    for sub in command.get_subcommands() {
        path.push(sub.get_name().to_string());
        collect(sub, path, out);
        path.pop();
    }
}

/// `command` with its abouts, argument helps and clap's headings in `lang`. A command or
/// argument without a catalogue entry keeps the derive's English (the test forbids it).
pub fn localize(mut command: Command, lang: Lang) -> Command {
    command.build();
    localize_one(command, lang, &[])
}

fn localize_one(mut command: Command, lang: Lang, path: &[String]) -> Command {
    let names: Vec<&str> = path.iter().map(String::as_str).collect();
    let about = about_id(&names);
    if chiso_i18n::has(lang, &about) {
        let text = t_dyn(lang, &about);
        command = command.about(text.clone()).long_about(text);
    }
    let usage = t(lang, "cli-usage-heading");
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
    );
    command = command.help_template(template);
    // In English clap's own words stand (a manual page then keeps its SUBCOMMANDS section).
    if lang != Lang::En {
        command = command
            .subcommand_help_heading(t(lang, "cli-commands-heading"))
            .subcommand_value_name(t(lang, "cli-command-value"));
    }
    // clap's "[OPTIONS]" in the usage line, in the reader's words.
    let usage_line = command
        .render_usage()
        .to_string()
        .trim_start_matches("Usage:")
        .trim()
        .replace("[OPTIONS]", &t(lang, "cli-options-value"));
    command = command.override_usage(usage_line);
    // Possible and default values are said in the help text, in the reader's words (clap's
    // own "[possible values: …]" and "[default: …]" are English).
    type ArgInfo = (String, bool, Vec<String>, Vec<String>);
    let ids: Vec<ArgInfo> = command
        .get_arguments()
        .map(|a| {
            let values = if a.is_hide_possible_values_set() {
                Vec::new()
            } else {
                a.get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect()
            };
            // A flag's implicit `false` is no default worth saying.
            let defaults = if a.is_hide_default_value_set() || !a.get_action().takes_values() {
                Vec::new()
            } else {
                a.get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect()
            };
            (a.get_id().to_string(), a.is_positional(), values, defaults)
        })
        .collect();
    for (order, (id, positional, values, defaults)) in ids.into_iter().enumerate() {
        let key = arg_id(&names, &id);
        let heading = if positional {
            t(lang, "cli-arguments-heading")
        } else {
            t(lang, "cli-options-heading")
        };
        let help = chiso_i18n::has(lang, &key).then(|| {
            let mut text = t_dyn(lang, &key);
            if !values.is_empty() {
                let list = values.join(", ");
                text.push_str(&format!(
                    " [{}]",
                    chiso::msg!("cli-possible-values", values = list).render(lang)
                ));
            }
            if !defaults.is_empty() {
                let list = defaults.join(", ");
                text.push_str(&format!(
                    " [{}]",
                    chiso::msg!("cli-default-value", value = list).render(lang)
                ));
            }
            text
        });
        command = command.mut_arg(id.as_str(), |arg: Arg| {
            // A heading of our own makes clap sort by display order: keep the declared one.
            let arg = arg.help_heading(heading).display_order(order);
            let arg = if help.is_some() {
                arg.hide_possible_values(true).hide_default_value(true)
            } else {
                arg
            };
            match help {
                Some(h) => arg.help(h.clone()).long_help(h),
                None => arg,
            }
        });
    }
    let subs: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in subs {
        let mut sub_path = path.to_vec();
        sub_path.push(name.clone());
        command = command.mut_subcommand(name.as_str(), |sub| localize_one(sub, lang, &sub_path));
    }
    command
}

fn t_dyn(lang: Lang, id: &str) -> String {
    chiso_i18n::text(lang, id, &[])
}

/// Ends the program for a clap error: help and version are printed as clap writes them
/// (already localised); a usage error is said in `lang` with the usage line, exit code 2.
pub fn exit_with(error: clap::Error, lang: Lang) -> ExitCode {
    use ErrorKind::*;
    match error.kind() {
        DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            let code = if matches!(error.kind(), DisplayHelpOnMissingArgumentOrSubcommand) {
                2
            } else {
                0
            };
            return ExitCode::from(code);
        }
        _ => {}
    }
    if lang == Lang::En {
        let _ = error.print();
        return ExitCode::from(2);
    }
    let context = |kind: ContextKind| -> String {
        match error.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            Some(ContextValue::Strings(v)) => v.join(", "),
            Some(ContextValue::StyledStr(s)) => s.to_string(),
            Some(ContextValue::StyledStrs(v)) => v
                .iter()
                .map(StyledStr::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            Some(ContextValue::Number(n)) => n.to_string(),
            Some(ContextValue::Bool(b)) => b.to_string(),
            _ => String::new(),
        }
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let message = match error.kind() {
        InvalidValue => {
            let valid = context(ContextKind::ValidValue);
            chiso::msg!(
                "cli-error-invalid-value",
                value = value,
                arg = arg,
                valid = valid
            )
        }
        UnknownArgument => chiso::msg!("cli-error-unknown-argument", arg = arg),
        InvalidSubcommand => {
            chiso::msg!(
                "cli-error-unknown-command",
                command = context(ContextKind::InvalidSubcommand)
            )
        }
        MissingRequiredArgument => chiso::msg!("cli-error-missing-argument", arg = arg),
        MissingSubcommand => chiso::msg!("cli-error-missing-command"),
        ArgumentConflict => chiso::msg!(
            "cli-error-conflict",
            arg = arg,
            other = context(ContextKind::PriorArg)
        ),
        ValueValidation => chiso::msg!("cli-error-invalid-value-plain", value = value, arg = arg),
        TooManyValues | WrongNumberOfValues | TooFewValues => {
            chiso::msg!("cli-error-number-of-values", arg = arg)
        }
        _ => chiso::msg!("cli-error-other"),
    };
    let usage = error
        .to_string()
        .lines()
        .find(|l| l.starts_with("Usage:"))
        .map(|l| l.replacen("Usage:", &t(lang, "cli-usage-heading"), 1))
        .unwrap_or_default();
    eprintln!(
        "{}: {}",
        chiso::diagnostic::Severity::Error.label(lang),
        message.render(lang)
    );
    // clap's "a similar subcommand exists" and "a similar argument exists", in our words.
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            "cli-error-similar-command",
        ),
        (ContextKind::SuggestedArg, "cli-error-similar-argument"),
    ];
    for (kind, id) in similar {
        let suggested = context(kind);
        if !suggested.is_empty() {
            let text = match id {
                "cli-error-similar-command" => {
                    chiso::msg!("cli-error-similar-command", name = suggested.as_str())
                }
                _ => chiso::msg!("cli-error-similar-argument", name = suggested.as_str()),
            };
            eprintln!("\n  {}: {}", t(lang, "cli-error-tip"), text.render(lang));
        }
    }
    if !usage.is_empty() {
        eprintln!("\n{usage}\n\n{}", t(lang, "cli-error-more"));
    }
    ExitCode::from(2)
}
