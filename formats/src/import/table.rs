//! A published table as rows of text cells: decoded from bytes (UTF-8, UTF-16 with a BOM),
//! split on tabs, semicolons or commas, with Excel-style quoted cells (a quoted cell may hold
//! the delimiter, doubled quotes and line breaks).

use chiso::diagnostic::{Diagnostic, Span};

/// One row of a table, as the user sees it in the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based: the line of a text file where the row starts, or the worksheet row.
    pub number: usize,
    /// Bytes of the row in the decoded text (empty for a worksheet).
    pub span: Span,
    pub cells: Vec<String>,
    /// Which cells were numbers in a worksheet (a "1.10" typed as a number reads "1.1").
    pub numeric: Vec<bool>,
}

impl Row {
    pub fn cell(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Where a table came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Text,
    /// A worksheet of a workbook, by name.
    Sheet(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub origin: Origin,
    pub rows: Vec<Row>,
}

impl Table {
    /// "row 12" or "row 12 of sheet “Bảng 2”".
    pub fn row_name(&self, number: usize) -> String {
        match &self.origin {
            Origin::Text => format!("row {number}"),
            Origin::Sheet(name) => format!("row {number} of sheet “{name}”"),
        }
    }
}

/// Decodes a text file's bytes: UTF-8 (a BOM is dropped) or UTF-16 with its BOM, as Excel's
/// "Unicode text" export writes it. Anything else is refused with the place of the first bad
/// byte, rather than guessed (a legacy TCVN3 or Windows-1258 file would come out garbled).
pub fn decode(bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    let utf16 = |rest: &[u8], little: bool| -> Result<String, Box<Diagnostic>> {
        if rest.len() % 2 == 1 {
            return Err(Box::new(Diagnostic::error(
                "I001",
                0..0,
                "the UTF-16 text ends in the middle of a character",
            )));
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
                    Box::new(Diagnostic::error(
                        "I001",
                        0..0,
                        format!(
                            "the UTF-16 text has an invalid character at byte {}",
                            2 + index * 2
                        ),
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

fn utf8(bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(Box::new(
                Diagnostic::error("I001", 0..0, format!("the table is not UTF-8 text: invalid byte at offset {at} (line {line})"))
                    .with_help("save the table as UTF-8 (Excel: “CSV UTF-8” or “Unicode Text”); legacy TCVN3/VNI fonts must be converted to Unicode first"),
            ))
        }
    }
}

/// Guesses the delimiter: a tab if any line holds one, else `;` or `,`, whichever more lines
/// hold (Vietnamese Excel writes `;` because `,` is the decimal separator).
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

/// Splits decoded text into rows. A cell that starts with `"` is quoted: it ends at a `"`
/// followed by the delimiter or the end of a line, `""` stands for `"`, and it may span lines.
/// A quote that never closes is read literally (and reported), so no rows vanish into it.
pub fn split(text: &str, delimiter: char) -> (Table, Vec<Diagnostic>) {
    let mut rows = Vec::new();
    let mut diagnostics = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut line = 1;
    while pos < text.len() {
        let start = pos;
        let start_line = line;
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut at_cell_start = true;
        loop {
            if pos >= text.len() {
                cells.push(std::mem::take(&mut cell));
                break;
            }
            let c = text[pos..].chars().next().unwrap_or('\n');
            if at_cell_start && c == '"' {
                match quoted(text, pos, delimiter) {
                    Some((value, end, lines)) => {
                        cell.push_str(&value);
                        pos = end;
                        line += lines;
                        at_cell_start = false;
                        continue;
                    }
                    None => {
                        diagnostics.push(
                            Diagnostic::warning("I002", pos..pos + 1, format!("row {line}: a quote opens a cell but never closes it: read literally"))
                                .with_span_label("this quote"),
                        );
                    }
                }
            }
            at_cell_start = false;
            if c == delimiter {
                cells.push(std::mem::take(&mut cell));
                at_cell_start = true;
                pos += c.len_utf8();
            } else if c == '\n' || c == '\r' {
                cells.push(std::mem::take(&mut cell));
                pos += 1;
                if c == '\r' && bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
                line += 1;
                break;
            } else {
                cell.push(c);
                pos += c.len_utf8();
            }
        }
        let end = text[start..pos].trim_end_matches(['\r', '\n']).len() + start;
        rows.push(Row {
            number: start_line,
            span: start..end,
            numeric: vec![false; cells.len()],
            cells,
        });
    }
    (
        Table {
            origin: Origin::Text,
            rows,
        },
        diagnostics,
    )
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
        assert!(err.message.contains("line 2"), "{}", err.message);
        // An odd number of UTF-16 bytes is an error, not a panic.
        assert!(decode(&[0xFF, 0xFE, 0x41]).is_err());
    }

    #[test]
    fn quoted_cells_hold_delimiters_quotes_and_line_breaks() {
        let text = "1.1\t\"Kế hoạch\tCCHC \"\"năm\"\"\nhai dòng\"\t1,5\n1.2\tx\t2\n";
        let (table, diagnostics) = split(text, '\t');
        assert!(diagnostics.is_empty());
        assert_eq!(table.rows.len(), 2);
        assert_eq!(
            table.rows[0].cells,
            vec!["1.1", "Kế hoạch\tCCHC \"năm\"\nhai dòng", "1,5"]
        );
        assert_eq!(table.rows[1].number, 3);
        assert_eq!(&text[table.rows[1].span.clone()], "1.2\tx\t2");
    }

    #[test]
    fn an_unclosed_quote_is_read_literally() {
        let (table, diagnostics) = split("1\t\"abc\t2\n2\tdef\t3\n", '\t');
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, vec!["1", "\"abc", "2"]);
        assert_eq!(diagnostics[0].code, "I002");
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter("a\tb\n"), '\t');
        assert_eq!(delimiter("1;Kế hoạch;1,5\n"), ';');
        assert_eq!(delimiter("1,Kế hoạch,\"1,5\"\n"), ',');
    }
}
