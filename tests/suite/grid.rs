//! The one grid reader, at the user's level: hidden sheets, damaged workbooks, and a CSV and
//! its workbook twin reporting the same problems at the same places.

use crate::common::run_chiso;

const CASE: &str = "tests/fixtures/cases/hidden-sheet-rows";

/// The hidden first sheet (last year's data) is skipped: the first visible sheet is scored.
#[test]
fn score_skips_a_hidden_first_sheet() {
    let (code, out, err) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        &format!("{CASE}/def.chiso"),
        &format!("{CASE}/hidden-first.xlsx"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("UBND huyện Mới"), "{out}");
    assert!(out.contains("Tổng điểm: 3,88 / 4"), "{out}");
    assert!(!out.contains("UBND huyện Cũ"), "{out}");
}

/// A hidden sheet is read when named, by `--sheet`.
#[test]
fn score_reads_a_hidden_sheet_only_when_named() {
    let (code, out, err) = run_chiso(&[
        "score",
        &format!("{CASE}/def.chiso"),
        &format!("{CASE}/hidden-first.xlsx"),
        "--sheet",
        "Mẫu cũ 2023",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("UBND huyện Cũ"), "{out}");
    assert!(!out.contains("UBND huyện Mới"), "{out}");
}

#[test]
fn import_skips_a_hidden_first_sheet_and_reads_it_when_named() {
    let file = format!("{CASE}/import-hidden-first.xlsx");
    let (code, out, err) = run_chiso(&["import", &file, "--year", "2024"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Kế hoạch 2024"), "{out}");
    assert!(!out.contains("2023"), "{out}");
    let (_, out, err) = run_chiso(&["import", &file, "--year", "2024", "--sheet", "Bảng cũ 2023"]);
    assert!(out.contains("Kế hoạch 2023"), "{out}{err}");
}

/// A workbook calamine cannot read is an error naming the file, for every command; never a
/// panic.
#[test]
fn a_damaged_workbook_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let whole = std::fs::read(crate::common::root().join(CASE).join("hidden-first.xlsx")).unwrap();
    let damaged: [(&str, Vec<u8>); 3] = [
        ("cut.xlsx", whole[..whole.len() / 2].to_vec()),
        ("garbage.xlsx", b"PK\x03\x04not a zip at all".to_vec()),
        ("empty.ods", Vec::new()),
    ];
    let ruleset = crate::common::root().join(CASE).join("def.chiso");
    for (name, bytes) in damaged {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let path = path.to_str().unwrap();
        for args in [
            vec!["score", ruleset.to_str().unwrap(), path],
            vec!["import", path],
        ] {
            let (code, out, err) = run_chiso(&args);
            assert_eq!(code, 1, "{args:?}: {out}{err}");
            assert!(err.contains(path), "{args:?}: {err}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
    }
}

/// A sheet as CSV text and as a workbook: the same problems, at the same rows and columns,
/// named the same way.
#[test]
fn a_csv_and_its_workbook_twin_report_the_same_problems() {
    let rows: [[&str; 5]; 4] = [
        ["đơn vị", "giao", "đúng_hạn", "trễ_hạn", "cột lạ"],
        ["UBND huyện A", "10", "9", "1", ""],
        ["UBND huyện B", "10", "mười", "0", "x"],
        ["", "10", "5", "0", ""],
    ];
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("tinh.csv");
    let text: String = rows.iter().map(|r| r.join(";") + "\n").collect();
    std::fs::write(&csv, text).unwrap();
    let xlsx = dir.path().join("tinh.xlsx");
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            match cell.parse::<u32>() {
                Ok(n) => sheet.write_number(r as u32, c as u16, f64::from(n)),
                Err(_) => sheet.write_string(r as u32, c as u16, *cell),
            }
            .unwrap();
        }
    }
    workbook.save(&xlsx).unwrap();
    let ruleset = crate::common::root().join(CASE).join("def.chiso");
    let problems = |path: &std::path::Path| {
        let path = path.to_str().unwrap();
        let (code, _, err) = run_chiso(&["score", ruleset.to_str().unwrap(), path]);
        assert_eq!(code, 1, "{err}");
        err.replace(path, "FILE")
    };
    let (from_csv, from_xlsx) = (problems(&csv), problems(&xlsx));
    assert!(
        from_csv.contains("FILE, row 3, column C (đúng_hạn) [UBND huyện B]"),
        "{from_csv}"
    );
    assert!(
        from_csv.contains("FILE, row 1, column E (cột lạ)"),
        "{from_csv}"
    );
    assert!(from_csv.contains("FILE, row 4"), "{from_csv}");
    assert_eq!(from_csv, from_xlsx);
}

/// A quote that never closes in a CSV sheet is read literally: the rows after it are still
/// units, scored or named with their row.
#[test]
fn an_unclosed_quote_in_a_sheet_swallows_no_rows() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("tinh.csv");
    std::fs::write(
        &csv,
        "đơn vị;giao;đúng_hạn\nUBND huyện A;\"10;9\nUBND huyện B;10;8\nUBND huyện C;10;7\n",
    )
    .unwrap();
    let ruleset = crate::common::root().join(CASE).join("def.chiso");
    let path = csv.to_str().unwrap();
    let (code, out, err) = run_chiso(&["score", ruleset.to_str().unwrap(), path]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(&format!("warning[D001]: {path}, row 2, column B (giao)")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{path}, row 2")) && err.contains("UBND huyện A"),
        "{err}"
    );
    assert!(
        out.contains("UBND huyện B") && out.contains("UBND huyện C"),
        "{out}"
    );
}
