//! Office worklists (seed 001): the data-entry form of one office (its inputs and the
//! criteria it self-assesses, with descriptions and the evidence expected), written as TOML
//! or `.xlsx`; and the merge of the offices' filled forms into one unit file, reporting
//! conflicts and gaps and never choosing between two values silently.
//!
//! Owners: a node's owner is its own `chủ trì` or its nearest ancestor's; one owner string may
//! name several offices separated by `;` ("Phòng Nội vụ; Phòng Văn hóa - Thông tin"). An input
//! without an owner belongs to the owners of the criteria that use it. Notes of a node that
//! start with `TLKC:` (tài liệu kiểm chứng) or `evidence:` say which evidence is expected.

use crate::data::{resolve, RawEntry, RawUnit, Stage, UnitData};
use crate::diagnostic::Diagnostic;
use crate::model::{InputType, Rule, Ruleset, SourceKind, Value};
pub use crate::owners::offices;
use crate::owners::{
    input_offices, items_of_inputs, node_offices, office_key, reader_ids, users_of_inputs,
};
use crate::place::Place;
use crate::text::{did_you_mean, fold, format_decimal};
use rust_decimal::Decimal;

/// Whether a node is scored on its own (a leaf, or a parent with a rule of its own).
fn scores(ruleset: &Ruleset, node: usize) -> bool {
    let n = &ruleset.nodes[node];
    let mut ancestor = n.parent;
    while let Some(p) = ancestor {
        if ruleset.nodes[p].rule.is_some() {
            return false;
        }
        ancestor = ruleset.nodes[p].parent;
    }
    n.is_leaf() || n.rule.is_some()
}

/// Every office the ruleset names, in order of first mention.
pub fn all_offices(ruleset: &Ruleset) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |o: &str| {
        for office in offices(o) {
            if !out.iter().any(|x| office_key(x) == office_key(&office)) {
                out.push(office);
            }
        }
    };
    for input in &ruleset.inputs {
        if let Some(o) = &input.owner {
            add(o);
        }
    }
    for node in &ruleset.nodes {
        if let Some(o) = &node.owner {
            add(o);
        }
    }
    if has_unassigned(ruleset) {
        out.push(UNASSIGNED.to_string());
    }
    out
}

/// The form of what no office owns (council-awarded points without an owner, inputs that
/// no owner's criterion uses): the unit's own form, so `merge` can close every gap.
pub const UNASSIGNED: &str = "Chưa giao chủ trì";

/// Whether an input used by a criterion, or a self-assessed criterion, has no owner.
fn has_unassigned(ruleset: &Ruleset) -> bool {
    let users = users_of_inputs(ruleset);
    let items = items_of_inputs(ruleset);
    (0..ruleset.inputs.len()).any(|slot| {
        (!users[slot].is_empty() || !items[slot].is_empty())
            && input_offices(ruleset, slot, &users).is_empty()
    }) || (0..ruleset.nodes.len()).any(|index| {
        scores(ruleset, index)
            && ruleset.nodes[index].source == SourceKind::SelfAssessment
            && node_offices(ruleset, index).is_empty()
    })
}

/// What a form line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// An input's figure.
    Input(usize),
    /// Points of a criterion the council awards (the unit's own points when self-assessing).
    Points(usize),
    /// The score the office claims for a criterion computed from figures (optional).
    Claimed(usize),
}

impl ItemKind {
    /// The form's word for the line's kind.
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Input(_) => "Đầu vào",
            ItemKind::Points(_) => "Điểm",
            ItemKind::Claimed(_) => "Tự chấm",
        }
    }
}

/// One line of an office's form.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// What the line asks for, with the input's slot or the node's index.
    pub kind: ItemKind,
    /// The input's name or the criterion's id: the key the unit file uses.
    pub key: String,
    /// What the line is about, for the person filling it: the input's description (empty
    /// when it has none) or the criterion's title.
    pub text: String,
    /// "count", "points 0–2" …
    pub ty: String,
    /// Criteria the line feeds.
    pub criteria: Vec<String>,
    /// Evidence expected (notes starting `TLKC:`).
    pub evidence: Vec<String>,
    /// Other guidance: notes, references.
    pub guidance: Vec<String>,
    /// Other offices that share the line.
    pub shared_with: Vec<String>,
}

