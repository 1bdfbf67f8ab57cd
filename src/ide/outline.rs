//! The shape of a file for the editor: outline (document symbols), folding ranges, semantic
//! tokens, inlay hints (children's sums) and test lenses.

use super::hover::children_sum;
use super::{function_names, syntax_nodes};
use crate::diagnostic::Span;
use crate::format::{tokens, Tok};
use crate::syntax::ast::{ExprKind, NodeItem, NodeKeyword, NodeSyntax};
use crate::Analysis;
use std::collections::HashMap;

/// What an outline entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    /// The `ruleset "…" { … }` header.
    Ruleset,
    /// An `input` declaration.
    Input,
    /// An area (lĩnh vực), by the keyword written.
    Area,
    /// A criterion (tiêu chí), by the keyword written.
    Criterion,
    /// A sub-criterion (tiêu chí thành phần), by the keyword written.
    Subcriterion,
    /// A `test` block.
    Test,
}

/// One outline entry (document symbol); nodes nest their children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// The title (header, test), the name (input) or "ID title" (node).
    pub name: String,
    /// "max 1.5" for nodes, the type for inputs.
    pub detail: Option<String>,
    /// What it is.
    pub kind: SymbolKind,
    /// The whole declaration: byte range into the source text.
    pub span: Span,
    /// The name or id, inside `span` (what the editor selects).
    pub selection: Span,
    /// Nested entries: a node's children; empty otherwise.
    pub children: Vec<Symbol>,
}

/// The outline: the header, the inputs, the criteria tree, the tests, in text order; details
/// in the reader's `lang`.
pub fn document_symbols(analysis: &Analysis, _source: &str, lang: crate::Lang) -> Vec<Symbol> {
    let file = &analysis.syntax;
    let rs = &analysis.ruleset;
    let mut out = Vec::new();
    for h in &file.headers {
        out.push(Symbol {
            name: h.title.value.clone(),
            detail: rs
                .meta
                .total
                .map(|t| crate::msg!("outline-total", total = t).render(lang)),
            kind: SymbolKind::Ruleset,
            span: h.span.clone(),
            selection: h.title.span.clone(),
            children: Vec::new(),
        });
    }
    for i in &file.inputs {
        out.push(Symbol {
            name: i.name.value.clone(),
            detail: rs
                .input_index(&i.name.value)
                .map(|s| crate::check::input_type_word(&rs.inputs[s].ty).render(lang)),
            kind: SymbolKind::Input,
            span: i.span.clone(),
            selection: i.name.span.clone(),
            children: Vec::new(),
        });
    }
    let mut counter = 0;
    fn node(
        n: &NodeSyntax,
        rs: &crate::model::Ruleset,
        counter: &mut usize,
        lang: crate::Lang,
    ) -> Symbol {
        let index = *counter;
        *counter += 1;
        let max = rs.nodes.get(index).map(|m| m.max);
        let children = n
            .children
            .iter()
            .map(|c| node(c, rs, counter, lang))
            .collect();
        Symbol {
            name: format!("{} {}", n.id.value, n.title.value),
            detail: max.map(|m| crate::msg!("outline-max", max = m).render(lang)),
            kind: match n.keyword.value {
                NodeKeyword::Area => SymbolKind::Area,
                NodeKeyword::Criterion => SymbolKind::Criterion,
                NodeKeyword::Subcriterion => SymbolKind::Subcriterion,
            },
            span: n.span.clone(),
            selection: n.id.span.clone(),
            children,
        }
    }
    for n in &file.nodes {
        out.push(node(n, rs, &mut counter, lang));
    }
    for t in &file.tests {
        out.push(Symbol {
            name: t.name.value.clone(),
            detail: Some(crate::msg!("outline-test").render(lang)),
            kind: SymbolKind::Test,
            span: t.span.clone(),
            selection: t.name.span.clone(),
            children: Vec::new(),
        });
    }
    out.sort_by_key(|s| s.span.start);
    out
}

/// What a folding range folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    /// A `{ … }` block.
    Block,
    /// Consecutive comment lines.
    Comment,
}

