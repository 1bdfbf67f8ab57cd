//! Issue 9, "nothing crashes, nothing is lost": hostile rulesets, units and formatting inputs
//! give located diagnostics, never a panic, abort or stack overflow.

use crate::common::{read, run_chiso};
use chiso::syntax::MAX_EXPR_DEPTH;
use chiso_formats::unit_file::{load, DataFormat};

/// A one-criterion ruleset whose rule is `rule` (one input `a`, a count).
fn with_rule(rule: &str) -> String {
    format!(
        "ruleset \"t\" {{ year 2024 level district }}\ninput a: count \"a\"\narea 1 \"A\" max 1 {{\n  criterion 1.1 \"B\" max 1 {{\n    score = {rule}\n  }}\n}}\n"
    )
}

/// Runs `f` on a thread with 2 MiB of stack (a tokio worker's and a spawned thread's
/// default; the main thread has 8): recursion that grows with the input would overflow it.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no panic")
}

fn e019_spans(source: &str) -> Vec<String> {
    chiso::analyze(source)
        .diagnostics
        .iter()
        .filter(|d| d.code == "E019")
        .map(|d| source[d.span.clone()].to_string())
        .collect()
}

#[test]
fn the_deepest_accepted_expressions_check_evaluate_explain_and_format_on_a_small_stack() {
    let n = MAX_EXPR_DEPTH - 1; // operators: a chain of n operators is n + 1 deep
    let shapes = [
        ("sum", format!("min(1, {}a)", "0 + ".repeat(n - 2)), "1"),
        (
            "negations",
            format!("max(0, min(1, {}a))", "-".repeat((n - 4) / 2 * 2)),
            "1",
        ),
        (
            "products",
            format!("min(1, a{})", " * 1".repeat(n - 2)),
            "1",
        ),
        (
            "subtractions",
            format!("max(0, min(1, a{}))", " - 0".repeat(n - 3)),
            "1",
        ),
        (
            "conditions",
            format!("if {}a > 0 then 1 else 0", "a > 0 and ".repeat(n / 2 - 2)),
            "1",
        ),
    ];
    for (what, rule, expected) in shapes {
        let source = with_rule(&rule);
        let (diagnostics, score, explained, formatted, tokens) = on_small_stack(move || {
            let analysis = chiso::analyze(&source);
            let diagnostics: Vec<_> = analysis
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| (d.code, d.message.clone()))
                .collect();
            let (data, _) = load(
                &analysis.ruleset,
                "unit = \"U\"\n[inputs]\na = 1\n",
                DataFormat::Toml,
            );
            let data = data.expect("unit");
            let outcome = chiso::eval::evaluate(&analysis.ruleset, &data);
            let index = analysis.ruleset.node_index("1.1").expect("1.1");
            let result = &outcome.result.nodes[index];
            let explained = chiso::eval::explain(&analysis.ruleset, &data, &[], index, result);
            let formatted = chiso::format::format(&source).is_ok();
            let offset = source.find("score").unwrap() + 10;
            let _ = chiso::ide::hover(&analysis, &source, offset, chiso::Lang::Vi);
            let tokens = chiso::ide::semantic_tokens(&analysis, &source).len();
            let _ = chiso::ide::inlay_hints(&analysis, &source, chiso::Lang::Vi);
            (
                diagnostics,
                result.score.map(|s| s.to_string()),
                !format!("{explained:?}").is_empty(),
                formatted,
                tokens,
            )
        });
        assert!(diagnostics.is_empty(), "{what}: {diagnostics:?}");
        assert_eq!(score.as_deref(), Some(expected), "{what}");
        assert!(explained && formatted && tokens > 0, "{what}");
    }
}

#[test]
fn operator_chains_past_the_limit_are_e019_at_the_expression() {
    let long = [
        ("unary minus", format!("{}a", "-".repeat(7500))),
        ("sum", vec!["a"; 10_000].join(" + ")),
        ("product", vec!["a"; 10_000].join(" × ")),
        ("comparisons joined", vec!["a > 0"; 5_000].join(" and ")),
        ("or", vec!["a > 0"; 5_000].join(" hoặc ")),
        (
            "inside brackets",
            format!("min(1, ({}))", vec!["a"; 10_000].join(" - ")),
        ),
        (
            "bands subject",
            format!("bands {}a {{ otherwise: 0 }}", "-".repeat(3000)),
        ),
    ];
    for (what, rule) in long {
        let source = with_rule(&rule);
        let spans = on_small_stack(move || e019_spans(&source));
        assert_eq!(spans.len(), 1, "{what}: {spans:?}");
        assert!(spans[0].ends_with('a') || spans[0].ends_with('0'), "{what}");
    }
    // `not` chains count as nesting: refused before parsing, on the line.
    for not in ["not ", "không phải ", "KHÔNG PHẢI "] {
        let source = with_rule(&format!("if {}a > 0 then 1 else 0", not.repeat(10_000)));
        let spans = on_small_stack(move || e019_spans(&source));
        assert_eq!(spans.len(), 1, "{not}");
        assert!(spans[0].trim_start().starts_with("score"), "{not}");
    }
}

