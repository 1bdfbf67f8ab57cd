//! Spreadsheets and data files read exactly as a person sees them (issue 9): workbook cells of
//! every kind, formulas saved without their value, percent-formatted cells, duplicate names
//! in unit files. Inputs: the shared cases (copied under `tests/fixtures/cases/`) and
//! `tests/fixtures/reading/` (`cells.xlsx` is written by hand by `make_cells.py`).

use crate::common::run_chiso;

const CASES: &str = "tests/fixtures/cases/sheets-and-data";

fn case(path: &str) -> String {
    format!("{CASES}/{path}")
}

/// The score column of criterion `id` in `chiso score`'s table for one unit.
/// A criterion's points in `chiso score`'s table, as printed (with a decimal comma).
fn points(stdout: &str, id: &str) -> Option<String> {
    stdout.lines().find_map(|line| {
        let mut words = line.split_whitespace();
        (words.next() == Some(id)).then(|| {
            let cells: Vec<&str> = line.split_whitespace().collect();
            // … max, points, lost: the points are third from the end.
            cells[cells.len() - 2].to_string()
        })
    })
}

#[test]
fn an_inline_string_with_a_cached_value_is_read() {
    // D2 is an inline string `1` that also carries `<v>1</v>`: 1 late task, not the default 0.
    // 1.1 = ratio(15 + 1/2, 16) * 4 = 0.96875 → 0.97 (rounding ratio 2) × 4 = 3.88.
    let (code, out, err) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        &case("xlsx-inlinestr-cdata/def.chiso"),
        &case("xlsx-inlinestr-cdata/default.xlsx"),
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(points(&out, "1.1").as_deref(), Some("3,88"), "{out}");
}

#[test]
fn inline_strings_in_cdata_and_with_cached_values_are_read() {
    // Both rows hold 169 of 2534 online, 57,89 % satisfied, 652.685 survey points, the plan on
    // 31/01/2024, grade Tốt. By hand: 1.1 = ratio(169, 2534) = 0.0667 → 0.07 × 2 = 0.14;
    // 1.2 = 0.5789 → 0.58; 1.3 = 652.685 → 652.69; 1.4 = 1; 1.5 = 1; total 655.41 / 1005.
    let (_, out, err) = run_chiso(&[
        "score",
        &case("base.chiso"),
        &case("xlsx-inlinestr-cdata/inline.xlsx"),
        "--format",
        "json",
    ]);
    // The sheet's headers are the base ruleset's inputs: no unknown column.
    assert!(!err.contains("D006"), "{err}");
    assert!(!err.contains("D002"), "{err}");
    assert!(out.matches("655.41").count() >= 2, "{out}\n{err}");
}

#[test]
fn workbook_cells_of_every_kind_are_read_as_shown() {
    // Row 2 of cells.xlsx: shared strings, a shared string holding the number 169, 2534 with a
    // thousands format, 0.5789 with the custom format `0.00" "%` (shown 57.89 %), a date
    // (45322 = 31/01/2024), a rich string "T"+"ốt". Same figures as above: 655.41.
    // The report in the run's language (English): numbers with a decimal point.
    let (_, out, err) = run_chiso(&[
        "score",
        &case("base.chiso"),
        "tests/fixtures/reading/cells.xlsx",
    ]);
    assert_eq!(points(&out, "1.1").as_deref(), Some("0.14"), "{out}");
    assert_eq!(points(&out, "1.2").as_deref(), Some("0.58"), "{out}");
    assert_eq!(points(&out, "1.3").as_deref(), Some("652.69"), "{out}");
    assert_eq!(points(&out, "1.4").as_deref(), Some("1"), "{out}");
    assert_eq!(points(&out, "1.5").as_deref(), Some("1"), "{out}");
    assert!(out.contains("655.41 / 1005"), "{out}");
    // Row 3: error values and a formula without its value, each named with sheet and cell.
    assert!(
        err.contains("cell Số liệu!D3 holds the spreadsheet error #DIV/0!"),
        "{err}"
    );
    assert!(
        err.contains("cell Số liệu!E3 holds the spreadsheet error #N/A"),
        "{err}"
    );
    assert!(
        err.contains("cell Số liệu!F3 holds the formula `=DATE(2024,1,31)` but not its value"),
        "{err}"
    );
    assert!(err.contains("UBND huyện Lỗi"), "{err}");
    // The unit is in the report, but only as not scored (every unit is in every output).
    assert!(out.contains("UBND huyện Lỗi"), "{out}");
    for line in out.lines().filter(|l| l.contains("UBND huyện Lỗi")) {
        assert!(line.contains("not scored"), "{line}");
    }
}

