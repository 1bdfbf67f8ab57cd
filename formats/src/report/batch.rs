//! A batch's reports: the ranking, the grade distribution, per-area sub-indices, the two
//! stages side by side, points lost and targets. Everything the renderers (text, Markdown,
//! JSON, [`super::html`], [`super::xlsx`]) show is computed once here.

use super::blocks::Doc;
use super::{num, style_of, JsonNumber};
use chiso::batch::groups::{group_summaries, ungrouped_not_scored, GroupSummary};
use chiso::batch::lost::{area_lost, compare_targets, lost_points, LostRow, TargetRow, Targets};
use chiso::batch::previous::{compare_previous, PreviousUnit, YearOverYear};
use chiso::batch::stages::{compare_batch, StageComparison};
use chiso::batch::{grade_counts, rank, Batch, GradeCount, Ranking, Scored};
use chiso::data::Stage;
use chiso::model::Ruleset;
use chiso::text::{format_decimal, format_number, format_percent, same_unit, NumberStyle};
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use std::borrow::Cow;
use std::io::{self, Write};

/// Everything a batch report shows.
pub struct BatchReport<'a> {
    pub ruleset: &'a Ruleset,
    pub batch: &'a Batch,
    pub ranking: Ranking,
    pub grades: Vec<GradeCount>,
    pub comparisons: Vec<StageComparison>,
    /// Per unit of the ranked stage (index into `batch.units`): its targets compared.
    pub targets: Vec<(usize, Vec<TargetRow>)>,
    /// Target files that match no unit (their unit names).
    pub unmatched_targets: Vec<String>,
    /// Per declared group (nhóm), in declared order: its ranking, grade counts and means;
    /// empty when the ruleset declares no groups.
    pub groups: Vec<GroupSummary>,
    /// Units not scored whose data names no declared group (when groups are declared).
    pub ungrouped_not_scored: usize,
    /// Last year's results beside this year's (`--previous`), when given
    /// ([`BatchReport::with_previous`]).
    pub previous: Option<YearOverYear>,
    /// The reader's language: every heading, label and problem the report writes, and how it
    /// writes numbers in the formats people read (Vietnamese unless
    /// [`BatchReport::with_lang`] says otherwise). JSON keys, CSV columns, codes and status
    /// words do not change with it.
    pub lang: chiso::Lang,
    /// The report's words in `lang`, rendered once per report.
    pub words: Words,
}

