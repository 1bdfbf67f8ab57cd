//! What would it take: for one unit, the smallest change in each input that raises its
//! points, that reaches the next grade, and the change that gains the most points per unit
//! of change. Found by evaluating the ruleset on changed data (a galloping then binary
//! search over the input's value, each probe a full evaluation), not from a hand-made table.
//!
//! Only changes a unit can make are tried. An input that a rule reads only as (part of) a
//! ratio's denominator — dossiers received, tasks assigned, communes, workstations — is a
//! whole, not a lever: fewer of them is no improvement. The inputs a ratio's numerator adds
//! up stay within its denominator's value (15 tasks on time and 1 late of 16 due cannot
//! become 17), besides every data error the evaluator reports (`D005`).
//!
//! The search assumes that, in one direction, once a change raises the points a larger one
//! does too (true of ratios, bands, counts and deductions); every answer it gives is an
//! evaluated fact, but under a rule that rises and falls it may miss a smaller change.

use super::merge_best;
use crate::builtins::Func;
use crate::data::UnitData;
use crate::eval::{best_values, evaluate_with_best, Evaluator, Status, UnitResult};
use crate::model::{ArithOp, CExpr, CExprKind, InputType, Rule, Ruleset, Value};
use chrono::Days;
use rust_decimal::Decimal;

/// One change of one input, evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The input's slot (index into `ruleset.inputs`).
    pub input: usize,
    /// The unit's value now (a percent input's value is a fraction 0–1).
    pub from: Value,
    /// The changed value.
    pub to: Value,
    /// The change in the input's own unit (items, the decimal, percentage points, days); for
    /// yes/no and levels, 1.
    pub amount: Decimal,
    /// The unit's achieved points with the change.
    pub achieved: Decimal,
    /// Points gained (achieved − the unit's achieved now), absolute points.
    pub gain: Decimal,
    /// The unit's percentage (0–100) with the change; `None` when the data is incomplete.
    pub percent: Option<Decimal>,
    /// The unit's grade with the change; `None` when no grade applies.
    pub grade: Option<String>,
    /// The number the grade bands are written over with the change: the percentage, or the
    /// total after bonus and penalty points when the ruleset grades on points
    /// ([`Ruleset::grade_value`]).
    pub graded: Option<Decimal>,
    /// Criteria whose score changes: (node index in `ruleset.nodes`, points before, points
    /// after); `None` where the node had no score.
    pub criteria: Vec<(usize, Option<Decimal>, Option<Decimal>)>,
    /// Bonus and penalty items whose points change: (index in `ruleset.adjustments`, points
    /// before, points after, each after the item's own cap).
    pub items: Vec<(usize, Option<Decimal>, Option<Decimal>)>,
}

impl Change {
    /// Points gained per unit of change.
    pub fn rate(&self) -> Decimal {
        if self.amount.is_zero() {
            self.gain
        } else {
            self.gain.checked_div(self.amount.abs()).unwrap_or_default()
        }
    }
}

/// What changing one input can do.
#[derive(Debug, Clone, PartialEq)]
pub struct InputAdvice {
    /// The input's slot (index into `ruleset.inputs`).
    pub input: usize,
    /// The smallest change that raises the unit's points.
    pub next_step: Option<Change>,
    /// The change with the most points per unit of change.
    pub best_rate: Option<Change>,
    /// The smallest change that alone reaches the next grade.
    pub next_grade: Option<Change>,
}

/// What it would take for one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    /// The unit's name.
    pub unit: String,
    /// The unit's achieved points now.
    pub achieved: Decimal,
    /// The unit's percentage now (0–100); `None` when its data is incomplete.
    pub percent: Option<Decimal>,
    /// The unit's grade now; `None` when no grade applies.
    pub grade: Option<String>,
    /// The grade above the unit's, and the percentage it starts at (the total in points,
    /// when the ruleset grades on points).
    pub next_grade: Option<(String, Decimal)>,
    /// One entry per input the unit gave that some change improves, most points first.
    pub inputs: Vec<InputAdvice>,
    /// Evaluations run.
    pub evaluations: usize,
}

