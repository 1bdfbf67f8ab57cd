//! Every rule form, evaluated: ruleset and unit data in, exact scores out.

use crate::common::En as _;
use chiso::eval::{evaluate, evaluate_batch, Status, UnitOutcome};
use chiso_formats::unit_file::{load, DataFormat};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn ruleset(source: &str) -> chiso::model::Ruleset {
    let analysis = chiso::analyze(source);
    assert!(
        !analysis.has_errors(),
        "ruleset errors: {:#?}",
        analysis.diagnostics
    );
    analysis.ruleset
}

fn unit(rs: &chiso::model::Ruleset, toml: &str) -> chiso::data::UnitData {
    let (data, diagnostics) = load(rs, toml, DataFormat::Toml);
    assert!(diagnostics.is_empty(), "data diagnostics: {diagnostics:#?}");
    data.unwrap()
}

fn score(source: &str, toml: &str) -> (chiso::model::Ruleset, UnitOutcome) {
    let rs = ruleset(source);
    let data = unit(&rs, toml);
    let outcome = evaluate(&rs, &data);
    (rs, outcome)
}

fn node_score(rs: &chiso::model::Ruleset, outcome: &UnitOutcome, id: &str) -> Option<Decimal> {
    outcome.result.nodes[rs.node_index(id).unwrap()].score
}

/// One area holding one criterion `1.1` with the given max and body; inputs declared by caller.
fn one(header: &str, inputs: &str, max: &str, body: &str) -> String {
    format!("ruleset \"t\" {{ {header} }}\n{inputs}\narea 1 \"a\" max {max} {{ criterion 1.1 \"c\" max {max} {{ {body} }} }}\n")
}

fn single(header: &str, inputs: &str, max: &str, body: &str, values: &str) -> Option<Decimal> {
    let (rs, outcome) = score(
        &one(header, inputs, max, body),
        &format!("unit = \"U\"\n[inputs]\n{values}"),
    );
    node_score(&rs, &outcome, "1.1")
}

#[test]
fn ratio_times_max_is_exact_not_integer_division() {
    // Plain ratio × max rounded to 2 places: 169/2534 × 2 = 0.1333… → 0.13.
    let got = single(
        "rounding score 2 zero denominator: error",
        "input x: count\ninput y: count",
        "2",
        "score = ratio(x, y) * max",
        "x = 169\ny = 2534",
    );
    assert_eq!(got, Some(d("0.13")));
    // Rounding the ratio first (Kon Tum's figures): 0.07 × 2 = 0.14.
    let got = single(
        "rounding ratio 2\nrounding score 2 zero denominator: error",
        "input x: count\ninput y: count",
        "2",
        "score = ratio(x, y) * max",
        "x = 169\ny = 2534",
    );
    assert_eq!(got, Some(d("0.14")));
}

#[test]
fn ratio_against_a_target_capped() {
    // Full points from 80% upward, below that (ratio / 80%) × max.
    let body = "score = min(ratio(x, y) / 80%, 1) * max";
    let header = "rounding score 2 zero denominator: zero";
    let inputs = "input x: count\ninput y: count";
    assert_eq!(
        single(header, inputs, "1.5", body, "x = 90\ny = 100"),
        Some(d("1.5"))
    );
    assert_eq!(
        single(header, inputs, "1.5", body, "x = 60\ny = 100"),
        Some(d("1.13"))
    );
}

#[test]
fn half_open_bands_with_an_override() {
    let body = "score = if đã_đôn_đốc and ratio(x, y) < 80% then 1 else bands ratio(x, y) {\n từ 90% trở lên: 1,5\n từ 80% đến dưới 90%: 1,0\n dưới 80%: 0,5 }";
    let header = "zero denominator: zero";
    let inputs = "input x: count\ninput y: count\ninput đã_đôn_đốc: yesno default no";
    let run = |values: &str| single(header, inputs, "1.5", body, values);
    assert_eq!(run("x = 90\ny = 100"), Some(d("1.5")));
    assert_eq!(run("x = 89\ny = 100"), Some(d("1")));
    assert_eq!(run("x = 80\ny = 100"), Some(d("1")));
    assert_eq!(run("x = 79\ny = 100"), Some(d("0.5")));
    assert_eq!(run("x = 79\ny = 100\n\"đã_đôn_đốc\" = true"), Some(d("1")));
}

