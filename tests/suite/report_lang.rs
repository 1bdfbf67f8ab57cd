//! Reports in the reader's language (issue 11: `--lang en` gives English everywhere). A
//! report's own words — headings, column heads, labels, the grade bands' words, the problems
//! it lists — follow `--lang` (`BatchReport::lang`, catalogue ids `report-…`); the ruleset's
//! text (titles, area and grade names, stage names it declares) and the units' names stay as
//! written; JSON keys, CSV column names, codes and status words do not change; numbers have a
//! decimal comma for Vietnamese readers and a decimal point for English ones. A user who sets
//! nothing gets the Vietnamese reports, byte for byte the reviewed golden files.

use crate::common::{assert_no_crash, chiso_bin, read, root, run_chiso};
use pretty_assertions::assert_eq;
use serde_json::Value as Json;

/// Five batches that between them reach every section of the reports: a unit with its two
/// stages and the survey pending, groups with three stages and last year's results, bonus
/// and penalty items, targets, and units whose data could not be scored.
const CASES: [&[&str]; 5] = [
    &[
        "tests/fixtures/outputs/hai-giai-doan.chiso",
        "tests/fixtures/outputs/hai-giai-doan-tu-danh-gia.toml",
        "tests/fixtures/outputs/hai-giai-doan-tham-dinh.toml",
    ],
    &[
        "tests/fixtures/nhom-vong/tinh-2023.chiso",
        "tests/fixtures/nhom-vong/tinh-2023.csv",
        "--previous",
        "tests/fixtures/nhom-vong/tinh-2022.json",
    ],
    &[
        "tests/fixtures/adjust/thuong-tru.chiso",
        "tests/fixtures/adjust/data",
    ],
    &[
        "rulesets/kon-tum/huyen-2022.chiso",
        "rulesets/kon-tum/data/kon-ray-2021.toml",
        "--targets",
        "rulesets/kon-tum/data/kon-ray-2022-muc-tieu.toml",
    ],
    &[
        "rulesets/dien-bien/huyen-2024.chiso",
        "tests/fixtures/cases/crashes-and-loss/duplicate-after-bad-row.csv",
    ],
];

/// Words only a report's own text says in Vietnamese (none is in these rulesets, data or unit
/// names): headings, column heads, labels, status words, band words, a problem's place.
const VIETNAMESE: &[&str] = &[
    "Tổng điểm",
    "Xếp hạng",
    "Xếp loại",
    "Phân bố",
    "Chỉ số thành phần",
    "Chỉ số bình quân",
    "Bình quân",
    "Điểm bị mất",
    "Bị mất",
    "Tối đa",
    "Tiêu chí",
    "Ghi chú",
    "Chủ trì",
    "Tự chấm",
    "Tính từ số liệu",
    "Chênh lệch",
    "Phấn đấu",
    "Điểm thưởng T",
    "Điểm thưởng được cộng",
    "Điểm các tiêu chí",
    "Điểm trừ P",
    "TỔNG",
    "KĐG",
    "không chấm được",
    "chưa đủ số liệu",
    "thiếu số liệu",
    "không đánh giá:",
    "chờ điều tra",
    "Chờ điều tra",
    "trở lên",
    "đến dưới",
    "So với năm",
    "Không có trong kết quả",
    "so với tự chấm",
    "(tự đánh giá)",
    "Nguồn",
    "lỗi[",
    "dòng ",
    "cột ",
    "· Quyết định",
    "Chi tiết theo đơn vị",
    "Đơn vị được xếp hạng",
    "Tạo bởi chiso",
];

/// What every English report of the case says, in the order of [`CASES`] (the headings and
/// labels of the sections each case has).
fn english(case: usize) -> &'static [&'static str] {
    match case {
        0 => &[
            "Self score",
            "From data",
            "Awaiting the survey (not in the totals above): self-assessment 1 points; appraisal 1 points.",
        ],
        1 => &[
            "PAR Index ranking (appraisal) — Khối sở",
            "Grade distribution — Khối huyện",
            "Sub-indices by area (%)",
            // 79% in the text reports, 79.00% on the page and in the workbook (their
            // percentages have the ruleset's places).
            "Mean index — Khối sở: 79",
            "Compared with 2022",
            "Last year's rank",
            "Trung bình → Khá (up)",
            "Not in the results of 2022: UBND huyện B.",
            "In the results of 2022, not this year: UBND huyện C.",
            "Self-assessment and appraisal rounds — Sở Tư pháp",
            "80% or more",
            "65% to below 80%",
        ],
        2 => &["Bonus points T1", "Penalty points P1", "Points lost"],
        3 => &["Target", "Points lost", "Achieved"],
        _ => &[
            "not scored",
            "D003",
            "row 3, column B",
            "is not a number",
        ],
    }
}

