//! A table of rows → a ruleset skeleton: find the header and its columns, read each row as a
//! criterion (or a wrapped line, a repeated header, the total, a note), build the tree from the
//! numbering, and write it out as `.chiso` text. Every row that is not understood is reported
//! with its row number; nothing is dropped silently.

use super::table::{Row, Table};
use super::{ImportOptions, Summary};
use chiso::diagnostic::Diagnostic;
use chiso::model::UnitLevel;
use chiso::msg;
use chiso::text::{fold, parse_decimal_text, DecimalSeparator};
use rust_decimal::Decimal;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// The columns a header row names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Columns {
    id: usize,
    title: usize,
    max: Option<usize>,
    owner: Option<usize>,
    notes: Option<usize>,
    /// Named columns that are not part of a ruleset (a unit's scores, targets …).
    ignored: Vec<(usize, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Survey,
    Satisfaction,
}

/// One criterion row (or a parent the table forgot), before it is written out.
#[derive(Debug, Clone, Default)]
struct Entry {
    id: String,
    title: String,
    max: Option<Decimal>,
    owner: Option<String>,
    notes: Vec<String>,
    source: Option<Source>,
    bonus: bool,
    /// The "không đánh giá" sentence and the placeholder input standing for its condition.
    not_evaluated: Option<(String, String)>,
    /// Comments written above the node's items (what the importer did and why).
    comments: Vec<chiso::Message>,
    row: usize,
    span: std::ops::Range<usize>,
    /// The maximum cell held something that is not a number (already reported).
    bad_max: bool,
    parent: Option<usize>,
    children: Vec<usize>,
}

impl Entry {
    fn depth(&self) -> usize {
        self.id.split('.').count()
    }
}

/// What a row's number cell says.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RowId {
    /// "1.2.3" (trailing dot and leading zeros dropped).
    Id(String),
    /// "II" read as area 2.
    Roman(String),
    /// "-", "+", "a)": a line of the rubric under the previous criterion.
    Bullet,
    Blank,
    Bad,
}

