//! Code actions: the fixes the checker attaches to diagnostics (set a parent's maximum to its
//! children's sum, renumber a duplicate id, take the suggested name, cap a rule), plus two
//! built here from the syntax tree: declare an unknown input, and close a gap between bands.

use super::{for_each_expr, TextEdit};
use crate::diagnostic::Span;
use crate::syntax::ast::{BandArm, ExprKind, Interval};
use crate::text::{fold, format_decimal};
use crate::Analysis;
use rust_decimal::Decimal;

/// A code action: a titled set of edits to the ruleset text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// What it does, for the editor's menu ("replace with `hồ_sơ_tiếp_nhận`").
    pub title: crate::message::Message,
    /// The index of the diagnostic it resolves, in `analysis.diagnostics`.
    pub diagnostic: Option<usize>,
    /// Edits to the source text; spans are byte ranges into it.
    pub edits: Vec<TextEdit>,
    /// The one fix to apply without asking (the checker's own).
    pub preferred: bool,
}

/// The actions for the diagnostics that touch `range`.
pub fn code_actions(analysis: &Analysis, source: &str, range: Span) -> Vec<Action> {
    let mut out = Vec::new();
    for (i, d) in analysis.diagnostics.iter().enumerate() {
        if d.span.start > range.end || range.start > d.span.end {
            continue;
        }
        if let Some(fix) = &d.fix {
            out.push(Action {
                title: fix.title.clone(),
                diagnostic: Some(i),
                edits: vec![TextEdit {
                    span: fix.span.clone(),
                    new_text: fix.replacement.clone(),
                }],
                preferred: true,
            });
        }
        match d.code {
            "E008" => {
                if let Some(name) = source
                    .get(d.span.clone())
                    .filter(|n| super::navigation::is_valid_name(n))
                {
                    out.push(declare_input(analysis, source, name, i));
                }
            }
            "E010" => out.extend(close_gaps(analysis, source, &d.span, i)),
            _ => {}
        }
    }
    // Two diagnostics on one bands expression (two gaps) offer the same fixes: keep one each.
    let mut seen = Vec::new();
    out.retain(|a| {
        let fresh = !seen.contains(&a.edits);
        if fresh {
            seen.push(a.edits.clone());
        }
        fresh
    });
    out
}

/// Does the file speak Vietnamese? Judged by how its header or first input is written.
fn vietnamese(analysis: &Analysis, source: &str) -> bool {
    let first = analysis
        .syntax
        .headers
        .first()
        .map(|h| h.span.start)
        .or_else(|| analysis.syntax.inputs.first().map(|i| i.span.start));
    first.is_some_and(|at| {
        let head = fold(&source[at..source.len().min(at + 12)]);
        head.starts_with("bo ") || head.starts_with("dau vao")
    })
}

fn declare_input(analysis: &Analysis, source: &str, name: &str, diagnostic: usize) -> Action {
    let line = if vietnamese(analysis, source) {
        format!("đầu vào {name}: số lượng \"\"")
    } else {
        format!("input {name}: count \"\"")
    };
    let syntax = &analysis.syntax;
    let (at, new_text) = if let Some(last) = syntax.inputs.iter().map(|i| i.span.end).max() {
        (line_end(source, last), format!("\n{line}"))
    } else if let Some(h) = syntax.headers.first() {
        (line_end(source, h.span.end), format!("\n\n{line}"))
    } else {
        (0, format!("{line}\n"))
    };
    Action {
        title: crate::msg!("action-declare-input", name = name),
        diagnostic: Some(diagnostic),
        edits: vec![TextEdit {
            span: at..at,
            new_text,
        }],
        preferred: false,
    }
}

/// The end of the line holding `offset` (before its line break), so an insertion after a
/// declaration does not split a trailing comment.
fn line_end(source: &str, offset: usize) -> usize {
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    if source[..end].ends_with('\r') {
        end - 1
    } else {
        end
    }
}

