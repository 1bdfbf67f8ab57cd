//! Stage 2: syntax tree → checked [`Ruleset`]. Reports every problem in one pass, and always
//! returns a model (best effort on a broken file) so the editor keeps working.

mod expr;
pub(crate) mod intervals;

use crate::diagnostic::{Diagnostic, Span};
use crate::message::Message;
use crate::model::*;
use crate::msg;
use crate::syntax::ast::{
    self, AdjustmentItem, HeaderItem, InputTypeSyntax, LiteralKind, NodeItem, NodeKeyword,
    SyntaxFile, TestItem,
};
use crate::text::{did_you_mean, format_decimal, name_key};
pub(crate) use expr::Ty;
pub use expr::ValueRange;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// A use of an input, for go-to-definition, references, rename and "used by".
#[derive(Debug, Clone, PartialEq)]
pub struct InputRef {
    /// The input's slot: index into `ruleset.inputs`.
    pub slot: usize,
    /// The name as written in the rule, condition or test: byte range into the ruleset text.
    pub span: Span,
    /// The node whose rule or condition uses it (`None` in a test).
    pub node: Option<usize>,
}

/// A mention of a node id outside its definition (in a test).
#[derive(Debug, Clone, PartialEq)]
pub struct NodeRef {
    /// The node's index in `ruleset.nodes`.
    pub node: usize,
    /// The id as written: byte range into the ruleset text.
    pub span: Span,
}

/// Where names are used in the ruleset text, for the editor; definitions are in the model
/// (`Input::name_span`, `Node::id_span`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct References {
    /// Every use of a declared input, in checking order.
    pub inputs: Vec<InputRef>,
    /// Every mention of a node id in a test.
    pub nodes: Vec<NodeRef>,
    /// Names used in rules that no input declares (each reported as `E008`), with their spans.
    pub unknown_names: Vec<(String, Span)>,
}

/// The checker's result: a model (always), where names are used, and every finding.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The model, built even when there are errors.
    pub ruleset: Ruleset,
    /// Where names are used.
    pub references: References,
    /// The checker's findings (`E…`, `W…`, see `docs/diagnostics.md`), sorted by span start, then
    /// code. Syntax errors are not here: they come from [`crate::syntax::parse`].
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks a parsed ruleset; `source` is the text it was parsed from (for rule texts and fixes).
pub fn check(file: &SyntaxFile, source: &str) -> Checked {
    // Every id the file writes, so that a renumbering suggestion is free in the whole file.
    fn ids(n: &ast::NodeSyntax, out: &mut std::collections::HashSet<String>) {
        out.insert(n.id.value.clone());
        n.children.iter().for_each(|c| ids(c, out));
    }
    let mut written_ids = std::collections::HashSet::new();
    file.nodes.iter().for_each(|n| ids(n, &mut written_ids));
    let mut checker = Checker {
        source: source.to_string(),
        written_ids,
        ..Checker::default()
    };
    let meta_and_policy = checker.header(file);
    checker.inputs(file);
    let (meta, rounding, zero_default, declared) = meta_and_policy;
    checker.tree(file, rounding, zero_default);
    checker.totals(&meta, &declared);
    let adjustments = checker.adjustments(file, &meta, zero_default);
    checker.grade_bands(&meta, &adjustments);
    checker.unused_inputs();
    let tests = checker.tests(file, &meta);
    checker.apply_known_faults(&declared);
    checker.diagnostics.sort_by_key(|d| (d.span.start, d.code));
    let mut ruleset = Ruleset {
        meta,
        inputs: checker.inputs,
        nodes: checker.nodes,
        roots: checker.roots,
        rounding,
        best_slots: checker.best_slots,
        tests,
        node_ids: checker.ids,
        input_keys: checker.input_keys,
        adjustments,
        input_owners: Vec::new(),
    };
    let users = crate::owners::users_of_inputs(&ruleset);
    ruleset.input_owners = (0..ruleset.inputs.len())
        .map(|slot| crate::owners::input_offices(&ruleset, slot, &users))
        .collect();
    Checked {
        ruleset,
        references: checker.references,
        diagnostics: checker.diagnostics,
    }
}

/// Findings a ruleset may acknowledge as faults of its source: contradictions between the
/// decree's own statements (sums, total, counts, shares), never errors of the ruleset itself.
const KNOWN_FAULT_CODES: [&str; 4] = ["E004", "E005", "E006", "E007"];

/// Header declarations checked against the tree once it is built.
#[derive(Default)]
struct Declared {
    /// lỗi nguồn: (code, reason, span)
    known_faults: Vec<(String, String, Span)>,
    total_span: Option<Span>,
    counts: Vec<(CountKind, u32, Span)>,
    shares: Vec<(SourceKind, Decimal, Span)>,
}

#[derive(Default)]
struct Checker {
    source: String,
    inputs: Vec<Input>,
    input_keys: HashMap<String, usize>,
    input_names: HashMap<String, usize>,
    used_inputs: Vec<bool>,
    nodes: Vec<Node>,
    roots: Vec<usize>,
    ids: HashMap<String, usize>,
    best_slots: usize,
    references: References,
    diagnostics: Vec<Diagnostic>,
    /// Every node id the file writes (`written_ids`), declared or not yet reached.
    written_ids: std::collections::HashSet<String>,
    /// The span of each node's `max` number, for the "set max to the children's sum" fix.
    max_spans: Vec<Option<Span>>,
    /// Grade declarations with a bound written with `%`: wrong when grading on points.
    percent_grades: Vec<Span>,
}

fn rounding_of(r: &ast::RoundingSyntax) -> Rounding {
    Rounding {
        places: r.places,
        mode: r.mode.unwrap_or_default(),
    }
}

