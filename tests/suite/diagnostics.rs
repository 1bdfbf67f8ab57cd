//! Every checker diagnostic, triggered on a small ruleset: its code and the text its span covers.

use crate::common::codes;
use crate::common::En as _;

/// A header and two count inputs; `body` follows.
fn with_body(body: &str) -> String {
    format!("ruleset \"t\" {{\n  zero denominator: error\n}}\ninput a: count \"a\"\ninput b: count \"b\"\n{body}")
}

/// A valid base: area 1 max 2 with one leaf using both inputs.
const USES_INPUTS: &str =
    "area 9 \"uses\" max 1 { criterion 9.1 \"u\" max 1 { score = ratio(a, b) * max } }\n";

fn assert_codes(source: &str, expected: &[(&str, &str)]) {
    let got = codes(source);
    let got: Vec<(&str, &str)> = got.iter().map(|(c, t)| (*c, t.as_str())).collect();
    assert_eq!(got, expected, "source:\n{source}");
}

#[test]
fn a_clean_ruleset_has_no_diagnostics() {
    assert_codes(&with_body(USES_INPUTS), &[]);
}

#[test]
fn e001_syntax_errors_are_all_reported_and_the_rest_still_parses() {
    let src = with_body(&format!(
        "area 1 \"x\" max 1 {{\n  criterion 1.1 \"y\" max 1 {{ score = ratio(a, }}\n  criterion 1.2 \"z\" {{ owner }}\n}}\n{USES_INPUTS}"
    ));
    let analysis = chiso::analyze(&src);
    let e001: Vec<(usize, &str)> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == "E001")
        .map(|d| (d.span.start, d.message.en_str()))
        .collect();
    assert_eq!(
        e001,
        vec![
            (
                src.find("ratio(a, }").unwrap() + 9,
                "syntax error: expected an expression, found `}`"
            ),
            (
                src.find("owner }").unwrap() + 6,
                "syntax error: expected a quoted text, found `}`"
            ),
        ]
    );
    // Both criteria are still in the outline.
    let ids: Vec<&str> = analysis
        .ruleset
        .nodes
        .iter()
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(ids, vec!["1", "1.1", "1.2", "9", "9.1"]);
}

#[test]
fn e001_unmatched_brace() {
    let src = with_body(&format!("{USES_INPUTS}}}\n"));
    assert_codes(&src, &[("E001", "}")]);
}

#[test]
fn e001_unclosed_blocks_are_reported_where_they_open() {
    let src = "ruleset \"t\" {}\narea 1 \"a\" {\n  criterion 1.1 \"x\" max 1 {\n    owner \"A\"\n";
    let analysis = chiso::analyze(src);
    let got: Vec<(&str, usize, &str)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, d.span.start, d.message.en_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "E001",
                src.find("{\n  crit").unwrap(),
                "this `{` is never closed"
            ),
            (
                "E001",
                src.find("{\n    owner").unwrap(),
                "this `{` is never closed"
            ),
        ]
    );
    // What was inside is still read.
    assert_eq!(analysis.ruleset.nodes[1].owner.as_deref(), Some("A"));
}

#[test]
fn many_unclosed_blocks_parse_in_linear_time() {
    // Found by fuzzing: a file of unclosed blocks made the parser backtrack exponentially.
    // (This test would hang, not fail, if that came back.)
    let src = crate::common::read("tests/fixtures/fuzz/unclosed-blocks-timeout.chiso");
    assert!(chiso::analyze(&src).has_errors());
    let nested = "area 1 \"a\" {\n".repeat(35);
    assert!(
        chiso::analyze(&nested)
            .diagnostics
            .iter()
            .filter(|d| d.message.en_str() == "this `{` is never closed")
            .count()
            == 35
    );
}

#[test]
fn e002_duplicate_id_with_a_renumbering_fix() {
    let src = with_body("area 1 \"x\" max 2 { criterion 1.1 \"a\" max 1 { score = ratio(a, b) * max }\n criterion 1.1 \"b\" max 1 }\n");
    let analysis = chiso::analyze(&src);
    let d = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == "E002")
        .expect("E002");
    assert_eq!(&src[d.span.clone()], "1.1");
    assert_eq!(d.span.start, src.rfind("1.1").unwrap());
    let fix = d.fix.as_ref().expect("fix");
    assert_eq!(fix.replacement, "1.2");
}

#[test]
fn e003_child_id_not_under_parent() {
    let src = with_body(
        "area 1 \"x\" max 1 { criterion 2.1 \"a\" max 1 { score = ratio(a, b) * max } }\n",
    );
    assert_codes(&src, &[("E003", "2.1")]);
}

