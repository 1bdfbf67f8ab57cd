//! Semantics the checker and evaluator must get right (issue 9): band overlaps at a single
//! point, parents with their own rule, explain/advise on a batch and on two stages, advice
//! that proposes only possible changes. Expected values are worked by hand in the comments.

use crate::common::{codes, run_chiso};

/// One criterion (max 1) whose rule is `bands ratio(a, b) { … }` with `arms`, one per line.
fn ratio_bands(arms: &str) -> String {
    format!(
        "ruleset \"t\" {{\n  zero denominator: zero\n}}\ninput a: count \"a\"\ninput b: count \"b\"\n\
         area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ score = bands ratio(a, b) {{\n{arms}\n}} }} }}\n"
    )
}

/// (code, text the diagnostic covers, texts of its labels) for every diagnostic.
fn findings(source: &str) -> Vec<(&'static str, String, Vec<String>)> {
    chiso::analyze(source)
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code,
                source[d.span.clone()].to_string(),
                d.labels.iter().map(|l| source[l.span.clone()].to_string()).collect(),
            )
        })
        .collect()
}

fn e011(later: &str, earlier: &str) -> (&'static str, String, Vec<String>) {
    ("E011", later.to_string(), vec![earlier.to_string()])
}

// ---------------------------------------------------------------------------------------
// 1. Band overlaps. A ratio lies in [0, 1]; each set below covers all of it, so the only
//    finding is the overlap (or none). `đến`/`to`/`không quá` are ≤, `đến dưới`/`dưới`/
//    `below` are <, `từ`/`from` ≥, `trên`/`above` >.
// ---------------------------------------------------------------------------------------

#[test]
fn an_open_ended_band_and_a_closed_band_sharing_one_point_overlap() {
    // `từ 90% trở lên` is [90%, …) and `từ 80% đến 90%` is [80%, 90%]: both match 90%.
    let src = ratio_bands("từ 90% trở lên: 1\ntừ 80% đến 90%: 0.5\ndưới 80%: 0");
    assert_eq!(
        findings(&src),
        vec![e011("từ 80% đến 90%: 0.5", "từ 90% trở lên: 1")]
    );
    // The same in English keywords.
    let src = ratio_bands("from 90% or more: 1\nfrom 80% to 90%: 0.5\nbelow 80%: 0");
    assert_eq!(findings(&src), vec![e011("from 80% to 90%: 0.5", "from 90% or more: 1")]);
}

#[test]
fn an_upper_bound_up_to_x_and_a_lower_bound_from_x_overlap_at_x() {
    // `không quá 50%` is ≤ 50%, `từ 50%` is ≥ 50%: 50% matches both.
    let src = ratio_bands("không quá 50%: 0\ntừ 50%: 1");
    assert_eq!(findings(&src), vec![e011("từ 50%: 1", "không quá 50%: 0")]);
    // `đến 50%` is the same bound as `không quá 50%`.
    let src = ratio_bands("đến 50%: 0\ntừ 50%: 1");
    assert_eq!(findings(&src), vec![e011("từ 50%: 1", "đến 50%: 0")]);
    // Order does not matter: the later band carries the error, the earlier one the label.
    let src = ratio_bands("từ 50%: 1\nkhông quá 50%: 0");
    assert_eq!(findings(&src), vec![e011("không quá 50%: 0", "từ 50%: 1")]);
}

#[test]
fn an_equal_band_inside_a_from_band_overlaps() {
    // Count steps: `= 4` and `from 4` both match 4 meetings.
    let src = "ruleset \"t\" {}\ninput n: count \"n\"\narea 1 \"x\" max 1 { criterion 1.1 \"a\" max 1 { score = bands n {\n= 4: 1\nfrom 4: 0.5\nbelow 4: 0\n} } }\n";
    assert_eq!(findings(src), vec![e011("from 4: 0.5", "= 4: 1")]);
}

