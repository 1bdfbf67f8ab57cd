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

use chiso::batch::{Batch, PackedResult};
use chiso::batch::{NotScored, Problem};
use chiso::diagnostic::Diagnostic;
use chiso::eval::{MissingItem, NodeResult, Status, UnitOutcome};
use chiso::model::Ruleset;
use chiso::position::LineIndex;
use chiso::text::{format_number, format_percent, push_number, NumberStyle, NumberText};
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
    /// The same rows for Excel in a Vietnamese locale: `;` between cells, decimal commas, and
    /// a byte-order mark so Excel reads the file as UTF-8.
    CsvVi,
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
pub const FORMATS: [FormatInfo; 7] = [
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
        format: Format::CsvVi,
        name: "csv-vi",
        // `-o x.csv` means `csv`; this variant is asked for by name.
        extensions: &["csv"],
        binary: false,
        about: "the same CSV for Excel in a Vietnamese locale: `;` between cells, decimal commas",
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

    /// Writes a batch's report in this format, unit by unit from the batch's packed results:
    /// no format holds the whole report in memory (the workbook excepted, which its library
    /// builds whole), so memory grows with the batch, not with the report.
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
        let ruleset = report.ruleset;
        let lang = report.lang;
        match self {
            Format::Xlsx => out.write_all(&xlsx::batch(report).map_err(io::Error::other)?),
            Format::Html => html::write(report, out),
            // A unit's `group` is a field of its object (docs/json.md), even alone.
            Format::Json if extras || !report.groups.is_empty() => batch::write_json(report, out),
            Format::Json => write_json_array(
                out,
                ruleset,
                b.units
                    .iter()
                    .map(|u| {
                        Either::Unit(UnitJson {
                            ruleset,
                            result: &u.result,
                            extra: None,
                        })
                    })
                    .chain(
                        b.not_scored
                            .iter()
                            .map(|n| Either::Value(not_scored_json(ruleset, n, lang))),
                    ),
            ),
            // Groups, appraisal rounds and last year add columns (`columns::CsvColumns`),
            // written as each row streams.
            Format::Csv => write_csv_with(
                ruleset,
                b,
                NumberStyle::Machine,
                lang,
                columns::CsvColumns::new(report).as_ref(),
                out,
            ),
            Format::CsvVi => {
                out.write_all("\u{feff}".as_bytes())?;
                // The same added columns as `csv` (stage, group, last year).
                write_csv_with(
                    ruleset,
                    b,
                    NumberStyle::Vietnamese,
                    lang,
                    columns::CsvColumns::new_in(report, NumberStyle::Vietnamese).as_ref(),
                    out,
                )
            }
            Format::Table | Format::Markdown => {
                let as_markdown = self == Format::Markdown;
                let layout = Layout::new(ruleset, lang);
                let mut section = String::new();
                let mut first = true;
                for unit in &b.units {
                    section.clear();
                    if !first {
                        section.push('\n');
                    }
                    first = false;
                    if as_markdown {
                        layout.markdown(&mut section, &unit.result);
                    } else {
                        layout.table(&mut section, &unit.result);
                    }
                    out.write_all(section.as_bytes())?;
                }
                for n in &b.not_scored {
                    if !first {
                        out.write_all(b"\n")?;
                    }
                    first = false;
                    out.write_all(not_scored_text(ruleset, n, as_markdown, lang).as_bytes())?;
                }
                if extras {
                    batch::write_text(report, as_markdown, out)?;
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

/// The stable JSON object of one unit (documented in docs/json.md), as a value.
pub fn unit_json(ruleset: &Ruleset, result: &PackedResult) -> Json {
    let mut text = Vec::new();
    let unit = UnitJson {
        ruleset,
        result,
        extra: None,
    };
    let written = write_unit_json(&mut text, &unit, &NodeTexts::new(ruleset));
    written
        .ok()
        .and_then(|()| serde_json::from_slice(&text).ok())
        .unwrap_or(Json::Null)
}

/// One unit's JSON object (docs/json.md), written straight from its packed result, without
/// building a `serde_json::Value` tree (a province's JSON runs to hundreds of megabytes): the
/// unit's keys, then the batch's when `extra` is given.
pub(crate) struct UnitJson<'a> {
    pub ruleset: &'a Ruleset,
    pub result: &'a PackedResult,
    pub extra: Option<batch::UnitExtra<'a>>,
}

/// The depth of a unit's object in the JSON report (an element of the top-level array).
const UNIT_DEPTH: usize = 1;

/// What each node's object in a unit's JSON repeats for every unit, written once per report
/// (as the CSV writer's row prefixes): the pretty-printed text before its `max` value (its
/// `id`, `title`, `level`) and after its `lost` value (`owner`, `references`, the brace).
/// A province's JSON repeats these 1.6 million times; escaping and indenting them each time
/// was most of the report's time.
pub(crate) struct NodeTexts {
    /// Per node: `{` … `"max": `.
    heads: Vec<Vec<u8>>,
    /// Per node: `,` … `"references": […]` and the closing brace.
    tails: Vec<Vec<u8>>,
}

impl NodeTexts {
    pub(crate) fn new(ruleset: &Ruleset) -> Self {
        // A node's object is an element of the unit's `nodes` array: its keys two levels
        // below the unit's.
        let keys = UNIT_DEPTH + 3;
        let mut heads = Vec::with_capacity(ruleset.nodes.len());
        let mut tails = Vec::with_capacity(ruleset.nodes.len());
        for node in &ruleset.nodes {
            let mut head = b"{".to_vec();
            let mut object = JsonObject::resume(&mut head, keys, true);
            // Writing into memory cannot fail.
            let _ = object.entry("id", &node.id);
            let _ = object.entry("title", &node.title);
            let _ = object.entry("level", node.level.as_str());
            let _ = object.key("max");
            let mut tail = Vec::new();
            let mut object = JsonObject::resume(&mut tail, keys, false);
            let _ = object.entry("owner", &node.owner);
            let _ = object.entry("references", &node.references);
            let _ = object.end();
            heads.push(head);
            tails.push(tail);
        }
        NodeTexts { heads, tails }
    }
}

/// Writes one unit's JSON object (at [`UNIT_DEPTH`]) into `w`, its nodes from `texts`.
fn write_unit_json<W: Write>(w: &mut W, unit: &UnitJson, texts: &NodeTexts) -> io::Result<()> {
    let (ruleset, result) = (unit.ruleset, unit.result);
    w.write_all(b"{")?;
    let mut map = JsonObject::resume(w, UNIT_DEPTH + 1, true);
    map.entry("unit", &result.unit)?;
    map.entry("ruleset", &ruleset.meta.title)?;
    map.entry("stage", result.stage.as_str())?;
    map.entry("achieved", &JsonNumber(result.achieved))?;
    map.entry("max", &JsonNumber(result.max))?;
    map.entry("percent", &result.percent.map(JsonNumber))?;
    map.entry("grade", &result.grade)?;
    map.entry("complete", &result.is_complete())?;
    map.entry("scored", &true)?;
    map.entry("missing", &missing_json(ruleset, &result.missing))?;
    map.key("nodes")?;
    write_nodes_json(map.w, ruleset, result, texts)?;
    let adjustments = match result.adjustments {
        None => Json::Null,
        Some(_) => adjustments::json(ruleset, &result.unpack()),
    };
    map.entry("adjustments", &adjustments)?;
    if let Some(extra) = &unit.extra {
        extra.serialize_entries(&mut map).map_err(io::Error::from)?;
    }
    map.end()
}

/// The `nodes` array of a unit's JSON: per node its texts and its figures.
fn write_nodes_json<W: Write>(
    w: &mut W,
    ruleset: &Ruleset,
    result: &PackedResult,
    texts: &NodeTexts,
) -> io::Result<()> {
    if ruleset.nodes.is_empty() {
        return w.write_all(b"[]");
    }
    // The node objects' own indentation and their keys'.
    let element = b"\n      ";
    let key = b",\n        ";
    debug_assert_eq!(element.len() - 1, 2 * (UNIT_DEPTH + 2));
    debug_assert_eq!(key.len() - 2, 2 * (UNIT_DEPTH + 3));
    let number = |w: &mut W, value: Option<Decimal>| match value {
        Some(v) => {
            w.write_all(b"\"")?;
            w.write_all(NumberText::new(v, NumberStyle::Machine).as_str().as_bytes())?;
            w.write_all(b"\"")
        }
        None => w.write_all(b"null"),
    };
    w.write_all(b"[")?;
    for (i, (head, tail)) in texts.heads.iter().zip(&texts.tails).enumerate() {
        let r = result.node(i);
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(element)?;
        w.write_all(head)?;
        number(w, Some(r.max))?;
        w.write_all(key)?;
        w.write_all(b"\"score\": ")?;
        number(w, r.score)?;
        w.write_all(key)?;
        w.write_all(b"\"status\": \"")?;
        w.write_all(r.status.as_str().as_bytes())?;
        w.write_all(b"\"")?;
        w.write_all(key)?;
        w.write_all(b"\"reason\": ")?;
        match r.status.reason() {
            Some(reason) => serde_json::to_writer(&mut *w, reason).map_err(io::Error::from)?,
            None => w.write_all(b"null")?,
        }
        w.write_all(key)?;
        w.write_all(b"\"lost\": ")?;
        number(w, r.lost())?;
        w.write_all(tail)?;
    }
    // The array closes at the indentation of the unit's keys.
    w.write_all(b"\n    ]")
}

/// A pretty-printed JSON object being written: its keys at `depth`, each value pretty-printed
/// below them as serde_json's `PrettyFormatter` would place it (byte for byte: the batch
/// adds its keys through [`serde::ser::SerializeMap`]).
pub(crate) struct JsonObject<'w, W: Write> {
    w: &'w mut W,
    depth: usize,
    first: bool,
}

impl<'w, W: Write> JsonObject<'w, W> {
    /// Continues an object whose `{` is written (`first`: no key yet).
    fn resume(w: &'w mut W, depth: usize, first: bool) -> Self {
        JsonObject { w, depth, first }
    }

    /// Writes a key and the `: ` before its value.
    fn key(&mut self, key: &str) -> io::Result<()> {
        self.w.write_all(if self.first { b"\n" } else { b",\n" })?;
        self.first = false;
        Pretty {
            current_indent: self.depth,
            has_value: false,
        }
        .indent(self.w)?;
        serde_json::to_writer(&mut *self.w, key).map_err(io::Error::from)?;
        self.w.write_all(b": ")
    }

    /// Writes a key and its value.
    fn entry<T: serde::Serialize + ?Sized>(&mut self, key: &str, value: &T) -> io::Result<()> {
        self.key(key)?;
        write_pretty(self.w, value, self.depth)
    }

    /// Closes the object.
    fn end(self) -> io::Result<()> {
        if !self.first {
            self.w.write_all(b"\n")?;
            Pretty {
                current_indent: self.depth - 1,
                has_value: false,
            }
            .indent(self.w)?;
        }
        self.w.write_all(b"}")
    }
}

impl<W: Write> serde::ser::SerializeMap for JsonObject<'_, W> {
    type Ok = ();
    type Error = serde_json::Error;

    fn serialize_key<T: serde::Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Self::Error> {
        // Keys are strings: their JSON text is the key.
        let key = serde_json::to_string(key)?;
        let key: String = serde_json::from_str(&key)?;
        self.key(&key).map_err(serde_json::Error::io)
    }

    fn serialize_value<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Self::Error> {
        write_pretty(self.w, value, self.depth).map_err(serde_json::Error::io)
    }

    fn end(self) -> Result<(), Self::Error> {
        Ok(())
    }
}

/// `value` pretty-printed as the value of a key at `depth`.
fn write_pretty<W: Write, T: serde::Serialize + ?Sized>(
    w: &mut W,
    value: &T,
    depth: usize,
) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(
        w,
        Pretty {
            current_indent: depth,
            has_value: false,
        },
    );
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// A unit's to-do list as JSON: what is missing, who owns it, which criteria need it.
fn missing_json(ruleset: &Ruleset, missing: &[(MissingItem, Vec<usize>)]) -> Vec<Json> {
    missing
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
        .collect()
}

/// One problem of a unit's data as JSON: `code`, `severity`, `message`, `place` (as text:
/// "tinh.csv, row 7, column D (x)"), `file`, `row`, `column` (the letter), `header`, `help`.
/// The message, place and help are written in `lang`; the code and severity are the stable
/// words.
pub fn problem_json(problem: &Problem, lang: chiso::Lang) -> Json {
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
        "message": problem.diagnostic.message.render(lang),
        "place": problem.place.render(lang),
        "file": problem.place.file_name(),
        "row": row,
        "column": column,
        "header": header,
        "help": problem.diagnostic.help.as_ref().map(|h| h.render(lang)),
    })
}

