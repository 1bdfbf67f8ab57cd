//! The batch as a publishable workbook.
//!
//! Sheets (named in the report's language — Vietnamese by default, the names below — at
//! most 31 characters, none of `[]:*?/\`; every heading and label is in that language too,
//! from the catalogues, while the ruleset's text is shown as written):
//! - **Xếp hạng**: the ranking with points, index, grade and the sub-index of each area,
//!   areas headed by their names (shortened as in the HTML report, full names in a legend
//!   under the table);
//! - **Biểu đồ**: a bar chart of the ranking (the first [`CHART_UNITS`] units) and a column
//!   chart of the grade distribution;
//! - **Xếp loại**: the grade distribution;
//! - **Tự ĐG - Thẩm định**, **Không chấm được** when there are comparisons or units that
//!   could not be scored;
//! - **Điểm theo tiêu chí**: every unit's points per criterion, one row per unit (any number
//!   of units);
//! - one sheet per unit (criteria, points lost, targets) for batches of at most
//!   [`UNIT_SHEETS`] units.
//!
//! Numbers are numbers with number formats: points `0.00`, percentages `0.00%` (as many
//! places as the ruleset rounds percentages to). **Percentages are stored as fractions**
//! (94,89% is the number 0.9489), so a formula over them works as Excel's percentages do;
//! format codes are written with a point, as the file format requires, and Excel or
//! LibreOffice show them with the reader's decimal comma (`94,89%` under a Vietnamese locale).
//! Every sheet has frozen header rows, column widths, wrapped headers with row heights set
//! (LibreOffice does not fit them itself), and an A4 landscape print setup that repeats the
//! header rows and fits the width to one page.
//!
//! The data sheets are written in rust_xlsxwriter's constant-memory mode (each row goes to a
//! temporary file once written), so memory does not grow with the number of units; a decimal
//! becomes the spreadsheet's number only here, at the output boundary.

use super::batch::{short_name, stage_name, BatchReport, Column};
use super::html::area_short_name;
use chiso::eval::Status;
use chiso::msg;
use chiso::text::{format_number, format_percent, NumberStyle};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, ChartType, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

type Res = Result<(), XlsxError>;

/// The ranking chart shows at most this many units (a bar per unit stays readable).
pub const CHART_UNITS: usize = 100;
/// Batches of at most this many units get one sheet per unit.
pub const UNIT_SHEETS: usize = 100;
/// Excel's last row (0-based).
const LAST_ROW: u32 = 1_048_575;
/// Height of one line of 11-point text, in points.
const LINE: u32 = 15;

struct Styles {
    title: Format,
    head: Format,
    text: Format,
    wrap: Format,
    int: Format,
    points: Format,
    /// A unit's total: the declared `hiển thị N chữ số` / `--decimals N`, else as points.
    total: Format,
    percent: Format,
    /// A signed change in percentage points: `+1.25`, `-0.50`.
    change: Format,
    bold: Format,
    bold_points: Format,
    bold_percent: Format,
    flag: Format,
    note: Format,
    /// The printed page's footer: "Trang 2 / 5" in the report's language.
    footer: String,
}

fn styles(points_places: u32, total_places: u32, percent_places: u32, lang: chiso::Lang) -> Styles {
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
    };
    let places = |n: u32| {
        if n == 0 {
            String::new()
        } else {
            format!(".{}", "0".repeat(n as usize))
        }
    };
    let points = format!("0{}", places(points_places));
    let total = format!("0{}", places(total_places));
    let percent = format!("0{}%", places(percent_places));
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        head: border(
            Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#D9E1F2")
                .set_align(FormatAlign::Center),
        ),
        text: border(Format::new()),
        wrap: border(Format::new().set_text_wrap()),
        int: border(Format::new().set_num_format("0")),
        points: border(Format::new().set_num_format(&points)),
        total: border(Format::new().set_num_format(&total)),
        percent: border(Format::new().set_num_format(&percent)),
        change: border(Format::new().set_num_format(format!("+{p};-{p};{p}", p = &points))),
        bold: border(Format::new().set_bold()),
        bold_points: border(Format::new().set_bold().set_num_format(&points)),
        bold_percent: border(Format::new().set_bold().set_num_format(&percent)),
        flag: border(Format::new().set_font_color("#B42318").set_bold()),
        note: Format::new().set_italic().set_font_color("#5B6775"),
        footer: format!("&C{} &P / &N", msg!("report-xlsx-page").render(lang)),
    }
}

fn num(sheet: &mut Worksheet, row: u32, col: u16, value: Option<Decimal>, format: &Format) -> Res {
    match value.and_then(|d| d.to_f64()) {
        Some(v) => sheet
            .write_number_with_format(row, col, v, format)
            .map(|_| ()),
        None => sheet.write_blank(row, col, format).map(|_| ()),
    }
}

/// A percentage (0–100) written as the fraction a `0.00%` cell holds.
fn percent(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    format: &Format,
) -> Res {
    num(
        sheet,
        row,
        col,
        value.map(|p| p / Decimal::ONE_HUNDRED),
        format,
    )
}

