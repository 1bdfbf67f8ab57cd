//! `chiso import`: the seed tables (committed under tests/fixtures/import/) against reviewed
//! skeletons (tests/golden/import/), workbook twins built here, and hostile input. The
//! rulesets made from them, and the seeds' unit data, are checked in `rulesets`.

mod rulesets;

use crate::common::En as _;
use crate::common::{read, root, run_chiso, Rng};
use chiso::LineIndex;
use chiso_formats::import::{import, import_text, import_workbook, ImportOptions, Imported};
use pretty_assertions::assert_eq;

/// The reviewed golden skeletons carry English comments: the tests read them in English
/// (a Vietnamese reader's skeleton: `import_comments_speak_the_readers_language`).
fn options(name: &str) -> ImportOptions {
    ImportOptions {
        source_name: name.to_string(),
        lang: chiso::Lang::En,
        ..ImportOptions::default()
    }
}

fn import_fixture(name: &str) -> (String, Imported) {
    let text = read(format!("tests/fixtures/import/{name}"));
    let imported = import_text(&text, &options(name));
    (text, imported)
}

/// (code, 1-based line) of every finding about a text table.
fn findings(text: &str, imported: &Imported) -> Vec<(&'static str, usize)> {
    let index = LineIndex::new(text);
    imported
        .diagnostics
        .iter()
        .map(|d| (d.code, index.line_of(d.span.start) + 1))
        .collect()
}

/// (code, text under the span) of every finding of `chiso check` on the skeleton.
fn check_findings(imported: &Imported) -> Vec<(&'static str, String)> {
    imported
        .check
        .iter()
        .map(|d| (d.code, imported.text[d.span.clone()].to_string()))
        .collect()
}

#[test]
fn dien_bien_departments_table_imports_as_reviewed() {
    let (text, imported) = import_fixture("dien-bien-2024-bang-1.tsv");
    assert_eq!(
        imported.text,
        read("tests/golden/import/dien-bien-2024-bang-1.chiso")
    );
    // The decree's text declares 7 areas, 47 criteria, 99 sub-criteria (mục II.1.1).
    let s = &imported.summary;
    assert_eq!((s.areas, s.criteria, s.subcriteria), (7, 47, 99));
    assert_eq!(s.total, Some(rust_decimal::Decimal::ONE_HUNDRED));
    // The one fault of the table: "2.3.1" twice (rows 43 and 44).
    assert_eq!(findings(&text, &imported), vec![("I010", 44)]);
    assert_eq!(
        check_findings(&imported),
        vec![("E002", "2.3.1".to_string())]
    );
}

#[test]
fn dien_bien_districts_table_imports_as_reviewed() {
    let (text, imported) = import_fixture("dien-bien-2024-bang-2.tsv");
    assert_eq!(
        imported.text,
        read("tests/golden/import/dien-bien-2024-bang-2.chiso")
    );
    // Mục II.2.1: 8 areas, 50 criteria, 107 sub-criteria.
    let s = &imported.summary;
    assert_eq!((s.areas, s.criteria, s.subcriteria), (8, 50, 107));
    assert_eq!(s.bonus, 7);
    assert_eq!(findings(&text, &imported), vec![("I010", 45)]);
    assert_eq!(
        check_findings(&imported),
        vec![("E002", "2.3.1".to_string())]
    );
}

