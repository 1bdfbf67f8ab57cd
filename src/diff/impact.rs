//! What a new ruleset does to last year's units: each unit's data scored under both rulesets.
//!
//! The old data is carried over to the new ruleset: inputs by name, or by the input matching
//! of the [`RulesetDiff`] (renamed inputs); council points and not-evaluated entries by the
//! criterion matching (old id → new id). Nothing is guessed: entries with no counterpart are
//! dropped (and listed), and inputs the new ruleset needs that the old data lacks make the
//! unit incomplete under the new ruleset (listed per unit, from the evaluator's to-do list).
//!
//! Council points of a re-weighted criterion are carried in proportion: the unit keeps its
//! share of the maximum (`points × new max ÷ old max`, exact), so "1 of 1" last year is
//! "0.5 of 0.5" under a maximum of 0.5 — each such carry is listed ([`UnitImpact::rescaled`]).
//! An incomplete unit has no percentage; [`Scored::partial`] then gives its points and
//! maximum over the leaves that could be scored.

use super::RulesetDiff;
use crate::data::{RawEntry, RawUnit, RawValue};
use crate::eval::{evaluate_batch, MissingItem, Status, UnitResult};
use crate::model::Ruleset;
use rust_decimal::Decimal;

/// One unit under one ruleset.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Achieved points.
    pub achieved: Decimal,
    /// The unit's maximum (not-evaluated criteria left out).
    pub max: Decimal,
    /// The percentage, 0–100.
    pub percent: Option<Decimal>,
    /// The grade.
    pub grade: Option<String>,
    /// Rank among the units (1 = best, ties share), by percentage; `None` without one.
    pub rank: Option<usize>,
    /// Every input and council point was there.
    pub complete: bool,
    /// Points and maximum over the leaves scored (not evaluated, missing and failed leaves
    /// left out): the comparable part of an incomplete unit.
    pub partial: (Decimal, Decimal),
    /// `partial` as a percentage (the ruleset's percent rounding); `None` for a zero maximum.
    pub partial_percent: Option<Decimal>,
}

/// A criterion's points under both rulesets, for the drivers of a unit's change.
#[derive(Debug, Clone, PartialEq)]
pub struct Driver {
    /// Old id (`None`: added in the new ruleset).
    pub old_id: Option<String>,
    /// New id (`None`: removed).
    pub new_id: Option<String>,
    /// Points under the old ruleset (`None`: not scored or not evaluated).
    pub old_points: Option<Decimal>,
    /// Points under the new ruleset.
    pub new_points: Option<Decimal>,
    /// New minus old, absent points counted as 0.
    pub delta: Decimal,
}

/// One unit's impact.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitImpact {
    /// The unit's name.
    pub unit: String,
    /// Under the old ruleset.
    pub old: Scored,
    /// Under the new ruleset.
    pub new: Scored,
    /// Inputs the new ruleset needs that the data lacks, with the new ids needing them.
    pub missing_inputs: Vec<(String, Vec<String>)>,
    /// Criteria of the new ruleset awarding points the data does not give (new ids).
    pub missing_points: Vec<String>,
    /// Data entries with no counterpart in the new ruleset (`inputs.x`, `points.1.2`), in the
    /// reader's words.
    pub dropped: Vec<crate::message::Message>,
    /// Council points carried in proportion to a changed maximum: "1.4.2 → 1.4.3: 4 of 5 → 0.8
    /// of 1".
    pub rescaled: Vec<crate::message::Message>,
    /// Leaves whose points differ, largest change first.
    pub drivers: Vec<Driver>,
}

impl UnitImpact {
    /// New percentage minus old, when both exist.
    pub fn percent_change(&self) -> Option<Decimal> {
        Some(self.new.percent? - self.old.percent?)
    }
}

/// Every unit's impact, in the order given.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    /// Per unit.
    pub units: Vec<UnitImpact>,
}

impl Impact {
    /// Units whose percentage rose, fell, stayed (by name).
    pub fn gainers_losers(&self) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        let (mut up, mut down, mut same) = (Vec::new(), Vec::new(), Vec::new());
        for u in &self.units {
            match u.percent_change() {
                Some(d) if d > Decimal::ZERO => up.push(u.unit.as_str()),
                Some(d) if d < Decimal::ZERO => down.push(u.unit.as_str()),
                _ => same.push(u.unit.as_str()),
            }
        }
        (up, down, same)
    }
}