/// A unit not scored, as a row of the ranking sheet: no rank, its name, `label` (why) in the
/// grade column and its source in column `source_col`, in `lang`.
fn not_scored_row(
    sheet: &mut Worksheet,
    r: u32,
    n: &chiso::batch::NotScored,
    (label, source_col, lang): (&str, u16, chiso::Lang),
    s: &Styles,
) -> Res {
    text(sheet, r, 0, "—", &s.text)?;
    text(sheet, r, 1, &n.label(), &s.text)?;
    text(sheet, r, 5, label, &s.flag)?;
    text(
        sheet,
        r,
        source_col,
        &n.origin.place().render(lang),
        &s.text,
    )
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str, format: &Format) -> Res {
    sheet
        .write_string_with_format(row, col, value, format)
        .map(|_| ())
}

/// Lines a text takes in a wrapped cell `width` characters wide (a little generous: Vietnamese
/// letters with diacritics are wider than the digit the width is measured in).
fn lines(value: &str, width: u32) -> u32 {
    let per_line = (width as usize * 9 / 10).max(1);
    value
        .split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1) as u32)
        .sum()
}

/// A header row that also sets its columns' widths: [`head_row`], then each column as wide as
/// its head says.
fn header(sheet: &mut Worksheet, row: u32, heads: &[(&str, u32)], s: &Styles) -> Res {
    head_row(sheet, row, heads, s)?;
    for (c, (_, w)) in heads.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    Ok(())
}

/// A row of column heads: wrapped titles, its height set to the tallest for the widths given
/// (LibreOffice does not fit it).
fn head_row(sheet: &mut Worksheet, row: u32, heads: &[(&str, u32)], s: &Styles) -> Res {
    let tallest = heads.iter().map(|(h, w)| lines(h, *w)).max().unwrap_or(1);
    sheet.set_row_height(row, LINE * tallest + 3)?;
    for (c, (h, _)) in heads.iter().enumerate() {
        text(sheet, row, c as u16, h, &s.head)?;
    }
    Ok(())
}

/// A4 landscape, the header rows repeated on every page, the width fitted to one page,
/// page numbers in the footer.
fn print_setup(sheet: &mut Worksheet, header_rows: Option<(u32, u32)>, s: &Styles) -> Res {
    sheet.set_landscape();
    sheet.set_paper_size(9); // A4
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.4, 0.4, 0.5, 0.5, 0.3, 0.3);
    sheet.set_footer(&s.footer);
    if let Some((first, last)) = header_rows {
        sheet.set_repeat_rows(first, last)?;
    }
    Ok(())
}

/// A sheet name Excel accepts: no `[]:*?/\`, no apostrophe at either end, at most 31
/// characters, not empty (`fallback` then), and not one already used (compared without case).
fn sheet_name(wanted: &str, fallback: &str, used: &mut Vec<String>) -> String {
    let base = short_name(wanted, 26);
    let base = base.trim_matches('\'').trim();
    let base = if base.is_empty() { fallback } else { base };
    let mut name = base.to_string();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        name = format!("{} ({n})", short_name(base, 24).trim_matches('\''));
        n += 1;
    }
    used.push(name.to_lowercase());
    name
}

/// A report section ([`super::blocks::Doc`]) on a sheet: headings in bold, tables with
/// their header row. A cell holding a number is written as a number with the format of what
/// it is, as on every other sheet: a percentage (`89%`, or any cell of a
/// [`Column::Index`] column) as the fraction 0.89 with the percent format, a rank or a count
/// ([`Column::Count`]) with `0`, a unit's total ([`Column::Total`]) with the declared
/// places, other numbers (`8,9`, `+0,4`) as points; any other cell as text. Lines with
/// percentages are written with the percentage's places.
fn write_doc(
    sheet: &mut Worksheet,
    doc: &super::blocks::Doc,
    s: &Styles,
    style: NumberStyle,
    percent_places: u32,
) -> Res {
    use super::blocks::Block;
    // The sections write numbers for their reader (`+0,4` in Vietnamese, `+0.4` in English).
    let separator = match style {
        NumberStyle::Vietnamese => chiso::text::DecimalSeparator::Comma,
        NumberStyle::Machine => chiso::text::DecimalSeparator::Point,
    };
    let mut row = 0u32;
    for block in doc.blocks() {
        match block {
            Block::Heading(title) => {
                if row > 0 {
                    row += 1;
                }
                text(sheet, row, 0, title, &s.title)?;
                row += 1;
            }
            Block::Line(line) => {
                sheet.write_string(row, 0, line)?;
                row += 1;
            }
            Block::Figures(line) => {
                sheet.write_string(row, 0, line(Some(percent_places)))?;
                row += 1;
            }
            Block::Table(t) => {
                let heads: Vec<(&str, u32)> = t.head().iter().map(|h| (h.as_str(), 14)).collect();
                header(sheet, row, &heads, s)?;
                row += 1;
                for cells in &t.rows {
                    for (c, cell) in cells.iter().enumerate() {
                        let col = c as u16;
                        let number = cell.trim_start_matches('+');
                        let parsed = chiso::text::parse_decimal_text(number, separator);
                        match (parsed, t.kind(c)) {
                            (Ok((d, true)), _) | (Ok((d, _)), Column::Index) => {
                                percent(sheet, row, col, Some(d), &s.percent)?
                            }
                            (Ok((d, false)), Column::Count) => {
                                num(sheet, row, col, Some(d), &s.int)?
                            }
                            (Ok((d, false)), Column::Total) => {
                                num(sheet, row, col, Some(d), &s.total)?
                            }
                            (Ok((d, false)), Column::Auto) => {
                                num(sheet, row, col, Some(d), &s.points)?
                            }
                            _ => text(sheet, row, col, cell, &s.text)?,
                        }
                    }
                    row += 1;
                }
            }
        }
    }
    sheet.set_column_width(0, 28)?;
    Ok(())
}