impl Checker {
    fn header(
        &mut self,
        file: &SyntaxFile,
    ) -> (Meta, RoundingPolicy, Option<ZeroAction>, Declared) {
        let mut meta = Meta::default();
        let mut rounding = RoundingPolicy::default();
        let mut zero_default = None;
        let mut declared = Declared::default();
        let Some(header) = file.headers.first() else {
            self.diagnostics.push(
                Diagnostic::error("E021", 0..0, msg!("e021-no-header"))
                    .with_help(msg!("e021-no-header-help")),
            );
            return (meta, rounding, zero_default, declared);
        };
        for extra in &file.headers[1..] {
            self.diagnostics.push(
                Diagnostic::error("E021", extra.title.span.clone(), msg!("e021-second-header"))
                    .with_label(header.title.span.clone(), msg!("e021-first-header")),
            );
        }
        meta.title = header.title.value.clone();
        let mut seen: HashMap<String, Span> = HashMap::new();
        for item in &header.items {
            let key = match &item.value {
                HeaderItem::Count(kind, _) => format!("count {}", kind.as_str()),
                HeaderItem::Share(source, _) => format!("share {}", source.as_str()),
                HeaderItem::Grade { name, .. } => format!("grade {}", name_key(name)),
                HeaderItem::Rounding(r) => format!("rounding {}", r.target.as_str()),
                HeaderItem::AdjustmentCap(kind, _) => format!("cap {}", kind.as_str()),
                HeaderItem::KnownFault { code, .. } => format!("known fault {code}"),
                HeaderItem::Group(name) => format!("group {}", crate::text::fold(name.trim())),
                other => format!("{:?}", std::mem::discriminant(other)),
            };
            if let Some(first) = seen.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error("E023", item.span.clone(), msg!("e023-declared-twice"))
                        .with_label(first.clone(), msg!("first-declared-here")),
                );
                continue;
            }
            seen.insert(key, item.span.clone());
            match &item.value {
                HeaderItem::Issuer(s) => meta.issuer = Some(s.clone()),
                HeaderItem::Decree { number, date } => {
                    meta.decree = Some(number.clone());
                    meta.decree_date = *date;
                }
                HeaderItem::Year(y) => meta.year = Some(*y),
                HeaderItem::Level(l) => meta.level = Some(*l),
                HeaderItem::Total(t) => {
                    meta.total = Some(*t);
                    declared.total_span = Some(item.span.clone());
                }
                HeaderItem::Count(kind, n) => declared.counts.push((*kind, *n, item.span.clone())),
                HeaderItem::Share(source, v) => {
                    declared.shares.push((*source, *v, item.span.clone()))
                }
                HeaderItem::Grade { name, bounds } => {
                    if [bounds.lower, bounds.upper]
                        .iter()
                        .flatten()
                        .any(|b| b.value.percent)
                    {
                        self.percent_grades.push(item.span.clone());
                    }
                    meta.grades.push(GradeBand {
                        name: name.clone(),
                        interval: expr::to_num_interval(bounds, false),
                        span: item.span.clone(),
                    });
                }
                HeaderItem::Rounding(r) => {
                    if r.places > 28 {
                        self.diagnostics.push(Diagnostic::error(
                            "E017",
                            item.span.clone(),
                            msg!("e017-rounding-places"),
                        ));
                    } else {
                        rounding.set(r.target, rounding_of(r));
                    }
                }
                HeaderItem::PercentFromRoundedTotal => meta.percent_from_rounded_total = true,
                HeaderItem::GradeBasis(basis) => meta.grade_basis = *basis,
                HeaderItem::AdjustmentCap(AdjustmentKind::Bonus, cap) => {
                    meta.adjustment_policy.bonus_cap = Some(*cap)
                }
                HeaderItem::AdjustmentCap(AdjustmentKind::Penalty, cap) => {
                    meta.adjustment_policy.penalty_cap = Some(*cap)
                }
                HeaderItem::BonusAboveMax(above) => meta.adjustment_policy.bonus_above_max = *above,
                HeaderItem::Floor(floor) => meta.adjustment_policy.floor = *floor,
                HeaderItem::DisplayPlaces(places) => {
                    if *places > 28 {
                        self.diagnostics.push(Diagnostic::error(
                            "E017",
                            item.span.clone(),
                            msg!("e017-display-places"),
                        ));
                    } else {
                        meta.display_places = Some(*places);
                    }
                }
                HeaderItem::ZeroDefault(z) => {
                    zero_default = Some(*z);
                    meta.zero_default = Some(*z);
                }
                HeaderItem::Stages(names) => self.stages(&mut meta, names, &item.span),
                HeaderItem::Group(name) => meta.groups.push(name.trim().to_string()),
                HeaderItem::KnownFault { code, reason } => {
                    if KNOWN_FAULT_CODES.contains(&code.as_str()) {
                        declared.known_faults.push((
                            code.clone(),
                            reason.clone(),
                            item.span.clone(),
                        ));
                    } else {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "E024",
                                item.span.clone(),
                                msg!("e024-not-acceptable", code = code.as_str()),
                            )
                            .with_help(msg!("e024-not-acceptable-help")),
                        );
                    }
                }
            }
        }
        (meta, rounding, zero_default, declared)
    }

    /// The declared stages: at least the self-assessment and one appraisal, at most
    /// [`crate::data::Stage::MAX_STAGES`], no name twice (`E017`, `E023`).
    fn stages(&mut self, meta: &mut Meta, names: &[(String, Span)], all: &Span) {
        use crate::data::Stage;
        if names.len() < 2 || names.len() > Stage::MAX_STAGES {
            self.diagnostics.push(
                Diagnostic::error(
                    "E017",
                    all.clone(),
                    crate::msg!(
                        "e017-stage-count",
                        count = names.len(),
                        rounds = Stage::MAX_STAGES - 1
                    ),
                )
                .with_help(crate::msg!("e017-stage-count-help")),
            );
            return;
        }
        for (i, (name, span)) in names.iter().enumerate() {
            let key = crate::text::fold(name.trim());
            if let Some((_, first)) = names[..i]
                .iter()
                .find(|(n, _)| crate::text::fold(n.trim()) == key)
            {
                self.diagnostics.push(
                    Diagnostic::error("E023", span.clone(), crate::msg!("e023-stage-twice"))
                        .with_label(first.clone(), msg!("first-declared-here")),
                );
                return;
            }
            // Another stage's word (`appraised` as the third stage's name) would be read as
            // that other stage.
            if let Some(other) = Stage::parse(name).filter(|s| s.index() != i) {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E017",
                        span.clone(),
                        crate::msg!(
                            "e017-stage-word",
                            name = name.trim(),
                            stage = other.index() + 1,
                            word = other.as_str(),
                            position = i + 1
                        ),
                    )
                    .with_help(crate::msg!("e017-stage-order")),
                );
                return;
            }
        }
        meta.stages = names.iter().map(|(n, _)| n.trim().to_string()).collect();
    }

    /// Grades must cover their range exactly once: 0–100% on the percentage, 0 to the
    /// tree's total on points; a bonus allowed above the maximum leaves the range open above.
    fn grade_bands(&mut self, meta: &Meta, adjustments: &[Adjustment]) {
        let grades = &meta.grades;
        if grades.is_empty() {
            return;
        }
        let on_points = meta.grade_basis == GradeBasis::Points;
        let open_above = meta.adjustment_policy.bonus_above_max
            && adjustments.iter().any(|a| a.kind == AdjustmentKind::Bonus);
        let top = if on_points {
            self.roots.iter().map(|&r| self.nodes[r].max).sum()
        } else {
            Decimal::ONE_HUNDRED
        };
        let domain = intervals::Domain {
            interval: NumInterval {
                lower: Some((Decimal::ZERO, true)),
                upper: (!open_above).then_some((top, true)),
            },
            integer: false,
        };
        let bands: Vec<NumInterval> = grades.iter().map(|g| g.interval).collect();
        let coverage = intervals::coverage(domain, &bands);
        let all = grades[0].span.start..grades.last().expect("grades").span.end;
        if on_points {
            for span in std::mem::take(&mut self.percent_grades) {
                self.diagnostics.push(
                    Diagnostic::error("E016", span, msg!("e016-percent-band-on-points"))
                        .with_help(msg!("e016-percent-band-on-points-help")),
                );
            }
        }
        for gap in &coverage.gaps {
            let mut d = Diagnostic::error(
                "E016",
                all.clone(),
                if on_points {
                    msg!(
                        "e016-grade-gap-points",
                        gap = intervals::describe_gap(gap, false)
                    )
                } else {
                    msg!("e016-grade-gap", gap = intervals::describe_gap(gap, false))
                },
            )
            .with_help(msg!(
                "e016-grade-gap-help",
                gap = intervals::describe_gap(gap, false)
            ));
            if open_above && gap.upper.is_none() {
                d = d.with_help(msg!("e016-open-above-help"));
            }
            self.diagnostics.push(d);
        }
        for (earlier, later) in coverage.overlaps {
            self.diagnostics.push(
                Diagnostic::error(
                    "E016",
                    grades[later].span.clone(),
                    msg!(
                        "e016-grade-overlap",
                        later = grades[later].name.as_str(),
                        earlier = grades[earlier].name.as_str()
                    ),
                )
                .with_label(
                    grades[earlier].span.clone(),
                    msg!("e016-overlaps-this-grade"),
                ),
            );
        }
    }

    // ───────────── bonus and penalty items ─────────────

    /// Bonus and penalty items outside the tree: unique ids, a rule that is a number ≥ 0
    /// over inputs only (`E025`, `E026`), a floor within the tree's total (`E027`).
    fn adjustments(
        &mut self,
        file: &SyntaxFile,
        meta: &Meta,
        zero_default: Option<ZeroAction>,
    ) -> Vec<Adjustment> {
        let mut out: Vec<Adjustment> = Vec::new();
        let tree_total: Decimal = self.roots.iter().map(|&r| self.nodes[r].max).sum();
        for syntax in &file.adjustments {
            let id = &syntax.id.value;
            let first = self
                .ids
                .get(id)
                .map(|&n| self.nodes[n].id_span.clone())
                .or_else(|| out.iter().find(|a| &a.id == id).map(|a| a.id_span.clone()));
            if let Some(first) = first {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E002",
                        syntax.id.span.clone(),
                        msg!("e002-duplicate-id", id = id.as_str()),
                    )
                    .with_label(first, msg!("e002-first-used-here")),
                );
            }
            let kind = syntax.kind.value;
            let mut cap = None;
            let mut owner = None;
            let mut notes = Vec::new();
            let mut references = Vec::new();
            let mut rule_syntax = None;
            let mut seen: HashMap<&'static str, Span> = HashMap::new();
            for item in &syntax.items {
                let key = match &item.value {
                    AdjustmentItem::Cap(_) => Some("max"),
                    AdjustmentItem::Rule(_) => Some("score"),
                    AdjustmentItem::Owner(_) => Some("owner"),
                    _ => None,
                };
                if let Some(key) = key {
                    if let Some(first) = seen.get(key) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "E023",
                                item.span.clone(),
                                msg!("e023-node-item-twice", key = key, id = id.as_str()),
                            )
                            .with_label(first.clone(), msg!("first-declared-here")),
                        );
                        continue;
                    }
                    seen.insert(key, item.span.clone());
                }
                match &item.value {
                    AdjustmentItem::Cap(c) => cap = Some(*c),
                    AdjustmentItem::Rule(e) => rule_syntax = Some(e),
                    AdjustmentItem::Owner(o) => owner = Some(o.clone()),
                    AdjustmentItem::Note(n) => notes.push(n.clone()),
                    AdjustmentItem::Reference(r) => references.push(r.clone()),
                }
            }
            // Every message names the item in the reader's language (`điểm thưởng T1`).
            let name = msg!(
                "adjustment-name",
                kind = adjustment_kind(kind),
                id = id.as_str()
            );
            let (rule, rule_text) = match rule_syntax {
                Some(expr) => {
                    let mut ctx = expr::ExprContext {
                        inputs: &self.inputs,
                        input_keys: &self.input_keys,
                        input_names: &self.input_names,
                        node_max: cap.unwrap_or_default(),
                        node_index: None,
                        node_id: name.clone(),
                        has_zero_policy: zero_default.is_some(),
                        best_slots: &mut self.best_slots,
                        references: &mut self.references,
                        used_inputs: &mut self.used_inputs,
                        diagnostics: &mut self.diagnostics,
                        bare_condition: false,
                    };
                    let compiled = ctx.compile(expr);
                    self.outside_the_tree(&compiled.expr, &name, cap.is_some());
                    if compiled.ty == Ty::Number {
                        if compiled.range.known
                            && compiled.range.lo.is_none_or(|l| l < Decimal::ZERO)
                        {
                            let reach =
                                compiled.range.lo.map_or(msg!("e026-no-lower-limit"), |l| {
                                    msg!("e026-reaches", value = l)
                                });
                            self.diagnostics.push(
                                Diagnostic::error(
                                    "E026",
                                    expr.span.clone(),
                                    msg!("e026-below-zero", item = name.clone(), reach = reach),
                                )
                                .with_help(match kind {
                                    AdjustmentKind::Penalty => msg!("e026-penalty-help"),
                                    AdjustmentKind::Bonus => msg!("e026-bonus-help"),
                                }),
                            );
                        }
                    } else if compiled.ty != Ty::Error {
                        self.diagnostics.push(Diagnostic::error(
                            "E009",
                            expr.span.clone(),
                            msg!(
                                "e009-item-not-number",
                                item = name.clone(),
                                found = describe_ty(&compiled.ty)
                            ),
                        ));
                    }
                    (compiled.expr, self.source[expr.span.clone()].to_string())
                }
                None => {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E025",
                            syntax.id.span.clone(),
                            msg!("e025-no-rule", item = name.clone()),
                        )
                        .with_help(msg!("e025-no-rule-help")),
                    );
                    (
                        CExpr {
                            kind: CExprKind::Const(Value::Number(Decimal::ZERO)),
                            span: syntax.id.span.clone(),
                        },
                        String::new(),
                    )
                }
            };
            out.push(Adjustment {
                id: id.clone(),
                title: syntax.title.value.clone(),
                kind,
                cap,
                rule,
                rule_text,
                owner,
                notes,
                references,
                span: syntax.span.clone(),
                id_span: syntax.id.span.clone(),
            });
        }
        let floor = meta.adjustment_policy.floor;
        if !floor.is_zero() && !self.roots.is_empty() && floor > tree_total {
            if let Some(header) = file.headers.first() {
                let span = header
                    .items
                    .iter()
                    .find(|i| matches!(i.value, HeaderItem::Floor(_)))
                    .map_or(header.title.span.clone(), |i| i.span.clone());
                self.diagnostics.push(Diagnostic::error(
                    "E027",
                    span,
                    msg!("e027-floor-above-total", floor = floor, total = tree_total),
                ));
            }
        }
        out
    }

    /// What has no meaning outside the tree: the council's points for a node (`awarded`),
    /// the batch's best (`best`), and `max` of an item without a cap (`E025`).
    fn outside_the_tree(&mut self, expr: &CExpr, label: &Message, has_cap: bool) {
        let what = match &expr.kind {
            CExprKind::Awarded => Some(msg!("e025-what-awarded")),
            CExprKind::Best(..) => Some(msg!("e025-what-best")),
            CExprKind::SelfMax if !has_cap => Some(msg!("e025-what-max")),
            _ => None,
        };
        if let Some(what) = what {
            self.diagnostics.push(
                Diagnostic::error(
                    "E025",
                    expr.span.clone(),
                    msg!("e025-outside-tree", what = what, item = label.clone()),
                )
                .with_help(msg!("e025-outside-tree-help")),
            );
        }
        expr.for_each_child(&mut |child| self.outside_the_tree(child, label, has_cap));
    }

    fn inputs(&mut self, file: &SyntaxFile) {
        for decl in &file.inputs {
            let key = name_key(&decl.name.value);
            if let Some(&first) = self.input_keys.get(&key) {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E022",
                        decl.name.span.clone(),
                        msg!("e022-input-twice", name = decl.name.value.as_str()),
                    )
                    .with_label(
                        self.inputs[first].name_span.clone(),
                        msg!("first-declared-here"),
                    ),
                );
                continue;
            }
            let ty = match &decl.ty.value {
                InputTypeSyntax::Count => InputType::Count,
                InputTypeSyntax::Decimal => InputType::Decimal,
                InputTypeSyntax::Percent => InputType::Percent,
                InputTypeSyntax::YesNo => InputType::YesNo,
                InputTypeSyntax::Date => InputType::Date,
                InputTypeSyntax::Points => InputType::Points,
                InputTypeSyntax::Levels(levels) => {
                    let mut seen: HashMap<String, &Span> = HashMap::new();
                    for level in levels {
                        if let Some(first) = seen.insert(name_key(&level.value), &level.span) {
                            self.diagnostics.push(
                                Diagnostic::error(
                                    "E022",
                                    level.span.clone(),
                                    msg!("e022-level-twice", level = level.value.as_str()),
                                )
                                .with_label(first.clone(), msg!("e022-first-listed-here")),
                            );
                        }
                    }
                    InputType::Levels(levels.iter().map(|l| l.value.clone()).collect())
                }
            };
            let default = decl
                .default
                .as_ref()
                .and_then(|lit| self.literal_value(lit, &ty, &decl.name.value));
            self.input_keys.insert(key.clone(), self.inputs.len());
            self.input_names
                .insert(decl.name.value.clone(), self.inputs.len());
            self.inputs.push(Input {
                name: decl.name.value.clone(),
                key,
                ty,
                description: decl.description.as_ref().map(|d| d.value.clone()),
                owner: decl.owner.as_ref().map(|o| o.value.clone()),
                default,
                span: decl.span.clone(),
                name_span: decl.name.span.clone(),
            });
        }
        self.used_inputs = vec![false; self.inputs.len()];
    }

    /// A literal (a default or a test value) as a value of the input's type.
    fn literal_value(&mut self, lit: &ast::Literal, ty: &InputType, name: &str) -> Option<Value> {
        let mismatch = |what: &'static str| {
            Diagnostic::error(
                "E009",
                lit.span.clone(),
                msg!(
                    "e009-literal-mismatch",
                    name = name,
                    ty = input_type_word(ty),
                    what = Message::new(what)
                ),
            )
        };
        let value = match (&lit.kind, ty) {
            (LiteralKind::Number { negative: true, .. }, _) => {
                self.diagnostics.push(Diagnostic::error(
                    "E009",
                    lit.span.clone(),
                    msg!("e009-negative", name = name),
                ));
                return None;
            }
            (LiteralKind::Number { value, .. }, InputType::Count) => {
                if value.percent || !value.value.fract().is_zero() {
                    self.diagnostics.push(mismatch("literal-not-whole"));
                    return None;
                }
                Value::Number(value.value)
            }
            (LiteralKind::Number { value, .. }, InputType::Percent) => {
                let v = if value.percent {
                    value.as_fraction()
                } else {
                    value.value / Decimal::ONE_HUNDRED
                };
                if v > Decimal::ONE {
                    self.diagnostics.push(mismatch("literal-above-100"));
                    return None;
                }
                Value::Number(v)
            }
            (LiteralKind::Number { value, .. }, InputType::Decimal | InputType::Points) => {
                if value.percent {
                    self.diagnostics.push(mismatch("literal-percentage"));
                    return None;
                }
                Value::Number(value.value)
            }
            (LiteralKind::Bool(b), InputType::YesNo) => Value::Bool(*b),
            (LiteralKind::Date(d), InputType::Date) => Value::Date(*d),
            (LiteralKind::Str(s), InputType::Levels(levels)) => {
                match levels.iter().position(|l| name_key(l) == name_key(s)) {
                    Some(i) => Value::Level(i),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "E017",
                                lit.span.clone(),
                                msg!("e017-not-a-level", value = s.as_str(), name = name),
                            )
                            .with_help(msg!("e017-levels-are", levels = levels.join(", "))),
                        );
                        return None;
                    }
                }
            }
            (LiteralKind::Number { .. }, _) => {
                self.diagnostics.push(mismatch("ty-number"));
                return None;
            }
            (LiteralKind::Bool(_), _) => {
                self.diagnostics.push(mismatch("ty-bool"));
                return None;
            }
            (LiteralKind::Date(_), _) => {
                self.diagnostics.push(mismatch("ty-date"));
                return None;
            }
            (LiteralKind::Str(_), _) => {
                self.diagnostics.push(mismatch("ty-text"));
                return None;
            }
        };
        Some(value)
    }

    // ───────────── the tree ─────────────

    fn tree(
        &mut self,
        file: &SyntaxFile,
        rounding: RoundingPolicy,
        zero_default: Option<ZeroAction>,
    ) {
        for syntax in &file.nodes {
            let index = self.build_node(
                syntax,
                None,
                1,
                rounding,
                zero_default,
                SourceKind::SelfAssessment,
            );
            self.roots.push(index);
        }
        // Maxima bottom-up: the nodes are in pre-order, so walking backwards sees children first.
        let syntax_by_index = flatten(&file.nodes);
        for index in (0..self.nodes.len()).rev() {
            self.settle_max(index, syntax_by_index[index]);
        }
        for (index, syntax) in syntax_by_index.iter().enumerate() {
            self.rules(index, syntax);
        }
    }

    fn build_node(
        &mut self,
        syntax: &ast::NodeSyntax,
        parent: Option<usize>,
        depth: usize,
        inherited_rounding: RoundingPolicy,
        inherited_zero: Option<ZeroAction>,
        inherited_source: SourceKind,
    ) -> usize {
        let index = self.nodes.len();
        let id = syntax.id.value.clone();
        let level = match depth {
            1 => NodeLevel::Area,
            2 => NodeLevel::Criterion,
            _ => NodeLevel::Subcriterion,
        };
        if let Some(&first) = self.ids.get(&id) {
            let next = self.next_free_id(&id);
            self.diagnostics.push(
                Diagnostic::error(
                    "E002",
                    syntax.id.span.clone(),
                    msg!("e002-duplicate-id", id = id.as_str()),
                )
                .with_label(
                    self.nodes[first].id_span.clone(),
                    msg!("e002-first-used-here"),
                )
                .with_fix(
                    msg!("e002-renumber", next = next.as_str()),
                    syntax.id.span.clone(),
                    next,
                ),
            );
        } else {
            self.ids.insert(id.clone(), index);
        }
        if let Some(p) = parent {
            let parent_id = &self.nodes[p].id;
            let under = id
                .strip_prefix(parent_id.as_str())
                .and_then(|rest| rest.strip_prefix('.'))
                .is_some_and(|rest| !rest.is_empty() && !rest.contains('.'));
            if !under {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E003",
                        syntax.id.span.clone(),
                        msg!(
                            "e003-not-child-id",
                            id = id.as_str(),
                            parent = parent_id.as_str()
                        ),
                    )
                    .with_label(self.nodes[p].id_span.clone(), msg!("e003-the-parent"))
                    .with_help(msg!("e003-numbered", parent = parent_id.as_str())),
                );
            }
        }
        let keyword_level = match syntax.keyword.value {
            NodeKeyword::Area => Some(NodeLevel::Area),
            NodeKeyword::Subcriterion => Some(NodeLevel::Subcriterion),
            NodeKeyword::Criterion => None,
        };
        let keyword_mismatch = match (keyword_level, level) {
            (Some(NodeLevel::Area), NodeLevel::Area)
            | (None, NodeLevel::Criterion | NodeLevel::Subcriterion) => false,
            (Some(NodeLevel::Subcriterion), NodeLevel::Subcriterion) => false,
            (None, NodeLevel::Area) => true,
            _ => true,
        };
        if keyword_mismatch {
            self.diagnostics.push(
                Diagnostic::warning(
                    "W004",
                    syntax.keyword.span.clone(),
                    msg!(
                        "w004-keyword-level",
                        written = keyword_word(syntax.keyword.value),
                        level = level_word(level)
                    ),
                )
                .with_help(msg!("w004-keyword-level-help")),
            );
        }

        let mut rounding = inherited_rounding;
        let mut zero_action = inherited_zero;
        let mut source = inherited_source;
        let mut node = Node {
            id,
            title: syntax.title.value.clone(),
            level,
            parent,
            children: Vec::new(),
            max: Decimal::ZERO,
            owner: None,
            source,
            bonus: false,
            notes: Vec::new(),
            references: Vec::new(),
            not_evaluated: None,
            not_evaluated_text: None,
            zero_action,
            rounding,
            rule: None,
            rule_text: None,
            span: syntax.span.clone(),
            id_span: syntax.id.span.clone(),
        };
        let mut seen: HashMap<&'static str, Span> = HashMap::new();
        for item in &syntax.items {
            let key = match &item.value {
                // Catalogue ids of the statements' keywords.
                NodeItem::Max(_) => Some("kw-max"),
                NodeItem::Owner(_) => Some("kw-owner"),
                NodeItem::Source(_) => Some("kw-source"),
                NodeItem::ZeroPolicy(_) => Some("kw-zero-denominator"),
                NodeItem::Rule(_) => Some("kw-score"),
                NodeItem::NotEvaluated { .. } => Some("kw-not-evaluated"),
                _ => None,
            };
            if let Some(key) = key {
                if let Some(first) = seen.get(key) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E023",
                            item.span.clone(),
                            msg!(
                                "e023-node-item-twice",
                                key = Message::new(key),
                                id = node.id.as_str()
                            ),
                        )
                        .with_label(first.clone(), msg!("first-declared-here")),
                    );
                    continue;
                }
                seen.insert(key, item.span.clone());
            }
            match &item.value {
                NodeItem::Owner(o) => node.owner = Some(o.clone()),
                NodeItem::Source(s) => source = *s,
                NodeItem::Bonus => node.bonus = true,
                NodeItem::Note(n) => node.notes.push(n.clone()),
                NodeItem::Reference(r) => node.references.push(r.clone()),
                NodeItem::ZeroPolicy(z) => zero_action = Some(*z),
                NodeItem::Rounding(r) => {
                    if r.places > 28 {
                        self.diagnostics.push(Diagnostic::error(
                            "E017",
                            item.span.clone(),
                            msg!("e017-rounding-places"),
                        ));
                    } else if matches!(r.target, RoundTarget::Percent) {
                        self.diagnostics.push(Diagnostic::error(
                            "E017",
                            item.span.clone(),
                            msg!("e017-percent-rounding-in-header"),
                        ));
                    } else {
                        rounding.set(r.target, rounding_of(r));
                    }
                }
                NodeItem::Max(_) | NodeItem::Rule(_) | NodeItem::NotEvaluated { .. } => {}
            }
        }
        node.source = source;
        node.rounding = rounding;
        node.zero_action = zero_action;
        self.nodes.push(node);
        self.max_spans.push(None);
        let children: Vec<usize> = syntax
            .children
            .iter()
            .map(|child| {
                self.build_node(child, Some(index), depth + 1, rounding, zero_action, source)
            })
            .collect();
        self.nodes[index].children = children;
        index
    }

    fn next_free_id(&self, id: &str) -> String {
        let (prefix, last) = match id.rsplit_once('.') {
            Some((p, l)) => (format!("{p}."), l),
            None => (String::new(), id),
        };
        let mut n: u64 = last.parse().unwrap_or(0);
        loop {
            n += 1;
            let candidate = format!("{prefix}{n}");
            if !self.ids.contains_key(&candidate) && !self.written_ids.contains(&candidate) {
                return candidate;
            }
        }
    }

    fn settle_max(&mut self, index: usize, syntax: &ast::NodeSyntax) {
        let declared = syntax.items.iter().find_map(|item| match item.value {
            NodeItem::Max(m) => Some((m, item.span.clone())),
            _ => None,
        });
        let number_span = declared.as_ref().map(|(m, span)| {
            // The number is the last word of `max 1,5`.
            let text = &self.source[span.clone()];
            let len = text.len()
                - text
                    .trim_end()
                    .rfind(char::is_whitespace)
                    .map_or(0, |i| i + 1);
            let _ = m;
            span.end - len..span.end
        });
        self.max_spans[index] = number_span.clone();
        let node = &self.nodes[index];
        if node.is_leaf() {
            match declared {
                Some((m, _)) => self.nodes[index].max = m,
                None => self.diagnostics.push(
                    Diagnostic::error(
                        "E020",
                        node.id_span.clone(),
                        msg!(
                            "e020-no-maximum",
                            level = level_word(node.level),
                            id = node.id.as_str()
                        ),
                    )
                    .with_help(msg!("e020-no-maximum-help")),
                ),
            }
            return;
        }
        let sum: Decimal = node.children.iter().map(|&c| self.nodes[c].max).sum();
        match declared {
            Some((m, span)) => {
                if m != sum {
                    let node = &self.nodes[index];
                    let mut d = Diagnostic::error(
                        "E004",
                        span,
                        msg!(
                            "e004-children-sum",
                            id = node.id.as_str(),
                            max = m,
                            sum = sum
                        ),
                    );
                    for &c in &node.children {
                        let child = &self.nodes[c];
                        d = d.with_label(
                            child.id_span.clone(),
                            msg!("e004-child-max", id = child.id.as_str(), max = child.max),
                        );
                    }
                    if let Some(ns) = number_span {
                        d = d.with_fix(
                            msg!("e004-set-maximum", id = node.id.as_str(), sum = sum),
                            ns,
                            format_decimal(sum),
                        );
                    }
                    self.diagnostics.push(d);
                }
                self.nodes[index].max = m;
            }
            None => self.nodes[index].max = sum,
        }
    }

    fn rules(&mut self, index: usize, syntax: &ast::NodeSyntax) {
        for item in &syntax.items {
            match &item.value {
                NodeItem::Rule(expr) => {
                    let max = self.nodes[index].max;
                    let has_policy = self.nodes[index].zero_action.is_some();
                    let compiled = self.compile(index, expr, has_policy);
                    if compiled.ty == Ty::Number {
                        self.check_range(index, expr, &compiled.range, max);
                    } else if compiled.ty != Ty::Error {
                        self.diagnostics.push(Diagnostic::error(
                            "E009",
                            expr.span.clone(),
                            msg!("e009-score-not-number", found = describe_ty(&compiled.ty)),
                        ));
                    }
                    let node = &mut self.nodes[index];
                    node.rule_text = Some(self.source[expr.span.clone()].to_string());
                    node.rule = Some(Rule::Formula(compiled.expr));
                }
                NodeItem::NotEvaluated { condition, reason } => {
                    let condition_text = condition
                        .as_ref()
                        .map(|c| self.source[c.span.clone()].to_string());
                    let has_policy = self.nodes[index].zero_action.is_some();
                    let condition = condition.as_ref().map(|c| {
                        let compiled = self.compile_as(index, c, has_policy, true);
                        if compiled.ty != Ty::Bool && compiled.ty != Ty::Error {
                            self.diagnostics.push(Diagnostic::error(
                                "E009",
                                c.span.clone(),
                                msg!("e009-condition-not-bool", found = describe_ty(&compiled.ty)),
                            ));
                        }
                        compiled.expr
                    });
                    self.nodes[index].not_evaluated_text = condition_text;
                    self.nodes[index].not_evaluated = Some(NotEvaluatedClause {
                        condition,
                        reason: reason
                            .as_ref()
                            .map(|r| r.value.clone())
                            .unwrap_or_else(|| "không đánh giá".to_string()),
                        span: item.span.clone(),
                    });
                }
                _ => {}
            }
        }
        if self.nodes[index].is_leaf() && self.nodes[index].rule.is_none() {
            self.nodes[index].rule = Some(Rule::Awarded);
        }
    }

    fn compile(&mut self, index: usize, expr: &ast::Expr, has_zero_policy: bool) -> expr::Compiled {
        self.compile_as(index, expr, has_zero_policy, false)
    }

    /// Compiles `expr` in node `index`; `condition`: it must be a yes/no (a not-evaluated
    /// condition), so an undeclared bare name is suggested as a yes/no input.
    fn compile_as(
        &mut self,
        index: usize,
        expr: &ast::Expr,
        has_zero_policy: bool,
        condition: bool,
    ) -> expr::Compiled {
        let node = &self.nodes[index];
        let mut ctx = expr::ExprContext {
            inputs: &self.inputs,
            input_keys: &self.input_keys,
            input_names: &self.input_names,
            node_max: node.max,
            node_index: Some(index),
            node_id: Message::from(node.id.as_str()),
            has_zero_policy,
            best_slots: &mut self.best_slots,
            references: &mut self.references,
            used_inputs: &mut self.used_inputs,
            diagnostics: &mut self.diagnostics,
            bare_condition: false,
        };
        if condition {
            ctx.compile_condition(expr)
        } else {
            ctx.compile(expr)
        }
    }

    /// A rule that can provably leave [0, max] is an error: the engine never clamps silently.
    fn check_range(&mut self, index: usize, expr: &ast::Expr, range: &ValueRange, max: Decimal) {
        if !range.known {
            return;
        }
        let id = &self.nodes[index].id;
        if range.hi.is_none_or(|h| h > max) {
            let reach = range.hi.map_or(msg!("e012-no-upper-limit"), |h| {
                msg!("e012-reaches", value = h)
            });
            self.diagnostics.push(
                Diagnostic::error(
                    "E012",
                    expr.span.clone(),
                    msg!(
                        "e012-exceeds-max",
                        id = id.as_str(),
                        max = max,
                        reach = reach
                    ),
                )
                .with_help(msg!("e012-exceeds-max-help"))
                .with_fix(
                    msg!("e012-cap-fix"),
                    expr.span.clone(),
                    format!("min({}, max)", &self.source[expr.span.clone()]),
                ),
            );
        }
        if range.lo.is_none_or(|l| l < Decimal::ZERO) {
            let reach = range.lo.map_or(msg!("e013-no-lower-limit"), |l| {
                msg!("e012-reaches", value = l)
            });
            self.diagnostics.push(
                Diagnostic::error(
                    "E013",
                    expr.span.clone(),
                    msg!("e013-below-zero", id = id.as_str(), reach = reach),
                )
                .with_help(msg!("e013-below-zero-help")),
            );
        }
    }

    /// Findings the header acknowledges as faults of the source become warnings that cite
    /// the reason; an acknowledgement that matches nothing is itself reported.
    fn apply_known_faults(&mut self, declared: &Declared) {
        for (code, reason, span) in &declared.known_faults {
            let mut matched = false;
            for d in self
                .diagnostics
                .iter_mut()
                .filter(|d| d.code == code.as_str() && d.is_error())
            {
                d.severity = crate::diagnostic::Severity::Warning;
                d.message = crate::msg!(
                    "known-fault-of-source",
                    message = d.message.clone(),
                    reason = reason.as_str()
                );
                d.labels.push(crate::diagnostic::Label {
                    span: span.clone(),
                    message: crate::msg!("known-fault-acknowledged-here"),
                });
                matched = true;
            }
            if !matched {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "W005",
                        span.clone(),
                        msg!("w005-no-longer-occurs", code = code.as_str()),
                    )
                    .with_help(msg!("w005-no-longer-occurs-help")),
                );
            }
        }
    }

    // ───────────── totals, counts, shares ─────────────

    fn totals(&mut self, meta: &Meta, declared: &Declared) {
        let areas_sum: Decimal = self.roots.iter().map(|&r| self.nodes[r].max).sum();
        if let (Some(total), Some(span)) = (meta.total, &declared.total_span) {
            if !self.roots.is_empty() && areas_sum != total {
                let mut d = Diagnostic::error(
                    "E005",
                    span.clone(),
                    msg!("e005-areas-sum", sum = areas_sum, total = total),
                );
                for &r in &self.roots {
                    let area = &self.nodes[r];
                    d = d.with_label(
                        area.id_span.clone(),
                        msg!("e005-area-max", id = area.id.as_str(), max = area.max),
                    );
                }
                self.diagnostics.push(d);
            }
        }
        for (kind, n, span) in &declared.counts {
            let actual = self.nodes.iter().filter(|node| match kind {
                CountKind::Areas => node.level == NodeLevel::Area,
                CountKind::Criteria => node.level == NodeLevel::Criterion,
                CountKind::Subcriteria => node.level == NodeLevel::Subcriterion,
            });
            let actual = actual.count();
            if actual != *n as usize {
                self.diagnostics.push(Diagnostic::error(
                    "E006",
                    span.clone(),
                    msg!(
                        "e006-count",
                        declared = *n,
                        kind = count_kind_word(*kind),
                        actual = actual
                    ),
                ));
            }
        }
        if !declared.shares.is_empty() {
            let mut by_source: HashMap<SourceKind, Decimal> = HashMap::new();
            for node in self.nodes.iter().filter(|n| n.is_leaf()) {
                *by_source.entry(node.source).or_default() += node.max;
            }
            let mut share_sum = Decimal::ZERO;
            for (source, share, span) in &declared.shares {
                share_sum += *share;
                let actual = by_source.get(source).copied().unwrap_or_default();
                if actual != *share {
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E007",
                            span.clone(),
                            msg!(
                                "e007-share",
                                source = source_word(*source),
                                share = *share,
                                actual = actual
                            ),
                        )
                        .with_help(msg!("e007-share-help")),
                    );
                }
            }
            if let (Some(total), Some((_, _, span))) = (meta.total, declared.shares.first()) {
                if share_sum != total {
                    self.diagnostics.push(Diagnostic::error(
                        "E007",
                        span.clone(),
                        msg!("e007-shares-sum", sum = share_sum, total = total),
                    ));
                }
            }
        }
    }

    fn unused_inputs(&mut self) {
        for (slot, used) in self.used_inputs.iter().enumerate() {
            if !used {
                let input = &self.inputs[slot];
                self.diagnostics.push(
                    Diagnostic::warning(
                        "W001",
                        input.name_span.clone(),
                        msg!("w001-unused-input", name = input.name.as_str()),
                    )
                    .with_help(msg!("w001-unused-input-help")),
                );
            }
        }
    }

    // ───────────── tests ─────────────

    fn node_ref(&mut self, id: &ast::Spanned<String>) -> Option<usize> {
        match self.ids.get(&id.value) {
            Some(&node) => {
                self.references.nodes.push(NodeRef {
                    node,
                    span: id.span.clone(),
                });
                Some(node)
            }
            None => {
                let mut d = Diagnostic::error(
                    "E018",
                    id.span.clone(),
                    msg!("e018-unknown-criterion", id = id.value.as_str()),
                );
                if let Some(s) = did_you_mean(&id.value, self.nodes.iter().map(|n| n.id.as_str())) {
                    d = d.with_help(msg!("did-you-mean", name = s));
                }
                self.diagnostics.push(d);
                None
            }
        }
    }

    fn tests(&mut self, file: &SyntaxFile, meta: &Meta) -> Vec<TestCase> {
        let mut names: HashMap<String, Span> = HashMap::new();
        let mut cases = Vec::new();
        for test in &file.tests {
            if let Some(first) = names.insert(test.name.value.clone(), test.name.span.clone()) {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E023",
                        test.name.span.clone(),
                        msg!("e023-test-twice", name = test.name.value.as_str()),
                    )
                    .with_label(first, msg!("first-declared-here")),
                );
            }
            let mut case = TestCase {
                name: test.name.value.clone(),
                span: test.span.clone(),
                inputs: Vec::new(),
                points: Vec::new(),
                not_evaluated: Vec::new(),
                expectations: Vec::new(),
            };
            for item in &test.items {
                match &item.value {
                    TestItem::Given(assignments) => {
                        for (name, lit) in assignments {
                            let Some(&slot) = self.input_keys.get(&name_key(&name.value)) else {
                                let mut d = Diagnostic::error(
                                    "E018",
                                    name.span.clone(),
                                    msg!("e008-unknown-input", name = name.value.as_str()),
                                );
                                if let Some(s) = did_you_mean(
                                    &name.value,
                                    self.inputs.iter().map(|i| i.name.as_str()),
                                ) {
                                    d = d.with_help(msg!("did-you-mean", name = s));
                                }
                                self.diagnostics.push(d);
                                continue;
                            };
                            self.references.inputs.push(InputRef {
                                slot,
                                span: name.span.clone(),
                                node: None,
                            });
                            let ty = self.inputs[slot].ty.clone();
                            if let Some(v) = self.literal_value(lit, &ty, &name.value) {
                                case.inputs.push((slot, v));
                            }
                        }
                    }
                    TestItem::Points { id, value } => {
                        if let Some(n) = self.node_ref(id) {
                            case.points.push((n, *value));
                        }
                    }
                    TestItem::NotEvaluated { id, reason } => {
                        if let Some(n) = self.node_ref(id) {
                            case.not_evaluated.push((
                                n,
                                reason.clone().unwrap_or_else(|| "không đánh giá".into()),
                            ));
                        }
                    }
                    TestItem::ExpectScore { id, value } => {
                        if let Some(n) = self.node_ref(id) {
                            case.expectations
                                .push((Expectation::Score(n, *value), item.span.clone()));
                        }
                    }
                    TestItem::ExpectNotEvaluated { id } => {
                        if let Some(n) = self.node_ref(id) {
                            case.expectations
                                .push((Expectation::NotEvaluated(n), item.span.clone()));
                        }
                    }
                    TestItem::ExpectPercent(p) => case
                        .expectations
                        .push((Expectation::Percent(*p), item.span.clone())),
                    TestItem::ExpectGrade(g) => {
                        if !meta
                            .grades
                            .iter()
                            .any(|band| name_key(&band.name) == name_key(g))
                        {
                            let mut d = Diagnostic::error(
                                "E018",
                                item.span.clone(),
                                msg!("e018-unknown-grade", grade = g.as_str()),
                            );
                            if let Some(s) =
                                did_you_mean(g, meta.grades.iter().map(|b| b.name.as_str()))
                            {
                                d = d.with_help(msg!("did-you-mean", name = s));
                            }
                            self.diagnostics.push(d);
                        }
                        case.expectations
                            .push((Expectation::Grade(g.clone()), item.span.clone()));
                    }
                    TestItem::ExpectAchieved(a) => case
                        .expectations
                        .push((Expectation::Achieved(*a), item.span.clone())),
                    TestItem::ExpectMax(m) => case
                        .expectations
                        .push((Expectation::Max(*m), item.span.clone())),
                    TestItem::ExpectTotal(t) => case
                        .expectations
                        .push((Expectation::Total(*t), item.span.clone())),
                }
            }
            if case.expectations.is_empty() {
                self.diagnostics.push(
                    Diagnostic::warning(
                        "W003",
                        test.name.span.clone(),
                        msg!("w003-expects-nothing", name = test.name.value.as_str()),
                    )
                    .with_help(msg!("w003-expects-nothing-help")),
                );
            }
            cases.push(case);
        }
        cases
    }
}

