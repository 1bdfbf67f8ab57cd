//! Bonus and penalty points outside the criteria tree (điểm thưởng / điểm trừ, điểm phạt),
//! and the unit's percentage and grade that follow from its total.
//!
//! The tree is scored first; then, in this order (docs/language.md, "Bonus and penalty
//! points"):
//! 1. each item's rule gives its points (a magnitude ≥ 0), capped by the item's `max`;
//! 2. the bonus items add up, capped by `bonus max`; the penalty items likewise by
//!    `penalty max`;
//! 3. the bonus applied is all of it with `bonus above max`, else at most what lifts the
//!    tree's total to the unit's maximum;
//! 4. the penalty applied is at most what takes the total (with its bonus) down to the floor
//!    (`floor`, 0 by default), so a penalty never lifts a total that is already below it;
//! 5. total = tree total + bonus applied − penalty applied, rounded by the total rounding.
//!
//! The percentage is that total × 100 ÷ the unit's maximum (the tree's, not-evaluated
//! criteria left out), so a bonus above the maximum gives more than 100 %.

use super::{Eval, Evaluator, MissingItem, Status, Stop};
use crate::data::UnitData;
use crate::diagnostic::Diagnostic;
use crate::model::{AdjustmentKind, Ruleset, Value};
use crate::text::format_decimal;
use rust_decimal::Decimal;

/// One bonus or penalty item's result for a unit.
#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentResult {
    /// Its index in [`Ruleset::adjustments`].
    pub item: usize,
    /// What its rule gave, before its cap; `None` unless scored.
    pub computed: Option<Decimal>,
    /// Its points after its own cap (a magnitude: a penalty's are subtracted); `None` unless
    /// scored.
    pub points: Option<Decimal>,
    /// Scored, not evaluated (a zero denominator the ruleset treats so: 0 points), missing
    /// data or failed.
    pub status: Status,
}

/// A unit's bonus and penalty points and the total they make.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustments {
    /// One per item of [`Ruleset::adjustments`], same order.
    pub items: Vec<AdjustmentResult>,
    /// The bonus points added to the total: the items' sum after the bonus cap and, unless a
    /// bonus may pass it, the unit's maximum.
    pub bonus: Decimal,
    /// The penalty points subtracted: the items' sum after the penalty cap and the floor.
    pub penalty: Decimal,
    /// Tổng điểm after bonus and penalty points: the tree's published total + bonus −
    /// penalty, rounded by the total rounding.
    pub total: Decimal,
    /// The same from the tree's exact total (the percentage's basis, unless the ruleset
    /// computes it from the rounded total).
    pub total_exact: Decimal,
}

impl Adjustments {
    /// The items of one kind, with their results: for renderers that list them.
    pub fn of_kind<'a>(
        &'a self,
        ruleset: &'a Ruleset,
        kind: AdjustmentKind,
    ) -> impl Iterator<Item = (&'a crate::model::Adjustment, &'a AdjustmentResult)> + 'a {
        self.items
            .iter()
            .map(move |r| (&ruleset.adjustments[r.item], r))
            .filter(move |(a, _)| a.kind == kind)
    }
}

/// Whether a bonus or penalty item failed for the unit's data (a rule's value below zero,
/// failed arithmetic): the unit is then incomplete, like a failed criterion.
pub(crate) fn any_failed(adjustments: Option<&Adjustments>) -> bool {
    adjustments.is_some_and(|a| a.items.iter().any(|i| i.status == Status::Failed))
}

/// The unit's totals once the tree is scored, and what follows from them.
pub(crate) struct Totals {
    /// The tree's exact achieved points.
    pub exact: Decimal,
    /// The tree's published total (rounded by the total rounding).
    pub shown: Decimal,
    /// The unit's maximum.
    pub max: Decimal,
}

/// The unit's percentage, grade and adjustments.
pub(crate) struct Finished {
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
    pub adjustments: Option<Adjustments>,
}