#[test]
fn a_formula_saved_without_its_value_is_an_error_naming_sheet_cell_and_formula() {
    // D2 holds `=2-1` with an empty `<v/>`: never the default 0 (which would give 3.76).
    let (code, out, err) = run_chiso(&[
        "score",
        &case("xlsx-formula-no-cache/def.chiso"),
        &case("xlsx-formula-no-cache/formula-default.xlsx"),
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("cell Sheet!D2 holds the formula `=2-1` but not its value"),
        "{err}"
    );
    assert!(
        err.contains("open and save the file in Excel/LibreOffice so the value is stored"),
        "{err}"
    );
    assert!(!out.contains("3,76"), "{out}");
}

#[test]
fn import_names_formulas_without_values_and_keeps_the_total_row_out_of_titles() {
    let (_, out, err) = run_chiso(&[
        "import",
        &case("xlsx-formula-no-cache/import-formula.xlsx"),
        "--year",
        "2024",
    ]);
    assert!(
        err.contains("cell Sheet!C2 holds the formula `=SUM(C3:C4)`"),
        "{err}"
    );
    assert!(
        err.contains("cell Sheet!C5 holds the formula `=C2`"),
        "{err}"
    );
    // The source's rows 3 and 4: "Kế hoạch" and "Kiểm tra", 1,5 each; row 5 is the total.
    assert!(
        out.contains("tiêu chí 1.2 \"Kiểm tra\" tối đa 1,5"),
        "{out}"
    );
    assert!(!out.contains("Tổng cộng"), "{out}");
}

#[test]
fn a_percent_formatted_cell_is_the_percentage_shown() {
    // D2 stores 0.5789 with format 10 (0.00%): a person reads 57,89 %. 1.2 = 0.5789 × 1 → 0.58.
    let (_, out, _) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        &case("percent-formatted-cells/owned.chiso"),
        &case("percent-formatted-cells/percent-openpyxl.xlsx"),
    ]);
    assert_eq!(points(&out, "1.2").as_deref(), Some("0,58"), "{out}");
}

#[test]
fn a_percent_formatted_cell_on_a_form_merges_as_the_percentage_shown() {
    // form-filled.xlsx is the Phòng Nội vụ form of `chiso template`, E10 filled with 0.5789
    // shown as 57,89 %: the merged unit file says 57.89 (a percent input's figure).
    let (_, out, err) = run_chiso(&[
        "merge",
        &case("percent-formatted-cells/owned.chiso"),
        &case("percent-formatted-cells/form-filled.xlsx"),
    ]);
    assert!(out.contains("\"tỷ_lệ_hài_lòng\" = 57.89"), "{out}\n{err}");
}

#[test]
fn a_unit_given_twice_is_d013_even_when_the_first_row_is_bad() {
    // Rows 3 and 5 both name “Đơn vị 00002”; row 3 has `không rõ` in a count column. Row 5's
    // figures must not be scored or ranked under that name.
    let (_, out, err) = run_chiso(&[
        "score",
        "rulesets/dien-bien/huyen-2024.chiso",
        "tests/fixtures/cases/crashes-and-loss/duplicate-after-bad-row.csv",
    ]);
    let d013: Vec<&str> = err.lines().filter(|l| l.contains("D013")).collect();
    assert_eq!(d013.len(), 1, "{err}");
    assert!(d013[0].contains("row 5"), "{}", d013[0]);
    assert!(d013[0].contains("row 3"), "{}", d013[0]);
    // Both rows are listed as not scored, never with figures (every unit is in every output).
    for line in out
        .lines()
        // (the report lists problems in the run's language, English here: `error[D013] …`)
        .filter(|l| l.contains("Đơn vị 00002") && !l.trim_start().starts_with("error["))
    {
        assert!(line.contains("not scored"), "{line}");
    }
    assert_eq!(
        out.lines()
            .filter(|l| l.contains("Đơn vị 00002") && l.trim_start().starts_with('—'))
            .count(),
        2,
        "both rows unranked: {out}"
    );
    // The other units are scored: 00001, 00003, 00005.
    for unit in ["Đơn vị 00001", "Đơn vị 00003", "Đơn vị 00005"] {
        assert!(out.contains(unit), "{unit}: {out}");
    }
}

