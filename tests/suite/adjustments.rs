//! Grades on points, bonus and penalty points outside the tree, the precision a report
//! prints, and full points when nothing was assigned (issue 12, items 1, 2, 5, 7). Every
//! expected number is worked by hand in a comment from the rule's wording, never taken from
//! chiso's output.

use crate::common::{codes, read, run_chiso};
use chiso::batch::{grade_counts, rank};
use serde_json::Value as Json;

const PROVINCE: &str = "tests/fixtures/adjust/thuong-tru.chiso";
const DATA: &str = "tests/fixtures/adjust/data";

fn analyze(source: &str) -> chiso::Analysis {
    chiso::analyze(source)
}

fn error_codes(source: &str) -> Vec<&'static str> {
    codes(source)
        .into_iter()
        .map(|(c, _)| c)
        .filter(|c| c.starts_with('E'))
        .collect()
}

/// Every finding's code and message.
fn messages(source: &str) -> Vec<(&'static str, String)> {
    analyze(source)
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.en()))
        .collect()
}

const HEADER_18: &str = "ruleset \"p\" {\n  total 18\n  grade on points\n";
const TREE_18: &str =
    "area 1 \"A\" max 18 {\n  criterion 1.1 \"x\" max 10\n  criterion 1.2 \"y\" max 8\n}\n";

// ───────────── 1. grades on points ─────────────

#[test]
fn grade_bands_on_points_are_checked_over_zero_to_the_tree_total() {
    // From 15, 12–15, below 12: 0–18 covered exactly once.
    let good = format!(
        "{HEADER_18}  grade \"Xuất sắc\" from 15\n  grade \"Tốt\" from 12 below 15\n  grade \"Đạt\" below 12\n}}\n{TREE_18}"
    );
    assert!(error_codes(&good).is_empty(), "{:?}", codes(&good));
    // Up to 17 leaves 17 < total ≤ 18 without a grade: a gap in points, not in percent.
    let gap = format!(
        "{HEADER_18}  grade \"Tốt\" from 12 to 17\n  grade \"Đạt\" below 12\n}}\n{TREE_18}"
    );
    let found = messages(&gap);
    assert!(
        found
            .iter()
            .any(|(c, m)| *c == "E016" && m.contains("totals") && m.contains("17")),
        "{found:?}"
    );
    // A band written with `%` in a ruleset that grades on points is a slip: 15% is not 15
    // points.
    let slip = format!(
        "{HEADER_18}  grade \"Xuất sắc\" from 15\n  grade \"Tốt\" from 12 below 15\n  grade \"Đạt\" below 12%\n}}\n{TREE_18}"
    );
    let found = messages(&slip);
    assert!(
        found
            .iter()
            .any(|(c, m)| *c == "E016" && m.contains("written in %")),
        "{found:?}"
    );
    // Without `grade on points` the range is 0–100 %: bands `from 15` and `below 15` cover it.
    let percent = "ruleset \"p\" {\n  grade \"A\" from 15\n  grade \"B\" below 15\n}\narea 1 \"A\" max 18 { criterion 1.1 \"x\" max 18 }\n";
    assert!(error_codes(percent).is_empty(), "{:?}", codes(percent));
    // An overlap: 12–15 inclusive and from 15 both take 15 points.
    let overlap = format!(
        "{HEADER_18}  grade \"Xuất sắc\" from 15\n  grade \"Tốt\" from 12 to 15\n  grade \"Đạt\" below 12\n}}\n{TREE_18}"
    );
    let found = messages(&overlap);
    assert!(
        found
            .iter()
            .any(|(c, m)| *c == "E016" && m.contains("overlaps")),
        "{found:?}"
    );
}

