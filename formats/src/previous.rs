//! Last year's results for a year-over-year comparison (`chiso score … --previous
//! LAST_YEAR.json`): chiso's own `--format json` output of last year (docs/json.md) read into
//! the core's plain [`PreviousUnit`]s ([`chiso::batch::previous`] compares them).
//!
//! Of the objects of a unit (one per stage), the one that counted is kept: the one with a
//! rank, else the one of the latest stage. A unit whose data could not be scored last year
//! (`"scored": false`) is kept without figures, so it is matched (not reported as new).

use chiso::batch::previous::PreviousUnit;
use chiso::data::Stage;
use chiso::text::unit_key;
use chiso::{msg, Message};
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::str::FromStr;

/// Reads last year's results from chiso's JSON report (an array of unit objects).
///
/// # Errors
/// A message naming what is wrong: not JSON (`previous-not-json`, with line and column),
/// not an array (`previous-not-array`), an entry that is no object or has no unit name
/// (`previous-entry-not-object`, `previous-entry-no-unit`), or a figure that is not a number
/// (`previous-not-number`, `previous-not-rank`, naming the unit and the field).
pub fn read_previous(text: &str) -> Result<Vec<PreviousUnit>, Message> {
    let text = text.trim_start_matches('\u{feff}');
    let json: Json = serde_json::from_str(text).map_err(|e| {
        msg!(
            "previous-not-json",
            line = e.line(),
            column = e.column(),
            message = crate::parse_error::json_problem(text, &e).message
        )
    })?;
    let Json::Array(entries) = json else {
        return Err(msg!("previous-not-array"));
    };
    // Per unit name key: (the entry kept, its stage, whether it has a rank).
    let mut kept: Vec<(PreviousUnit, Stage, bool)> = Vec::new();
    let mut by_key: std::collections::HashMap<String, usize> = Default::default();
    for (n, entry) in entries.iter().enumerate() {
        let Some(object) = entry.as_object() else {
            return Err(msg!("previous-entry-not-object", entry = n + 1));
        };
        // Units of the year before that one, carried in last year's report: not last
        // year's results.
        if object.get("previous_only") == Some(&Json::Bool(true)) {
            continue;
        }
        let Some(unit) = object.get("unit").and_then(Json::as_str) else {
            // A unit not scored whose data named no unit: nothing to match it by.
            if object.get("scored") == Some(&Json::Bool(false)) {
                continue;
            }
            return Err(msg!("previous-entry-no-unit", entry = n + 1));
        };
        let not_number = |field: &str, value: String| {
            msg!(
                "previous-not-number",
                unit = unit,
                field = field,
                value = value
            )
        };
        let decimal = |field: &str| -> Result<Option<Decimal>, Message> {
            match object.get(field) {
                None | Some(Json::Null) => Ok(None),
                Some(Json::String(s)) => Decimal::from_str(s.trim())
                    .map(Some)
                    .map_err(|_| not_number(field, format!("\"{s}\""))),
                // arbitrary_precision: the number's text exactly.
                Some(Json::Number(v)) => Decimal::from_str(&v.to_string())
                    .or_else(|_| Decimal::from_scientific(&v.to_string()))
                    .map(Some)
                    .map_err(|_| not_number(field, v.to_string())),
                Some(other) => Err(not_number(field, other.to_string())),
            }
        };
        let whole = |field: &str| -> Result<Option<usize>, Message> {
            match object.get(field) {
                None | Some(Json::Null) => Ok(None),
                Some(v) => v
                    .as_u64()
                    .and_then(|r| usize::try_from(r).ok())
                    .map(Some)
                    .ok_or_else(|| {
                        msg!(
                            "previous-not-rank",
                            unit = unit,
                            field = field,
                            value = v.to_string()
                        )
                    }),
            }
        };
        let text = |field: &str| object.get(field).and_then(Json::as_str).map(str::to_string);
        let complete = object.get("complete") != Some(&Json::Bool(false));
        let previous = PreviousUnit {
            unit: unit.to_string(),
            // An incomplete unit's points are the points it had so far: not its total.
            // The total after bonus and penalty points where the report has them.
            achieved: match (
                complete,
                object.get("adjustments").and_then(|a| a.get("total")),
            ) {
                (false, _) => None,
                (true, Some(Json::String(total))) => Decimal::from_str(total.trim())
                    .map(Some)
                    .map_err(|_| not_number("adjustments.total", format!("\"{total}\"")))?,
                (true, _) => decimal("achieved")?,
            },
            max: decimal("max")?,
            percent: decimal("percent")?,
            rank: whole("rank")?,
            group_rank: whole("group_rank")?,
            grade: text("grade"),
            group: text("group"),
        };
        let stage = text("stage")
            .as_deref()
            .and_then(Stage::parse)
            .unwrap_or_default();
        let ranked = previous.rank.is_some();
        match by_key.get(&unit_key(unit)) {
            None => {
                by_key.insert(unit_key(unit), kept.len());
                kept.push((previous, stage, ranked));
            }
            Some(&i) => {
                let (_, kept_stage, kept_ranked) = &kept[i];
                let better = (ranked, stage) > (*kept_ranked, *kept_stage);
                if better {
                    kept[i] = (previous, stage, ranked);
                }
            }
        }
    }
    Ok(kept.into_iter().map(|(p, _, _)| p).collect())
}

#[cfg(test)]
mod tests {
    use super::read_previous;
    use chiso::Lang;
    use rust_decimal::Decimal;

    #[test]
    fn the_result_that_counted_is_kept_per_unit() {
        let text = r#"[
          {"unit": "UBND huyện A", "stage": "self", "achieved": "90", "max": "100",
           "percent": "90", "grade": "Tốt", "rank": null, "complete": true, "scored": true},
          {"unit": "UBND huyện A", "stage": "appraised", "achieved": "86.14", "max": "100",
           "percent": "86.14", "grade": "Tốt", "rank": 2, "complete": true, "scored": true},
          {"unit": "UBND huyện B", "stage": "appraised", "achieved": "53.5", "max": "100",
           "percent": null, "grade": null, "rank": null, "complete": false, "scored": true},
          {"unit": null, "stage": null, "scored": false, "complete": false}
        ]"#;
        let units = read_previous(text).unwrap();
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].percent, Some(Decimal::new(8614, 2)));
        assert_eq!(units[0].rank, Some(2));
        // An incomplete unit's points so far are no total.
        assert_eq!(units[1].achieved, None);
        let said = |text: &str| read_previous(text).unwrap_err().render(Lang::En);
        assert!(said("{}").contains("array"));
        let bad = said(r#"[{"unit": "X", "percent": "chín"}]"#);
        assert_eq!(bad, "X: `percent` is not a number: \"chín\"");
        let vi = read_previous(r#"[{"unit": "X", "percent": "chín"}]"#)
            .unwrap_err()
            .render(Lang::Vi);
        assert_eq!(vi, "X: `percent` không phải một số: \"chín\"");
    }
}