pub struct Skeleton {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

/// Reads a table into a ruleset skeleton.
pub fn build(table: &Table, options: &ImportOptions) -> Skeleton {
    let mut diagnostics = Vec::new();
    let headers: Vec<(usize, Columns)> = table
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, row)| header(row).map(|c| (i, c)))
        .collect();

    let (columns, header_index, assumed) = match headers.first() {
        Some((i, c)) => (c.clone(), Some(*i), false),
        None => {
            let columns = Columns {
                id: 0,
                title: 1,
                max: Some(2),
                owner: None,
                notes: Some(3),
                ignored: Vec::new(),
            };
            (columns, None, true)
        }
    };
    if assumed {
        diagnostics.push(
            Diagnostic::warning("I004", 0..0, msg!("i004-no-header"))
                .with_help(msg!("i004-no-header-help")),
        );
    }

    // Tables: a header that comes after a total row starts another table.
    let segments = segments(table, &headers, header_index);
    let chosen = options.table.unwrap_or(1);
    let Some(&(start, end)) = segments.get(chosen.saturating_sub(1)) else {
        diagnostics.push(Diagnostic::error(
            "I013",
            0..0,
            msg!(
                "i013-no-such-table",
                tables = segments.len(),
                chosen = chosen
            ),
        ));
        return Skeleton {
            text: String::new(),
            diagnostics,
            summary: Summary {
                tables: segments.len(),
                ..Summary::default()
            },
        };
    };
    if segments.len() > 1 && options.table.is_none() {
        let list: Vec<chiso::Message> = segments
            .iter()
            .enumerate()
            .map(|(i, (s, e))| {
                msg!(
                    "i013-table-at",
                    table = (i + 1).to_string(),
                    from = table.rows[*s].number.to_string(),
                    to = table.rows[e - 1].number.to_string()
                )
            })
            .collect();
        diagnostics.push(
            Diagnostic::warning(
                "I013",
                table.rows[start].span.clone(),
                msg!("i013-several-tables", tables = segments.len(), list = list),
            )
            .with_help(msg!("i013-several-tables-help")),
        );
    }
    // The segment's own header (a later table may name its columns differently).
    let (columns, body_start) = match headers.iter().find(|(i, _)| *i >= start && *i < end) {
        Some((i, c)) => (c.clone(), i + 1),
        None => (columns, start),
    };
    let from = preamble_start(table, &segments, chosen);
    let preamble: Vec<&Row> = table.rows[from..body_start.saturating_sub(1).max(from)]
        .iter()
        .filter(|r| !r.is_blank() && header(r).is_none())
        .collect();
    let is_last = chosen == segments.len();

    for (index, name) in &columns.ignored {
        diagnostics.push(
            Diagnostic::warning(
                "I005",
                table
                    .rows
                    .get(body_start.wrapping_sub(1))
                    .map_or(0..0, |r| r.span.clone()),
                msg!(
                    "i005-column-left-out",
                    column = (index + 1).to_string(),
                    name = name.as_str()
                ),
            )
            .with_help(msg!("i005-column-left-out-help")),
        );
    }

    let mut reader = RowReader {
        table,
        columns: &columns,
        entries: Vec::new(),
        by_id: HashMap::new(),
        roots: Vec::new(),
        diagnostics,
        total: None,
        numeric_ids: Vec::new(),
        inputs: Vec::new(),
    };
    let rows = join_wrapped(table, &columns, body_start, end, &mut reader.diagnostics);
    let mut after_total: Vec<&Row> = Vec::new();
    let mut ended = false;
    let mut last = table.rows.get(body_start).map_or(0, |r| r.number);
    for row in &rows {
        if row.is_blank() || header(row).is_some() {
            continue;
        }
        if ended {
            after_total.push(row);
            continue;
        }
        last = row.number;
        if let Some(total) = total_row(row, &columns) {
            match total {
                Ok(Some(value)) => reader.total = Some((value, row.number)),
                Ok(None) => {}
                Err(text) => reader.diagnostics.push(Diagnostic::error(
                    "I008",
                    row.span.clone(),
                    msg!(
                        "i008-total-not-number",
                        row = table.row_name(row.number),
                        total = text
                    ),
                )),
            }
            // A total above the first criterion (some tables put it first) does not end the table.
            ended = !reader.entries.is_empty();
            continue;
        }
        reader.row(row);
    }
    reader.flush_blank_max("");
    if is_last {
        for row in after_total {
            let text = row.filled();
            reader.diagnostics.push(
                Diagnostic::warning(
                    "I012",
                    row.span.clone(),
                    msg!(
                        "i012-after-total",
                        row = table.row_name(row.number),
                        text = text.join(" | ")
                    ),
                )
                .with_span_label(msg!("i012-after-the-total")),
            );
        }
    }
    if !reader.numeric_ids.is_empty() {
        let rows: Vec<String> = reader.numeric_ids.iter().map(|n| n.to_string()).collect();
        reader.diagnostics.push(
            Diagnostic::warning(
                "I019",
                0..0,
                msg!("i019-numeric-ids", rows = rows.join(", ")),
            )
            .with_help(msg!("i019-numeric-ids-help")),
        );
    }
    if reader.entries.is_empty() {
        reader
            .diagnostics
            .push(Diagnostic::error("I007", 0..0, msg!("i007-no-rows")));
    }

    let first = table.rows.get(body_start).map_or(0, |r| r.number);

    let text = reader.write(options, &preamble, (first, last));
    let mut summary = Summary {
        tables: segments.len(),
        table: chosen,
        first_row: first,
        last_row: last,
        total: reader.total.map(|(t, _)| t),
        ..Summary::default()
    };
    for e in &reader.entries {
        match e.depth() {
            1 => summary.areas += 1,
            2 => summary.criteria += 1,
            _ => summary.subcriteria += 1,
        }
        summary.not_evaluated += usize::from(e.not_evaluated.is_some());
        summary.survey += usize::from(e.source == Some(Source::Survey));
        summary.satisfaction += usize::from(e.source == Some(Source::Satisfaction));
        summary.bonus += usize::from(e.bonus);
    }
    Skeleton {
        text,
        diagnostics: reader.diagnostics,
        summary,
    }
}

/// The row ranges `[start, end)` of each table of the file.
fn segments(
    table: &Table,
    headers: &[(usize, Columns)],
    first_header: Option<usize>,
) -> Vec<(usize, usize)> {
    let mut starts = vec![first_header.unwrap_or(0)];
    let mut seen_rows = false;
    let mut seen_total = false;
    let mut columns = headers.first().map(|(_, c)| c.clone());
    for (i, row) in table.rows.iter().enumerate().skip(starts[0] + 1) {
        if let Some((_, c)) = headers.iter().find(|(h, _)| *h == i) {
            if seen_total {
                starts.push(i);
                seen_rows = false;
                seen_total = false;
            }
            columns = Some(c.clone());
            continue;
        }
        let Some(cols) = &columns else { continue };
        if total_row(row, cols).is_some() {
            seen_total |= seen_rows;
        } else if matches!(parse_id(row.cell(cols.id)), RowId::Id(_) | RowId::Roman(_)) {
            seen_rows = true;
        }
    }
    let mut out = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(table.rows.len());
        // The previous table ends at its total row; what follows is the next one's preamble.
        out.push((s, e));
    }
    out
}

/// Where the preamble of table `chosen` (1-based) begins: the file's start, or the row after
/// the previous table's total row.
fn preamble_start(table: &Table, segments: &[(usize, usize)], chosen: usize) -> usize {
    if chosen <= 1 {
        return 0;
    }
    let (s, e) = segments[chosen - 2];
    let (_, columns) = match table.rows[s..e]
        .iter()
        .find_map(|r| header(r).map(|c| (r, c)))
    {
        Some(x) => x,
        None => return s,
    };
    table.rows[s..e]
        .iter()
        .rposition(|r| total_row(r, &columns).is_some())
        .map_or(e, |p| s + p + 1)
}