#[test]
fn chiso_check_reports_e019_for_a_7500_unary_minus_chain() {
    let (code, _, stderr) = run_chiso(&["check", "tests/fixtures/crashes/unary-minus-7500.chiso"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("E019"), "{stderr}");
    assert!(stderr.contains("unary-minus-7500.chiso:8:12"), "{stderr}");
    assert!(!stderr.contains("overflow") && !stderr.contains("panicked"));
    assert!(read("tests/fixtures/crashes/unary-minus-7500.chiso").len() > 7500);
}

#[test]
fn a_diagnostic_past_column_65535_renders_in_check_and_score() {
    let (code, _, stderr) = run_chiso(&["check", "tests/fixtures/crashes/wide-column.chiso"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("E001"), "{stderr}");
    assert!(stderr.contains("wide-column.chiso:1:70029"), "{stderr}");
    // The line is cut around the span, and the caret stands under `xyz`.
    let line = stderr
        .lines()
        .find(|l| l.contains("xyz") && l.contains('│'))
        .expect("the line");
    assert!(
        line.starts_with(" 1 │ …") && line.chars().count() < 300,
        "{line}"
    );
    let caret = stderr
        .lines()
        .skip_while(|l| *l != line)
        .nth(1)
        .expect("underline");
    let xyz = line.chars().collect::<Vec<_>>();
    let at = (0..xyz.len())
        .find(|&i| xyz[i..].starts_with(&['x', 'y', 'z']))
        .unwrap();
    assert_eq!(caret.chars().position(|c| c == '─'), Some(at), "{caret}");

    let (code, _, stderr) = run_chiso(&[
        "score",
        "rulesets/kon-tum/huyen-2023-trich.chiso",
        "tests/fixtures/crashes/wide-column-unit.json",
    ]);
    assert_ne!(code, 0, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("wide-column-unit.json:1:70063"), "{stderr}");
    assert!(stderr.contains("unknown input `zzz`"), "{stderr}");
}

/// 50,000 warnings in one ruleset: each diagnostic reads only the lines around it (the unit
/// test `render::tests::a_diagnostic_reads_only_the_lines_around_it` holds the excerpt to
/// three lines), so this takes seconds; the quadratic renderer took minutes.
#[test]
fn fifty_thousand_warnings_are_all_rendered() {
    let n = 50_000;
    let mut text = String::from("ruleset \"t\" { year 2024 level district }\n");
    for k in 0..n {
        text.push_str(&format!("input i{k}: count \"chưa dùng\"\n"));
    }
    text.push_str("input a: count \"a\"\narea 1 \"A\" max 1 {\n  criterion 1.1 \"B\" max 1 {\n    score = min(1, a)\n  }\n}\n");
    let dir = std::env::temp_dir().join(format!("chiso-crashes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("warnings.chiso");
    std::fs::write(&path, &text).unwrap();
    let (code, _, stderr) = run_chiso(&["check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{}", &stderr[stderr.len().saturating_sub(500)..]);
    assert_eq!(stderr.matches("W001").count(), n);
    // The last one is placed on its own line.
    let last = format!("warnings.chiso:{}:7", n + 1);
    assert!(stderr.contains(&last), "{last}");
}

/// 10,000 unknown keys in one unit file, rendered one problem at a time by `score`: the
/// file's lines are indexed once, not once per problem.
#[test]
fn ten_thousand_unknown_keys_are_all_rendered() {
    let n = 10_000;
    let mut text = String::from("unit = \"U\"\nyear = 2023\n[inputs]\n");
    for k in 0..n {
        text.push_str(&format!("khong_co_{k} = 1\n"));
    }
    let dir = std::env::temp_dir().join(format!("chiso-crashes-keys-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("unit.toml");
    std::fs::write(&path, &text).unwrap();
    let (code, _, stderr) = run_chiso(&[
        "score",
        "rulesets/kon-tum/huyen-2023-trich.chiso",
        path.to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert_eq!(stderr.matches("× unknown input `khong_co_").count(), n);
    assert!(stderr.contains(&format!("unit.toml:{}:1", n + 3)));
}

/// Common Vietnamese letters in their decomposed (NFD) spelling.
fn decompose(text: &str) -> String {
    const TABLE: [(&str, &str); 14] = [
        ("ế", "e\u{302}\u{301}"),
        ("ố", "o\u{302}\u{301}"),
        ("ộ", "o\u{323}\u{302}"),
        ("ự", "u\u{31b}\u{323}"),
        ("ĩ", "i\u{303}"),
        ("ạ", "a\u{323}"),
        ("ả", "a\u{309}"),
        ("ỏ", "o\u{309}"),
        ("á", "a\u{301}"),
        ("à", "a\u{300}"),
        ("ố", "o\u{302}\u{301}"),
        ("ể", "e\u{302}\u{309}"),
        ("ư", "u\u{31b}"),
        ("ơ", "o\u{31b}"),
    ];
    let mut out = text.to_string();
    for (nfc, nfd) in TABLE {
        out = out.replace(nfc, nfd);
    }
    assert_ne!(out, text);
    out
}

#[test]
fn fmt_of_decomposed_text_reports_errors_at_their_true_place() {
    // `ế` written decomposed (e + two combining marks), then a stray `×`.
    let source = read("tests/fixtures/crashes/fmt-panic-min.chiso");
    match chiso::format::format(&source) {
        Err(chiso::format::FormatError::Syntax(errors)) => {
            assert!(!errors.is_empty());
            for e in &errors {
                // Every span lies on character boundaries of the text as written.
                let text = source.get(e.span.clone()).expect("a span of the source");
                assert!(!text.is_empty() || e.span.start <= source.len());
            }
            let first = &errors[0];
            assert_eq!(&source[first.span.clone()], "e\u{302}\u{301}", "{errors:?}");
            assert_eq!(&source[errors[1].span.clone()], "×", "{errors:?}");
        }
        other => panic!("expected syntax errors, got {other:?}"),
    }
    // Longer: a real ruleset with its Vietnamese letters decomposed, and an error after them.
    let nfd = decompose(&read("rulesets/kon-tum/huyen-2023-trich.chiso"));
    let broken = format!("{nfd}\n{}", decompose("lĩnh vực 9 “Hỏng” tối đa {\n"));
    match chiso::format::format(&broken) {
        Err(chiso::format::FormatError::Syntax(errors)) => {
            assert!(errors.iter().all(|e| broken.get(e.span.clone()).is_some()));
            assert!(errors[0].span.start > nfd.len(), "{errors:?}");
        }
        other => panic!("expected syntax errors, got {other:?}"),
    }
    let (code, _, stderr) = run_chiso(&[
        "fmt",
        "--check",
        "tests/fixtures/crashes/fmt-panic-min.chiso",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("fmt-panic-min.chiso:1:1"), "{stderr}");
}

#[test]
fn fmt_keeps_crlf_line_ends_and_check_passes_on_them() {
    let canonical =
        chiso::format::format(&read("rulesets/kon-tum/huyen-2023-trich.chiso")).expect("formats");
    let crlf = canonical.replace('\n', "\r\n");
    // The core formatter keeps CRLF (so the language server's formatting agrees).
    assert_eq!(chiso::format::format(&crlf).expect("formats"), crlf);
    // A scrambled CRLF file comes back canonical, in CRLF.
    let scrambled = crlf.replace("  ", "    ").replace(" {\r\n", "   {\r\n");
    assert_ne!(scrambled, crlf);
    assert_eq!(chiso::format::format(&scrambled).expect("formats"), crlf);
    let dir = std::env::temp_dir().join(format!("chiso-crlf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("crlf.chiso");
    std::fs::write(&path, &crlf).unwrap();
    let (code, _, stderr) = run_chiso(&["fmt", "--check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    std::fs::write(&path, &scrambled).unwrap();
    let (code, _, stderr) = run_chiso(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), crlf);
}

/// A file saved with a byte-order mark (Windows Notepad does) keeps it when `fmt` rewrites it,
/// and `fmt --check` does not count the mark as a difference.
#[test]
fn fmt_keeps_a_byte_order_mark() {
    let canonical =
        chiso::format::format(&read("rulesets/kon-tum/huyen-2023-trich.chiso")).expect("formats");
    let dir = std::env::temp_dir().join(format!("chiso-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bom.chiso");
    std::fs::write(&path, format!("\u{feff}{canonical}")).unwrap();
    let (code, _, stderr) = run_chiso(&["fmt", "--check", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let scrambled = canonical.replace("  ", "    ");
    assert_ne!(scrambled, canonical);
    std::fs::write(&path, format!("\u{feff}{scrambled}")).unwrap();
    let (code, _, stderr) = run_chiso(&["fmt", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("\u{feff}{canonical}")
    );
}
