//! Year over year in the text and Markdown reports: each unit's index beside last year's,
//! the change in percentage points and in points, its rank and last year's, and its grade
//! move; then the units of either year that the other does not have.

use super::batch::{pct_places, pct_vi, signed_vi, BatchReport, Table};
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

/// "năm 2023" when the ruleset says which year it scores ("năm trước" otherwise).
pub fn previous_year_name(report: &BatchReport) -> String {
    match report.ruleset.meta.year {
        Some(y) => format!("năm {}", y.saturating_sub(1)),
        None => "năm trước".into(),
    }
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
    let year = previous_year_name(report);
    out.heading(format!("So với {year}"));
    let grouped = !report.groups.is_empty();
    let mut head = vec![("Đơn vị", false)];
    if grouped {
        head.push(("Nhóm", false));
    }
    head.extend([
        ("Chỉ số", true),
        ("Chỉ số năm trước", true),
        ("Tăng/giảm (%)", true),
        ("Điểm tăng/giảm", true),
        ("Hạng", true),
        ("Hạng năm trước", true),
        ("Thay đổi hạng", true),
        ("Xếp loại", false),
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
            (Some(g), Some(p), Some(m)) if p != g => format!("{p} → {g} ({})", m.label()),
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
        out.line(format!(
            "Không có trong kết quả {year}: {}.",
            names.join(", ")
        ));
    }
    if !previous.gone.is_empty() {
        let names: Vec<&str> = previous
            .gone
            .iter()
            .map(|&i| previous.previous[i].unit.as_str())
            .collect();
        out.line(format!(
            "Có trong kết quả {year}, không có năm nay: {}.",
            names.join(", ")
        ));
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
        "tăng"
    } else if change < Decimal::ZERO {
        "giảm"
    } else {
        "không đổi"
    };
    let year = previous_year_name(report);
    Some(move |places: Option<u32>| {
        let pct = |d: Decimal| pct_places(Some(d), places);
        format!(
            "Chỉ số bình quân của các đơn vị có cả hai năm: {} ({year}: {}; {word} {})",
            pct(now),
            pct(then),
            pct(change.abs())
        )
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