/// The labels of aligned "label: value" lines (`explain`, `advise`): each label id rendered
/// in `lang` with a colon, padded with spaces to the longest label plus two, whatever the
/// language's words.
pub(crate) fn padded_labels(
    ids: &[&'static str],
    lang: chiso::Lang,
) -> impl Fn(&'static str) -> String {
    let t = move |id: &'static str| chiso::message::Message::new(id).render(lang);
    let width = ids
        .iter()
        .map(|id| t(id).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    move |id| {
        let mut text = t(id);
        text.push(':');
        let pad = width.saturating_sub(text.chars().count());
        text.extend(std::iter::repeat_n(' ', pad));
        text
    }
}

/// The JSON object of a unit whose data could not be scored (documented in docs/json.md):
/// the fields of [`unit_json`] with no figures (`achieved`, `max`, `percent`, `grade` null,
/// `nodes` empty), `complete: false`, `scored: false`, and `problems` (their texts in `lang`).
pub fn not_scored_json(ruleset: &Ruleset, unit: &NotScored, lang: chiso::Lang) -> Json {
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
        "problems": unit.problems.iter().map(|p| problem_json(p, lang)).collect::<Vec<_>>(),
    })
}

/// The problems of a unit not scored, one line each: "error[D003] tinh.csv, row 3, column B
/// (x): message", in `lang`.
pub fn problem_lines(unit: &NotScored, lang: chiso::Lang) -> Vec<String> {
    unit.problems
        .iter()
        .map(|p| {
            format!(
                "{}[{}] {}: {}",
                p.diagnostic.severity.label(lang),
                p.diagnostic.code,
                p.place.render(lang),
                p.diagnostic.message.render(lang)
            )
        })
        .collect()
}

