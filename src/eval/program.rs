//! Rules compiled once per batch into flat instruction lists over input slots, run on a
//! reusable value stack: scoring a unit walks no tree and allocates nothing per node.
//!
//! A program computes only the common case — every input given, no zero denominator, no
//! value out of range. Anything else (a missing input, a ratio the ruleset declares not
//! evaluated or an error at zero, a negative ratio, a numerator above its denominator, an
//! overflow, a value matching no band, a score outside `0…max`) makes it give up, and the
//! node is scored again by the tree walker ([`super::Evaluator::eval`]), which says what went
//! wrong with its diagnostics and to-do list. So both paths give the same results by
//! construction (and a test compares them on every bundled ruleset); traces (`explain`)
//! always use the tree walker.

use super::Evaluator;
use crate::builtins::Evaluation;
use crate::model::{
    ArithOp, CExpr, CExprKind, Func, LogicOp, NumInterval, Rule, Ruleset, Value, ZeroAction,
};
use crate::syntax::ast::CmpOp;
use rust_decimal::Decimal;

/// Every formula of a ruleset compiled, by node index.
#[derive(Debug, Clone)]
pub struct Programs {
    nodes: Vec<Option<Program>>,
}

impl Programs {
    /// Compiles every node's formula (a node scored by points awarded has none).
    pub fn new(ruleset: &Ruleset) -> Self {
        Programs {
            nodes: ruleset
                .nodes
                .iter()
                .map(|node| match &node.rule {
                    Some(Rule::Formula(expr)) => Some(Program::new(expr)),
                    _ => None,
                })
                .collect(),
        }
    }

    pub(super) fn of(&self, node: usize) -> Option<&Program> {
        self.nodes.get(node)?.as_ref()
    }
}

/// One formula: its instructions and the inputs it reads anywhere (in a branch not taken
/// too: a missing input is missing whichever way, as the tree walker requires).
#[derive(Debug, Clone)]
pub(super) struct Program {
    code: Vec<Op>,
    inputs: Vec<usize>,
}

/// One instruction. Operands are popped from the stack, results pushed.
#[derive(Debug, Clone)]
enum Op {
    Const(Value),
    Input(usize),
    SelfMax,
    Awarded,
    Neg,
    Not,
    Arith(ArithOp),
    Logic(LogicOp),
    Compare(CmpOp),
    /// Pops the condition; jumps unless it is `true`.
    JumpUnless(usize),
    Jump(usize),
    /// Pops `arity` numbers (the first argument deepest).
    Call(Func, usize),
    /// Pops the subject; jumps to the code of the first arm whose interval holds it.
    Bands(Vec<(Option<NumInterval>, usize)>),
    /// Pops the unit's own value; pushes the batch's best for the slot.
    Best(usize),
}

impl Program {
    fn new(expr: &CExpr) -> Self {
        let mut code = Vec::new();
        compile(expr, &mut code);
        let mut inputs = Vec::new();
        super::inputs_of(expr, &mut inputs);
        Program { code, inputs }
    }
}

