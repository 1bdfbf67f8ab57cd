//! Editor features of the library (`chiso::ide`): byte offsets in, byte spans out.

use crate::common::read;
use crate::common::En as _;
use chiso::ide::{self, CompletionKind, FoldKind, SymbolKind, TokenKind};
use chiso::Lang;

const KON_TUM: &str = "rulesets/kon-tum/huyen-2023-trich.chiso";

/// Splits a fixture at its `$0` cursor marker: (text, offset).
fn cursor(fixture: &str) -> (String, usize) {
    let offset = fixture.find("$0").expect("a $0 marker");
    (fixture.replacen("$0", "", 1), offset)
}

fn nth(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` #{n}"))
        .0
}

fn labels(source: &str, offset: usize) -> Vec<String> {
    let analysis = chiso::analyze(source);
    ide::completions(&analysis, source, offset, Lang::En)
        .into_iter()
        .map(|c| c.label)
        .collect()
}

fn apply(source: &str, edits: &[ide::TextEdit]) -> String {
    let mut out = source.to_string();
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.clone(), &e.new_text);
    }
    out
}

#[test]
fn hover_on_a_parent_criterion() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let at = nth(&src, "1.6 \"", 0);
    let h = ide::hover(&a, &src, at + 1, Lang::En).expect("hover");
    assert_eq!(h.span, at..at + 3);
    assert_eq!(
        h.markdown,
        "**criterion 1.6** — Thực hiện nhiệm vụ được giao\n\n1 › 1.6 · criterion\n\n- maximum: **7** (children add up to 7)\n- source: self-assessment\n- sum of its children\n"
    );
}

/// The same hover as a Vietnamese officer reads it (the default language): the words are the
/// catalogue's, a number with a decimal comma.
#[test]
fn hover_completion_and_rename_in_vietnamese() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let at = nth(&src, "1.6 \"", 0);
    let h = ide::hover(&a, &src, at + 1, Lang::Vi).expect("hover");
    assert_eq!(
        h.markdown,
        "**tiêu chí 1.6** — Thực hiện nhiệm vụ được giao\n\n1 › 1.6 · tiêu chí\n\n- điểm tối đa: **7** (các tiêu chí con cộng lại 7)\n- nguồn điểm: tự đánh giá\n- tổng điểm các tiêu chí con\n"
    );
    // 1.6.1 (4 points) offered after `mong đợi 1.6.` in a test.
    let test_line = nth(&src, "mong đợi 1.6.1", 0) + "mong đợi 1.6.".len();
    let items = ide::completions(&a, &src, test_line, Lang::Vi);
    let item = items.iter().find(|c| c.label == "1.6.1").expect("1.6.1");
    assert_eq!(
        item.detail.as_deref(),
        Some("Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao · tối đa 4")
    );
    assert_eq!(
        ide::rename(&a, &src, at, "1.3").map_err(|m| m.render(Lang::Vi)),
        Err("mã số 1.3 đã được dùng".into())
    );
    // What keywords and functions mean, from the catalogues.
    let kw_at = nth(&src, "tiêu chí thành phần", 0) + "tiêu chí th".len();
    let k = ide::hover(&a, &src, kw_at, Lang::Vi).expect("keyword");
    assert!(
        k.markdown.ends_with(
            "Tiêu chí thành phần (TCTP): một tiêu chí thành phần, đánh số dưới tiêu chí của nó (1.2.3)."
        ),
        "{}",
        k.markdown
    );
    let k = ide::hover(&a, &src, kw_at, Lang::En).expect("keyword");
    assert!(
        k.markdown
            .ends_with("a sub-criterion, numbered under its criterion (1.2.3)."),
        "{}",
        k.markdown
    );
    let f = ide::hover(&a, &src, nth(&src, "tỷ_lệ(", 0), Lang::Vi).expect("function");
    assert!(
        f.markdown
            .contains("\n\nTỷ lệ: tử số ÷ mẫu số, làm tròn theo"),
        "{}",
        f.markdown
    );
    let half = chiso::analyze(SMALL_HALF);
    let hints = ide::inlay_hints(&half, SMALL_HALF, Lang::Vi);
    // Children of 1: 1 + 0,5.
    assert_eq!(hints[0].label, "Σ 1,5");
    assert_eq!(
        hints[0].tooltip,
        "điểm tối đa của các tiêu chí con cộng lại là 1,5"
    );
}

const SMALL_HALF: &str = "ruleset \"t\" {\n  total 1.5\n}\narea 1 \"A\" max 1.5 {\n  criterion 1.1 \"B\" max 1\n  criterion 1.2 \"C\" max 0.5\n}\n";

#[test]
fn hover_on_a_leaf_shows_owner_condition_and_rule() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let h = ide::hover(&a, &src, nth(&src, "1.6.2", 0), Lang::En).expect("hover");
    assert_eq!(
        h.markdown,
        "**sub-criterion 1.6.2** — Thực hiện Chương trình công tác của UBND tỉnh\n\n1 › 1.6 › 1.6.2 · sub-criterion\n\n\
- maximum: **3**\n- owner: Văn phòng HĐND và UBND huyện\n- source: self-assessment\n\
- not evaluated when `nội_dung_chương_trình_được_giao = 0` (Không có nội dung được giao chủ trì tham mưu)\n\
- rule: `tỷ_lệ(nội_dung_chương_trình_hoàn_thành, nội_dung_chương_trình_được_giao) × tối đa`\n"
    );
    // The same node named in a test.
    let in_test = nth(&src, "1.6.2 không đánh giá", 0);
    assert_eq!(
        ide::hover(&a, &src, in_test + 5, Lang::En)
            .expect("hover")
            .markdown,
        h.markdown
    );
}

#[test]
fn hover_on_inputs_functions_and_keywords() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let h = ide::hover(&a, &src, nth(&src, "chưa_đến_hạn", 1) + 4, Lang::En).expect("input");
    assert_eq!(
        h.markdown,
        "**input** `chưa_đến_hạn`: count\n\nSố nhiệm vụ chưa hoàn thành nhưng chưa đến hạn\n\n- owner: Văn phòng HĐND và UBND huyện\n- used by:\n  - 1.6.1 Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao\n"
    );
    let f = ide::hover(&a, &src, nth(&src, "tỷ_lệ(", 0), Lang::En).expect("function");
    assert!(
        f.markdown
            .starts_with("**tỷ_lệ** · `ratio`\n\n```chiso\nratio(part, whole)\n```"),
        "{}",
        f.markdown
    );
    let kw_at = nth(&src, "tiêu chí thành phần", 0);
    let k = ide::hover(&a, &src, kw_at + "tiêu chí th".len(), Lang::En).expect("keyword");
    assert_eq!(k.span, kw_at..kw_at + "tiêu chí thành phần".len());
    assert!(k
        .markdown
        .starts_with("**tiêu chí thành phần** · **subcriterion**"));
    // Inside a string or a comment there is nothing to explain.
    assert_eq!(
        ide::hover(&a, &src, nth(&src, "Phòng Nội vụ", 0) + 2, Lang::En),
        None
    );
    assert_eq!(ide::hover(&a, &src, 5, Lang::En), None);
}

#[test]
fn completion_by_place_with_or_without_diacritics() {
    let top = "ruleset \"t\" { total 1 }\ninput hồ_sơ_đúng_hạn: count\ninput hồ_sơ_nhận: count\ninput số_vụ: count\narea 1 \"A\" max 1 {\n";
    // A rule, typed without diacritics.
    let (src, at) = cursor(&format!("{top}  score = ratio(ho_so$0\n}}\n"));
    let a = chiso::analyze(&src);
    let items = ide::completions(&a, &src, at, Lang::En);
    let names: Vec<&str> = items.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(names, vec!["hồ_sơ_nhận", "hồ_sơ_đúng_hạn"]);
    assert_eq!(items[0].kind, CompletionKind::Input);
    assert_eq!(items[0].filter_text, "ho_so_nhan");
    assert_eq!(items[0].replace, at - "ho_so".len()..at);
    assert_eq!(items[0].detail.as_deref(), Some("count"));
    // Typed with diacritics: the filter text keeps them; a part after `_` matches too.
    let (src, at) = cursor(&format!("{top}  score = vụ$0\n}}\n"));
    let a = chiso::analyze(&src);
    let items = ide::completions(&a, &src, at, Lang::En);
    assert_eq!(
        items.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        vec!["số_vụ"]
    );
    assert_eq!(items[0].filter_text, "số_vụ");
    // Functions, English and Vietnamese.
    let (src, at) = cursor(&format!("{top}  score = ty$0\n}}\n"));
    assert_eq!(labels(&src, at), vec!["tỷ_lệ"]);
    let (src, at) = cursor(&format!("{top}  score = min(1, ro$0\n}}\n"));
    assert_eq!(labels(&src, at), vec!["round"]);
    // A multi-word keyword at the start of a statement in a node, typed plainly.
    let (src, at) = cursor(&format!("{top}  tieu c$0\n}}\n"));
    let a = chiso::analyze(&src);
    let items = ide::completions(&a, &src, at, Lang::En);
    assert_eq!(
        items.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        vec!["tiêu chí", "tiêu chí thành phần"]
    );
    assert_eq!(items[0].replace, at - "tieu c".len()..at);
    assert_eq!(items[0].kind, CompletionKind::Keyword);
    // Band arms.
    let (src, at) = cursor(&format!(
        "{top}  score = bands ratio(số_vụ, số_vụ) {{\n    dư$0\n  }}\n}}\n"
    ));
    assert_eq!(labels(&src, at), vec!["dưới"]);
    // Tests: ids after `expect`, names after `given`.
    let test = "}\ntest \"x\" {\n";
    let (src, at) = cursor(&format!("{top}{test}  expect $0\n}}\n"));
    assert_eq!(labels(&src, at), vec!["1"]);
    let (src, at) = cursor(&format!("{top}{test}  given số_vụ = 1, ho$0\n}}\n"));
    assert_eq!(labels(&src, at), vec!["hồ_sơ_nhận", "hồ_sơ_đúng_hạn"]);
    let (src, at) = cursor(&format!("{top}{test}  given số_vụ = $0\n}}\n"));
    assert_eq!(labels(&src, at), Vec::<String>::new());
    // Top level, and after `input name:`.
    let (src, at) = cursor("ruleset \"t\" { total 1 }\nđầu v$0");
    assert_eq!(labels(&src, at), vec!["đầu vào"]);
    let (src, at) = cursor("ruleset \"t\" { total 1 }\ninput x: so$0");
    assert_eq!(labels(&src, at), vec!["số lượng", "số thập phân"]);
    // Nothing inside strings and comments.
    let (src, at) = cursor(&format!("{top}  note \"ho$0\"\n}}\n"));
    assert_eq!(labels(&src, at), Vec::<String>::new());
    let (src, at) = cursor(&format!("{top}  # score = ho$0\n}}\n"));
    assert_eq!(labels(&src, at), Vec::<String>::new());
    // No letter triggers completion.
    assert!(ide::TRIGGER_CHARACTERS
        .iter()
        .all(|t| !t.chars().any(char::is_alphabetic)));
}

#[test]
fn definition_references_and_rename_of_an_input() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let name = "hoàn_thành_trễ_hạn";
    let uses: Vec<usize> = src.match_indices(name).map(|(i, _)| i).collect();
    assert_eq!(uses.len(), 3, "declaration, rule, test");
    let spans: Vec<_> = uses.iter().map(|&i| i..i + name.len()).collect();
    assert_eq!(
        ide::definition(&a, &src, uses[2] + 3),
        Some(spans[0].clone())
    );
    assert_eq!(ide::references(&a, &src, uses[1], true), spans);
    assert_eq!(
        ide::references(&a, &src, uses[1], false),
        spans[1..].to_vec()
    );
    assert_eq!(
        ide::prepare_rename(&a, &src, uses[1] + name.len()),
        Some((spans[1].clone(), name.to_string()))
    );
    let edits = ide::rename(&a, &src, uses[0], "trễ_hạn").expect("rename");
    assert_eq!(
        edits.iter().map(|e| e.span.clone()).collect::<Vec<_>>(),
        spans
    );
    let renamed = apply(&src, &edits);
    let after = chiso::analyze(&renamed);
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
    assert!(chiso::testing::run_tests(&after.ruleset)
        .iter()
        .all(|t| t.passed()));
    // Refusals.
    assert_eq!(
        ide::rename(&a, &src, uses[0], "chưa_đến_hạn").map_err(|m| m.en()),
        Err("an input named `chưa_đến_hạn` already exists".into())
    );
    assert!(ide::rename(&a, &src, uses[0], "1abc")
        .unwrap_err()
        .en()
        .contains("not a valid input name"));
    assert!(ide::rename(&a, &src, uses[0], "nếu")
        .unwrap_err()
        .en()
        .contains("not a valid input name"));
    assert_eq!(ide::prepare_rename(&a, &src, nth(&src, "chủ trì", 0)), None);
}

#[test]
fn renaming_a_criterion_renumbers_its_subtree_and_tests() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let edits = ide::rename(&a, &src, nth(&src, "1.6 \"", 0), "1.8").expect("rename");
    let texts: Vec<(&str, &str)> = edits
        .iter()
        .map(|e| (&src[e.span.clone()], e.new_text.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![
            ("1.6", "1.8"),
            ("1.6.1", "1.8.1"),
            ("1.6.2", "1.8.2"),
            ("1.6.1", "1.8.1"),
            ("1.6.2", "1.8.2")
        ]
    );
    let renamed = apply(&src, &edits);
    let after = chiso::analyze(&renamed);
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
    assert!(renamed.contains("mong đợi 1.8.1 = 3,88"));
    assert_eq!(
        ide::rename(&a, &src, nth(&src, "1.6 \"", 0), "1.3").map_err(|m| m.en()),
        Err("the id 1.3 is already used".into())
    );
    assert!(ide::rename(&a, &src, nth(&src, "1.6 \"", 0), "1..2")
        .unwrap_err()
        .en()
        .contains("not a valid id"));
}

const SMALL: &str = "# one\n# two\nruleset \"t\" {\n  total 3\n}\ninput n: count \"x\"\narea 1 \"A\" max 3 {\n  criterion 1.1 \"B\" max 1 {\n    score = min(n, max)\n  }\n  criterion 1.2 \"C\" max 2\n}\ntest \"ok\" {\n  given n = 1\n  expect 1.1 = 1\n}\n";

#[test]
fn outline_folding_and_hints_of_a_small_ruleset() {
    let a = chiso::analyze(SMALL);
    let symbols = ide::document_symbols(&a, SMALL, Lang::En);
    let shape: Vec<(SymbolKind, &str, Option<&str>, usize)> = symbols
        .iter()
        .map(|s| {
            (
                s.kind,
                s.name.as_str(),
                s.detail.as_deref(),
                s.children.len(),
            )
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            (SymbolKind::Ruleset, "t", Some("total 3"), 0),
            (SymbolKind::Input, "n", Some("count"), 0),
            (SymbolKind::Area, "1 A", Some("max 3"), 2),
            (SymbolKind::Test, "ok", Some("test"), 0),
        ]
    );
    let c12 = &symbols[2].children[1];
    assert_eq!(
        (c12.kind, c12.name.as_str(), c12.detail.as_deref()),
        (SymbolKind::Criterion, "1.2 C", Some("max 2"))
    );
    assert_eq!(&SMALL[c12.selection.clone()], "1.2");
    assert_eq!(&SMALL[c12.span.clone()], "criterion 1.2 \"C\" max 2");

    let folds: Vec<(FoldKind, &str)> = ide::folding_ranges(&a, SMALL)
        .into_iter()
        .map(|f| (f.kind, SMALL[f.span].lines().next().unwrap_or("")))
        .collect();
    assert_eq!(
        folds,
        vec![
            (FoldKind::Comment, "# one"),
            (FoldKind::Block, "ruleset \"t\" {"),
            (FoldKind::Block, "area 1 \"A\" max 3 {"),
            (FoldKind::Block, "criterion 1.1 \"B\" max 1 {"),
            (FoldKind::Block, "test \"ok\" {"),
        ]
    );

    let hints = ide::inlay_hints(&a, SMALL, Lang::En);
    assert_eq!(hints.len(), 1);
    assert_eq!(hints[0].label, "Σ 3");
    assert_eq!(hints[0].offset, nth(SMALL, "max 3 {", 0) + "max 3".len());
}

#[test]
fn semantic_tokens_classify_every_word() {
    let src =
        "input số_vụ: count \"x\" # c\narea 1 \"A\" tối đa 1 {\n  điểm = min(số_vụ, 0,5)\n}\n";
    let a = chiso::analyze(src);
    let tokens: Vec<(&str, TokenKind, bool)> = ide::semantic_tokens(&a, src)
        .into_iter()
        .map(|t| (&src[t.span], t.kind, t.declaration))
        .collect();
    use TokenKind::*;
    assert_eq!(
        tokens,
        vec![
            ("input", Keyword, false),
            ("số_vụ", Input, true),
            ("count", Keyword, false),
            ("\"x\"", String, false),
            ("# c", Comment, false),
            ("area", Keyword, false),
            ("1", Criterion, true),
            ("\"A\"", String, false),
            ("tối", Keyword, false),
            ("đa", Keyword, false),
            ("1", Number, false),
            ("điểm", Keyword, false),
            ("=", Operator, false),
            ("min", Function, false),
            ("số_vụ", Input, false),
            ("0,5", Number, false),
        ]
    );
}

#[test]
fn code_actions_from_checker_fixes_apply_cleanly() {
    let src = "ruleset \"t\" { total 2 }\ninput n: count\narea 1 \"A\" max 3 {\n  criterion 1.1 \"B\" max 1 { score = min(n, max) }\n  criterion 1.1 \"C\" max 1 { score = min(nn, max) }\n}\n";
    let a = chiso::analyze(src);
    let codes: Vec<&str> = a.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec!["E005", "E004", "E002", "E008"]);
    let actions = ide::code_actions(&a, src, 0..src.len());
    let titles: Vec<&str> = actions.iter().map(|x| x.title.en_str()).collect();
    assert_eq!(
        titles,
        vec![
            "set the maximum of 1 to 2",
            "renumber as 1.2",
            "replace with `n`",
            "declare input `nn`"
        ]
    );
    assert!(actions[0].preferred && !actions[3].preferred);
    let mut fixed = src.to_string();
    for action in actions.iter().take(3).rev() {
        fixed = apply(&fixed, &action.edits);
    }
    assert_eq!(
        fixed,
        "ruleset \"t\" { total 2 }\ninput n: count\narea 1 \"A\" max 2 {\n  criterion 1.1 \"B\" max 1 { score = min(n, max) }\n  criterion 1.2 \"C\" max 1 { score = min(n, max) }\n}\n"
    );
    assert!(chiso::analyze(&fixed).diagnostics.is_empty());
    // Only the diagnostics at the cursor.
    let at = nth(src, "nn", 0);
    let here: Vec<String> = ide::code_actions(&a, src, at..at)
        .into_iter()
        .map(|x| x.title.en())
        .collect();
    assert_eq!(here, vec!["replace with `n`", "declare input `nn`"]);
    let declared = apply(src, &actions[3].edits);
    assert!(
        declared.contains("input n: count\ninput nn: count \"\"\narea"),
        "{declared}"
    );
}

#[test]
fn declaring_an_unknown_input_speaks_the_files_language() {
    let src = "bộ tiêu chí \"t\" { tổng điểm 1 } # đầu\nlĩnh vực 1 \"A\" tối đa 1 {\n  điểm = min(số_hồ_sơ, tối đa)\n}\n";
    let a = chiso::analyze(src);
    let actions = ide::code_actions(&a, src, 0..src.len());
    let declare = actions
        .iter()
        .find(|x| x.title.en_str() == "declare input `số_hồ_sơ`")
        .expect("declare");
    let out = apply(src, &declare.edits);
    assert_eq!(
        out,
        "bộ tiêu chí \"t\" { tổng điểm 1 } # đầu\n\nđầu vào số_hồ_sơ: số lượng \"\"\nlĩnh vực 1 \"A\" tối đa 1 {\n  điểm = min(số_hồ_sơ, tối đa)\n}\n"
    );
    let codes: Vec<&str> = chiso::analyze(&out)
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert!(!codes.contains(&"E008"), "{codes:?}");
}

#[test]
fn closing_a_gap_between_bands() {
    for (arms, fixed_arm) in [
        (
            "từ 65% đến 80%: 1\n    từ 50% đến 64%: 0,5\n    dưới 50%: 0",
            "từ 50% đến dưới 65%: 0,5",
        ),
        (
            "from 65% up to 80%: 1\n    from 50% below 60%: 0.5\n    below 50%: 0",
            "from 50% below 65%: 0.5",
        ),
    ] {
        let src = format!(
            "ruleset \"t\" {{ total 1 }}\ninput a: count\ninput b: count\narea 1 \"A\" max 1 {{\n  zero denominator: zero\n  score = bands ratio(a, b) {{\n    {arms}\n    otherwise: 0\n  }}\n}}\n"
        );
        let src = src.replace("    otherwise: 0\n", "");
        let a = chiso::analyze(&src);
        let codes: Vec<&str> = a.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            vec!["E010", "E010"],
            "a gap in the middle and one above 80%"
        );
        let actions = ide::code_actions(&a, &src, 0..src.len());
        assert_eq!(actions.len(), 1, "{actions:?}");
        let fixed = apply(&src, &actions[0].edits);
        assert!(fixed.contains(fixed_arm), "{fixed}");
        let codes: Vec<&str> = chiso::analyze(&fixed)
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(codes, vec!["E010"], "only the gap above 80% is left");
    }
}

#[test]
fn test_lenses_run_the_tests() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let lenses = ide::code_lenses(&a, &src);
    let shown: Vec<(Option<bool>, &str)> = lenses
        .iter()
        .map(|l| (l.passed, l.title.en_str()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (Some(true), "✔ passed (7 checks)"),
            (Some(true), "✔ passed (1 check)"),
            (Some(true), "✔ passed (1 check)")
        ]
    );
    assert_eq!(
        &src[lenses[1].span.clone()],
        "\"7.2.2: tỷ lệ thô × tối đa sẽ cho 0,13 — làm tròn tỷ lệ trước cho 0,14\""
    );
    let failing = src.replace("mong đợi 7.3.2 = 0,11", "mong đợi 7.3.2 = 0,12");
    let a = chiso::analyze(&failing);
    let lens = &ide::code_lenses(&a, &failing)[0];
    assert_eq!(lens.passed, Some(false));
    assert_eq!(
        lens.title.en_str(),
        "✘ failed 1 of 7 checks: expected 7.3.2 = 0.12, got 0.11 points"
    );
    let broken = src.replace(
        "tối đa 0,5 {\n      chủ trì \"Phòng",
        "tối đa {\n      chủ trì \"Phòng",
    );
    let a = chiso::analyze(&broken);
    assert_eq!(
        ide::code_lenses(&a, &broken)[0].title.en_str(),
        "▶ not run: fix the errors first"
    );
}

#[test]
fn every_feature_at_every_offset_of_broken_text_stays_inside_it() {
    let full = read(KON_TUM);
    let mut texts = vec![
        String::new(),
        "tiêu chí".to_string(),
        "\"unterminated".to_string(),
        "area 1 \"A\" max 1 { score = bands x {".to_string(),
        "ruleset \"t\" {\r\n  total 1\r\n}\r\narea 1 \"Đ\" max 1 { score = ratio(a,\r\n"
            .to_string(),
    ];
    // The example cut at a few places, mid-token and mid-character included.
    for cut in [1000, 3901, 4480, 6000] {
        texts.push(full[..chiso::diagnostic::floor_char_boundary(&full, cut)].to_string());
    }
    for text in &texts {
        let a = chiso::analyze(text);
        let inside = |s: &std::ops::Range<usize>| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        for s in ide::document_symbols(&a, text, Lang::En) {
            assert!(inside(&s.span) && inside(&s.selection));
        }
        for f in ide::folding_ranges(&a, text) {
            assert!(inside(&f.span));
        }
        for t in ide::semantic_tokens(&a, text) {
            assert!(inside(&t.span) && !text[t.span].contains('\n'));
        }
        for h in ide::inlay_hints(&a, text, Lang::En) {
            assert!(h.offset <= text.len());
        }
        for l in ide::code_lenses(&a, text) {
            assert!(inside(&l.span));
        }
        for x in ide::code_actions(&a, text, 0..text.len()) {
            assert!(x.edits.iter().all(|e| inside(&e.span)));
        }
        let step = (text.len() / 300).max(1);
        for offset in (0..=text.len() + 2).step_by(step) {
            if let Some(h) = ide::hover(&a, text, offset, Lang::Vi) {
                assert!(inside(&h.span));
            }
            for c in ide::completions(&a, text, offset, Lang::En) {
                assert!(inside(&c.replace));
            }
            if let Some(d) = ide::definition(&a, text, offset) {
                assert!(inside(&d));
            }
            assert!(ide::references(&a, text, offset, true).iter().all(inside));
        }
    }
}

/// A `#` inside a “curly” string, or after an escaped `\"`, is text: the lexer (one for the
/// whole crate) says so, and the item's span, the outline, the comments list and completion
/// agree.
const HASH_IN_STRINGS: &str = "ruleset \"t\" {\n  total 3\n}\narea 1 \"A\" max 3 {\n  tiêu chí 1.1 “Mục #2” tối đa 1 {\n    ghi chú “xem mục #3”\n    ghi chú \"cỡ 5\\\" # inch\" # thật\n    điểm = 1\n  }\n  tiêu chí 1.2 \"Màn hình 5\\\" #1\" tối đa 2\n}\n";

#[test]
fn a_hash_inside_a_string_keeps_spans_whole() {
    let source = HASH_IN_STRINGS;
    let a = chiso::analyze(source);
    assert!(!a.has_errors(), "{:?}", a.diagnostics);
    let area = &a.syntax.nodes[0];
    let c11 = &area.children[0];
    let items: Vec<&str> = c11
        .items
        .iter()
        .map(|item| &source[item.span.clone()])
        .collect();
    assert_eq!(
        items,
        vec![
            "tối đa 1",
            "ghi chú “xem mục #3”",
            "ghi chú \"cỡ 5\\\" # inch\"",
            "điểm = 1"
        ]
    );
    let c12 = &area.children[1];
    assert_eq!(
        &source[c12.span.clone()],
        "tiêu chí 1.2 \"Màn hình 5\\\" #1\" tối đa 2"
    );
    // The outline shows whole declarations.
    let symbols = ide::document_symbols(&a, source, Lang::En);
    let outline_c12 = &symbols
        .iter()
        .find(|s| s.kind == SymbolKind::Area)
        .expect("the area")
        .children[1];
    assert_eq!(&source[outline_c12.span.clone()], &source[c12.span.clone()]);
    // The only comment is the real one.
    let comments: Vec<&str> = chiso::syntax::comments::comments(source)
        .into_iter()
        .map(|s| &source[s])
        .collect();
    assert_eq!(comments, vec!["# thật"]);
    // No completion inside the strings, after their `#`.
    for needle in ["#3", "# inch", "#1", "#2"] {
        let offset = source.find(needle).unwrap() + 1;
        assert!(
            ide::completions(&a, source, offset, Lang::En).is_empty(),
            "completion inside a string at {needle}"
        );
    }
}

/// Inside a call of a built-in function the editor shows its parameters in the reader's
/// language and which one the cursor is on (the second after one comma).
#[test]
fn signature_help_inside_a_call_in_both_languages() {
    let src = read(KON_TUM);
    let a = chiso::analyze(&src);
    let call = "tỷ_lệ(nội_dung_chương_trình_hoàn_thành, ";
    let at = nth(&src, call, 0) + call.len();
    let vi = ide::signature_help(&a, &src, at, Lang::Vi).expect("inside tỷ_lệ(");
    assert_eq!(vi.label, "tỷ_lệ(tử_số, mẫu_số)");
    assert_eq!(vi.parameters, vec!["tử_số", "mẫu_số"]);
    assert_eq!(vi.active, 1);
    assert!(
        vi.documentation.starts_with("Tỷ lệ: tử số ÷ mẫu số"),
        "{}",
        vi.documentation
    );
    let en = ide::signature_help(&a, &src, at, Lang::En).expect("inside ratio(");
    assert_eq!(en.label, "ratio(part, whole)");
    assert_eq!(en.parameters, vec!["part", "whole"]);
    assert_eq!(en.active, 1);
    // Right after the parenthesis: the first parameter.
    let first = nth(&src, "tỷ_lệ(", 0) + "tỷ_lệ(".len();
    assert_eq!(
        ide::signature_help(&a, &src, first, Lang::En).map(|h| h.active),
        Some(0)
    );
    // Outside any call, and inside a string: nothing.
    assert_eq!(ide::signature_help(&a, &src, 5, Lang::Vi), None);
    let in_title = nth(&src, "Thực hiện nhiệm vụ được giao", 0) + 3;
    assert_eq!(ide::signature_help(&a, &src, in_title, Lang::Vi), None);
}
