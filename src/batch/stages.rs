//! Self-assessment and appraisal side by side: per criterion the unit's self score, the
//! score of each appraisal round (thẩm định, thẩm định lại…), the difference of the round
//! that counts (the last one given) from the self score and the council's notes; and every
//! self score the unit claimed that differs from what the ruleset computes from the unit's
//! own figures.

use super::{percent_of, Batch, Scored};
use crate::data::Stage;
use crate::eval::Status;
use crate::model::Ruleset;
use crate::text::unit_key;
use rust_decimal::Decimal;

/// One criterion of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct StageRow {
    /// The node's index in `ruleset.nodes`.
    pub node: usize,
    /// The maximum of the node (as declared).
    pub max: Decimal,
    /// What the unit wrote in its self-assessment (`[claimed]`).
    pub claimed: Option<Decimal>,
    /// What the ruleset computes from the unit's own figures.
    pub computed: Option<Decimal>,
    /// Điểm tự đánh giá: the claimed score where the unit wrote one, else the computed one
    /// (for a parent: the sum of its children's self scores, survey items not yet given and
    /// not-evaluated children left out, as they are out of the stage's maximum).
    pub self_score: Option<Decimal>,
    /// Điểm thẩm định: of the appraisal round that counts (the last one given).
    pub appraised: Option<Decimal>,
    /// appraised − self.
    pub difference: Option<Decimal>,
    /// The council's note (the `[notes]` of the round that counts).
    pub note: Option<String>,
    /// The score of each appraisal round compared, in order (`rounds[0]` is the first
    /// appraisal); one element when the ruleset declares the two default stages.
    pub rounds: Vec<Option<Decimal>>,
    /// The note of each appraisal round, as [`StageRow::rounds`].
    pub round_notes: Vec<Option<String>>,
    /// The unit's own note in its self-assessment (its justification).
    pub self_note: Option<String>,
    /// The claimed score differs from the computed one.
    pub flagged: bool,
    /// The node is not evaluated (không đánh giá) in either stage.
    pub not_evaluated: bool,
}

/// A unit's two stages compared.
#[derive(Debug, Clone, PartialEq)]
pub struct StageComparison {
    /// Tên đơn vị (as the self-assessment writes it, else the appraisal).
    pub unit: String,
    /// Index into [`Batch::units`] of each stage's result.
    pub self_unit: Option<usize>,
    /// Index into [`Batch::units`] of the appraisal's result.
    pub appraised_unit: Option<usize>,
    /// One row per node, indexed as `ruleset.nodes` (pre-order).
    pub rows: Vec<StageRow>,
    /// The self-assessed total (điểm tự đánh giá: claimed scores where written): the sum of
    /// the evaluated areas' self scores; `None` without a self-assessment or when an area has
    /// none.
    pub self_total: Option<Decimal>,
    /// The self-assessment's maximum for the unit (not-evaluated criteria left out).
    pub self_max: Option<Decimal>,
    /// `self_total / self_max` as a percentage (0–100), rounded as the unit's percentage.
    pub self_percent: Option<Decimal>,
    /// The appraised total (điểm thẩm định); `None` without an appraisal or when it is
    /// incomplete.
    pub appraised_total: Option<Decimal>,
    /// The appraisal's maximum for the unit.
    pub appraised_max: Option<Decimal>,
    /// The appraised percentage (0–100), as the appraisal's [`crate::eval::UnitResult::percent`].
    pub appraised_percent: Option<Decimal>,
    /// The points the self-assessment leaves to the survey (its survey items not given):
    /// outside `self_max`, shown beside the stage's total.
    pub self_survey: Option<Decimal>,
    /// The same for the appraisal.
    pub appraised_survey: Option<Decimal>,
    /// Number of flagged rows.
    pub flags: usize,
    /// Each appraisal round's totals, in order (`rounds[0]` is the first appraisal); the
    /// `appraised_*` fields repeat the last round given.
    pub rounds: Vec<RoundTotal>,
}

