//! Workbooks (.xlsx, and .xls/.xlsb/.ods, which calamine reads too) from bytes in memory.
//!
//! Numbers: a workbook stores a numeric cell as an IEEE double, and calamine hands it over as
//! one. This module is the one place in the library that touches such a value, and it does no
//! arithmetic with it: the double is written out in its shortest round-trip decimal form
//! (Rust's `Display`, which gives back exactly the `1.5` or `0.25` Excel wrote into the file),
//! and that text is read as a `rust_decimal::Decimal`, rounded to the 15 significant digits
//! Excel itself shows. A value that needed that rounding (a formula result such as
//! `0.30000000000000004`) is reported, with its cell, so that no drift passes unnoticed.

use super::table::{Origin, Row, Table};
use calamine::{open_workbook_auto_from_rs, Data, Reader};
use chiso::diagnostic::Diagnostic;
use std::io::Cursor;

/// True when the bytes look like a workbook: a zip container (.xlsx, .ods) or an OLE compound
/// file (.xls).
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Reads one worksheet (by name, or the first) as a table of text cells.
pub fn read(
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<(Table, Vec<Diagnostic>), Box<Diagnostic>> {
    // calamine is not ours to vouch for on hostile input: a panic inside it becomes an error.
    let opened = std::panic::catch_unwind(|| read_unguarded(bytes, sheet));
    match opened {
        Ok(result) => result,
        Err(_) => Err(Box::new(Diagnostic::error(
            "I001",
            0..0,
            "the workbook is damaged: it could not be read",
        ))),
    }
}

fn read_unguarded(
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<(Table, Vec<Diagnostic>), Box<Diagnostic>> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        Box::new(Diagnostic::error(
            "I001",
            0..0,
            format!("the workbook cannot be read: {e}"),
        ))
    })?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| chiso::text::fold(n) == chiso::text::fold(wanted))
            })
            .cloned()
            .ok_or_else(|| {
                Box::new(
                    Diagnostic::error(
                        "I001",
                        0..0,
                        format!("the workbook has no sheet “{wanted}”"),
                    )
                    .with_help(format!("its sheets are: {}", names.join(", "))),
                )
            })?,
        None => names.first().cloned().ok_or_else(|| {
            Box::new(Diagnostic::error(
                "I001",
                0..0,
                "the workbook has no sheets",
            ))
        })?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| {
        Box::new(Diagnostic::error(
            "I001",
            0..0,
            format!("sheet “{name}” cannot be read: {e}"),
        ))
    })?;
    let mut diagnostics = Vec::new();
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (r, cells) in range.rows().enumerate() {
        let number = first_row as usize + r + 1;
        // Leading empty columns keep their place, so columns line up with the header.
        let mut texts = vec![String::new(); first_col as usize];
        let mut numeric = vec![false; first_col as usize];
        for (c, cell) in cells.iter().enumerate() {
            let reference = format!("{}{number}", column_name(first_col as usize + c));
            texts.push(cell_text(cell, &name, &reference, &mut diagnostics));
            numeric.push(matches!(cell, Data::Float(_) | Data::Int(_)));
        }
        rows.push(Row {
            number,
            span: 0..0,
            cells: texts,
            numeric,
        });
    }
    Ok((
        Table {
            origin: Origin::Sheet(name),
            rows,
        },
        diagnostics,
    ))
}

/// A cell as the text a reader of the sheet sees.
fn cell_text(
    cell: &Data,
    sheet: &str,
    reference: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(value) => match crate::sheet::excel_number(*value) {
            Some((shown, changed)) => {
                if changed {
                    diagnostics.push(Diagnostic::warning(
                        "I003",
                        0..0,
                        format!("cell {sheet}!{reference} holds {value}; read as {shown}, the 15 significant digits Excel shows"),
                    ));
                }
                shown.to_string()
            }
            None => {
                diagnostics.push(Diagnostic::error(
                    "I003",
                    0..0,
                    format!("cell {sheet}!{reference} holds the number {value}, which chiso cannot hold exactly"),
                ));
                String::new()
            }
        },
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_) => {
            diagnostics.push(
                Diagnostic::warning("I003", 0..0, format!("cell {sheet}!{reference} is a date; a criteria table has none: left empty"))
                    .with_help("Excel turns “1.10” typed into a cell into a date (1 October): format the STT column as text"),
            );
            String::new()
        }
        Data::Error(e) => {
            diagnostics.push(Diagnostic::error(
                "I003",
                0..0,
                format!("cell {sheet}!{reference} holds the error {e}: left empty"),
            ));
            String::new()
        }
    }
}

/// 0 → A, 25 → Z, 26 → AA.
fn column_name(mut index: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
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
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(read(b"PK\x03\x04not a zip at all", None).is_err());
        assert!(read(b"", None).is_err());
    }
}
