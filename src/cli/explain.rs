use super::Outcome;
use chiso::eval::{best_values, evaluate_batch, explain};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// The unit's data file.
    data: PathBuf,
    /// The criterion id, e.g. 7.2.2 (an area or criterion id explains its sum).
    id: String,
    /// Other units' files scored in the same batch (for criteria normalised against the best unit).
    #[arg(long = "batch")]
    batch: Vec<PathBuf>,
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
    paths.extend(super::expand_data_paths(&args.batch)?);
    let (units, _) = super::load_units(ruleset, &paths)?;
    let Some(unit) = units
        .first()
        .filter(|u| u.path == args.data.display().to_string())
    else {
        return Ok(ExitCode::from(1));
    };
    let data: Vec<_> = units.iter().map(|u| u.data.clone()).collect();
    let outcomes = evaluate_batch(ruleset, &data);
    let best = best_values(ruleset, &data);
    let explanation = explain(
        ruleset,
        &unit.data,
        &best,
        index,
        &outcomes[0].result.nodes[index],
    );
    print!("{}", explanation.to_text());
    Ok(ExitCode::SUCCESS)
}