#[test]
fn a_unit_is_graded_on_its_total_and_ranked_on_it() {
    // The test province (fixture), by hand:
    // A: 6 + 3 + 5 + 1 = 15 tree points of 18. T1 = min(3 × 0,5; 1) = 1, T2 = 1: bonus 2,
    //    capped by `điểm thưởng tối đa 1,5` → 1,5 (room below the maximum 18 − 15 = 3).
    //    P1 = 2 × 1 = 2 (≤ cap 3). Total 15 + 1,5 − 2 = 14,5 → "Tốt" (12 ≤ 14,5 < 15);
    //    percentage 14,5 / 18 = 80,555…% → 80,56.
    // B: 2.2 not evaluated (maximum 16); 5 + 4 + 5 = 14, no bonus or penalty: total 14 →
    //    "Tốt"; percentage 14 / 16 = 87,5.
    // C: 6 + 4 + 6 + 1,9 = 17,9; T1 = 0,5 but only 18 − 17,9 = 0,1 fits below the maximum
    //    (bonus within max, the default): total 18 → "Xuất sắc", 100 %.
    // D: kỷ_luật missing (no default): incomplete, no grade, no rank.
    // Ranking on points: C 18, A 14,5, B 14 — on the percentage B (87,5) would precede A.
    let (code, stdout, stderr) = run_chiso(&["score", PROVINCE, DATA, "--format", "json"]);
    assert_eq!(code, 1, "D is incomplete: {stderr}");
    let json: Json = serde_json::from_str(&stdout).expect("json");
    let units = json.as_array().expect("an array of units");
    let unit = |name: &str| {
        units
            .iter()
            .find(|u| u["unit"] == name)
            .unwrap_or_else(|| panic!("{name} in {stdout}"))
    };
    let a = unit("UBND xã A");
    assert_eq!(a["achieved"], "15");
    assert_eq!(a["adjustments"]["total"], "14.5");
    assert_eq!(a["adjustments"]["bonus"], "1.5");
    assert_eq!(a["adjustments"]["penalty"], "2");
    assert_eq!(a["percent"], "80.56");
    assert_eq!(a["grade"], "Tốt");
    let items = a["adjustments"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["id"], "T1");
    assert_eq!(items[0]["kind"], "bonus");
    assert_eq!(items[0]["computed"], "1.5");
    assert_eq!(items[0]["points"], "1");
    assert_eq!(items[2]["kind"], "penalty");
    assert_eq!(items[2]["points"], "2");
    let b = unit("UBND xã B");
    assert_eq!(b["percent"], "87.5");
    assert_eq!(b["grade"], "Tốt");
    let c = unit("UBND xã C");
    assert_eq!(c["adjustments"]["bonus"], "0.1");
    assert_eq!(c["adjustments"]["total"], "18");
    assert_eq!(c["grade"], "Xuất sắc");
    let d = unit("UBND xã D");
    assert_eq!(d["complete"], false);
    assert_eq!(d["grade"], Json::Null);
    assert_eq!(d["adjustments"]["items"][2]["status"], "missing");
    assert!(
        stderr.contains("missing input `kỷ_luật`, needed by penalty P1"),
        "{stderr}"
    );
    assert_eq!(c["rank"], 1);
    assert_eq!(a["rank"], 2);
    assert_eq!(b["rank"], 3);
    assert_eq!(d["rank"], Json::Null);
}

#[test]
fn the_core_ranks_and_counts_grades_on_points() {
    let analysis = analyze(&read(PROVINCE));
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let rs = analysis.ruleset;
    let units = chiso_formats::units::FileUnits {
        files: ["a", "b", "c", "d"]
            .iter()
            .map(|n| (format!("{n}.toml"), read(format!("{DATA}/{n}.toml"))))
            .collect(),
    };
    let batch = chiso::batch::score(&rs, &units, &mut |_| {});
    assert!(batch.rank_on_points);
    let ranking = rank(&batch);
    let order: Vec<(&str, Option<usize>)> = ranking
        .rows
        .iter()
        .map(|r| (batch.units[r.unit].unit(), r.rank))
        .collect();
    assert_eq!(
        order,
        [
            ("UBND xã C", Some(1)),
            ("UBND xã A", Some(2)),
            ("UBND xã B", Some(3)),
            ("UBND xã D", None)
        ]
    );
    // Xuất sắc: C; Tốt: A, B; Đạt, Chưa đạt: none; D ungraded. Bands described in points.
    let counts = grade_counts(&rs, &ranking);
    let shown: Vec<(Option<&str>, &str, usize)> = counts
        .iter()
        .map(|g| (g.grade.as_deref(), g.band.as_str(), g.count))
        .collect();
    assert_eq!(
        shown,
        [
            (Some("Xuất sắc"), "từ 15 điểm trở lên", 1),
            (Some("Tốt"), "từ 12 điểm đến dưới 15 điểm", 2),
            (Some("Đạt"), "từ 9 điểm đến dưới 12 điểm", 0),
            (Some("Chưa đạt"), "dưới 9 điểm", 0),
            (None, "", 1),
        ]
    );
}

