//! Sheets of units: one row per unit, one column per input (or per criterion's points), read
//! from CSV text or `.xlsx`/`.xls`/`.ods` bytes into [`RawUnit`]s that [`chiso::data::resolve`]
//! turns into unit data. Problems name the row and the column.
//!
//! The header row names the columns (compared without case or diacritics):
//! - `unit` / `đơn vị` (required), `year` / `năm`, `stage` / `giai đoạn`, `stt` (ignored);
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

use chiso::data::{RawEntry, RawUnit, RawValue};
use chiso::diagnostic::{Diagnostic, Span};
use chiso::model::{InputType, Ruleset};
use chiso::text::{did_you_mean, fold, DecimalSeparator};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// One cell as read from the file, before a column gives it a meaning.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number typed into a spreadsheet, as exact decimal text.
    Number(String),
    Bool(bool),
    Date(NaiveDate),
    /// An error value (`#DIV/0!`, `#N/A`, …).
    Error(String),
}

impl Cell {
    fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the text a reader of the sheet sees.
    pub(crate) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => n.clone(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

/// A sheet's cells by row: row `i` is spreadsheet row `first_row + i` (1-based). A CSV
/// sheet keeps its text and reads a row's cells when asked, so a large sheet takes little
/// more memory than its file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub name: Option<String>,
    pub first_row: usize,
    pub first_column: usize,
    store: Store,
}

#[derive(Debug, Clone, PartialEq)]
enum Store {
    Cells(Vec<Vec<Cell>>),
    /// The text and the byte offset where each record starts (and the end).
    Csv {
        text: String,
        delimiter: u8,
        starts: Vec<usize>,
    },
}

impl Default for Store {
    fn default() -> Self {
        Store::Cells(Vec::new())
    }
}

/// The fields of one CSV record (already checked by the csv crate when the grid was read):
/// quoted fields may hold delimiters, line breaks and doubled quotes.
fn split_record(record: &str, delimiter: char) -> Vec<String> {
    let record = record.strip_suffix('\n').unwrap_or(record);
    let record = record.strip_suffix('\r').unwrap_or(record);
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut chars = record.chars().peekable();
    let mut at_start = true;
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    field.push('"');
                    chars.next();
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
        } else if c == delimiter {
            fields.push(std::mem::take(&mut field));
            at_start = true;
            continue;
        } else if c == '"' && at_start {
            quoted = true;
        } else {
            field.push(c);
        }
        at_start = false;
    }
    fields.push(field);
    fields
}

fn text_cell(c: &str) -> Cell {
    if c.trim().is_empty() {
        Cell::Empty
    } else {
        Cell::Text(c.to_string())
    }
}

impl Grid {
    /// A grid of cells starting at A1.
    pub fn from_rows(rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            name: None,
            first_row: 1,
            first_column: 1,
            store: Store::Cells(rows),
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Cells(rows) => rows.len(),
            Store::Csv { starts, .. } => starts.len().saturating_sub(1),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The cells of row `i` (0-based; empty past the end).
    pub fn row(&self, i: usize) -> Vec<Cell> {
        match &self.store {
            Store::Cells(rows) => rows.get(i).cloned().unwrap_or_default(),
            Store::Csv {
                text,
                delimiter,
                starts,
            } => match (starts.get(i), starts.get(i + 1)) {
                (Some(&start), Some(&end)) => {
                    split_record(&text[start..end], char::from(*delimiter))
                        .iter()
                        .map(|c| text_cell(c))
                        .collect()
                }
                _ => Vec::new(),
            },
        }
    }

    /// Every row's cells, in order.
    pub fn rows(&self) -> impl Iterator<Item = Vec<Cell>> + '_ {
        (0..self.len()).map(|i| self.row(i))
    }

    /// Whether row `i` holds anything.
    pub fn has_data(&self, i: usize) -> bool {
        match &self.store {
            Store::Cells(rows) => rows.get(i).is_some_and(|r| r.iter().any(|c| !c.is_empty())),
            Store::Csv {
                text,
                delimiter,
                starts,
            } => match (starts.get(i), starts.get(i + 1)) {
                (Some(&start), Some(&end)) => text[start..end]
                    .bytes()
                    .any(|b| b != *delimiter && b != b'"' && !b.is_ascii_whitespace()),
                _ => false,
            },
        }
    }
}

