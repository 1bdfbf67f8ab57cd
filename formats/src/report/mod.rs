//! Stage 4: results → text a person or a program reads. Pure functions from results to
//! strings; the CLI decides where they go.

pub mod adjustments;
pub mod advice;
pub mod batch;
pub mod blocks;
pub mod columns;
pub mod diff;
pub mod explain;
pub mod groups;
pub mod html;
pub mod merge;
pub mod rounds;
pub mod xlsx;
pub mod year;

use chiso::batch::{NotScored, Problem};
use chiso::diagnostic::Diagnostic;
use chiso::eval::{MissingItem, NodeResult, Status, UnitOutcome, UnitResult};
use chiso::model::Ruleset;
use chiso::position::LineIndex;
use chiso::text::format_decimal;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use std::io::{self, Write};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// The report formats: the one registry of writers. The CLI's `--format` lists these rows,
/// `-o FILE`'s extension is matched against them, and [`Format::write`] is the one way a
/// batch's results become bytes. A new format is a variant here, a row in [`FORMATS`] and an
/// arm in [`Format::write`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A plain-text table per unit, then the batch's ranking and comparisons (a terminal).
    Table,
    /// The same as Markdown sections.
    Markdown,
    /// One row per unit and node, then the unit's total row (for spreadsheets and tools).
    Csv,
    /// The stable JSON documented in docs/json.md.
    Json,
    /// One self-contained page: ranking, grades, heat map, lost points, charts.
    Html,
    /// A workbook: the ranking, grades, both stages, a sheet per unit.
    Xlsx,
}

/// One row of the registry: what a format is called and how it is stored.
#[derive(Debug, Clone, Copy)]
pub struct FormatInfo {
    /// The format.
    pub format: Format,
    /// Its name on the command line (`--format NAME`).
    pub name: &'static str,
    /// File extensions that mean this format (lowercase, without the dot), first preferred.
    pub extensions: &'static [&'static str],
    /// Whether the output is bytes that a terminal must not be sent.
    pub binary: bool,
    /// One line for `--help`.
    pub about: &'static str,
}

/// Every report format, in the order `--help` lists them.
pub const FORMATS: [FormatInfo; 6] = [
    FormatInfo {
        format: Format::Table,
        name: "table",
        extensions: &["txt"],
        binary: false,
        about: "a plain-text table per unit, then ranking, grades and comparisons",
    },
    FormatInfo {
        format: Format::Json,
        name: "json",
        extensions: &["json"],
        binary: false,
        about: "the stable JSON of docs/json.md",
    },
    FormatInfo {
        format: Format::Csv,
        name: "csv",
        extensions: &["csv"],
        binary: false,
        about: "one row per unit and criterion, then the unit's total row",
    },
    FormatInfo {
        format: Format::Markdown,
        name: "markdown",
        extensions: &["md", "markdown"],
        binary: false,
        about: "a Markdown section per unit, then ranking, grades and comparisons",
    },
    FormatInfo {
        format: Format::Xlsx,
        name: "xlsx",
        extensions: &["xlsx"],
        binary: true,
        about: "a workbook: the ranking, grades, both stages, a sheet per unit",
    },
    FormatInfo {
        format: Format::Html,
        name: "html",
        extensions: &["html", "htm"],
        binary: false,
        about: "one self-contained page: ranking, grades, heat map, lost points, charts",
    },
];

