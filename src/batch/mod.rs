//! A province's year: many units scored as one batch, then ranked, graded, compared across
//! the two stages (self-assessment and appraisal), against targets, and searched for what
//! would raise them.
//!
//! Units come from a [`Units`] source (unit files or the rows of a sheet), loaded one at a
//! time: a unit whose data is wrong is reported with its file or row and left out, and every
//! other unit is still scored. `best(…)` is filled from the whole batch (per stage) in a first
//! pass that keeps nothing but the running maxima, so memory grows with the results, not with
//! the units' data.

pub mod advice;
pub mod groups;
pub mod lost;
pub mod previous;
pub mod rank;
pub mod stages;

use crate::data::{Stage, UnitData};
use crate::diagnostic::Diagnostic;
use crate::eval::{best_values, evaluate_compiled, NodeResult, Programs, Status, UnitResult};
use crate::model::Ruleset;
use crate::place::Place;
use crate::text::unit_key;
use rust_decimal::Decimal;
use std::fmt;

pub use rank::{area_indices, grade_counts, rank, AreaIndex, GradeCount, RankRow, Ranking};

/// Where a unit's data came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A unit file.
    File(String),
    /// A row of a sheet (1-based, as the spreadsheet numbers it).
    Row {
        /// The sheet's file name or path.
        file: String,
        /// The row number (1-based).
        row: usize,
    },
}

impl Origin {
    /// The file's name or path (the sheet's, for a row).
    pub fn file(&self) -> &str {
        match self {
            Origin::File(f) | Origin::Row { file: f, .. } => f,
        }
    }

    /// The place of the unit as a whole: its file, or its row.
    pub fn place(&self) -> Place {
        match self {
            Origin::File(file) => Place::file(file.clone()),
            Origin::Row { file, row } => Place::row(file.clone(), None, *row),
        }
    }

    /// The place of a diagnostic about the unit: in a unit file, its span (bytes of the
    /// file); in a sheet, the unit's row.
    pub(crate) fn place_of(&self, diagnostic: &Diagnostic) -> Place {
        match self {
            Origin::File(file) => Place::Text {
                file: file.clone(),
                span: diagnostic.span.clone(),
            },
            Origin::Row { .. } => self.place(),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(file) => write!(f, "{file}"),
            Origin::Row { file, row } => write!(f, "{file}, row {row}"),
        }
    }
}

/// A problem found in one unit's data (or in a sheet's header), placed.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Where it is: bytes of a unit file, or a sheet's row and cell.
    pub place: Place,
    /// The unit's name, when known (`None` for a sheet's header or an unnamed unit).
    pub unit: Option<String>,
    /// The finding; its span is meaningful only for a unit file (see [`Problem::place`]).
    pub diagnostic: Diagnostic,
}

impl Problem {
    /// `error[D003]: a.csv, row 7, column D (x) [UBND huyện X]: message` and its help, in
    /// `lang`.
    pub fn to_text(&self, lang: crate::Lang) -> String {
        let unit = self
            .unit
            .as_deref()
            .filter(|u| !u.is_empty())
            .map(|u| format!(" [{u}]"))
            .unwrap_or_default();
        let mut out = format!(
            "{}[{}]: {}{unit}: {}\n",
            self.diagnostic.severity.label(lang),
            self.diagnostic.code,
            self.place.render(lang),
            self.diagnostic.message.render(lang)
        );
        if let Some(help) = &self.diagnostic.help {
            out.push_str(&format!(
                "  {}: {}\n",
                crate::msg!("help-word").render(lang),
                help.render(lang)
            ));
        }
        out
    }
}

/// One unit read from its source: its data when it can be scored, and what was found.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// Where the unit came from.
    pub origin: Origin,
    /// The unit's name, when the data names it.
    pub unit: Option<String>,
    /// The stage the data is for, when it could be read (also for data with errors, so a
    /// name given twice is found whatever the state of either).
    pub stage: Option<Stage>,
    /// The unit's group (index into the ruleset's `meta.groups`), when its data names a
    /// declared one (also for data with errors, so the unit is counted in its group).
    pub group: Option<usize>,
    /// The unit's data resolved against the ruleset; `None` when it has errors (it is then
    /// not scored, and `problems` says why).
    pub data: Option<UnitData>,
    /// What was found reading it (errors and warnings), placed.
    pub problems: Vec<Problem>,
}

/// A source of units, read one at a time (twice when the ruleset uses `best(…)`).
pub trait Units {
    /// The number of units (some may turn out unreadable).
    fn count(&self) -> usize;
    /// Reads unit `index` (`0..count()`) and resolves it against `ruleset`. Called once per
    /// unit, twice when the ruleset uses `best(…)`: it should read from the source each time
    /// rather than keep every unit in memory.
    fn load(&self, ruleset: &Ruleset, index: usize) -> Loaded;
    /// Problems of the source as a whole (a sheet's header).
    fn problems(&self) -> Vec<Problem> {
        Vec::new()
    }
}

