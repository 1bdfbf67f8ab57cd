//! The checked ruleset: what the evaluator runs. Built only by `check`, so every name is
//! resolved, every type is right and every sum adds up (or the checker said otherwise).

use crate::diagnostic::Span;
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::syntax::ast::{AdjustmentKind, GradeBasis};
pub use crate::syntax::vocab::{
    CountKind, RoundMode, RoundTarget, SourceKind, UnitLevel, ZeroAction,
};

/// A declared rounding: to how many places, in which mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    /// Decimal places kept (at most 28, `E017`).
    pub places: u32,
    /// How ties (and, for `down`/`up`, everything) are rounded.
    pub mode: RoundMode,
}

impl Rounding {
    /// Rounds `value` to `places` decimals in `mode`.
    pub fn apply(self, value: Decimal) -> Decimal {
        value.round_dp_with_strategy(self.places, self.mode.strategy())
    }

    /// "2 places, half-up", for explanations.
    pub fn describe(self) -> String {
        format!("{} places, {}", self.places, self.mode.as_str())
    }
}

/// Which roundings are in force at one node (the ruleset's, overridden by the node's).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RoundingPolicy {
    /// Applied to every `ratio(…)` result before it is used; `None`: not rounded.
    pub ratio: Option<Rounding>,
    /// Applied to a leaf's points; `None`: not rounded.
    pub score: Option<Rounding>,
    /// Applied to a parent's subtotal and the unit's total; `None`: not rounded.
    pub total: Option<Rounding>,
    /// Applied to the unit's percentage (0–100); `None`: not rounded. Header only.
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

    /// Declares (or overrides) the rounding for `target`.
    pub fn set(&mut self, target: RoundTarget, rounding: Rounding) {
        match target {
            RoundTarget::Ratio => self.ratio = Some(rounding),
            RoundTarget::Score => self.score = Some(rounding),
            RoundTarget::Total => self.total = Some(rounding),
            RoundTarget::Percent => self.percent = Some(rounding),
        }
    }
}

/// A grade band over the percentage (0–100), or over the total in points when the ruleset
/// grades on points ([`Meta::grade_basis`]), half-open as decrees write them.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeBand {
    /// The grade's name as written (`Tốt`, `Khá`, …).
    pub name: String,
    /// Bounds in points of the percentage, 0–100 (85 means 85%), or in points of the total
    /// when the ruleset grades on points.
    pub interval: NumInterval,
    /// The `grade …` declaration in the ruleset text.
    pub span: Span,
}

/// A numeric interval with optional, inclusive or exclusive bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct NumInterval {
    /// (bound, inclusive); `None`: unbounded below.
    pub lower: Option<(Decimal, bool)>,
    /// (bound, inclusive); `None`: unbounded above.
    pub upper: Option<(Decimal, bool)>,
}

impl NumInterval {
    /// Whether `value` lies within both bounds.
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