#[test]
fn e004_children_do_not_add_up_with_a_fix() {
    let src = with_body("area 1 \"x\" max 3 { criterion 1.1 \"a\" max 1,5 { score = ratio(a, b) * max }\n criterion 1.2 \"b\" max 0.5 }\n");
    let analysis = chiso::analyze(&src);
    let d = &analysis.diagnostics[0];
    assert_eq!((d.code, &src[d.span.clone()]), ("E004", "max 3"));
    assert_eq!(d.labels.len(), 2);
    let fix = d.fix.as_ref().unwrap();
    assert_eq!(
        (&src[fix.span.clone()], fix.replacement.as_str()),
        ("3", "2")
    );
}

#[test]
fn e005_areas_do_not_add_up_to_the_total() {
    let src = format!("ruleset \"t\" {{ total 100 zero denominator: zero }}\ninput a: count\ninput b: count\n{USES_INPUTS}");
    assert_codes(&src, &[("E005", "total 100")]);
}

#[test]
fn e006_declared_counts_contradicted() {
    let src = format!("ruleset \"t\" {{ số lĩnh vực 2\n số tiêu chí 1\n số tiêu chí thành phần 0 zero denominator: zero }}\ninput a: count\ninput b: count\n{USES_INPUTS}");
    assert_codes(&src, &[("E006", "số lĩnh vực 2")]);
}

#[test]
fn e007_source_shares_contradicted() {
    let src = format!(
        "ruleset \"t\" {{ total 2\n share self 1\n share survey 1 zero denominator: zero }}\ninput a: count\ninput b: count\n{USES_INPUTS}area 8 \"s\" max 1 {{ criterion 8.1 \"s\" max 1 }}\n"
    );
    // Both leaves are self-assessed: self is 2 (declared 1), survey is 0 (declared 1).
    assert_codes(
        &src,
        &[("E007", "share self 1"), ("E007", "share survey 1")],
    );
}

#[test]
fn e008_unknown_input_with_did_you_mean_ignoring_diacritics() {
    let src = "ruleset \"t\" { zero denominator: zero }\ninput hồ_sơ_đúng_hạn: count\ninput tổng: count\narea 1 \"x\" max 1 { criterion 1.1 \"a\" max 1 { score = ratio(ho_so_dung_han, tổng) * max } }\n";
    let analysis = chiso::analyze(src);
    // W001 for the input that is now never used, then the unknown name.
    assert_eq!(
        codes(src),
        vec![
            ("W001", "hồ_sơ_đúng_hạn".to_string()),
            ("E008", "ho_so_dung_han".to_string())
        ]
    );
    let d = &analysis.diagnostics[1];
    assert_eq!(
        d.help.as_ref().map(|h| h.en_str()),
        Some("did you mean `hồ_sơ_đúng_hạn`?")
    );
    assert_eq!(d.fix.as_ref().unwrap().replacement, "hồ_sơ_đúng_hạn");
}

#[test]
fn e009_type_errors() {
    let src = with_body(
        "input d: date\ninput ok: yesno\narea 1 \"x\" max 2 {\n criterion 1.1 \"a\" max 1 { score = if d > 5 then max else 0 }\n criterion 1.2 \"b\" max 1 { score = if ok then max else ok }\n}\n",
    );
    let got = codes(&src);
    assert_eq!(
        got,
        vec![
            ("W001", "a".to_string()),
            ("W001", "b".to_string()),
            ("E009", "d > 5".to_string()),
            ("E009", "ok".to_string())
        ]
    );
}

#[test]
fn e009_a_score_must_be_a_number_and_a_condition_yes_no() {
    let src = with_body(&format!("{USES_INPUTS}area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ not evaluated when a because \"r\"\n score = a > 1 }} }}\n"));
    assert_codes(&src, &[("E009", "a"), ("E009", "a > 1")]);
}

#[test]
fn e010_gap_between_integer_written_bands() {
    // "65–80" and "50–64" written as integers: a gap for a ratio, none for a count.
    let bands = "from 65% to 80%: max\n from 50% to 64%: 0.5\n below 50%: 0\n above 80%: max";
    let src = with_body(&format!("area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ score = bands ratio(a, b) {{ {bands} }} }} }}\n"));
    let analysis = chiso::analyze(&src);
    let gaps: Vec<&str> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == "E010")
        .map(|d| d.message.en_str())
        .collect();
    assert_eq!(
        gaps,
        vec!["gap between bands: values from 64% (excluded) to 65% (excluded) match no band"]
    );
    let counts = with_body("area 1 \"x\" max 1 { criterion 1.1 \"a\" max 1 { score = bands a { from 65 to 80: max\n from 50 to 64: 0.5\n below 50: 0\n above 80: max } } }\n");
    assert!(
        !codes(&counts).iter().any(|(c, _)| *c == "E010"),
        "{:?}",
        codes(&counts)
    );
}