/// One unit's data carried over to the new ruleset ([`translate`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Carried {
    /// The data, keyed for the new ruleset.
    pub raw: RawUnit,
    /// Entries with no counterpart (`inputs.x`, `points.1.2`).
    pub dropped: Vec<crate::message::Message>,
    /// Points carried in proportion to a changed maximum.
    pub rescaled: Vec<crate::message::Message>,
}

/// Carries one unit's raw data over to the new ruleset.
pub fn translate(diff: &RulesetDiff, old: &Ruleset, new: &Ruleset, raw: &RawUnit) -> Carried {
    let mut out = raw.clone();
    let mut dropped = Vec::new();
    let mut rescaled = Vec::new();
    out.inputs.clear();
    for entry in &raw.inputs {
        let target = match old.input_index(&entry.key) {
            Some(s) => diff.input_map[s].map(|t| new.inputs[t].name.clone()),
            None => new
                .input_index(&entry.key)
                .map(|t| new.inputs[t].name.clone()),
        };
        match target {
            Some(name) => out.inputs.push(RawEntry {
                key: name,
                ..entry.clone()
            }),
            None => dropped.push(crate::message::Message::from(format!(
                "inputs.{}",
                entry.key
            ))),
        }
    }
    let mut by_id = |entries: &[RawEntry], table: &str, scale: bool| {
        let mut kept = Vec::new();
        for entry in entries {
            let pair = old
                .node_index(entry.key.trim())
                .and_then(|i| diff.new_of(i).map(|j| (i, j)));
            let Some((i, j)) = pair else {
                dropped.push(crate::message::Message::from(format!(
                    "{table}.{}",
                    entry.key
                )));
                continue;
            };
            let (a, b) = (&old.nodes[i], &new.nodes[j]);
            if scale && !b.takes_points() {
                dropped.push(crate::msg!(
                    "diff-dropped-no-points",
                    entry = format!("{table}.{}", entry.key),
                    id = b.id.as_str()
                ));
                continue;
            }
            let mut value = entry.value.clone();
            if let (true, RawValue::Number(text)) = (scale, &entry.value) {
                if let Ok(v) = text.parse::<Decimal>() {
                    if a.max != b.max && !a.max.is_zero() {
                        let carried = (v * b.max / a.max).normalize();
                        if table == "points" {
                            rescaled.push(crate::msg!(
                                "diff-rescaled",
                                old = a.id.as_str(),
                                new = b.id.as_str(),
                                value = v,
                                old_max = a.max,
                                carried = carried,
                                new_max = b.max
                            ));
                        }
                        value = RawValue::Number(carried.to_string());
                    }
                }
            }
            kept.push(RawEntry {
                key: b.id.clone(),
                value,
                ..entry.clone()
            });
        }
        kept
    };
    out.points = by_id(&raw.points, "points", true);
    out.not_evaluated = by_id(&raw.not_evaluated, "not_evaluated", false);
    out.claimed = by_id(&raw.claimed, "claimed", true);
    out.notes = by_id(&raw.notes, "notes", false);
    out.evidence.clear();
    Carried {
        raw: out,
        dropped,
        rescaled,
    }
}

fn scored(ruleset: &Ruleset, result: &UnitResult) -> Scored {
    let mut partial = (Decimal::ZERO, Decimal::ZERO);
    for (i, node) in result.nodes.iter().enumerate() {
        if ruleset.nodes[i].is_leaf() && node.status == Status::Scored {
            partial.0 += node.exact.or(node.score).unwrap_or_default();
            partial.1 += node.max;
        }
    }
    let partial_percent = (!partial.1.is_zero()).then(|| {
        ruleset
            .rounding
            .percent(partial.0 / partial.1 * Decimal::ONE_HUNDRED)
    });
    Scored {
        partial,
        partial_percent,
        achieved: result.achieved,
        max: result.max,
        percent: result.percent,
        grade: result.grade.clone(),
        rank: None,
        complete: result.is_complete(),
    }
}

