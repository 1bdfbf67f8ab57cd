//! Tidy checks: the invariants of ARCHITECTURE.md that a grep or a manifest can verify.
//! Each test names the invariant it enforces; ARCHITECTURE.md names the test.

use crate::common::root;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir` (relative to the top), sorted.
fn rust_files(dir: &str) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join(dir), &mut out);
    assert!(!out.is_empty(), "no Rust files under {dir}");
    out
}

/// A file's code without its `#[cfg(test)]` module (tests may print and read files).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read source");
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The lines of `files` (path relative to the top, line number, line) that contain any of
/// `needles` outside comments.
fn occurrences(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for path in files {
        for (i, line) in code(path).lines().enumerate() {
            let code_part = line.split("//").next().unwrap_or("");
            if needles.iter().any(|n| code_part.contains(n)) {
                let relative = path.strip_prefix(root()).unwrap_or(path);
                found.push(format!("{}:{}: {}", relative.display(), i + 1, line.trim()));
            }
        }
    }
    found
}

/// The core and the formats do no I/O and never print: they return values, bytes and
/// diagnostics, and the CLI or the language server decides where they go.
#[test]
fn core_and_formats_do_no_io_and_never_print() {
    let mut files = rust_files("src");
    files.extend(rust_files("formats/src"));
    // The message catalogues are compiled in (`include_str!`); the crate reads no environment:
    // the CLI and the language server hand it what the user chose.
    files.extend(rust_files("i18n/src"));
    let found = occurrences(
        &files,
        &[
            "std::fs",
            "File::open",
            "File::create",
            "println!",
            "eprintln!",
            "print!(",
            "eprint!(",
            "dbg!(",
            "stdout()",
            "stderr()",
            "std::env",
            "env::var",
            "stdin()",
            "std::{fs",
            "std::{env",
            "SystemTime",
            "Instant::now",
            "Local::now",
            "Utc::now",
        ],
    );
    assert!(
        found.is_empty(),
        "I/O or printing in a library:\n{}",
        found.join("\n")
    );
}

/// No floats in the core: every number is a `rust_decimal::Decimal`. In the formats, a
/// double appears only where a spreadsheet library hands one over or takes one (converted
/// once, no arithmetic), in the files listed here.
#[test]
fn no_floats_in_the_core_and_floats_only_at_spreadsheet_boundaries() {
    let floats = ["f64", "f32"];
    let mut core_files = rust_files("src");
    core_files.extend(rust_files("i18n/src"));
    let core = occurrences(&core_files, &floats);
    assert!(core.is_empty(), "floats in the core:\n{}", core.join("\n"));
    let allowed = [
        "formats/src/sheet.rs",
        "formats/src/grid.rs",
        "formats/src/report/xlsx.rs",
        "formats/src/forms.rs",
    ];
    let formats: Vec<String> = occurrences(&rust_files("formats/src"), &floats)
        .into_iter()
        .filter(|line| !allowed.iter().any(|a| line.starts_with(a)))
        .collect();
    assert!(
        formats.is_empty(),
        "floats outside the spreadsheet boundary:\n{}",
        formats.join("\n")
    );
    for lib in ["src/lib.rs", "formats/src/lib.rs"] {
        let text = std::fs::read_to_string(root().join(lib)).expect("read lib.rs");
        assert!(
            text.contains("#![deny(clippy::float_arithmetic)]"),
            "{lib} must deny float arithmetic"
        );
    }
}

/// Each outside library stays in the one crate (or file) that owns that edge.
#[test]
fn each_library_is_confined_to_its_crate() {
    // (what, where it may appear: path prefixes relative to the top)
    let rules: [(&[&str], &[&str]); 7] = [
        (&["pest::", "pest_derive"], &["src/syntax/parser.rs"]),
        (
            &[
                "clap::",
                "clap_complete::",
                "clap_mangen::",
                "miette::",
                "indicatif::",
                "tempfile::",
            ],
            &["cli/"],
        ),
        (&["tower_lsp_server", "tokio::"], &["lsp/"]),
        (&["calamine::", "calamine;"], &["formats/"]),
        (&["rust_xlsxwriter::"], &["formats/"]),
        (&["serde::", "toml::", "csv::"], &["formats/"]),
        // JSON-RPC framing in the language server checks each message is JSON before the
        // protocol library reads it (a malformed one is answered, not fatal).
        (&["serde_json::"], &["formats/", "lsp/src/lib.rs"]),
    ];
    let mut files = rust_files("src");
    files.extend(rust_files("formats/src"));
    files.extend(rust_files("cli/src"));
    files.extend(rust_files("lsp/src"));
    let mut wrong = Vec::new();
    for (needles, homes) in rules {
        for line in occurrences(&files, needles) {
            if !homes.iter().any(|home| line.starts_with(home)) {
                wrong.push(line);
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a library outside its crate:\n{}",
        wrong.join("\n")
    );
}

/// The core crate's manifest names only what an embedder can carry: no terminal, no file
/// formats, no language server (`cargo tree -p chiso` then lists none of them either).
#[test]
fn the_core_manifest_has_no_terminal_format_or_editor_dependency() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).expect("Cargo.toml");
    let section = manifest
        .split("\n[dependencies]\n")
        .nth(1)
        .expect("a [dependencies] table")
        .split("\n[")
        .next()
        .unwrap_or("");
    let names: Vec<&str> = section
        .lines()
        .filter_map(|l| l.split('=').next())
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.starts_with('#'))
        .collect();
    let allowed = [
        "pest",
        "pest_derive",
        "rust_decimal",
        "chrono",
        "unicode-normalization",
        "strsim",
        "memchr",
        // The message catalogues (Fluent: fluent-bundle, fluent-syntax, unic-langid below it):
        // diagnostics carry a message id and arguments, rendered in the reader's language.
        "chiso-i18n",
    ];
    for name in &names {
        assert!(
            allowed.contains(name),
            "the core depends on `{name}`: file formats belong in formats/, terminal code in cli/"
        );
    }
    assert!(
        names.contains(&"rust_decimal"),
        "parsed the wrong table: {names:?}"
    );
}