#[test]
fn touching_half_open_bands_neither_overlap_nor_leave_a_gap() {
    for arms in [
        // ≥ 90% next to < 90% (`đến dưới`).
        "từ 90% trở lên: 1\ntừ 80% đến dưới 90%: 0.5\ndưới 80%: 0",
        // ≤ 90% (`đến`) next to > 90% (`trên`).
        "từ 80% đến 90%: 0.5\ntrên 90%: 1\ndưới 80%: 0",
        // ≤ 50% (`không quá`) next to > 50%.
        "không quá 50%: 0\ntrên 50%: 1",
        // < 50% next to ≥ 50%, English.
        "below 50%: 0\nfrom 50%: 1",
        // ≤ 50% (`to`) next to > 50% (`above`), English.
        "to 50%: 0\nabove 50%: 1",
    ] {
        assert_eq!(findings(&ratio_bands(arms)), vec![], "{arms}");
    }
}

#[test]
fn two_strict_bounds_at_the_same_point_leave_that_point_uncovered() {
    // `dưới 50%` (<) and `trên 50%` (>) both leave out 50% itself: a gap (E010), no overlap.
    let src = ratio_bands("dưới 50%: 0\ntrên 50%: 1");
    let got: Vec<&str> = findings(&src).iter().map(|f| f.0).collect();
    assert_eq!(got, vec!["E010"]);
    let message = chiso::analyze(&src).diagnostics[0].message.clone();
    assert_eq!(message, "gap between bands: the value 50% match no band");
}

#[test]
fn grade_bands_sharing_one_point_overlap_and_touching_ones_do_not() {
    let grades = |g: &str| {
        format!("ruleset \"t\" {{\n{g}\n}}\narea 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 }}\n")
    };
    // 90 is in `Tốt` (≥ 90) and in `Khá` (80 ≤ p ≤ 90).
    let src = grades("xếp loại \"Tốt\" từ 90 trở lên\nxếp loại \"Khá\" từ 80 đến 90\nxếp loại \"Kém\" dưới 80");
    assert_eq!(
        findings(&src),
        vec![(
            "E016",
            "xếp loại \"Khá\" từ 80 đến 90".to_string(),
            vec!["xếp loại \"Tốt\" từ 90 trở lên".to_string()]
        )]
    );
    let src = grades("xếp loại \"Tốt\" từ 90 trở lên\nxếp loại \"Khá\" từ 80 đến dưới 90\nxếp loại \"Kém\" dưới 80");
    assert_eq!(findings(&src), vec![]);
}

#[test]
fn first_match_bands_written_as_overlapping_lower_bounds_are_reported() {
    // `from 90%` then `from 80%` relies on the order: 95% matches both. Decrees write
    // half-open bands; the checker asks for them.
    let src = ratio_bands("from 90%: 1\nfrom 80%: 0.5\notherwise: 0");
    assert_eq!(codes(&src), vec![("E011", "from 80%: 0.5".to_string())]);
}

// ---------------------------------------------------------------------------------------
// 2. A criterion with sub-criteria and a rule of its own: the rule gives its points, over
//    the maximum of its evaluated children; its children's rules are shown, never used, so
//    what only they read is not asked for.
// ---------------------------------------------------------------------------------------

const OWN_RULE: &str = r#"ruleset "t" { zero denominator: zero }
input done: count "tasks done"
input assigned: count "tasks assigned"
input x: count "read only by 1.1.2"
input programme: count "programme items"
area 1 "A" {
  criterion 1.1 "Parent with a rule of its own" {
    score = ratio(done, assigned) * max
    subcriterion 1.1.1 "a" max 2 { score = ratio(done, assigned) * max }
    subcriterion 1.1.2 "b" max 1 {
      not evaluated when programme = 0 because "no programme item"
      score = min(x, max)
    }
    subcriterion 1.1.3 "council" max 1
  }
  criterion 1.2 "plain" max 1 { score = min(done, 1) }
}
"#;

fn own_rule(toml: &str) -> (chiso::model::Ruleset, chiso::eval::UnitOutcome) {
    let analysis = chiso::analyze(OWN_RULE);
    assert!(!analysis.has_errors(), "{:#?}", analysis.diagnostics);
    let rs = analysis.ruleset;
    let (data, diagnostics) =
        chiso_formats::unit_file::load(&rs, toml, chiso_formats::unit_file::DataFormat::Toml);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let outcome = chiso::eval::evaluate(&rs, &data.unwrap());
    (rs, outcome)
}

