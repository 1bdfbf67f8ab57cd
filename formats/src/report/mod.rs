//! Stage 4: results → text a person or a program reads. Pure functions from results to
//! strings; the CLI decides where they go.

pub mod batch;
pub mod html;
pub mod xlsx;

use chiso::diagnostic::{Diagnostic, LineIndex};
use chiso::eval::{MissingItem, NodeResult, Status, UnitOutcome, UnitResult};
use chiso::model::Ruleset;
use chiso::text::format_decimal;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Json,
    Csv,
    Markdown,
}

fn num(d: Option<Decimal>) -> Json {
    d.map_or(Json::Null, |d| Json::String(format_decimal(d)))
}

/// Renders the results of a batch in one format.
pub fn render(ruleset: &Ruleset, results: &[&UnitResult], format: Format) -> String {
    match format {
        Format::Table => results
            .iter()
            .map(|r| table(ruleset, r))
            .collect::<Vec<_>>()
            .join("\n"),
        Format::Json => {
            let units: Vec<Json> = results.iter().map(|r| unit_json(ruleset, r)).collect();
            let mut s = serde_json::to_string_pretty(&Json::Array(units)).expect("json");
            s.push('\n');
            s
        }
        Format::Csv => csv(ruleset, results),
        Format::Markdown => results
            .iter()
            .map(|r| markdown(ruleset, r))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// The stable JSON object of one unit (documented in docs/json.md).
pub fn unit_json(ruleset: &Ruleset, result: &UnitResult) -> Json {
    let nodes: Vec<Json> = ruleset
        .nodes
        .iter()
        .zip(&result.nodes)
        .map(|(node, r)| {
            json!({
                "id": node.id,
                "title": node.title,
                "level": node.level.as_str(),
                "max": format_decimal(r.max),
                "score": num(r.score),
                "status": r.status.as_str(),
                "reason": r.status.reason(),
                "lost": num(r.lost()),
                "owner": node.owner,
                "references": node.references,
            })
        })
        .collect();
    let missing: Vec<Json> = result
        .missing
        .iter()
        .map(|(item, needed_by)| {
            let ids: Vec<&str> = needed_by.iter().map(|&n| ruleset.nodes[n].id.as_str()).collect();
            match item {
                MissingItem::Input(slot) => {
                    let input = &ruleset.inputs[*slot];
                    json!({"kind": "input", "name": input.name, "owner": input.owner, "needed_by": ids})
                }
                MissingItem::Points(n) => {
                    let node = &ruleset.nodes[*n];
                    json!({"kind": "points", "name": node.id, "owner": node.owner, "needed_by": ids})
                }
            }
        })
        .collect();
    json!({
        "unit": result.unit,
        "ruleset": ruleset.meta.title,
        "stage": result.stage.as_str(),
        "achieved": format_decimal(result.achieved),
        "max": format_decimal(result.max),
        "percent": num(result.percent),
        "grade": result.grade,
        "complete": result.is_complete(),
        "missing": missing,
        "nodes": nodes,
    })
}

/// The maximum as a report shows it: blank ("—") when the node is not evaluated, as officials
/// blank it; JSON and CSV keep the number (0).
fn shown_max(r: &NodeResult) -> String {
    match r.status {
        Status::NotEvaluated(_) => "—".into(),
        _ => format_decimal(r.max),
    }
}

fn status_text(r: &NodeResult) -> String {
    r.status.label()
}

fn summary_line(result: &UnitResult) -> String {
    let percent = result
        .percent
        .map_or("—".to_string(), |p| format!("{}%", format_decimal(p)));
    let grade = result.grade.clone().unwrap_or_else(|| "—".into());
    format!(
        "Tổng điểm: {} / {}   Chỉ số: {}   Xếp loại: {}",
        format_decimal(result.achieved),
        format_decimal(result.max),
        percent,
        grade
    )
}

fn title_line(ruleset: &Ruleset, result: &UnitResult) -> String {
    let stage = match result.stage {
        chiso::data::Stage::SelfAssessment => "tự đánh giá",
        chiso::data::Stage::Appraised => "thẩm định",
    };
    format!("{} — {} ({stage})", result.unit, ruleset.meta.title)
}

/// Cuts text to a display width, with "…".
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return format!("{text}{}", " ".repeat(width - text.width()));
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    used += 1;
    format!("{out}{}", " ".repeat(width.saturating_sub(used)))
}

fn right(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// A plain-text table of one unit, the tree indented.
pub fn table(ruleset: &Ruleset, result: &UnitResult) -> String {
    let mut out = format!("{}\n", title_line(ruleset, result));
    let id_width = ruleset
        .nodes
        .iter()
        .map(|n| n.id.width() + 2 * depth(ruleset, n))
        .max()
        .unwrap_or(2)
        .max(3);
    let title_width = 56;
    out.push_str(&format!(
        "{}  {}  {}  {}  {}  Ghi chú\n",
        fit("Mã", id_width),
        fit("Tiêu chí", title_width),
        right("Tối đa", 7),
        right("Điểm", 7),
        right("Bị mất", 7)
    ));
    for (node, r) in ruleset.nodes.iter().zip(&result.nodes) {
        let indent = "  ".repeat(depth(ruleset, node));
        out.push_str(&format!(
            "{}  {}  {}  {}  {}  {}\n",
            fit(&format!("{indent}{}", node.id), id_width),
            fit(&format!("{indent}{}", node.title), title_width),
            right(&shown_max(r), 7),
            right(
                &r.score.map(format_decimal).unwrap_or_else(|| "—".into()),
                7
            ),
            right(&r.lost().map(format_decimal).unwrap_or_default(), 7),
            status_text(r)
        ));
    }
    out.push_str(&summary_line(result));
    out.push('\n');
    out
}

fn depth(ruleset: &Ruleset, node: &chiso::model::Node) -> usize {
    let mut d = 0;
    let mut current = node.parent;
    while let Some(p) = current {
        d += 1;
        current = ruleset.nodes[p].parent;
    }
    d
}

/// One row per unit and node, then the unit's total row (id empty, title "TỔNG").
pub fn csv(ruleset: &Ruleset, results: &[&UnitResult]) -> String {
    const HEADER: [&str; 11] = [
        "unit", "id", "title", "level", "max", "score", "status", "reason", "lost", "percent",
        "grade",
    ];
    let mut rows: Vec<[String; 11]> = Vec::new();
    for result in results {
        for (node, r) in ruleset.nodes.iter().zip(&result.nodes) {
            rows.push([
                result.unit.clone(),
                node.id.clone(),
                node.title.clone(),
                node.level.as_str().into(),
                format_decimal(r.max),
                r.score.map(format_decimal).unwrap_or_default(),
                r.status.as_str().into(),
                r.status.reason().unwrap_or_default().into(),
                r.lost().map(format_decimal).unwrap_or_default(),
                String::new(),
                String::new(),
            ]);
        }
        rows.push([
            result.unit.clone(),
            String::new(),
            "TỔNG".into(),
            "unit".into(),
            format_decimal(result.max),
            format_decimal(result.achieved),
            if result.is_complete() {
                "scored"
            } else {
                "incomplete"
            }
            .into(),
            String::new(),
            format_decimal(result.max - result.achieved),
            result.percent.map(format_decimal).unwrap_or_default(),
            result.grade.clone().unwrap_or_default(),
        ]);
    }
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    // Writing to memory with rows of one fixed width cannot fail.
    let _ = writer.write_record(HEADER);
    for row in &rows {
        let _ = writer.write_record(row);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|")
}

/// A Markdown section per unit, ready to paste into a report.
pub fn markdown(ruleset: &Ruleset, result: &UnitResult) -> String {
    let mut out = format!("## {}\n\n", md_escape(&title_line(ruleset, result)));
    out.push_str(
        "| Mã | Tiêu chí | Tối đa | Điểm | Bị mất | Ghi chú |\n|---|---|---:|---:|---:|---|\n",
    );
    for (node, r) in ruleset.nodes.iter().zip(&result.nodes) {
        let (open, close) = if node.is_leaf() {
            ("", "")
        } else {
            ("**", "**")
        };
        out.push_str(&format!(
            "| {open}{}{close} | {open}{}{close} | {} | {} | {} | {} |\n",
            node.id,
            md_escape(&node.title),
            shown_max(r),
            r.score.map(format_decimal).unwrap_or_else(|| "—".into()),
            r.lost().map(format_decimal).unwrap_or_default(),
            md_escape(&status_text(r))
        ));
    }
    out.push_str(&format!("\n{}\n", summary_line(result)));
    out
}

/// The to-do list of a unit whose data is incomplete, grouped by owner.
pub fn missing_list(ruleset: &Ruleset, outcome: &UnitOutcome) -> String {
    let mut by_owner: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (item, needed_by) in &outcome.result.missing {
        let ids: Vec<&str> = needed_by
            .iter()
            .map(|&n| ruleset.nodes[n].id.as_str())
            .collect();
        let (owner, line) = match item {
            MissingItem::Input(slot) => {
                let input = &ruleset.inputs[*slot];
                let desc = input
                    .description
                    .as_deref()
                    .map(|d| format!(" — {d}"))
                    .unwrap_or_default();
                (
                    input.owner.clone(),
                    format!("input `{}`{desc} (for {})", input.name, ids.join(", ")),
                )
            }
            MissingItem::Points(n) => {
                let node = &ruleset.nodes[*n];
                (
                    node.owner.clone(),
                    format!(
                        "points for {} “{}” (0–{})",
                        node.id,
                        node.title,
                        format_decimal(node.max)
                    ),
                )
            }
        };
        by_owner
            .entry(owner.unwrap_or_else(|| "(no owner)".into()))
            .or_default()
            .push(line);
    }
    let mut out = format!("{}: missing data\n", outcome.result.unit);
    for (owner, lines) in by_owner {
        out.push_str(&format!("  {owner}\n"));
        for line in lines {
            out.push_str(&format!("    - {line}\n"));
        }
    }
    out
}

/// Diagnostics as the stable JSON list of `chiso check --format json`.
pub fn diagnostics_json(file: &str, text: &str, diagnostics: &[Diagnostic]) -> Vec<Json> {
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            let (line, column) = index.line_col(text, d.span.start);
            let (end_line, end_column) = index.line_col(text, d.span.end);
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message,
                "file": file,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "help": d.help,
            })
        })
        .collect()
}