#[test]
fn a_unit_given_twice_is_d013_when_the_second_row_is_bad_and_spelt_with_the_other_tone_placement() {
    // Row 2 “UBND huyện Hoá” is good; row 3 “UBND huyện Hóa” (the same name, the other tone
    // placement) has a bad figure: both D003 and D013 for row 3; row 2 is scored.
    let (_, out, err) = run_chiso(&[
        "score",
        "tests/fixtures/cases/sheets-and-data/base.chiso",
        "tests/fixtures/reading/dup-after-good-row.csv",
    ]);
    let d013: Vec<&str> = err.lines().filter(|l| l.contains("D013")).collect();
    assert_eq!(d013.len(), 1, "{err}");
    assert!(d013[0].contains("row 3"), "{}", d013[0]);
    assert!(err.contains("không rõ"), "{err}");
    assert!(out.contains("UBND huyện Hoá"), "{out}");
    assert!(out.contains("UBND huyện Khác"), "{out}");
}

/// Runs `chiso score` and returns (exit code, stderr).
fn score_err(ruleset: &str, data: &str) -> (i32, String) {
    let (code, _, err) = run_chiso(&["score", ruleset, data]);
    (code, err)
}

#[test]
fn an_input_given_twice_in_nfc_and_nfd_is_an_error_naming_both_places() {
    // Lines 5 and 6 of the file: `hồ_sơ_tiếp_nhận` in NFC (2534) and in NFD (3000).
    let (code, err) = score_err(
        &case("base.chiso"),
        &case("duplicate-keys/unit-dup-nfc-nfd.toml"),
    );
    assert_ne!(code, 0);
    assert!(err.contains("D012"), "{err}");
    assert!(err.contains("two Unicode spellings"), "{err}");
    assert!(
        err.contains("first given here") && err.contains("and again here"),
        "{err}"
    );
    assert!(err.contains(" 5 │") && err.contains(" 6 │"), "{err}");
    assert!(err.contains("not scored"), "{err}");
}

#[test]
fn a_json_key_given_twice_is_an_error_not_the_last_value() {
    let (code, err) = score_err(&case("base.chiso"), &case("duplicate-keys/dup.json"));
    assert_ne!(code, 0);
    assert!(
        err.contains("`hồ_sơ_tiếp_nhận` is given twice in [inputs]"),
        "{err}"
    );
    assert!(
        err.contains("first given here") && err.contains("and again here"),
        "{err}"
    );
}

#[test]
fn an_input_given_with_both_tone_placements_is_an_error() {
    let (code, err) = score_err(
        &case("duplicate-keys/hoa.chiso"),
        &case("duplicate-keys/hoa.toml"),
    );
    assert_ne!(code, 0);
    assert!(err.contains("written `số_hóa` and `số_hoá`"), "{err}");
}

#[test]
fn a_criterion_given_twice_is_an_error_in_every_section() {
    let (code, err) = score_err(
        &case("base.chiso"),
        "tests/fixtures/reading/dup-sections.toml",
    );
    assert_ne!(code, 0);
    for (id, section) in [
        ("1.1", "evidence"),
        ("1.3", "notes"),
        ("1.2", "claimed"),
        ("1.4", "not_evaluated"),
    ] {
        assert!(
            err.contains(&format!("`{id}` is given twice in [{section}]")),
            "{section}: {err}"
        );
    }
}

#[test]
fn an_invisible_character_in_a_number_is_named() {
    // `2<U+200B>534`: a zero-width space, not a gap a reader can see.
    let (code, err) = score_err(&case("base.chiso"), "tests/fixtures/reading/invisible.toml");
    assert_ne!(code, 0);
    assert!(err.contains("U+200B zero-width space"), "{err}");
    // `652<U+202F>685,5` is a narrow no-break space grouping thousands: read, no error.
    assert!(!err.contains("điểm_khảo_sát"), "{err}");
}

#[test]
fn a_form_carries_evidence_and_a_note_for_an_input_into_the_merged_file() {
    // form-evidence.xlsx: the Phòng Nội vụ form with F10 (tài liệu kiểm chứng) and H10 (ghi
    // chú) typed on the input row of `tỷ_lệ_hài_lòng` (make_form_evidence.py).
    let (_, out, err) = run_chiso(&[
        "merge",
        &case("percent-formatted-cells/owned.chiso"),
        "tests/fixtures/reading/form-evidence.xlsx",
    ]);
    assert!(!err.contains("D006"), "{err}");
    assert!(
        out.contains(
            "[evidence]\n\"tỷ_lệ_hài_lòng\" = [\"Phiếu khảo sát 2024\", \"Báo cáo 45/BC-UBND\"]"
        ),
        "{out}"
    );
    assert!(
        out.contains("[notes]\n\"tỷ_lệ_hài_lòng\" = \"khảo sát 300 người dân\""),
        "{out}"
    );
}