/// The `best(…)` values (by slot) of a batch without the unit at `index` in `units`, over the
/// units of the same stage: what [`advise`] takes as `best_others`.
pub fn best_without(ruleset: &Ruleset, units: &[UnitData], index: usize) -> Vec<Option<Decimal>> {
    let mut best = vec![None; ruleset.best_slots];
    for (i, unit) in units.iter().enumerate() {
        if i != index && unit.stage == units[index].stage {
            merge_best(&mut best, &best_values(ruleset, std::slice::from_ref(unit)));
        }
    }
    best
}

/// What the ruleset's rules say about its inputs, for advice: which are wholes (a ratio's
/// denominator: all dossiers, tasks assigned, communes) and which parts each whole bounds.
struct Shape<'r> {
    /// Inputs that are levers: read by a rule other than as (part of) a ratio's denominator.
    /// A whole (all dossiers received, communes, workstations) is not a lever: fewer of them
    /// is no improvement, more of them is not the unit's to decide.
    lever: Vec<bool>,
    /// Per `ratio(a, b)`: the inputs `a` adds up (with a plus sign) and `b`. A change is
    /// possible only if those inputs together stay within `b`'s value (15 tasks on time and 1
    /// late cannot become 17 of 16 due).
    bounds: Vec<(Vec<usize>, &'r CExpr)>,
    /// Inputs that are counts (`count` / `số lượng`).
    counts: Vec<bool>,
}

impl<'r> Shape<'r> {
    fn of(ruleset: &'r Ruleset) -> Self {
        let mut shape = Shape {
            lever: vec![false; ruleset.inputs.len()],
            bounds: Vec::new(),
            counts: ruleset
                .inputs
                .iter()
                .map(|i| i.ty == InputType::Count)
                .collect(),
        };
        for node in &ruleset.nodes {
            if let Some(Rule::Formula(expr)) = &node.rule {
                shape.walk(expr, false);
            }
        }
        // An input only a bonus or penalty item reads is a lever too (fewer violations).
        for item in &ruleset.adjustments {
            shape.walk(&item.rule, false);
        }
        shape
    }

    fn walk(&mut self, e: &'r CExpr, in_whole: bool) {
        match &e.kind {
            CExprKind::Input(slot) if !in_whole => self.lever[*slot] = true,
            CExprKind::Call(Func::Ratio, args) if args.len() == 2 => {
                let mut parts = Vec::new();
                plus_inputs(&args[0], true, &mut parts);
                parts.sort_unstable();
                parts.dedup();
                // Counts of items of one kind (tasks, dossiers) add up; other inputs need not.
                if !parts.is_empty() && parts.iter().all(|&p| self.counts[p]) {
                    self.bounds.push((parts, &args[1]));
                }
                self.walk(&args[0], in_whole);
                self.walk(&args[1], true);
            }
            _ => e.for_each_child(&mut |c| self.walk(c, in_whole)),
        }
    }

    /// How many bounds `unit` breaks (the sum of a ratio's parts above its whole).
    fn broken(&self, ruleset: &Ruleset, unit: &UnitData) -> usize {
        let mut ev = Evaluator::new(ruleset, unit, &[]);
        let number = |ev: &mut Evaluator, e: &CExpr| match ev.eval(e) {
            Ok(Value::Number(n)) => Some(n),
            _ => None,
        };
        self.bounds
            .iter()
            .filter(|(parts, whole_expr)| {
                let Some(whole) = number(&mut ev, whole_expr) else {
                    return false;
                };
                let mut sum = Decimal::ZERO;
                for &slot in parts {
                    let input = CExpr {
                        kind: CExprKind::Input(slot),
                        span: whole_expr.span.clone(),
                    };
                    match number(&mut ev, &input) {
                        Some(n) => sum += n,
                        None => return false,
                    }
                }
                sum > whole
            })
            .count()
    }
}

