//! The checked ruleset: what the evaluator runs. Built only by `check`, so every name is
//! resolved, every type is right and every sum adds up (or the checker said otherwise).

use crate::diagnostic::Span;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::syntax::vocab::{
    CountKind, RoundMode, RoundTarget, SourceKind, UnitLevel, ZeroAction,
};

/// A declared rounding: to how many places, in which mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub places: u32,
    pub mode: RoundMode,
}

impl Rounding {
    pub fn apply(self, value: Decimal) -> Decimal {
        value.round_dp_with_strategy(self.places, self.mode.strategy())
    }

    pub fn describe(self) -> String {
        format!("{} places, {}", self.places, self.mode.as_str())
    }
}

/// Which roundings are in force at one node (the ruleset's, overridden by the node's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoundingPolicy {
    pub ratio: Option<Rounding>,
    pub score: Option<Rounding>,
    pub total: Option<Rounding>,
    pub percent: Option<Rounding>,
}

/// The percentage rounding of a ruleset that declares none: 2 places, half away from zero,
/// as the PAR index publishes percentages (see docs/language.md, "Roundings").
pub const DEFAULT_PERCENT_ROUNDING: Rounding = Rounding {
    places: 2,
    mode: RoundMode::HalfUp,
};

impl RoundingPolicy {
    /// Rounds a percentage (0–100): the declared `rounding percent`, else
    /// [`DEFAULT_PERCENT_ROUNDING`]. The one rule for a unit's percentage, an area's
    /// sub-index and a stage's percentage alike.
    pub fn percent(&self, value: Decimal) -> Decimal {
        self.percent_rounding().apply(value)
    }

    /// The rounding [`RoundingPolicy::percent`] applies.
    pub fn percent_rounding(&self) -> Rounding {
        self.percent.unwrap_or(DEFAULT_PERCENT_ROUNDING)
    }

    /// The rounding declared for `target`, if any.
    pub fn get(&self, target: RoundTarget) -> Option<Rounding> {
        match target {
            RoundTarget::Ratio => self.ratio,
            RoundTarget::Score => self.score,
            RoundTarget::Total => self.total,
            RoundTarget::Percent => self.percent,
        }
    }

    pub fn set(&mut self, target: RoundTarget, rounding: Rounding) {
        match target {
            RoundTarget::Ratio => self.ratio = Some(rounding),
            RoundTarget::Score => self.score = Some(rounding),
            RoundTarget::Total => self.total = Some(rounding),
            RoundTarget::Percent => self.percent = Some(rounding),
        }
    }
}

/// A grade band over the percentage (0–100), half-open as decrees write them.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeBand {
    pub name: String,
    pub interval: NumInterval,
    pub span: Span,
}

/// A numeric interval with optional, inclusive or exclusive bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumInterval {
    pub lower: Option<(Decimal, bool)>,
    pub upper: Option<(Decimal, bool)>,
}

impl NumInterval {
    pub fn contains(&self, value: Decimal) -> bool {
        let above = match self.lower {
            None => true,
            Some((bound, true)) => value >= bound,
            Some((bound, false)) => value > bound,
        };
        let below = match self.upper {
            None => true,
            Some((bound, true)) => value <= bound,
            Some((bound, false)) => value < bound,
        };
        above && below
    }

    /// "from 80 below 90", for explanations.
    pub fn describe(&self) -> String {
        let fmt = crate::text::format_decimal;
        match (self.lower, self.upper) {
            (Some((l, true)), Some((u, true))) if l == u => format!("= {}", fmt(l)),
            (None, None) => "any value".to_string(),
            (lower, upper) => {
                let mut parts = Vec::new();
                if let Some((l, inc)) = lower {
                    parts.push(format!("{} {}", if inc { "≥" } else { ">" }, fmt(l)));
                }
                if let Some((u, inc)) = upper {
                    parts.push(format!("{} {}", if inc { "≤" } else { "<" }, fmt(u)));
                }
                parts.join(" and ")
            }
        }
    }
}

/// The type of a declared input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputType {
    /// số lượng: a whole number ≥ 0
    Count,
    /// số: a decimal ≥ 0
    Decimal,
    /// phần trăm: written 0–100 (or "57,89%"), held as a fraction 0–1
    Percent,
    /// có/không
    YesNo,
    /// ngày
    Date,
    /// điểm: points ≥ 0 given by the council or a survey
    Points,
    /// mức: one of a closed set of named levels
    Levels(Vec<String>),
}