/// Defines [`Words`]: each field the catalogue entry `report-…` in the report's language.
macro_rules! words {
    ($($(#[$doc:meta])* $field:ident = $id:literal,)*) => {
        /// The words of a report's headings, column heads and labels in its language, each
        /// rendered once per report from the catalogues (`i18n/vi.ftl`, `i18n/en.ftl`).
        pub struct Words {
            $($(#[$doc])* pub $field: String,)*
        }

        impl Words {
            /// Every word in `lang`.
            pub fn new(lang: chiso::Lang) -> Self {
                Words {
                    $($field: chiso::message::Message::new($id).render(lang),)*
                }
            }
        }
    };
}

words! {
    /// "Mã"
    id = "report-col-id",
    /// "Tiêu chí"
    criterion = "report-col-criterion",
    /// "Tối đa"
    max = "report-col-max",
    /// "Điểm"
    points = "report-col-points",
    /// "Bị mất"
    lost = "report-col-lost",
    /// "Ghi chú"
    note = "report-col-note",
    /// "Tự chấm"
    self_score = "report-col-self",
    /// "Tính từ số liệu"
    computed = "report-col-computed",
    /// "Thẩm định"
    appraised = "report-col-appraised",
    /// "Chênh lệch"
    difference = "report-col-difference",
    /// "Ghi chú của hội đồng"
    council_note = "report-col-council-note",
    /// "Đạt"
    achieved = "report-col-achieved",
    /// "Chủ trì"
    owner = "report-col-owner",
    /// "Phấn đấu"
    target = "report-col-target",
    /// "Hạng"
    rank = "report-col-rank",
    /// "Đơn vị"
    unit = "report-col-unit",
    /// "Điểm đạt"
    points_achieved = "report-col-points-achieved",
    /// "Chỉ số"
    index = "report-index",
    /// "Xếp loại"
    grade = "report-grade",
    /// "Khoảng"
    band = "report-col-band",
    /// "Số đơn vị"
    unit_count = "report-col-unit-count",
    /// "Nguồn"
    source = "report-source",
    /// "Nhóm"
    group = "report-col-group",
    /// "TỔNG"
    total = "report-total",
    /// "TỔNG (các tiêu chí đã chấm)"
    total_scored = "report-total-scored",
    /// "KĐG" (không đánh giá)
    not_evaluated = "report-not-evaluated-short",
    /// "đạt" (a target met)
    met = "report-target-met",
    /// "chưa đạt"
    not_met = "report-target-not-met",
    /// "chưa đủ số liệu"
    incomplete = "report-incomplete",
    /// "không chấm được"
    not_scored = "report-not-scored",
    /// "Chưa xếp loại"
    ungraded = "report-ungraded",
    /// "Bình quân"
    mean = "report-mean",
    /// "Chỉ số bình quân"
    mean_index = "report-mean-index",
    /// "Tự đánh giá và thẩm định"
    self_and_appraisal = "report-self-and-appraisal",
    /// "Điểm bị mất"
    lost_heading = "report-lost-heading",
    /// "Điểm phấn đấu và kết quả"
    targets_heading = "report-targets-heading",
    /// "Phân bố xếp loại"
    grade_distribution = "report-grade-distribution",
    /// "Chỉ số thành phần theo lĩnh vực (%)"
    area_indices = "report-area-indices",
    /// "LV" (lĩnh vực), before an area's number in a column head
    area_abbrev = "report-area-abbrev",
}

impl<'a> BatchReport<'a> {
    pub fn new(ruleset: &'a Ruleset, batch: &'a Batch, targets: &[Targets]) -> Self {
        let ranking = rank(batch);
        let grades = grade_counts(ruleset, &ranking);
        let comparisons = compare_batch(ruleset, batch);
        let mut matched = Vec::new();
        let mut unmatched = Vec::new();
        for t in targets {
            let unit = t.unit.clone().unwrap_or_default();
            let found = ranking
                .rows
                .iter()
                .map(|r| (r.unit, &batch.units[r.unit]))
                .find(|(_, u)| same_unit(u.unit(), &unit));
            match found {
                Some((i, u)) => matched.push((i, compare_targets(ruleset, &u.result.unpack(), t))),
                None => unmatched.push(unit),
            }
        }
        BatchReport {
            ruleset,
            batch,
            ranking,
            grades,
            comparisons,
            targets: matched,
            unmatched_targets: unmatched,
            groups: group_summaries(ruleset, batch),
            ungrouped_not_scored: ungrouped_not_scored(ruleset, batch),
            previous: None,
            lang: chiso::Lang::Vi,
            words: Words::new(chiso::Lang::Vi),
        }
    }

    /// The report in the reader's language (the CLI passes `--lang`'s): its headings, labels
    /// and problems, and numbers written as that reader writes them.
    pub fn with_lang(mut self, lang: chiso::Lang) -> Self {
        if lang != self.lang {
            self.lang = lang;
            self.words = Words::new(lang);
            // The bands' words ("từ 80% trở lên") in the reader's language too.
            let ruleset = self.ruleset;
            let groups = self.groups.iter_mut().flat_map(|g| g.grades.iter_mut());
            for count in self.grades.iter_mut().chain(groups) {
                let declared = ruleset
                    .meta
                    .grades
                    .iter()
                    .find(|g| count.grade.as_deref() == Some(g.name.as_str()));
                if let Some(g) = declared {
                    count.band = chiso::batch::rank::describe_band_in(
                        &g.interval,
                        ruleset.meta.grade_basis,
                        lang,
                    );
                }
            }
        }
        self
    }

    /// How the report writes numbers for its reader: a decimal comma in Vietnamese, a point
    /// in English.
    pub fn style(&self) -> NumberStyle {
        style_of(self.lang)
    }

    /// Adds last year's results (read by [`crate::previous::read_previous`]): each unit that
    /// counts is matched by name with its result of last year ([`compare_previous`]).
    pub fn with_previous(mut self, previous: Vec<PreviousUnit>) -> Self {
        let group_ranks = self.group_ranks();
        self.previous = Some(compare_previous(
            self.ruleset,
            self.batch,
            &self.ranking,
            &group_ranks,
            previous,
        ));
        self
    }

    /// Each unit's rank within its group, indexed as `batch.units` (all `None` when the
    /// ruleset declares no groups).
    pub fn group_ranks(&self) -> Vec<Option<usize>> {
        chiso::batch::groups::group_ranks(&self.groups, self.batch)
    }

    /// The units of the ranked stage in ranking order.
    pub fn ranked_units(&self) -> impl Iterator<Item = (&chiso::batch::RankRow, &Scored)> {
        self.ranking
            .rows
            .iter()
            .map(|r| (r, &self.batch.units[r.unit]))
    }

    /// The units of the ranked stage as the page and the workbook list them: in ranking order,
    /// or with declared groups group by group (declared order), each row's rank the rank
    /// within its group.
    pub fn listed_units(&self) -> Box<dyn Iterator<Item = (&chiso::batch::RankRow, &Scored)> + '_> {
        if self.groups.is_empty() {
            return Box::new(self.ranked_units());
        }
        Box::new(
            self.groups
                .iter()
                .flat_map(|g| &g.ranking.rows)
                .map(|r| (r, &self.batch.units[r.unit])),
        )
    }

    /// A unit's points lost: by criterion, and by area.
    pub fn lost(&self, unit: &Scored) -> (Vec<LostRow>, Vec<LostRow>) {
        let result = unit.result.unpack();
        (
            lost_points(self.ruleset, &result),
            area_lost(self.ruleset, &result),
        )
    }

    /// The ranked stage's name in the report's language: "thẩm định" / "appraisal"…
    pub fn stage_name(&self) -> String {
        stage_name(self.ranking.stage, self.lang)
    }
}

/// A stage's default name for a reader of `lang` ([`Stage::label_in`]).
pub fn stage_name(stage: Stage, lang: chiso::Lang) -> String {
    stage.label_in(lang)
}

/// A number or "—", in `style`.
pub(crate) fn opt_n(d: Option<Decimal>, style: NumberStyle) -> String {
    d.map(|d| num(d, style)).unwrap_or_else(|| "—".into())
}

/// A percentage in `style`: as computed (`places` `None`: `79%`, the text reports) or with
/// `places` decimals (`79,00%`, the page and the workbook).
pub(crate) fn pct_places(d: Option<Decimal>, style: NumberStyle, places: Option<u32>) -> String {
    match places {
        None => pct_n(d, style),
        Some(places) => super::html::vp(d, places, style),
    }
}

/// A percentage or "—", in `style`.
pub(crate) fn pct_n(d: Option<Decimal>, style: NumberStyle) -> String {
    d.map(|p| format_percent(p, style))
        .unwrap_or_else(|| "—".into())
}

/// A difference with its sign (`+1,5`), or "—", in `style`.
pub(crate) fn signed_n(d: Option<Decimal>, style: NumberStyle) -> String {
    match d {
        Some(v) if v > Decimal::ZERO => format!("+{}", num(v, style)),
        Some(v) => num(v, style),
        None => "—".into(),
    }
}

/// What the ranking says of a unit without a grade: whether its data is wrong (a rule failed
/// on it: a numerator above its denominator, a value out of range), missing, or both; "—" for
/// a complete unit the bands do not grade.
pub(crate) fn unranked_label(result: &chiso::batch::PackedResult, lang: chiso::Lang) -> String {
    let id = match (result.has_failed(), !result.missing.is_empty()) {
        (true, true) => "report-fixes-unranked-wrong-and-missing",
        (true, false) => "report-fixes-unranked-wrong",
        (false, true) => "report-fixes-unranked-missing",
        (false, false) => return "—".into(),
    };
    chiso::message::Message::new(id).render(lang)
}

/// What a column of a [`Table`] holds, for the page's and the workbook's number formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// Read from the cell: a percentage (`89%`), a number (points), or text.
    Auto,
    /// Whole numbers: ranks, counts (the workbook's `0`).
    Count,
    /// A unit's total, printed with the declared places (`hiển thị N chữ số`, `--decimals`).
    Total,
    /// Percentages written without `%` (an area's sub-index under a `(%)` heading).
    Index,
}

/// A stage's total cell: "41,5 / 47 (88,3%)" — the one place it is written (comparisons and
/// appraisal rounds).
pub(crate) fn out_of(
    total: Option<Decimal>,
    max: Option<Decimal>,
    percent: Option<Decimal>,
    style: NumberStyle,
) -> String {
    format!(
        "{} / {} ({})",
        opt_n(total, style),
        opt_n(max, style),
        pct_n(percent, style)
    )
}

/// A simple table: rows of cells, aligned for text or written as Markdown.
pub(crate) struct Table {
    head: Vec<String>,
    right: Vec<bool>,
    kinds: Vec<Column>,
    pub(crate) rows: Vec<Vec<String>>,
}

impl Table {
    pub(crate) fn new(head: &[(&str, bool)]) -> Self {
        Table {
            head: head.iter().map(|(h, _)| h.to_string()).collect(),
            right: head.iter().map(|(_, r)| *r).collect(),
            kinds: vec![Column::Auto; head.len()],
            rows: Vec::new(),
        }
    }

    /// Says what column `column` holds (all are [`Column::Auto`] until said).
    pub(crate) fn set_kind(&mut self, column: usize, kind: Column) {
        if let Some(k) = self.kinds.get_mut(column) {
            *k = kind;
        }
    }

    /// What column `column` holds.
    pub(crate) fn kind(&self, column: usize) -> Column {
        self.kinds.get(column).copied().unwrap_or(Column::Auto)
    }

    /// The header cells.
    pub(crate) fn head(&self) -> &[String] {
        &self.head
    }

    /// As an HTML table, cells escaped by `esc`, right-aligned columns of class `n`; the
    /// percentages of figure columns written with `percent_places` decimals, as the page's
    /// ranking writes them (one formatting on the page).
    pub(crate) fn html(
        &self,
        esc: fn(&str) -> String,
        percent_places: u32,
        style: NumberStyle,
    ) -> String {
        let class = |c: usize| if self.right[c] { " class=\"n\"" } else { "" };
        let mut out = String::from("<table><thead><tr>");
        for (c, h) in self.head.iter().enumerate() {
            out.push_str(&format!("<th{}>{}</th>", class(c), esc(h)));
        }
        out.push_str("</tr></thead><tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for (c, cell) in row.iter().enumerate() {
                let shown = if self.right.get(c).copied().unwrap_or(false) {
                    page_figure(cell, self.kind(c), percent_places, style)
                } else {
                    None
                };
                let cell = shown.as_deref().unwrap_or(cell);
                out.push_str(&format!("<td{}>{}</td>", class(c), esc(cell)));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
        out
    }

    pub(crate) fn render(&self, markdown: bool) -> String {
        let mut out = String::new();
        let rows: Vec<Vec<Cow<str>>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| Cow::Borrowed(c.as_str())).collect())
            .collect();
        render_cells(&mut out, markdown, &self.head, &self.right, &rows);
        out
    }
}

/// A figure cell of a section as the page writes it, when it holds a percentage: `89%` and
/// `8,9 / 10 (89%)` with `places` decimals (`89,00%`), an [`Column::Index`] cell (`87,5`) too
/// (`87,50`); `None` to keep the cell as it is. Cells are written in `style`.
fn page_figure(cell: &str, kind: Column, places: u32, style: NumberStyle) -> Option<String> {
    let separator = match style {
        NumberStyle::Vietnamese => chiso::text::DecimalSeparator::Comma,
        NumberStyle::Machine => chiso::text::DecimalSeparator::Point,
    };
    let parse = |text: &str| {
        chiso::text::parse_decimal_text(text, separator)
            .ok()
            .map(|(d, _)| d)
    };
    if kind == Column::Index {
        return parse(cell).map(|d| super::html::fixed(d, places, style));
    }
    let (before, number) = match cell.strip_suffix("%)") {
        Some(rest) => {
            let open = rest.rfind('(')?;
            (&rest[..=open], &rest[open + 1..])
        }
        None => ("", cell.strip_suffix('%')?),
    };
    let (sign, digits) = match number.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", number),
    };
    let d = parse(digits)?;
    let close = if before.is_empty() { "" } else { ")" };
    Some(format!(
        "{before}{sign}{}%{close}",
        super::html::fixed(d, places, style)
    ))
}