/// The inputs an expression adds with a plus sign (`on_time + late / 2`: both); a subtracted
/// one is left out.
fn plus_inputs(e: &CExpr, plus: bool, out: &mut Vec<usize>) {
    match &e.kind {
        CExprKind::Input(slot) if plus => out.push(*slot),
        CExprKind::Neg(inner) => plus_inputs(inner, !plus, out),
        CExprKind::Arith(ArithOp::Sub, a, b) => {
            plus_inputs(a, plus, out);
            plus_inputs(b, !plus, out);
        }
        CExprKind::Arith(_, a, b) => {
            plus_inputs(a, plus, out);
            plus_inputs(b, plus, out);
        }
        _ => {}
    }
}

struct Trial {
    achieved: Decimal,
    percent: Option<Decimal>,
    grade: Option<String>,
    /// What the grade bands are compared with ([`Ruleset::grade_value`]).
    graded: Option<Decimal>,
    result: UnitResult,
}

struct Prober<'a> {
    ruleset: &'a Ruleset,
    unit: UnitData,
    best_others: &'a [Option<Decimal>],
    shape: &'a Shape<'a>,
    broken_before: usize,
    failed_before: usize,
    evaluations: usize,
}

impl Prober<'_> {
    fn run(&mut self) -> Trial {
        self.evaluations += 1;
        let mut best = self.best_others.to_vec();
        if self.ruleset.best_slots > 0 {
            merge_best(
                &mut best,
                &best_values(self.ruleset, std::slice::from_ref(&self.unit)),
            );
        }
        let outcome = evaluate_with_best(self.ruleset, &self.unit, &best);
        Trial {
            // The total after bonus and penalty points: what a change in an input that only
            // an item reads gains.
            achieved: outcome.result.total(),
            percent: outcome.result.percent,
            grade: outcome.result.grade.clone(),
            graded: self
                .ruleset
                .grade_value(outcome.result.percent, outcome.result.total()),
            result: outcome.result,
        }
    }

    /// The unit with one input changed; `None` when the change makes its data wrong.
    fn with(&mut self, slot: usize, value: Value) -> Option<Trial> {
        let old = self.unit.values[slot].replace(value);
        if self.shape.broken(self.ruleset, &self.unit) > self.broken_before {
            // An impossible unit: more parts than the whole.
            self.unit.values[slot] = old;
            return None;
        }
        let trial = self.run();
        self.unit.values[slot] = old;
        (failed_count(&trial.result) <= self.failed_before).then_some(trial)
    }
}

fn failed_count(result: &UnitResult) -> usize {
    result
        .nodes
        .iter()
        .filter(|n| n.status == Status::Failed)
        .count()
}

/// How an input's value moves: `k` steps in a direction.
#[derive(Clone, Copy)]
struct Axis<'v> {
    from: &'v Value,
    ty: &'v InputType,
    up: bool,
}

impl Axis<'_> {
    fn step(&self) -> Decimal {
        match self.ty {
            InputType::Count => Decimal::ONE,
            InputType::Percent => Decimal::new(1, 4),
            _ => Decimal::new(1, 2),
        }
    }

    /// The largest number of steps the input can take in this direction.
    fn max_steps(&self) -> u64 {
        let limit: u64 = 1 << 40;
        match (self.from, self.ty) {
            (Value::Number(v), InputType::Percent) => {
                let room = if self.up { Decimal::ONE - *v } else { *v };
                to_steps(room, self.step()).min(limit)
            }
            (Value::Number(v), _) => {
                if self.up {
                    limit
                } else {
                    to_steps(*v, self.step()).min(limit)
                }
            }
            (Value::Date(_), _) => 3660,
            _ => 0,
        }
    }

    fn value(&self, k: u64) -> Option<Value> {
        match self.from {
            Value::Number(v) => {
                let delta = self.step().checked_mul(Decimal::from(k))?;
                let n = if self.up {
                    v.checked_add(delta)?
                } else {
                    v.checked_sub(delta)?
                };
                (n >= Decimal::ZERO).then_some(Value::Number(n))
            }
            Value::Date(d) => {
                if self.up {
                    d.checked_add_days(Days::new(k)).map(Value::Date)
                } else {
                    d.checked_sub_days(Days::new(k)).map(Value::Date)
                }
            }
            _ => None,
        }
    }

    /// The change, in the input's own unit (percentage points for a percentage).
    fn amount(&self, k: u64) -> Decimal {
        let unit = match (self.from, self.ty) {
            (Value::Date(_), _) => Decimal::ONE,
            (_, InputType::Percent) => Decimal::new(1, 2),
            _ => self.step(),
        };
        let a = unit * Decimal::from(k);
        if self.up {
            a
        } else {
            -a
        }
    }
}

