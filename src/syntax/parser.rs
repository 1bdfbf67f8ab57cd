//! pest → syntax tree. The only module that sees pest types.

use super::ast::*;
use super::fold::Folded;
use super::keywords::Place;
use super::lexer::{Lexed, LexemeKind};
use super::vocab::{CountKind, RoundMode, RoundTarget, SourceKind, UnitLevel, ZeroAction};
use super::MAX_EXPR_DEPTH;
use crate::diagnostic::{Diagnostic, Span};
use crate::message::Message;
use crate::msg;
use chrono::NaiveDate;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;
use pest::Parser as _;
use rust_decimal::Decimal;
use std::str::FromStr;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/chiso.pest"]
struct ChisoParser;

/// Where a bad statement stood, to re-parse it with the rule that was meant there.
/// One element of a flat expression, before precedence is applied.
enum Token {
    Not(Span),
    Neg(Span),
    Infix(Infix, Span),
    Operand(Expr),
}

#[derive(Clone, Copy, PartialEq)]
enum Infix {
    Or,
    And,
    Cmp(CmpOp),
    Arith(BinOp),
}

fn cmp_op(text: &str) -> CmpOp {
    match text {
        "<" => CmpOp::Lt,
        "<=" | "≤" => CmpOp::Le,
        ">" => CmpOp::Gt,
        ">=" | "≥" => CmpOp::Ge,
        "!=" | "≠" => CmpOp::Ne,
        _ => CmpOp::Eq,
    }
}

fn arith_op(text: &str) -> BinOp {
    match text {
        "+" => BinOp::Add,
        "-" => BinOp::Sub,
        "*" | "×" => BinOp::Mul,
        _ => BinOp::Div,
    }
}

/// Precedence over a flat expression (the grammar guarantees operand/operator alternation):
/// or < and < not < one comparison < + − < × ÷ < unary −. Depth is bounded by the nesting
/// limit checked before parsing.
struct Climber<'d, I: Iterator<Item = Token>> {
    tokens: std::iter::Peekable<I>,
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl<I: Iterator<Item = Token>> Climber<'_, I> {
    fn binary(op: BinOp, lhs: Expr, rhs: Expr) -> Expr {
        let span = lhs.span.start..rhs.span.end;
        Expr {
            kind: ExprKind::Binary {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
            span,
        }
    }

    fn next_infix(&mut self, wanted: impl Fn(Infix) -> bool) -> Option<Infix> {
        match self.tokens.peek() {
            Some(Token::Infix(op, _)) if wanted(*op) => {
                let op = *op;
                self.tokens.next();
                Some(op)
            }
            _ => None,
        }
    }

    fn or(&mut self) -> Expr {
        let mut lhs = self.and();
        while self.next_infix(|op| op == Infix::Or).is_some() {
            let rhs = self.and();
            lhs = Self::binary(BinOp::Or, lhs, rhs);
        }
        lhs
    }

    fn and(&mut self) -> Expr {
        let mut lhs = self.not();
        while self.next_infix(|op| op == Infix::And).is_some() {
            let rhs = self.not();
            lhs = Self::binary(BinOp::And, lhs, rhs);
        }
        lhs
    }

    fn not(&mut self) -> Expr {
        // A chain of `not`s is read without recursion: the operand first, then the
        // negations from the innermost out.
        let mut starts = Vec::new();
        while let Some(Token::Not(_)) = self.tokens.peek() {
            let Some(Token::Not(start)) = self.tokens.next() else {
                unreachable!()
            };
            starts.push(start);
        }
        let mut e = self.comparison();
        while let Some(start) = starts.pop() {
            let span = start.start..e.span.end;
            e = Expr {
                kind: ExprKind::Not(Box::new(e)),
                span,
            };
        }
        e
    }

    fn comparison(&mut self) -> Expr {
        let lhs = self.sum();
        let Some(Infix::Cmp(op)) = self.next_infix(|op| matches!(op, Infix::Cmp(_))) else {
            return lhs;
        };
        let rhs = self.sum();
        let mut e = Expr {
            span: lhs.span.start..rhs.span.end,
            kind: ExprKind::Compare {
                op,
                lhs: Box::new(lhs),
                rhs: Box::new(rhs),
            },
        };
        while let Some(Token::Infix(Infix::Cmp(_), span)) = self.tokens.peek() {
            self.diagnostics.push(
                Diagnostic::error("E001", span.clone(), msg!("e001-chained-comparison"))
                    .with_help(msg!("e001-chained-comparison-help")),
            );
            self.tokens.next();
            let rhs = self.sum();
            e.span.end = rhs.span.end;
        }
        e
    }

    fn sum(&mut self) -> Expr {
        let mut lhs = self.product();
        while let Some(Infix::Arith(op)) =
            self.next_infix(|op| matches!(op, Infix::Arith(BinOp::Add | BinOp::Sub)))
        {
            let rhs = self.product();
            lhs = Self::binary(op, lhs, rhs);
        }
        lhs
    }

    fn product(&mut self) -> Expr {
        let mut lhs = self.unary();
        while let Some(Infix::Arith(op)) =
            self.next_infix(|op| matches!(op, Infix::Arith(BinOp::Mul | BinOp::Div)))
        {
            let rhs = self.unary();
            lhs = Self::binary(op, lhs, rhs);
        }
        lhs
    }

    fn unary(&mut self) -> Expr {
        // Prefix chains (`- - - x`) are read without recursion: the prefixes first, then
        // the operand, then the prefixes applied from the innermost out.
        let mut prefixes: Vec<(bool, Span)> = Vec::new(); // (is `not`, span)
        let mut e = loop {
            match self.tokens.next() {
                Some(Token::Neg(start)) => prefixes.push((false, start)),
                Some(Token::Not(span)) => {
                    // `not` binds looser than arithmetic: `a + not b` is not an expression.
                    self.diagnostics.push(
                        Diagnostic::error("E001", span.clone(), msg!("e001-not-inside-arithmetic"))
                            .with_help(msg!("e001-not-inside-arithmetic-help")),
                    );
                    prefixes.push((true, span));
                }
                Some(Token::Operand(e)) => break e,
                // Unreachable: the grammar puts an operand after every operator.
                Some(Token::Infix(_, span)) => {
                    break Expr {
                        kind: ExprKind::Bool(false),
                        span,
                    }
                }
                None => {
                    break Expr {
                        kind: ExprKind::Bool(false),
                        span: 0..0,
                    }
                }
            }
        };
        while let Some((is_not, start)) = prefixes.pop() {
            let span = start.start..e.span.end;
            let inner = Box::new(e);
            e = Expr {
                kind: if is_not {
                    ExprKind::Not(inner)
                } else {
                    ExprKind::Neg(inner)
                },
                span,
            };
        }
        e
    }
}