/// A table's lines appended to `out`, as Markdown or aligned text: the one renderer of
/// [`Table`] and of the per-unit tables that borrow their cells rather than copy them.
/// In text, each cell is cut to 60 columns (titles run to 300 characters) and columns are
/// padded to their widest cell, numbers (`right`) on the right, trailing spaces trimmed.
pub(crate) fn render_cells<S: AsRef<str>>(
    out: &mut String,
    markdown: bool,
    head: &[S],
    right: &[bool],
    rows: &[Vec<Cow<str>>],
) {
    if markdown {
        let row = |out: &mut String, cells: &mut dyn Iterator<Item = &str>| {
            out.push_str("| ");
            for (c, cell) in cells.enumerate() {
                if c > 0 {
                    out.push_str(" | ");
                }
                push_md_escaped(out, cell);
            }
            out.push_str(" |\n");
        };
        row(out, &mut head.iter().map(AsRef::as_ref));
        out.push('|');
        for (c, r) in right.iter().enumerate() {
            if c > 0 {
                out.push('|');
            }
            out.push_str(if *r { "---:" } else { "---" });
        }
        out.push_str("|\n");
        for cells in rows {
            row(out, &mut cells.iter().map(AsRef::as_ref));
        }
        return;
    }
    let head: Vec<Fitted> = head.iter().map(|h| fit_cell(h.as_ref())).collect();
    let rows: Vec<Vec<Fitted>> = rows
        .iter()
        .map(|r| r.iter().map(|c| fit_cell(c)).collect())
        .collect();
    aligned(out, right, &head, &rows);
}