#[test]
fn kon_ray_table_imports_as_reviewed() {
    let (text, imported) = import_fixture("kon-ray-2022.tsv");
    assert_eq!(
        imported.text,
        read("tests/golden/import/kon-ray-2022.chiso")
    );
    assert_eq!(
        imported.summary.total,
        Some(rust_decimal::Decimal::from(95))
    );
    assert_eq!(imported.summary.not_evaluated, 11);
    // The skeleton checks clean: the table's maxima add up, its areas to its total (95).
    assert_eq!(check_findings(&imported), vec![]);
    let expected = vec![
        // The columns of 2021 scores and 2022 targets (header, line 8): unit data, not rules.
        ("I005", 8),
        ("I005", 8),
        // 2.4: notes in the owner column, and "không tính điểm" in its title.
        ("I014", 54),
        ("I017", 54),
        ("I009", 54),
        ("I017", 70),
        ("I017", 72),
        ("I017", 73),
        ("I017", 74),
        ("I017", 77),
        ("I017", 78),
        ("I014", 80),
        ("I017", 80),
        ("I009", 80),
        ("I014", 85),
        ("I017", 85),
        ("I009", 85),
        // 4.1.2: blank maximum, a remark where the owner goes.
        ("I014", 88),
        ("I009", 88),
        ("I017", 98),
        ("I017", 125),
        // Numbers below the total row ("21", "9", … "86"): not part of the table.
        ("I012", 147),
        ("I012", 148),
        ("I012", 149),
        ("I012", 150),
        ("I012", 151),
        ("I012", 152),
        ("I012", 153),
        ("I012", 154),
        ("I012", 156),
    ];
    assert_eq!(findings(&text, &imported), expected);
}

/// Writes a tab-separated table into a workbook the way Excel holds it: cells that read as
/// numbers (with a decimal comma or point) are numbers, everything else text; row N of the
/// text is row N of the sheet.
fn workbook_twin(text: &str, number_columns: &[usize]) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Bảng").expect("sheet name");
    for (r, line) in text.lines().enumerate() {
        for (c, cell) in line.split('\t').enumerate() {
            if cell.is_empty() {
                continue;
            }
            let (row, col) = (r as u32, c as u16);
            let as_number = cell.replace(',', ".").parse::<f64>();
            match as_number {
                Ok(n) if number_columns.contains(&c) => sheet.write_number(row, col, n).map(|_| ()),
                _ => sheet.write_string(row, col, cell).map(|_| ()),
            }
            .expect("write cell");
        }
    }
    workbook.save_to_buffer().expect("xlsx")
}

#[test]
fn a_workbook_imports_the_same_as_its_text_twin() {
    for (name, number_columns) in [
        ("dien-bien-2024-bang-2.tsv", &[2usize][..]),
        ("dien-bien-2024-bang-1.tsv", &[2][..]),
        ("kon-ray-2022.tsv", &[2, 3, 4][..]),
    ] {
        let (text, from_text) = import_fixture(name);
        let bytes = workbook_twin(&text, number_columns);
        let from_sheet = import_workbook(&bytes, &options(name));
        assert_eq!(from_sheet.text, from_text.text, "{name}");
        // The same findings, in the same order (a sheet's name its row in the message).
        let codes = |i: &Imported| i.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
        assert_eq!(codes(&from_sheet), codes(&from_text), "{name}");
        assert!(from_sheet.diagnostics.iter().all(|d| d
            .message
            .en_str()
            .contains("of sheet “Bảng”")
            || d.code == "I005"));
        // `import` recognises the workbook by its bytes.
        assert_eq!(import(&bytes, &options(name)).text, from_text.text);
    }
}