/// The direct sub-expressions of `e`.
fn children(e: &Expr) -> Vec<&Expr> {
    match &e.kind {
        ExprKind::Number(_)
        | ExprKind::Bool(_)
        | ExprKind::Str(_)
        | ExprKind::Date(_)
        | ExprKind::SelfMax
        | ExprKind::Awarded
        | ExprKind::Name(_) => Vec::new(),
        ExprKind::Neg(x) | ExprKind::Not(x) => vec![x],
        ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => vec![lhs, rhs],
        ExprKind::If {
            cond,
            then,
            otherwise,
        } => vec![cond, then, otherwise],
        ExprKind::Call { args, .. } => args.iter().collect(),
        ExprKind::Bands { subject, arms } => std::iter::once(&**subject)
            .chain(arms.iter().map(|a| &a.value))
            .collect(),
    }
}

/// The depth of an expression tree (a leaf is 1), computed without recursion.
pub(super) fn depth(e: &Expr) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(e, 1)];
    while let Some((e, d)) = stack.pop() {
        deepest = deepest.max(d);
        stack.extend(children(e).into_iter().map(|c| (c, d + 1)));
    }
    deepest
}

/// Drops an expression tree of any depth without recursion (the derived drop recurses once
/// per level).
fn dispose(e: Expr) {
    let mut stack = vec![e];
    while let Some(mut e) = stack.pop() {
        let placeholder = ExprKind::Bool(false);
        match std::mem::replace(&mut e.kind, placeholder) {
            ExprKind::Neg(x) | ExprKind::Not(x) => stack.push(*x),
            ExprKind::Binary { lhs, rhs, .. } | ExprKind::Compare { lhs, rhs, .. } => {
                stack.push(*lhs);
                stack.push(*rhs);
            }
            ExprKind::If {
                cond,
                then,
                otherwise,
            } => stack.extend([*cond, *then, *otherwise]),
            ExprKind::Call { args, .. } => stack.extend(args),
            ExprKind::Bands { subject, arms } => {
                stack.push(*subject);
                stack.extend(arms.into_iter().map(|a| a.value));
            }
            _ => {}
        }
    }
}

enum Part<'i> {
    Good(Pair<'i, Rule>),
    /// A bad statement's range in the folded text.
    Bad(usize, usize),
}

#[derive(Clone, Copy)]
enum Context {
    TopLevel,
    Header,
    NodeBody,
    Bands,
    TestBody,
    AdjustmentBody,
}

pub(super) struct Builder<'a> {
    folded: &'a Folded,
    original: &'a str,
    /// The part of the folded text this builder parses (a whole file, or a run of top-level
    /// items when a large file is parsed in parallel). pest positions are relative to it.
    chunk: std::ops::Range<usize>,
    pub diagnostics: Vec<Diagnostic>,
}

type P<'i> = Pair<'i, Rule>;

impl<'a> Builder<'a> {
    pub fn new(original: &'a str, folded: &'a Folded, chunk: std::ops::Range<usize>) -> Self {
        Builder {
            folded,
            original,
            chunk,
            diagnostics: Vec::new(),
        }
    }

    /// A pest span as a range of the whole folded text.
    fn folded_range(&self, span: pest::Span) -> std::ops::Range<usize> {
        span.start() + self.chunk.start..span.end() + self.chunk.start
    }

    pub fn parse_file(&mut self) -> SyntaxFile {
        let mut file = SyntaxFile::default();
        let pairs = match ChisoParser::parse(Rule::file, &self.folded.text[self.chunk.clone()]) {
            Ok(mut pairs) => {
                let file_pair = pairs.next().expect("file rule");
                self.unclosed_blocks(file_pair.clone());
                file_pair.into_inner()
            }
            Err(error) => {
                // The catch-alls make this unreachable in practice; report rather than panic.
                let d = self.pest_error(error, self.chunk.start);
                self.diagnostics.push(d);
                return file;
            }
        };
        for pair in pairs {
            match pair.as_rule() {
                Rule::ruleset_block => file.headers.push(self.header(pair)),
                Rule::input_decl => file.inputs.push(self.input_decl(pair)),
                Rule::node => file.nodes.push(self.node(pair)),
                Rule::test_block => file.tests.push(self.test_block(pair)),
                Rule::adjustment => file.adjustments.push(self.adjustment(pair)),
                Rule::bad_item => self.bad(pair, Context::TopLevel),
                Rule::EOI => {}
                other => unreachable!("unexpected top-level rule {other:?}"),
            }
        }
        file
    }

    /// Blocks left open at the end of the file: one error at each block's `{`.
    fn unclosed_blocks(&mut self, file: P) {
        for pair in file.into_inner().flatten() {
            let is_block = matches!(
                pair.as_rule(),
                Rule::ruleset_block
                    | Rule::node_body
                    | Rule::bands_expr
                    | Rule::test_block
                    | Rule::adjustment_body
            );
            let unclosed =
                pair.clone().into_inner().last().is_some_and(|last| {
                    last.as_rule() == Rule::block_end && last.as_str().is_empty()
                });
            if is_block && unclosed {
                let range = self.folded_range(pair.as_span());
                let brace = self
                    .folded
                    .lexed
                    .first_open_brace(range.clone())
                    .unwrap_or(range.start);
                let span = self.folded.original_span(brace..brace + 1);
                self.diagnostics.push(
                    Diagnostic::error("E001", span, msg!("e001-never-closed"))
                        .with_span_label(msg!("e001-opened-here"))
                        .with_help(msg!("e001-never-closed-help")),
                );
            }
        }
    }