/// The section of a unit whose data could not be scored, as text or Markdown: its name and
/// place, "không chấm được" and every problem with its place, in `lang`.
pub fn not_scored_text(
    ruleset: &Ruleset,
    unit: &NotScored,
    as_markdown: bool,
    lang: chiso::Lang,
) -> String {
    let title = chiso::msg!(
        "report-not-scored-title",
        unit = unit.label(),
        ruleset = ruleset.meta.title.as_str()
    )
    .render(lang);
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
        "{}: {}
",
        chiso::msg!("report-source").render(lang),
        unit.origin.place().render(lang)
    ));
    if as_markdown {
        out.push('\n');
    }
    for line in problem_lines(unit, lang) {
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
    let words = SummaryWords::new(lang);
    out.push_str(&format!(
        "{}{}: —   {}: —   {}: — ({})
",
        if as_markdown { "\n" } else { "" },
        words.total,
        words.index,
        words.grade,
        chiso::msg!("report-not-scored").render(lang)
    ));
    out
}

/// How a report writes numbers for a reader of `lang`: a decimal comma in Vietnamese, a
/// decimal point in English (`chiso::message::number_style`).
pub(crate) fn style_of(lang: chiso::Lang) -> NumberStyle {
    chiso::message::number_style(lang)
}

/// A number in a report a person reads, in the reader's style (`12,5` / `12.5`).
pub(crate) fn num(d: Decimal, style: NumberStyle) -> String {
    format_number(d, style)
}