/// Applies the bonus and penalty items, then computes the percentage and the grade. With no
/// items this is the tree's total, as before. `complete` says whether the tree was scored in
/// full; a missing or failed item makes the unit incomplete too.
pub(crate) fn finish(
    rs: &Ruleset,
    unit: &UnitData,
    best: &[Option<Decimal>],
    totals: Totals,
    complete: bool,
    diagnostics: &mut Vec<Diagnostic>,
    missing: &mut Vec<(MissingItem, Vec<usize>)>,
) -> Finished {
    let adjustments = (!rs.adjustments.is_empty() && !rs.nodes.is_empty())
        .then(|| apply(rs, unit, best, &totals, diagnostics, missing));
    let complete = complete
        && adjustments
            .as_ref()
            .is_none_or(|a| a.items.iter().all(|i| i.points.is_some()));
    let (exact, shown) = adjustments
        .as_ref()
        .map_or((totals.exact, totals.shown), |a| (a.total_exact, a.total));
    let percent = if complete && !totals.max.is_zero() {
        let basis = if rs.meta.percent_from_rounded_total {
            shown
        } else {
            exact
        };
        Some(
            rs.rounding
                .percent(basis * Decimal::ONE_HUNDRED / totals.max),
        )
    } else {
        None
    };
    let grade = rs
        .grade_value(percent, shown)
        .and_then(|v| rs.grade_for(v))
        .map(|g| g.name.clone());
    Finished {
        percent,
        grade,
        adjustments,
    }
}

fn apply(
    rs: &Ruleset,
    unit: &UnitData,
    best: &[Option<Decimal>],
    totals: &Totals,
    diagnostics: &mut Vec<Diagnostic>,
    missing: &mut Vec<(MissingItem, Vec<usize>)>,
) -> Adjustments {
    let policy = rs.meta.adjustment_policy;
    let mut ev = Evaluator::new(rs, unit, best);
    // A ratio in an item follows the header's zero-denominator policy: evaluate in the
    // context of a node that has it (an area that overrides it would not do).
    ev.node = rs
        .roots
        .iter()
        .copied()
        .find(|&r| rs.nodes[r].zero_action == rs.meta.zero_default)
        .unwrap_or(0);
    let mut items = Vec::with_capacity(rs.adjustments.len());
    let (mut bonus, mut penalty) = (Decimal::ZERO, Decimal::ZERO);
    for (index, item) in rs.adjustments.iter().enumerate() {
        let label = crate::check::adjustment_title(item.kind, &item.id, &item.title);
        ev.unit_max = item.cap;
        let computed = points(&mut ev, &item.rule);
        let (computed, status) = match computed {
            Ok(v) if v < Decimal::ZERO => {
                diagnostics.push(
                    Diagnostic::error(
                        "D009",
                        0..0,
                        crate::msg!("d009-item-below-zero", item = label.clone(), value = v),
                    )
                    .with_help(crate::msg!("adjust-rule", rule = item.rule_text.as_str())),
                );
                (None, Status::Failed)
            }
            Ok(v) => (Some(v), Status::Scored),
            Err(Stop::NotEvaluated(_)) => (
                Some(Decimal::ZERO),
                Status::NotEvaluated("mẫu số bằng 0".into()),
            ),
            Err(Stop::Missing(what)) => {
                for m in what {
                    if let MissingItem::Input(slot) = m {
                        let input = &rs.inputs[slot];
                        let owners = rs.input_owners.get(slot).map_or(&[][..], Vec::as_slice);
                        let mut help = vec![crate::msg!(
                            "d002-add-input",
                            ty = crate::check::input_type_word(&input.ty)
                        )];
                        if !owners.is_empty() {
                            help.push(crate::msg!("d002-owner", owners = owners.join("; ")));
                        }
                        diagnostics.push(
                            Diagnostic::error(
                                "D002",
                                0..0,
                                crate::msg!(
                                    "d002-missing-input",
                                    name = input.name.as_str(),
                                    ids = label.clone()
                                ),
                            )
                            .with_help(crate::message::Message::join(help, "; ")),
                        );
                    }
                    if !missing.iter().any(|(x, _)| *x == m) {
                        missing.push((m, Vec::new()));
                    }
                }
                (None, Status::Missing)
            }
            Err(Stop::Error(d)) => {
                // The evaluator names the node it runs in; name the item instead.
                let message = match d.message.argument("message") {
                    Some(crate::message::Arg::Message(m)) => (**m).clone(),
                    _ => d.message.clone(),
                };
                let mut own = Diagnostic::error(
                    d.code,
                    d.span.clone(),
                    crate::msg!("d-node-message", id = label.clone(), message = message),
                )
                .with_help(crate::msg!("adjust-rule", rule = item.rule_text.as_str()));
                own.labels = d.labels.clone();
                diagnostics.push(own);
                (None, Status::Failed)
            }
        };
        let capped = computed.map(|v| item.cap.map_or(v, |c| v.min(c)));
        if let Some(p) = capped {
            match item.kind {
                AdjustmentKind::Bonus => bonus += p,
                AdjustmentKind::Penalty => penalty += p,
            }
        }
        items.push(AdjustmentResult {
            item: index,
            computed,
            points: capped,
            status,
        });
    }
    if let Some(cap) = policy.bonus_cap {
        bonus = bonus.min(cap);
    }
    if let Some(cap) = policy.penalty_cap {
        penalty = penalty.min(cap);
    }
    if !policy.bonus_above_max {
        bonus = bonus.min((totals.max - totals.shown).max(Decimal::ZERO));
    }
    penalty = penalty.min((totals.shown + bonus - policy.floor).max(Decimal::ZERO));
    let delta = bonus - penalty;
    let total = rs
        .rounding
        .total
        .map_or(totals.shown + delta, |r| r.apply(totals.shown + delta));
    Adjustments {
        items,
        bonus,
        penalty,
        total,
        total_exact: totals.exact + delta,
    }
}

