//! Vietnamese first, English on request (issue 11): every message comes from the catalogues
//! of `chiso-i18n` (`i18n/vi.ftl`, `i18n/en.ftl`).
//!
//! - No diagnostic or message is built from a plain English string, except the constructions
//!   listed in [`UNTRANSLATED`] (each with its reason); a new one fails the test.
//! - Every message id the sources use exists in both catalogues, with exactly the arguments
//!   the sources pass.
//! - The `chiso` command run as an official who sets nothing (no locale, no `CHISO_LANG`)
//!   shows no English message; `--lang en`, `CHISO_LANG=en` and an English locale show
//!   English.

use crate::common::{assert_no_crash, chiso_bin, root};
use chiso::Lang;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Constructions that still take a plain (untranslated) text, by file and the text of the
/// argument, with the reason it is not a catalogue message. Only texts that are no message
/// belong here: text the user wrote, or a bug report naming the program's state.
const UNTRANSLATED: &[(&str, &str)] = &[
    // A pest custom error carries its own text (our grammar defines none; kept for safety).
    ("src/syntax/parser.rs", "Message::plain(message.clone())"),
    // The join of expected things starts from nothing.
    ("src/syntax/parser.rs", "Message::plain(\"\")"),
    // A failure with no message of its own leaves the lens title empty.
    ("src/ide/outline.rs", "Message::plain(\"\")"),
    // An input's description is the ruleset author's text.
    ("src/eval/mod.rs", "Message::plain(desc.clone())"),
    // A value as written: a date, a level's name.
    ("src/model.rs", "Message::plain(self.describe(ty))"),
    // A file name alone is a place.
    ("src/place.rs", "Message::plain(self.file_name())"),
    // Any other system error is said as the system says it.
    ("cli/src/render.rs", "Message::plain(e.to_string())"),
    // Offices' and sheets' names are the ruleset's and the workbook's.
    (
        "formats/src/report/merge.rs",
        "Message::plain(owners.join(\", \"))",
    ),
    ("formats/src/grid.rs", "Message::plain(s.name.clone())"),
    // A ruleset's only stage word: its own name of the stage.
    ("src/data.rs", "Message::plain(words.join(\"\"))"),
    // A bonus or penalty item's rule, as the ruleset writes it.
    (
        "src/eval/adjust.rs",
        "Message::plain(adjustment.rule_text.clone())",
    ),
];

/// The calls whose argument is a text for a person, and which argument it is (0-based).
const CALLS: &[(&str, usize)] = &[
    ("Diagnostic::error(", 2),
    ("Diagnostic::warning(", 2),
    (".with_help(", 0),
    (".with_span_label(", 0),
    (".with_label(", 1),
    (".with_fix(", 0),
    ("GridError::new(", 0),
    ("Message::plain(", 0),
    ("failure_diagnostic(", 1),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The product's source files (not tests), each without its `#[cfg(test)]` module.
fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    for dir in ["src", "formats/src", "cli/src", "lsp/src", "i18n/src"] {
        rust_files(&root().join(dir), &mut files);
    }
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("source");
            let text = match text.find("#[cfg(test)]\nmod tests") {
                Some(at) => text[..at].to_string(),
                None => text,
            };
            let name = path
                .strip_prefix(root())
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            (name, text)
        })
        .collect()
}