/// A cell of an aligned text table: its text as shown (cut to 60 columns) and its width.
pub(crate) type Fitted<'a> = (Cow<'a, str>, usize);

/// A cell cut to 60 columns (titles run to 300 characters), with its display width.
pub(crate) fn fit_cell(s: &str) -> Fitted<'_> {
    let w = super::text_width(s);
    if w <= 60 {
        return (Cow::Borrowed(s), w);
    }
    let mut cut = String::new();
    let mut used = 0;
    for ch in s.chars() {
        let w = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if used + w > 59 {
            break;
        }
        cut.push(ch);
        used += w;
    }
    cut.push('…');
    let w = super::text_width(&cut);
    (Cow::Owned(cut), w)
}

/// Aligned text lines of fitted cells: each column padded to its widest cell, numbers
/// (`right`) on the right, two spaces between columns, trailing spaces trimmed.
pub(crate) fn aligned(out: &mut String, right: &[bool], head: &[Fitted], rows: &[Vec<Fitted>]) {
    let widths: Vec<usize> = (0..head.len())
        .map(|c| {
            std::iter::once(&head[c])
                .chain(rows.iter().filter_map(|r| r.get(c)))
                .map(|(_, w)| *w)
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |out: &mut String, cells: &[Fitted]| {
        let start = out.len();
        for (c, (s, w)) in cells.iter().enumerate() {
            if c > 0 {
                out.push_str("  ");
            }
            let pad = widths[c].saturating_sub(*w);
            if right[c] {
                out.extend(std::iter::repeat_n(' ', pad));
                out.push_str(s);
            } else {
                out.push_str(s);
                out.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let kept = out[start..].trim_end().len();
        out.truncate(start + kept);
        out.push('\n');
    };
    line(out, head);
    for row in rows {
        line(out, row);
    }
}

/// Markdown cell text: `|` escaped.
fn push_md_escaped(out: &mut String, text: &str) {
    if text.contains('|') {
        out.push_str(&text.replace('|', "\\|"));
    } else {
        out.push_str(text);
    }
}

pub(crate) fn heading(out: &mut String, markdown: bool, title: &str) {
    if markdown {
        out.push_str(&format!("\n## {title}\n\n"));
    } else {
        out.push_str(&format!(
            "\n{title}\n{}\n",
            "═".repeat(title.chars().count())
        ));
    }
}

/// Writes the batch sections as plain text or Markdown: ranking, grades, areas, both stages,
/// points lost, targets. Each section (and each unit's points lost) is written as soon as it
/// is rendered, so the report is never held whole; numbers have a decimal comma.
///
/// # Errors
/// What `sink` returns.
pub fn write_text(report: &BatchReport, markdown: bool, sink: &mut dyn Write) -> io::Result<()> {
    let rs = report.ruleset;
    let w = &report.words;
    let style = report.style();
    let vi = |d: Decimal| num(d, style);
    let opt_vi = |d: Option<Decimal>| opt_n(d, style);
    let signed_vi = |d: Option<Decimal>| signed_n(d, style);
    let mut out = String::new();
    // Hands what is rendered so far to the sink.
    let mut flush = |out: &mut String| -> io::Result<()> {
        sink.write_all(out.as_bytes())?;
        out.clear();
        Ok(())
    };
    // With groups, each group's ranking, grades and areas in place of the batch's.
    if report.groups.is_empty() {
        out.push_str(&ranking_text(report, markdown));
    } else {
        out.push_str(&super::groups::text(report, markdown));
    }
    if let Some(previous) = &report.previous {
        out.push_str(&super::year::text(report, previous, markdown));
    }
    flush(&mut out)?;

    for c in &report.comparisons {
        if c.rounds.len() > 1 {
            out.push_str(&super::rounds::text(report, c, markdown));
            continue;
        }
        heading(
            &mut out,
            markdown,
            &format!("{} — {}", w.self_and_appraisal, c.unit),
        );
        let mut t = Table::new(&[
            (w.id.as_str(), false),
            (w.criterion.as_str(), false),
            (w.max.as_str(), true),
            (w.self_score.as_str(), true),
            (w.computed.as_str(), true),
            (w.appraised.as_str(), true),
            (w.difference.as_str(), true),
            (w.council_note.as_str(), false),
        ]);
        for r in &c.rows {
            let node = &rs.nodes[r.node];
            let flag = if r.flagged { " ⚠" } else { "" };
            t.rows.push(vec![
                node.id.clone(),
                node.title.clone(),
                vi(r.max),
                if r.not_evaluated {
                    w.not_evaluated.clone()
                } else {
                    format!("{}{flag}", opt_vi(r.self_score))
                },
                opt_vi(r.computed),
                opt_vi(r.appraised),
                signed_vi(r.difference),
                r.note.clone().unwrap_or_default(),
            ]);
        }
        t.rows.push(vec![
            String::new(),
            w.total.clone(),
            String::new(),
            out_of(c.self_total, c.self_max, c.self_percent, style),
            String::new(),
            out_of(
                c.appraised_total,
                c.appraised_max,
                c.appraised_percent,
                style,
            ),
            signed_vi(c.total_difference()),
            String::new(),
        ]);
        out.push_str(&t.render(markdown));
        if let Some(note) = survey_note_in(c, style, report.lang) {
            out.push_str(&format!("\n{note}\n"));
        }
        if c.flags > 0 {
            out.push_str(&format!("\n⚠ {}\n", flags_line(c.flags, report.lang)));
        }
        flush(&mut out)?;
    }

    // The ruleset's texts as the points-lost tables show them, found once per report (not
    // once per unit): each title uppercased (an area's row), and for text each node's id,
    // title and uppercased title fitted to its column.
    let upper_titles: Vec<String> = rs.nodes.iter().map(|n| n.title.to_uppercase()).collect();
    let fitted = |text: &str| {
        let (shown, width) = fit_cell(text);
        (shown.into_owned(), width)
    };
    let node_cells: Vec<[(String, usize); 3]> = rs
        .nodes
        .iter()
        .zip(&upper_titles)
        .map(|(n, upper)| [fitted(&n.id), fitted(&n.title), fitted(upper)])
        .collect();
    let number = |d: Decimal| {
        let text = vi(d);
        let width = text.len();
        (Cow::Owned(text), width)
    };
    for (_, unit) in report.ranked_units() {
        // One unit unpacked at a time, once for its three tables.
        let result = unit.result.unpack();
        let lost = lost_points(rs, &result);
        if lost.is_empty() {
            continue;
        }
        let areas = area_lost(rs, &result);
        heading(
            &mut out,
            markdown,
            &format!("{} — {}", w.lost_heading, unit.unit()),
        );
        let t = Table::new(&[
            (w.id.as_str(), false),
            (w.criterion.as_str(), false),
            (w.max.as_str(), true),
            (w.achieved.as_str(), true),
            (w.lost.as_str(), true),
            (w.owner.as_str(), false),
        ]);
        let total_title = if unit.result.is_complete() {
            w.total.as_str()
        } else {
            w.total_scored.as_str()
        };
        let (max, achieved, lost_sum) = chiso::batch::lost::total_lost(rs, &result);
        // The rows as (id, title, max, achieved, lost, owner) over the ruleset's texts.
        let rows = areas.iter().map(|r| (r, 2, "")).chain(
            lost.iter()
                .map(|r| (r, 1, r.owner.as_deref().unwrap_or_default())),
        );
        if markdown {
            let mut cells: Vec<Vec<Cow<str>>> = rows
                .map(|(r, title, owner)| {
                    let node = &rs.nodes[r.node];
                    let title = if title == 2 {
                        Cow::Borrowed(upper_titles[r.node].as_str())
                    } else {
                        Cow::Borrowed(node.title.as_str())
                    };
                    vec![
                        Cow::Borrowed(node.id.as_str()),
                        title,
                        Cow::Owned(vi(r.max)),
                        Cow::Owned(vi(r.achieved)),
                        Cow::Owned(vi(r.lost)),
                        Cow::Borrowed(owner),
                    ]
                })
                .collect();
            cells.push(vec![
                Cow::Borrowed(""),
                Cow::Borrowed(total_title),
                Cow::Owned(vi(max)),
                Cow::Owned(vi(achieved)),
                Cow::Owned(vi(lost_sum)),
                Cow::Borrowed(""),
            ]);
            render_cells(&mut out, true, t.head(), &t.right, &cells);
        } else {
            let mut cells: Vec<Vec<Fitted>> = rows
                .map(|(r, title, owner)| {
                    let node = &node_cells[r.node];
                    vec![
                        (Cow::Borrowed(node[0].0.as_str()), node[0].1),
                        (Cow::Borrowed(node[title].0.as_str()), node[title].1),
                        number(r.max),
                        number(r.achieved),
                        number(r.lost),
                        fit_cell(owner),
                    ]
                })
                .collect();
            cells.push(vec![
                fit_cell(""),
                fit_cell(total_title),
                number(max),
                number(achieved),
                number(lost_sum),
                fit_cell(""),
            ]);
            let head: Vec<Fitted> = t.head().iter().map(|h| fit_cell(h)).collect();
            aligned(&mut out, &t.right, &head, &cells);
        }
        flush(&mut out)?;
    }

    // The last column says whether each target is met (đạt / chưa đạt).
    let met_heading = chiso::msg!("report-fixes-target-met").render(report.lang);
    for (i, rows) in &report.targets {
        let unit = &report.batch.units[*i];
        heading(
            &mut out,
            markdown,
            &format!("{} — {}", w.targets_heading, unit.unit()),
        );
        let mut t = Table::new(&[
            (w.id.as_str(), false),
            (w.criterion.as_str(), false),
            (w.max.as_str(), true),
            (w.target.as_str(), true),
            (w.achieved.as_str(), true),
            (w.difference.as_str(), true),
            (met_heading.as_str(), false),
        ]);
        for r in rows {
            let node = &rs.nodes[r.node];
            t.rows.push(vec![
                node.id.clone(),
                node.title.clone(),
                vi(r.max),
                vi(r.target),
                if r.not_evaluated {
                    w.not_evaluated.clone()
                } else {
                    opt_vi(r.achieved)
                },
                signed_vi(r.gap),
                if r.met {
                    w.met.clone()
                } else if r.gap.is_some() {
                    w.not_met.clone()
                } else {
                    String::new()
                },
            ]);
        }
        out.push_str(&t.render(markdown));
        flush(&mut out)?;
    }
    flush(&mut out)
}

/// The batch's ranking, grade distribution and area sub-indices (one group: the batch).
fn ranking_text(report: &BatchReport, markdown: bool) -> String {
    let not_scored: Vec<&chiso::batch::NotScored> = report.batch.not_scored.iter().collect();
    ranking_sections(
        report,
        &Section {
            name: None,
            ranking: &report.ranking,
            grades: &report.grades,
            not_scored: &not_scored,
            means: None,
        },
    )
    .text(markdown)
}

/// One group's part of the ranking sections (the batch's when `name` is `None`).
pub(crate) struct Section<'s> {
    /// The group's name, added to each heading.
    pub name: Option<&'s str>,
    pub ranking: &'s Ranking,
    pub grades: &'s [GradeCount],
    /// The units not scored listed at the end of the ranking.
    pub not_scored: &'s [&'s chiso::batch::NotScored],
    /// The mean index and the mean area sub-indices, shown under the tables.
    pub means: Option<(Option<Decimal>, &'s [Option<Decimal>])>,
}

/// The ranking, grade distribution and area sub-indices of a group (or the batch).
pub(crate) fn ranking_sections(report: &BatchReport, section: &Section) -> Doc {
    let rs = report.ruleset;
    let w = &report.words;
    let style = report.style();
    let opt_vi = |d: Option<Decimal>| opt_n(d, style);
    let pct_vi = |d: Option<Decimal>| pct_n(d, style);
    let mut out = Doc::default();
    let suffix = section.name.map(|n| format!(" — {n}")).unwrap_or_default();
    out.heading(
        chiso::msg!(
            "report-ranking-heading",
            stage = report.stage_name(),
            group = suffix.as_str(),
            ruleset = rs.meta.title.as_str()
        )
        .render(report.lang),
    );
    let mut t = Table::new(&[
        (w.rank.as_str(), true),
        (w.unit.as_str(), false),
        (w.points_achieved.as_str(), true),
        (w.max.as_str(), true),
        (w.index.as_str(), true),
        (w.grade.as_str(), false),
    ]);
    let rows = || {
        section
            .ranking
            .rows
            .iter()
            .map(|r| (r, &report.batch.units[r.unit]))
    };
    for (row, unit) in rows() {
        t.rows.push(vec![
            row.rank
                .map(|r| r.to_string())
                .unwrap_or_else(|| "—".into()),
            unit.unit().to_string(),
            rs.format_points(unit.result.total(), style),
            num(unit.result.max, style),
            pct_vi(row.percent),
            row.grade
                .clone()
                .unwrap_or_else(|| unranked_label(&unit.result, report.lang)),
        ]);
    }
    for n in section.not_scored {
        t.rows.push(vec![
            "—".into(),
            n.label(),
            "—".into(),
            "—".into(),
            "—".into(),
            w.not_scored.clone(),
        ]);
    }
    t.set_kind(0, Column::Count);
    t.set_kind(2, Column::Total);
    out.table(t);
    if let Some((mean, _)) = section.means {
        let label = format!("{}{suffix}", w.mean_index);
        out.figures(move |places| format!("{label}: {}", pct_places(mean, style, places)));
    }

    out.heading(format!("{}{suffix}", w.grade_distribution));
    let mut t = Table::new(&[
        (w.grade.as_str(), false),
        (w.band.as_str(), false),
        (w.unit_count.as_str(), true),
    ]);
    for g in section.grades {
        t.rows.push(vec![
            g.grade.clone().unwrap_or_else(|| w.ungraded.clone()),
            g.band.clone(),
            g.count.to_string(),
        ]);
    }
    t.set_kind(2, Column::Count);
    out.table(t);

    out.heading(format!("{}{suffix}", w.area_indices));
    let mut head: Vec<(String, bool)> = vec![(w.unit.clone(), false)];
    // Areas headed by their names, shortened as on the page (`1. Chỉ đạo, điều hành`).
    head.extend(rs.roots.iter().enumerate().map(|(k, &r)| {
        (
            format!(
                "{}. {}",
                k + 1,
                super::html::area_short_name(&rs.nodes[r].title)
            ),
            true,
        )
    }));
    let head_refs: Vec<(&str, bool)> = head.iter().map(|(h, r)| (h.as_str(), *r)).collect();
    let mut t = Table::new(&head_refs);
    for (_, unit) in rows() {
        let mut row = vec![unit.unit().to_string()];
        row.extend(unit.areas.iter().map(|a| opt_vi(a.percent)));
        t.rows.push(row);
    }
    if let Some((_, areas)) = section.means {
        let mut row = vec![w.mean.clone()];
        row.extend(areas.iter().map(|a| opt_vi(*a)));
        t.rows.push(row);
    }
    for c in 1..=rs.roots.len() {
        t.set_kind(c, Column::Index);
    }
    out.table(t);
    out
}

/// Adds the batch's findings to the JSON objects of its units (the array of
/// [`super::unit_json`]): `origin`, `rank`, `areas`, `lost_points` and, where present,
/// `comparison` and `targets`; then one object per unit not scored
/// ([`super::not_scored_json`]). Written unit by unit: one unit's object at a time.
///
/// # Errors
/// What `out` returns.
pub fn write_json(report: &BatchReport, out: &mut dyn Write) -> io::Result<()> {
    let rs = report.ruleset;
    let count = report.batch.units.len();
    let fields = super::columns::UnitFields::new(report);
    let mut ranks = vec![None; count];
    for r in &report.ranking.rows {
        ranks[r.unit] = r.rank;
    }
    // Each unit's comparison and targets, found once rather than searched per unit.
    let mut comparison_of: Vec<Option<&StageComparison>> = vec![None; count];
    for c in report.comparisons.iter().rev() {
        let rounds = c.rounds.iter().filter_map(|r| r.unit);
        for i in [c.self_unit, c.appraised_unit]
            .into_iter()
            .flatten()
            .chain(rounds)
        {
            if i < count {
                comparison_of[i] = Some(c);
            }
        }
    }
    let mut targets_of: Vec<Option<&[TargetRow]>> = vec![None; count];
    for (i, rows) in report.targets.iter().rev() {
        if *i < count {
            targets_of[*i] = Some(rows);
        }
    }
    let units = report
        .batch
        .units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            super::Either::Unit(super::UnitJson {
                ruleset: rs,
                result: &unit.result,
                extra: Some(UnitExtra {
                    report,
                    fields: &fields,
                    index: i,
                    unit,
                    rank: ranks[i],
                    comparison: comparison_of[i],
                    targets: targets_of[i],
                }),
            })
        })
        .chain(report.batch.not_scored.iter().map(|n| {
            let mut object = super::not_scored_json(rs, n, report.lang);
            super::columns::add_not_scored_fields(report, n, &mut object);
            super::Either::Value(object)
        }))
        .chain(
            super::columns::previous_only_json(report)
                .into_iter()
                .map(super::Either::Value),
        );
    super::write_json_array(out, rs, units)
}

/// What a batch adds to a unit's JSON object.
pub(crate) struct UnitExtra<'a> {
    report: &'a BatchReport<'a>,
    /// Group and last year's fields (`columns`), found once for the batch.
    fields: &'a super::columns::UnitFields,
    /// The unit's index in `report.batch.units`.
    index: usize,
    unit: &'a Scored,
    rank: Option<usize>,
    comparison: Option<&'a StageComparison>,
    targets: Option<&'a [TargetRow]>,
}

