//! `chiso diff OLD NEW`: what changed between two years' rulesets, and (with `--data`) what
//! it does to last year's units. Exit 0 whatever the differences; 1 when a ruleset has errors
//! or a file cannot be read.

use super::Outcome;
use chiso::diff::{compare, impact, Mapping};
use chiso_formats::report::diff::{self as render, Sides};
use chiso_formats::unit_file::{read_raw, DataFormat};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Last year's ruleset (.chiso).
    old: PathBuf,
    /// The new ruleset (.chiso).
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: DiffFormat,
    /// Write the report here (default: print it).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// A reviewed mapping file (old id -> new id) overriding the guessed matches.
    #[arg(long)]
    mapping: Option<PathBuf>,
    /// Write the mapping used (guessed, or as given) to this file, to review.
    #[arg(long = "write-mapping")]
    write_mapping: Option<PathBuf>,
    /// Last year's unit files (TOML/JSON, or folders of them), scored under both rulesets.
    #[arg(long, num_args = 1..)]
    data: Vec<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    /// Plain text for a terminal.
    Text,
    /// Markdown.
    Markdown,
    /// Stable JSON (docs/diff.md).
    Json,
    /// One self-contained HTML page, both trees side by side.
    Html,
}

pub fn run(args: Args) -> Outcome {
    let Some((_, old)) = super::load_ruleset(&args.old)? else {
        return Ok(ExitCode::from(1));
    };
    let Some((_, new)) = super::load_ruleset(&args.new)? else {
        return Ok(ExitCode::from(1));
    };
    let mapping = match &args.mapping {
        Some(path) => Some(
            Mapping::parse(&super::read(path)?)
                .map_err(|e| format!("{}: {}", path.display(), crate::render::text(e)))?,
        ),
        None => None,
    };
    let (diff, problems) = compare(&old, &new, mapping.as_ref());
    for p in &problems {
        eprintln!(
            "{}: {p}",
            chiso::Severity::Warning.label(crate::render::lang()),
            p = p.render(crate::render::lang())
        );
    }
    let mut inputs = vec![args.old.clone(), args.new.clone()];
    if let Some(path) = &args.write_mapping {
        let text = diff.to_mapping(&old.ruleset, &new.ruleset).write(
            &old.ruleset.meta.title,
            &new.ruleset.meta.title,
            crate::render::lang(),
        );
        crate::output::write_output(Some(path), text.as_bytes(), false, &inputs)?;
    }
    let impact = if args.data.is_empty() {
        None
    } else {
        let paths = super::expand_data_paths(&args.data)?;
        let mut units = Vec::new();
        for path in &paths {
            let text = super::read(path)?;
            let name = path.display().to_string();
            match read_raw(&text, DataFormat::of(&name, &text)) {
                Ok(raw) => units.push(raw),
                Err(d) => {
                    super::print_diagnostics(&name, &text, &[*d]);
                    return Ok(ExitCode::from(1));
                }
            }
        }
        inputs.extend(paths);
        Some(impact(&diff, &old.ruleset, &new.ruleset, &units))
    };
    let (old_name, new_name) = (
        args.old.display().to_string(),
        args.new.display().to_string(),
    );
    let sides = Sides {
        old: &old.ruleset,
        new: &new.ruleset,
        old_name: &old_name,
        new_name: &new_name,
    };
    let out = match args.format {
        DiffFormat::Text => render::text(&sides, &diff, impact.as_ref(), crate::render::lang()),
        DiffFormat::Markdown => {
            render::markdown(&sides, &diff, impact.as_ref(), crate::render::lang())
        }
        DiffFormat::Json => render::json(&sides, &diff, impact.as_ref()),
        DiffFormat::Html => render::html(&sides, &diff, impact.as_ref(), crate::render::lang()),
    };
    crate::output::write_output(args.output.as_deref(), out.as_bytes(), false, &inputs)?;
    Ok(ExitCode::SUCCESS)
}