impl Format {
    /// This format's row of [`FORMATS`].
    pub fn info(self) -> &'static FormatInfo {
        FORMATS
            .iter()
            .find(|row| row.format == self)
            .expect("every format has a row")
    }

    /// Its name on the command line: `table`, `json`, `csv`, `markdown`, `xlsx`, `html`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// Whether its output is binary (never sent to a terminal).
    pub fn is_binary(self) -> bool {
        self.info().binary
    }

    /// The format a `--format` name means (ASCII case ignored).
    pub fn from_name(name: &str) -> Option<Format> {
        FORMATS
            .iter()
            .find(|row| row.name.eq_ignore_ascii_case(name.trim()))
            .map(|row| row.format)
    }

    /// The format a file name's extension means (`report.html` → HTML), if any.
    pub fn from_path(path: &str) -> Option<Format> {
        let extension = path.rsplit_once('.')?.1.to_ascii_lowercase();
        FORMATS
            .iter()
            .find(|row| row.extensions.contains(&extension.as_str()))
            .map(|row| row.format)
    }

    /// Writes a batch's report in this format.
    ///
    /// A batch of one unit with no stage comparison or targets is written as that unit's
    /// report alone (the table, Markdown or the JSON array of docs/json.md); otherwise the
    /// batch sections (ranking, grades, stages, lost points, targets) follow or, for JSON,
    /// wrap the units. CSV is always one row per unit and node.
    ///
    /// # Errors
    /// What `out` returns, and the workbook writer's own errors (as `io::Error`).
    pub fn write(self, report: &batch::BatchReport, out: &mut dyn Write) -> io::Result<()> {
        let b = report.batch;
        let several = b.units.len() + b.not_scored.len() > 1;
        let extras = several
            || !report.comparisons.is_empty()
            || !report.targets.is_empty()
            || report.previous.is_some();
        let unpacked: Vec<UnitResult> = b.units.iter().map(|u| u.result.unpack()).collect();
        let results: Vec<&UnitResult> = unpacked.iter().collect();
        let ruleset = report.ruleset;
        match self {
            Format::Xlsx => out.write_all(&xlsx::batch(report).map_err(io::Error::other)?),
            Format::Html => html::write(report, out),
            Format::Json => {
                let json = if extras {
                    batch::json(report)
                } else {
                    Json::Array(
                        results
                            .iter()
                            .map(|r| unit_json(ruleset, r))
                            .chain(b.not_scored.iter().map(|n| not_scored_json(ruleset, n)))
                            .collect(),
                    )
                };
                serde_json::to_writer_pretty(&mut *out, &json).map_err(io::Error::other)?;
                out.write_all(b"\n")
            }
            Format::Csv => out
                .write_all(columns::csv(report, csv(ruleset, &results, &b.not_scored)).as_bytes()),
            Format::Table | Format::Markdown => {
                let as_markdown = self == Format::Markdown;
                let units: Vec<String> = results
                    .iter()
                    .map(|r| {
                        if as_markdown {
                            markdown(ruleset, r)
                        } else {
                            table(ruleset, r)
                        }
                    })
                    .chain(
                        b.not_scored
                            .iter()
                            .map(|n| not_scored_text(ruleset, n, as_markdown)),
                    )
                    .collect();
                out.write_all(units.join("\n").as_bytes())?;
                if extras {
                    out.write_all(batch::text(report, as_markdown).as_bytes())?;
                }
                Ok(())
            }
        }
    }

    /// [`Format::write`] into memory.
    ///
    /// # Errors
    /// The workbook writer's errors, as text.
    pub fn to_bytes(self, report: &batch::BatchReport) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        self.write(report, &mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }
}

fn num(d: Option<Decimal>) -> Json {
    d.map_or(Json::Null, |d| Json::String(format_decimal(d)))
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
                    let owners = chiso::owners::input_owners(ruleset, *slot);
                    let owner = (!owners.is_empty()).then(|| owners.join("; "));
                    json!({"kind": "input", "name": input.name, "owner": owner, "needed_by": ids})
                }
                MissingItem::Points(n) => {
                    let node = &ruleset.nodes[*n];
                    json!({"kind": "points", "name": node.id, "owner": chiso::owners::node_owner(ruleset, *n), "needed_by": ids})
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
        "scored": true,
        "missing": missing,
        "nodes": nodes,
        "adjustments": adjustments::json(ruleset, result),
    })
}

/// One problem of a unit's data as JSON: `code`, `severity`, `message`, `place` (as text:
/// "tinh.csv, row 7, column D (x)"), `file`, `row`, `column` (the letter), `header`, `help`.
pub fn problem_json(problem: &Problem) -> Json {
    let (row, column, header) = match &problem.place {
        chiso::place::Place::Cell {
            row,
            column,
            header,
            ..
        } => (
            Some(*row),
            column.map(chiso::place::column_name),
            header.clone(),
        ),
        chiso::place::Place::Text { .. } => (None, None, None),
    };
    json!({
        "code": problem.diagnostic.code,
        "severity": problem.diagnostic.severity.as_str(),
        "message": problem.diagnostic.message.render(REPORT_LANG),
        "place": problem.place.render(REPORT_LANG),
        "file": problem.place.file_name(),
        "row": row,
        "column": column,
        "header": header,
        "help": problem.diagnostic.help.as_ref().map(|h| h.render(REPORT_LANG)),
    })
}