impl Item {
    /// What a form says beside the line, in both its TOML and workbook shapes: the criteria
    /// an input feeds, the evidence expected, other guidance, the offices that share it.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if matches!(self.kind, ItemKind::Input(_)) {
            notes.push(format!("dùng cho: {}", self.criteria.join(", ")));
        }
        if !self.evidence.is_empty() {
            notes.push(format!("TLKC: {}", self.evidence.join("; ")));
        }
        notes.extend(self.guidance.iter().cloned());
        if !self.shared_with.is_empty() {
            notes.push(format!("cùng chủ trì: {}", self.shared_with.join(", ")));
        }
        notes
    }
}

/// One office's worklist.
#[derive(Debug, Clone, PartialEq)]
pub struct Worklist {
    /// The office as the ruleset writes it.
    pub office: String,
    /// The lines of its form: its inputs first, then the criteria it scores.
    pub items: Vec<Item>,
}

fn evidence_note(note: &str) -> Option<String> {
    let folded = fold(note);
    for prefix in ["tlkc:", "tai lieu kiem chung:", "evidence:"] {
        if folded.starts_with(prefix) {
            let count = prefix.chars().count();
            return Some(
                note.chars()
                    .skip(count)
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
        }
    }
    None
}

/// The worklist of one office. An office the ruleset does not name is an error with a
/// suggestion.
pub fn worklist(ruleset: &Ruleset, office: &str) -> Result<Worklist, crate::message::Message> {
    let all = all_offices(ruleset);
    let key = office_key(office);
    let Some(name) = all.iter().find(|o| office_key(o) == key).cloned() else {
        let offices = all.join(", ");
        return Err(match did_you_mean(office, all.iter().map(String::as_str)) {
            Some(s) => crate::msg!(
                "worklist-no-office-suggest",
                office = office,
                suggestion = s,
                offices = offices
            ),
            None => crate::msg!("worklist-no-office", office = office, offices = offices),
        });
    };
    // The unassigned form holds what no office owns.
    let unassigned = office_key(&name) == office_key(UNASSIGNED);
    let owns = |list: &[String]| {
        if unassigned {
            list.is_empty()
        } else {
            list.iter().any(|o| office_key(o) == key)
        }
    };
    let others = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|o| office_key(o) != key)
            .cloned()
            .collect()
    };
    let users = users_of_inputs(ruleset);
    // Inputs only a bonus or penalty item reads are on the form too.
    let item_users = items_of_inputs(ruleset);
    let mut items = Vec::new();
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        let list = input_offices(ruleset, slot, &users);
        if !owns(&list) || (users[slot].is_empty() && item_users[slot].is_empty()) {
            continue;
        }
        let mut guidance = Vec::new();
        if let Some(default) = &input.default {
            // A form is Vietnamese: a yes/no default is `có` / `không`.
            let default = match default {
                Value::Bool(true) => "có".to_string(),
                Value::Bool(false) => "không".to_string(),
                other => other.describe(Some(&input.ty)),
            };
            guidance.push(format!("mặc định {default} nếu để trống"));
        }
        items.push(Item {
            kind: ItemKind::Input(slot),
            key: input.name.clone(),
            text: input.description.clone().unwrap_or_default(),
            // Forms are Vietnamese documents: the type as the ruleset language writes it.
            ty: crate::check::input_type_word(&input.ty).render(crate::Lang::Vi),
            criteria: reader_ids(ruleset, slot, &users, &item_users),
            evidence: Vec::new(),
            guidance,
            shared_with: others(&list),
        });
    }
    for (index, node) in ruleset.nodes.iter().enumerate() {
        if !scores(ruleset, index) || node.source != SourceKind::SelfAssessment {
            continue;
        }
        let list = node_offices(ruleset, index);
        if !owns(&list) {
            continue;
        }
        let kind = match node.rule {
            Some(Rule::Awarded) => ItemKind::Points(index),
            _ => ItemKind::Claimed(index),
        };
        let mut evidence = Vec::new();
        let mut guidance = Vec::new();
        for note in &node.notes {
            match evidence_note(note) {
                Some(e) => evidence.push(e),
                None => guidance.push(note.clone()),
            }
        }
        guidance.extend(node.references.iter().map(|r| format!("căn cứ: {r}")));
        if let Some(rule) = &node.rule_text {
            guidance.push(format!("cách tính: {rule}"));
        }
        items.push(Item {
            kind,
            key: node.id.clone(),
            text: node.title.clone(),
            ty: match kind {
                ItemKind::Points(_) => format!("điểm 0–{}", format_decimal(node.max)),
                _ => format!(
                    "tự chấm 0–{} (không bắt buộc: chiso tính từ số liệu)",
                    format_decimal(node.max)
                ),
            },
            criteria: vec![node.id.clone()],
            evidence,
            guidance,
            shared_with: others(&list),
        });
    }
    Ok(Worklist {
        office: name,
        items,
    })
}

