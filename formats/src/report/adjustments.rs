//! Bonus and penalty points outside the criteria tree (điểm thưởng / điểm trừ), as every
//! report shows them: one accessor per shape (JSON, text lines, CSV rows), so the renderers
//! agree on what is shown and in which order (bonus items, then penalty items, then the
//! total they make).

use chiso::eval::{AdjustmentResult, Adjustments, UnitResult};
use chiso::model::{Adjustment, AdjustmentKind, Ruleset};
use chiso::text::{format_decimal, NumberStyle};
use chiso::Lang;
use serde_json::{json, Value as Json};

/// One item as a report line shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AdjustmentLine {
    /// The item's id (`P1`).
    pub id: String,
    /// Its title.
    pub title: String,
    /// Bonus or penalty.
    pub kind: AdjustmentKind,
    /// Its yearly cap, formatted; empty when not capped.
    pub cap: String,
    /// Its points after its own cap, signed (`+1,5`, `−1`: in the reader's style); "—" when
    /// not scored.
    pub signed: String,
    /// What its rule gave before the cap, when the cap cut it.
    pub before_cap: Option<String>,
    /// Why it was not scored ("thiếu số liệu", …, in the reader's language); empty when scored.
    pub status: String,
    /// The status's machine word (`scored`, `missing`, …), as for nodes.
    pub status_word: &'static str,
    /// Its points after its own cap with their sign (a penalty's negative), for programs.
    pub value: Option<rust_decimal::Decimal>,
}

/// The unit's bonus and penalty items, bonus first, in the ruleset's order; empty when the
/// ruleset declares none. Texts and numbers for a reader of `lang`.
pub fn lines(ruleset: &Ruleset, result: &UnitResult, lang: Lang) -> Vec<AdjustmentLine> {
    let Some(adj) = &result.adjustments else {
        return Vec::new();
    };
    [AdjustmentKind::Bonus, AdjustmentKind::Penalty]
        .into_iter()
        .flat_map(|kind| adj.of_kind(ruleset, kind))
        .map(|(item, r)| line(item, r, lang))
        .collect()
}

fn line(item: &Adjustment, r: &AdjustmentResult, lang: Lang) -> AdjustmentLine {
    let style = super::style_of(lang);
    AdjustmentLine {
        id: item.id.clone(),
        title: item.title.clone(),
        kind: item.kind,
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

/// `+1,5` for a bonus, `−1` for a penalty (zero is `0`).
fn signed(kind: AdjustmentKind, points: rust_decimal::Decimal, style: NumberStyle) -> String {
    if points.is_zero() {
        return "0".into();
    }
    match kind {
        AdjustmentKind::Bonus => format!("+{}", super::num(points, style)),
        AdjustmentKind::Penalty => format!("−{}", super::num(points, style)),
    }
}

/// Text lines for the table and Markdown reports: one per item, then what the caps, the
/// maximum and the floor let through and the total they make, in `lang`. Empty without
/// items.
pub fn text_lines(ruleset: &Ruleset, result: &UnitResult, lang: Lang) -> Vec<String> {
    let Some(adj) = &result.adjustments else {
        return Vec::new();
    };
    let [bonus, penalty] =
        [chiso::msg!("report-bonus"), chiso::msg!("report-penalty")].map(|m| m.render(lang));
    let mut out: Vec<String> = lines(ruleset, result, lang)
        .into_iter()
        .map(|l| {
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
        penalty = signed(AdjustmentKind::Penalty, adj.penalty, style),
        total = super::num(adj.total, style)
    )
    .render(lang)
}

/// The `adjustments` field of a unit's JSON (docs/json.md): `null` when the ruleset declares
/// no bonus or penalty item, else `items` (id, kind, title, cap, computed, points, status),
/// `bonus` and `penalty` (what the caps, the maximum and the floor let through), `tree_total`
/// (the criteria's total) and `total`.
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
    json!({
        "items": items,
        "bonus": format_decimal(adj.bonus),
        "penalty": format_decimal(adj.penalty),
        "tree_total": format_decimal(result.achieved),
        "total": format_decimal(adj.total),
    })
}
