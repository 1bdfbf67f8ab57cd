//! Sheets of units: one row per unit, one column per input (or per criterion's points), read
//! from CSV text or `.xlsx`/`.xls`/`.ods` bytes into [`RawUnit`]s that [`chiso::data::resolve`]
//! turns into unit data. Problems name the row and the column.
//!
//! The header row names the columns (compared without case or diacritics):
//! - `unit` / `đơn vị` (required), `year` / `năm`, `stage` / `giai đoạn`, `group` / `nhóm`
//!   / `khối` (the unit's group, one the ruleset declares), `stt` (ignored);
//! - an input's name: the unit's figure for that input;
//! - a criterion id (`1.2`) or `điểm 1.2` / `points 1.2`: points awarded for it;
//! - `tự chấm 1.2` / `claimed 1.2`: the score the unit claims (self-assessment);
//! - `không đánh giá 1.2` / `not evaluated 1.2`: the reason it is not evaluated (`x` for yes);
//! - `ghi chú 1.2` / `note 1.2`; `tlkc 1.2` / `evidence 1.2` (documents separated by `;`).
//!
//! The column's type decides how text is read: in a count column `1.253` and `1,253` are
//! one thousand two hundred fifty-three (a count has no decimals); in a decimal, percent or
//! points column a single `,` or `.` is the decimal separator (`0,75`), and a number with
//! both is refused unless the sheet's separator is declared. Numbers typed into a
//! spreadsheet are read as Excel shows them (15 significant digits), never through float
//! arithmetic.

use chiso::data::{PlacedEntry, RawEntry, RawUnit, RawValue, Target};
use chiso::diagnostic::{Diagnostic, Span};
use chiso::model::{InputType, Ruleset};
use chiso::place::{column_name, Place};
use chiso::text::{did_you_mean, fold, DecimalSeparator};

use crate::grid::NoteKind;
pub use crate::grid::{excel_number, Cell, Grid};

/// A problem found in a sheet, placed by row (1-based) and column (0-based).
#[derive(Debug, Clone)]
pub struct SheetProblem {
    /// The spreadsheet row; `None` for the sheet as a whole.
    pub row: Option<usize>,
    /// The column, 0-based (0 is column A).
    pub column: Option<usize>,
    /// The column's header text.
    pub header: Option<String>,
    /// The unit the row is about, when known.
    pub unit: Option<String>,
    pub diagnostic: Diagnostic,
}

impl SheetProblem {
    /// Where the problem is, in the sheet `sheet` of the file `file`.
    pub fn place(&self, file: &str, sheet: Option<&str>) -> Place {
        match self.row {
            Some(row) => Place::Cell {
                file: file.to_string(),
                sheet: sheet.map(str::to_string),
                row,
                column: self.column,
                header: self.column.and(self.header.clone()),
            },
            None => Place::file(file),
        }
    }
}

// ───────────── columns ─────────────

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Unit,
    Year,
    Stage,
    /// The unit's group (nhóm).
    Group,
    Input(usize),
    Points(usize),
    Claimed(usize),
    NotEvaluated(usize),
    Note(usize),
    Evidence(usize),
    Ignored,
}

/// Options of a sheet read.
#[derive(Debug, Clone, Copy, Default)]
pub struct SheetOptions {
    /// How decimal, percent and points columns write decimals (`Either` when undeclared).
    pub decimal_separator: DecimalSeparator,
}