/// The language of the reports' texts: their headings are Vietnamese, and so are the problems
/// they list (a unit not scored), whatever `--lang` says for the command's own messages.
pub const REPORT_LANG: chiso::Lang = chiso::Lang::Vi;

/// The JSON object of a unit whose data could not be scored (documented in docs/json.md):
/// the fields of [`unit_json`] with no figures (`achieved`, `max`, `percent`, `grade` null,
/// `nodes` empty), `complete: false`, `scored: false`, and `problems`.
pub fn not_scored_json(ruleset: &Ruleset, unit: &NotScored) -> Json {
    json!({
        "unit": unit.unit,
        "ruleset": ruleset.meta.title,
        "stage": Json::Null,
        "achieved": Json::Null,
        "max": Json::Null,
        "percent": Json::Null,
        "grade": Json::Null,
        "complete": false,
        "scored": false,
        "missing": [],
        "nodes": [],
        "adjustments": Json::Null,
        "origin": unit.origin.to_string(),
        "rank": Json::Null,
        "problems": unit.problems.iter().map(problem_json).collect::<Vec<_>>(),
    })
}

/// The problems of a unit not scored, one line each: "error[D003] tinh.csv, row 3, column B
/// (x): message".
pub fn problem_lines(unit: &NotScored) -> Vec<String> {
    unit.problems
        .iter()
        .map(|p| {
            format!(
                "{}[{}] {}: {}",
                p.diagnostic.severity.label(REPORT_LANG),
                p.diagnostic.code,
                p.place.render(REPORT_LANG),
                p.diagnostic.message.render(REPORT_LANG)
            )
        })
        .collect()
}

