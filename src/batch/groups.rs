//! Groups within one batch (nhóm, khối): a decision ranks "khối sở", "khối huyện" and other
//! units separately in one table. A ruleset declares its groups (`nhóm "Khối sở"`), each unit
//! names its group in its data, and each group has its own ranking, grade counts, mean index
//! and mean area sub-indices. A ruleset that declares no groups has one group, the batch.

use super::rank::{grade_counts, rank_units, GradeCount, Ranking};
use super::{round_percent, Batch};
use crate::model::Ruleset;
use rust_decimal::Decimal;

/// One group's part of a batch.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupSummary {
    /// Index into the ruleset's `meta.groups`.
    pub group: usize,
    /// The group's name as the ruleset declares it ("Khối sở").
    pub name: String,
    /// The group's ranking: its units' results that count ([`Batch::counting`]), ranked
    /// among themselves; `not_scored` counts its units whose data could not be scored.
    pub ranking: Ranking,
    /// The number of the group's units per grade band, then the ungraded.
    pub grades: Vec<GradeCount>,
    /// The mean of the ranked units' indices (0–100), as published (each rounded), rounded
    /// as the unit's percentage; `None` without a ranked unit.
    pub mean_percent: Option<Decimal>,
    /// Per area (in `ruleset.roots` order), the mean of the ranked units' sub-indices, rounded
    /// the same way; `None` when no ranked unit has the area scored.
    pub area_means: Vec<Option<Decimal>>,
}

impl GroupSummary {
    /// The number of the group's units in the reports: ranked, unranked and not scored.
    pub fn units(&self) -> usize {
        self.ranking.rows.len() + self.ranking.not_scored
    }
}

/// Each declared group's ranking, grade counts and means, in declared order; empty when the
/// ruleset declares no groups (the batch is one group: [`super::rank`]). A unit's group is
/// the one its result that counts names. Units not scored whose data names no declared group
/// are in no group ([`ungrouped_not_scored`]).
pub fn group_summaries(ruleset: &Ruleset, batch: &Batch) -> Vec<GroupSummary> {
    let counting = batch.counting();
    let stage = batch.ranked_stage();
    ruleset
        .meta
        .groups
        .iter()
        .enumerate()
        .map(|(group, name)| {
            let units: Vec<usize> = counting
                .iter()
                .copied()
                .filter(|&i| batch.units[i].group == Some(group))
                .collect();
            let not_scored = batch
                .not_scored
                .iter()
                .filter(|n| n.group == Some(group))
                .count();
            let ranking = rank_units(batch, stage, &units, not_scored);
            let grades = grade_counts(ruleset, &ranking);
            let ranked: Vec<usize> = ranking
                .rows
                .iter()
                .filter(|r| r.rank.is_some())
                .map(|r| r.unit)
                .collect();
            let mean_percent = mean(
                ruleset,
                ranking.rows.iter().filter_map(|r| r.rank.and(r.percent)),
            );
            let area_means = (0..ruleset.roots.len())
                .map(|area| {
                    mean(
                        ruleset,
                        ranked
                            .iter()
                            .filter_map(|&i| batch.units[i].areas.get(area)?.percent),
                    )
                })
                .collect();
            GroupSummary {
                group,
                name: name.clone(),
                ranking,
                grades,
                mean_percent,
                area_means,
            }
        })
        .collect()
}

/// Each unit's rank within its group, indexed as [`Batch::units`] (`None` for a unit not
/// ranked in a group).
pub fn group_ranks(groups: &[GroupSummary], batch: &Batch) -> Vec<Option<usize>> {
    let mut ranks = vec![None; batch.units.len()];
    for row in groups.iter().flat_map(|g| &g.ranking.rows) {
        ranks[row.unit] = row.rank;
    }
    ranks
}

/// The units not scored whose data names no declared group (when the ruleset declares
/// some): listed apart so every unit is still counted somewhere.
pub fn ungrouped_not_scored(ruleset: &Ruleset, batch: &Batch) -> usize {
    if ruleset.meta.groups.is_empty() {
        return 0;
    }
    batch
        .not_scored
        .iter()
        .filter(|n| n.group.is_none())
        .count()
}

/// The mean of percentages, rounded as the unit's percentage; `None` for none.
fn mean(ruleset: &Ruleset, values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    let (sum, count) = values.fold((Decimal::ZERO, 0u32), |(s, c), v| (s + v, c + 1));
    (count > 0).then(|| round_percent(ruleset, sum / Decimal::from(count)))
}