/// The meaning of every column of a header row, with the problems found in it.
/// `first_column` is the spreadsheet number of the header's first cell (1-based: 1 is A).
pub fn columns(
    ruleset: &Ruleset,
    header: &[Cell],
    header_row: usize,
    first_column: usize,
) -> (Vec<Column>, Vec<SheetProblem>) {
    let mut problems = Vec::new();
    let mut out = Vec::with_capacity(header.len());
    let mut seen: Vec<(Column, usize)> = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let text = cell.text();
        let column_number = first_column - 1 + i;
        let column = classify(ruleset, &text);
        let column = match column {
            Ok(c) => c,
            Err(help) => {
                let mut d = Diagnostic::error(
                    "D006",
                    0..0,
                    chiso::msg!("d006-unknown-column", column = text.as_str()),
                );
                d = d.with_help(help);
                problems.push(SheetProblem {
                    row: Some(header_row),
                    column: Some(column_number),
                    header: Some(text.clone()),
                    unit: None,
                    diagnostic: d,
                });
                Column::Ignored
            }
        };
        if column != Column::Ignored {
            if let Some((_, first)) = seen.iter().find(|(c, _)| *c == column) {
                problems.push(SheetProblem {
                    row: Some(header_row),
                    column: Some(column_number),
                    header: Some(text.clone()),
                    unit: None,
                    diagnostic: Diagnostic::error(
                        "D012",
                        0..0,
                        chiso::msg!(
                            "d012-column-repeats",
                            column = text.as_str(),
                            first = column_name(*first)
                        ),
                    ),
                });
                out.push(Column::Ignored);
                continue;
            }
            seen.push((column, column_number));
        }
        out.push(column);
    }
    if !out.contains(&Column::Unit) {
        problems.push(SheetProblem {
            row: Some(header_row),
            column: None,
            header: None,
            unit: None,
            diagnostic: Diagnostic::error("D003", 0..0, chiso::msg!("d003-no-unit-column"))
                .with_help(chiso::msg!("d003-no-unit-column-help")),
        });
    }
    (out, problems)
}

/// Prefixes of per-criterion columns, folded, longest first.
type MakeColumn = fn(usize) -> Column;

const PREFIXES: [(&str, MakeColumn); 14] = [
    ("diem tu danh gia", Column::Claimed),
    ("diem tu cham", Column::Claimed),
    ("tu danh gia", Column::Claimed),
    ("tu cham", Column::Claimed),
    ("claimed", Column::Claimed),
    ("khong danh gia", Column::NotEvaluated),
    ("not evaluated", Column::NotEvaluated),
    ("tai lieu kiem chung", Column::Evidence),
    ("evidence", Column::Evidence),
    ("tlkc", Column::Evidence),
    ("ghi chu", Column::Note),
    ("note", Column::Note),
    ("points", Column::Points),
    ("diem", Column::Points),
];

fn classify(ruleset: &Ruleset, header: &str) -> Result<Column, chiso::Message> {
    let folded = fold(header.trim());
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.as_str() {
        "" | "stt" | "#" | "tt" | "no" | "no." => return Ok(Column::Ignored),
        "unit" | "don vi" | "ten don vi" => return Ok(Column::Unit),
        "year" | "nam" => return Ok(Column::Year),
        "stage" | "giai doan" => return Ok(Column::Stage),
        "group" | "nhom" | "khoi" => return Ok(Column::Group),
        _ => {}
    }
    let trimmed = header.trim();
    if let Some(slot) = ruleset.input_index(trimmed) {
        return Ok(Column::Input(slot));
    }
    if let Some(slot) = ruleset
        .inputs
        .iter()
        .position(|i| fold(&i.name) == fold(trimmed))
    {
        return Ok(Column::Input(slot));
    }
    if let Some(node) = ruleset.node_index(trimmed) {
        return Ok(Column::Points(node));
    }
    for (prefix, make) in PREFIXES {
        if let Some(rest) = folded.strip_prefix(prefix) {
            let id = rest.trim_start_matches([' ', ':']).trim();
            if rest.starts_with([' ', ':']) || rest.is_empty() {
                return match ruleset.node_index(id) {
                    Some(node) => Ok(make(node)),
                    None => Err(
                        match did_you_mean(id, ruleset.nodes.iter().map(|n| n.id.as_str())) {
                            Some(s) => {
                                chiso::msg!("d006-not-criterion-suggest", id = id, suggestion = s)
                            }
                            None => chiso::msg!("d006-not-criterion", id = id),
                        },
                    ),
                };
            }
        }
    }
    let suggestion = did_you_mean(
        trimmed,
        ruleset
            .inputs
            .iter()
            .map(|i| i.name.as_str())
            .chain(ruleset.nodes.iter().map(|n| n.id.as_str())),
    );
    Err(match suggestion {
        Some(s) => chiso::msg!("did-you-mean", name = s),
        None => chiso::msg!("d006-columns-are"),
    })
}

// ───────────── rows ─────────────

/// One unit's row, read but not resolved.
#[derive(Debug, Clone)]
pub struct SheetRow {
    /// Spreadsheet row number (1-based).
    pub row: usize,
    pub raw: RawUnit,
}