fn to_steps(room: Decimal, step: Decimal) -> u64 {
    (room / step).trunc().to_string().parse().unwrap_or(0)
}

/// Evaluates, per input, the changes that improve a unit. `best_others` are the `best(…)`
/// values of the rest of its batch ([`best_without`]; empty for a unit scored alone).
pub fn advise(ruleset: &Ruleset, unit: &UnitData, best_others: &[Option<Decimal>]) -> Advice {
    let best_others: Vec<Option<Decimal>> = if best_others.len() == ruleset.best_slots {
        best_others.to_vec()
    } else {
        vec![None; ruleset.best_slots]
    };
    let shape = Shape::of(ruleset);
    let mut prober = Prober {
        ruleset,
        unit: unit.clone(),
        best_others: &best_others,
        shape: &shape,
        broken_before: shape.broken(ruleset, unit),
        failed_before: usize::MAX,
        evaluations: 0,
    };
    let base = prober.run();
    prober.failed_before = failed_count(&base.result);
    let next_grade = next_band(ruleset, base.graded);
    let mut inputs = Vec::new();
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        let Some(from) = unit.values[slot].clone() else {
            continue;
        };
        if !shape.lever[slot] {
            continue; // a whole, or read by no rule
        }
        let mut advice = InputAdvice {
            input: slot,
            next_step: None,
            best_rate: None,
            next_grade: None,
        };
        match (&from, &input.ty) {
            (Value::Bool(b), _) => {
                if let Some(t) = prober.with(slot, Value::Bool(!b)) {
                    let change = make_change(
                        ruleset,
                        &base,
                        slot,
                        &from,
                        Value::Bool(!b),
                        Decimal::ONE,
                        t,
                    );
                    consider_discrete(ruleset, &mut advice, change, next_grade.as_ref());
                }
            }
            (Value::Level(current), InputType::Levels(levels)) => {
                for (i, _) in levels.iter().enumerate() {
                    if i == *current {
                        continue;
                    }
                    if let Some(t) = prober.with(slot, Value::Level(i)) {
                        let amount = Decimal::from(i.abs_diff(*current));
                        let change =
                            make_change(ruleset, &base, slot, &from, Value::Level(i), amount, t);
                        consider_discrete(ruleset, &mut advice, change, next_grade.as_ref());
                    }
                }
            }
            (Value::Number(_), _) | (Value::Date(_), _) => {
                for up in [true, false] {
                    let axis = Axis {
                        from: &from,
                        ty: &input.ty,
                        up,
                    };
                    search_axis(
                        &mut prober,
                        ruleset,
                        &base,
                        slot,
                        axis,
                        next_grade.as_ref(),
                        &mut advice,
                    );
                }
            }
            _ => {}
        }
        if advice.next_step.is_some() || advice.next_grade.is_some() {
            inputs.push(advice);
        }
    }
    inputs.sort_by(|a, b| {
        let gain = |x: &InputAdvice| x.best_rate.as_ref().map(|c| c.gain).unwrap_or_default();
        gain(b).cmp(&gain(a)).then(a.input.cmp(&b.input))
    });
    Advice {
        unit: unit.unit.clone(),
        achieved: base.achieved,
        percent: base.percent,
        grade: base.grade.clone(),
        next_grade,
        inputs,
        evaluations: prober.evaluations,
    }
}

