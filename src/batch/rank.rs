//! Ranking, grade counts and per-area sub-indices.

use super::{percent_of, Batch};
use crate::data::Stage;
use crate::eval::{Status, UnitResult};
use crate::model::Ruleset;
use crate::text::fold;
use rust_decimal::Decimal;

/// One area's sub-index for a unit: achieved over the area's applicable maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaIndex {
    /// The area's node index.
    pub node: usize,
    /// The area's points (absolute); `None` when the area is not scored.
    pub achieved: Option<Decimal>,
    /// The area's maximum for this unit (not-evaluated criteria left out).
    pub max: Decimal,
    /// `achieved / max × 100`, rounded as the unit's percentage; `None` when the area is not
    /// scored (not evaluated, missing data, survey pending).
    pub percent: Option<Decimal>,
}

/// The sub-index of every area (root node) of a unit.
pub fn area_indices(ruleset: &Ruleset, result: &UnitResult) -> Vec<AreaIndex> {
    ruleset
        .roots
        .iter()
        .map(|&root| {
            let r = &result.nodes[root];
            let achieved = match r.status {
                Status::Scored => r.score,
                _ => None,
            };
            AreaIndex {
                node: root,
                achieved,
                max: r.max,
                percent: achieved.and_then(|a| percent_of(ruleset, a, r.max)),
            }
        })
        .collect()
}

/// A unit's line in the ranking.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// Index into [`Batch::units`].
    pub unit: usize,
    /// Xếp hạng: 1 for the highest percentage (the highest total, when the ruleset grades on
    /// points); equal values share a rank and the next rank is skipped (1, 2, 2, 4). `None`
    /// for a unit whose index cannot be computed.
    pub rank: Option<usize>,
    /// The unit's percentage (0–100), `None` for an unranked unit.
    pub percent: Option<Decimal>,
    /// The unit's grade (xếp loại), `None` for an unranked or ungraded unit.
    pub grade: Option<String>,
}

/// The ranking of one stage of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    /// The stage ranked: [`Stage::Appraised`] when the appraisal ranks (each unit's last
    /// appraisal round, which may be a later round for some units), else the
    /// self-assessment.
    pub stage: Stage,
    /// Ranked units first (best first; ties in name order), then the unranked in input order.
    pub rows: Vec<RankRow>,
    /// Units whose data could not be scored at all ([`Batch::not_scored`]): unranked and
    /// counted with the ungraded.
    pub not_scored: usize,
}

/// Ranks the results that count ([`Batch::counting`]: each unit's last appraisal round, or
/// the self-assessments when no unit has been appraised) by percentage. A unit without a
/// percentage (incomplete data) is unranked.
pub fn rank(batch: &Batch) -> Ranking {
    rank_units(
        batch,
        batch.ranked_stage(),
        &batch.counting(),
        batch.not_scored.len(),
    )
}

/// A decimal as an integer count of 10⁻²⁸ (Decimal's finest scale): exact, and ordered as
/// the decimals are; `None` when it does not fit an `i128` (beyond about 10¹⁰).
fn finest(d: Decimal) -> Option<i128> {
    d.mantissa()
        .checked_mul(10i128.checked_pow(Decimal::MAX_SCALE - d.scale())?)
}

