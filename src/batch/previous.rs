//! Year over year (so với năm trước): every publication of the index leads with the change
//! from last year ("tăng 0,33% so với năm 2022"). Last year's results — read by the caller
//! (chiso-formats reads chiso's own JSON) into [`PreviousUnit`]s — are matched to this year's
//! results that count by the unit's name key ([`crate::text::unit_key`]: case, spacing,
//! Unicode form and tone placement do not matter), and each matched unit gets its previous
//! index, the change in points, in percentage points and in rank, and its grade move. Units
//! of either year without a match are listed, so none is silently dropped.

use super::rank::Ranking;
use super::Batch;
use crate::model::Ruleset;
use crate::text::unit_key;
use rust_decimal::Decimal;

/// One unit's result of last year, as plain data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PreviousUnit {
    /// Tên đơn vị as last year's results write it.
    pub unit: String,
    /// Total points (điểm đạt); `None` when last year's data was incomplete or not scored.
    pub achieved: Option<Decimal>,
    /// The maximum.
    pub max: Option<Decimal>,
    /// The index (0–100).
    pub percent: Option<Decimal>,
    /// The rank among all units (xếp hạng).
    pub rank: Option<usize>,
    /// The rank within its group, when last year's ruleset declared groups.
    pub group_rank: Option<usize>,
    /// The grade (xếp loại).
    pub grade: Option<String>,
    /// The group's name, when last year's ruleset declared groups.
    pub group: Option<String>,
}

/// How a unit's grade moved from last year: by this year's grade bands (a band starting
/// higher is a higher grade).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeMove {
    /// The same grade.
    Same,
    /// A higher band (lên hạng xếp loại).
    Up,
    /// A lower band.
    Down,
    /// A different grade that this year's ruleset does not order (a band renamed).
    Changed,
}

impl GradeMove {
    /// The word JSON and CSV write: `same`, `up`, `down`, `changed`.
    pub fn as_str(self) -> &'static str {
        match self {
            GradeMove::Same => "same",
            GradeMove::Up => "up",
            GradeMove::Down => "down",
            GradeMove::Changed => "changed",
        }
    }

    /// The Vietnamese a report shows: "giữ nguyên", "tăng", "giảm", "thay đổi".
    pub fn label(self) -> &'static str {
        match self {
            GradeMove::Same => "giữ nguyên",
            GradeMove::Up => "tăng",
            GradeMove::Down => "giảm",
            GradeMove::Changed => "thay đổi",
        }
    }
}

/// A unit of this year matched with its result of last year.
#[derive(Debug, Clone, PartialEq)]
pub struct PreviousRow {
    /// Index into [`Batch::units`] of this year's result that counts.
    pub unit: usize,
    /// Index into [`YearOverYear::previous`].
    pub previous: usize,
    /// This year's points − last year's (`None` unless both are known).
    pub achieved_change: Option<Decimal>,
    /// This year's index − last year's, in percentage points ("tăng 0,33%").
    pub percent_change: Option<Decimal>,
    /// This year's rank (within the unit's group when both years have groups).
    pub rank: Option<usize>,
    /// Last year's rank, compared the same way.
    pub previous_rank: Option<usize>,
    /// Places gained: last year's rank − this year's (positive: up, negative: down).
    pub rank_change: Option<i64>,
    /// How the grade moved; `None` unless both years have a grade.
    pub grade_move: Option<GradeMove>,
}

/// This year's results beside last year's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct YearOverYear {
    /// Last year's results, as given.
    pub previous: Vec<PreviousUnit>,
    /// One row per matched unit, in the order of this year's ranking.
    pub rows: Vec<PreviousRow>,
    /// This year's units (indices into [`Batch::units`], ranking order) that last year's
    /// results do not have (new units, or renamed).
    pub new_units: Vec<usize>,
    /// Last year's units (indices into [`YearOverYear::previous`]) that this year's results
    /// do not have (merged, dissolved, renamed, or not scored this year).
    pub gone: Vec<usize>,
}

impl YearOverYear {
    /// The row of this year's unit `unit` (index into [`Batch::units`]), if it was matched.
    pub fn row(&self, unit: usize) -> Option<&PreviousRow> {
        self.rows.iter().find(|r| r.unit == unit)
    }
}

/// Matches this year's results that count (the rows of `ranking`; `group_ranks` gives each
/// unit's rank within its group, by index into [`Batch::units`], when the ruleset declares
/// groups) with last year's, by name key. A name given twice last year is matched once (its
/// first entry); the rest are listed as gone.
pub fn compare_previous(
    ruleset: &Ruleset,
    batch: &Batch,
    ranking: &Ranking,
    group_ranks: &[(usize, Option<usize>)],
    previous: Vec<PreviousUnit>,
) -> YearOverYear {
    let mut by_key: std::collections::HashMap<String, usize> = Default::default();
    for (i, p) in previous.iter().enumerate() {
        by_key.entry(unit_key(&p.unit)).or_insert(i);
    }
    let mut matched = vec![false; previous.len()];
    let mut rows = Vec::new();
    let mut new_units = Vec::new();
    for row in &ranking.rows {
        let unit = &batch.units[row.unit];
        let Some(&p) = by_key.get(&unit_key(unit.unit())) else {
            new_units.push(row.unit);
            continue;
        };
        matched[p] = true;
        let last = &previous[p];
        let complete = unit.result.is_complete();
        let achieved = complete.then_some(unit.result.achieved);
        let grouped = !ruleset.meta.groups.is_empty() && last.group.is_some();
        let (rank, previous_rank) = if grouped {
            let rank = group_ranks
                .iter()
                .find(|(u, _)| *u == row.unit)
                .and_then(|(_, r)| *r);
            (rank, last.group_rank)
        } else {
            (row.rank, last.rank)
        };
        rows.push(PreviousRow {
            unit: row.unit,
            previous: p,
            achieved_change: match (achieved, last.achieved) {
                (Some(now), Some(then)) => Some(now - then),
                _ => None,
            },
            percent_change: match (row.percent, last.percent) {
                (Some(now), Some(then)) => Some(now - then),
                _ => None,
            },
            rank,
            previous_rank,
            rank_change: match (rank, previous_rank) {
                (Some(now), Some(then)) => Some(then as i64 - now as i64),
                _ => None,
            },
            grade_move: match (&row.grade, &last.grade) {
                (Some(now), Some(then)) => Some(grade_move(ruleset, now, then)),
                _ => None,
            },
        });
    }
    let gone = (0..previous.len()).filter(|&i| !matched[i]).collect();
    YearOverYear {
        previous,
        rows,
        new_units,
        gone,
    }
}

fn grade_move(ruleset: &Ruleset, now: &str, then: &str) -> GradeMove {
    let key = |g: &str| crate::text::fold(g.trim());
    if key(now) == key(then) {
        return GradeMove::Same;
    }
    // A band is higher than another when it starts higher (bands do not overlap).
    let lower = |g: &str| {
        ruleset
            .meta
            .grades
            .iter()
            .find(|b| key(&b.name) == key(g))
            .map(|b| b.interval.lower.map(|(l, _)| l))
    };
    match (lower(now), lower(then)) {
        (Some(a), Some(b)) if a > b => GradeMove::Up,
        (Some(_), Some(_)) => GradeMove::Down,
        _ => GradeMove::Changed,
    }
}
