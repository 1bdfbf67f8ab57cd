//! Explanations: how a node's number arises, step by step.

use super::{Evaluator, NodeResult, Status};
use crate::data::{Stage, UnitData};
use crate::message::Message;
use crate::model::{CExpr, CExprKind, Rule, Ruleset};
use crate::msg;
use crate::text::format_decimal;

/// One line of an explanation: a value read, a computation, a rounding, a band chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The step, rendered in the reader's language ("ratio 169 / 2534 = 0.0667…", "tỷ lệ
    /// 169 / 2534 = 0,0667…").
    pub text: Message,
}

/// Everything that explains one node's result.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The node's id (`7.2.2`).
    pub id: String,
    /// The node's title.
    pub title: String,
    /// The ids from the area down: "1 › 1.6 › 1.6.1".
    pub path: String,
    /// The node's declared maximum (điểm tối đa), formatted; the unit's maximum is `result.max`.
    pub max: String,
    /// The rule as written, "points awarded by the council" for a leaf without a rule; `None`
    /// for a parent that sums its children.
    pub rule: Option<Message>,
    /// Where the decree states it (`ref "…"` / `căn cứ "…"`).
    pub references: Vec<String>,
    /// The node's own owner (đơn vị chủ trì), not an inherited one.
    pub owner: Option<String>,
    /// The unit's evidence documents for the node (tài liệu kiểm chứng).
    pub evidence: Vec<String>,
    /// The trace, in order. For a parent, one line per child pointing at its own explanation.
    pub steps: Vec<Step>,
    /// The node's result from the full evaluation (a copy of the `result` passed in).
    pub result: NodeResult,
    /// The unit explained.
    pub unit: String,
    /// The stage of the unit's data explained (self-assessment or appraisal).
    pub stage: Stage,
    /// The stage's name under the ruleset: its declared name (`giai đoạn "Tự đánh giá",
    /// "Thẩm định", "Thẩm định lại"`), else the default one ([`Stage::name`]).
    pub stage_name: String,
    /// For a bonus or penalty item outside the tree, its kind (the path then names the item:
    /// `điểm trừ P1`); `None` for a node of the tree.
    pub item: Option<crate::model::AdjustmentKind>,
    /// Whether the node's rule, or a rule below it, compares with the best unit of the batch
    /// (`best(…)`): its number depends on the other units scored with it.
    pub uses_best: bool,
}

/// Whether the rule of `index` or of a node below it uses `best(…)`.
pub fn uses_best(ruleset: &Ruleset, index: usize) -> bool {
    fn has_best(e: &CExpr) -> bool {
        if matches!(e.kind, CExprKind::Best(..)) {
            return true;
        }
        let mut found = false;
        e.for_each_child(&mut |c| found = found || has_best(c));
        found
    }
    let node = &ruleset.nodes[index];
    matches!(&node.rule, Some(Rule::Formula(e)) if has_best(e))
        || node.children.iter().any(|&c| uses_best(ruleset, c))
}

/// Explains one node for one unit: re-evaluates it with a trace. `index` is the node's index
/// in `ruleset.nodes`; `result` is the node's result from the full evaluation
/// (`outcome.result.nodes[index]`, which decided its status); `best` the batch's values for
/// `best(…)` ([`super::best_values`]; for a unit scored alone, `best_values` of that unit).
/// Panics if `index` is out of range or `unit` was not resolved against `ruleset`.
pub fn explain(
    ruleset: &Ruleset,
    unit: &UnitData,
    best: &[Option<rust_decimal::Decimal>],
    index: usize,
    result: &NodeResult,
) -> Explanation {
    let node = &ruleset.nodes[index];
    let mut steps = Vec::new();
    if let Status::NotEvaluated(reason) = &result.status {
        match &node.not_evaluated {
            // Its own condition held: show it evaluated.
            Some(clause) if &clause.reason == reason && unit.not_evaluated[index].is_none() => {
                if let Some(condition) = &clause.condition {
                    let mut ev = Evaluator::new(ruleset, unit, best);
                    ev.node = index;
                    ev.trace = Some(Vec::new());
                    let _ = ev.eval(condition);
                    steps = ev.trace.take().unwrap_or_default();
                    let text = node.not_evaluated_text.clone().unwrap_or_default();
                    steps.push(Step {
                        text: msg!("step-not-evaluated-when", condition = text),
                    });
                } else {
                    steps.push(Step {
                        text: msg!("step-not-evaluated-always"),
                    });
                }
            }
            _ if unit.not_evaluated[index].is_some() => steps.push(Step {
                text: msg!("step-not-evaluated-data"),
            }),
            _ => steps.push(Step {
                text: msg!("step-not-evaluated-other"),
            }),
        }
    }
    if matches!(
        result.status,
        Status::Scored | Status::Failed | Status::Missing
    ) {
        if let Some(rule) = &node.rule {
            let mut ev = Evaluator::new(ruleset, unit, best);
            ev.node = index;
            if !node.children.is_empty() {
                // A parent with a rule of its own: `max` is its evaluated children's maximum.
                ev.unit_max = Some(result.max);
            }
            ev.trace = Some(Vec::new());
            let mut ignored = Vec::new();
            let mut missing = Vec::new();
            let _ = ev.leaf(index, rule, &mut ignored, &mut missing);
            steps = ev.trace.take().unwrap_or_default();
        } else {
            for &c in &node.children {
                let child = &ruleset.nodes[c];
                steps.push(Step {
                    text: msg!(
                        "step-see-child",
                        id = child.id.as_str(),
                        title = child.title.as_str()
                    ),
                });
            }
        }
    }
    // Below a parent with a rule of its own, this rule is shown, not used.
    if let Some(&above) = ruleset
        .path(index)
        .iter()
        .rev()
        .skip(1)
        .find(|&&a| ruleset.nodes[a].rule.is_some())
    {
        steps.insert(
            0,
            Step {
                text: msg!("step-not-counted", id = ruleset.nodes[above].id.as_str()),
            },
        );
    }
    let path = ruleset
        .path(index)
        .iter()
        .map(|&i| ruleset.nodes[i].id.as_str())
        .collect::<Vec<_>>()
        .join(" › ");
    Explanation {
        id: node.id.clone(),
        title: node.title.clone(),
        path,
        max: format_decimal(node.max),
        rule: match &node.rule {
            Some(Rule::Formula(_)) => node.rule_text.clone().map(Message::plain),
            Some(Rule::Awarded) => Some(msg!("explain-awarded")),
            None => None,
        },
        references: node.references.clone(),
        owner: node.owner.clone(),
        evidence: unit.evidence[index].clone(),
        steps,
        result: result.clone(),
        unit: unit.unit.clone(),
        stage: unit.stage,
        stage_name: unit.stage.name(ruleset).to_string(),
        item: None,
        uses_best: uses_best(ruleset, index),
    }
}
