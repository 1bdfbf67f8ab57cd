//! A unit's figures: [`RawUnit`] (entries as written, keyed by name, with byte spans) resolved
//! against a checked ruleset by [`resolve`] into [`UnitData`] (values by input slot, the rest
//! by node index), so evaluation does no name lookups.
//!
//! The core reads no file: unit files (TOML/JSON), sheets and office forms are read by the
//! `chiso-formats` crate into a [`RawUnit`], keeping numbers as their digits ([`RawValue::Number`])
//! so nothing is lost to floating point; a web form can build one directly.

use crate::diagnostic::{Diagnostic, Span};
use crate::message::Message;
use crate::model::{InputType, Node, Ruleset, Value};
use crate::msg;
use crate::text::{did_you_mean, name_key, parse_decimal_text, DecimalSeparator};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::str::FromStr;

/// Giai đoạn: whose scores these are — the self-assessment (tự đánh giá) or one of the
/// appraisal rounds (thẩm định, and further rounds such as a second appraisal after the
/// unit's explanation, thẩm định lại sau giải trình), in the order the ruleset declares them
/// (`giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định lại"`; undeclared: the two default
/// stages). A stage is its position in that list: 0 is the self-assessment, 1 the first
/// appraisal, 2 the second; of a unit's appraisals the last one given counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Stage(u8);

/// The machine words of the stages, by position: what JSON and CSV write and what a unit
/// file, a sheet or `--stage` may write whatever the ruleset calls the stage.
const STAGE_WORDS: [&str; Stage::MAX_STAGES] = [
    "self",
    "appraised",
    "appraised_2",
    "appraised_3",
    "appraised_4",
    "appraised_5",
];

/// The Vietnamese names of the stages when the ruleset declares none of its own.
const STAGE_LABELS: [&str; Stage::MAX_STAGES] = [
    "tự đánh giá",
    "thẩm định",
    "thẩm định lần 2",
    "thẩm định lần 3",
    "thẩm định lần 4",
    "thẩm định lần 5",
];

#[allow(non_upper_case_globals)]
impl Stage {
    /// điểm tự đánh giá: the unit's own scores (stage 0).
    pub const SelfAssessment: Stage = Stage(0);
    /// điểm thẩm định: the council's first appraisal (stage 1).
    pub const Appraised: Stage = Stage(1);
    /// The two default stages, self-assessment first.
    pub const ALL: [Stage; 2] = [Stage::SelfAssessment, Stage::Appraised];
    /// The most stages a ruleset may declare: the self-assessment and five appraisal rounds.
    pub const MAX_STAGES: usize = 6;

    /// The stage at a position of the declared list (0 = self-assessment); `None` past
    /// [`Stage::MAX_STAGES`].
    pub fn nth(position: usize) -> Option<Stage> {
        u8::try_from(position)
            .ok()
            .filter(|_| position < Stage::MAX_STAGES)
            .map(Stage)
    }

    /// Its position in the declared list: 0 for the self-assessment, 1 for the first
    /// appraisal, 2 for the second…
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// Whether this is an appraisal round (any stage after the self-assessment).
    pub fn is_appraisal(self) -> bool {
        self.0 > 0
    }

    /// The stages a ruleset declares, in order (the two default ones when it declares none).
    pub fn all(ruleset: &Ruleset) -> impl Iterator<Item = Stage> {
        (0..Stage::count(ruleset)).filter_map(Stage::nth)
    }

    /// How many stages a ruleset has: its declared list's length, else 2.
    pub fn count(ruleset: &Ruleset) -> usize {
        match ruleset.meta.stages.len() {
            0 => 2,
            n => n.min(Stage::MAX_STAGES),
        }
    }