#[test]
fn workbook_numbers_are_read_as_excel_shows_them() {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    let rows: [(&str, &str, f64); 3] = [
        ("1", "Lĩnh vực", 0.30000000000000004),
        ("1.1", "Tiêu chí a", 0.1),
        ("1.2", "Tiêu chí b", 0.2),
    ];
    sheet.write_string(0, 0, "STT").unwrap();
    sheet.write_string(0, 1, "Tiêu chí").unwrap();
    sheet.write_string(0, 2, "Điểm tối đa").unwrap();
    for (i, (id, title, max)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, *id).unwrap();
        sheet.write_string(r, 1, *title).unwrap();
        sheet.write_number(r, 2, *max).unwrap();
    }
    // An id typed as a number: "1.10" is stored as 1.1.
    sheet.write_number(4, 0, 1.10).unwrap();
    sheet.write_string(4, 1, "Tiêu chí c").unwrap();
    sheet.write_number(4, 2, 0).unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let imported = import_workbook(&bytes, &options("so.xlsx"));
    assert!(
        imported
            .text
            .contains("lĩnh vực 1 \"Lĩnh vực\" tối đa 0,3 {"),
        "{}",
        imported.text
    );
    assert!(imported
        .text
        .contains("tiêu chí 1.1 \"Tiêu chí a\" tối đa 0,1\n"));
    let codes: Vec<&str> = imported.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["I003", "I010", "I019"]);
    assert!(
        imported.diagnostics[0]
            .message
            .en_str()
            .contains("C2 holds 0.30000000000000004; read as 0.3"),
        "{}",
        imported.diagnostics[0].message
    );
    assert!(
        imported.diagnostics[2].message.en_str().contains("rows 5"),
        "{}",
        imported.diagnostics[2].message
    );
}

/// The skeleton's comments in the reader's language: Vietnamese when nothing is chosen (the
/// default of `ImportOptions`), English on request. Expected texts from the catalogues'
/// wording: the table is rows 2–6 (row 1 names the columns), row 4 leaves 1.2's maximum
/// blank, row 5's 2.1 has no area 2 above it, the total is on row 6.
#[test]
fn import_comments_speak_the_readers_language() {
    let csv = "STT;Nội dung;Điểm chuẩn\n\
               I;CÔNG TÁC CHỈ ĐẠO;1\n\
               1.1;Kế hoạch;1\n\
               1.2;Báo cáo;\n\
               2.1;Không có lĩnh vực 2;1\n\
               Tổng cộng;;2\n";
    let vi = import_text(
        csv,
        &ImportOptions {
            source_name: "xa.csv".into(),
            ..ImportOptions::default()
        },
    )
    .text;
    for expected in [
        "# Tạo bằng `chiso import` từ xa.csv, dòng 2–6.\n",
        "# Hãy đối chiếu từng dòng với văn bản gốc",
        "  # tổng điểm của bảng (dòng 6)\n",
        "# dòng 4: bảng để trống điểm tối đa",
        "# bảng không có dòng cho 2: đã thêm phía trên dòng 5",
    ] {
        assert!(vi.contains(expected), "missing “{expected}” in\n{vi}");
    }
    for english in ["Imported by", "Review", "the table", "row "] {
        assert!(!vi.contains(english), "“{english}” in\n{vi}");
    }
    let en = import_text(csv, &options("xa.csv")).text;
    for expected in [
        "# Imported by `chiso import` from xa.csv, rows 2–6.\n",
        "  # the table's total (row 6)\n",
        "# row 4: the table leaves the maximum blank",
        "# the table has no row for 2: added above row 5",
    ] {
        assert!(en.contains(expected), "missing “{expected}” in\n{en}");
    }
}