/// A folding range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fold {
    /// Byte range into the source text, over several lines.
    pub span: Span,
    /// What it folds.
    pub kind: FoldKind,
}

/// Blocks (header, nodes, bands, tests) and runs of comment lines that span several lines.
pub fn folding_ranges(analysis: &Analysis, source: &str) -> Vec<Fold> {
    let file = &analysis.syntax;
    let mut spans: Vec<Span> = Vec::new();
    spans.extend(file.headers.iter().map(|h| h.span.clone()));
    spans.extend(file.tests.iter().map(|t| t.span.clone()));
    for n in syntax_nodes(file) {
        if n.body.is_some() {
            spans.push(n.span.clone());
        }
    }
    super::for_each_expr(file, &mut |e| {
        if let ExprKind::Bands { .. } = e.kind {
            spans.push(e.span.clone());
        }
    });
    let multi_line = |s: &Span| source.get(s.clone()).is_some_and(|t| t.contains('\n'));
    let mut out: Vec<Fold> = spans
        .into_iter()
        .filter(multi_line)
        .map(|span| Fold {
            span,
            kind: FoldKind::Block,
        })
        .collect();
    // Comment runs: comments that start their line, on consecutive lines.
    let mut run: Option<Span> = None;
    for c in crate::syntax::comments::comments(source) {
        let line_start = source[..c.start].rfind('\n').map_or(0, |i| i + 1);
        if !source[line_start..c.start].trim().is_empty() {
            continue;
        }
        run = match run {
            Some(r)
                if source[r.end..line_start].trim().is_empty()
                    && source[r.end..line_start].matches('\n').count() == 1 =>
            {
                Some(r.start..c.end)
            }
            Some(r) => {
                if multi_line(&r) {
                    out.push(Fold {
                        span: r,
                        kind: FoldKind::Comment,
                    });
                }
                Some(c)
            }
            None => Some(c),
        };
    }
    if let Some(r) = run.filter(multi_line) {
        out.push(Fold {
            span: r,
            kind: FoldKind::Comment,
        });
    }
    out.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    out
}

/// The colour class of a semantic token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A keyword, in any language or spelling.
    Keyword,
    /// `#` to the end of the line.
    Comment,
    /// A quoted text.
    String,
    /// A number (`1,5`, `90%`).
    Number,
    /// An input name (declared, used, or unknown).
    Input,
    /// A rule function (`tỷ_lệ`, `best`, …).
    Function,
    /// A node id.
    Criterion,
    /// An operator (`+`, `×`, `≤`, …).
    Operator,
}

/// One token to colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemanticToken {
    /// Byte range into the source text, within one line.
    pub span: Span,
    /// Its colour class.
    pub kind: TokenKind,
    /// Where the name is declared (an input's or node's own declaration).
    pub declaration: bool,
}

/// Every token worth colouring, in text order, never overlapping; none spans a line break.
pub fn semantic_tokens(analysis: &Analysis, source: &str) -> Vec<SemanticToken> {
    let rs = &analysis.ruleset;
    let mut names: HashMap<usize, (TokenKind, bool)> = HashMap::new();
    for i in &rs.inputs {
        names.insert(i.name_span.start, (TokenKind::Input, true));
    }
    for r in &analysis.references.inputs {
        names.insert(r.span.start, (TokenKind::Input, false));
    }
    for (_, s) in &analysis.references.unknown_names {
        names.insert(s.start, (TokenKind::Input, false));
    }
    for n in syntax_nodes(&analysis.syntax) {
        names.insert(n.id.span.start, (TokenKind::Criterion, true));
    }
    for r in &analysis.references.nodes {
        names.insert(r.span.start, (TokenKind::Criterion, false));
    }
    for t in &analysis.syntax.tests {
        for item in &t.items {
            use crate::syntax::ast::TestItem;
            match &item.value {
                TestItem::Points { id, .. }
                | TestItem::NotEvaluated { id, .. }
                | TestItem::ExpectScore { id, .. }
                | TestItem::ExpectNotEvaluated { id } => {
                    names
                        .entry(id.span.start)
                        .or_insert((TokenKind::Criterion, false));
                }
                TestItem::Given(assignments) => {
                    for (name, _) in assignments {
                        names
                            .entry(name.span.start)
                            .or_insert((TokenKind::Input, false));
                    }
                }
                _ => {}
            }
        }
    }
    for (_, s) in function_names(&analysis.syntax) {
        names.insert(s.start, (TokenKind::Function, false));
    }
    let mut out = Vec::new();
    for tok in tokens(source) {
        let text = &source[tok.span.clone()];
        let (kind, declaration) = match tok.kind {
            Tok::Comment => (TokenKind::Comment, false),
            Tok::Str => (TokenKind::String, false),
            Tok::Op => (TokenKind::Operator, false),
            Tok::Word => match names.get(&tok.span.start) {
                Some(&k) => k,
                None if text.starts_with(|c: char| c.is_ascii_digit()) => {
                    (TokenKind::Number, false)
                }
                None if text.chars().any(char::is_alphabetic) => (TokenKind::Keyword, false),
                None => (TokenKind::Operator, false),
            },
            _ => continue,
        };
        // Strings and comments end at the line break; words never hold one.
        out.push(SemanticToken {
            span: tok.span,
            kind,
            declaration,
        });
    }
    out
}

