use super::Outcome;
use chiso::eval::evaluate_batch;
use chiso::report::{self, Format};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// Unit data files (.toml or .json) or folders of them; all are scored as one batch.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Self {
        match f {
            OutputFormat::Table => Format::Table,
            OutputFormat::Json => Format::Json,
            OutputFormat::Csv => Format::Csv,
            OutputFormat::Markdown => Format::Markdown,
        }
    }
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    let paths = super::expand_data_paths(&args.data)?;
    let (units, mut failed) = super::load_units(ruleset, &paths)?;
    let data: Vec<_> = units.iter().map(|u| u.data.clone()).collect();
    let outcomes = evaluate_batch(ruleset, &data);
    for (unit, outcome) in units.iter().zip(&outcomes) {
        if !outcome.result.missing.is_empty() {
            eprint!("{}", report::missing_list(ruleset, outcome));
        }
        super::print_diagnostics(&unit.path, &unit.text, &outcome.diagnostics);
        if !outcome.result.is_complete() {
            failed = true;
        }
    }
    let results: Vec<_> = outcomes.iter().map(|o| &o.result).collect();
    print!("{}", report::render(ruleset, &results, args.format.into()));
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
