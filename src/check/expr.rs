//! Expressions: names resolved to input slots, functions resolved, types checked, and the
//! range of values each can take (for "can exceed its maximum" and band coverage).

use super::intervals::{self, Domain};
use super::References;
use crate::builtins::{Evaluation, Requires, BUILTINS};
use crate::diagnostic::{Diagnostic, Span};
use crate::message::Message;
use crate::model::*;
use crate::msg;
use crate::syntax::ast::{self, BinOp, CmpOp, Expr, ExprKind};
use crate::text::{did_you_mean, name_key};
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The type of an expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    Number,
    Bool,
    Date,
    /// a level of the input in this slot
    Level(usize),
    Str,
    /// already reported: suppresses follow-on errors
    Error,
}

impl Ty {
    fn name(&self, inputs: &[Input]) -> Message {
        match self {
            Ty::Level(slot) => msg!("ty-level-of", name = inputs[*slot].name.as_str()),
            other => super::describe_ty(other),
        }
    }
}

/// Values an expression can take. `None` bounds are unbounded; `known == false` means the
/// analysis could not tell (then nothing is claimed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueRange {
    /// The lowest value, if bounded below.
    pub lo: Option<Decimal>,
    /// The highest value, if bounded above.
    pub hi: Option<Decimal>,
    /// Whether every value is a whole number.
    pub integer: bool,
    /// Whether the analysis could tell anything at all.
    pub known: bool,
}

impl ValueRange {
    /// Nothing is known.
    pub const UNKNOWN: ValueRange = ValueRange {
        lo: None,
        hi: None,
        integer: false,
        known: false,
    };

    /// Exactly `v`.
    pub fn exact(v: Decimal) -> Self {
        ValueRange {
            lo: Some(v),
            hi: Some(v),
            integer: v.fract().is_zero(),
            known: true,
        }
    }

    /// From `lo` to `hi` (unbounded above when `None`).
    pub fn between(lo: Decimal, hi: Option<Decimal>) -> Self {
        ValueRange {
            lo: Some(lo),
            hi,
            integer: false,
            known: true,
        }
    }

    fn union(a: Self, b: Self) -> Self {
        ValueRange {
            lo: a.lo.zip(b.lo).map(|(x, y)| x.min(y)),
            hi: a.hi.zip(b.hi).map(|(x, y)| x.max(y)),
            integer: a.integer && b.integer,
            known: a.known && b.known,
        }
    }

    fn nonneg(&self) -> bool {
        self.lo.is_some_and(|l| l >= Decimal::ZERO)
    }

    /// The range as a domain for band coverage.
    pub(crate) fn domain(&self) -> Domain {
        Domain {
            interval: NumInterval {
                lower: self.lo.map(|l| (l, true)),
                upper: self.hi.map(|h| (h, true)),
            },
            integer: self.integer,
        }
    }
}

fn add(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_add(b?)
}

fn sub(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    a?.checked_sub(b?)
}

/// Product of two bounds of non-negative ranges; `None` is +∞ unless the other side is 0.
fn mul_hi(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(x), Some(y)) => x.checked_mul(y),
        (Some(z), None) | (None, Some(z)) if z.is_zero() => Some(Decimal::ZERO),
        _ => None,
    }
}

/// What an expression is checked in.
pub struct ExprContext<'a> {
    pub inputs: &'a [Input],
    pub input_keys: &'a HashMap<String, usize>,
    /// Inputs by the exact text of their declaration: most uses are written the same way,
    /// and this spares them the normalisation of `name_key`.
    pub input_names: &'a HashMap<String, usize>,
    /// The node's maximum, for `max` / `tối đa`.
    pub node_max: Decimal,
    /// The node whose rule or condition this is; `None` for a bonus or penalty item.
    pub node_index: Option<usize>,
    /// How messages name the node (its id) or the item (`điểm thưởng T1` / `bonus T1`, in the
    /// reader's language).
    pub node_id: crate::message::Message,
    /// Whether `ratio()` has a zero-denominator policy here.
    pub has_zero_policy: bool,
    pub best_slots: &'a mut usize,
    pub references: &'a mut References,
    pub used_inputs: &'a mut [bool],
    pub diagnostics: &'a mut Vec<Diagnostic>,
    /// Set while a bare name stands where a yes/no is wanted (`nếu đã_ban_hành thì …`): an
    /// undeclared one is then suggested as a yes/no input, not a count.
    pub bare_condition: bool,
}