/// One appraisal round of a unit: its totals and how far they are from the self score.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundTotal {
    /// The round (stage 1 is the first appraisal).
    pub stage: Stage,
    /// Index into [`Batch::units`] of the round's result; `None` when the unit has no data
    /// for the round.
    pub unit: Option<usize>,
    /// The round's total; `None` without data or when it is incomplete.
    pub total: Option<Decimal>,
    /// The round's maximum for the unit.
    pub max: Option<Decimal>,
    /// The round's percentage, as its [`crate::eval::UnitResult::percent`].
    pub percent: Option<Decimal>,
    /// The points the round leaves to the survey.
    pub survey: Option<Decimal>,
    /// total − the self-assessed total.
    pub difference: Option<Decimal>,
    /// The round's total − the previous round's (`None` for the first round).
    pub change: Option<Decimal>,
}

impl StageComparison {
    /// appraised − self total (negative when the council gave fewer points); `None` unless
    /// both totals are known.
    pub fn total_difference(&self) -> Option<Decimal> {
        Some(self.appraised_total? - self.self_total?)
    }
}

/// Compares a unit's self-assessment with its appraisal (either may be absent).
pub fn compare(
    ruleset: &Ruleset,
    self_: Option<&Scored>,
    appraised: Option<&Scored>,
) -> StageComparison {
    compare_rounds(ruleset, self_, &[appraised])
}

/// Compares a unit's self-assessment with each of its appraisal rounds (`rounds[0]` is the
/// first appraisal; any may be absent). The round that counts is the last one given.
pub fn compare_rounds(
    ruleset: &Ruleset,
    self_: Option<&Scored>,
    rounds: &[Option<&Scored>],
) -> StageComparison {
    let appraised = rounds.iter().rev().find_map(|r| *r);
    let n = ruleset.nodes.len();
    // Self scores bottom-up: claimed where written, else computed; a parent without a claim
    // sums its children's self scores.
    let mut self_scores: Vec<Option<Decimal>> = vec![None; n];
    for index in (0..n).rev() {
        let Some(s) = self_ else { break };
        let node = &ruleset.nodes[index];
        let result = &s.result.node(index);
        if left_out(&result.status) {
            continue;
        }
        self_scores[index] = match s.claimed(index) {
            Some(c) => Some(c),
            None if node.is_leaf() || node.rule.is_some() => scored(result),
            None => {
                let children: Vec<Option<Decimal>> = node
                    .children
                    .iter()
                    .filter(|&&c| !left_out(&s.result.node(c).status))
                    .map(|&c| self_scores[c])
                    .collect();
                if children.iter().all(Option::is_some) {
                    Some(children.iter().flatten().sum())
                } else {
                    None
                }
            }
        };
    }
    let mut rows = Vec::with_capacity(n);
    for (index, node) in ruleset.nodes.iter().enumerate() {
        let claimed = self_.and_then(|s| s.claimed(index));
        let computed = self_.and_then(|s| scored(&s.result.node(index)));
        let appraised_score = appraised.and_then(|a| scored(&a.result.node(index)));
        let self_score = self_scores[index];
        let not_evaluated = std::iter::once(&self_)
            .chain(rounds)
            .flatten()
            .any(|u| matches!(u.result.node(index).status, Status::NotEvaluated(_)));
        rows.push(StageRow {
            node: index,
            max: node.max,
            claimed,
            computed,
            self_score,
            appraised: appraised_score,
            difference: match (appraised_score, self_score) {
                (Some(a), Some(s)) => Some(a - s),
                _ => None,
            },
            note: appraised.and_then(|a| a.note(index)).map(str::to_string),
            flagged: matches!((claimed, computed), (Some(c), Some(k)) if c != k),
            not_evaluated,
            rounds: rounds
                .iter()
                .map(|r| r.and_then(|a| scored(&a.result.node(index))))
                .collect(),
            round_notes: rounds
                .iter()
                .map(|r| r.and_then(|a| a.note(index)).map(str::to_string))
                .collect(),
            self_note: self_.and_then(|s| s.note(index)).map(str::to_string),
        });
    }
    let self_total = self_.and_then(|s| {
        let roots: Vec<Option<Decimal>> = ruleset
            .roots
            .iter()
            .filter(|&&r| !left_out(&s.result.node(r).status))
            .map(|&r| self_scores[r])
            .collect();
        roots
            .iter()
            .all(Option::is_some)
            .then(|| roots.iter().flatten().sum())
    });
    let self_max = self_.map(|s| s.result.max);
    let appraised_total = appraised
        .filter(|a| a.result.is_complete())
        .map(|a| a.result.achieved);
    let appraised_max = appraised.map(|a| a.result.max);
    let flags = rows.iter().filter(|r| r.flagged).count();
    let self_survey = self_.map(|s| survey_pending(ruleset, s));
    let appraised_survey = appraised.map(|a| survey_pending(ruleset, a));
    let mut previous_total = None;
    let round_totals = rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let total = r
                .filter(|a| a.result.is_complete())
                .map(|a| a.result.achieved);
            let change = match (i, total, previous_total) {
                (0, _, _) => None,
                (_, Some(t), Some(p)) => Some(t - p),
                _ => None,
            };
            previous_total = total;
            RoundTotal {
                stage: Stage::nth(i + 1).unwrap_or(Stage::Appraised),
                unit: None,
                total,
                max: r.map(|a| a.result.max),
                percent: r.and_then(|a| a.result.percent),
                survey: r.map(|a| survey_pending(ruleset, a)),
                difference: match (total, self_total) {
                    (Some(t), Some(s)) => Some(t - s),
                    _ => None,
                },
                change,
            }
        })
        .collect();
    StageComparison {
        rounds: round_totals,
        unit: self_
            .or(appraised)
            .map(|u| u.unit().to_string())
            .unwrap_or_default(),
        self_unit: None,
        appraised_unit: None,
        self_percent: match (self_total, self_max) {
            (Some(t), Some(m)) => percent_of(ruleset, t, m),
            _ => None,
        },
        appraised_percent: appraised.and_then(|a| a.result.percent),
        rows,
        self_total,
        self_max,
        appraised_total,
        appraised_max,
        self_survey,
        appraised_survey,
        flags,
    }
}

