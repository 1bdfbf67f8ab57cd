//! Issue 9: every unit appears in every output. A unit whose data could not be scored is
//! still an entry of every format (JSON, CSV, table, Markdown, HTML, workbook): unranked,
//! counted as not graded, with its problems and their places. An incomplete unit shows the
//! points it has and is marked incomplete, never a total as if final. With `rounding total`
//! every subtotal is the sum of the lines shown under it. Each stage of a comparison is shown
//! over what that stage scores, with what it leaves to the survey named apart.

use crate::common::En as _;
use crate::common::{read, run_chiso, Rng};
use crate::province::{self, awarded, input_value, roles, share};
use chiso::batch::{self, grade_counts, rank};
use chiso::data::Stage;
use chiso::model::Ruleset;
use chiso_formats::grid::{text_grid, workbook_grid};
use chiso_formats::report::batch::BatchReport;
use chiso_formats::report::{Format, FORMATS};
use chiso_formats::sheet::{Cell, Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde_json::Value as Json;
use std::collections::HashSet;

const DIR: &str = "tests/fixtures/outputs";

/// Every report of `chiso score ARGS` as (format name, text); the workbook as the texts of
/// its "Xếp hạng", "Xếp loại" and "Không chấm được" sheets, cells joined by tabs.
fn every_format(args: &[&str]) -> Vec<(&'static str, String)> {
    let dir = tempfile::tempdir().unwrap();
    FORMATS
        .iter()
        .map(|row| {
            let out = dir.path().join(format!("report.{}", row.extensions[0]));
            let mut all = vec!["score", "--lang", "vi"];
            all.extend_from_slice(args);
            all.extend(["--format", row.name, "-o", out.to_str().unwrap()]);
            let (code, _, stderr) = run_chiso(&all);
            assert!(code == 0 || code == 1, "{}: {stderr}", row.name);
            let text = if row.binary {
                let bytes = std::fs::read(&out).unwrap();
                workbook_text(&bytes)
            } else {
                std::fs::read_to_string(&out).unwrap()
            };
            (row.name, text)
        })
        .collect()
}

fn workbook_text(bytes: &[u8]) -> String {
    let mut text = String::new();
    for sheet in chiso_formats::grid::workbook_sheets(bytes).unwrap() {
        if !["Xếp hạng", "Xếp loại", "Không chấm được"].contains(&sheet.name.as_str())
        {
            continue;
        }
        text.push_str(&format!("## {}\n", sheet.name));
        let grid = workbook_grid(bytes, Some(&sheet.name)).unwrap();
        for row in grid.rows() {
            let cells: Vec<String> = row.iter().map(Cell::text).collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
    }
    text
}

#[test]
fn a_sheet_whose_broken_row_swallowed_others_lists_every_unit_in_every_format() {
    // The shared case: row 3 (Đơn vị 00002) opens a quote it never closes. Units 00001 and
    // 00003–00005 are scored; 00002 is named as not scored, with its cell, in every format.
    let csv = format!("{DIR}/unclosed-quote-swallows-rows.csv");
    let outputs = every_format(&["rulesets/dien-bien/huyen-2024.chiso", &csv]);
    assert_eq!(outputs.len(), FORMATS.len());
    for (format, text) in &outputs {
        for unit in 1..=5 {
            let name = format!("Đơn vị 0000{unit}");
            assert!(text.contains(&name), "{format}: {name} missing\n{text}");
        }
        // The broken unit's problem: its code and its cell (row 3, column B), in the reports'
        // Vietnamese.
        assert!(text.contains("D003"), "{format}");
        assert!(text.contains("dòng 3, cột B"), "{format}");
    }
    let get = |name: &str| &outputs.iter().find(|(f, _)| *f == name).unwrap().1;

    // JSON: five objects; the broken one complete: false, unscored, unranked, its problem.
    let json: Json = serde_json::from_str(get("json")).unwrap();
    let units = json.as_array().unwrap();
    assert_eq!(units.len(), 5);
    let bad = units.iter().find(|u| u["unit"] == "Đơn vị 00002").unwrap();
    assert_eq!(bad["complete"], false);
    assert_eq!(bad["scored"], false);
    assert_eq!(bad["rank"], Json::Null);
    assert_eq!(bad["achieved"], Json::Null);
    assert_eq!(bad["percent"], Json::Null);
    let problem = &bad["problems"][0];
    assert_eq!(problem["code"], "D003");
    assert_eq!(problem["row"], 3);
    assert_eq!(problem["column"], "B");
    assert_eq!(problem["header"], "đơn_vị_được_kiểm_tra");
    let ranked = units.iter().filter(|u| u["rank"].is_number()).count();
    assert_eq!(ranked, 4);

    // CSV: one total row per unit, the broken one `not_scored`.
    let totals: Vec<&str> = get("csv")
        .lines()
        .filter(|l| l.contains(",TỔNG,"))
        .collect();
    assert_eq!(totals.len(), 5, "{totals:?}");
    let row = totals
        .iter()
        .find(|l| l.starts_with("Đơn vị 00002"))
        .unwrap();
    assert!(row.contains(",not_scored,"), "{row}");

    // Text and Markdown: a ranking row and a grade table that counts the unit as not graded
    // (4 graded + 1 = 5 units).
    for format in ["table", "markdown"] {
        let text = get(format);
        assert!(text.contains("không chấm được"), "{format}");
        let ungraded = text
            .lines()
            .find(|l| l.contains("Chưa xếp loại"))
            .unwrap_or_else(|| panic!("{format}: {text}"));
        assert!(ungraded
            .trim_end()
            .trim_end_matches('|')
            .trim()
            .ends_with('1'));
    }
    // HTML: a row of the ranking table.
    assert!(get("html").contains("<tr class=\"not-scored\">"));
    // The workbook: the unit in the ranking sheet, its problem in "Không chấm được", and
    // "Chưa xếp loại 1" in the grade sheet.
    let xlsx = get("xlsx");
    assert!(xlsx.contains("## Không chấm được\n"), "{xlsx}");
    assert!(xlsx.contains("Chưa xếp loại\t\t1\n"), "{xlsx}");
}

/// The JSON of `chiso score RULESET DATA…`: every unit's nodes by id as (score, status).
fn scores(json: &Json) -> Vec<(String, Option<Decimal>)> {
    json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["score"].as_str().map(|s| s.parse().unwrap()),
            )
        })
        .collect()
}