/// The maximum as a report shows it: blank ("—") when the node is not evaluated, as officials
/// blank it; JSON and CSV keep the number (0). Appended to `out`, in `style`.
fn push_shown_max(out: &mut String, r: &NodeResult, style: NumberStyle) {
    match r.status {
        Status::NotEvaluated(_) => out.push('—'),
        _ => push_number(out, r.max, style),
    }
}

/// The words of a unit's summary line, rendered once per report.
struct SummaryWords {
    total: String,
    index: String,
    grade: String,
    incomplete: String,
    /// The reader's language (for the rarer labels, rendered when needed).
    lang: chiso::Lang,
}

impl SummaryWords {
    fn new(lang: chiso::Lang) -> Self {
        SummaryWords {
            lang,
            total: chiso::msg!("report-total-points").render(lang),
            index: chiso::msg!("report-index").render(lang),
            grade: chiso::msg!("report-grade").render(lang),
            incomplete: chiso::msg!("report-incomplete-so-far").render(lang),
        }
    }
}

/// "Tổng điểm: 81,45 / 95 …"; an incomplete unit shows the points it has so far, marked,
/// never a total as if it were final.
fn summary_line(
    ruleset: &Ruleset,
    result: &PackedResult,
    words: &SummaryWords,
    style: NumberStyle,
) -> String {
    let percent = result
        .percent
        .map_or("—".to_string(), |p| format_percent(p, style));
    let grade = result.grade.as_deref().unwrap_or("—");
    let incomplete = if result.is_complete() {
        String::new()
    } else if result.has_failed() {
        // Says whether its data is wrong, not only missing.
        incomplete_note(result, words.lang)
    } else {
        format!(" ({})", words.incomplete)
    };
    format!(
        "{}: {}{incomplete} / {}   {}: {}   {}: {}",
        words.total,
        // The precision the ruleset says reports print (`display 3 places`), if any.
        ruleset.format_points(result.total(), style),
        num(result.max, style),
        words.index,
        percent,
        words.grade,
        grade
    )
}

/// " (chưa đủ số liệu: điểm đã chấm được)" after an incomplete unit's points, saying whether
/// its data is missing or wrong ([`batch::unranked_label`]), in `lang`; empty for a complete
/// unit.
pub(crate) fn incomplete_note(result: &PackedResult, lang: chiso::Lang) -> String {
    if result.is_complete() {
        String::new()
    } else {
        let label = batch::unranked_label(result, lang);
        format!(
            " ({})",
            chiso::msg!("report-fixes-incomplete-so-far", label = label).render(lang)
        )
    }
}

