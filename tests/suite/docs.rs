//! The documentation is tested: every ```chiso example of the language reference checks
//! without errors and its test cases pass; every example of the batch guide checks and each
//! of its unit files (```toml unit) reads against the ruleset before it; every diagnostic
//! code the source can emit is documented.

use crate::common::read;
use std::collections::BTreeSet;

fn chiso_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```chiso") => current = Some(String::new()),
            (Some(block), "```") => {
                blocks.push(std::mem::take(block));
                current = None;
            }
            (Some(block), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_language_reference_example_checks_and_its_tests_pass() {
    let blocks = chiso_blocks(&read("docs/language.md"));
    assert!(blocks.len() >= 6, "found {} examples", blocks.len());
    for block in &blocks {
        let analysis = chiso::analyze(block);
        let errors: Vec<String> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{d} at {:?}", &block[d.span.clone()]))
            .collect();
        assert!(errors.is_empty(), "example:\n{block}\nerrors: {errors:#?}");
        for outcome in chiso::testing::run_tests(&analysis.ruleset) {
            assert!(
                outcome.passed(),
                "example:\n{block}\n{:?}",
                outcome.failures
            );
        }
    }
}

/// Codes written as `"E001"`-style string literals anywhere in the workspace's source: the
/// library, the formats, the CLI and the language server.
fn codes_in_source() -> BTreeSet<String> {
    let mut codes = BTreeSet::new();
    let root = crate::common::root();
    let mut stack: Vec<_> = ["src", "formats/src", "cli/src", "lsp/src"]
        .iter()
        .map(|dir| root.join(dir))
        .collect();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (i, _) in text.match_indices('"') {
                    // A code literal: a quote, a letter, three digits, a quote.
                    let Some(candidate) = text.get(i + 1..i + 6) else {
                        continue;
                    };
                    let bytes = candidate.as_bytes();
                    let well_formed = matches!(bytes[0], b'E' | b'W' | b'D' | b'T' | b'I')
                        && bytes[1..4].iter().all(u8::is_ascii_digit)
                        && bytes[4] == b'"';
                    if well_formed {
                        codes.insert(candidate[..4].to_string());
                    }
                }
            }
        }
    }
    codes
}

#[test]
fn every_diagnostic_code_is_in_the_table_and_documented() {
    let in_source = codes_in_source();
    assert!(in_source.len() > 50, "found only {in_source:?}");
    let not_in_table: Vec<&String> = in_source
        .iter()
        .filter(|c| chiso::codes::lookup(c).is_none())
        .collect();
    assert!(
        not_in_table.is_empty(),
        "codes used but not in chiso::codes::CODES: {not_in_table:?}"
    );
    let doc = read("docs/diagnostics.md");
    let mut undocumented = Vec::new();
    for code in chiso::codes::CODES {
        let severities: Vec<&str> = code.severities.iter().map(|s| s.as_str()).collect();
        let row = format!("| `{}` | {} |", code.code, severities.join(" / "));
        if !doc.contains(&row) {
            undocumented.push(row);
        }
    }
    assert!(
        undocumented.is_empty(),
        "table rows not documented (with this severity) in docs/diagnostics.md: {undocumented:#?}"
    );
}

#[test]
fn every_built_in_function_is_in_the_language_reference() {
    let doc = read("docs/language.md");
    for b in &chiso::builtins::BUILTINS {
        assert!(
            doc.contains(&format!("`{}(", b.en)) && doc.contains(&format!("`{}`", b.vi)),
            "docs/language.md's function table lacks `{}` / `{}`",
            b.en,
            b.vi
        );
    }
}

/// The blocks of the batch guide in order: (`"chiso"` or `"toml unit"`, text).
fn batch_guide_blocks(markdown: &str) -> Vec<(&'static str, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(&'static str, String)> = None;
    for line in markdown.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```chiso") => current = Some(("chiso", String::new())),
            (None, "```toml unit") => current = Some(("toml unit", String::new())),
            (Some(_), "```") => blocks.extend(current.take()),
            (Some((_, block)), _) => {
                block.push_str(line);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    blocks
}

#[test]
fn every_batch_guide_example_checks_and_its_unit_files_read() {
    let blocks = batch_guide_blocks(&read("docs/batch.md"));
    let units = blocks
        .iter()
        .filter(|(kind, _)| *kind == "toml unit")
        .count();
    assert!(
        blocks.len() >= 4 && units >= 2,
        "found {} examples",
        blocks.len()
    );
    let mut ruleset = None;
    for (kind, block) in &blocks {
        if *kind == "chiso" {
            let analysis = chiso::analyze(block);
            let errors: Vec<String> = analysis
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.to_string())
                .collect();
            assert!(errors.is_empty(), "example:\n{block}\nerrors: {errors:#?}");
            ruleset = Some(analysis.ruleset);
            continue;
        }
        // A unit file reads without a finding against the ruleset shown before it.
        let ruleset = ruleset.as_ref().expect("a ruleset before the unit file");
        let (data, diagnostics) = chiso_formats::unit_file::load(
            ruleset,
            block,
            chiso_formats::unit_file::DataFormat::Toml,
        );
        assert!(
            data.is_some() && diagnostics.is_empty(),
            "example:\n{block}\n{diagnostics:#?}"
        );
    }
}
