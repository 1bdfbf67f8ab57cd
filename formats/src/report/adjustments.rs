//! Bonus and penalty points outside the criteria tree (điểm thưởng / điểm trừ), as every
//! report shows them: one accessor per shape (JSON, text lines, CSV rows), so the renderers
//! agree on what is shown and in which order (bonus items, then penalty items, then the
//! total they make).

use chiso::eval::{AdjustmentResult, Adjustments, UnitResult};
use chiso::model::{Adjustment, AdjustmentKind, Ruleset};
use chiso::text::format_decimal;
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
    /// Its points after its own cap, signed (`+1,5`, `−1`); "—" when not scored.
    pub signed: String,
    /// What its rule gave before the cap, when the cap cut it.
    pub before_cap: Option<String>,
    /// Why it was not scored ("thiếu số liệu", …); empty when scored.
    pub status: String,
    /// The status's machine word (`scored`, `missing`, …), as for nodes.
    pub status_word: &'static str,
    /// Its points after its own cap with their sign (a penalty's negative), for programs.
    pub value: Option<rust_decimal::Decimal>,
}

/// The unit's bonus and penalty items, bonus first, in the ruleset's order; empty when the
/// ruleset declares none.
pub fn lines(ruleset: &Ruleset, result: &UnitResult) -> Vec<AdjustmentLine> {
    let Some(adj) = &result.adjustments else {
        return Vec::new();
    };
    [AdjustmentKind::Bonus, AdjustmentKind::Penalty]
        .into_iter()
        .flat_map(|kind| adj.of_kind(ruleset, kind))
        .map(|(item, r)| line(item, r))
        .collect()
}

fn line(item: &Adjustment, r: &AdjustmentResult) -> AdjustmentLine {
    AdjustmentLine {
        id: item.id.clone(),
        title: item.title.clone(),
        kind: item.kind,
        cap: item.cap.map(format_decimal).unwrap_or_default(),
        signed: r.points.map_or("—".into(), |p| signed(item.kind, p)),
        before_cap: match (r.computed, r.points) {
            (Some(c), Some(p)) if c != p => Some(super::vi(c)),
            _ => None,
        },
        status: r.status.label(),
        status_word: r.status.as_str(),
        value: r.points.map(|p| match item.kind {
            AdjustmentKind::Bonus => p,
            AdjustmentKind::Penalty => -p,
        }),
    }
}

/// `+1,5` for a bonus, `−1` for a penalty (zero is `0`).
fn signed(kind: AdjustmentKind, points: rust_decimal::Decimal) -> String {
    if points.is_zero() {
        return "0".into();
    }
    match kind {
        AdjustmentKind::Bonus => format!("+{}", super::vi(points)),
        AdjustmentKind::Penalty => format!("−{}", super::vi(points)),
    }
}

/// Text lines for the table and Markdown reports: one per item, then what the caps, the
/// maximum and the floor let through and the total they make. Empty without items.
pub fn text_lines(ruleset: &Ruleset, result: &UnitResult) -> Vec<String> {
    let Some(adj) = &result.adjustments else {
        return Vec::new();
    };
    let mut out: Vec<String> = lines(ruleset, result)
        .into_iter()
        .map(|l| {
            let mut text = format!("{} {} “{}”: {}", capital(l.kind), l.id, l.title, l.signed);
            if let Some(before) = &l.before_cap {
                text.push_str(&format!(" (tính được {before}, tối đa {})", l.cap));
            }
            if !l.status.is_empty() {
                text.push_str(&format!(" ({})", l.status));
            }
            text
        })
        .collect();
    out.push(summary(result, adj));
    out
}

fn capital(kind: AdjustmentKind) -> &'static str {
    match kind {
        AdjustmentKind::Bonus => "Điểm thưởng",
        AdjustmentKind::Penalty => "Điểm trừ",
    }
}

fn summary(result: &UnitResult, adj: &Adjustments) -> String {
    format!(
        "Điểm các tiêu chí: {}   Điểm thưởng được cộng: {}   Điểm trừ: {}   Tổng điểm: {}",
        super::vi(result.achieved),
        signed(AdjustmentKind::Bonus, adj.bonus),
        signed(AdjustmentKind::Penalty, adj.penalty),
        super::vi(adj.total)
    )
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