/// "UBND huyện A — Bộ chỉ số 2023 (thẩm định)": `stages` holds each stage's name in the
/// reader's language, indexed by [`chiso::data::Stage::index`].
fn title_line(ruleset: &Ruleset, result: &PackedResult, stages: &[String]) -> String {
    let stage = stages.get(result.stage.index()).map_or("", String::as_str);
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
    let mut out = String::new();
    push_right(&mut out, text, width);
    out
}

/// `text` right-aligned to a display width, appended to `out`.
fn push_right(out: &mut String, text: &str, width: usize) {
    out.extend(std::iter::repeat_n(
        ' ',
        width.saturating_sub(text_width(text)),
    ));
    out.push_str(text);
}

/// The display width of text; numbers (ASCII) without the Unicode tables.
pub(crate) fn text_width(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.width()
    }
}

/// A unit's bonus and penalty lines for the text and Markdown reports (none for most units:
/// only a unit with adjustments is unpacked for them).
fn adjustment_lines(ruleset: &Ruleset, result: &PackedResult, lang: chiso::Lang) -> Vec<String> {
    if result.adjustments.is_none() {
        return Vec::new();
    }
    adjustments::text_lines(ruleset, &result.unpack(), lang)
}

/// What every unit's table shares, computed once per report: each node's id and title as
/// the text table writes them (indented by depth and cut to their columns) and as the
/// Markdown table does (escaped, parents in bold), and the header.
struct Layout<'a> {
    ruleset: &'a Ruleset,
    /// Per node: "{id}  {title}  " of the text table, fitted.
    cells: Vec<String>,
    /// Per node: "| {id} | {title} | " of the Markdown table.
    markdown_cells: Vec<String>,
    header: String,
    /// The Markdown table's header and alignment rows.
    markdown_header: String,
    words: SummaryWords,
    /// Each stage's name in the reader's language (by stage index), rendered once.
    stages: Vec<String>,
    /// The labels of a node waiting for the survey, missing data, failed (rendered once: a
    /// province's table has thousands of them).
    status_labels: [String; 3],
    lang: chiso::Lang,
    style: NumberStyle,
}

impl<'a> Layout<'a> {
    fn new(ruleset: &'a Ruleset, lang: chiso::Lang) -> Self {
        let id_width = ruleset
            .nodes
            .iter()
            .map(|n| n.id.width() + 2 * depth(ruleset, n))
            .max()
            .unwrap_or(2)
            .max(3);
        let title_width = 56;
        let cells = ruleset
            .nodes
            .iter()
            .map(|node| {
                let indent = "  ".repeat(depth(ruleset, node));
                format!(
                    "{}  {}  ",
                    fit(&format!("{indent}{}", node.id), id_width),
                    fit(&format!("{indent}{}", node.title), title_width),
                )
            })
            .collect();
        let [id, criterion, max, points, lost, note] = [
            chiso::msg!("report-col-id"),
            chiso::msg!("report-col-criterion"),
            chiso::msg!("report-col-max"),
            chiso::msg!("report-col-points"),
            chiso::msg!("report-col-lost"),
            chiso::msg!("report-col-note"),
        ]
        .map(|m| m.render(lang));
        let markdown_cells = ruleset
            .nodes
            .iter()
            .map(|node| {
                let (open, close) = if node.is_leaf() {
                    ("", "")
                } else {
                    ("**", "**")
                };
                format!(
                    "| {open}{}{close} | {open}{}{close} | ",
                    node.id,
                    md_escape(&node.title)
                )
            })
            .collect();
        let header = format!(
            "{}  {}  {}  {}  {}  {note}\n",
            fit(&id, id_width),
            fit(&criterion, title_width),
            right(&max, 7),
            right(&points, 7),
            right(&lost, 7)
        );
        let markdown_header = format!(
            "| {id} | {criterion} | {max} | {points} | {lost} | {note} |\n|---|---|---:|---:|---:|---|\n"
        );
        Layout {
            ruleset,
            cells,
            markdown_cells,
            header,
            markdown_header,
            words: SummaryWords::new(lang),
            stages: (0..chiso::data::Stage::MAX_STAGES)
                .filter_map(chiso::data::Stage::nth)
                .map(|s| s.name_in(ruleset, lang).into_owned())
                .collect(),
            status_labels: [Status::Survey, Status::Missing, Status::Failed]
                .map(|s| s.label_in(lang)),
            lang,
            style: style_of(lang),
        }
    }

