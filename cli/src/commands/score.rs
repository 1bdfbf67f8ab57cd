use super::Outcome;
use chiso::text::DecimalSeparator;
use chiso_formats::report::{self, Format};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// Unit data files (.toml or .json), folders of them, or sheets with one unit per row
    /// (.csv, .xlsx, .xls, .ods); all are scored as one batch.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
    /// The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named).
    #[arg(long)]
    sheet: Option<String>,
    /// How decimal, percent and points columns of sheets write decimals (count columns
    /// always read `.`/`,` as thousands groups).
    #[arg(long, value_enum)]
    decimal_separator: Option<Separator>,
    /// Target files (điểm phấn đấu: unit files whose [points] give the planned points) or
    /// folders of them, compared with what each unit achieved.
    #[arg(long = "targets")]
    targets: Vec<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
    Csv,
    Markdown,
    /// A workbook: the ranking, grades, both stages, a sheet per unit.
    Xlsx,
    /// One self-contained page: ranking, grades, heat map, lost points, charts.
    Html,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Separator {
    /// `1,5` is one and a half; `.` groups thousands.
    Comma,
    /// `1.5` is one and a half; `,` groups thousands.
    Point,
}

impl From<OutputFormat> for Option<Format> {
    fn from(f: OutputFormat) -> Self {
        match f {
            OutputFormat::Table => Some(Format::Table),
            OutputFormat::Json => Some(Format::Json),
            OutputFormat::Csv => Some(Format::Csv),
            OutputFormat::Markdown => Some(Format::Markdown),
            OutputFormat::Xlsx | OutputFormat::Html => None,
        }
    }
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    let options = chiso_formats::sheet::SheetOptions {
        decimal_separator: match args.decimal_separator {
            None => DecimalSeparator::Either,
            Some(Separator::Comma) => DecimalSeparator::Comma,
            Some(Separator::Point) => DecimalSeparator::Point,
        },
    };
    let sources = super::batch::read_sources(ruleset, &args.data, args.sheet.as_deref(), options)?;
    let batch = super::batch::score(ruleset, &sources);
    super::batch::print_problems(ruleset, &sources, &batch);
    let mut failed = batch.has_failures();
    let targets = read_targets(ruleset, &args.targets, &mut failed)?;
    let view = report::batch::BatchReport::new(ruleset, &batch, &targets);
    for unit in &view.unmatched_targets {
        eprintln!("warning: targets for “{unit}” match no unit of the batch");
    }
    let unpacked: Vec<_> = batch.units.iter().map(|u| u.result.unpack()).collect();
    let results: Vec<_> = unpacked.iter().collect();
    let several = batch.units.len() + batch.not_scored.len() > 1;
    let extras = several || !view.comparisons.is_empty() || !view.targets.is_empty();
    let output = args.output.as_deref();
    match args.format {
        OutputFormat::Xlsx => super::batch::emit(output, &report::xlsx::batch(&view)?, true)?,
        OutputFormat::Html => {
            super::batch::emit(output, report::html::batch(&view).as_bytes(), false)?
        }
        OutputFormat::Json if extras => {
            let mut s = serde_json::to_string_pretty(&report::batch::json(&view))
                .map_err(|e| e.to_string())?;
            s.push('\n');
            super::batch::emit(output, s.as_bytes(), false)?
        }
        format => {
            let Some(format) = Option::<Format>::from(format) else {
                return Err("unknown format".into());
            };
            let mut text = report::render(ruleset, &results, format);
            if extras && matches!(format, Format::Table | Format::Markdown) {
                text.push_str(&report::batch::text(
                    &view,
                    matches!(format, Format::Markdown),
                ));
            }
            super::batch::emit(output, text.as_bytes(), false)?
        }
    }
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn read_targets(
    ruleset: &chiso::model::Ruleset,
    paths: &[PathBuf],
    failed: &mut bool,
) -> Result<Vec<chiso::batch::lost::Targets>, String> {
    let mut out = Vec::new();
    for path in super::expand_data_paths(paths)? {
        let name = path.display().to_string();
        let text = super::read(&path)?;
        let raw = match chiso_formats::unit_file::read_raw(
            &text,
            chiso_formats::unit_file::DataFormat::from_path(&name),
        ) {
            Ok(raw) => raw,
            Err(d) => {
                super::print_diagnostics(&name, &text, &[*d]);
                *failed = true;
                continue;
            }
        };
        let (targets, diagnostics) = chiso::batch::lost::read_targets(ruleset, &raw);
        super::print_diagnostics(&name, &text, &diagnostics);
        if chiso::diagnostic::has_errors(&diagnostics) {
            *failed = true;
        }
        out.push(targets);
    }
    Ok(out)
}
