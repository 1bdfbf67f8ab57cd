//! Broken input never panics: the bundled rulesets and data files, truncated and mutated in
//! thousands of ways (a deterministic cousin of the fuzz targets in `fuzz/`), go through
//! parsing, checking, loading, scoring and reporting. Every span must stay inside the text.

use crate::common::{read, Rng};
use chiso_formats::unit_file::{load, DataFormat};

const PIECES: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "\"",
    "“",
    ",",
    ":",
    "%",
    "=",
    "<=",
    "-",
    "×",
    "/",
    "\n",
    "\r\n",
    " ",
    "#",
    "\u{301}",
    "\u{feff}",
    "😀",
    "tiêu chí",
    "tieu chi",
    "1.1",
    "0,5",
    "99999999999999999999999999999",
    "max",
    "tối đa",
    "bậc",
    "nếu",
    "không",
    "ratio(",
    "best(",
    "awarded",
    "ngày 31/02/2024",
    "[inputs]",
    "\"1.6.2\" = ",
    "= -1",
    "= \"1.253\"",
    "nan",
    "1e400",
    "[points]\n\"7.2.2\" = 5\n",
];

fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut s = text.to_string();
    for _ in 0..1 + rng.below(4) {
        let boundaries: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
        let at = boundaries[rng.below(boundaries.len())];
        match rng.below(3) {
            0 => s.insert_str(at, PIECES[rng.below(PIECES.len())]),
            1 => {
                let end = boundaries[(boundaries.partition_point(|&b| b < at) + 1 + rng.below(40))
                    .min(boundaries.len() - 1)];
                s.replace_range(at..end, "");
            }
            _ => s.truncate(at),
        }
    }
    s
}

fn assert_spans(text: &str, diagnostics: &[chiso::Diagnostic]) {
    for d in diagnostics {
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?} in {text:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
        for l in &d.labels {
            assert!(
                l.span.end <= text.len()
                    && text.is_char_boundary(l.span.start)
                    && text.is_char_boundary(l.span.end)
            );
        }
    }
}

#[test]
fn mutated_rulesets_never_panic() {
    let mut rng = Rng(0x5eed_c415);
    let sources = [
        read("rulesets/kon-tum/huyen-2023-trich.chiso"),
        read("tests/fixtures/fuzz-ruleset.chiso"),
        read("docs/language.md"),
    ];
    for source in &sources {
        for _ in 0..400 {
            let text = mutate(source, &mut rng);
            let analysis = chiso::analyze(&text);
            assert_spans(&text, &analysis.diagnostics);
            if !analysis.has_errors() {
                let _ = chiso::testing::run_tests(&analysis.ruleset);
            }
        }
    }
}

#[test]
fn mutated_data_files_never_panic() {
    let mut rng = Rng(0xda7a);
    let cases = [
        (read("rulesets/kon-tum/huyen-2023-trich.chiso"), read("rulesets/kon-tum/data/kon-ray-2023.toml")),
        (
            read("tests/fixtures/fuzz-ruleset.chiso"),
            "unit = \"U\"\n[inputs]\na = 3\nb = 4\np = \"57,89%\"\nx = 0.5\ny = false\nd = 2024-01-01\nm = \"Tốt\"\npts = 1\n[points]\n\"1.6\" = 1\n\"1.7\" = 0.5\n".to_string(),
        ),
    ];
    let name = |format| match format {
        DataFormat::Json => "u.json",
        DataFormat::Toml => "u.toml",
    };
    for (ruleset, data) in &cases {
        let rs = chiso::analyze(ruleset).ruleset;
        let json = r#"{"unit": "U", "inputs": {"a": 3, "b": 0.5e1}, "points": {"1.6": "1,0"}}"#;
        for round in 0..600 {
            for (base, format) in [(data.as_str(), DataFormat::Toml), (json, DataFormat::Json)] {
                let text = mutate(base, &mut rng);
                let (unit, diagnostics) = load(&rs, &text, format);
                assert_spans(&text, &diagnostics);
                if let Some(unit) = unit {
                    let outcome = chiso::eval::evaluate(&rs, &unit);
                    assert_spans(&text, &outcome.diagnostics);
                    let best = chiso::eval::best_values(&rs, std::slice::from_ref(&unit));
                    for (i, node) in outcome.result.nodes.iter().enumerate() {
                        let _ = chiso::eval::explain(&rs, &unit, &best, i, node);
                    }
                    let files = chiso_formats::units::FileUnits {
                        files: vec![(name(format).to_string(), text.clone())],
                    };
                    let batch = chiso::batch::score(&rs, &files, &mut |_| {});
                    let view = chiso_formats::report::batch::BatchReport::new(&rs, &batch, &[]);
                    // Workbooks and pages are slow to build: every format now and then.
                    for row in chiso_formats::report::FORMATS
                        .iter()
                        .filter(|row| round % 40 == 0 || !matches!(row.name, "xlsx" | "html"))
                    {
                        let written = row.format.to_bytes(&view);
                        assert!(written.is_ok(), "{}: {written:?}", row.name);
                    }
                }
            }
        }
    }
}

#[test]
fn pathological_inputs() {
    for text in [
        "",
        "\u{feff}",
        "{",
        "}",
        "\"",
        "ruleset",
        "ruleset \"",
        "#",
        "\r\n\r\n",
        &"{".repeat(100_000),
        &"tiêu chí 1 \"x\"\n".repeat(2000),
        &"a".repeat(1_000_000),
    ] {
        let analysis = chiso::analyze(text);
        assert_spans(text, &analysis.diagnostics);
        assert!(analysis.has_errors());
    }
}
