//! Hover: what a criterion, an input, a function or a keyword is.

use super::{target_at, Target};
use crate::diagnostic::Span;
use crate::message::Lang;
use crate::model::{Func, Rule, Ruleset};
use crate::msg;
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
/// input name, a function or a keyword, in the reader's `lang`. `None` when there is nothing
/// there to describe.
pub fn hover(analysis: &Analysis, source: &str, offset: usize, lang: Lang) -> Option<Hover> {
    let (target, span) = target_at(analysis, source, offset)?;
    let markdown = match target {
        Target::Node(index) => node(analysis, source, index, lang),
        Target::Input(slot) => input(analysis, slot, lang),
        Target::Function(f) => function(f, lang),
        Target::Keyword(k) => {
            if let Some(f) = Func::lookup(&source[span.clone()]) {
                function(f, lang)
            } else {
                format!(
                    "**{}** · **{}**\n\n{}",
                    k.vi,
                    k.en,
                    crate::message::Message::new(k.doc).render(lang)
                )
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

/// A node's level as the hover names it ("criterion", "tiêu chí").
fn level_name(level: crate::model::NodeLevel) -> crate::message::Message {
    match level {
        crate::model::NodeLevel::Area => msg!("hover-level-area"),
        crate::model::NodeLevel::Criterion => msg!("hover-level-criterion"),
        crate::model::NodeLevel::Subcriterion => msg!("hover-level-subcriterion"),
    }
}

fn node(analysis: &Analysis, source: &str, index: usize, lang: Lang) -> String {
    let rs = &analysis.ruleset;
    let n = &rs.nodes[index];
    let level = level_name(n.level).render(lang);
    let mut out = format!(
        "**{level} {}** — {}\n\n{} · {level}\n\n",
        n.id,
        n.title,
        path(rs, index),
    );
    // Markdown stays here; the words are the catalogue's.
    let mut line = |m: crate::message::Message| {
        out.push_str("- ");
        out.push_str(&m.render(lang));
        out.push('\n');
    };
    if n.is_leaf() {
        line(msg!("hover-maximum", max = n.max));
    } else {
        line(msg!(
            "hover-maximum-children",
            max = n.max,
            sum = children_sum(rs, index)
        ));
    }
    if let Some(owner) = &n.owner {
        line(msg!("hover-owner", owner = owner.as_str()));
    }
    line(msg!(
        "hover-source",
        source = crate::check::source_word(n.source)
    ));
    if n.bonus {
        line(msg!("hover-bonus"));
    }
    if let Some(ne) = &n.not_evaluated {
        match &ne.condition {
            Some(c) => line(msg!(
                "hover-not-evaluated-when",
                condition = snippet(source, &c.span),
                reason = ne.reason.as_str()
            )),
            None => line(msg!("hover-not-evaluated", reason = ne.reason.as_str())),
        }
    }
    match &n.rule {
        Some(Rule::Formula(_)) => {
            let text = n.rule_text.as_deref().unwrap_or("");
            line(msg!("hover-rule", rule = one_line(text)));
        }
        Some(Rule::Awarded) => line(msg!("hover-rule-awarded")),
        None => line(msg!("hover-sum-of-children")),
    }
    for r in &n.references {
        line(msg!("hover-reference", reference = r.as_str()));
    }
    out
}

fn input(analysis: &Analysis, slot: usize, lang: Lang) -> String {
    let rs = &analysis.ruleset;
    let i = &rs.inputs[slot];
    let mut out = format!(
        "{}\n\n",
        msg!(
            "hover-input",
            name = i.name.as_str(),
            ty = crate::check::input_type_word(&i.ty)
        )
        .render(lang)
    );
    if let Some(d) = &i.description {
        out.push_str(&format!("{d}\n\n"));
    }
    let line = |m: crate::message::Message, out: &mut String| {
        out.push_str("- ");
        out.push_str(&m.render(lang));
        out.push('\n');
    };
    if let Some(o) = &i.owner {
        line(msg!("hover-owner", owner = o.as_str()), &mut out);
    }
    if let Some(v) = &i.default {
        line(
            msg!("hover-default", value = v.describe(Some(&i.ty))),
            &mut out,
        );
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
        line(msg!("hover-used-by-none"), &mut out);
    } else {
        line(msg!("hover-used-by"), &mut out);
        for u in users {
            let n = &rs.nodes[u];
            out.push_str(&format!("  - {} {}\n", n.id, n.title));
        }
    }
    out
}

fn function(f: Func, lang: Lang) -> String {
    format!(
        "**{}** · `{}`\n\n```chiso\n{}\n```\n\n{}",
        f.vietnamese(),
        f.name(),
        f.signature(),
        function_doc(f).render(lang)
    )
}

/// What a built-in function does, in the reader's language (the catalogue's `fndoc-…`; the
/// developers' English note is [`Func::doc`]).
pub(crate) fn function_doc(f: Func) -> crate::message::Message {
    match f {
        Func::Ratio => msg!("fndoc-ratio"),
        Func::Min => msg!("fndoc-min"),
        Func::Max => msg!("fndoc-max"),
        Func::Clamp => msg!("fndoc-clamp"),
        Func::Each => msg!("fndoc-each"),
        Func::Deduct => msg!("fndoc-deduct"),
        Func::Round => msg!("fndoc-round"),
        Func::Best => msg!("fndoc-best"),
    }
}

fn snippet(source: &str, span: &Span) -> String {
    source.get(span.clone()).map(one_line).unwrap_or_default()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