/// The grade band above a graded value (a percentage, or a total on points): its name and
/// where it starts.
fn next_band(ruleset: &Ruleset, percent: Option<Decimal>) -> Option<(String, Decimal)> {
    let p = percent?;
    ruleset
        .meta
        .grades
        .iter()
        .filter_map(|g| g.interval.lower.map(|(l, _)| (g, l)))
        .filter(|(g, l)| *l > p && !g.interval.contains(p))
        .min_by_key(|(_, l)| *l)
        .map(|(g, l)| (g.name.clone(), l))
}

fn reaches(ruleset: &Ruleset, percent: Option<Decimal>, band: &(String, Decimal)) -> bool {
    let Some(p) = percent else { return false };
    ruleset
        .meta
        .grades
        .iter()
        .find(|g| g.name == band.0)
        .is_some_and(|g| g.interval.contains(p) || p > band.1)
}

fn make_change(
    ruleset: &Ruleset,
    base: &Trial,
    slot: usize,
    from: &Value,
    to: Value,
    amount: Decimal,
    t: Trial,
) -> Change {
    let criteria = ruleset
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.is_leaf() || n.rule.is_some())
        .filter_map(|(i, _)| {
            let before = base.result.nodes[i].score;
            let after = t.result.nodes[i].score;
            (before != after).then_some((i, before, after))
        })
        .collect();
    let points = |r: &UnitResult, i: usize| {
        r.adjustments
            .as_ref()
            .and_then(|a| a.items.get(i))
            .and_then(|x| x.points)
    };
    let items = (0..ruleset.adjustments.len())
        .filter_map(|i| {
            let (before, after) = (points(&base.result, i), points(&t.result, i));
            (before != after).then_some((i, before, after))
        })
        .collect();
    Change {
        input: slot,
        from: from.clone(),
        to,
        amount,
        achieved: t.achieved,
        gain: t.achieved - base.achieved,
        percent: t.percent,
        grade: t.grade,
        graded: t.graded,
        criteria,
        items,
    }
}

fn better_rate(a: &Change, b: &Change) -> bool {
    a.rate() > b.rate() || (a.rate() == b.rate() && a.amount.abs() < b.amount.abs())
}

fn consider_discrete(
    ruleset: &Ruleset,
    advice: &mut InputAdvice,
    change: Change,
    next_grade: Option<&(String, Decimal)>,
) {
    if change.gain <= Decimal::ZERO {
        return;
    }
    if next_grade.is_some_and(|band| reaches(ruleset, change.graded, band)) {
        consider_grade(advice, change.clone());
    }
    consider(advice, change);
}

fn consider_grade(advice: &mut InputAdvice, change: Change) {
    if advice
        .next_grade
        .as_ref()
        .is_none_or(|c| change.amount.abs() < c.amount.abs())
    {
        advice.next_grade = Some(change);
    }
}

fn consider(advice: &mut InputAdvice, change: Change) {
    if advice
        .next_step
        .as_ref()
        .is_none_or(|c| change.amount.abs() < c.amount.abs())
    {
        advice.next_step = Some(change.clone());
    }
    if advice
        .best_rate
        .as_ref()
        .is_none_or(|c| better_rate(&change, c))
    {
        advice.best_rate = Some(change);
    }
}

