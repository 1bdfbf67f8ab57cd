//! A batch's reports: the ranking, the grade distribution, per-area sub-indices, the two
//! stages side by side, points lost and targets. Everything the renderers (text, Markdown,
//! JSON, [`super::html`], [`super::xlsx`]) show is computed once here.

use super::blocks::Doc;
use super::vi;
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
        }
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

    /// "thẩm định" / "tự đánh giá"
    pub fn stage_name(&self) -> &'static str {
        stage_name(self.ranking.stage)
    }
}

pub fn stage_name(stage: Stage) -> &'static str {
    stage.label()
}

/// [`opt`], [`pct`] and [`signed`] for a person: decimal comma.
pub(crate) fn opt_vi(d: Option<Decimal>) -> String {
    d.map(vi).unwrap_or_else(|| "—".into())
}

/// A percentage for a person: as computed (`places` `None`: `79%`, the text reports) or with
/// `places` decimals (`79,00%`, the page and the workbook).
pub(crate) fn pct_places(d: Option<Decimal>, places: Option<u32>) -> String {
    match places {
        None => pct_vi(d),
        Some(places) => super::html::vp(d, places),
    }
}

pub(crate) fn pct_vi(d: Option<Decimal>) -> String {
    d.map(|p| format_percent(p, NumberStyle::Vietnamese))
        .unwrap_or_else(|| "—".into())
}

pub(crate) fn signed_vi(d: Option<Decimal>) -> String {
    match d {
        Some(v) if v > Decimal::ZERO => format!("+{}", vi(v)),
        Some(v) => vi(v),
        None => "—".into(),
    }
}