fn rank(scores: &mut [&mut Scored]) {
    let percents: Vec<Option<Decimal>> = scores.iter().map(|s| s.percent).collect();
    for s in scores.iter_mut() {
        s.rank = s
            .percent
            .map(|p| 1 + percents.iter().filter(|q| q.is_some_and(|q| q > p)).count());
    }
}

fn points(result: &UnitResult, index: usize) -> Option<Decimal> {
    let node = &result.nodes[index];
    match node.status {
        Status::NotEvaluated(_) => None,
        _ => node.score,
    }
}

/// Scores `units` (last year's raw data, keyed for the old ruleset) under both rulesets.
/// Data problems are not reported here: the data was checked against the old ruleset.
pub fn impact(diff: &RulesetDiff, old: &Ruleset, new: &Ruleset, units: &[RawUnit]) -> Impact {
    let mut old_data = Vec::new();
    let mut new_data = Vec::new();
    let mut dropped = Vec::new();
    for raw in units {
        old_data.push(crate::data::resolve(old, raw).0);
        let carried = translate(diff, old, new, raw);
        new_data.push(crate::data::resolve(new, &carried.raw).0);
        dropped.push((carried.dropped, carried.rescaled));
    }
    let old_out = evaluate_batch(old, &old_data);
    let new_out = evaluate_batch(new, &new_data);
    let mut out: Vec<UnitImpact> = Vec::new();
    for (k, (gone, rescaled)) in dropped.into_iter().enumerate() {
        let (a, b) = (&old_out[k].result, &new_out[k].result);
        let mut drivers = Vec::new();
        let leaf_delta = |op: Option<Decimal>, np: Option<Decimal>| {
            np.unwrap_or_default() - op.unwrap_or_default()
        };
        for m in &diff.matched {
            if !old.nodes[m.old].is_leaf() || !new.nodes[m.new].is_leaf() {
                continue;
            }
            let (op, np) = (points(a, m.old), points(b, m.new));
            drivers.push(Driver {
                old_id: Some(old.nodes[m.old].id.clone()),
                new_id: Some(new.nodes[m.new].id.clone()),
                old_points: op,
                new_points: np,
                delta: leaf_delta(op, np),
            });
        }
        let unmatched_old = diff
            .removed
            .iter()
            .copied()
            .chain(diff.splits.iter().map(|s| s.0))
            .chain(diff.merges.iter().flat_map(|m| m.0.iter().copied()));
        for i in unmatched_old.filter(|&i| old.nodes[i].is_leaf()) {
            let op = points(a, i);
            drivers.push(Driver {
                old_id: Some(old.nodes[i].id.clone()),
                new_id: None,
                old_points: op,
                new_points: None,
                delta: leaf_delta(op, None),
            });
        }
        let unmatched_new = diff
            .added
            .iter()
            .copied()
            .chain(diff.splits.iter().flat_map(|s| s.1.iter().copied()))
            .chain(diff.merges.iter().map(|m| m.1));
        for j in unmatched_new.filter(|&j| new.nodes[j].is_leaf()) {
            let np = points(b, j);
            drivers.push(Driver {
                old_id: None,
                new_id: Some(new.nodes[j].id.clone()),
                old_points: None,
                new_points: np,
                delta: leaf_delta(None, np),
            });
        }
        drivers.retain(|d| !d.delta.is_zero());
        drivers.sort_by_key(|d| std::cmp::Reverse(d.delta.abs()));
        let mut missing_inputs = Vec::new();
        let mut missing_points = Vec::new();
        for (item, nodes) in &b.missing {
            let ids = nodes.iter().map(|i| new.nodes[*i].id.clone()).collect();
            match item {
                MissingItem::Input(slot) => {
                    missing_inputs.push((new.inputs[*slot].name.clone(), ids))
                }
                MissingItem::Points(i) => missing_points.push(new.nodes[*i].id.clone()),
            }
        }
        out.push(UnitImpact {
            unit: a.unit.clone(),
            old: scored(old, a),
            new: scored(new, b),
            missing_inputs,
            missing_points,
            dropped: gone,
            rescaled,
            drivers,
        });
    }
    rank(&mut out.iter_mut().map(|u| &mut u.old).collect::<Vec<_>>());
    rank(&mut out.iter_mut().map(|u| &mut u.new).collect::<Vec<_>>());
    Impact { units: out }
}