impl InputType {
    pub fn describe(&self) -> String {
        match self {
            InputType::Count => "count".into(),
            InputType::Decimal => "decimal".into(),
            InputType::Percent => "percent".into(),
            InputType::YesNo => "yes/no".into(),
            InputType::Date => "date".into(),
            InputType::Points => "points".into(),
            InputType::Levels(levels) => format!("levels({})", levels.join(", ")),
        }
    }
}

/// A runtime value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Number(Decimal),
    Bool(bool),
    Date(NaiveDate),
    /// index into the input's level list
    Level(usize),
    Str(String),
}

impl Value {
    pub fn describe(&self, ty: Option<&InputType>) -> String {
        match (self, ty) {
            (Value::Number(n), Some(InputType::Percent)) => {
                format!(
                    "{}%",
                    crate::text::format_decimal(*n * Decimal::ONE_HUNDRED)
                )
            }
            (Value::Number(n), _) => crate::text::format_decimal(*n),
            (Value::Bool(true), _) => "yes".into(),
            (Value::Bool(false), _) => "no".into(),
            (Value::Date(d), _) => d.format("%d/%m/%Y").to_string(),
            (Value::Level(i), Some(InputType::Levels(names))) => {
                names.get(*i).cloned().unwrap_or_default()
            }
            (Value::Level(i), _) => format!("level #{i}"),
            (Value::Str(s), _) => format!("\"{s}\""),
        }
    }
}

/// A declared input (đầu vào), addressed by its slot index.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub name: String,
    /// [`crate::text::name_key`] of the name, for lookups.
    pub key: String,
    pub ty: InputType,
    pub description: Option<String>,
    /// đơn vị chủ trì
    pub owner: Option<String>,
    pub default: Option<Value>,
    pub span: Span,
    pub name_span: Span,
}

/// A checked expression: names resolved to slots, functions resolved, types known.
#[derive(Debug, Clone, PartialEq)]
pub struct CExpr {
    pub kind: CExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CExprKind {
    Const(Value),
    Input(usize),
    SelfMax,
    Awarded,
    Neg(Box<CExpr>),
    Not(Box<CExpr>),
    Arith(ArithOp, Box<CExpr>, Box<CExpr>),
    Logic(LogicOp, Box<CExpr>, Box<CExpr>),
    Compare(crate::syntax::ast::CmpOp, Box<CExpr>, Box<CExpr>),
    If(Box<CExpr>, Box<CExpr>, Box<CExpr>),
    Call(Func, Vec<CExpr>),
    Bands(Box<CExpr>, Vec<CBandArm>),
    /// `best(x)`: the highest value of `x` among the units scored together; the index names
    /// the slot the batch pass fills.
    Best(usize, Box<CExpr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogicOp {
    And,
    Or,
}

pub use crate::builtins::Func;

/// Whether `name` is `best` / `cao_nhất` (see [`crate::builtins`]).
pub fn is_best(name: &str) -> bool {
    Func::lookup(name) == Some(Func::Best)
}

#[derive(Debug, Clone, PartialEq)]
pub struct CBandArm {
    /// `None` for `otherwise`.
    pub interval: Option<NumInterval>,
    pub value: CExpr,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeLevel {
    /// lĩnh vực
    Area,
    /// tiêu chí (TC)
    Criterion,
    /// tiêu chí thành phần (TCTP), at any depth below a criterion
    Subcriterion,
}

impl NodeLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeLevel::Area => "area",
            NodeLevel::Criterion => "criterion",
            NodeLevel::Subcriterion => "sub-criterion",
        }
    }
}

/// How a leaf gets its points.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Formula(CExpr),
    /// No rule written: the council awards the points (or the survey gives them).
    Awarded,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NotEvaluatedClause {
    pub condition: Option<CExpr>,
    pub reason: String,
    pub span: Span,
}

/// An area, criterion or sub-criterion of the checked tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub level: NodeLevel,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Declared maximum, or the children's sum when not declared.
    pub max: Decimal,
    pub owner: Option<String>,
    /// Inherited from the nearest ancestor that declares one; self-assessment by default.
    pub source: SourceKind,
    pub bonus: bool,
    pub notes: Vec<String>,
    /// Where the decree states it (phụ lục, dòng, điều).
    pub references: Vec<String>,
    pub not_evaluated: Option<NotEvaluatedClause>,
    /// The not-evaluated condition's text as written, for explanations and hovers.
    pub not_evaluated_text: Option<String>,
    pub zero_action: Option<ZeroAction>,
    pub rounding: RoundingPolicy,
    /// `None` for a parent that sums its children.
    pub rule: Option<Rule>,
    /// The rule's text as written, for explanations.
    pub rule_text: Option<String>,
    pub span: Span,
    pub id_span: Span,
}

