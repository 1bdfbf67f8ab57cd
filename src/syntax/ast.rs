//! The syntax tree: what the ruleset says, with byte spans into the original text.
//! Built from pest pairs in `parser.rs`; nothing from pest appears here.

use super::vocab::{CountKind, RoundMode, RoundTarget, SourceKind, UnitLevel, ZeroAction};
use crate::diagnostic::Span;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A value with the byte range it was read from in the ruleset text.
#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    /// The value, read from the original (unfolded) text.
    pub value: T,
    /// Byte range into the original ruleset text.
    pub span: Span,
}

impl<T> Spanned<T> {
    /// Pairs a value with its span.
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole ruleset file. Parts that failed to parse are absent (and reported); the rest is here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyntaxFile {
    /// Every `ruleset "…" { … }` block in file order; the checker uses the first and reports any
    /// other as `E021` (none at all is `E021` too).
    pub headers: Vec<Header>,
    /// `input` / `đầu vào` declarations in file order; the checker gives them slots in this
    /// order, skipping a second declaration of a name (`E022`).
    pub inputs: Vec<InputDecl>,
    /// Top-level nodes: the areas (lĩnh vực).
    pub nodes: Vec<NodeSyntax>,
    /// `test` / `kiểm thử` blocks in file order.
    pub tests: Vec<TestSyntax>,
    /// Bonus and penalty items outside the tree (`điểm thưởng …` / `điểm trừ …` at the top
    /// level), in file order.
    pub adjustments: Vec<AdjustmentSyntax>,
}

/// Whether an item outside the tree adds points or takes them away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AdjustmentKind {
    /// `bonus` / `điểm thưởng`: added to the unit's total.
    Bonus,
    /// `penalty` / `điểm trừ` / `điểm phạt`: subtracted from the unit's total.
    Penalty,
}

impl AdjustmentKind {
    /// "bonus" or "penalty" (JSON, messages).
    pub fn as_str(self) -> &'static str {
        match self {
            AdjustmentKind::Bonus => "bonus",
            AdjustmentKind::Penalty => "penalty",
        }
    }

    /// "điểm thưởng" or "điểm trừ" (reports).
    pub fn label(self) -> &'static str {
        match self {
            AdjustmentKind::Bonus => "điểm thưởng",
            AdjustmentKind::Penalty => "điểm trừ",
        }
    }
}

/// `điểm trừ P1 "…" tối đa 2 { điểm = … }`: a bonus or penalty item outside the criteria tree.
#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentSyntax {
    /// The whole item, keyword to closing brace.
    pub span: Span,
    /// Bonus or penalty, with the keyword's span.
    pub kind: Spanned<AdjustmentKind>,
    /// Its id as written (`P1`, `T2`), unique among the items and the tree's ids.
    pub id: Spanned<String>,
    /// The title, without quotes.
    pub title: Spanned<String>,
    /// Its statements (a `max` on its line comes first), in order.
    pub items: Vec<Spanned<AdjustmentItem>>,
    /// The `{ … }` body, when written.
    pub body: Option<Span>,
}

/// One statement of a bonus or penalty item.
#[derive(Debug, Clone, PartialEq)]
pub enum AdjustmentItem {
    /// `max N` / `tối đa N`: the item's yearly cap, in points.
    Cap(Decimal),
    /// `score = EXPR` / `điểm = …`: the points the item gives or takes (a magnitude ≥ 0).
    Rule(Expr),
    /// `owner "…"` / `chủ trì "…"`.
    Owner(String),
    /// `note "…"` / `ghi chú "…"`.
    Note(String),
    /// `ref "…"` / `căn cứ "…"`.
    Reference(String),
}

/// What grade bands are written over: `grade on points` / `xếp loại theo điểm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum GradeBasis {
    /// The unit's percentage, 0–100 (the default).
    #[default]
    Percent,
    /// The unit's total in points (after bonus and penalty points), 0–max.
    Points,
}

/// `ruleset "…" { … }` / `bộ tiêu chí "…" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    /// The whole block, keyword to closing brace (to the end of the file if never closed).
    pub span: Span,
    /// The ruleset's title, without quotes.
    pub title: Spanned<String>,
    /// Declarations in the block, in order; each span covers one declaration.
    pub items: Vec<Spanned<HeaderItem>>,
}

