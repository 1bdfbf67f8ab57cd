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
                d.labels
                    .iter()
                    .map(|l| source[l.span.clone()].to_string())
                    .collect(),
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
    assert_eq!(
        findings(&src),
        vec![e011("from 80% to 90%: 0.5", "from 90% or more: 1")]
    );
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
    let message = chiso::analyze(&src).diagnostics[0].message.en();
    // (the English sentence's verb agrees with "the value" since the catalogue rewrite)
    assert_eq!(message, "gap between bands: the value 50% match no band");
}

#[test]
fn grade_bands_sharing_one_point_overlap_and_touching_ones_do_not() {
    let grades = |g: &str| {
        format!("ruleset \"t\" {{\n{g}\n}}\narea 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 }}\n")
    };
    // 90 is in `Tốt` (≥ 90) and in `Khá` (80 ≤ p ≤ 90).
    let src = grades(
        "xếp loại \"Tốt\" từ 90 trở lên\nxếp loại \"Khá\" từ 80 đến 90\nxếp loại \"Kém\" dưới 80",
    );
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
    assert!(
        outcome.result.missing.is_empty(),
        "{:?}",
        outcome.result.missing
    );
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
    assert!(
        outcome.result.missing.is_empty(),
        "{:?}",
        outcome.result.missing
    );
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
    assert!(matches!(
        parent.status,
        chiso::eval::Status::NotEvaluated(_)
    ));
    assert_eq!(parent.max, dec("0"));
    assert_eq!(outcome.result.max, dec("1"));
    assert_eq!(outcome.result.percent, Some(dec("100")));
}

// ---------------------------------------------------------------------------------------
// 3. explain and advise: the batch behind best(…), and the stage shown.
// ---------------------------------------------------------------------------------------

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

/// A folder with the ruleset `t.chiso` and unit files: A self (30/100), B self (60/100),
/// A appraised (20/100).
fn best_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write("t.chiso", BEST);
    write(
        "a-self.toml",
        "unit = \"A\"\nstage = \"self\"\n[inputs]\nonline = 30\nall = 100\n",
    );
    write(
        "b-self.toml",
        "unit = \"B\"\nstage = \"self\"\n[inputs]\nonline = 60\nall = 100\n",
    );
    write(
        "a-appraised.toml",
        "unit = \"A\"\nstage = \"appraised\"\n[inputs]\nonline = 20\nall = 100\n",
    );
    dir
}

fn p(dir: &tempfile::TempDir, name: &str) -> String {
    dir.path().join(name).to_str().unwrap().to_string()
}

#[test]
fn explain_of_a_best_rule_alone_says_it_needs_the_batch() {
    let dir = best_dir();
    // Alone, A is its own best: 0.3 / 0.3 = 1 × 2 = 2.
    let (code, stdout, stderr) = run_chiso(&[
        "explain",
        &p(&dir, "t.chiso"),
        &p(&dir, "a-self.toml"),
        "1.1",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("  result:    2 of 2\n"), "{stdout}");
    assert!(
        stdout.contains("compares the unit with the best unit of its batch"),
        "{stdout}"
    );
    assert!(stdout.contains("--batch"), "{stdout}");
}

#[test]
fn explain_batch_takes_several_files() {
    let dir = best_dir();
    // With B (0.6) in the batch: 0.3 / 0.6 = 0.5 × 2 = 1; no note. The appraised file of A
    // is given too, so A's stage must be chosen: --stage self.
    let (code, stdout, stderr) = run_chiso(&[
        "explain",
        &p(&dir, "t.chiso"),
        &p(&dir, "a-self.toml"),
        "1.1",
        "--stage",
        "self",
        "--batch",
        &p(&dir, "b-self.toml"),
        &p(&dir, "a-appraised.toml"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("  result:    1 of 2\n"), "{stdout}");
    assert!(stdout.contains("stage self (tự đánh giá)"), "{stdout}");
    assert!(!stdout.contains("note:"), "{stdout}");
}

#[test]
fn explain_shows_the_appraised_stage_by_default_and_the_self_stage_on_request() {
    let dir = best_dir();
    let args = |stage: Option<&str>| {
        let mut v = vec![
            "explain".to_string(),
            p(&dir, "t.chiso"),
            p(&dir, "a-self.toml"),
            "1.2".to_string(),
            "--batch".to_string(),
            p(&dir, "a-appraised.toml"),
        ];
        if let Some(s) = stage {
            v.push("--stage".into());
            v.push(s.into());
        }
        v
    };
    let run = |stage: Option<&str>| {
        let a = args(stage);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run_chiso(&a)
    };
    // Default: the appraisal counts. 1.2 = 20/100 × 1 = 0.2.
    let (code, stdout, stderr) = run(None);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("  unit:      A, stage appraised (thẩm định)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  result:    0.2 of 1\n"), "{stdout}");
    // Self, in Vietnamese: 30/100 × 1 = 0.3.
    let (code, stdout, stderr) = run(Some("tự đánh giá"));
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("  unit:      A, stage self (tự đánh giá)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  result:    0.3 of 1\n"), "{stdout}");
    // "thẩm định" is the appraisal.
    let (_, stdout, _) = run(Some("thẩm định"));
    assert!(stdout.contains("stage appraised (thẩm định)"), "{stdout}");
    // A stage word the ruleset does not have is an error that lists its stages (read after
    // the ruleset, whose own stage names `--stage` also takes).
    let (code, _, stderr) = run(Some("final"));
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("\"appraised\""), "{stderr}");
}