/// Several sources scored as one batch.
pub struct Chain<'a> {
    /// The sources, in order: their units are numbered one after the other. `Sync`, so a
    /// chain can be scored on several threads ([`score_jobs`]).
    pub sources: Vec<&'a (dyn Units + Sync)>,
}

impl Units for Chain<'_> {
    fn count(&self) -> usize {
        self.sources.iter().map(|s| s.count()).sum()
    }

    fn load(&self, ruleset: &Ruleset, mut index: usize) -> Loaded {
        for source in &self.sources {
            if index < source.count() {
                return source.load(ruleset, index);
            }
            index -= source.count();
        }
        Loaded {
            origin: Origin::File(String::new()),
            unit: None,
            stage: None,
            group: None,
            data: None,
            problems: Vec::new(),
        }
    }

    fn problems(&self) -> Vec<Problem> {
        self.sources.iter().flat_map(|s| s.problems()).collect()
    }
}

/// A unit's result as a batch keeps it: the totals as [`UnitResult`] has them, and per node
/// its score, maximum and status packed in 36 bytes (a [`crate::eval::NodeResult`] takes
/// 80), so a province's ten thousand communes fit in a few tens of megabytes.
/// [`PackedResult::node`] and [`PackedResult::unpack`] give the engine's types back; a
/// parent's `exact` sum comes back equal to its (rounded) score.
#[derive(Debug, Clone, PartialEq)]
pub struct PackedResult {
    /// As [`UnitResult::unit`].
    pub unit: String,
    /// As [`UnitResult::stage`].
    pub stage: Stage,
    /// As [`UnitResult::achieved`]: rounded total points.
    pub achieved: Decimal,
    /// As [`UnitResult::achieved_exact`].
    pub achieved_exact: Decimal,
    /// As [`UnitResult::max`].
    pub max: Decimal,
    /// As [`UnitResult::percent`]: 0–100.
    pub percent: Option<Decimal>,
    /// As [`UnitResult::grade`].
    pub grade: Option<String>,
    /// As [`UnitResult::missing`].
    pub missing: Vec<(crate::eval::MissingItem, Vec<usize>)>,
    /// As [`UnitResult::adjustments`]: bonus and penalty points outside the tree.
    pub adjustments: Option<Box<crate::eval::Adjustments>>,
    nodes: Vec<PackedNode>,
    /// Why nodes are not evaluated.
    reasons: Vec<(usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct PackedNode {
    score: Decimal,
    max: Decimal,
    /// The status (0 scored, 1 not evaluated, 2 survey, 3 missing, 4 failed), `HAS_SCORE`
    /// when `score` holds one.
    status: u8,
}

const HAS_SCORE: u8 = 0x80;

impl PackedResult {
    /// Packs a unit's result as a batch keeps it ([`PackedResult::unpack`] gives it back).
    pub fn pack(result: UnitResult) -> Self {
        let mut reasons = Vec::new();
        let nodes = result
            .nodes
            .into_iter()
            .enumerate()
            .map(|(i, n)| {
                let status = match n.status {
                    Status::Scored => 0,
                    Status::NotEvaluated(reason) => {
                        reasons.push((i, reason));
                        1
                    }
                    Status::Survey => 2,
                    Status::Missing => 3,
                    Status::Failed => 4,
                };
                PackedNode {
                    score: n.score.unwrap_or_default(),
                    max: n.max,
                    status: status | if n.score.is_some() { HAS_SCORE } else { 0 },
                }
            })
            .collect();
        PackedResult {
            unit: result.unit,
            stage: result.stage,
            achieved: result.achieved,
            achieved_exact: result.achieved_exact,
            max: result.max,
            percent: result.percent,
            grade: result.grade,
            missing: result.missing,
            adjustments: result.adjustments,
            nodes,
            reasons,
        }
    }

    /// The result of node `index`.
    pub fn node(&self, index: usize) -> NodeResult {
        let n = self.nodes[index];
        let score = (n.status & HAS_SCORE != 0).then_some(n.score);
        let status = match n.status & !HAS_SCORE {
            0 => Status::Scored,
            1 => Status::NotEvaluated(
                self.reasons
                    .iter()
                    .find(|(i, _)| *i == index)
                    .map(|(_, r)| r.clone())
                    .unwrap_or_default(),
            ),
            2 => Status::Survey,
            3 => Status::Missing,
            _ => Status::Failed,
        };
        NodeResult {
            score,
            exact: score,
            max: n.max,
            status,
        }
    }

    /// Whether every node could be scored (as [`UnitResult::is_complete`]).
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
            && !self.nodes.iter().any(|n| n.status & !HAS_SCORE == 4)
            && !crate::eval::any_failed(self.adjustments.as_deref())
    }

    /// Whether a rule failed on the unit's data (a node, or a bonus or penalty item): its data
    /// is wrong (a part above its whole, a value out of range), not only missing.
    pub fn has_failed(&self) -> bool {
        self.nodes.iter().any(|n| n.status & !HAS_SCORE == 4)
            || crate::eval::any_failed(self.adjustments.as_deref())
    }

    /// The engine's result again, for renderers that take one.
    pub fn unpack(&self) -> UnitResult {
        UnitResult {
            unit: self.unit.clone(),
            stage: self.stage,
            nodes: (0..self.nodes.len()).map(|i| self.node(i)).collect(),
            achieved: self.achieved,
            achieved_exact: self.achieved_exact,
            max: self.max,
            percent: self.percent,
            grade: self.grade.clone(),
            missing: self.missing.clone(),
            adjustments: self.adjustments.clone(),
        }
    }

    /// As [`UnitResult::total`]: the total after bonus and penalty points.
    pub fn total(&self) -> Decimal {
        self.adjustments.as_ref().map_or(self.achieved, |a| a.total)
    }
}

/// A unit scored, with what the reports need of its data.
#[derive(Debug, Clone)]
pub struct Scored {
    /// Where the unit's data came from.
    pub origin: Origin,
    /// The unit's scores.
    pub result: PackedResult,
    /// The year the data says it is for.
    pub year: Option<u32>,
    /// The unit's group (index into the ruleset's `meta.groups`); `None` when the ruleset
    /// declares none.
    pub group: Option<usize>,
    /// `[claimed]` of a self-assessment, by node.
    pub claimed: Vec<(usize, Decimal)>,
    /// `[notes]` by node (the council's notes in an appraisal).
    pub notes: Vec<(usize, String)>,
    /// Area sub-indices, one per area.
    pub areas: Vec<AreaIndex>,
}

impl Scored {
    /// Tên đơn vị, as the data writes it.
    pub fn unit(&self) -> &str {
        &self.result.unit
    }

