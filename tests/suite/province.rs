//! End to end: a province of 30 units under the Điện Biên 2024 district ruleset, generated
//! here as one sheet (CSV and .xlsx), scored, ranked and graded; a unit with bad data and one
//! with missing data are reported while the others finish; five units also have a
//! self-assessment, compared with their appraisal.
//!
//! Each unit has a performance level p (percent): every ratio's numerator is p of a
//! denominator of 100, the council and surveys give p% of each maximum (rounded to two places,
//! half up, as the ruleset rounds scores). Expected points are computed here from p and the
//! maxima, with the ruleset's three band/count rules (1.3.1, 1.5.2, 5.7.2) written out by hand.

use crate::common::{read, run_chiso};
use chiso::batch::stages::compare_batch;
use chiso::batch::{self, grade_counts, rank};
use chiso::data::Stage;
use chiso::model::{CExpr, CExprKind, Func, Rule, Ruleset};
use chiso_formats::grid::{text_grid, workbook_grid};
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;
use std::collections::BTreeMap;

pub const RULESET: &str = "rulesets/dien-bien/huyen-2024.chiso";

/// Performance levels of the 30 units. Equal levels tie.
pub const LEVELS: [u32; 30] = [
    100, 95, 95, 90, 88, 86, 85, 85, 84, 80, 78, 75, 74, 70, 65, 60, 55, 50, 49, 45, 40, 39, 35,
    30, 92, 77, 52, 41, 90, 66,
];
/// Unit 29 (index 28) has text in a count column; unit 30 (index 29) leaves a figure empty.
const BAD: usize = 28;
const INCOMPLETE: usize = 29;
/// Units with a self-assessment as well (their self figures are 5 points better, and they
/// claim full marks for 7.2.2).
const SELF_ASSESSED: [usize; 5] = [0, 3, 9, 15, 22];

pub fn ruleset() -> Ruleset {
    let analysis = chiso::analyze(&read(RULESET));
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    analysis.ruleset
}

pub fn unit_name(i: usize) -> String {
    format!("Đơn vị {:02}", i + 1)
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

pub(crate) fn share(p: u32, max: Decimal) -> Decimal {
    round2(Decimal::from(p) * max / dec!(100))
}

/// Which inputs are ratio numerators (true) and denominators (false), read from the rules.
pub(crate) fn roles(rs: &Ruleset) -> BTreeMap<usize, bool> {
    fn walk(e: &CExpr, numerator: Option<bool>, out: &mut BTreeMap<usize, bool>) {
        match &e.kind {
            CExprKind::Input(slot) => {
                if let Some(n) = numerator {
                    out.insert(*slot, n);
                }
            }
            CExprKind::Call(Func::Ratio, args) => {
                walk(&args[0], Some(true), out);
                walk(&args[1], Some(false), out);
            }
            _ => e.for_each_child(&mut |child| walk(child, numerator, out)),
        }
    }
    let mut out = BTreeMap::new();
    for node in &rs.nodes {
        if let Some(Rule::Formula(e)) = &node.rule {
            walk(e, None, &mut out);
        }
    }
    out
}

/// The figure a unit at level p gives for an input.
pub(crate) fn input_value(
    rs: &Ruleset,
    roles: &BTreeMap<usize, bool>,
    slot: usize,
    p: u32,
) -> String {
    match rs.inputs[slot].name.as_str() {
        "nhiệm_vụ_trễ_hạn" | "nhiệm_vụ_chưa_đến_hạn" => "0".into(),
        "số_hình_thức_tuyên_truyền" => (p / 25).to_string(),
        // A sum of money in a decimal column, written with a decimal comma.
        "thu_ngân_sách" => format!("{},0", p * 10),
        "dự_toán_thu_ngân_sách" => "1000".into(),
        // Counts out of 1.000, thousands grouped with a point as Vietnamese sheets write them.
        name => match roles.get(&slot) {
            Some(true) if p == 100 => "1.000".into(),
            Some(true) => (p * 10).to_string(),
            Some(false) => "1.000".into(),
            None => panic!("the generator does not know how to fill input `{name}`"),
        },
    }
}

/// The leaves that points are given for (council, surveys).
pub(crate) fn awarded(rs: &Ruleset) -> Vec<usize> {
    rs.nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| matches!(n.rule, Some(Rule::Awarded)))
        .map(|(i, _)| i)
        .collect()
}