    /// The word a unit file, a form, a sheet or JSON writes: `self`, `appraised`,
    /// `appraised_2`…
    pub fn as_str(self) -> &'static str {
        STAGE_WORDS[self.index().min(Stage::MAX_STAGES - 1)]
    }

    /// The default Vietnamese name: "tự đánh giá", "thẩm định", "thẩm định lần 2"… (a
    /// ruleset may declare its own: [`Stage::name`]).
    pub fn label(self) -> &'static str {
        STAGE_LABELS[self.index().min(Stage::MAX_STAGES - 1)]
    }

    /// The default name in the reader's language: "tự đánh giá" / "self-assessment",
    /// "thẩm định" / "appraisal", "thẩm định lần 2" / "appraisal round 2"… (a message naming
    /// the stage where no ruleset is at hand).
    pub fn word(self) -> Message {
        match self.index() {
            0 => msg!("stage-self"),
            1 => msg!("stage-appraised"),
            n => msg!("stage-round", round = n),
        }
    }

    /// [`Stage::word`] rendered for a reader of `lang` ([`Stage::label`] is the Vietnamese word
    /// the parser also reads).
    pub fn label_in(self, lang: crate::Lang) -> String {
        self.word().render(lang)
    }

    /// [`Stage::name`] for a reader of `lang`: the ruleset's declared name as written, else
    /// [`Stage::label_in`].
    pub fn name_in(self, ruleset: &Ruleset, lang: crate::Lang) -> std::borrow::Cow<'_, str> {
        match ruleset.meta.stages.get(self.index()) {
            Some(name) => std::borrow::Cow::Borrowed(name.as_str()),
            None => std::borrow::Cow::Owned(self.label_in(lang)),
        }
    }

    /// The name a report shows for this stage under a ruleset: the declared one
    /// (`giai đoạn "…", "…"`), else [`Stage::label`].
    pub fn name(self, ruleset: &Ruleset) -> &str {
        ruleset
            .meta
            .stages
            .get(self.index())
            .map_or(self.label(), String::as_str)
    }

    /// Reads a stage word, English or Vietnamese, with or without diacritics, in any case:
    /// `self`, `tự đánh giá`, `appraised`, `thẩm định`, `appraised_2`, `thẩm định lần 2`. The
    /// one parser of stage words (unit files, sheets, forms, `chiso template --stage`);
    /// [`Stage::parse_for`] also reads a ruleset's own names.
    pub fn parse(text: &str) -> Option<Stage> {
        let folded = crate::text::fold(text.trim());
        (0..Stage::MAX_STAGES)
            .filter_map(Stage::nth)
            .find(|s| folded == s.as_str() || folded == crate::text::fold(s.label()))
    }

    /// Reads a stage word under a ruleset: a name the ruleset declares (compared without
    /// case or diacritics), else [`Stage::parse`]; `None` also for a stage the ruleset does
    /// not have (`appraised_2` when it declares two stages).
    pub fn parse_for(ruleset: &Ruleset, text: &str) -> Option<Stage> {
        let folded = crate::text::fold(text.trim());
        let declared = ruleset
            .meta
            .stages
            .iter()
            .position(|name| crate::text::fold(name.trim()) == folded)
            .and_then(Stage::nth);
        declared
            .or_else(|| Stage::parse(text))
            .filter(|s| s.index() < Stage::count(ruleset))
    }

    /// "\"self\" (tự đánh giá) or \"appraised\" (thẩm định)": the words [`Stage::parse`]
    /// reads for the default stages, for help texts.
    pub fn expected() -> Message {
        let words: Vec<String> = Stage::ALL
            .iter()
            .map(|s| format!("\"{}\" ({})", s.as_str(), s.label()))
            .collect();
        let (last, init) = words.split_last().expect("two stages");
        msg!("list-or", init = init.join(", "), last = last.as_str())
    }

    /// The words a ruleset's stages are read by, for help texts: "\"self\" (Tự đánh giá),
    /// \"appraised\" (Thẩm định) or \"appraised_2\" (Thẩm định lại)".
    pub fn expected_for(ruleset: &Ruleset) -> Message {
        let words: Vec<String> = Stage::all(ruleset)
            .map(|s| format!("\"{}\" ({})", s.as_str(), s.name(ruleset)))
            .collect();
        match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                msg!("list-or", init = rest.join(", "), last = last.as_str())
            }
            _ => Message::plain(words.join("")),
        }
    }
}

/// One unit's data, resolved against a ruleset: values by input slot (index into
/// `ruleset.inputs`), the rest by node index (into `ruleset.nodes`, pre-order). Every vector
/// has the length of the one it indexes ([`UnitData::empty`]); spans are byte ranges into the
/// data file's text, `None` for a value not given or given without a file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitData {
    /// Tên đơn vị (empty when the data does not name it).
    pub unit: String,
    /// The year the data is for, when it says.
    pub year: Option<u32>,
    /// Whose scores these are: self-assessment (the default) or an appraisal round.
    pub stage: Stage,
    /// The unit's group: an index into the ruleset's declared groups (`meta.groups`);
    /// `None` when the ruleset declares none.
    pub group: Option<usize>,
    /// Each input's value, by slot; `None` when not given (the input's default, if any, is
    /// applied by the evaluator). A percent input holds a fraction: `85` in the data is `0.85`.
    pub values: Vec<Option<Value>>,
    /// Where each value is written in the data file.
    pub value_spans: Vec<Option<Span>>,
    /// Points awarded by the council (or given by a survey), by node: absolute points,
    /// `0..=max`.
    pub points: Vec<Option<Decimal>>,
    /// Where each of [`UnitData::points`] is written in the data file.
    pub points_spans: Vec<Option<Span>>,
    /// Declared not evaluated, with the reason, by node.
    pub not_evaluated: Vec<Option<String>>,
    /// Tài liệu kiểm chứng, by node.
    pub evidence: Vec<Vec<String>>,
    /// Free-text notes by node (`[notes]`; the council's remarks in an appraisal).
    pub notes: Vec<Option<String>>,
    /// Tài liệu kiểm chứng given for an input's figure (an office's form, `[evidence]` keyed
    /// by the input's name), by input slot.
    pub input_evidence: Vec<Vec<String>>,
    /// Notes given for an input's figure, by input slot.
    pub input_notes: Vec<Option<String>>,
    /// The score the unit claims for a node in its self-assessment (`[claimed]`), by node:
    /// compared with what the ruleset computes from the unit's own figures.
    pub claimed: Vec<Option<Decimal>>,
    /// Where each of [`UnitData::claimed`] is written in the data file.
    pub claimed_spans: Vec<Option<Span>>,
}

impl UnitData {
    /// Empty data shaped for a ruleset.
    pub fn empty(ruleset: &Ruleset, unit: impl Into<String>) -> Self {
        let inputs = ruleset.inputs.len();
        let nodes = ruleset.nodes.len();
        UnitData {
            unit: unit.into(),
            year: None,
            stage: Stage::SelfAssessment,
            group: None,
            values: vec![None; inputs],
            value_spans: vec![None; inputs],
            points: vec![None; nodes],
            points_spans: vec![None; nodes],
            not_evaluated: vec![None; nodes],
            evidence: vec![Vec::new(); nodes],
            notes: vec![None; nodes],
            input_evidence: vec![Vec::new(); inputs],
            input_notes: vec![None; inputs],
            claimed: vec![None; nodes],
            claimed_spans: vec![None; nodes],
        }
    }
}