/// One declaration in the ruleset header. The checker reports a second declaration of the same
/// kind (same target, grade name, source, count or code) as `E023`.
#[derive(Debug, Clone, PartialEq)]
pub enum HeaderItem {
    /// `issuer "…"` / `cơ quan ban hành "…"`.
    Issuer(String),
    /// quyết định "723/QĐ-UBND" ngày 11/11/2022
    Decree {
        /// The decree's number as written, e.g. `723/QĐ-UBND`.
        number: String,
        /// `ngày dd/mm/yyyy`, when written.
        date: Option<NaiveDate>,
    },
    /// năm: the year scored.
    Year(u32),
    /// cấp: the kind of unit scored.
    Level(UnitLevel),
    /// `total N` / `tổng điểm N`: the areas' maxima must add up to it (`E005`).
    Total(Decimal),
    /// số lĩnh vực / số tiêu chí / số tiêu chí thành phần: a declared count, checked against
    /// the tree (`E006`).
    Count(CountKind, u32),
    /// tỷ trọng: the declared share of a score source, in points of the total (`E007`).
    Share(SourceKind, Decimal),
    /// `grade "…" …` / `xếp loại "…" …`: a grade band (`E016` for gaps and overlaps).
    Grade {
        /// The grade's name, e.g. `Tốt`.
        name: String,
        /// Bounds over the percentage, in points of 0–100 (`from 85` is 85, not 0.85).
        bounds: Interval,
    },
    /// làm tròn: a ruleset-wide rounding (`E017` above 28 places).
    Rounding(RoundingSyntax),
    /// `percent from rounded total` / `phần trăm theo tổng đã làm tròn`: the percentage is computed
    /// from the rounded total instead of the exact one.
    PercentFromRoundedTotal,
    /// `zero denominator: …` / `mẫu số bằng 0: …`: the default for every criterion.
    ZeroDefault(ZeroAction),
    /// `stages "…", "…"` / `giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định lại"`: the
    /// stages scored, in order (the self-assessment, then each appraisal round), each with
    /// its span.
    Stages(Vec<(String, Span)>),
    /// `group "…"` / `nhóm "Khối sở"`: a group of units ranked on its own within a batch.
    Group(String),
    /// lỗi nguồn: a contradiction of the decree's own table, kept visible as a warning
    KnownFault {
        /// The acknowledged code as written; only `E004`–`E007` are accepted.
        code: String,
        /// Why the decree's table is kept as it is; cited in the resulting warning.
        reason: String,
    },
    /// `grade on points` / `xếp loại theo điểm` (or `… percent` / `… phần trăm`).
    GradeBasis(GradeBasis),
    /// `bonus max N` / `điểm thưởng tối đa N`, `penalty max N` / `điểm trừ tối đa N`: the
    /// yearly cap of all items of that kind together.
    AdjustmentCap(AdjustmentKind, Decimal),
    /// `bonus above max` / `điểm thưởng vượt tối đa` (true), `bonus within max` / `điểm
    /// thưởng trong tối đa` (false): whether a bonus may lift the total above the maximum.
    BonusAboveMax(bool),
    /// `floor N` / `điểm sàn N`: penalties never take the total below this (0 if not written).
    Floor(Decimal),
    /// `display N places` / `hiển thị N chữ số`: the places reports print points with.
    DisplayPlaces(u32),
}

/// `rounding TARGET PLACES [MODE]` / `làm tròn …`, in the header or in a node.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundingSyntax {
    /// What is rounded.
    pub target: RoundTarget,
    /// Decimal places kept.
    pub places: u32,
    /// `None` when not written: the checker then uses [`RoundMode::HalfUp`].
    pub mode: Option<RoundMode>,
}

/// A band's interval as written. Values are as written: `90%` is 90 with `percent` set; the
/// checker decides what the unit means in context (a fraction in a rule, points of a
/// percentage in a grade).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Interval {
    /// `from X` (≥) / `above X` (>); `None`: unbounded below.
    pub lower: Option<Bound>,
    /// `to Y` (≤) / `below Y` (<); `None`: unbounded above.
    pub upper: Option<Bound>,
}

/// One end of an [`Interval`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    /// The bound as written.
    pub value: NumberLit,
    /// `from` / `to` / `= N` are inclusive; `above` / `below` are not.
    pub inclusive: bool,
}

/// A number as written: `1,5` and `1.5` both read 1.5; `90%` is 90 with `percent` set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberLit {
    /// The digits as written (not divided by 100 when `percent` is set).
    pub value: Decimal,
    /// Written with a trailing `%`.
    pub percent: bool,
}

impl NumberLit {
    /// The value as a fraction when written with `%` (90% → 0.9).
    pub fn as_fraction(self) -> Decimal {
        if self.percent {
            self.value / Decimal::ONE_HUNDRED
        } else {
            self.value
        }
    }
}