    /// [`Interval::describe`] in the reader's language: "≥ 50 and < 80", "≥ 50 và < 80"
    /// (numbers as the reader writes them).
    pub fn describe_message(&self) -> crate::message::Message {
        use crate::msg;
        match (self.lower, self.upper) {
            (Some((l, true)), Some((u, true))) if l == u => msg!("band-equal", value = l),
            (None, None) => msg!("band-any"),
            (lower, upper) => {
                let lower = lower.map(|(l, inc)| {
                    if inc {
                        msg!("band-at-least", value = l)
                    } else {
                        msg!("band-above", value = l)
                    }
                });
                let upper = upper.map(|(u, inc)| {
                    if inc {
                        msg!("band-at-most", value = u)
                    } else {
                        msg!("band-below", value = u)
                    }
                });
                match (lower, upper) {
                    (Some(l), Some(u)) => msg!("band-both", lower = l, upper = u),
                    (Some(one), None) | (None, Some(one)) => one,
                    (None, None) => msg!("band-any"),
                }
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
    /// "count", "levels(Tốt, Khá)", …, for messages and hovers.
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
    /// Every number: counts, decimals, points, and percentages as fractions (57.89% is 0.5789).
    Number(Decimal),
    /// A yes/no.
    Bool(bool),
    /// A date.
    Date(NaiveDate),
    /// A `levels` input's value: index into its [`InputType::Levels`] list.
    Level(usize),
    /// A text constant in a rule, compared with a `levels` input (never an input's value).
    Str(String),
}

impl Value {
    /// The value as a person writes it: a percent input's fraction as "57.89%", a level by its
    /// name, a date as dd/mm/yyyy. `ty` is the input's type, when the value is an input's.
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

    /// [`Value::describe`] for a person reading a message: numbers in the reader's style
    /// (`57,89%` in Vietnamese), yes/no in their language.
    pub fn describe_message(&self, ty: Option<&InputType>) -> crate::message::Message {
        use crate::msg;
        match (self, ty) {
            (Value::Number(n), Some(InputType::Percent)) => {
                msg!("gap-percent", value = *n * Decimal::ONE_HUNDRED)
            }
            (Value::Number(n), _) => msg!("gap-number", value = *n),
            (Value::Bool(true), _) => msg!("value-yes"),
            (Value::Bool(false), _) => msg!("value-no"),
            _ => crate::message::Message::plain(self.describe(ty)),
        }
    }
}

/// A declared input (đầu vào), addressed by its slot index.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    /// The name as written in the ruleset.
    pub name: String,
    /// [`crate::text::name_key`] of the name, for lookups.
    pub key: String,
    /// The declared type; data values are read by it.
    pub ty: InputType,
    /// The quoted description, when written.
    pub description: Option<String>,
    /// đơn vị chủ trì
    pub owner: Option<String>,
    /// Used when a unit's data leaves the input out; `None`: the input is then missing.
    pub default: Option<Value>,
    /// The whole declaration in the ruleset text.
    pub span: Span,
    /// The name in the declaration (for go-to-definition and rename).
    pub name_span: Span,
}

/// A checked expression: names resolved to slots, functions resolved, types known.
#[derive(Debug, Clone, PartialEq)]
pub struct CExpr {
    /// What it is.
    pub kind: CExprKind,
    /// The source expression in the ruleset text.
    pub span: Span,
}

/// The forms of [`CExpr`].
#[derive(Debug, Clone, PartialEq)]
pub enum CExprKind {
    /// A constant. An unknown name or an ill-typed expression compiles to the constant 0 (and
    /// was reported), so the model is always built.
    Const(Value),
    /// An input, by slot: index into [`Ruleset::inputs`] and [`crate::data::UnitData::values`].
    Input(usize),
    /// The node's own maximum (`max` / `tối đa`), in points.
    SelfMax,
    /// The council's points for this node (`awarded` / `hội đồng chấm`), from the unit's `[points]`.
    Awarded,
    /// Unary minus.
    Neg(Box<CExpr>),
    /// Logical not.
    Not(Box<CExpr>),
    /// An arithmetic operation on exact decimals.
    Arith(ArithOp, Box<CExpr>, Box<CExpr>),
    /// `and` / `or` on yes/no values.
    Logic(LogicOp, Box<CExpr>, Box<CExpr>),
    /// A comparison of numbers, dates or a level with a text.
    Compare(crate::syntax::ast::CmpOp, Box<CExpr>, Box<CExpr>),
    /// `if cond then a else b`, in that order.
    If(Box<CExpr>, Box<CExpr>, Box<CExpr>),
    /// A rule function with exactly [`Func::arity`] arguments.
    Call(Func, Vec<CExpr>),
    /// `bands subject { … }`: the first arm whose interval contains the subject.
    Bands(Box<CExpr>, Vec<CBandArm>),
    /// `best(x)`: the highest value of `x` among the units scored together; the index names
    /// the slot the batch pass fills.
    Best(usize, Box<CExpr>),
}

/// Arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `×`
    Mul,
    /// `÷` (exact decimal division)
    Div,
}

/// Logical operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogicOp {
    /// `and` / `và`
    And,
    /// `or` / `hoặc`
    Or,
}

