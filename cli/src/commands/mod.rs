//! Shared pieces of the subcommands: reading files, printing diagnostics.

pub mod advise;
pub mod batch;
pub mod check;
pub mod completions;
pub mod diff;
pub mod explain;
pub mod fmt;
pub mod import;
pub mod man;
pub mod merge;
pub mod score;
pub mod template;
pub mod test;

use crate::render::{FileSource, CONTEXT_LINES};
use chiso::diagnostic::Diagnostic;
use chiso::position::LineIndex;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What a subcommand returns: an exit code, or an I/O problem to report (exit 1).
pub type Outcome = Result<ExitCode, String>;

/// Reads a text file (`-`: standard input) as UTF-8, without a byte-order mark.
pub fn read(path: &Path) -> Result<String, String> {
    text_of(path, read_bytes(path)?)
}

/// A file's bytes as UTF-8 text without a byte-order mark; errors name `path`.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        tr!(
            "cli-not-utf8",
            file = path.display().to_string(),
            byte = e.utf8_error().valid_up_to().to_string()
        )
    })?;
    // A byte-order mark is not part of the text.
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// Whether standard input has been read: it holds one file, so a second `-` is an error
/// rather than an empty file.
static STDIN_READ: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Reads a file's bytes (`-`: standard input, once per command).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, String> {
    if crate::output::is_stdio(path) {
        if STDIN_READ.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return Err(tr!("cli-stdin-twice"));
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|e| tr!("cli-cannot-read-stdin", error = crate::render::io_error(&e)))?;
        return Ok(bytes);
    }
    std::fs::read(path).map_err(|e| {
        tr!(
            "cli-cannot-read",
            file = path.display().to_string(),
            error = crate::render::io_error(&e)
        )
    })
}

/// Renders diagnostics with miette: file, line, the labelled span and help.
pub fn render(file: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
    Renderer::default().render(file, text, diagnostics)
}

/// Renders diagnostics of several files, indexing each file's lines once however many
/// diagnostics it has (rendered one by one, as problems of a batch are).
#[derive(Default)]
pub struct Renderer {
    /// Line index of each file's text, by file name and length (a file's text does not
    /// change during one command).
    indexes: std::collections::HashMap<(String, usize), LineIndex>,
}

impl Renderer {
    /// Renders `diagnostics` of `file`, whose text is `text`.
    pub fn render(&mut self, file: &str, text: &str, diagnostics: &[Diagnostic]) -> String {
        let handler = miette::GraphicalReportHandler::new_themed(crate::render::stderr_theme())
            .with_width(100)
            .with_context_lines(CONTEXT_LINES);
        let lines = self
            .indexes
            .entry((file.to_string(), text.len()))
            .or_insert_with(|| LineIndex::new(text));
        // Each diagnostic reads only the lines around it.
        let source = FileSource::new(file, text, lines);
        let mut out = String::new();
        for d in diagnostics {
            if source.render(&handler, d, &mut out).is_err() {
                out.push_str(&format!("{}\n", d.one_line(crate::render::lang())));
            }
            if !out.ends_with('\n') {
                out.push('\n');
            }
            if d.span.is_empty() && d.labels.is_empty() {
                // miette shows no file for an unplaced diagnostic: say which file it is about.
                out.push_str(&format!("  ╰─ {}\n", tr!("cli-in-file", file = file)));
            }
        }
        out
    }
}

pub fn print_diagnostics(file: &str, text: &str, diagnostics: &[Diagnostic]) {
    if !diagnostics.is_empty() {
        eprint!("{}", render(file, text, diagnostics));
    }
}

/// Reads and checks a ruleset, printing its diagnostics. `None` when it has errors.
pub fn load_ruleset(path: &Path) -> Result<Option<(String, chiso::Analysis)>, String> {
    let bytes = read_bytes(path)?;
    data_file_given_as_ruleset(path, &bytes)?;
    let text = text_of(path, bytes)?;
    let analysis = chiso::analyze(&text);
    print_diagnostics(&path.display().to_string(), &text, &analysis.diagnostics);
    if analysis.has_errors() {
        Ok(None)
    } else {
        Ok(Some((text, analysis)))
    }
}

/// A data file where the ruleset is expected (`chiso score DATA RULESET`, arguments swapped):
/// one clear error rather than hundreds of syntax errors. Known by its extension (a unit
/// file, a sheet, a workbook), else by its first bytes (a workbook's zip, a JSON object or
/// array, a TOML `unit =` line).
fn data_file_given_as_ruleset(path: &Path, bytes: &[u8]) -> Result<(), String> {
    const DATA: [&str; 7] = ["toml", "json", "csv", "tsv", "xlsx", "xls", "ods"];
    let by_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATA.iter().any(|d| e.eq_ignore_ascii_case(d)));
    let start = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(bytes)
        .trim_ascii_start();
    let by_content = start.starts_with(b"PK\x03\x04")
        || start.starts_with(b"\xD0\xCF\x11\xE0")
        || start.starts_with(b"{")
        || start.starts_with(b"[")
        || start.starts_with(b"unit =")
        || start.starts_with(b"unit=");
    if by_extension || by_content {
        return Err(tr!(
            "cli-ruleset-is-data",
            file = path.display().to_string()
        ));
    }
    Ok(())
}

/// Expands folders into the unit files they hold (`.toml`, `.json`), sorted by name.
pub fn expand_data_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| {
                    tr!(
                        "cli-cannot-read-folder",
                        folder = path.display().to_string(),
                        error = crate::render::io_error(&e)
                    )
                })?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml" || e == "json"))
                .collect();
            files.sort();
            out.extend(files);
        } else {
            out.push(path.clone());
        }
    }
    Ok(out)
}