#[test]
fn e011_overlapping_intervals_and_w002_unreachable_arm() {
    let src = with_body(
        "area 1 \"x\" max 1 { criterion 1.1 \"a\" max 1 { score = bands ratio(a, b) {\n from 50% below 90%: 0.5\n from 80% below 100%: 1\n from 60% below 70%: 0\n otherwise: 0 } } }\n",
    );
    assert_codes(
        &src,
        &[
            ("E011", "from 80% below 100%: 1"),
            ("W002", "from 60% below 70%: 0"),
        ],
    );
}

#[test]
fn e012_and_e013_rules_that_leave_zero_to_max() {
    let src = with_body("area 1 \"x\" max 2 {\n criterion 1.1 \"a\" max 1 { score = a * 0.25 }\n criterion 1.2 \"b\" max 1 { score = 1 - b }\n}\n");
    let analysis = chiso::analyze(&src);
    let got: Vec<(&str, &str)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, &src[d.span.clone()]))
        .collect();
    assert_eq!(got, vec![("E012", "a * 0.25"), ("E013", "1 - b")]);
    let fix = analysis.diagnostics[0].fix.as_ref().unwrap();
    assert_eq!(fix.replacement, "min(a * 0.25, max)");
    // The capped forms are accepted.
    let ok = with_body("area 1 \"x\" max 2 {\n criterion 1.1 \"a\" max 1 { score = each(a, 0.25, max) }\n criterion 1.2 \"b\" max 1 { score = deduct(max, b, 0.25, 0) }\n}\n");
    assert_codes(&ok, &[]);
}

#[test]
fn e014_ratio_needs_a_zero_denominator_policy() {
    let src = "ruleset \"t\" {}\ninput a: count\ninput b: count\narea 1 \"x\" max 1 { criterion 1.1 \"a\" max 1 { score = ratio(a, b) * max } }\n";
    assert_codes(src, &[("E014", "ratio(a, b)")]);
    let node_level = "ruleset \"t\" {}\ninput a: count\ninput b: count\narea 1 \"x\" max 1 { mẫu số bằng 0: không đánh giá\n criterion 1.1 \"a\" max 1 { score = ratio(a, b) * max } }\n";
    assert_codes(node_level, &[]);
}

#[test]
fn e015_unknown_function_and_wrong_arity() {
    let src = with_body(&format!("{USES_INPUTS}area 1 \"x\" max 2 {{\n criterion 1.1 \"a\" max 1 {{ score = rato(a, b) }}\n criterion 1.2 \"b\" max 1 {{ score = min(1,5) }}\n}}\n"));
    let analysis = chiso::analyze(&src);
    let got: Vec<(&str, &str)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, &src[d.span.clone()]))
        .collect();
    assert_eq!(got, vec![("E015", "rato"), ("E015", "min(1,5)")]);
    assert_eq!(
        analysis.diagnostics[0].help.as_ref().map(|h| h.en_str()),
        Some("did you mean `ratio`?")
    );
    assert!(analysis.diagnostics[1]
        .help
        .as_ref()
        .map(|h| h.en_str())
        .unwrap()
        .contains("decimal comma"));
}

#[test]
fn e016_grade_bands_with_a_gap_and_an_overlap() {
    let src = format!(
        "ruleset \"t\" {{ zero denominator: zero\n xếp loại \"Tốt\" từ 85\n xếp loại \"Khá\" từ 75 đến dưới 80\n xếp loại \"Trung bình\" từ 50 đến dưới 75\n xếp loại \"Yếu\" từ 40 đến dưới 55\n xếp loại \"Kém\" dưới 40 }}\ninput a: count\ninput b: count\n{USES_INPUTS}"
    );
    let analysis = chiso::analyze(&src);
    let got: Vec<(&str, &str)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, d.message.en_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "E016",
                "grade bands leave a gap: values from 80 (included) to 85 (excluded) get no grade"
            ),
            ("E016", "grade `Yếu` overlaps grade `Trung bình`"),
        ]
    );
}

#[test]
fn e017_unknown_level_and_bad_rounding() {
    let src = with_body(&format!(
        "input mức: levels(\"tốt\", \"khá\")\n{USES_INPUTS}area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ rounding percent 2\n score = if mức = \"giỏi\" then max else 0 }} }}\n"
    ));
    assert_codes(
        &src,
        &[("E017", "rounding percent 2"), ("E017", "\"giỏi\"")],
    );
}

#[test]
fn e018_unknown_names_in_a_test() {
    let src = with_body(&format!("{USES_INPUTS}test \"t\" {{ given c = 1\n expect 9.9 = 1\n expect 9.1 = 1\n expect grade \"Tốt\" }}\n"));
    assert_codes(
        &src,
        &[
            ("E018", "c"),
            ("E018", "9.9"),
            ("E018", "expect grade \"Tốt\""),
        ],
    );
}

