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
    /// Total points (điểm đạt, after bonus and penalty points); `None` when last year's data
    /// was incomplete or not scored.
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
    pub fn label(self) -> String {
        self.label_in(crate::Lang::Vi)
    }

    /// What a report shows in a reader's language (catalogue ids `report-grade-move-…`).
    pub fn label_in(self, lang: crate::Lang) -> String {
        match self {
            GradeMove::Same => crate::msg!("report-grade-move-same"),
            GradeMove::Up => crate::msg!("report-grade-move-up"),
            GradeMove::Down => crate::msg!("report-grade-move-down"),
            GradeMove::Changed => crate::msg!("report-grade-move-changed"),
        }
        .render(lang)
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
    /// For each of [`Batch::units`], its row in [`YearOverYear::rows`] when matched.
    pub row_of: Vec<Option<usize>>,
}

impl YearOverYear {
    /// The row of this year's unit `unit` (index into [`Batch::units`]), if it was matched.
    pub fn row(&self, unit: usize) -> Option<&PreviousRow> {
        self.rows.get((*self.row_of.get(unit)?)?)
    }
}

/// Matches this year's results that count (the rows of `ranking`; `group_ranks` gives each
/// unit's rank within its group, indexed as [`Batch::units`], when the ruleset declares
/// groups) with last year's, by name key. A name given twice last year is matched once (its
/// first entry); the rest are listed as gone.
pub fn compare_previous(
    ruleset: &Ruleset,
    batch: &Batch,
    ranking: &Ranking,
    group_ranks: &[Option<usize>],
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
        // The total after bonus and penalty points, as published.
        let achieved = complete.then_some(unit.result.total());
        let grouped = !ruleset.meta.groups.is_empty() && last.group.is_some();
        let (rank, previous_rank) = if grouped {
            let rank = group_ranks.get(row.unit).copied().flatten();
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
    let mut row_of = vec![None; batch.units.len()];
    for (i, r) in rows.iter().enumerate() {
        row_of[r.unit] = Some(i);
    }
    YearOverYear {
        previous,
        rows,
        new_units,
        gone,
        row_of,
    }
}

/// Last year's results as plain data from last year's batch scored with last year's
/// ruleset (`--previous RULESET.chiso --previous-data …`): the results that counted, in
/// ranking order, with their group and rank within it.
pub fn from_batch(ruleset: &Ruleset, batch: &Batch) -> Vec<PreviousUnit> {
    let ranking = super::rank(batch);
    let group_ranks =
        super::groups::group_ranks(&super::groups::group_summaries(ruleset, batch), batch);
    ranking
        .rows
        .iter()
        .map(|row| {
            let unit = &batch.units[row.unit];
            let complete = unit.result.is_complete();
            let group_rank = group_ranks[row.unit];
            PreviousUnit {
                unit: unit.unit().to_string(),
                achieved: complete.then_some(unit.result.total()),
                max: Some(unit.result.max),
                percent: row.percent,
                rank: row.rank,
                group_rank,
                grade: row.grade.clone(),
                group: unit.group.and_then(|g| ruleset.meta.groups.get(g)).cloned(),
            }
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::{rank, score, Loaded, Origin, Units};
    use crate::data::{resolve, RawEntry, RawUnit, RawValue};
    use rust_decimal_macros::dec;

    /// Units given as (name, points of criterion 1.1, the only one, maximum 100).
    struct Given(Vec<(&'static str, &'static str)>);

    impl Units for Given {
        fn count(&self) -> usize {
            self.0.len()
        }
        fn load(&self, ruleset: &Ruleset, index: usize) -> Loaded {
            let (unit, points) = self.0[index];
            let raw = RawUnit {
                unit: Some((unit.to_string(), 0..0)),
                stage: Some(("appraised".to_string(), 0..0)),
                points: vec![RawEntry {
                    key: "1.1".into(),
                    key_span: 0..0,
                    value: RawValue::Number(points.into()),
                    value_span: 0..0,
                }],
                ..RawUnit::default()
            };
            let (data, problems) = resolve(ruleset, &raw);
            assert!(problems.is_empty(), "{problems:?}");
            Loaded {
                origin: Origin::File(format!("{unit}.toml")),
                unit: Some(unit.into()),
                stage: Some(data.stage),
                group: None,
                data: Some(data),
                problems: Vec::new(),
            }
        }
    }

    #[test]
    fn the_change_from_last_year_is_in_points_of_percentage_rank_and_grade() {
        let analysis = crate::analyze(
            "ruleset \"x\" { year 2023\n grade \"Tốt\" from 85\n grade \"Khá\" from 70 below 85\n grade \"Chưa đạt\" below 70 }\n\
             area 1 \"A\" { criterion 1.1 \"x\" max 100 }",
        );
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        let rs = &analysis.ruleset;
        let batch = score(
            rs,
            &Given(vec![
                ("UBND huyện A", "86.47"),
                ("UBND huyện B", "84.9"),
                ("UBND huyện Mới", "60"),
            ]),
            &mut |_| {},
        );
        let ranking = rank(&batch);
        let last = |unit: &str, percent: Decimal, rank: usize, grade: &str| PreviousUnit {
            unit: unit.into(),
            achieved: Some(percent),
            max: Some(dec!(100)),
            percent: Some(percent),
            rank: Some(rank),
            grade: Some(grade.into()),
            ..PreviousUnit::default()
        };
        let yoy = compare_previous(
            rs,
            &batch,
            &ranking,
            &[],
            vec![
                // Spelled otherwise last year: the same unit by its name key.
                last("ubnd HUYỆN  b", dec!(85.2), 1, "Tốt"),
                last("UBND huyện A", dec!(86.14), 2, "Tốt"),
                last("UBND huyện Đã Sáp Nhập", dec!(70), 3, "Khá"),
            ],
        );
        // A: 86,47% this year, 86,14% last year — "tăng 0,33% so với năm 2022": 86.47 −
        // 86.14 = 0.33 points of percentage (and of points, the maximum being 100); second
        // last year, first now: up one place; Tốt both years.
        let a = yoy.row(0).unwrap();
        assert_eq!(a.percent_change, Some(dec!(0.33)));
        assert_eq!(a.achieved_change, Some(dec!(0.33)));
        assert_eq!(
            (a.rank, a.previous_rank, a.rank_change),
            (Some(1), Some(2), Some(1))
        );
        assert_eq!(a.grade_move, Some(GradeMove::Same));
        // B: 84.9 − 85.2 = −0.3; first → second: down one; Tốt (from 85) → Khá: down.
        let b = yoy.row(1).unwrap();
        assert_eq!(b.percent_change, Some(dec!(-0.3)));
        assert_eq!(b.rank_change, Some(-1));
        assert_eq!(b.grade_move, Some(GradeMove::Down));
        // Unmatched both ways.
        assert_eq!(yoy.new_units, [2]);
        assert_eq!(yoy.gone, [2]);
        assert_eq!(yoy.previous[2].unit, "UBND huyện Đã Sáp Nhập");
    }

    #[test]
    fn grades_move_by_the_bands_and_unknown_bands_are_a_change() {
        let analysis = crate::analyze(
            "ruleset \"x\" { grade \"Kém\" below 50\n grade \"Tốt\" from 50 }\narea 1 \"A\" { criterion 1.1 \"x\" max 1 }",
        );
        let rs = &analysis.ruleset;
        // Declared lowest first: the band starting higher is the higher grade.
        assert_eq!(grade_move(rs, "Tốt", "Kém"), GradeMove::Up);
        assert_eq!(grade_move(rs, "kém", "Tốt"), GradeMove::Down);
        assert_eq!(grade_move(rs, "tot", "Tốt"), GradeMove::Same);
        assert_eq!(grade_move(rs, "Tốt", "Xuất sắc"), GradeMove::Changed);
    }
}