/// Every parent's published score is the sum of its children's, and the unit's total the sum
/// of its areas'.
fn assert_adds_up(rs: &Ruleset, json: &Json) {
    let s = scores(json);
    for (i, node) in rs.nodes.iter().enumerate() {
        if node.children.is_empty() {
            continue;
        }
        let sum: Decimal = node.children.iter().filter_map(|&c| s[c].1).sum();
        assert_eq!(s[i].1, Some(sum), "{}", node.id);
    }
    let areas: Decimal = rs.roots.iter().filter_map(|&r| s[r].1).sum();
    assert_eq!(
        json["achieved"]
            .as_str()
            .unwrap()
            .parse::<Decimal>()
            .unwrap(),
        areas
    );
}

fn score_json(ruleset: &str, data: &[&str]) -> Json {
    let mut args = vec!["score", ruleset];
    args.extend_from_slice(data);
    args.extend(["--format", "json"]);
    let (code, stdout, stderr) = run_chiso(&args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

#[test]
fn with_a_total_rounding_every_subtotal_adds_up_the_lines_shown() {
    // Only `rounding total 2` is declared; every leaf is 1/8 × 1 = 0,125 points. Rounding
    // each subtotal from the exact sum would publish 1.1 = 0,13, 1.2 = 0,13 but area 1 =
    // round(0,25) = 0,25. The engine rounds each leaf by the total rounding too (0,125 → 0,13,
    // half up) and adds what it shows: area 1 = 0,13 + 0,13 = 0,26, area 2 = 0,13, total =
    // 0,26 + 0,13 = 0,39. The percentage comes from the unrounded points: 0,375 / 3 = 12,5 %.
    let ruleset = format!("{DIR}/lam-tron-tong.chiso");
    let json = score_json(&ruleset, &[&format!("{DIR}/mot-phan-tam.toml")]);
    let unit = &json[0];
    let rs = chiso::analyze(&read(&ruleset)).ruleset;
    let s = scores(unit);
    let want = [
        ("1", dec!(0.26)),
        ("1.1", dec!(0.13)),
        ("1.1.1", dec!(0.13)),
        ("1.2", dec!(0.13)),
        ("1.2.1", dec!(0.13)),
        ("2", dec!(0.13)),
        ("2.1", dec!(0.13)),
    ];
    let got: Vec<(&str, Decimal)> = s.iter().map(|(id, v)| (id.as_str(), v.unwrap())).collect();
    assert_eq!(got, want);
    assert_eq!(unit["achieved"], "0.39");
    assert_eq!(unit["percent"], "12.5");
    assert_adds_up(&rs, unit);
}

#[test]
fn three_leaves_of_an_eighth_make_0_39_not_0_38() {
    // `rounding score 2` and `rounding total 2`, half up: each leaf 0,125 → 0,13, so the
    // criterion and area are 0,13 × 3 = 0,39 (round(0,375) = 0,38 would not add up). The
    // percentage from the leaves' points: 0,39 / 3 = 13 %.
    let ruleset = format!("{DIR}/lam-tron-diem.chiso");
    let json = score_json(&ruleset, &[&format!("{DIR}/mot-phan-tam.toml")]);
    let unit = &json[0];
    let rs = chiso::analyze(&read(&ruleset)).ruleset;
    let s = scores(unit);
    assert_eq!(s[rs.node_index("1.1").unwrap()].1, Some(dec!(0.39)));
    assert_eq!(s[rs.node_index("1").unwrap()].1, Some(dec!(0.39)));
    for id in ["1.1.1", "1.1.2", "1.1.3"] {
        assert_eq!(s[rs.node_index(id).unwrap()].1, Some(dec!(0.13)), "{id}");
    }
    assert_eq!(unit["achieved"], "0.39");
    assert_eq!(unit["percent"], "13");
    assert_adds_up(&rs, unit);
    // The table a person reads says the same.
    let (_, table, _) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        &ruleset,
        &format!("{DIR}/mot-phan-tam.toml"),
    ]);
    assert!(table.contains("Tổng điểm: 0,39 / 3"), "{table}");
}

