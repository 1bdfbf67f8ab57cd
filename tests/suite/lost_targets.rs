//! Points lost (seed 003) and targets (seed 000's last column), computed from the tree.

use crate::batch::fixture;
use crate::common::read;
use crate::common::En as _;
use chiso::batch::lost::{area_lost, compare_targets, lost_points, read_targets, total_lost};
use chiso::eval::evaluate;
use chiso_formats::unit_file::{load, read_raw, DataFormat};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[test]
fn seed_003_lost_points_add_up_where_the_hand_made_table_does_not() {
    let analysis = chiso::analyze(&read("tests/fixtures/batch/xa-2021-mat-diem.chiso"));
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let rs = analysis.ruleset;
    let (data, diagnostics) = load(
        &rs,
        &read("tests/fixtures/batch/xa-2021-tham-dinh.toml"),
        DataFormat::Toml,
    );
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let result = evaluate(&rs, &data.unwrap()).result;
    let lost = lost_points(&rs, &result);
    let rows: Vec<(&str, Decimal, Option<&str>)> = lost
        .iter()
        .map(|r| (rs.nodes[r.node].id.as_str(), r.lost, r.owner.as_deref()))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("4.2", dec!(2.19), Some("Văn phòng UBND")),
            ("1.7", dec!(1.5), Some("UBND xã")),
            ("8.k", dec!(1.5), Some("Phòng Tài chính – Kế hoạch")),
            ("2.6", dec!(1), Some("Công chức Tư pháp")),
            ("4.3", dec!(1), Some("Văn phòng UBND")),
            ("7.1.3", dec!(1), Some("Văn phòng UBND xã")),
            ("7.2.4", dec!(1), Some("Văn phòng UBND xã")),
            ("7.2.5", dec!(0.75), Some("Văn phòng UBND xã")),
            ("6.1.3", dec!(0.5), Some("Công chức Tài chính – kế toán")),
            ("7.1.8", dec!(0.5), None),
            ("1.2", dec!(0.45), Some("Văn phòng UBND xã")),
            ("7.1.6", dec!(0.25), Some("UBND xã")),
            ("7.1.7", dec!(0.25), None),
        ]
    );
    // The seed's own table says area 2 lost 0,5 (its only lost criterion lost 1,0), 7.2 lost
    // 1,25 (its criteria lost 1,0 + 0,75) and area 7 lost 3,7. Computed, every line is the
    // sum of the lines below it.
    let areas: Vec<(&str, Decimal, Decimal, Decimal)> = area_lost(&rs, &result)
        .iter()
        .map(|r| (rs.nodes[r.node].id.as_str(), r.max, r.achieved, r.lost))
        .collect();
    assert_eq!(
        areas,
        vec![
            ("1", dec!(9), dec!(7.05), dec!(1.95)),
            ("2", dec!(5.5), dec!(4.5), dec!(1)),
            ("4", dec!(9), dec!(5.81), dec!(3.19)),
            ("6", dec!(6), dec!(5.5), dec!(0.5)),
            ("7", dec!(13.5), dec!(9.75), dec!(3.75)),
            ("8", dec!(1.5), dec!(0), dec!(1.5)),
        ]
    );
    let i72 = rs.node_index("7.2").unwrap();
    assert_eq!(result.nodes[i72].lost(), Some(dec!(1.75)));
    let sum_rows: Decimal = lost.iter().map(|r| r.lost).sum();
    assert_eq!(
        total_lost(&rs, &result),
        (dec!(44.5), dec!(32.61), dec!(11.89))
    );
    assert_eq!(sum_rows, dec!(11.89));
    assert_eq!(result.max - result.achieved, dec!(11.89));
}

#[test]
fn targets_are_compared_with_what_was_achieved() {
    let rs = fixture();
    let b = crate::batch::score_csv(&rs, crate::batch::PROVINCE_CSV);
    let c = b.units.iter().find(|u| u.unit() == "UBND huyện C").unwrap();
    let text = r#"
unit = "UBND huyện C"
year = 2024
[points]
"1" = 4
"1.1" = 1.5
"1.2" = 2
"1.9" = "0,5"
"7.2.2" = 1
"8" = 7
"#;
    let raw = read_raw(text, DataFormat::Toml).unwrap();
    let (targets, diagnostics) = read_targets(&rs, &raw);
    // Area 1's target is 4, its criteria's targets add up to 4 (1.5 + 2 + 0.5): consistent.
    // Area 8's target 7 is above its maximum 6: an error, and the target is dropped.
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].code, "D007");
    let rows = compare_targets(&rs, &c.result.unpack(), &targets);
    type Row<'a> = (&'a str, Decimal, Option<Decimal>, Option<Decimal>, bool);
    let got: Vec<Row> = rows
        .iter()
        .map(|r| {
            (
                rs.nodes[r.node].id.as_str(),
                r.target,
                r.achieved,
                r.gap,
                r.met,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("1", dec!(4), Some(dec!(2.5)), Some(dec!(-1.5)), false),
            ("1.1", dec!(1.5), Some(dec!(1)), Some(dec!(-0.5)), false),
            ("1.2", dec!(2), Some(dec!(1.5)), Some(dec!(-0.5)), false),
            ("1.9", dec!(0.5), Some(dec!(0)), Some(dec!(-0.5)), false),
            ("7.2.2", dec!(1), Some(dec!(1)), Some(dec!(0)), true),
        ]
    );
    // A parent target that is not the sum of its children's is a warning.
    let raw = read_raw(
        "unit = \"C\"\n[points]\n\"1.1\" = 1\n\"1.1.1\" = 0.5\n\"1.1.2\" = 1\n",
        DataFormat::Toml,
    )
    .unwrap();
    let (_, diagnostics) = read_targets(&rs, &raw);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0].code, "D014");
    assert!(diagnostics[0]
        .message
        .en_str()
        .contains("the target of 1.1 is 1, but its children's targets add up to 1.5"));
}

#[test]
fn the_cli_reports_lost_points_and_targets() {
    let dir = tempfile::tempdir().unwrap();
    let targets = dir.path().join("muc-tieu.toml");
    std::fs::write(
        &targets,
        "unit = \"UBND xã (bảng điểm bị mất, seed 003)\"\n[points]\n\"7\" = 12\n\"2.6\" = 1\n",
    )
    .unwrap();
    let (code, stdout, stderr) = crate::common::run_chiso(&[
        "score",
        "--lang",
        "vi",
        "tests/fixtures/batch/xa-2021-mat-diem.chiso",
        "tests/fixtures/batch/xa-2021-tham-dinh.toml",
        "--format",
        "markdown",
        "--targets",
        targets.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Markdown is for people: numbers with a decimal comma (issue 11).
    assert!(stdout.contains("| 4.2 | Thực hiện các nhiệm vụ do UBND, Chủ tịch UBND huyện giao | 3 | 0,81 | 2,19 | Văn phòng UBND |"), "{stdout}");
    assert!(
        stdout.contains("|  | TỔNG | 44,5 | 32,61 | 11,89 |  |"),
        "{stdout}"
    );
    assert!(
        stdout.contains("| 7 | HIỆN ĐẠI HÓA HÀNH CHÍNH | 13,5 | 12 | 9,75 | -2,25 | chưa đạt |"),
        "{stdout}"
    );
    assert!(
        stdout.contains("| 2.6 | Theo dõi thi hành pháp luật | 1 | 1 | 0 | -1 | chưa đạt |"),
        "{stdout}"
    );
}
