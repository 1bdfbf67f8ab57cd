//! The one reader of grids: CSV/TSV text and workbooks (`.xlsx`, `.xls`, `.xlsb`, `.ods`)
//! turned into a [`Grid`] of typed [`Cell`]s. Sheets of units ([`crate::sheet`]), published
//! tables ([`crate::import`]) and office forms ([`crate::forms`]) all read through here.
//!
//! - Text: bytes are decoded by [`decode`] (UTF-8, a BOM dropped, or UTF-16 with its BOM as
//!   Excel's "Unicode text" writes it); the delimiter is guessed by [`delimiter`]; records are
//!   split with Excel-style quotes (a quoted cell may hold the delimiter, `""` and line
//!   breaks; a quote that never closes is read literally and noted, so no rows vanish into it).
//!   A blank line is a row, as a spreadsheet shows it.
//! - Workbooks: calamine is called behind one panic guard, so a hostile workbook is an
//!   error, never a panic. Without a sheet name the first *visible* sheet is read; a hidden
//!   sheet is read only when named. Numbers are read as Excel shows them ([`excel_number`]),
//!   never through float arithmetic.
//!
//! Rows are numbered as the spreadsheet numbers them (1-based); columns are 0-based indices
//! (see [`chiso::place::column_name`]).

use chiso::text::fold;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::ops::Range;
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
    /// A formula saved without its value (openpyxl and some web exports write them): the
    /// formula's text, without `=`. Nothing can be read from it until a spreadsheet program
    /// computes and saves it.
    Unsaved(String),
}

impl Cell {
    /// Whether the cell holds nothing (or only white space).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as the text a reader of the sheet sees (trimmed; a date as dd/mm/yyyy).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) => n.clone(),
            Cell::Bool(b) => b.to_string(),
            Cell::Date(d) => d.format("%d/%m/%Y").to_string(),
            Cell::Error(e) => e.clone(),
            Cell::Unsaved(formula) => format!("={formula}"),
        }
    }
}

/// Something the reader noticed in a cell while reading it (the cell is still read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridNote {
    /// Spreadsheet row (1-based).
    pub row: usize,
    /// Column (0-based).
    pub column: usize,
    pub kind: NoteKind,
}

/// What a [`GridNote`] says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// A quote opens a text cell but never closes: it is read literally. `line` is the
    /// 1-based line of the text and `at` the quote's byte offset.
    UnclosedQuote { line: usize, at: usize },
    /// A workbook number stored as `stored` is read as `shown`, the 15 significant digits
    /// Excel shows (a formula result such as 0.30000000000000004).
    Rounded { stored: String, shown: String },
    /// A workbook number a decimal cannot hold (non-finite, or beyond 28 digits): the cell
    /// is read as [`Cell::Error`].
    Unrepresentable { stored: String },
}

/// Why a grid could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridError {
    /// What went wrong, without the file's name (the caller adds it).
    pub message: chiso::Message,
    /// How to put it right.
    pub help: Option<chiso::Message>,
}

impl GridError {
    fn new(message: impl Into<chiso::Message>) -> Self {
        GridError {
            message: message.into(),
            help: None,
        }
    }

    fn with_help(mut self, help: impl Into<chiso::Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The message and its help as one message: "… (help)".
    pub fn to_message(&self) -> chiso::Message {
        match &self.help {
            Some(help) => chiso::msg!(
                "with-help",
                message = self.message.clone(),
                help = help.clone()
            ),
            None => self.message.clone(),
        }
    }

    /// The message and its help, in `lang`: "… (help)".
    pub fn render(&self, lang: chiso::Lang) -> String {
        self.to_message().render(lang)
    }
}

/// In the default language (Vietnamese); a renderer with a reader calls [`GridError::render`].
impl std::fmt::Display for GridError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(chiso::Lang::default()))
    }
}

impl std::error::Error for GridError {}

/// One sheet's cells by row: row `i` is spreadsheet row [`Grid::row_number`]`(i)` and its
/// cell `c` is column `first_column + c` (both 0-based indices into the grid; the numbers
/// are 1-based). A text grid keeps its text and splits a row when asked, so a large CSV
/// takes little more memory than its file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// The worksheet's name (`None` for text).
    pub name: Option<String>,
    /// Spreadsheet number of the first row (1-based).
    pub first_row: usize,
    /// Spreadsheet number of the first column (1-based: 1 is column A).
    pub first_column: usize,
    /// What the reader noticed, in reading order.
    pub notes: Vec<GridNote>,
    store: Store,
}

#[derive(Debug, Clone, PartialEq)]
enum Store {
    Cells(Vec<Vec<Cell>>),
    /// The text, its delimiter, and where each record starts: (byte offset, line, whether
    /// it holds anything — found while splitting the text, so [`Grid::has_data`] does not
    /// split the record again), plus the end.
    Text {
        text: String,
        delimiter: char,
        starts: Vec<(usize, usize, bool)>,
    },
}

impl Default for Store {
    fn default() -> Self {
        Store::Cells(Vec::new())
    }
}