    /// A node's status label in the reader's language ([`Status::label_in`], the fixed ones
    /// rendered once per report).
    fn status_label<'s>(&'s self, status: &Status) -> std::borrow::Cow<'s, str> {
        use std::borrow::Cow;
        match status {
            Status::Scored => Cow::Borrowed(""),
            Status::Survey => Cow::Borrowed(&self.status_labels[0]),
            Status::Missing => Cow::Borrowed(&self.status_labels[1]),
            Status::Failed => Cow::Borrowed(&self.status_labels[2]),
            Status::NotEvaluated(_) => Cow::Owned(status.label_in(self.lang)),
        }
    }

    /// A plain-text table of one unit, the tree indented. Written cell by cell into `out`
    /// (one unit's table is 165 rows; a province's, millions of cells).
    fn table(&self, out: &mut String, result: &PackedResult) {
        let style = self.style;
        out.push_str(&title_line(self.ruleset, result, &self.stages));
        out.push('\n');
        out.push_str(&self.header);
        let mut cell = String::new();
        for (i, prefix) in self.cells.iter().enumerate() {
            let r = result.node(i);
            out.push_str(prefix);
            cell.clear();
            push_shown_max(&mut cell, &r, style);
            push_right(out, &cell, 7);
            out.push_str("  ");
            cell.clear();
            match r.score {
                Some(score) => push_number(&mut cell, score, style),
                None => cell.push('—'),
            }
            push_right(out, &cell, 7);
            out.push_str("  ");
            cell.clear();
            if let Some(lost) = r.lost() {
                push_number(&mut cell, lost, style);
            }
            push_right(out, &cell, 7);
            out.push_str("  ");
            if r.status != Status::Scored {
                out.push_str(&self.status_label(&r.status));
            }
            out.push('\n');
        }
        for line in adjustment_lines(self.ruleset, result, self.lang) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str(&summary_line(self.ruleset, result, &self.words, style));
        out.push('\n');
    }

    /// A Markdown section per unit, ready to paste into a report.
    fn markdown(&self, out: &mut String, result: &PackedResult) {
        use std::fmt::Write as _;
        let style = self.style;
        let _ = write!(
            out,
            "## {}\n\n",
            md_escape(&title_line(self.ruleset, result, &self.stages))
        );
        out.push_str(&self.markdown_header);
        for (i, prefix) in self.markdown_cells.iter().enumerate() {
            let r = result.node(i);
            out.push_str(prefix);
            push_shown_max(out, &r, style);
            out.push_str(" | ");
            match r.score {
                Some(score) => push_number(out, score, style),
                None => out.push('—'),
            }
            out.push_str(" | ");
            if let Some(lost) = r.lost() {
                push_number(out, lost, style);
            }
            out.push_str(" | ");
            if r.status != Status::Scored {
                out.push_str(&md_escape(&self.status_label(&r.status)));
            }
            out.push_str(" |\n");
        }
        let extra = adjustment_lines(self.ruleset, result, self.lang);
        if !extra.is_empty() {
            out.push('\n');
            for line in extra {
                let _ = writeln!(out, "- {}", md_escape(&line));
            }
        }
        let _ = writeln!(
            out,
            "\n{}",
            summary_line(self.ruleset, result, &self.words, style)
        );
    }
}

/// A plain-text table of one unit in `lang`, the tree indented (numbers in the reader's
/// style: a decimal comma in Vietnamese).
pub fn table(ruleset: &Ruleset, result: &PackedResult, lang: chiso::Lang) -> String {
    let mut out = String::new();
    Layout::new(ruleset, lang).table(&mut out, result);
    out
}

