//! `chiso import`: a criteria table as provinces publish it (tab-separated or CSV text, or a
//! worksheet of an .xlsx/.xls/.ods workbook) → a ruleset skeleton in the chiso language.
//!
//! The skeleton holds every row the table gives: ids, exact titles, maxima (decimal comma or
//! point), owners, survey tags (ĐTXHH → `nguồn ĐTXHH`), notes, bonus rows (`điểm thưởng`), the
//! table's total, and each "không đánh giá" / "không tính điểm" sentence as a not-evaluated
//! clause whose condition is a placeholder input. It does not guess formulas: every leaf is
//! awarded until someone writes its rule.
//!
//! Like the rest of the library this does no I/O: bytes or text in, text and [`Diagnostic`]s
//! out. Findings about the table carry codes `I001…` (listed in `docs/import.md`) and name the
//! row; the skeleton is then checked like any ruleset, and those findings are returned too —
//! they are what the source itself gets wrong (a repeated id, maxima that do not add up).

mod skeleton;
pub mod table;

use chiso::diagnostic::Diagnostic;
use chiso::model::UnitLevel;
use rust_decimal::Decimal;

/// What to put into the skeleton's header, and which part of the file to read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The file's name, for the skeleton's first comment.
    pub source_name: String,
    /// The ruleset's title; by default the caption above the table.
    pub title: Option<String>,
    pub issuer: Option<String>,
    /// The decree's number, e.g. "2270/QĐ-UBND".
    pub decree: Option<String>,
    pub year: Option<u32>,
    pub level: Option<UnitLevel>,
    /// A workbook's sheet, by name (the first visible sheet by default; a hidden sheet is
    /// read only when named).
    pub sheet: Option<String>,
    /// Which table of a file holding several (1-based; a table ends at its total row).
    pub table: Option<usize>,
    /// The language of the skeleton's comments (the reader's; Vietnamese by default).
    pub lang: chiso::Lang,
}

/// Counts of what was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Tables found in the file, and which one was read (1-based).
    pub tables: usize,
    pub table: usize,
    /// The rows of the table read.
    pub first_row: usize,
    pub last_row: usize,
    pub areas: usize,
    pub criteria: usize,
    pub subcriteria: usize,
    pub not_evaluated: usize,
    pub survey: usize,
    pub satisfaction: usize,
    pub bonus: usize,
    /// The table's own total row.
    pub total: Option<Decimal>,
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The ruleset skeleton (empty when the table could not be read at all).
    pub text: String,
    /// Findings about the table. For a text table their spans point into [`Imported::source`];
    /// for a workbook they are unplaced and name the sheet, row and cell in the message.
    pub diagnostics: Vec<Diagnostic>,
    /// The decoded text of a text table, for rendering the diagnostics' spans.
    pub source: Option<String>,
    /// `chiso check` on the skeleton: spans point into [`Imported::text`].
    pub check: Vec<Diagnostic>,
    pub summary: Summary,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        chiso::diagnostic::has_errors(&self.diagnostics)
            || chiso::diagnostic::has_errors(&self.check)
    }

    fn failed(diagnostic: Diagnostic, source: Option<String>) -> Self {
        Imported {
            text: String::new(),
            diagnostics: vec![diagnostic],
            source,
            check: Vec::new(),
            summary: Summary::default(),
        }
    }
}

/// Imports a file's bytes: a workbook when they look like one, text otherwise. Never panics.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Imported {
    if crate::grid::is_workbook(bytes) {
        return import_workbook(bytes, options);
    }
    match crate::grid::decode(bytes) {
        Ok(text) => import_text(&text, options),
        Err(e) => Imported::failed(unreadable(e), None),
    }
}

/// A file the grid reader could not read, as an I001 finding.
fn unreadable(e: crate::grid::GridError) -> Diagnostic {
    let d = Diagnostic::error("I001", 0..0, e.message);
    match e.help {
        Some(help) => d.with_help(help),
        None => d,
    }
}

/// Imports a table given as text: tab-separated (as copied from a document), or CSV with `;`
/// or `,` between cells.
pub fn import_text(text: &str, options: &ImportOptions) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Imported::failed(
            Diagnostic::error("I001", 0..0, chiso::msg!("i001-empty")),
            Some(text.to_string()),
        );
    }
    let (table, mut diagnostics) = table::from_text(&crate::grid::text_grid(text));
    let skeleton = skeleton::build(&table, options);
    diagnostics.extend(skeleton.diagnostics);
    finish(
        skeleton.text,
        diagnostics,
        Some(text.to_string()),
        skeleton.summary,
    )
}

/// Imports a worksheet of a workbook (.xlsx, .xls, .xlsb, .ods) given as bytes.
pub fn import_workbook(bytes: &[u8], options: &ImportOptions) -> Imported {
    match crate::grid::workbook_grid(bytes, options.sheet.as_deref()) {
        Ok(grid) => {
            let (table, mut diagnostics) = table::from_sheet(&grid);
            let skeleton = skeleton::build(&table, options);
            diagnostics.extend(skeleton.diagnostics);
            finish(skeleton.text, diagnostics, None, skeleton.summary)
        }
        Err(e) => Imported::failed(unreadable(e), None),
    }
}

fn finish(
    text: String,
    mut diagnostics: Vec<Diagnostic>,
    source: Option<String>,
    summary: Summary,
) -> Imported {
    if source.is_some() {
        // Text: in the order of the rows. (A workbook's findings are already in row order.)
        diagnostics.sort_by_key(|d| d.span.start);
    }
    let check = if text.is_empty() {
        Vec::new()
    } else {
        chiso::analyze(&text).diagnostics
    };
    Imported {
        text,
        diagnostics,
        source,
        check,
        summary,
    }
}
