//! What groups, appraisal rounds and the previous year add to the JSON and CSV reports,
//! only when a batch has them (a ruleset declaring groups or more than two stages, or
//! `--previous`), so every other report stays as it was.
//!
//! JSON (each unit object): `group` and `group_rank` (groups; a unit not scored has
//! `group`); `previous` (an object, or
//! null for a unit last year's results do not have) on the results that count; in a
//! `comparison`, `rounds` (more than two stages). Last year's units that this year's results
//! do not have are objects with `"previous_only": true`. CSV: the columns `stage` (more than
//! two stages), `group`, `group_rank` (groups) and `previous_percent`, `percent_change`,
//! `achieved_change`, `previous_rank`, `rank_change`, `previous_grade`, `grade_move`
//! (`--previous`) are added, filled on each unit's total row; last year's units without a
//! match are total rows of status `previous_only`.

use super::batch::BatchReport;
use chiso::batch::previous::{PreviousRow, PreviousUnit};
use chiso::batch::stages::StageComparison;
use chiso::batch::NotScored;
use chiso::data::Stage;
use chiso::model::Ruleset;
use chiso::text::format_decimal;
use serde_json::{json, Map, Value as Json};

fn num(d: Option<rust_decimal::Decimal>) -> Json {
    d.map_or(Json::Null, |d| Json::String(format_decimal(d)))
}

/// Whether the ruleset declares more stages than the default two.
pub fn has_rounds(ruleset: &Ruleset) -> bool {
    Stage::count(ruleset) > 2
}

/// The `previous` object of a matched unit.
pub fn previous_json(row: &PreviousRow, last: &PreviousUnit) -> Json {
    json!({
        "unit": last.unit,
        "achieved": num(last.achieved),
        "percent": num(last.percent),
        "rank": last.rank,
        "group_rank": last.group_rank,
        "grade": last.grade,
        "group": last.group,
        "achieved_change": num(row.achieved_change),
        "percent_change": num(row.percent_change),
        "rank_change": row.rank_change,
        "grade_move": row.grade_move.map(|m| m.as_str()),
    })
}

/// What the unit objects need, looked up once for the batch (a province has thousands of
/// units): each unit's rank within its group and whether its result counts.
pub struct UnitFields {
    group_ranks: Vec<Option<usize>>,
    counts: Vec<bool>,
}

impl UnitFields {
    /// Looks up every unit of the report's batch.
    pub fn new(report: &BatchReport) -> Self {
        let mut counts = vec![false; report.batch.units.len()];
        for row in &report.ranking.rows {
            counts[row.unit] = true;
        }
        UnitFields {
            group_ranks: report.group_ranks(),
            counts,
        }
    }
}

/// Adds `group`, `group_rank` and `previous` to the object of unit `index` (into
/// `batch.units`).
pub fn add_unit_fields(
    report: &BatchReport,
    fields: &UnitFields,
    index: usize,
    object: &mut Map<String, Json>,
) {
    let unit = &report.batch.units[index];
    if !report.groups.is_empty() {
        let name = unit
            .group
            .and_then(|g| report.ruleset.meta.groups.get(g))
            .cloned();
        object.insert("group".into(), name.map_or(Json::Null, Json::String));
        let rank = fields.group_ranks[index];
        object.insert("group_rank".into(), rank.map_or(Json::Null, |r| json!(r)));
    }
    if let Some(previous) = &report.previous {
        if fields.counts[index] {
            let value = previous.row(index).map_or(Json::Null, |r| {
                previous_json(r, &previous.previous[r.previous])
            });
            object.insert("previous".into(), value);
        }
    }
}

/// Adds `group` (the declared group its data names, else null) to the object of a unit not
/// scored, when the ruleset declares groups.
pub fn add_not_scored_fields(report: &BatchReport, unit: &NotScored, object: &mut Json) {
    if report.groups.is_empty() {
        return;
    }
    if let Json::Object(map) = object {
        let name = unit
            .group
            .and_then(|g| report.ruleset.meta.groups.get(g))
            .cloned();
        map.insert("group".into(), name.map_or(Json::Null, Json::String));
    }
}

/// Adds `rounds` to a comparison object: each appraisal round's totals and, per criterion,
/// each round's score and note.
pub fn add_rounds(ruleset: &Ruleset, c: &StageComparison, object: &mut Json) {
    if !has_rounds(ruleset) {
        return;
    }
    let Json::Object(map) = object else { return };
    let rounds: Vec<Json> = c
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let rows: Vec<Json> = c
                .rows
                .iter()
                .map(|row| {
                    json!({
                        "id": ruleset.nodes[row.node].id,
                        "score": num(row.rounds.get(i).copied().flatten()),
                        "note": row.round_notes.get(i).cloned().flatten(),
                    })
                })
                .collect();
            json!({
                "stage": r.stage.as_str(),
                "name": r.stage.name(ruleset),
                "given": r.unit.is_some(),
                "total": num(r.total),
                "max": num(r.max),
                "percent": num(r.percent),
                "survey": num(r.survey),
                "difference": num(r.difference),
                "change": num(r.change),
                "rows": rows,
            })
        })
        .collect();
    map.insert("rounds".into(), Json::Array(rounds));
    let self_notes: Map<String, Json> = c
        .rows
        .iter()
        .filter_map(|r| {
            r.self_note
                .as_ref()
                .map(|n| (ruleset.nodes[r.node].id.clone(), Json::String(n.clone())))
        })
        .collect();
    map.insert("self_notes".into(), Json::Object(self_notes));
}

