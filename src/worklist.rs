//! Office worklists (seed 001): the data-entry form of one office (its inputs and the
//! criteria it self-assesses, with descriptions and the evidence expected), written as TOML
//! or `.xlsx`; and the merge of the offices' filled forms into one unit file, reporting
//! conflicts and gaps and never choosing between two values silently.
//!
//! Owners: a node's owner is its own `chủ trì` or its nearest ancestor's; one owner string may
//! name several offices separated by `;` ("Phòng Nội vụ; Phòng Văn hóa - Thông tin"). An input
//! without an owner belongs to the owners of the criteria that use it. Notes of a node that
//! start with `TLKC:` (tài liệu kiểm chứng) or `evidence:` say which evidence is expected.

use crate::batch::lost::owner_of;
use crate::data::{resolve, typed_value, RawEntry, RawUnit, RawValue, Stage, UnitData};
use crate::diagnostic::{Diagnostic, Span};
use crate::eval::inputs_of;
use crate::model::{InputType, Rule, Ruleset, SourceKind, Value};
use crate::sheet::{Cell, Grid};
use crate::text::{did_you_mean, fold, format_decimal, DecimalSeparator};
use rust_decimal::Decimal;

/// An office's comparison key: folded, dashes and `&`/`và` unified, spaces collapsed.
pub fn office_key(name: &str) -> String {
    let folded = fold(name)
        .replace(['–', '—', '‐'], "-")
        .replace('&', " va ");
    let spaced = folded.replace('-', " - ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The offices an owner string names.
pub fn offices(owner: &str) -> Vec<String> {
    owner
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn node_offices(ruleset: &Ruleset, node: usize) -> Vec<String> {
    owner_of(ruleset, node).map(offices).unwrap_or_default()
}

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

/// The nodes whose rule or not-evaluated condition reads each input.
pub fn users_of_inputs(ruleset: &Ruleset) -> Vec<Vec<usize>> {
    let mut users = vec![Vec::new(); ruleset.inputs.len()];
    for (index, node) in ruleset.nodes.iter().enumerate() {
        let mut slots = Vec::new();
        if let Some(Rule::Formula(e)) = &node.rule {
            inputs_of(e, &mut slots);
        }
        if let Some(c) = node
            .not_evaluated
            .as_ref()
            .and_then(|c| c.condition.as_ref())
        {
            inputs_of(c, &mut slots);
        }
        for s in slots {
            if !users[s].contains(&index) {
                users[s].push(index);
            }
        }
    }
    users
}

/// The offices an input belongs to.
pub fn input_offices(ruleset: &Ruleset, slot: usize, users: &[Vec<usize>]) -> Vec<String> {
    if let Some(owner) = &ruleset.inputs[slot].owner {
        return offices(owner);
    }
    let mut out: Vec<String> = Vec::new();
    for &node in &users[slot] {
        for o in node_offices(ruleset, node) {
            if !out.iter().any(|x| office_key(x) == office_key(&o)) {
                out.push(o);
            }
        }
    }
    out
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
    out
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
    pub kind: ItemKind,
    /// The input's name or the criterion's id: the key the unit file uses.
    pub key: String,
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
pub fn worklist(ruleset: &Ruleset, office: &str) -> Result<Worklist, String> {
    let all = all_offices(ruleset);
    let key = office_key(office);
    let Some(name) = all.iter().find(|o| office_key(o) == key).cloned() else {
        let hint = did_you_mean(office, all.iter().map(String::as_str))
            .map(|s| format!(" (did you mean “{s}”?)"))
            .unwrap_or_default();
        return Err(format!(
            "the ruleset names no office “{office}”{hint}; its offices: {}",
            all.join(", ")
        ));
    };
    let owns = |list: &[String]| list.iter().any(|o| office_key(o) == key);
    let others = |list: &[String]| -> Vec<String> {
        list.iter()
            .filter(|o| office_key(o) != key)
            .cloned()
            .collect()
    };
    let users = users_of_inputs(ruleset);
    let mut items = Vec::new();
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        let list = input_offices(ruleset, slot, &users);
        if !owns(&list) || users[slot].is_empty() {
            continue;
        }
        let mut guidance = Vec::new();
        if let Some(default) = &input.default {
            guidance.push(format!(
                "mặc định {} nếu để trống",
                default.describe(Some(&input.ty))
            ));
        }
        items.push(Item {
            kind: ItemKind::Input(slot),
            key: input.name.clone(),
            text: input.description.clone().unwrap_or_default(),
            ty: input.ty.describe(),
            criteria: users[slot]
                .iter()
                .map(|&n| ruleset.nodes[n].id.clone())
                .collect(),
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

/// What a form is filled in for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormHeader {
    pub unit: Option<String>,
    pub year: Option<u32>,
    pub stage: Stage,
    /// A deadline to print on the form (seed 001: 25/11/2023).
    pub deadline: Option<String>,
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn comment(text: &str) -> String {
    text.lines().map(|l| format!("# {l}\n")).collect()
}

const OFFICE_LINE: &str = "# Cơ quan chủ trì: ";

/// The form as a TOML unit file: every value to fill is `""` (left empty, it is a gap).
pub fn template_toml(ruleset: &Ruleset, list: &Worklist, header: &FormHeader) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# PHIẾU NHẬP LIỆU CHỈ SỐ CCHC — {}\n",
        list.office
    ));
    out.push_str(&format!("{OFFICE_LINE}{}\n", list.office));
    let mut source = format!("# Bộ chỉ số: {}", ruleset.meta.title);
    if let Some(d) = &ruleset.meta.decree {
        source.push_str(&format!(" ({d})"));
    }
    out.push_str(&source);
    out.push('\n');
    if let Some(deadline) = &header.deadline {
        out.push_str(&format!("# Hạn gửi: {deadline}\n"));
    }
    out.push_str("# Điền giá trị thay cho \"\"; để \"\" nếu chưa có số liệu. Số thập phân viết 1,5 hoặc 1.5.\n\n");
    out.push_str(&format!(
        "unit = {}\n",
        toml_string(header.unit.as_deref().unwrap_or(""))
    ));
    if let Some(y) = header.year.or(ruleset.meta.year) {
        out.push_str(&format!("year = {y}\n"));
    }
    out.push_str(&format!("stage = {}\n", toml_string(header.stage.as_str())));
    let section = |out: &mut String, title: &str, kind: fn(&ItemKind) -> bool| {
        let items: Vec<&Item> = list.items.iter().filter(|i| kind(&i.kind)).collect();
        if items.is_empty() {
            return;
        }
        out.push_str(&format!("\n[{title}]\n"));
        for item in items {
            let mut lines = vec![format!("{} — {} ({})", item.key, item.text, item.ty)];
            lines.extend(item.notes());
            out.push_str(&comment(&lines.join("\n")));
            out.push_str(&format!("{} = \"\"\n", toml_string(&item.key)));
        }
    };
    section(&mut out, "inputs", |k| matches!(k, ItemKind::Input(_)));
    section(&mut out, "points", |k| matches!(k, ItemKind::Points(_)));
    section(&mut out, "claimed", |k| matches!(k, ItemKind::Claimed(_)));
    let criteria: Vec<&Item> = list
        .items
        .iter()
        .filter(|i| !matches!(i.kind, ItemKind::Input(_)))
        .collect();
    if !criteria.is_empty() {
        out.push_str("\n[evidence]\n# Tài liệu kiểm chứng đã có, theo tiêu chí: \"1.1\" = [\"Kế hoạch số …\"]\n");
        for item in &criteria {
            out.push_str(&format!("{} = []\n", toml_string(&item.key)));
        }
        out.push_str("\n[not_evaluated]\n# Tiêu chí không đánh giá trong năm, với lý do: \"2.1\" = \"Không được giao nhiệm vụ\"\n");
        out.push_str("\n[notes]\n# Giải trình theo tiêu chí: \"1.1\" = \"…\"\n");
    }
    out
}

const FORM_HEADERS: [&str; 9] = [
    "Loại",
    "Mã",
    "Nội dung",
    "Kiểu / thang điểm",
    "Giá trị",
    "Tài liệu kiểm chứng",
    "Không đánh giá (lý do)",
    "Ghi chú",
    "Hướng dẫn",
];

/// The form as a workbook: a few header lines (unit, year, stage, office) and a line per
/// item; the office fills the `Giá trị` column (and evidence, notes).
pub fn template_xlsx(
    ruleset: &Ruleset,
    list: &Worklist,
    header: &FormHeader,
) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, FormatBorder, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet
        .set_name("Phiếu nhập liệu")
        .map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_font_size(14);
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#D9E1F2")
        .set_border(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let fill = Format::new()
        .set_background_color("#FFF2CC")
        .set_border(FormatBorder::Thin);
    let e = |r: Result<&mut rust_xlsxwriter::Worksheet, rust_xlsxwriter::XlsxError>| {
        r.map(|_| ()).map_err(|e| e.to_string())
    };
    e(sheet.write_string_with_format(
        0,
        0,
        format!("PHIẾU NHẬP LIỆU CHỈ SỐ CCHC — {}", list.office),
        &title,
    ))?;
    let mut source = ruleset.meta.title.clone();
    if let Some(d) = &ruleset.meta.decree {
        source.push_str(&format!(" ({d})"));
    }
    e(sheet.write_string(1, 0, source))?;
    let meta_rows: [(&str, String); 5] = [
        ("Đơn vị", header.unit.clone().unwrap_or_default()),
        (
            "Năm",
            header
                .year
                .or(ruleset.meta.year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        ("Giai đoạn", header.stage.as_str().to_string()),
        ("Cơ quan chủ trì", list.office.clone()),
        ("Hạn gửi", header.deadline.clone().unwrap_or_default()),
    ];
    for (i, (label, value)) in meta_rows.iter().enumerate() {
        let row = 2 + i as u32;
        e(sheet.write_string_with_format(row, 0, *label, &bold))?;
        if label == &"Năm" && !value.is_empty() {
            let year: f64 = value.parse().unwrap_or_default();
            e(sheet.write_number_with_format(row, 1, year, &fill))?;
        } else {
            e(sheet.write_string_with_format(row, 1, value.as_str(), &fill))?;
        }
    }
    let header_row = 8;
    for (c, h) in FORM_HEADERS.iter().enumerate() {
        e(sheet.write_string_with_format(header_row, c as u16, *h, &head))?;
    }
    for (i, item) in list.items.iter().enumerate() {
        let row = header_row + 1 + i as u32;
        e(sheet.write_string_with_format(row, 0, item.kind.label(), &wrap))?;
        e(sheet.write_string_with_format(row, 1, item.key.as_str(), &wrap))?;
        e(sheet.write_string_with_format(row, 2, item.text.as_str(), &wrap))?;
        e(sheet.write_string_with_format(row, 3, item.ty.as_str(), &wrap))?;
        e(sheet.write_blank(row, 4, &fill))?;
        e(sheet.write_blank(row, 5, &fill))?;
        e(sheet.write_blank(row, 6, &fill))?;
        e(sheet.write_blank(row, 7, &fill))?;
        e(sheet.write_string_with_format(row, 8, item.notes().join("\n"), &wrap))?;
    }
    for (c, w) in [10.0, 24.0, 48.0, 18.0, 14.0, 30.0, 22.0, 24.0, 48.0]
        .iter()
        .enumerate()
    {
        sheet
            .set_column_width(c as u16, *w)
            .map_err(|e| e.to_string())?;
    }
    sheet
        .set_freeze_panes(header_row + 1, 2)
        .map_err(|e| e.to_string())?;
    workbook.save_to_buffer().map_err(|e| e.to_string())
}

/// A filled form, read: its values as a raw unit and the office it says it is from.
/// Spans of an `.xlsx` form are `r..r+1` for spreadsheet row r.
#[derive(Debug, Clone)]
pub struct Form {
    /// File name, for messages.
    pub name: String,
    pub office: Option<String>,
    pub raw: RawUnit,
    /// Values left empty: (table, key).
    pub empty: Vec<(&'static str, String)>,
    /// Whether spans are rows of a workbook (else byte ranges of the TOML text).
    pub rows: bool,
}

/// Reads a filled TOML form (a unit file; `""` values are left empty).
pub fn read_form_toml(name: &str, text: &str) -> Result<Form, Box<Diagnostic>> {
    let mut raw = crate::data::read_raw(text, crate::data::DataFormat::from_path(name))?;
    let office = text
        .lines()
        .find_map(|l| l.strip_prefix(OFFICE_LINE))
        .map(|s| s.trim().to_string());
    let empty = drop_empty(&mut raw);
    Ok(Form {
        name: name.to_string(),
        office,
        raw,
        empty,
        rows: false,
    })
}

fn drop_empty(raw: &mut RawUnit) -> Vec<(&'static str, String)> {
    let mut empty = Vec::new();
    let is_empty = |e: &RawEntry| matches!(&e.value, RawValue::Text(t) if t.trim().is_empty());
    for (table, entries) in [
        ("inputs", &mut raw.inputs),
        ("points", &mut raw.points),
        ("claimed", &mut raw.claimed),
        ("not_evaluated", &mut raw.not_evaluated),
        ("notes", &mut raw.notes),
    ] {
        for e in entries.iter().filter(|e| is_empty(e)) {
            empty.push((table, e.key.clone()));
        }
        entries.retain(|e| !is_empty(e));
    }
    raw.evidence.retain(|(_, _, docs)| !docs.is_empty());
    if raw.unit.as_ref().is_some_and(|(u, _)| u.trim().is_empty()) {
        raw.unit = None;
    }
    empty
}

/// Reads a filled `.xlsx` form written by [`template_xlsx`] (the first sheet).
pub fn read_form_xlsx(name: &str, bytes: &[u8]) -> Result<Form, String> {
    let grid = crate::sheet::workbook_grid(bytes, None)?;
    read_form_grid(name, &grid)
}

fn read_form_grid(name: &str, grid: &Grid) -> Result<Form, String> {
    let mut raw = RawUnit::default();
    let mut office = None;
    let at = |row: &[Cell], c: usize| row.get(c).cloned().unwrap_or(Cell::Empty);
    let text = Cell::text;
    let mut header_at = None;
    for (i, row) in grid.rows().enumerate() {
        let row = row.as_slice();
        let r = grid.first_row + i;
        let span: Span = r..r + 1;
        let label = fold(&text(&at(row, 0)));
        if header_at.is_none() {
            let value = at(row, 1);
            match label.as_str() {
                "don vi" => {
                    let u = text(&value);
                    if !u.is_empty() {
                        raw.unit = Some((u, span));
                    }
                }
                "nam" => {
                    if let Ok(y) = text(&value).parse::<i64>() {
                        raw.year = Some((y, span));
                    }
                }
                "giai doan" => {
                    let s = text(&value);
                    if !s.is_empty() {
                        raw.stage = Some((s, span));
                    }
                }
                "co quan chu tri" => office = Some(text(&value)).filter(|s| !s.is_empty()),
                "loai" => header_at = Some(i),
                _ => {}
            }
            continue;
        }
        let kind = label;
        let key = text(&at(row, 1));
        if key.is_empty() {
            continue;
        }
        let entry = |value: RawValue| RawEntry {
            key: key.clone(),
            key_span: span.clone(),
            value,
            value_span: span.clone(),
        };
        let value = match at(row, 4) {
            Cell::Empty => RawValue::Text(String::new()),
            Cell::Text(t) => RawValue::Text(t.trim().to_string()),
            Cell::Number(n) => RawValue::Number(n),
            Cell::Bool(b) => RawValue::Bool(b),
            Cell::Date(d) => RawValue::Date(d),
            Cell::Error(_) => RawValue::Other("a spreadsheet error"),
        };
        match kind.as_str() {
            "dau vao" => raw.inputs.push(entry(value)),
            "diem" => raw.points.push(entry(value)),
            "tu cham" => raw.claimed.push(entry(value)),
            _ => continue,
        }
        let docs: Vec<String> = text(&at(row, 5))
            .split([';', '\n'])
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty())
            .collect();
        if !docs.is_empty() {
            raw.evidence.push((key.clone(), span.clone(), docs));
        }
        let reason = text(&at(row, 6));
        if !reason.is_empty() {
            raw.not_evaluated.push(entry(RawValue::Text(reason)));
        }
        let note = text(&at(row, 7));
        if !note.is_empty() {
            raw.notes.push(entry(RawValue::Text(note)));
        }
    }
    if header_at.is_none() {
        return Err(format!(
            "{name}: no line headed `Loại` — not a form written by `chiso template`"
        ));
    }
    let empty = drop_empty(&mut raw);
    Ok(Form {
        name: name.to_string(),
        office,
        raw,
        empty,
        rows: true,
    })
}

/// Two forms giving different values for one thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// "inputs", "points", "claimed", "unit", "year", "stage".
    pub table: &'static str,
    pub key: String,
    /// (form name, value as written) for each form that gave a value.
    pub values: Vec<(String, String)>,
}

/// Something the ruleset needs that no form gave.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub table: &'static str,
    pub key: String,
    pub owners: Vec<String>,
    pub criteria: Vec<String>,
}

/// A problem of one form (its spans are in that form).
#[derive(Debug, Clone)]
pub struct FormProblem {
    pub form: usize,
    pub diagnostic: Diagnostic,
}

/// The merged unit and everything found on the way.
#[derive(Debug, Clone)]
pub struct Merged {
    pub data: UnitData,
    pub conflicts: Vec<Conflict>,
    pub gaps: Vec<Gap>,
    pub problems: Vec<FormProblem>,
    /// (form, table, key, owners): a value given by an office that does not own it.
    pub foreign: Vec<(usize, &'static str, String, Vec<String>)>,
}

impl Merged {
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
                diagnostic: d,
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
    let mut data = UnitData::empty(ruleset, unit.unwrap_or_default());
    data.year = year.and_then(|y| y.parse().ok());
    data.stage = match stage.as_deref() {
        Some("appraised") => Stage::Appraised,
        _ => Stage::SelfAssessment,
    };
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
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        if data.values[slot].is_none()
            && input.default.is_none()
            && !users[slot].is_empty()
            && !conflicts
                .iter()
                .any(|c| c.table == "inputs" && c.key == input.name)
            && !users[slot].iter().all(|&n| excluded(ruleset, &data, n))
        {
            gaps.push(Gap {
                table: "inputs",
                key: input.name.clone(),
                owners: input_offices(ruleset, slot, &users),
                criteria: users[slot]
                    .iter()
                    .map(|&n| ruleset.nodes[n].id.clone())
                    .collect(),
            });
        }
    }
    for (index, node) in ruleset.nodes.iter().enumerate() {
        if matches!(node.rule, Some(Rule::Awarded))
            && scores(ruleset, index)
            && node.source == SourceKind::SelfAssessment
            && data.points[index].is_none()
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

/// Reads a plain value the way a form's `Giá trị` column is read for one input (used by
/// tests and tools that fill forms).
pub fn parse_input(ruleset: &Ruleset, slot: usize, text: &str) -> Result<Value, String> {
    typed_value(
        &RawValue::Text(text.to_string()),
        &ruleset.inputs[slot].ty,
        DecimalSeparator::Either,
    )
    .map_err(|(_, m)| m)
}