#[test]
fn evidence_and_notes_for_an_input_in_a_unit_file_are_read_and_written_back() {
    // base-unit.toml plus [evidence]/[notes] keyed by an input: no unknown criterion; kept
    // by input and written back by input name.
    let text = format!(
        "{}\n[evidence]\n\"hồ_sơ_tiếp_nhận\" = [\"Sổ theo dõi 2024\"]\n\"1.1\" = [\"Báo cáo 12\"]\n[notes]\n\"hồ_sơ_tiếp_nhận\" = \"theo phần mềm một cửa\"\n",
        crate::common::read(case("base-unit.toml"))
    );
    let ruleset = chiso::analyze(&crate::common::read(case("base.chiso"))).ruleset;
    let (data, diagnostics) =
        chiso_formats::unit_file::load(&ruleset, &text, chiso_formats::unit_file::DataFormat::Toml);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let data = data.unwrap();
    let slot = ruleset.input_index("hồ_sơ_tiếp_nhận").unwrap();
    assert_eq!(
        data.input_evidence[slot],
        vec!["Sổ theo dõi 2024".to_string()]
    );
    assert_eq!(
        data.input_notes[slot].as_deref(),
        Some("theo phần mềm một cửa")
    );
    let back = chiso_formats::unit_file::to_toml(&ruleset, &data);
    assert!(
        back.contains("\"hồ_sơ_tiếp_nhận\" = [\"Sổ theo dõi 2024\"]"),
        "{back}"
    );
    assert!(back.contains("\"1.1\" = [\"Báo cáo 12\"]"), "{back}");
}

#[test]
fn what_no_office_owns_is_on_the_unassigned_form_and_merge_closes_every_gap() {
    use chiso::worklist::{all_offices, merge, worklist, UNASSIGNED};
    use chiso_formats::forms::{read_form_toml, template_toml, FormHeader};
    // Kon Tum 2023: council-awarded criteria such as 1.5 (sáng kiến, max 3) name no office.
    let ruleset = chiso::analyze(&crate::common::read(
        "rulesets/kon-tum/huyen-2023-trich.chiso",
    ))
    .ruleset;
    let offices = all_offices(&ruleset);
    assert_eq!(
        offices.last().map(String::as_str),
        Some(UNASSIGNED),
        "{offices:?}"
    );
    let unassigned = worklist(&ruleset, UNASSIGNED).unwrap();
    assert!(unassigned.items.iter().any(|i| i.key == "1.5"));
    // Every office's form, every value filled with 0: merged, nothing is left as a gap.
    let header = FormHeader {
        unit: Some("UBND huyện Kon Rẫy".into()),
        year: Some(2023),
        stage: chiso::data::Stage::SelfAssessment,
        group: None,
        deadline: None,
    };
    let forms: Vec<_> = offices
        .iter()
        .map(|office| {
            let list = worklist(&ruleset, office).unwrap();
            let text = template_toml(&ruleset, &list, &header).replace("= \"\"", "= 0");
            let text = text.replace("unit = 0", "unit = \"UBND huyện Kon Rẫy\"");
            read_form_toml(office, &text).unwrap()
        })
        .collect();
    let merged = merge(&ruleset, &forms);
    assert!(merged.gaps.is_empty(), "{:?}", merged.gaps);
    assert!(merged.foreign.is_empty(), "{:?}", merged.foreign);
}

#[test]
fn csv_in_utf16_or_with_a_bom_and_crlf_scores_like_the_workbook() {
    // Excel's "Unicode text" (UTF-16 LE with BOM) and "CSV UTF-8" (BOM), `;`-separated, CRLF
    // line ends, 2<U+00A0>534: the same figures as above, so 655.41 / 1005.
    for file in ["utf16.csv", "bom-crlf.csv"] {
        let (code, out, err) = run_chiso(&[
            "score",
            "--lang",
            "vi",
            &case("base.chiso"),
            &format!("tests/fixtures/reading/{file}"),
        ]);
        assert_eq!(code, 0, "{file}: {err}");
        assert!(out.contains("655,41 / 1.005"), "{file}: {out}");
    }
}