    /// The score claimed for node `node` (index into `ruleset.nodes`).
    pub(crate) fn claimed(&self, node: usize) -> Option<Decimal> {
        self.claimed
            .iter()
            .find(|(n, _)| *n == node)
            .map(|(_, d)| *d)
    }

    /// The note for node `node` (index into `ruleset.nodes`), if the data has one.
    pub fn note(&self, node: usize) -> Option<&str> {
        self.notes
            .iter()
            .find(|(n, _)| *n == node)
            .map(|(_, s)| s.as_str())
    }
}

/// A unit that could not be scored: where it is and why. Every report lists it (unranked,
/// counted as not graded) with these problems; they are also in [`Batch::problems`].
#[derive(Debug, Clone)]
pub struct NotScored {
    /// Its unit file, or its sheet row.
    pub origin: Origin,
    /// Its name, when the data names it.
    pub unit: Option<String>,
    /// Its group (index into the ruleset's `meta.groups`), when its data names a declared
    /// one.
    pub group: Option<usize>,
    /// Why it was not scored: the problems found in its data (errors first in input order,
    /// then warnings), each with its place (file, row, column).
    pub problems: Vec<Problem>,
}

impl NotScored {
    /// The unit's name as reports show it: its name, else its place ("tinh.csv, row 7").
    pub fn label(&self) -> String {
        match self.unit.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => format!("({})", self.origin),
        }
    }
}

/// Every unit of a batch, scored.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// Scored units in input order (both stages).
    pub units: Vec<Scored>,
    /// Units whose data has errors: reported, not scored.
    pub not_scored: Vec<NotScored>,
    /// Every problem found, in input order: errors, warnings and missing data.
    pub problems: Vec<Problem>,
    /// Units rank on their total in points (after bonus and penalty points), not on their
    /// percentage: the ruleset grades on points (`grade on points`).
    pub rank_on_points: bool,
}

impl Batch {
    /// Whether anything went wrong: a unit not scored, or a scored unit with missing or
    /// failed data, or an error in a source.
    pub fn has_failures(&self) -> bool {
        !self.not_scored.is_empty()
            || self.units.iter().any(|u| !u.result.is_complete())
            || self.problems.iter().any(|p| p.diagnostic.is_error())
    }

    /// The units of one stage.
    pub fn stage(&self, stage: Stage) -> impl Iterator<Item = (usize, &Scored)> {
        self.units
            .iter()
            .enumerate()
            .filter(move |(_, u)| u.result.stage == stage)
    }

    /// The stage that ranks: the appraisal when any unit has one (each unit's last
    /// appraisal round, [`Batch::counting`]), else the self-assessment.
    pub(crate) fn ranked_stage(&self) -> Stage {
        if self.units.iter().any(|u| u.result.stage.is_appraisal()) {
            Stage::Appraised
        } else {
            Stage::SelfAssessment
        }
    }