#[test]
fn the_bundled_rulesets_still_reproduce_their_seed_figures() {
    // The rulesets' own tests hold the seeds' figures (Kon Rẫy 2023: 90.29/97 and the
    // area results of seed 004; Điện Biên's rule examples). The rounding change must not move
    // any of them.
    let files: Vec<String> = crate::common::ruleset_files()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["test"];
    args.extend(files.iter().map(String::as_str));
    let (code, stdout, stderr) = run_chiso(&args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains(" 0 failed") || stderr.contains(" 0 failed"),
        "{stdout}{stderr}"
    );
}

#[test]
fn an_incomplete_unit_shows_the_points_it_has_never_a_zero_total() {
    // 1.1 = 1/2 × 2 = 1 point; 1.2 (council points) is not given. The unit has 1 point so
    // far, of 3; it is incomplete: no percentage, no grade, no rank. Before, area 1 (waiting
    // for 1.2) counted nothing and the unit showed 0.
    let ruleset = format!("{DIR}/thieu-diem.chiso");
    let data = format!("{DIR}/thieu-diem.toml");
    let outputs = every_format(&[&ruleset, &data]);
    let get = |name: &str| &outputs.iter().find(|(f, _)| *f == name).unwrap().1;
    let json: Json = serde_json::from_str(get("json")).unwrap();
    let unit = &json[0];
    assert_eq!(unit["achieved"], "1");
    assert_eq!(unit["complete"], false);
    assert_eq!(unit["percent"], Json::Null);
    assert_eq!(unit["grade"], Json::Null);
    assert_eq!(unit["missing"][0]["name"], "1.2");
    let total = get("csv")
        .lines()
        .find(|l| l.contains(",TỔNG,"))
        .unwrap()
        .to_string();
    // unit, id, title, level, max, score, status, reason, lost, percent, grade
    assert_eq!(total, "UBND huyện Thiếu Điểm,,TỔNG,unit,3,1,incomplete,,,,");
    for format in ["table", "markdown"] {
        assert!(
            get(format).contains("Tổng điểm: 1 (chưa đủ số liệu: điểm đã chấm được) / 3"),
            "{format}: {}",
            get(format)
        );
    }
    assert!(!get("table").contains("Tổng điểm: 0 /"));
}

