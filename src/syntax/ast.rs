//! The syntax tree: what the ruleset says, with byte spans into the original text.
//! Built from pest pairs in `parser.rs`; nothing from pest appears here.

use super::vocab::{CountKind, RoundMode, RoundTarget, SourceKind, UnitLevel, ZeroAction};
use crate::diagnostic::Span;
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// A whole ruleset file. Parts that failed to parse are absent (and reported); the rest is here.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyntaxFile {
    pub headers: Vec<Header>,
    pub inputs: Vec<InputDecl>,
    /// Top-level nodes: the areas (lĩnh vực).
    pub nodes: Vec<NodeSyntax>,
    pub tests: Vec<TestSyntax>,
}

/// `ruleset "…" { … }` / `bộ tiêu chí "…" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub span: Span,
    pub title: Spanned<String>,
    pub items: Vec<Spanned<HeaderItem>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HeaderItem {
    /// cơ quan ban hành
    Issuer(String),
    /// quyết định "723/QĐ-UBND" ngày 11/11/2022
    Decree {
        number: String,
        date: Option<NaiveDate>,
    },
    Year(u32),
    Level(UnitLevel),
    /// tổng điểm
    Total(Decimal),
    /// số lĩnh vực / số tiêu chí / số tiêu chí thành phần
    Count(CountKind, u32),
    /// tỷ trọng: the declared share of a score source
    Share(SourceKind, Decimal),
    /// xếp loại
    Grade {
        name: String,
        bounds: Interval,
    },
    Rounding(RoundingSyntax),
    PercentFromRoundedTotal,
    ZeroDefault(ZeroAction),
    /// lỗi nguồn: a contradiction of the decree's own table, kept visible as a warning
    KnownFault {
        code: String,
        reason: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RoundingSyntax {
    pub target: RoundTarget,
    pub places: u32,
    pub mode: Option<RoundMode>,
}

/// A band's interval as written. Values are as written: `90%` is 90 with `percent` set; the
/// checker decides what the unit means in context (a fraction in a rule, points of a
/// percentage in a grade).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Interval {
    pub lower: Option<Bound>,
    pub upper: Option<Bound>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub value: NumberLit,
    pub inclusive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberLit {
    pub value: Decimal,
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

/// `input tên: count "mô tả" owner "…" default 0` / `đầu vào …`.
#[derive(Debug, Clone, PartialEq)]
pub struct InputDecl {
    pub span: Span,
    pub name: Spanned<String>,
    pub ty: Spanned<InputTypeSyntax>,
    pub description: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub default: Option<Literal>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum InputTypeSyntax {
    Count,
    Decimal,
    Percent,
    YesNo,
    Date,
    Points,
    Levels(Vec<Spanned<String>>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKeyword {
    Area,
    Criterion,
    Subcriterion,
}

/// An area, criterion or sub-criterion.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeSyntax {
    pub span: Span,
    pub keyword: Spanned<NodeKeyword>,
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub items: Vec<Spanned<NodeItem>>,
    pub children: Vec<NodeSyntax>,
    /// The `{ … }` body, when written.
    pub body: Option<Span>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeItem {
    Max(Decimal),
    Owner(String),
    Source(SourceKind),
    Bonus,
    Note(String),
    Reference(String),
    NotEvaluated {
        condition: Option<Expr>,
        reason: Option<Spanned<String>>,
    },
    ZeroPolicy(ZeroAction),
    Rounding(RoundingSyntax),
    Rule(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Number(NumberLit),
    Bool(bool),
    Str(String),
    Date(NaiveDate),
    /// The node's own maximum: `max` / `tối đa`.
    SelfMax,
    /// Points awarded by the council: `awarded` / `hội đồng chấm`.
    Awarded,
    Name(String),
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    Compare {
        op: CmpOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
    },
    If {
        cond: Box<Expr>,
        then: Box<Expr>,
        otherwise: Box<Expr>,
    },
    Call {
        name: Spanned<String>,
        args: Vec<Expr>,
    },
    Bands {
        subject: Box<Expr>,
        arms: Vec<BandArm>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    And,
    Or,
}

impl BinOp {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl CmpOp {
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

#[derive(Debug, Clone, PartialEq)]
pub struct BandArm {
    pub span: Span,
    /// `None` for `otherwise` / `còn lại`.
    pub bounds: Option<Spanned<Interval>>,
    pub value: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Literal {
    pub kind: LiteralKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LiteralKind {
    Number { value: NumberLit, negative: bool },
    Str(String),
    Bool(bool),
    Date(NaiveDate),
}

/// `test "…" { … }` / `kiểm thử "…" { … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct TestSyntax {
    pub span: Span,
    pub name: Spanned<String>,
    pub items: Vec<Spanned<TestItem>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TestItem {
    Given(Vec<(Spanned<String>, Literal)>),
    Points {
        id: Spanned<String>,
        value: Decimal,
    },
    NotEvaluated {
        id: Spanned<String>,
        reason: Option<String>,
    },
    ExpectScore {
        id: Spanned<String>,
        value: Decimal,
    },
    ExpectNotEvaluated {
        id: Spanned<String>,
    },
    ExpectPercent(Decimal),
    ExpectGrade(String),
    ExpectAchieved(Decimal),
    ExpectMax(Decimal),
}