/// Whether a node stays out of a stage's sums: not evaluated, or survey points not yet given
/// (its maximum is already out of the stage's maximum).
fn left_out(status: &Status) -> bool {
    matches!(status, Status::NotEvaluated(_) | Status::Survey)
}

/// The points a stage leaves to the survey: the maxima of the survey items whose points the
/// stage's data does not give.
pub fn survey_pending(ruleset: &Ruleset, unit: &Scored) -> Decimal {
    ruleset
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, node)| node.rule.is_some() && unit.result.node(*i).status == Status::Survey)
        .map(|(_, node)| node.max)
        .sum()
}

fn scored(r: &crate::eval::NodeResult) -> Option<Decimal> {
    match r.status {
        Status::Scored => r.score,
        _ => None,
    }
}

/// Every unit of the batch with a self-assessment and an appraisal round, or with a
/// self-assessment that claims scores, compared; in the order units first appear. Every
/// appraisal round the ruleset declares is a column, also where the unit has no data for it.
pub fn compare_batch(ruleset: &Ruleset, batch: &Batch) -> Vec<StageComparison> {
    let stages = Stage::count(ruleset).max(
        batch
            .units
            .iter()
            .map(|u| u.result.stage.index() + 1)
            .max()
            .unwrap_or(0),
    );
    // The unit index of each stage, per unit name, in the order names first appear.
    let mut order: Vec<Vec<Option<usize>>> = Vec::new();
    let mut by_name: std::collections::HashMap<String, usize> = Default::default();
    for (i, unit) in batch.units.iter().enumerate() {
        let slot = *by_name.entry(unit_key(unit.unit())).or_insert_with(|| {
            order.push(vec![None; stages]);
            order.len() - 1
        });
        order[slot][unit.result.stage.index()].get_or_insert(i);
    }
    let mut out = Vec::new();
    for found in order {
        let s = found[0];
        let rounds = &found[1..];
        let has_claims = s.is_some_and(|s| !batch.units[s].claimed.is_empty());
        let appraised = rounds.iter().rev().find_map(|r| *r);
        if (s.is_some() && appraised.is_some()) || has_claims {
            let scored: Vec<Option<&Scored>> =
                rounds.iter().map(|r| r.map(|i| &batch.units[i])).collect();
            let mut c = compare_rounds(ruleset, s.map(|i| &batch.units[i]), &scored);
            c.self_unit = s;
            c.appraised_unit = appraised;
            for (total, unit) in c.rounds.iter_mut().zip(rounds) {
                total.unit = *unit;
            }
            out.push(c);
        }
    }
    out
}
