//! Year over year in the text and Markdown reports: each unit's index beside last year's,
//! the change in percentage points and in points, its rank and last year's, and its grade
//! move; then the units of either year that the other does not have.

use super::batch::{pct_n, pct_places, signed_n, BatchReport, Table};
use super::blocks::Doc;
use chiso::batch::previous::YearOverYear;
use rust_decimal::Decimal;

/// Each unit's index in the ranking, indexed as `batch.units`.
fn percents(report: &BatchReport) -> Vec<Option<Decimal>> {
    let mut out = vec![None; report.batch.units.len()];
    for row in &report.ranking.rows {
        out[row.unit] = row.percent;
    }
    out
}

/// "năm 2023" when the ruleset says which year it scores ("năm trước" otherwise), in the
/// report's language.
pub fn previous_year_name(report: &BatchReport) -> String {
    match report.ruleset.meta.year {
        Some(y) => chiso::msg!("report-year", year = y.saturating_sub(1).to_string()),
        None => chiso::msg!("report-last-year"),
    }
    .render(report.lang)
}

/// A rank change as officials write it: "↑2" (up two places), "↓1", "=".
pub fn rank_move(change: Option<i64>) -> String {
    match change {
        Some(c) if c > 0 => format!("↑{c}"),
        Some(c) if c < 0 => format!("↓{}", -c),
        Some(_) => "=".into(),
        None => "—".into(),
    }
}

/// The section "So với năm …" as text or Markdown.
pub fn text(report: &BatchReport, previous: &YearOverYear, markdown: bool) -> String {
    doc(report, previous).text(markdown)
}

/// The section "So với năm …".
pub(crate) fn doc(report: &BatchReport, previous: &YearOverYear) -> Doc {
    let mut out = Doc::default();
    let (w, lang, style) = (&report.words, report.lang, report.style());
    let pct_vi = |d: Option<Decimal>| pct_n(d, style);
    let signed_vi = |d: Option<Decimal>| signed_n(d, style);
    let year = previous_year_name(report);
    out.heading(chiso::msg!("report-compared-with", year = year.as_str()).render(lang));
    let grouped = !report.groups.is_empty();
    let [last_index, change_percent, change_points, last_rank, rank_change] = [
        chiso::msg!("report-col-last-index"),
        chiso::msg!("report-col-change-percent"),
        chiso::msg!("report-col-change-points"),
        chiso::msg!("report-col-last-rank"),
        chiso::msg!("report-col-rank-change"),
    ]
    .map(|m| m.render(lang));
    let mut head = vec![(w.unit.as_str(), false)];
    if grouped {
        head.push((w.group.as_str(), false));
    }
    head.extend([
        (w.index.as_str(), true),
        (last_index.as_str(), true),
        (change_percent.as_str(), true),
        (change_points.as_str(), true),
        (w.rank.as_str(), true),
        (last_rank.as_str(), true),
        (rank_change.as_str(), true),
        (w.grade.as_str(), false),
    ]);
    let mut t = Table::new(&head);
    let rank = |r: Option<usize>| r.map_or("—".to_string(), |r| r.to_string());
    // With groups, group by group (in declared order), each in its ranking's order.
    let mut rows: Vec<&chiso::batch::previous::PreviousRow> = previous.rows.iter().collect();
    if grouped {
        let mut order = vec![usize::MAX; report.batch.units.len()];
        let in_groups = report.groups.iter().flat_map(|g| &g.ranking.rows);
        for (position, row) in in_groups.enumerate() {
            order[row.unit] = position;
        }
        rows.sort_by_key(|r| order[r.unit]);
    }
    let percent = percents(report);
    for r in rows {
        let unit = &report.batch.units[r.unit];
        let last = &previous.previous[r.previous];
        let now = percent[r.unit];
        let grade = match (&unit.result.grade, &last.grade, r.grade_move) {
            (Some(g), Some(p), Some(m)) if p != g => format!("{p} → {g} ({})", m.label_in(lang)),
            (Some(g), _, _) => g.clone(),
            (None, _, _) => "—".into(),
        };
        let mut cells = vec![unit.unit().to_string()];
        if grouped {
            cells.push(
                unit.group
                    .and_then(|g| report.ruleset.meta.groups.get(g))
                    .cloned()
                    .unwrap_or_default(),
            );
        }
        cells.extend([
            pct_vi(now),
            pct_vi(last.percent),
            signed_vi(r.percent_change),
            signed_vi(r.achieved_change),
            rank(r.rank),
            rank(r.previous_rank),
            rank_move(r.rank_change),
            grade,
        ]);
        t.rows.push(cells);
    }
    // This year's rank and last year's are whole numbers (the workbook's `0`).
    let first_rank = usize::from(grouped) + 5;
    t.set_kind(first_rank, super::batch::Column::Count);
    t.set_kind(first_rank + 1, super::batch::Column::Count);
    out.table(t);
    if let Some(line) = mean_figures(report, previous) {
        out.figures(line);
    }
    if !previous.new_units.is_empty() {
        let names: Vec<&str> = previous
            .new_units
            .iter()
            .map(|&i| report.batch.units[i].unit())
            .collect();
        out.line(
            chiso::msg!(
                "report-not-in-previous",
                year = year.as_str(),
                units = names.join(", ")
            )
            .render(lang),
        );
    }
    if !previous.gone.is_empty() {
        let names: Vec<&str> = previous
            .gone
            .iter()
            .map(|&i| previous.previous[i].unit.as_str())
            .collect();
        out.line(
            chiso::msg!(
                "report-only-in-previous",
                year = year.as_str(),
                units = names.join(", ")
            )
            .render(lang),
        );
    }
    out
}