/// Joins a row whose title wraps onto the next physical line (the row stops after its title
/// cell, the next line carries the rest of the title and the remaining cells).
fn join_wrapped(
    table: &Table,
    columns: &Columns,
    start: usize,
    end: usize,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut i = start;
    while i < end {
        let mut row = table.rows[i].clone();
        i += 1;
        let has_id = matches!(parse_id(row.cell(columns.id)), RowId::Id(_));
        let simple = columns.id == 0 && columns.title == 1;
        if simple && has_id && row.cells.len() == 2 {
            while i < end && row.cells.len() == 2 {
                let next = &table.rows[i];
                let continues = !next.is_blank()
                    && next.cells.len() >= 2
                    && parse_id(next.cell(0)) == RowId::Bad
                    && header(next).is_none();
                if !continues {
                    break;
                }
                diagnostics.push(
                    Diagnostic::warning(
                        "I006",
                        row.span.start..next.span.end,
                        msg!(
                            "i006-wraps",
                            row = table.row_name(row.number),
                            next = table.row_name(next.number)
                        ),
                    )
                    .with_span_label(msg!("i006-one-row")),
                );
                row.cells[1] =
                    format!("{} {}", row.cells[1].trim_end(), next.cells[0].trim_start());
                row.cells.extend(next.cells[1..].iter().cloned());
                row.numeric.extend(next.numeric.iter().skip(1).copied());
                row.span = row.span.start..next.span.end;
                i += 1;
            }
        }
        rows.push(row);
    }
    rows
}

struct RowReader<'a> {
    table: &'a Table,
    columns: &'a Columns,
    entries: Vec<Entry>,
    /// The latest entry with each id, for finding parents.
    by_id: HashMap<String, usize>,
    roots: Vec<usize>,
    diagnostics: Vec<Diagnostic>,
    total: Option<(Decimal, usize)>,
    numeric_ids: Vec<usize>,
    /// Placeholder inputs for "không đánh giá" conditions: (name, description).
    inputs: Vec<(String, String)>,
}

