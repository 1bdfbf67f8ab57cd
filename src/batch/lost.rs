//! Điểm bị mất (points lost = maximum − achieved) per criterion with its owner, and
//! điểm phấn đấu (targets) compared with what was achieved. Every subtotal is computed from
//! the tree, so the table adds up (seed 003's hand-made table does not).

use crate::data::{typed_value, RawUnit};
use crate::diagnostic::Diagnostic;
use crate::eval::{Status, UnitResult};
use crate::model::{InputType, Ruleset, Value};
use crate::text::DecimalSeparator;
use rust_decimal::Decimal;

pub use crate::owners::node_owner as owner_of;

/// A criterion's (or an area's) lost points: one line of a lost-points table (seed 003).
#[derive(Debug, Clone, PartialEq)]
pub struct LostRow {
    /// The node's index in `ruleset.nodes`.
    pub node: usize,
    /// The node's maximum for this unit, in points (not-evaluated parts left out).
    pub max: Decimal,
    /// Points achieved (điểm đạt; the appraised score for an appraised unit).
    pub achieved: Decimal,
    /// điểm bị mất: `max − achieved`, in points (not a percentage).
    pub lost: Decimal,
    /// The owning office (đơn vị chủ trì), its own or the nearest ancestor's ([`owner_of`]).
    pub owner: Option<String>,
}

/// The scored criteria that lost points — the leaves, where points are decided — most
/// points lost first (tree order among equals).
pub fn lost_points(ruleset: &Ruleset, result: &UnitResult) -> Vec<LostRow> {
    let mut rows: Vec<LostRow> = ruleset
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.is_leaf() || n.rule.is_some())
        .filter(|(i, _)| !has_scored_rule_ancestor(ruleset, *i))
        .filter_map(|(i, _)| {
            let r = &result.nodes[i];
            let lost = r.lost()?;
            (lost > Decimal::ZERO).then(|| LostRow {
                node: i,
                max: r.max,
                achieved: r.score.unwrap_or_default(),
                lost,
                owner: owner_of(ruleset, i).map(str::to_string),
            })
        })
        .collect();
    rows.sort_by(|a, b| b.lost.cmp(&a.lost).then(a.node.cmp(&b.node)));
    rows
}

/// A node below a parent that has a rule of its own does not score separately.
fn has_scored_rule_ancestor(ruleset: &Ruleset, node: usize) -> bool {
    let mut current = ruleset.nodes[node].parent;
    while let Some(p) = current {
        if ruleset.nodes[p].rule.is_some() {
            return true;
        }
        current = ruleset.nodes[p].parent;
    }
    false
}

/// Lost points per area: the sums over the area's scored criteria (those of
/// [`lost_points`] and those that lost nothing), so an area's line is exactly the sum of its
/// criteria's lines, whether or not the unit's data is complete. Areas with nothing scored
/// are left out.
pub fn area_lost(ruleset: &Ruleset, result: &UnitResult) -> Vec<LostRow> {
    ruleset
        .roots
        .iter()
        .filter_map(|&root| {
            let (max, achieved) = scored_sums(ruleset, result, root)?;
            Some(LostRow {
                node: root,
                max,
                achieved,
                lost: max - achieved,
                owner: owner_of(ruleset, root).map(str::to_string),
            })
        })
        .collect()
}

/// The sums over every scored criterion of the unit: (maximum, achieved, lost). For a unit
/// with complete data these are its maximum and total.
pub fn total_lost(ruleset: &Ruleset, result: &UnitResult) -> (Decimal, Decimal, Decimal) {
    let (max, achieved) = ruleset
        .roots
        .iter()
        .filter_map(|&r| scored_sums(ruleset, result, r))
        .fold((Decimal::ZERO, Decimal::ZERO), |(m, a), (x, y)| {
            (m + x, a + y)
        });
    (max, achieved, max - achieved)
}

/// (Σ maximum, Σ achieved) over the scored criteria under a node; `None` when none is scored.
fn scored_sums(ruleset: &Ruleset, result: &UnitResult, node: usize) -> Option<(Decimal, Decimal)> {
    let n = &ruleset.nodes[node];
    if n.is_leaf() || n.rule.is_some() {
        let r = &result.nodes[node];
        return match r.status {
            Status::Scored => Some((r.max, r.score.unwrap_or_default())),
            _ => None,
        };
    }
    n.children
        .iter()
        .filter_map(|&c| scored_sums(ruleset, result, c))
        .reduce(|(m, a), (x, y)| (m + x, a + y))
}

/// A unit's targets (điểm phấn đấu) by node.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Targets {
    /// The unit named in the target file.
    pub unit: Option<String>,
    /// The year of the plan.
    pub year: Option<u32>,
    /// Target points by node index (`ruleset.nodes`); `None`: no target for that node.
    pub points: Vec<Option<Decimal>>,
}