/// A value's type in words ("a number", "một số"), for messages.
pub(crate) fn describe_ty(ty: &Ty) -> Message {
    Message::new(match ty {
        Ty::Number => "ty-number",
        Ty::Bool => "ty-bool",
        Ty::Date => "ty-date",
        Ty::Level(_) => "ty-level",
        Ty::Str => "ty-text",
        Ty::Error => "ty-unknown",
    })
}

/// The kind of a bonus or penalty item in words (`điểm thưởng`, "bonus").
pub(crate) fn adjustment_kind(kind: AdjustmentKind) -> Message {
    match kind {
        AdjustmentKind::Bonus => msg!("adjustment-kind-bonus"),
        AdjustmentKind::Penalty => msg!("adjustment-kind-penalty"),
    }
}

/// A bonus or penalty item named for a reader: its kind, id and title
/// (`điểm trừ P1 “Vi phạm kỷ luật”`).
pub(crate) fn adjustment_title(kind: AdjustmentKind, id: &str, title: &str) -> Message {
    msg!(
        "adjustment-title",
        kind = adjustment_kind(kind),
        id = id,
        title = title
    )
}

/// An input's declared type in words ("count", "số lượng"; levels with their names).
pub(crate) fn input_type_word(ty: &InputType) -> Message {
    match ty {
        InputType::Count => msg!("input-type-count"),
        InputType::Decimal => msg!("input-type-decimal"),
        InputType::Percent => msg!("input-type-percent"),
        InputType::YesNo => msg!("input-type-yesno"),
        InputType::Date => msg!("input-type-date"),
        InputType::Points => msg!("input-type-points"),
        InputType::Levels(levels) => msg!("input-type-levels", levels = levels.join(", ")),
    }
}