/// A value as written, before its input's type decides what it means.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// Digits exactly as written (integer or decimal with a point).
    Number(String),
    /// Text; may still hold a number (`"1,5"`, `"85%"`, read with the declared decimal
    /// separator), a yes/no word (`"có"`), a date (`31/12/2023`) or a level, as the input's
    /// type decides.
    Text(String),
    /// A yes/no value.
    Bool(bool),
    /// A date (a TOML date).
    Date(NaiveDate),
    /// Something no input takes (an array, a table, a time): the catalogue id of what it is
    /// (`raw-a-list`), shown in the reader's language.
    Other(&'static str),
}

/// One `key = value` of a unit's data, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    /// An input's name (in [`RawUnit::inputs`]) or a node id such as `7.2.2` (elsewhere).
    pub key: String,
    /// Where the key is written: a byte range into the data file's text (`0..0` without one).
    pub key_span: Span,
    /// The value, not yet typed.
    pub value: RawValue,
    /// Where the value is written: a byte range into the data file's text (`0..0` without one).
    pub value_span: Span,
}

/// Where a value of [`RawUnit::placed`] goes, found before resolution: a sheet resolves its
/// header to inputs and criteria once, so its cells skip the name lookup of [`RawEntry`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// An input, by slot (as an entry of [`RawUnit::inputs`]).
    Input(usize),
    /// Points awarded for a node, by node index (as [`RawUnit::points`]).
    Points(usize),
    /// The score the unit claims for a node, by node index (as [`RawUnit::claimed`]).
    Claimed(usize),
}

/// A value whose input or criterion is already known ([`Target`]); resolved and reported
/// exactly as the [`RawEntry`] naming the same input or criterion would be, its one span
/// standing for both the key's and the value's.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEntry {
    /// Where the value goes.
    pub target: Target,
    /// The value, not yet typed.
    pub value: RawValue,
    /// Where the value is written (`0..0` without a text).
    pub span: Span,
}

/// A unit's data as written, not yet resolved against a ruleset: what a unit file, a sheet
/// row or a merge of office forms gives, or what an embedder builds from a web form. Every
/// span is a byte range into the data's text (`0..0` when there is none). [`resolve`] reads it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawUnit {
    /// Tên đơn vị; `None` is `D003`.
    pub unit: Option<(String, Span)>,
    /// The year, as written (a negative year is `D003`; one differing from the ruleset's
    /// is `D011`).
    pub year: Option<(i64, Span)>,
    /// The stage word ([`Stage::parse`]); `None` is a self-assessment.
    pub stage: Option<(String, Span)>,
    /// The unit's group (nhóm, `group = "Khối sở"`), one the ruleset declares.
    pub group: Option<(String, Span)>,
    /// `","` or `"."`: how numbers written as text are read; `None` accepts either where
    /// unambiguous.
    pub decimal_separator: Option<(String, Span)>,
    /// `[inputs]`: input name → figure.
    pub inputs: Vec<RawEntry>,
    /// `[points]`: node id → points awarded by the council or a survey (absolute points).
    pub points: Vec<RawEntry>,
    /// `[not_evaluated]`: node id → the reason (text), or `true` (không đánh giá).
    pub not_evaluated: Vec<RawEntry>,
    /// `[evidence]`: (node id, span of the id, documents) — tài liệu kiểm chứng.
    pub evidence: Vec<(String, Span, Vec<String>)>,
    /// `[notes]`: node id → a note (text).
    pub notes: Vec<RawEntry>,
    /// `[claimed]`: the unit's own score per criterion (self-assessment).
    pub claimed: Vec<RawEntry>,
    /// Inputs, points and claimed scores already placed (a sheet's cells under headers
    /// resolved once); read after the named entries of the same section.
    pub placed: Vec<PlacedEntry>,
}

// ───────────── resolution ─────────────

/// An entry of a section with what it names: a [`RawEntry`] with its input's slot or
/// node's index looked up (`None`: no such name), or a [`PlacedEntry`] with its
/// [`Target`]'s, its key the input's name or the node's id.
struct Given<'a> {
    index: Option<usize>,
    key: &'a str,
    key_span: &'a Span,
    value: &'a RawValue,
    value_span: &'a Span,
}

/// A section's named entries, each looked up by `lookup` (an input's slot or a node's
/// index), then its placed ones (`target` gives the key and index of the placed entries of
/// this section, `None` for those of another section).
fn given<'a>(
    named: &'a [RawEntry],
    placed: &'a [PlacedEntry],
    lookup: impl Fn(&str) -> Option<usize>,
    target: impl Fn(Target) -> Option<(&'a str, usize)>,
) -> Vec<Given<'a>> {
    let mut out = Vec::with_capacity(named.len() + placed.len());
    out.extend(named.iter().map(|e| Given {
        index: lookup(&e.key),
        key: e.key.as_str(),
        key_span: &e.key_span,
        value: &e.value,
        value_span: &e.value_span,
    }));
    out.extend(placed.iter().filter_map(|e| {
        let (key, index) = target(e.target)?;
        Some(Given {
            index: Some(index),
            key,
            key_span: &e.span,
            value: &e.value,
            value_span: &e.span,
        })
    }));
    out
}