pub struct Compiled {
    pub expr: CExpr,
    pub ty: Ty,
    pub range: ValueRange,
}

impl ExprContext<'_> {
    pub fn compile(&mut self, expr: &Expr) -> Compiled {
        let span = expr.span.clone();
        let (kind, ty, range) = match &expr.kind {
            ExprKind::Number(n) => {
                let v = n.as_fraction();
                (
                    CExprKind::Const(Value::Number(v)),
                    Ty::Number,
                    ValueRange::exact(v),
                )
            }
            ExprKind::Bool(b) => (
                CExprKind::Const(Value::Bool(*b)),
                Ty::Bool,
                ValueRange::UNKNOWN,
            ),
            ExprKind::Date(d) => (
                CExprKind::Const(Value::Date(*d)),
                Ty::Date,
                ValueRange::UNKNOWN,
            ),
            ExprKind::Str(s) => (
                CExprKind::Const(Value::Str(s.clone())),
                Ty::Str,
                ValueRange::UNKNOWN,
            ),
            ExprKind::SelfMax => (
                CExprKind::SelfMax,
                Ty::Number,
                ValueRange::exact(self.node_max),
            ),
            ExprKind::Awarded => (
                CExprKind::Awarded,
                Ty::Number,
                ValueRange::between(Decimal::ZERO, Some(self.node_max)),
            ),
            ExprKind::Name(name) => return self.name(name, span),
            ExprKind::Neg(inner) => {
                let c = self.compile(inner);
                self.expect(&c, Ty::Number, "e009-minus-numbers");
                let range = ValueRange {
                    lo: c.range.hi.map(|h| -h),
                    hi: c.range.lo.map(|l| -l),
                    ..c.range
                };
                (CExprKind::Neg(Box::new(c.expr)), Ty::Number, range)
            }
            ExprKind::Not(inner) => {
                let c = self.compile_condition(inner);
                self.expect(&c, Ty::Bool, "e009-not-bool");
                (
                    CExprKind::Not(Box::new(c.expr)),
                    Ty::Bool,
                    ValueRange::UNKNOWN,
                )
            }
            ExprKind::Binary { op, lhs, rhs } => {
                let logic = matches!(op, BinOp::And | BinOp::Or);
                let (l, r) = if logic {
                    (self.compile_condition(lhs), self.compile_condition(rhs))
                } else {
                    (self.compile(lhs), self.compile(rhs))
                };
                match op {
                    BinOp::And | BinOp::Or => {
                        self.expect(&l, Ty::Bool, "e009-and-or-bool");
                        self.expect(&r, Ty::Bool, "e009-and-or-bool");
                        let op = if *op == BinOp::And {
                            LogicOp::And
                        } else {
                            LogicOp::Or
                        };
                        (
                            CExprKind::Logic(op, Box::new(l.expr), Box::new(r.expr)),
                            Ty::Bool,
                            ValueRange::UNKNOWN,
                        )
                    }
                    _ => {
                        let what = "e009-arithmetic-numbers";
                        self.expect(&l, Ty::Number, what);
                        self.expect(&r, Ty::Number, what);
                        let (arith, range) = arith_range(*op, l.range, r.range);
                        (
                            CExprKind::Arith(arith, Box::new(l.expr), Box::new(r.expr)),
                            Ty::Number,
                            range,
                        )
                    }
                }
            }
            ExprKind::Compare { op, lhs, rhs } => return self.compare(*op, lhs, rhs, span),
            ExprKind::If {
                cond,
                then,
                otherwise,
            } => {
                let c = self.compile_condition(cond);
                self.expect(&c, Ty::Bool, "e009-condition-bool");
                let t = self.compile(then);
                let e = self.compile(otherwise);
                let ty = if t.ty == Ty::Error {
                    e.ty.clone()
                } else {
                    t.ty.clone()
                };
                if t.ty != e.ty && t.ty != Ty::Error && e.ty != Ty::Error {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E009",
                            e.expr.span.clone(),
                            msg!(
                                "e009-branches-differ",
                                then = t.ty.name(self.inputs),
                                otherwise = e.ty.name(self.inputs)
                            ),
                        )
                        .with_label(t.expr.span.clone(), msg!("e009-this-branch")),
                    );
                }
                let range = ValueRange::union(t.range, e.range);
                (
                    CExprKind::If(Box::new(c.expr), Box::new(t.expr), Box::new(e.expr)),
                    ty,
                    range,
                )
            }
            ExprKind::Call { name, args } => return self.call(name, args, span),
            ExprKind::Bands { subject, arms } => return self.bands(subject, arms, span),
        };
        Compiled {
            expr: CExpr { kind, span },
            ty,
            range,
        }
    }

    fn error(span: Span) -> Compiled {
        Compiled {
            expr: CExpr {
                kind: CExprKind::Const(Value::Number(Decimal::ZERO)),
                span,
            },
            ty: Ty::Error,
            range: ValueRange::UNKNOWN,
        }
    }

    /// `what` is the catalogue id of the rule broken ("arithmetic needs numbers").
    fn expect(&mut self, c: &Compiled, ty: Ty, what: &'static str) {
        if c.ty != ty && c.ty != Ty::Error {
            self.diagnostics.push(
                Diagnostic::error(
                    "E009",
                    c.expr.span.clone(),
                    msg!(
                        "e009-type-mismatch",
                        expected = ty.name(self.inputs),
                        found = c.ty.name(self.inputs)
                    ),
                )
                .with_help(Message::new(what)),
            );
        }
    }

    /// Compiles an expression that must be a yes/no (a condition, an operand of `and`/`or`/
    /// `not`).
    pub fn compile_condition(&mut self, e: &Expr) -> Compiled {
        let bare = matches!(e.kind, ExprKind::Name(_));
        let before = std::mem::replace(&mut self.bare_condition, bare);
        let c = self.compile(e);
        self.bare_condition = before;
        c
    }

    fn name(&mut self, name: &str, span: Span) -> Compiled {
        let slot = self
            .input_names
            .get(name)
            .or_else(|| self.input_keys.get(&name_key(name)));
        let Some(&slot) = slot else {
            let suggestion = did_you_mean(name, self.inputs.iter().map(|i| i.name.as_str()));
            let mut d = Diagnostic::error(
                "E008",
                span.clone(),
                msg!("e008-unknown-input", name = name),
            )
            .with_span_label(msg!("e008-not-declared"));
            d = match suggestion {
                Some(s) => d.with_help(msg!("did-you-mean", name = s)).with_fix(
                    msg!("replace-with", name = s),
                    span.clone(),
                    s,
                ),
                None if self.bare_condition => {
                    d.with_help(msg!("e008-declare-it-yesno", name = name))
                }
                None => d.with_help(msg!("e008-declare-it", name = name)),
            };
            self.diagnostics.push(d);
            self.references
                .unknown_names
                .push((name.to_string(), span.clone()));
            return Self::error(span);
        };
        self.used_inputs[slot] = true;
        self.references.inputs.push(super::InputRef {
            slot,
            span: span.clone(),
            node: self.node_index,
        });
        let input = &self.inputs[slot];
        let (ty, range) = match &input.ty {
            InputType::Count => (
                Ty::Number,
                ValueRange {
                    integer: true,
                    ..ValueRange::between(Decimal::ZERO, None)
                },
            ),
            InputType::Decimal | InputType::Points => {
                (Ty::Number, ValueRange::between(Decimal::ZERO, None))
            }
            InputType::Percent => (
                Ty::Number,
                ValueRange::between(Decimal::ZERO, Some(Decimal::ONE)),
            ),
            InputType::YesNo => (Ty::Bool, ValueRange::UNKNOWN),
            InputType::Date => (Ty::Date, ValueRange::UNKNOWN),
            InputType::Levels(_) => (Ty::Level(slot), ValueRange::UNKNOWN),
        };
        Compiled {
            expr: CExpr {
                kind: CExprKind::Input(slot),
                span,
            },
            ty,
            range,
        }
    }

    fn compare(&mut self, op: CmpOp, lhs: &Expr, rhs: &Expr, span: Span) -> Compiled {
        let mut l = self.compile(lhs);
        let mut r = self.compile(rhs);
        // A level compared with a text: the text must be one of the levels.
        self.resolve_level(&l.ty, &mut r);
        self.resolve_level(&r.ty, &mut l);
        if l.ty != Ty::Error && r.ty != Ty::Error {
            if l.ty != r.ty {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E009",
                        span.clone(),
                        msg!(
                            "e009-cannot-compare",
                            left = l.ty.name(self.inputs),
                            right = r.ty.name(self.inputs)
                        ),
                    )
                    .with_label(l.expr.span.clone(), l.ty.name(self.inputs))
                    .with_label(r.expr.span.clone(), r.ty.name(self.inputs)),
                );
            } else if !matches!(op, CmpOp::Eq | CmpOp::Ne)
                && matches!(l.ty, Ty::Bool | Ty::Level(_) | Ty::Str)
            {
                self.diagnostics.push(Diagnostic::error(
                    "E009",
                    span.clone(),
                    msg!("e009-only-equality", ty = l.ty.name(self.inputs)),
                ));
            }
        }
        Compiled {
            expr: CExpr {
                kind: CExprKind::Compare(op, Box::new(l.expr), Box::new(r.expr)),
                span,
            },
            ty: Ty::Bool,
            range: ValueRange::UNKNOWN,
        }
    }

    fn resolve_level(&mut self, level_ty: &Ty, text_side: &mut Compiled) {
        let (Ty::Level(slot), Ty::Str) = (level_ty, &text_side.ty) else {
            return;
        };
        let CExprKind::Const(Value::Str(text)) = &text_side.expr.kind else {
            return;
        };
        let InputType::Levels(levels) = &self.inputs[*slot].ty else {
            return;
        };
        match levels.iter().position(|lv| name_key(lv) == name_key(text)) {
            Some(i) => {
                text_side.expr.kind = CExprKind::Const(Value::Level(i));
                text_side.ty = Ty::Level(*slot);
            }
            None => {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E017",
                        text_side.expr.span.clone(),
                        msg!(
                            "e017-not-a-level",
                            value = text.as_str(),
                            name = self.inputs[*slot].name.as_str()
                        ),
                    )
                    .with_help(msg!("e017-levels-are", levels = levels.join(", "))),
                );
                text_side.ty = Ty::Error;
            }
        }
    }

    fn call(&mut self, name: &ast::Spanned<String>, args: &[Expr], span: Span) -> Compiled {
        let Some(func) = Func::lookup(&name.value) else {
            let names: Vec<&str> = BUILTINS.iter().flat_map(|b| [b.en, b.vi]).collect();
            let mut d = Diagnostic::error(
                "E015",
                name.span.clone(),
                msg!("e015-unknown-function", name = name.value.as_str()),
            );
            if let Some(s) = did_you_mean(&name.value, names.iter().copied()) {
                d = d.with_help(msg!("did-you-mean", name = s));
            } else {
                let all: Vec<&str> = BUILTINS.iter().map(|b| b.en).collect();
                d = d.with_help(msg!("e015-functions", names = all.join(", ")));
            }
            self.diagnostics.push(d);
            for a in args {
                self.compile(a);
            }
            return Self::error(span);
        };
        let row = func.row();
        let compiled: Vec<Compiled> = args.iter().map(|a| self.compile(a)).collect();
        if compiled.len() != row.arity {
            let mut d = Diagnostic::error(
                "E015",
                span.clone(),
                msg!(
                    "e015-arity",
                    name = name.value.as_str(),
                    arity = row.arity,
                    found = compiled.len()
                ),
            )
            .with_help(msg!("e015-usage", signature = row.signature));
            if compiled.len() + 1 == row.arity
                && args
                    .iter()
                    .any(|a| matches!(&a.kind, ExprKind::Number(n) if !n.value.fract().is_zero()))
            {
                d = d.with_help(msg!("e015-usage-decimal-comma", signature = row.signature));
            }
            self.diagnostics.push(d);
            return Self::error(span);
        }
        for c in &compiled {
            self.expect(c, Ty::Number, "e009-functions-numbers");
        }
        let r: Vec<ValueRange> = compiled.iter().map(|c| c.range).collect();
        let range = (row.range)(&r);
        match row.requires {
            Requires::Nothing => {}
            Requires::ZeroPolicy => {
                if !self.has_zero_policy {
                    // The function as the rule writes it (`tỷ_lệ` or `ratio`).
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E014",
                            span.clone(),
                            msg!(
                                "e014-no-zero-policy",
                                function = name.value.as_str(),
                                id = self.node_id.clone()
                            ),
                        )
                        .with_help(msg!("e014-no-zero-policy-help")),
                    );
                }
            }
            Requires::WholePlaces(i) => {
                let places_ok = matches!(&compiled[i].expr.kind, CExprKind::Const(Value::Number(n)) if n.fract().is_zero() && *n >= Decimal::ZERO && *n <= Decimal::from(28));
                if !places_ok {
                    self.diagnostics.push(Diagnostic::error(
                        "E017",
                        compiled[i].expr.span.clone(),
                        msg!("e017-places", function = row.en),
                    ));
                }
            }
        }
        let mut exprs: Vec<CExpr> = compiled.into_iter().map(|c| c.expr).collect();
        let kind = match row.eval {
            Evaluation::BatchBest => {
                let slot = *self.best_slots;
                *self.best_slots += 1;
                CExprKind::Best(slot, Box::new(exprs.remove(0)))
            }
            Evaluation::Pure(_) | Evaluation::Ratio => CExprKind::Call(func, exprs),
        };
        Compiled {
            expr: CExpr { kind, span },
            ty: Ty::Number,
            range,
        }
    }

    fn bands(&mut self, subject: &Expr, arms: &[ast::BandArm], span: Span) -> Compiled {
        let s = self.compile(subject);
        self.expect(&s, Ty::Number, "e009-bands-number");
        let mut compiled_arms = Vec::new();
        let mut range: Option<ValueRange> = None;
        let mut ty = Ty::Error;
        for arm in arms {
            let value = self.compile(&arm.value);
            if ty == Ty::Error {
                ty = value.ty.clone();
            } else if value.ty != Ty::Error && value.ty != ty {
                self.diagnostics.push(Diagnostic::error(
                    "E009",
                    value.expr.span.clone(),
                    msg!("e009-band-types", ty = value.ty.name(self.inputs)),
                ));
            }
            range = Some(match range {
                None => value.range,
                Some(r) => ValueRange::union(r, value.range),
            });
            let interval = arm.bounds.as_ref().map(|b| to_num_interval(&b.value, true));
            compiled_arms.push(CBandArm {
                interval,
                value: value.expr,
                span: arm.span.clone(),
            });
        }
        if arms.is_empty() {
            self.diagnostics.push(Diagnostic::error(
                "E010",
                span.clone(),
                msg!("e010-no-arms"),
            ));
        } else if s.ty == Ty::Number {
            self.check_band_coverage(&s.range, arms, &compiled_arms);
        }
        Compiled {
            expr: CExpr {
                kind: CExprKind::Bands(Box::new(s.expr), compiled_arms),
                span,
            },
            ty: if ty == Ty::Error { Ty::Number } else { ty },
            range: range.unwrap_or(ValueRange::UNKNOWN),
        }
    }

    fn check_band_coverage(
        &mut self,
        subject: &ValueRange,
        arms: &[ast::BandArm],
        compiled: &[CBandArm],
    ) {
        let everything = NumInterval::default();
        let intervals: Vec<NumInterval> = compiled
            .iter()
            .map(|a| a.interval.unwrap_or(everything))
            .collect();
        let domain = subject.domain();
        let coverage = intervals::coverage(domain, &intervals);
        let fraction = subject.hi.is_some_and(|h| h <= Decimal::ONE) && !subject.integer;
        for gap in &coverage.gaps {
            let last = arms.last().expect("arms");
            self.diagnostics.push(
                Diagnostic::error(
                    "E010",
                    arms[0].span.start..last.span.end,
                    msg!("e010-gap", gap = intervals::describe_gap(gap, fraction)),
                )
                .with_help(msg!(
                    "e010-gap-help",
                    gap = intervals::describe_gap(gap, fraction)
                )),
            );
        }
        for &i in &coverage.unreachable {
            self.diagnostics.push(
                Diagnostic::warning("W002", arms[i].span.clone(), msg!("w002-unreachable"))
                    .with_help(msg!("w002-unreachable-help")),
            );
        }
        for &(earlier, later) in &coverage.overlaps {
            // Any value two bounded bands both match is an overlap, whether the bands are
            // closed (`from 80% to 90%`) or open-ended (`from 90% or more`): they share 90%.
            // `otherwise` matches everything by design; a band earlier ones cover entirely is
            // reported once, as unreachable (W002).
            let bounded = |i: usize| arms[i].bounds.is_some();
            if bounded(earlier) && bounded(later) && !coverage.unreachable.contains(&later) {
                self.diagnostics.push(
                    Diagnostic::error("E011", arms[later].span.clone(), msg!("e011-overlap"))
                        .with_label(arms[earlier].span.clone(), msg!("e011-overlaps-this-band"))
                        .with_help(msg!("e011-overlap-help")),
                );
            }
        }
    }
}

