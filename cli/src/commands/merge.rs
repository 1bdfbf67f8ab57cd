use super::Outcome;
use chiso::text::format_decimal;
use chiso::worklist::{merge, Form};
use chiso_formats::forms::{read_form_toml, read_form_xlsx};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// The offices' filled forms (.toml or .xlsx written by `chiso template`).
    #[arg(required = true)]
    forms: Vec<PathBuf>,
    /// Write the merged unit file here (TOML); standard output without it.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    let mut forms: Vec<Form> = Vec::new();
    let mut texts: Vec<Option<String>> = Vec::new();
    let mut failed = false;
    for path in &args.forms {
        let name = path.display().to_string();
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))?;
            match read_form_xlsx(&name, &bytes) {
                Ok(form) => {
                    forms.push(form);
                    texts.push(None);
                }
                Err(e) => {
                    eprintln!("error: {e}");
                    failed = true;
                }
            }
        } else {
            let text = super::read(path)?;
            match read_form_toml(&name, &text) {
                Ok(form) => {
                    forms.push(form);
                    texts.push(Some(text));
                }
                Err(d) => {
                    super::print_diagnostics(&name, &text, &[*d]);
                    failed = true;
                }
            }
        }
    }
    let merged = merge(ruleset, &forms);
    for p in &merged.problems {
        let form = &forms[p.form];
        match (&p.place, &texts[p.form]) {
            (chiso::place::Place::Text { .. }, Some(text)) => {
                super::print_diagnostics(&form.name, text, std::slice::from_ref(&p.diagnostic))
            }
            (place, _) => eprintln!(
                "{}[{}]: {place}: {}",
                p.diagnostic.severity.as_str(),
                p.diagnostic.code,
                p.diagnostic.message
            ),
        }
    }
    for c in &merged.conflicts {
        let values: Vec<String> = c.values.iter().map(|(f, v)| format!("{v} ({f})")).collect();
        eprintln!(
            "error: conflict in [{}] `{}`: {} — not merged; agree on one value and merge again",
            c.table,
            c.key,
            values.join(" vs ")
        );
    }
    for (form, table, key, owners) in &merged.foreign {
        eprintln!(
            "warning: {} gives [{table}] `{key}`, which belongs to {}",
            forms[*form].name,
            if owners.is_empty() {
                "no office".to_string()
            } else {
                owners.join(", ")
            }
        );
    }
    for g in &merged.gaps {
        let owners = if g.owners.is_empty() {
            String::new()
        } else {
            format!(" — {}", g.owners.join(", "))
        };
        let needed = if g.criteria.is_empty() || g.table == "points" {
            String::new()
        } else {
            format!(" (for {})", g.criteria.join(", "))
        };
        eprintln!(
            "gap: [{}] `{}` not given by any form{needed}{owners}",
            g.table, g.key
        );
    }
    let given = merged.data.values.iter().filter(|v| v.is_some()).count()
        + merged.data.points.iter().filter(|v| v.is_some()).count();
    let text = chiso_formats::unit_file::to_toml(ruleset, &merged.data);
    let header = format!(
        "# Merged by chiso from: {}\n",
        forms
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    super::batch::emit(
        args.output.as_deref(),
        format!("{header}{text}").as_bytes(),
        false,
    )?;
    eprintln!(
        "merged {} form(s): {given} value(s), {} conflict(s), {} gap(s); claimed total {}",
        forms.len(),
        merged.conflicts.len(),
        merged.gaps.len(),
        format_decimal(merged.data.claimed.iter().flatten().sum())
    );
    Ok(if failed || !merged.is_clean() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