/// `chiso score` with `args`, writing `format` to a file; its text (a workbook's cells, sheet
/// by sheet, read back with calamine), with the language set by `lang_args` under
/// `CHISO_LANG=en` (`run_chiso`).
fn report(args: &[&str], format: &str, lang_args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let extension = if format == "markdown" { "md" } else { format };
    let out = dir.path().join(format!("report.{extension}"));
    let mut all = vec!["score"];
    all.extend_from_slice(lang_args);
    all.extend_from_slice(args);
    all.extend(["--format", format, "-o", out.to_str().unwrap()]);
    let (code, _, stderr) = run_chiso(&all);
    assert!(code == 0 || code == 1, "{all:?}: {stderr}");
    if format == "xlsx" {
        workbook_text(&out)
    } else {
        std::fs::read_to_string(&out).unwrap()
    }
}

/// Every sheet's name and cells, a line per row.
fn workbook_text(path: &std::path::Path) -> String {
    use calamine::{open_workbook, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let mut text = String::new();
    for name in book.sheet_names() {
        text.push_str(&format!("[{name}]\n"));
        let range = book.worksheet_range(&name).unwrap();
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
    }
    text
}

fn sheet_names(path: &std::path::Path) -> Vec<String> {
    use calamine::{open_workbook, Reader, Xlsx};
    let book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
}

#[test]
fn every_human_format_speaks_english_under_lang_en() {
    for (case, args) in CASES.iter().enumerate() {
        for format in ["table", "markdown", "html", "xlsx"] {
            let text = report(args, format, &["--lang", "en"]);
            let found: Vec<&&str> = VIETNAMESE.iter().filter(|w| text.contains(**w)).collect();
            assert!(
                found.is_empty(),
                "case {case}, {format}: Vietnamese report words {found:?}\n{text}"
            );
            // The HTML escapes the apostrophe of "Last year's rank".
            let text = text.replace("&#39;", "'");
            // Each format heads its ranking its own way, in the reader's words.
            let ranking = match format {
                "html" => "Ranking and sub-indices (",
                "xlsx" => "PAR INDEX RANKING — ",
                _ => "PAR Index ranking (",
            };
            assert!(text.contains(ranking), "case {case}, {format}:\n{text}");
            // The workbook names the comparison by its sheet ("Self vs appraisal").
            if case == 0 && format != "xlsx" {
                assert!(text.contains("Self-assessment and appraisal"), "{format}");
            }
            // A problem is "error[D003] …" in a line; the workbook gives it columns.
            if case == 4 {
                let wanted: &[&str] = match format {
                    "xlsx" => &["Code\tPlace\tMessage", "Not scored"],
                    _ => &["error[D003]"],
                };
                for w in wanted {
                    assert!(text.contains(w), "{format}: {w}\n{text}");
                }
            }
            // The text reports head the targets of a unit; the page and the workbook show
            // them beside its points lost.
            if case == 3 && matches!(format, "table" | "markdown") {
                assert!(
                    text.contains("Targets and results — UBND huyện Kon Rẫy"),
                    "{format}"
                );
            }
            let missing: Vec<&&str> = english(case)
                .iter()
                .filter(|p| !text.contains(**p))
                .collect();
            assert!(
                missing.is_empty(),
                "case {case}, {format}: no {missing:?}\n{text}"
            );
            // The same batch in Vietnamese (`--lang vi`) has the Vietnamese words instead.
            let vietnamese = report(args, format, &["--lang", "vi"]);
            assert!(
                vietnamese.contains("Xếp hạng") && !vietnamese.contains("PAR Index"),
                "case {case}, {format}:\n{vietnamese}"
            );
        }
    }
}

#[test]
fn the_ruleset_and_the_units_keep_their_own_words_under_lang_en() {
    // Case 1 declares its groups, grades and stages in Vietnamese: they are the province's
    // names, shown as written (the stage "Thẩm định lại" heads its round's column).
    let text = report(CASES[1], "table", &["--lang", "en"]);
    for name in [
        "Chỉ số CCHC mẫu theo nhóm 2023",
        "Khối sở",
        "Khối huyện",
        "Tốt",
        "Khá",
        "Thẩm định lại",
        "Sở Tư pháp",
        "Chỉ đạo, điều hành",
    ] {
        assert!(text.contains(name), "{name}\n{text}");
    }
}

#[test]
fn numbers_have_a_decimal_point_for_english_readers_and_a_comma_for_vietnamese_ones() {
    // Kon Rẫy 2023 (seed 004): 44.6 of 47 points, 94.89% (the golden table says
    // "Tổng điểm: 44,6 / 47   Chỉ số: 94,89%").
    let args = [
        "rulesets/kon-tum/huyen-2023-trich.chiso",
        "rulesets/kon-tum/data/kon-ray-2023.toml",
    ];
    for format in ["table", "markdown"] {
        let en = report(&args, format, &["--lang", "en"]);
        assert!(
            en.contains("Total: 44.6 / 47   Index: 94.89%   Grade: —"),
            "{format}\n{en}"
        );
        let vi = report(&args, format, &["--lang", "vi"]);
        assert!(
            vi.contains("Tổng điểm: 44,6 / 47   Chỉ số: 94,89%   Xếp loại: —"),
            "{format}\n{vi}"
        );
    }
    // The page: percentages with the places the ruleset rounds to, in the reader's style.
    let en = report(&args, "html", &["--lang", "en"]);
    assert!(en.contains("<b>94.89%</b>"), "{en}");
    assert!(en.contains("44.6 / 47 points (94.89%)"), "{en}");
    let vi = report(&args, "html", &["--lang", "vi"]);
    assert!(vi.contains("<b>94,89%</b>"), "{vi}");
    assert!(vi.contains("44,6 / 47 điểm (94,89%)"), "{vi}");
}

#[test]
fn the_page_says_its_language() {
    let en = report(CASES[0], "html", &["--lang", "en"]);
    assert!(en.contains("<html lang=\"en\">"), "{en}");
    let vi = report(CASES[0], "html", &["--lang", "vi"]);
    assert!(vi.contains("<html lang=\"vi\">"), "{vi}");
}

#[test]
fn the_workbooks_sheets_are_named_in_the_readers_language() {
    let dir = tempfile::tempdir().unwrap();
    let names = |lang: &str, args: &[&str]| {
        let out = dir.path().join(format!("{lang}.xlsx"));
        let mut all = vec!["score", "--lang", lang];
        all.extend_from_slice(args);
        all.extend(["-o", out.to_str().unwrap()]);
        let (code, _, stderr) = run_chiso(&all);
        assert!(code == 0 || code == 1, "{stderr}");
        sheet_names(&out)
    };
    // Groups, rounds and last year: every sheet the workbook can have but the units not
    // scored, then one sheet per unit (named by the unit).
    let en = names("en", CASES[1]);
    assert_eq!(
        en[..8],
        [
            "Ranking",
            "Charts",
            "Grade",
            "Self vs appraisal",
            "By group",
            "Compared with last year",
            "Appraisal rounds",
            "Points by criterion",
        ]
    );
    let vi = names("vi", CASES[1]);
    assert_eq!(
        vi[..8],
        [
            "Xếp hạng",
            "Biểu đồ",
            "Xếp loại",
            "Tự ĐG - Thẩm định",
            "Theo nhóm",
            "So với năm trước",
            "Các vòng thẩm định",
            "Điểm theo tiêu chí",
        ]
    );
    assert_eq!(en[8..], vi[8..], "the units' sheets keep the units' names");
    let en = names("en", CASES[4]);
    assert!(en.contains(&"Not scored".to_string()), "{en:?}");
    // The printed pages' footer: "Page 2 / 5" (Excel's codes &P, &N), "Trang 2 / 5".
    for (lang, footer) in [
        ("en", "&amp;CPage &amp;P / &amp;N"),
        ("vi", "&amp;CTrang &amp;P / &amp;N"),
    ] {
        let bytes = std::fs::read(dir.path().join(format!("{lang}.xlsx"))).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
            &mut sheet,
        )
        .unwrap();
        assert!(sheet.contains(footer), "{lang}: {sheet}");
    }
}