pub use crate::builtins::Func;

/// Whether `name` is `best` / `cao_nhất` (see [`crate::builtins`]).
pub fn is_best(name: &str) -> bool {
    Func::lookup(name) == Some(Func::Best)
}

/// One arm of a checked `bands`.
#[derive(Debug, Clone, PartialEq)]
pub struct CBandArm {
    /// `None` for `otherwise`.
    pub interval: Option<NumInterval>,
    /// The value the arm gives.
    pub value: CExpr,
    /// The arm in the ruleset text.
    pub span: Span,
}

/// A node's level, decided by its depth in the tree, not by the keyword it was written with
/// (a mismatch is the warning `W004`).
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
    /// "area", "criterion" or "sub-criterion".
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
    /// `score = …`: computed from the unit's data.
    Formula(CExpr),
    /// No rule written: the council awards the points (or the survey gives them).
    Awarded,
}

/// `not evaluated [when …] [because "…"]` (không đánh giá): when it holds, the node and its
/// subtree leave the unit's maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct NotEvaluatedClause {
    /// A yes/no expression; `None`: never evaluated, for any unit.
    pub condition: Option<CExpr>,
    /// The `because` text, or "không đánh giá" when not written; shown in results.
    pub reason: String,
    /// The clause in the ruleset text.
    pub span: Span,
}

/// An area, criterion or sub-criterion of the checked tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The dotted id as written (`7.2.2`); unique (`E002`).
    pub id: String,
    /// The title as written.
    pub title: String,
    /// Area, criterion or sub-criterion, by depth.
    pub level: NodeLevel,
    /// Index of the parent in [`Ruleset::nodes`]; `None` for an area.
    pub parent: Option<usize>,
    /// Indices of the children in [`Ruleset::nodes`], in source order.
    pub children: Vec<usize>,
    /// điểm tối đa, in points: declared, or the children's sum when not declared. For the
    /// unit's maximum after not-evaluated parts leave it, see [`crate::eval::NodeResult::max`].
    pub max: Decimal,
    /// Its own `owner "…"` (đơn vị chủ trì), not inherited: see [`crate::batch::lost::owner_of`].
    pub owner: Option<String>,
    /// Inherited from the nearest ancestor that declares one; self-assessment by default.
    pub source: SourceKind,
    /// A bonus item (điểm thưởng): its points still count inside the total.
    pub bonus: bool,
    /// `note "…"` texts, in order.
    pub notes: Vec<String>,
    /// Where the decree states it (phụ lục, dòng, điều).
    pub references: Vec<String>,
    /// The node's own `not evaluated` clause, if written.
    pub not_evaluated: Option<NotEvaluatedClause>,
    /// The not-evaluated condition's text as written, for explanations and hovers.
    pub not_evaluated_text: Option<String>,
    /// What `ratio(a, 0)` means here: the node's own, an ancestor's or the header's; `None`
    /// when none applies (`E014` if the rule uses `ratio`).
    pub zero_action: Option<ZeroAction>,
    /// The roundings in force at this node (header's, overridden by ancestors' and its own).
    pub rounding: RoundingPolicy,
    /// `None` for a parent that sums its children.
    pub rule: Option<Rule>,
    /// The rule's text as written, for explanations.
    pub rule_text: Option<String>,
    /// The whole node in the ruleset text.
    pub span: Span,
    /// The id in the ruleset text.
    pub id_span: Span,
}

impl Node {
    /// Has no children.
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