    /// The results that count, in input order (indices into [`Batch::units`]): when any
    /// unit has been appraised, each appraised unit's last appraisal round (a second
    /// appraisal after the unit's explanation replaces the first; a unit with only a
    /// self-assessment is not among them); otherwise every self-assessment.
    pub fn counting(&self) -> Vec<usize> {
        if !self.ranked_stage().is_appraisal() {
            return self.stage(Stage::SelfAssessment).map(|(i, _)| i).collect();
        }
        let mut last: std::collections::HashMap<String, usize> = Default::default();
        let mut order = Vec::new();
        for (i, unit) in self.units.iter().enumerate() {
            if !unit.result.stage.is_appraisal() {
                continue;
            }
            match last.entry(unit_key(unit.unit())) {
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(order.len());
                    order.push(i);
                }
                std::collections::hash_map::Entry::Occupied(e) => {
                    let slot = &mut order[*e.get()];
                    if self.units[*slot].result.stage < unit.result.stage {
                        *slot = i;
                    }
                }
            }
        }
        order.sort_unstable();
        order
    }

    /// A unit's result in a stage, by name (compared on the name key).
    pub fn find(&self, unit: &str, stage: Stage) -> Option<&Scored> {
        let key = unit_key(unit);
        self.units
            .iter()
            .find(|u| u.result.stage == stage && unit_key(u.unit()) == key)
    }
}

/// Scores every unit of a source on one thread. `progress` is called after each unit with
/// the number done. [`score_jobs`] scores on several threads, with the same result.
///
/// Every problem lands in [`Batch::problems`]: the source's own, each unit's data findings,
/// the evaluator's (`D002`, `D005`, `D008`, `D009`) and `D013` for a unit given twice for one
/// stage (the second is not scored). The core scores only a ruleset the caller has checked:
/// refuse one with errors ([`crate::Analysis::has_errors`]) before calling this.
pub fn score(ruleset: &Ruleset, units: &dyn Units, progress: &mut dyn FnMut(usize)) -> Batch {
    let best = first_pass(ruleset, 0..units.count(), &|i| units.load(ruleset, i));
    let programs = Programs::new(ruleset);
    let mut merge = Merge::new(ruleset, units.problems());
    for index in 0..units.count() {
        merge.push(work(ruleset, &programs, units.load(ruleset, index), &best));
        progress(index + 1);
    }
    merge.batch
}

/// Units a thread loads and scores before handing them over: large enough that handing over
/// costs nothing, small enough that the units in flight hold little memory.
const CHUNK: usize = 256;

/// Below this many units a batch is scored on one thread: starting threads would not pay.
pub const PARALLEL_FROM: usize = 2 * CHUNK;

/// Scores every unit of a source as [`score`] does, on up to `jobs` threads (the caller
/// chooses, e.g. from `std::thread::available_parallelism`). The batch is byte for byte the
/// one [`score`] gives: units are loaded and scored in chunks by the threads, then taken in
/// input order on the calling thread, where names given twice (`D013`) are found and
/// `progress` is called after each unit with the number done (so it only grows). Batches
/// smaller than [`PARALLEL_FROM`] units, or `jobs` ≤ 1, are scored on the calling thread.
pub fn score_jobs(
    ruleset: &Ruleset,
    units: &(dyn Units + Sync),
    progress: &mut dyn FnMut(usize),
    jobs: usize,
) -> Batch {
    let count = units.count();
    if jobs <= 1 || count < PARALLEL_FROM {
        return score(ruleset, units, progress);
    }
    let threads = jobs.min(count.div_ceil(CHUNK));
    let load = |i: usize| units.load(ruleset, i);
    // First pass: each thread folds the maxima of its chunks; maxima merge in any order.
    let best = if ruleset.best_slots > 0 {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let parts: Vec<Best> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut own = Best::new(ruleset);
                        loop {
                            let chunk = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let start = chunk * CHUNK;
                            if start >= count {
                                break own;
                            }
                            own.merge(&first_pass(
                                ruleset,
                                start..(start + CHUNK).min(count),
                                &load,
                            ));
                        }
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a scoring thread panicked"))
                .collect()
        });
        let mut best = Best::new(ruleset);
        for part in &parts {
            best.merge(part);
        }
        best
    } else {
        Best::new(ruleset)
    };
    // Second pass: chunks scored by the threads, merged here in input order.
    let programs = Programs::new(ruleset);
    let programs = &programs;
    let mut merge = Merge::new(ruleset, units.problems());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let chunks = count.div_ceil(CHUNK);
    std::thread::scope(|scope| {
        // A bounded channel: threads run at most a few chunks ahead of the merge.
        let (send, receive) = std::sync::mpsc::sync_channel::<(usize, Vec<Worked>)>(2 * threads);
        for _ in 0..threads {
            let send = send.clone();
            let (next, best, load) = (&next, &best, &load);
            scope.spawn(move || loop {
                let chunk = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let start = chunk * CHUNK;
                if start >= count {
                    break;
                }
                let worked = (start..(start + CHUNK).min(count))
                    .map(|i| work(ruleset, programs, load(i), best))
                    .collect();
                if send.send((chunk, worked)).is_err() {
                    break;
                }
            });
        }
        drop(send);
        let mut pending: std::collections::BTreeMap<usize, Vec<Worked>> = Default::default();
        let mut done = 0;
        for wanted in 0..chunks {
            let worked = loop {
                if let Some(w) = pending.remove(&wanted) {
                    break w;
                }
                match receive.recv() {
                    Ok((chunk, w)) => {
                        pending.insert(chunk, w);
                    }
                    // A thread panicked: the scope re-raises its panic.
                    Err(_) => return,
                }
            };
            for w in worked {
                merge.push(w);
                done += 1;
                progress(done);
            }
        }
    });
    merge.batch
}

