//! What would it take: found by evaluating the ruleset on changed inputs. Expected changes
//! worked by hand from the fixture's rules (ratios rounded to 2 places before × max).

use crate::batch::fixture;
use chiso::batch::advice::{advise, best_without};
use chiso::data::UnitData;
use chiso::model::Value;
use chiso_formats::unit_file::{load, DataFormat};
use rust_decimal_macros::dec;

/// Unit C of the batch test with 1.2, 1.9 and 5.4 at full marks: 14.69 of 20 = 73.45%,
/// Trung bình, 1.55 percentage points below Khá (75%).
const UNIT: &str = r#"
unit = "UBND huyện C"
[inputs]
"kế_hoạch_đúng_hạn" = true
"nhiệm_vụ_kế_hoạch" = 10
"nhiệm_vụ_hoàn_thành" = 9
"hồ_sơ_đúng_hạn" = 480
"hồ_sơ_đã_giải_quyết" = 500
"hồ_sơ_trực_tuyến" = 150
"hồ_sơ_tiếp_nhận" = 300
"tài_khoản_smart" = 2500
"dân_số" = 50000
"vi_phạm_kỷ_luật" = 1
"tỷ_lệ_giải_ngân" = 85
[points]
"1.2" = 2
"1.9" = 1
"3.4.3" = 0.5
"5.4" = 2
"8.3.1" = 1.5
"8.3.2" = 1
"#;

fn unit(rs: &chiso::model::Ruleset, text: &str) -> UnitData {
    let (data, diagnostics) = load(rs, text, DataFormat::Toml);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    data.unwrap()
}

#[test]
fn the_smallest_changes_that_raise_a_unit() {
    let rs = fixture();
    let c = unit(&rs, UNIT);
    // The best unit of the batch for 7.2.9 has 5 000 accounts of 50 000 people.
    let best = unit(
        &rs,
        &UNIT
            .replace("\"tài_khoản_smart\" = 2500", "\"tài_khoản_smart\" = 5000")
            .replace("UBND huyện C", "UBND huyện A"),
    );
    let batch = vec![c.clone(), best];
    let advice = advise(&rs, &c, &best_without(&rs, &batch, 0));
    assert_eq!(advice.achieved, dec!(14.69));
    assert_eq!(advice.percent, Some(dec!(73.45)));
    assert_eq!(advice.grade.as_deref(), Some("Trung bình"));
    assert_eq!(advice.next_grade, Some(("Khá".to_string(), dec!(75))));
    let of = |name: &str| {
        let slot = rs.input_index(name).unwrap();
        advice
            .inputs
            .iter()
            .find(|a| a.input == slot)
            .unwrap_or_else(|| panic!("advice for {name}"))
    };
    let i722 = rs.node_index("7.2.2").unwrap();

    // 7.2.2 = round(online / 300, 2) × 2: 151/300 still rounds to 0.50; 152/300 → 0.51.
    let online = of("hồ_sơ_trực_tuyến");
    let step = online.next_step.as_ref().unwrap();
    assert_eq!(
        (step.from.clone(), step.to.clone()),
        (Value::Number(dec!(150)), Value::Number(dec!(152)))
    );
    assert_eq!((step.amount, step.gain), (dec!(2), dec!(0.02)));
    assert_eq!(step.criteria, vec![(i722, Some(dec!(1)), Some(dec!(1.02)))]);
    // Khá needs 15 points: 0.31 more, so 7.2.2 ≥ 1.31, i.e. a rounded ratio of 0.66:
    // 197/300 = 0.6567 → 0.66 → 1.32; 196/300 → 0.65 → 1.30 is not enough.
    let grade = online.next_grade.as_ref().unwrap();
    assert_eq!(
        (grade.to.clone(), grade.amount),
        (Value::Number(dec!(197)), dec!(47))
    );
    assert_eq!(
        (grade.achieved, grade.percent, grade.grade.as_deref()),
        (dec!(15.01), Some(dec!(75.05)), Some("Khá"))
    );
    // The most per dossier is the first step (0.01 a dossier); 150 more give 1 point (0.0067).
    assert_eq!(online.best_rate.as_ref().unwrap().rate(), dec!(0.01));

    // 6.1: bands on the disbursement rate; from 95% it is 2 points instead of 1: +10 points %.
    let disbursed = of("tỷ_lệ_giải_ngân");
    let step = disbursed.next_step.as_ref().unwrap();
    assert_eq!(
        (step.to.clone(), step.amount, step.gain),
        (Value::Number(dec!(0.95)), dec!(10), dec!(1))
    );
    assert_eq!(disbursed.next_grade.as_ref().unwrap().amount, dec!(10));

    // 8.1 deducts 0.5 per disciplined official: one fewer gives 0.5 back, and Khá (75.95%).
    let discipline = of("vi_phạm_kỷ_luật");
    let step = discipline.next_step.as_ref().unwrap();
    assert_eq!((step.amount, step.gain), (dec!(-1), dec!(0.5)));
    assert_eq!(
        discipline.next_grade.as_ref().unwrap().percent,
        Some(dec!(75.95))
    );
    // 7.2.9 compares with the best unit: 2 500 of 50 000 is a ratio of 0.05 (rounded to two
    // places), half the best's 0.1. The next rounded ratio, 0.06, needs 2 750 accounts
    // (0.055 → 0.06): 0.6 × 1.5 = 0.9, +0.15.
    let accounts = of("tài_khoản_smart");
    let step = accounts.next_step.as_ref().unwrap();
    assert_eq!(
        (step.to.clone(), step.gain),
        (Value::Number(dec!(2750)), dec!(0.15))
    );
    // Reaching the best unit's ratio gives the full 1.5; beyond it the unit is the best.
    assert_eq!(
        accounts.best_rate.as_ref().map(|c| c.gain > dec!(0)),
        Some(true)
    );

    // Denominators raise nothing: more dossiers received only lower 7.2.2.
    let received = rs.input_index("hồ_sơ_tiếp_nhận").unwrap();
    assert!(advice
        .inputs
        .iter()
        .all(|a| a.input != received || a.next_step.as_ref().unwrap().amount < dec!(0)));
    // Ordered by the most points one input can bring.
    assert_eq!(
        advice
            .inputs
            .first()
            .map(|a| a.best_rate.as_ref().unwrap().gain > dec!(0)),
        Some(true)
    );
    assert!(advice.evaluations > 50);
}

