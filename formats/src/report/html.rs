//! One self-contained HTML page per batch, in two parts.
//!
//! **The publishable part** comes first and is compact: summary figures, the ranking with
//! each unit's index drawn as a bar, its grade and its sub-index per area (areas headed by
//! their names, shortened for width, the full name in a `title` and in the legend below),
//! and the grade distribution. Printed on A4 landscape, 40 units fit in two or three pages.
//!
//! **The details** (self-assessment against appraisal, points lost and targets per unit,
//! units that could not be scored) start on a new printed page (`break-before: page`).
//!
//! Every word is in the report's language (`BatchReport::lang`, from the catalogues; the
//! page's `lang` attribute says which), and numbers are written as its readers write them
//! (`94,89%` in Vietnamese, `94.89%` in English, through [`chiso::text::format_number`]);
//! the ruleset's own text (title, area names, grade names) is shown as written. Charts are HTML and CSS (no scripts, no external files),
//! so they reflow at phone width. The page is written to the writer unit by unit: memory does
//! not grow with the report's length.

use super::batch::{stage_name, BatchReport};
use chiso::batch::NotScored;
use chiso::msg;
use chiso::text::{format_number, NumberStyle};
use rust_decimal::Decimal;
use std::fmt;
use std::io::{self, Write};

/// Text escaped for HTML, written without an intermediate string.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

/// A number for the reader: `12,5`, `2.534` (Vietnamese), `12.5`, `2534` (English).
fn vn(d: Decimal, st: NumberStyle) -> String {
    format_number(d, st)
}

fn vn_opt(d: Option<Decimal>, st: NumberStyle) -> String {
    d.map(|d| vn(d, st)).unwrap_or_else(|| "—".into())
}

/// A number for the reader with at least `places` decimals (`79,60`), so the figures of a
/// column line up. Only zeros are added: rounding is the ruleset's, done before.
pub(crate) fn fixed(d: Decimal, places: u32, st: NumberStyle) -> String {
    let text = format_number(d, st);
    let point = match st {
        NumberStyle::Vietnamese => ',',
        NumberStyle::Machine => '.',
    };
    let have = text.split_once(point).map_or(0, |(_, f)| f.len());
    let mut out = text;
    if have == 0 && places > 0 {
        out.push(point);
    }
    for _ in have..places as usize {
        out.push('0');
    }
    out
}

/// A percentage for the reader with `places` decimals: `94,89%`, `79,60%` (`94.89%`).
pub(crate) fn vp(d: Option<Decimal>, places: u32, st: NumberStyle) -> String {
    d.map(|p| {
        let mut s = fixed(p, places, st);
        s.push('%');
        s
    })
    .unwrap_or_else(|| "—".into())
}

/// The places a percentage is shown with: as many as the ruleset rounds it to.
pub(crate) fn percent_places(report: &BatchReport) -> u32 {
    report
        .ruleset
        .rounding
        .percent
        .map_or(chiso::model::DEFAULT_PERCENT_ROUNDING.places, |r| r.places)
}

/// A signed difference: `+1,5`, `−2`.
fn signed(d: Option<Decimal>, st: NumberStyle) -> String {
    match d {
        Some(v) if v > Decimal::ZERO => format!("+{}", vn(v, st)),
        Some(v) if v < Decimal::ZERO => format!("−{}", vn(-v, st)),
        Some(v) => vn(v, st),
        None => "—".into(),
    }
}

/// A CSS length or percentage: a decimal point, whatever the reader's convention.
fn css(d: Decimal) -> String {
    format_number(d.round_dp(1), NumberStyle::Machine)
}