/// The batch maxima of `best(…)` arguments, per stage.
struct Best {
    /// Indexed by [`Stage::index`]: a re-appraisal is compared only with re-appraisals.
    per_stage: Vec<Vec<Option<Decimal>>>,
}

impl Best {
    fn new(ruleset: &Ruleset) -> Self {
        Best {
            per_stage: vec![vec![None; ruleset.best_slots]; Stage::MAX_STAGES],
        }
    }

    fn merge(&mut self, other: &Best) {
        for (mine, theirs) in self.per_stage.iter_mut().zip(&other.per_stage) {
            merge_best(mine, theirs);
        }
    }

    fn of(&self, stage: Stage) -> &[Option<Decimal>] {
        &self.per_stage[stage.index()]
    }
}

/// The first pass over `range` (only when a rule compares with the best unit): the maxima
/// per stage, keeping nothing else.
fn first_pass(
    ruleset: &Ruleset,
    range: std::ops::Range<usize>,
    load: &dyn Fn(usize) -> Loaded,
) -> Best {
    let mut best = Best::new(ruleset);
    if ruleset.best_slots == 0 {
        return best;
    }
    for index in range {
        if let Some(data) = load(index).data {
            let own = best_values(ruleset, std::slice::from_ref(&data));
            merge_best(&mut best.per_stage[data.stage.index()], &own);
        }
    }
    best
}

/// One unit loaded and, when its data is good, scored: what the merge needs of it. A unit
/// found to be given twice only at the merge has been scored for nothing, and its score
/// (with the evaluator's findings) is dropped there.
struct Worked {
    origin: Origin,
    unit: Option<String>,
    stage: Option<Stage>,
    group: Option<usize>,
    problems: Vec<Problem>,
    scored: Option<ScoredUnit>,
    /// The (unit, stage) this row gives, by [`unit_key`]: computed by the worker, so the
    /// merge (one thread for all) only looks it up.
    seen_key: Option<(String, Stage)>,
}

/// What is kept of a unit with good data, once scored.
struct ScoredUnit {
    unit: String,
    stage: Stage,
    year: Option<u32>,
    group: Option<usize>,
    claimed: Vec<(usize, Decimal)>,
    notes: Vec<(usize, String)>,
    /// The evaluator's findings.
    diagnostics: Vec<Diagnostic>,
    areas: Vec<AreaIndex>,
    result: PackedResult,
}

/// Scores one loaded unit (on any thread).
fn work(ruleset: &Ruleset, programs: &Programs, loaded: Loaded, best: &Best) -> Worked {
    let scored = loaded.data.map(|data| {
        let outcome = evaluate_compiled(ruleset, programs, &data, best.of(data.stage));
        ScoredUnit {
            areas: area_indices(ruleset, &outcome.result),
            diagnostics: outcome.diagnostics,
            result: PackedResult::pack(outcome.result),
            claimed: sparse(&data.claimed),
            notes: data
                .notes
                .into_iter()
                .enumerate()
                .filter_map(|(i, n)| n.map(|n| (i, n)))
                .collect(),
            year: data.year,
            group: data.group,
            stage: data.stage,
            unit: data.unit,
        }
    });
    let seen_key = match &scored {
        Some(s) => Some((unit_key(&s.unit), s.stage)),
        None => loaded
            .unit
            .as_deref()
            .zip(loaded.stage)
            .map(|(u, stage)| (unit_key(u), stage)),
    };
    Worked {
        origin: loaded.origin,
        unit: loaded.unit,
        stage: loaded.stage,
        group: loaded.group,
        problems: loaded.problems,
        scored,
        seen_key,
    }
}