/// A node's level in words ("a criterion", "tiêu chí").
pub(crate) fn level_word(level: NodeLevel) -> Message {
    match level {
        NodeLevel::Area => msg!("level-area"),
        NodeLevel::Criterion => msg!("level-criterion"),
        NodeLevel::Subcriterion => msg!("level-subcriterion"),
    }
}

fn keyword_word(keyword: NodeKeyword) -> Message {
    match keyword {
        NodeKeyword::Area => msg!("keyword-area"),
        NodeKeyword::Criterion => msg!("keyword-criterion"),
        NodeKeyword::Subcriterion => msg!("keyword-subcriterion"),
    }
}

fn count_kind_word(kind: CountKind) -> Message {
    match kind {
        CountKind::Areas => msg!("count-areas"),
        CountKind::Criteria => msg!("count-criteria"),
        CountKind::Subcriteria => msg!("count-subcriteria"),
    }
}

pub(crate) fn source_word(source: SourceKind) -> Message {
    match source {
        SourceKind::SelfAssessment => msg!("source-self"),
        SourceKind::Survey => msg!("source-survey"),
        SourceKind::Satisfaction => msg!("source-satisfaction"),
    }
}

/// The syntax nodes in the same pre-order as the model's nodes.
fn flatten(nodes: &[ast::NodeSyntax]) -> Vec<&ast::NodeSyntax> {
    let mut out = Vec::new();
    fn walk<'a>(node: &'a ast::NodeSyntax, out: &mut Vec<&'a ast::NodeSyntax>) {
        out.push(node);
        for child in &node.children {
            walk(child, out);
        }
    }
    for node in nodes {
        walk(node, &mut out);
    }
    out
}