impl RowReader<'_> {
    fn name(&self, row: &Row) -> chiso::Message {
        self.table.row_name(row.number)
    }

    fn row(&mut self, row: &Row) {
        let c = self.columns;
        let id_cell = clean(row.cell(c.id));
        let title = clean(row.cell(c.title));
        let max_cell = c.max.map(|m| clean(row.cell(m))).unwrap_or_default();
        let owner_cell = c.owner.map(|o| clean(row.cell(o))).unwrap_or_default();
        let notes_cell = c.notes.map(|n| clean(row.cell(n))).unwrap_or_default();
        let span = row.span.clone();
        let id = match parse_id(&id_cell) {
            RowId::Id(id) => id,
            RowId::Roman(id) => {
                self.diagnostics.push(Diagnostic::warning(
                    "I015",
                    span.clone(),
                    msg!(
                        "i015-roman",
                        row = self.name(row),
                        cell = id_cell.as_str(),
                        id = id.as_str()
                    ),
                ));
                id
            }
            RowId::Bullet => {
                let line = [
                    id_cell.as_str(),
                    title.as_str(),
                    max_cell.as_str(),
                    notes_cell.as_str(),
                ]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
                match self.entries.last_mut() {
                    Some(last) => {
                        last.notes.push(line);
                        let id = last.id.clone();
                        self.diagnostics.push(
                            Diagnostic::warning(
                                "I016",
                                span,
                                msg!("i016-rubric", row = self.name(row), id = id.as_str()),
                            )
                            .with_help(msg!("i016-rubric-help")),
                        );
                    }
                    None => self.not_understood(row, msg!("i007-why-rubric")),
                }
                return;
            }
            RowId::Blank => {
                if !title.is_empty() && max_cell.is_empty() {
                    match self.entries.last_mut() {
                        Some(last) => {
                            last.title = format!("{} {title}", last.title).trim().to_string();
                            if !notes_cell.is_empty() {
                                last.notes.push(notes_cell);
                            }
                            let id = last.id.clone();
                            self.diagnostics.push(Diagnostic::warning(
                                "I006",
                                span,
                                msg!("i006-no-stt", row = self.name(row), id = id.as_str()),
                            ));
                        }
                        None => self.not_understood(row, msg!("i007-why-text")),
                    }
                } else if !max_cell.is_empty() {
                    self.not_understood(row, msg!("i007-why-max"));
                } else if !notes_cell.is_empty() || !owner_cell.is_empty() {
                    match self.entries.last_mut() {
                        Some(last) => {
                            last.notes.extend(
                                [owner_cell, notes_cell]
                                    .into_iter()
                                    .filter(|s| !s.is_empty()),
                            );
                            let id = last.id.clone();
                            self.diagnostics.push(Diagnostic::warning(
                                "I006",
                                span,
                                msg!("i006-only-note", row = self.name(row), id = id.as_str()),
                            ));
                        }
                        None => self.not_understood(row, msg!("i007-why-note")),
                    }
                } else {
                    self.not_understood(row, msg!("i007-why-no-number"));
                }
                return;
            }
            RowId::Bad => {
                self.not_understood(row, msg!("i007-why-bad-number", cell = id_cell.as_str()));
                return;
            }
        };
        self.flush_blank_max(&id);
        if row.numeric.get(c.id).copied().unwrap_or(false) && id.contains('.') {
            self.numeric_ids.push(row.number);
        }

        let mut entry = Entry {
            id: id.clone(),
            title: title.clone(),
            row: row.number,
            span: span.clone(),
            ..Entry::default()
        };
        if title.is_empty() {
            self.diagnostics.push(Diagnostic::warning(
                "I018",
                span.clone(),
                msg!("i018-no-title", row = self.name(row), id = id.as_str()),
            ));
        }
        let reported = self.diagnostics.len();
        entry.max = self.max(row, &max_cell);
        entry.bad_max = self.diagnostics.len() > reported;
        // Survey tags: the notes column, or the title itself ("… (ĐTXHH)").
        let tag = |text: &str, title: bool| -> Option<Source> {
            let f = fold(text);
            if f.contains("dtxhh") || f.contains("dieu tra xa hoi hoc") {
                Some(Source::Survey)
            } else if !title && (f.contains("sipas") || f.contains("hai long")) {
                Some(Source::Satisfaction)
            } else {
                None
            }
        };
        entry.source = tag(&notes_cell, false).or_else(|| tag(&title, true));
        entry.bonus = fold(&title).starts_with("diem thuong");
        if !notes_cell.is_empty() && !is_bare_tag(&notes_cell) {
            entry.notes.push(notes_cell.clone());
        }
        if !owner_cell.is_empty() {
            if looks_like_office(&owner_cell) {
                entry.owner = Some(owner_cell.clone());
            } else {
                entry.notes.push(owner_cell.clone());
                self.diagnostics.push(
                    Diagnostic::warning(
                        "I014",
                        span.clone(),
                        msg!(
                            "i014-not-office",
                            row = self.name(row),
                            cell = owner_cell.as_str(),
                            id = id.as_str()
                        ),
                    )
                    .with_help(msg!("i014-not-office-help")),
                );
            }
        }
        // "không đánh giá" / "không tính điểm": the title first, then the other columns.
        let sentence = [&title, &notes_cell, &owner_cell]
            .into_iter()
            .find_map(|t| not_evaluated_sentence(t));
        if let Some(reason) = sentence {
            let mut name = format!("không_đánh_giá_{}", id.replace('.', "_"));
            if self.inputs.iter().any(|(n, _)| *n == name) {
                name = format!("{name}_dòng_{}", row.number);
            }
            self.inputs.push((
                name.clone(),
                format!(
                    "{id} không đánh giá (điều kiện chưa viết, dòng {}): {reason}",
                    row.number
                ),
            ));
            self.diagnostics.push(
                Diagnostic::warning(
                    "I017",
                    span.clone(),
                    msg!(
                        "i017-placeholder",
                        row = self.name(row),
                        id = id.as_str(),
                        reason = reason.as_str(),
                        name = name.as_str()
                    ),
                )
                .with_help(msg!("i017-placeholder-help")),
            );
            entry.not_evaluated = Some((reason, name));
        }
        self.attach(entry, row);
    }

    /// A row's maximum: a number with a decimal comma or point, "1,5 điểm", or blank.
    fn max(&mut self, row: &Row, cell: &str) -> Option<Decimal> {
        let mut text = cell.trim().to_string();
        for suffix in ["điểm", "Điểm", "ĐIỂM", "đ", "Đ"] {
            if let Some(rest) = text.strip_suffix(suffix) {
                text = rest.trim_end().to_string();
                break;
            }
        }
        if text.is_empty() || matches!(text.as_str(), "-" | "–" | "—" | "x" | "X") {
            return None;
        }
        match parse_decimal_text(&text, DecimalSeparator::Either) {
            Ok((value, false)) if value >= Decimal::ZERO => Some(value),
            Ok((_, true)) => {
                self.bad_max(row, cell, msg!("literal-percentage"));
                None
            }
            Ok(_) => {
                self.bad_max(row, cell, msg!("i008-why-negative"));
                None
            }
            Err(message) => {
                self.bad_max(row, cell, message);
                None
            }
        }
    }

    /// Reports the previous row when it turned out to be a leaf with a blank maximum (the
    /// next criterion row is not its child). Called before each criterion row and at the end,
    /// so that findings stay in row order.
    fn flush_blank_max(&mut self, next_id: &str) {
        let Some(prev) = self.entries.last() else {
            return;
        };
        let is_child = next_id
            .strip_prefix(prev.id.as_str())
            .is_some_and(|rest| rest.starts_with('.'));
        if prev.max.is_some() || !prev.children.is_empty() || prev.bad_max || is_child {
            return;
        }
        let message = msg!(
            "i009-no-max",
            row = self.table.row_name(prev.row),
            id = prev.id.as_str()
        );
        let span = prev.span.clone();
        self.diagnostics
            .push(Diagnostic::warning("I009", span, message).with_help(msg!("i009-no-max-help")));
    }

    fn bad_max(&mut self, row: &Row, cell: &str, why: chiso::Message) {
        self.diagnostics.push(
            Diagnostic::error(
                "I008",
                row.span.clone(),
                msg!("i008-bad-max", row = self.name(row), cell = cell, why = why),
            )
            .with_help(msg!("i008-bad-max-help")),
        );
    }

    fn not_understood(&mut self, row: &Row, why: chiso::Message) {
        let text = row.filled();
        let mut preview: String = text.join(" | ").chars().take(80).collect();
        if preview.len() < text.join(" | ").len() {
            preview.push('…');
        }
        self.diagnostics.push(
            Diagnostic::error(
                "I007",
                row.span.clone(),
                msg!(
                    "i007-not-understood",
                    row = self.name(row),
                    why = why,
                    preview = preview
                ),
            )
            .with_span_label(msg!("i007-this-row")),
        );
    }

    /// Places an entry under its parent (the latest row numbered like its prefix).
    fn attach(&mut self, mut entry: Entry, row: &Row) {
        if let Some(&first) = self.by_id.get(&entry.id) {
            let first_row = self.entries[first].row;
            self.diagnostics.push(
                Diagnostic::warning(
                    "I010",
                    row.span.clone(),
                    msg!(
                        "i010-repeats",
                        row = self.name(row),
                        id = entry.id.as_str(),
                        first = first_row.to_string()
                    ),
                )
                .with_help(msg!("i010-repeats-help")),
            );
            entry.comments.push(msg!(
                "import-comment-repeats",
                row = row.number.to_string(),
                id = entry.id.as_str(),
                first = first_row.to_string()
            ));
        }
        let parent = entry
            .id
            .rsplit_once('.')
            .map(|(prefix, _)| self.parent(prefix, row));
        entry.parent = parent;
        let index = self.entries.len();
        self.entries.push(entry);
        match parent {
            Some(p) => self.entries[p].children.push(index),
            None => self.roots.push(index),
        }
        let id = self.entries[index].id.clone();
        self.by_id.insert(id, index);
    }

    /// The entry for `id`, made up (and reported) when the table has no row for it.
    fn parent(&mut self, id: &str, row: &Row) -> usize {
        if let Some(&p) = self.by_id.get(id) {
            return p;
        }
        self.diagnostics.push(
            Diagnostic::error(
                "I011",
                row.span.clone(),
                msg!("i011-no-parent", row = self.name(row), id = id),
            )
            .with_help(msg!("i011-no-parent-help", id = id)),
        );
        let grand = id
            .rsplit_once('.')
            .map(|(prefix, _)| self.parent(prefix, row));
        let index = self.entries.len();
        self.entries.push(Entry {
            id: id.to_string(),
            comments: vec![msg!(
                "import-comment-no-row",
                id = id,
                row = row.number.to_string()
            )],
            row: row.number,
            parent: grand,
            ..Entry::default()
        });
        match grand {
            Some(g) => self.entries[g].children.push(index),
            None => self.roots.push(index),
        }
        self.by_id.insert(id.to_string(), index);
        index
    }

    // ───────────── writing ─────────────

    fn write(&self, options: &ImportOptions, preamble: &[&Row], rows: (usize, usize)) -> String {
        let lang = options.lang;
        // A comment of one or more lines, each starting with `# ` after `pad`.
        let comment = |out: &mut String, pad: &str, m: chiso::Message| {
            for line in m.render(lang).lines() {
                out.push_str(pad);
                out.push_str("# ");
                out.push_str(line);
                out.push('\n');
            }
        };
        let mut out = String::new();
        let source = if options.source_name.is_empty() {
            msg!("import-comment-a-table")
        } else {
            chiso::Message::from(options.source_name.as_str())
        };
        comment(
            &mut out,
            "",
            msg!(
                "import-comment-imported",
                source = source,
                first = rows.0.to_string(),
                last = rows.1.to_string()
            ),
        );
        comment(&mut out, "", msg!("import-comment-review"));
        if !preamble.is_empty() {
            out.push_str("#\n");
            comment(&mut out, "", msg!("import-comment-above"));
            for row in preamble {
                let text: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| clean(c))
                    .filter(|c| !c.is_empty())
                    .collect();
                out.push_str(&format!("#   {}\n", text.join(" ")));
            }
        }
        out.push('\n');
        let title = options
            .title
            .clone()
            .unwrap_or_else(|| default_title(preamble, &options.source_name));
        out.push_str(&format!("bộ tiêu chí {} {{\n", quote(&title)));
        if let Some(issuer) = &options.issuer {
            out.push_str(&format!("  cơ quan ban hành {}\n", quote(issuer)));
        }
        if let Some(decree) = &options.decree {
            out.push_str(&format!("  quyết định {}\n", quote(decree)));
        }
        if let Some(year) = options.year {
            out.push_str(&format!("  năm {year}\n"));
        }
        if let Some(level) = options.level {
            let name = match level {
                UnitLevel::Department => "sở",
                UnitLevel::District => "huyện",
                UnitLevel::Commune => "xã",
                UnitLevel::Province => "tỉnh",
                UnitLevel::Ministry => "bộ",
            };
            out.push_str(&format!("  cấp {name}\n"));
        }
        if let Some((total, row)) = self.total {
            comment(
                &mut out,
                "  ",
                msg!("import-comment-total", row = row.to_string()),
            );
            out.push_str(&format!("  tổng điểm {}\n", number(total)));
        }
        out.push_str("}\n");
        if !self.inputs.is_empty() {
            out.push('\n');
            comment(&mut out, "", msg!("import-comment-placeholders"));
            for (name, description) in &self.inputs {
                out.push_str(&format!(
                    "đầu vào {name}: có/không {} mặc định không\n",
                    quote(description)
                ));
            }
        }
        for &root in &self.roots {
            out.push('\n');
            self.write_entry(root, 0, lang, &mut out);
        }
        out
    }

    fn write_entry(&self, index: usize, indent: usize, lang: chiso::Lang, out: &mut String) {
        let e = &self.entries[index];
        let pad = "  ".repeat(indent);
        let keyword = match e.depth() {
            1 => "lĩnh vực",
            2 => "tiêu chí",
            _ => "tiêu chí thành phần",
        };
        let mut items: Vec<String> = e
            .comments
            .iter()
            .map(|c| format!("# {}", c.render(lang)))
            .collect();
        let max = match e.max {
            Some(m) => format!(" tối đa {}", number(m)),
            None if e.children.is_empty() => {
                let comment = if e.bad_max {
                    msg!("import-comment-bad-max", row = e.row.to_string())
                } else {
                    msg!("import-comment-no-max", row = e.row.to_string())
                };
                items.push(format!("# {}", comment.render(lang)));
                " tối đa 0".to_string()
            }
            None => String::new(),
        };
        if let Some(owner) = &e.owner {
            items.push(format!("chủ trì {}", quote(owner)));
        }
        match e.source {
            Some(Source::Survey) => items.push("nguồn ĐTXHH".into()),
            Some(Source::Satisfaction) => items.push("nguồn hài lòng".into()),
            None => {}
        }
        if e.bonus {
            items.push("điểm thưởng".into());
        }
        for note in &e.notes {
            items.push(format!("ghi chú {}", quote(note)));
        }
        if let Some((reason, input)) = &e.not_evaluated {
            items.push(format!("không đánh giá khi {input} vì {}", quote(reason)));
        }
        let head = format!("{pad}{keyword} {} {}{max}", e.id, quote(&e.title));
        if items.is_empty() && e.children.is_empty() {
            out.push_str(&head);
            out.push('\n');
            return;
        }
        out.push_str(&head);
        out.push_str(" {\n");
        for item in items {
            out.push_str(&format!("{pad}  {item}\n"));
        }
        for &child in &e.children {
            self.write_entry(child, indent + 1, lang, out);
        }
        out.push_str(&format!("{pad}}}\n"));
    }
}