/// A filled form, read: its values as a raw unit and the office it says it is from.
#[derive(Debug, Clone)]
pub struct Form {
    /// File name, for messages.
    pub name: String,
    /// The office the form says it is from (`None` when it does not say).
    pub office: Option<String>,
    /// The values given, as a raw unit (what [`crate::data::resolve`] reads); its spans mean
    /// what [`Form::source`] says.
    pub raw: RawUnit,
    /// Values left empty: (table, key).
    pub empty: Vec<(&'static str, String)>,
    /// Where the form's values are: what the spans of [`Form::raw`] mean.
    pub source: FormSource,
}

/// What the spans of a form's [`RawUnit`] stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormSource {
    /// Byte ranges of the form's TOML text.
    Text,
    /// A workbook form: every value of one line shares a span, [`FormSource::Rows::lines`]
    /// tells which line (the span's start indexes it).
    Rows {
        /// The worksheet's name, when the form names one.
        sheet: Option<String>,
        /// The spreadsheet row number (1-based) of each line that gave a value.
        lines: Vec<usize>,
    },
}

impl Form {
    /// The place in this form of a diagnostic about its values.
    pub(crate) fn place_of(&self, diagnostic: &Diagnostic) -> Place {
        let span = std::iter::once(&diagnostic.span)
            .chain(diagnostic.labels.iter().map(|l| &l.span))
            .find(|s| !s.is_empty());
        match &self.source {
            FormSource::Text => Place::Text {
                file: self.name.clone(),
                span: diagnostic.span.clone(),
            },
            FormSource::Rows { sheet, lines } => match span.and_then(|s| lines.get(s.start)) {
                Some(&row) => Place::row(self.name.clone(), sheet.clone(), row),
                None => Place::file(self.name.clone()),
            },
        }
    }
}

impl Form {
    /// A workbook form's diagnostic with the rows of its labels said in its message (a
    /// label's span indexes the form's lines, which no renderer can show): "`x` is given
    /// twice … (first given here: row 10)".
    pub fn label_rows(&self, mut diagnostic: Diagnostic) -> Diagnostic {
        if let FormSource::Rows { lines, .. } = &self.source {
            for label in std::mem::take(&mut diagnostic.labels) {
                if let Some(row) = lines.get(label.span.start) {
                    diagnostic.message = crate::msg!(
                        "form-label-row",
                        message = diagnostic.message,
                        label = label.message,
                        row = *row
                    );
                }
            }
        }
        diagnostic
    }
}

/// Two forms giving different values for one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// "inputs", "points", "claimed", "unit", "year", "stage", "group".
    pub table: &'static str,
    /// The input's name or the criterion's id; for "unit", "year", "stage" and "group", that
    /// word.
    pub key: String,
    /// (form name, value as written) for each form that gave a value.
    pub values: Vec<(String, String)>,
}