/// `input tên: count "mô tả" owner "…" default 0` / `đầu vào …`: a figure a unit supplies.
#[derive(Debug, Clone, PartialEq)]
pub struct InputDecl {
    /// The whole declaration.
    pub span: Span,
    /// The input's name as written (compared by [`crate::text::name_key`]).
    pub name: Spanned<String>,
    /// The declared type.
    pub ty: Spanned<InputTypeSyntax>,
    /// The quoted description after the type, when written.
    pub description: Option<Spanned<String>>,
    /// `owner "…"` / `chủ trì "…"`: the office that supplies it (đơn vị chủ trì).
    pub owner: Option<Spanned<String>>,
    /// `default …` / `mặc định …`: the value used when a unit's data leaves it out.
    pub default: Option<Literal>,
}

/// An input's type as written; [`crate::model::InputType`] is the checked form.
#[derive(Debug, Clone, PartialEq)]
pub enum InputTypeSyntax {
    /// `count` / `số lượng`: a whole number ≥ 0.
    Count,
    /// `decimal` / `số`: a number ≥ 0.
    Decimal,
    /// `percent` / `phần trăm`: written 0–100 in data, used as a fraction 0–1 in rules.
    Percent,
    /// `yesno` / `có/không`.
    YesNo,
    /// `date` / `ngày`.
    Date,
    /// `points` / `điểm`: points ≥ 0 given by the council or a survey.
    Points,
    /// `levels("…", …)` / `mức(…)`: one of a closed set of texts, in declared order.
    Levels(Vec<Spanned<String>>),
}

/// The keyword a node was written with. The checker decides the level from the depth, not from
/// this keyword, and warns (`W004`) when they differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKeyword {
    /// `area` / `lĩnh vực`.
    Area,
    /// `criterion` / `tiêu chí` / `TC`.
    Criterion,
    /// `subcriterion` / `tiêu chí thành phần` / `TCTP`.
    Subcriterion,
}

/// An area, criterion or sub-criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeSyntax {
    /// The whole node: keyword to closing brace, or keyword to title/maximum without a body.
    pub span: Span,
    /// The keyword as written.
    pub keyword: Spanned<NodeKeyword>,
    /// The dotted id as written (`7.2.2`).
    pub id: Spanned<String>,
    /// The title, without quotes.
    pub title: Spanned<String>,
    /// The statements of the node (a `max` on the node's line comes first), in order.
    pub items: Vec<Spanned<NodeItem>>,
    /// Nested nodes, in order.
    pub children: Vec<NodeSyntax>,
    /// The `{ … }` body, when written.
    pub body: Option<Span>,
}

/// One statement inside a node's body (or `max N` on its line).
#[derive(Debug, Clone, PartialEq)]
pub enum NodeItem {
    /// `max N` / `tối đa N` / `điểm chuẩn N`: the maximum in points (điểm tối đa).
    Max(Decimal),
    /// `owner "…"` / `chủ trì "…"`: the owning office (đơn vị chủ trì).
    Owner(String),
    /// `source …` / `nguồn …`: where the points come from; inherited by children.
    Source(SourceKind),
    /// `bonus` / `điểm thưởng`: a bonus item, counted inside the total.
    Bonus,
    /// `note "…"` / `ghi chú "…"`.
    Note(String),
    /// `ref "…"` / `căn cứ "…"`: where the decree states it.
    Reference(String),
    /// `not evaluated [when COND] [because "…"]` / `không đánh giá [khi …] [vì "…"]`.
    NotEvaluated {
        /// `None`: never evaluated for any unit.
        condition: Option<Expr>,
        /// The `because` text, when written.
        reason: Option<Spanned<String>>,
    },
    /// `zero denominator: …` for this node and its children.
    ZeroPolicy(ZeroAction),
    /// `rounding …` for this node and its children.
    Rounding(RoundingSyntax),
    /// `score = EXPR` / `điểm = …`.
    Rule(Expr),
}

/// An expression of a rule or condition, precedence applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What it is.
    pub kind: ExprKind,
    /// Byte range into the original ruleset text.
    pub span: Span,
}