/// The ruleset's title when none is given: the table's own caption above it, or the file name.
fn default_title(preamble: &[&Row], source: &str) -> String {
    preamble
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| clean(c))
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .find(|line| {
            let f = fold(line);
            line.chars().count() > 8
                && !line.starts_with('(')
                && !(f.starts_with("bang ") && f.len() < 10)
        })
        .unwrap_or_else(|| {
            if source.is_empty() {
                "Bộ tiêu chí".to_string()
            } else {
                source.to_string()
            }
        })
}

/// A header row: it names a title column (Lĩnh vực / Tiêu chí / Nội dung), a number column
/// (STT) and a maximum column (Điểm tối đa / Điểm chuẩn).
fn header(row: &Row) -> Option<Columns> {
    let folded: Vec<String> = row.cells.iter().map(|c| squash(&fold(&clean(c)))).collect();
    let title = folded.iter().position(|f| {
        ["tieu chi", "linh vuc", "noi dung", "ten chi"]
            .iter()
            .any(|k| f.contains(k))
            && !f.contains("diem")
            && !f.contains("so tieu chi")
    })?;
    let id = folded
        .iter()
        .position(|f| {
            matches!(
                f.as_str(),
                "stt"
                    | "tt"
                    | "so tt"
                    | "so thu tu"
                    | "ma"
                    | "ma so"
                    | "ky hieu"
                    | "chi so"
                    | "muc"
            ) || f.starts_with("stt")
        })
        .or_else(|| (title > 0 && folded[title - 1].is_empty()).then(|| title - 1))?;
    let excluded = [
        "dat",
        "phan dau",
        "phan dau",
        "tu danh gia",
        "tu cham",
        "tham dinh",
        "bi mat",
        "nam 20",
    ];
    let max = folded
        .iter()
        .position(|f| f.contains("toi da") || f.contains("diem chuan") || f.contains("thang diem"))
        .or_else(|| {
            folded
                .iter()
                .position(|f| f.contains("diem") && !excluded.iter().any(|k| f.contains(k)))
        })?;
    let owner = folded.iter().position(|f| {
        [
            "chu tri",
            "phu trach",
            "don vi thuc hien",
            "co quan thuc hien",
            "don vi tham muu",
        ]
        .iter()
        .any(|k| f.contains(k))
    });
    let notes = folded
        .iter()
        .position(|f| f.contains("ghi chu") || f == "nguon" || f.contains("hinh thuc danh gia"));
    let used = [Some(id), Some(title), Some(max), owner, notes];
    let ignored = row
        .cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !used.contains(&Some(*i)) && !c.trim().is_empty())
        .map(|(i, c)| (i, clean(c)))
        .collect();
    Some(Columns {
        id,
        title,
        max: Some(max),
        owner,
        notes,
        ignored,
    })
}