impl Grid {
    /// A grid of cells starting at A1.
    pub fn from_rows(rows: Vec<Vec<Cell>>) -> Grid {
        Grid {
            name: None,
            first_row: 1,
            first_column: 1,
            notes: Vec::new(),
            store: Store::Cells(rows),
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        match &self.store {
            Store::Cells(rows) => rows.len(),
            Store::Text { starts, .. } => starts.len().saturating_sub(1),
        }
    }

    /// Whether the grid has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The spreadsheet number (1-based) of row `i` (0-based).
    pub fn row_number(&self, i: usize) -> usize {
        self.first_row + i
    }

    /// The cells of row `i` (0-based; empty past the end). A text cell is [`Cell::Empty`]
    /// when blank, else [`Cell::Text`] as written (untrimmed).
    pub fn row(&self, i: usize) -> Vec<Cell> {
        match &self.store {
            Store::Cells(rows) => rows.get(i).cloned().unwrap_or_default(),
            Store::Text {
                text,
                delimiter,
                starts,
            } => match starts.get(i) {
                Some(&(start, line, _)) if i + 1 < starts.len() => {
                    record(text, start, line, *delimiter)
                        .cells
                        .into_iter()
                        .map(|c| {
                            if c.trim().is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(c.into_owned())
                            }
                        })
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
            Store::Text { starts, .. } => {
                i + 1 < starts.len() && starts.get(i).is_some_and(|&(_, _, data)| data)
            }
        }
    }

    /// For a text grid, the line (1-based) where row `i` starts.
    pub fn line(&self, i: usize) -> Option<usize> {
        match &self.store {
            Store::Text { starts, .. } if i + 1 < starts.len() => Some(starts[i].1),
            _ => None,
        }
    }

    /// For a text grid, the bytes of row `i` in the text (without its line break).
    pub fn span(&self, i: usize) -> Option<Range<usize>> {
        match &self.store {
            Store::Text { text, starts, .. } if i + 1 < starts.len() => {
                let (start, end) = (starts[i].0, starts[i + 1].0);
                Some(start..start + text[start..end].trim_end_matches(['\r', '\n']).len())
            }
            _ => None,
        }
    }
}

// ───────────── text ─────────────

/// Decodes a text file's bytes: UTF-8 (a BOM is dropped) or UTF-16 with its BOM, as Excel's
/// "Unicode text" export writes it. Anything else is refused with the place of the first bad
/// byte, rather than guessed (a legacy TCVN3 or Windows-1258 file would come out garbled).
pub fn decode(bytes: &[u8]) -> Result<String, GridError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    let utf16 = |rest: &[u8], little: bool| -> Result<String, GridError> {
        if rest.len() % 2 == 1 {
            return Err(GridError::new(chiso::msg!("grid-utf16-odd")));
        }
        let units = rest.chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if little {
                u16::from_le_bytes(pair)
            } else {
                u16::from_be_bytes(pair)
            }
        });
        char::decode_utf16(units)
            .enumerate()
            .map(|(index, unit)| {
                unit.map_err(|_| {
                    GridError::new(chiso::msg!(
                        "grid-utf16-invalid",
                        byte = (2 + index * 2).to_string()
                    ))
                })
            })
            .collect()
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Result<String, GridError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(GridError::new(chiso::msg!(
                "grid-not-utf8",
                offset = at.to_string(),
                line = line.to_string()
            ))
            .with_help(chiso::msg!("grid-not-utf8-help")))
        }
    }
}

/// Guesses the delimiter: a tab if any of the first 200 non-blank lines holds one, else `;`
/// or `,`, whichever more lines hold (Vietnamese Excel writes `;` because `,` is the decimal
/// separator); `,` when neither appears.
pub fn delimiter(text: &str) -> char {
    let lines = || text.lines().filter(|l| !l.trim().is_empty()).take(200);
    if lines().any(|l| l.contains('\t')) {
        return '\t';
    }
    let with = |c: char| lines().filter(|l| l.contains(c)).count();
    if with(';') >= with(',') && with(';') > 0 {
        ';'
    } else {
        ','
    }
}

/// Reads CSV/TSV text (a BOM is dropped, the delimiter guessed) into a grid of text cells.
/// Never fails: a quote that never closes is read literally and noted in [`Grid::notes`].
pub fn text_grid(text: &str) -> Grid {
    owned_text_grid(text.to_string())
}

/// [`text_grid`] of a text the grid keeps as it is (no copy of a sheet that may be tens of
/// megabytes: [`bytes_text_grid`] hands over the text it decoded).
fn owned_text_grid(mut owned: String) -> Grid {
    if owned.starts_with('\u{feff}') {
        owned.drain(..'\u{feff}'.len_utf8());
    }
    let text = owned.as_str();
    let delimiter = delimiter(text);
    let mut starts = Vec::new();
    let mut notes = Vec::new();
    let mut pos = 0;
    let mut line = 1;
    while pos < text.len() {
        let r = record(text, pos, line, delimiter);
        starts.push((pos, line, r.cells.iter().any(|c| !c.trim().is_empty())));
        let row = starts.len();
        notes.extend(r.unclosed.into_iter().map(|(column, at, line)| GridNote {
            row,
            column,
            kind: NoteKind::UnclosedQuote { line, at },
        }));
        pos = r.end;
        line += r.lines;
    }
    starts.push((text.len(), line, false));
    Grid {
        name: None,
        first_row: 1,
        first_column: 1,
        notes,
        store: Store::Text {
            text: owned,
            delimiter,
            starts,
        },
    }
}