#[test]
fn csv_with_semicolons_quotes_and_wrapped_rows() {
    let csv = "Bảng điểm xã\n\
               STT;Nội dung;Điểm chuẩn;Ghi chú\n\
               I;CÔNG TÁC CHỈ ĐẠO;3;\n\
               1.1;\"Kế hoạch; báo cáo\nnăm\";1,5;\n\
               1.2;Tuyên truyền (nếu không có kế hoạch thì không chấm điểm);1.5;ĐTXHH\n\
               ;của UBND xã;;\n\
               - Từ 90% trở lên: 1,5 điểm;;;\n\
               1.3;Tỷ lệ hồ sơ;abc;\n\
               2.1;Không có lĩnh vực 2;1;\n\
               Tổng cộng;;4;\n";
    let imported = import_text(csv, &options("xa.csv"));
    let index = LineIndex::new(csv);
    let found: Vec<(&str, usize)> = imported
        .diagnostics
        .iter()
        .map(|d| (d.code, index.line_of(d.span.start) + 1))
        .collect();
    assert_eq!(
        found,
        vec![
            ("I015", 3),  // area "I" read as 1
            ("I017", 6),  // "không chấm điểm"
            ("I006", 7),  // a line without STT continues 1.2's title
            ("I016", 8),  // a rubric line: a note of 1.2
            ("I008", 9),  // "abc" is no maximum
            ("I011", 10)  // 2.1 has no area 2 above it
        ]
    );
    let t = &imported.text;
    assert!(t.contains("bộ tiêu chí \"Bảng điểm xã\""), "{t}");
    assert!(
        t.contains("tiêu chí 1.1 \"Kế hoạch; báo cáo năm\" tối đa 1,5\n"),
        "{t}"
    );
    assert!(t.contains("tiêu chí 1.2 \"Tuyên truyền (nếu không có kế hoạch thì không chấm điểm) của UBND xã\" tối đa 1,5 {\n    nguồn ĐTXHH\n    ghi chú \"- Từ 90% trở lên: 1,5 điểm\"\n    không đánh giá khi không_đánh_giá_1_2 vì \"nếu không có kế hoạch thì không chấm điểm\""), "{t}");
    assert!(t.contains("tiêu chí 1.3 \"Tỷ lệ hồ sơ\" tối đa 0 {\n    # row 9: the table's maximum could not be read (see the I008 error): 0 for now"), "{t}");
    assert!(
        t.contains("lĩnh vực 2 \"\" {\n  # the table has no row for 2: added above row 10"),
        "{t}"
    );
    assert!(t.contains("tổng điểm 4"), "{t}");
    // The skeleton parses; the checker sees the table's sums: area 1 says 3, its rows add to 3.
    assert!(
        imported.check.iter().all(|d| d.code != "E001"),
        "{:?}",
        imported.check
    );
}

#[test]
fn a_table_without_header_is_read_by_position() {
    let text = "1\tLĩnh vực\t2\n1.1\t\t2\nx.y\tRác\t1\n";
    let imported = import_text(text, &options("t.tsv"));
    // No header (I004), a criterion without title (I018), an STT that is no number (I007).
    assert_eq!(
        findings(text, &imported),
        vec![("I004", 1), ("I018", 2), ("I007", 3)]
    );
    assert!(
        imported
            .text
            .contains("lĩnh vực 1 \"Lĩnh vực\" tối đa 2 {\n  tiêu chí 1.1 \"\" tối đa 2\n}"),
        "{}",
        imported.text
    );
    assert!(imported.diagnostics[2]
        .message
        .en_str()
        .contains("row 3 not understood"));
}

#[test]
fn a_title_that_wraps_onto_the_next_line_is_joined() {
    let text =
        "STT\tTiêu chí\tĐiểm tối đa\n1\tLĩnh vực một\t2\n1.1\tMột tiêu chí có tên\nrất dài\t2\t\n";
    let imported = import_text(text, &options("t.tsv"));
    assert!(
        imported
            .text
            .contains("tiêu chí 1.1 \"Một tiêu chí có tên rất dài\" tối đa 2\n"),
        "{}",
        imported.text
    );
    assert_eq!(
        imported
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect::<Vec<_>>(),
        vec!["I006"]
    );
    assert!(imported.diagnostics[0]
        .message
        .en_str()
        .contains("row 3 continues on row 4"));
    assert!(imported.check.is_empty(), "{:?}", imported.check);
}