/// The keys of entries, for [`given_twice`].
fn keys<'a>(entries: &'a [Given<'a>]) -> impl Iterator<Item = (&'a str, &'a Span)> {
    entries.iter().map(|g| (g.key, g.key_span))
}

/// Reports each name of a section given twice (D012): two keys that find the same input
/// (by [`name_key`]: NFC, one tone placement) or criterion. The second place is the
/// diagnostic's span, the first its label. Returns the indices given twice (inputs by slot,
/// criteria after them).
fn given_twice<'a>(
    ruleset: &Ruleset,
    section: &str,
    keys: impl Iterator<Item = (&'a str, &'a Span)>,
    inputs: Option<&[Option<usize>]>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<usize> {
    let mut twice = Vec::new();
    use unicode_normalization::UnicodeNormalization;
    // The first key found for each index (inputs by slot, criteria after them): a vector by
    // index, made when a section has a key, so a row costs no hashing here.
    let mut first: Vec<Option<(&str, &Span)>> = Vec::new();
    for (at, (key, span)) in keys.enumerate() {
        // Inputs by slot (found once by the caller); criteria after them (evidence and notes
        // name either).
        let found = match inputs {
            Some(slots) => slots[at],
            None => ruleset
                .node_index(key.trim())
                .map(|n| ruleset.inputs.len() + n)
                .or_else(|| ruleset.input_index(key.trim())),
        };
        let Some(index) = found else { continue };
        if first.is_empty() {
            first = vec![None; ruleset.inputs.len() + ruleset.nodes.len()];
        }
        let Some((earlier, earlier_span)) = first[index] else {
            first[index] = Some((key, span));
            continue;
        };
        let how = if earlier == key {
            None
        } else if earlier.nfc().eq(key.nfc()) {
            Some(msg!("d012-two-spellings"))
        } else {
            Some(msg!("d012-written", earlier = earlier, key = key))
        };
        let name = match index.checked_sub(ruleset.inputs.len()) {
            Some(node) => ruleset.nodes[node].id.as_str(),
            None => ruleset.inputs[index].name.as_str(),
        };
        diagnostics.push(
            Diagnostic::error(
                "D012",
                span.clone(),
                match how {
                    None => msg!("d012-given-twice", name = name, section = section),
                    Some(how) => {
                        msg!(
                            "d012-given-twice-how",
                            name = name,
                            section = section,
                            how = how
                        )
                    }
                },
            )
            .with_label(earlier_span.clone(), msg!("d012-first-given-here"))
            .with_span_label(msg!("d012-and-again-here"))
            .with_help(msg!("d012-keep-one")),
        );
        twice.push(index);
    }
    twice
}

