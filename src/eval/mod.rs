//! Stage 3: a checked ruleset and units' data → scores. Every unit of a batch is scored
//! independently except for `best(…)`, which a first pass fills from the whole batch.
//! Evaluation can record a trace: the steps that explain a leaf's number.

mod adjust;
mod explain;
mod program;

use crate::builtins::Evaluation;
use crate::data::{Stage, UnitData};
use crate::diagnostic::{Diagnostic, Span};
use crate::message::Message;
use crate::model::*;
use crate::msg;
use crate::syntax::ast::CmpOp;

pub(crate) use adjust::any_failed;
pub use adjust::{explain_adjustment, AdjustmentResult, Adjustments};
pub use explain::{explain, uses_best, Explanation, Step};
pub use program::Programs;
use rust_decimal::Decimal;

/// Why a node has the status it has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// scored: the node has points (a leaf from its rule or the council, a parent from its
    /// children)
    Scored,
    /// không đánh giá, with the reason
    NotEvaluated(String),
    /// left to the survey: no survey points given yet
    Survey,
    /// data needed to score it is missing (see [`UnitResult::missing`])
    Missing,
    /// the data is wrong for this rule (see the unit's diagnostics)
    Failed,
}

impl Status {
    /// The machine word (JSON, CSV): `scored`, `not_evaluated`, `survey`, `missing`, `failed`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Status::Scored => "scored",
            Status::NotEvaluated(_) => "not_evaluated",
            Status::Survey => "survey",
            Status::Missing => "missing",
            Status::Failed => "failed",
        }
    }

    /// What a report writes beside the node, in Vietnamese: nothing for a scored node (its
    /// score says it), "không đánh giá: …" with the reason, "chờ điều tra XHH", "thiếu số liệu",
    /// "lỗi số liệu" (spelled once, in the catalogues: [`Status::label_in`]).
    pub fn label(&self) -> String {
        self.label_in(crate::Lang::Vi)
    }

    /// [`Status::label`] in a reader's language (catalogue ids `report-status-…`); a scored
    /// node's empty label is not looked up.
    pub fn label_in(&self, lang: crate::Lang) -> String {
        match self {
            Status::Scored => return String::new(),
            Status::NotEvaluated(reason) => {
                msg!("report-status-not-evaluated", reason = reason.as_str())
            }
            Status::Survey => msg!("report-status-survey"),
            Status::Missing => msg!("report-status-missing"),
            Status::Failed => msg!("report-status-failed"),
        }
        .render(lang)
    }

    /// The reason a node is not evaluated.
    pub fn reason(&self) -> Option<&str> {
        match self {
            Status::NotEvaluated(r) => Some(r),
            _ => None,
        }
    }
}

/// One node's result for one unit; [`UnitResult::nodes`] holds one per node of
/// `ruleset.nodes`, same index. Points are absolute (not a percentage).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeResult {
    /// Points as published: a leaf rounded by its score rounding and then by the total
    /// rounding; a parent the sum of its children's published points, rounded by the total
    /// rounding (so a subtotal always adds up the lines shown under it).
    pub score: Option<Decimal>,
    /// The points before the total rounding: a leaf's score-rounded points, a parent's sum of
    /// its children's `exact` (percentages are computed from these).
    pub exact: Option<Decimal>,
    /// Maximum that counts for this unit: not-evaluated and survey-pending parts left out.
    pub max: Decimal,
    /// Whether it was scored, and why not; `score` is `None` unless it was.
    pub status: Status,
}

impl NodeResult {
    /// điểm bị mất: maximum − achieved, for a scored node.
    pub fn lost(&self) -> Option<Decimal> {
        match self.status {
            Status::Scored => self.score.map(|s| self.max - s),
            _ => None,
        }
    }
}

/// Something the unit must still supply: the to-do list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum MissingItem {
    /// an input (by slot), needed by these nodes
    Input(usize),
    /// points the council must award for this node
    Points(usize),
}

/// One unit's score: every node's result, the total, the percentage and the grade.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitResult {
    /// Tên đơn vị, from the data ([`UnitData::unit`]).
    pub unit: String,
    /// Whose scores these are: self-assessment or appraisal (from the data).
    pub stage: Stage,
    /// Per node, indexed as `ruleset.nodes` (pre-order).
    pub nodes: Vec<NodeResult>,
    /// Tổng điểm đạt được: the sum of the areas' published points, rounded by the total
    /// rounding. For an incomplete unit, the points it has so far (the scored parts of every
    /// area); it has no percentage then.
    pub achieved: Decimal,
    /// The achieved points before the total rounding: the sum of the areas' exact points.
    pub achieved_exact: Decimal,
    /// The unit's maximum: the total less not-evaluated criteria (and survey items not given).
    pub max: Decimal,
    /// The index as a percentage, 0–100 (not a fraction): exact achieved points (the rounded
    /// total when the ruleset says so) × 100 / `max`, rounded by the ruleset's percent
    /// rounding. `None` when the unit is incomplete ([`UnitResult::is_complete`]) or its
    /// maximum is zero.
    pub percent: Option<Decimal>,
    /// Xếp loại: the name of the ruleset's grade band the percentage falls in; `None` without
    /// a percentage or when no band matches (or none is declared).
    pub grade: Option<String>,
    /// Missing data, each with the nodes that need it (none for an input only a bonus or
    /// penalty item needs).
    pub missing: Vec<(MissingItem, Vec<usize>)>,
    /// Bonus and penalty points outside the tree and the total they make; `None` when the
    /// ruleset declares no such item (the total is then [`UnitResult::achieved`]).
    pub adjustments: Option<Box<Adjustments>>,
}

