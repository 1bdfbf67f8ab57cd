//! Defects a new user found in the reports of groups, stages and bonus/penalty points, fixed
//! and checked where users see them. Every expected value is worked by hand in the comments
//! from the fixtures' data (tests/fixtures/adjust/, tests/fixtures/nhom-vong/).

use crate::common::run_chiso;
use chiso_formats::grid::{workbook_grid, workbook_sheets, Cell};
use std::io::{Cursor, Read};

const PROVINCE: &str = "tests/fixtures/adjust/thuong-tru.chiso";
const DATA: &str = "tests/fixtures/adjust/data";
const GROUPS: &str = "tests/fixtures/nhom-vong/tinh-2023.chiso";
const GROUPS_SHEET: &str = "tests/fixtures/nhom-vong/tinh-2023.csv";

/// `chiso score` with the reports in Vietnamese, its standard output; exit code 0 or 1 (a
/// unit with incomplete data is 1).
fn score(args: &[&str]) -> String {
    let mut all = vec!["score", "--lang", "vi"];
    all.extend_from_slice(args);
    let (code, out, err) = run_chiso(&all);
    assert!(code == 0 || code == 1, "{all:?}: {err}");
    out
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-rf-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The workbook `chiso score … -o x.xlsx` writes.
fn workbook(name: &str, args: &[&str]) -> Vec<u8> {
    let dir = scratch(name);
    let out = dir.join("bao-cao.xlsx");
    let mut all = args.to_vec();
    all.extend(["-o", out.to_str().unwrap()]);
    let _ = score(&all);
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    bytes
}

fn sheet_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<Cell>> {
    workbook_grid(bytes, Some(sheet)).unwrap().rows().collect()
}

/// One part of the workbook package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The value of attribute `name` in the first element of `xml` that starts with `open`.
fn attr<'a>(xml: &'a str, open: &str, name: &str) -> Option<&'a str> {
    let at = xml.find(open)?;
    let element = &xml[at..at + xml[at..].find('>')?];
    let key = format!(" {name}=\"");
    let v = element.find(&key)? + key.len();
    Some(&element[v..v + element[v..].find('"')?])
}

/// The package part of the sheet named `sheet` (`xl/worksheets/sheet3.xml`).
fn sheet_part(bytes: &[u8], sheet: &str) -> String {
    let names = workbook_sheets(bytes).unwrap();
    let at = names.iter().position(|s| s.name == sheet).unwrap();
    format!("xl/worksheets/sheet{}.xml", at + 1)
}