/// The title of an area as a short column heading: sentence case for an all-capitals title
/// (acronyms such as CCHC, TTHC, UBND kept), generic openings ("Công tác", "Cải cách", "Xây
/// dựng và …") dropped, the administrative abbreviations officials use (QPPL, CQĐT, KT-XH),
/// and at most `SHORT_AREA` characters (cut at a comma, then at a word, with "…"). The full
/// title goes beside it (a `title` attribute, the legend, the workbook's header comment).
pub fn area_short_name(title: &str) -> String {
    const SHORT_AREA: usize = 32;
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let upper = title.chars().any(char::is_alphabetic) && !title.chars().any(char::is_lowercase);
    let mut text = if upper {
        title
            .split(' ')
            .enumerate()
            .map(|(i, w)| {
                if is_acronym(w) {
                    w.to_string()
                } else if i == 0 {
                    sentence_case(&w.to_lowercase())
                } else {
                    w.to_lowercase()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        title.clone()
    };
    for opening in [
        "Xây dựng và tổ chức thực hiện ",
        "Xây dựng và phát triển ",
        "Công tác ",
        "Cải cách ",
    ] {
        if let Some(rest) = text.strip_prefix(opening) {
            if !rest.is_empty() {
                text = sentence_case(rest);
            }
            break;
        }
    }
    // Abbreviations only where the name is too long to head a column.
    for (long, short) in [
        ("cải cách hành chính", "CCHC"),
        ("quy phạm pháp luật", "QPPL"),
        ("thủ tục hành chính", "TTHC"),
        ("chính quyền điện tử", "CQĐT"),
        ("kinh tế- xã hội", "KT-XH"),
        ("kinh tế - xã hội", "KT-XH"),
        ("kinh tế-xã hội", "KT-XH"),
    ] {
        if text.chars().count() <= SHORT_AREA {
            break;
        }
        let lower = text.to_lowercase();
        // Lowercasing keeps the byte length of Vietnamese letters; checked, to cut safely.
        if let (Some(at), true) = (lower.find(long), lower.len() == text.len()) {
            text = format!("{}{}{}", &text[..at], short, &text[at + long.len()..]);
        }
    }
    if text.chars().count() > SHORT_AREA {
        if let Some((head, _)) = text.split_once(',') {
            text = head.trim().to_string();
        }
    }
    if text.chars().count() > SHORT_AREA {
        let mut cut = String::new();
        for word in text.split(' ') {
            if cut.chars().count() + word.chars().count() + 1 > SHORT_AREA - 1 {
                break;
            }
            if !cut.is_empty() {
                cut.push(' ');
            }
            cut.push_str(word);
        }
        text = format!("{}…", cut.trim_end_matches([',', ';', ' ']));
    }
    text
}

/// An acronym: a word in capitals without a vowel (CCHC, TTHC, QPPL, HĐND) or UBND.
fn is_acronym(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.chars().count() >= 2
        && (letters == "UBND"
            || !chiso::text::fold(&letters)
                .chars()
                .any(|c| "aeiouy".contains(c)))
}

fn sentence_case(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Red (40% and below) → amber → green (100%), as an HSL colour.
fn heat(percent: Decimal) -> String {
    let p = percent.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED);
    // Stretched over 40–100%, where units' indices lie, so neighbours differ visibly.
    let hue = ((p - Decimal::from(40)).max(Decimal::ZERO) * Decimal::TWO)
        .min(Decimal::from(120))
        .round();
    format!("hsl({hue},70%,88%)")
}

const STYLE: &str = r#"
:root { --ink: #1f2933; --muted: #5b6775; --line: #d9dee4; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 16px auto; max-width: 1180px; padding: 0 12px; line-height: 1.3; font-size: 14px; }
h1 { font-size: 20px; margin: 0 0 2px; }
h2 { font-size: 16px; margin: 16px 0 6px; padding-bottom: 3px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 14px; margin: 12px 0 4px; }
.meta { color: var(--muted); margin: 0 0 8px; }
.cards { display: flex; gap: 8px; flex-wrap: wrap; margin: 6px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 4px 10px; min-width: 120px; font-size: 12px; color: var(--muted); }
.card b { display: block; font-size: 18px; color: var(--ink); }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 12px; margin: 4px 0 8px; }
th, td { border: 1px solid var(--line); padding: 2px 5px; vertical-align: middle; }
th { background: #eef2f7; text-align: left; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.ranking th.area { font-size: 11px; font-weight: 600; text-align: center; min-width: 62px; max-width: 96px; white-space: normal; line-height: 1.15; }
table.ranking td.unit { white-space: nowrap; }
table.ranking th.sticky, table.ranking td.sticky { position: sticky; left: 0; background: #fff; z-index: 1; }
table.ranking .rank { width: 3.4em; min-width: 3.4em; max-width: 3.4em; }
table.ranking .unit { left: 3.4em; }
table.ranking th.sticky { background: #eef2f7; }
td.bar { min-width: 130px; white-space: nowrap; }
td.bar span.track { display: inline-block; width: calc(100% - 52px); min-width: 60px; height: 10px; background: #f1f3f5; vertical-align: middle; margin-right: 4px; }
td.bar span.fill { display: block; height: 100%; }
td.bar b { display: inline-block; width: 46px; text-align: right; font-weight: 600; }
tr.total td { font-weight: bold; background: #f7f9fb; }
tr.area td { font-weight: bold; }
tr.not-scored td { color: #b42318; }
.flag { color: #b42318; font-weight: bold; }
.up { color: #067647; } .down { color: #b42318; }
.grade { display: inline-block; padding: 0 5px; border-radius: 3px; color: #fff; font-size: 11px; white-space: nowrap; }
.note { color: var(--muted); font-size: 11px; }
ol.legend { columns: 2; font-size: 11px; color: var(--muted); margin: 2px 0 8px; padding-left: 22px; }
.dist { display: grid; grid-template-columns: max-content 1fr max-content; gap: 3px 8px; align-items: center; max-width: 640px; font-size: 12px; }
.dist .track { background: #f1f3f5; height: 14px; }
.dist .fill { height: 100%; }
.details { border-top: 3px double var(--line); margin-top: 28px; padding-top: 8px; }
@page { size: A4 landscape; margin: 10mm; }
@media (max-width: 600px) {
  body { padding: 0 6px; font-size: 13px; }
  h1 { font-size: 17px; }
  .card { min-width: 0; flex: 1 1 40%; }
  td.bar { min-width: 110px; }
  table.ranking .pts { display: none; }
  table.ranking td.unit { white-space: normal; min-width: 6em; max-width: 9em; }
  ol.legend { columns: 1; }
  table.comparison td:nth-child(2), table.lost td:nth-child(2), table.targets td:nth-child(2) { min-width: 160px; }
}
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11px; }
  .scroll { overflow: visible; }
  table { font-size: 11px; }
  th, td { padding: 1px 4px; }
  h2, h3 { break-after: avoid; }
  .dist, ol.legend, .cards { break-inside: avoid; }
  table.ranking th.sticky, table.ranking td.sticky { position: static; }
  table.ranking td.unit { white-space: normal; min-width: 8em; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .details { break-before: page; }
  .details { border-top: 0; margin-top: 0; padding-top: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

const GRADE_COLORS: [&str; 6] = [
    "#067647", "#2e7d32", "#b08800", "#c2410c", "#b42318", "#6b7280",
];

fn grade_color(report: &BatchReport, grade: Option<&str>) -> &'static str {
    let i = grade
        .and_then(|g| report.ruleset.meta.grades.iter().position(|b| b.name == g))
        .unwrap_or(5);
    GRADE_COLORS[i.min(5)]
}

/// A grade's badge; without a grade, `ungraded` (why the unit has none).
fn badge(
    out: &mut dyn Write,
    report: &BatchReport,
    grade: Option<&str>,
    ungraded: &str,
) -> io::Result<()> {
    match grade {
        Some(g) => write!(
            out,
            r#"<span class="grade" style="background:{}">{}</span>"#,
            grade_color(report, Some(g)),
            Esc(g)
        ),
        None => write!(out, r#"<span class="note">{}</span>"#, Esc(ungraded)),
    }
}

/// Writes the page to `out`, unit by unit.
///
/// # Errors
/// What `out` returns.
pub fn write(report: &BatchReport, out: &mut dyn Write) -> io::Result<()> {
    let mut buffered = io::BufWriter::with_capacity(64 * 1024, out);
    let out: &mut dyn Write = &mut buffered;
    let rs = report.ruleset;
    let lang = report.lang;
    // "Chỉ số CCHC — …" unless the ruleset's title says so already.
    let title = if chiso::text::fold(&rs.meta.title).starts_with("chi so cchc") {
        rs.meta.title.clone()
    } else {
        msg!("report-html-title", ruleset = rs.meta.title.as_str()).render(lang)
    };
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<section class=\"publish\" id=\"cong-bo\">\n<h1>{}</h1>\n",
        lang.code(),
        Esc(&title),
        Esc(&title)
    )?;
    let mut meta = Vec::new();
    if let Some(i) = &rs.meta.issuer {
        meta.push(Esc(i).to_string());
    }
    if let Some(d) = &rs.meta.decree {
        let decree = Esc(d).to_string();
        let text = match rs.meta.decree_date {
            Some(date) => msg!(
                "report-decree-dated",
                decree = decree,
                date = date.format("%d/%m/%Y").to_string()
            ),
            None => msg!("report-decree", decree = decree),
        };
        meta.push(text.render(lang));
    }
    if let Some(y) = rs.meta.year {
        meta.push(msg!("report-year", year = y.to_string()).render(lang));
    }
    meta.push(msg!("report-stage-points", stage = report.stage_name()).render(lang));
    writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "))?;
    summary_cards(out, report)?;
    ranking(out, report)?;
    grades(out, report)?;
    writeln!(out, "</section>")?;
    writeln!(
        out,
        "<section class=\"details\" id=\"chi-tiet\">\n<h1>{}</h1>",
        Esc(&msg!("report-html-details").render(lang))
    )?;
    not_scored(out, report)?;
    comparisons(out, report)?;
    out.write_all(super::blocks::html_sections(report).as_bytes())?;
    lost(out, report)?;
    writeln!(
        out,
        "</section>\n<p class=\"note\">{}</p>\n</body>\n</html>",
        Esc(&msg!("report-html-footer").render(lang))
    )?;
    buffered.flush()
}

fn summary_cards(out: &mut dyn Write, report: &BatchReport) -> io::Result<()> {
    let mut ranked = 0usize;
    let mut sum = Decimal::ZERO;
    let mut best: Option<Decimal> = None;
    let mut worst: Option<Decimal> = None;
    for row in &report.ranking.rows {
        if row.rank.is_some() {
            ranked += 1;
        }
        if let Some(p) = row.percent {
            sum += p;
            best = Some(best.map_or(p, |b| b.max(p)));
            worst = Some(worst.map_or(p, |w| w.min(p)));
        }
    }
    let with_percent = report
        .ranking
        .rows
        .iter()
        .filter(|r| r.percent.is_some())
        .count();
    let mean = (with_percent > 0)
        .then(|| chiso::batch::round_percent(report.ruleset, sum / Decimal::from(with_percent)));
    let (st, lang) = (report.style(), report.lang);
    writeln!(out, "<div class=\"cards\">")?;
    writeln!(
        out,
        "<div class=\"card\">{}<b>{ranked}</b></div>",
        Esc(&msg!("report-card-ranked").render(lang))
    )?;
    writeln!(
        out,
        "<div class=\"card\">{}<b>{}</b></div>",
        Esc(&msg!("report-card-incomplete").render(lang)),
        report.ranking.rows.len() - ranked + report.batch.not_scored.len()
    )?;
    writeln!(
        out,
        "<div class=\"card\">{}<b>{}</b></div>",
        Esc(&report.words.mean_index),
        vp(mean, percent_places(report), st)
    )?;
    if let (Some(best), Some(worst)) = (best, worst) {
        writeln!(
            out,
            "<div class=\"card\">{}<b>{} / {}</b></div>",
            Esc(&msg!("report-card-best-worst").render(lang)),
            vp(Some(best), percent_places(report), st),
            vp(Some(worst), percent_places(report), st)
        )?;
    }
    writeln!(out, "</div>")
}

/// The change of each ranked unit's index from last year (percentage points, in the order of
/// `report.ranking.rows`), when the batch knows last year's results: `None` when it does not
/// (the HTML and workbook columns are left out).
pub(crate) fn year_over_year(_report: &BatchReport) -> Option<Vec<Option<Decimal>>> {
    // BatchReport carries no previous year yet: the column is designed in (see `ranking`)
    // and is filled from the report's year-over-year data when the batch provides it.
    None
}

/// The ranking: one table for the batch, or with declared groups one table per group in
/// declared order, each ranked on its own (ranks within the group, as docs/batch.md says and
/// the text reports show), then the units not scored whose data names no group.
fn ranking(out: &mut dyn Write, report: &BatchReport) -> io::Result<()> {
    let rs = report.ruleset;
    let (st, lang) = (report.style(), report.lang);
    writeln!(
        out,
        "<h2 id=\"xep-hang\">{}</h2>",
        Esc(&msg!(
            "report-html-ranking-heading",
            stage = stage_name(report.ranking.stage, lang)
        )
        .render(lang))
    )?;
    if report.groups.is_empty() {
        let not_scored: Vec<&NotScored> = report.batch.not_scored.iter().collect();
        ranking_table(out, report, "ranking", &report.ranking.rows, &not_scored)?;
    } else {
        for (k, g) in report.groups.iter().enumerate() {
            writeln!(out, "<h3 class=\"group\">{}</h3>", Esc(&g.name))?;
            let not_scored: Vec<&NotScored> = report
                .batch
                .not_scored
                .iter()
                .filter(|n| n.group == Some(g.group))
                .collect();
            let id = if k == 0 {
                "ranking".to_string()
            } else {
                format!("ranking-{}", k + 1)
            };
            ranking_table(out, report, &id, &g.ranking.rows, &not_scored)?;
        }
        let ungrouped: Vec<&NotScored> = report
            .batch
            .not_scored
            .iter()
            .filter(|n| n.group.is_none())
            .collect();
        if !ungrouped.is_empty() {
            let title = msg!("report-fixes-no-group").render(lang);
            writeln!(out, "<h3 class=\"group\">{}</h3>", Esc(&title))?;
            ranking_table(out, report, "ranking-ungrouped", &[], &ungrouped)?;
        }
    }
    writeln!(
        out,
        "<p class=\"note\">{}</p>\n<ol class=\"legend\">",
        Esc(&msg!("report-html-legend").render(lang))
    )?;
    for &root in &rs.roots {
        let node = &rs.nodes[root];
        writeln!(
            out,
            "<li>{} — {}</li>",
            Esc(&node.title),
            Esc(&msg!("report-max-points", max = vn(node.max, st)).render(lang))
        )?;
    }
    writeln!(out, "</ol>")
}

/// One ranking table: `rows` (ranked first) and the units not scored listed after them.
fn ranking_table(
    out: &mut dyn Write,
    report: &BatchReport,
    id: &str,
    rows: &[chiso::batch::RankRow],
    not_scored: &[&NotScored],
) -> io::Result<()> {
    let rs = report.ruleset;
    let (w, st, lang) = (&report.words, report.style(), report.lang);
    let change = year_over_year(report);
    // The change is given in the order of the batch's ranking; found here by unit.
    let change_of = |unit: usize| -> Option<Decimal> {
        let change = change.as_ref()?;
        let at = report.ranking.rows.iter().position(|r| r.unit == unit)?;
        change.get(at).copied().flatten()
    };
    write!(
        out,
        "<div class=\"scroll\">\n<table id=\"{id}\" class=\"ranking\">\n<thead><tr><th class=\"n sticky rank\">{}</th><th class=\"sticky unit\">{}</th><th class=\"n pts\">{}</th><th>{}</th><th>{}</th>",
        Esc(&w.rank),
        Esc(&w.unit),
        Esc(&w.points),
        Esc(&msg!("report-par-index").render(lang)),
        Esc(&w.grade)
    )?;
    if change.is_some() {
        write!(
            out,
            "<th class=\"n\" title=\"{}\">{}</th>",
            Esc(&msg!("report-html-change-title").render(lang)),
            Esc(&msg!("report-sheet-previous").render(lang))
        )?;
    }
    // What a cell's tooltip says: "12 / 15 điểm".
    let out_of = |points: String, max: String| {
        msg!("report-points-out-of", points = points, max = max).render(lang)
    };
    for (k, &root) in rs.roots.iter().enumerate() {
        let node = &rs.nodes[root];
        write!(
            out,
            "<th class=\"area\" title=\"{} ({})\">{}. {}</th>",
            Esc(&node.title),
            Esc(&msg!("report-max-points", max = vn(node.max, st)).render(lang)),
            k + 1,
            Esc(&area_short_name(&node.title))
        )?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for row in rows {
        let unit = &report.batch.units[row.unit];
        write!(
            out,
            "<tr><td class=\"n sticky rank\">{}</td><td class=\"sticky unit\">{}</td><td class=\"n pts\" title=\"{title}\">{}</td><td class=\"bar\" title=\"{title}\">",
            row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
            Esc(unit.unit()),
            points(report, unit.result.total()),
            title = Esc(&out_of(points(report, unit.result.total()), vn(unit.result.max, st))),
        )?;
        match row.percent {
            Some(p) => write!(
                out,
                "<span class=\"track\"><span class=\"fill\" style=\"width:{}%;background:{}\"></span></span><b>{}</b>",
                css(p.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED)),
                grade_color(report, row.grade.as_deref()),
                vp(Some(p), percent_places(report), st)
            )?,
            None => write!(out, "<b>—</b>")?,
        }
        write!(out, "</td><td>")?;
        badge(
            out,
            report,
            row.grade.as_deref(),
            &super::batch::unranked_label(&unit.result, lang),
        )?;
        write!(out, "</td>")?;
        if change.is_some() {
            let d = change_of(row.unit);
            let class = match d {
                Some(d) if d > Decimal::ZERO => " up",
                Some(d) if d < Decimal::ZERO => " down",
                _ => "",
            };
            write!(out, "<td class=\"n{class}\">{}</td>", signed(d, st))?;
        }
        for a in &unit.areas {
            match a.percent {
                Some(p) => write!(
                    out,
                    "<td class=\"n\" style=\"background:{}\" title=\"{}\">{}</td>",
                    heat(p),
                    Esc(&out_of(vn_opt(a.achieved, st), vn(a.max, st))),
                    fixed(p, percent_places(report), st)
                )?,
                None => write!(
                    out,
                    "<td class=\"n\" title=\"{}\">—</td>",
                    Esc(&msg!("report-html-no-area-index").render(lang))
                )?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    let blank = rs.roots.len() + usize::from(change.is_some());
    for n in not_scored {
        write!(
            out,
            "<tr class=\"not-scored\"><td class=\"n sticky rank\">—</td><td class=\"sticky unit\">{}</td><td class=\"n pts\">—</td><td>{}</td><td></td>",
            Esc(&n.label()),
            Esc(&msg!("report-not-scored-errors").render(lang)),
        )?;
        for _ in 0..blank {
            write!(out, "<td class=\"n\">—</td>")?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>\n</div>")
}

/// A unit's points as the report prints them: the declared `hiển thị N chữ số` or
/// `--decimals N`, else as computed, in the reader's style.
fn points(report: &BatchReport, d: Decimal) -> String {
    report.ruleset.format_points(d, report.style())
}

fn grades(out: &mut dyn Write, report: &BatchReport) -> io::Result<()> {
    let (w, st) = (&report.words, report.style());
    writeln!(
        out,
        "<h2 id=\"xep-loai\">{}</h2>",
        Esc(&w.grade_distribution)
    )?;
    let total: usize = report.grades.iter().map(|g| g.count).sum();
    let max = report
        .grades
        .iter()
        .map(|g| g.count)
        .max()
        .unwrap_or(0)
        .max(1);
    writeln!(
        out,
        "<div id=\"grades\" class=\"dist\" role=\"table\" aria-label=\"{}\">",
        Esc(&w.grade_distribution)
    )?;
    for g in &report.grades {
        let units = msg!("report-units", count = g.count).render(report.lang);
        write!(out, "<div role=\"cell\">")?;
        match g.grade.as_deref() {
            Some(name) => badge(out, report, Some(name), "")?,
            None => write!(out, "{}", Esc(&w.ungraded))?,
        }
        let share = if total == 0 {
            Decimal::ZERO
        } else {
            chiso::batch::round_percent(
                report.ruleset,
                Decimal::from(g.count * 100) / Decimal::from(total),
            )
        };
        writeln!(
            out,
            " <span class=\"note\">{}</span></div><div class=\"track\" role=\"presentation\"><div class=\"fill\" style=\"width:{}%;background:{}\"></div></div><div role=\"cell\" class=\"n\"><b>{}</b> {} ({})</div>",
            Esc(&g.band),
            css(Decimal::from(g.count * 100) / Decimal::from(max)),
            grade_color(report, g.grade.as_deref()),
            g.count,
            Esc(&units),
            vp(Some(share), percent_places(report), st)
        )?;
    }
    writeln!(out, "</div>")
}

fn not_scored(out: &mut dyn Write, report: &BatchReport) -> io::Result<()> {
    if report.batch.not_scored.is_empty() {
        return Ok(());
    }
    let lang = report.lang;
    writeln!(
        out,
        "<h2 id=\"khong-cham-duoc\">{}</h2>",
        Esc(&msg!("report-html-not-scored-heading").render(lang))
    )?;
    for n in &report.batch.not_scored {
        writeln!(
            out,
            "<div class=\"not-scored\"><p>{}</p><ul>",
            Esc(&msg!(
                "report-html-not-scored-unit",
                unit = n.label(),
                origin = n.origin.place().render(lang)
            )
            .render(lang))
        )?;
        for line in super::problem_lines(n, lang) {
            writeln!(out, "<li>{}</li>", Esc(&line))?;
        }
        writeln!(out, "</ul></div>")?;
    }
    Ok(())
}

fn comparisons(out: &mut dyn Write, report: &BatchReport) -> io::Result<()> {
    if report.comparisons.is_empty() {
        return Ok(());
    }
    let rs = report.ruleset;
    let (w, st, lang) = (&report.words, report.style(), report.lang);
    writeln!(
        out,
        "<h2 id=\"so-sanh\">{}</h2>",
        Esc(&w.self_and_appraisal)
    )?;
    // The table's head, the same for every unit.
    let head = format!(
        "<table class=\"comparison\"><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead><tbody>",
        Esc(&w.id),
        Esc(&w.criterion),
        Esc(&w.max),
        Esc(&w.self_score),
        Esc(&w.computed),
        Esc(&w.appraised),
        Esc(&w.difference),
        Esc(&w.council_note)
    );
    let differs = msg!("report-html-differs").render(lang);
    for cmp in &report.comparisons {
        writeln!(
            out,
            "<section class=\"unit\"><h3>{}</h3><div class=\"scroll\">",
            Esc(&cmp.unit)
        )?;
        writeln!(out, "{head}")?;
        for r in &cmp.rows {
            let node = &rs.nodes[r.node];
            let class = if node.is_leaf() {
                ""
            } else {
                " class=\"area\""
            };
            let self_cell = if r.not_evaluated {
                Esc(&w.not_evaluated).to_string()
            } else if r.flagged {
                format!(
                    "<span class=\"flag\" title=\"{}\">{} ⚠</span>",
                    Esc(&differs),
                    vn_opt(r.self_score, st)
                )
            } else {
                vn_opt(r.self_score, st)
            };
            let diff_class = match r.difference {
                Some(d) if d < Decimal::ZERO => " down",
                Some(d) if d > Decimal::ZERO => " up",
                _ => "",
            };
            writeln!(
                out,
                "<tr{class}><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{self_cell}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n{diff_class}\">{}</td><td>{}</td></tr>",
                Esc(&node.id),
                Esc(&node.title),
                vn(r.max, st),
                vn_opt(r.computed, st),
                vn_opt(r.appraised, st),
                signed(r.difference, st),
                Esc(r.note.as_deref().unwrap_or(""))
            )?;
        }
        writeln!(
            out,
            "<tr class=\"total\"><td></td><td>{}</td><td></td><td class=\"n\">{} / {} ({})</td><td></td><td class=\"n\">{} / {} ({})</td><td class=\"n\">{}</td><td></td></tr></tbody></table></div>",
            Esc(&msg!("report-total-word").render(lang)),
            vn_opt(cmp.self_total, st),
            vn_opt(cmp.self_max, st),
            vp(cmp.self_percent, percent_places(report), st),
            vn_opt(cmp.appraised_total, st),
            vn_opt(cmp.appraised_max, st),
            vp(cmp.appraised_percent, percent_places(report), st),
            signed(cmp.total_difference(), st)
        )?;
        if let Some(note) = super::batch::survey_note(report, cmp) {
            writeln!(out, "<p class=\"note\">{}</p>", Esc(&note))?;
        }
        if cmp.flags > 0 {
            writeln!(
                out,
                "<p class=\"flag\">⚠ {}</p>",
                Esc(&msg!("report-html-flags", count = cmp.flags).render(lang))
            )?;
        }
        writeln!(out, "</section>")?;
    }
    Ok(())
}

fn lost(out: &mut dyn Write, report: &BatchReport) -> io::Result<()> {
    let rs = report.ruleset;
    let (w, st, lang) = (&report.words, report.style(), report.lang);
    writeln!(
        out,
        "<h2 id=\"diem-bi-mat\">{}</h2>",
        Esc(&msg!("report-html-lost-heading").render(lang))
    )?;
    let lost_head = format!(
        "<div class=\"scroll\"><table class=\"lost\"><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th>{}</th></tr></thead><tbody>",
        Esc(&w.id),
        Esc(&w.criterion),
        Esc(&w.max),
        Esc(&w.achieved),
        Esc(&w.lost),
        Esc(&w.owner)
    );
    let targets_head = format!(
        "<div class=\"scroll\"><table class=\"targets\"><thead><tr><th>{}</th><th>{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th><th class=\"n\">{}</th></tr></thead><tbody>",
        Esc(&w.id),
        Esc(&w.criterion),
        Esc(&w.target),
        Esc(&w.achieved),
        Esc(&w.difference)
    );
    let no_lost = msg!("report-html-no-lost").render(lang);
    let (total, total_scored) = (
        msg!("report-total-word").render(lang),
        msg!("report-html-total-scored").render(lang),
    );
    // In the ranking's order (group by group, ranks within the group, when declared).
    for (row, unit) in report.listed_units() {
        let result = unit.result.unpack();
        let lost = chiso::batch::lost::lost_points(rs, &result);
        let areas = chiso::batch::lost::area_lost(rs, &result);
        writeln!(
            out,
            "<section class=\"unit\"><h3>{}{} — {} ({})</h3>",
            row.rank.map(|r| format!("{r}. ")).unwrap_or_default(),
            Esc(unit.unit()),
            Esc(&msg!(
                "report-points-out-of",
                points = points(report, unit.result.total()),
                max = vn(unit.result.max, st)
            )
            .render(lang)),
            vp(row.percent, percent_places(report), st)
        )?;
        if !unit.result.is_complete() {
            // Says whether its data is missing or wrong, as the ranking does.
            let label = super::batch::unranked_label(&unit.result, lang);
            let mut chars = label.chars();
            let label: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            writeln!(
                out,
                "<p class=\"flag\">{}</p>",
                Esc(&msg!("report-fixes-incomplete-lost", label = label).render(lang))
            )?;
        }
        // Bonus and penalty points outside the tree, with their caps (điểm thưởng, điểm trừ).
        for line in super::adjustments::text_lines(rs, &result, lang) {
            writeln!(out, "<p class=\"adjust\">{}</p>", Esc(&line))?;
        }
        if lost.is_empty() {
            writeln!(out, "<p class=\"note\">{}</p></section>", Esc(&no_lost))?;
            continue;
        }
        writeln!(out, "{lost_head}")?;
        for r in &lost {
            let node = &rs.nodes[r.node];
            writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                Esc(&node.id),
                Esc(&node.title),
                vn(r.max, st),
                vn(r.achieved, st),
                vn(r.lost, st),
                Esc(r.owner.as_deref().unwrap_or(""))
            )?;
        }
        let lost_areas: Vec<String> = areas
            .iter()
            .filter(|a| a.lost > Decimal::ZERO)
            .map(|a| {
                format!(
                    "{} −{}",
                    Esc(&area_short_name(&rs.nodes[a.node].title)),
                    vn(a.lost, st)
                )
            })
            .collect();
        let (max, achieved, lost_sum) = chiso::batch::lost::total_lost(rs, &result);
        writeln!(
            out,
            "<tr class=\"total\"><td></td><td>{} ({})</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td></td></tr></tbody></table></div>",
            Esc(if unit.result.is_complete() { &total } else { &total_scored }),
            lost_areas.join("; "),
            vn(max, st),
            vn(achieved, st),
            vn(lost_sum, st)
        )?;
        if let Some((_, rows)) = report.targets.iter().find(|(i, _)| *i == row.unit) {
            writeln!(out, "{targets_head}")?;
            for r in rows {
                let node = &rs.nodes[r.node];
                let class = if r.met { "up" } else { "down" };
                writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n {class}\">{}</td></tr>",
                    Esc(&node.id),
                    Esc(&node.title),
                    vn(r.target, st),
                    if r.not_evaluated { Esc(&w.not_evaluated).to_string() } else { vn_opt(r.achieved, st) },
                    signed(r.gap, st)
                )?;
            }
            writeln!(out, "</tbody></table></div>")?;
        }
        writeln!(out, "</section>")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn area_names_are_shortened_as_officials_abbreviate_them() {
        // The eight areas of the Điện Biên 2024 district ruleset.
        let cases = [
            ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "Chỉ đạo, điều hành CCHC"),
            (
                "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT",
                "Văn bản quy phạm pháp luật",
            ),
            ("CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "Thủ tục hành chính"),
            ("CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", "Tổ chức bộ máy hành chính"),
            ("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "Chế độ công vụ"),
            (
                "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
                "CQĐT, chính quyền số",
            ),
            (
                "TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ- XÃ HỘI CỦA HUYỆN, THỊ XÃ, THÀNH PHỐ",
                "Tác động của CCHC đến người dân",
            ),
            // Already in sentence case: kept, only shortened.
            ("Cải cách tài chính công", "Tài chính công"),
        ];
        for (title, short) in cases {
            let got = area_short_name(title);
            assert_eq!(got, short, "{title}");
        }
    }

    #[test]
    fn a_long_area_name_without_commas_is_cut_at_a_word() {
        let got = area_short_name(
            "Mức độ hài lòng của người dân đối với sự phục vụ của các cơ quan hành chính nhà nước",
        );
        assert_eq!(got, "Mức độ hài lòng của người dân…");
    }

    #[test]
    fn numbers_are_written_with_a_decimal_comma() {
        let st = NumberStyle::Vietnamese;
        assert_eq!(vp(Some(dec!(94.89)), 2, st), "94,89%");
        assert_eq!(vp(Some(dec!(79.6)), 2, st), "79,60%");
        assert_eq!(vp(Some(dec!(100)), 2, st), "100,00%");
        assert_eq!(vp(Some(dec!(23.3)), 1, st), "23,3%");
        // Never rounded here: a value with more places is shown as computed.
        assert_eq!(fixed(dec!(2534.5), 0, st), "2.534,5");
        assert_eq!(fixed(dec!(-0.5), 2, st), "-0,50");
        assert_eq!(vn(dec!(2534.5), st), "2.534,5");
        assert_eq!(signed(Some(dec!(-1.5)), st), "−1,5");
        assert_eq!(signed(Some(dec!(2)), st), "+2");
        // For an English reader: a decimal point, the same zeros added.
        let en = NumberStyle::Machine;
        assert_eq!(vp(Some(dec!(79.6)), 2, en), "79.60%");
        assert_eq!(vp(Some(dec!(100)), 2, en), "100.00%");
        assert_eq!(fixed(dec!(2534.5), 0, en), "2534.5");
        assert_eq!(signed(Some(dec!(-1.5)), en), "−1.5");
        // CSS keeps the point.
        assert_eq!(css(dec!(94.89)), "94.9");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            Esc("a<b & \"c\" 'd'>").to_string(),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
    }
}