/// Something the ruleset needs that no form gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// "inputs", "points", "unit" or "group".
    pub table: &'static str,
    /// The input's name or the criterion's id ("unit" for the unit's name, "group" for its
    /// group when the ruleset declares groups).
    pub key: String,
    /// The offices that should have given it (đơn vị chủ trì); empty when none is named.
    pub owners: Vec<String>,
    /// The ids of the criteria that need it.
    pub criteria: Vec<String>,
}

/// A problem of one form, placed in it.
#[derive(Debug, Clone)]
pub struct FormProblem {
    /// Index into the `forms` given to [`merge`].
    pub form: usize,
    /// Where in that form: its text's bytes, or the workbook row.
    pub place: Place,
    /// The finding ([`crate::data::resolve`]'s `D…` codes).
    pub diagnostic: Diagnostic,
}

/// The merged unit and everything found on the way.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The unit's data: every value the forms agree on (spans are unset: the values come from
    /// several files).
    pub data: UnitData,
    /// Values the forms disagree on: left out of `data`.
    pub conflicts: Vec<Conflict>,
    /// What the ruleset needs that no form gave.
    pub gaps: Vec<Gap>,
    /// Each form's own problems, placed in it.
    pub problems: Vec<FormProblem>,
    /// (form, table, key, owners): a value given by an office that does not own it.
    pub foreign: Vec<(usize, &'static str, String, Vec<String>)>,
}

impl Merged {
    /// No conflict and no error in any form (gaps and warnings allowed).
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty() && !self.problems.iter().any(|p| p.diagnostic.is_error())
    }
}

fn describe(value: &Value, ty: Option<&InputType>) -> String {
    value.describe(ty)
}