/// Ranks the given units (indices into [`Batch::units`]) by percentage, ties as decrees rank
/// them; `not_scored` units that could not be scored are counted with the ungraded.
pub(crate) fn rank_units(
    batch: &Batch,
    stage: Stage,
    units: &[usize],
    not_scored: usize,
) -> Ranking {
    let mut ranked: Vec<(usize, Decimal, String)> = Vec::new();
    let mut unranked = Vec::new();
    for (index, unit) in units.iter().map(|&i| (i, &batch.units[i])) {
        match unit.result.percent {
            Some(p) if unit.result.is_complete() => {
                let key = if batch.rank_on_points {
                    unit.result.total()
                } else {
                    p
                };
                ranked.push((index, key, fold(unit.unit())))
            }
            _ => unranked.push(index),
        }
    }
    // Highest first, ties by name. Each key is compared as an integer at Decimal's finest
    // scale when every key fits one (a percentage always does): the same order as the
    // decimals' own, without rescaling two decimals at each of the sort's comparisons
    // (100,000 units: about 1.7 million of them, on the one thread that ranks).
    let scaled: Option<Vec<i128>> = ranked.iter().map(|(_, key, _)| finest(*key)).collect();
    match scaled {
        Some(scaled) => {
            let mut keyed: Vec<(i128, (usize, Decimal, String))> =
                scaled.into_iter().zip(ranked).collect();
            keyed.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1 .2.cmp(&b.1 .2)));
            ranked = keyed.into_iter().map(|(_, row)| row).collect();
        }
        None => ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.2.cmp(&b.2))),
    }
    let mut rows = Vec::with_capacity(ranked.len() + unranked.len());
    let mut previous: Option<(Decimal, usize)> = None;
    for (position, (index, key, _)) in ranked.iter().enumerate() {
        let rank = match previous {
            Some((p, r)) if p == *key => r,
            _ => position + 1,
        };
        previous = Some((*key, rank));
        rows.push(RankRow {
            unit: *index,
            rank: Some(rank),
            percent: batch.units[*index].result.percent,
            grade: batch.units[*index].result.grade.clone(),
        });
    }
    for index in unranked {
        rows.push(RankRow {
            unit: index,
            rank: None,
            percent: None,
            grade: None,
        });
    }
    Ranking {
        stage,
        rows,
        not_scored,
    }
}

/// How many units fall in a grade band.
#[derive(Debug, Clone, PartialEq)]
pub struct GradeCount {
    /// The band's name; `None` counts the units without a grade: incomplete data, and units
    /// whose data could not be scored at all.
    pub grade: Option<String>,
    /// The band as decrees write it ("từ 75% đến dưới 85%").
    pub band: String,
    /// The number of units of the ranking in the band.
    pub count: usize,
}

/// The number of units per grade band, in the ruleset's order, then the ungraded (units with
/// incomplete data and units not scored at all), so the counts add up to every unit given.
pub fn grade_counts(ruleset: &Ruleset, ranking: &Ranking) -> Vec<GradeCount> {
    let mut out: Vec<GradeCount> = ruleset
        .meta
        .grades
        .iter()
        .map(|g| GradeCount {
            grade: Some(g.name.clone()),
            band: describe_band_on(&g.interval, ruleset.meta.grade_basis),
            count: ranking
                .rows
                .iter()
                .filter(|r| r.grade.as_deref() == Some(g.name.as_str()))
                .count(),
        })
        .collect();
    let ungraded = ranking.rows.iter().filter(|r| r.grade.is_none()).count() + ranking.not_scored;
    if ungraded > 0 {
        out.push(GradeCount {
            grade: None,
            band: String::new(),
            count: ungraded,
        });
    }
    out
}

/// A grade band in the decrees' words, over the percentage ("từ 85% trở lên") or over points
/// ("từ 15 điểm trở lên"): [`describe_band_in`] in Vietnamese.
pub fn describe_band_on(
    interval: &crate::model::NumInterval,
    basis: crate::model::GradeBasis,
) -> String {
    describe_band_in(interval, basis, crate::Lang::Vi)
}