#[test]
fn count_steps() {
    let body = "score = bands số_lần_họp { = 4: 20\n = 3: 15\n = 2: 10\n otherwise: 0 }\n";
    let inputs = "input số_lần_họp: count";
    assert_eq!(
        single("", inputs, "20", body, "\"số_lần_họp\" = 4"),
        Some(d("20"))
    );
    assert_eq!(
        single("", inputs, "20", body, "\"số_lần_họp\" = 3"),
        Some(d("15"))
    );
    assert_eq!(
        single("", inputs, "20", body, "\"số_lần_họp\" = 7"),
        Some(d("0"))
    );
}

#[test]
fn points_per_item_with_a_cap_and_deductions_with_a_floor() {
    let inputs = "input ứng_dụng: count\ninput vi_phạm: count";
    assert_eq!(
        single(
            "",
            inputs,
            "5",
            "score = mỗi(ứng_dụng, 1, tối đa)\n",
            "\"ứng_dụng\" = 3\n\"vi_phạm\" = 0"
        ),
        Some(d("3"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "5",
            "score = each(ứng_dụng, 1, max)\n",
            "\"ứng_dụng\" = 9\n\"vi_phạm\" = 0"
        ),
        Some(d("5"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            "score = trừ(tối đa, vi_phạm, 0,25, 0)\n",
            "\"ứng_dụng\" = 0\n\"vi_phạm\" = 2"
        ),
        Some(d("0.5"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            "score = deduct(max, vi_phạm, 0.25, 0)\n",
            "\"ứng_dụng\" = 0\n\"vi_phạm\" = 9"
        ),
        Some(d("0"))
    );
}

#[test]
fn fractions_of_the_maximum_and_additive_halves() {
    let inputs = "input ban_hành: yesno\ninput đúng_hạn: yesno";
    let body = "score = (if ban_hành then max / 2 else 0) + (if đúng_hạn then 1/2 * max else 0)";
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            body,
            "\"ban_hành\" = true\n\"đúng_hạn\" = false"
        ),
        Some(d("0.5"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            body,
            "\"ban_hành\" = \"có\"\n\"đúng_hạn\" = \"có\""
        ),
        Some(d("1"))
    );
}

#[test]
fn task_completion_weighted_ratio() {
    // Seed 004, 1.6.1: 15 on time, 1 late (half), 3 not yet due (out of the denominator) of 19.
    let body = "score = ratio(đúng_hạn + trễ_hạn / 2, được_giao - chưa_đến_hạn) * max";
    let inputs = "input được_giao: count\ninput đúng_hạn: count\ninput trễ_hạn: count\ninput chưa_đến_hạn: count";
    let values = "\"được_giao\" = 19\n\"đúng_hạn\" = 15\n\"trễ_hạn\" = 1\n\"chưa_đến_hạn\" = 3";
    assert_eq!(
        single(
            "rounding ratio 2\nrounding score 2 zero denominator: not evaluated",
            inputs,
            "4",
            body,
            values
        ),
        Some(d("3.88"))
    );
}

#[test]
fn yes_no_dates_and_levels() {
    let inputs = "input ngày_ban_hành: date\ninput mức: levels(\"Tốt\", \"Khá\", \"Đạt\")";
    let body = "score = if ngày_ban_hành <= ngày 31/01/2024 and mức = \"Tốt\" then max else if mức = \"Khá\" then max / 2 else 0";
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            body,
            "\"ngày_ban_hành\" = 2024-01-15\n\"mức\" = \"tốt\""
        ),
        Some(d("1"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            body,
            "\"ngày_ban_hành\" = \"01/02/2024\"\n\"mức\" = \"Tốt\""
        ),
        Some(d("0"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "1",
            body,
            "\"ngày_ban_hành\" = \"01/02/2024\"\n\"mức\" = \"Kha\""
        ),
        Some(d("0.5"))
    );
}

#[test]
fn min_max_clamp_and_round() {
    let inputs = "input x: decimal";
    assert_eq!(
        single("", inputs, "2", "score = clamp(x, 0, max)", "x = 3.7"),
        Some(d("2"))
    );
    assert_eq!(
        single("", inputs, "2", "score = min(max(x, 0.5), 2)", "x = 0.1"),
        Some(d("0.5"))
    );
    assert_eq!(
        single(
            "",
            inputs,
            "2",
            "score = min(round(x, 1), max)",
            "x = \"1,25\""
        ),
        Some(d("1.3"))
    );
}

#[test]
fn rounding_modes_are_the_declared_ones() {
    let inputs = "input x: decimal";
    let run = |mode: &str| {
        single(
            &format!("rounding score 2 {mode}"),
            inputs,
            "1",
            "score = min(x, max)",
            "x = 0.125",
        )
    };
    assert_eq!(run("half-up"), Some(d("0.13")), "Excel's ROUND");
    assert_eq!(run("nửa chẵn"), Some(d("0.12")));
    assert_eq!(run("down"), Some(d("0.12")));
    assert_eq!(
        single(
            "rounding score 1 up",
            inputs,
            "1",
            "score = min(x, max)",
            "x = 0.101"
        ),
        Some(d("0.2"))
    );
    // The default mode is half away from zero.
    assert_eq!(
        single(
            "rounding score 2",
            inputs,
            "1",
            "score = min(x, max)",
            "x = 0.125"
        ),
        Some(d("0.13"))
    );
}

#[test]
fn council_awarded_points_and_survey_items() {
    let source = "ruleset \"t\" { }\narea 1 \"a\" {\n criterion 1.1 \"awarded\" max 2\n criterion 1.2 \"survey\" max 3 { source survey }\n criterion 1.3 \"judged\" max 1 { score = awarded }\n}\n";
    let (rs, outcome) = score(
        source,
        "unit = \"U\"\n[points]\n\"1.1\" = 1.5\n\"1.3\" = \"0,75\"\n",
    );
    let r = &outcome.result;
    assert_eq!(node_score(&rs, &outcome, "1.1"), Some(d("1.5")));
    assert_eq!(node_score(&rs, &outcome, "1.3"), Some(d("0.75")));
    assert_eq!(
        r.nodes[rs.node_index("1.2").unwrap()].status,
        Status::Survey
    );
    // Survey points not given yet: left out of the maximum, not a missing input.
    assert_eq!((r.achieved, r.max), (d("2.25"), d("3")));
    assert!(r.is_complete());
    let (_, with_survey) = score(
        source,
        "unit = \"U\"\n[points]\n\"1.1\" = 1.5\n\"1.2\" = 2\n\"1.3\" = 1\n",
    );
    assert_eq!(
        (with_survey.result.achieved, with_survey.result.max),
        (d("4.5"), d("6"))
    );
}

#[test]
fn normalised_against_the_best_unit_of_the_batch() {
    let source = one(
        "rounding score 2 zero denominator: zero",
        "input x: count\ninput y: count",
        "2",
        "score = ratio(ratio(x, y), best(ratio(x, y))) * max",
    );
    let rs = ruleset(&source);
    let units: Vec<_> = [("A", 50, 100), ("B", 80, 100), ("C", 20, 100)]
        .iter()
        .map(|(n, x, y)| {
            unit(
                &rs,
                &format!("unit = \"{n}\"\n[inputs]\nx = {x}\ny = {y}\n"),
            )
        })
        .collect();
    let outcomes = evaluate_batch(&rs, &units);
    let scores: Vec<Decimal> = outcomes
        .iter()
        .map(|o| o.result.nodes[1].score.unwrap())
        .collect();
    assert_eq!(scores, vec![d("1.25"), d("2"), d("0.5")]);
    // Alone, a unit is its own best.
    assert_eq!(evaluate(&rs, &units[0]).result.nodes[1].score, Some(d("2")));
}

#[test]
fn not_evaluated_leaves_the_maximum_at_every_level() {
    let source = "ruleset \"t\" { total 10 rounding percent 2 zero denominator: not evaluated }\ninput giao: count\ninput xong: count\n\
        area 1 \"a\" max 6 {\n criterion 1.1 \"x\" max 3\n criterion 1.2 \"tasks\" max 3 { không đánh giá khi giao = 0 vì \"Không được giao nhiệm vụ\"\n score = ratio(xong, giao) * max }\n}\n\
        area 2 \"b\" max 4 { criterion 2.1 \"y\" max 2\n criterion 2.2 \"z\" max 2 }\n";
    let (rs, outcome) = score(source, "unit = \"U\"\n[inputs]\ngiao = 0\nxong = 0\n[points]\n\"1.1\" = 3\n\"2.1\" = 1\n[not_evaluated]\n\"2.2\" = \"Không phát sinh\"\n");
    let r = &outcome.result;
    let status = |id: &str| r.nodes[rs.node_index(id).unwrap()].status.clone();
    assert_eq!(
        status("1.2"),
        Status::NotEvaluated("Không được giao nhiệm vụ".into())
    );
    assert_eq!(
        status("2.2"),
        Status::NotEvaluated("Không phát sinh".into())
    );
    assert_eq!(r.nodes[rs.node_index("1").unwrap()].max, d("3"));
    assert_eq!(r.nodes[rs.node_index("2").unwrap()].max, d("2"));
    assert_eq!(
        (r.achieved, r.max, r.percent),
        (d("4"), d("5"), Some(d("80")))
    );
    // A parent whose children are all not evaluated is not evaluated.
    let (rs, outcome) = score(source, "unit = \"U\"\n[inputs]\ngiao = 0\nxong = 0\n[points]\n\"1.1\" = 3\n[not_evaluated]\n\"2.1\" = \"r\"\n\"2.2\" = \"r\"\n");
    assert!(matches!(
        outcome.result.nodes[rs.node_index("2").unwrap()].status,
        Status::NotEvaluated(_)
    ));
    assert_eq!(outcome.result.max, d("3"));
}

#[test]
fn zero_denominator_policies() {
    let inputs = "input x: count\ninput y: count";
    let body = "score = ratio(x, y) * max";
    let values = "x = 0\ny = 0";
    let (rs, outcome) = score(
        &one("zero denominator: not evaluated", inputs, "1", body),
        &format!("unit = \"U\"\n[inputs]\n{values}"),
    );
    assert!(matches!(
        outcome.result.nodes[rs.node_index("1.1").unwrap()].status,
        Status::NotEvaluated(_)
    ));
    assert_eq!(
        single("zero denominator: zero", inputs, "1", body, values),
        Some(d("0"))
    );
    let (rs, outcome) = score(
        &one("zero denominator: error", inputs, "1", body),
        &format!("unit = \"U\"\n[inputs]\n{values}"),
    );
    assert_eq!(
        outcome.result.nodes[rs.node_index("1.1").unwrap()].status,
        Status::Failed
    );
    assert_eq!(outcome.diagnostics[0].code, "D008");
    assert!(
        outcome.diagnostics[0].message.en_str().starts_with("1.1: "),
        "{}",
        outcome.diagnostics[0].message
    );
}

#[test]
fn percentages_come_from_unrounded_totals_unless_declared() {
    // Kon Tum published 9,42/10 as 94,15%: the raw points were 9.4145.
    let source = |extra: &str| {
        format!("ruleset \"t\" {{ rounding total 2\n rounding percent 2\n {extra} }}\narea 1 \"a\" max 10 {{ criterion 1.1 \"x\" max 10 }}\n")
    };
    let data = "unit = \"U\"\n[points]\n\"1.1\" = 9.4145\n";
    let (_, outcome) = score(&source(""), data);
    assert_eq!(
        (outcome.result.achieved, outcome.result.percent),
        (d("9.41"), Some(d("94.15")))
    );
    let (_, outcome) = score(&source("percent from rounded total"), data);
    assert_eq!(outcome.result.percent, Some(d("94.1")));
}

#[test]
fn grades_are_half_open() {
    let source = "ruleset \"t\" { xếp loại \"Tốt\" từ 85\n xếp loại \"Khá\" từ 75 đến dưới 85\n xếp loại \"Trung bình\" từ 50 đến dưới 75\n xếp loại \"Yếu\" từ 40 đến dưới 50\n xếp loại \"Kém\" dưới 40 }\narea 1 \"a\" max 100 { criterion 1.1 \"x\" max 100 }\n";
    for (points, grade) in [
        ("85", "Tốt"),
        ("84.99", "Khá"),
        ("75", "Khá"),
        ("50", "Trung bình"),
        ("40", "Yếu"),
        ("39.9", "Kém"),
    ] {
        let (_, outcome) = score(
            source,
            &format!("unit = \"U\"\n[points]\n\"1.1\" = {points}\n"),
        );
        assert_eq!(outcome.result.grade.as_deref(), Some(grade), "{points}");
    }
}

#[test]
fn defaults_apply_and_missing_inputs_form_a_to_do_list() {
    let source = "ruleset \"t\" { zero denominator: zero }\ninput x: count \"Số hồ sơ\" owner \"Văn phòng\"\ninput y: count \"Tổng\" owner \"Văn phòng\"\ninput z: count default 2\n\
        area 1 \"a\" { criterion 1.1 \"r\" max 1 { score = ratio(x, y) * max }\n criterion 1.2 \"s\" max 1 { score = ratio(x, x + z) * max }\n criterion 1.3 \"t\" max 1 }\n";
    let (rs, outcome) = score(source, "unit = \"U\"\n");
    let r = &outcome.result;
    assert!(!r.is_complete());
    assert_eq!(r.percent, None);
    let missing: Vec<String> = outcome
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message.en()))
        .collect();
    assert_eq!(
        missing,
        vec![
            "D002 missing input `x`, needed by 1.1, 1.2",
            "D002 missing input `y`, needed by 1.1",
            "D002 no points given for 1.3 “t” (awarded by the council)",
        ]
    );
    assert_eq!(
        outcome.diagnostics[0].help.as_ref().map(|h| h.en_str()),
        Some("Số hồ sơ; owner: Văn phòng; add it under [inputs] as count")
    );
    // With x and y given, z's default completes 1.2.
    let (_, outcome) = score(
        source,
        "unit = \"U\"\n[inputs]\nx = 1\ny = 4\n[points]\n\"1.3\" = 1\n",
    );
    assert_eq!(
        outcome.result.nodes[rs.node_index("1.2").unwrap()].score,
        Some(d("1") / d("3"))
    );
}

