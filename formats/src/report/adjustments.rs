//! Bonus and penalty points outside the criteria tree (điểm thưởng / điểm trừ), as every
//! report shows them: [`lines`] is **the one computation of the displayed lines** (the items,
//! then what the caps, the unit's maximum, the floor and the total's rounding took away), and
//! every writer — table, Markdown, CSV, HTML, xlsx — shows those lines, so what a report lists
//! adds up: the tree's points + every line = the unit's total.

use chiso::eval::{AdjustmentResult, Adjustments, UnitResult};
use chiso::model::{Adjustment, AdjustmentKind, Ruleset};
use chiso::text::{format_decimal, NumberStyle};
use chiso::Lang;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};

/// What a limit line says took points away from the items' sum (or, for a penalty, let
/// fewer be subtracted), in the order `eval/adjust.rs` applies them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The yearly cap of all bonus items together (`điểm thưởng tối đa N`).
    BonusCap,
    /// The unit's maximum, which a bonus may not pass (`điểm thưởng trong tối đa`).
    Maximum,
    /// The yearly cap of all penalty items together (`điểm trừ tối đa N`).
    PenaltyCap,
    /// The floor a penalty may not take the total below (`điểm sàn N`).
    Floor,
    /// The total's declared rounding (`làm tròn tổng điểm`).
    Rounding,
}

impl Limit {
    /// Its machine word (the CSV's `id` of the line): `bonus_cap`, `max`, `penalty_cap`,
    /// `floor`, `rounding`.
    pub fn as_str(self) -> &'static str {
        match self {
            Limit::BonusCap => "bonus_cap",
            Limit::Maximum => "max",
            Limit::PenaltyCap => "penalty_cap",
            Limit::Floor => "floor",
            Limit::Rounding => "rounding",
        }
    }
}

/// One displayed line: an item, or what a limit took away.
#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentLine {
    /// The item's id (`P1`); a limit's machine word ([`Limit::as_str`]).
    pub id: String,
    /// The item's title; what the limit is ("Vượt trần điểm thưởng cả năm (tối đa 1,5)").
    pub title: String,
    /// Bonus or penalty (a limit: the kind it limits; the rounding: bonus).
    pub kind: AdjustmentKind,
    /// `None` for an item, the limit for a limit line.
    pub limit: Option<Limit>,
    /// The item's own yearly cap, formatted; empty when not capped (and for a limit).
    pub cap: String,
    /// Its points with their effect's sign (`+1,5`, `−1`, a cut bonus `−0,4`, a penalty the
    /// floor stopped `+1`, in the reader's style); "—" when not scored.
    pub signed: String,
    /// What an item's rule gave before its own cap, when the cap cut it.
    pub before_cap: Option<String>,
    /// Why an item was not scored ("thiếu số liệu", …, in the reader's language); empty when
    /// scored and for a limit.
    pub status: String,
    /// The status's machine word (`scored`, `missing`, …), as for nodes (`scored` for a
    /// limit).
    pub status_word: &'static str,
    /// Its effect on the total, signed (a penalty's negative, a cut bonus negative), for
    /// programs and sums.
    pub value: Option<Decimal>,
}

impl AdjustmentLine {
    /// The CSV's `level` of the line: `bonus`, `penalty`, `bonus_limit`, `penalty_limit`,
    /// `rounding`.
    pub fn level(&self) -> &'static str {
        match (self.limit, self.kind) {
            (None, kind) => kind.as_str(),
            (Some(Limit::Rounding), _) => "rounding",
            (Some(_), AdjustmentKind::Bonus) => "bonus_limit",
            (Some(_), AdjustmentKind::Penalty) => "penalty_limit",
        }
    }
}