#[test]
fn each_stage_is_shown_over_what_it_scores_while_the_survey_is_pending() {
    // Self: 9/10 × 3 = 2,7 of the 3 self-assessed points → 90 % (Tốt); appraised: 8/10 × 3 =
    // 2,4 → 80 % (Khá). The survey's 1 point is given by neither stage: it is named apart,
    // never a reason to blank the self total ("— / 3 (—)").
    let ruleset = format!("{DIR}/hai-giai-doan.chiso");
    let self_file = format!("{DIR}/hai-giai-doan-tu-danh-gia.toml");
    let appraised_file = format!("{DIR}/hai-giai-doan-tham-dinh.toml");
    let outputs = every_format(&[&ruleset, &self_file, &appraised_file]);
    let get = |name: &str| &outputs.iter().find(|(f, _)| *f == name).unwrap().1;
    let json: Json = serde_json::from_str(get("json")).unwrap();
    let c = &json[0]["comparison"];
    assert_eq!(c["self_total"], "2.7");
    assert_eq!(c["self_max"], "3");
    assert_eq!(c["self_percent"], "90");
    assert_eq!(c["self_survey"], "1");
    assert_eq!(c["appraised_total"], "2.4");
    assert_eq!(c["appraised_max"], "3");
    assert_eq!(c["appraised_percent"], "80");
    assert_eq!(c["appraised_survey"], "1");
    for format in ["table", "markdown", "html"] {
        let text = get(format);
        // People read a decimal comma (issue 11): text and Markdown show the points as
        // computed, the HTML report percentages with the two places of the ruleset's rounding.
        let (self_total, appraised_total) = match format {
            "html" => ("2,7 / 3 (90,00%)", "2,4 / 3 (80,00%)"),
            _ => ("2,7 / 3 (90%)", "2,4 / 3 (80%)"),
        };
        assert!(text.contains(self_total), "{format}: {text}");
        assert!(text.contains(appraised_total), "{format}");
        assert!(!text.contains("— / 3 (—)"), "{format}");
        assert!(
            text.contains(
                "Chờ điều tra XHH (ngoài tổng trên): tự đánh giá 1 điểm; thẩm định 1 điểm."
            ),
            "{format}"
        );
    }
}

// ── A province of 10 000 units with 2 % of its rows broken ──────────────────────────────

/// Ways a row is broken, each with the column it breaks (`None`: the unit name, column B).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fault {
    /// The unit's name is blank.
    BlankName,
    /// Text in a count column.
    Text,
    /// A negative count.
    Negative,
    /// A numerator above its denominator (a rule cannot score it).
    NumeratorAbove,
    /// The name of another unit, given again.
    Duplicate,
    /// A quote opened and never closed.
    UnclosedQuote,
    /// A figure left empty (the unit is incomplete).
    Empty,
    /// Points over the criterion's maximum in a points column (a percentage over 100 % of it).
    PointsOverMax,
    /// A date in a count column.
    Date,
    /// A fraction in a count column.
    Fraction,
    /// A number with words after it.
    Words,
    /// A percent sign in a count column.
    Percent,
    /// An invisible zero-width space inside a count (pasted from a web page).
    ZeroWidth,
    /// A stage word the ruleset does not know.
    UnknownStage,
    /// A range typed where one figure belongs.
    Range,
}

const FAULTS: [Fault; 15] = [
    Fault::BlankName,
    Fault::Text,
    Fault::Negative,
    Fault::NumeratorAbove,
    Fault::Duplicate,
    Fault::UnclosedQuote,
    Fault::Empty,
    Fault::PointsOverMax,
    Fault::Date,
    Fault::Fraction,
    Fault::Words,
    Fault::Percent,
    Fault::ZeroWidth,
    Fault::UnknownStage,
    Fault::Range,
];