/// The workbook's bytes.
///
/// # Errors
/// The workbook writer's own errors, as text.
pub fn batch(report: &BatchReport) -> Result<Vec<u8>, String> {
    build(report).map_err(|e| format!("cannot write the workbook: {e}"))
}

fn build(report: &BatchReport) -> Result<Vec<u8>, XlsxError> {
    let rs = report.ruleset;
    let percent_places = rs
        .rounding
        .percent
        .map_or(chiso::model::DEFAULT_PERCENT_ROUNDING.places, |r| r.places);
    let points_places = rs
        .rounding
        .score
        .map_or(2, |r| r.places)
        .max(rs.rounding.total.map_or(0, |r| r.places));
    let (w, lang) = (&report.words, report.lang);
    // A unit's total is printed with the declared places (`hiển thị N chữ số`, `--decimals`).
    let total_places = rs.meta.display_places.unwrap_or(points_places);
    let s = styles(points_places, total_places, percent_places, lang);
    let mut workbook = Workbook::new();
    let mut used: Vec<String> = Vec::new();
    let mut sheet_name = |wanted: &str| sheet_name(wanted, &w.unit, &mut used);

    let ranking_sheet = sheet_name(&msg!("report-sheet-ranking").render(lang));
    let chart_rows = ranking(
        workbook.add_worksheet_with_constant_memory(),
        report,
        &s,
        &ranking_sheet,
    )?;
    let grades_sheet = sheet_name(&w.grade);
    let charts_sheet = sheet_name(&msg!("report-sheet-charts").render(lang));
    charts(
        workbook.add_worksheet(),
        report,
        &s,
        &charts_sheet,
        &ranking_sheet,
        &grades_sheet,
        &chart_rows,
        percent_places,
    )?;
    grades(
        workbook.add_worksheet_with_constant_memory(),
        report,
        &s,
        &grades_sheet,
    )?;
    if !report.comparisons.is_empty() {
        let name = sheet_name(&msg!("report-sheet-comparisons").render(lang));
        comparisons(
            workbook.add_worksheet_with_constant_memory(),
            report,
            &s,
            &name,
        )?;
    }
    if !report.batch.not_scored.is_empty() {
        let name = sheet_name(&msg!("report-sheet-not-scored").render(lang));
        not_scored(
            workbook.add_worksheet_with_constant_memory(),
            report,
            &s,
            &name,
        )?;
    }
    // Groups, last year, appraisal rounds (only when the batch has them).
    for (name, doc) in super::blocks::sheets(report) {
        let name = sheet_name(&name);
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        write_doc(sheet, &doc, &s, report.style(), percent_places)?;
        print_setup(sheet, None, &s)?;
    }
    let name = sheet_name(&msg!("report-sheet-criteria").render(lang));
    matrix(
        workbook.add_worksheet_with_constant_memory(),
        report,
        &s,
        &name,
    )?;
    if report.ranking.rows.len() <= UNIT_SHEETS {
        for (row, unit) in report.listed_units() {
            let name = sheet_name(unit.unit());
            unit_sheet(
                workbook.add_worksheet_with_constant_memory(),
                report,
                &s,
                &name,
                row,
                unit,
            )?;
        }
    }
    workbook.save_to_buffer()
}

