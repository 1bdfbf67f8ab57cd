//! One self-contained HTML page per batch: the ranking, the grade distribution, a per-area
//! heat map of all units, the two stages side by side, each unit's points lost and targets.
//! Charts are inline SVG (no scripts, no external files); the page prints on A4.
//! Coordinates are computed in decimals and written with one decimal place.

use super::batch::{opt, pct, signed, stage_name, BatchReport};
use chiso::text::format_decimal;
use rust_decimal::Decimal;
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate: a decimal with at most one place.
fn c(d: Decimal) -> String {
    format_decimal(d.round_dp(1))
}

fn dec(n: i64) -> Decimal {
    Decimal::from(n)
}

/// Red (40% and below) → amber → green (100%), as an HSL colour.
fn heat(percent: Decimal) -> String {
    let p = percent.max(Decimal::ZERO).min(Decimal::ONE_HUNDRED);
    // Stretched over 40–100%, where units' indices lie, so neighbours differ visibly.
    let hue = ((p - dec(40)).max(Decimal::ZERO) * dec(2))
        .min(dec(120))
        .round();
    format!("hsl({hue}, 62%, 52%)")
}

const STYLE: &str = r#"
:root { --ink: #1f2933; --muted: #616e7c; --line: #d9dee4; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.35; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.meta { color: var(--muted); margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 10px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; vertical-align: top; }
th { background: #eef2f7; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td { font-weight: bold; background: #f7f9fb; }
tr.area td { font-weight: bold; }
.flag { color: #b42318; font-weight: bold; }
.up { color: #067647; } .down { color: #b42318; }
.grade { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 4px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; min-width: 140px; }
.card b { display: block; font-size: 20px; }
.note { color: var(--muted); font-size: 12px; }
svg text { font-family: inherit; }
section.unit { break-inside: avoid-page; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; max-width: none; }
  h2 { break-after: avoid; }
  table, svg, .cards { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

fn grade_color(report: &BatchReport, grade: Option<&str>) -> &'static str {
    const COLORS: [&str; 6] = [
        "#067647", "#2e7d32", "#b08800", "#c2410c", "#b42318", "#6b7280",
    ];
    match grade {
        Some(g) => {
            let i = report
                .ruleset
                .meta
                .grades
                .iter()
                .position(|b| b.name == g)
                .unwrap_or(5);
            COLORS[i.min(5)]
        }
        None => COLORS[5],
    }
}

fn badge(report: &BatchReport, grade: Option<&str>) -> String {
    match grade {
        Some(g) => format!(
            r#"<span class="grade" style="background:{}">{}</span>"#,
            grade_color(report, Some(g)),
            esc(g)
        ),
        None => r#"<span class="note">chưa đủ số liệu</span>"#.to_string(),
    }
}

/// The page.
pub fn batch(report: &BatchReport) -> String {
    let rs = report.ruleset;
    let mut h = String::new();
    let title = format!("Chỉ số CCHC — {}", rs.meta.title);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        esc(&title)
    );
    let _ = writeln!(h, "<h1>{}</h1>", esc(&title));
    let mut meta = Vec::new();
    if let Some(i) = &rs.meta.issuer {
        meta.push(esc(i));
    }
    if let Some(d) = &rs.meta.decree {
        let date = rs
            .meta
            .decree_date
            .map(|d| format!(" ngày {}", d.format("%d/%m/%Y")))
            .unwrap_or_default();
        meta.push(format!("Quyết định {}{}", esc(d), date));
    }
    if let Some(y) = rs.meta.year {
        meta.push(format!("năm {y}"));
    }
    meta.push(format!("điểm {}", report.stage_name()));
    let _ = writeln!(h, "<p class=\"meta\">{}</p>", meta.join(" · "));
    summary_cards(&mut h, report);
    ranking(&mut h, report);
    grades(&mut h, report);
    heatmap(&mut h, report);
    comparisons(&mut h, report);
    h.push_str(&super::blocks::html_sections(report));
    lost(&mut h, report);
    h.push_str("<p class=\"note\">Tạo bởi chiso: mọi điểm được tính từ số liệu của đơn vị theo bộ chỉ số; tổng và điểm bị mất được cộng từ cây tiêu chí.</p>\n</body>\n</html>\n");
    h
}

fn summary_cards(h: &mut String, report: &BatchReport) {
    let ranked = report
        .ranking
        .rows
        .iter()
        .filter(|r| r.rank.is_some())
        .count();
    let percents: Vec<Decimal> = report
        .ranking
        .rows
        .iter()
        .filter_map(|r| r.percent)
        .collect();
    let mean = if percents.is_empty() {
        None
    } else {
        let sum: Decimal = percents.iter().sum();
        Some(chiso::batch::round_percent(
            report.ruleset,
            sum / Decimal::from(percents.len()),
        ))
    };
    let _ = writeln!(h, "<div class=\"cards\">");
    let _ = writeln!(
        h,
        "<div class=\"card\">Đơn vị được xếp hạng<b>{ranked}</b></div>"
    );
    let _ = writeln!(
        h,
        "<div class=\"card\">Chưa đủ số liệu / lỗi<b>{}</b></div>",
        report.ranking.rows.len() - ranked + report.batch.not_scored.len()
    );
    let _ = writeln!(
        h,
        "<div class=\"card\">Chỉ số bình quân<b>{}</b></div>",
        pct(mean)
    );
    if let (Some(best), Some(worst)) = (percents.first(), percents.last()) {
        let _ = writeln!(
            h,
            "<div class=\"card\">Cao nhất / thấp nhất<b>{} / {}</b></div>",
            pct(Some(*best)),
            pct(Some(*worst))
        );
    }
    let _ = writeln!(h, "</div>");
}

fn ranking(h: &mut String, report: &BatchReport) {
    let _ = writeln!(
        h,
        "<h2 id=\"xep-hang\">Xếp hạng (điểm {})</h2>",
        stage_name(report.ranking.stage)
    );
    let _ = writeln!(
        h,
        "<table id=\"ranking\" class=\"ranking\">\n<thead><tr><th class=\"n\">Hạng</th><th>Đơn vị</th><th class=\"n\">Điểm đạt</th><th class=\"n\">Tối đa</th><th class=\"n\">Chỉ số</th><th>Xếp loại</th></tr></thead>\n<tbody>"
    );
    for (row, unit) in report.ranked_units() {
        let _ = writeln!(
            h,
            "<tr><td class=\"n\">{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            row.rank.map(|r| r.to_string()).unwrap_or_else(|| "—".into()),
            esc(unit.unit()),
            format_decimal(unit.result.achieved),
            format_decimal(unit.result.max),
            pct(row.percent),
            badge(report, row.grade.as_deref())
        );
    }
    for n in &report.batch.not_scored {
        let _ = writeln!(
            h,
            "<tr class=\"not-scored\"><td class=\"n\">—</td><td>{}</td><td class=\"n\">—</td><td class=\"n\">—</td><td class=\"n\">—</td><td>không chấm được</td></tr>",
            esc(&n.label()),
        );
    }
    let _ = writeln!(h, "</tbody></table>");
    for n in &report.batch.not_scored {
        let _ = writeln!(
            h,
            "<div class=\"note not-scored\"><p>Không chấm được: {} ({}) — số liệu có lỗi:</p><ul>",
            esc(&n.label()),
            esc(&n.origin.to_string())
        );
        for line in super::problem_lines(n) {
            let _ = writeln!(h, "<li>{}</li>", esc(&line));
        }
        let _ = writeln!(h, "</ul></div>");
    }
    // Bar chart: one bar per ranked unit, grade thresholds as dashed lines.
    let bars: Vec<(&str, Decimal, Option<&str>)> = report
        .ranked_units()
        .filter_map(|(r, u)| r.percent.map(|p| (u.unit(), p, r.grade.as_deref())))
        .collect();
    if bars.is_empty() {
        return;
    }
    let label_w = dec(230);
    let plot_w = dec(600);
    let bar_h = dec(18);
    let gap = dec(6);
    let top = dec(28);
    let height = top + (bar_h + gap) * dec(bars.len() as i64) + dec(10);
    let width = label_w + plot_w + dec(70);
    let scale = plot_w / Decimal::ONE_HUNDRED;
    let _ = writeln!(
        h,
        "<svg id=\"chart-ranking\" class=\"chart\" role=\"img\" aria-label=\"Biểu đồ chỉ số CCHC theo đơn vị\" viewBox=\"0 0 {} {}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        c(width),
        c(height)
    );
    let mut thresholds: Vec<(Decimal, &str)> = report
        .ruleset
        .meta
        .grades
        .iter()
        .filter_map(|b| b.interval.lower.map(|(l, _)| (l, b.name.as_str())))
        .filter(|(l, _)| *l > Decimal::ZERO && *l < Decimal::ONE_HUNDRED)
        .collect();
    thresholds.sort();
    for (k, (lower, name)) in thresholds.iter().enumerate() {
        let x = label_w + *lower * scale;
        // Neighbouring labels alternate between two lines so they never overlap.
        let y = if k % 2 == 0 { dec(10) } else { dec(21) };
        let _ = writeln!(
            h,
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\" stroke=\"#9aa5b1\" stroke-dasharray=\"4 3\"/><text x=\"{x}\" y=\"{}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#616e7c\">{} từ {}%</text>",
            c(top - dec(2)),
            c(height - dec(6)),
            c(y),
            esc(name),
            format_decimal(*lower),
            x = c(x)
        );
    }
    for (i, (name, p, grade)) in bars.iter().enumerate() {
        let y = top + (bar_h + gap) * dec(i as i64);
        let w = *p * scale;
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\">{}%</text>",
            c(label_w - dec(6)),
            c(y + dec(13)),
            esc(name),
            c(label_w),
            c(y),
            c(w),
            c(bar_h),
            grade_color(report, *grade),
            c(label_w + w + dec(4)),
            c(y + dec(13)),
            format_decimal(*p)
        );
    }
    let _ = writeln!(h, "</svg>");
}

fn grades(h: &mut String, report: &BatchReport) {
    let _ = writeln!(h, "<h2 id=\"xep-loai\">Phân bố xếp loại</h2>");
    let _ = writeln!(h, "<table id=\"grades\"><thead><tr><th>Xếp loại</th><th>Khoảng chỉ số</th><th class=\"n\">Số đơn vị</th></tr></thead><tbody>");
    for g in &report.grades {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>",
            g.grade
                .as_deref()
                .map(|n| badge(report, Some(n)))
                .unwrap_or_else(|| "Chưa xếp loại".into()),
            esc(&g.band),
            g.count
        );
    }
    let _ = writeln!(h, "</tbody></table>");
    if report.grades.is_empty() {
        return;
    }
    let max = report
        .grades
        .iter()
        .map(|g| g.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let col_w = dec(110);
    let plot_h = dec(140);
    let width = col_w * dec(report.grades.len() as i64) + dec(20);
    let height = plot_h + dec(50);
    let _ = writeln!(
        h,
        "<svg id=\"chart-grades\" class=\"chart\" role=\"img\" aria-label=\"Biểu đồ phân bố xếp loại\" viewBox=\"0 0 {} {}\" width=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        c(width),
        c(height),
        c(width)
    );
    for (i, g) in report.grades.iter().enumerate() {
        let x = dec(10) + col_w * dec(i as i64);
        let bar = plot_h * dec(g.count as i64) / dec(max as i64);
        let y = dec(20) + plot_h - bar;
        let _ = writeln!(
            h,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
            c(x + dec(15)),
            c(y),
            c(col_w - dec(30)),
            c(bar),
            grade_color(report, g.grade.as_deref()),
            c(x + col_w / dec(2)),
            c(y - dec(4)),
            g.count,
            c(x + col_w / dec(2)),
            c(height - dec(12)),
            esc(g.grade.as_deref().unwrap_or("Chưa xếp loại"))
        );
    }
    let _ = writeln!(h, "</svg>");
}

fn heatmap(h: &mut String, report: &BatchReport) {
    let rs = report.ruleset;
    let _ = writeln!(
        h,
        "<h2 id=\"linh-vuc\">Chỉ số thành phần theo lĩnh vực</h2>"
    );
    let _ = writeln!(
        h,
        "<p class=\"note\">Mỗi ô: điểm đạt / điểm tối đa áp dụng của lĩnh vực (%); ô trống: lĩnh vực không đánh giá hoặc chưa đủ số liệu.</p>"
    );
    let units: Vec<_> = report.ranked_units().map(|(_, u)| u).collect();
    let label_w = dec(230);
    let cell_w = dec(74);
    let cell_h = dec(24);
    let top = dec(40);
    let width = label_w + cell_w * dec(rs.roots.len() as i64) + dec(10);
    let height = top + cell_h * dec(units.len() as i64) + dec(8);
    let _ = writeln!(
        h,
        "<svg id=\"heatmap\" class=\"chart\" role=\"img\" aria-label=\"Bản đồ nhiệt chỉ số thành phần theo lĩnh vực\" viewBox=\"0 0 {} {}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        c(width),
        c(height)
    );
    for (j, &root) in rs.roots.iter().enumerate() {
        let x = label_w + cell_w * dec(j as i64);
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\"><title>{}</title>LV {}</text>",
            c(x + cell_w / dec(2)),
            c(top - dec(10)),
            esc(&rs.nodes[root].title),
            esc(&rs.nodes[root].id)
        );
    }
    for (i, unit) in units.iter().enumerate() {
        let y = top + cell_h * dec(i as i64);
        let _ = writeln!(
            h,
            "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            c(label_w - dec(6)),
            c(y + dec(16)),
            esc(unit.unit())
        );
        for (j, area) in unit.areas.iter().enumerate() {
            let x = label_w + cell_w * dec(j as i64);
            let (fill, text) = match area.percent {
                Some(p) => (heat(p), format_decimal(p)),
                None => ("#f1f3f5".to_string(), "—".to_string()),
            };
            let _ = writeln!(
                h,
                "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\" stroke=\"#fff\"/><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{text}</text>",
                c(x),
                c(y),
                c(cell_w),
                c(cell_h),
                c(x + cell_w / dec(2)),
                c(y + dec(16))
            );
        }
    }
    let _ = writeln!(h, "</svg>");
    // The same numbers as a table, for reading and copying.
    let _ = write!(h, "<table id=\"areas\"><thead><tr><th>Đơn vị</th>");
    for &root in &rs.roots {
        let _ = write!(
            h,
            "<th class=\"n\" title=\"{}\">LV {}</th>",
            esc(&rs.nodes[root].title),
            esc(&rs.nodes[root].id)
        );
    }
    let _ = writeln!(h, "</tr></thead><tbody>");
    for unit in &units {
        let _ = write!(h, "<tr><td>{}</td>", esc(unit.unit()));
        for a in &unit.areas {
            let _ = write!(
                h,
                "<td class=\"n\" title=\"{} / {}\">{}</td>",
                opt(a.achieved),
                format_decimal(a.max),
                opt(a.percent)
            );
        }
        let _ = writeln!(h, "</tr>");
    }
    let _ = writeln!(h, "</tbody></table>");
}

fn comparisons(h: &mut String, report: &BatchReport) {
    if report.comparisons.is_empty() {
        return;
    }
    let rs = report.ruleset;
    let _ = writeln!(h, "<h2 id=\"so-sanh\">Tự đánh giá và thẩm định</h2>");
    for cmp in &report.comparisons {
        let _ = writeln!(h, "<section class=\"unit\"><h3>{}</h3>", esc(&cmp.unit));
        let _ = writeln!(
            h,
            "<table class=\"comparison\"><thead><tr><th>Mã</th><th>Tiêu chí</th><th class=\"n\">Tối đa</th><th class=\"n\">Tự chấm</th><th class=\"n\">Tính từ số liệu</th><th class=\"n\">Thẩm định</th><th class=\"n\">Chênh lệch</th><th>Ghi chú của hội đồng</th></tr></thead><tbody>"
        );
        for r in &cmp.rows {
            let node = &rs.nodes[r.node];
            let class = if node.is_leaf() {
                ""
            } else {
                " class=\"area\""
            };
            let self_cell = if r.not_evaluated {
                "KĐG".to_string()
            } else if r.flagged {
                format!(
                    "<span class=\"flag\" title=\"khác điểm tính từ số liệu\">{} ⚠</span>",
                    opt(r.self_score)
                )
            } else {
                opt(r.self_score)
            };
            let diff_class = match r.difference {
                Some(d) if d < Decimal::ZERO => " down",
                Some(d) if d > Decimal::ZERO => " up",
                _ => "",
            };
            let _ = writeln!(
                h,
                "<tr{class}><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{self_cell}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n{diff_class}\">{}</td><td>{}</td></tr>",
                esc(&node.id),
                esc(&node.title),
                format_decimal(r.max),
                opt(r.computed),
                opt(r.appraised),
                signed(r.difference),
                esc(r.note.as_deref().unwrap_or(""))
            );
        }
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td></td><td>Tổng</td><td></td><td class=\"n\">{} / {} ({})</td><td></td><td class=\"n\">{} / {} ({})</td><td class=\"n\">{}</td><td></td></tr></tbody></table>",
            opt(cmp.self_total),
            opt(cmp.self_max),
            pct(cmp.self_percent),
            opt(cmp.appraised_total),
            opt(cmp.appraised_max),
            pct(cmp.appraised_percent),
            signed(cmp.total_difference())
        );
        if let Some(note) = super::batch::survey_note(cmp) {
            let _ = writeln!(h, "<p class=\"note\">{}</p>", esc(&note));
        }
        if cmp.flags > 0 {
            let _ = writeln!(
                h,
                "<p class=\"flag\">⚠ {} tiêu chí có điểm tự chấm khác điểm tính từ số liệu của đơn vị.</p>",
                cmp.flags
            );
        }
        let _ = writeln!(h, "</section>");
    }
}