pub(crate) struct Province {
    rows: Vec<Vec<String>>,
    /// Per unit (row index − 1): its level p, and its fault.
    units: Vec<(u32, Option<Fault>)>,
    /// The 0-based column each faulty row breaks, by row index.
    columns: Vec<Option<usize>>,
}

fn unit_name(i: usize) -> String {
    format!("Xã {:05}", i + 1)
}

/// `n` units, one appraisal row each; every 50th row (2 %) broken, the faults in turn.
pub(crate) fn province(rs: &Ruleset, n: usize) -> Province {
    let roles = roles(rs);
    let points = awarded(rs);
    let mut header = vec!["STT".to_string(), "Đơn vị".into(), "Giai đoạn".into()];
    header.extend(rs.inputs.iter().map(|i| i.name.clone()));
    header.extend(points.iter().map(|&n| rs.nodes[n].id.clone()));
    let first_input = 3;
    let first_points = first_input + rs.inputs.len();
    let slot = |name: &str| first_input + rs.input_index(name).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut rows = vec![header];
    let mut units = Vec::new();
    let mut columns = vec![None];
    for i in 0..n {
        // Levels 30–100, so every grade band is used.
        let p = 30 + rng.below(71) as u32;
        let mut r = vec![(i + 1).to_string(), unit_name(i), "thẩm định".into()];
        for s in 0..rs.inputs.len() {
            r.push(input_value(rs, &roles, s, p));
        }
        for &node in &points {
            r.push(share(p, rs.nodes[node].max).to_string().replace('.', ","));
        }
        let fault = (i % 50 == 17).then(|| FAULTS[(i / 50) % FAULTS.len()]);
        let column = fault.map(|f| match f {
            Fault::BlankName => {
                r[1] = String::new();
                1
            }
            Fault::Text => {
                let c = slot("hồ_sơ_huyện_đúng_hạn");
                r[c] = "không rõ".into();
                c
            }
            Fault::Negative => {
                let c = slot("tổng_số_đơn_vị");
                r[c] = "-5".into();
                c
            }
            Fault::NumeratorAbove => {
                let c = slot("hồ_sơ_trực_tuyến");
                r[c] = "5000".into();
                c
            }
            Fault::Duplicate => {
                // The name of the unit just before: its second row.
                r[1] = unit_name(i - 1);
                1
            }
            Fault::UnclosedQuote => {
                let c = slot("đơn_vị_được_kiểm_tra");
                r[c] = format!("\"{}", r[c]);
                c
            }
            Fault::Empty => {
                let c = slot("hồ_sơ_tiếp_nhận");
                r[c] = String::new();
                c
            }
            Fault::PointsOverMax => {
                let c = first_points;
                r[c] = "150".into();
                c
            }
            Fault::Date => {
                let c = slot("tổng_số_xã");
                r[c] = "12/05/2024".into();
                c
            }
            Fault::Fraction => {
                let c = slot("tổng_số_văn_bản_đi");
                r[c] = "1/2".into();
                c
            }
            Fault::Words => {
                let c = slot("tổng_số_máy_trạm");
                r[c] = "120 máy".into();
                c
            }
            Fault::Percent => {
                let c = slot("tổng_số_dvctt");
                r[c] = "120%".into();
                c
            }
            Fault::ZeroWidth => {
                let c = slot("tổng_số_cán_bộ_xã");
                r[c] = format!("1\u{200B}{}", r[c]);
                c
            }
            Fault::UnknownStage => {
                r[2] = "kiểm tra".into();
                2
            }
            Fault::Range => {
                let c = slot("tổng_số_công_chức_xã");
                r[c] = "10-12".into();
                c
            }
        });
        rows.push(r);
        units.push((p, fault));
        columns.push(column);
    }
    Province {
        rows,
        units,
        columns,
    }
}

/// The province as CSV text as a spreadsheet writes it (`;`), except the unclosed quotes,
/// written raw so they stay unclosed.
pub(crate) fn province_csv(p: &Province) -> String {
    let mut out = String::new();
    for row in &p.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                if c.starts_with('"') || !c.contains(';') {
                    c.clone()
                } else {
                    format!("\"{c}\"")
                }
            })
            .collect();
        out.push_str(&cells.join(";"));
        out.push('\n');
    }
    out
}