#[test]
fn a_cell_merged_over_rows_stands_in_each_row_and_a_merged_title_stays_a_title() {
    // merged.xlsx (make_merged.py): `ĐTXHH` in D6, merged over D6:D7, so 1.2.1 and 1.2.2 are
    // both survey items; the title merged over A1:D1 is the table's name, above its header.
    let (_, out, err) = run_chiso(&[
        "import",
        "tests/fixtures/reading/merged.xlsx",
        "--year",
        "2024",
    ]);
    assert!(err.contains("2 survey"), "{err}");
    assert!(
        out.contains(
            "tiêu chí thành phần 1.2.2 \"Hội đồng đánh giá\" tối đa 1 {\n      nguồn ĐTXHH"
        ),
        "{out}"
    );
    assert!(
        out.contains("bộ tiêu chí \"BỘ TIÊU CHÍ THỬ NGHIỆM\""),
        "{out}"
    );
}

#[test]
fn a_value_in_a_column_without_a_header_is_reported_alike_in_csv_and_workbooks() {
    // 42 in column H of row 2; H has no header cell (CSV), an empty one (CSV ending in `;`),
    // or a blank one (workbook). The unit is still scored from the other columns: 655.41.
    for file in ["no-header.csv", "no-header-trailing.csv", "no-header.xlsx"] {
        let (_, out, err) = run_chiso(&[
            "score",
            &case("base.chiso"),
            &format!("tests/fixtures/reading/{file}"),
        ]);
        assert!(
            err.contains("row 2, column H [UBND huyện Thử]: a value in a column without a header is not read"),
            "{file}: {err}"
        );
        // The report in the run's language (English): a decimal point, no grouping.
        assert!(out.contains("655.41 / 1005"), "{file}: {out}");
    }
}

#[test]
fn a_toml_form_gives_evidence_for_an_input_and_merge_keeps_it() {
    use chiso::worklist::{merge, worklist};
    use chiso_formats::forms::{read_form_toml, template_toml, FormHeader};
    let ruleset = chiso::analyze(&crate::common::read(case(
        "percent-formatted-cells/owned.chiso",
    )))
    .ruleset;
    let list = worklist(&ruleset, "Phòng Nội vụ").unwrap();
    let header = FormHeader {
        unit: Some("UBND huyện Mẫu".into()),
        year: Some(2024),
        stage: chiso::data::Stage::SelfAssessment,
        group: None,
        deadline: None,
    };
    let text = template_toml(&ruleset, &list, &header)
        .replace(
            "\"tỷ_lệ_hài_lòng\" = \"\"",
            "\"tỷ_lệ_hài_lòng\" = \"57,89%\"",
        )
        .replace(
            "\"tỷ_lệ_hài_lòng\" = []",
            "\"tỷ_lệ_hài_lòng\" = [\"Phiếu khảo sát 2024\"]",
        );
    let form = read_form_toml("noi-vu.toml", &text).unwrap();
    let merged = merge(&ruleset, &[form]);
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    let slot = ruleset.input_index("tỷ_lệ_hài_lòng").unwrap();
    assert_eq!(
        merged.data.input_evidence[slot],
        vec!["Phiếu khảo sát 2024".to_string()]
    );
}

#[test]
fn an_input_given_on_two_rows_of_a_form_is_an_error_naming_both_rows_and_no_value_is_kept() {
    // dup-form.xlsx: `tỷ_lệ_hài_lòng` on row 10 (57,89 %) and row 11 (60 %).
    let (code, out, err) = run_chiso(&[
        "merge",
        &case("percent-formatted-cells/owned.chiso"),
        "tests/fixtures/reading/dup-form.xlsx",
    ]);
    assert_ne!(code, 0);
    assert!(
        err.contains("row 11: `tỷ_lệ_hài_lòng` is given twice in [inputs]"),
        "{err}"
    );
    assert!(err.contains("(first given here: row 10)"), "{err}");
    assert!(!out.contains("\"tỷ_lệ_hài_lòng\" ="), "{out}");
}

#[test]
fn a_title_block_above_the_header_row_is_not_read_as_the_header() {
    // title-block.csv: a title, a line citing the letter and a blank line above the header
    // (row 4); the unit on row 5 has the base figures: 655.41 / 1005.
    let (code, out, err) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        &case("base.chiso"),
        "tests/fixtures/reading/title-block.csv",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("D006"), "{err}");
    assert!(out.contains("655,41 / 1.005"), "{out}");
}