/// The objects of last year's units that this year's results do not have.
pub fn previous_only_json(report: &BatchReport) -> Vec<Json> {
    let Some(previous) = &report.previous else {
        return Vec::new();
    };
    previous
        .gone
        .iter()
        .map(|&i| {
            let last = &previous.previous[i];
            json!({
                "unit": last.unit,
                "ruleset": report.ruleset.meta.title,
                "stage": Json::Null,
                "achieved": Json::Null,
                "max": Json::Null,
                "percent": Json::Null,
                "grade": Json::Null,
                "complete": false,
                "scored": false,
                "previous_only": true,
                "missing": [],
                "nodes": [],
                "rank": Json::Null,
                "previous": {
                    "unit": last.unit,
                    "achieved": num(last.achieved),
                    "percent": num(last.percent),
                    "rank": last.rank,
                    "group_rank": last.group_rank,
                    "grade": last.grade,
                    "group": last.group,
                },
            })
        })
        .collect()
}

/// Whether [`csv`] adds columns: the batch has groups, rounds or a previous year.
pub fn adds_csv_columns(report: &BatchReport) -> bool {
    has_rounds(report.ruleset) || !report.groups.is_empty() || report.previous.is_some()
}

/// The columns groups, rounds and last year add to the CSV report (see the module's doc),
/// for [`super::write_csv_with`] to write row by row as it streams: nothing here holds the
/// report.
pub struct CsvColumns<'r> {
    report: &'r BatchReport<'r>,
    rounds: bool,
    groups: bool,
    group_ranks: Vec<Option<usize>>,
}

impl<'r> CsvColumns<'r> {
    /// The added columns of a report; `None` when it adds none (no groups, no rounds, no
    /// previous year: the CSV stays as it was).
    pub fn new(report: &'r BatchReport<'r>) -> Option<Self> {
        adds_csv_columns(report).then(|| CsvColumns {
            report,
            rounds: has_rounds(report.ruleset),
            groups: !report.groups.is_empty(),
            group_ranks: report.group_ranks(),
        })
    }

    /// The added columns' headers.
    pub fn head(&self) -> Vec<&'static str> {
        let mut head: Vec<&'static str> = Vec::new();
        if self.rounds {
            head.push("stage");
        }
        if self.groups {
            head.extend(["group", "group_rank"]);
        }
        if self.report.previous.is_some() {
            head.extend([
                "previous_percent",
                "percent_change",
                "achieved_change",
                "previous_rank",
                "rank_change",
                "previous_grade",
                "grade_move",
            ]);
        }
        head
    }

    /// How many of [`CsvColumns::cells`] a unit's node and item rows repeat (its stage and
    /// group: which row is whose); the rest (the group rank, last year's figures) are
    /// totals, left empty there.
    pub fn kept_on_node_rows(&self) -> usize {
        usize::from(self.rounds) + usize::from(self.groups)
    }

    /// The added cells of the total row of scored unit `i` (an index into `batch.units`).
    pub fn cells(&self, i: usize) -> Vec<String> {
        let rs = self.report.ruleset;
        let unit = &self.report.batch.units[i];
        let mut out = Vec::new();
        if self.rounds {
            out.push(unit.result.stage.as_str().to_string());
        }
        if self.groups {
            out.push(
                unit.group
                    .and_then(|g| rs.meta.groups.get(g))
                    .cloned()
                    .unwrap_or_default(),
            );
            out.push(
                self.group_ranks[i]
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
            );
        }
        if let Some(p) = &self.report.previous {
            let d = |d: Option<rust_decimal::Decimal>| d.map(format_decimal).unwrap_or_default();
            match p.row(i) {
                Some(r) => {
                    let last = &p.previous[r.previous];
                    out.extend([
                        d(last.percent),
                        d(r.percent_change),
                        d(r.achieved_change),
                        r.previous_rank.map(|r| r.to_string()).unwrap_or_default(),
                        r.rank_change.map(|r| r.to_string()).unwrap_or_default(),
                        last.grade.clone().unwrap_or_default(),
                        r.grade_move
                            .map(|m| m.as_str().to_string())
                            .unwrap_or_default(),
                    ]);
                }
                None => out.extend(std::iter::repeat_n(String::new(), 7)),
            }
        }
        out
    }

    /// Last year's units this year's results do not have: one total row each (all the
    /// report's columns), status `previous_only`, after every unit of this year.
    pub fn previous_only(&self) -> Vec<Vec<String>> {
        let Some(p) = &self.report.previous else {
            return Vec::new();
        };
        let width = self.head().len();
        let d = |d: Option<rust_decimal::Decimal>| d.map(format_decimal).unwrap_or_default();
        p.gone
            .iter()
            .map(|&i| {
                let last = &p.previous[i];
                let mut row = vec![
                    last.unit.clone(),
                    String::new(),
                    "TỔNG".into(),
                    "unit".into(),
                    String::new(),
                    String::new(),
                    "previous_only".into(),
                ];
                row.extend(std::iter::repeat_n(String::new(), 4));
                row.extend(std::iter::repeat_n(String::new(), width - 7));
                row.extend([
                    d(last.percent),
                    String::new(),
                    String::new(),
                    last.rank.map(|r| r.to_string()).unwrap_or_default(),
                    String::new(),
                    last.grade.clone().unwrap_or_default(),
                    String::new(),
                ]);
                row
            })
            .collect()
    }
}