/// A Markdown section of one unit in `lang`, ready to paste into a report.
pub fn markdown(ruleset: &Ruleset, result: &PackedResult, lang: chiso::Lang) -> String {
    let mut out = String::new();
    Layout::new(ruleset, lang).markdown(&mut out, result);
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

/// Writes a batch as CSV, unit by unit: one row per unit and node, then the unit's total row
/// (id empty, title "TỔNG"). An incomplete unit's total row has status `incomplete` and the
/// points it has so far (no lost points, percent or grade); a unit whose data could not be
/// scored is one total row with status `not_scored`, empty figures and its problems in
/// `reason`. In `NumberStyle::Machine` (`csv`) cells are separated by `,` and decimals
/// written with a point; in `NumberStyle::Vietnamese` (`csv-vi`) by `;`, with a decimal comma.
/// The column names, codes, status words and the total row's "TỔNG" are the stable words
/// tools read, whatever the language; the texts a person reads (the problems of a unit not
/// scored, why a bonus or penalty item was not scored) are in `lang`.
///
/// # Errors
/// What `out` returns.
pub fn write_csv(
    ruleset: &Ruleset,
    batch: &Batch,
    style: NumberStyle,
    lang: chiso::Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_csv_with(ruleset, batch, style, lang, None, out)
}

/// [`write_csv`] with the columns groups, rounds and last year add (`extra`): after the
/// header's, a unit's cells on its total row (its stage and group also on its node and item
/// rows), empty cells on the rows of units not scored, and last year's units without a match
/// as rows of their own at the end.
fn write_csv_with(
    ruleset: &Ruleset,
    batch: &Batch,
    style: NumberStyle,
    lang: chiso::Lang,
    extra: Option<&columns::CsvColumns>,
    out: &mut dyn Write,
) -> io::Result<()> {
    use chiso::text::push_number;
    const HEADER: [&str; 11] = [
        "unit", "id", "title", "level", "max", "score", "status", "reason", "lost", "percent",
        "grade",
    ];
    let delimiter = match style {
        NumberStyle::Machine => ',',
        NumberStyle::Vietnamese => ';',
    };
    let sep = delimiter.to_string();
    // What every unit repeats: each node's ";id;title;level;" quoted once for the report.
    let prefixes: Vec<String> = ruleset
        .nodes
        .iter()
        .map(|node| {
            [
                "",
                &csv_cell(&node.id, delimiter),
                &csv_cell(&node.title, delimiter),
                node.level.as_str(),
                "",
            ]
            .join(&sep)
        })
        .collect();
    // The added cells of a row, each after a delimiter.
    let append = |row: &mut String, cells: &[String]| {
        for cell in cells {
            row.push(delimiter);
            row.push_str(&csv_cell(cell, delimiter));
        }
    };
    let blanks = extra.map_or(Vec::new(), |e| vec![String::new(); e.head().len()]);
    let mut row = String::new();
    row.push_str(&HEADER.join(&sep));
    if let Some(e) = extra {
        for head in e.head() {
            row.push(delimiter);
            row.push_str(head);
        }
    }
    row.push('\n');
    for (i, unit) in batch.units.iter().enumerate() {
        let result = &unit.result;
        let name = csv_cell(&result.unit, delimiter);
        // This unit's added cells: all on its total row, the first `kept` on the others.
        let (added, kept) = match extra {
            Some(e) => {
                let cells = e.cells(i);
                let kept = e.kept_on_node_rows();
                let mut on_nodes = cells.clone();
                for cell in on_nodes.iter_mut().skip(kept) {
                    cell.clear();
                }
                (cells, on_nodes)
            }
            None => (Vec::new(), Vec::new()),
        };
        for (i, prefix) in prefixes.iter().enumerate() {
            let r = result.node(i);
            row.push_str(&name);
            row.push_str(prefix);
            // Numbers go straight into the row (a million cells at 10,000 units).
            push_number(&mut row, r.max, style);
            row.push(delimiter);
            if let Some(score) = r.score {
                push_number(&mut row, score, style);
            }
            row.push(delimiter);
            row.push_str(r.status.as_str());
            row.push(delimiter);
            row.push_str(&csv_cell(r.status.reason().unwrap_or_default(), delimiter));
            row.push(delimiter);
            if let Some(lost) = r.lost() {
                push_number(&mut row, lost, style);
            }
            row.push(delimiter);
            row.push(delimiter);
            append(&mut row, &kept);
            row.push('\n');
        }
        if result.adjustments.is_some() {
            // Bonus and penalty items and what their limits took away: `level` says which
            // (`bonus`, `penalty`, `bonus_limit`, …), `score` is signed, so the rows add up.
            for line in adjustments::lines(ruleset, &result.unpack(), lang) {
                let cells = [
                    &*name,
                    &csv_cell(&line.id, delimiter),
                    &csv_cell(&line.title, delimiter),
                    line.level(),
                    &csv_cell(&line.cap, delimiter),
                    &line
                        .value
                        .map(|v| format_number(v, style))
                        .unwrap_or_default(),
                    line.status_word,
                    &csv_cell(&line.status, delimiter),
                    "",
                    "",
                    "",
                ];
                row.push_str(&cells.join(&sep));
                append(&mut row, &kept);
                row.push('\n');
            }
        }
        let complete = result.is_complete();
        let cells = [
            &*name,
            "",
            "TỔNG",
            "unit",
            &format_number(result.max, style),
            &format_number(result.total(), style),
            if complete { "scored" } else { "incomplete" },
            "",
            &if complete {
                format_number(result.max - result.achieved, style)
            } else {
                String::new()
            },
            &result
                .percent
                .map(|p| format_number(p, style))
                .unwrap_or_default(),
            &csv_cell(result.grade.as_deref().unwrap_or_default(), delimiter),
        ];
        row.push_str(&cells.join(&sep));
        append(&mut row, &added);
        row.push('\n');
        out.write_all(row.as_bytes())?;
        row.clear();
    }
    for unit in &batch.not_scored {
        let (label, problems) = (unit.label(), problem_lines(unit, lang).join("; "));
        let cells = [
            &*csv_cell(&label, delimiter),
            "",
            "TỔNG",
            "unit",
            "",
            "",
            "not_scored",
            &csv_cell(&problems, delimiter),
            "",
            "",
            "",
        ];
        row.push_str(&cells.join(&sep));
        append(&mut row, &blanks);
        row.push('\n');
    }
    for cells in extra
        .map(columns::CsvColumns::previous_only)
        .unwrap_or_default()
    {
        let cells: Vec<_> = cells.iter().map(|c| csv_cell(c, delimiter)).collect();
        row.push_str(&cells.join(&sep));
        row.push('\n');
    }
    out.write_all(row.as_bytes())
}

/// A CSV cell as the `csv` crate writes one (RFC 4180): quoted, its quotes doubled, when it
/// holds the delimiter, a quote or a line break; as it is otherwise.
fn csv_cell(text: &str, delimiter: char) -> std::borrow::Cow<'_, str> {
    if text.contains([delimiter, '"', '\n', '\r']) {
        std::borrow::Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Writes units' JSON objects as one pretty-printed array, element by element: the bytes
/// `serde_json::to_writer_pretty` gives for the whole array, then a newline. Each element is
/// written straight into a buffer in front of `out` (no element is held, and the many small
/// writes never cross the `dyn Write`).
///
/// # Errors
/// What `out` returns.
pub(crate) fn write_json_array<'a>(
    out: &mut dyn Write,
    ruleset: &Ruleset,
    items: impl Iterator<Item = Either<'a>>,
) -> io::Result<()> {
    let texts = NodeTexts::new(ruleset);
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    let mut first = true;
    for item in items {
        w.write_all(if first { b"[\n  " } else { b",\n  " })?;
        first = false;
        match item {
            Either::Unit(unit) => write_unit_json(&mut w, &unit, &texts)?,
            Either::Value(value) => write_pretty(&mut w, &value, UNIT_DEPTH)?,
        }
    }
    w.write_all(if first { b"[]\n" } else { b"\n]\n" })?;
    w.flush()
}

/// serde_json's `PrettyFormatter` with a two-space indent, byte for byte (its methods are
/// copied), but each line's indentation written in one piece: serde_json writes it two
/// spaces at a time, and a node of a unit's JSON sits four levels deep (the indentation
/// was a tenth of the JSON report's time).
#[derive(Default)]
struct Pretty {
    current_indent: usize,
    has_value: bool,
}

impl Pretty {
    fn indent<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        let mut n = 2 * self.current_indent;
        while n > 0 {
            let step = n.min(SPACES.len());
            writer.write_all(&SPACES[..step])?;
            n -= step;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.current_indent += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}`: on a line of its own when something was written inside.
    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.current_indent -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    /// Before an element or a key: a new line (after a comma unless `first`), indented.
    fn next_line<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A number in JSON: its machine text as a string (docs/json.md), formatted without
/// allocating.
pub(crate) struct JsonNumber(pub Decimal);

impl serde::Serialize for JsonNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(NumberText::new(self.0, NumberStyle::Machine).as_str())
    }
}

/// An element of a JSON array of units: a scored unit, or a value (a unit not scored).
pub(crate) enum Either<'a> {
    Unit(UnitJson<'a>),
    Value(Json),
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|")
}

/// The to-do list of a unit whose data is incomplete, grouped by owner.
/// (In `lang`: the to-do list is a message of the command, not a report.)
pub fn missing_list(ruleset: &Ruleset, outcome: &UnitOutcome, lang: chiso::Lang) -> String {
    let mut by_owner: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    // What each input's bonus and penalty items are (none for most rulesets).
    let item_readers = if ruleset.adjustments.is_empty() {
        Vec::new()
    } else {
        chiso::owners::items_of_inputs(ruleset)
    };
    for (item, needed_by) in &outcome.result.missing {
        let mut ids: Vec<&str> = needed_by
            .iter()
            .map(|&n| ruleset.nodes[n].id.as_str())
            .collect();
        // An input only a bonus or penalty item reads: that item needs it.
        if let (MissingItem::Input(slot), true) = (item, ids.is_empty()) {
            if let Some(readers) = item_readers.get(*slot) {
                ids.extend(readers.iter().map(|&i| ruleset.adjustments[i].id.as_str()));
            }
        }
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