/// Reads a target file: a unit file whose `[points]` give the planned points of any node
/// (area, criterion or sub-criterion), as in seed 000's điểm phấn đấu column. Diagnostics
/// (spans into the target file): `D006` unknown node id, `D007` a target above the node's
/// maximum, `D003`/`D004` a value that is not points (not a number, or a negative one), and
/// the warning `D014` when a parent's target differs from the sum of its children's.
pub fn read_targets(ruleset: &Ruleset, raw: &RawUnit) -> (Targets, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut targets = Targets {
        unit: raw.unit.as_ref().map(|(u, _)| u.clone()),
        year: raw.year.as_ref().and_then(|(y, _)| u32::try_from(*y).ok()),
        points: vec![None; ruleset.nodes.len()],
    };
    let separator = match raw.decimal_separator.as_ref().map(|(s, _)| s.as_str()) {
        Some(",") => DecimalSeparator::Comma,
        Some(".") => DecimalSeparator::Point,
        _ => DecimalSeparator::Either,
    };
    for entry in &raw.points {
        let Some(index) = ruleset.node_index(entry.key.trim()) else {
            let mut d = Diagnostic::error(
                "D006",
                entry.key_span.clone(),
                crate::msg!("e018-unknown-criterion", id = entry.key.as_str()),
            );
            if let Some(s) =
                crate::text::did_you_mean(&entry.key, ruleset.nodes.iter().map(|n| n.id.as_str()))
            {
                d = d.with_help(crate::msg!("did-you-mean", name = s));
            }
            diagnostics.push(d);
            continue;
        };
        let node = &ruleset.nodes[index];
        match typed_value(&entry.value, &InputType::Points, separator) {
            Ok(Value::Number(p)) if p > node.max => diagnostics.push(Diagnostic::error(
                "D007",
                entry.value_span.clone(),
                crate::msg!(
                    "d007-target-above-max",
                    target = p,
                    id = node.id.as_str(),
                    max = node.max
                ),
            )),
            Ok(Value::Number(p)) => targets.points[index] = Some(p),
            Ok(_) => {}
            Err((code, message)) => diagnostics.push(Diagnostic::error(
                code,
                entry.value_span.clone(),
                crate::msg!("d-target-of", id = node.id.as_str(), message = message),
            )),
        }
    }
    for (index, node) in ruleset.nodes.iter().enumerate() {
        let Some(target) = targets.points[index] else {
            continue;
        };
        if node.children.is_empty() || node.rule.is_some() {
            continue;
        }
        let children: Vec<Option<Decimal>> =
            node.children.iter().map(|&c| targets.points[c]).collect();
        if children.iter().all(Option::is_some) {
            let sum: Decimal = children.iter().flatten().sum();
            if sum != target {
                let span = raw
                    .points
                    .iter()
                    .find(|e| e.key.trim() == node.id)
                    .map_or(0..0, |e| e.value_span.clone());
                diagnostics.push(Diagnostic::warning(
                    "D014",
                    span,
                    crate::msg!(
                        "d014-target-sum",
                        id = node.id.as_str(),
                        target = target,
                        sum = sum
                    ),
                ));
            }
        }
    }
    (targets, diagnostics)
}

/// A node's target next to what was achieved.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    /// The node's index in `ruleset.nodes`.
    pub node: usize,
    /// The node's declared maximum, in points.
    pub max: Decimal,
    /// điểm phấn đấu: the planned points.
    pub target: Decimal,
    /// Points achieved; `None` unless the node was scored (not evaluated, missing data, failed).
    pub achieved: Option<Decimal>,
    /// achieved − target (negative: short of the target).
    pub gap: Option<Decimal>,
    /// `achieved ≥ target`; false when nothing was achieved.
    pub met: bool,
    /// The node was not evaluated for the unit (không đánh giá).
    pub not_evaluated: bool,
}

/// Every node with a target, compared with the unit's result, in tree order.
pub fn compare_targets(
    ruleset: &Ruleset,
    result: &UnitResult,
    targets: &Targets,
) -> Vec<TargetRow> {
    ruleset
        .nodes
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let target = targets.points[i]?;
            let r = &result.nodes[i];
            let achieved = match r.status {
                Status::Scored => r.score,
                _ => None,
            };
            let gap = achieved.map(|a| a - target);
            Some(TargetRow {
                node: i,
                max: node.max,
                target,
                achieved,
                gap,
                met: gap.is_some_and(|g| g >= Decimal::ZERO),
                not_evaluated: matches!(r.status, Status::NotEvaluated(_)),
            })
        })
        .collect()
}