#[test]
fn several_tables_in_one_file() {
    let text = read("tests/fixtures/import/dien-bien-2024-bang-1.tsv")
        + "\n"
        + &read("tests/fixtures/import/dien-bien-2024-bang-2.tsv");
    let first = import_text(&text, &options("both.tsv"));
    assert_eq!(first.summary.tables, 2);
    assert_eq!((first.summary.areas, first.summary.criteria), (7, 47));
    assert!(first.diagnostics.iter().any(|d| d.code == "I013"));
    let second = import_text(
        &text,
        &ImportOptions {
            table: Some(2),
            ..options("both.tsv")
        },
    );
    assert_eq!(
        (
            second.summary.areas,
            second.summary.criteria,
            second.summary.subcriteria
        ),
        (8, 50, 107)
    );
    assert!(
        second
            .text
            .contains("#   CHỈ SỐ UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"),
        "{}",
        &second.text[..600]
    );
    let none = import_text(
        &text,
        &ImportOptions {
            table: Some(3),
            ..options("both.tsv")
        },
    );
    assert!(none.text.is_empty());
    assert_eq!(none.diagnostics[0].code, "I013");
}

#[test]
fn hostile_input_is_reported_not_panicked_on() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("blank", b"  \n\n\t\n".to_vec()),
        ("not utf-8", b"STT\tTi\xEAu ch\xED\n".to_vec()),
        ("odd utf-16", vec![0xFF, 0xFE, 0x31]),
        ("broken zip", b"PK\x03\x04\x00\x00garbage".to_vec()),
        (
            "ole header only",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        ),
        ("binary", (0u8..=255).cycle().take(4096).collect()),
        ("only quotes", b"\"\"\"\t\"\n\"".to_vec()),
        ("no rows", b"STT\tTieu chi\tDiem toi da\n".to_vec()),
        (
            "huge number",
            b"1\tA\t99999999999999999999999999999999999\n".to_vec(),
        ),
        (
            "deep id",
            format!("{}\tA\t1\n", vec!["1"; 100_000].join(".")).into_bytes(),
        ),
    ];
    for (name, bytes) in cases {
        let imported = import(&bytes, &options(name));
        assert!(
            !imported.diagnostics.is_empty() || !imported.check.is_empty(),
            "{name}: nothing reported"
        );
        assert!(
            imported.has_errors() || !imported.diagnostics.is_empty(),
            "{name}"
        );
    }
    // UTF-16 (Excel's "Unicode Text") with its BOM is read.
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "STT\tTiêu chí\tĐiểm tối đa\r\n1\tLĩnh vực\t1,5\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let imported = import(&utf16, &options("unicode.txt"));
    assert!(
        imported
            .text
            .contains("lĩnh vực 1 \"Lĩnh vực\" tối đa 1,5\n"),
        "{}",
        imported.text
    );
    assert!(imported.diagnostics.is_empty());
}

#[test]
fn the_cli_writes_the_skeleton_and_reports_the_source_faults() {
    let out = std::env::temp_dir().join(format!("chiso-import-{}.chiso", std::process::id()));
    let out_name = out.display().to_string();
    let (code, _, stderr) = run_chiso(&[
        "import",
        "tests/fixtures/import/dien-bien-2024-bang-2.tsv",
        "--year",
        "2024",
        "--level",
        "district",
        "-o",
        &out_name,
    ]);
    let written = std::fs::read_to_string(&out).expect("skeleton written");
    let _ = std::fs::remove_file(&out);
    // The repeated 2.3.1 is an error of the source: reported, exit 1, skeleton written anyway.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("row 45 repeats the number 2.3.1 of row 44"),
        "{stderr}"
    );
    assert!(stderr.contains("duplicate id `2.3.1`"), "{stderr}");
    assert!(
        stderr.contains("8 areas, 50 criteria, 107 sub-criteria"),
        "{stderr}"
    );
    assert!(written.contains("  năm 2024\n  cấp huyện\n"), "{written}");
    let (code, _, stderr) = run_chiso(&[
        "import",
        "tests/fixtures/import/kon-ray-2022.tsv",
        "-o",
        &out_name,
    ]);
    let _ = std::fs::remove_file(&out);
    assert_eq!(code, 0, "{stderr}");
    assert!(root()
        .join("tests/fixtures/import/kon-ray-2022.tsv")
        .exists());
}