#[test]
fn csv_and_json_keep_their_keys_and_codes_and_say_the_problems_in_the_readers_language() {
    let args = CASES[4];
    let csv_en = report(args, "csv", &["--lang", "en"]);
    let csv_vi = report(args, "csv", &["--lang", "vi"]);
    // The columns, the total rows' "TỔNG" and the status words are for tools: unchanged.
    assert_eq!(csv_en.lines().next(), csv_vi.lines().next());
    let not_scored = |csv: &str| -> Vec<String> {
        csv.lines()
            .filter(|l| l.contains(",not_scored,"))
            .map(str::to_string)
            .collect()
    };
    let (en, vi) = (not_scored(&csv_en), not_scored(&csv_vi));
    assert_eq!(en.len(), 2, "{csv_en}");
    assert!(
        en[0].starts_with("Đơn vị 00002,,TỔNG,unit,,,not_scored,"),
        "{}",
        en[0]
    );
    assert!(
        en[0].contains("error[D003]") && en[0].contains("row 3, column B"),
        "{}",
        en[0]
    );
    assert!(
        vi[0].contains("lỗi[D003]") && vi[0].contains("dòng 3, cột B"),
        "{}",
        vi[0]
    );
    // Every other row is the same in both languages.
    let others = |csv: &str| -> Vec<String> {
        csv.lines()
            .filter(|l| !l.contains(",not_scored,"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(others(&csv_en), others(&csv_vi));

    let json_en: Json = serde_json::from_str(&report(args, "json", &["--lang", "en"])).unwrap();
    let json_vi: Json = serde_json::from_str(&report(args, "json", &["--lang", "vi"])).unwrap();
    assert_eq!(keys(&json_en), keys(&json_vi));
    let problem = |json: &Json| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|u| u["scored"] == false)
            .map(|u| u["problems"][0].clone())
            .unwrap()
    };
    let (en, vi) = (problem(&json_en), problem(&json_vi));
    assert_eq!(
        (&en["code"], &en["severity"]),
        (&vi["code"], &vi["severity"])
    );
    assert_eq!(en["code"], "D003");
    assert!(
        en["place"].as_str().unwrap().contains("row 3, column B"),
        "{en}"
    );
    assert!(
        vi["place"].as_str().unwrap().contains("dòng 3, cột B"),
        "{vi}"
    );
    assert!(
        en["message"].as_str().unwrap().contains("is not a number"),
        "{en}"
    );
    assert!(
        !vi["message"].as_str().unwrap().contains("is not a number"),
        "{vi}"
    );
}

/// Every key of a JSON value, with its path, in order.
fn keys(value: &Json) -> Vec<String> {
    fn walk(value: &Json, path: &str, out: &mut Vec<String>) {
        match value {
            Json::Object(map) => {
                for (k, v) in map {
                    let p = format!("{path}.{k}");
                    out.push(p.clone());
                    walk(v, &p, out);
                }
            }
            Json::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    walk(v, &format!("{path}[{i}]"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(value, "", &mut out);
    out
}

#[test]
fn a_user_who_sets_nothing_gets_the_reviewed_vietnamese_reports_byte_for_byte() {
    // No `--lang`, no `CHISO_LANG`, no locale: the Vietnamese default, the golden files
    // reviewed by hand (seed 004's numbers) before reports followed the language.
    for format in ["table", "json", "csv", "markdown"] {
        let args = [
            "score",
            "rulesets/kon-tum/huyen-2023-trich.chiso",
            "rulesets/kon-tum/data/kon-ray-2023.toml",
            "--format",
            format,
        ];
        let output = std::process::Command::new(chiso_bin())
            .args(args)
            .current_dir(root())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .output()
            .expect("run chiso");
        assert_no_crash(&output.status, &args, &output.stderr);
        assert_eq!(output.status.code(), Some(0), "{format}");
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            read(format!("tests/golden/score/kon-ray-2023.{format}")),
            "{format}"
        );
    }
}

#[test]
fn the_english_workbooks_sections_hold_numbers_as_numbers() {
    // The sections' cells are written for their reader (`84.8%`, `+0.4` in English) and read
    // back as numbers with the reader's decimal separator: Sở Nội vụ 89% (last year 85%),
    // +4 points of percentage, +0.4 points (8.9 − 8.5), as in the Vietnamese workbook.
    use chiso_formats::grid::{workbook_grid, Cell};
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.xlsx");
    let mut args = vec!["score", "--lang", "en"];
    args.extend_from_slice(CASES[1]);
    args.extend(["-o", out.to_str().unwrap()]);
    let (code, _, stderr) = run_chiso(&args);
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    let grid = workbook_grid(&bytes, Some("Compared with last year")).unwrap();
    let rows: Vec<Vec<Cell>> = grid.rows().collect();
    let noi_vu = rows
        .iter()
        .find(|r| r.first().map(Cell::text).as_deref() == Some("Sở Nội vụ"))
        .unwrap();
    assert_eq!(noi_vu[1], Cell::Text("Khối sở".into()));
    assert_eq!(noi_vu[2], Cell::Number("89".into()));
    assert_eq!(noi_vu[4], Cell::Number("4".into()));
    assert_eq!(noi_vu[5], Cell::Number("0.4".into()));
    assert_eq!(noi_vu[8], Cell::Text("↑1".into()));
    let huyen_a = rows
        .iter()
        .find(|r| r.first().map(Cell::text).as_deref() == Some("UBND huyện A"))
        .unwrap();
    // 84.8% this year (8.48 of 10).
    assert_eq!(huyen_a[2], Cell::Number("84.8".into()));
}