/// The ranking sheet. With declared groups, each group's units under a row with the group's
/// name, in declared order, ranked within the group (as docs/batch.md says and the text
/// reports show); then the units not scored. Returns, for the ranking chart, the grade of
/// each row it shows from the first table row on (`None`: a group's name or an unranked
/// unit, drawn without a bar).
fn ranking(
    sheet: &mut Worksheet,
    report: &BatchReport,
    s: &Styles,
    name: &str,
) -> Result<Vec<Option<String>>, XlsxError> {
    let rs = report.ruleset;
    let (w, lang, style) = (&report.words, report.lang, report.style());
    sheet.set_name(name)?;
    text(
        sheet,
        0,
        0,
        &msg!(
            "report-xlsx-ranking-title",
            ruleset = rs.meta.title.as_str()
        )
        .render(lang),
        &s.title,
    )?;
    let stage = stage_name(report.ranking.stage, lang);
    let mut sub = msg!("report-xlsx-stage-points", stage = stage).render(lang);
    if let Some(d) = &rs.meta.decree {
        sub.push_str("; ");
        sub.push_str(&msg!("report-decree", decree = d.as_str()).render(lang));
    }
    sub.push_str(". ");
    sub.push_str(&msg!("report-xlsx-area-note").render(lang));
    if !report.groups.is_empty() {
        sub.push(' ');
        sub.push_str(&msg!("report-fixes-groups-apart").render(lang));
    }
    sheet.write_string_with_format(1, 0, sub, &s.note)?;
    let area_heads: Vec<String> = rs
        .roots
        .iter()
        .enumerate()
        .map(|(k, &r)| format!("{}. {}", k + 1, area_short_name(&rs.nodes[r].title)))
        .collect();
    // The change from last year, when known: a column after the grade.
    let change = super::html::year_over_year(report);
    let [max_points, par_index, change_head, data_source] = [
        msg!("report-col-max-points"),
        msg!("report-par-index"),
        msg!("report-xlsx-change"),
        msg!("report-col-data-source"),
    ]
    .map(|m| m.render(lang));
    let mut heads: Vec<(&str, u32)> = vec![
        (&w.rank, 6),
        (&w.unit, 30),
        (&w.points_achieved, 10),
        (&max_points, 10),
        (&par_index, 11),
        (&w.grade, 13),
    ];
    if change.is_some() {
        heads.push((&change_head, 11));
    }
    let first_area = heads.len() as u16;
    heads.extend(area_heads.iter().map(|h| (h.as_str(), 13)));
    heads.push((&data_source, 26));
    header(sheet, 3, &heads, s)?;
    let source_col = first_area + rs.roots.len() as u16;
    let mut r = 4u32;
    let mut chart_rows: Vec<Option<String>> = Vec::new();
    let not_scored_label = msg!("report-not-scored-errors").render(lang);
    // The tables: the batch's, or one per group (its name, its ranking, its units not scored).
    let mut tables: Vec<(
        Option<&str>,
        &[chiso::batch::RankRow],
        Vec<&chiso::batch::NotScored>,
    )> = Vec::new();
    if report.groups.is_empty() {
        tables.push((None, &report.ranking.rows, Vec::new()));
    } else {
        for g in &report.groups {
            let not_scored = report
                .batch
                .not_scored
                .iter()
                .filter(|n| n.group == Some(g.group))
                .collect();
            tables.push((Some(&g.name), &g.ranking.rows, not_scored));
        }
    }
    for (group, rows, not_scored) in &tables {
        if let Some(group) = group {
            text(sheet, r, 1, group, &s.bold)?;
            chart_rows.push(None);
            r += 1;
        }
        for row in rows.iter() {
            let unit = &report.batch.units[row.unit];
            num(sheet, r, 0, row.rank.map(Decimal::from), &s.int)?;
            text(sheet, r, 1, unit.unit(), &s.text)?;
            num(sheet, r, 2, Some(unit.result.total()), &s.total)?;
            num(sheet, r, 3, Some(unit.result.max), &s.points)?;
            percent(sheet, r, 4, row.percent, &s.percent)?;
            let grade = match &row.grade {
                Some(g) => g.clone(),
                None => super::batch::unranked_label(&unit.result, lang),
            };
            text(sheet, r, 5, &grade, &s.text)?;
            if let Some(change) = &change {
                let at = report.ranking.rows.iter().position(|x| x.unit == row.unit);
                let d = at.and_then(|at| change.get(at).copied().flatten());
                num(sheet, r, 6, d, &s.change)?;
            }
            for (j, a) in unit.areas.iter().enumerate() {
                percent(sheet, r, first_area + j as u16, a.percent, &s.percent)?;
            }
            text(
                sheet,
                r,
                source_col,
                &unit.origin.place().render(lang),
                &s.text,
            )?;
            let ranked = row.rank.is_some() && row.percent.is_some();
            chart_rows.push(ranked.then(|| row.grade.clone().unwrap_or_default()));
            r += 1;
        }
        for n in not_scored {
            not_scored_row(sheet, r, n, (&not_scored_label, source_col, lang), s)?;
            chart_rows.push(None);
            r += 1;
        }
    }
    // The units not scored of no table: all of them without groups, else those of no group.
    let rest = report
        .batch
        .not_scored
        .iter()
        .filter(|n| report.groups.is_empty() || n.group.is_none());
    for n in rest {
        not_scored_row(sheet, r, n, (&not_scored_label, source_col, lang), s)?;
        r += 1;
    }
    // The chart shows the rows up to the last ranked one (without groups: the ranked units).
    let shown = chart_rows
        .iter()
        .rposition(Option::is_some)
        .map_or(0, |i| i + 1);
    chart_rows.truncate(shown);
    // The legend: each area's full name and maximum.
    r += 1;
    text(sheet, r, 1, &msg!("report-areas").render(lang), &s.bold)?;
    r += 1;
    for (k, &root) in rs.roots.iter().enumerate() {
        let node = &rs.nodes[root];
        sheet.write_string_with_format(
            r,
            1,
            format!(
                "{}. {} — {}",
                k + 1,
                node.title,
                msg!("report-max-points", max = format_number(node.max, style)).render(lang)
            ),
            &s.note,
        )?;
        r += 1;
    }
    sheet.set_freeze_panes(4, 2)?;
    print_setup(sheet, Some((3, 3)), s)?;
    Ok(chart_rows)
}