const TABLE_PIECES: &[&str] = &[
    "\t",
    "\n",
    "\r\n",
    "\"",
    "\"\"",
    ";",
    ",",
    "(",
    ")",
    "<i>",
    "</i>",
    "**",
    "1",
    ".",
    "1.1.1.",
    "II",
    "- ",
    "a)",
    "STT",
    "Tiêu chí",
    "Điểm tối đa",
    "Ghi chú",
    "Đơn vị chủ trì",
    "Tổng cộng",
    "ĐTXHH",
    "không đánh giá",
    "không tính điểm",
    "Năm 2021",
    "Phòng Nội vụ",
    "0,25",
    "1.5",
    "99999999999999999999999999999999",
    "-3",
    "50%",
    "\u{301}",
    "\u{feff}",
    "😀",
    " ",
];

/// Every finding points inside the text it is about, on character boundaries.
fn spans_are_sound(imported: &Imported, source: &str) {
    for d in &imported.diagnostics {
        assert!(
            d.span.end <= source.len()
                && d.span.start <= d.span.end
                && source.is_char_boundary(d.span.start)
                && source.is_char_boundary(d.span.end),
            "{d}: {:?} in a text of {} bytes",
            d.span,
            source.len()
        );
    }
    for d in &imported.check {
        assert!(d.span.end <= imported.text.len(), "{d}: {:?}", d.span);
    }
}

#[test]
fn mutated_tables_never_panic() {
    let mut rng = Rng(0x5EED_0000_2270);
    for name in [
        "kon-ray-2022.tsv",
        "dien-bien-2024-bang-1.tsv",
        "dien-bien-2024-bang-2.tsv",
    ] {
        let text = read(format!("tests/fixtures/import/{name}"));
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for round in 0..60 {
            let mut mutated = text.clone();
            for _ in 0..=rng.below(6) {
                let bounds: Vec<usize> = mutated
                    .char_indices()
                    .map(|(i, _)| i)
                    .chain([mutated.len()])
                    .collect();
                let at = bounds[rng.below(bounds.len())];
                match rng.below(3) {
                    0 => mutated.insert_str(at, TABLE_PIECES[rng.below(TABLE_PIECES.len())]),
                    1 => {
                        let end = bounds[(bounds.iter().position(|&b| b == at).unwrap_or(0)
                            + 1
                            + rng.below(40))
                        .min(bounds.len() - 1)];
                        mutated.replace_range(at..end, "");
                    }
                    _ => mutated.truncate(at),
                }
            }
            let imported = import_text(&mutated, &options(name));
            spans_are_sound(&imported, imported.source.as_deref().unwrap_or(""));
            let _ = round;
        }
        // Prefixes of the file, at 15 evenly spread cut points.
        for k in 0..15 {
            let cut = boundaries[k * (boundaries.len() - 1) / 14];
            let imported = import_text(&text[..cut], &options(name));
            spans_are_sound(&imported, imported.source.as_deref().unwrap_or(""));
        }
    }
}

#[test]
fn mutated_workbooks_never_panic() {
    let text = read("tests/fixtures/import/dien-bien-2024-bang-2.tsv");
    let bytes = workbook_twin(&text, &[2]);
    let mut rng = Rng(0x0DD_B00C);
    for _ in 0..200 {
        let mut mutated = bytes.clone();
        for _ in 0..=rng.below(8) {
            let at = rng.below(mutated.len());
            match rng.below(3) {
                0 => mutated[at] ^= 1 << rng.below(8),
                1 => mutated[at] = rng.next() as u8,
                _ => mutated.truncate(at.max(4)),
            }
        }
        let imported = import(&mutated, &options("bang-2.xlsx"));
        // A workbook's findings are unplaced; bytes that no longer look like one are text.
        spans_are_sound(&imported, imported.source.as_deref().unwrap_or(""));
    }
}