fn compile(e: &CExpr, code: &mut Vec<Op>) {
    match &e.kind {
        CExprKind::Const(v) => code.push(Op::Const(v.clone())),
        CExprKind::Input(slot) => code.push(Op::Input(*slot)),
        CExprKind::SelfMax => code.push(Op::SelfMax),
        CExprKind::Awarded => code.push(Op::Awarded),
        CExprKind::Neg(inner) => {
            compile(inner, code);
            code.push(Op::Neg);
        }
        CExprKind::Not(inner) => {
            compile(inner, code);
            code.push(Op::Not);
        }
        CExprKind::Arith(op, a, b) => {
            compile(a, code);
            compile(b, code);
            code.push(Op::Arith(*op));
        }
        CExprKind::Logic(op, a, b) => {
            compile(a, code);
            compile(b, code);
            code.push(Op::Logic(*op));
        }
        CExprKind::Compare(op, a, b) => {
            compile(a, code);
            compile(b, code);
            code.push(Op::Compare(*op));
        }
        CExprKind::If(c, t, f) => {
            compile(c, code);
            let unless = code.len();
            code.push(Op::JumpUnless(0));
            compile(t, code);
            let jump = code.len();
            code.push(Op::Jump(0));
            code[unless] = Op::JumpUnless(code.len());
            compile(f, code);
            code[jump] = Op::Jump(code.len());
        }
        CExprKind::Call(func, args) => {
            for a in args {
                compile(a, code);
            }
            code.push(Op::Call(*func, args.len()));
        }
        CExprKind::Bands(subject, arms) => {
            compile(subject, code);
            let dispatch = code.len();
            code.push(Op::Bands(Vec::new()));
            let mut targets = Vec::with_capacity(arms.len());
            let mut ends = Vec::with_capacity(arms.len());
            for arm in arms {
                targets.push((arm.interval, code.len()));
                compile(&arm.value, code);
                ends.push(code.len());
                code.push(Op::Jump(0));
            }
            let end = code.len();
            for at in ends {
                code[at] = Op::Jump(end);
            }
            code[dispatch] = Op::Bands(targets);
        }
        CExprKind::Best(slot, arg) => {
            compile(arg, code);
            code.push(Op::Best(*slot));
        }
    }
}

fn number(v: Value) -> Option<Decimal> {
    match v {
        Value::Number(n) => Some(n),
        _ => None,
    }
}

