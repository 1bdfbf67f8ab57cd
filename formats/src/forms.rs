//! Office forms (seed 001): one office's data-entry form written as TOML or `.xlsx`
//! ([`template_toml`], [`template_xlsx`]) and filled forms read back ([`read_form_toml`],
//! [`read_form_xlsx`]) for [`chiso::worklist::merge`].

use crate::grid::{Cell, Grid};
use chiso::data::{RawEntry, RawUnit, RawValue, Stage};
use chiso::diagnostic::{Diagnostic, Span};
use chiso::model::Ruleset;
use chiso::text::fold;
use chiso::worklist::{Form, FormSource, Item, ItemKind, Worklist};

/// What a form is filled in for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormHeader {
    pub unit: Option<String>,
    pub year: Option<u32>,
    pub stage: Stage,
    /// The unit's group (nhóm), one the ruleset declares; a form of a ruleset with groups
    /// always has the line, left empty when this is `None`.
    pub group: Option<String>,
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
    out.push_str(&format!(
        "stage = {}\n",
        toml_string(header.stage.name(ruleset))
    ));
    if !ruleset.meta.groups.is_empty() {
        out.push_str(&format!("{}\n", group_guidance(ruleset)));
        out.push_str(&format!(
            "group = {}\n",
            toml_string(header.group.as_deref().unwrap_or(""))
        ));
    }
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
    let criteria = list
        .items
        .iter()
        .any(|i| !matches!(i.kind, ItemKind::Input(_)));
    // Evidence and notes for every line: a criterion's, or the figure of an input.
    if !list.items.is_empty() {
        out.push_str("\n[evidence]\n# Tài liệu kiểm chứng đã có, theo tiêu chí hoặc số liệu đầu vào: \"1.1\" = [\"Kế hoạch số …\"]\n");
        for item in &list.items {
            out.push_str(&format!("{} = []\n", toml_string(&item.key)));
        }
        if criteria {
            out.push_str("\n[not_evaluated]\n# Tiêu chí không đánh giá trong năm, với lý do: \"2.1\" = \"Không được giao nhiệm vụ\"\n");
        }
        out.push_str(
            "\n[notes]\n# Giải trình theo tiêu chí hoặc số liệu đầu vào: \"1.1\" = \"…\"\n",
        );
    }
    out
}

/// "# Nhóm: một trong “Khối sở”, “Khối huyện”": the line above a form's group.
fn group_guidance(ruleset: &Ruleset) -> String {
    format!(
        "# Nhóm: một trong {}",
        chiso::data::declared_groups(ruleset)
    )
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
    let mut meta_rows: Vec<(&str, String)> = vec![
        ("Đơn vị", header.unit.clone().unwrap_or_default()),
        (
            "Năm",
            header
                .year
                .or(ruleset.meta.year)
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        ("Giai đoạn", header.stage.name(ruleset).to_string()),
    ];
    if !ruleset.meta.groups.is_empty() {
        meta_rows.push(("Nhóm", header.group.clone().unwrap_or_default()));
    }
    meta_rows.push(("Cơ quan chủ trì", list.office.clone()));
    meta_rows.push(("Hạn gửi", header.deadline.clone().unwrap_or_default()));
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
    // A blank row between the header lines and the table.
    let header_row = 3 + meta_rows.len() as u32;
    if !ruleset.meta.groups.is_empty() {
        e(sheet.write_string(
            2 + meta_rows.len() as u32,
            0,
            group_guidance(ruleset).trim_start_matches("# "),
        ))?;
    }
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

/// Reads a filled TOML form (a unit file; `""` values are left empty).
pub fn read_form_toml(name: &str, text: &str) -> Result<Form, Box<Diagnostic>> {
    let mut raw = crate::unit_file::read_raw(text, crate::unit_file::DataFormat::from_path(name))?;
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
        source: FormSource::Text,
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
    if raw.group.as_ref().is_some_and(|(g, _)| g.trim().is_empty()) {
        raw.group = None;
    }
    empty
}

/// What a formula cell saved without its value is, for the error.
const UNSAVED: &str = "raw-unsaved-formula-form";

/// Reads a filled `.xlsx` form written by [`template_xlsx`] (the first visible sheet).
/// Errors (naming the file): not a workbook, a damaged one, not a form.
pub fn read_form_xlsx(name: &str, bytes: &[u8]) -> Result<Form, chiso::Message> {
    let grid = crate::grid::workbook_grid(bytes, None)
        .map_err(|e| chiso::msg!("in-file", file = name, message = e.to_message()))?;
    read_form_grid(name, &grid)
}

fn read_form_grid(name: &str, grid: &Grid) -> Result<Form, chiso::Message> {
    let mut raw = RawUnit::default();
    let mut office = None;
    let at = |row: &[Cell], c: usize| row.get(c).cloned().unwrap_or(Cell::Empty);
    let text = Cell::text;
    let mut header_at = None;
    // The spans of the raw unit index `lines`: the spreadsheet row of each line read.
    let mut lines = Vec::new();
    for (i, row) in grid.rows().enumerate() {
        let row = row.as_slice();
        let span: Span = lines.len()..lines.len() + 1;
        lines.push(grid.row_number(i));
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
                "nhom" | "khoi" => {
                    let g = text(&value);
                    if !g.is_empty() {
                        raw.group = Some((g, span));
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
            Cell::Error(_) => RawValue::Other("raw-spreadsheet-error"),
            Cell::Unsaved(_) => RawValue::Other(UNSAVED),
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
        return Err(chiso::msg!(
            "in-file",
            file = name,
            message = chiso::msg!("form-not-a-form")
        ));
    }
    let empty = drop_empty(&mut raw);
    Ok(Form {
        name: name.to_string(),
        office,
        raw,
        empty,
        source: FormSource::Rows {
            sheet: grid.name.clone(),
            lines,
        },
    })
}