#[test]
fn explain_refuses_a_stage_the_unit_does_not_have() {
    let dir = best_dir();
    let (code, _, stderr) = run_chiso(&[
        "explain",
        &p(&dir, "t.chiso"),
        &p(&dir, "b-self.toml"),
        "1.2",
        "--stage",
        "appraised",
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("B has no appraised (appraisal) data"),
        "{stderr}"
    );
}

#[test]
fn advise_on_two_stages_advises_the_appraisal_and_says_so() {
    let dir = best_dir();
    // A appraised, alone in its stage: 1.1 = 0.2 / 0.2 × 2 = 2, 1.2 = 0.2; 2.2 of 3 =
    // 73.333… → 73.33 %. The ruleset has no grades.
    let (code, stdout, stderr) = run_chiso(&[
        "advise",
        "--lang",
        "vi",
        &p(&dir, "t.chiso"),
        &p(&dir, "a-self.toml"),
        &p(&dir, "a-appraised.toml"),
        "--unit",
        "A",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("A (thẩm định) — 2,2 điểm, chỉ số 73,33%, xếp loại —\nBộ tiêu chí này không có xếp loại.\n"),
        "{stdout}"
    );
    // The self stage on request, with B (self, 0.6) in the batch: 1.1 = 0.3/0.6 × 2 = 1,
    // 1.2 = 0.3 → 1.3 of 3 = 43.333… → 43.33 %.
    let (code, stdout, stderr) = run_chiso(&[
        "advise",
        "--lang",
        "vi",
        &p(&dir, "t.chiso"),
        &p(&dir, "a-self.toml"),
        &p(&dir, "a-appraised.toml"),
        &p(&dir, "b-self.toml"),
        "--unit",
        "A",
        "--stage",
        "self",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("A (tự đánh giá) — 1,3 điểm, chỉ số 43,33%, xếp loại —\n"),
        "{stdout}"
    );
}

// ---------------------------------------------------------------------------------------
// 4. advise proposes only possible, non-perverse changes.
// ---------------------------------------------------------------------------------------

#[test]
fn advise_on_kon_ray_2023_proposes_no_whole_and_no_impossible_part() {
    let (code, stdout, stderr) = run_chiso(&[
        "advise",
        "--lang",
        "vi",
        "rulesets/kon-tum/huyen-2023-trich.chiso",
        "rulesets/kon-tum/data/kon-ray-2023.toml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    // 44.6 of 47 points (cli.rs, seed 004's criteria) → 94.89 %; the excerpt has no grades.
    assert!(
        stdout.starts_with("UBND huyện Kon Rẫy (tự đánh giá) — 44,6 điểm, chỉ số 94,89%, xếp loại —\nBộ tiêu chí này không có xếp loại.\n"),
        "{stdout}"
    );
    let headings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(" (hiện "))
        .map(|l| l.split(" (hiện ").next().unwrap())
        .collect();
    // Wholes (dossiers received, dossiers settled, tasks assigned, units, procedures offered)
    // are not levers. Tasks: 15 on time + 1 late = 16 = 19 assigned − 3 not yet due, so no
    // one of them can rise alone (17 done of 16 due is impossible).
    // 7.2.2: 0.14 → 0.16 needs a ratio rounding to 0.08, i.e. ≥ 7.5 % of 2534 = 190.05 → 191.
    // 3.4.1: 0.97 → 0.98 needs ≥ 97.5 % of 663 = 646.4 → 647.
    // 7.3.2: 19/86 = 22.09 % → 0.11; 20/86 = 23.26 % → 0.23 × 0.5 = 0.115 → 0.12.
    // 1.3.1 (11 of 19 ≥ 50 %) and 3.4.2 (3630/3638 → 100 %) already have full points.
    assert_eq!(
        headings,
        vec![
            "hồ_sơ_trực_tuyến_toàn_trình",
            "hồ_sơ_huyện_đúng_hạn",
            "tthc_có_giao_dịch_thanh_toán"
        ],
        "{stdout}"
    );
    assert!(stdout.contains("+22: 169 → 191, +0,02 điểm"), "{stdout}");
    assert!(stdout.contains("+5: 642 → 647, +0,01 điểm"), "{stdout}");
    assert!(stdout.contains("+1: 19 → 20, +0,01 điểm"), "{stdout}");
}

const TASKS: &str = r#"ruleset "t" {
  zero denominator: zero
  rounding ratio 2
  grade "Tốt" from 90
  grade "Khá" from 70 below 90
  grade "Kém" below 70
}
input assigned: count "tasks assigned"
input on_time: count "tasks done on time"
input late: count "tasks done late"
input communes: count "communes"
input connected: count "communes connected"
area 1 "A" max 2 {
  criterion 1.1 "tasks" max 1 { score = ratio(on_time + late / 2, assigned) * max }
  criterion 1.2 "communes" max 1 { score = ratio(connected, communes) * max }
}
"#;

#[test]
fn advise_keeps_parts_within_their_whole_and_never_lowers_a_whole() {
    let rs = chiso::analyze(TASKS);
    assert!(!rs.has_errors(), "{:#?}", rs.diagnostics);
    let rs = rs.ruleset;
    let (data, problems) = chiso_formats::unit_file::load(
        &rs,
        "unit = \"X\"\n[inputs]\nassigned = 10\non_time = 6\nlate = 2\ncommunes = 20\nconnected = 10\n",
        chiso_formats::unit_file::DataFormat::Toml,
    );
    assert!(problems.is_empty(), "{problems:#?}");
    let data = data.unwrap();
    let advice = chiso::batch::advice::advise(&rs, &data, &[]);
    // Now: 1.1 = (6 + 2/2)/10 = 0.7, 1.2 = 10/20 = 0.5 → 1.2 of 2 = 60 %, Kém; Khá from 70.
    assert_eq!(advice.achieved, dec("1.2"));
    assert_eq!(advice.next_grade, Some(("Khá".to_string(), dec("70"))));
    let slot = |name: &str| rs.inputs.iter().position(|i| i.name == name).unwrap();
    let levers: Vec<&str> = advice
        .inputs
        .iter()
        .map(|a| rs.inputs[a.input].name.as_str())
        .collect();
    // assigned and communes are wholes: never proposed (fewer tasks assigned or fewer
    // communes would raise the ratios, perversely).
    assert!(!levers.contains(&"assigned"), "{levers:?}");
    assert!(!levers.contains(&"communes"), "{levers:?}");
    let of = |name: &str| {
        advice
            .inputs
            .iter()
            .find(|a| a.input == slot(name))
            .unwrap()
    };
    let to = |c: &Option<chiso::batch::advice::Change>| match c.as_ref().map(|c| &c.to) {
        Some(chiso::model::Value::Number(n)) => *n,
        other => panic!("{other:?}"),
    };
    // on_time: at most 10 − 2 late = 8. 8 on time: (8 + 1)/10 = 0.9 → 1.4 of 2 = 70 %, Khá.
    // Beyond 8 (9 on time + 2 late = 11 of 10 tasks) is impossible, so the most it gives is
    // +0.2 at 8.
    assert_eq!(to(&of("on_time").next_grade), dec("8"));
    assert_eq!(to(&of("on_time").best_rate), dec("7"));
    assert!(advice
        .inputs
        .iter()
        .flat_map(|a| [&a.next_step, &a.best_rate, &a.next_grade])
        .flatten()
        .all(|c| c.input != slot("on_time") || to(&Some(c.clone())) <= dec("8")));
    // late: at most 10 − 6 = 4: (6 + 4/2)/10 = 0.8 → 1.3 = 65 %: never Khá alone.
    assert!(of("late").next_grade.is_none());
    assert!(advice
        .inputs
        .iter()
        .flat_map(|a| [&a.next_step, &a.best_rate, &a.next_grade])
        .flatten()
        .all(|c| c.input != slot("late") || to(&Some(c.clone())) <= dec("4")));
    // connected: 14 of 20 = 0.7 → 1.4 = 70 %, Khá.
    assert_eq!(to(&of("connected").next_grade), dec("14"));
}

#[test]
fn explain_says_a_rule_below_a_parent_with_its_own_rule_is_not_counted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.chiso"), OWN_RULE).unwrap();
    std::fs::write(
        dir.path().join("u.toml"),
        "unit = \"U\"\n[inputs]\ndone = 3\nassigned = 4\nprogramme = 5\n",
    )
    .unwrap();
    let (code, stdout, stderr) =
        run_chiso(&["explain", &p(&dir, "t.chiso"), &p(&dir, "u.toml"), "1.1.2"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "1. not counted: 1.1 is scored by its own rule, so this rule is shown, not used\n"
        ),
        "{stdout}"
    );
    // x is not given: 1.1.2 cannot be computed, and nothing asks for x.
    assert!(stdout.contains("  result:    missing data\n"), "{stdout}");
    // 1.1 itself: 3/4 × 4 = 3 of 4 (every child evaluated).
    let (_, stdout, _) = run_chiso(&["explain", &p(&dir, "t.chiso"), &p(&dir, "u.toml"), "1.1"]);
    assert!(stdout.contains("  result:    3 of 4\n"), "{stdout}");
}

// ---------------------------------------------------------------------------------------
// 5. README truth.
// ---------------------------------------------------------------------------------------

#[test]
fn the_readme_lists_each_command_once() {
    let readme = crate::common::read("README.md");
    let mut commands: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("| `chiso "))
        .map(|rest| rest.split([' ', '`']).next().unwrap())
        .collect();
    let listed = commands.len();
    commands.sort_unstable();
    commands.dedup();
    assert_eq!(commands.len(), listed, "{commands:?}");
    // Every subcommand of `chiso --help` has its row, and no other.
    let (code, help, _) = crate::common::run_chiso(&["--help"]);
    assert_eq!(code, 0);
    let mut subcommands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    subcommands.sort_unstable();
    assert!(subcommands.len() >= 10, "{help}");
    assert_eq!(commands, subcommands);
}

#[test]
fn the_bundled_targets_name_the_unit_of_their_batch() {
    // The README's command: Kon Rẫy's 2021 result with its 2022 targets. The targets file
    // names "UBND huyện Kon Rẫy", the unit of kon-ray-2021.toml, so its section is shown
    // and no "match no unit" warning is given.
    let (code, stdout, stderr) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        "rulesets/kon-tum/huyen-2022.chiso",
        "rulesets/kon-tum/data/kon-ray-2021.toml",
        "--targets",
        "rulesets/kon-tum/data/kon-ray-2022-muc-tieu.toml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("match no unit"), "{stderr}");
    assert!(
        stdout.contains("Điểm phấn đấu và kết quả — UBND huyện Kon Rẫy\n"),
        "{stdout}"
    );
    let readme = crate::common::read("README.md");
    assert!(readme.contains("chiso score rulesets/kon-tum/huyen-2022.chiso rulesets/kon-tum/data/kon-ray-2021.toml --targets rulesets/kon-tum/data/kon-ray-2022-muc-tieu.toml"));
}

#[test]
fn the_readmes_first_example_prints_what_the_readme_says() {
    // 7.2.2: 169/2534 = 6.67 % → 7 % × 2 = 0.14; 1.6.1: 15.5/16 → 97 % × 4 = 3.88; 1.6.2 not
    // evaluated; 44.6 of 47 = 94.89 %; the excerpt has no grade bands: "—".
    let (code, stdout, stderr) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        "rulesets/kon-tum/huyen-2023-trich.chiso",
        "rulesets/kon-tum/data/kon-ray-2023.toml",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let row = |id: &str| {
        stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row {id}:\n{stdout}"))
            .to_string()
    };
    assert!(row("7.2.2").contains(" 0,14 "), "{}", row("7.2.2"));
    assert!(row("1.6.1").contains(" 3,88 "), "{}", row("1.6.1"));
    assert!(row("1.6.2").contains("không đánh giá"), "{}", row("1.6.2"));
    assert!(
        stdout.contains("Tổng điểm: 44,6 / 47   Chỉ số: 94,89%   Xếp loại: —"),
        "{stdout}"
    );
    let readme = crate::common::read("README.md");
    assert!(
        readme.contains("this excerpt of the 2023 set declares none, so its grade shows as `—`")
    );
}

#[test]
fn the_remaining_boundary_pairs() {
    // (arms, expected codes): `trên 50%` (> 50%) then `từ 50%` (≥ 50%): both match 51%.
    // `trên 50%` then `đến 50%`: > and ≤ touch. `từ 80% đến dưới 90%` then `từ 90% đến 100%`:
    // < 90% and ≥ 90% touch. `= 100%` then `dưới 100%`: touch.
    for (arms, expected) in [
        ("trên 50%: 1\ntừ 50%: 0.5\ndưới 50%: 0", vec!["E011"]),
        ("trên 50%: 1\nđến 50%: 0", vec![]),
        (
            "từ 90% đến 100%: 1\ntừ 80% đến dưới 90%: 0.5\ndưới 80%: 0",
            vec![],
        ),
        ("= 100%: 1\ndưới 100%: 0", vec![]),
        (
            "từ 90% đến 100%: 1\ntừ 80% không quá 90%: 0.5\ndưới 80%: 0",
            vec!["E011"],
        ),
    ] {
        let got: Vec<&str> = codes(&ratio_bands(arms)).iter().map(|c| c.0).collect();
        assert_eq!(got, expected, "{arms}");
    }
}

#[test]
fn explain_batch_takes_a_sheet_too() {
    let dir = best_dir();
    // B as a row of a sheet: 0.3 / 0.6 × 2 = 1 for A.
    std::fs::write(
        dir.path().join("others.csv"),
        "Đơn vị,online,all\nB,60,100\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_chiso(&[
        "explain",
        &p(&dir, "t.chiso"),
        &p(&dir, "a-self.toml"),
        "1.1",
        "--batch",
        &p(&dir, "others.csv"),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("  result:    1 of 2\n"), "{stdout}");
}

#[test]
fn explain_and_advise_on_a_two_stage_sheet_show_the_appraisal_unless_asked() {
    let dir = best_dir();
    // One unit, two rows: self 30/100, appraised 20/100. No --unit is needed: the sheet
    // names one unit.
    std::fs::write(
        dir.path().join("a.csv"),
        "Đơn vị,giai đoạn,online,all\nA,tự đánh giá,30,100\nA,thẩm định,20,100\n",
    )
    .unwrap();
    let sheet = p(&dir, "a.csv");
    let ruleset = p(&dir, "t.chiso");
    // Appraised: 1.2 = 20/100 × 1 = 0.2.
    let (code, stdout, stderr) = run_chiso(&["explain", &ruleset, &sheet, "1.2"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("  unit:      A, stage appraised (thẩm định)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  result:    0.2 of 1\n"), "{stdout}");
    // Self: 30/100 × 1 = 0.3.
    let (code, stdout, stderr) =
        run_chiso(&["explain", &ruleset, &sheet, "1.2", "--stage", "self"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("  result:    0.3 of 1\n"), "{stdout}");
    // advise: the appraisal, alone in its stage: 1.1 = 0.2/0.2 × 2 = 2, 1.2 = 0.2 → 2.2 of 3
    // = 73.33 %.
    let (code, stdout, stderr) = run_chiso(&["advise", "--lang", "vi", &ruleset, &sheet]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("A (thẩm định) — 2,2 điểm, chỉ số 73,33%"),
        "{stdout}"
    );
    // Self, in Vietnamese: 1.1 = 0.3/0.3 × 2 = 2, 1.2 = 0.3 → 2.3 of 3 = 76.67 %.
    let (code, stdout, stderr) = run_chiso(&[
        "advise",
        "--lang",
        "vi",
        &ruleset,
        &sheet,
        "--stage",
        "tự đánh giá",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("A (tự đánh giá) — 2,3 điểm, chỉ số 76,67%"),
        "{stdout}"
    );
}