/// A grade band in a reader's language ("từ 85% trở lên", "85% or more"; catalogue ids
/// `report-band-…`). Its bounds are the ruleset's numbers as written (`format_decimal`).
pub fn describe_band_in(
    interval: &crate::model::NumInterval,
    basis: crate::model::GradeBasis,
    lang: crate::Lang,
) -> String {
    use crate::msg;
    let f = |d| {
        let value = crate::text::format_decimal(d);
        match basis {
            crate::model::GradeBasis::Percent => format!("{value}%"),
            crate::model::GradeBasis::Points => {
                msg!("report-band-points", value = value).render(lang)
            }
        }
    };
    match (interval.lower, interval.upper) {
        (Some((l, true)), None) => msg!("report-band-from", low = f(l)),
        (Some((l, false)), None) => msg!("report-band-above", low = f(l)),
        (None, Some((u, false))) => msg!("report-band-below", high = f(u)),
        (None, Some((u, true))) => msg!("report-band-up-to", high = f(u)),
        (Some((l, true)), Some((u, true))) => msg!("report-band-from-to", low = f(l), high = f(u)),
        (Some((l, true)), Some((u, false))) => {
            msg!("report-band-from-below", low = f(l), high = f(u))
        }
        (Some((l, false)), Some((u, true))) => {
            msg!("report-band-above-to", low = f(l), high = f(u))
        }
        (Some((l, false)), Some((u, false))) => {
            msg!("report-band-above-below", low = f(l), high = f(u))
        }
        (None, None) => msg!("report-band-any"),
    }
    .render(lang)
}

#[cfg(test)]
mod band_words {
    use super::*;
    use crate::model::{GradeBasis, NumInterval};
    use crate::Lang;
    use rust_decimal_macros::dec;

    #[test]
    fn a_band_is_said_in_the_decrees_words_or_in_english() {
        // The bands of Điện Biên 2024 (QĐ: "từ 85% trở lên", "từ 75% đến dưới 85%", …) and
        // a band on points ("từ 15 điểm trở lên").
        let band = |lower, upper| NumInterval { lower, upper };
        let cases = [
            (
                band(Some((dec!(85), true)), None),
                GradeBasis::Percent,
                "từ 85% trở lên",
                "85% or more",
            ),
            (
                band(Some((dec!(75), true)), Some((dec!(85), false))),
                GradeBasis::Percent,
                "từ 75% đến dưới 85%",
                "75% to below 85%",
            ),
            (
                band(None, Some((dec!(50), false))),
                GradeBasis::Percent,
                "dưới 50%",
                "below 50%",
            ),
            (
                band(Some((dec!(15), true)), None),
                GradeBasis::Points,
                "từ 15 điểm trở lên",
                "15 points or more",
            ),
            (
                band(Some((dec!(9.5), false)), Some((dec!(12), true))),
                GradeBasis::Points,
                "trên 9.5 điểm đến 12 điểm",
                "above 9.5 points to 12 points",
            ),
        ];
        for (interval, basis, vi, en) in cases {
            assert_eq!(describe_band_on(&interval, basis), vi);
            assert_eq!(describe_band_in(&interval, basis, Lang::Vi), vi);
            assert_eq!(describe_band_in(&interval, basis, Lang::En), en);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ranking's integer keys order decimals exactly as the decimals order themselves
    /// (scales mixed, signs mixed, equal values of different scales equal), and refuse what
    /// does not fit rather than wrap.
    #[test]
    fn finest_keys_order_as_the_decimals() {
        let mut values = vec![
            Decimal::new(875, 1),
            Decimal::new(8750, 2),
            Decimal::new(8725, 2),
            Decimal::new(100, 0),
            Decimal::new(-5, 28),
            Decimal::new(5, 28),
            Decimal::ZERO,
            Decimal::new(-12_345, 3),
            Decimal::new(9_999_999_999, 0),
        ];
        let mut x: u64 = 7;
        for _ in 0..2_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let mantissa = (x >> 40) as i64 - (1 << 23);
            values.push(Decimal::new(mantissa, ((x >> 8) % 12) as u32));
        }
        for a in &values {
            for b in values.iter().step_by(7) {
                let (fa, fb) = (finest(*a).unwrap(), finest(*b).unwrap());
                assert_eq!(fa.cmp(&fb), a.cmp(b), "{a} and {b}");
            }
        }
        assert_eq!(finest(Decimal::MAX), None);
    }
}