    // ───────────── helpers ─────────────

    fn span(&self, pair: &P) -> Span {
        let s = self.folded_range(pair.as_span());
        let end = trim_trailing_trivia(&self.folded.text, &self.folded.lexed, s.start, s.end);
        self.folded.original_span(s.start..end)
    }

    fn text(&self, pair: &P) -> &'a str {
        let span = self.span(pair);
        &self.original[span]
    }

    fn spanned_string(&self, pair: P) -> Spanned<String> {
        let span = self.span(&pair);
        Spanned::new(self.string(pair), span)
    }

    /// The text inside a `string` pair, unescaped.
    fn string(&self, pair: P) -> String {
        let inner = pair.into_inner().next().expect("string inner");
        // Not `self.text`: the spaces inside a string are part of it, not trailing trivia.
        let raw = &self.original[self
            .folded
            .original_span(self.folded_range(inner.as_span()))];
        if inner.as_rule() == Rule::curly_inner {
            return raw.to_string();
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c == '\\' {
                match chars.next() {
                    Some('n') => out.push('\n'),
                    Some(other) => out.push(other),
                    None => {}
                }
            } else {
                out.push(c);
            }
        }
        out
    }

    fn number(&mut self, pair: &P) -> NumberLit {
        let text = self.text(pair);
        let (body, percent) = match text.strip_suffix('%') {
            Some(b) => (b, true),
            None => (text, false),
        };
        let value = match Decimal::from_str(&body.replace(',', ".")) {
            Ok(v) => v,
            Err(_) => {
                // Digits only, so it can only be too long for a Decimal (28 significant digits).
                self.diagnostics.push(Diagnostic::error(
                    "E001",
                    self.span(pair),
                    msg!("e001-number-too-long"),
                ));
                Decimal::ZERO
            }
        };
        NumberLit { value, percent }
    }

    fn decimal(&mut self, pair: &P) -> Decimal {
        let n = self.number(pair);
        if n.percent {
            self.diagnostics.push(
                Diagnostic::error("E001", self.span(pair), msg!("e001-percent-not-allowed"))
                    .with_help(msg!("e001-percent-not-allowed-help")),
            );
        }
        n.value
    }

    fn integer(&mut self, pair: &P) -> u32 {
        self.text(pair).parse().unwrap_or_else(|_| {
            self.diagnostics.push(Diagnostic::error(
                "E001",
                self.span(pair),
                msg!("e001-number-too-large"),
            ));
            0
        })
    }

    fn date(&mut self, pair: &P) -> Option<NaiveDate> {
        let text = self.text(pair);
        let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(text, "%d/%m/%Y"));
        match parsed {
            Ok(d) => Some(d),
            Err(_) => {
                self.diagnostics.push(Diagnostic::error(
                    "E001",
                    self.span(pair),
                    msg!("e001-invalid-date", text = text),
                ));
                None
            }
        }
    }

    // ───────────── header ─────────────

    fn header(&mut self, pair: P) -> Header {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // k_ruleset
        let title = self.spanned_string(inner.next().expect("title"));
        let mut items = Vec::new();
        for part in self.group(inner) {
            let item = match part {
                Part::Good(item) => item,
                Part::Bad(start, end) => {
                    self.bad_range(start, end, Context::Header);
                    continue;
                }
            };
            let item_span = self.span(&item);
            if let Some(value) = self.header_item(item) {
                items.push(Spanned::new(value, item_span));
            }
        }
        Header { span, title, items }
    }

    fn header_item(&mut self, pair: P) -> Option<HeaderItem> {
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        Some(match rule {
            Rule::issuer => {
                inner.next();
                HeaderItem::Issuer(self.string(inner.next()?))
            }
            Rule::decree => {
                inner.next();
                let number = self.string(inner.next()?);
                let date = match (inner.next(), inner.next()) {
                    (Some(_), Some(d)) => self.date(&d),
                    _ => None,
                };
                HeaderItem::Decree { number, date }
            }
            Rule::year => {
                inner.next();
                HeaderItem::Year(self.integer(&inner.next()?))
            }
            Rule::level => {
                inner.next();
                let name = inner.next()?.into_inner().next()?;
                HeaderItem::Level(match name.as_rule() {
                    Rule::l_department => UnitLevel::Department,
                    Rule::l_district => UnitLevel::District,
                    Rule::l_commune => UnitLevel::Commune,
                    Rule::l_province => UnitLevel::Province,
                    _ => UnitLevel::Ministry,
                })
            }
            Rule::total => {
                inner.next();
                HeaderItem::Total(self.decimal(&inner.next()?))
            }
            Rule::declared_count => {
                let kind = inner.next()?.into_inner().next()?;
                let kind = match kind.as_rule() {
                    Rule::c_areas => CountKind::Areas,
                    Rule::c_criteria => CountKind::Criteria,
                    _ => CountKind::Subcriteria,
                };
                HeaderItem::Count(kind, self.integer(&inner.next()?))
            }
            Rule::share => {
                inner.next();
                let source = source_kind(inner.next()?);
                HeaderItem::Share(source, self.decimal(&inner.next()?))
            }
            Rule::grade => {
                inner.next();
                let name = self.string(inner.next()?);
                let bounds = self.band_bounds(inner.next()?);
                HeaderItem::Grade { name, bounds }
            }
            Rule::rounding => HeaderItem::Rounding(self.rounding(inner)?),
            Rule::percent_basis => HeaderItem::PercentFromRoundedTotal,
            Rule::known_fault => {
                inner.next();
                let code = self.text(&inner.next()?).to_ascii_uppercase();
                HeaderItem::KnownFault {
                    code,
                    reason: self.string(inner.next()?),
                }
            }
            Rule::zero_default => {
                inner.next();
                HeaderItem::ZeroDefault(zero_action(inner.next()?))
            }
            Rule::grade_basis => HeaderItem::GradeBasis(match inner.nth(2)?.as_rule() {
                Rule::t_points => GradeBasis::Points,
                _ => GradeBasis::Percent,
            }),
            Rule::adjustment_cap => {
                let kind = adjustment_kind(inner.next()?);
                inner.next(); // max
                HeaderItem::AdjustmentCap(kind, self.decimal(&inner.next()?))
            }
            Rule::bonus_effect => {
                HeaderItem::BonusAboveMax(inner.nth(1)?.as_rule() == Rule::e_above_max)
            }
            Rule::adjustment_floor => HeaderItem::Floor(self.decimal(&inner.nth(1)?)),
            Rule::display_places => HeaderItem::DisplayPlaces(self.integer(&inner.nth(1)?)),
            Rule::stages => {
                inner.next();
                HeaderItem::Stages(
                    inner
                        .map(|p| {
                            let span = self.span(&p);
                            (self.string(p), span)
                        })
                        .collect(),
                )
            }
            Rule::group_decl => {
                inner.next();
                HeaderItem::Group(self.string(inner.next()?))
            }
            _ => return None,
        })
    }

    fn rounding(&mut self, mut inner: pest::iterators::Pairs<Rule>) -> Option<RoundingSyntax> {
        inner.next(); // keyword
        let target = match inner.next()?.into_inner().next()?.as_rule() {
            Rule::t_ratio => RoundTarget::Ratio,
            Rule::t_score => RoundTarget::Score,
            Rule::t_total => RoundTarget::Total,
            _ => RoundTarget::Percent,
        };
        let places = self.integer(&inner.next()?);
        let mode = inner
            .next()
            .and_then(|m| m.into_inner().next())
            .map(|m| match m.as_rule() {
                Rule::m_half_even => RoundMode::HalfEven,
                Rule::m_down => RoundMode::Down,
                Rule::m_up => RoundMode::Up,
                _ => RoundMode::HalfUp,
            });
        Some(RoundingSyntax {
            target,
            places,
            mode,
        })
    }

    fn band_bounds(&mut self, pair: P) -> Interval {
        let mut interval = Interval::default();
        let mut inner = pair.into_inner().peekable();
        if inner.peek().map(|p| p.as_rule()) == Some(Rule::b_equal) {
            inner.next();
            if let Some(n) = inner.next() {
                let value = self.number(&n);
                interval.lower = Some(Bound {
                    value,
                    inclusive: true,
                });
                interval.upper = Some(Bound {
                    value,
                    inclusive: true,
                });
            }
            return interval;
        }
        for bound in inner {
            let rule = bound.as_rule();
            let mut parts = bound.into_inner();
            let Some(word) = parts.next() else { continue };
            let Some(n) = parts.next() else { continue };
            let value = self.number(&n);
            match rule {
                Rule::lower_bound => {
                    interval.lower = Some(Bound {
                        value,
                        inclusive: word.as_rule() == Rule::b_from,
                    })
                }
                _ => {
                    interval.upper = Some(Bound {
                        value,
                        inclusive: word.as_rule() == Rule::b_upto,
                    })
                }
            }
        }
        interval
    }

    // ───────────── inputs ─────────────

    fn input_decl(&mut self, pair: P) -> InputDecl {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // k_input
        let name_pair = inner.next().expect("input name");
        let name = Spanned::new(self.text(&name_pair).to_string(), self.span(&name_pair));
        let ty_pair = inner.next().expect("input type");
        let ty_span = self.span(&ty_pair);
        let ty_inner = ty_pair.into_inner().next().expect("type");
        let ty = match ty_inner.as_rule() {
            Rule::ty_levels => {
                let levels = ty_inner
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::string)
                    .map(|p| self.spanned_string(p))
                    .collect();
                InputTypeSyntax::Levels(levels)
            }
            Rule::ty_count => InputTypeSyntax::Count,
            Rule::ty_decimal => InputTypeSyntax::Decimal,
            Rule::ty_percent => InputTypeSyntax::Percent,
            Rule::ty_yesno => InputTypeSyntax::YesNo,
            Rule::ty_date => InputTypeSyntax::Date,
            _ => InputTypeSyntax::Points,
        };
        let mut decl = InputDecl {
            span,
            name,
            ty: Spanned::new(ty, ty_span),
            description: None,
            owner: None,
            default: None,
        };
        for part in inner {
            match part.as_rule() {
                Rule::string => decl.description = Some(self.spanned_string(part)),
                Rule::input_owner => {
                    decl.owner = part.into_inner().nth(1).map(|s| self.spanned_string(s))
                }
                Rule::input_default => {
                    decl.default = part.into_inner().nth(1).map(|l| self.literal(l))
                }
                _ => {}
            }
        }
        decl
    }

    fn literal(&mut self, pair: P) -> Literal {
        let span = self.span(&pair);
        let inner = pair.into_inner().next().expect("literal");
        let kind = match inner.as_rule() {
            Rule::date_lit => {
                let d = inner.into_inner().nth(1).expect("date");
                match self.date(&d) {
                    Some(date) => LiteralKind::Date(date),
                    None => LiteralKind::Bool(false),
                }
            }
            Rule::signed_number => {
                let mut parts = inner.into_inner();
                let first = parts.next().expect("number");
                let (negative, number) = if first.as_rule() == Rule::neg {
                    (true, parts.next().expect("number"))
                } else {
                    (false, first)
                };
                LiteralKind::Number {
                    value: self.number(&number),
                    negative,
                }
            }
            Rule::string => LiteralKind::Str(self.string(inner)),
            Rule::yes => LiteralKind::Bool(true),
            _ => LiteralKind::Bool(false),
        };
        Literal { kind, span }
    }

    // ───────────── nodes ─────────────

    fn node(&mut self, pair: P) -> NodeSyntax {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let kw = inner.next().expect("node keyword");
        let kw_span = self.span(&kw);
        let keyword = match kw.into_inner().next().map(|k| k.as_rule()) {
            Some(Rule::k_area) => NodeKeyword::Area,
            Some(Rule::k_subcriterion) => NodeKeyword::Subcriterion,
            _ => NodeKeyword::Criterion,
        };
        let id_pair = inner.next().expect("node id");
        let id = Spanned::new(self.text(&id_pair).to_string(), self.span(&id_pair));
        let title = self.spanned_string(inner.next().expect("node title"));
        let mut node = NodeSyntax {
            span,
            keyword: Spanned::new(keyword, kw_span),
            id,
            title,
            items: Vec::new(),
            children: Vec::new(),
            body: None,
        };
        for part in inner {
            match part.as_rule() {
                Rule::max_value => {
                    let s = self.span(&part);
                    if let Some(n) = part.into_inner().nth(1) {
                        let value = self.decimal(&n);
                        node.items.push(Spanned::new(NodeItem::Max(value), s));
                    }
                }
                Rule::node_body => {
                    node.body = Some(self.span(&part));
                    for item in self.group(part.into_inner()) {
                        let item = match item {
                            Part::Good(item) => item,
                            Part::Bad(start, end) => {
                                self.bad_range(start, end, Context::NodeBody);
                                continue;
                            }
                        };
                        match item.as_rule() {
                            Rule::node => node.children.push(self.node(item)),
                            _ => {
                                let s = self.span(&item);
                                if let Some(value) = self.node_item(item) {
                                    node.items.push(Spanned::new(value, s));
                                }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        node
    }

    /// `điểm trừ P1 "…" [tối đa N] { … }`: a bonus or penalty item outside the tree.
    fn adjustment(&mut self, pair: P) -> AdjustmentSyntax {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let kw = inner.next().expect("adjustment keyword");
        let kind = Spanned::new(adjustment_kind(kw.clone()), self.span(&kw));
        let id_pair = inner.next().expect("adjustment id");
        let id = Spanned::new(self.text(&id_pair).to_string(), self.span(&id_pair));
        let title = self.spanned_string(inner.next().expect("adjustment title"));
        let mut adjustment = AdjustmentSyntax {
            span,
            kind,
            id,
            title,
            items: Vec::new(),
            body: None,
        };
        for part in inner {
            let parts = match part.as_rule() {
                Rule::max_value => vec![Part::Good(part)],
                Rule::adjustment_body => {
                    adjustment.body = Some(self.span(&part));
                    self.group(part.into_inner())
                }
                _ => continue,
            };
            for item in parts {
                let item = match item {
                    Part::Good(item) => item,
                    Part::Bad(start, end) => {
                        self.bad_range(start, end, Context::AdjustmentBody);
                        continue;
                    }
                };
                let s = self.span(&item);
                let rule = item.as_rule();
                let mut inner = item.into_inner();
                let value = match rule {
                    Rule::max_value => inner.nth(1).map(|n| AdjustmentItem::Cap(self.decimal(&n))),
                    Rule::score_rule => inner.nth(1).map(|e| AdjustmentItem::Rule(self.expr(e))),
                    Rule::owner => inner.nth(1).map(|t| AdjustmentItem::Owner(self.string(t))),
                    Rule::note => inner.nth(1).map(|t| AdjustmentItem::Note(self.string(t))),
                    Rule::reference => inner
                        .nth(1)
                        .map(|t| AdjustmentItem::Reference(self.string(t))),
                    _ => None,
                };
                if let Some(value) = value {
                    adjustment.items.push(Spanned::new(value, s));
                }
            }
        }
        adjustment
    }

    fn node_item(&mut self, pair: P) -> Option<NodeItem> {
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        Some(match rule {
            Rule::max_value => {
                inner.next();
                NodeItem::Max(self.decimal(&inner.next()?))
            }
            Rule::owner => NodeItem::Owner(self.string(inner.nth(1)?)),
            Rule::source => NodeItem::Source(source_kind(inner.nth(1)?)),
            Rule::bonus => NodeItem::Bonus,
            Rule::note => NodeItem::Note(self.string(inner.nth(1)?)),
            Rule::reference => NodeItem::Reference(self.string(inner.nth(1)?)),
            Rule::not_evaluated => {
                let mut condition = None;
                let mut reason = None;
                for part in inner {
                    match part.as_rule() {
                        Rule::expr => condition = Some(self.expr(part)),
                        Rule::string => reason = Some(self.spanned_string(part)),
                        _ => {}
                    }
                }
                NodeItem::NotEvaluated { condition, reason }
            }
            Rule::zero_policy => NodeItem::ZeroPolicy(zero_action(inner.nth(1)?)),
            Rule::node_rounding => NodeItem::Rounding(self.rounding(inner)?),
            Rule::score_rule => NodeItem::Rule(self.expr(inner.nth(1)?)),
            _ => return None,
        })
    }

    // ───────────── expressions ─────────────

    fn expr(&mut self, pair: P) -> Expr {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::paren => self.expr(pair.into_inner().next().expect("inner expr")),
            Rule::expr | Rule::arith => {
                // Most expressions are a single operand: no precedence to apply.
                let mut inner = pair.clone().into_inner();
                if let (Some(only), None) = (inner.next(), inner.next()) {
                    if !matches!(only.as_rule(), Rule::op_not | Rule::neg) {
                        return self.expr(only);
                    }
                }
                let tokens: Vec<Token> = pair
                    .into_inner()
                    .map(|p| match p.as_rule() {
                        Rule::op_not => Token::Not(self.span(&p)),
                        Rule::neg => Token::Neg(self.span(&p)),
                        Rule::op_or => Token::Infix(Infix::Or, self.span(&p)),
                        Rule::op_and => Token::Infix(Infix::And, self.span(&p)),
                        Rule::cmp_op => Token::Infix(Infix::Cmp(cmp_op(p.as_str())), self.span(&p)),
                        Rule::add_op | Rule::mul_op => {
                            Token::Infix(Infix::Arith(arith_op(p.as_str())), self.span(&p))
                        }
                        _ => Token::Operand(self.expr(p)),
                    })
                    .collect();
                let mut climber = Climber {
                    tokens: tokens.into_iter().peekable(),
                    diagnostics: &mut self.diagnostics,
                };
                let e = climber.or();
                // The tree was built without recursion; everything after the parser
                // (checker, evaluator, formatter) walks it recursively, so its depth is
                // bounded here. Operands were bounded when they were built.
                if depth(&e) > MAX_EXPR_DEPTH {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E019",
                            span.clone(),
                            msg!("e019-expression-too-deep", depth = MAX_EXPR_DEPTH),
                        )
                        .with_help(msg!("e019-expression-too-deep-help")),
                    );
                    let boolean = matches!(
                        e.kind,
                        ExprKind::Not(_)
                            | ExprKind::Compare { .. }
                            | ExprKind::Binary {
                                op: BinOp::And | BinOp::Or,
                                ..
                            }
                    );
                    dispose(e);
                    return Expr {
                        kind: if boolean {
                            ExprKind::Bool(false)
                        } else {
                            ExprKind::Number(NumberLit {
                                value: Decimal::ZERO,
                                percent: false,
                            })
                        },
                        span,
                    };
                }
                e
            }
            Rule::if_expr => {
                let mut exprs = pair.into_inner().filter(|p| p.as_rule() == Rule::expr);
                let cond = self.expr(exprs.next().expect("if cond"));
                let then = self.expr(exprs.next().expect("if then"));
                let otherwise = self.expr(exprs.next().expect("if else"));
                Expr {
                    kind: ExprKind::If {
                        cond: Box::new(cond),
                        then: Box::new(then),
                        otherwise: Box::new(otherwise),
                    },
                    span,
                }
            }
            Rule::bands_expr => {
                let mut inner = pair.into_inner();
                inner.next(); // k_bands
                let subject = self.expr(inner.next().expect("bands subject"));
                let mut arms = Vec::new();
                for part in self.group(inner) {
                    match part {
                        Part::Good(arm) => arms.push(self.band_arm(arm)),
                        Part::Bad(start, end) => self.bad_range(start, end, Context::Bands),
                    }
                }
                Expr {
                    kind: ExprKind::Bands {
                        subject: Box::new(subject),
                        arms,
                    },
                    span,
                }
            }
            Rule::callable => {
                let mut inner = pair.into_inner();
                let name_pair = inner.next().expect("fname");
                match inner.next() {
                    Some(args) => {
                        let name =
                            Spanned::new(self.text(&name_pair).to_string(), self.span(&name_pair));
                        let args = args.into_inner().map(|a| self.expr(a)).collect();
                        Expr {
                            kind: ExprKind::Call { name, args },
                            span,
                        }
                    }
                    None => Expr {
                        kind: ExprKind::Name(self.text(&name_pair).to_string()),
                        span,
                    },
                }
            }
            Rule::date_lit => {
                let d = pair.into_inner().nth(1).expect("date");
                let kind = match self.date(&d) {
                    Some(date) => ExprKind::Date(date),
                    None => ExprKind::Bool(false),
                };
                Expr { kind, span }
            }
            Rule::number => Expr {
                kind: ExprKind::Number(self.number(&pair)),
                span,
            },
            Rule::string => Expr {
                kind: ExprKind::Str(self.string(pair)),
                span,
            },
            Rule::yes => Expr {
                kind: ExprKind::Bool(true),
                span,
            },
            Rule::no => Expr {
                kind: ExprKind::Bool(false),
                span,
            },
            Rule::self_max => Expr {
                kind: ExprKind::SelfMax,
                span,
            },
            Rule::awarded => Expr {
                kind: ExprKind::Awarded,
                span,
            },
            other => unreachable!("unexpected expression rule {other:?}"),
        }
    }

    fn band_arm(&mut self, pair: P) -> BandArm {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let head = inner.next().expect("arm head");
        let bounds = if head.as_rule() == Rule::band_bounds {
            let s = self.span(&head);
            Some(Spanned::new(self.band_bounds(head), s))
        } else {
            None
        };
        let value = self.expr(inner.next().expect("arm value"));
        BandArm {
            span,
            bounds,
            value,
        }
    }

    // ───────────── tests ─────────────

    fn test_block(&mut self, pair: P) -> TestSyntax {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        inner.next(); // k_test
        let name = self.spanned_string(inner.next().expect("test name"));
        let mut items = Vec::new();
        for part in self.group(inner) {
            let item = match part {
                Part::Good(item) => item,
                Part::Bad(start, end) => {
                    self.bad_range(start, end, Context::TestBody);
                    continue;
                }
            };
            let s = self.span(&item);
            let rule = item.as_rule();
            let value = match rule {
                Rule::given => {
                    let assignments = item
                        .into_inner()
                        .filter(|p| p.as_rule() == Rule::assignment)
                        .map(|a| {
                            let mut parts = a.into_inner();
                            let n = parts.next().expect("name");
                            let name = Spanned::new(self.text(&n).to_string(), self.span(&n));
                            let lit = self.literal(parts.next().expect("literal"));
                            (name, lit)
                        })
                        .collect();
                    TestItem::Given(assignments)
                }
                Rule::given_points => {
                    let mut parts = item.into_inner();
                    parts.next();
                    let id = self.node_id(parts.next().expect("id"));
                    let value = self.decimal(&parts.next().expect("value"));
                    TestItem::Points { id, value }
                }
                Rule::given_not_evaluated => {
                    let mut parts = item.into_inner();
                    parts.next();
                    let id = self.node_id(parts.next().expect("id"));
                    let reason = parts
                        .find(|p| p.as_rule() == Rule::string)
                        .map(|p| self.string(p));
                    TestItem::NotEvaluated { id, reason }
                }
                Rule::expect => {
                    let mut parts = item.into_inner();
                    parts.next();
                    let what = parts.next().expect("expectation");
                    let rule = what.as_rule();
                    let mut p = what.into_inner();
                    match rule {
                        Rule::expect_not_evaluated => TestItem::ExpectNotEvaluated {
                            id: self.node_id(p.next().expect("id")),
                        },
                        Rule::expect_score => {
                            let id = self.node_id(p.next().expect("id"));
                            let value = self.decimal(&p.next().expect("value"));
                            TestItem::ExpectScore { id, value }
                        }
                        Rule::expect_percent => {
                            TestItem::ExpectPercent(self.number(&p.nth(1).expect("value")).value)
                        }
                        Rule::expect_grade => {
                            TestItem::ExpectGrade(self.string(p.nth(1).expect("grade")))
                        }
                        Rule::expect_achieved => {
                            TestItem::ExpectAchieved(self.decimal(&p.nth(1).expect("value")))
                        }
                        Rule::expect_total => {
                            TestItem::ExpectTotal(self.decimal(&p.nth(1).expect("value")))
                        }
                        _ => TestItem::ExpectMax(self.decimal(&p.nth(1).expect("value"))),
                    }
                }
                _ => continue,
            };
            items.push(Spanned::new(value, s));
        }
        TestSyntax { span, name, items }
    }

    fn node_id(&self, pair: P) -> Spanned<String> {
        Spanned::new(self.text(&pair).to_string(), self.span(&pair))
    }

    // ───────────── recovery ─────────────

    /// Pairs a block's parts with the bad fragment that follows one on the same line: PEG
    /// backtracking parses `score = ratio(a, ` as `score = ratio` plus a bad `(a, `, and the
    /// honest report is one syntax error for the whole statement.
    fn group<'i>(&self, parts: pest::iterators::Pairs<'i, Rule>) -> Vec<Part<'i>> {
        let mut out: Vec<Part<'i>> = Vec::new();
        for pair in parts {
            if pair.as_rule() == Rule::block_end {
                continue;
            }
            if pair.as_rule() == Rule::bad_stmt {
                if let Some(Part::Good(prev)) = out.last() {
                    let between = &self.folded.text[self.folded_range(prev.as_span()).end
                        ..self.folded_range(pair.as_span()).start];
                    let prev_text = prev.as_str();
                    if !between.contains('\n')
                        && !prev_text.contains('\n')
                        && prev.as_rule() != Rule::node
                    {
                        let start = self.folded_range(prev.as_span()).start;
                        out.pop();
                        out.push(Part::Bad(start, self.folded_range(pair.as_span()).end));
                        continue;
                    }
                }
                let range = self.folded_range(pair.as_span());
                out.push(Part::Bad(range.start, range.end));
            } else {
                out.push(Part::Good(pair));
            }
        }
        out
    }

    /// Turns a catch-all match into a diagnostic, re-parsing its text with the rule meant there
    /// to say what was expected.
    fn bad(&mut self, pair: P, context: Context) {
        let range = self.folded_range(pair.as_span());
        self.bad_range(range.start, range.end, context);
    }

    fn bad_range(&mut self, start: usize, end: usize, context: Context) {
        let text = &self.folded.text[start..end];
        let span = self.folded.original_span(start..end);
        let trimmed = self.original[span.clone()].trim();
        if trimmed == "}" {
            self.diagnostics.push(
                Diagnostic::error("E001", span, msg!("e001-unmatched-close"))
                    .with_help(msg!("e001-unmatched-close-help")),
            );
            return;
        }
        if trimmed == "{" {
            self.diagnostics.push(
                Diagnostic::error("E001", span, msg!("e001-unclosed-open"))
                    .with_help(msg!("e001-unclosed-open-help")),
            );
            return;
        }
        let rule = match context {
            Context::TopLevel => Rule::top_stmt,
            Context::Header => Rule::header_stmt,
            Context::NodeBody => Rule::node_stmt,
            Context::Bands => Rule::band_stmt,
            Context::TestBody => Rule::test_stmt,
            Context::AdjustmentBody => Rule::adjustment_stmt,
        };
        let place = match context {
            Context::TopLevel => Place::Top,
            Context::Header => Place::Header,
            Context::NodeBody | Context::AdjustmentBody => Place::Node,
            Context::Bands => Place::Bands,
            Context::TestBody => Place::Test,
        };
        let diagnostic = match ChisoParser::parse(rule, text) {
            // The statement's first words are wrong: a misspelt keyword is named.
            Err(error) => match super::keywords::misspelled(&self.original[span.clone()], place) {
                Some(keyword) if self.pest_error_at(&error, start) == span.start => self
                    .pest_error(error, start)
                    .with_help(msg!("did-you-mean", name = keyword)),
                _ => self.pest_error(error, start),
            },
            Ok(_) if matches!(context, Context::TopLevel) => {
                Diagnostic::error("E001", span, msg!("e001-statement-not-understood"))
            }
            Ok(_) => Diagnostic::error("E001", span, msg!("e001-statement-not-allowed")).with_help(
                match context {
                    Context::Header => msg!("e001-header-holds"),
                    Context::NodeBody => msg!("e001-node-holds"),
                    Context::Bands => msg!("e001-band-arm-reads"),
                    Context::AdjustmentBody => msg!("e001-adjustment-holds"),
                    _ => msg!("e001-test-holds"),
                },
            ),
        };
        self.diagnostics.push(diagnostic);
    }

    /// Where in the original text a pest error (positions in the folded text, offset by
    /// `base`) points.
    fn pest_error_at(&self, error: &pest::error::Error<Rule>, base: usize) -> usize {
        let pos = match error.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((s, _)) => s,
        } + base;
        self.folded.original_offset(pos)
    }

    /// Converts a pest error (positions in the folded text, offset by `base`) into ours. pest's
    /// own miette adapter puts the caret at a char column as if it were a byte: not on our watch.
    fn pest_error(&self, error: pest::error::Error<Rule>, base: usize) -> Diagnostic {
        let pos = match error.location {
            InputLocation::Pos(p) => p,
            InputLocation::Span((s, _)) => s,
        } + base;
        let start = self.folded.original_offset(pos);
        let word_end = self.original[start..]
            .find(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '{' | '}' | ',' | ':'))
            .map_or(self.original.len(), |i| start + i);
        let end = if word_end > start {
            word_end
        } else {
            next_char_boundary(self.original, start)
        };
        let message = match &error.variant {
            ErrorVariant::ParsingError { positives, .. } => {
                let mut expected: Vec<&'static str> =
                    positives.iter().filter_map(|r| friendly(*r)).collect();
                expected.dedup();
                let found = self.original[start..]
                    .split(|c: char| c.is_whitespace())
                    .next()
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        msg!(
                            "e001-found-word",
                            word = w.chars().take(24).collect::<String>()
                        )
                    })
                    .unwrap_or_else(|| msg!("e001-end-of-line"));
                if expected.is_empty() {
                    msg!("e001-unexpected", found = found)
                } else {
                    msg!(
                        "e001-expected-found",
                        expected = join_or(&expected),
                        found = found
                    )
                }
            }
            ErrorVariant::CustomError { message } => Message::plain(message.clone()),
        };
        Diagnostic::error(
            "E001",
            start..end,
            msg!("e001-syntax-error", message = message),
        )
        .with_span_label(msg!("e001-here"))
        .with_help(msg!("e001-syntax-error-help"))
    }
}