/// The expected points of a leaf for a unit at level p.
fn expected_leaf(rs: &Ruleset, node: usize, p: u32) -> Decimal {
    let n = &rs.nodes[node];
    match n.id.as_str() {
        "1.3.1" => match p {
            30.. => n.max,
            20..30 => n.max / dec!(2),
            _ => Decimal::ZERO,
        },
        "1.5.2" => (Decimal::from(p / 25) * dec!(0.25)).min(n.max),
        "5.7.2" => match p {
            100.. => n.max,
            80..100 => n.max / dec!(2),
            _ => Decimal::ZERO,
        },
        _ => share(p, n.max),
    }
}

pub struct Expected {
    pub total: Decimal,
    pub areas: Vec<Decimal>,
}

pub fn expected(rs: &Ruleset, p: u32) -> Expected {
    let mut areas = Vec::new();
    for &root in &rs.roots {
        let mut sum = Decimal::ZERO;
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            if rs.nodes[i].rule.is_some() {
                sum += expected_leaf(rs, i, p);
            } else {
                stack.extend(rs.nodes[i].children.iter().copied());
            }
        }
        areas.push(sum);
    }
    Expected {
        total: areas.iter().sum(),
        areas,
    }
}

/// The province as rows of cells: a header, then per unit an appraisal row (and for five
/// units a self-assessment row first).
pub fn province_rows(rs: &Ruleset) -> Vec<Vec<String>> {
    let roles = roles(rs);
    let points = awarded(rs);
    let i722 = rs.node_index("7.2.2").unwrap();
    let mut header = vec!["STT".to_string(), "Đơn vị".into(), "Giai đoạn".into()];
    header.extend(rs.inputs.iter().map(|i| i.name.clone()));
    header.extend(points.iter().map(|&n| rs.nodes[n].id.clone()));
    header.push("tự chấm 7.2.2".into());
    header.push("ghi chú 7.2.2".into());
    let mut rows = vec![header];
    let decimal = |d: Decimal| d.normalize().to_string().replace('.', ",");
    let mut row = |i: usize, stage: Stage, p: u32| {
        let mut r = vec![(rows.len()).to_string(), unit_name(i)];
        r.push(if stage == Stage::Appraised {
            "thẩm định".into()
        } else {
            "tự đánh giá".into()
        });
        for slot in 0..rs.inputs.len() {
            let mut v = input_value(rs, &roles, slot, p);
            if i == BAD && rs.inputs[slot].name == "hồ_sơ_huyện_đúng_hạn" {
                v = "không rõ".into();
            }
            if i == INCOMPLETE && rs.inputs[slot].name == "hồ_sơ_tiếp_nhận" {
                v = String::new();
            }
            r.push(v);
        }
        for &n in &points {
            r.push(decimal(share(p, rs.nodes[n].max)));
        }
        match stage {
            Stage::SelfAssessment => {
                r.push(decimal(rs.nodes[i722].max));
                r.push(String::new());
            }
            _ => {
                r.push(String::new());
                r.push(if SELF_ASSESSED.contains(&i) {
                    "Số hồ sơ trực tuyến theo Hệ thống thông tin giải quyết TTHC".into()
                } else {
                    String::new()
                });
            }
        }
        rows.push(r);
    };
    for (i, &p) in LEVELS.iter().enumerate() {
        if SELF_ASSESSED.contains(&i) {
            row(i, Stage::SelfAssessment, (p + 5).min(100));
        }
        row(i, Stage::Appraised, p);
    }
    rows
}