/// The layers import downward only: syntax knows nothing of the checker, the model or
/// anything above; the core never names the formats, the CLI or the language server.
#[test]
fn layers_import_downward_only() {
    // What `syntax` may import from the crate: the layers below it.
    let below_syntax = [
        "syntax",
        "diagnostic",
        "text",
        "position",
        "codes",
        "message",
        "msg",
    ];
    let mut wrong = Vec::new();
    for path in rust_files("src/syntax") {
        let without_comments: String = code(&path)
            .lines()
            .map(|line| line.split("//").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        for statement in crate_imports(&without_comments) {
            for module in imported_modules(&statement) {
                if !below_syntax.contains(&module.as_str()) && module != "self" {
                    wrong.push(format!("{}: {statement}", path.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "syntax imports a layer above it:\n{}",
        wrong.join("\n")
    );
    let core = occurrences(
        &rust_files("src"),
        &["chiso_formats", "chiso_lsp", "chiso_cli"],
    );
    assert!(
        core.is_empty(),
        "the core names an outer crate:\n{}",
        core.join("\n")
    );
    let formats = occurrences(&rust_files("formats/src"), &["chiso_lsp", "chiso_cli"]);
    assert!(
        formats.is_empty(),
        "formats name an outer crate:\n{}",
        formats.join("\n")
    );
}

/// Every `use crate::…;` statement of a file (grouped and multi-line ones whole), and every
/// path written `crate::module::…` in its code.
fn crate_imports(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let tail = &rest[at..];
        let end = if rest[..at].trim_end().ends_with("use") {
            tail.find(';').unwrap_or(tail.len())
        } else {
            tail.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(tail.len())
        };
        out.push(tail[..end].split_whitespace().collect::<Vec<_>>().join(" "));
        rest = &tail[end..];
    }
    out
}

/// The top-level modules a `crate::…` path or grouped import names: `crate::{a::X, b}` → a, b.
fn imported_modules(statement: &str) -> Vec<String> {
    let body = statement.trim_start_matches("crate::");
    let body = body
        .strip_prefix('{')
        .map_or(body, |b| b.trim_end_matches('}'));
    let mut modules = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let bytes: Vec<char> = body.chars().collect();
    for (i, c) in bytes.iter().enumerate() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                modules.push(bytes[start..i].iter().collect::<String>());
                start = i + 1;
            }
            _ => {}
        }
    }
    modules.push(bytes[start..].iter().collect::<String>());
    modules
        .iter()
        .map(|m| m.trim().split("::").next().unwrap_or("").trim().to_string())
        .filter(|m| !m.is_empty())
        .collect()
}

#[test]
fn grouped_imports_are_seen_by_the_layer_check() {
    let code =
        "use crate::{model::Ruleset, text::{fold, name_key}};\nlet x = crate::check::run();\n";
    let statements = crate_imports(code);
    assert_eq!(statements.len(), 2, "{statements:?}");
    assert_eq!(imported_modules(&statements[0]), ["model", "text"]);
    assert_eq!(imported_modules(&statements[1]), ["check"]);
}

#[test]
fn the_tidy_helpers_see_what_they_check() {
    // A check that cannot fail is no check: the helpers must find a known occurrence.
    let parser = root().join("src/syntax/parser.rs");
    let found = occurrences(&[parser], &["pest::"]);
    assert!(!found.is_empty());
    // Places are relative to the top, as the confinement rules compare them.
    assert!(
        found[0].starts_with("src/syntax/parser.rs:"),
        "{}",
        found[0]
    );
}

/// One lexer: only `src/syntax/lexer.rs` scans for where strings and comments are. Anyone
/// else asks it (a hand-written scanner cut item spans at a `#` inside “…” before).
#[test]
fn only_the_lexer_scans_for_strings_and_comments() {
    let files: Vec<PathBuf> = rust_files("src")
        .into_iter()
        .filter(|p| !p.ends_with("src/syntax/lexer.rs"))
        .collect();
    let scanner_shapes = [
        "b'\"'",
        "b'#'",
        "== '\"'",
        "== '#'",
        "== '“'",
        "'\"' =>",
        "'#' =>",
        "'“' =>",
        "in_string = ",
    ];
    let found = occurrences(&files, &scanner_shapes);
    assert!(
        found.is_empty(),
        "a string/comment scanner outside the lexer:\n{}",
        found.join("\n")
    );
}

/// One position converter: only `src/position.rs` converts offsets to lines and columns or
/// counts UTF-16 units (the LSP's adapter calls it; the grid reader decodes UTF-16 *files*).
#[test]
fn only_the_position_converter_counts_lines_columns_and_utf16() {
    let mut files = rust_files("src");
    files.extend(rust_files("formats/src"));
    files.extend(rust_files("cli/src"));
    files.extend(rust_files("lsp/src"));
    let files: Vec<PathBuf> = files
        .into_iter()
        .filter(|p| !p.ends_with("src/position.rs"))
        .collect();
    let found = occurrences(
        &files,
        &[
            "len_utf16",
            "fn line_col",
            "fn offset_of_line_col",
            "line_starts",
            "utf16_len",
        ],
    );
    assert!(
        found.is_empty(),
        "a line/column converter outside src/position.rs:\n{}",
        found.join("\n")
    );
}