/// The forms of [`Expr`].
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// A number; `90%` is kept as written (see [`NumberLit::as_fraction`]).
    Number(NumberLit),
    /// `yes` / `no` (`có` / `không`).
    Bool(bool),
    /// A quoted text (compared with a `levels` input).
    Str(String),
    /// `date 2024-12-31` / `ngày 31/12/2024`.
    Date(NaiveDate),
    /// The node's own maximum: `max` / `tối đa`.
    SelfMax,
    /// Points awarded by the council: `awarded` / `hội đồng chấm`.
    Awarded,
    /// An input name as written (resolved to a slot by the checker; `E008` if unknown).
    Name(String),
    /// Unary `-`.
    Neg(Box<Expr>),
    /// `not` / `không phải`.
    Not(Box<Expr>),
    /// An arithmetic or logical operator.
    Binary {
        /// The operator.
        op: BinOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// A comparison.
    Compare {
        /// The operator.
        op: CmpOp,
        /// Left operand.
        lhs: Box<Expr>,
        /// Right operand.
        rhs: Box<Expr>,
    },
    /// `if … then … else …` / `nếu … thì … ngược lại …`.
    If {
        /// The condition (yes/no).
        cond: Box<Expr>,
        /// Value when it holds.
        then: Box<Expr>,
        /// Value when it does not.
        otherwise: Box<Expr>,
    },
    /// A function call, e.g. `tỷ_lệ(a, b)`; `best(x)` is one too until the checker.
    Call {
        /// The function's name as written (looked up by [`crate::model::Func::lookup`]; `E015` if unknown).
        name: Spanned<String>,
        /// The arguments, in order.
        args: Vec<Expr>,
    },
    /// `bands SUBJECT { … }` / `bậc … { … }`: the first arm whose interval holds gives the value.
    Bands {
        /// The value tested against each arm.
        subject: Box<Expr>,
        /// The arms, in order.
        arms: Vec<BandArm>,
    },
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*` / `×`
    Mul,
    /// `/` / `÷`
    Div,
    /// `and` / `và`
    And,
    /// `or` / `hoặc`
    Or,
}

impl BinOp {
    /// The symbol used in explanations (`×`, `÷`, `−`, `and`, …).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "−",
            BinOp::Mul => "×",
            BinOp::Div => "÷",
            BinOp::And => "and",
            BinOp::Or => "or",
        }
    }
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `<`
    Lt,
    /// `<=` / `≤`
    Le,
    /// `>`
    Gt,
    /// `>=` / `≥`
    Ge,
    /// `=` / `==`
    Eq,
    /// `!=` / `≠`
    Ne,
}

impl CmpOp {
    /// The symbol used in explanations (`≤`, `≥`, `≠`, …).
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "≤",
            CmpOp::Gt => ">",
            CmpOp::Ge => "≥",
            CmpOp::Eq => "=",
            CmpOp::Ne => "≠",
        }
    }
}

/// One arm of `bands`: `từ 90% trở lên: 1,5`.
#[derive(Debug, Clone, PartialEq)]
pub struct BandArm {
    /// The whole arm.
    pub span: Span,
    /// `None` for `otherwise` / `còn lại`.
    pub bounds: Option<Spanned<Interval>>,
    /// The value the arm gives.
    pub value: Expr,
}

/// A literal value in an input's `default` or a test's `given`.
#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    /// What it is.
    pub kind: LiteralKind,
    /// Byte range into the original ruleset text.
    pub span: Span,
}

/// The forms of [`Literal`].
#[derive(Debug, Clone, PartialEq)]
pub enum LiteralKind {
    /// A number.
    Number {
        /// The number without its sign.
        value: NumberLit,
        /// Written with a leading `-`.
        negative: bool,
    },
    /// A quoted text.
    Str(String),
    /// `yes` / `no`.
    Bool(bool),
    /// A date.
    Date(NaiveDate),
}

/// `test "…" { … }` / `kiểm thử "…" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct TestSyntax {
    /// The whole block.
    pub span: Span,
    /// The test's name, without quotes.
    pub name: Spanned<String>,
    /// Its statements, in order.
    pub items: Vec<Spanned<TestItem>>,
}

/// One statement of a test block. Ids are node ids as written (`E018` if unknown).
#[derive(Debug, Clone, PartialEq)]
pub enum TestItem {
    /// `given name = value, …` / `cho …`: input values.
    Given(Vec<(Spanned<String>, Literal)>),
    /// `points ID = N` / `điểm …`: points the council awards to a node.
    Points {
        /// The node id.
        id: Spanned<String>,
        /// Points (absolute, not percent).
        value: Decimal,
    },
    /// `not evaluated ID [because "…"]`: the unit declares the node not evaluated.
    NotEvaluated {
        /// The node id.
        id: Spanned<String>,
        /// The reason, when written.
        reason: Option<String>,
    },
    /// `expect ID = N` / `mong đợi …`: the node's points.
    ExpectScore {
        /// The node id.
        id: Spanned<String>,
        /// Expected points (absolute).
        value: Decimal,
    },
    /// `expect ID not evaluated`.
    ExpectNotEvaluated {
        /// The node id.
        id: Spanned<String>,
    },
    /// `expect percent = N`: the unit's percentage, 0–100.
    ExpectPercent(Decimal),
    /// `expect grade "…"`: the unit's grade name.
    ExpectGrade(String),
    /// `expect achieved = N` / `đạt`: the unit's achieved points.
    ExpectAchieved(Decimal),
    /// `expect max = N`: the unit's maximum after not-evaluated criteria leave it.
    ExpectMax(Decimal),
    /// `expect total = N` / `mong đợi tổng điểm = N`: the unit's total after bonus and
    /// penalty points.
    ExpectTotal(Decimal),
}