/// The batch as units are taken in input order: finds names given twice (`D013`).
struct Merge {
    batch: Batch,
    /// Where each (unit, stage) was first given, whether its data was good or not: a map, as
    /// a province can have 10 000 units. A name given twice is D013 whatever the state of
    /// either row, and only the first is ever scored.
    seen: std::collections::HashMap<(String, Stage), Origin>,
}

impl Merge {
    fn new(ruleset: &Ruleset, problems: Vec<Problem>) -> Self {
        Merge {
            batch: Batch {
                problems,
                rank_on_points: ruleset.meta.grade_basis == crate::model::GradeBasis::Points,
                ..Batch::default()
            },
            seen: Default::default(),
        }
    }

    fn twice(unit: &str, stage: Stage, first: &Origin, origin: &Origin) -> Problem {
        Problem {
            place: origin.place(),
            unit: Some(unit.to_string()),
            diagnostic: Diagnostic::error(
                "D013",
                0..0,
                crate::msg!(
                    "d013-unit-twice",
                    unit = unit,
                    stage = stage.word(),
                    first = first.place().message()
                ),
            ),
        }
    }

    fn push(&mut self, worked: Worked) {
        let batch = &mut self.batch;
        let Some(scored) = worked.scored else {
            batch.problems.extend(worked.problems.iter().cloned());
            let mut problems = worked.problems;
            if let (Some(unit), Some(stage), Some(seen_key)) =
                (&worked.unit, worked.stage, worked.seen_key)
            {
                match self.seen.get(&seen_key) {
                    Some(first) => {
                        let problem = Self::twice(unit, stage, first, &worked.origin);
                        batch.problems.push(problem.clone());
                        problems.push(problem);
                    }
                    None => {
                        self.seen.insert(seen_key, worked.origin.clone());
                    }
                }
            }
            problems.sort_by_key(|p| !p.diagnostic.is_error());
            batch.not_scored.push(NotScored {
                group: worked.group,
                unit: worked.unit,
                origin: worked.origin,
                problems,
            });
            return;
        };
        batch.problems.extend(worked.problems);
        let seen_key = worked
            .seen_key
            .unwrap_or_else(|| (unit_key(&scored.unit), scored.stage));
        if let Some(first) = self.seen.get(&seen_key) {
            let problem = Self::twice(&scored.unit, scored.stage, first, &worked.origin);
            batch.problems.push(problem.clone());
            batch.not_scored.push(NotScored {
                origin: worked.origin,
                group: scored.group,
                unit: Some(scored.unit),
                problems: vec![problem],
            });
            return;
        }
        self.seen.insert(seen_key, worked.origin.clone());
        for d in scored.diagnostics {
            batch.problems.push(Problem {
                place: worked.origin.place_of(&d),
                unit: Some(scored.unit.clone()),
                diagnostic: d,
            });
        }
        batch.units.push(Scored {
            origin: worked.origin,
            year: scored.year,
            group: scored.group,
            claimed: scored.claimed,
            notes: scored.notes,
            areas: scored.areas,
            result: scored.result,
        });
    }
}

fn sparse(values: &[Option<Decimal>]) -> Vec<(usize, Decimal)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.map(|v| (i, v)))
        .collect()
}

/// Folds one unit's `best(…)` arguments into the running maxima.
pub(crate) fn merge_best(best: &mut [Option<Decimal>], own: &[Option<Decimal>]) {
    for (b, o) in best.iter_mut().zip(own) {
        if let Some(v) = o {
            *b = Some(b.map_or(*v, |c: Decimal| c.max(*v)));
        }
    }
}

/// Rounds a percentage as the ruleset rounds the unit's ([`RoundingPolicy::percent`]).
///
/// [`RoundingPolicy::percent`]: crate::model::RoundingPolicy::percent
pub fn round_percent(ruleset: &Ruleset, value: Decimal) -> Decimal {
    ruleset.rounding.percent(value)
}

/// `part / whole × 100`, rounded as [`round_percent`]; `None` for a zero whole.
pub fn percent_of(ruleset: &Ruleset, part: Decimal, whole: Decimal) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    let p = part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)?;
    Some(round_percent(ruleset, p))
}

/// Why no unit could be chosen for a command about one unit ([`choose_unit`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitChoiceError {
    /// No loaded unit has the name asked for.
    NoSuchUnit {
        /// The name asked for.
        name: String,
        /// The names of the units that loaded.
        units: Vec<String>,
    },
    /// The first data file gave no unit that loaded.
    NothingFrom {
        /// The file.
        file: String,
    },
    /// The first data file holds several units and none was named.
    SeveralIn {
        /// The file.
        file: String,
        /// How many units it holds.
        count: usize,
        /// The names of the units that loaded.
        units: Vec<String>,
    },
    /// The unit has no data of the stage asked for.
    NoSuchStage {
        /// The unit's name.
        unit: String,
        /// The stage asked for.
        asked: Stage,
        /// The stage its data gives.
        given: Stage,
    },
}

