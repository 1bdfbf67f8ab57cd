//! Batch scoring from sheets: ranking with ties, grade counts, area sub-indices, bad units
//! reported with their row while the others finish. Expected numbers worked by hand from
//! the fixture ruleset's rules (tests/fixtures/batch/huyen-mau.chiso).

use crate::common::read;
use chiso::batch::{self, grade_counts, rank, Origin};
use chiso_formats::grid::text_grid;
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub fn fixture() -> chiso::model::Ruleset {
    let analysis = chiso::analyze(&read("tests/fixtures/batch/huyen-mau.chiso"));
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    analysis.ruleset
}

/// Seven units: A and B full marks (tie), C partial (decimal commas, thousands groups),
/// D with 3.4.1 not evaluated, E whose data breaks a rule, F with text in a count column,
/// G with a figure missing.
pub const PROVINCE_CSV: &str = "\
STT;Đơn vị;kế_hoạch_đúng_hạn;nhiệm_vụ_kế_hoạch;nhiệm_vụ_hoàn_thành;hồ_sơ_đúng_hạn;hồ_sơ_đã_giải_quyết;hồ_sơ_trực_tuyến;hồ_sơ_tiếp_nhận;tài_khoản_smart;dân_số;vi_phạm_kỷ_luật;tỷ_lệ_giải_ngân;1.2;1.9;3.4.3;5.4;8.3.1;8.3.2
1;UBND huyện A;có;10;10;500;500;300;300;5.000;50.000;0;96,5;2;1;0,5;2;2;2
2;UBND huyện B;có;10;10;500;500;300;300;5000;50000;0;95;2;1;0,5;2;2;2
3;UBND huyện C;có;10;9;480;500;150;300;2.500;50.000;1;85;1,5;0;0,5;1;1,5;1
4;UBND huyện D;x;10;10;0;0;300;300;5000;50000;0;96;2;0;0,5;2;2;2
5;UBND huyện E;có;10;10;500;500;400;300;1000;50000;0;96;2;1;0,5;2;2;2
6;UBND huyện F;có;10;mười;500;500;300;300;1000;50000;0;96;2;1;0,5;2;2;2
7;UBND huyện G;có;10;10;500;500;300;;1000;50000;0;96;2;1;0,5;2;2;2
";

pub fn score_csv(ruleset: &chiso::model::Ruleset, text: &str) -> batch::Batch {
    let grid = text_grid(text);
    let sheet = Sheet::new(ruleset, grid, SheetOptions::default());
    let units = SheetUnits::new("tinh.csv", sheet);
    let mut done = 0;
    let result = batch::score(ruleset, &units, &mut |n| done = n);
    assert_eq!(done, 7, "progress reaches every row");
    result
}

fn percent_of(b: &batch::Batch, unit: &str) -> Option<Decimal> {
    b.units
        .iter()
        .find(|u| u.unit() == unit)
        .and_then(|u| u.result.percent)
}

