//! Any bytes as a grid (CSV/TSV text in any encoding, or a workbook) and as a sheet with a
//! unit per row against a ruleset using every input type: read every row, resolve and score
//! it. Must never panic; every problem is placed in the grid.
#![no_main]

use chiso_formats::grid::{bytes_text_grid, read_grid, workbook_sheets};
use chiso_formats::sheet::{Sheet, SheetOptions};
use libfuzzer_sys::fuzz_target;

mod common;
use common::ruleset;

fuzz_target!(|data: &[u8]| {
    let rs = ruleset();
    let _ = workbook_sheets(data);
    let grids = [
        read_grid(data, None),
        bytes_text_grid(data),
        read_grid(data, Some("Sheet1")),
    ];
    for grid in grids.into_iter().flatten() {
        for i in 0..grid.len() {
            let _ = grid.row_number(i);
            let _ = grid.span(i);
            let _ = grid.row(i);
        }
        let sheet = Sheet::new(rs, grid, SheetOptions::default());
        for i in sheet.data_rows() {
            let (row, _problems) = sheet.row(rs, i);
            let (unit, _diagnostics) = chiso::data::resolve(rs, &row.raw);
            let outcome = chiso::eval::evaluate(rs, &unit);
            for node in &outcome.result.nodes {
                if let Some(score) = node.score {
                    assert!(!score.is_sign_negative() || score.is_zero(), "{score}");
                }
            }
        }
    }
});