impl UnitResult {
    /// Tổng điểm as published: the tree's total after bonus and penalty points (the grade's
    /// basis on points); [`UnitResult::achieved`] when the ruleset has no such items.
    pub fn total(&self) -> Decimal {
        self.adjustments.as_ref().map_or(self.achieved, |a| a.total)
    }

    /// Whether every node could be scored: nothing missing, no node (and no bonus or penalty
    /// item) failed. Only then is there a [`UnitResult::percent`].
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
            && !self.nodes.iter().any(|n| n.status == Status::Failed)
            && !any_failed(self.adjustments.as_deref())
    }
}

/// A unit's result with the problems found while scoring it (spans into its data file).
#[derive(Debug, Clone)]
pub struct UnitOutcome {
    /// The scores, as complete as the data allows.
    pub result: UnitResult,
    /// `D002` per missing item (an input with the criteria that need it and its owner, or
    /// the council's points), `D005` a ratio's part above its whole, `D008` a zero
    /// denominator the ruleset does not allow, `D009` a rule's value outside `0..=max` or
    /// failed arithmetic. Spans are byte ranges into the unit's data file (`0..0` if none).
    pub diagnostics: Vec<Diagnostic>,
}

/// The points under node `index` that are scored: `(exact, shown)`. A scored node gives its
/// own; a node blocked by missing or failed data gives the sum over its children; anything
/// else (not evaluated, survey pending, a blocked leaf) gives nothing.
fn points_so_far(rs: &Ruleset, nodes: &[NodeResult], index: usize) -> (Decimal, Decimal) {
    let r = &nodes[index];
    match r.status {
        Status::Scored => (r.exact.unwrap_or_default(), r.score.unwrap_or_default()),
        Status::Missing | Status::Failed if rs.nodes[index].rule.is_none() => rs.nodes[index]
            .children
            .iter()
            .map(|&c| points_so_far(rs, nodes, c))
            .fold((Decimal::ZERO, Decimal::ZERO), |(e, s), (e2, s2)| {
                (e + e2, s + s2)
            }),
        _ => (Decimal::ZERO, Decimal::ZERO),
    }
}

/// Why evaluating an expression stopped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Stop {
    Missing(Vec<MissingItem>),
    NotEvaluated(String),
    Error(Box<Diagnostic>),
}

pub(crate) type Eval<T> = Result<T, Stop>;

/// Scores one unit (a batch of one: `best(x)` is the unit's own `x`). `unit` must have been
/// resolved against this `ruleset` ([`crate::data::resolve`]). Problems are in
/// [`UnitOutcome::diagnostics`].
pub fn evaluate(ruleset: &Ruleset, unit: &UnitData) -> UnitOutcome {
    evaluate_batch(ruleset, std::slice::from_ref(unit))
        .pop()
        .expect("one unit in, one out")
}

/// Scores every unit of a batch. Units do not affect each other, except through `best(…)`.
pub fn evaluate_batch(ruleset: &Ruleset, units: &[UnitData]) -> Vec<UnitOutcome> {
    let best = best_values(ruleset, units);
    units
        .iter()
        .map(|unit| Evaluator::new(ruleset, unit, &best).unit())
        .collect()
}

/// Scores one unit of a batch whose `best(…)` values are already known ([`best_values`]):
/// `evaluate_batch` unit by unit, for callers that report progress or try variations.
pub fn evaluate_with_best(
    ruleset: &Ruleset,
    unit: &UnitData,
    best: &[Option<Decimal>],
) -> UnitOutcome {
    Evaluator::new(ruleset, unit, best).unit()
}

/// [`evaluate_with_best`] with the ruleset's formulas compiled once ([`Programs::new`]):
/// the same outcome, faster, for a batch of many units.
pub fn evaluate_compiled(
    ruleset: &Ruleset,
    programs: &Programs,
    unit: &UnitData,
    best: &[Option<Decimal>],
) -> UnitOutcome {
    let mut evaluator = Evaluator::new(ruleset, unit, best);
    evaluator.programs = Some(programs);
    evaluator.unit()
}

