use super::Outcome;
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
    /// Replace a non-empty output file even when the forms give no value.
    #[arg(long)]
    force: bool,
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
        // Standard input is read once, here; a workbook there is told by its zip signature.
        let stdin = if crate::output::is_stdio(path) {
            Some(super::read_bytes(path)?)
        } else {
            None
        };
        let workbook = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
            || stdin.as_ref().is_some_and(|b| b.starts_with(b"PK\x03\x04"));
        if workbook {
            let bytes = match stdin {
                Some(bytes) => bytes,
                None => std::fs::read(path).map_err(|e| {
                    tr!(
                        "cli-cannot-read",
                        file = name.as_str(),
                        error = crate::render::io_error(&e)
                    )
                })?,
            };
            match read_form_xlsx(&name, &bytes) {
                Ok(form) => {
                    forms.push(form);
                    texts.push(None);
                }
                Err(e) => {
                    eprintln!(
                        "{}: {}",
                        chiso::Severity::Error.label(crate::render::lang()),
                        crate::render::text(e)
                    );
                    failed = true;
                }
            }
        } else {
            let text = match stdin {
                Some(bytes) => super::text_of(path, bytes)?,
                None => super::read(path)?,
            };
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
    // One line index per form, however many problems it has.
    let mut renderer = super::Renderer::default();
    for p in &merged.problems {
        let form = &forms[p.form];
        match (&p.place, &texts[p.form]) {
            (chiso::place::Place::Text { .. }, Some(text)) => eprint!(
                "{}",
                renderer.render(&form.name, text, std::slice::from_ref(&p.diagnostic))
            ),
            (place, _) => eprintln!(
                "{}[{}]: {}: {}",
                p.diagnostic.severity.label(crate::render::lang()),
                p.diagnostic.code,
                place.render(crate::render::lang()),
                crate::render::text(p.diagnostic.message.clone())
            ),
        }
    }
    eprint!(
        "{}",
        chiso_formats::report::merge::findings(&forms, &merged, crate::render::lang())
    );
    let text = chiso_formats::unit_file::to_toml(ruleset, &merged.data);
    let header = format!(
        "# {}\n",
        tr!(
            "cli-merge-header",
            forms = forms
                .iter()
                .map(|f| f.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    );
    let empty = merged.data.values.iter().all(Option::is_none)
        && merged.data.points.iter().all(Option::is_none)
        && merged.data.claimed.iter().all(Option::is_none)
        && merged.data.not_evaluated.iter().all(Option::is_none);
    let mut inputs = vec![args.ruleset.clone()];
    inputs.extend(args.forms.iter().cloned());
    if let Some(path) = args
        .output
        .as_deref()
        .filter(|p| !crate::output::is_stdio(p))
    {
        crate::output::check_not_an_input(path, &inputs)?;
        let has_data = std::fs::metadata(path).is_ok_and(|m| m.len() > 0);
        if empty && has_data && !args.force {
            return Err(tr!("cli-merge-empty", file = path.display().to_string()));
        }
    }
    crate::output::write_output(
        args.output.as_deref(),
        format!("{header}{text}").as_bytes(),
        false,
        &inputs,
    )?;
    eprintln!(
        "{}",
        chiso_formats::report::merge::summary(&forms, &merged, crate::render::lang())
    );
    Ok(if failed || !merged.is_clean() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