fn grades(sheet: &mut Worksheet, report: &BatchReport, s: &Styles, name: &str) -> Res {
    sheet.set_name(name)?;
    let w = &report.words;
    let band = msg!("report-col-index-band").render(report.lang);
    header(
        sheet,
        0,
        &[(&w.grade, 18), (&band, 24), (&w.unit_count, 11)],
        s,
    )?;
    for (i, g) in report.grades.iter().enumerate() {
        let r = 1 + i as u32;
        text(
            sheet,
            r,
            0,
            g.grade.as_deref().unwrap_or(&w.ungraded),
            &s.text,
        )?;
        text(sheet, r, 1, &g.band, &s.text)?;
        num(sheet, r, 2, Some(Decimal::from(g.count)), &s.int)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    print_setup(sheet, Some((0, 0)), s)
}

/// The colour of a grade in charts, as in the HTML report.
fn grade_color(report: &BatchReport, grade: Option<&str>) -> &'static str {
    const COLORS: [&str; 6] = [
        "#067647", "#2E7D32", "#B08800", "#C2410C", "#B42318", "#6B7280",
    ];
    let i = grade
        .and_then(|g| report.ruleset.meta.grades.iter().position(|b| b.name == g))
        .unwrap_or(5);
    COLORS[i.min(5)]
}

#[allow(clippy::too_many_arguments)]
fn charts(
    sheet: &mut Worksheet,
    report: &BatchReport,
    s: &Styles,
    name: &str,
    ranking_sheet: &str,
    grades_sheet: &str,
    chart_rows: &[Option<String>],
    percent_places: u32,
) -> Res {
    sheet.set_name(name)?;
    print_setup(sheet, None, s)?;
    let (w, lang) = (&report.words, report.lang);
    let par_index = msg!("report-par-index").render(lang);
    let pct_format = if percent_places == 0 {
        "0%".to_string()
    } else {
        format!("0.{}%", "0".repeat(percent_places as usize))
    };
    // Grade distribution: a column per grade, in the ruleset's order.
    let mut chart = Chart::new(ChartType::Column);
    let g = report.grades.len() as u32;
    let colors: Vec<&str> = report
        .grades
        .iter()
        .map(|x| grade_color(report, x.grade.as_deref()))
        .collect();
    chart
        .add_series()
        .set_name(w.unit_count.as_str())
        .set_categories((grades_sheet, 1, 0, g.max(1), 0))
        .set_values((grades_sheet, 1, 2, g.max(1), 2))
        .set_point_colors(&colors)
        .set_data_label(ChartDataLabel::new().show_value());
    chart.title().set_name(w.grade_distribution.as_str());
    chart.legend().set_hidden();
    chart.y_axis().set_name(w.unit_count.as_str());
    chart.set_width(420).set_height(300);
    // Right of the ranking chart (eleven default columns, about 700 pixels).
    sheet.insert_chart(0, 11, &chart)?;

    // The ranking: a bar per unit, best at the top, coloured by grade.
    // A bar per row of the ranking sheet (a group's name or an unranked unit has none).
    let ranked = chart_rows.len();
    let shown = ranked.min(CHART_UNITS);
    if shown == 0 {
        return Ok(());
    }
    let mut chart = Chart::new(ChartType::Bar);
    let first = 4u32;
    let last = first + shown as u32 - 1;
    let colors: Vec<&str> = chart_rows
        .iter()
        .take(shown)
        .map(|g| grade_color(report, g.as_deref()))
        .collect();
    chart
        .add_series()
        .set_name(par_index.as_str())
        .set_categories((ranking_sheet, first, 1, last, 1))
        .set_values((ranking_sheet, first, 4, last, 4))
        .set_point_colors(&colors)
        .set_gap(40)
        .set_data_label(
            ChartDataLabel::new()
                .show_value()
                .set_num_format(&pct_format)
                .set_font(ChartFont::new().set_size(8)),
        );
    let title = if ranked > shown {
        msg!("report-xlsx-chart-top", count = shown).render(lang)
    } else {
        msg!("report-xlsx-chart-title").render(lang)
    };
    chart.title().set_name(title.as_str());
    chart.legend().set_hidden();
    // In a bar chart the category axis is vertical (rust_xlsxwriter's y axis): reversed, the
    // first-ranked unit is at the top. The value axis runs from 0% to 100%.
    chart
        .y_axis()
        .set_reverse()
        .set_label_interval(1)
        .set_font(ChartFont::new().set_size(8));
    chart.x_axis().set_min(0).set_max(1).set_num_format("0%");
    chart.set_width(680).set_height(70 + 16 * shown as u32);
    sheet.insert_chart(0, 0, &chart)?;
    Ok(())
}

