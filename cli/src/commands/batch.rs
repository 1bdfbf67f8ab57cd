//! The I/O of batch work: reading unit files and sheets, the progress bar, printing the
//! problems of a batch, and writing outputs atomically.

use chiso::batch::{Batch, Problem, Units};
use chiso::model::Ruleset;
use chiso_formats::grid::{bytes_text_grid, workbook_grid};
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::{FileUnits, SheetUnits};
use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Whether a path is a sheet (one unit per row) rather than a unit file.
pub fn is_sheet(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "csv" | "tsv" | "xlsx" | "xlsm" | "xls" | "ods"
        )
    })
}

/// The units of a command line: unit files and folders of them, and sheets.
pub struct Sources {
    pub files: FileUnits,
    pub sheets: Vec<SheetUnits>,
    /// Texts of unit files and CSV sheets by name, for rendering problems in context.
    pub texts: HashMap<String, String>,
}

impl Sources {
    pub fn units(&self) -> chiso::batch::Chain<'_> {
        let mut sources: Vec<&(dyn Units + Sync)> = vec![&self.files];
        sources.extend(self.sheets.iter().map(|s| s as &(dyn Units + Sync)));
        chiso::batch::Chain { sources }
    }
}

/// Reads every data path: unit files (.toml, .json), folders of them, sheets (.csv, .xlsx …).
/// A file that cannot be read is an error for the whole command (nothing is scored).
pub fn read_sources(
    ruleset: &Ruleset,
    paths: &[PathBuf],
    sheet: Option<&str>,
    options: SheetOptions,
) -> Result<Sources, String> {
    let mut files = Vec::new();
    let mut sheets = Vec::new();
    let mut texts = HashMap::new();
    let (stdin, paths): (Vec<PathBuf>, Vec<PathBuf>) = paths
        .iter()
        .cloned()
        .partition(|p| crate::output::is_stdio(p));
    let (sheet_paths, unit_paths): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.into_iter().partition(|p| p.is_file() && is_sheet(p));
    if let Some(path) = stdin.first() {
        // Standard input has no extension to tell what it holds: its bytes tell.
        let name = path.display().to_string();
        let bytes = super::read_bytes(path)?;
        match sniff(&bytes) {
            Stdin::Workbook => {
                let grid = workbook_grid(&bytes, sheet)
                    .map_err(|e| format!("{name}: {}", e.render(crate::render::lang())))?;
                sheets.push(SheetUnits::new(name, Sheet::new(ruleset, grid, options)));
            }
            Stdin::TextSheet => {
                let grid = bytes_text_grid(&bytes)
                    .map_err(|e| format!("{name}: {}", e.render(crate::render::lang())))?;
                sheets.push(SheetUnits::new(name, Sheet::new(ruleset, grid, options)));
            }
            Stdin::UnitFile => {
                let text = super::text_of(path, bytes)?;
                texts.insert(name.clone(), text.clone());
                files.push((name, text));
            }
        }
    }
    for path in super::expand_data_paths(&unit_paths)? {
        let name = path.display().to_string();
        let text = super::read(&path)?;
        texts.insert(name.clone(), text.clone());
        files.push((name, text));
    }
    for path in sheet_paths {
        let name = path.display().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        let grid = if ext == "csv" || ext == "tsv" {
            let bytes = std::fs::read(&path).map_err(|e| {
                tr!(
                    "cli-cannot-read",
                    file = name.as_str(),
                    error = crate::render::io_error(&e)
                )
            })?;
            bytes_text_grid(&bytes)
                .map_err(|e| format!("{name}: {}", e.render(crate::render::lang())))?
        } else {
            let bytes = std::fs::read(&path).map_err(|e| {
                tr!(
                    "cli-cannot-read",
                    file = name.as_str(),
                    error = crate::render::io_error(&e)
                )
            })?;
            workbook_grid(&bytes, sheet)
                .map_err(|e| format!("{name}: {}", e.render(crate::render::lang())))?
        };
        sheets.push(SheetUnits::new(name, Sheet::new(ruleset, grid, options)));
    }
    Ok(Sources {
        files: FileUnits { files },
        sheets,
        texts,
    })
}

/// What standard input holds when it is a data path.
#[derive(Debug, PartialEq, Eq)]
enum Stdin {
    /// A workbook (`.xlsx`, `.ods`: a zip; `.xls`: an OLE file).
    Workbook,
    /// A unit file, TOML or JSON.
    UnitFile,
    /// A CSV or TSV sheet with a unit per row.
    TextSheet,
}

/// Tells what standard input holds from its bytes: a workbook by its signature; UTF-16 text
/// is a sheet (Excel's "Unicode text"); UTF-8 text is a unit file when its first line that is
/// not blank or a `#` comment opens a JSON object or a TOML table or sets a `key = value`
/// (before any `,`, `;` or tab), else a sheet (a header row).
fn sniff(bytes: &[u8]) -> Stdin {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return Stdin::Workbook;
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Stdin::TextSheet;
    }
    let text = String::from_utf8_lossy(bytes);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    let Some(first) = first else {
        return Stdin::UnitFile;
    };
    let before_separator = first.split([',', ';', '\t']).next().unwrap_or("");
    if first.starts_with('{') || first.starts_with('[') || before_separator.contains('=') {
        Stdin::UnitFile
    } else {
        Stdin::TextSheet
    }
}