/// The batch maximum of every `best(x)`: the first pass over all units of a batch.
pub fn best_values(ruleset: &Ruleset, units: &[UnitData]) -> Vec<Option<Decimal>> {
    let mut best = vec![None; ruleset.best_slots];
    if ruleset.best_slots == 0 {
        return best;
    }
    let mut sites = Vec::new();
    for (index, node) in ruleset.nodes.iter().enumerate() {
        if let Some(Rule::Formula(expr)) = &node.rule {
            collect_best(expr, index, &mut sites);
        }
    }
    let no_best = vec![None; ruleset.best_slots];
    for unit in units {
        for (slot, node, arg) in &sites {
            let mut ev = Evaluator::new(ruleset, unit, &no_best);
            ev.node = *node;
            if let Ok(Value::Number(v)) = ev.eval(arg) {
                let current: &mut Option<Decimal> = &mut best[*slot];
                *current = Some(current.map_or(v, |c: Decimal| c.max(v)));
            }
        }
    }
    best
}

fn collect_best<'a>(expr: &'a CExpr, node: usize, out: &mut Vec<(usize, usize, &'a CExpr)>) {
    if let CExprKind::Best(slot, arg) = &expr.kind {
        out.push((*slot, node, arg));
    }
    expr.for_each_child(&mut |child| collect_best(child, node, out));
}

/// Calls `f` on each direct sub-expression (without allocating: this runs for every formula
/// of every unit of a batch).
/// The input slots an expression reads.
pub(crate) fn inputs_of(expr: &CExpr, out: &mut Vec<usize>) {
    if let CExprKind::Input(slot) = expr.kind {
        if !out.contains(&slot) {
            out.push(slot);
        }
    }
    expr.for_each_child(&mut |child| inputs_of(child, out));
}

/// Whether any input an expression reads satisfies `missing`.
fn any_input(expr: &CExpr, missing: &dyn Fn(usize) -> bool) -> bool {
    if let CExprKind::Input(slot) = expr.kind {
        if missing(slot) {
            return true;
        }
    }
    let mut found = false;
    expr.for_each_child(&mut |child| found = found || any_input(child, missing));
    found
}

/// Why a parent all of whose children are not evaluated is not evaluated.
const ALL_CHILDREN_NOT_EVALUATED: &str = "không đánh giá toàn bộ tiêu chí thành phần";

/// Whether every child of `node` is not evaluated (its children's results are in `results`).
fn all_not_evaluated(node: &crate::model::Node, results: &[Option<NodeResult>]) -> bool {
    node.children.iter().all(|&c| {
        matches!(
            results[c].as_ref().expect("child first").status,
            Status::NotEvaluated(_)
        )
    })
}

/// The sum of the maxima of `node`'s children for this unit (not-evaluated ones count 0).
fn children_max(node: &crate::model::Node, results: &[Option<NodeResult>]) -> Decimal {
    node.children
        .iter()
        .map(|&c| results[c].as_ref().expect("child first").max)
        .sum()
}

