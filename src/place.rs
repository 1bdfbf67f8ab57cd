//! Where a problem is: bytes of a text file, or a cell (or a whole row) of a sheet. One typed
//! value, turned into text only by the renderers ([`Place`]'s `Display` gives the plain form:
//! "tinh.csv, row 7, column D (hồ_sơ_tiếp_nhận)").

use crate::diagnostic::Span;
use std::fmt;

/// The place of a problem in its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A text file (a unit file, a TOML form, a text table): `span` is a byte range of its
    /// text (`0..0` when the problem is about the file as a whole).
    Text {
        /// The file's name or path, as the caller named it.
        file: String,
        /// A byte range into the file's text; `0..0` for the file as a whole.
        span: Span,
    },
    /// A row of a sheet or workbook, and the cell when the problem is about one.
    Cell {
        /// The file's name or path, as the caller named it.
        file: String,
        /// The worksheet's name (`None` for CSV text).
        sheet: Option<String>,
        /// The spreadsheet's row number (1-based).
        row: usize,
        /// The column (0-based: 0 is column A); `None` for the row as a whole.
        column: Option<usize>,
        /// The column's header text, when the sheet has one.
        header: Option<String>,
    },
}

impl Place {
    /// The whole of a file.
    pub fn file(file: impl Into<String>) -> Place {
        Place::Text {
            file: file.into(),
            span: 0..0,
        }
    }

    /// A whole row of a sheet.
    pub fn row(file: impl Into<String>, sheet: Option<String>, row: usize) -> Place {
        Place::Cell {
            file: file.into(),
            sheet,
            row,
            column: None,
            header: None,
        }
    }

    /// The file's name.
    pub fn file_name(&self) -> &str {
        match self {
            Place::Text { file, .. } | Place::Cell { file, .. } => file,
        }
    }

    /// The byte range of a text place that points somewhere (not `0..0`).
    pub fn text_span(&self) -> Option<&Span> {
        match self {
            Place::Text { span, .. } if !span.is_empty() => Some(span),
            _ => None,
        }
    }

    /// "row 7, column D (x)" for a cell, "row 7" for a row; empty for a text place (its span
    /// is shown by a renderer that has the text). In English: [`Place::within_in`].
    pub fn within(&self) -> String {
        self.within_in(crate::Lang::En)
    }

    /// [`Place::within`] in `lang`: "dòng 7, cột D (x)".
    pub fn within_in(&self, lang: crate::Lang) -> String {
        self.within_message()
            .map(|m| m.render(lang))
            .unwrap_or_default()
    }

    fn within_message(&self) -> Option<crate::Message> {
        use crate::msg;
        match self {
            Place::Text { .. } => None,
            Place::Cell {
                row,
                column,
                header,
                ..
            } => {
                let row = row.to_string();
                Some(
                    match (column, header.as_deref().filter(|h| !h.is_empty())) {
                        (None, _) => msg!("place-row", row = row),
                        (Some(c), None) => msg!("place-cell", row = row, column = column_name(*c)),
                        (Some(c), Some(h)) => msg!(
                            "place-cell-header",
                            row = row,
                            column = column_name(*c),
                            header = h
                        ),
                    },
                )
            }
        }
    }

    /// The place as a message: "tinh.csv, dòng 7, cột D (x)" once rendered in Vietnamese.
    pub fn message(&self) -> crate::Message {
        match self.within_message() {
            None => crate::Message::plain(self.file_name()),
            Some(within) => crate::msg!("place-in-file", file = self.file_name(), within = within),
        }
    }

    /// "tinh.csv, dòng 7, cột D (x)" in `lang`: the file and [`Place::within_in`].
    pub fn render(&self, lang: crate::Lang) -> String {
        self.message().render(lang)
    }
}

impl fmt::Display for Place {
    /// "tinh.csv, row 7, column D (hồ_sơ_tiếp_nhận)", "tinh.csv, row 7", or "a.toml".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let within = self.within();
        if within.is_empty() {
            f.write_str(self.file_name())
        } else {
            write!(f, "{}, {within}", self.file_name())
        }
    }
}

/// The spreadsheet name of a 0-based column: 0 → "A", 25 → "Z", 26 → "AA".
pub fn column_name(column: usize) -> String {
    let mut n = column + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(52), "BA");
    }

    #[test]
    fn places_as_text() {
        let cell = Place::Cell {
            file: "tinh.csv".into(),
            sheet: None,
            row: 7,
            column: Some(3),
            header: Some("hồ_sơ_tiếp_nhận".into()),
        };
        assert_eq!(
            cell.to_string(),
            "tinh.csv, row 7, column D (hồ_sơ_tiếp_nhận)"
        );
        assert_eq!(
            Place::row("a.xlsx", Some("S".into()), 9).to_string(),
            "a.xlsx, row 9"
        );
        assert_eq!(Place::file("a.toml").to_string(), "a.toml");
        assert_eq!(Place::file("a.toml").text_span(), None);
    }
}