fn lost(h: &mut String, report: &BatchReport) {
    let rs = report.ruleset;
    let _ = writeln!(h, "<h2 id=\"diem-bi-mat\">Điểm bị mất theo đơn vị</h2>");
    for (row, unit) in report.ranked_units() {
        let (lost, areas) = report.lost(unit);
        let _ = writeln!(
            h,
            "<section class=\"unit\"><h3>{}{} — {} / {} điểm ({})</h3>",
            row.rank.map(|r| format!("{r}. ")).unwrap_or_default(),
            esc(unit.unit()),
            format_decimal(unit.result.achieved),
            format_decimal(unit.result.max),
            pct(row.percent)
        );
        if !unit.result.is_complete() {
            let _ = writeln!(
                h,
                "<p class=\"flag\">Chưa đủ số liệu: {} mục còn thiếu hoặc lỗi — điểm bị mất dưới đây chỉ tính các tiêu chí đã chấm.</p>",
                unit.result.missing.len().max(1)
            );
        }
        if lost.is_empty() {
            let _ = writeln!(
                h,
                "<p class=\"note\">Không mất điểm ở tiêu chí nào đã chấm.</p></section>"
            );
            continue;
        }
        let _ = writeln!(
            h,
            "<table class=\"lost\"><thead><tr><th>Mã</th><th>Tiêu chí</th><th class=\"n\">Tối đa</th><th class=\"n\">Đạt</th><th class=\"n\">Bị mất</th><th>Chủ trì</th></tr></thead><tbody>"
        );
        for r in &lost {
            let node = &rs.nodes[r.node];
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                esc(&node.id),
                esc(&node.title),
                format_decimal(r.max),
                format_decimal(r.achieved),
                format_decimal(r.lost),
                esc(r.owner.as_deref().unwrap_or(""))
            );
        }
        let lost_areas: Vec<String> = areas
            .iter()
            .filter(|a| a.lost > Decimal::ZERO)
            .map(|a| {
                format!(
                    "LV {} −{}",
                    esc(&rs.nodes[a.node].id),
                    format_decimal(a.lost)
                )
            })
            .collect();
        let (max, achieved, lost_sum) = chiso::batch::lost::total_lost(rs, &unit.result.unpack());
        let _ = writeln!(
            h,
            "<tr class=\"total\"><td></td><td>{} ({})</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td></td></tr></tbody></table>",
            if unit.result.is_complete() { "Tổng" } else { "Tổng các tiêu chí đã chấm" },
            lost_areas.join(", "),
            format_decimal(max),
            format_decimal(achieved),
            format_decimal(lost_sum)
        );
        if let Some((_, rows)) = report.targets.iter().find(|(i, _)| *i == row.unit) {
            let _ = writeln!(
                h,
                "<table class=\"targets\"><thead><tr><th>Mã</th><th>Tiêu chí</th><th class=\"n\">Phấn đấu</th><th class=\"n\">Đạt</th><th class=\"n\">Chênh lệch</th></tr></thead><tbody>"
            );
            for r in rows {
                let node = &rs.nodes[r.node];
                let class = if r.met { "up" } else { "down" };
                let _ = writeln!(
                    h,
                    "<tr><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n {class}\">{}</td></tr>",
                    esc(&node.id),
                    esc(&node.title),
                    format_decimal(r.target),
                    if r.not_evaluated { "KĐG".into() } else { opt(r.achieved) },
                    signed(r.gap)
                );
            }
            let _ = writeln!(h, "</tbody></table>");
        }
        let _ = writeln!(h, "</section>");
    }
}