fn comparisons(sheet: &mut Worksheet, report: &BatchReport, s: &Styles, name: &str) -> Res {
    let rs = report.ruleset;
    let (w, lang) = (&report.words, report.lang);
    sheet.set_name(name)?;
    let warning_head = msg!("report-col-warning").render(lang);
    let differs = msg!("report-xlsx-differs").render(lang);
    let widths: [(&str, u32); 10] = [
        (&w.unit, 26),
        (&w.id, 8),
        (&w.criterion, 50),
        (&w.max, 8),
        (&w.self_score, 9),
        (&w.computed, 10),
        (&w.appraised, 10),
        (&w.difference, 10),
        (&w.council_note, 34),
        (&warning_head, 24),
    ];
    header(sheet, 0, &widths, s)?;
    let mut r = 1u32;
    'units: for cmp in &report.comparisons {
        for row in &cmp.rows {
            if r >= LAST_ROW {
                break 'units;
            }
            let node = &rs.nodes[row.node];
            let height = lines(&node.title, 50).max(lines(row.note.as_deref().unwrap_or(""), 34));
            if height > 1 {
                sheet.set_row_height(r, LINE * height + 2)?;
            }
            let (t, p) = if node.is_leaf() {
                (&s.wrap, &s.points)
            } else {
                (&s.bold, &s.bold_points)
            };
            text(sheet, r, 0, &cmp.unit, &s.text)?;
            text(sheet, r, 1, &node.id, t)?;
            text(sheet, r, 2, &node.title, t)?;
            num(sheet, r, 3, Some(row.max), p)?;
            if row.not_evaluated {
                text(sheet, r, 4, &w.not_evaluated, &s.text)?;
            } else {
                num(
                    sheet,
                    r,
                    4,
                    row.self_score,
                    if row.flagged { &s.flag } else { p },
                )?;
            }
            num(sheet, r, 5, row.computed, p)?;
            num(sheet, r, 6, row.appraised, p)?;
            num(sheet, r, 7, row.difference, p)?;
            text(sheet, r, 8, row.note.as_deref().unwrap_or(""), &s.wrap)?;
            let warning = if row.flagged { differs.as_str() } else { "" };
            text(sheet, r, 9, warning, &s.flag)?;
            r += 1;
        }
        if r + 2 >= LAST_ROW {
            break;
        }
        text(sheet, r, 0, &cmp.unit, &s.bold)?;
        text(sheet, r, 2, &w.total, &s.bold)?;
        num(sheet, r, 3, cmp.self_max, &s.bold_points)?;
        num(sheet, r, 4, cmp.self_total, &s.bold_points)?;
        num(sheet, r, 6, cmp.appraised_total, &s.bold_points)?;
        num(sheet, r, 7, cmp.total_difference(), &s.bold_points)?;
        if let Some(note) = super::batch::survey_note(report, cmp) {
            text(sheet, r, 8, &note, &s.wrap)?;
        }
        r += 2;
    }
    sheet.set_freeze_panes(1, 2)?;
    print_setup(sheet, Some((0, 0)), s)
}

fn not_scored(sheet: &mut Worksheet, report: &BatchReport, s: &Styles, name: &str) -> Res {
    sheet.set_name(name)?;
    let (w, lang) = (&report.words, report.lang);
    let [source, code, place, message] = [
        msg!("report-col-data-source"),
        msg!("report-col-code"),
        msg!("report-col-place"),
        msg!("report-col-message"),
    ]
    .map(|m| m.render(lang));
    header(
        sheet,
        0,
        &[
            (&w.unit, 30),
            (&source, 26),
            (&code, 8),
            (&place, 36),
            (&message, 70),
        ],
        s,
    )?;
    let mut r = 1u32;
    for n in &report.batch.not_scored {
        let origin = n.origin.place().render(lang);
        if n.problems.is_empty() {
            text(sheet, r, 0, &n.label(), &s.text)?;
            text(sheet, r, 1, &origin, &s.text)?;
            r += 1;
        }
        for p in &n.problems {
            if r >= LAST_ROW {
                break;
            }
            let message = p.diagnostic.message.render(lang);
            let height = lines(&message, 70);
            if height > 1 {
                sheet.set_row_height(r, LINE * height + 2)?;
            }
            text(sheet, r, 0, &n.label(), &s.text)?;
            text(sheet, r, 1, &origin, &s.text)?;
            text(sheet, r, 2, p.diagnostic.code, &s.flag)?;
            text(sheet, r, 3, &p.place.render(lang), &s.wrap)?;
            text(sheet, r, 4, &message, &s.wrap)?;
            r += 1;
        }
    }
    sheet.set_freeze_panes(1, 1)?;
    print_setup(sheet, Some((0, 0)), s)
}