/// "A", "B", …, "Z", "AA": the spreadsheet name of a 1-based column.
pub fn column_name(column: usize) -> String {
    let mut n = column;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A problem found in a sheet, placed by row and column (both 1-based).
#[derive(Debug, Clone)]
pub struct SheetProblem {
    pub row: Option<usize>,
    pub column: Option<usize>,
    /// The column's header text.
    pub header: Option<String>,
    /// The unit the row is about, when known.
    pub unit: Option<String>,
    pub diagnostic: Diagnostic,
}

impl SheetProblem {
    /// "row 7, column D (hồ_sơ_tiếp_nhận)"
    pub fn place(&self) -> String {
        let mut parts = Vec::new();
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = self.column {
            let header = self
                .header
                .as_deref()
                .filter(|h| !h.is_empty())
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            parts.push(format!("column {}{header}", column_name(column)));
        }
        parts.join(", ")
    }

    /// One line and its help: "file: row 7, column D (x), unit U: error D003: message".
    pub fn to_text(&self, file: &str) -> String {
        let place = self.place();
        let unit = self
            .unit
            .as_deref()
            .map(|u| format!(" [{u}]"))
            .unwrap_or_default();
        let severity = self.diagnostic.severity.as_str();
        let mut out = format!(
            "{severity}[{}]: {file}{}{}{unit}: {}\n",
            self.diagnostic.code,
            if place.is_empty() { "" } else { ": " },
            place,
            self.diagnostic.message
        );
        if let Some(help) = &self.diagnostic.help {
            out.push_str(&format!("  help: {help}\n"));
        }
        out
    }
}

// ───────────── reading the file ─────────────

/// The delimiter of a CSV text: the most frequent of `,` `;` and tab in its first line
/// (Excel with a decimal comma saves `;`).
fn csv_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.chars().filter(|&x| x == c).count();
    let candidates = [(b',', count(',')), (b';', count(';')), (b'\t', count('\t'))];
    candidates
        .iter()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

/// Reads a CSV text into a grid (every cell is text).
pub fn csv_grid(text: &str) -> Result<Grid, Box<SheetProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let delimiter = csv_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut starts = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(false) => {
                starts.push(text.len());
                break;
            }
            Ok(true) => starts.push(start),
            Err(e) => {
                let row = e.position().map(|p| p.line() as usize);
                return Err(Box::new(SheetProblem {
                    row,
                    column: None,
                    header: None,
                    unit: None,
                    diagnostic: Diagnostic::error(
                        "D001",
                        0..0,
                        format!("the CSV file cannot be read: {e}"),
                    ),
                }));
            }
        }
    }
    Ok(Grid {
        name: None,
        first_row: 1,
        first_column: 1,
        store: Store::Csv {
            text: text.to_string(),
            delimiter,
            starts,
        },
    })
}

/// The names of a workbook's sheets, in order.
pub fn workbook_sheets(bytes: &[u8]) -> Result<Vec<String>, String> {
    use calamine::Reader;
    let workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a spreadsheet chiso can read (.xlsx, .xls, .ods): {e}"))?;
    Ok(workbook.sheet_names())
}