pub(crate) struct Evaluator<'a> {
    ruleset: &'a Ruleset,
    unit: &'a UnitData,
    best: &'a [Option<Decimal>],
    pub(crate) node: usize,
    /// The node's maximum for this unit when it differs from the declared one: a parent with
    /// a rule of its own whose children are partly not evaluated (`max` in its rule).
    pub(crate) unit_max: Option<Decimal>,
    pub(crate) trace: Option<Vec<Step>>,
    /// The ruleset's formulas compiled ([`program`]), when the caller scores many units.
    programs: Option<&'a Programs>,
    /// The compiled formulas' value stack, reused from node to node.
    stack: Vec<Value>,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(
        ruleset: &'a Ruleset,
        unit: &'a UnitData,
        best: &'a [Option<Decimal>],
    ) -> Self {
        Evaluator {
            ruleset,
            unit,
            best,
            node: 0,
            unit_max: None,
            trace: None,
            programs: None,
            stack: Vec::new(),
        }
    }

    fn step(&mut self, text: impl FnOnce() -> Message) {
        if let Some(trace) = &mut self.trace {
            trace.push(Step { text: text() });
        }
    }

    fn unit(mut self) -> UnitOutcome {
        let rs = self.ruleset;
        let n = rs.nodes.len();
        let mut results: Vec<Option<NodeResult>> = vec![None; n];
        let mut diagnostics = Vec::new();
        let mut missing: Vec<(MissingItem, Vec<usize>)> = Vec::new();
        // Top-down: a node declared or found not evaluated takes its subtree with it.
        let mut excluded: Vec<Option<String>> = vec![None; n];
        for index in 0..n {
            if let Some(parent) = rs.nodes[index].parent {
                if excluded[index].is_none() {
                    excluded[index] = excluded[parent].clone();
                }
            }
            if excluded[index].is_some() {
                continue;
            }
            if let Some(reason) = &self.unit.not_evaluated[index] {
                excluded[index] = Some(reason.clone());
                continue;
            }
            if let Some(clause) = &rs.nodes[index].not_evaluated {
                self.node = index;
                match self.condition(clause) {
                    Ok(true) => excluded[index] = Some(clause.reason.clone()),
                    Ok(false) => {}
                    Err(stop) => {
                        let status = self.stop(stop, index, &mut diagnostics, &mut missing);
                        results[index] = Some(NodeResult {
                            score: None,
                            exact: None,
                            max: rs.nodes[index].max,
                            status,
                        });
                    }
                }
            }
        }
        // Below a parent with a rule of its own, rules are shown but never used.
        let overridden: Vec<bool> = {
            let mut o = vec![false; n];
            for index in 0..n {
                if let Some(p) = rs.nodes[index].parent {
                    o[index] = o[p] || rs.nodes[p].rule.is_some();
                }
            }
            o
        };
        // Bottom-up: nodes are in pre-order, so reverse order sees children first.
        for index in (0..n).rev() {
            let node = &rs.nodes[index];
            if let Some(reason) = &excluded[index] {
                results[index] = Some(NodeResult {
                    score: None,
                    exact: None,
                    max: Decimal::ZERO,
                    status: Status::NotEvaluated(reason.clone()),
                });
                continue;
            }
            if results[index].is_some() {
                continue; // its condition could not be decided
            }
            self.node = index;
            self.unit_max = None;
            let result = match &node.rule {
                // A parent with a rule of its own: the rule gives its points, over the
                // maximum of its evaluated children (docs/language.md, "A parent with a rule").
                Some(_) if !node.children.is_empty() && all_not_evaluated(node, &results) => {
                    NodeResult {
                        score: None,
                        exact: None,
                        max: Decimal::ZERO,
                        status: Status::NotEvaluated(ALL_CHILDREN_NOT_EVALUATED.into()),
                    }
                }
                Some(rule) => {
                    if !node.children.is_empty() {
                        self.unit_max = Some(children_max(node, &results));
                    }
                    if overridden[index] {
                        // Its rule is never used: what it lacks is not asked for.
                        let (mut ignored, mut unasked) = (Vec::new(), Vec::new());
                        let mut r = self.leaf(index, rule, &mut ignored, &mut unasked);
                        if r.status == Status::Failed {
                            r.status = Status::Missing;
                        }
                        r
                    } else {
                        self.leaf(index, rule, &mut diagnostics, &mut missing)
                    }
                }
                None => self.parent(index, &results),
            };
            self.unit_max = None;
            results[index] = Some(result);
        }
        let nodes: Vec<NodeResult> = results
            .into_iter()
            .map(|r| r.expect("every node visited"))
            .collect();
        let roots = &rs.roots;
        // The points the unit has: a scored node counts whole; a node blocked by missing or
        // wrong data counts the scored parts under it, so an incomplete unit shows what it
        // has (marked incomplete, without a percentage) rather than 0 for a whole area.
        let (exact, shown) = roots
            .iter()
            .map(|&r| points_so_far(rs, &nodes, r))
            .fold((Decimal::ZERO, Decimal::ZERO), |(e, s), (e2, s2)| {
                (e + e2, s + s2)
            });
        let max: Decimal = roots.iter().map(|&r| nodes[r].max).sum();
        let achieved = rs.rounding.total.map_or(shown, |r| r.apply(shown));
        let complete = missing.is_empty() && !nodes.iter().any(|r| r.status == Status::Failed);
        // The to-do list in the order of the tree.
        for (_, needed_by) in &mut missing {
            needed_by.sort_unstable();
        }
        missing.sort_by(|(a, na), (b, nb)| (na.first(), a).cmp(&(nb.first(), b)));
        for (item, needed_by) in &missing {
            diagnostics.push(missing_diagnostic(rs, item, needed_by));
        }
        // Bonus and penalty items outside the tree, then the percentage and the grade.
        let finished = adjust::finish(
            rs,
            self.unit,
            self.best,
            adjust::Totals {
                exact,
                shown: achieved,
                max,
            },
            complete,
            &mut diagnostics,
            &mut missing,
        );
        UnitOutcome {
            result: UnitResult {
                unit: self.unit.unit.clone(),
                stage: self.unit.stage,
                nodes,
                achieved,
                achieved_exact: exact,
                max,
                percent: finished.percent,
                grade: finished.grade,
                missing,
                adjustments: finished.adjustments.map(Box::new),
            },
            diagnostics,
        }
    }

    fn condition(&mut self, clause: &NotEvaluatedClause) -> Eval<bool> {
        match &clause.condition {
            None => Ok(true),
            Some(cond) => {
                self.require_inputs(cond)?;
                match self.eval(cond)? {
                    Value::Bool(b) => Ok(b),
                    _ => Ok(false),
                }
            }
        }
    }

    /// Collects every missing input of an expression at once, for a complete to-do list.
    pub(crate) fn require_inputs(&self, expr: &CExpr) -> Eval<()> {
        let absent =
            |s: usize| self.unit.values[s].is_none() && self.ruleset.inputs[s].default.is_none();
        if !any_input(expr, &absent) {
            return Ok(()); // the common case, without allocating
        }
        let mut slots = Vec::new();
        inputs_of(expr, &mut slots);
        let missing: Vec<MissingItem> = slots
            .into_iter()
            .filter(|&s| self.unit.values[s].is_none() && self.ruleset.inputs[s].default.is_none())
            .map(MissingItem::Input)
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(Stop::Missing(missing))
        }
    }

    /// Turns a stop into a status, recording its diagnostic or missing items.
    fn stop(
        &self,
        stop: Stop,
        index: usize,
        diagnostics: &mut Vec<Diagnostic>,
        missing: &mut Vec<(MissingItem, Vec<usize>)>,
    ) -> Status {
        match stop {
            Stop::Missing(items) => {
                let node = &self.ruleset.nodes[index];
                if node.source != SourceKind::SelfAssessment {
                    return Status::Survey;
                }
                for item in items {
                    match missing.iter_mut().find(|(m, _)| *m == item) {
                        Some((_, nodes)) => nodes.push(index),
                        None => missing.push((item, vec![index])),
                    }
                }
                Status::Missing
            }
            Stop::NotEvaluated(reason) => Status::NotEvaluated(reason),
            Stop::Error(d) => {
                diagnostics.push(*d);
                Status::Failed
            }
        }
    }

    /// Scores a node with a rule of its own (a leaf, or a parent that overrides its sum).
    pub(crate) fn leaf(
        &mut self,
        index: usize,
        rule: &Rule,
        diagnostics: &mut Vec<Diagnostic>,
        missing: &mut Vec<(MissingItem, Vec<usize>)>,
    ) -> NodeResult {
        let node_max = self.unit_max.unwrap_or(self.ruleset.nodes[index].max);
        let computed = match rule {
            Rule::Awarded => self.awarded(),
            Rule::Formula(expr) => self.formula(expr),
        };
        match computed {
            // With a total rounding, a leaf is shown rounded by it too (after its own score
            // rounding), so every subtotal is the sum of the lines shown under it.
            Ok(score) => NodeResult {
                score: Some(
                    self.ruleset.nodes[index]
                        .rounding
                        .total
                        .map_or(score, |r| r.apply(score)),
                ),
                exact: Some(score),
                max: node_max,
                status: Status::Scored,
            },
            Err(stop) => {
                let status = self.stop(stop, index, diagnostics, missing);
                let max = match status {
                    Status::NotEvaluated(_) | Status::Survey => Decimal::ZERO,
                    _ => node_max,
                };
                NodeResult {
                    score: None,
                    exact: None,
                    max,
                    status,
                }
            }
        }
    }

    fn awarded(&mut self) -> Eval<Decimal> {
        match self.unit.points[self.node] {
            Some(points) => {
                self.step(|| msg!("step-points-awarded", points = points));
                Ok(points)
            }
            None => Err(Stop::Missing(vec![MissingItem::Points(self.node)])),
        }
    }

    fn formula(&mut self, expr: &CExpr) -> Eval<Decimal> {
        if let Some(score) = self.compiled_formula() {
            return Ok(score);
        }
        self.require_inputs(expr)?;
        let node = &self.ruleset.nodes[self.node];
        let raw = match self.eval(expr)? {
            Value::Number(n) => n,
            _ => return Err(self.error(expr.span.clone(), msg!("d009-not-a-number"))),
        };
        let score = match node.rounding.score {
            Some(r) => {
                let rounded = r.apply(raw);
                self.step(|| {
                    msg!(
                        "step-score-rounded",
                        rounding = rounding_word(&r),
                        raw = raw,
                        rounded = rounded
                    )
                });
                rounded
            }
            None => raw,
        };
        let max = self.unit_max.unwrap_or(node.max);
        if score < Decimal::ZERO || score > max {
            return Err(self.error(
                expr.span.clone(),
                msg!(
                    "d009-outside",
                    id = node.id.as_str(),
                    score = score,
                    max = max
                ),
            ));
        }
        Ok(score)
    }

    fn parent(&self, index: usize, results: &[Option<NodeResult>]) -> NodeResult {
        let node = &self.ruleset.nodes[index];
        // The children's results, walked in place (no list per parent and unit).
        let children = || {
            node.children
                .iter()
                .map(|&c| results[c].as_ref().expect("child first"))
        };
        if all_not_evaluated(node, results) {
            return NodeResult {
                score: None,
                exact: None,
                max: Decimal::ZERO,
                status: Status::NotEvaluated(ALL_CHILDREN_NOT_EVALUATED.into()),
            };
        }
        let max: Decimal = children().map(|c| c.max).sum();
        let blocked = children().find(|c| matches!(c.status, Status::Missing | Status::Failed));
        if let Some(b) = blocked {
            return NodeResult {
                score: None,
                exact: None,
                max,
                status: b.status.clone(),
            };
        }
        if children().all(|c| matches!(c.status, Status::NotEvaluated(_) | Status::Survey)) {
            return NodeResult {
                score: None,
                exact: None,
                max,
                status: Status::Survey,
            };
        }
        // The subtotal shown is the sum of the children shown (each already rounded), then
        // rounded by the total rounding; `exact` sums the unrounded points for percentages.
        let exact: Decimal = children().filter_map(|c| c.exact).sum();
        let shown: Decimal = children().filter_map(|c| c.score).sum();
        let score = node.rounding.total.map_or(shown, |r| r.apply(shown));
        NodeResult {
            score: Some(score),
            exact: Some(exact),
            max,
            status: Status::Scored,
        }
    }

    fn error(&self, span: Span, message: Message) -> Stop {
        let node = &self.ruleset.nodes[self.node];
        let mut d = Diagnostic::error(
            "D009",
            self.data_span_for(&span),
            msg!("d-node-message", id = node.id.as_str(), message = message),
        );
        d = d.with_help(match node.rule_text.as_deref() {
            Some(rule) => msg!(
                "d-criterion-rule",
                id = node.id.as_str(),
                title = node.title.as_str(),
                rule = rule
            ),
            None => msg!(
                "d-criterion-awarded",
                id = node.id.as_str(),
                title = node.title.as_str()
            ),
        });
        Stop::Error(Box::new(d))
    }

    /// The data file position of the first input a failing expression reads, or the start.
    fn data_span_for(&self, _rule_span: &Span) -> Span {
        let node = &self.ruleset.nodes[self.node];
        let mut slots = Vec::new();
        if let Some(Rule::Formula(e)) = &node.rule {
            inputs_of(e, &mut slots);
        }
        slots
            .iter()
            .find_map(|&s| self.unit.value_spans[s].clone())
            .unwrap_or(0..0)
    }

    fn data_error(&self, code: &'static str, slots: &[usize], message: Message) -> Stop {
        let node = &self.ruleset.nodes[self.node];
        let span = slots
            .iter()
            .find_map(|&s| self.unit.value_spans[s].clone())
            .unwrap_or(0..0);
        let mut d = Diagnostic::error(
            code,
            span,
            msg!("d-node-message", id = node.id.as_str(), message = message),
        );
        for &s in slots.iter().skip(1) {
            if let Some(sp) = &self.unit.value_spans[s] {
                d = d.with_label(
                    sp.clone(),
                    msg!(
                        "e001-found-word",
                        word = self.ruleset.inputs[s].name.as_str()
                    ),
                );
            }
        }
        d = d.with_help(msg!(
            "d-criterion-rule",
            id = node.id.as_str(),
            title = node.title.as_str(),
            rule = node.rule_text.as_deref().unwrap_or("")
        ));
        Stop::Error(Box::new(d))
    }

    fn num(&mut self, e: &CExpr) -> Eval<Decimal> {
        match self.eval(e)? {
            Value::Number(n) => Ok(n),
            other => Err(self.error(
                e.span.clone(),
                msg!("d003-expected-number", found = other.describe_message(None)),
            )),
        }
    }

    /// `what` is the catalogue id of the computation (`what-arithmetic`).
    fn checked(&self, e: &CExpr, value: Option<Decimal>, what: &'static str) -> Eval<Decimal> {
        value.ok_or_else(|| {
            self.error(
                e.span.clone(),
                msg!("d009-overflow", what = Message::new(what)),
            )
        })
    }

    pub(crate) fn eval(&mut self, e: &CExpr) -> Eval<Value> {
        let rs = self.ruleset;
        Ok(match &e.kind {
            CExprKind::Const(v) => v.clone(),
            CExprKind::Input(slot) => {
                let input = &rs.inputs[*slot];
                let value = self.unit.values[*slot]
                    .clone()
                    .or_else(|| input.default.clone())
                    .ok_or_else(|| Stop::Missing(vec![MissingItem::Input(*slot)]))?;
                let defaulted = self.unit.values[*slot].is_none();
                self.step(|| {
                    let shown = value.describe_message(Some(&input.ty));
                    if defaulted {
                        msg!(
                            "step-input-default",
                            name = input.name.as_str(),
                            value = shown
                        )
                    } else {
                        msg!("step-input", name = input.name.as_str(), value = shown)
                    }
                });
                value
            }
            CExprKind::SelfMax => {
                let max = self.unit_max.unwrap_or(rs.nodes[self.node].max);
                Value::Number(max)
            }
            CExprKind::Awarded => Value::Number(self.awarded()?),
            CExprKind::Neg(inner) => Value::Number(-self.num(inner)?),
            CExprKind::Not(inner) => match self.eval(inner)? {
                Value::Bool(b) => Value::Bool(!b),
                other => other,
            },
            CExprKind::Arith(op, a, b) => {
                let x = self.num(a)?;
                let y = self.num(b)?;
                let (result, symbol) = match op {
                    ArithOp::Add => (x.checked_add(y), "+"),
                    ArithOp::Sub => (x.checked_sub(y), "−"),
                    ArithOp::Mul => (x.checked_mul(y), "×"),
                    ArithOp::Div => {
                        if y.is_zero() {
                            return Err(self.error(e.span.clone(), msg!("d009-division-by-zero")));
                        }
                        (x.checked_div(y), "÷")
                    }
                };
                let r = self.checked(e, result, "what-arithmetic")?;
                self.step(|| msg!("step-arithmetic", x = x, op = symbol, y = y, result = r));
                Value::Number(r)
            }
            CExprKind::Logic(op, a, b) => {
                let x = matches!(self.eval(a)?, Value::Bool(true));
                // Both sides are evaluated: a missing input is missing whichever way.
                let y = matches!(self.eval(b)?, Value::Bool(true));
                Value::Bool(match op {
                    LogicOp::And => x && y,
                    LogicOp::Or => x || y,
                })
            }
            CExprKind::Compare(op, a, b) => {
                let x = self.eval(a)?;
                let y = self.eval(b)?;
                let ordering = match (&x, &y) {
                    (Value::Number(p), Value::Number(q)) => p.cmp(q),
                    (Value::Date(p), Value::Date(q)) => p.cmp(q),
                    (Value::Level(p), Value::Level(q)) => p.cmp(q),
                    (Value::Bool(p), Value::Bool(q)) => p.cmp(q),
                    _ => std::cmp::Ordering::Equal,
                };
                let result = match op {
                    CmpOp::Lt => ordering.is_lt(),
                    CmpOp::Le => ordering.is_le(),
                    CmpOp::Gt => ordering.is_gt(),
                    CmpOp::Ge => ordering.is_ge(),
                    CmpOp::Eq => ordering.is_eq(),
                    CmpOp::Ne => ordering.is_ne(),
                };
                self.step(|| {
                    msg!(
                        "step-compare",
                        x = x.describe_message(None),
                        op = op.symbol(),
                        y = y.describe_message(None),
                        result = yes_no(result)
                    )
                });
                Value::Bool(result)
            }
            CExprKind::If(c, t, f) => {
                let cond = matches!(self.eval(c)?, Value::Bool(true));
                self.step(|| msg!("step-condition", result = yes_no(cond)));
                if cond {
                    self.eval(t)?
                } else {
                    self.eval(f)?
                }
            }
            CExprKind::Call(func, args) => Value::Number(self.call(*func, args, e)?),
            CExprKind::Bands(subject, arms) => {
                let v = self.num(subject)?;
                let arm = arms
                    .iter()
                    .find(|a| a.interval.is_none_or(|iv| iv.contains(v)));
                let Some(arm) = arm else {
                    return Err(self.error(e.span.clone(), msg!("d009-no-band", value = v)));
                };
                let result = self.eval(&arm.value)?;
                self.step(|| {
                    let band = arm
                        .interval
                        .map_or(msg!("step-band-otherwise"), |iv| iv.describe_message());
                    msg!(
                        "step-band",
                        value = v,
                        band = band,
                        result = result.describe_message(None)
                    )
                });
                result
            }
            CExprKind::Best(slot, arg) => {
                let own = self.num(arg)?;
                let best = self.best.get(*slot).copied().flatten().unwrap_or(own);
                self.step(|| msg!("step-best", best = best));
                Value::Number(best)
            }
        })
    }

    fn call(&mut self, func: Func, args: &[CExpr], e: &CExpr) -> Eval<Decimal> {
        // The arguments' values: on the stack for the usual few (no allocation per call).
        let mut few = [Decimal::ZERO; 4];
        let mut many = Vec::new();
        if args.len() > few.len() {
            many.reserve(args.len());
            for a in args {
                many.push(self.num(a)?);
            }
        } else {
            for (to, a) in few.iter_mut().zip(args) {
                *to = self.num(a)?;
            }
        }
        let v: &[Decimal] = if args.len() > few.len() {
            &many
        } else {
            &few[..args.len()]
        };
        let node = &self.ruleset.nodes[self.node];
        let result = match func.row().eval {
            Evaluation::Ratio => {
                let (part, whole) = (v[0], v[1]);
                // The inputs the ratio reads, for the place of a data error (only then).
                let slots = || -> Vec<usize> {
                    args.iter()
                        .flat_map(|a| {
                            let mut s = Vec::new();
                            inputs_of(a, &mut s);
                            s
                        })
                        .collect()
                };
                if whole.is_zero() {
                    return match node.zero_action.unwrap_or(ZeroAction::Error) {
                        ZeroAction::NotEvaluated => {
                            self.step(|| msg!("step-zero-not-evaluated"));
                            Err(Stop::NotEvaluated(format!(
                                "mẫu số bằng 0 ({})",
                                self.ruleset.nodes[self.node]
                                    .rule_text
                                    .as_deref()
                                    .unwrap_or("ratio")
                            )))
                        }
                        ZeroAction::Zero => {
                            self.step(|| msg!("step-zero-counts-zero", part = part));
                            Ok(Decimal::ZERO)
                        }
                        ZeroAction::Error => Err(self.data_error(
                            "D008",
                            &slots(),
                            msg!("d008-zero-denominator", part = part),
                        )),
                    };
                }
                if part < Decimal::ZERO || whole < Decimal::ZERO {
                    return Err(self.data_error(
                        "D005",
                        &slots(),
                        msg!("d005-negative-ratio", part = part, whole = whole),
                    ));
                }
                if part > whole {
                    return Err(self.data_error(
                        "D005",
                        &slots(),
                        msg!("d005-part-above-whole", part = part, whole = whole),
                    ));
                }
                let ratio = self.checked(e, part.checked_div(whole), "what-ratio")?;
                self.step(|| msg!("step-ratio", part = part, whole = whole, ratio = ratio));
                match node.rounding.ratio {
                    Some(r) => {
                        let rounded = r.apply(ratio);
                        self.step(|| {
                            msg!(
                                "step-ratio-rounded",
                                rounding = rounding_word(&r),
                                raw = ratio,
                                rounded = rounded
                            )
                        });
                        rounded
                    }
                    None => ratio,
                }
            }
            Evaluation::Pure(f) => match f(v) {
                Ok(x) => x,
                Err(what) => self.checked(e, None, what)?,
            },
            // compiled to `CExprKind::Best`; a call never reaches here: its own value
            Evaluation::BatchBest => v[0],
        };
        if !matches!(func.row().eval, Evaluation::Ratio) {
            self.step(|| {
                let shown: Vec<Message> =
                    v.iter().map(|x| msg!("gap-number", value = *x)).collect();
                msg!(
                    "step-call",
                    function = func.name(),
                    args = shown,
                    result = result
                )
            });
        }
        Ok(result)
    }
}