/// Reads a text file's bytes ([`decode`], then [`text_grid`]).
pub fn bytes_text_grid(bytes: &[u8]) -> Result<Grid, GridError> {
    decode(bytes).map(owned_text_grid)
}

/// One record of a text: its cells, where the next record starts, how many line breaks it
/// took, and the unclosed quotes met (column, byte offset, line). A cell is borrowed from the
/// text unless it is quoted (its `""` stand for `"`) or continues after its closing quote.
struct Record<'a> {
    cells: Vec<Cow<'a, str>>,
    end: usize,
    lines: usize,
    unclosed: Vec<(usize, usize, usize)>,
}

/// Splits the record starting at `pos` (on line `line`). A cell that starts with `"` is
/// quoted: it ends at a `"` followed by the delimiter or the end of a line, `""` stands for
/// `"`, and it may span lines. A quote that never closes is read literally.
///
/// The bytes between delimiters are taken as one slice (the delimiter, `\n` and `\r` are
/// ASCII, so a byte equal to one of them is that character in UTF-8): a plain cell costs no
/// allocation.
fn record(text: &str, mut pos: usize, line: usize, delimiter: char) -> Record<'_> {
    let bytes = text.as_bytes();
    let mut lines = 0;
    let mut cells: Vec<Cow<'_, str>> = Vec::new();
    let mut unclosed = Vec::new();
    // The delimiter's UTF-8 bytes: a cell ends at `\n`, `\r` or a byte equal to the
    // delimiter's first that starts the whole delimiter. UTF-8 never puts a leading byte inside
    // another character, so one byte scan serves any delimiter, ASCII (the common case, one
    // comparison a byte) or not.
    let mut encoded = [0u8; 4];
    let delimiter_bytes = delimiter.encode_utf8(&mut encoded).as_bytes();
    let first = delimiter_bytes[0];
    loop {
        // At the start of a cell.
        let mut cell: Cow<'_, str> = Cow::Borrowed("");
        if bytes.get(pos) == Some(&b'"') {
            match quoted(text, pos, delimiter) {
                Some((value, end, more)) => {
                    cell = Cow::Owned(value);
                    pos = end;
                    lines += more;
                }
                None => unclosed.push((cells.len(), pos, line + lines)),
            }
        }
        // The rest of the cell, up to the delimiter or the end of the line.
        let start = pos;
        while pos < bytes.len() {
            let b = bytes[pos];
            if b == b'\n' || b == b'\r' || (b == first && bytes[pos..].starts_with(delimiter_bytes))
            {
                break;
            }
            pos += 1;
        }
        if pos > start {
            let rest = &text[start..pos];
            cell = if cell.is_empty() {
                Cow::Borrowed(rest)
            } else {
                Cow::Owned(format!("{cell}{rest}"))
            };
        }
        cells.push(cell);
        if pos >= text.len() {
            break;
        }
        let c = text[pos..].chars().next().unwrap_or('\n');
        pos += c.len_utf8();
        if c == '\n' || c == '\r' {
            if c == '\r' && bytes.get(pos) == Some(&b'\n') {
                pos += 1;
            }
            lines += 1;
            break;
        }
    }
    Record {
        cells,
        end: pos,
        lines,
        unclosed,
    }
}

/// A quoted cell starting at `pos` (the opening quote): its value, the position after the
/// closing quote, and how many line breaks it spans. `None` if it never closes properly.
fn quoted(text: &str, pos: usize, delimiter: char) -> Option<(String, usize, usize)> {
    let mut value = String::new();
    let mut lines = 0;
    let mut chars = text[pos + 1..].char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            if let Some(&(_, '"')) = chars.peek() {
                chars.next();
                value.push('"');
                continue;
            }
            let after = pos + 1 + i + 1;
            return match text[after..].chars().next() {
                None => Some((value, after, lines)),
                Some(n) if n == delimiter || n == '\n' || n == '\r' => Some((value, after, lines)),
                Some(_) => None,
            };
        }
        if c == '\n' {
            lines += 1;
        }
        value.push(c);
    }
    None
}

// ───────────── workbooks ─────────────

/// True when the bytes look like a workbook: a zip container (.xlsx, .ods) or an OLE compound
/// file (.xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Reads a file's bytes: a workbook when they look like one ([`workbook_grid`], `sheet`
/// choosing the worksheet), text otherwise ([`bytes_text_grid`]; `sheet` is ignored).
pub fn read_grid(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, GridError> {
    if is_workbook(bytes) {
        workbook_grid(bytes, sheet)
    } else {
        bytes_text_grid(bytes)
    }
}

/// A worksheet of a workbook, as listed by [`workbook_sheets`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    pub name: String,
    /// Hidden (or "very hidden") in the workbook: read only when named.
    pub hidden: bool,
}

/// The only way into calamine: a panic inside it (it is not ours to vouch for on hostile
/// input) becomes an error.
fn guarded<T>(read: impl FnOnce() -> Result<T, GridError>) -> Result<T, GridError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(read))
        .unwrap_or_else(|_| Err(GridError::new(chiso::msg!("grid-damaged"))))
}

type Workbook<'a> = calamine::Sheets<std::io::Cursor<&'a [u8]>>;

fn open(bytes: &[u8]) -> Result<Workbook<'_>, GridError> {
    calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| GridError::new(chiso::msg!("grid-not-spreadsheet", error = e.to_string())))
}