impl UnitChoiceError {
    /// The error for a person, rendered in their language.
    pub fn message(&self) -> crate::Message {
        use crate::msg;
        match self {
            UnitChoiceError::NoSuchUnit { name, units } => msg!(
                "unit-choice-no-unit",
                name = name.as_str(),
                units = units.join(", ")
            ),
            UnitChoiceError::NothingFrom { file } => {
                msg!("unit-choice-nothing", file = file.as_str())
            }
            UnitChoiceError::SeveralIn { file, count, units } => msg!(
                "unit-choice-several",
                file = file.as_str(),
                count = *count,
                units = units.join(", ")
            ),
            UnitChoiceError::NoSuchStage { unit, asked, given } => msg!(
                "unit-choice-no-stage",
                unit = unit.as_str(),
                asked = asked.as_str(),
                asked_label = asked.word(),
                given = given.as_str(),
                given_label = given.word()
            ),
        }
    }
}

/// In the default language (Vietnamese): [`UnitChoiceError::message`].
impl fmt::Display for UnitChoiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

/// The unit a command about one unit (`explain`, `advise`) is about, among the units that
/// loaded (`units`, in input order, each with where it came from): the one named `name`
/// (compared by [`crate::text::same_unit`]), or else the one unit of `first_file` (the first
/// data file of the command line; a file with one unit at both stages names one unit). Of
/// that unit's data, the stage asked for, or else the stage that counts: its last appraisal
/// round when the unit has one, its self-assessment otherwise. Returns an index into `units`.
///
/// # Errors
/// [`UnitChoiceError`]: no unit of that name, the first file holds none or several, or the
/// unit has no data of the stage asked for.
pub fn choose_unit(
    units: &[(Origin, UnitData)],
    name: Option<&str>,
    first_file: &str,
    stage: Option<Stage>,
) -> Result<usize, UnitChoiceError> {
    // Each unit once, though it has a row per stage.
    let names = || {
        let mut names: Vec<String> = Vec::new();
        for (_, u) in units {
            if !names.iter().any(|n| crate::text::same_unit(n, &u.unit)) {
                names.push(u.unit.clone());
            }
        }
        names
    };
    let index = match name {
        Some(name) => units
            .iter()
            .position(|(_, u)| crate::text::same_unit(&u.unit, name))
            .or_else(|| {
                // Typed without diacritics ("so tu phap"): the one unit that matches so.
                let folded = crate::text::fold(&crate::text::unit_key(name));
                let mut found = units.iter().enumerate().filter(|(_, (_, u))| {
                    crate::text::fold(&crate::text::unit_key(&u.unit)) == folded
                });
                let (first, (_, unit)) = found.next()?;
                found
                    .all(|(_, (_, u))| crate::text::same_unit(&u.unit, &unit.unit))
                    .then_some(first)
            })
            .ok_or_else(|| UnitChoiceError::NoSuchUnit {
                name: name.to_string(),
                units: names(),
            })?,
        None => {
            let from_first: Vec<usize> = units
                .iter()
                .enumerate()
                .filter(|(_, (origin, _))| origin.file() == first_file)
                .map(|(i, _)| i)
                .collect();
            let Some(&first) = from_first.first() else {
                return Err(UnitChoiceError::NothingFrom {
                    file: first_file.to_string(),
                });
            };
            let one_unit = from_first
                .iter()
                .all(|&i| crate::text::same_unit(&units[i].1.unit, &units[first].1.unit));
            if !one_unit {
                let mut distinct: Vec<&str> = Vec::new();
                for &i in &from_first {
                    let unit = units[i].1.unit.as_str();
                    if !distinct.iter().any(|d| crate::text::same_unit(d, unit)) {
                        distinct.push(unit);
                    }
                }
                return Err(UnitChoiceError::SeveralIn {
                    file: first_file.to_string(),
                    count: distinct.len(),
                    units: names(),
                });
            }
            first
        }
    };
    let unit = &units[index].1;
    let of = |s: Stage| {
        std::iter::once(index)
            .chain(
                (0..units.len()).filter(|&j| crate::text::same_unit(&units[j].1.unit, &unit.unit)),
            )
            .find(|&j| units[j].1.stage == s)
    };
    match stage {
        Some(s) => of(s).ok_or_else(|| UnitChoiceError::NoSuchStage {
            unit: unit.unit.clone(),
            asked: s,
            given: unit.stage,
        }),
        // The last appraisal round the unit has counts.
        None => Ok((1..Stage::MAX_STAGES)
            .rev()
            .filter_map(Stage::nth)
            .find_map(of)
            .unwrap_or(index)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_results_unpack_to_the_engine_result() {
        let analysis = crate::analyze(include_str!("../../tests/fixtures/batch/huyen-mau.chiso"));
        let rs = &analysis.ruleset;
        use crate::data::{resolve, RawEntry, RawUnit, RawValue};
        let entry = |key: &str, value: RawValue| RawEntry {
            key: key.to_string(),
            key_span: 0..0,
            value,
            value_span: 0..0,
        };
        let number = |n: &str| RawValue::Number(n.to_string());
        let raw = RawUnit {
            unit: Some(("X".to_string(), 0..0)),
            inputs: vec![
                entry("kế_hoạch_đúng_hạn", RawValue::Bool(true)),
                entry("nhiệm_vụ_kế_hoạch", number("10")),
                entry("nhiệm_vụ_hoàn_thành", number("9")),
                entry("hồ_sơ_đúng_hạn", number("0")),
                entry("hồ_sơ_đã_giải_quyết", number("0")),
                entry("hồ_sơ_trực_tuyến", number("400")),
                entry("hồ_sơ_tiếp_nhận", number("300")),
            ],
            points: vec![entry("1.2", number("1.5"))],
            ..RawUnit::default()
        };
        let (data, _) = resolve(rs, &raw);
        let result = crate::eval::evaluate(rs, &data).result;
        // Scored, not evaluated (3.4.1), failed (7.2.2), missing and survey nodes all occur.
        for status in ["scored", "not_evaluated", "failed", "missing", "survey"] {
            assert!(
                result.nodes.iter().any(|n| n.status.as_str() == status),
                "{status}"
            );
        }
        let packed = PackedResult::pack(result.clone());
        assert_eq!(packed.unpack(), result);
        assert_eq!(packed.is_complete(), result.is_complete());
        assert_eq!(std::mem::size_of::<PackedNode>(), 36);
    }

    #[test]
    fn the_unit_of_a_one_unit_command_is_named_or_the_only_one_of_the_first_file() {
        let unit = |file: &str, name: &str| {
            let data = UnitData {
                unit: name.to_string(),
                ..UnitData::default()
            };
            (Origin::File(file.to_string()), data)
        };
        let units = vec![
            unit("a.toml", "UBND huyện Kon Rẫy"),
            unit("b.toml", "UBND huyện Đăk Tô"),
            unit("b.toml", "UBND huyện Sa Thầy"),
        ];
        // Named: case, spacing and tone placement do not matter.
        assert_eq!(
            choose_unit(&units, Some("ubnd huyện  kon rẫy"), "b.toml", None),
            Ok(0)
        );
        assert_eq!(choose_unit(&units, None, "a.toml", None), Ok(0));
        assert!(matches!(
            choose_unit(&units, None, "b.toml", None),
            Err(UnitChoiceError::SeveralIn { count: 2, .. })
        ));
        assert!(matches!(
            choose_unit(&units, None, "c.toml", None),
            Err(UnitChoiceError::NothingFrom { .. })
        ));
        let missing = choose_unit(&units, Some("UBND huyện Ngọc Hồi"), "a.toml", None).unwrap_err();
        assert_eq!(
            missing.message().en(),
            "no unit “UBND huyện Ngọc Hồi” in the data (units: UBND huyện Kon Rẫy, UBND huyện Đăk Tô, UBND huyện Sa Thầy)"
        );
    }

    #[test]
    fn a_one_unit_command_shows_the_stage_that_counts_unless_asked() {
        let unit = |file: &str, name: &str, stage: Stage| {
            let data = UnitData {
                unit: name.to_string(),
                stage,
                ..UnitData::default()
            };
            (Origin::File(file.to_string()), data)
        };
        // One unit at both stages in one sheet (self row first), another unit elsewhere.
        let units = vec![
            unit("tinh.csv", "UBND huyện A", Stage::SelfAssessment),
            unit("tinh.csv", "UBND huyện A", Stage::Appraised),
            unit("b.toml", "UBND huyện B", Stage::SelfAssessment),
        ];
        // The sheet names one unit; the appraisal counts, the self row on request.
        assert_eq!(choose_unit(&units, None, "tinh.csv", None), Ok(1));
        assert_eq!(
            choose_unit(&units, None, "tinh.csv", Some(Stage::SelfAssessment)),
            Ok(0)
        );
        assert_eq!(
            choose_unit(&units, Some("ubnd huyện a"), "b.toml", None),
            Ok(1)
        );
        // B has only a self-assessment: that is what counts, and an appraisal is refused.
        assert_eq!(choose_unit(&units, None, "b.toml", None), Ok(2));
        let refused = choose_unit(&units, None, "b.toml", Some(Stage::Appraised)).unwrap_err();
        assert_eq!(
            refused.message().en(),
            "UBND huyện B has no appraised (appraisal) data: the data gives only self (self-assessment)"
        );
    }
}