fn province_xlsx(p: &Province) -> Vec<u8> {
    province::rows_xlsx(&p.rows, None)
}

/// Scores a grid and checks: every good unit scores what its level says, every broken row is
/// named with its row (and its column where the fault is in one cell), and every unit is in
/// the batch — scored, or not scored with its problems.
fn check(rs: &Ruleset, p: &Province, grid: chiso_formats::sheet::Grid, file: &str) -> batch::Batch {
    let sheet = Sheet::new(rs, grid, SheetOptions::default());
    let units = SheetUnits::new(file, sheet);
    let b = batch::score(rs, &units, &mut |_| {});
    let n = p.units.len();
    // Every row is a unit of the batch, scored or not.
    assert_eq!(b.units.len() + b.not_scored.len(), n, "{file}");
    let bad = p.units.iter().filter(|(_, f)| f.is_some()).count();
    assert_eq!(bad, n / 50, "{file}: 2 % of the rows are broken");
    // Each broken row: a problem placed on its row (the spreadsheet's number: row index + 1),
    // and on its column when the fault is one cell's.
    for (i, (_, fault)) in p.units.iter().enumerate() {
        let Some(fault) = fault else { continue };
        let row = i + 2;
        let column = p.columns[i + 1].unwrap();
        let here: Vec<&batch::Problem> = b
            .problems
            .iter()
            .filter(|pr| match &pr.place {
                chiso::place::Place::Cell { row: r, .. } => *r == row,
                _ => false,
            })
            .collect();
        assert!(
            !here.is_empty(),
            "{file}: row {row} ({fault:?}) is not named"
        );
        let cell_named = here.iter().any(|pr| {
            matches!(&pr.place, chiso::place::Place::Cell { column: Some(c), .. } if *c == column)
        });
        // The column's header in the place, the message or the help (any case).
        let header = p.rows[0][column].to_lowercase();
        let column_named = here.iter().any(|pr| {
            let help = pr
                .diagnostic
                .help
                .as_ref()
                .map(|h| h.en_str())
                .unwrap_or_default();
            [pr.diagnostic.message.en_str(), help, &pr.place.to_string()]
                .iter()
                .any(|t| t.to_lowercase().contains(&header))
        });
        match fault {
            // A rule that cannot score the figures, a figure left empty, a name given twice:
            // the row is named, and the message names the input (the column's header).
            Fault::NumeratorAbove | Fault::Empty => {
                assert!(column_named, "{file}: row {row} ({fault:?}): {here:?}")
            }
            Fault::Duplicate => assert!(
                here.iter().any(|pr| pr.diagnostic.code == "D013"),
                "{file}: row {row}: {here:?}"
            ),
            _ => assert!(
                cell_named || column_named,
                "{file}: row {row} ({fault:?}) does not name column {column}: {here:?}"
            ),
        }
    }
    // Every good unit scores what its level says (the province test's hand computation).
    // The first row of each name counts (a name given again is not scored: D013).
    let by_name: std::collections::HashMap<&str, &batch::Scored> =
        b.units.iter().rev().map(|u| (u.unit(), u)).collect();
    for (i, (level, fault)) in p.units.iter().enumerate() {
        if fault.is_some() {
            continue;
        }
        let unit = by_name
            .get(unit_name(i).as_str())
            .unwrap_or_else(|| panic!("{file}: {} not scored", unit_name(i)));
        assert_eq!(unit.result.stage, Stage::Appraised);
        let want = province::expected(rs, *level);
        assert_eq!(unit.result.achieved, want.total, "{file}: {}", unit_name(i));
        assert_eq!(
            unit.result.percent,
            Some(want.total),
            "{file}: {}",
            unit_name(i)
        );
    }
    // The grade table counts every unit.
    let ranking = rank(&b);
    let counted: usize = grade_counts(rs, &ranking).iter().map(|g| g.count).sum();
    assert_eq!(counted, n, "{file}");
    b
}