/// The unit's displayed bonus and penalty lines: each bonus item, then what the bonus cap and
/// the unit's maximum took away from their sum, each penalty item, then what the penalty cap
/// and the floor took away, then the total's rounding; a limit line only where it took
/// something. The tree's points plus every line's [`AdjustmentLine::value`] is the unit's
/// total ([`UnitResult::total`]). Empty when the ruleset declares no item. Texts and numbers
/// for a reader of `lang`.
pub fn lines(ruleset: &Ruleset, result: &UnitResult, lang: Lang) -> Vec<AdjustmentLine> {
    let Some(adj) = &result.adjustments else {
        return Vec::new();
    };
    let policy = ruleset.meta.adjustment_policy;
    let mut out = Vec::new();
    for kind in [AdjustmentKind::Bonus, AdjustmentKind::Penalty] {
        let mut sum = Decimal::ZERO;
        for (item, r) in adj.of_kind(ruleset, kind) {
            sum += r.points.unwrap_or_default();
            out.push(line(item, r, lang));
        }
        // The order of eval/adjust.rs: the yearly cap of the kind, then the maximum (bonus)
        // or the floor (penalty); what each let through is what the next one limits.
        let (cap, applied, last) = match kind {
            AdjustmentKind::Bonus => (policy.bonus_cap, adj.bonus, Limit::Maximum),
            AdjustmentKind::Penalty => (policy.penalty_cap, adj.penalty, Limit::Floor),
        };
        let capped = cap.map_or(sum, |c| sum.min(c));
        let first = match kind {
            AdjustmentKind::Bonus => Limit::BonusCap,
            AdjustmentKind::Penalty => Limit::PenaltyCap,
        };
        for (limit, took) in [(first, sum - capped), (last, capped - applied)] {
            if took > Decimal::ZERO {
                out.push(limit_line(ruleset, result, kind, limit, took, lang));
            }
        }
    }
    let rounding = adj.total - (result.achieved + adj.bonus - adj.penalty);
    if !rounding.is_zero() {
        let mut l = limit_line(
            ruleset,
            result,
            AdjustmentKind::Bonus,
            Limit::Rounding,
            rounding.abs(),
            lang,
        );
        l.value = Some(rounding);
        l.signed = signed_value(rounding, super::style_of(lang));
        out.push(l);
    }
    out
}

fn line(item: &Adjustment, r: &AdjustmentResult, lang: Lang) -> AdjustmentLine {
    let style = super::style_of(lang);
    AdjustmentLine {
        id: item.id.clone(),
        title: item.title.clone(),
        kind: item.kind,
        limit: None,
        cap: item.cap.map(format_decimal).unwrap_or_default(),
        signed: r.points.map_or("—".into(), |p| signed(item.kind, p, style)),
        before_cap: match (r.computed, r.points) {
            (Some(c), Some(p)) if c != p => Some(super::num(c, style)),
            _ => None,
        },
        status: r.status.label_in(lang),
        status_word: r.status.as_str(),
        value: r.points.map(|p| match item.kind {
            AdjustmentKind::Bonus => p,
            AdjustmentKind::Penalty => -p,
        }),
    }
}

/// A limit's line: `took` (> 0) is what it took from the items' sum of `kind`.
fn limit_line(
    ruleset: &Ruleset,
    result: &UnitResult,
    kind: AdjustmentKind,
    limit: Limit,
    took: Decimal,
    lang: Lang,
) -> AdjustmentLine {
    let policy = ruleset.meta.adjustment_policy;
    let title = match limit {
        Limit::BonusCap => chiso::msg!(
            "report-fixes-limit-bonus-cap",
            cap = policy.bonus_cap.unwrap_or_default()
        ),
        Limit::Maximum => chiso::msg!("report-fixes-limit-max", max = result.max),
        Limit::PenaltyCap => chiso::msg!(
            "report-fixes-limit-penalty-cap",
            cap = policy.penalty_cap.unwrap_or_default()
        ),
        Limit::Floor => chiso::msg!("report-fixes-limit-floor", floor = policy.floor),
        Limit::Rounding => chiso::msg!("report-fixes-limit-rounding"),
    }
    .render(lang);
    // A cut bonus lowers the total; a cut penalty (less subtracted) raises it.
    let value = match kind {
        AdjustmentKind::Bonus => -took,
        AdjustmentKind::Penalty => took,
    };
    AdjustmentLine {
        id: limit.as_str().into(),
        title,
        kind,
        limit: Some(limit),
        cap: String::new(),
        signed: signed_value(value, super::style_of(lang)),
        before_cap: None,
        status: String::new(),
        status_word: "scored",
        value: Some(value),
    }
}

/// `+1,5` for a bonus, `−1` for a penalty (zero is `0`).
fn signed(kind: AdjustmentKind, points: Decimal, style: NumberStyle) -> String {
    signed_value(
        match kind {
            AdjustmentKind::Bonus => points,
            AdjustmentKind::Penalty => -points,
        },
        style,
    )
}