/// pest spans of rules ending in an optional or repeated part can take in the whitespace and
/// comments that follow; cut them off so that spans end at the last token. Comments are the
/// lexer's (a `#` inside a string of either kind, or after an escaped quote, is text).
fn trim_trailing_trivia(text: &str, lexed: &Lexed, start: usize, mut end: usize) -> usize {
    loop {
        end = start + text[start..end].trim_end().len();
        match lexed.trivia_at(end) {
            Some(c) if c.kind == LexemeKind::Comment && c.span.start > start => end = c.span.start,
            _ => return end,
        }
    }
}

fn next_char_boundary(text: &str, offset: usize) -> usize {
    text[offset..]
        .chars()
        .next()
        .map_or(offset, |c| offset + c.len_utf8())
}

/// The expected things (catalogue ids) as one message: "a, b or c".
fn join_or(items: &[&'static str]) -> Message {
    match items {
        [] => Message::plain(""),
        [one] => Message::new(one),
        [init @ .., last] => msg!(
            "list-or",
            init = init.iter().map(|id| Message::new(id)).collect::<Vec<_>>(),
            last = Message::new(last)
        ),
    }
}

fn source_kind(pair: P) -> SourceKind {
    match pair.into_inner().next().map(|p| p.as_rule()) {
        Some(Rule::s_survey) => SourceKind::Survey,
        Some(Rule::s_satisfaction) => SourceKind::Satisfaction,
        _ => SourceKind::SelfAssessment,
    }
}

fn adjustment_kind(pair: P) -> AdjustmentKind {
    match pair.into_inner().next().map(|p| p.as_rule()) {
        Some(Rule::k_penalty) => AdjustmentKind::Penalty,
        _ => AdjustmentKind::Bonus,
    }
}

fn zero_action(pair: P) -> ZeroAction {
    match pair.into_inner().next().map(|p| p.as_rule()) {
        Some(Rule::z_zero) => ZeroAction::Zero,
        Some(Rule::z_error) => ZeroAction::Error,
        _ => ZeroAction::NotEvaluated,
    }
}

/// What a user should read for a rule pest expected: a catalogue id (`expected-…`).
fn friendly(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::string => "expected-a-quoted-text",
        Rule::number | Rule::signed_number => "expected-a-number",
        Rule::integer => "expected-a-whole-number",
        Rule::date => "expected-a-date-31-12",
        Rule::node_id => "expected-an-id-such-as",
        Rule::ident | Rule::callable | Rule::fname => "expected-a-name",
        Rule::expr | Rule::arith => "expected-an-expression",
        Rule::k_max | Rule::max_value => "expected-max",
        Rule::node_body => "expected-open-brace",
        Rule::node | Rule::node_kw => "expected-a-criterion",
        Rule::input_type => "expected-a-type-count-decimal",
        Rule::band_bounds | Rule::lower_bound | Rule::upper_bound => "expected-a-bound-from-below",
        Rule::k_otherwise => "expected-otherwise-con-lai",
        Rule::round_target => "expected-ratio-score-total-or",
        Rule::round_mode => "expected-a-rounding-mode-half",
        Rule::source_name => "expected-self-survey-or-satisfaction",
        Rule::zero_action => "expected-not-evaluated-zero-or",
        Rule::level_name => "expected-department-district-commune-province",
        Rule::count_kind => "expected-areas-criteria-or-subcriteria",
        Rule::cmp_op => "expected-a-comparison",
        Rule::add_op | Rule::mul_op => "expected-an-operator",
        Rule::k_then => "expected-then-thi",
        Rule::k_else => "expected-else-nguoc-lai",
        Rule::k_when => "expected-when-khi",
        Rule::k_because => "expected-because-vi",
        Rule::EOI => "expected-end-of-statement",
        Rule::k_score | Rule::score_rule => "expected-score",
        Rule::k_not_evaluated
        | Rule::not_evaluated
        | Rule::expect_not_evaluated
        | Rule::given_not_evaluated => "expected-not-evaluated-keyword",
        Rule::k_expect | Rule::expect => "expected-expect",
        Rule::k_given | Rule::given => "expected-given",
        Rule::assignment => "expected-name-value",
        Rule::literal => "expected-a-value",
        Rule::header_stmt
        | Rule::node_stmt
        | Rule::test_stmt
        | Rule::band_stmt
        | Rule::band_arm => "expected-a-statement",
        Rule::k_grade | Rule::grade | Rule::expect_grade => "expected-grade-xep-loai",
        Rule::k_stages | Rule::stages => "expected-stages",
        Rule::k_group | Rule::group_decl => "expected-group",
        Rule::expect_percent | Rule::t_percent => "expected-percent",
        Rule::expect_achieved | Rule::k_achieved => "expected-achieved",
        Rule::expect_score => "expected-id-points",
        Rule::ruleset_block | Rule::k_ruleset => "expected-ruleset-bo-tieu-chi",
        Rule::input_decl | Rule::k_input => "expected-input",
        Rule::test_block | Rule::k_test => "expected-test-kiem-thu",
        Rule::adjustment | Rule::adjustment_kw => "expected-adjustment",
        Rule::k_places => "expected-places",
        Rule::k_on => "expected-on",
        _ => return None,
    })
}