/// "Bình quân: 86,47% (năm 2022: 86,14%, tăng 0,33%)": the mean index of the matched units
/// both years, as publications lead with it; `None` without a unit ranked in both years.
pub fn mean_line(report: &BatchReport, previous: &YearOverYear) -> Option<String> {
    mean_figures(report, previous).map(|line| line(None))
}

/// [`mean_line`] with its percentages written as computed (`None`, the text reports) or with
/// the given places (the page and the workbook).
fn mean_figures(
    report: &BatchReport,
    previous: &YearOverYear,
) -> Option<impl Fn(Option<u32>) -> String + 'static> {
    let (now, then) = mean_of_matched(report, previous)?;
    let change = now - then;
    let word = if change > Decimal::ZERO {
        chiso::msg!("report-change-up")
    } else if change < Decimal::ZERO {
        chiso::msg!("report-change-down")
    } else {
        chiso::msg!("report-change-none")
    };
    let (style, lang, year) = (report.style(), report.lang, previous_year_name(report));
    Some(move |places: Option<u32>| {
        let pct = |d: Decimal| pct_places(Some(d), style, places);
        chiso::msg!(
            "report-mean-both-years",
            now = pct(now),
            year = year.as_str(),
            then = pct(then),
            change = word.clone(),
            by = pct(change.abs())
        )
        .render(lang)
    })
}

/// The mean index this year and last year of the units ranked both years, each mean rounded
/// as the unit's percentage.
pub fn mean_of_matched(
    report: &BatchReport,
    previous: &YearOverYear,
) -> Option<(Decimal, Decimal)> {
    let percent = percents(report);
    let pairs: Vec<(Decimal, Decimal)> = previous
        .rows
        .iter()
        .filter_map(|r| Some((percent[r.unit]?, previous.previous[r.previous].percent?)))
        .collect();
    if pairs.is_empty() {
        return None;
    }
    let n = Decimal::from(pairs.len());
    let round = |d: Decimal| report.ruleset.rounding.percent(d);
    Some((
        round(pairs.iter().map(|p| p.0).sum::<Decimal>() / n),
        round(pairs.iter().map(|p| p.1).sum::<Decimal>() / n),
    ))
}