impl Node {
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// Whether the council's (or a survey's) points for this node are used.
    pub fn takes_points(&self) -> bool {
        match &self.rule {
            Some(Rule::Awarded) => true,
            Some(Rule::Formula(expr)) => expr.mentions_awarded(),
            None => false,
        }
    }
}

impl CExpr {
    /// Calls `f` on each direct sub-expression: the one walk every analysis of a rule uses.
    pub fn for_each_child<'a>(&'a self, f: &mut dyn FnMut(&'a CExpr)) {
        match &self.kind {
            CExprKind::Const(_) | CExprKind::Input(_) | CExprKind::SelfMax | CExprKind::Awarded => {
            }
            CExprKind::Neg(e) | CExprKind::Not(e) | CExprKind::Best(_, e) => f(e),
            CExprKind::Arith(_, a, b) | CExprKind::Logic(_, a, b) | CExprKind::Compare(_, a, b) => {
                f(a);
                f(b);
            }
            CExprKind::If(a, b, c) => {
                f(a);
                f(b);
                f(c);
            }
            CExprKind::Call(_, args) => args.iter().for_each(f),
            CExprKind::Bands(s, arms) => {
                f(s);
                arms.iter().for_each(|a| f(&a.value));
            }
        }
    }

    pub fn mentions_awarded(&self) -> bool {
        if let CExprKind::Awarded = self.kind {
            return true;
        }
        let mut found = false;
        self.for_each_child(&mut |child| found |= child.mentions_awarded());
        found
    }
}

/// Ruleset header facts.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    pub title: String,
    pub issuer: Option<String>,
    pub decree: Option<String>,
    pub decree_date: Option<NaiveDate>,
    pub year: Option<u32>,
    pub level: Option<UnitLevel>,
    pub total: Option<Decimal>,
    pub grades: Vec<GradeBand>,
    pub percent_from_rounded_total: bool,
}

/// A checked ruleset: the tree in pre-order (parents before children), inputs by slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Ruleset {
    pub meta: Meta,
    pub inputs: Vec<Input>,
    pub nodes: Vec<Node>,
    pub roots: Vec<usize>,
    pub rounding: RoundingPolicy,
    /// How many `best(…)` slots the batch pass fills.
    pub best_slots: usize,
    pub tests: Vec<TestCase>,
    /// Node index by id, and input slot by name key: lookups for data files of large batches.
    pub node_ids: std::collections::HashMap<String, usize>,
    pub input_keys: std::collections::HashMap<String, usize>,
}

impl Ruleset {
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.node_ids.get(id).copied()
    }

    pub fn input_index(&self, name: &str) -> Option<usize> {
        self.input_keys
            .get(name)
            .or_else(|| self.input_keys.get(&crate::text::name_key(name)))
            .copied()
    }

    /// "1 › 1.2 › 1.2.3"
    pub fn path(&self, index: usize) -> Vec<usize> {
        let mut path = vec![index];
        let mut current = index;
        while let Some(parent) = self.nodes[current].parent {
            path.push(parent);
            current = parent;
        }
        path.reverse();
        path
    }

    pub fn grade_for(&self, percent: Decimal) -> Option<&GradeBand> {
        self.meta
            .grades
            .iter()
            .find(|g| g.interval.contains(percent))
    }
}

/// A `test` block of the ruleset, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct TestCase {
    pub name: String,
    pub span: Span,
    pub inputs: Vec<(usize, Value)>,
    pub points: Vec<(usize, Decimal)>,
    pub not_evaluated: Vec<(usize, String)>,
    pub expectations: Vec<(Expectation, Span)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expectation {
    Score(usize, Decimal),
    NotEvaluated(usize),
    Percent(Decimal),
    Grade(String),
    Achieved(Decimal),
    Max(Decimal),
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn one_percentage_rounding_declared_or_two_places_half_up() {
        let undeclared = RoundingPolicy::default();
        assert_eq!(undeclared.percent(dec!(66.666666)), dec!(66.67));
        assert_eq!(undeclared.percent(dec!(89.995)), dec!(90.00));
        assert_eq!(undeclared.percent(dec!(75)), dec!(75));
        let mut declared = RoundingPolicy::default();
        declared.set(
            RoundTarget::Percent,
            Rounding {
                places: 1,
                mode: RoundMode::HalfUp,
            },
        );
        assert_eq!(declared.percent(dec!(66.66)), dec!(66.7));
        assert_eq!(declared.percent_rounding().places, 1);
    }
}