/// An inlay hint: "Σ 3" beside a parent node, the sum of its children's maxima.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Byte offset into the source text where it shows: after the maximum on the node's line,
    /// or after its title.
    pub offset: usize,
    /// The text shown, e.g. "Σ 3".
    pub label: String,
    /// A sentence in the reader's language.
    pub tooltip: String,
}

/// Beside each parent: the sum of its children's maxima, written as the reader's `lang`
/// writes numbers.
pub fn inlay_hints(analysis: &Analysis, _source: &str, lang: crate::Lang) -> Vec<InlayHint> {
    let rs = &analysis.ruleset;
    let mut out = Vec::new();
    for (index, n) in syntax_nodes(&analysis.syntax).into_iter().enumerate() {
        if n.children.is_empty() || index >= rs.nodes.len() {
            continue;
        }
        let head_max = n.items.iter().find(|item| {
            matches!(item.value, NodeItem::Max(_))
                && !n
                    .body
                    .as_ref()
                    .is_some_and(|b| b.contains(&item.span.start))
        });
        let offset = head_max.map_or(n.title.span.end, |m| m.span.end);
        let sum = children_sum(rs, index);
        out.push(InlayHint {
            offset,
            label: format!(
                "Σ {}",
                crate::text::format_number(sum, crate::message::number_style(lang))
            ),
            tooltip: crate::msg!("inlay-children-sum", sum = sum).render(lang),
        });
    }
    out
}

/// A test lens: whether a `test` block passes, shown above it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// The test's name in the source text (byte range): where the lens shows.
    pub span: Span,
    /// The test's name.
    pub test: String,
    /// `None` when the test was not run (the ruleset has errors).
    pub passed: Option<bool>,
    /// The text shown: "✔ passed (3 checks)", "✘ failed 1 of 3: …" or "▶ not run: …".
    pub title: crate::message::Message,
}

/// One lens per test: run it and say whether it passes.
pub fn code_lenses(analysis: &Analysis, _source: &str) -> Vec<Lens> {
    let rs = &analysis.ruleset;
    let runnable = !analysis.has_errors();
    analysis
        .syntax
        .tests
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let case = rs.tests.get(i).filter(|_| runnable);
            let (passed, title) = match case {
                None => (None, crate::msg!("lens-not-run")),
                Some(case) => {
                    let outcome = crate::testing::run_test(rs, case);
                    if outcome.passed() {
                        (
                            Some(true),
                            crate::msg!("lens-passed", checks = outcome.checked),
                        )
                    } else {
                        let first = outcome
                            .failures
                            .first()
                            .map(|f| f.message.clone())
                            .unwrap_or_else(|| crate::message::Message::plain(""));
                        (
                            Some(false),
                            crate::msg!(
                                "lens-failed",
                                failed = outcome.failures.len(),
                                checks = outcome.checked,
                                first = first
                            ),
                        )
                    }
                }
            };
            Lens {
                span: t.name.span.clone(),
                test: t.name.value.clone(),
                passed,
                title,
            }
        })
        .collect()
}