#[test]
fn the_cli_prints_the_advice() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, UNIT).unwrap();
    let other = dir.path().join("a.toml");
    std::fs::write(
        &other,
        UNIT.replace("\"tài_khoản_smart\" = 2500", "\"tài_khoản_smart\" = 5000")
            .replace("UBND huyện C", "UBND huyện A"),
    )
    .unwrap();
    let (code, stdout, stderr) = crate::common::run_chiso(&[
        "advise",
        "tests/fixtures/batch/huyen-mau.chiso",
        file.to_str().unwrap(),
        other.to_str().unwrap(),
        "--unit",
        "ubnd huyện c",
        "--lang",
        "vi",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Xếp loại kế tiếp: Khá (từ 75%)"),
        "{stdout}"
    );
    // Vietnamese numbers: decimal comma.
    assert!(
        stdout.contains("+47: 150 → 197, +0,32 điểm (tổng 15,01, 75,05%, Khá) [7.2.2 1 → 1,32]"),
        "{stdout}"
    );
    // The same advice in English (the suite's default, `CHISO_LANG=en`).
    let (code, stdout, stderr) = crate::common::run_chiso(&[
        "advise",
        "tests/fixtures/batch/huyen-mau.chiso",
        file.to_str().unwrap(),
        other.to_str().unwrap(),
        "--unit",
        "ubnd huyện c",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Next grade: Khá (from 75%)"), "{stdout}");
    assert!(
        stdout.contains("+47: 150 → 197, +0.32 points (total 15.01, 75.05%, Khá) [7.2.2 1 → 1.32]"),
        "{stdout}"
    );
}

/// An input only a penalty item reads is advised on too (issue 12). Worked by hand: 1.1 is
/// awarded 8 of 10; P1 takes 0,5 per violation, 2 violations = 1; the total is 8 − 1 = 7,
/// 70% = Khá. One violation fewer: 8 − 0,5 = 7,5 (+0,5); none: 8 = 80% = Tốt.
#[test]
fn inputs_only_a_penalty_reads_are_advised_on() {
    let analysis = chiso::analyze(
        "bộ tiêu chí \"Phạt\" {\n  tổng điểm 10\n  xếp loại \"Tốt\" từ 80\n  xếp loại \"Khá\" dưới 80\n}\n\
         đầu vào vi_phạm: số lượng \"Số vi phạm\"\n\
         lĩnh vực 1 \"A\" tối đa 10 { tiêu chí 1.1 \"B\" tối đa 10 }\n\
         điểm trừ P1 \"Vi phạm\" { điểm = vi_phạm × 0,5 }\n",
    );
    assert!(
        analysis.diagnostics.is_empty(),
        "{:?}",
        analysis.diagnostics
    );
    let rs = analysis.ruleset;
    let u = unit(
        &rs,
        "unit = \"X\"\n[inputs]\n\"vi_phạm\" = 2\n[points]\n\"1.1\" = 8\n",
    );
    let advice = advise(&rs, &u, &[]);
    assert_eq!(advice.achieved, dec!(7));
    assert_eq!(advice.grade.as_deref(), Some("Khá"));
    let slot = rs.input_index("vi_phạm").unwrap();
    let a = advice
        .inputs
        .iter()
        .find(|a| a.input == slot)
        .expect("vi_phạm is advised on");
    let step = a.next_step.as_ref().expect("a next step");
    assert_eq!(step.to, Value::Number(dec!(1)));
    assert_eq!((step.gain, step.achieved), (dec!(0.5), dec!(7.5)));
    // The penalty it moves: P1 1 → 0,5.
    let p1 = rs.adjustments.iter().position(|a| a.id == "P1").unwrap();
    assert_eq!(step.items, vec![(p1, Some(dec!(1)), Some(dec!(0.5)))]);
    let grade = a.next_grade.as_ref().expect("to Tốt");
    assert_eq!(grade.to, Value::Number(dec!(0)));
    assert_eq!(grade.grade.as_deref(), Some("Tốt"));
}

/// The same advice as an officer reads it: the penalty item the change moves is named by its
/// kind (hand-worked above: P1 1 → 0,5, total 7,5 = 75%).
#[test]
fn advise_names_the_penalty_a_change_moves() {
    let dir = tempfile::tempdir().unwrap();
    let ruleset = dir.path().join("r.chiso");
    std::fs::write(
        &ruleset,
        "bộ tiêu chí \"Phạt\" {\n  tổng điểm 10\n  xếp loại \"Tốt\" từ 80\n  xếp loại \"Khá\" dưới 80\n}\n\
         đầu vào vi_phạm: số lượng \"Số vi phạm\"\n\
         lĩnh vực 1 \"A\" tối đa 10 { tiêu chí 1.1 \"B\" tối đa 10 }\n\
         điểm trừ P1 \"Vi phạm\" { điểm = vi_phạm × 0,5 }\n",
    )
    .unwrap();
    let unit = dir.path().join("u.toml");
    std::fs::write(
        &unit,
        "unit = \"X\"\n[inputs]\n\"vi_phạm\" = 2\n[points]\n\"1.1\" = 8\n",
    )
    .unwrap();
    let (r, u) = (ruleset.to_str().unwrap(), unit.to_str().unwrap());
    let (code, out, err) = crate::common::run_chiso(&["advise", r, u, "--lang", "vi"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("-1: 2 → 1, +0,5 điểm (tổng 7,5, 75%, Khá) [điểm trừ P1 1 → 0,5]"),
        "{out}"
    );
    let (_, out, _) = crate::common::run_chiso(&["advise", r, u]);
    assert!(
        out.contains("-1: 2 → 1, +0.5 points (total 7.5, 75%, Khá) [penalty P1 1 → 0.5]"),
        "{out}"
    );
}