fn sheets_of(workbook: &Workbook<'_>) -> Vec<SheetInfo> {
    use calamine::Reader;
    workbook
        .sheets_metadata()
        .iter()
        .map(|s| SheetInfo {
            name: s.name.clone(),
            hidden: s.visible != calamine::SheetVisible::Visible,
        })
        .collect()
}

/// The worksheets of a workbook, in order. Errors: not a workbook, or a damaged one.
pub fn workbook_sheets(bytes: &[u8]) -> Result<Vec<SheetInfo>, GridError> {
    guarded(|| open(bytes).map(|w| sheets_of(&w)))
}

/// Which sheet to read: the one named (exactly, else the only one equal without case or
/// diacritics; hidden or not), or the first visible one.
fn choose(sheets: &[SheetInfo], wanted: Option<&str>) -> Result<String, GridError> {
    let names = || {
        sheets
            .iter()
            .map(|s| {
                if s.hidden {
                    chiso::msg!("grid-sheet-hidden", name = s.name.as_str())
                } else {
                    chiso::Message::plain(s.name.clone())
                }
            })
            .collect::<Vec<_>>()
    };
    let Some(wanted) = wanted else {
        return match sheets.iter().find(|s| !s.hidden) {
            Some(s) => Ok(s.name.clone()),
            None if sheets.is_empty() => Err(GridError::new(chiso::msg!("grid-no-sheet"))),
            None => Err(GridError::new(chiso::msg!("grid-all-hidden"))
                .with_help(chiso::msg!("grid-all-hidden-help", sheets = names()))),
        };
    };
    if let Some(s) = sheets.iter().find(|s| s.name == wanted) {
        return Ok(s.name.clone());
    }
    let key = fold(wanted.trim());
    let matching: Vec<&SheetInfo> = sheets
        .iter()
        .filter(|s| fold(s.name.trim()) == key)
        .collect();
    match matching.as_slice() {
        [one] => Ok(one.name.clone()),
        [] => Err(
            GridError::new(chiso::msg!("grid-no-such-sheet", sheet = wanted))
                .with_help(chiso::msg!("grid-its-sheets", sheets = names())),
        ),
        several => Err(GridError::new(chiso::msg!(
            "grid-several-sheets",
            sheet = wanted,
            sheets = several
                .iter()
                .map(|s| format!("`{}`", s.name))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .with_help(chiso::msg!("grid-several-sheets-help"))),
    }
}

/// Reads one worksheet of a workbook (`.xlsx`, `.xls`, `.xlsb`, `.ods`): the one named by
/// `sheet`, or the first visible one. Errors (never panics): not a workbook, a damaged one,
/// no such sheet (or several matching it), every sheet hidden.
pub fn workbook_grid(bytes: &[u8], sheet: Option<&str>) -> Result<Grid, GridError> {
    use calamine::Reader;
    guarded(|| {
        let mut workbook = open(bytes)?;
        let name = choose(&sheets_of(&workbook), sheet)?;
        let range = workbook.worksheet_range(&name).map_err(|e| {
            GridError::new(chiso::msg!(
                "grid-cannot-read-sheet",
                sheet = name.as_str(),
                error = e.to_string()
            ))
        })?;
        let (first_row, first_column) = range
            .start()
            .map_or((1, 1), |(r, c)| (r as usize + 1, c as usize + 1));
        let mut notes = Vec::new();
        let mut rows: Vec<Vec<Cell>> = range
            .rows()
            .enumerate()
            .map(|(r, row)| {
                row.iter()
                    .enumerate()
                    .map(|(c, data)| {
                        let (cell, note) = workbook_cell(data);
                        if let Some(kind) = note {
                            notes.push(GridNote {
                                row: first_row + r,
                                column: first_column - 1 + c,
                                kind,
                            });
                        }
                        cell
                    })
                    .collect()
            })
            .collect();
        let (mut first_row, mut first_column) = (first_row, first_column);
        if let Some(facts) = xlsx_facts(bytes, &name) {
            apply_facts(&facts, &mut rows, &mut first_row, &mut first_column);
            fill_merged(&facts, &mut rows, first_row, first_column);
        }
        Ok(Grid {
            name: Some(name),
            first_row,
            first_column,
            notes,
            store: Store::Cells(rows),
        })
    })
}

fn workbook_cell(data: &calamine::Data) -> (Cell, Option<NoteKind>) {
    use calamine::Data;
    let cell = match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => {
            if s.trim().is_empty() {
                Cell::Empty
            } else {
                Cell::Text(s.clone())
            }
        }
        Data::Int(i) => Cell::Number(i.to_string()),
        Data::Float(f) => {
            return match excel_number(*f) {
                Some((shown, changed)) => (
                    Cell::Number(shown.to_string()),
                    changed.then(|| NoteKind::Rounded {
                        stored: f.to_string(),
                        shown: shown.to_string(),
                    }),
                ),
                None => (
                    Cell::Error(format!("{f}")),
                    Some(NoteKind::Unrepresentable {
                        stored: f.to_string(),
                    }),
                ),
            }
        }
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
    };
    (cell, None)
}

/// Corrects calamine's cells with what the sheet's XML says: an inline string is its text
/// (calamine reads one carrying a `<v>` as empty), a formula saved without its value is
/// [`Cell::Unsaved`] (calamine reads it as empty), and a number shown as a percentage is the
/// percentage a person reads (0.5789 shown as 57,89 % is 57.89). The grid grows to hold
/// cells calamine left out.
fn apply_facts(
    facts: &XlsxFacts,
    rows: &mut Vec<Vec<Cell>>,
    first_row: &mut usize,
    first_column: &mut usize,
) {
    let needed = |f: &CellFacts| {
        f.unsaved.is_some() || f.inline.as_deref().is_some_and(|t| !t.trim().is_empty())
    };
    if rows.is_empty() {
        if let Some(&(r, c)) = facts
            .cells
            .iter()
            .filter(|(_, f)| needed(f))
            .map(|(at, _)| at)
            .min()
        {
            *first_row = r + 1;
            *first_column = c + 1;
        }
    }
    for (&(r, c), f) in &facts.cells {
        if !needed(f) {
            continue;
        }
        if r + 1 < *first_row {
            let more = *first_row - (r + 1);
            rows.splice(0..0, std::iter::repeat_with(Vec::new).take(more));
            *first_row = r + 1;
        }
        if c + 1 < *first_column {
            let more = *first_column - (c + 1);
            for row in rows.iter_mut() {
                row.splice(0..0, std::iter::repeat_n(Cell::Empty, more));
            }
            *first_column = c + 1;
        }
    }
    for (&(r, c), f) in &facts.cells {
        let (Some(i), Some(j)) = (
            r.checked_sub(*first_row - 1),
            c.checked_sub(*first_column - 1),
        ) else {
            continue;
        };
        if needed(f) {
            if rows.len() <= i {
                rows.resize_with(i + 1, Vec::new);
            }
            if rows[i].len() <= j {
                rows[i].resize(j + 1, Cell::Empty);
            }
        }
        let Some(cell) = rows.get_mut(i).and_then(|row| row.get_mut(j)) else {
            continue;
        };
        if let Some(formula) = &f.unsaved {
            if cell.is_empty() {
                *cell = Cell::Unsaved(formula.clone());
            }
        } else if let Some(text) = &f.inline {
            if cell.is_empty() && !text.trim().is_empty() {
                *cell = Cell::Text(text.clone());
            }
        }
        if f.percent {
            if let Cell::Number(n) = cell {
                if let Ok(d) = Decimal::from_str(n) {
                    if let Some(p) = d.checked_mul(Decimal::ONE_HUNDRED) {
                        *n = p.normalize().to_string();
                    }
                }
            }
        }
    }
}

/// Fills merged regions that span rows as a person reads them: the top-left cell's value
/// stands in every row of the region's first column (a unit name, a maximum or an ĐTXHH tag
/// merged over several rows). A region within one row (a title or a header spanning columns)
/// is left as it is, so no header is repeated.
fn fill_merged(facts: &XlsxFacts, rows: &mut [Vec<Cell>], first_row: usize, first_column: usize) {
    for &((top, left), (bottom, _)) in &facts.merged {
        let (Some(i), Some(j)) = (
            top.checked_sub(first_row - 1),
            left.checked_sub(first_column - 1),
        ) else {
            continue;
        };
        let Some(value) = rows.get(i).and_then(|r| r.get(j)).cloned() else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let last = (bottom + 1 - (first_row - 1)).min(rows.len());
        for row in rows.iter_mut().take(last).skip(i + 1) {
            if row.len() <= j {
                row.resize(j + 1, Cell::Empty);
            }
            if row[j].is_empty() {
                row[j] = value.clone();
            }
        }
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

// ───────────── what calamine does not tell ─────────────

/// What an `.xlsx` sheet's XML says about its cells that calamine does not expose: cells
/// shown as a percentage, formulas saved without their value, and inline strings (which
/// calamine reads as empty when they also carry a `<v>`). Keyed by 0-based (row, column).
#[derive(Debug, Default)]
struct XlsxFacts {
    cells: std::collections::HashMap<(usize, usize), CellFacts>,
    /// Merged regions: (top-left, bottom-right), 0-based (row, column).
    merged: Vec<((usize, usize), (usize, usize))>,
}

#[derive(Debug, Default, Clone)]
struct CellFacts {
    /// The cell's number format shows a percentage (`0.5789` shown as `57,89 %`).
    percent: bool,
    /// A formula whose value was not saved (written by openpyxl and some web exports).
    unsaved: Option<String>,
    /// The text of an inline string.
    inline: Option<String>,
}

/// Reads the facts of the sheet `name` of an `.xlsx` (zip) workbook; `None` when the bytes
/// are not such a workbook or a part cannot be read (calamine has read the cells already;
/// these facts only correct them).
fn xlsx_facts(bytes: &[u8], name: &str) -> Option<XlsxFacts> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).ok()?;
    let mut part = |path: &str| -> Option<String> {
        use std::io::Read;
        let mut file = zip.by_name(path).ok()?;
        let mut text = String::new();
        file.read_to_string(&mut text).ok()?;
        Some(text)
    };
    let workbook = part("xl/workbook.xml")?;
    let rels = part("xl/_rels/workbook.xml.rels")?;
    let id = xml_elements(&workbook, "sheet")
        .into_iter()
        .find(|a| a.get("name").map(String::as_str) == Some(name))?
        .remove("r:id")?;
    let target = xml_elements(&rels, "Relationship")
        .into_iter()
        .find(|a| a.get("Id") == Some(&id))?
        .remove("Target")?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("xl/{target}"),
    };
    let percent = part("xl/styles.xml").map_or_else(Vec::new, |s| percent_styles(&s));
    let sheet = part(&path)?;
    Some(sheet_facts(&sheet, &percent))
}