impl UnitExtra<'_> {
    /// `origin`, `rank`, `areas`, `lost_points`, and where present `comparison`, `targets`.
    pub(crate) fn serialize_entries<M: serde::ser::SerializeMap>(
        &self,
        map: &mut M,
    ) -> Result<(), M::Error> {
        let rs = self.report.ruleset;
        let unit = self.unit;
        map.serialize_entry("origin", &unit.origin.to_string())?;
        map.serialize_entry("rank", &self.rank)?;
        let areas: Vec<AreaJson> = unit
            .areas
            .iter()
            .map(|a| AreaJson {
                id: &rs.nodes[a.node].id,
                achieved: a.achieved.map(JsonNumber),
                max: JsonNumber(a.max),
                percent: a.percent.map(JsonNumber),
            })
            .collect();
        map.serialize_entry("areas", &areas)?;
        let (lost, _) = self.report.lost(unit);
        let lost: Vec<LostJson> = lost
            .iter()
            .map(|r| LostJson {
                id: &rs.nodes[r.node].id,
                max: JsonNumber(r.max),
                achieved: JsonNumber(r.achieved),
                lost: JsonNumber(r.lost),
                owner: &r.owner,
            })
            .collect();
        map.serialize_entry("lost_points", &lost)?;
        let mut added = serde_json::Map::new();
        super::columns::add_unit_fields(self.report, self.fields, self.index, &mut added);
        for (key, value) in &added {
            map.serialize_entry(key, value)?;
        }
        if let Some(c) = self.comparison {
            let mut comparison = comparison_json(rs, c);
            super::columns::add_rounds(rs, c, &mut comparison);
            map.serialize_entry("comparison", &comparison)?;
        }
        if let Some(rows) = self.targets {
            let rows: Vec<Json> = rows
                .iter()
                .map(|r| {
                    json!({
                        "id": rs.nodes[r.node].id,
                        "target": format_decimal(r.target),
                        "achieved": r.achieved.map(format_decimal),
                        "gap": r.gap.map(format_decimal),
                        "met": r.met,
                    })
                })
                .collect();
            map.serialize_entry("targets", &rows)?;
        }
        Ok(())
    }
}