/// The text between the parenthesis that opens at `open` and its match, skipping strings and
/// character literals; `None` if it never closes.
fn balanced(text: &str, open: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\'' if i + 2 < bytes.len() && (bytes[i + 2] == b'\'' || bytes[i + 1] == b'\\') => {
                // A char literal ('(' or '\''); a lifetime has no closing quote this close.
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&text[open + 1..i]);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The top-level comma-separated arguments of a call's inside.
fn arguments(inside: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in inside.chars() {
        if in_string {
            current.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                out.push(current.trim().to_string());
                current.clear();
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// A catalogue message (or a value that is one already): not a plain text. Every string
/// literal in it must be a message id (the first argument of `msg!`, `tr!`,
/// `Message::new`), and no text is formatted.
fn is_translated(argument: &str) -> bool {
    let mut rest = argument.to_string();
    for call in ["msg!(", "tr!(", "Message::new("] {
        let mut out = String::new();
        let mut text = rest.as_str();
        while let Some(at) = text.find(call) {
            let after = &text[at + call.len()..];
            let trimmed = after.trim_start();
            out.push_str(&text[..at + call.len()]);
            if let Some(id) = trimmed.strip_prefix('"') {
                let end = id.find('"').map_or(0, |e| e + 1);
                out.push_str("ID");
                text = &id[end..];
            } else {
                text = after;
            }
        }
        out.push_str(text);
        rest = out;
    }
    // What is left may hold literals that are no words (", ", "`{}`", ""): only a literal
    // with a word in it is a text for people.
    let mut literals = rest.split('"').skip(1).step_by(2);
    !literals.any(has_word)
}

/// Two ASCII letters in a row outside `{…}` placeholders: an English word.
fn has_word(literal: &str) -> bool {
    let mut depth = 0;
    let mut run = 0;
    for c in literal.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            c if depth == 0 && c.is_ascii_alphabetic() => {
                run += 1;
                if run >= 2 {
                    return true;
                }
                continue;
            }
            _ => {}
        }
        run = 0;
    }
    false
}

#[test]
fn no_diagnostic_or_message_is_built_from_plain_text_except_the_listed_ones() {
    let mut found = Vec::new();
    for (file, text) in sources() {
        // The fallback's own definition (`From<&str> for Message`).
        if file == "src/message.rs" {
            continue;
        }
        for (call, index) in CALLS {
            let mut from = 0;
            while let Some(at) = text[from..].find(call) {
                let start = from + at;
                from = start + call.len();
                // A definition (`fn with_help(`), not a call.
                if text[..start].ends_with("fn ") || text[..start].ends_with("fn") {
                    continue;
                }
                let open = start + call.len() - 1;
                let Some(inside) = balanced(&text, open) else {
                    continue;
                };
                let args = arguments(inside);
                let Some(argument) = args.get(*index) else {
                    continue;
                };
                let plain = *call == "Message::plain(";
                if plain || !is_translated(argument) {
                    let shown = if plain {
                        format!("Message::plain({argument})")
                    } else {
                        argument.clone()
                    };
                    found.push((file.clone(), shown));
                }
            }
        }
    }
    let normalize = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let listed = |file: &str, shown: &str| {
        UNTRANSLATED
            .iter()
            .any(|(f, a)| *f == file && normalize(shown).ends_with(&normalize(a)))
    };
    let new: Vec<String> = found
        .iter()
        .filter(|(file, shown)| !listed(file, shown))
        .map(|(file, shown)| format!("{file}: {shown}"))
        .collect();
    assert!(
        new.is_empty(),
        "texts for people built without the catalogues (write them with msg!(\"id\", …) and add \
         the id to i18n/vi.ftl and i18n/en.ftl):\n{}",
        new.join("\n")
    );
    // The list holds nothing that no longer occurs.
    let stale: Vec<String> = UNTRANSLATED
        .iter()
        .filter(|(f, a)| {
            !found
                .iter()
                .any(|(file, shown)| file == f && normalize(shown).ends_with(&normalize(a)))
        })
        .map(|(f, a)| format!("{f}: {a}"))
        .collect();
    assert!(
        stale.is_empty(),
        "listed as untranslated but gone:\n{}",
        stale.join("\n")
    );
}

/// The ids and argument names of every `msg!(…)`/`tr!(…)` in the sources.
fn message_uses() -> Vec<(String, String, Vec<String>)> {
    let mut uses = Vec::new();
    for (file, text) in sources() {
        for call in ["msg!(", "tr!("] {
            let mut from = 0;
            while let Some(at) = text[from..].find(call) {
                let start = from + at;
                from = start + call.len();
                // `tr!(` inside `include_str!(`, a macro's definition or its doc example.
                let before = text[..start].chars().last();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                    || text[..start].ends_with("macro_rules! ")
                    || text[..start].ends_with('`')
                {
                    continue;
                }
                let Some(inside) = balanced(&text, start + call.len() - 1) else {
                    continue;
                };
                let args = arguments(inside);
                let Some(id) = args
                    .first()
                    .and_then(|a| a.strip_prefix('"')?.strip_suffix('"'))
                else {
                    continue; // the macro's own definition: `$id:literal`
                };
                let mut names: Vec<String> = args[1..]
                    .iter()
                    .filter_map(|a| a.split_once('=').map(|(n, _)| n.trim().to_string()))
                    .collect();
                names.sort();
                names.dedup();
                uses.push((file.clone(), id.to_string(), names));
            }
        }
    }
    uses
}

#[test]
fn every_message_the_sources_use_is_in_both_catalogues_with_the_same_arguments() {
    let vi: BTreeMap<String, Vec<String>> = chiso_i18n::catalogue_entries(Lang::Vi)
        .expect("vi.ftl")
        .into_iter()
        .collect();
    let en: BTreeMap<String, Vec<String>> = chiso_i18n::catalogue_entries(Lang::En)
        .expect("en.ftl")
        .into_iter()
        .collect();
    let uses = message_uses();
    assert!(uses.len() > 300, "found only {} uses", uses.len());
    let mut wrong = Vec::new();
    for (file, id, names) in &uses {
        for (lang, catalogue) in [("vi", &vi), ("en", &en)] {
            match catalogue.get(id) {
                None => wrong.push(format!("{file}: `{id}` is not in {lang}.ftl")),
                Some(vars) if vars != names => wrong.push(format!(
                    "{file}: `{id}` is given {names:?}, {lang}.ftl uses {vars:?}"
                )),
                _ => {}
            }
        }
    }
    // Ids passed as plain literals (a keyword, a type, what overflowed, what the parser
    // expected) are looked up the same way: every such literal of the sources with a catalogue
    // prefix must exist.
    let prefixes = [
        "\"kw-",
        "\"ty-",
        "\"literal-",
        "\"expected-",
        "\"e009-",
        "\"what-",
        "\"raw-",
        // The keyword table's docs (src/ide/keywords.rs).
        "\"kwdoc-",
        // The words of reports (`report::batch::Words`, looked up by their ids).
        "\"report-",
    ];
    for (file, text) in sources() {
        for prefix in prefixes {
            let mut from = 0;
            while let Some(at) = text[from..].find(prefix) {
                let start = from + at + 1;
                from = start;
                let end = text[start..].find('"').map_or(start, |e| start + e);
                let id = &text[start..end];
                if !vi.contains_key(id) || !en.contains_key(id) {
                    wrong.push(format!(
                        "{file}: literal id `{id}` is missing from a catalogue"
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Runs `chiso` with exactly the environment given (plus PATH), from the project root;
/// returns the exit code and standard output followed by standard error.
fn run_with_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let (code, stdout, stderr) = run_with_env_apart(args, env);
    (code, format!("{stdout}{stderr}"))
}

/// [`run_with_env`] with standard output and standard error apart.
fn run_with_env_apart(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = std::process::Command::new(chiso_bin());
    command
        .args(args)
        .current_dir(root())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    for (k, v) in env {
        command.env(k, v);
    }
    let output = command.output().expect("run chiso");
    assert_no_crash(&output.status, args, &output.stderr);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Files the runs below read or write, made fresh in a temporary folder.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("chiso-i18n-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        // A Vietnamese ruleset with several findings (E004, E005, E002, W001, E008 …): the
        // excerpts miette shows are then Vietnamese too, so an English word in the output
        // can only be a message.
        std::fs::write(
            dir.join("hong.chiso"),
            "bộ tiêu chí \"Thử\" { năm 2024  tổng điểm 3 }\n\
             đầu vào số_hồ_sơ: số lượng \"Số hồ sơ\"\n\
             đầu vào thừa: số lượng \"Không dùng\"\n\
             lĩnh vực 1 \"Cải cách\" tối đa 2 {\n\
             \x20 tiêu chí 1.1 \"Một\" tối đa 1 { điểm = nếu sô_hồ_sơ > 0 thì 1 ngược lại 0 }\n\
             \x20 tiêu chí 1.1 \"Hai\" tối đa 1,5\n\
             }\n",
        )
        .expect("write");
        std::fs::write(dir.join("tot.chiso"), TOT).expect("write");
        // Next year's ruleset: 1.2 re-weighted and renamed, 1.3 added, an input added, the
        // total, stages and groups declared — every section of `chiso diff`.
        std::fs::write(dir.join("tot-2025.chiso"), TOT_2025).expect("write");
        // A published criteria table with a blank maximum, a missing area row and a total.
        std::fs::write(
            dir.join("bang.csv"),
            "STT;Nội dung;Điểm chuẩn\n\
             I;CÔNG TÁC CHỈ ĐẠO;1\n\
             1.1;Kế hoạch;1\n\
             1.2;Báo cáo;\n\
             2.1;Không có lĩnh vực 2;1\n\
             Tổng cộng;;2\n",
        )
        .expect("write");
        std::fs::write(
            dir.join("don-vi.toml"),
            "unit = \"UBND huyện Đăk Hà\"\nyear = 2024\n\n[inputs]\n\"số_hồ_sơ\" = -3\n\"lạ\" = 1\n\n[points]\n\"1.2\" = 9\n",
        )
        .expect("write");
        std::fs::write(
            dir.join("thieu.toml"),
            "unit = \"UBND huyện Sa Thầy\"\nyear = 2024\n",
        )
        .expect("write");
        Scratch { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A good Vietnamese ruleset: 1.1 from an input, 1.2 awarded, grades.
const TOT: &str = "bộ tiêu chí \"Thử\" {\n  năm 2024\n  tổng điểm 3\n  xếp loại \"Tốt\" từ 80\n  xếp loại \"Khá\" từ 50 dưới 80\n  xếp loại \"Trung bình\" dưới 50\n}\n\
đầu vào số_hồ_sơ: số lượng \"Số hồ sơ\" chủ trì \"Văn phòng\"\n\
đầu vào hồ_sơ_đúng_hạn: số lượng \"Hồ sơ đúng hạn\" chủ trì \"Văn phòng\"\n\
lĩnh vực 1 \"Cải cách\" {\n\
  tiêu chí 1.1 \"Tỷ lệ đúng hạn\" tối đa 2 {\n\
    mẫu số bằng 0: không đánh giá\n\
    điểm = tỷ_lệ(hồ_sơ_đúng_hạn, số_hồ_sơ) × tối đa\n\
  }\n\
  tiêu chí 1.2 \"Hội đồng chấm\" tối đa 1 chủ trì \"Sở Nội vụ\"\n\
}\n\
kiểm thử \"sai\" {\n  cho số_hồ_sơ = 10\n  cho hồ_sơ_đúng_hạn = 5\n  điểm 1.2 = 1\n  mong đợi 1.1 = 2\n}\n";

/// [`TOT`] a year later: 1.2 is worth 2 and renamed, 1.3 is new, an input is new, the total is
/// 5 (2 + 2 + 1), and the ruleset declares its appraisal rounds and groups.
const TOT_2025: &str = "bộ tiêu chí \"Thử\" {\n  năm 2025\n  tổng điểm 5\n  xếp loại \"Tốt\" từ 80\n  xếp loại \"Khá\" từ 50 dưới 80\n  xếp loại \"Trung bình\" dưới 50\n  giai đoạn \"Tự đánh giá\", \"Thẩm định\", \"Thẩm định lại\"\n  nhóm \"Khối huyện\"\n}\n\
đầu vào số_hồ_sơ: số lượng \"Số hồ sơ\" chủ trì \"Văn phòng\"\n\
đầu vào hồ_sơ_đúng_hạn: số lượng \"Hồ sơ đúng hạn\" chủ trì \"Văn phòng\"\n\
đầu vào sáng_kiến: số lượng \"Số sáng kiến\"\n\
lĩnh vực 1 \"Cải cách\" {\n\
  tiêu chí 1.1 \"Tỷ lệ đúng hạn\" tối đa 2 {\n\
    mẫu số bằng 0: không đánh giá\n\
    điểm = tỷ_lệ(hồ_sơ_đúng_hạn, số_hồ_sơ) × tối đa\n\
  }\n\
  tiêu chí 1.2 \"Hội đồng chấm điểm\" tối đa 2 chủ trì \"Sở Nội vụ\"\n\
  tiêu chí 1.3 \"Sáng kiến\" tối đa 1 { điểm = nhỏ_nhất(sáng_kiến, tối đa) }\n\
}\n";

/// Commands an officer runs, each meeting messages: diagnostics of every kind, usage errors,
/// help, explanations, advice, forms, merges, to-do lists.
fn runs(s: &Scratch) -> Vec<Vec<String>> {
    let v = |args: &[&str]| args.iter().map(|a| a.to_string()).collect::<Vec<_>>();
    let (hong, tot, don_vi, thieu) = (
        s.path("hong.chiso"),
        s.path("tot.chiso"),
        s.path("don-vi.toml"),
        s.path("thieu.toml"),
    );
    let form = s.path("van-phong.toml");
    let (tot_2025, bang) = (s.path("tot-2025.chiso"), s.path("bang.csv"));
    vec![
        v(&["--help"]),
        v(&["score", "--help"]),
        v(&["khong-co-lenh"]),
        v(&["check", "--format", "xml", &tot]),
        v(&["check", &hong]),
        v(&["check", "--format", "json", &hong]),
        v(&["check", "khong/co/tep.chiso"]),
        v(&["test", &tot]),
        v(&["score", &tot, &don_vi, &thieu]),
        v(&["explain", &tot, &thieu, "1.1"]),
        v(&["explain", &tot, &thieu, "9.9"]),
        v(&["advise", &tot, &thieu]),
        v(&["template", &tot, "--list"]),
        v(&["template", &tot, "--owner", "Phòng Không Có"]),
        v(&["template", &tot, "--owner", "Văn phòng", "-o", &form]),
        v(&["merge", &tot, &form]),
        v(&["fmt", "--check", &hong]),
        // The same unit given twice (D013 names the stage).
        v(&["score", &tot, &thieu, &thieu]),
        v(&["diff", &tot, &tot_2025]),
        v(&["diff", &tot, &tot_2025, "--format", "markdown"]),
        v(&["diff", &tot, &tot_2025, "--format", "html"]),
        v(&["diff", &tot, &tot_2025, "--data", &thieu]),
        v(&["import", &bang]),
    ]
}

/// English of messages: none may appear when nothing is set. Each is a phrase only a message
/// says (the ruleset, file and unit names of these runs are Vietnamese).
const ENGLISH: &[&str] = &[
    "error",
    "warning",
    "help:",
    "Usage",
    "Options",
    "Commands",
    "Print help",
    "cannot",
    "did you mean",
    "expected",
    "unknown",
    "declared",
    "add up",
    "missing",
    "not formatted",
    "never used",
    "duplicate",
    "points",
    "maximum",
    "criterion",
    "input",
    "unit file",
    "the ",
    " is ",
    " of ",
    "passed",
    "failed",
    "items",
    "result",
    "step",
    "nodes",
];

/// What a run printed, with the parts that are not messages taken out: file paths and the
/// JSON keys of `--format json` (machine words by design).
fn messages_only(out: &str, s: &Scratch) -> String {
    let mut out = out.replace(&s.dir.to_string_lossy().into_owned(), "TMP");
    // The tables of a unit file are named in TOML ([inputs], [points]): file syntax, which
    // messages quote as it is written.
    for table in [
        "[inputs]",
        "[points]",
        "[not_evaluated]",
        "[evidence]",
        "[notes]",
        "[claimed]",
    ] {
        out = out.replace(table, "");
    }
    for key in [
        "\"code\"",
        "\"severity\"",
        "\"message\"",
        "\"file\"",
        "\"line\"",
        "\"column\"",
        "\"end_line\"",
        "\"end_column\"",
        "\"help\"",
        "\"error\"",
        "\"warning\"",
    ] {
        out = out.replace(key, "");
    }
    out
}

#[test]
fn an_officer_who_sets_nothing_reads_no_english() {
    let s = Scratch::new("vi");
    let mut english = Vec::new();
    for args in runs(&s) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (_, out) = run_with_env(&args, &[]);
        let text = messages_only(&out, &s);
        assert!(!text.trim().is_empty(), "{args:?} printed nothing");
        for phrase in ENGLISH {
            let lower = text.to_lowercase();
            if lower.contains(&phrase.to_lowercase()) {
                english.push(format!("chiso {args:?}: “{phrase}” in\n{text}"));
            }
        }
    }
    assert!(english.is_empty(), "{}", english.join("\n\n"));
}

#[test]
fn vietnamese_output_says_what_the_catalogue_says() {
    // Hand-written expectations from vi.ftl's wording; numbers with a decimal comma.
    let s = Scratch::new("vi-texts");
    let (code, out) = run_with_env(&["check", &s.path("hong.chiso")], &[]);
    assert_eq!(code, 1);
    for expected in [
        "điểm tối đa của 1 là 2, nhưng điểm tối đa của các tiêu chí con cộng lại là 2,5",
        "mã số `1.1` bị trùng",
        "gợi ý: đánh số lại thành 1.2",
        "không có đầu vào `sô_hồ_sơ`",
        "có phải ý bạn là `số_hồ_sơ`?",
        "đầu vào `thừa` không được dùng ở đâu",
    ] {
        assert!(out.contains(expected), "missing “{expected}” in\n{out}");
    }
    let (_, out) = run_with_env(&["--help"], &[]);
    assert!(out.contains("Cách dùng: chiso"), "{out}");
    assert!(
        out.contains("Kiểm tra bộ tiêu chí và báo mọi vấn đề tìm thấy"),
        "{out}"
    );
    let (code, out) = run_with_env(&["khong-co-lenh"], &[]);
    assert_eq!(code, 2);
    assert!(out.contains("lỗi: không có lệnh `khong-co-lenh`"), "{out}");
}

#[test]
fn english_when_asked_by_flag_variable_or_locale() {
    let s = Scratch::new("en");
    let hong = s.path("hong.chiso");
    let english = "the maximum of 1 is 2, but its children's maxima add up to 2.5";
    let vietnamese =
        "điểm tối đa của 1 là 2, nhưng điểm tối đa của các tiêu chí con cộng lại là 2,5";
    /// Arguments, environment, what the output must say.
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: [Case; 7] = [
        (&["check", "--lang", "en"], &[], english),
        (&["--lang=en", "check"], &[], english),
        (&["check"], &[("CHISO_LANG", "en")], english),
        (&["check"], &[("LANG", "en_US.UTF-8")], english),
        (
            &["check"],
            &[("LC_ALL", "en_GB.UTF-8"), ("LANG", "vi_VN.UTF-8")],
            english,
        ),
        // The flag wins over the environment; a container's C locale names no language.
        (
            &["check", "--lang", "vi"],
            &[("CHISO_LANG", "en")],
            vietnamese,
        ),
        (&["check"], &[("LANG", "C.UTF-8")], vietnamese),
    ];
    for (args, env, expected) in cases {
        let mut all: Vec<&str> = args.to_vec();
        all.push(&hong);
        let (code, out) = run_with_env(&all, env);
        assert_eq!(code, 1, "{all:?} {env:?}");
        assert!(out.contains(expected), "{all:?} {env:?}:\n{out}");
    }
    // Every command of the Vietnamese run speaks English with --lang en.
    for args in runs(&s) {
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.push("--lang");
        args.push("en");
        let (_, stdout, stderr) = run_with_env_apart(&args, &[]);
        // A score report speaks the run's language too (its headings, labels and the problems
        // it lists: `BatchReport::lang`), so standard output is read with standard error.
        let out = format!("{stdout}{stderr}");
        let text = messages_only(&out, &s);
        let vietnamese_words = [
            "lỗi",
            "cảnh báo",
            "gợi ý",
            "Cách dùng",
            "không có",
            "Tuỳ chọn",
            "Tổng điểm",
            "Xếp loại",
            "Tối đa",
            "thiếu số liệu",
        ];
        let found: Vec<&&str> = vietnamese_words
            .iter()
            .filter(|w| text.contains(**w))
            .collect();
        // Unit, office and ruleset names are Vietnamese; the message words above are not names.
        assert!(
            found.is_empty(),
            "chiso {args:?} printed Vietnamese message words {found:?}:\n{text}"
        );
    }
}

/// `chiso explain` as an officer reads it: the reviewed English golden file's facts in
/// Vietnamese words, numbers with a decimal comma and a dot between thousands (2.534 dossiers).
/// Reviewed by hand against `tests/golden/explain-7.2.2.txt` (seed 004's numbers).
#[test]
fn explain_in_vietnamese_matches_the_reviewed_golden_file() {
    let (code, out, _) = run_with_env_apart(
        &[
            "explain",
            "rulesets/kon-tum/huyen-2023-trich.chiso",
            "rulesets/kon-tum/data/kon-ray-2023.toml",
            "7.2.2",
        ],
        &[],
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        crate::common::read("tests/golden/explain-7.2.2.vi.txt")
    );
}

/// The diagnostics of bonus and penalty items (issue 12) in the reader's language: a penalty
/// with no rule (`E025`), a bonus whose rule can go below zero (`E026`) and a floor above the
/// tree's total (`E027`). Expected texts are the catalogues' wording with the numbers of this
/// ruleset: the tree's total is 2 (one area of 2), the floor 5, the bonus `1 − n` reaches no
/// lower limit (n is any count); T2's ratio has no zero-denominator policy (`E014`, naming
/// the function as the rule writes it).
#[test]
fn bonus_and_penalty_diagnostics_speak_the_readers_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("thuong-tru.chiso");
    std::fs::write(
        &path,
        "bộ tiêu chí \"Thử\" {\n  năm 2024\n  điểm sàn 5\n}\n\
         đầu vào n: số lượng \"Số sáng kiến\"\n\
         lĩnh vực 1 \"Cải cách\" tối đa 2 { tiêu chí 1.1 \"Một\" tối đa 2 }\n\
         điểm thưởng T1 \"Sáng kiến\" { điểm = 1 - n }\n\
         điểm trừ P1 \"Kỷ luật\"\n\
         điểm thưởng T2 \"Tỷ lệ\" tối đa 1 { điểm = tỷ_lệ(n, n) }\n",
    )
    .expect("write");
    let path = path.to_string_lossy().into_owned();
    let (code, vi) = run_with_env(&["check", &path], &[]);
    assert_eq!(code, 1, "{vi}");
    for expected in [
        "điểm trừ P1 chưa có quy tắc tính điểm",
        "quy tắc của điểm thưởng T1 có thể cho điểm dưới 0: nó không có giới hạn dưới",
        "muốn trừ điểm thì khai báo một khoản điểm trừ",
        "điểm sàn 5 cao hơn tổng điểm tối đa của cây tiêu chí (2)",
        "`tỷ_lệ` trong điểm thưởng T2 mà không khai báo cách xử lý mẫu số bằng 0",
    ] {
        assert!(vi.contains(expected), "missing “{expected}” in\n{vi}");
    }
    let (code, en) = run_with_env(&["check", "--lang", "en", &path], &[]);
    assert_eq!(code, 1, "{en}");
    for expected in [
        "penalty P1 has no rule",
        "the rule of bonus T1 can go below zero: it has no lower limit",
        "declare a penalty item",
        "the floor 5 is above the tree's total 2",
        "`tỷ_lệ` in bonus T2 without a zero-denominator policy",
    ] {
        assert!(en.contains(expected), "missing “{expected}” in\n{en}");
    }
    // The excerpts quote the Vietnamese ruleset; the messages are English.
    for word in ["chưa có", "giới hạn", "điểm sàn 5 cao hơn"] {
        assert!(!en.contains(word), "“{word}” in\n{en}");
    }
}

/// `chiso diff`, `chiso import` and a unit given twice (`D013`) say what the catalogues say, in
/// Vietnamese when nothing is set and in English with `--lang en`. Expected texts are the
/// catalogues' wording over [`TOT`] → [`TOT_2025`]: 1.2 goes from 1 to 2 points, 1.3 (1 point)
/// is added, the total from 3 to 5; the stages are declared in 2025 only.
#[test]
fn diff_import_and_d013_speak_the_readers_language() {
    let s = Scratch::new("diff-import");
    let (tot, tot_2025, thieu, bang) = (
        s.path("tot.chiso"),
        s.path("tot-2025.chiso"),
        s.path("thieu.toml"),
        s.path("bang.csv"),
    );
    type Case<'a> = (Vec<&'a str>, &'a [&'a str], &'a [&'a str]);
    let cases: [Case; 4] = [
        (
            vec!["diff", &tot, &tot_2025],
            &[
                "Tiêu chí có thay đổi",
                "điểm tối đa 1 → 2",
                "tên \"Hội đồng chấm\" → \"Hội đồng chấm điểm\"",
                "1.3 \"Sáng kiến\" (tối đa 1)",
                "tổng điểm: 3 → 5",
                "giai đoạn: — → Tự đánh giá, Thẩm định, Thẩm định lại",
                "nhóm: — → Khối huyện",
            ],
            &[
                "Changed criteria",
                "max 1 → 2",
                "title \"Hội đồng chấm\" → \"Hội đồng chấm điểm\"",
                "1.3 \"Sáng kiến\" (max 1)",
                "total: 3 → 5",
                "stages: — → Tự đánh giá, Thẩm định, Thẩm định lại",
                "groups: — → Khối huyện",
            ],
        ),
        (
            vec!["diff", &tot, &tot_2025, "--data", &thieu],
            &[
                "Ảnh hưởng đến các đơn vị năm trước",
                "thiếu đầu vào sáng_kiến (cần cho 1.3)",
            ],
            &[
                "Impact on last year's units",
                "missing input sáng_kiến (needed by 1.3)",
            ],
        ),
        (
            vec!["import", &bang],
            &["# Tạo bằng `chiso import` từ bang.csv, dòng 2–6."],
            &["# Imported by `chiso import` from bang.csv, rows 2–6."],
        ),
        (
            vec!["score", &tot, &thieu, &thieu],
            &["đơn vị “UBND huyện Sa Thầy” (tự đánh giá) được cho hai lần"],
            &["unit “UBND huyện Sa Thầy” (self-assessment) is given twice"],
        ),
    ];
    for (args, vi, en) in cases {
        let (_, out) = run_with_env(&args, &[]);
        for expected in vi {
            assert!(
                out.contains(expected),
                "{args:?}: missing “{expected}” in\n{out}"
            );
        }
        let mut english = args.clone();
        english.extend(["--lang", "en"]);
        let (_, out) = run_with_env(&english, &[]);
        for expected in en {
            assert!(
                out.contains(expected),
                "{english:?}: missing “{expected}” in\n{out}"
            );
        }
    }
}