/// The attributes of every element named `tag` (qualified name, as written).
fn xml_elements(xml: &str, tag: &str) -> Vec<std::collections::HashMap<String, String>> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if e.name().as_ref() == tag.as_bytes() => {
                out.push(attributes(&e));
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn attributes(e: &quick_xml::events::BytesStart<'_>) -> std::collections::HashMap<String, String> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let key = std::str::from_utf8(a.key.as_ref()).ok()?.to_string();
            let raw = std::str::from_utf8(&a.value).ok()?;
            let value = quick_xml::escape::unescape(raw).ok()?.into_owned();
            Some((key, value))
        })
        .collect()
}

/// For each cell style (`cellXfs`, by index), whether its number format shows a percentage:
/// the built-in formats 9 (`0%`) and 10 (`0.00%`), or a custom format with a `%` outside
/// quotes, brackets and escapes.
fn percent_styles(styles: &str) -> Vec<bool> {
    use quick_xml::events::Event;
    let mut custom = std::collections::HashMap::new();
    let mut styles_of_cells = Vec::new();
    let mut reader = quick_xml::Reader::from_str(styles);
    let mut in_cell_xfs = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => match e.local_name().as_ref() {
                b"numFmt" => {
                    let a = attributes(&e);
                    if let (Some(id), Some(code)) = (a.get("numFmtId"), a.get("formatCode")) {
                        custom.insert(id.clone(), format_shows_percent(code));
                    }
                }
                b"cellXfs" => in_cell_xfs = true,
                b"xf" if in_cell_xfs => {
                    let id = attributes(&e).remove("numFmtId").unwrap_or_default();
                    let percent = match id.as_str() {
                        "9" | "10" => true,
                        other => custom.get(other).copied().unwrap_or(false),
                    };
                    styles_of_cells.push(percent);
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => in_cell_xfs = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    styles_of_cells
}

/// Whether a number format code shows its number as a percentage: a `%` outside quoted text,
/// `[…]` and `\`-escapes, in the format's first section (the one positive numbers use).
fn format_shows_percent(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '%' => return true,
            ';' => return false,
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            _ => {}
        }
    }
    false
}

