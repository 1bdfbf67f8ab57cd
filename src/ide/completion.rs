//! Completion of keywords (English and Vietnamese), input names, rule functions and criterion
//! ids, by where the cursor stands. Matching ignores diacritics and case, so "ho_so" finds
//! `hồ_sơ_tiếp_nhận` and "tieu" finds `tiêu chí`.
//!
//! Letters never trigger completion (a Vietnamese keyboard sends several edits per letter);
//! the trigger characters are [`TRIGGER_CHARACTERS`], and an editor may still ask explicitly.

use super::keywords::{Place, KEYWORDS};
use super::{in_string_or_comment, is_ident_char, line_bounds};
use crate::builtins::BUILTINS;
use crate::diagnostic::{floor_char_boundary, Span};
use crate::text::fold;
use crate::Analysis;

/// Characters after which an editor should ask for completions: none is a letter.
pub const TRIGGER_CHARACTERS: &[&str] = &["(", ",", "=", ".", "_"];

/// What a completion item names (the language server maps it to an LSP item kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompletionKind {
    /// A keyword, English or Vietnamese (`tiêu chí`, `tối đa`, `area`).
    Keyword,
    /// A declared input (đầu vào).
    Input,
    /// A built-in function ([`crate::builtins`]).
    Function,
    /// A node id (`7.2.2`): area, criterion or sub-criterion.
    Criterion,
}

/// One completion item, for the text at some byte offset of a ruleset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows: the keyword, name, function or id as it is written.
    pub label: String,
    /// What it is.
    pub kind: CompletionKind,
    /// A one-line detail: a function's signature, an input's type and owner, a node's title
    /// and maximum; `None` for a keyword.
    pub detail: Option<String>,
    /// Longer documentation (text with Markdown code spans): a keyword's or function's doc, an input's
    /// description.
    pub documentation: Option<String>,
    /// What the editor matches typed text against: folded when the user types without
    /// diacritics, so that either way of typing finds the item.
    pub filter_text: String,
    /// The text to replace (what the user has typed of the item): a byte range into the
    /// ruleset text, ending at the cursor.
    pub replace: Span,
    /// The text to put there.
    pub new_text: String,
}

/// The block the cursor is in, found by reading the `{`s before it (outside strings and
/// comments, as the lexer finds them).
fn enclosing_block(source: &str, offset: usize) -> Place {
    let mut stack: Vec<Place> = Vec::new();
    let mut statement_start = 0;
    let bytes = source.as_bytes();
    let lexed = crate::syntax::lexer::Lexed::new(source);
    for code in lexed.code(0..offset) {
        for i in code {
            match bytes[i] {
                b'\n' => statement_start = i + 1,
                b'{' => {
                    let head = fold(&source[statement_start..i]);
                    let head = head.trim();
                    let words: Vec<&str> = head
                        .split(|c: char| !c.is_alphanumeric() && c != '_')
                        .collect();
                    let starts = |w: &str| head.starts_with(w);
                    let place = if words.contains(&"bands") || words.contains(&"bac") {
                        Place::Bands
                    } else if starts("ruleset") || starts("bo tieu chi") || starts("bo chi so") {
                        Place::Header
                    } else if starts("test") || starts("kiem thu") {
                        Place::Test
                    } else {
                        Place::Node
                    };
                    stack.push(place);
                    statement_start = i + 1;
                }
                b'}' => {
                    stack.pop();
                    statement_start = i + 1;
                }
                _ => {}
            }
        }
    }
    stack.last().copied().unwrap_or(Place::Top)
}