/// The number format code of a cell (`C5`) of a sheet: cell → style → numFmt (Excel's
/// built-in ids 1, 2, 9, 10 are `0`, `0.00`, `0%`, `0.00%`).
fn number_format(bytes: &[u8], sheet: &str, cell: &str) -> String {
    let xml = part(bytes, &sheet_part(bytes, sheet));
    let style: usize = attr(&xml, &format!("<c r=\"{cell}\""), "s")
        .map_or(0, |s| s.parse().unwrap());
    let styles = part(bytes, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let id = attr(&format!("<xf {xf}"), "<xf", "numFmtId").unwrap().to_string();
    match id.as_str() {
        "0" => "General".into(),
        "1" => "0".into(),
        "2" => "0.00".into(),
        "9" => "0%".into(),
        "10" => "0.00%".into(),
        _ => attr(&styles, &format!("<numFmt numFmtId=\"{id}\""), "formatCode")
            .unwrap()
            .to_string(),
    }
}

/// The cell reference of row `row` (0-based) and column `col` (0-based).
fn cell_ref(row: usize, col: usize) -> String {
    format!("{}{}", (b'A' + col as u8) as char, row + 1)
}

/// Parses a number as written for people or programs (`−0,5`, `+1`, `-0.5`).
fn number(text: &str) -> rust_decimal::Decimal {
    let t = text.trim().replace('−', "-").replace('+', "").replace(',', ".");
    t.parse().unwrap_or_else(|_| panic!("not a number: {text}"))
}

// ───────────── 1. bonus and penalty lines add up to the total ─────────────

/// UBND xã A (tests/fixtures/adjust/data/a.toml): the tree gives 6 + 3 + 5 + 1 = 15. T1 is
/// 3 initiatives × 0,5 = 1,5, cut to its own cap 1; T2 (the council's award) is 1; the bonus
/// items make 2, but all bonus points together are capped at 1,5 a year (`điểm thưởng tối
/// đa 1,5`), so the cap takes 0,5; P1 is 2 staff disciplined × 1 = 2 (under the penalty cap
/// 3). 15 + 1 + 1 − 0,5 − 2 = 14,5, the total.
///
/// UBND xã C (c.toml): the tree gives 6 + 4 + 6 + 1,9 = 17,9 of 18. T1 is 1 × 0,5 = 0,5,
/// under both caps, but a bonus stays within the unit's maximum (the default), so only
/// 18 − 17,9 = 0,1 is added and the maximum takes 0,4: 17,9 + 0,5 − 0,4 = 18.
#[test]
fn bonus_and_penalty_rows_add_up_to_the_total_in_every_format() {
    // CSV: the areas' rows, the item rows and the limit rows sum to the total row.
    for (format, sep) in [("csv", ','), ("csv-vi", ';')] {
        let csv = score(&[PROVINCE, DATA, "--format", format]);
        let rows: Vec<Vec<String>> = csv
            .lines()
            .map(|l| l.trim_start_matches('\u{feff}'))
            .map(|l| split_csv(l, sep))
            .collect();
        for (unit, total, limit_row) in [
            (
                "UBND xã A",
                "14.5",
                vec!["bonus_cap", "Vượt trần điểm thưởng cả năm (tối đa 1,5)", "bonus_limit"],
            ),
            (
                "UBND xã C",
                "18",
                vec!["max", "Vượt điểm tối đa của đơn vị (18)", "bonus_limit"],
            ),
        ] {
            let of_unit: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == unit).collect();
            let sum: rust_decimal::Decimal = of_unit
                .iter()
                .filter(|r| {
                    matches!(
                        r[3].as_str(),
                        "area" | "bonus" | "penalty" | "bonus_limit" | "penalty_limit"
                    )
                })
                .map(|r| number(&r[5]))
                .sum();
            let total_row = of_unit.iter().find(|r| r[3] == "unit").unwrap();
            assert_eq!(number(&total_row[5]), number(total), "{format} {unit}: {csv}");
            assert_eq!(sum, number(total), "{format} {unit}: rows sum to the total\n{csv}");
            let limit = of_unit.iter().find(|r| r[1] == limit_row[0]).unwrap();
            assert_eq!(&limit[1..4], &limit_row[..], "{format}");
        }
    }
    let csv = score(&[PROVINCE, DATA, "--format", "csv"]);
    assert!(csv.contains("UBND xã A,bonus_cap,\"Vượt trần điểm thưởng cả năm (tối đa 1,5)\",bonus_limit,,-0.5,scored"), "{csv}");
    assert!(csv.contains("UBND xã C,max,Vượt điểm tối đa của đơn vị (18),bonus_limit,,-0.4,scored"), "{csv}");
    assert!(csv.contains("UBND xã C,T1,Sáng kiến được công nhận,bonus,1,0.5,scored"), "{csv}");

    // Table, Markdown, HTML and the unit's sheet of the workbook show the same lines.
    let a_lines = [
        "Điểm thưởng T1 “Sáng kiến được công nhận”: +1 (tính được 1,5, tối đa 1)",
        "Điểm thưởng T2 “Giải thưởng”: +1",
        "Vượt trần điểm thưởng cả năm (tối đa 1,5): −0,5",
        "Điểm trừ P1 “Kỷ luật cán bộ”: −2",
        "Điểm các tiêu chí: 15   Điểm thưởng được cộng: +1,5   Điểm trừ: −2",
    ];
    let c_lines = [
        "Điểm thưởng T1 “Sáng kiến được công nhận”: +0,5",
        "Vượt điểm tối đa của đơn vị (18): −0,4",
        "Điểm các tiêu chí: 17,9   Điểm thưởng được cộng: +0,1   Điểm trừ: 0",
    ];
    for format in ["table", "markdown", "html"] {
        let out = score(&[PROVINCE, DATA, "--format", format]);
        for line in a_lines.iter().chain(&c_lines) {
            assert!(out.contains(line), "{format}: {line}\n{out}");
        }
    }
    // The table prints one total, at the declared 3 places, right after the lines.
    let table = score(&[PROVINCE, &format!("{DATA}/a.toml")]);
    let at = table.find(a_lines[4]).unwrap();
    let after: Vec<&str> = table[at..].lines().take(3).collect();
    assert!(after[1].starts_with("Tổng điểm: 14,500 / 18"), "{table}");
    assert_eq!(table.matches("Tổng điểm").count(), 1, "{table}");

    let bytes = workbook("adjust", &[PROVINCE, DATA]);
    let text = format!("{:?}", sheet_rows(&bytes, "UBND xã A"));
    for line in a_lines {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let text = format!("{:?}", sheet_rows(&bytes, "UBND xã C"));
    for line in c_lines {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

/// A CSV line split at `sep`, quotes removed (the fixtures' cells hold no quotes).
fn split_csv(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}