// ───────────── 2. bonus and penalty points ─────────────

#[test]
fn bonus_and_penalty_lines_appear_in_the_table_markdown_and_csv() {
    let a = format!("{DATA}/a.toml");
    let (_, table, _) = run_chiso(&["score", "--lang", "vi", PROVINCE, &a]);
    // T1: 3 × 0,5 = 1,5 cut to its cap 1; T2: 1; P1: 2; bonus 2 cut to 1,5 by the total cap.
    assert!(
        table.contains("Điểm thưởng T1 “Sáng kiến được công nhận”: +1 (tính được 1,5, tối đa 1)"),
        "{table}"
    );
    assert!(
        table.contains("Điểm thưởng T2 “Giải thưởng”: +1"),
        "{table}"
    );
    assert!(
        table.contains("Điểm trừ P1 “Kỷ luật cán bộ”: −2"),
        "{table}"
    );
    assert!(
        table.contains(
            "Điểm các tiêu chí: 15   Điểm thưởng được cộng: +1,5   Điểm trừ: −2\nTổng điểm: 14,500 / 18"
        ),
        "{table}"
    );
    let (_, md, _) = run_chiso(&[
        "score", "--lang", "vi", PROVINCE, &a, "--format", "markdown",
    ]);
    assert!(md.contains("- Điểm trừ P1 “Kỷ luật cán bộ”: −2"), "{md}");
    // The page a province publishes ranks on the total after the items (15 + 1,5 − 2 = 14,5
    // of 18) and lists the items under the unit.
    let (_, html, _) = run_chiso(&["score", "--lang", "vi", PROVINCE, &a, "--format", "html"]);
    assert!(html.contains("Điểm trừ P1 “Kỷ luật cán bộ”: −2"), "{html}");
    // … printed with the ruleset's `hiển thị 3 chữ số`.
    assert!(html.contains(">14,500</td>"), "{html}");
    let (_, csv, _) = run_chiso(&["score", "--lang", "vi", PROVINCE, &a, "--format", "csv"]);
    // A row per item: level says bonus or penalty, score is signed; the total row is 14,5.
    assert!(
        csv.contains("UBND xã A,T1,Sáng kiến được công nhận,bonus,1,1,scored"),
        "{csv}"
    );
    assert!(
        csv.contains("UBND xã A,P1,Kỷ luật cán bộ,penalty,,-2,scored"),
        "{csv}"
    );
    assert!(csv.contains("UBND xã A,,TỔNG,unit,18,14.5,scored"), "{csv}");
}

/// Runs a ruleset's own test cases and asserts they all pass (their expectations are the
/// hand computations in the ruleset's comments).
fn tests_pass(source: &str) {
    let analysis = analyze(source);
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let outcomes = chiso::testing::run_tests(&analysis.ruleset);
    assert!(!outcomes.is_empty());
    for o in outcomes {
        assert!(o.passed(), "{:?}", o.failures);
    }
}

#[test]
fn a_bonus_above_the_maximum_lifts_the_percentage_above_100() {
    // "điểm thưởng vượt tối đa": 10 + min(3 × 1; 2) = 12 of 10 → 120 %. Percentage bands
    // must then be open above: `from 90` is, so no E016.
    tests_pass(
        "ruleset \"v\" {\n  bonus above max\n  grade \"Tốt\" from 90\n  grade \"Chưa tốt\" below 90\n}\n\
         input initiatives: count default 0\n\
         area 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n\
         bonus B1 \"Initiatives\" max 2 { score = initiatives * 1 }\n\
         test \"above\" {\n  points 1.1 = 10\n  given initiatives = 3\n  expect total = 12\n  expect achieved = 10\n  expect percent = 120\n  expect grade \"Tốt\"\n}\n",
    );
    // A closed best band leaves totals above the maximum without a grade.
    let closed = "ruleset \"v\" {\n  bonus above max\n  grade \"Tốt\" from 90 to 100\n  grade \"Chưa tốt\" below 90\n}\n\
         input initiatives: count default 0\n\
         area 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n\
         bonus B1 \"Initiatives\" max 2 { score = initiatives * 1 }\n";
    let found = messages(closed);
    assert!(
        found
            .iter()
            .any(|(c, m)| *c == "E016" && m.contains("above 100")),
        "{found:?}"
    );
}