/// Every unit of the batch is an entry of each report format.
/// Checks that every unit of `b` (n in all) appears in each format's report, and what each
/// format says of the units not scored. Each report is written to a file and read back as
/// it streams (line by line; JSON element by element): a 10,000-unit report runs to
/// hundreds of megabytes, and held whole in memory these tests took ~6.7 GB each.
fn check_outputs(rs: &Ruleset, b: &batch::Batch, n: usize, formats: &[Format]) {
    use std::io::{BufRead, BufReader, BufWriter, Write};
    let report = BatchReport::new(rs, b, &[]);
    let names: Vec<String> = b
        .units
        .iter()
        .map(|u| u.unit().to_string())
        .chain(b.not_scored.iter().map(|u| u.label()))
        .collect();
    assert_eq!(names.len(), n);
    let dir = tempfile::tempdir().unwrap();
    for &format in formats {
        let path = dir
            .path()
            .join(format!("report.{}", format.info().extensions[0]));
        let mut file = BufWriter::new(std::fs::File::create(&path).unwrap());
        format.write(&report, &mut file).unwrap();
        file.flush().unwrap();
        drop(file);
        let lines = || BufReader::new(std::fs::File::open(&path).unwrap()).lines();
        match format {
            Format::Json => {
                // The array read one element at a time: each unit's object whole, never the
                // report.
                let reader = BufReader::new(std::fs::File::open(&path).unwrap());
                let mut units = 0;
                let mut not_scored = 0;
                let mut listed = HashSet::new();
                each_json_element(reader, |u| {
                    units += 1;
                    listed.insert(u["unit"].as_str().map(str::to_string));
                    if u["scored"] == false {
                        not_scored += 1;
                        assert_eq!(u["complete"], false);
                        assert!(!u["problems"].as_array().unwrap().is_empty(), "{u}");
                    }
                });
                assert_eq!(units, n);
                assert_eq!(not_scored, b.not_scored.len());
                // Every scored unit by its name (a unit not scored may have none).
                for u in &b.units {
                    assert!(
                        listed.contains(&Some(u.unit().to_string())),
                        "json: {}",
                        u.unit()
                    );
                }
            }
            Format::Csv | Format::CsvVi => {
                let sep = if format == Format::Csv { ',' } else { ';' };
                let (total, not_scored_cell) = (
                    format!("{sep}TỔNG{sep}unit{sep}"),
                    format!("{sep}not_scored{sep}"),
                );
                let (mut totals, mut not_scored) = (0, 0);
                for line in lines() {
                    let line = line.unwrap();
                    totals += usize::from(line.contains(&total));
                    not_scored += usize::from(line.contains(&not_scored_cell));
                }
                assert_eq!(totals, n);
                assert_eq!(not_scored, b.not_scored.len());
            }
            Format::Xlsx => {
                // The workbook is one zip (tens of megabytes): read whole, its ranking sheet
                // only.
                let bytes = std::fs::read(&path).unwrap();
                let grid = workbook_grid(&bytes, Some("Xếp hạng")).unwrap();
                let listed: HashSet<String> = grid
                    .rows()
                    .map(|r| r.get(1).map(Cell::text).unwrap_or_default())
                    .collect();
                for name in &names {
                    assert!(listed.contains(name), "xlsx: {name}");
                }
            }
            Format::Table | Format::Markdown | Format::Html => {
                // The names the text shows ("Xã 00001"), collected line by line; the few
                // other names (a unit not scored without a name is shown by its place)
                // looked for in each line until found.
                let mut shown: HashSet<String> = HashSet::new();
                let mut pending: Vec<&str> = names
                    .iter()
                    .filter(|name| !name.starts_with("Xã "))
                    .map(String::as_str)
                    .collect();
                for line in lines() {
                    let line = line.unwrap();
                    for (at, _) in line.match_indices("Xã ") {
                        if let Some(name) = line.get(at..at + "Xã 00000".len()) {
                            if !shown.contains(name) {
                                shown.insert(name.to_string());
                            }
                        }
                    }
                    pending.retain(|name| !line.contains(name));
                }
                for name in names.iter().filter(|name| name.starts_with("Xã ")) {
                    assert!(shown.contains(name.as_str()), "{format:?}: {name}");
                }
                assert!(pending.is_empty(), "{format:?}: {pending:?}");
            }
        }
        std::fs::remove_file(&path).unwrap();
    }
}