/// What the ranking says of a unit without a grade: whether its data is wrong (a rule failed
/// on it: a numerator above its denominator, a value out of range), missing, or both; "—" for
/// a complete unit the bands do not grade.
pub(crate) fn unranked_label(result: &chiso::batch::PackedResult) -> String {
    let id = match (result.has_failed(), !result.missing.is_empty()) {
        (true, true) => "report-fixes-unranked-wrong-and-missing",
        (true, false) => "report-fixes-unranked-wrong",
        (false, true) => "report-fixes-unranked-missing",
        (false, false) => return "—".into(),
    };
    chiso::message::Message::new(id).render(super::REPORT_LANG)
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
    pub(crate) fn html(&self, esc: fn(&str) -> String, percent_places: u32) -> String {
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
                    page_figure(cell, self.kind(c), percent_places)
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
        use unicode_width::UnicodeWidthStr;
        let mut out = String::new();
        if markdown {
            let esc = |s: &str| s.replace('|', "\\|");
            out.push_str(&format!(
                "| {} |\n",
                self.head
                    .iter()
                    .map(|h| esc(h))
                    .collect::<Vec<_>>()
                    .join(" | ")
            ));
            out.push_str(&format!(
                "|{}|\n",
                self.right
                    .iter()
                    .map(|r| if *r { "---:" } else { "---" })
                    .collect::<Vec<_>>()
                    .join("|")
            ));
            for row in &self.rows {
                out.push_str(&format!(
                    "| {} |\n",
                    row.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
                ));
            }
            return out;
        }
        // Each cell cut to 60 columns once (titles run to 300 characters), with its width.
        let cut = |s: &str| -> (String, usize) {
            let w = s.width();
            if w <= 60 {
                return (s.to_string(), w);
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
            let w = cut.width();
            (cut, w)
        };
        let head: Vec<(String, usize)> = self.head.iter().map(|h| cut(h)).collect();
        let rows: Vec<Vec<(String, usize)>> = self
            .rows
            .iter()
            .map(|r| r.iter().map(|c| cut(c)).collect())
            .collect();
        let widths: Vec<usize> = (0..head.len())
            .map(|c| {
                std::iter::once(&head[c])
                    .chain(rows.iter().filter_map(|r| r.get(c)))
                    .map(|(_, w)| *w)
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |out: &mut String, cells: &[(String, usize)]| {
            let start = out.len();
            for (c, (s, w)) in cells.iter().enumerate() {
                if c > 0 {
                    out.push_str("  ");
                }
                let pad = widths[c].saturating_sub(*w);
                if self.right[c] {
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
        line(&mut out, &head);
        for row in &rows {
            line(&mut out, row);
        }
        out
    }
}

/// A figure cell of a section as the page writes it, when it holds a percentage: `89%` and
/// `8,9 / 10 (89%)` with `places` decimals (`89,00%`), an [`Column::Index`] cell (`87,5`) too
/// (`87,50`); `None` to keep the cell as it is.
fn page_figure(cell: &str, kind: Column, places: u32) -> Option<String> {
    let parse = |text: &str| {
        chiso::text::parse_decimal_text(text, chiso::text::DecimalSeparator::Comma)
            .ok()
            .map(|(d, _)| d)
    };
    if kind == Column::Index {
        return parse(cell).map(|d| super::html::fixed(d, places));
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
        super::html::fixed(d, places)
    ))
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
            &format!("Tự đánh giá và thẩm định — {}", c.unit),
        );
        let mut t = Table::new(&[
            ("Mã", false),
            ("Tiêu chí", false),
            ("Tối đa", true),
            ("Tự chấm", true),
            ("Tính từ số liệu", true),
            ("Thẩm định", true),
            ("Chênh lệch", true),
            ("Ghi chú của hội đồng", false),
        ]);
        for r in &c.rows {
            let node = &rs.nodes[r.node];
            let flag = if r.flagged { " ⚠" } else { "" };
            t.rows.push(vec![
                node.id.clone(),
                node.title.clone(),
                vi(r.max),
                if r.not_evaluated {
                    "KĐG".into()
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
            "TỔNG".into(),
            String::new(),
            format!(
                "{} / {} ({})",
                opt_vi(c.self_total),
                opt_vi(c.self_max),
                pct_vi(c.self_percent)
            ),
            String::new(),
            format!(
                "{} / {} ({})",
                opt_vi(c.appraised_total),
                opt_vi(c.appraised_max),
                pct_vi(c.appraised_percent)
            ),
            signed_vi(c.total_difference()),
            String::new(),
        ]);
        out.push_str(&t.render(markdown));
        if let Some(note) = survey_note_in(c, NumberStyle::Vietnamese) {
            out.push_str(&format!("\n{note}\n"));
        }
        if c.flags > 0 {
            out.push_str(&format!(
                "\n⚠ {} tiêu chí: điểm tự chấm khác điểm tính từ số liệu của đơn vị.\n",
                c.flags
            ));
        }
        flush(&mut out)?;
    }

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
            &format!("Điểm bị mất — {}", unit.unit()),
        );
        let mut t = Table::new(&[
            ("Mã", false),
            ("Tiêu chí", false),
            ("Tối đa", true),
            ("Đạt", true),
            ("Bị mất", true),
            ("Chủ trì", false),
        ]);
        for r in &areas {
            let node = &rs.nodes[r.node];
            t.rows.push(vec![
                node.id.clone(),
                node.title.to_uppercase(),
                vi(r.max),
                vi(r.achieved),
                vi(r.lost),
                String::new(),
            ]);
        }
        for r in &lost {
            let node = &rs.nodes[r.node];
            t.rows.push(vec![
                node.id.clone(),
                node.title.clone(),
                vi(r.max),
                vi(r.achieved),
                vi(r.lost),
                r.owner.clone().unwrap_or_default(),
            ]);
        }
        let (max, achieved, lost_sum) = chiso::batch::lost::total_lost(rs, &result);
        t.rows.push(vec![
            String::new(),
            if unit.result.is_complete() {
                "TỔNG".into()
            } else {
                "TỔNG (các tiêu chí đã chấm)".into()
            },
            vi(max),
            vi(achieved),
            vi(lost_sum),
            String::new(),
        ]);
        out.push_str(&t.render(markdown));
        flush(&mut out)?;
    }

    // The last column says whether each target is met (đạt / chưa đạt).
    let met_heading =
        chiso::message::Message::new("report-fixes-target-met").render(super::REPORT_LANG);
    for (i, rows) in &report.targets {
        let unit = &report.batch.units[*i];
        heading(
            &mut out,
            markdown,
            &format!("Điểm phấn đấu và kết quả — {}", unit.unit()),
        );
        let mut t = Table::new(&[
            ("Mã", false),
            ("Tiêu chí", false),
            ("Tối đa", true),
            ("Phấn đấu", true),
            ("Đạt", true),
            ("Chênh lệch", true),
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
                    "KĐG".into()
                } else {
                    opt_vi(r.achieved)
                },
                signed_vi(r.gap),
                if r.met {
                    "đạt".into()
                } else if r.gap.is_some() {
                    "chưa đạt".into()
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
    let mut out = Doc::default();
    let suffix = section.name.map(|n| format!(" — {n}")).unwrap_or_default();
    out.heading(format!(
        "Xếp hạng Chỉ số CCHC ({}){suffix} — {}",
        report.stage_name(),
        rs.meta.title
    ));
    let mut t = Table::new(&[
        ("Hạng", true),
        ("Đơn vị", false),
        ("Điểm đạt", true),
        ("Tối đa", true),
        ("Chỉ số", true),
        ("Xếp loại", false),
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
            rs.format_points(unit.result.total(), chiso::text::NumberStyle::Vietnamese),
            vi(unit.result.max),
            pct_vi(row.percent),
            row.grade
                .clone()
                .unwrap_or_else(|| unranked_label(&unit.result)),
        ]);
    }
    for n in section.not_scored {
        t.rows.push(vec![
            "—".into(),
            n.label(),
            "—".into(),
            "—".into(),
            "—".into(),
            "không chấm được".into(),
        ]);
    }
    t.set_kind(0, Column::Count);
    t.set_kind(2, Column::Total);
    out.table(t);
    if let Some((mean, _)) = section.means {
        let label = format!("Chỉ số bình quân{suffix}");
        out.figures(move |places| format!("{label}: {}", pct_places(mean, places)));
    }

    out.heading(format!("Phân bố xếp loại{suffix}"));
    let mut t = Table::new(&[("Xếp loại", false), ("Khoảng", false), ("Số đơn vị", true)]);
    for g in section.grades {
        t.rows.push(vec![
            g.grade.clone().unwrap_or_else(|| "Chưa xếp loại".into()),
            g.band.clone(),
            g.count.to_string(),
        ]);
    }
    t.set_kind(2, Column::Count);
    out.table(t);

    out.heading(format!("Chỉ số thành phần theo lĩnh vực (%){suffix}"));
    let mut head: Vec<(String, bool)> = vec![("Đơn vị".into(), false)];
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
        let mut row = vec!["Bình quân".to_string()];
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
            let mut object = super::not_scored_json(rs, n);
            super::columns::add_not_scored_fields(report, n, &mut object);
            super::Either::Value(object)
        }))
        .chain(
            super::columns::previous_only_json(report)
                .into_iter()
                .map(super::Either::Value),
        );
    super::write_json_array(out, units)
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
                achieved: a.achieved.map(format_decimal),
                max: format_decimal(a.max),
                percent: a.percent.map(format_decimal),
            })
            .collect();
        map.serialize_entry("areas", &areas)?;
        let (lost, _) = self.report.lost(unit);
        let lost: Vec<LostJson> = lost
            .iter()
            .map(|r| LostJson {
                id: &rs.nodes[r.node].id,
                max: format_decimal(r.max),
                achieved: format_decimal(r.achieved),
                lost: format_decimal(r.lost),
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
    achieved: Option<String>,
    max: String,
    percent: Option<String>,
}

#[derive(serde::Serialize)]
struct LostJson<'a> {
    id: &'a str,
    max: String,
    achieved: String,
    lost: String,
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
/// điểm; thẩm định 25 điểm." `None` when no stage waits for survey points.
pub fn survey_note(c: &StageComparison) -> Option<String> {
    survey_note_in(c, NumberStyle::Machine)
}

/// [`survey_note`] with its numbers written in `style`.
pub fn survey_note_in(c: &StageComparison, style: NumberStyle) -> Option<String> {
    let parts: Vec<String> = [
        ("tự đánh giá", c.self_survey),
        ("thẩm định", c.appraised_survey),
    ]
    .iter()
    .filter_map(|(stage, pending)| {
        pending
            .filter(|p| !p.is_zero())
            .map(|p| format!("{stage} {} điểm", format_number(p, style)))
    })
    .collect();
    (!parts.is_empty())
        .then(|| format!("Chờ điều tra XHH (ngoài tổng trên): {}.", parts.join("; ")))
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

    #[test]
    fn the_page_writes_a_sections_percentages_with_the_rulesets_places() {
        assert_eq!(
            page_figure("89%", Column::Auto, 2).as_deref(),
            Some("89,00%")
        );
        assert_eq!(
            page_figure("+0,5%", Column::Auto, 2).as_deref(),
            Some("+0,50%")
        );
        assert_eq!(
            page_figure("8,9 / 10 (89%)", Column::Auto, 2).as_deref(),
            Some("8,9 / 10 (89,00%)")
        );
        assert_eq!(
            page_figure("87,5", Column::Index, 2).as_deref(),
            Some("87,50")
        );
        // Never rounded here: a value with more places keeps them.
        assert_eq!(
            page_figure("86,471%", Column::Auto, 2).as_deref(),
            Some("86,471%")
        );
        // Not a percentage: kept as it is.
        assert_eq!(page_figure("8,9", Column::Auto, 2), None);
        assert_eq!(page_figure("—", Column::Index, 2), None);
        assert_eq!(page_figure("— / — (—)", Column::Auto, 2), None);
    }
}