/// The section of a unit whose data could not be scored, as text or Markdown: its name and
/// place, "KHÔNG CHẤM ĐƯỢC" and every problem with its place.
pub fn not_scored_text(ruleset: &Ruleset, unit: &NotScored, as_markdown: bool) -> String {
    let title = format!(
        "{} — {} (không chấm được: số liệu có lỗi)",
        unit.label(),
        ruleset.meta.title
    );
    let mut out = if as_markdown {
        format!(
            "## {}

",
            md_escape(&title)
        )
    } else {
        format!(
            "{title}
"
        )
    };
    out.push_str(&format!(
        "Nguồn: {}
",
        unit.origin
    ));
    if as_markdown {
        out.push('\n');
    }
    for line in problem_lines(unit) {
        if as_markdown {
            out.push_str(&format!(
                "- {}
",
                md_escape(&line)
            ));
        } else {
            out.push_str(&format!(
                "  {line}
"
            ));
        }
    }
    out.push_str(&format!(
        "{}Tổng điểm: —   Chỉ số: —   Xếp loại: — (không chấm được)
",
        if as_markdown { "\n" } else { "" }
    ));
    out
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

/// "Tổng điểm: 81.45 / 95 …"; an incomplete unit shows the points it has so far, marked,
/// never a total as if it were final.
fn summary_line(ruleset: &Ruleset, result: &UnitResult) -> String {
    let percent = result
        .percent
        .map_or("—".to_string(), |p| format!("{}%", format_decimal(p)));
    let grade = result.grade.clone().unwrap_or_else(|| "—".into());
    let incomplete = if result.is_complete() {
        ""
    } else {
        " (chưa đủ số liệu: điểm đã chấm được)"
    };
    format!(
        "Tổng điểm: {}{incomplete} / {}   Chỉ số: {}   Xếp loại: {}",
        // The precision the ruleset says reports print (`display 3 places`), if any.
        ruleset.format_points(result.total(), chiso::text::NumberStyle::Machine),
        format_decimal(result.max),
        percent,
        grade
    )
}

fn title_line(ruleset: &Ruleset, result: &UnitResult) -> String {
    let stage = result.stage.name(ruleset);
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
    for line in adjustments::text_lines(ruleset, result) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&summary_line(ruleset, result));
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

/// One row per unit and node, then the unit's total row (id empty, title "TỔNG"). An
/// incomplete unit's total row has status `incomplete` and the points it has so far (no
/// lost points, percent or grade); a unit whose data could not be scored is one total row
/// with status `not_scored`, empty figures and its problems in `reason`.
pub fn csv(ruleset: &Ruleset, results: &[&UnitResult], not_scored: &[NotScored]) -> String {
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
        for line in adjustments::lines(ruleset, result) {
            // A bonus or penalty item: `level` says which, `score` is signed.
            rows.push([
                result.unit.clone(),
                line.id,
                line.title,
                line.kind.as_str().into(),
                line.cap,
                line.value.map(format_decimal).unwrap_or_default(),
                line.status_word.into(),
                line.status,
                String::new(),
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
            format_decimal(result.total()),
            if result.is_complete() {
                "scored"
            } else {
                "incomplete"
            }
            .into(),
            String::new(),
            if result.is_complete() {
                format_decimal(result.max - result.achieved)
            } else {
                String::new()
            },
            result.percent.map(format_decimal).unwrap_or_default(),
            result.grade.clone().unwrap_or_default(),
        ]);
    }
    for unit in not_scored {
        rows.push([
            unit.label(),
            String::new(),
            "TỔNG".into(),
            "unit".into(),
            String::new(),
            String::new(),
            "not_scored".into(),
            problem_lines(unit).join("; "),
            String::new(),
            String::new(),
            String::new(),
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
    let extra = adjustments::text_lines(ruleset, result);
    if !extra.is_empty() {
        out.push('\n');
        for line in extra {
            out.push_str(&format!("- {}\n", md_escape(&line)));
        }
    }
    out.push_str(&format!("\n{}\n", summary_line(ruleset, result)));
    out
}

/// The to-do list of a unit whose data is incomplete, grouped by owner.
/// (In `lang`: the to-do list is a message of the command, not a report.)
pub fn missing_list(ruleset: &Ruleset, outcome: &UnitOutcome, lang: chiso::Lang) -> String {
    let mut by_owner: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for (item, needed_by) in &outcome.result.missing {
        let ids: Vec<&str> = needed_by
            .iter()
            .map(|&n| ruleset.nodes[n].id.as_str())
            .collect();
        let (owner, line) = match item {
            MissingItem::Input(slot) => {
                let input = &ruleset.inputs[*slot];
                let owners = chiso::owners::input_owners(ruleset, *slot);
                let line = match input.description.as_deref() {
                    Some(d) => chiso::msg!(
                        "missing-input-described",
                        name = input.name.as_str(),
                        description = d,
                        ids = ids.join(", ")
                    ),
                    None => chiso::msg!(
                        "missing-input",
                        name = input.name.as_str(),
                        ids = ids.join(", ")
                    ),
                };
                (
                    (!owners.is_empty()).then(|| owners.join("; ")),
                    line.render(lang),
                )
            }
            MissingItem::Points(n) => {
                let node = &ruleset.nodes[*n];
                (
                    chiso::owners::node_owner(ruleset, *n).map(str::to_string),
                    chiso::msg!(
                        "missing-points",
                        id = node.id.as_str(),
                        title = node.title.as_str(),
                        max = node.max
                    )
                    .render(lang),
                )
            }
        };
        by_owner
            .entry(owner.unwrap_or_else(|| chiso::msg!("missing-no-owner").render(lang)))
            .or_default()
            .push(line);
    }
    let mut out = format!(
        "{}: {}\n",
        outcome.result.unit,
        chiso::msg!("explain-missing").render(lang)
    );
    for (owner, lines) in by_owner {
        out.push_str(&format!("  {owner}\n"));
        for line in lines {
            out.push_str(&format!("    - {line}\n"));
        }
    }
    out
}

/// Diagnostics as the stable JSON list of `chiso check --format json`.
/// A JSON value as pretty text with a final newline (for `check --format json`).
pub fn json_text(value: &[Json]) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

/// Messages and help are written in `lang`; codes and severities are the stable words.
pub fn diagnostics_json(
    file: &str,
    text: &str,
    diagnostics: &[Diagnostic],
    lang: chiso::Lang,
) -> Vec<Json> {
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| {
            // 1-based, columns in characters, a `\r` never counted.
            let (line, column) = index.line_col(text, d.span.start);
            let (end_line, end_column) = index.line_col(text, d.span.end);
            json!({
                "code": d.code,
                "severity": d.severity.as_str(),
                "message": d.message.render(lang),
                "file": file,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "help": d.help.as_ref().map(|h| h.render(lang)),
            })
        })
        .collect()
}