/// A sheet read against a ruleset: its columns and the rows that hold units.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// The worksheet's name (`None` for CSV text).
    pub name: Option<String>,
    pub header_row: usize,
    /// The spreadsheet number of the grid's first column (1-based: 1 is A).
    pub first_column: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Column>,
    pub problems: Vec<SheetProblem>,
    grid: Grid,
    header_index: usize,
    options: SheetOptions,
}

impl Sheet {
    /// Reads the header row and classifies the columns. The header is the first row with a
    /// `unit`/`đơn vị` cell among the first 20 non-empty rows (a title block above it — the
    /// sheet's name, the decision, a date — is not data), else the first non-empty row.
    pub fn new(ruleset: &Ruleset, grid: Grid, options: SheetOptions) -> Sheet {
        let first = (0..grid.len()).find(|&i| grid.has_data(i)).unwrap_or(0);
        let names_unit = |i: usize| {
            grid.row(i)
                .iter()
                .any(|c| classify(ruleset, &c.text()) == Ok(Column::Unit))
        };
        let header_index = (first..grid.len())
            .filter(|&i| grid.has_data(i))
            .take(20)
            .find(|&i| names_unit(i))
            .unwrap_or(first);
        let header_row = grid.first_row + header_index;
        let header = grid.row(header_index);
        let (columns, problems) = columns(ruleset, &header, header_row, grid.first_column);
        let headers = header.iter().map(Cell::text).collect();
        let mut problems = problems;
        // A number shown rounded is read as shown (and one a decimal cannot hold is an
        // error cell); an unclosed quote is worth a word.
        problems.extend(grid.notes.iter().filter_map(|note| {
            match &note.kind {
                NoteKind::UnclosedQuote { line, .. } => Some(SheetProblem {
                    row: Some(note.row),
                    column: Some(note.column),
                    header: header
                        .get(note.column + 1 - grid.first_column)
                        .map(Cell::text),
                    unit: None,
                    diagnostic: Diagnostic::warning(
                        "D001",
                        0..0,
                        chiso::msg!("d001-unclosed-quote", line = line.to_string()),
                    )
                    .with_help(chiso::msg!("d001-unclosed-quote-help")),
                }),
                NoteKind::Rounded { .. } | NoteKind::Unrepresentable { .. } => None,
            }
        }));
        Sheet {
            name: grid.name.clone(),
            header_row,
            first_column: grid.first_column,
            headers,
            columns,
            problems,
            grid,
            header_index,
            options,
        }
    }

    /// The indices (into the grid) of the rows that hold data.
    pub fn data_rows(&self) -> Vec<usize> {
        (self.header_index + 1..self.grid.len())
            .filter(|&i| self.grid.has_data(i))
            .collect()
    }

    /// The spreadsheet row number of a grid row.
    pub fn row_number(&self, index: usize) -> usize {
        self.grid.first_row + index
    }

    /// The column (0-based) of a [`RawEntry`] or [`PlacedEntry`] of [`Sheet::row`]: its span is `c+1..c+2` for
    /// the row's c-th cell, a convention that stays inside this module (the diagnostics of
    /// [`chiso::data::resolve`] are placed by [`Sheet::place`] before anyone sees them).
    fn column_of_entry(&self, span: &Span) -> Option<usize> {
        (span.start > 0 && span.start <= self.columns.len())
            .then(|| self.first_column - 1 + span.start - 1)
    }

    /// The header text of a column (0-based).
    pub fn header_of(&self, column: usize) -> Option<&str> {
        self.headers
            .get((column + 1).checked_sub(self.first_column)?)
            .map(String::as_str)
    }

