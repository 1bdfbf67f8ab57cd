//! Issue 10: a batch scored on several threads is the batch scored on one, byte for byte in
//! every report format, with names given twice (D013), broken rows and `best(…)` (the first
//! pass over the whole batch) as on one thread, and a progress count that only grows.

use crate::common::run_chiso;
use crate::outputs::{province, province_csv};
use chiso::batch::{self, Units};
use chiso::model::Ruleset;
use chiso_formats::grid::text_grid;
use chiso_formats::report::batch::BatchReport;
use chiso_formats::report::FORMATS;
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;

/// Scores `units` on `jobs` threads; checks the progress calls are exactly 1, 2, …, n.
fn score(rs: &Ruleset, units: &SheetUnits, jobs: usize) -> batch::Batch {
    let mut calls = Vec::new();
    let b = batch::score_jobs(rs, units, &mut |done| calls.push(done), jobs);
    let n = units.count();
    assert_eq!(calls, (1..=n).collect::<Vec<_>>(), "{jobs} threads");
    b
}

/// Every format's bytes of a batch, by format name.
fn reports(rs: &Ruleset, b: &batch::Batch) -> Vec<(&'static str, Vec<u8>)> {
    let report = BatchReport::new(rs, b, &[]);
    FORMATS
        .iter()
        .map(|row| (row.name, row.format.to_bytes(&report).unwrap()))
        .collect()
}

fn assert_same(rs: &Ruleset, one: &batch::Batch, two: &batch::Batch) {
    // The batch itself: units, units not scored, and every problem in the same order.
    assert_eq!(format!("{:?}", one.units), format!("{:?}", two.units));
    assert_eq!(
        format!("{:?}", one.not_scored),
        format!("{:?}", two.not_scored)
    );
    assert_eq!(format!("{:?}", one.problems), format!("{:?}", two.problems));
    for ((name, a), (_, b)) in reports(rs, one).into_iter().zip(reports(rs, two)) {
        if name == "xlsx" {
            // A workbook records when it was written (docProps/core.xml), so two writings of
            // one batch differ in those bytes: compare its sheets' cells.
            assert!(
                workbook_text(&a) == workbook_text(&b),
                "xlsx: the workbook differs between one and two threads"
            );
            continue;
        }
        assert!(
            a == b,
            "{name}: the report differs between one and two threads"
        );
    }
}