#[test]
fn a_province_sheet_is_scored_ranked_and_graded() {
    let rs = fixture();
    let b = score_csv(&rs, PROVINCE_CSV);
    // F is not scored: its count column holds text. Everyone else is.
    assert_eq!(b.units.len(), 6);
    assert_eq!(b.not_scored.len(), 1);
    assert_eq!(b.not_scored[0].unit.as_deref(), Some("UBND huyện F"));
    assert_eq!(
        b.not_scored[0].origin,
        Origin::Row {
            file: "tinh.csv".into(),
            row: 7
        }
    );
    let f = b
        .problems
        .iter()
        .find(|p| p.unit.as_deref() == Some("UBND huyện F") && p.diagnostic.is_error())
        .expect("F's problem");
    assert_eq!(
        f.place,
        chiso::place::Place::Cell {
            file: "tinh.csv".into(),
            sheet: None,
            row: 7,
            column: Some(4),
            header: Some("nhiệm_vụ_hoàn_thành".into()),
        }
    );
    assert!(
        f.to_text(chiso::Lang::En)
            .contains("tinh.csv, row 7, column E (nhiệm_vụ_hoàn_thành) [UBND huyện F]"),
        "{}",
        f.to_text(chiso::Lang::En)
    );
    assert!(b.has_failures());

    assert_eq!(percent_of(&b, "UBND huyện A"), Some(dec!(100)));
    assert_eq!(percent_of(&b, "UBND huyện B"), Some(dec!(100)));
    // C: 2.5 + 1.94 + 1 + 1 + 1.75 + 4 = 12.19 of 20.
    let c = b.units.iter().find(|u| u.unit() == "UBND huyện C").unwrap();
    assert_eq!(c.result.achieved, dec!(12.19));
    assert_eq!(c.result.percent, Some(dec!(60.95)));
    assert_eq!(c.result.grade.as_deref(), Some("Trung bình"));
    // 7.2.9 against the best unit of the batch (A, B and D: 0.1): 0.05 / 0.1 × 1.5.
    let i729 = rs.node_index("7.2.9").unwrap();
    assert_eq!(c.result.node(i729).score, Some(dec!(0.75)));
    // D: 3.4.1 not evaluated, 17.5 of 18.5 = 94.594… → 94.59.
    let d = b.units.iter().find(|u| u.unit() == "UBND huyện D").unwrap();
    assert_eq!(d.result.max, dec!(18.5));
    assert_eq!(d.result.percent, Some(dec!(94.59)));
    // E breaks a rule (more online dossiers than dossiers), G lacks a figure: both are
    // reported, unranked, and did not stop the others.
    let e = b.units.iter().find(|u| u.unit() == "UBND huyện E").unwrap();
    assert!(!e.result.is_complete());
    assert!(b
        .problems
        .iter()
        .any(|p| p.unit.as_deref() == Some("UBND huyện E") && p.diagnostic.code == "D005"));
    let g = b.units.iter().find(|u| u.unit() == "UBND huyện G").unwrap();
    assert_eq!(g.result.missing.len(), 1);

    let ranking = rank(&b);
    let table: Vec<(String, Option<usize>)> = ranking
        .rows
        .iter()
        .map(|r| (b.units[r.unit].unit().to_string(), r.rank))
        .collect();
    assert_eq!(
        table,
        vec![
            ("UBND huyện A".to_string(), Some(1)),
            ("UBND huyện B".to_string(), Some(1)),
            ("UBND huyện D".to_string(), Some(3)),
            ("UBND huyện C".to_string(), Some(4)),
            ("UBND huyện E".to_string(), None),
            ("UBND huyện G".to_string(), None),
        ]
    );
    let counts: Vec<(Option<String>, usize)> = grade_counts(&rs, &ranking)
        .into_iter()
        .map(|g| (g.grade, g.count))
        .collect();
    assert_eq!(
        counts,
        vec![
            (Some("Tốt".into()), 3),
            (Some("Khá".into()), 0),
            (Some("Trung bình".into()), 1),
            (Some("Yếu".into()), 0),
            (Some("Kém".into()), 0),
            // E and G (incomplete) and F (not scored: text in a count column): every unit
            // of the sheet is counted somewhere, 4 graded + 3 not.
            (None, 3),
        ]
    );
    // C's area sub-indices: 2.5/4.5, 1.94/2, 1/2, 1/2, 1.75/3.5, 4/6.
    let areas: Vec<(String, Option<Decimal>)> = c
        .areas
        .iter()
        .map(|a| (rs.nodes[a.node].id.clone(), a.percent))
        .collect();
    assert_eq!(
        areas,
        vec![
            ("1".to_string(), Some(dec!(55.56))),
            ("3".to_string(), Some(dec!(97))),
            ("5".to_string(), Some(dec!(50))),
            ("6".to_string(), Some(dec!(50))),
            ("7".to_string(), Some(dec!(50))),
            ("8".to_string(), Some(dec!(66.67))),
        ]
    );
    // D's area 3 has only 3.4.3 left (0.5 of 0.5).
    assert_eq!(d.areas[1].max, dec!(0.5));
    assert_eq!(d.areas[1].percent, Some(dec!(100)));
}

/// One unit identity (`chiso::text::unit_key`): a second row naming unit A in another case
/// and spacing is the same unit given twice (`D013`), and a unit is found by any spelling.
#[test]
fn a_unit_written_in_another_case_or_spacing_is_the_same_unit() {
    let rs = fixture();
    let csv = PROVINCE_CSV.replace("2;UBND huyện B;", "2;ubnd  HUYỆN a;");
    let b = score_csv(&rs, &csv);
    let duplicate = b
        .problems
        .iter()
        .find(|p| p.diagnostic.code == "D013")
        .expect("D013 for the second spelling of A");
    assert_eq!(duplicate.unit.as_deref(), Some("ubnd  HUYỆN a"));
    assert!(b.units.iter().all(|u| u.unit() != "ubnd  HUYỆN a"));
    let found = b
        .find(" ubnd huyện A ", chiso::data::Stage::SelfAssessment)
        .expect("found by another spelling");
    assert_eq!(found.unit(), "UBND huyện A");
}