/// A cell reference (`AB12`) as 0-based (row, column).
fn cell_position(reference: &str) -> Option<(usize, usize)> {
    let split = reference.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = reference.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut column = 0usize;
    for c in letters.chars() {
        if !c.is_ascii_alphabetic() {
            return None;
        }
        column = column * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1);
    }
    let row: usize = digits.parse().ok()?;
    // A sheet has at most 1 048 576 rows and 16 384 columns (XFD): a reference beyond is
    // hostile, and would make the grid grow without bound.
    if row > 1_048_576 || column > 16_384 {
        return None;
    }
    Some((row.checked_sub(1)?, column - 1))
}

/// Which text of a cell is being read.
#[derive(PartialEq)]
enum Inside {
    Nothing,
    Formula,
    Value,
    InlineText,
}

/// The facts of one sheet's cells (see [`XlsxFacts`]).
fn sheet_facts(sheet: &str, percent: &[bool]) -> XlsxFacts {
    use quick_xml::events::Event;
    let mut out = XlsxFacts::default();
    let mut reader = quick_xml::Reader::from_str(sheet);
    let mut row = 0usize;
    let mut next_column = 0usize;
    // The cell being read: its position and facts.
    let mut cell: Option<((usize, usize), CellFacts)> = None;
    let mut inside = Inside::Nothing;
    let mut formula = String::new();
    let mut value = String::new();
    let mut inline = String::new();
    let mut is_inline = false;
    let mut in_phonetic = false;
    let position = |e: &quick_xml::events::BytesStart<'_>, row: usize, next: usize| {
        let a = attributes(e);
        let at = a
            .get("r")
            .and_then(|r| cell_position(r))
            .unwrap_or((row, next));
        (at, a)
    };
    loop {
        let event = match reader.read_event() {
            Ok(Event::Eof) | Err(_) => break,
            Ok(event) => event,
        };
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"row" => {
                if let Some(r) = attributes(&e)
                    .get("r")
                    .and_then(|r| r.parse::<usize>().ok())
                {
                    row = r.clamp(1, 1_048_576) - 1;
                }
                next_column = 0;
            }
            Event::End(e) if e.local_name().as_ref() == b"row" => row += 1,
            Event::Start(e) if e.local_name().as_ref() == b"c" => {
                let (at, a) = position(&e, row, next_column);
                next_column = at.1 + 1;
                let style = a
                    .get("s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .unwrap_or(0);
                let facts = CellFacts {
                    percent: percent.get(style).copied().unwrap_or(false),
                    ..CellFacts::default()
                };
                is_inline = a.get("t").map(String::as_str) == Some("inlineStr");
                formula.clear();
                value.clear();
                inline.clear();
                cell = Some((at, facts));
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"mergeCell" => {
                let region = attributes(&e).get("ref").and_then(|r| {
                    let (from, to) = r.split_once(':')?;
                    Some((cell_position(from)?, cell_position(to)?))
                });
                if let Some(region) = region {
                    out.merged.push(region);
                }
            }
            Event::Empty(e) if e.local_name().as_ref() == b"c" => {
                let (at, a) = position(&e, row, next_column);
                next_column = at.1 + 1;
                let style = a
                    .get("s")
                    .and_then(|s| s.parse::<usize>().ok())
                    .unwrap_or(0);
                if percent.get(style).copied().unwrap_or(false) {
                    out.cells.insert(
                        at,
                        CellFacts {
                            percent: true,
                            ..CellFacts::default()
                        },
                    );
                }
            }
            Event::Start(e) => match e.local_name().as_ref() {
                b"f" if cell.is_some() => inside = Inside::Formula,
                b"v" if cell.is_some() => inside = Inside::Value,
                b"rPh" => in_phonetic = true,
                b"t" if cell.is_some() && is_inline && !in_phonetic => inside = Inside::InlineText,
                _ => {}
            },
            Event::Empty(e)
                if e.local_name().as_ref() == b"f" && cell.is_some() && formula.is_empty() =>
            {
                // Another cell of a shared formula: `<f t="shared" si="0"/>`, its text is in
                // the first cell of the range.
                formula.push_str("… (shared with the cells above)");
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"f" | b"v" | b"t" => inside = Inside::Nothing,
                b"rPh" => in_phonetic = false,
                b"c" => {
                    if let Some((at, mut facts)) = cell.take() {
                        if !formula.is_empty() && value.trim().is_empty() && !is_inline {
                            facts.unsaved = Some(std::mem::take(&mut formula));
                        }
                        if is_inline {
                            facts.inline = Some(std::mem::take(&mut inline));
                        }
                        if facts.percent || facts.unsaved.is_some() || facts.inline.is_some() {
                            out.cells.insert(at, facts);
                        }
                    }
                    inside = Inside::Nothing;
                }
                _ => {}
            },
            Event::Text(t) => {
                let text = t
                    .xml10_content()
                    .map(|c| c.into_owned())
                    .unwrap_or_default();
                push_text(&inside, &text, [&mut formula, &mut value, &mut inline]);
            }
            Event::CData(t) => {
                let text = String::from_utf8_lossy(&t.into_inner()).into_owned();
                push_text(&inside, &text, [&mut formula, &mut value, &mut inline]);
            }
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => r
                        .decode()
                        .ok()
                        .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                        .unwrap_or_default()
                        .to_string(),
                };
                push_text(&inside, &text, [&mut formula, &mut value, &mut inline]);
            }
            _ => {}
        }
    }
    out
}