/// An item's rule as a number, with every missing input at once.
fn points(ev: &mut Evaluator<'_>, rule: &crate::model::CExpr) -> Eval<Decimal> {
    ev.require_inputs(rule)?;
    match ev.eval(rule)? {
        Value::Number(n) => Ok(n),
        _ => Ok(Decimal::ZERO),
    }
}

/// Explains one bonus or penalty item for one unit: its rule re-evaluated with a trace, its
/// own cap, and what the caps of its kind, the maximum and the floor let through. `item` is
/// its index in [`Ruleset::adjustments`]; `result` the unit's result from the full
/// evaluation (which holds the item's points). The explanation's `result` carries the item's
/// points after its cap (`max` is its cap, or its points when it has none).
pub fn explain_adjustment(
    rs: &Ruleset,
    unit: &UnitData,
    best: &[Option<Decimal>],
    item: usize,
    result: &super::UnitResult,
) -> super::Explanation {
    let adjustment = &rs.adjustments[item];
    let mut ev = Evaluator::new(rs, unit, best);
    ev.node = rs
        .roots
        .iter()
        .copied()
        .find(|&r| rs.nodes[r].zero_action == rs.meta.zero_default)
        .unwrap_or(0);
    ev.unit_max = adjustment.cap;
    ev.trace = Some(Vec::new());
    if !rs.nodes.is_empty() {
        let _ = points(&mut ev, &adjustment.rule);
    }
    let mut steps = ev.trace.take().unwrap_or_default();
    let step = |text: crate::message::Message| super::Step { text };
    let own = result
        .adjustments
        .as_ref()
        .and_then(|a| a.items.get(item).cloned());
    if let Some(r) = &own {
        if let (Some(c), Some(p), Some(cap)) = (r.computed, r.points, adjustment.cap) {
            steps.push(step(crate::msg!(
                "explain-item-capped",
                cap = cap,
                computed = c,
                points = p
            )));
        }
    }
    if let Some(a) = &result.adjustments {
        let policy = rs.meta.adjustment_policy;
        let (applied, cap) = match adjustment.kind {
            AdjustmentKind::Bonus => (a.bonus, policy.bonus_cap),
            AdjustmentKind::Penalty => (a.penalty, policy.penalty_cap),
        };
        let kind = crate::check::adjustment_kind(adjustment.kind);
        steps.push(step(match cap {
            Some(cap) => crate::msg!(
                "explain-adjustment-applied-capped",
                kind = kind,
                points = applied,
                cap = cap,
                before = result.achieved,
                after = a.total
            ),
            None => crate::msg!(
                "explain-adjustment-applied",
                kind = kind,
                points = applied,
                before = result.achieved,
                after = a.total
            ),
        }));
    }
    let (score, status) = own.map_or((None, Status::Missing), |r| (r.points, r.status));
    super::Explanation {
        id: adjustment.id.clone(),
        title: adjustment.title.clone(),
        path: format!("{} {}", adjustment.kind.label(), adjustment.id),
        max: adjustment
            .cap
            .map_or_else(|| "—".to_string(), format_decimal),
        rule: Some(crate::message::Message::plain(adjustment.rule_text.clone())),
        references: adjustment.references.clone(),
        owner: adjustment.owner.clone(),
        evidence: Vec::new(),
        steps,
        result: super::NodeResult {
            score,
            exact: score,
            max: adjustment.cap.or(score).unwrap_or_default(),
            status,
        },
        unit: unit.unit.clone(),
        stage: unit.stage,
        stage_name: unit.stage.name(rs).to_string(),
        item: Some(adjustment.kind),
        uses_best: false,
    }
}