#[test]
fn e019_deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}a{}", "(".repeat(5000), ")".repeat(5000));
    // The deep line is reported and left out; the rest of the file is still read.
    let src = with_body(&format!("area 1 \"x\" max 1 {{\n criterion 1.1 \"a\" max 1 {{\n score = {deep}\n }}\n}}\n{USES_INPUTS}"));
    let analysis = chiso::analyze(&src);
    let got: Vec<(&str, usize)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code, d.span.start))
        .collect();
    assert_eq!(got, vec![("E019", src.find(" score").unwrap())]);
    assert_eq!(analysis.ruleset.nodes.len(), 4);
    let chained_ifs = format!(
        "score = {} 1{}",
        "if yes then ".repeat(2000),
        " else 0".repeat(2000)
    );
    let src = with_body(&format!(
        "area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ {chained_ifs} }} }}\n"
    ));
    assert!(codes(&src).iter().any(|(c, _)| *c == "E019"));
    let nots = format!("score = if {} yes then 1 else 0", "not ".repeat(100_000));
    let src = with_body(&format!(
        "area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ {nots} }} }}\n"
    ));
    assert!(codes(&src).iter().any(|(c, _)| *c == "E019"));
}

#[test]
fn e020_leaf_without_maximum() {
    let src = with_body(&format!(
        "{USES_INPUTS}area 1 \"x\" {{ criterion 1.1 \"a\" }}\n"
    ));
    assert_codes(&src, &[("E020", "1.1")]);
}

#[test]
fn e021_missing_and_repeated_header() {
    assert_codes("area 1 \"x\" max 1\n", &[("E021", "")]);
    let src = format!("{}ruleset \"again\" {{}}\n", with_body(USES_INPUTS));
    assert_codes(&src, &[("E021", "\"again\"")]);
}

#[test]
fn e022_duplicate_input_and_e023_declared_twice() {
    let src = with_body(&format!("input a: decimal\n{USES_INPUTS}area 1 \"x\" max 1 {{ criterion 1.1 \"a\" max 1 {{ owner \"A\"\n owner \"B\" }} }}\n"));
    assert_codes(&src, &[("E022", "a"), ("E023", "owner \"B\"")]);
}

#[test]
fn w001_unused_input() {
    let src = with_body("input thừa: decimal \"never used\"\n") + USES_INPUTS;
    assert_codes(&src, &[("W001", "thừa")]);
}

#[test]
fn w003_a_test_that_expects_nothing() {
    let src = with_body(&format!("{USES_INPUTS}test \"empty\" {{ given a = 1 }}\n"));
    assert_codes(&src, &[("W003", "\"empty\"")]);
}

#[test]
fn w004_keyword_at_the_wrong_level() {
    let src = with_body(
        "criterion 9 \"top\" max 1 { area 9.1 \"u\" max 1 { score = ratio(a, b) * max } }\n",
    );
    assert_codes(&src, &[("W004", "criterion"), ("W004", "area")]);
}

#[test]
fn known_faults_of_the_source_stay_visible_as_warnings() {
    let src = format!("ruleset \"t\" {{ total 100\n lỗi nguồn E005 \"Bảng 1 cộng 1 điểm\"\n zero denominator: zero }}\ninput a: count\ninput b: count\n{USES_INPUTS}");
    let analysis = chiso::analyze(&src);
    assert!(!analysis.has_errors());
    let d = &analysis.diagnostics[0];
    assert_eq!((d.code, d.severity), ("E005", chiso::Severity::Warning));
    assert_eq!(d.message.en_str(), "the areas add up to 1, but the declared total is 100 (known fault of the source: Bảng 1 cộng 1 điểm)");
    // An acknowledgement that matches nothing, and one that is not allowed.
    let src = format!("ruleset \"t\" {{ known fault E006 \"x\"\n known fault E008 \"y\" zero denominator: zero }}\ninput a: count\ninput b: count\n{USES_INPUTS}");
    assert_codes(
        &src,
        &[
            ("W005", "known fault E006 \"x\""),
            ("E024", "known fault E008 \"y\""),
        ],
    );
}

#[test]
fn warnings_are_not_errors() {
    let src = with_body(&format!("input thừa: decimal\n{USES_INPUTS}"));
    let analysis = chiso::analyze(&src);
    assert_eq!(analysis.diagnostics.len(), 1);
    assert!(!analysis.has_errors());
}

#[test]
fn strings_keep_their_spaces_and_escapes() {
    let src = "ruleset \"  Bộ tiêu chí  \" {}\narea 1 \"Dấu \\\"ngoặc\\\" và  # không phải ghi chú  \" max 1\n";
    let analysis = chiso::analyze(src);
    assert_eq!(analysis.ruleset.meta.title, "  Bộ tiêu chí  ");
    assert_eq!(
        analysis.ruleset.nodes[0].title,
        "Dấu \"ngoặc\" và  # không phải ghi chú  "
    );
}