/// Reads one sheet of a workbook (`.xlsx`, `.xls`, `.ods`): the named one, or the first.
pub fn workbook_grid(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, String> {
    use calamine::Reader;
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a spreadsheet chiso can read (.xlsx, .xls, .ods): {e}"))?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| fold(n.trim()) == fold(wanted.trim()))
            .cloned()
            .ok_or_else(|| {
                format!(
                    "the workbook has no sheet `{wanted}`; its sheets: {}",
                    names.join(", ")
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| "the workbook has no sheet".to_string())?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| format!("cannot read sheet `{name}`: {e}"))?;
    let (first_row, first_column) = range
        .start()
        .map_or((1, 1), |(r, c)| (r as usize + 1, c as usize + 1));
    let rows = range
        .rows()
        .map(|row| row.iter().map(workbook_cell).collect())
        .collect();
    Ok(Grid {
        name: Some(name),
        first_row,
        first_column,
        store: Store::Cells(rows),
    })
}

fn workbook_cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => match excel_number(*f) {
            Some((shown, _)) => Cell::Number(shown.to_string()),
            None => Cell::Error(format!("{f}")),
        },
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) => Cell::Date(date),
                None => Cell::Error(format!("an invalid date ({dt})")),
            }
        }
        Data::DateTimeIso(s) => {
            match NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                Ok(date) => Cell::Date(date),
                Err(_) => Cell::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A workbook's number as Excel shows it: 15 significant digits, trailing zeros dropped, and
/// whether that differs from the double the cell stores (0.1 + 0.2 computed in a cell is
/// stored as 0.30000000000000004 and shown as 0.3). The one place a workbook's floating-point
/// cell becomes a decimal: by its text, no arithmetic. `None` for a non-finite value or one
/// beyond a decimal's 28 digits.
pub fn excel_number(value: f64) -> Option<(Decimal, bool)> {
    if !value.is_finite() {
        return None;
    }
    // The shortest text that reads back as this double.
    let stored = Decimal::from_str(&value.to_string()).ok()?.normalize();
    let shown = stored.round_sf(15).unwrap_or(stored).normalize();
    Some((shown, shown != stored))
}

// ───────────── columns ─────────────

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Unit,
    Year,
    Stage,
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
        let column_number = first_column + i;
        let column = classify(ruleset, &text);
        let column = match column {
            Ok(c) => c,
            Err(help) => {
                let mut d = Diagnostic::error(
                    "D006",
                    0..0,
                    format!("unknown column `{text}`: its values are not read"),
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
                        format!(
                            "column `{text}` repeats column {}: only the first is read",
                            column_name(*first)
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
            diagnostic: Diagnostic::error("D003", 0..0, "the sheet has no `unit` (đơn vị) column")
                .with_help("the first row names the columns: `đơn vị`, then one column per input"),
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

fn classify(ruleset: &Ruleset, header: &str) -> Result<Column, String> {
    let folded = fold(header.trim());
    let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.as_str() {
        "" | "stt" | "#" | "tt" | "no" | "no." => return Ok(Column::Ignored),
        "unit" | "don vi" | "ten don vi" => return Ok(Column::Unit),
        "year" | "nam" => return Ok(Column::Year),
        "stage" | "giai doan" => return Ok(Column::Stage),
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
                    None => Err(format!(
                        "`{id}` is not a criterion of the ruleset{}",
                        did_you_mean(id, ruleset.nodes.iter().map(|n| n.id.as_str()))
                            .map(|s| format!(" (did you mean {s}?)"))
                            .unwrap_or_default()
                    )),
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
        Some(s) => format!("did you mean `{s}`?"),
        None => "a column is `đơn vị`, `năm`, `giai đoạn`, an input's name, a criterion id (points), or `tự chấm`/`không đánh giá`/`ghi chú`/`tlkc` followed by a criterion id".into(),
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
    pub header_row: usize,
    pub first_column: usize,
    pub headers: Vec<String>,
    pub columns: Vec<Column>,
    pub problems: Vec<SheetProblem>,
    grid: Grid,
    header_index: usize,
    options: SheetOptions,
}

impl Sheet {
    /// Reads the header row (the first non-empty row) and classifies the columns.
    pub fn new(ruleset: &Ruleset, grid: Grid, options: SheetOptions) -> Sheet {
        let header_index = (0..grid.len()).find(|&i| grid.has_data(i)).unwrap_or(0);
        let header_row = grid.first_row + header_index;
        let header = grid.row(header_index);
        let (columns, problems) = columns(ruleset, &header, header_row, grid.first_column);
        let headers = header.iter().map(Cell::text).collect();
        Sheet {
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

    /// Converts the column number a sheet [`RawEntry`] span carries back to the column.
    pub fn column_of_span(&self, span: &Span) -> Option<usize> {
        (span.start > 0 && span.start <= self.columns.len())
            .then(|| self.first_column + span.start - 1)
    }

    /// The header text of a spreadsheet column.
    pub fn header_of(&self, column: usize) -> Option<&str> {
        self.headers
            .get(column.checked_sub(self.first_column)?)
            .map(String::as_str)
    }

    /// Reads one data row (a grid index from [`Sheet::data_rows`]) as a raw unit. Spans in
    /// the raw unit are `c..c+1` for the row's c-th column (1-based): see
    /// [`Sheet::column_of_span`]. Problems of the row's own cells come back with it.
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
        let cells = self.grid.row(index);
        for (i, cell) in cells.iter().enumerate() {
            let Some(&column) = self.columns.get(i) else {
                if !cell.is_empty() {
                    problems.push(SheetProblem {
                        row: Some(row_number),
                        column: Some(self.first_column + i),
                        header: None,
                        unit: None,
                        diagnostic: Diagnostic::warning(
                            "D012",
                            0..0,
                            "a value in a column without a header is not read",
                        ),
                    });
                }
                continue;
            };
            if cell.is_empty() || column == Column::Ignored {
                continue;
            }
            let span: Span = i + 1..i + 2;
            if let Cell::Error(e) = cell {
                problems.push(SheetProblem {
                    row: Some(row_number),
                    column: Some(self.first_column + i),
                    header: self.headers.get(i).cloned(),
                    unit: None,
                    diagnostic: Diagnostic::error(
                        "D003",
                        0..0,
                        format!("the cell holds the spreadsheet error {e}"),
                    )
                    .with_help("correct the formula in the sheet, or type the value"),
                });
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
                        Err(_) => problems.push(SheetProblem {
                            row: Some(row_number),
                            column: Some(self.first_column + i),
                            header: self.headers.get(i).cloned(),
                            unit: None,
                            diagnostic: Diagnostic::error(
                                "D003",
                                0..0,
                                format!("the year must be a whole number, found `{text}`"),
                            ),
                        }),
                    }
                }
                Column::Stage => raw.stage = Some((cell.text(), span)),
                Column::Input(slot) => {
                    let input = &ruleset.inputs[slot];
                    raw.inputs
                        .push(entry(input.name.clone(), input_value(cell, &input.ty)));
                }
                Column::Points(node) => raw
                    .points
                    .push(entry(ruleset.nodes[node].id.clone(), plain_value(cell))),
                Column::Claimed(node) => raw
                    .claimed
                    .push(entry(ruleset.nodes[node].id.clone(), plain_value(cell))),
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

    /// Places a diagnostic of [`chiso::data::resolve`] on a row of this sheet.
    pub fn place(&self, row: usize, unit: Option<&str>, diagnostic: Diagnostic) -> SheetProblem {
        let mut column = self.column_of_span(&diagnostic.span);
        if column.is_none() {
            column = diagnostic
                .labels
                .iter()
                .find_map(|label| self.column_of_span(&label.span));
        }
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
fn input_value(cell: &Cell, ty: &InputType) -> RawValue {
    match (cell, ty) {
        (Cell::Text(text), InputType::Count) => match count_text(text) {
            Some(digits) => RawValue::Number(digits),
            None => RawValue::Text(text.trim().to_string()),
        },
        _ => plain_value(cell),
    }
}

fn plain_value(cell: &Cell) -> RawValue {
    match cell {
        Cell::Empty => RawValue::Text(String::new()),
        Cell::Text(t) => RawValue::Text(t.trim().to_string()),
        Cell::Number(n) => RawValue::Number(n.clone()),
        Cell::Bool(b) => RawValue::Bool(*b),
        Cell::Date(d) => RawValue::Date(*d),
        Cell::Error(_) => RawValue::Other("a spreadsheet error"),
    }
}

/// A count written as text: plain digits, or digits grouped by thousands with `.`, `,` or a
/// space ("1.253", "12,500", "1 253"). `None` when it is not a whole number so written.
pub fn count_text(text: &str) -> Option<String> {
    let t: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
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
    fn column_names() {
        assert_eq!(column_name(1), "A");
        assert_eq!(column_name(26), "Z");
        assert_eq!(column_name(27), "AA");
        assert_eq!(column_name(53), "BA");
    }

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

    #[test]
    fn excel_numbers_as_shown() {
        let shown = |v: f64| excel_number(v).map(|(d, changed)| (d.to_string(), changed));
        assert_eq!(shown(0.300_000_000_000_000_04), Some(("0.3".into(), true)));
        assert_eq!(shown(0.14), Some(("0.14".into(), false)));
        assert_eq!(shown(2534.0), Some(("2534".into(), false)));
        assert_eq!(shown(86.471), Some(("86.471".into(), false)));
        assert_eq!(shown(f64::NAN), None);
        assert_eq!(shown(1e300), None);
    }

    #[test]
    fn records_split_like_csv() {
        assert_eq!(split_record("a;b;;c\r\n", ';'), ["a", "b", "", "c"]);
        assert_eq!(
            split_record("\"x; y\";\"say \"\"hi\"\"\";\"two\nlines\"\n", ';'),
            ["x; y", "say \"hi\"", "two\nlines"]
        );
        assert_eq!(split_record("1,5;2", ';'), ["1,5", "2"]);
        assert_eq!(split_record("", ','), [""]);
    }

    #[test]
    fn delimiters() {
        assert_eq!(csv_delimiter("đơn vị;a;b\n1;2,5;3"), b';');
        assert_eq!(csv_delimiter("đơn vị,a,b\n"), b',');
        assert_eq!(csv_delimiter("đơn vị\ta\n"), b'\t');
    }
}