/// Every unit's points per criterion: a row per unit (ranking order), a column per node.
fn matrix(sheet: &mut Worksheet, report: &BatchReport, s: &Styles, name: &str) -> Res {
    let rs = report.ruleset;
    let (w, lang) = (&report.words, report.lang);
    sheet.set_name(name)?;
    text(
        sheet,
        0,
        0,
        &msg!("report-xlsx-criteria-title", stage = report.stage_name()).render(lang),
        &s.title,
    )?;
    sheet.write_string_with_format(
        1,
        0,
        msg!("report-xlsx-criteria-note").render(lang),
        &s.note,
    )?;
    let mut heads: Vec<(String, u32)> = vec![
        (w.rank.clone(), 6),
        (w.unit.clone(), 30),
        (msg!("report-par-index").render(lang), 11),
    ];
    heads.extend(rs.nodes.iter().map(|n| (n.id.clone(), 8)));
    let refs: Vec<(&str, u32)> = heads.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    header(sheet, 3, &refs, s)?;
    text(sheet, 4, 1, &w.max, &s.bold)?;
    for (i, node) in rs.nodes.iter().enumerate() {
        let f = if node.is_leaf() {
            &s.points
        } else {
            &s.bold_points
        };
        num(sheet, 4, 3 + i as u16, Some(node.max), f)?;
    }
    // In the ranking's order (group by group, ranks within the group, when declared).
    for (r, (row, unit)) in (5u32..=LAST_ROW).zip(report.listed_units()) {
        num(sheet, r, 0, row.rank.map(Decimal::from), &s.int)?;
        text(sheet, r, 1, unit.unit(), &s.text)?;
        percent(sheet, r, 2, row.percent, &s.percent)?;
        let result = unit.result.unpack();
        for (i, node) in rs.nodes.iter().enumerate() {
            let res = &result.nodes[i];
            let f = if node.is_leaf() {
                &s.points
            } else {
                &s.bold_points
            };
            num(
                sheet,
                r,
                3 + i as u16,
                res.score.filter(|_| res.status == Status::Scored),
                f,
            )?;
        }
    }
    sheet.set_freeze_panes(5, 2)?;
    print_setup(sheet, Some((3, 4)), s)
}