#[test]
fn a_declared_floor_stops_penalties_and_never_raises_a_total() {
    // floor 5: 8 − 3 × 1 = 5 (the penalty 3 is all applied), 6 − 3 would be 3 → stops at 5
    // (penalty 1 applied), and 4 (already below the floor) stays 4 (penalty 0).
    tests_pass(
        "ruleset \"f\" { floor 5 }\n\
         input violations: count default 0\n\
         area 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n\
         penalty P1 \"Violations\" { score = violations * 1 }\n\
         test \"8\" { points 1.1 = 8\n given violations = 3\n expect total = 5 }\n\
         test \"6\" { points 1.1 = 6\n given violations = 3\n expect total = 5 }\n\
         test \"4\" { points 1.1 = 4\n given violations = 3\n expect total = 4 }\n",
    );
    // With a bonus: the bonus is added first, then the penalty stops at the floor. 4 + 2 = 6,
    // the penalty 3 may take at most 6 − 5 = 1: total 5.
    tests_pass(
        "ruleset \"f\" { floor 5 }\n\
         input violations: count default 0\n\
         input initiatives: count default 0\n\
         area 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n\
         bonus B1 \"Initiatives\" { score = initiatives * 1 }\n\
         penalty P1 \"Violations\" { score = violations * 1 }\n\
         test \"4 + 2 − 3\" { points 1.1 = 4\n given violations = 3, initiatives = 2\n expect total = 5\n expect percent = 50 }\n",
    );
}

#[test]
fn bonus_and_penalty_items_are_checked() {
    let base = "ruleset \"c\" { zero denominator: zero }\ninput n: count\ninput m: count\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n";
    // No rule.
    assert_eq!(
        error_codes(&format!("{base}bonus B1 \"b\" max 1\n")),
        ["E025"]
    );
    // A negative penalty: the points are a magnitude.
    let neg = format!("{base}penalty P1 \"p\" {{ score = 0 - n }}\n");
    assert_eq!(error_codes(&neg), ["E026"]);
    // What only a criterion has: awarded, best, max without a cap.
    for rule in ["awarded", "best(n)", "max * n"] {
        let src = format!("{base}bonus B1 \"b\" {{ score = {rule} }}\n");
        assert!(
            error_codes(&src).contains(&"E025"),
            "{rule}: {:?}",
            codes(&src)
        );
    }
    // `max` with a cap is the cap: fine.
    assert!(error_codes(&format!(
        "{base}bonus B1 \"b\" max 2 {{ score = min(n, max) }}\n"
    ))
    .is_empty());
    // Inputs are checked like any rule's: unknown name, ratio without a policy is fine here
    // (the header has one), an id shared with a node.
    assert!(error_codes(&format!("{base}bonus B1 \"b\" {{ score = k }}\n")).contains(&"E008"));
    assert!(error_codes(&format!("{base}bonus 1.1 \"b\" {{ score = n }}\n")).contains(&"E002"));
    let no_policy = "ruleset \"c\" {}\ninput n: count\ninput m: count\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\nbonus B1 \"b\" { score = ratio(n, m) }\n";
    assert!(error_codes(no_policy).contains(&"E014"));
    // A floor above the tree's total.
    assert_eq!(
        error_codes(
            "ruleset \"c\" { floor 11 }\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n"
        ),
        ["E027"]
    );
    // Two caps of one kind.
    assert!(error_codes("ruleset \"c\" { bonus max 1\n bonus max 2 }\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n").contains(&"E023"));
    // A negative cap cannot be written.
    assert!(error_codes(
        "ruleset \"c\" { bonus max -1 }\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\n"
    )
    .contains(&"E001"));
    // An input read only by an item is used (no W001).
    let used = format!("{base}bonus B1 \"b\" {{ score = n + m }}\n");
    assert!(
        !codes(&used).iter().any(|(c, _)| *c == "W001"),
        "{:?}",
        codes(&used)
    );
}