/// For a gap between two bands, extend the lower band's upper bound to meet the next band.
fn close_gaps(analysis: &Analysis, source: &str, span: &Span, diagnostic: usize) -> Vec<Action> {
    let mut found: Vec<Vec<BandArm>> = Vec::new();
    for_each_expr(&analysis.syntax, &mut |e| {
        if let ExprKind::Bands { arms, .. } = &e.kind {
            if arms.first().is_some_and(|a| a.span.start == span.start) {
                found.push(arms.clone());
            }
        }
    });
    let Some(arms) = found.into_iter().next() else {
        return Vec::new();
    };
    let frac = |n: crate::syntax::ast::NumberLit| n.as_fraction();
    let intervals: Vec<Option<Interval>> = arms
        .iter()
        .map(|a| a.bounds.as_ref().map(|b| b.value))
        .collect();
    let covered = |x: Decimal| {
        intervals.iter().any(|iv| match iv {
            None => true,
            Some(iv) => {
                let above = iv.lower.is_none_or(|l| {
                    if l.inclusive {
                        x >= frac(l.value)
                    } else {
                        x > frac(l.value)
                    }
                });
                let below = iv.upper.is_none_or(|u| {
                    if u.inclusive {
                        x <= frac(u.value)
                    } else {
                        x < frac(u.value)
                    }
                });
                above && below
            }
        })
    };
    let mut out = Vec::new();
    for (a, arm) in arms.iter().enumerate() {
        let Some(bounds) = &arm.bounds else { continue };
        let Some(upper) = bounds.value.upper else {
            continue;
        };
        let u = frac(upper.value);
        // The next band up: the smallest lower bound at or above this upper bound.
        let next = intervals
            .iter()
            .enumerate()
            .filter(|&(b, _)| b != a)
            .filter_map(|(_, iv)| iv.and_then(|iv| iv.lower))
            .filter(|l| frac(l.value) >= u)
            .min_by_key(|l| frac(l.value));
        let Some(lower) = next else { continue };
        let l = frac(lower.value);
        let probe = if l > u { (u + l) / Decimal::TWO } else { u };
        let gap = (l > u || (!upper.inclusive && !lower.inclusive)) && !covered(probe);
        if !gap {
            continue;
        }
        if let Some(edit) = rewrite_upper(source, &bounds.span, upper.value, l, !lower.inclusive) {
            let shown = source[edit.span.clone()].to_string();
            out.push(Action {
                title: crate::msg!(
                    "action-close-gap",
                    from = shown.trim(),
                    to = edit.new_text.as_str()
                ),
                diagnostic: Some(diagnostic),
                edits: vec![edit],
                preferred: false,
            });
        }
    }
    out
}

/// Rewrites the upper bound at the end of `bounds` (`… đến 64%`) to `value` (a fraction when
/// the bound is written with `%`), inclusive or not, in the words and number style the author
/// used.
fn rewrite_upper(
    source: &str,
    bounds: &Span,
    old: crate::syntax::ast::NumberLit,
    value: Decimal,
    inclusive: bool,
) -> Option<TextEdit> {
    let text = source.get(bounds.clone())?;
    // The number is the last word; the keyword runs from the end of the lower bound's number
    // (if any) to it.
    let number_start = text.trim_end().rfind(char::is_whitespace)? + 1;
    let number_text = &text[number_start..];
    let head = &text[..number_start];
    let first_digit = head.find(|c: char| c.is_ascii_digit());
    let keyword_start = match first_digit {
        Some(d) => d + head[d..].find(char::is_whitespace)?,
        None => 0,
    };
    let keyword = head[keyword_start..].trim();
    let folded = fold(keyword);
    let vietnamese = matches!(folded.as_str(), "den" | "den duoi" | "duoi" | "khong qua");
    if matches!(folded.as_str(), "=" | "bang" | "equal to") {
        return None;
    }
    let was_inclusive = matches!(folded.as_str(), "den" | "khong qua" | "up to" | "to");
    let new_keyword = match (inclusive == was_inclusive, inclusive, vietnamese) {
        (true, _, _) => keyword.to_string(),
        (false, true, true) => "đến".into(),
        (false, true, false) => "up to".into(),
        (false, false, true) => "đến dưới".into(),
        (false, false, false) => "below".into(),
    };
    let mut number = if old.percent {
        format!("{}%", format_decimal(value * Decimal::ONE_HUNDRED))
    } else {
        format_decimal(value)
    };
    if number_text.contains(',') || (vietnamese && !number_text.contains('.')) {
        number = number.replace('.', ",");
    }
    let start = bounds.start
        + keyword_start
        + (head[keyword_start..].len() - head[keyword_start..].trim_start().len());
    Some(TextEdit {
        span: start..bounds.end,
        new_text: format!("{new_keyword} {number}"),
    })
}
