//! Hover: what a criterion, an input, a function or a keyword is.

use super::{target_at, Target};
use crate::diagnostic::Span;
use crate::model::{Func, Rule, Ruleset};
use crate::text::format_decimal;
use crate::Analysis;
use rust_decimal::Decimal;

/// What a hover shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    /// The name or keyword hovered.
    pub span: Span,
    /// Markdown: for a node its path, maximum, owner, rule and reference; for an input its type,
    /// description, owner and the criteria that use it; for a function or keyword its doc.
    pub markdown: String,
}

/// The hover at byte `offset` of `source` (the text `analysis` was made from): a node id, an
/// input name, a function or a keyword. `None` when there is nothing there to describe.
pub fn hover(analysis: &Analysis, source: &str, offset: usize) -> Option<Hover> {
    let (target, span) = target_at(analysis, source, offset)?;
    let markdown = match target {
        Target::Node(index) => node(analysis, source, index),
        Target::Input(slot) => input(analysis, slot),
        Target::Function(f) => function(f),
        Target::Keyword(k) => {
            if let Some(f) = Func::lookup(&source[span.clone()]) {
                function(f)
            } else {
                format!("**{}** · **{}**\n\n{}", k.vi, k.en, k.doc)
            }
        }
    };
    Some(Hover { span, markdown })
}

/// "1 › 1.3 › 1.3.1"
pub(crate) fn path(rs: &Ruleset, index: usize) -> String {
    rs.path(index)
        .into_iter()
        .map(|i| rs.nodes[i].id.as_str())
        .collect::<Vec<_>>()
        .join(" › ")
}

pub(crate) fn children_sum(rs: &Ruleset, index: usize) -> Decimal {
    rs.nodes[index]
        .children
        .iter()
        .map(|&c| rs.nodes[c].max)
        .sum()
}

fn node(analysis: &Analysis, source: &str, index: usize) -> String {
    let rs = &analysis.ruleset;
    let n = &rs.nodes[index];
    let mut out = format!(
        "**{} {}** — {}\n\n{} · {}\n\n",
        n.level.as_str(),
        n.id,
        n.title,
        path(rs, index),
        n.level.as_str()
    );
    out.push_str(&format!("- maximum: **{}**", format_decimal(n.max)));
    if !n.is_leaf() {
        out.push_str(&format!(
            " (children add up to {})",
            format_decimal(children_sum(rs, index))
        ));
    }
    out.push('\n');
    if let Some(owner) = &n.owner {
        out.push_str(&format!("- owner: {owner}\n"));
    }
    out.push_str(&format!("- source: {}\n", n.source.as_str()));
    if n.bonus {
        out.push_str("- bonus item\n");
    }
    if let Some(ne) = &n.not_evaluated {
        match &ne.condition {
            Some(c) => out.push_str(&format!(
                "- not evaluated when `{}` ({})\n",
                snippet(source, &c.span),
                ne.reason
            )),
            None => out.push_str(&format!("- not evaluated ({})\n", ne.reason)),
        }
    }
    match &n.rule {
        Some(Rule::Formula(_)) => {
            let text = n.rule_text.as_deref().unwrap_or("");
            out.push_str(&format!("- rule: `{}`\n", one_line(text)));
        }
        Some(Rule::Awarded) => out.push_str("- rule: points awarded by the council\n"),
        None => out.push_str("- sum of its children\n"),
    }
    for r in &n.references {
        out.push_str(&format!("- ref: {r}\n"));
    }
    out
}

fn input(analysis: &Analysis, slot: usize) -> String {
    let rs = &analysis.ruleset;
    let i = &rs.inputs[slot];
    let mut out = format!("**input** `{}`: {}\n\n", i.name, i.ty.describe());
    if let Some(d) = &i.description {
        out.push_str(&format!("{d}\n\n"));
    }
    if let Some(o) = &i.owner {
        out.push_str(&format!("- owner: {o}\n"));
    }
    if let Some(v) = &i.default {
        out.push_str(&format!("- default: {}\n", v.describe(Some(&i.ty))));
    }
    let mut users: Vec<usize> = analysis
        .references
        .inputs
        .iter()
        .filter(|r| r.slot == slot)
        .filter_map(|r| r.node)
        .collect();
    users.sort_unstable();
    users.dedup();
    if users.is_empty() {
        out.push_str("- used by no criterion\n");
    } else {
        out.push_str("- used by:\n");
        for u in users {
            let n = &rs.nodes[u];
            out.push_str(&format!("  - {} {}\n", n.id, n.title));
        }
    }
    out
}

fn function(f: Func) -> String {
    format!(
        "**{}** · `{}`\n\n```chiso\n{}\n```\n\n{}",
        f.vietnamese(),
        f.name(),
        f.signature(),
        f.doc()
    )
}

fn snippet(source: &str, span: &Span) -> String {
    source.get(span.clone()).map(one_line).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