impl Evaluator<'_> {
    /// The current node's score by its compiled formula, when the common case holds; `None`
    /// to score it with the tree walker (which then finds and reports what is wrong).
    pub(super) fn compiled_formula(&mut self) -> Option<Decimal> {
        if self.trace.is_some() {
            return None;
        }
        let program = self.programs?.of(self.node)?;
        let rs = self.ruleset;
        if program
            .inputs
            .iter()
            .any(|&s| self.unit.values[s].is_none() && rs.inputs[s].default.is_none())
        {
            return None;
        }
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        let raw = self.run(program, &mut stack);
        self.stack = stack;
        let node = &rs.nodes[self.node];
        let raw = number(raw?)?;
        let score = node.rounding.score.map_or(raw, |r| r.apply(raw));
        let max = self.unit_max.unwrap_or(node.max);
        (score >= Decimal::ZERO && score <= max).then_some(score)
    }

    fn run(&self, program: &Program, stack: &mut Vec<Value>) -> Option<Value> {
        let rs = self.ruleset;
        let node = &rs.nodes[self.node];
        let mut pc = 0;
        while let Some(op) = program.code.get(pc) {
            pc += 1;
            match op {
                Op::Const(v) => stack.push(v.clone()),
                Op::Input(slot) => {
                    let value = self.unit.values[*slot]
                        .as_ref()
                        .or(rs.inputs[*slot].default.as_ref())?;
                    stack.push(value.clone());
                }
                Op::SelfMax => stack.push(Value::Number(self.unit_max.unwrap_or(node.max))),
                Op::Awarded => stack.push(Value::Number(self.unit.points[self.node]?)),
                Op::Neg => {
                    let x = number(stack.pop()?)?;
                    stack.push(Value::Number(-x));
                }
                Op::Not => {
                    let v = match stack.pop()? {
                        Value::Bool(b) => Value::Bool(!b),
                        other => other,
                    };
                    stack.push(v);
                }
                Op::Arith(op) => {
                    let y = number(stack.pop()?)?;
                    let x = number(stack.pop()?)?;
                    let r = match op {
                        ArithOp::Add => x.checked_add(y),
                        ArithOp::Sub => x.checked_sub(y),
                        ArithOp::Mul => x.checked_mul(y),
                        ArithOp::Div if y.is_zero() => None,
                        ArithOp::Div => x.checked_div(y),
                    }?;
                    stack.push(Value::Number(r));
                }
                Op::Logic(op) => {
                    let y = matches!(stack.pop()?, Value::Bool(true));
                    let x = matches!(stack.pop()?, Value::Bool(true));
                    stack.push(Value::Bool(match op {
                        LogicOp::And => x && y,
                        LogicOp::Or => x || y,
                    }));
                }
                Op::Compare(op) => {
                    let y = stack.pop()?;
                    let x = stack.pop()?;
                    let ordering = match (&x, &y) {
                        (Value::Number(p), Value::Number(q)) => p.cmp(q),
                        (Value::Date(p), Value::Date(q)) => p.cmp(q),
                        (Value::Level(p), Value::Level(q)) => p.cmp(q),
                        (Value::Bool(p), Value::Bool(q)) => p.cmp(q),
                        _ => std::cmp::Ordering::Equal,
                    };
                    stack.push(Value::Bool(match op {
                        CmpOp::Lt => ordering.is_lt(),
                        CmpOp::Le => ordering.is_le(),
                        CmpOp::Gt => ordering.is_gt(),
                        CmpOp::Ge => ordering.is_ge(),
                        CmpOp::Eq => ordering.is_eq(),
                        CmpOp::Ne => ordering.is_ne(),
                    }));
                }
                Op::JumpUnless(target) => {
                    if !matches!(stack.pop()?, Value::Bool(true)) {
                        pc = *target;
                    }
                }
                Op::Jump(target) => pc = *target,
                Op::Call(func, arity) => {
                    let from = stack.len().checked_sub(*arity)?;
                    let mut few = [Decimal::ZERO; 4];
                    if *arity > few.len() {
                        return None; // no built-in takes more; the tree walker would
                    }
                    for (to, v) in few.iter_mut().zip(stack.drain(from..)) {
                        *to = number(v)?;
                    }
                    let v = &few[..*arity];
                    let result = match func.row().eval {
                        Evaluation::Ratio => {
                            let (part, whole) = (v[0], v[1]);
                            if whole.is_zero() {
                                match node.zero_action.unwrap_or(ZeroAction::Error) {
                                    ZeroAction::Zero => Decimal::ZERO,
                                    ZeroAction::NotEvaluated | ZeroAction::Error => return None,
                                }
                            } else if part < Decimal::ZERO || whole < Decimal::ZERO || part > whole
                            {
                                return None;
                            } else {
                                let ratio = part.checked_div(whole)?;
                                node.rounding.ratio.map_or(ratio, |r| r.apply(ratio))
                            }
                        }
                        Evaluation::Pure(f) => f(v).ok()?,
                        Evaluation::BatchBest => v[0],
                    };
                    stack.push(Value::Number(result));
                }
                Op::Bands(arms) => {
                    let v = number(stack.pop()?)?;
                    let (_, target) = arms
                        .iter()
                        .find(|(interval, _)| interval.is_none_or(|iv| iv.contains(v)))?;
                    pc = *target;
                }
                Op::Best(slot) => {
                    let own = number(stack.pop()?)?;
                    let best = self.best.get(*slot).copied().flatten().unwrap_or(own);
                    stack.push(Value::Number(best));
                }
            }
        }
        stack.pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::UnitData;
    use crate::eval::{best_values, evaluate_compiled, evaluate_with_best};
    use crate::model::InputType;
    use chrono::NaiveDate;

    /// Every bundled ruleset (rulesets/**/*.chiso).
    const RULESETS: [(&str, &str); 4] = [
        (
            "dien-bien/huyen-2024",
            include_str!("../../rulesets/dien-bien/huyen-2024.chiso"),
        ),
        (
            "dien-bien/so-2024",
            include_str!("../../rulesets/dien-bien/so-2024.chiso"),
        ),
        (
            "kon-tum/huyen-2022",
            include_str!("../../rulesets/kon-tum/huyen-2022.chiso"),
        ),
        (
            "kon-tum/huyen-2023-trich",
            include_str!("../../rulesets/kon-tum/huyen-2023-trich.chiso"),
        ),
    ];

    /// xorshift64: the same units on every run.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    /// A unit with every kind of figure: inputs left out (1 in 10), zeros (1 in 5: zero
    /// denominators), small counts (a numerator above its denominator now and then),
    /// percentages, yes/no, levels, dates; points awarded (some missing, some not evaluated).
    fn unit(rs: &Ruleset, rng: &mut Rng, i: usize) -> UnitData {
        let mut data = UnitData::empty(rs, format!("U{i}"));
        for (slot, input) in rs.inputs.iter().enumerate() {
            if rng.below(10) == 0 {
                continue;
            }
            let zero = rng.below(5) == 0;
            let n = if zero { 0 } else { rng.below(60) };
            data.values[slot] = Some(match &input.ty {
                InputType::Count | InputType::Decimal | InputType::Points => {
                    Value::Number(Decimal::from(n))
                }
                InputType::Percent => Value::Number(Decimal::new(n as i64 % 101, 2)),
                InputType::YesNo => Value::Bool(n % 2 == 0),
                InputType::Date => Value::Date(
                    NaiveDate::from_ymd_opt(2024, 1 + (n % 12) as u32, 1 + (n % 28) as u32)
                        .unwrap(),
                ),
                InputType::Levels(levels) => Value::Level(n as usize % levels.len().max(1)),
            });
        }
        for (index, node) in rs.nodes.iter().enumerate() {
            if node.takes_points() && rng.below(8) != 0 {
                let quarters = (node.max * Decimal::from(4)).trunc();
                let q = rng.below(quarters.try_into().unwrap_or(0u64) + 1);
                data.points[index] = Some(Decimal::from(q) / Decimal::from(4));
            }
            if rng.below(40) == 0 {
                data.not_evaluated[index] = Some("không phát sinh".into());
            }
        }
        data
    }

    #[test]
    fn compiled_formulas_score_every_bundled_ruleset_as_the_tree_walker() {
        for (name, text) in RULESETS {
            let analysis = crate::analyze(text);
            assert!(!analysis.has_errors(), "{name}: {:?}", analysis.diagnostics);
            let rs = &analysis.ruleset;
            let programs = Programs::new(rs);
            let mut rng = Rng(0x2545_f491_4f6c_dd1d);
            let mut units: Vec<UnitData> = (0..300).map(|i| unit(rs, &mut rng, i)).collect();
            // And the two extremes: nothing given, and every figure zero.
            units.push(UnitData::empty(rs, "empty"));
            let mut zeros = UnitData::empty(rs, "zeros");
            for (slot, input) in rs.inputs.iter().enumerate() {
                if matches!(
                    input.ty,
                    InputType::Count | InputType::Decimal | InputType::Points | InputType::Percent
                ) {
                    zeros.values[slot] = Some(Value::Number(Decimal::ZERO));
                }
            }
            units.push(zeros);
            let best = best_values(rs, &units);
            let (mut compiled, mut formulas) = (0, 0);
            for data in &units {
                let tree = evaluate_with_best(rs, data, &best);
                let flat = evaluate_compiled(rs, &programs, data, &best);
                assert_eq!(
                    format!("{:?}", flat.result),
                    format!("{:?}", tree.result),
                    "{name}: {}",
                    data.unit
                );
                assert_eq!(
                    format!("{:?}", flat.diagnostics),
                    format!("{:?}", tree.diagnostics),
                    "{name}: {}",
                    data.unit
                );
                // How many formulas the compiled path scores by itself (not vacuous: random
                // figures put many numerators above their denominators, which it leaves to
                // the tree walker; about 40 % run compiled).
                for (index, node) in rs.nodes.iter().enumerate() {
                    if let Some(Rule::Formula(_)) = node.rule {
                        formulas += 1;
                        let mut ev = Evaluator::new(rs, data, &best);
                        ev.programs = Some(&programs);
                        ev.node = index;
                        compiled += usize::from(ev.compiled_formula().is_some());
                    }
                }
            }
            assert!(
                formulas == 0 || compiled * 4 > formulas,
                "{name}: only {compiled} of {formulas} formulas ran compiled"
            );
        }
    }
}