    /// Reads one data row (a grid index from [`Sheet::data_rows`]) as a raw unit, for
    /// [`chiso::data::resolve`]; place its diagnostics with [`Sheet::place`]. Problems of
    /// the row's own cells come back with it.
    pub fn row(&self, ruleset: &Ruleset, index: usize) -> (SheetRow, Vec<SheetProblem>) {
        let row_number = self.row_number(index);
        let mut raw = RawUnit::default();
        let mut problems = Vec::new();
        if self.options.decimal_separator != DecimalSeparator::Either {
            let s = match self.options.decimal_separator {
                DecimalSeparator::Comma => ",",
                _ => ".",
            };
            raw.decimal_separator = Some((s.to_string(), 0..0));
        }
        // The row's cells are taken by value: a text cell's string becomes the raw value
        // without another copy.
        let cells = self.grid.row(index);
        raw.placed.reserve(cells.len());
        for (i, owned) in cells.into_iter().enumerate() {
            let cell = &owned;
            // A column past the header's last cell, or under an empty header cell (a workbook's
            // header row spans the sheet's width): no header either way, reported alike.
            let headed = self.headers.get(i).is_some_and(|h| !h.trim().is_empty());
            let Some(&column) = self.columns.get(i).filter(|_| headed) else {
                if !cell.is_empty() {
                    problems.push(SheetProblem {
                        row: Some(row_number),
                        column: Some(self.first_column - 1 + i),
                        header: None,
                        unit: None,
                        diagnostic: Diagnostic::warning(
                            "D012",
                            0..0,
                            chiso::msg!("d012-no-header-value"),
                        ),
                    });
                }
                continue;
            };
            if cell.is_empty() || column == Column::Ignored {
                continue;
            }
            let span: Span = i + 1..i + 2;
            let reference = || {
                let column = column_name(self.first_column - 1 + i);
                match self.grid.name.as_deref() {
                    Some(sheet) => {
                        chiso::msg!("cell-ref", cell = format!("{sheet}!{column}{row_number}"))
                    }
                    None => chiso::msg!("cell-ref", cell = format!("{column}{row_number}")),
                }
            };
            // A problem in this cell: D003, at its row and column.
            let cell_problem = |message: chiso::Message| SheetProblem {
                row: Some(row_number),
                column: Some(self.first_column - 1 + i),
                header: self.headers.get(i).cloned(),
                unit: None,
                diagnostic: Diagnostic::error("D003", 0..0, message),
            };
            if let Cell::Error(e) = cell {
                let mut problem = cell_problem(chiso::msg!(
                    "d003-cell-error",
                    cell = reference(),
                    error = e.to_string()
                ));
                problem.diagnostic = problem
                    .diagnostic
                    .with_help(chiso::msg!("d003-cell-error-help"));
                problems.push(problem);
                continue;
            }
            if let Cell::Unsaved(formula) = cell {
                let mut problem = cell_problem(chiso::msg!(
                    "d003-cell-unsaved",
                    cell = reference(),
                    formula = formula.to_string()
                ));
                problem.diagnostic = problem.diagnostic.with_help(chiso::msg!("unsaved-help"));
                problems.push(problem);
                continue;
            }
            let entry = |key: String, value: RawValue| RawEntry {
                key,
                key_span: span.clone(),
                value,
                value_span: span.clone(),
            };
            match column {
                Column::Unit => raw.unit = Some((cell.text(), span)),
                Column::Year => {
                    let text = cell.text();
                    match text.parse::<i64>() {
                        Ok(y) => raw.year = Some((y, span)),
                        Err(_) => problems.push(cell_problem(chiso::msg!(
                            "d003-year-whole",
                            found = text.as_str()
                        ))),
                    }
                }
                Column::Stage => raw.stage = Some((cell.text(), span)),
                Column::Group => raw.group = Some((cell.text(), span)),
                // The header found the input or criterion once: the cell goes straight there.
                Column::Input(slot) => raw.placed.push(PlacedEntry {
                    target: Target::Input(slot),
                    value: input_value(owned, &ruleset.inputs[slot].ty),
                    span,
                }),
                Column::Points(node) => raw.placed.push(PlacedEntry {
                    target: Target::Points(node),
                    value: plain_value(owned),
                    span,
                }),
                Column::Claimed(node) => raw.placed.push(PlacedEntry {
                    target: Target::Claimed(node),
                    value: plain_value(owned),
                    span,
                }),
                Column::Note(node) => raw.notes.push(entry(
                    ruleset.nodes[node].id.clone(),
                    RawValue::Text(cell.text()),
                )),
                Column::NotEvaluated(node) => {
                    let value = match cell {
                        Cell::Bool(b) => Some(RawValue::Bool(*b)),
                        other => {
                            let text = other.text();
                            match fold(&text).as_str() {
                                "x" | "co" | "yes" | "true" => Some(RawValue::Bool(true)),
                                "khong" | "no" | "false" => None,
                                _ => Some(RawValue::Text(text)),
                            }
                        }
                    };
                    if let Some(value) = value.filter(|v| *v != RawValue::Bool(false)) {
                        raw.not_evaluated
                            .push(entry(ruleset.nodes[node].id.clone(), value));
                    }
                }
                Column::Evidence(node) => {
                    let docs: Vec<String> = cell
                        .text()
                        .split([';', '\n'])
                        .map(|d| d.trim().to_string())
                        .filter(|d| !d.is_empty())
                        .collect();
                    raw.evidence
                        .push((ruleset.nodes[node].id.clone(), span, docs));
                }
                Column::Ignored => {}
            }
        }
        let unit = raw.unit.as_ref().map(|(u, _)| u.clone());
        for p in &mut problems {
            p.unit.clone_from(&unit);
        }
        (
            SheetRow {
                row: row_number,
                raw,
            },
            problems,
        )
    }