fn unit_sheet(
    sheet: &mut Worksheet,
    report: &BatchReport,
    s: &Styles,
    name: &str,
    row: &chiso::batch::RankRow,
    unit: &chiso::batch::Scored,
) -> Res {
    let rs = report.ruleset;
    let (w, lang, style) = (&report.words, report.lang, report.style());
    sheet.set_name(name)?;
    let stage = stage_name(unit.result.stage, lang);
    text(
        sheet,
        0,
        0,
        &format!(
            "{} — {}",
            unit.unit(),
            msg!("report-stage-points", stage = stage).render(lang)
        ),
        &s.title,
    )?;
    let vn = |d: Decimal| format_number(d, style);
    // Printed with the declared places; an incomplete unit says whether its data is wrong.
    let mut total = rs.format_points(unit.result.total(), style);
    total.push_str(&super::incomplete_note(&unit.result, lang));
    sheet.write_string(
        1,
        0,
        msg!(
            "report-xlsx-unit-summary",
            total = total,
            max = vn(unit.result.max),
            percent = row
                .percent
                .map(|p| format_percent(p, style))
                .unwrap_or_else(|| "—".into()),
            grade = row
                .grade
                .clone()
                .unwrap_or_else(|| super::batch::unranked_label(&unit.result, lang)),
            rank = row
                .rank
                .map(|r| r.to_string())
                .unwrap_or_else(|| "—".into())
        )
        .render(lang),
    )?;
    // Bonus and penalty points outside the tree (điểm thưởng, điểm trừ), on the row between
    // the totals and the table (rows are written in order: constant-memory sheets).
    let result = unit.result.unpack();
    let items = super::adjustments::text_lines(rs, &result, lang);
    if !items.is_empty() {
        sheet.write_string(2, 0, items.join("  ·  "))?;
    }
    let targets = report
        .targets
        .iter()
        .find(|(i, _)| *i == row.unit)
        .map(|(_, t)| t);
    // The criteria's columns and the points-lost table's: the same but for the fourth.
    let columns = |fourth: &str| -> Vec<(String, u32)> {
        [
            (&w.id, 9),
            (&w.criterion, 60),
            (&w.max, 8),
            (&fourth.to_string(), 8),
            (&w.lost, 8),
            (&w.owner, 26),
        ]
        .map(|(h, width)| (h.clone(), width))
        .to_vec()
    };
    let mut heads = columns(&w.points);
    heads.push((w.note.clone(), 28));
    if targets.is_some() {
        heads.push((w.target.clone(), 10));
        heads.push((msg!("report-col-gap").render(lang), 12));
    }
    let refs: Vec<(&str, u32)> = heads.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    header(sheet, 3, &refs, s)?;
    for (i, node) in rs.nodes.iter().enumerate() {
        let r = 4 + i as u32;
        let res = &result.nodes[i];
        let owner = chiso::owners::node_owner(rs, i).unwrap_or("");
        let status = match &res.status {
            Status::Scored => unit.note(i).unwrap_or("").to_string(),
            other => other.label_in(lang),
        };
        let height = lines(&node.title, 60)
            .max(lines(owner, 26))
            .max(lines(&status, 28));
        if height > 1 {
            sheet.set_row_height(r, LINE * height + 2)?;
        }
        let (t, p) = if node.is_leaf() {
            (&s.wrap, &s.points)
        } else {
            (&s.bold, &s.bold_points)
        };
        text(sheet, r, 0, &node.id, t)?;
        text(sheet, r, 1, &node.title, t)?;
        num(sheet, r, 2, Some(res.max), p)?;
        num(
            sheet,
            r,
            3,
            res.score.filter(|_| res.status == Status::Scored),
            p,
        )?;
        num(sheet, r, 4, res.lost(), p)?;
        text(sheet, r, 5, owner, &s.wrap)?;
        text(sheet, r, 6, &status, &s.wrap)?;
        if let Some(rows) = targets {
            let t = rows.iter().find(|t| t.node == i);
            num(sheet, r, 7, t.map(|t| t.target), &s.points)?;
            num(sheet, r, 8, t.and_then(|t| t.gap), &s.points)?;
        }
    }
    let r = 4 + rs.nodes.len() as u32;
    // Sums over the scored criteria: the unit's total when its data is complete.
    let (max, achieved, lost_sum) = chiso::batch::lost::total_lost(rs, &result);
    let label = if unit.result.is_complete() {
        &w.total
    } else {
        &w.total_scored
    };
    text(sheet, r, 1, label, &s.bold)?;
    num(sheet, r, 2, Some(max), &s.bold_points)?;
    num(sheet, r, 3, Some(achieved), &s.bold_points)?;
    num(sheet, r, 4, Some(lost_sum), &s.bold_points)?;
    if let Some(p) = row.percent {
        text(sheet, r, 5, &msg!("report-par-index").render(lang), &s.bold)?;
        percent(sheet, r, 6, Some(p), &s.bold_percent)?;
    }
    // Points lost, most first.
    let lost = chiso::batch::lost::lost_points(rs, &result);
    let start = r + 2;
    text(
        sheet,
        start,
        0,
        &msg!("report-xlsx-lost-title").render(lang),
        &s.title,
    )?;
    let lost_heads = columns(&w.achieved);
    let refs: Vec<(&str, u32)> = lost_heads.iter().map(|(h, w)| (h.as_str(), *w)).collect();
    head_row(sheet, start + 1, &refs, s)?;
    for (k, l) in lost.iter().enumerate() {
        let rr = start + 2 + k as u32;
        let node = &rs.nodes[l.node];
        let owner = l.owner.as_deref().unwrap_or("");
        let height = lines(&node.title, 60).max(lines(owner, 26));
        if height > 1 {
            sheet.set_row_height(rr, LINE * height + 2)?;
        }
        text(sheet, rr, 0, &node.id, &s.wrap)?;
        text(sheet, rr, 1, &node.title, &s.wrap)?;
        num(sheet, rr, 2, Some(l.max), &s.points)?;
        num(sheet, rr, 3, Some(l.achieved), &s.points)?;
        num(sheet, rr, 4, Some(l.lost), &s.points)?;
        text(sheet, rr, 5, owner, &s.wrap)?;
    }
    sheet.set_freeze_panes(4, 2)?;
    print_setup(sheet, Some((3, 3)), s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_distinct() {
        let mut used = Vec::new();
        let a = sheet_name("Xã [Mường]: Nhé/Pồ*?", "Đơn vị", &mut used);
        assert!(!a.contains(['[', ']', ':', '*', '?', '/', '\\']), "{a}");
        let b = sheet_name("xã [mường]: nhé/pồ*?", "Đơn vị", &mut used);
        assert_ne!(a.to_lowercase(), b.to_lowercase());
        let long = sheet_name(
            "Ủy ban nhân dân thị xã Mường Lay tỉnh Điện Biên",
            "Đơn vị",
            &mut used,
        );
        assert!(long.chars().count() <= 31, "{long}");
        assert_eq!(sheet_name("'''", "Đơn vị", &mut used), "Đơn vị");
    }

    #[test]
    fn wrapped_text_gets_a_line_per_width() {
        // 60 characters in a column 20 wide (18 characters a line): 4 lines.
        assert_eq!(lines(&"a".repeat(60), 20), 4);
        assert_eq!(lines("", 20), 1);
        assert_eq!(lines("ab\ncd", 20), 2);
    }
}