#[test]
fn a_ruleset_without_items_scores_as_before() {
    // No item: no `adjustments`, the total is the tree's.
    let (code, stdout, _) = run_chiso(&[
        "score",
        "rulesets/kon-tum/huyen-2022.chiso",
        "rulesets/kon-tum/data/kon-ray-2021.toml",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let json: Json = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json[0]["adjustments"], Json::Null);
    // 81,45 / 95 (seed 000, "Tổng cộng" row).
    assert_eq!(json[0]["achieved"], "81.45");
}

#[test]
fn english_and_vietnamese_keywords_say_the_same() {
    let en = "ruleset \"k\" {\n  grade on points\n  grade \"A\" from 5\n  grade \"B\" below 5\n  bonus max 1\n  penalty max 2\n  bonus within max\n  floor 0\n  display 3 places\n}\ninput n: count default 0\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\nbonus T1 \"t\" max 1 { score = n }\npenalty P1 \"p\" { score = n }\n";
    let vi = "bộ tiêu chí \"k\" {\n  xếp loại theo điểm\n  xếp loại \"A\" từ 5\n  xếp loại \"B\" dưới 5\n  điểm thưởng tối đa 1\n  điểm phạt tối đa 2\n  diem thuong trong toi da\n  điểm sàn 0\n  hiển thị 3 chữ số thập phân\n}\nđầu vào n: số lượng mặc định 0\nlĩnh vực 1 \"A\" tối đa 10 { tiêu chí 1.1 \"x\" tối đa 10 }\nđiểm thưởng T1 \"t\" tối đa 1 { điểm = n }\nđiểm trừ P1 \"p\" { điểm = n }\n";
    let (a, b) = (analyze(en), analyze(vi));
    assert!(!a.has_errors(), "{:?}", a.diagnostics);
    assert!(!b.has_errors(), "{:?}", b.diagnostics);
    assert_eq!(
        chiso::format::model_fingerprint(&a.ruleset),
        chiso::format::model_fingerprint(&b.ruleset)
    );
    assert_eq!(a.ruleset.meta.display_places, Some(3));
    assert_eq!(a.ruleset.adjustments.len(), 2);
}

#[test]
fn the_formatter_lays_out_items_and_keeps_their_meaning() {
    let messy = "ruleset \"f\" {  bonus max 1\n floor 0 }\ninput n: count default 0\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\nbonus   T1 \"t\"   max 1 {   score =   n  *\n 0.5\n  ref \"Điều 5\" }\n";
    let formatted = chiso::format::format(messy).expect("formats");
    assert!(
        formatted.contains("bonus T1 \"t\" max 1 {\n  score = n * 0.5\n  ref \"Điều 5\"\n}\n"),
        "{formatted}"
    );
    assert_eq!(chiso::format::format(&formatted).unwrap(), formatted);
    // The fixture is already in the canonical layout (CI runs `chiso fmt --check`).
    let (code, out, err) = run_chiso(&["fmt", "--check", PROVINCE]);
    assert_eq!(code, 0, "{out}{err}");
}

// ───────────── 5. precision as published ─────────────

#[test]
fn a_report_prints_the_declared_places_whatever_the_computation_rounds_to() {
    // `hiển thị 3 chữ số`: A's total 14,5 is printed 14,500, C's 18 as 18,000 (the table is for
    // people: a decimal comma, issue 11). The JSON keeps
    // the computed values (14.5).
    let (_, table, _) = run_chiso(&["score", "--lang", "vi", PROVINCE, &format!("{DATA}/a.toml")]);
    assert!(table.contains("Tổng điểm: 14,500 / 18"), "{table}");
    let (_, table, _) = run_chiso(&["score", "--lang", "vi", PROVINCE, &format!("{DATA}/c.toml")]);
    assert!(table.contains("Tổng điểm: 18,000 / 18"), "{table}");
    // The batch's ranking prints each unit's total (after bonus and penalty points) so too:
    // A 14,5 → 14,500; B 14 → 14,000.
    let (_, batch, _) = run_chiso(&["score", "--lang", "vi", PROVINCE, DATA]);
    let row = |unit: &str| {
        batch
            .lines()
            .find(|l| l.contains(unit) && l.contains("Tốt"))
            .unwrap_or_else(|| panic!("{unit} in {batch}"))
            .to_string()
    };
    assert!(row("UBND xã A").contains("14,500"), "{batch}");
    assert!(row("UBND xã B").contains("14,000"), "{batch}");
    // Kon Rẫy 2022 as Kon Tum published it (QĐ 35/QĐ-UBND, 27/01/2023): 86,471 points.
    let rs = analyze("ruleset \"p\" { display 3 places }\narea 1 \"A\" max 100 { criterion 1.1 \"x\" max 100 }\n").ruleset;
    use rust_decimal_macros::dec;
    let style = chiso::text::NumberStyle::Vietnamese;
    assert_eq!(rs.format_points(dec!(86.471), style), "86,471");
    assert_eq!(rs.format_points(dec!(85.9), style), "85,900");
    // Rounded for display only, half away from zero: 86,4715 → 86,472.
    assert_eq!(rs.format_points(dec!(86.4715), style), "86,472");
    // Without the declaration a number is printed as computed.
    let plain =
        analyze("ruleset \"p\" {}\narea 1 \"A\" max 100 { criterion 1.1 \"x\" max 100 }\n").ruleset;
    assert_eq!(plain.format_points(dec!(85.9), style), "85,9");
    // `chiso score --decimals 3` states it from the command line: Kon Rẫy 2021, 81,45 / 95
    // (seed 000), printed 81,450; the percentage is computed as before, 81,45 / 95 = 85,74 %.
    let (code, table, err) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        "rulesets/kon-tum/huyen-2022.chiso",
        "rulesets/kon-tum/data/kon-ray-2021.toml",
        "--decimals",
        "3",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        table.contains("Tổng điểm: 81,450 / 95   Chỉ số: 85,74%"),
        "{table}"
    );
    let (code, _, _) = run_chiso(&[
        "score",
        "--lang",
        "vi",
        "rulesets/kon-tum/huyen-2022.chiso",
        "rulesets/kon-tum/data/kon-ray-2021.toml",
        "--decimals",
        "29",
    ]);
    assert_eq!(code, 2, "more than 28 places is a usage error");
    // More than 28 places cannot be printed.
    assert!(error_codes("ruleset \"p\" { display 29 places }\n").contains(&"E017"));
}