/// The ruleset's groups as a help text lists them: "“Khối sở”, “Khối huyện”".
pub fn declared_groups(ruleset: &Ruleset) -> String {
    ruleset
        .meta
        .groups
        .iter()
        .map(|g| format!("“{g}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `D003` for a unit scored without a group when the ruleset declares groups (at the unit's
/// name). Not part of [`resolve`]: an office's form is part of a unit and may leave the
/// group to another form; the readers of units to score (unit files, sheet rows) ask for it.
pub fn missing_group(ruleset: &Ruleset, raw: &RawUnit) -> Option<Diagnostic> {
    if ruleset.meta.groups.is_empty() || raw.group.is_some() {
        return None;
    }
    let span = raw.unit.as_ref().map_or(0..0, |(_, s)| s.clone());
    Some(
        Diagnostic::error("D003", span, msg!("d003-no-group")).with_help(msg!(
            "d003-no-group-help",
            groups = declared_groups(ruleset)
        )),
    )
}

/// The unit's group among the ruleset's declared ones (compared without case or
/// diacritics); `D003` for a group the ruleset does not declare (with "did you mean") and for
/// a group given when the ruleset declares none. No group is [`missing_group`]'s finding.
fn group(ruleset: &Ruleset, raw: &RawUnit, diagnostics: &mut Vec<Diagnostic>) -> Option<usize> {
    let groups = &ruleset.meta.groups;
    let declared = || declared_groups(ruleset);
    match &raw.group {
        None => None,
        Some((name, span)) if groups.is_empty() => {
            diagnostics.push(
                Diagnostic::error(
                    "D003",
                    span.clone(),
                    msg!("d003-group-undeclared", group = name.trim()),
                )
                .with_help(msg!("d003-group-undeclared-help")),
            );
            None
        }
        Some((name, span)) => {
            let folded = crate::text::fold(name.trim());
            let found = groups.iter().position(|g| crate::text::fold(g) == folded);
            if found.is_none() {
                let mut d = Diagnostic::error(
                    "D003",
                    span.clone(),
                    msg!("d003-unknown-group", group = name.trim()),
                );
                d = match did_you_mean(name.trim(), groups.iter().map(String::as_str)) {
                    Some(m) => d.with_help(msg!(
                        "d003-group-did-you-mean",
                        group = m,
                        groups = declared()
                    )),
                    None => d.with_help(msg!("d003-groups-are", groups = declared())),
                };
                diagnostics.push(d);
            }
            found
        }
    }
}

/// Resolves a raw unit against a ruleset: names to slots, values to their input's type.
///
/// Always returns data shaped for the ruleset; what could not be used is left out and
/// reported: `D003` (no unit name, a bad year, stage or separator, a value of the wrong
/// form), `D004` (a negative figure), `D006` (an unknown input or node id, with "did you
/// mean"), `D007` (points above the node's maximum), `D010` (points for a computed node) and
/// the warning `D011` (the year differs from the ruleset's). Missing values are not reported
/// here: the evaluator reports them (`D002`).
pub fn resolve(ruleset: &Ruleset, raw: &RawUnit) -> (UnitData, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut data = UnitData::empty(
        ruleset,
        raw.unit
            .as_ref()
            .map(|(u, _)| u.clone())
            .unwrap_or_default(),
    );
    if raw.unit.is_none() {
        diagnostics.push(
            Diagnostic::error("D003", 0..0, msg!("d003-no-unit"))
                .with_help(msg!("d003-no-unit-help")),
        );
    }
    if let Some((year, span)) = &raw.year {
        match u32::try_from(*year) {
            Ok(y) => {
                data.year = Some(y);
                if let Some(expected) = ruleset.meta.year {
                    if expected != y {
                        diagnostics.push(Diagnostic::warning(
                            "D011",
                            span.clone(),
                            msg!(
                                "d011-year",
                                data = y.to_string(),
                                ruleset = expected.to_string()
                            ),
                        ));
                    }
                }
            }
            Err(_) => diagnostics.push(Diagnostic::error(
                "D003",
                span.clone(),
                msg!("d003-year-positive"),
            )),
        }
    }
    if let Some((stage, span)) = &raw.stage {
        data.stage = match Stage::parse_for(ruleset, stage) {
            Some(s) => s,
            None => {
                diagnostics.push(
                    Diagnostic::error(
                        "D003",
                        span.clone(),
                        msg!("d003-unknown-stage", stage = stage),
                    )
                    .with_help(msg!("d003-write", words = Stage::expected_for(ruleset))),
                );
                Stage::SelfAssessment
            }
        };
    }
    data.group = group(ruleset, raw, &mut diagnostics);
    let separator = match &raw.decimal_separator {
        None => DecimalSeparator::Either,
        Some((s, _)) if s == "," => DecimalSeparator::Comma,
        Some((s, _)) if s == "." => DecimalSeparator::Point,
        Some((s, span)) => {
            diagnostics.push(Diagnostic::error(
                "D003",
                span.clone(),
                msg!("d003-decimal-separator", found = s),
            ));
            DecimalSeparator::Either
        }
    };

    // The same name given twice (exactly, in NFC and NFD, or with the other tone placement):
    // an error naming both places, never the last value silently: neither value is kept
    // (as when two forms disagree).
    // Each entry of the inputs, points and claimed sections with what it names, found once:
    // the named entries by lookup, then the placed ones as they come.
    let node = |key: &str| ruleset.node_index(key.trim());
    let inputs = given(
        &raw.inputs,
        &raw.placed,
        |k| ruleset.input_index(k),
        |t| match t {
            Target::Input(slot) => Some((ruleset.inputs[slot].name.as_str(), slot)),
            _ => None,
        },
    );
    let points = given(&raw.points, &raw.placed, node, |t| match t {
        Target::Points(node) => Some((ruleset.nodes[node].id.as_str(), node)),
        _ => None,
    });
    let claimed = given(&raw.claimed, &raw.placed, node, |t| match t {
        Target::Claimed(node) => Some((ruleset.nodes[node].id.as_str(), node)),
        _ => None,
    });
    let mut twice: Vec<(&str, usize)> = Vec::new();
    // For [`given_twice`], the index of each entry: inputs by slot, criteria after them.
    let input_slots: Vec<Option<usize>> = inputs.iter().map(|g| g.index).collect();
    let node_indices = |entries: &[Given]| -> Vec<Option<usize>> {
        entries
            .iter()
            .map(|g| {
                g.index
                    .map(|n| ruleset.inputs.len() + n)
                    .or_else(|| ruleset.input_index(g.key.trim()))
            })
            .collect()
    };
    let (points_indices, claimed_indices) = (node_indices(&points), node_indices(&claimed));
    let looked_up = [
        ("inputs", &inputs, &input_slots),
        ("points", &points, &points_indices),
    ];
    for (section, entries, indices) in looked_up {
        for index in given_twice(
            ruleset,
            section,
            keys(entries),
            Some(indices),
            &mut diagnostics,
        ) {
            twice.push((section, index));
        }
    }
    let sections: [(&str, &[RawEntry]); 2] =
        [("not_evaluated", &raw.not_evaluated), ("notes", &raw.notes)];
    for (section, entries) in sections {
        let keys = entries.iter().map(|e| (e.key.as_str(), &e.key_span));
        for index in given_twice(ruleset, section, keys, None, &mut diagnostics) {
            twice.push((section, index));
        }
    }
    for index in given_twice(
        ruleset,
        "claimed",
        keys(&claimed),
        Some(&claimed_indices),
        &mut diagnostics,
    ) {
        twice.push(("claimed", index));
    }
    let evidence = raw.evidence.iter().map(|(k, span, _)| (k.as_str(), span));
    given_twice(ruleset, "evidence", evidence, None, &mut diagnostics);

    for entry in &inputs {
        let Some(slot) = entry.index else {
            let mut d = Diagnostic::error(
                "D006",
                entry.key_span.clone(),
                msg!("e008-unknown-input", name = entry.key),
            );
            if let Some(s) = did_you_mean(entry.key, ruleset.inputs.iter().map(|i| i.name.as_str()))
            {
                d = d.with_help(msg!("did-you-mean", name = s));
            }
            diagnostics.push(d);
            continue;
        };
        let input = &ruleset.inputs[slot];
        match typed_value(entry.value, &input.ty, separator) {
            Ok(value) => {
                data.values[slot] = Some(value);
                data.value_spans[slot] = Some(entry.value_span.clone());
            }
            Err((code, message)) => {
                let message = match input.owner.as_deref() {
                    Some(o) => msg!(
                        "d-input-value-owner",
                        name = input.name.as_str(),
                        message = message,
                        owner = o
                    ),
                    None => msg!(
                        "d-input-value",
                        name = input.name.as_str(),
                        message = message
                    ),
                };
                let ty = crate::check::input_type_word(&input.ty);
                let help = match input.description.as_deref() {
                    Some(d) => msg!(
                        "d-input-is-described",
                        name = input.name.as_str(),
                        ty = ty,
                        description = d
                    ),
                    None => msg!("d-input-is", name = input.name.as_str(), ty = ty),
                };
                diagnostics.push(
                    Diagnostic::error(code, entry.value_span.clone(), message).with_help(help),
                );
            }
        }
    }

    // A criterion found (the placed ones were found before), else D006 at the key.
    let found_node = |index: Option<usize>,
                      key: &str,
                      span: &Span,
                      diagnostics: &mut Vec<Diagnostic>|
     -> Option<usize> {
        if index.is_none() {
            let mut d = Diagnostic::error(
                "D006",
                span.clone(),
                msg!("e018-unknown-criterion", id = key),
            );
            if let Some(s) = did_you_mean(key, ruleset.nodes.iter().map(|n| n.id.as_str())) {
                d = d.with_help(msg!("did-you-mean", name = s));
            }
            diagnostics.push(d);
        }
        index
    };
    let node_of = |key: &str, span: &Span, diagnostics: &mut Vec<Diagnostic>| {
        found_node(ruleset.node_index(key.trim()), key, span, diagnostics)
    };

    for entry in &points {
        let Some(index) = found_node(entry.index, entry.key, entry.key_span, &mut diagnostics)
        else {
            continue;
        };
        let node = &ruleset.nodes[index];
        if !node.takes_points() {
            let message = if node.is_leaf() {
                msg!("d010-computed", id = node.id.as_str())
            } else {
                msg!("d010-adds-up", id = node.id.as_str())
            };
            diagnostics.push(Diagnostic::error("D010", entry.key_span.clone(), message));
            continue;
        }
        match typed_value(entry.value, &InputType::Points, separator) {
            Ok(Value::Number(points)) => {
                if points > node.max {
                    diagnostics.push(points_out_of_range(node, points, entry.value_span.clone()));
                } else {
                    data.points[index] = Some(points);
                    data.points_spans[index] = Some(entry.value_span.clone());
                }
            }
            Ok(_) => {}
            Err((code, message)) => diagnostics.push(Diagnostic::error(
                code,
                entry.value_span.clone(),
                msg!("d-points-of", id = node.id.as_str(), message = message),
            )),
        }
    }

    for entry in &raw.not_evaluated {
        let Some(index) = node_of(&entry.key, &entry.key_span, &mut diagnostics) else {
            continue;
        };
        let reason = match &entry.value {
            RawValue::Text(t) if !t.trim().is_empty() => t.clone(),
            RawValue::Bool(true) => "không đánh giá".to_string(),
            _ => {
                diagnostics.push(Diagnostic::error(
                    "D003",
                    entry.value_span.clone(),
                    msg!(
                        "d003-not-evaluated-reason",
                        id = ruleset.nodes[index].id.as_str()
                    ),
                ));
                continue;
            }
        };
        data.not_evaluated[index] = Some(reason);
    }

    // Evidence and notes are given for a criterion or for an input's figure.
    for (key, span, docs) in &raw.evidence {
        if let Some(slot) = ruleset.input_index(key.trim()) {
            data.input_evidence[slot] = docs.clone();
        } else if let Some(index) = node_of(key, span, &mut diagnostics) {
            data.evidence[index] = docs.clone();
        }
    }
    for entry in &raw.notes {
        let RawValue::Text(t) = &entry.value else {
            continue;
        };
        if let Some(slot) = ruleset.input_index(entry.key.trim()) {
            data.input_notes[slot] = Some(t.clone());
        } else if let Some(index) = node_of(&entry.key, &entry.key_span, &mut diagnostics) {
            data.notes[index] = Some(t.clone());
        }
    }
    for entry in &claimed {
        let Some(index) = found_node(entry.index, entry.key, entry.key_span, &mut diagnostics)
        else {
            continue;
        };
        let node = &ruleset.nodes[index];
        match typed_value(entry.value, &InputType::Points, separator) {
            Ok(Value::Number(points)) if points > node.max => {
                diagnostics.push(points_out_of_range(node, points, entry.value_span.clone()))
            }
            Ok(Value::Number(points)) => {
                data.claimed[index] = Some(points);
                data.claimed_spans[index] = Some(entry.value_span.clone());
            }
            Ok(_) => {}
            Err((code, message)) => diagnostics.push(Diagnostic::error(
                code,
                entry.value_span.clone(),
                msg!("d-claimed-of", id = node.id.as_str(), message = message),
            )),
        }
    }
    let inputs = ruleset.inputs.len();
    for (section, index) in twice {
        match (section, index.checked_sub(inputs)) {
            ("inputs", _) => {
                data.values[index] = None;
                data.value_spans[index] = None;
            }
            ("points", Some(node)) => {
                data.points[node] = None;
                data.points_spans[node] = None;
            }
            ("not_evaluated", Some(node)) => data.not_evaluated[node] = None,
            ("claimed", Some(node)) => {
                data.claimed[node] = None;
                data.claimed_spans[node] = None;
            }
            ("notes", Some(node)) => data.notes[node] = None,
            ("notes", None) => data.input_notes[index] = None,
            _ => {}
        }
    }
    (data, diagnostics)
}

fn points_out_of_range(node: &Node, points: Decimal, span: Span) -> Diagnostic {
    Diagnostic::error(
        "D007",
        span,
        msg!(
            "d007-above-max",
            points = points,
            id = node.id.as_str(),
            max = node.max
        ),
    )
}

/// The common number of a sheet cell read without allocating: ASCII digits, or (when either
/// separator is accepted) digits with one `,` or `.` between them. It is what
/// [`parse_decimal_text`] reads from such text (nothing to clean, the one separator a
/// point); `None` for anything else, which that function reads (and reports) as before.
fn plain_decimal(text: &str, separator: DecimalSeparator) -> Option<Decimal> {
    let bytes = text.as_bytes();
    let mut buffer = [0u8; 32];
    if bytes.is_empty() || bytes.len() > buffer.len() {
        return None;
    }
    let mut separators = 0;
    for (to, &b) in buffer.iter_mut().zip(bytes) {
        *to = match b {
            b'0'..=b'9' => b,
            b',' | b'.' => {
                separators += 1;
                b'.'
            }
            _ => return None,
        };
    }
    let digits_around = bytes[0].is_ascii_digit() && bytes[bytes.len() - 1].is_ascii_digit();
    match separators {
        0 => Decimal::from_str(text).ok(),
        1 if separator == DecimalSeparator::Either && digits_around => {
            let normalized = std::str::from_utf8(&buffer[..bytes.len()]).ok()?;
            Decimal::from_str(normalized).ok()
        }
        _ => None,
    }
}

/// A raw value as a value of an input type; errors carry their diagnostic code.
pub(crate) fn typed_value(
    raw: &RawValue,
    ty: &InputType,
    separator: DecimalSeparator,
) -> Result<Value, (&'static str, Message)> {
    let number = |raw: &RawValue| -> Result<(Decimal, bool), (&'static str, Message)> {
        match raw {
            RawValue::Number(text) => Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .map(|d| (d, false))
                .map_err(|_| ("D003", msg!("d003-not-exact", number = text.as_str()))),
            RawValue::Text(text) => match plain_decimal(text, separator) {
                Some(d) => Ok((d, false)),
                None => parse_decimal_text(text, separator).map_err(|m| ("D003", m)),
            },
            RawValue::Bool(_) => Err((
                "D003",
                msg!("d003-expected-number", found = msg!("ty-bool")),
            )),
            RawValue::Date(_) => Err((
                "D003",
                msg!("d003-expected-number", found = msg!("ty-date")),
            )),
            RawValue::Other(what) => Err((
                "D003",
                msg!("d003-expected-number", found = Message::new(what)),
            )),
        }
    };
    let negative = |d: Decimal| {
        if d.is_sign_negative() && !d.is_zero() {
            Err(("D004", msg!("d004-negative", found = d)))
        } else {
            Ok(())
        }
    };
    match ty {
        InputType::Count => {
            let (d, percent) = number(raw)?;
            negative(d)?;
            if percent || !d.fract().is_zero() {
                let message = if matches!(raw, RawValue::Text(t) if t.contains('.'))
                    && separator == DecimalSeparator::Either
                {
                    msg!("d003-count-whole-grouping", found = d)
                } else {
                    msg!("d003-count-whole", found = d)
                };
                return Err(("D003", message));
            }
            Ok(Value::Number(d))
        }
        InputType::Decimal | InputType::Points => {
            let (d, percent) = number(raw)?;
            negative(d)?;
            if percent {
                return Err(("D003", msg!("d003-percentage-for-number")));
            }
            Ok(Value::Number(d))
        }
        InputType::Percent => {
            let (d, _) = number(raw)?;
            negative(d)?;
            if d > Decimal::ONE_HUNDRED {
                return Err(("D003", msg!("d003-percentage-above-100", found = d)));
            }
            Ok(Value::Number(d / Decimal::ONE_HUNDRED))
        }
        InputType::YesNo => match raw {
            RawValue::Bool(b) => Ok(Value::Bool(*b)),
            RawValue::Text(t) => match crate::text::fold(t.trim()).as_str() {
                "yes" | "true" | "co" | "x" | "dung" | "dat" => Ok(Value::Bool(true)),
                "no" | "false" | "khong" | "sai" | "khong dat" => Ok(Value::Bool(false)),
                _ => Err((
                    "D003",
                    msg!("d003-expected-yesno-found", found = t.as_str()),
                )),
            },
            _ => Err(("D003", msg!("d003-expected-yesno"))),
        },
        InputType::Date => match raw {
            RawValue::Date(d) => Ok(Value::Date(*d)),
            RawValue::Text(t) => NaiveDate::parse_from_str(t.trim(), "%d/%m/%Y")
                .or_else(|_| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d"))
                .map(Value::Date)
                .map_err(|_| ("D003", msg!("d003-expected-date-found", found = t.as_str()))),
            _ => Err(("D003", msg!("d003-expected-date"))),
        },
        InputType::Levels(levels) => match raw {
            RawValue::Text(t) => levels
                .iter()
                .position(|l| {
                    name_key(l) == name_key(t.trim())
                        || crate::text::fold(l) == crate::text::fold(t.trim())
                })
                .map(Value::Level)
                .ok_or_else(|| {
                    (
                        "D003",
                        msg!(
                            "d003-not-a-level",
                            found = t.as_str(),
                            levels = levels.join(", ")
                        ),
                    )
                }),
            _ => Err((
                "D003",
                msg!("d003-expected-level", levels = levels.join(", ")),
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A sheet's cells come as placed entries (slot and node found once per header); they
    /// must resolve, and be reported, exactly as the named entries of a unit file: same
    /// values, same diagnostics (codes, spans, messages), and a name given both ways is
    /// given twice (D012, neither value kept).
    #[test]
    fn placed_entries_resolve_and_report_as_named_ones() {
        let analysis = crate::analyze(include_str!("../tests/fixtures/batch/huyen-mau.chiso"));
        let rs = &analysis.ruleset;
        let slot = |name: &str| rs.input_index(name).expect("an input of the fixture");
        let node = |id: &str| rs.node_index(id).expect("a criterion of the fixture");
        // (key, target, value, span): a good count, a bad count, points above 1.2's maximum,
        // and an unreadable claimed score.
        let cells = [
            (
                "nhiệm_vụ_kế_hoạch",
                Target::Input(slot("nhiệm_vụ_kế_hoạch")),
                "10",
                1..2,
            ),
            (
                "nhiệm_vụ_hoàn_thành",
                Target::Input(slot("nhiệm_vụ_hoàn_thành")),
                "chín",
                2..3,
            ),
            ("1.2", Target::Points(node("1.2")), "99", 3..4),
            ("1.2", Target::Claimed(node("1.2")), "x", 4..5),
        ];
        let mut named = RawUnit {
            unit: Some(("X".to_string(), 0..0)),
            ..RawUnit::default()
        };
        let mut placed = named.clone();
        for (key, target, text, span) in cells {
            let value = RawValue::Text(text.to_string());
            let entry = RawEntry {
                key: key.to_string(),
                key_span: span.clone(),
                value: value.clone(),
                value_span: span.clone(),
            };
            match target {
                Target::Input(_) => named.inputs.push(entry),
                Target::Points(_) => named.points.push(entry),
                Target::Claimed(_) => named.claimed.push(entry),
            }
            placed.placed.push(PlacedEntry {
                target,
                value,
                span,
            });
        }
        let (data_named, found_named) = resolve(rs, &named);
        let (data_placed, found_placed) = resolve(rs, &placed);
        assert_eq!(data_placed, data_named);
        assert_eq!(found_placed, found_named);
        // 10 is read; "chín" is not a count (D003), 99 is above 1.2's maximum (D007), "x"
        // is not a score (D003).
        assert_eq!(
            data_placed.values[slot("nhiệm_vụ_kế_hoạch")],
            Some(Value::Number(Decimal::from(10)))
        );
        let codes: Vec<&str> = found_placed.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["D003", "D007", "D003"], "{found_placed:?}");

        // The same input given by name and placed: given twice, neither value kept.
        let mut both = placed.clone();
        both.inputs.push(RawEntry {
            key: "nhiệm_vụ_kế_hoạch".to_string(),
            key_span: 9..10,
            value: RawValue::Number("12".to_string()),
            value_span: 9..10,
        });
        let (data, found) = resolve(rs, &both);
        assert!(
            found.iter().any(|d| d.code == "D012" && d.span == (1..2)),
            "{found:?}"
        );
        assert_eq!(data.values[slot("nhiệm_vụ_kế_hoạch")], None);
    }

    #[test]
    fn stage_words_parse_and_print_one_way() {
        for stage in Stage::ALL {
            assert_eq!(Stage::parse(stage.as_str()), Some(stage));
            assert_eq!(Stage::parse(stage.label()), Some(stage));
        }
        assert_eq!(Stage::parse(" Tự Đánh Giá "), Some(Stage::SelfAssessment));
        assert_eq!(Stage::parse("tu danh gia"), Some(Stage::SelfAssessment));
        assert_eq!(Stage::parse("THẨM ĐỊNH"), Some(Stage::Appraised));
        assert_eq!(Stage::parse("Appraised"), Some(Stage::Appraised));
        assert_eq!(Stage::parse("final"), None);
        assert_eq!(Stage::Appraised.label(), "thẩm định");
        // What a report shows: the parser's Vietnamese word, or the reader's English.
        for stage in Stage::ALL
            .into_iter()
            .chain((2..Stage::MAX_STAGES).filter_map(Stage::nth))
        {
            assert_eq!(stage.label_in(crate::Lang::Vi), stage.label());
        }
        assert_eq!(
            Stage::SelfAssessment.label_in(crate::Lang::En),
            "self-assessment"
        );
        assert_eq!(Stage::Appraised.label_in(crate::Lang::En), "appraisal");
        assert_eq!(
            Stage::nth(3)
                .map(|s| s.label_in(crate::Lang::En))
                .as_deref(),
            Some("appraisal round 3")
        );
        assert_eq!(
            Stage::expected().en(),
            "\"self\" (tự đánh giá) or \"appraised\" (thẩm định)"
        );
        assert_eq!(
            Stage::expected().render(crate::Lang::Vi),
            "\"self\" (tự đánh giá) hoặc \"appraised\" (thẩm định)"
        );
    }
}