/// Calls `check` with each element of the JSON array `reader` holds, parsing one element at
/// a time (the whole text must be one array).
fn each_json_element(reader: impl std::io::Read, check: impl FnMut(Json)) {
    use serde::de::{Deserializer, SeqAccess, Visitor};
    struct Each<F>(F);
    impl<'de, F: FnMut(Json)> Visitor<'de> for Each<F> {
        type Value = ();
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON array")
        }
        fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
            while let Some(element) = seq.next_element::<Json>()? {
                (self.0)(element);
            }
            Ok(())
        }
    }
    let mut de = serde_json::Deserializer::from_reader(reader);
    de.deserialize_seq(Each(check)).unwrap();
    de.end().unwrap();
}

#[test]
fn ten_thousand_units_with_two_percent_broken_rows_from_csv() {
    let rs = province::ruleset();
    let p = province(&rs, 10_000);
    let b = check(&rs, &p, text_grid(&province_csv(&p)), "tinh.csv");
    // 200 rows broken: 15 kinds in turn. Not scored: blank name, text, negative, duplicate,
    // unclosed quote, points over the maximum, date, fraction, words, percent, zero-width
    // space, unknown stage, range (13 of 15);
    // the numerator above its denominator and the empty figure are scored but incomplete.
    let kinds = |f: Fault| p.units.iter().filter(|(_, x)| *x == Some(f)).count();
    let incomplete = kinds(Fault::NumeratorAbove) + kinds(Fault::Empty);
    assert_eq!(b.not_scored.len(), 200 - incomplete);
    assert_eq!(
        b.units.iter().filter(|u| !u.result.is_complete()).count(),
        incomplete
    );
    // Every unit in every format, at full size: the text formats here, JSON and the workbook
    // in the workbook test (the two run side by side).
    check_outputs(
        &rs,
        &b,
        10_000,
        &[Format::Csv, Format::Table, Format::Markdown, Format::Html],
    );
}

#[test]
fn ten_thousand_units_with_two_percent_broken_rows_from_a_workbook() {
    let rs = province::ruleset();
    let p = province(&rs, 10_000);
    let grid = workbook_grid(&province_xlsx(&p), None).unwrap();
    let b = check(&rs, &p, grid, "tinh.xlsx");
    check_outputs(&rs, &b, 10_000, &[Format::Json, Format::Xlsx]);
}

#[test]
fn each_json_report_is_exactly_serde_json_pretty_text_of_its_own_value() {
    // The JSON writer writes what repeats in every unit (each node's id, title, owner,
    // references) once per report and the rest around serde_json (issue 10). Whatever it
    // writes must be the bytes serde_json's pretty printer gives for the same value (keys in
    // order), whichever parts a report has: bonus and penalty items, not evaluated and
    // missing data (adjust); groups, appraisal rounds and last year (nhom-vong); one unit
    // alone, the plain array (kon-tum); a unit not scored (outputs).
    let cases: [&[&str]; 4] = [
        &[
            "tests/fixtures/adjust/thuong-tru.chiso",
            "tests/fixtures/adjust/data",
        ],
        &[
            "tests/fixtures/nhom-vong/tinh-2023.chiso",
            "tests/fixtures/nhom-vong/tinh-2023.csv",
            "--previous",
            "tests/fixtures/nhom-vong/tinh-2022.json",
        ],
        &[
            "rulesets/kon-tum/huyen-2023-trich.chiso",
            "rulesets/kon-tum/data/kon-ray-2023.toml",
        ],
        &[
            "rulesets/dien-bien/huyen-2024.chiso",
            "tests/fixtures/outputs/unclosed-quote-swallows-rows.csv",
        ],
    ];
    for args in cases {
        let mut all = vec!["score"];
        all.extend_from_slice(args);
        all.extend(["--format", "json"]);
        let (code, stdout, stderr) = run_chiso(&all);
        assert!(code == 0 || code == 1, "{args:?}: {stderr}");
        let value: Json = serde_json::from_str(&stdout).unwrap();
        assert!(!value.as_array().unwrap().is_empty(), "{args:?}");
        let mut pretty = serde_json::to_string_pretty(&value).unwrap();
        pretty.push('\n');
        assert!(stdout == pretty, "{args:?}: not serde_json's pretty text");
    }
}