// ───────────── 7. full points when nothing was assigned ─────────────

#[test]
fn full_points_when_nothing_was_assigned_keeps_the_maximum() {
    // "Trường hợp không được giao nhiệm vụ thì đạt điểm tối đa": 0 tasks → 2 of 2; the unit's
    // maximum stays 2 (compare `not evaluated`, which would take it out). 3 of 4 → 1,5.
    let dir = tempfile::tempdir().unwrap();
    let ruleset = dir.path().join("r.chiso");
    std::fs::write(
        &ruleset,
        "ruleset \"n\" { zero denominator: zero }\n\
         input assigned: count \"Tasks assigned\"\n\
         input done: count \"Tasks done on time\" default 0\n\
         area 1 \"A\" max 3 {\n  criterion 1.1 \"Tasks\" max 2 {\n    score = if assigned = 0 then max else ratio(done, assigned) * max\n  }\n  criterion 1.2 \"Other\" max 1\n}\n",
    )
    .unwrap();
    let unit = dir.path().join("u.toml");
    std::fs::write(
        &unit,
        "unit = \"X\"\n[inputs]\nassigned = 0\n[points]\n\"1.2\" = 1\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_chiso(&[
        "score",
        ruleset.to_str().unwrap(),
        unit.to_str().unwrap(),
        "--format",
        "json",
    ]);
    // `done` is not asked for: it has a default.
    assert_eq!(code, 0, "{stderr}");
    let json: Json = serde_json::from_str(&stdout).unwrap();
    let u = &json[0];
    assert_eq!(u["nodes"][1]["id"], "1.1");
    assert_eq!(u["nodes"][1]["score"], "2");
    assert_eq!(u["nodes"][1]["max"], "2");
    assert_eq!(u["achieved"], "3");
    assert_eq!(u["max"], "3");
    assert_eq!(u["percent"], "100");
}