/// The cells of every sheet of a workbook but the per-unit ones, tab-separated.
fn workbook_text(bytes: &[u8]) -> String {
    let mut text = String::new();
    let sheets = chiso_formats::grid::workbook_sheets(bytes).unwrap();
    // The batch's sheets come first; the sheets per unit (one each) are checked through the
    // other formats, which show the same figures.
    for sheet in sheets.iter().take(8) {
        text.push_str(&format!("## {}\n", sheet.name));
        let grid = chiso_formats::grid::workbook_grid(bytes, Some(&sheet.name)).unwrap();
        for row in grid.rows() {
            let cells: Vec<String> = row.iter().map(|c| c.text()).collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
    }
    text
}

#[test]
fn two_threads_write_every_format_byte_for_byte_as_one() {
    let rs = crate::province::ruleset();
    // 800 units (four chunks of 256, the last short), every 50th row broken (a blank name,
    // a name given twice, bad cells …).
    let p = province(&rs, 800);
    let sheet = Sheet::new(&rs, text_grid(&province_csv(&p)), SheetOptions::default());
    let units = SheetUnits::new("tinh.csv", sheet);
    let one = score(&rs, &units, 1);
    let two = score(&rs, &units, 2);
    // 16 broken rows, one of them (row 219, of kind "duplicate") a name given twice.
    assert!(one.problems.iter().any(|p| p.diagnostic.code == "D013"));
    assert_eq!(one.units.len() + one.not_scored.len(), 800);
    assert_same(&rs, &one, &two);
    // More threads than chunks, and an odd number of threads: the same.
    assert_same(&rs, &one, &score(&rs, &units, 3));
}

const BEST: &str = r#"ruleset "t" { zero denominator: zero }
input online: count "online dossiers"
input all: count "all dossiers"
area 1 "A" max 3 {
  criterion 1.1 "against the best unit" max 2 {
    score = ratio(ratio(online, all), best(ratio(online, all))) * max
  }
  criterion 1.2 "plain" max 1 { score = ratio(online, all) * max }
}
"#;

#[test]
fn best_compares_with_the_whole_batch_on_any_number_of_threads() {
    let rs = chiso::analyze(BEST).ruleset;
    // 1,500 units: unit i has online = i mod 97 of all = 100, self-assessment for even i,
    // appraisal for odd i; the best ratio of either stage is 96/100 (i = 96 is even, i = 193
    // odd). The last row repeats unit 1's name and stage (D013).
    let mut csv = String::from("đơn vị;giai đoạn;online;all\n");
    for i in 0..1_500 {
        let stage = if i % 2 == 0 { "self" } else { "appraised" };
        csv.push_str(&format!("U{i};{stage};{};100\n", i % 97));
    }
    csv.push_str("U1;appraised;96;100\n");
    let units = SheetUnits::new(
        "t.csv",
        Sheet::new(&rs, text_grid(&csv), SheetOptions::default()),
    );
    let one = score(&rs, &units, 1);
    let two = score(&rs, &units, 2);
    assert_same(&rs, &one, &two);
    // By hand: U48 (self) has 0.48 against the best 0.96: 0.5 × 2 = 1 point for 1.1; U96 has
    // the best, 2 points; U1 (appraised) has 0.01 / 0.96 × 2 = 0.0208…, the repeated row
    // (96/100) not being scored.
    let i11 = rs.node_index("1.1").unwrap();
    let points = |unit: &str| {
        two.units
            .iter()
            .find(|u| u.unit() == unit)
            .unwrap()
            .result
            .node(i11)
            .score
            .unwrap()
    };
    assert_eq!(points("U48"), rust_decimal_macros::dec!(1));
    assert_eq!(points("U96"), rust_decimal_macros::dec!(2));
    assert!(points("U1") < rust_decimal_macros::dec!(0.03));
    assert_eq!(two.not_scored.len(), 1);
    assert_eq!(two.not_scored[0].problems[0].diagnostic.code, "D013");
}

#[test]
fn score_jobs_option_gives_the_same_report_and_refuses_zero() {
    let rs = crate::province::ruleset();
    let p = province(&rs, 600);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("tinh.csv");
    std::fs::write(&data, province_csv(&p)).unwrap();
    let ruleset = crate::common::root().join("rulesets/dien-bien/huyen-2024.chiso");
    let run = |jobs: &str| {
        run_chiso(&[
            "score",
            ruleset.to_str().unwrap(),
            data.to_str().unwrap(),
            "--format",
            "csv",
            "--jobs",
            jobs,
        ])
    };
    let (code1, out1, _) = run("1");
    let (code2, out2, _) = run("2");
    assert_eq!(code1, 1, "broken rows make the exit code 1");
    assert_eq!(code2, code1);
    assert!(out1.lines().count() > 600);
    assert!(out1 == out2, "--jobs 1 and --jobs 2 differ");
    let (code0, _, stderr) = run("0");
    assert_eq!(code0, 2, "{stderr}");
}

/// The compiled formulas (what a batch scores with) give what the tree walker gives on the
/// bundled rulesets' own data files (rulesets/kon-tum/data), against each bundled ruleset.
#[test]
fn compiled_formulas_score_the_bundled_data_as_the_tree_walker() {
    use chiso::eval::{evaluate_compiled, evaluate_with_best, Programs};
    use chiso_formats::unit_file::{load, DataFormat};
    let root = crate::common::root();
    let mut compared = 0;
    for ruleset in [
        "rulesets/kon-tum/huyen-2022.chiso",
        "rulesets/kon-tum/huyen-2023-trich.chiso",
        "rulesets/dien-bien/huyen-2024.chiso",
    ] {
        let rs = chiso::analyze(&std::fs::read_to_string(root.join(ruleset)).unwrap()).ruleset;
        let programs = Programs::new(&rs);
        for entry in std::fs::read_dir(root.join("rulesets/kon-tum/data")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let Some(data) = load(&rs, &text, DataFormat::from_path(&path.to_string_lossy())).0
            else {
                continue;
            };
            let best = vec![None; rs.best_slots];
            let tree = evaluate_with_best(&rs, &data, &best);
            let flat = evaluate_compiled(&rs, &programs, &data, &best);
            assert_eq!(
                format!("{:?}", (&flat.result, &flat.diagnostics)),
                format!("{:?}", (&tree.result, &tree.diagnostics)),
                "{ruleset} with {}",
                path.display()
            );
            compared += 1;
        }
    }
    assert!(compared >= 6, "{compared}");
}
