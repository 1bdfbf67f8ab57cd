use super::Outcome;
use chiso::eval::{best_values, evaluate_batch, explain};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// The unit's data: a unit file, or a sheet with a row per unit (then name it with --unit).
    data: PathBuf,
    /// The criterion id, e.g. 7.2.2 (an area or criterion id explains its sum).
    id: String,
    /// Other units' files scored in the same batch (for criteria normalised against the best unit).
    #[arg(long = "batch")]
    batch: Vec<PathBuf>,
    /// The unit to explain (by name), when the data holds more than one.
    #[arg(long)]
    unit: Option<String>,
    /// The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named).
    #[arg(long)]
    sheet: Option<String>,
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    let Some(index) = ruleset.node_index(&args.id) else {
        let hint = chiso::text::did_you_mean(&args.id, ruleset.nodes.iter().map(|n| n.id.as_str()))
            .map(|s| format!(" (did you mean {s}?)"))
            .unwrap_or_default();
        return Err(format!(
            "no criterion `{}` in {}{hint}",
            args.id,
            args.ruleset.display()
        ));
    };
    let mut paths = vec![args.data.clone()];
    paths.extend(args.batch.iter().cloned());
    let sources =
        super::batch::read_sources(ruleset, &paths, args.sheet.as_deref(), Default::default())?;
    let (data, unit) =
        super::batch::load_for_one(ruleset, &sources, &args.data, args.unit.as_deref())?;
    let outcomes = evaluate_batch(ruleset, &data);
    let best = best_values(ruleset, &data);
    let explanation = explain(
        ruleset,
        &data[unit],
        &best,
        index,
        &outcomes[unit].result.nodes[index],
    );
    print!("{}", chiso_formats::report::explain::text(&explanation));
    Ok(ExitCode::SUCCESS)
}