    /// Whether `awarded` (the council's points) appears anywhere in the expression.
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
    /// `ruleset "…"`: the title.
    pub title: String,
    /// cơ quan ban hành.
    pub issuer: Option<String>,
    /// The decree's number (`723/QĐ-UBND`).
    pub decree: Option<String>,
    /// The decree's date (`ngày …`).
    pub decree_date: Option<NaiveDate>,
    /// The year scored.
    pub year: Option<u32>,
    /// The kind of unit scored.
    pub level: Option<UnitLevel>,
    /// The declared total in points (tổng điểm), checked against the areas' maxima (`E005`);
    /// scoring always uses the tree's sums. `None`: not declared.
    pub total: Option<Decimal>,
    /// Grade bands (xếp loại), in declared order.
    pub grades: Vec<GradeBand>,
    /// The stages' names, in order (`giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định
    /// lại"`): the self-assessment, then each appraisal round. Empty: the two default stages
    /// ([`crate::data::Stage`]).
    pub stages: Vec<String>,
    /// The groups of units ranked on their own (`nhóm "Khối sở"`), in declared order; a unit
    /// names its group in its data. Empty: one group, the whole batch.
    pub groups: Vec<String>,
    /// The percentage is computed from the rounded total, not the exact one.
    pub percent_from_rounded_total: bool,
    /// What the grade bands are written over: the percentage (default) or the total in
    /// points (`grade on points` / `xếp loại theo điểm`).
    pub grade_basis: GradeBasis,
    /// Caps, floor and effect on the maximum of the bonus and penalty items.
    pub adjustment_policy: AdjustmentPolicy,
    /// `zero denominator: …` of the header: the policy of a ratio in a bonus or penalty item.
    pub zero_default: Option<ZeroAction>,
    /// `display N places` / `hiển thị N chữ số`: the places reports print points with,
    /// whatever the computation rounds to; `None`: as computed.
    pub display_places: Option<u32>,
}

/// How the bonus and penalty items outside the tree ([`Adjustment`]) change a unit's total:
/// declared in the ruleset header (docs/language.md, "Bonus and penalty points").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AdjustmentPolicy {
    /// `bonus max N` / `điểm thưởng tối đa N`: the yearly cap of all bonus items together.
    pub bonus_cap: Option<Decimal>,
    /// `penalty max N` / `điểm trừ tối đa N`: the yearly cap of all penalty items together.
    pub penalty_cap: Option<Decimal>,
    /// `bonus above max` / `điểm thưởng vượt tối đa`: a bonus may lift the total above the
    /// unit's maximum; otherwise (the default) the total with its bonus stays within it.
    pub bonus_above_max: bool,
    /// `floor N` / `điểm sàn N`: penalties never take the total below it (0 by default).
    pub floor: Decimal,
}

/// A bonus or penalty item outside the criteria tree (điểm thưởng / điểm trừ, điểm phạt):
/// its points are added to (bonus) or subtracted from (penalty) the unit's total after the
/// tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Adjustment {
    /// Its id as written (`P1`).
    pub id: String,
    /// Its title as written.
    pub title: String,
    /// Bonus or penalty.
    pub kind: AdjustmentKind,
    /// `max N` / `tối đa N`: the item's yearly cap in points; `None`: not capped by itself.
    pub cap: Option<Decimal>,
    /// The points it gives or takes, a magnitude ≥ 0 (`E026` if it can be negative).
    pub rule: CExpr,
    /// The rule's text as written, for explanations.
    pub rule_text: String,
    /// The office that owns it (đơn vị chủ trì).
    pub owner: Option<String>,
    /// `note "…"` texts, in order.
    pub notes: Vec<String>,
    /// Where the decree states it.
    pub references: Vec<String>,
    /// The whole item in the ruleset text.
    pub span: Span,
    /// The id in the ruleset text.
    pub id_span: Span,
}