/// A total row ("Tổng cộng", "TỔNG ĐIỂM TỐI ĐA"): its value (`None` when its cells are empty,
/// e.g. a formula saved without its value, already reported), or the text that is not one.
fn total_row(row: &Row, columns: &Columns) -> Option<Result<Option<Decimal>, String>> {
    let is_total = [columns.id, columns.title].iter().any(|&i| {
        let f = squash(&fold(&clean(row.cell(i))));
        f.starts_with("tong cong")
            || f.starts_with("tong diem")
            || f == "tong"
            || f == "cong"
            || f.starts_with("tong so diem")
    });
    if !is_total {
        return None;
    }
    let mut candidates: Vec<usize> = columns.max.into_iter().collect();
    candidates.extend(
        (0..row.cells.len())
            .filter(|&i| i != columns.id && i != columns.title && Some(i) != columns.max),
    );
    let Some(text) = candidates
        .iter()
        .map(|&i| clean(row.cell(i)))
        .find(|t| !t.is_empty())
    else {
        return Some(Ok(None));
    };
    Some(match parse_decimal_text(&text, DecimalSeparator::Either) {
        Ok((value, false)) => Ok(Some(value)),
        _ => Err(text),
    })
}

/// Reads a number cell: "1.2.3", "1.2.3." and "01" are ids; "II" is an area; "-", "+", "a)"
/// are rubric lines.
fn parse_id(cell: &str) -> RowId {
    let cell: String = clean(cell).chars().filter(|c| !c.is_whitespace()).collect();
    if cell.is_empty() {
        return RowId::Blank;
    }
    let trimmed = cell.trim_end_matches('.');
    // Decrees number four levels at most; a deeper "id" is not one (and would nest without end).
    if !trimmed.is_empty()
        && trimmed.split('.').count() <= MAX_DEPTH
        && trimmed
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()))
    {
        let id: Vec<String> = trimmed
            .split('.')
            .map(|part| {
                let t = part.trim_start_matches('0');
                if t.is_empty() { "0" } else { t }.to_string()
            })
            .collect();
        return RowId::Id(id.join("."));
    }
    if let Some(n) = roman(trimmed) {
        return RowId::Roman(n.to_string());
    }
    let first = cell.chars().next().unwrap_or(' ');
    let letter_item = {
        let mut chars = cell.chars();
        matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some(')' | '.'), None) if c.is_alphabetic())
    };
    if matches!(first, '-' | '+' | '•' | '*' | '–' | '—' | '·') || letter_item {
        return RowId::Bullet;
    }
    RowId::Bad
}