    /// Places a diagnostic of [`chiso::data::resolve`] (on a raw unit of [`Sheet::row`]) on
    /// a row of this sheet: its column from the entry it names. The diagnostic comes back
    /// with its spans cleared (they are not bytes of any text).
    pub fn place(
        &self,
        row: usize,
        unit: Option<&str>,
        mut diagnostic: Diagnostic,
    ) -> SheetProblem {
        let column = std::iter::once(&diagnostic.span)
            .chain(diagnostic.labels.iter().map(|l| &l.span))
            .find_map(|span| self.column_of_entry(span));
        diagnostic.span = 0..0;
        diagnostic.labels.clear();
        SheetProblem {
            row: Some(row),
            column,
            header: column.and_then(|c| self.header_of(c)).map(str::to_string),
            unit: unit.map(str::to_string),
            diagnostic,
        }
    }
}

/// A cell as the value of an input of a type: the column's type decides how text is read.
fn input_value(cell: Cell, ty: &InputType) -> RawValue {
    match (cell, ty) {
        // Plain digits (the common case) are the number as written: no copy.
        (Cell::Text(text), InputType::Count)
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) =>
        {
            RawValue::Number(text)
        }
        (Cell::Text(text), InputType::Count) => match count_text(&text) {
            Some(digits) => RawValue::Number(digits),
            None => RawValue::Text(trimmed(text)),
        },
        (cell, _) => plain_value(cell),
    }
}

/// A string without its surrounding white space, reusing it when it has none.
fn trimmed(text: String) -> String {
    if text.trim().len() == text.len() {
        text
    } else {
        text.trim().to_string()
    }
}

fn plain_value(cell: Cell) -> RawValue {
    match cell {
        Cell::Empty => RawValue::Text(String::new()),
        Cell::Text(t) => RawValue::Text(trimmed(t)),
        Cell::Number(n) => RawValue::Number(n),
        Cell::Bool(b) => RawValue::Bool(b),
        Cell::Date(d) => RawValue::Date(d),
        Cell::Error(_) => RawValue::Other("raw-spreadsheet-error"),
        Cell::Unsaved(_) => RawValue::Other("raw-unsaved-formula"),
    }
}

/// A count written as text: plain digits, or digits grouped by thousands with `.`, `,` or a
/// space ("1.253", "12,500", "1 253"). `None` when it is not a whole number so written.
pub fn count_text(text: &str) -> Option<String> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}'))
        .collect();
    if t.is_empty() {
        return None;
    }
    if t.chars().all(|c| c.is_ascii_digit()) {
        return Some(t);
    }
    let separator = t.chars().find(|c| !c.is_ascii_digit())?;
    if separator != '.' && separator != ',' {
        return None;
    }
    let groups: Vec<&str> = t.split(separator).collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let digits_ok = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    (first_ok && rest_ok && digits_ok).then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count_text("1.253").as_deref(), Some("1253"));
        assert_eq!(count_text("12,500").as_deref(), Some("12500"));
        assert_eq!(count_text("1 253 000").as_deref(), Some("1253000"));
        assert_eq!(count_text("2534").as_deref(), Some("2534"));
        assert_eq!(count_text("1,5"), None);
        assert_eq!(count_text("1.25"), None);
        assert_eq!(count_text("1.253,5"), None);
        assert_eq!(count_text("abc"), None);
    }
}
