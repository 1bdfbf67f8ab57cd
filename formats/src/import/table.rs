//! A published table as rows of text cells, read through the one grid reader
//! ([`crate::grid`]): a text table (decoded, delimiter guessed, Excel-style quotes) or a
//! worksheet.

use crate::grid::{Cell, Grid, NoteKind};
use chiso::diagnostic::{Diagnostic, Span};
use chiso::place::column_name;
use std::collections::HashMap;
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

    /// The row's non-empty cells, trimmed, in order (for messages quoting the row).
    pub fn filled(&self) -> Vec<&str> {
        self.cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
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
    pub fn row_name(&self, number: usize) -> chiso::Message {
        match &self.origin {
            Origin::Text => chiso::msg!("place-row", row = number.to_string()),
            Origin::Sheet(name) => chiso::msg!(
                "import-row-of-sheet",
                row = number.to_string(),
                sheet = name.as_str()
            ),
        }
    }
}

/// A text table's rows (the grid of [`crate::grid::text_grid`]): each row numbered by the
/// line where it starts, with its bytes in the text. A quote that never closes is reported
/// (I002) where it opens.
pub fn from_text(grid: &Grid) -> (Table, Vec<Diagnostic>) {
    let rows = (0..grid.len())
        .map(|i| {
            let cells: Vec<String> = grid
                .row(i)
                .into_iter()
                .map(|c| match c {
                    Cell::Text(t) => t,
                    _ => String::new(),
                })
                .collect();
            Row {
                number: grid.line(i).unwrap_or_else(|| grid.row_number(i)),
                span: grid.span(i).unwrap_or(0..0),
                numeric: vec![false; cells.len()],
                cells,
            }
        })
        .collect();
    let diagnostics = grid
        .notes
        .iter()
        .filter_map(|note| match note.kind {
            NoteKind::UnclosedQuote { line, at } => Some(
                Diagnostic::warning(
                    "I002",
                    at..at + 1,
                    chiso::msg!("i002-unclosed-quote", row = line.to_string()),
                )
                .with_span_label(chiso::msg!("i002-this-quote")),
            ),
            _ => None,
        })
        .collect();
    (
        Table {
            origin: Origin::Text,
            rows,
        },
        diagnostics,
    )
}

/// A worksheet's rows as text cells (leading empty columns kept, so columns line up with the
/// header). What a criteria table should not hold is reported with its cell (I003): a number
/// Excel shows rounded, one chiso cannot hold, a date, an error value.
pub fn from_sheet(grid: &Grid) -> (Table, Vec<Diagnostic>) {
    let name = grid.name.clone().unwrap_or_default();
    let notes: HashMap<(usize, usize), &NoteKind> = grid
        .notes
        .iter()
        .map(|n| ((n.row, n.column), &n.kind))
        .collect();
    let mut diagnostics = Vec::new();
    let mut rows = Vec::new();
    let lead = grid.first_column.saturating_sub(1);
    for (i, cells) in grid.rows().enumerate() {
        let number = grid.row_number(i);
        let mut texts = vec![String::new(); lead];
        let mut numeric = vec![false; lead];
        for (c, cell) in cells.iter().enumerate() {
            let column = lead + c;
            let reference = format!("{name}!{}{number}", column_name(column));
            numeric.push(matches!(cell, Cell::Number(_)));
            let text = match (cell, notes.get(&(number, column))) {
                (_, Some(NoteKind::Unrepresentable { stored })) => {
                    diagnostics.push(Diagnostic::error(
                        "I003",
                        0..0,
                        chiso::msg!(
                            "i003-inexact",
                            cell = reference.as_str(),
                            stored = stored.to_string()
                        ),
                    ));
                    String::new()
                }
                (Cell::Number(n), note) => {
                    if let Some(NoteKind::Rounded { stored, shown }) = note {
                        diagnostics.push(Diagnostic::warning(
                            "I003",
                            0..0,
                            chiso::msg!(
                                "i003-rounded",
                                cell = reference.as_str(),
                                stored = stored.to_string(),
                                shown = shown.to_string()
                            ),
                        ));
                    }
                    n.clone()
                }
                (Cell::Empty, _) => String::new(),
                (Cell::Text(t), _) => t.clone(),
                (Cell::Bool(b), _) => if *b { "TRUE" } else { "FALSE" }.to_string(),
                (Cell::Date(_), _) => {
                    diagnostics.push(
                        Diagnostic::warning(
                            "I003",
                            0..0,
                            chiso::msg!("i003-date", cell = reference.as_str()),
                        )
                        .with_help(chiso::msg!("i003-date-help")),
                    );
                    String::new()
                }
                (Cell::Unsaved(formula), _) => {
                    diagnostics.push(
                        Diagnostic::error(
                            "I003",
                            0..0,
                            chiso::msg!(
                                "i003-unsaved",
                                cell = reference.as_str(),
                                formula = formula.to_string()
                            ),
                        )
                        .with_help(chiso::msg!("unsaved-help")),
                    );
                    String::new()
                }
                (Cell::Error(e), _) => {
                    diagnostics.push(Diagnostic::error(
                        "I003",
                        0..0,
                        chiso::msg!(
                            "i003-error",
                            cell = reference.as_str(),
                            error = e.to_string()
                        ),
                    ));
                    String::new()
                }
            };
            texts.push(text);
        }
        rows.push(Row {
            number,
            span: 0..0,
            cells: texts,
            numeric,
        });
    }
    (
        Table {
            origin: Origin::Sheet(name),
            rows,
        },
        diagnostics,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::text_grid;

    #[test]
    fn quoted_cells_hold_delimiters_quotes_and_line_breaks() {
        let text = "1.1\t\"Kế hoạch\tCCHC \"\"năm\"\"\nhai dòng\"\t1,5\n1.2\tx\t2\n";
        let (table, diagnostics) = from_text(&text_grid(text));
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
        let (table, diagnostics) = from_text(&text_grid("1\t\"abc\t2\n2\tdef\t3\n"));
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[0].cells, vec!["1", "\"abc", "2"]);
        assert_eq!(diagnostics[0].code, "I002");
        assert_eq!(diagnostics[0].span, 2..3);
    }
}