/// I … XXXIX.
fn roman(text: &str) -> Option<u32> {
    if text.is_empty() || !text.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let value = |c: char| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<u32> = text.chars().map(value).collect();
    let mut total = 0;
    for (i, &v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&next| next > v) {
            total -= v as i64;
        } else {
            total += v as i64;
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    // Only the canonical spelling (so that "IIII" or "VX" are not numbers).
    (to_roman(total) == text).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (value, digits) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The sentence of a text that says the criterion is not evaluated: a parenthesis holding
/// "không đánh giá", "không tính điểm" or "không chấm điểm", or else the sentence holding it.
fn not_evaluated_sentence(text: &str) -> Option<String> {
    let says = |s: &str| {
        let f = squash(&fold(s));
        f.contains("khong danh gia")
            || f.contains("khong tinh diem")
            || f.contains("khong cham diem")
    };
    if !says(text) {
        return None;
    }
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let after = &rest[open + 1..];
        let Some(close) = after.find(')') else { break };
        let inner = after[..close].trim();
        if says(inner) {
            return Some(inner.to_string());
        }
        rest = &after[close + 1..];
    }
    text.split(['.', ';'])
        .map(str::trim)
        .find(|s| says(s))
        .map(str::to_string)
}

/// True when a notes cell holds only a survey tag.
fn is_bare_tag(text: &str) -> bool {
    matches!(
        squash(&fold(text)).trim_matches(|c: char| !c.is_alphanumeric()),
        "dtxhh" | "dieu tra xa hoi hoc" | "sipas"
    )
}

/// An owner cell names an office, not a remark like "Năm 2021 không được giao nhiệm vụ này".
fn looks_like_office(text: &str) -> bool {
    let f = squash(&fold(text));
    if f.starts_with("nam ") || f.contains("khong ") {
        return false;
    }
    const OFFICES: [&str; 28] = [
        "phong",
        "van phong",
        "trung tam",
        "so ",
        "ban ",
        "thanh tra",
        "ubnd",
        "uy ban",
        "cong an",
        "chi cuc",
        "kho bac",
        "bao hiem",
        "hoi dong",
        "cuc ",
        "vu ",
        "doi ",
        "hat ",
        "toa an",
        "vien ",
        "dai ",
        "bch",
        "ban chi huy",
        "cac phong",
        "cac co quan",
        "co quan",
        "don vi",
        "huyen doan",
        "hoi ",
    ];
    OFFICES.iter().any(|o| f.starts_with(o))
}

/// The deepest criterion number read: 1.2.3.4.5.6.
const MAX_DEPTH: usize = 6;

/// Markup tags removed from cells.
const HTML_TAGS: [&str; 12] = [
    "i", "b", "u", "em", "strong", "br", "span", "p", "sup", "sub", "div", "font",
];

/// A cell's text without markup (`<i>…</i>`, `**`), with whitespace collapsed, in NFC.
pub(super) fn clean(cell: &str) -> String {
    let mut text = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let tag_end = after.find('>');
        // Only the markup documents carry: <i>, </b>, <br/>, <span …>.
        let is_tag = tag_end.is_some_and(|end| {
            let inner = after[..end].trim_start_matches('/');
            let name: String = inner
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let rest = &inner[name.len()..];
            HTML_TAGS.contains(&name.as_str()) && (rest.is_empty() || rest.starts_with([' ', '/']))
        });
        match (is_tag, tag_end) {
            (true, Some(end)) => {
                // A <br> is a line break: a space.
                if after[..end]
                    .trim_start_matches('/')
                    .trim()
                    .eq_ignore_ascii_case("br")
                {
                    text.push(' ');
                }
                rest = &after[end + 1..];
            }
            _ => {
                text.push('<');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    let text = text.replace("**", "");
    let text = squash(&text);
    let text = match (text.strip_prefix('*'), text.ends_with('*')) {
        (Some(inner), true) if inner.len() > 1 => inner[..inner.len() - 1].trim().to_string(),
        _ => text,
    };
    text.nfc().collect()
}

/// Whitespace (line breaks, tabs, no-break spaces) collapsed to single spaces, trimmed.
fn squash(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A decimal with a decimal comma, as Vietnamese documents write it.
fn number(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// A string literal of the language.
fn quote(text: &str) -> String {
    let escaped = text.replace('\\', "\\\\").replace('"', "\\\"");
    format!("\"{}\"", squash(&escaped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(parse_id("1.2.3"), RowId::Id("1.2.3".into()));
        assert_eq!(parse_id(" 1.2. "), RowId::Id("1.2".into()));
        assert_eq!(parse_id("01"), RowId::Id("1".into()));
        assert_eq!(parse_id("II"), RowId::Roman("2".into()));
        assert_eq!(parse_id("XIV"), RowId::Roman("14".into()));
        assert_eq!(parse_id("IIII"), RowId::Bad);
        assert_eq!(parse_id("-"), RowId::Bullet);
        assert_eq!(parse_id("a)"), RowId::Bullet);
        assert_eq!(parse_id(""), RowId::Blank);
        assert_eq!(parse_id("1,2"), RowId::Bad);
        assert_eq!(parse_id("1..2"), RowId::Bad);
    }

    #[test]
    fn markup_is_removed_and_text_kept() {
        assert_eq!(clean("<i>Thực hiện kế hoạch</i>"), "Thực hiện kế hoạch");
        assert_eq!(clean("**BẢNG TỔNG HỢP**"), "BẢNG TỔNG HỢP");
        assert_eq!(clean("a <br/> b"), "a b");
        assert_eq!(clean("x < 5 and y > 3"), "x < 5 and y > 3");
        assert_eq!(clean("  hai\n dòng\u{a0} "), "hai dòng");
    }

    #[test]
    fn not_evaluated_sentences() {
        assert_eq!(
            not_evaluated_sentence("Tham mưu … (nếu trong năm không được giao nhiệm vụ thì không tính điểm tiêu chí này)").as_deref(),
            Some("nếu trong năm không được giao nhiệm vụ thì không tính điểm tiêu chí này")
        );
        assert_eq!(
            not_evaluated_sentence("Xử lý hồ sơ. Đơn vị không có hồ sơ thì không đánh giá")
                .as_deref(),
            Some("Đơn vị không có hồ sơ thì không đánh giá")
        );
        assert_eq!(not_evaluated_sentence("Kết quả giải quyết hồ sơ"), None);
    }

    #[test]
    fn offices_and_remarks() {
        assert!(looks_like_office("Phòng Nội vụ"));
        assert!(looks_like_office("Văn phòng HĐND & UBND huyện"));
        assert!(!looks_like_office("Năm 2021 không được giao nhiệm vụ này"));
    }
}
