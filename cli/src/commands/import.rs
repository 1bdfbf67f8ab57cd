use super::Outcome;
use chiso::model::UnitLevel;
use chiso_formats::import::{import, ImportOptions};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The criteria table: tab-separated or CSV text (.txt, .tsv, .csv), or a workbook
    /// (.xlsx, .xls, .ods).
    table: PathBuf,
    /// Write the ruleset skeleton here (default: print it).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The ruleset's title (default: the caption above the table).
    #[arg(long)]
    title: Option<String>,
    /// The issuing body, e.g. "UBND tỉnh Điện Biên".
    #[arg(long)]
    issuer: Option<String>,
    /// The decree's number, e.g. "2270/QĐ-UBND".
    #[arg(long)]
    decree: Option<String>,
    #[arg(long)]
    year: Option<u32>,
    /// The unit level the table scores.
    #[arg(long, value_enum)]
    level: Option<Level>,
    /// The workbook's sheet (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// Which table of a file that holds several (1 = the first).
    #[arg(long)]
    table_number: Option<usize>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Level {
    Department,
    District,
    Commune,
    Province,
    Ministry,
}

pub fn run(args: Args) -> Outcome {
    let name = args.table.display().to_string();
    let bytes = super::read_bytes(&args.table)?;
    let options = ImportOptions {
        source_name: args
            .table
            .file_name()
            .map_or(name.clone(), |f| f.to_string_lossy().into_owned()),
        title: args.title,
        issuer: args.issuer,
        decree: args.decree,
        year: args.year,
        level: args.level.map(|l| match l {
            Level::Department => UnitLevel::Department,
            Level::District => UnitLevel::District,
            Level::Commune => UnitLevel::Commune,
            Level::Province => UnitLevel::Province,
            Level::Ministry => UnitLevel::Ministry,
        }),
        sheet: args.sheet,
        table: args.table_number,
        lang: crate::render::lang(),
    };
    let imported = import(&bytes, &options);
    super::print_diagnostics(
        &name,
        imported.source.as_deref().unwrap_or(""),
        &imported.diagnostics,
    );
    if imported.text.is_empty() {
        eprintln!("{name}: {}", tr!("cli-import-nothing"));
        return Ok(ExitCode::from(1));
    }
    let output_name = args
        .output
        .as_ref()
        .map_or("<skeleton>".to_string(), |p| p.display().to_string());
    match &args.output {
        Some(path) => crate::output::write_output(
            Some(path),
            imported.text.as_bytes(),
            false,
            std::slice::from_ref(&args.table),
        )?,
        None => crate::output::print(&imported.text),
    }
    super::print_diagnostics(&output_name, &imported.text, &imported.check);
    let s = &imported.summary;
    let errors = imported
        .diagnostics
        .iter()
        .chain(&imported.check)
        .filter(|d| d.is_error())
        .count();
    let warnings = imported.diagnostics.len() + imported.check.len() - errors;
    eprintln!(
        "{name}: {}",
        tr!(
            "cli-import-summary",
            table = s.table,
            tables = s.tables,
            first = s.first_row.to_string(),
            last = s.last_row.to_string(),
            areas = s.areas,
            criteria = s.criteria,
            subcriteria = s.subcriteria,
            survey = s.survey,
            satisfaction = s.satisfaction,
            bonus = s.bonus,
            not_evaluated = s.not_evaluated,
            errors = errors,
            warnings = warnings
        )
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