/// A signed effect on the total: `+1,5`, `−0,4`, `0`.
fn signed_value(value: Decimal, style: NumberStyle) -> String {
    if value.is_zero() {
        "0".into()
    } else if value > Decimal::ZERO {
        format!("+{}", super::num(value, style))
    } else {
        format!("−{}", super::num(-value, style))
    }
}

/// Text lines for the table, Markdown, HTML and the workbook's unit sheets, in `lang`: one
/// per line of [`lines`], then the tree's points and the bonus and penalty points applied.
/// The total itself is the report's own total line (`Tổng điểm: …`, at the declared places),
/// printed once. Empty without items.
pub fn text_lines(ruleset: &Ruleset, result: &UnitResult, lang: Lang) -> Vec<String> {
    let Some(adj) = &result.adjustments else {
        return Vec::new();
    };
    let [bonus, penalty] =
        [chiso::msg!("report-bonus"), chiso::msg!("report-penalty")].map(|m| m.render(lang));
    let mut out: Vec<String> = lines(ruleset, result, lang)
        .into_iter()
        .map(|l| {
            if l.limit.is_some() {
                return format!("{}: {}", l.title, l.signed);
            }
            let kind = match l.kind {
                AdjustmentKind::Bonus => &bonus,
                AdjustmentKind::Penalty => &penalty,
            };
            let mut text = format!("{kind} {} “{}”: {}", l.id, l.title, l.signed);
            if let Some(before) = &l.before_cap {
                let capped = chiso::msg!(
                    "report-adjust-capped",
                    computed = before.as_str(),
                    cap = l.cap.as_str()
                )
                .render(lang);
                text.push_str(&format!(" ({capped})"));
            }
            if !l.status.is_empty() {
                text.push_str(&format!(" ({})", l.status));
            }
            text
        })
        .collect();
    out.push(summary(result, adj, lang));
    out
}

fn summary(result: &UnitResult, adj: &Adjustments, lang: Lang) -> String {
    let style = super::style_of(lang);
    chiso::msg!(
        "report-adjust-summary",
        criteria = super::num(result.achieved, style),
        bonus = signed(AdjustmentKind::Bonus, adj.bonus, style),
        penalty = signed(AdjustmentKind::Penalty, adj.penalty, style)
    )
    .render(lang)
}

/// The `adjustments` field of a unit's JSON (docs/json.md): `null` when the ruleset declares
/// no bonus or penalty item, else `items` (id, kind, title, cap, computed, points, status),
/// `lines` (the displayed lines of [`lines`]: level, id, an item's title, signed value;
/// tree_total and their values make the total), `bonus` and `penalty` (what the caps, the maximum and the
/// floor let through), `tree_total` (the criteria's total) and `total`.
pub fn json(ruleset: &Ruleset, result: &UnitResult) -> Json {
    let Some(adj) = &result.adjustments else {
        return Json::Null;
    };
    let num = |d: Option<rust_decimal::Decimal>| d.map_or(Json::Null, |d| json!(format_decimal(d)));
    let items: Vec<Json> = adj
        .items
        .iter()
        .map(|r| {
            let item = &ruleset.adjustments[r.item];
            json!({
                "id": item.id,
                "kind": item.kind.as_str(),
                "title": item.title,
                "cap": num(item.cap),
                "computed": num(r.computed),
                "points": num(r.points),
                "status": r.status.as_str(),
                "reason": r.status.reason(),
            })
        })
        .collect();
    // The lines the reports show (the items and what each limit took), which add up.
    // Machine words only: a limit's text is for people (the other reports write it).
    let shown: Vec<Json> = lines(ruleset, result, Lang::Vi)
        .iter()
        .map(|l| {
            json!({
                "level": l.level(),
                "id": l.id,
                "title": if l.limit.is_none() { json!(l.title) } else { Json::Null },
                "value": num(l.value),
            })
        })
        .collect();
    json!({
        "items": items,
        "lines": shown,
        "bonus": format_decimal(adj.bonus),
        "penalty": format_decimal(adj.penalty),
        "tree_total": format_decimal(result.achieved),
        "total": format_decimal(adj.total),
    })
}