/// The smallest `k` in `(lo, hi]` for which `pred` holds, assuming it holds from some point
/// on; `hi` is known to hold.
fn bisect(
    prober: &mut Prober,
    slot: usize,
    axis: Axis,
    mut lo: u64,
    mut hi: u64,
    pred: &dyn Fn(&Trial) -> bool,
) -> u64 {
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        let holds = axis
            .value(mid)
            .and_then(|v| prober.with(slot, v))
            .is_some_and(|t| pred(&t));
        if holds {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// Galloping search for the smallest `k ≥ 1` with `pred`, within the input's feasible range
/// (values that make the unit's data wrong, such as more online dossiers than dossiers, end
/// the range).
fn gallop(
    prober: &mut Prober,
    slot: usize,
    axis: Axis,
    end: u64,
    pred: &dyn Fn(&Trial) -> bool,
) -> Option<u64> {
    let mut lo = 0;
    let mut k = 1;
    loop {
        if k > end {
            return None;
        }
        let trial = axis.value(k).and_then(|v| prober.with(slot, v));
        match trial {
            Some(t) if pred(&t) => return Some(bisect(prober, slot, axis, lo, k, pred)),
            Some(_) => {
                if k == end {
                    return None;
                }
                lo = k;
                k = k.saturating_mul(2).min(end);
            }
            None => return None,
        }
    }
}

/// The last feasible number of steps (values beyond make the unit's data wrong).
fn feasible_end(prober: &mut Prober, slot: usize, axis: Axis) -> u64 {
    let max = axis.max_steps();
    let feasible =
        |prober: &mut Prober, k: u64| axis.value(k).and_then(|v| prober.with(slot, v)).is_some();
    let mut lo = 0;
    let mut k = 1;
    while k <= max {
        if !feasible(prober, k) {
            // the wall is in (lo, k)
            let mut hi = k;
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if feasible(prober, mid) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
        lo = k;
        if k == max {
            break;
        }
        k = k.saturating_mul(2).min(max);
    }
    lo
}

fn search_axis(
    prober: &mut Prober,
    ruleset: &Ruleset,
    base: &Trial,
    slot: usize,
    axis: Axis,
    next_grade: Option<&(String, Decimal)>,
    advice: &mut InputAdvice,
) {
    let end = feasible_end(prober, slot, axis);
    if end == 0 {
        return;
    }
    let Some(far) = axis.value(end).and_then(|v| prober.with(slot, v)) else {
        return;
    };
    if far.achieved <= base.achieved {
        // Assumed monotone: nothing this way gains (the denominator, more violations…).
        return;
    }
    let evaluate = |prober: &mut Prober, k: u64| -> Option<Change> {
        let to = axis.value(k)?;
        let t = prober.with(slot, to.clone())?;
        Some(make_change(
            ruleset,
            base,
            slot,
            axis.from,
            to,
            axis.amount(k),
            t,
        ))
    };
    // The steps on the way to the far end: each the smallest change that gains more.
    let mut from_k = 0;
    let mut achieved = base.achieved;
    for _ in 0..24 {
        let threshold = achieved;
        let rest_end = end - from_k;
        let shifted = |k: u64| k + from_k;
        let pred = |t: &Trial| t.achieved > threshold;
        let found = {
            // gallop over k' in 1..=rest_end, value at from_k + k'
            let mut lo = 0;
            let mut k = 1;
            let mut hit = None;
            while k <= rest_end {
                let trial = axis.value(shifted(k)).and_then(|v| prober.with(slot, v));
                match trial {
                    Some(t) if pred(&t) => {
                        hit = Some(
                            shifted(bisect(prober, slot, axis, shifted(lo), shifted(k), &pred))
                                - from_k,
                        );
                        break;
                    }
                    Some(_) if k < rest_end => {
                        lo = k;
                        k = k.saturating_mul(2).min(rest_end);
                    }
                    _ => break,
                }
            }
            hit
        };
        let Some(k) = found else { break };
        let at = from_k + k;
        let Some(change) = evaluate(prober, at) else {
            break;
        };
        achieved = change.achieved;
        from_k = at;
        consider(advice, change);
        if achieved >= far.achieved || from_k >= end {
            break;
        }
    }
    // The far end itself (the most this input alone can give), if not reached above.
    if achieved < far.achieved {
        let target = far.achieved;
        if let Some(k) = gallop(prober, slot, axis, end, &|t: &Trial| t.achieved >= target) {
            if let Some(change) = evaluate(prober, k) {
                consider(advice, change);
            }
        }
    }
    // The next grade.
    if let Some(band) = next_grade {
        if reaches(ruleset, far.graded, band) {
            let pred = |t: &Trial| reaches(ruleset, t.graded, band);
            if let Some(k) = gallop(prober, slot, axis, end, &pred) {
                if let Some(change) = evaluate(prober, k) {
                    consider_grade(advice, change);
                }
            }
        }
    }
}