/// A syntax interval as numbers; in rules `90%` is 0.9 (`fractions`), in grades it is 90.
pub fn to_num_interval(iv: &ast::Interval, fractions: bool) -> NumInterval {
    let value = |n: ast::NumberLit| if fractions { n.as_fraction() } else { n.value };
    NumInterval {
        lower: iv.lower.map(|b| (value(b.value), b.inclusive)),
        upper: iv.upper.map(|b| (value(b.value), b.inclusive)),
    }
}

fn arith_range(op: BinOp, l: ValueRange, r: ValueRange) -> (ArithOp, ValueRange) {
    let known = l.known && r.known;
    match op {
        BinOp::Add => (
            ArithOp::Add,
            ValueRange {
                lo: add(l.lo, r.lo),
                hi: add(l.hi, r.hi),
                integer: l.integer && r.integer,
                known,
            },
        ),
        BinOp::Sub => (
            ArithOp::Sub,
            ValueRange {
                lo: sub(l.lo, r.hi),
                hi: sub(l.hi, r.lo),
                integer: l.integer && r.integer,
                known,
            },
        ),
        BinOp::Mul => {
            if l.nonneg() && r.nonneg() {
                (
                    ArithOp::Mul,
                    ValueRange {
                        lo: l.lo.zip(r.lo).and_then(|(a, b)| a.checked_mul(b)),
                        hi: mul_hi(l.hi, r.hi),
                        integer: l.integer && r.integer,
                        known,
                    },
                )
            } else {
                (ArithOp::Mul, ValueRange::UNKNOWN)
            }
        }
        _ => {
            let positive_divisor = r.lo.is_some_and(|x| x > Decimal::ZERO);
            if l.nonneg() && positive_divisor {
                let lo = match r.hi {
                    Some(h) => l.lo.and_then(|a| a.checked_div(h)),
                    None => Some(Decimal::ZERO),
                };
                let hi = l.hi.zip(r.lo).and_then(|(a, b)| a.checked_div(b));
                (
                    ArithOp::Div,
                    ValueRange {
                        lo,
                        hi,
                        integer: false,
                        known,
                    },
                )
            } else {
                (ArithOp::Div, ValueRange::UNKNOWN)
            }
        }
    }
}