#[test]
fn runtime_data_errors_name_the_criterion_and_point_into_the_data() {
    let source = one(
        "zero denominator: zero",
        "input x: count\ninput y: count",
        "1",
        "score = ratio(x, y) * max",
    );
    let data = "unit = \"U\"\n[inputs]\nx = 30\ny = 20\n";
    let (_, outcome) = score(&source, data);
    let d0 = &outcome.diagnostics[0];
    assert_eq!(d0.code, "D005");
    assert_eq!(
        d0.message.en_str(),
        "1.1: the numerator 30 is above the denominator 20"
    );
    assert_eq!(&data[d0.span.clone()], "30");
    assert_eq!(outcome.result.nodes[1].status, Status::Failed);
}

#[test]
fn a_parent_without_a_rule_sums_its_children_and_points_lost_add_up() {
    let source = "ruleset \"t\" { rounding total 2 }\narea 1 \"a\" { criterion 1.1 \"x\" { criterion 1.1.1 \"p\" max 0.5\n criterion 1.1.2 \"q\" max 1.25 }\n criterion 1.2 \"y\" max 2 }\n";
    let (rs, outcome) = score(
        source,
        "unit = \"U\"\n[points]\n\"1.1.1\" = 0.25\n\"1.1.2\" = 1\n\"1.2\" = 2\n",
    );
    let node = |id: &str| &outcome.result.nodes[rs.node_index(id).unwrap()];
    assert_eq!(
        (node("1.1").score, node("1.1").max, node("1.1").lost()),
        (Some(d("1.25")), d("1.75"), Some(d("0.5")))
    );
    assert_eq!(
        (node("1").score, node("1").lost()),
        (Some(d("3.25")), Some(d("0.5")))
    );
}

#[test]
fn d009_arithmetic_that_fails_for_this_unit() {
    let source = one(
        "",
        "input x: count\ninput y: count",
        "1",
        "score = min(x / y, max)",
    );
    let (rs, outcome) = score(&source, "unit = \"U\"\n[inputs]\nx = 1\ny = 0\n");
    assert_eq!(
        outcome.result.nodes[rs.node_index("1.1").unwrap()].status,
        Status::Failed
    );
    let d0 = &outcome.diagnostics[0];
    assert_eq!(d0.code, "D009");
    assert_eq!(
        d0.message.en_str(),
        "1.1: division by zero (use ratio(…) to say what a zero denominator means)"
    );
}