pub fn province_csv(rs: &Ruleset) -> String {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    for r in province_rows(rs) {
        w.write_record(&r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

/// The same province as a workbook: numbers typed as numbers, text as text.
pub fn province_xlsx(rs: &Ruleset) -> Vec<u8> {
    rows_xlsx(&province_rows(rs), Some("Tỉnh"))
}

/// Rows as a one-sheet workbook: a cell that reads as a number (`1.253,5` style) below the
/// header and outside the unit-name column is typed as a number, the rest as text.
pub(crate) fn rows_xlsx(rows: &[Vec<String>], name: Option<&str>) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    // Rows streamed to a temporary file as written (in order), the strings shared as Excel
    // shares them: a 10,000-unit province's workbook took ~220 MB to build in memory.
    let sheet = wb.add_worksheet_with_low_memory();
    if let Some(name) = name {
        sheet.set_name(name).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let as_number = cell.replace('.', "").replace(',', ".");
            match as_number.parse::<f64>() {
                Ok(n) if r > 0 && c != 1 => sheet.write_number(r as u32, c as u16, n).map(|_| ()),
                _ => sheet.write_string(r as u32, c as u16, cell).map(|_| ()),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn check_province(rs: &Ruleset, b: &batch::Batch, file: &str) {
    // 30 appraisals + 5 self-assessments; one appraisal row has bad data.
    assert_eq!(b.not_scored.len(), 1, "{file}");
    assert_eq!(
        b.not_scored[0].unit.as_deref(),
        Some(unit_name(BAD).as_str())
    );
    let bad_problem = b
        .problems
        .iter()
        .find(|p| p.unit.as_deref() == Some(unit_name(BAD).as_str()) && p.diagnostic.is_error())
        .unwrap();
    // 0-based: the inputs start at column E.
    let column = 3 + rs.input_index("hồ_sơ_huyện_đúng_hạn").unwrap();
    // Row of unit 29: header + its index + the self rows before it.
    let self_rows_before = SELF_ASSESSED.iter().filter(|&&s| s <= BAD).count();
    let row = 2 + BAD + self_rows_before;
    match &bad_problem.place {
        chiso::place::Place::Cell {
            file: f,
            row: r,
            column: c,
            header,
            ..
        } => {
            assert_eq!((f.as_str(), *r, *c), (file, row, Some(column)));
            assert_eq!(header.as_deref(), Some("hồ_sơ_huyện_đúng_hạn"));
        }
        other => panic!("{file}: {other:?}"),
    }
    assert_eq!(
        bad_problem.place.within(),
        format!(
            "row {row}, column {} (hồ_sơ_huyện_đúng_hạn)",
            chiso::place::column_name(column)
        ),
        "{file}"
    );
    assert_eq!(b.units.len(), 34, "{file}");
    let incomplete = b.find(&unit_name(INCOMPLETE), Stage::Appraised).unwrap();
    assert!(!incomplete.result.is_complete());
    assert_eq!(incomplete.result.missing.len(), 1);
    assert!(b.has_failures());

    // Every complete appraisal scores what the levels say.
    for (i, &p) in LEVELS.iter().enumerate() {
        if i == BAD || i == INCOMPLETE {
            continue;
        }
        let unit = b.find(&unit_name(i), Stage::Appraised).unwrap();
        let want = expected(rs, p);
        assert_eq!(
            unit.result.achieved,
            want.total,
            "{} (p = {p})",
            unit_name(i)
        );
        assert_eq!(unit.result.max, dec!(100));
        assert_eq!(unit.result.percent, Some(want.total), "{}", unit_name(i));
        for (area, want_area) in unit.areas.iter().zip(&want.areas) {
            assert_eq!(
                area.achieved,
                Some(*want_area),
                "{} area {}",
                unit_name(i),
                rs.nodes[area.node].id
            );
            let want_percent = round2(*want_area * dec!(100) / area.max);
            assert_eq!(area.percent, Some(want_percent));
        }
    }

    // Ranking: by percent, equal percents share a rank and the next rank is skipped.
    let ranking = rank(b);
    assert_eq!(ranking.stage, Stage::Appraised);
    let mut want: Vec<(Decimal, String)> = LEVELS
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != BAD && *i != INCOMPLETE)
        .map(|(i, &p)| (expected(rs, p).total, unit_name(i)))
        .collect();
    want.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let got: Vec<(Option<usize>, String)> = ranking
        .rows
        .iter()
        .map(|r| (r.rank, b.units[r.unit].unit().to_string()))
        .collect();
    assert_eq!(got.len(), 29);
    for (k, (percent, name)) in want.iter().enumerate() {
        let rank = 1 + want.iter().filter(|(p, _)| p > percent).count();
        assert_eq!(got[k], (Some(rank), name.clone()), "position {k}");
    }
    assert_eq!(got[28], (None, unit_name(INCOMPLETE)));
    // Levels 95 (units 02, 03) and 85 (units 07, 08) tie; the next rank is skipped.
    let rank_of = |i: usize| {
        ranking
            .rows
            .iter()
            .find(|r| b.units[r.unit].unit() == unit_name(i))
            .and_then(|r| r.rank)
    };
    assert_eq!(rank_of(0), Some(1));
    assert_eq!(rank_of(1), Some(2));
    assert_eq!(rank_of(2), Some(2));
    assert_eq!(rank_of(24), Some(4)); // p = 92
    assert_eq!(rank_of(3), Some(5)); // p = 90
    assert_eq!(rank_of(6), rank_of(7));
    assert_eq!(rank_of(8), rank_of(7).map(|r| r + 2));

    // Grade counts with Điện Biên's bands (≥85 Tốt, 75–85 Khá, 50–75 TB, 40–50 Yếu, <40 Kém).
    let mut want_counts = [0usize; 5];
    for (i, &p) in LEVELS.iter().enumerate() {
        if i == BAD || i == INCOMPLETE {
            continue;
        }
        let t = expected(rs, p).total;
        let g = if t >= dec!(85) {
            0
        } else if t >= dec!(75) {
            1
        } else if t >= dec!(50) {
            2
        } else if t >= dec!(40) {
            3
        } else {
            4
        };
        want_counts[g] += 1;
    }
    let counts = grade_counts(rs, &ranking);
    let got_counts: Vec<(Option<String>, usize)> =
        counts.iter().map(|g| (g.grade.clone(), g.count)).collect();
    assert_eq!(
        got_counts,
        vec![
            (Some("Tốt".into()), want_counts[0]),
            (Some("Khá".into()), want_counts[1]),
            (Some("Trung bình".into()), want_counts[2]),
            (Some("Yếu".into()), want_counts[3]),
            (Some("Kém".into()), want_counts[4]),
            // Unit 30 (incomplete) and unit 29 (not scored): all 30 units are counted.
            (None, 2),
        ]
    );
    assert_eq!(want_counts.iter().sum::<usize>(), 28);
    assert!(
        want_counts.iter().all(|&c| c > 0),
        "every band is used: {want_counts:?}"
    );

    // Self-assessment against appraisal for the five self-assessed units.
    let comparisons = compare_batch(rs, b);
    assert_eq!(comparisons.len(), 5);
    let i722 = rs.node_index("7.2.2").unwrap();
    for c in &comparisons {
        let i = (1..=30).find(|k| unit_name(k - 1) == c.unit).unwrap() - 1;
        let p = LEVELS[i];
        let p_self = (p + 5).min(100);
        let row = &c.rows[i722];
        // Claimed 1 (full marks); computed from the self figures: p_self% of 1.
        assert_eq!(row.claimed, Some(dec!(1)));
        assert_eq!(row.computed, Some(share(p_self, dec!(1))));
        assert_eq!(row.flagged, p_self < 100, "{}", c.unit);
        assert_eq!(row.appraised, Some(share(p, dec!(1))));
        assert_eq!(row.difference, Some(share(p, dec!(1)) - dec!(1)));
        assert_eq!(
            row.note.as_deref(),
            Some("Số hồ sơ trực tuyến theo Hệ thống thông tin giải quyết TTHC")
        );
        // Totals: the self total counts the claim instead of the computed 7.2.2.
        let self_total = expected(rs, p_self).total - share(p_self, dec!(1)) + dec!(1);
        assert_eq!(c.self_total, Some(self_total), "{}", c.unit);
        assert_eq!(c.appraised_total, Some(expected(rs, p).total));
        assert_eq!(
            c.total_difference(),
            Some(expected(rs, p).total - self_total)
        );
        assert_eq!(c.flags, usize::from(p_self < 100));
    }
    // The ranking uses the appraisal, never the self-assessment.
    assert!(ranking
        .rows
        .iter()
        .all(|r| b.units[r.unit].result.stage == Stage::Appraised));
}

fn score_grid(rs: &Ruleset, grid: chiso_formats::sheet::Grid, file: &str) -> batch::Batch {
    let sheet = Sheet::new(rs, grid, SheetOptions::default());
    assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
    let units = SheetUnits::new(file, sheet);
    batch::score(rs, &units, &mut |_| {})
}

#[test]
fn a_province_of_thirty_units_from_csv() {
    let rs = ruleset();
    let b = score_grid(&rs, text_grid(&province_csv(&rs)), "tinh.csv");
    check_province(&rs, &b, "tinh.csv");
}

#[test]
fn the_same_province_from_a_workbook() {
    let rs = ruleset();
    let bytes = province_xlsx(&rs);
    let grid = workbook_grid(&bytes, Some("tỉnh")).unwrap();
    let b = score_grid(&rs, grid, "tinh.xlsx");
    check_province(&rs, &b, "tinh.xlsx");
    // And it agrees with the CSV unit by unit.
    let from_csv = score_grid(&rs, text_grid(&province_csv(&rs)), "tinh.csv");
    for (x, c) in b.units.iter().zip(&from_csv.units) {
        assert_eq!(
            (x.unit(), x.result.achieved, x.result.percent),
            (c.unit(), c.result.achieved, c.result.percent)
        );
    }
    // The same problems, at the same places (row, column, header), in the same words.
    let problems = |b: &batch::Batch, file: &str| -> Vec<String> {
        b.problems
            .iter()
            .map(|p| p.to_text(chiso::Lang::En).replacen(file, "FILE", 1))
            .collect()
    };
    assert!(!b.problems.is_empty());
    assert_eq!(problems(&b, "tinh.xlsx"), problems(&from_csv, "tinh.csv"));
}

#[test]
fn the_cli_scores_the_province_and_writes_reports() {
    let rs = ruleset();
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("tinh.csv");
    std::fs::write(&csv, province_csv(&rs)).unwrap();
    let html = dir.path().join("bao-cao.html");
    let xlsx = dir.path().join("bao-cao.xlsx");
    let (code, _, stderr) = run_chiso(&[
        "score",
        RULESET,
        csv.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        html.to_str().unwrap(),
    ]);
    // Some units failed: the exit code says so, and the report is still written.
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("tinh.csv, row 35, column"), "{stderr}");
    assert!(stderr.contains("Đơn vị 29"), "{stderr}");
    assert!(
        stderr.contains("missing input `hồ_sơ_tiếp_nhận`"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("<table id=\"ranking\""));
    assert!(page.contains("<section class=\"details\""));
    assert!(page.contains(">Đơn vị 01</td>"));
    let (code, _, _) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        RULESET,
        csv.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    // The workbook's ranking sheet holds numbers: unit 1 (p = 100) first with 100 points.
    let bytes = std::fs::read(&xlsx).unwrap();
    let sheets: Vec<String> = chiso_formats::grid::workbook_sheets(&bytes)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(
        &sheets[..6],
        [
            "Xếp hạng",
            "Biểu đồ",
            "Xếp loại",
            "Tự ĐG - Thẩm định",
            "Không chấm được",
            "Điểm theo tiêu chí"
        ]
    );
    assert_eq!(sheets.len(), 6 + 29);
    let grid = workbook_grid(&bytes, Some("Xếp hạng")).unwrap();
    let row = grid.row(4 - (grid.first_row - 1));
    assert_eq!(row[1], chiso_formats::sheet::Cell::Text("Đơn vị 01".into()));
    assert_eq!(row[2], chiso_formats::sheet::Cell::Number("100".into()));
    assert_eq!(row[4], chiso_formats::sheet::Cell::Number("100".into()));
    // Reports go to a temporary file renamed into place: when the write cannot happen, no
    // half report is left, and the old report stays whole.
    let before = std::fs::read(&xlsx).unwrap();
    let missing_dir = dir.path().join("no-such-folder").join("bao-cao.html");
    let (code, _, stderr) = run_chiso(&[
        "score",
        RULESET,
        csv.to_str().unwrap(),
        "--format",
        "html",
        "-o",
        missing_dir.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot create a temporary file in"),
        "{stderr}"
    );
    assert!(!missing_dir.exists());
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        3,
        "only the CSV and the two reports: {leftovers:?}"
    );
    assert_eq!(std::fs::read(&xlsx).unwrap(), before);
}