/// "yes"/"có" or "no"/"không".
fn yes_no(value: bool) -> Message {
    if value {
        msg!("value-yes")
    } else {
        msg!("value-no")
    }
}

/// "2 places, half-up" in the reader's language.
pub(crate) fn rounding_word(r: &Rounding) -> Message {
    let mode = match r.mode {
        crate::syntax::vocab::RoundMode::HalfUp => msg!("round-half-up"),
        crate::syntax::vocab::RoundMode::HalfEven => msg!("round-half-even"),
        crate::syntax::vocab::RoundMode::Down => msg!("round-down"),
        crate::syntax::vocab::RoundMode::Up => msg!("round-up"),
    };
    msg!("rounding-places", places = r.places, mode = mode)
}

/// The to-do entry for one missing item: what, for which criteria, and who owns it.
fn missing_diagnostic(rs: &Ruleset, item: &MissingItem, needed_by: &[usize]) -> Diagnostic {
    let ids: Vec<&str> = needed_by.iter().map(|&i| rs.nodes[i].id.as_str()).collect();
    match item {
        MissingItem::Input(slot) => {
            let input = &rs.inputs[*slot];
            let d = Diagnostic::error(
                "D002",
                0..0,
                msg!(
                    "d002-missing-input",
                    name = input.name.as_str(),
                    ids = ids.join(", ")
                ),
            );
            let mut help = Vec::new();
            if let Some(desc) = &input.description {
                help.push(Message::plain(desc.clone()));
            }
            let owners = rs.input_owners.get(*slot).map_or(&[][..], Vec::as_slice);
            if !owners.is_empty() {
                help.push(msg!("d002-owner", owners = owners.join("; ")));
            }
            help.push(msg!(
                "d002-add-input",
                ty = crate::check::input_type_word(&input.ty)
            ));
            d.with_help(Message::join(help, "; "))
        }
        MissingItem::Points(node) => {
            let n = &rs.nodes[*node];
            let help = match n.owner.as_deref() {
                Some(o) => msg!(
                    "d002-add-points-owner",
                    id = n.id.as_str(),
                    max = n.max,
                    owner = o
                ),
                None => msg!("d002-add-points", id = n.id.as_str(), max = n.max),
            };
            Diagnostic::error(
                "D002",
                0..0,
                msg!(
                    "d002-no-points",
                    id = n.id.as_str(),
                    title = n.title.as_str()
                ),
            )
            .with_help(help)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Status;

    #[test]
    fn status_words_and_labels() {
        let all = [
            Status::Scored,
            Status::NotEvaluated("mẫu số bằng 0".into()),
            Status::Survey,
            Status::Missing,
            Status::Failed,
        ];
        let words: Vec<&str> = all.iter().map(Status::as_str).collect();
        assert_eq!(
            words,
            ["scored", "not_evaluated", "survey", "missing", "failed"]
        );
        let labels: Vec<String> = all.iter().map(Status::label).collect();
        assert_eq!(
            labels,
            [
                "",
                "không đánh giá: mẫu số bằng 0",
                "chờ điều tra XHH",
                "thiếu số liệu",
                "lỗi số liệu"
            ]
        );
        // For an English reader; the reason is the ruleset's own words, kept.
        let labels: Vec<String> = all.iter().map(|s| s.label_in(crate::Lang::En)).collect();
        assert_eq!(
            labels,
            [
                "",
                "not evaluated: mẫu số bằng 0",
                "awaiting the survey",
                "missing data",
                "bad data"
            ]
        );
    }
}