#[derive(serde::Serialize)]
struct AreaJson<'a> {
    id: &'a str,
    achieved: Option<JsonNumber>,
    max: JsonNumber,
    percent: Option<JsonNumber>,
}

#[derive(serde::Serialize)]
struct LostJson<'a> {
    id: &'a str,
    max: JsonNumber,
    achieved: JsonNumber,
    lost: JsonNumber,
    owner: &'a Option<String>,
}

fn comparison_json(rs: &Ruleset, c: &StageComparison) -> Json {
    let rows: Vec<Json> = c
        .rows
        .iter()
        .map(|r| {
            json!({
                "id": rs.nodes[r.node].id,
                "claimed": r.claimed.map(format_decimal),
                "computed": r.computed.map(format_decimal),
                "self": r.self_score.map(format_decimal),
                "appraised": r.appraised.map(format_decimal),
                "difference": r.difference.map(format_decimal),
                "note": r.note,
                "flagged": r.flagged,
            })
        })
        .collect();
    json!({
        "self_total": c.self_total.map(format_decimal),
        "self_max": c.self_max.map(format_decimal),
        "self_percent": c.self_percent.map(format_decimal),
        "self_survey": c.self_survey.map(format_decimal),
        "appraised_total": c.appraised_total.map(format_decimal),
        "appraised_max": c.appraised_max.map(format_decimal),
        "appraised_survey": c.appraised_survey.map(format_decimal),
        "appraised_percent": c.appraised_percent.map(format_decimal),
        "flags": c.flags,
        "rows": rows,
    })
}