/// Completions at `offset`, their details in the reader's `lang`.
pub fn completions(
    analysis: &Analysis,
    source: &str,
    offset: usize,
    lang: crate::Lang,
) -> Vec<Completion> {
    let offset = floor_char_boundary(source, offset);
    if in_string_or_comment(source, offset) {
        return Vec::new();
    }
    let (line_start, _) = line_bounds(source, offset);
    let line = &source[line_start..offset];
    // The word being typed: name characters (and dots, for ids) just before the cursor.
    let word_start = line
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c) || c == '.')
        .last()
        .map_or(offset, |(i, _)| line_start + i);
    let word = &source[word_start..offset];
    let before = fold(&source[line_start..word_start]);
    let before = before.trim();
    // Skip back over a statement opened on this line after a `{` or `}`.
    let before = before.rsplit(['{', '}']).next().unwrap_or("").trim();
    let block = enclosing_block(source, offset);
    let typed_line = source[line_start..offset].trim_start();
    let typed_line_start = offset - typed_line.len();

    let mut out = Vec::new();
    let keywords_for = |place: Place, out: &mut Vec<Completion>| {
        // A keyword may be several words: match the whole line typed so far.
        let typed = fold(typed_line);
        for k in KEYWORDS.iter().filter(|k| k.places.contains(&place)) {
            for label in [k.en, k.vi] {
                if fold(label).starts_with(typed.as_str()) {
                    out.push(item(
                        label,
                        CompletionKind::Keyword,
                        None,
                        Some(&crate::message::Message::new(k.doc).render(lang)),
                        typed_line,
                        typed_line_start..offset,
                    ));
                }
            }
        }
    };
    let last_char = before.chars().last();
    let in_expr = before.contains('=')
        || before.split_whitespace().any(|w| w == "when" || w == "khi")
        || (block == Place::Bands && before.contains(':'));
    let given_line = before.starts_with("given") || before.starts_with("cho ");
    let expects_id = [
        "expect",
        "mong doi",
        "ky vong",
        "points",
        "diem",
        "not evaluated",
        "khong danh gia",
    ]
    .contains(&before);
    let expression = |out: &mut Vec<Completion>| {
        inputs(analysis, word, word_start..offset, lang, out);
        for f in BUILTINS.iter() {
            for label in [f.en, f.vi] {
                if matches(label, word) {
                    out.push(item(
                        label,
                        CompletionKind::Function,
                        Some(f.signature),
                        Some(&super::hover::function_doc(f.func).render(lang)),
                        word,
                        word_start..offset,
                    ));
                }
            }
        }
        for k in KEYWORDS.iter().filter(|k| k.places.contains(&Place::Expr)) {
            for label in [k.en, k.vi] {
                if !label.contains(' ') && matches(label, word) {
                    out.push(item(
                        label,
                        CompletionKind::Keyword,
                        None,
                        Some(&crate::message::Message::new(k.doc).render(lang)),
                        word,
                        word_start..offset,
                    ));
                }
            }
        }
    };
    match block {
        Place::Test if expects_id => ids(analysis, word, word_start..offset, lang, &mut out),
        Place::Test if given_line => {
            // A name goes after `given` or a `,`; a value after `=`.
            let current = before.rsplit(',').next().unwrap_or("");
            if !current.contains('=') || last_char == Some(',') {
                inputs(analysis, word, word_start..offset, lang, &mut out);
            }
        }
        Place::Test => {
            keywords_for(Place::Test, &mut out);
            let expecting = ["expect", "mong doi", "ky vong"]
                .iter()
                .any(|k| before.starts_with(k));
            if expecting && !before.contains('=') {
                ids(analysis, word, word_start..offset, lang, &mut out);
            }
        }
        _ if in_expr => expression(&mut out),
        Place::Node | Place::Header | Place::Bands => keywords_for(block, &mut out),
        Place::Top => {
            let input_line = before.starts_with("input") || before.starts_with("dau vao");
            if input_line && before.contains(':') {
                for k in KEYWORDS
                    .iter()
                    .filter(|k| k.places.contains(&Place::InputType))
                {
                    for label in [k.en, k.vi] {
                        if matches(label, word) {
                            out.push(item(
                                label,
                                CompletionKind::Keyword,
                                None,
                                Some(&crate::message::Message::new(k.doc).render(lang)),
                                word,
                                word_start..offset,
                            ));
                        }
                    }
                }
            } else if !input_line {
                keywords_for(Place::Top, &mut out);
            }
        }
        _ => {}
    }
    // Names first (what the user most often wants), then functions, then keywords.
    let rank = |k: CompletionKind| match k {
        CompletionKind::Input | CompletionKind::Criterion => 0,
        CompletionKind::Function => 1,
        CompletionKind::Keyword => 2,
    };
    out.sort_by(|a, b| (rank(a.kind), &a.label).cmp(&(rank(b.kind), &b.label)));
    out.dedup_by(|a, b| a.label == b.label && a.kind == b.kind);
    out
}

fn inputs(
    analysis: &Analysis,
    word: &str,
    replace: Span,
    lang: crate::Lang,
    out: &mut Vec<Completion>,
) {
    for i in &analysis.ruleset.inputs {
        if matches(&i.name, word) {
            let detail = format!(
                "{}{}",
                crate::check::input_type_word(&i.ty).render(lang),
                i.owner
                    .as_ref()
                    .map(|o| format!(" · {o}"))
                    .unwrap_or_default()
            );
            out.push(item(
                &i.name,
                CompletionKind::Input,
                Some(&detail),
                i.description.as_deref(),
                word,
                replace.clone(),
            ));
        }
    }
}

fn ids(
    analysis: &Analysis,
    word: &str,
    replace: Span,
    lang: crate::Lang,
    out: &mut Vec<Completion>,
) {
    for n in &analysis.ruleset.nodes {
        if n.id.starts_with(word) {
            let detail = crate::msg!(
                "completion-node-detail",
                title = n.title.as_str(),
                max = n.max
            )
            .render(lang);
            out.push(item(
                &n.id,
                CompletionKind::Criterion,
                Some(&detail),
                None,
                word,
                replace.clone(),
            ));
        }
    }
}

/// Does `candidate` match what was typed? Diacritics and case aside, the typed text starts the
/// candidate or one of its `_`- or space-separated parts.
fn matches(candidate: &str, typed: &str) -> bool {
    let typed = fold(typed);
    if typed.is_empty() {
        return true;
    }
    let candidate = fold(candidate);
    candidate.starts_with(&typed)
        || candidate
            .match_indices(['_', ' '])
            .any(|(i, _)| candidate[i + 1..].starts_with(&typed))
}

fn item(
    label: &str,
    kind: CompletionKind,
    detail: Option<&str>,
    doc: Option<&str>,
    typed: &str,
    replace: Span,
) -> Completion {
    // Typed without diacritics: match against the folded label; typed with: the label itself.
    let filter_text = if fold(typed) == typed.to_lowercase() {
        fold(label)
    } else {
        label.to_string()
    };
    Completion {
        label: label.to_string(),
        kind,
        detail: detail.map(str::to_string),
        documentation: doc.map(str::to_string),
        filter_text,
        replace,
        new_text: label.to_string(),
    }
}
