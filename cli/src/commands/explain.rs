use super::Outcome;
use chiso::data::{Stage, UnitData};
use chiso::eval::{best_values, evaluate_with_best, explain};
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
    /// The rest of the batch: other units' files, folders or sheets scored with this one
    /// (needed for criteria normalised against the best unit, `best(…)`).
    #[arg(long = "batch", num_args = 1..)]
    batch: Vec<PathBuf>,
    /// The unit to explain (by name), when the data holds more than one.
    #[arg(long)]
    unit: Option<String>,
    /// The stage to explain when the unit has both: self (tự đánh giá) or appraised (thẩm
    /// định). By default the stage that counts: the appraisal when there is one.
    #[arg(long, value_hint = clap::ValueHint::Other)]
    stage: Option<String>,
    /// The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named).
    #[arg(long)]
    sheet: Option<String>,
}

/// Reads `--stage` under a ruleset: its own stage names (`Thẩm định lại`), or the words
/// `self`, `tự đánh giá`, `appraised`, `thẩm định`… (without case or diacritics). The error
/// lists the ruleset's stages.
pub(super) fn parse_stage(
    ruleset: &chiso::model::Ruleset,
    text: Option<&str>,
) -> Result<Option<Stage>, String> {
    text.map(|text| {
        Stage::parse_for(ruleset, text).ok_or_else(|| {
            tr!(
                "cli-unknown-stage",
                stage = text,
                words = Stage::expected_for(ruleset)
            )
        })
    })
    .transpose()
}

/// The units of the batch of one stage (a batch is scored stage by stage).
pub(super) fn of_stage(all: &[UnitData], stage: Stage) -> Vec<UnitData> {
    all.iter().filter(|u| u.stage == stage).cloned().collect()
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    // A criterion, or a bonus or penalty item outside the tree (`chiso explain … P1`).
    let target = ruleset.node_index(&args.id).map(Ok).or_else(|| {
        ruleset
            .adjustments
            .iter()
            .position(|a| a.id == args.id)
            .map(Err)
    });
    let Some(target) = target else {
        let file = args.ruleset.display().to_string();
        return Err(
            match chiso::text::did_you_mean(&args.id, ruleset.nodes.iter().map(|n| n.id.as_str())) {
                Some(s) => tr!(
                    "cli-no-criterion-suggest",
                    id = args.id.as_str(),
                    file = file,
                    suggestion = s
                ),
                None => tr!("cli-no-criterion", id = args.id.as_str(), file = file),
            },
        );
    };
    let mut paths = vec![args.data.clone()];
    paths.extend(args.batch.iter().cloned());
    let sources =
        super::batch::read_sources(ruleset, &paths, args.sheet.as_deref(), Default::default())?;
    let (data, unit) = super::batch::load_for_one(
        ruleset,
        &sources,
        &args.data,
        args.unit.as_deref(),
        parse_stage(ruleset, args.stage.as_deref())?,
    )?;
    let batch = of_stage(&data, data[unit].stage);
    let best = best_values(ruleset, &batch);
    let outcome = evaluate_with_best(ruleset, &data[unit], &best);
    let explanation = match target {
        Ok(index) => explain(
            ruleset,
            &data[unit],
            &best,
            index,
            &outcome.result.nodes[index],
        ),
        Err(item) => {
            chiso::eval::explain_adjustment(ruleset, &data[unit], &best, item, &outcome.result)
        }
    };
    crate::output::print(&chiso_formats::report::explain::text(
        &explanation,
        batch.len(),
        crate::render::lang(),
    ));
    Ok(ExitCode::SUCCESS)
}