/// A checked ruleset: the tree in pre-order (parents before children), inputs by slot.
#[derive(Debug, Clone, PartialEq)]
pub struct Ruleset {
    /// Header facts.
    pub meta: Meta,
    /// Declared inputs; the index is the input's slot.
    pub inputs: Vec<Input>,
    /// Every node in pre-order; "node index" everywhere in the crate means an index into this.
    pub nodes: Vec<Node>,
    /// The areas' indices, in source order.
    pub roots: Vec<usize>,
    /// The header's roundings (each node holds the policy in force for it).
    pub rounding: RoundingPolicy,
    /// How many `best(…)` slots the batch pass fills ([`crate::eval::best_values`]).
    pub best_slots: usize,
    /// The ruleset's `test` blocks, checked.
    pub tests: Vec<TestCase>,
    /// Node index by id (exact text): lookups for data files of large batches.
    pub node_ids: std::collections::HashMap<String, usize>,
    /// Input slot by [`crate::text::name_key`] of its name.
    pub input_keys: std::collections::HashMap<String, usize>,
    /// Bonus and penalty items outside the tree, in file order.
    pub adjustments: Vec<Adjustment>,
    /// Who owns each input (by slot): [`crate::owners::input_offices`], found once when the
    /// ruleset is checked, since every missing input of every unit names its owners.
    pub input_owners: Vec<Vec<String>>,
}

impl Ruleset {
    /// The index in [`Ruleset::nodes`] of the node with this id (exact text, e.g. `7.2.2`).
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.node_ids.get(id).copied()
    }

    /// The slot of the input with this name, compared by [`crate::text::name_key`] (NFC, one tone
    /// placement), so `hóa`/`hoá` find the same input.
    pub fn input_index(&self, name: &str) -> Option<usize> {
        self.input_keys
            .get(name)
            .or_else(|| self.input_keys.get(&crate::text::name_key(name)))
            .copied()
    }

    /// The node indices from the area down to `index` (inclusive): "1 › 1.2 › 1.2.3".
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

    /// The first grade band containing `value`: the percentage (0–100, not a fraction), or the
    /// total in points when the ruleset grades on points ([`Ruleset::grade_value`] picks the
    /// right one); `None` when no grade is declared or none covers it.
    pub fn grade_for(&self, value: Decimal) -> Option<&GradeBand> {
        self.meta.grades.iter().find(|g| g.interval.contains(value))
    }

    /// Points as a report prints them: with the declared `display N places` (trailing zeros
    /// kept, rounded for display only), else as computed ([`crate::text::format_number`]).
    pub fn format_points(&self, value: Decimal, style: crate::text::NumberStyle) -> String {
        match self.meta.display_places {
            Some(places) => crate::text::format_fixed(value, places, style),
            None => crate::text::format_number(value, style),
        }
    }

    /// The number the grade bands are written over: `percent` (0–100), or `total` (points,
    /// after bonus and penalty points) when the ruleset grades on points. `None` when the
    /// unit has no percentage (incomplete data): it is not graded either way.
    pub fn grade_value(&self, percent: Option<Decimal>, total: Decimal) -> Option<Decimal> {
        match self.meta.grade_basis {
            GradeBasis::Percent => percent,
            GradeBasis::Points => percent.map(|_| total),
        }
    }
}

/// A `test` block of the ruleset, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct TestCase {
    /// The test's name.
    pub name: String,
    /// The `test` block in the ruleset text.
    pub span: Span,
    /// `given`: (input slot, value).
    pub inputs: Vec<(usize, Value)>,
    /// `points ID = N`: (node index, points awarded).
    pub points: Vec<(usize, Decimal)>,
    /// `not evaluated ID`: (node index, reason).
    pub not_evaluated: Vec<(usize, String)>,
    /// `expect …` statements, with their span in the ruleset text (where a failure points).
    pub expectations: Vec<(Expectation, Span)>,
}

/// One `expect` of a test.
#[derive(Debug, Clone, PartialEq)]
pub enum Expectation {
    /// The node (by index) scores exactly these points.
    Score(usize, Decimal),
    /// The node (by index) is not evaluated.
    NotEvaluated(usize),
    /// The unit's percentage, 0–100.
    Percent(Decimal),
    /// The unit's grade name.
    Grade(String),
    /// The unit's achieved points.
    Achieved(Decimal),
    /// The unit's maximum, after not-evaluated criteria leave it.
    Max(Decimal),
    /// The unit's total after bonus and penalty points ([`crate::eval::UnitResult::total`]).
    Total(Decimal),
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
