use super::Outcome;
use chiso::batch::advice::{advise, best_without};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// The unit's data and the rest of its batch: unit files, folders, or sheets.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    /// The unit to advise (by name); needed when the data holds more than one.
    #[arg(long)]
    unit: Option<String>,
    /// The stage to advise on when the unit has both: self (tự đánh giá) or appraised (thẩm
    /// định). By default the stage that counts: the appraisal when there is one.
    #[arg(long, value_hint = clap::ValueHint::Other)]
    stage: Option<String>,
    /// The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named).
    #[arg(long)]
    sheet: Option<String>,
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    let sources = super::batch::read_sources(
        ruleset,
        &args.data,
        args.sheet.as_deref(),
        Default::default(),
    )?;
    let (all, index) = super::batch::load_for_one(
        ruleset,
        &sources,
        &args.data[0],
        args.unit.as_deref(),
        super::explain::parse_stage(ruleset, args.stage.as_deref())?,
    )?;
    let best = best_without(ruleset, &all, index);
    let advice = advise(ruleset, &all[index], &best);
    crate::output::print(&chiso_formats::report::advice::text(
        ruleset,
        &all[index],
        &advice,
        crate::render::lang(),
    ));
    Ok(ExitCode::SUCCESS)
}