/// Merges the offices' forms into one unit's data. Equal values from several forms agree;
/// different values are a conflict and neither is kept; nothing is overwritten.
pub fn merge(ruleset: &Ruleset, forms: &[Form]) -> Merged {
    let mut problems = Vec::new();
    let resolved: Vec<UnitData> = forms
        .iter()
        .enumerate()
        .map(|(f, form)| {
            let mut raw = form.raw.clone();
            if raw.unit.is_none() {
                raw.unit = Some((String::new(), 0..0));
            }
            let (data, diagnostics) = resolve(ruleset, &raw);
            problems.extend(diagnostics.into_iter().map(|d| FormProblem {
                form: f,
                place: form.place_of(&d),
                diagnostic: form.label_rows(d),
            }));
            data
        })
        .collect();
    let mut conflicts = Vec::new();
    // unit, year, stage
    let mut pick_text = |table: &'static str, values: Vec<(usize, String)>| -> Option<String> {
        let mut distinct: Vec<&String> = Vec::new();
        for (_, v) in &values {
            if !distinct.iter().any(|d| fold(d.trim()) == fold(v.trim())) {
                distinct.push(v);
            }
        }
        match distinct.len() {
            0 => None,
            1 => Some(distinct[0].clone()),
            _ => {
                conflicts.push(Conflict {
                    table,
                    key: table.to_string(),
                    values: values
                        .iter()
                        .map(|(f, v)| (forms[*f].name.clone(), v.clone()))
                        .collect(),
                });
                None
            }
        }
    };
    let unit = pick_text(
        "unit",
        forms
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.raw.unit.as_ref().map(|(u, _)| (i, u.clone())))
            .filter(|(_, u)| !u.trim().is_empty())
            .collect(),
    );
    let year = pick_text(
        "year",
        forms
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.raw.year.as_ref().map(|(y, _)| (i, y.to_string())))
            .collect(),
    );
    let stage = pick_text(
        "stage",
        resolved
            .iter()
            .enumerate()
            .filter(|(i, _)| forms[*i].raw.stage.is_some())
            .map(|(i, d)| (i, d.stage.as_str().to_string()))
            .collect(),
    );
    // The group (nhóm) a form names, when the ruleset declares groups.
    let group = pick_text(
        "group",
        resolved
            .iter()
            .enumerate()
            .filter_map(|(i, d)| Some((i, ruleset.meta.groups.get(d.group?)?.clone())))
            .collect(),
    );
    let mut data = UnitData::empty(ruleset, unit.unwrap_or_default());
    data.group = group.and_then(|g| ruleset.meta.groups.iter().position(|n| *n == g));
    data.year = year.and_then(|y| y.parse().ok());
    data.stage = stage.as_deref().and_then(Stage::parse).unwrap_or_default();
    let users = users_of_inputs(ruleset);
    let mut foreign = Vec::new();
    let form_owns = |f: usize, list: &[String]| -> bool {
        match &forms[f].office {
            None => true,
            Some(o) => list.is_empty() || list.iter().any(|x| office_key(x) == office_key(o)),
        }
    };
    // inputs
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        let given: Vec<(usize, &Value)> = resolved
            .iter()
            .enumerate()
            .filter_map(|(f, d)| d.values[slot].as_ref().map(|v| (f, v)))
            .collect();
        let owners = input_offices(ruleset, slot, &users);
        for (f, _) in &given {
            if !form_owns(*f, &owners) {
                foreign.push((*f, "inputs", input.name.clone(), owners.clone()));
            }
        }
        match agree(&given) {
            Agreement::None => {}
            Agreement::One(v) => data.values[slot] = Some(v.clone()),
            Agreement::Conflict => conflicts.push(Conflict {
                table: "inputs",
                key: input.name.clone(),
                values: given
                    .iter()
                    .map(|(f, v)| (forms[*f].name.clone(), describe(v, Some(&input.ty))))
                    .collect(),
            }),
        }
    }
    // evidence and notes given for inputs: evidence is the union, notes are joined (each
    // with its office when several forms give one)
    for slot in 0..ruleset.inputs.len() {
        for d in &resolved {
            for doc in &d.input_evidence[slot] {
                if !data.input_evidence[slot].contains(doc) {
                    data.input_evidence[slot].push(doc.clone());
                }
            }
        }
        let given = resolved
            .iter()
            .filter(|d| d.input_notes[slot].is_some())
            .count();
        let notes: Vec<String> = resolved
            .iter()
            .enumerate()
            .filter_map(|(f, d)| {
                d.input_notes[slot]
                    .as_ref()
                    .map(|n| match &forms[f].office {
                        Some(o) if given > 1 => format!("{o}: {n}"),
                        _ => n.clone(),
                    })
            })
            .collect();
        if !notes.is_empty() {
            data.input_notes[slot] = Some(notes.join("\n"));
        }
    }
    // points and claimed scores
    for (index, node) in ruleset.nodes.iter().enumerate() {
        let owners = node_offices(ruleset, index);
        for (table, get) in [
            (
                "points",
                (|d: &UnitData, i: usize| d.points[i]) as fn(&UnitData, usize) -> Option<Decimal>,
            ),
            ("claimed", |d: &UnitData, i: usize| d.claimed[i]),
        ] {
            let given: Vec<(usize, Value)> = resolved
                .iter()
                .enumerate()
                .filter_map(|(f, d)| get(d, index).map(|v| (f, Value::Number(v))))
                .collect();
            for (f, _) in &given {
                if !form_owns(*f, &owners) {
                    foreign.push((*f, table, node.id.clone(), owners.clone()));
                }
            }
            let refs: Vec<(usize, &Value)> = given.iter().map(|(f, v)| (*f, v)).collect();
            match agree(&refs) {
                Agreement::None => {}
                Agreement::One(Value::Number(v)) => {
                    if table == "points" {
                        data.points[index] = Some(*v);
                    } else {
                        data.claimed[index] = Some(*v);
                    }
                }
                Agreement::One(_) => {}
                Agreement::Conflict => conflicts.push(Conflict {
                    table,
                    key: node.id.clone(),
                    values: given
                        .iter()
                        .map(|(f, v)| (forms[*f].name.clone(), describe(v, None)))
                        .collect(),
                }),
            }
        }
        // not evaluated: reasons are joined; evidence is the union; notes are joined.
        let reasons: Vec<&String> = resolved
            .iter()
            .filter_map(|d| d.not_evaluated[index].as_ref())
            .collect();
        if !reasons.is_empty() {
            let mut distinct: Vec<&String> = Vec::new();
            for r in reasons {
                if !distinct.contains(&r) {
                    distinct.push(r);
                }
            }
            data.not_evaluated[index] = Some(
                distinct
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        for d in &resolved {
            for doc in &d.evidence[index] {
                if !data.evidence[index].contains(doc) {
                    data.evidence[index].push(doc.clone());
                }
            }
        }
        let notes: Vec<String> = resolved
            .iter()
            .enumerate()
            .filter_map(|(f, d)| {
                d.notes[index].as_ref().map(|n| match &forms[f].office {
                    Some(o) if resolved.iter().filter(|d| d.notes[index].is_some()).count() > 1 => {
                        format!("{o}: {n}")
                    }
                    _ => n.clone(),
                })
            })
            .collect();
        if !notes.is_empty() {
            data.notes[index] = Some(notes.join("\n"));
        }
    }
    // gaps: what the ruleset needs that no form gave (conflicts are reported as such)
    let mut gaps = Vec::new();
    // A value a form gives but that cannot be read is that form's problem (reported), not a
    // value no form gives.
    let written = |table: fn(&RawUnit) -> &Vec<RawEntry>, key: &str| {
        let key = crate::text::name_key(key);
        forms.iter().any(|f| {
            table(&f.raw)
                .iter()
                .any(|e| crate::text::name_key(&e.key) == key)
        })
    };
    let item_users = items_of_inputs(ruleset);
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        // Read by a criterion still evaluated, or by a bonus or penalty item.
        let needed = users[slot].iter().any(|&n| !excluded(ruleset, &data, n))
            || !item_users[slot].is_empty();
        if data.values[slot].is_none()
            && !written(|r| &r.inputs, &input.name)
            && input.default.is_none()
            && needed
            && !conflicts
                .iter()
                .any(|c| c.table == "inputs" && c.key == input.name)
        {
            gaps.push(Gap {
                table: "inputs",
                key: input.name.clone(),
                owners: input_offices(ruleset, slot, &users),
                criteria: reader_ids(ruleset, slot, &users, &item_users),
            });
        }
    }
    for (index, node) in ruleset.nodes.iter().enumerate() {
        if matches!(node.rule, Some(Rule::Awarded))
            && scores(ruleset, index)
            && node.source == SourceKind::SelfAssessment
            && data.points[index].is_none()
            && !written(|r| &r.points, &node.id)
            && !excluded(ruleset, &data, index)
            && !conflicts
                .iter()
                .any(|c| c.table == "points" && c.key == node.id)
        {
            gaps.push(Gap {
                table: "points",
                key: node.id.clone(),
                owners: node_offices(ruleset, index),
                criteria: vec![node.id.clone()],
            });
        }
    }
    if !ruleset.meta.groups.is_empty()
        && data.group.is_none()
        && !conflicts.iter().any(|c| c.table == "group")
    {
        gaps.push(Gap {
            table: "group",
            key: "group".into(),
            owners: Vec::new(),
            criteria: Vec::new(),
        });
    }
    if data.unit.trim().is_empty() && !conflicts.iter().any(|c| c.table == "unit") {
        gaps.push(Gap {
            table: "unit",
            key: "unit".into(),
            owners: Vec::new(),
            criteria: Vec::new(),
        });
    }
    Merged {
        data,
        conflicts,
        gaps,
        problems,
        foreign,
    }
}

/// Whether a node is declared not evaluated (itself or an ancestor) in the merged data.
fn excluded(ruleset: &Ruleset, data: &UnitData, node: usize) -> bool {
    let mut current = Some(node);
    while let Some(i) = current {
        if data.not_evaluated[i].is_some() {
            return true;
        }
        current = ruleset.nodes[i].parent;
    }
    false
}

enum Agreement<'a> {
    None,
    One(&'a Value),
    Conflict,
}

fn agree<'a>(given: &[(usize, &'a Value)]) -> Agreement<'a> {
    match given.first() {
        None => Agreement::None,
        Some((_, first)) => {
            if given.iter().all(|(_, v)| v == first) {
                Agreement::One(first)
            } else {
                Agreement::Conflict
            }
        }
    }
}
