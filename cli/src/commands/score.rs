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
    /// The report's format (default: from the extension of `-o FILE`, else `table`).
    #[arg(long, value_parser = format_parser())]
    format: Option<Format>,
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
    /// Score on this many threads (default: as many as the machine has); the report is the
    /// same whatever the number.
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Last year's results (so với năm trước): chiso's own `--format json` report of last
    /// year, or last year's ruleset (.chiso) with `--previous-data`; each unit's previous
    /// index, its change in points, percentage and rank, and its grade move are added to the
    /// report (units matched by name).
    #[arg(long = "previous", value_name = "LAST_YEAR.json|LAST_YEAR.chiso")]
    previous: Option<PathBuf>,
    /// Last year's data (files, folders, sheets), scored with the ruleset `--previous` names.
    #[arg(long = "previous-data", requires = "previous")]
    previous_data: Vec<PathBuf>,
    /// Print each unit's total with exactly this many decimals (86.471, 85.900), whatever the
    /// computation rounds to; overrides the ruleset's `display N places` / `hiển thị N chữ số`.
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=28))]
    decimals: Option<u32>,
}

/// `--format`'s values: the rows of the formats' registry.
fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        report::FORMATS
            .iter()
            .map(|row| PossibleValue::new(row.name).help(row.about)),
    )
    .map(|name| Format::from_name(&name).expect("a listed name"))
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Separator {
    /// `1,5` is one and a half; `.` groups thousands.
    Comma,
    /// `1.5` is one and a half; `,` groups thousands.
    Point,
}

pub fn run(args: Args) -> Outcome {
    let mut inputs = vec![args.ruleset.clone()];
    inputs.extend(super::expand_data_paths(&args.data)?);
    inputs.extend(super::expand_data_paths(&args.targets)?);
    inputs.extend(args.previous.clone());
    inputs.extend(super::expand_data_paths(&args.previous_data)?);
    // Refused before any scoring: an `-o` over an input is a slip, not a long wait.
    if let Some(output) = &args.output {
        crate::output::check_not_an_input(output, &inputs)?;
    }
    let Some((_, mut analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    if let Some(places) = args.decimals {
        // What is printed, never what is computed (docs/language.md, "Precision as published").
        analysis.ruleset.meta.display_places = Some(places);
    }
    let ruleset = &analysis.ruleset;
    let options = chiso_formats::sheet::SheetOptions {
        decimal_separator: match args.decimal_separator {
            None => DecimalSeparator::Either,
            Some(Separator::Comma) => DecimalSeparator::Comma,
            Some(Separator::Point) => DecimalSeparator::Point,
        },
    };
    let sources = super::batch::read_sources(ruleset, &args.data, args.sheet.as_deref(), options)?;
    let batch = super::batch::score(ruleset, &sources, args.jobs.map(usize::from));
    super::batch::print_problems(ruleset, &sources, &batch);
    let mut failed = batch.has_failures();
    let targets = read_targets(ruleset, &args.targets, &mut failed)?;
    let mut view =
        report::batch::BatchReport::new(ruleset, &batch, &targets).with_lang(crate::render::lang());
    for unit in &view.unmatched_targets {
        eprintln!(
            "{}: {}",
            chiso::Severity::Warning.label(crate::render::lang()),
            tr!("cli-targets-no-unit", unit = unit.as_str())
        );
    }
    if let Some(path) = &args.previous {
        let previous = read_previous(path, &args.previous_data, args.sheet.as_deref(), options)?;
        view = view.with_previous(previous);
        print_unmatched(&view, path);
    }
    let output = args.output.as_deref();
    let format = args
        .format
        .or_else(|| output.and_then(|o| Format::from_path(&o.display().to_string())))
        .unwrap_or(Format::Table);
    // Written unit by unit from the packed results, straight into the file (or stdout).
    crate::output::write_output_with(output, format.is_binary(), &inputs, &mut |out| {
        format.write(&view, out)
    })?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Last year's results: its JSON report, or its ruleset (`.chiso`) and data scored now.
fn read_previous(
    path: &std::path::Path,
    data: &[PathBuf],
    sheet: Option<&str>,
    options: chiso_formats::sheet::SheetOptions,
) -> Result<Vec<chiso::batch::previous::PreviousUnit>, String> {
    let is_ruleset = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("chiso"));
    if !is_ruleset {
        if !data.is_empty() {
            return Err(tr!(
                "cli-previous-data-without-ruleset",
                file = path.display().to_string()
            ));
        }
        let text = super::read(path)?;
        return chiso_formats::previous::read_previous(&text)
            .map_err(|e| format!("{}: {}", path.display(), crate::render::text(e)));
    }
    if data.is_empty() {
        return Err(tr!(
            "cli-previous-needs-data",
            file = path.display().to_string()
        ));
    }
    let Some((_, analysis)) = super::load_ruleset(path)? else {
        return Err(tr!(
            "cli-previous-ruleset-errors",
            file = path.display().to_string()
        ));
    };
    let ruleset = &analysis.ruleset;
    let sources = super::batch::read_sources(ruleset, data, sheet, options)?;
    let batch = super::batch::score(ruleset, &sources, None);
    if batch.has_failures() {
        eprintln!(
            "{}: {}",
            chiso::Severity::Warning.label(crate::render::lang()),
            tr!(
                "cli-previous-data-problems",
                file = path.display().to_string()
            )
        );
    }
    Ok(chiso::batch::previous::from_batch(ruleset, &batch))
}

/// Names the units of either year without a match (warnings: a renamed unit is the usual
/// cause).
fn print_unmatched(view: &report::batch::BatchReport, path: &std::path::Path) {
    let Some(previous) = &view.previous else {
        return;
    };
    for &i in &previous.new_units {
        eprintln!(
            "{}: {}",
            chiso::Severity::Warning.label(crate::render::lang()),
            tr!(
                "cli-previous-new-unit",
                unit = view.batch.units[i].unit(),
                file = path.display().to_string()
            )
        );
    }
    for &i in &previous.gone {
        eprintln!(
            "{}: {}",
            chiso::Severity::Warning.label(crate::render::lang()),
            tr!(
                "cli-previous-gone-unit",
                unit = previous.previous[i].unit.as_str(),
                file = path.display().to_string()
            )
        );
    }
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
            chiso_formats::unit_file::DataFormat::of(&name, &text),
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