/// Scores the units with a progress bar on a terminal (nothing otherwise), on `jobs` threads
/// (`None`: as many as the machine has).
pub fn score(ruleset: &Ruleset, sources: &Sources, jobs: Option<usize>) -> Batch {
    let units = sources.units();
    let count = units.count() as u64;
    let bar = if std::io::stderr().is_terminal() && count > 1 {
        let bar = indicatif::ProgressBar::new(count);
        // Coloured as diagnostics are (`--color`, NO_COLOR).
        let template = if crate::render::color_stderr() {
            "{bar:40.cyan/blue} {pos}/{len} đơn vị  {per_sec}  còn {eta}"
        } else {
            "{bar:40} {pos}/{len} đơn vị  {per_sec}  còn {eta}"
        };
        if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let jobs = jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let batch = chiso::batch::score_jobs(
        ruleset,
        &units,
        &mut |done| bar.set_position(done as u64),
        jobs,
    );
    bar.finish_and_clear();
    batch
}

/// Prints every problem of a batch: unit files with their text (miette), sheet cells by
/// row and column, then each incomplete unit's to-do list. Written problem by problem (a
/// province with thousands of problems is never held as one text).
pub fn print_problems(ruleset: &Ruleset, sources: &Sources, batch: &Batch) {
    use std::io::Write;
    let mut err = std::io::BufWriter::new(std::io::stderr().lock());
    let mut renderer = super::Renderer::default();
    // A closed standard error is not worth failing the command over.
    for problem in &batch.problems {
        let _ = err.write_all(render_problem(&mut renderer, sources, problem).as_bytes());
    }
    for unit in &batch.units {
        if !unit.result.missing.is_empty() {
            let outcome = chiso::eval::UnitOutcome {
                result: unit.result.unpack(),
                diagnostics: Vec::new(),
            };
            let lang = crate::render::lang();
            let _ = write!(err, "{}: ", unit.origin.place().render(lang));
            let _ = err
                .write_all(chiso_formats::report::missing_list(ruleset, &outcome, lang).as_bytes());
        }
    }
    for n in &batch.not_scored {
        let _ = writeln!(
            err,
            "{}: {}{}: {}",
            crate::render::paint_severity(
                chiso::Severity::Error,
                &chiso::Severity::Error.label(crate::render::lang())
            ),
            n.origin.place().render(crate::render::lang()),
            n.unit
                .as_deref()
                .map(|u| format!(" [{u}]"))
                .unwrap_or_default(),
            tr!("cli-not-scored")
        );
    }
    let _ = err.flush();
}

/// The batch of a command about one unit (`explain`, `advise`): every unit that loads (the
/// problems of the others printed), and the index of the unit and stage asked about, as
/// [`chiso::batch::choose_unit`] decides.
pub fn load_for_one(
    ruleset: &Ruleset,
    sources: &Sources,
    first: &Path,
    unit: Option<&str>,
    stage: Option<chiso::data::Stage>,
) -> Result<(Vec<chiso::data::UnitData>, usize), String> {
    let units = sources.units();
    let mut problems = String::new();
    let mut renderer = super::Renderer::default();
    for problem in Units::problems(&units) {
        problems.push_str(&render_problem(&mut renderer, sources, &problem));
    }
    let mut all = Vec::new();
    for i in 0..Units::count(&units) {
        let loaded = Units::load(&units, ruleset, i);
        for problem in &loaded.problems {
            problems.push_str(&render_problem(&mut renderer, sources, problem));
        }
        match loaded.data {
            Some(data) => all.push((loaded.origin, data)),
            None => problems.push_str(&format!(
                "{}: {}: {}\n",
                chiso::Severity::Error.label(crate::render::lang()),
                loaded.origin.place().render(crate::render::lang()),
                tr!("cli-left-out")
            )),
        }
    }
    if !problems.is_empty() {
        eprint!("{problems}");
    }
    let index = chiso::batch::choose_unit(&all, unit, &first.display().to_string(), stage)
        .map_err(|e| crate::render::text(e.message()))?;
    Ok((all.into_iter().map(|(_, u)| u).collect(), index))
}

/// A problem in a text file with its source (miette); a sheet's cell or row as one line.
/// `renderer` indexes each file once for all its problems.
fn render_problem(renderer: &mut super::Renderer, sources: &Sources, problem: &Problem) -> String {
    let file = problem.place.file_name();
    match (problem.place.text_span(), sources.texts.get(file)) {
        (Some(_), Some(text)) => {
            renderer.render(file, text, std::slice::from_ref(&problem.diagnostic))
        }
        _ => {
            let text = problem.to_text(crate::render::lang());
            let d = &problem.diagnostic;
            let label = format!("{}[{}]", d.severity.label(crate::render::lang()), d.code);
            match text.strip_prefix(&label) {
                Some(rest) => format!(
                    "{}{rest}",
                    crate::render::paint_severity(d.severity, &label)
                ),
                None => text,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_input_is_told_by_its_bytes() {
        assert_eq!(sniff(b"PK\x03\x04rest of a zip"), Stdin::Workbook);
        assert_eq!(sniff(b"\xFF\xFEU\x00n\x00"), Stdin::TextSheet);
        assert_eq!(
            sniff(b"# comment\n\nunit = \"S\xE1\xBB\x9F, t\xE1\xBB\x89nh\"\n"),
            Stdin::UnitFile
        );
        assert_eq!(sniff(b"[inputs]\nx = 1\n"), Stdin::UnitFile);
        assert_eq!(sniff(b"  {\"unit\": \"A\"}"), Stdin::UnitFile);
        assert_eq!(sniff(b"unit,x,y\nA,1,2\n"), Stdin::TextSheet);
        assert_eq!(sniff(b"unit\tx\nA\t1\n"), Stdin::TextSheet);
        // A header cell holding `=` after the first separator is still a header.
        assert_eq!(sniff(b"unit;a=b\nA;1\n"), Stdin::TextSheet);
    }
}