fn push_text(inside: &Inside, text: &str, [formula, value, inline]: [&mut String; 3]) {
    match inside {
        Inside::Formula => formula.push_str(text),
        Inside::Value => value.push_str(text),
        Inside::InlineText => inline.push_str(text),
        Inside::Nothing => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_bom_are_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Tiêu chí\t1,5".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "Tiêu chí\t1,5");
        assert_eq!(decode(b"\xEF\xBB\xBFSTT").unwrap(), "STT");
        let err = decode(b"STT\n\xC0\xC1").unwrap_err();
        assert!(err.message.en().contains("line 2"), "{}", err.message.en());
        // An odd number of UTF-16 bytes is an error, not a panic.
        assert!(decode(&[0xFF, 0xFE, 0x41]).is_err());
    }

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows()
            .map(|r| r.iter().map(Cell::text).collect())
            .collect()
    }

    #[test]
    fn quoted_cells_hold_delimiters_quotes_and_line_breaks() {
        let text = "1.1\t\"Kế hoạch\tCCHC \"\"năm\"\"\nhai dòng\"\t1,5\n1.2\tx\t2\n";
        let grid = text_grid(text);
        assert!(grid.notes.is_empty());
        assert_eq!(grid.len(), 2);
        assert_eq!(
            texts(&grid)[0],
            vec!["1.1", "Kế hoạch\tCCHC \"năm\"\nhai dòng", "1,5"]
        );
        assert_eq!(grid.line(1), Some(3));
        assert_eq!(grid.row_number(1), 2);
        assert_eq!(&text[grid.span(1).unwrap()], "1.2\tx\t2");
    }

    #[test]
    fn an_unclosed_quote_is_read_literally_and_noted() {
        let grid = text_grid("1\t\"abc\t2\n2\tdef\t3\n");
        assert_eq!(grid.len(), 2);
        assert_eq!(texts(&grid)[0], vec!["1", "\"abc", "2"]);
        assert_eq!(
            grid.notes,
            vec![GridNote {
                row: 1,
                column: 1,
                kind: NoteKind::UnclosedQuote { line: 1, at: 2 }
            }]
        );
    }

    #[test]
    fn records_split_like_csv() {
        let grid = text_grid("a;b;;c\r\n\"x; y\";\"say \"\"hi\"\"\";\"two\nlines\"\n1,5;2");
        assert_eq!(
            texts(&grid),
            vec![
                vec!["a", "b", "", "c"],
                vec!["x; y", "say \"hi\"", "two\nlines"],
                vec!["1,5", "2"]
            ]
        );
        assert_eq!(grid.line(2), Some(4));
    }

    /// One byte scan serves every delimiter: a delimiter outside ASCII (a caller may pass
    /// one) splits cells exactly where it stands, never inside a character that shares its
    /// leading byte ("；" and "ộ" both begin with a byte above 0x7F).
    #[test]
    fn a_delimiter_outside_ascii_splits_only_at_itself() {
        let texts = |text: &str, delimiter: char| -> Vec<String> {
            record(text, 0, 1, delimiter)
                .cells
                .into_iter()
                .map(Cow::into_owned)
                .collect()
        };
        assert_eq!(
            texts("Cộng；1,5；\"a；b\"；\n", '；'),
            vec!["Cộng", "1,5", "a；b", ""]
        );
        // U+FF1B (；) is EF BC 9B; U+FF1C (＜) shares its first two bytes and is no delimiter.
        assert_eq!(texts("x＜y；z", '；'), vec!["x＜y", "z"]);
        assert_eq!(texts("a,b\r\nc", ','), vec!["a", "b"]);
    }

    #[test]
    fn blank_lines_are_rows() {
        let grid = text_grid("\u{feff}a,b\n\n1,2\n");
        assert_eq!(grid.len(), 3);
        assert!(!grid.has_data(1));
        assert!(grid.has_data(2));
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("a\tb\n"), '\t');
        assert_eq!(delimiter("1;Kế hoạch;1,5\n"), ';');
        assert_eq!(delimiter("1,Kế hoạch,\"1,5\"\n"), ',');
        assert_eq!(delimiter("đơn vị;a;b\n1;2,5;3"), ';');
        assert_eq!(delimiter("đơn vị,a,b\n"), ',');
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

    fn sheets(list: &[(&str, bool)]) -> Vec<SheetInfo> {
        list.iter()
            .map(|(name, hidden)| SheetInfo {
                name: name.to_string(),
                hidden: *hidden,
            })
            .collect()
    }

    #[test]
    fn hidden_sheets_are_read_only_when_named() {
        let list = sheets(&[("2023", true), ("2024", false)]);
        assert_eq!(choose(&list, None).unwrap(), "2024");
        assert_eq!(choose(&list, Some("2023")).unwrap(), "2023");
        assert!(choose(&sheets(&[("a", true)]), None).is_err());
        assert!(choose(&[], None).is_err());
    }

    #[test]
    fn sheet_names_match_exactly_then_folded_and_never_ambiguously() {
        let list = sheets(&[("Bảng 1", false), ("Bang 1", false), ("Tỉnh", false)]);
        assert_eq!(choose(&list, Some("Bang 1")).unwrap(), "Bang 1");
        assert_eq!(choose(&list, Some(" tinh ")).unwrap(), "Tỉnh");
        let err = choose(&list, Some("bang 1")).unwrap_err();
        assert!(err.message.en().contains("several"), "{err}");
        let err = choose(&list, Some("x")).unwrap_err();
        assert!(err.help.unwrap().en().contains("Tỉnh"));
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(workbook_grid(b"PK\x03\x04not a zip at all", None).is_err());
        assert!(workbook_grid(b"", None).is_err());
        assert!(workbook_sheets(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").is_err());
    }

    #[test]
    fn percent_formats_are_recognised_outside_quotes_and_brackets() {
        assert!(format_shows_percent("0.00%"));
        assert!(format_shows_percent("0.00\" \"%"));
        assert!(format_shows_percent("#,##0.0%;[Red]-0.0%"));
        assert!(!format_shows_percent("0.00\"%\""));
        assert!(!format_shows_percent("[$%-409]0.00"));
        assert!(!format_shows_percent("0.00\\%"));
        assert!(!format_shows_percent("0.00;-0.00%"));
        assert!(!format_shows_percent("dd/mm/yyyy"));
    }

    #[test]
    fn cell_references() {
        assert_eq!(cell_position("A1"), Some((0, 0)));
        assert_eq!(cell_position("D2"), Some((1, 3)));
        assert_eq!(cell_position("AB12"), Some((11, 27)));
        assert_eq!(cell_position("12"), None);
        assert_eq!(cell_position("A0"), None);
        assert_eq!(cell_position("XFD1048576"), Some((1_048_575, 16_383)));
        assert_eq!(cell_position("A99999999999"), None);
        assert_eq!(cell_position("XFE1"), None);
    }

    #[test]
    fn sheet_facts_find_unsaved_formulas_inline_strings_and_percent_cells() {
        let xml = r#"<worksheet><sheetData><row r="2">
            <c r="A2" t="inlineStr"><is><t>1</t></is><v>1</v></c>
            <c r="B2"><f>2-1</f><v /></c>
            <c r="C2"><f>2-1</f><v>1</v></c>
            <c r="D2" s="1"><v>0.5789</v></c>
            <c r="E2" t="inlineStr"><is><t><![CDATA[a & b]]></t></is></c>
            <c r="F2"><f>A1&amp;"x"</f></c>
            </row></sheetData></worksheet>"#;
        let facts = sheet_facts(xml, &[false, true]);
        let at = |r, c| facts.cells.get(&(r, c)).cloned().unwrap_or_default();
        assert_eq!(at(1, 0).inline.as_deref(), Some("1"));
        assert_eq!(at(1, 1).unsaved.as_deref(), Some("2-1"));
        assert_eq!(at(1, 2).unsaved, None);
        assert!(at(1, 3).percent);
        assert_eq!(at(1, 4).inline.as_deref(), Some("a & b"));
        assert_eq!(at(1, 5).unsaved.as_deref(), Some("A1&\"x\""));
    }
}