fn node(
    rs: &chiso::model::Ruleset,
    outcome: &chiso::eval::UnitOutcome,
    id: &str,
) -> chiso::eval::NodeResult {
    outcome.result.nodes[rs.node_index(id).unwrap()].clone()
}

fn dec(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

#[test]
fn a_not_evaluated_child_leaves_its_overriding_parents_maximum_and_the_units() {
    // programme = 0: 1.1.2 is not evaluated, so 1.1's maximum is 2 + 1 = 3 (not 4).
    // 1.1 = ratio(3, 4) × 3 = 0.75 × 3 = 2.25; 1.2 = min(3, 1) = 1.
    // Unit: 3.25 of 3 + 1 = 4 → 81.25 %. x (read only by 1.1.2) and the council's points
    // for 1.1.3 (never used: 1.1's rule decides) are not asked for.
    let (rs, outcome) = own_rule("unit = \"U\"\n[inputs]\ndone = 3\nassigned = 4\nprogramme = 0\n");
    let parent = node(&rs, &outcome, "1.1");
    assert_eq!(parent.max, dec("3"));
    assert_eq!(parent.score, Some(dec("2.25")));
    assert_eq!(outcome.result.max, dec("4"));
    assert_eq!(outcome.result.achieved, dec("3.25"));
    assert!(outcome.result.missing.is_empty(), "{:?}", outcome.result.missing);
    assert_eq!(outcome.result.percent, Some(dec("81.25")));
    assert!(matches!(
        node(&rs, &outcome, "1.1.2").status,
        chiso::eval::Status::NotEvaluated(_)
    ));
}

#[test]
fn inputs_only_an_overridden_child_reads_are_not_demanded() {
    // programme = 5: every child counts toward 1.1's maximum: 2 + 1 + 1 = 4.
    // 1.1 = 0.75 × 4 = 3; 1.2 = 1. Unit: 4 of 5 → 80 %. x and 1.1.3's points are absent and
    // nothing is missing: only overridden children would read them.
    let (rs, outcome) = own_rule("unit = \"U\"\n[inputs]\ndone = 3\nassigned = 4\nprogramme = 5\n");
    assert_eq!(node(&rs, &outcome, "1.1").max, dec("4"));
    assert_eq!(node(&rs, &outcome, "1.1").score, Some(dec("3")));
    assert!(outcome.result.missing.is_empty(), "{:?}", outcome.result.missing);
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    assert_eq!(outcome.result.achieved, dec("4"));
    assert_eq!(outcome.result.max, dec("5"));
    assert_eq!(outcome.result.percent, Some(dec("80")));
}

#[test]
fn an_input_the_parents_rule_reads_is_still_demanded() {
    // `assigned` is read by 1.1's own rule: without it the unit is incomplete.
    let (_, outcome) = own_rule("unit = \"U\"\n[inputs]\ndone = 3\nprogramme = 5\n");
    assert!(!outcome.result.missing.is_empty());
    assert_eq!(outcome.result.percent, None);
}

#[test]
fn an_overriding_parent_whose_children_are_all_not_evaluated_is_not_evaluated() {
    // 1.1.1 and 1.1.3 declared not evaluated, programme = 0 takes 1.1.2: 1.1 leaves the
    // unit, whose maximum is 1.2's 1; 1.2 = 1 → 100 %.
    let (rs, outcome) = own_rule(
        "unit = \"U\"\n[inputs]\ndone = 3\nassigned = 4\nprogramme = 0\n[not_evaluated]\n\"1.1.1\" = \"r\"\n\"1.1.3\" = \"r\"\n",
    );
    let parent = node(&rs, &outcome, "1.1");
    assert!(matches!(parent.status, chiso::eval::Status::NotEvaluated(_)));
    assert_eq!(parent.max, dec("0"));
    assert_eq!(outcome.result.max, dec("1"));
    assert_eq!(outcome.result.percent, Some(dec("100")));
}