/// What each stage leaves to the survey, beside the comparison's totals (each stage's total
/// is over what that stage scores): "Chờ điều tra XHH (ngoài tổng trên): tự đánh giá 25
/// điểm; thẩm định 25 điểm." in the report's language and number style. `None` when no stage
/// waits for survey points.
pub fn survey_note(report: &BatchReport, c: &StageComparison) -> Option<String> {
    survey_note_in(c, report.style(), report.lang)
}

/// [`survey_note`] with its numbers written in `style`, its words in `lang`.
pub fn survey_note_in(
    c: &StageComparison,
    style: NumberStyle,
    lang: chiso::Lang,
) -> Option<String> {
    let stages = [
        (Stage::SelfAssessment.label_in(lang), c.self_survey),
        (Stage::Appraised.label_in(lang), c.appraised_survey),
    ];
    survey_pending(stages, style, lang)
}

/// "Chờ điều tra XHH (ngoài tổng trên): tự đánh giá 25 điểm; …." for the stages that wait for
/// survey points (`None` when none does): the one wording of comparisons and rounds.
pub(crate) fn survey_pending(
    stages: impl IntoIterator<Item = (String, Option<Decimal>)>,
    style: NumberStyle,
    lang: chiso::Lang,
) -> Option<String> {
    let parts: Vec<String> = stages
        .into_iter()
        .filter_map(|(stage, pending)| {
            pending.filter(|p| !p.is_zero()).map(|p| {
                chiso::msg!(
                    "report-survey-stage",
                    stage = stage,
                    points = format_number(p, style)
                )
                .render(lang)
            })
        })
        .collect();
    (!parts.is_empty())
        .then(|| chiso::msg!("report-survey-pending", stages = parts.join("; ")).render(lang))
}

