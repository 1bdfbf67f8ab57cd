//! The batch as a workbook: a sheet for the ranking (with per-area sub-indices), one for the
//! grade distribution, one for self-assessment against appraisal, and one per unit. Headers
//! are Vietnamese; numbers are written as numbers (a decimal becomes the spreadsheet's number
//! only here, at the output boundary).

use super::batch::{short_name, stage_name, BatchReport};
use chiso::eval::Status;
use chiso::text::format_decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

type Res = Result<(), XlsxError>;

struct Styles {
    title: Format,
    head: Format,
    text: Format,
    number: Format,
    bold: Format,
    bold_number: Format,
    flag: Format,
}

fn styles() -> Styles {
    let border = |f: Format| f.set_border(FormatBorder::Thin);
    Styles {
        title: Format::new().set_bold().set_font_size(14),
        head: border(
            Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#D9E1F2")
                .set_align(FormatAlign::Center),
        ),
        text: border(Format::new().set_text_wrap()),
        number: border(Format::new()),
        bold: border(Format::new().set_bold()),
        bold_number: border(Format::new().set_bold()),
        flag: border(Format::new().set_font_color("#B42318").set_bold()),
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

fn text(sheet: &mut Worksheet, row: u32, col: u16, value: &str, format: &Format) -> Res {
    sheet
        .write_string_with_format(row, col, value, format)
        .map(|_| ())
}

fn header(sheet: &mut Worksheet, row: u32, heads: &[&str], s: &Styles) -> Res {
    for (c, h) in heads.iter().enumerate() {
        text(sheet, row, c as u16, h, &s.head)?;
    }
    Ok(())
}

/// The workbook's bytes.
pub fn batch(report: &BatchReport) -> Result<Vec<u8>, String> {
    build(report).map_err(|e| format!("cannot write the workbook: {e}"))
}

fn build(report: &BatchReport) -> Result<Vec<u8>, XlsxError> {
    let rs = report.ruleset;
    let s = styles();
    let mut workbook = Workbook::new();

    // ── Xếp hạng ──
    let sheet = workbook.add_worksheet();
    sheet.set_name("Xếp hạng")?;
    text(
        sheet,
        0,
        0,
        &format!("XẾP HẠNG CHỈ SỐ CCHC — {}", rs.meta.title),
        &s.title,
    )?;
    let mut sub = format!("Điểm {}", stage_name(report.ranking.stage));
    if let Some(d) = &rs.meta.decree {
        sub.push_str(&format!("; Quyết định {d}"));
    }
    sheet.write_string(1, 0, sub)?;
    let mut heads: Vec<String> = [
        "Hạng",
        "Đơn vị",
        "Điểm đạt",
        "Điểm tối đa",
        "Chỉ số (%)",
        "Xếp loại",
    ]
    .iter()
    .map(|h| h.to_string())
    .collect();
    heads.extend(
        rs.roots
            .iter()
            .map(|&r| format!("LV {} (%)", rs.nodes[r].id)),
    );
    heads.push("Nguồn số liệu".into());
    let head_refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    header(sheet, 3, &head_refs, &s)?;
    for (i, (row, unit)) in report.ranked_units().enumerate() {
        let r = 4 + i as u32;
        num(sheet, r, 0, row.rank.map(Decimal::from), &s.number)?;
        text(sheet, r, 1, unit.unit(), &s.text)?;
        num(sheet, r, 2, Some(unit.result.achieved), &s.number)?;
        num(sheet, r, 3, Some(unit.result.max), &s.number)?;
        num(sheet, r, 4, row.percent, &s.number)?;
        let grade = row
            .grade
            .clone()
            .unwrap_or_else(|| "chưa đủ số liệu".into());
        text(sheet, r, 5, &grade, &s.text)?;
        for (j, a) in unit.areas.iter().enumerate() {
            num(sheet, r, 6 + j as u16, a.percent, &s.number)?;
        }
        text(
            sheet,
            r,
            6 + unit.areas.len() as u16,
            &unit.origin.to_string(),
            &s.text,
        )?;
    }
    let first = 4 + report.ranking.rows.len() as u32;
    for (r, n) in (first..).zip(&report.batch.not_scored) {
        text(sheet, r, 0, "—", &s.text)?;
        text(sheet, r, 1, &n.label(), &s.text)?;
        text(sheet, r, 5, "không chấm được: số liệu có lỗi", &s.flag)?;
        text(
            sheet,
            r,
            6 + rs.roots.len() as u16,
            &n.origin.to_string(),
            &s.text,
        )?;
    }
    sheet.set_column_width(0, 7)?;
    sheet.set_column_width(1, 34)?;
    for c in 2..6 + rs.roots.len() as u16 {
        sheet.set_column_width(c, 11)?;
    }
    sheet.set_column_width(5, 16)?;
    sheet.set_column_width(6 + rs.roots.len() as u16, 28)?;
    sheet.set_freeze_panes(4, 2)?;

    // ── Xếp loại ──
    let sheet = workbook.add_worksheet();
    sheet.set_name("Xếp loại")?;
    header(sheet, 0, &["Xếp loại", "Khoảng chỉ số", "Số đơn vị"], &s)?;
    for (i, g) in report.grades.iter().enumerate() {
        let r = 1 + i as u32;
        text(
            sheet,
            r,
            0,
            g.grade.as_deref().unwrap_or("Chưa xếp loại"),
            &s.text,
        )?;
        text(sheet, r, 1, &g.band.clone(), &s.text)?;
        num(sheet, r, 2, Some(Decimal::from(g.count)), &s.number)?;
    }
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 22)?;
    sheet.set_column_width(2, 12)?;

    // ── Tự đánh giá / thẩm định ──
    if !report.comparisons.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Tự ĐG - Thẩm định")?;
        header(
            sheet,
            0,
            &[
                "Đơn vị",
                "Mã",
                "Tiêu chí",
                "Tối đa",
                "Tự chấm",
                "Tính từ số liệu",
                "Thẩm định",
                "Chênh lệch",
                "Ghi chú của hội đồng",
                "Cảnh báo",
            ],
            &s,
        )?;
        let mut r = 1;
        for cmp in &report.comparisons {
            for row in &cmp.rows {
                let node = &rs.nodes[row.node];
                text(sheet, r, 0, &cmp.unit, &s.text)?;
                text(sheet, r, 1, &node.id, &s.text)?;
                text(sheet, r, 2, &node.title, &s.text)?;
                num(sheet, r, 3, Some(row.max), &s.number)?;
                if row.not_evaluated {
                    text(sheet, r, 4, "KĐG", &s.text)?;
                } else {
                    num(
                        sheet,
                        r,
                        4,
                        row.self_score,
                        if row.flagged { &s.flag } else { &s.number },
                    )?;
                }
                num(sheet, r, 5, row.computed, &s.number)?;
                num(sheet, r, 6, row.appraised, &s.number)?;
                num(sheet, r, 7, row.difference, &s.number)?;
                text(sheet, r, 8, row.note.as_deref().unwrap_or(""), &s.text)?;
                text(
                    sheet,
                    r,
                    9,
                    if row.flagged {
                        "tự chấm khác điểm tính từ số liệu"
                    } else {
                        ""
                    },
                    &s.flag,
                )?;
                r += 1;
            }
            text(sheet, r, 0, &cmp.unit, &s.bold)?;
            text(sheet, r, 2, "TỔNG", &s.bold)?;
            num(sheet, r, 3, cmp.self_max, &s.bold_number)?;
            num(sheet, r, 4, cmp.self_total, &s.bold_number)?;
            num(sheet, r, 6, cmp.appraised_total, &s.bold_number)?;
            num(sheet, r, 7, cmp.total_difference(), &s.bold_number)?;
            if let Some(note) = super::batch::survey_note(cmp) {
                text(sheet, r, 8, &note, &s.text)?;
            }
            r += 2;
        }
        for (c, w) in [28.0, 8.0, 50.0, 8.0, 9.0, 10.0, 10.0, 10.0, 36.0, 28.0]
            .iter()
            .enumerate()
        {
            sheet.set_column_width(c as u16, *w)?;
        }
        sheet.set_freeze_panes(1, 2)?;
    }

    // ── units not scored, with every problem and its place ──
    if !report.batch.not_scored.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Không chấm được")?;
        header(
            sheet,
            0,
            &["Đơn vị", "Nguồn số liệu", "Mã lỗi", "Vị trí", "Nội dung"],
            &s,
        )?;
        let mut r = 1;
        for n in &report.batch.not_scored {
            let origin = n.origin.to_string();
            if n.problems.is_empty() {
                text(sheet, r, 0, &n.label(), &s.text)?;
                text(sheet, r, 1, &origin, &s.text)?;
                r += 1;
            }
            for p in &n.problems {
                text(sheet, r, 0, &n.label(), &s.text)?;
                text(sheet, r, 1, &origin, &s.text)?;
                text(sheet, r, 2, p.diagnostic.code, &s.flag)?;
                text(sheet, r, 3, &p.place.render(super::REPORT_LANG), &s.text)?;
                let message = p.diagnostic.message.render(super::REPORT_LANG);
                text(sheet, r, 4, &message, &s.text)?;
                r += 1;
            }
        }
        for (c, w) in [34.0, 28.0, 8.0, 40.0, 70.0].iter().enumerate() {
            sheet.set_column_width(c as u16, *w)?;
        }
        sheet.set_freeze_panes(1, 1)?;
    }

    // ── one sheet per unit ──
    let mut used: Vec<String> = vec![
        "xếp hạng".into(),
        "xếp loại".into(),
        "tự đg - thẩm định".into(),
        "không chấm được".into(),
    ];
    for (row, unit) in report.ranked_units() {
        let sheet = workbook.add_worksheet();
        let base = short_name(unit.unit(), 26);
        let mut name = if base.is_empty() {
            "Đơn vị".to_string()
        } else {
            base.clone()
        };
        let mut n = 2;
        while used.contains(&name.to_lowercase()) {
            name = format!("{} ({n})", short_name(&base, 24));
            n += 1;
        }
        used.push(name.to_lowercase());
        sheet.set_name(&name)?;
        text(
            sheet,
            0,
            0,
            &format!("{} — điểm {}", unit.unit(), stage_name(unit.result.stage)),
            &s.title,
        )?;
        sheet.write_string(
            1,
            0,
            format!(
                "Tổng điểm {}{} / {}; chỉ số {}; xếp loại {}; hạng {}",
                format_decimal(unit.result.achieved),
                if unit.result.is_complete() {
                    ""
                } else {
                    " (chưa đủ số liệu: điểm đã chấm được)"
                },
                format_decimal(unit.result.max),
                row.percent
                    .map(|p| format!("{}%", format_decimal(p)))
                    .unwrap_or_else(|| "—".into()),
                row.grade.as_deref().unwrap_or("—"),
                row.rank
                    .map(|r| r.to_string())
                    .unwrap_or_else(|| "—".into())
            ),
        )?;
        let targets = report
            .targets
            .iter()
            .find(|(i, _)| *i == row.unit)
            .map(|(_, t)| t);
        let mut heads = vec![
            "Mã",
            "Tiêu chí",
            "Tối đa",
            "Điểm",
            "Bị mất",
            "Chủ trì",
            "Ghi chú",
        ];
        if targets.is_some() {
            heads.extend(["Phấn đấu", "Đạt − phấn đấu"]);
        }
        header(sheet, 3, &heads, &s)?;
        let result = unit.result.unpack();
        for (i, node) in rs.nodes.iter().enumerate() {
            let r = 4 + i as u32;
            let res = &result.nodes[i];
            let (fmt_text, fmt_num) = if node.is_leaf() {
                (&s.text, &s.number)
            } else {
                (&s.bold, &s.bold_number)
            };
            text(sheet, r, 0, &node.id, fmt_text)?;
            text(sheet, r, 1, &node.title, fmt_text)?;
            num(sheet, r, 2, Some(res.max), fmt_num)?;
            num(
                sheet,
                r,
                3,
                res.score.filter(|_| res.status == Status::Scored),
                fmt_num,
            )?;
            num(sheet, r, 4, res.lost(), fmt_num)?;
            text(
                sheet,
                r,
                5,
                chiso::owners::node_owner(rs, i).unwrap_or(""),
                &s.text,
            )?;
            let status = match &res.status {
                Status::Scored => unit.note(i).unwrap_or("").to_string(),
                other => other.label(),
            };
            text(sheet, r, 6, &status, &s.text)?;
            if let Some(rows) = targets {
                let t = rows.iter().find(|t| t.node == i);
                num(sheet, r, 7, t.map(|t| t.target), &s.number)?;
                num(sheet, r, 8, t.and_then(|t| t.gap), &s.number)?;
            }
        }
        let r = 4 + rs.nodes.len() as u32;
        // Sums over the scored criteria: the unit's total when its data is complete.
        let (max, achieved, lost_sum) = chiso::batch::lost::total_lost(rs, &result);
        let label = if unit.result.is_complete() {
            "TỔNG"
        } else {
            "TỔNG (các tiêu chí đã chấm)"
        };
        text(sheet, r, 1, label, &s.bold)?;
        num(sheet, r, 2, Some(max), &s.bold_number)?;
        num(sheet, r, 3, Some(achieved), &s.bold_number)?;
        num(sheet, r, 4, Some(lost_sum), &s.bold_number)?;
        // Points lost, most first.
        let (lost, _) = report.lost(unit);
        let start = r + 2;
        text(sheet, start, 0, "Điểm bị mất (nhiều nhất trước)", &s.title)?;
        header(
            sheet,
            start + 1,
            &["Mã", "Tiêu chí", "Tối đa", "Đạt", "Bị mất", "Chủ trì"],
            &s,
        )?;
        for (k, l) in lost.iter().enumerate() {
            let rr = start + 2 + k as u32;
            let node = &rs.nodes[l.node];
            text(sheet, rr, 0, &node.id, &s.text)?;
            text(sheet, rr, 1, &node.title, &s.text)?;
            num(sheet, rr, 2, Some(l.max), &s.number)?;
            num(sheet, rr, 3, Some(l.achieved), &s.number)?;
            num(sheet, rr, 4, Some(l.lost), &s.number)?;
            text(sheet, rr, 5, l.owner.as_deref().unwrap_or(""), &s.text)?;
        }
        for (c, w) in [9.0, 60.0, 8.0, 8.0, 8.0, 28.0, 30.0, 10.0, 12.0]
            .iter()
            .enumerate()
        {
            sheet.set_column_width(c as u16, *w)?;
        }
        sheet.set_freeze_panes(4, 2)?;
    }
    workbook.save_to_buffer()
}