#[test]
fn explain_shows_how_an_item_arises() {
    // T1 for A: 3 initiatives × 0,5 = 1,5, capped by its own max 1; all bonus items 2 → 1,5 by
    // the header's cap; total 15 → 15 + 1,5 − 2 = 14,5.
    let (code, out, err) = run_chiso(&["explain", PROVINCE, &format!("{DATA}/a.toml"), "T1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("path:      bonus T1"), "{out}");
    assert!(out.contains("3 × 0.5 = 1.5"), "{out}");
    assert!(out.contains("capped by its own max 1: 1.5 → 1"), "{out}");
    assert!(
        out.contains("bonus applied to the unit: 1.5 (all bonus items together at most 1.5); total 15 → 14.5"),
        "{out}"
    );
    // The same in Vietnamese, as an officer reads it: decimal commas, the field's words.
    let (code, out, err) = run_chiso(&[
        "explain",
        PROVINCE,
        &format!("{DATA}/a.toml"),
        "T1",
        "--lang",
        "vi",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("điểm thưởng T1\n"), "{out}");
    assert!(
        out.contains("giới hạn bởi mức tối đa riêng 1: 1,5 → 1"),
        "{out}"
    );
    assert!(
        out.contains("điểm thưởng tính cho đơn vị: 1,5 (tổng các khoản điểm thưởng tối đa 1,5); tổng điểm 15 → 14,5"),
        "{out}"
    );
}

#[test]
fn advice_aims_at_the_next_band_in_points() {
    // "Tốt from 8 points": 6 apps × 1 point = 6 → Đạt; the next grade needs 8 points, so 2
    // more apps (6 → 8). On the percentage the band `from 8` would read 8 %, long passed.
    let dir = tempfile::tempdir().unwrap();
    let ruleset = dir.path().join("adv.chiso");
    std::fs::write(
        &ruleset,
        "ruleset \"adv\" {\n  total 10\n  grade on points\n  grade \"Tốt\" from 8\n  grade \"Đạt\" below 8\n}\ninput done: count \"Apps in use\"\narea 1 \"A\" max 10 {\n  criterion 1.1 \"Apps\" max 10 { score = each(done, 1, max) }\n}\n",
    )
    .unwrap();
    let unit = dir.path().join("u.toml");
    std::fs::write(&unit, "unit = \"X\"\n[inputs]\ndone = 6\n").unwrap();
    let (code, out, err) = run_chiso(&[
        "advise",
        "--lang",
        "vi",
        ruleset.to_str().unwrap(),
        unit.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Xếp loại kế tiếp: Tốt (từ 8 điểm)"), "{out}");
    // (the labels are padded to one width: "lên xếp loại trên:" then the change)
    assert!(out.contains("lên xếp loại trên: +2: 6 → 8"), "{out}");
}

#[test]
fn an_item_that_fails_for_a_unit_makes_it_incomplete_and_is_named() {
    // `n / m` with m = 0 cannot be computed: the item fails (D009, naming the item, not a
    // criterion), the unit has no percentage and is not complete; the tree still shows 7.
    let dir = tempfile::tempdir().unwrap();
    let ruleset = dir.path().join("r.chiso");
    std::fs::write(
        &ruleset,
        "ruleset \"r\" {}\ninput n: count\ninput m: count\narea 1 \"A\" max 10 { criterion 1.1 \"x\" max 10 }\nbonus B1 \"Per member\" max 1 { score = min(n / m, max) }\n",
    )
    .unwrap();
    let unit = dir.path().join("u.toml");
    std::fs::write(
        &unit,
        "unit = \"X\"\n[inputs]\nn = 3\nm = 0\n[points]\n\"1.1\" = 7\n",
    )
    .unwrap();
    let (code, out, err) = run_chiso(&[
        "score",
        ruleset.to_str().unwrap(),
        unit.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(
        err.contains("bonus B1 “Per member”: division by zero"),
        "{err}"
    );
    let json: Json = serde_json::from_str(&out).unwrap();
    assert_eq!(json[0]["complete"], false);
    assert_eq!(json[0]["percent"], Json::Null);
    assert_eq!(json[0]["achieved"], "7");
    assert_eq!(json[0]["adjustments"]["items"][0]["status"], "failed");
}

#[test]
fn diff_reports_changed_bonus_and_penalty_rules_and_caps() {
    // Next year's decree raises the bonus cap from 1,5 to 2 and T1 from 0,5 to 1 per
    // initiative: both are header changes of `chiso diff`.
    let old = read(PROVINCE);
    let new = old
        .replace("điểm thưởng tối đa 1,5", "điểm thưởng tối đa 2")
        .replace("sáng_kiến × 0,5", "sáng_kiến × 1");
    assert_ne!(old, new);
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("old.chiso"), dir.path().join("new.chiso"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let (_, out, err) = run_chiso(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(out.contains("bonus max: 1.5 → 2"), "{out}{err}");
    assert!(
        out.contains("bonus T1: “Sáng kiến được công nhận”, max 1: sáng_kiến × 0,5 → “Sáng kiến được công nhận”, max 1: sáng_kiến × 1"),
        "{out}"
    );
}