/// "N tiêu chí: điểm tự chấm khác điểm tính từ số liệu của đơn vị." in `lang`.
pub(crate) fn flags_line(flags: usize, lang: chiso::Lang) -> String {
    chiso::msg!("report-flags", count = flags).render(lang)
}

/// A unit name as a short, file- and sheet-safe label.
pub(crate) fn short_name(name: &str, max: usize) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') {
                ' '
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.chars().count() <= max {
        trimmed.to_string()
    } else {
        trimmed
            .chars()
            .take(max)
            .collect::<String>()
            .trim_end()
            .to_string()
    }
}

#[cfg(test)]
mod report_fixes_tests {
    use super::{page_figure, Column};
    const VI: chiso::text::NumberStyle = chiso::text::NumberStyle::Vietnamese;

    #[test]
    fn the_page_writes_a_sections_percentages_with_the_rulesets_places() {
        assert_eq!(
            page_figure("89%", Column::Auto, 2, VI).as_deref(),
            Some("89,00%")
        );
        assert_eq!(
            page_figure("+0,5%", Column::Auto, 2, VI).as_deref(),
            Some("+0,50%")
        );
        assert_eq!(
            page_figure("8,9 / 10 (89%)", Column::Auto, 2, VI).as_deref(),
            Some("8,9 / 10 (89,00%)")
        );
        assert_eq!(
            page_figure("87,5", Column::Index, 2, VI).as_deref(),
            Some("87,50")
        );
        // Never rounded here: a value with more places keeps them.
        assert_eq!(
            page_figure("86,471%", Column::Auto, 2, VI).as_deref(),
            Some("86,471%")
        );
        // Not a percentage: kept as it is.
        assert_eq!(page_figure("8,9", Column::Auto, 2, VI), None);
        assert_eq!(page_figure("—", Column::Index, 2, VI), None);
        assert_eq!(page_figure("— / — (—)", Column::Auto, 2, VI), None);
    }
}
