//! A unit's self-assessment beside every appraisal round (thẩm định, thẩm định lại sau giải
//! trình…) in the text and Markdown reports, for rulesets that declare more than the two
//! default stages: per criterion the self score, each round's score, the difference of the
//! round that counts from the self score, and each stage's notes; per round its total and
//! its change from the self score and from the round before.

use super::batch::{opt_vi, pct_vi, signed_vi, BatchReport, Table};
use super::blocks::Doc;
use chiso::batch::stages::StageComparison;
use chiso::data::Stage;

/// The comparison of one unit across all its stages, as text or Markdown.
pub fn text(report: &BatchReport, c: &StageComparison, markdown: bool) -> String {
    doc(report, c).text(markdown)
}

/// The comparison of one unit across all its stages.
pub(crate) fn doc(report: &BatchReport, c: &StageComparison) -> Doc {
    let rs = report.ruleset;
    let mut out = Doc::default();
    let self_name = Stage::SelfAssessment.name(rs);
    out.heading(format!("Tự đánh giá và các vòng thẩm định — {}", c.unit));
    let names: Vec<String> = c
        .rounds
        .iter()
        .map(|r| r.stage.name(rs).to_string())
        .collect();
    let mut head: Vec<(&str, bool)> = vec![
        ("Mã", false),
        ("Tiêu chí", false),
        ("Tối đa", true),
        ("Tự chấm", true),
        ("Tính từ số liệu", true),
    ];
    head.extend(names.iter().map(|n| (n.as_str(), true)));
    head.push(("Chênh lệch", true));
    head.push(("Ghi chú", false));
    let mut t = Table::new(&head);
    for r in &c.rows {
        let node = &rs.nodes[r.node];
        let flag = if r.flagged { " ⚠" } else { "" };
        let mut row = vec![
            node.id.clone(),
            node.title.clone(),
            super::vi(r.max),
            if r.not_evaluated {
                "KĐG".into()
            } else {
                format!("{}{flag}", opt_vi(r.self_score))
            },
            opt_vi(r.computed),
        ];
        row.extend(r.rounds.iter().map(|s| opt_vi(*s)));
        row.push(signed_vi(r.difference));
        // Each stage's note, named by its stage: the unit's explanation and the council's.
        let notes: Vec<String> = std::iter::once((self_name, &r.self_note))
            .chain(names.iter().map(String::as_str).zip(&r.round_notes))
            .filter_map(|(stage, note)| note.as_ref().map(|n| format!("{stage}: {n}")))
            .collect();
        row.push(notes.join("; "));
        t.rows.push(row);
    }
    let mut total = vec![
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
    ];
    total.extend(c.rounds.iter().map(|r| {
        format!(
            "{} / {} ({})",
            opt_vi(r.total),
            opt_vi(r.max),
            pct_vi(r.percent)
        )
    }));
    total.push(signed_vi(c.total_difference()));
    total.push(String::new());
    t.rows.push(total);
    out.table(t);
    // Each round against the self score and the round before.
    let lines: Vec<String> = c
        .rounds
        .iter()
        .zip(&names)
        .filter(|(r, _)| r.unit.is_some())
        .map(|(r, name)| {
            let mut line = format!("{name}: {} so với tự chấm", signed_vi(r.difference));
            if let Some(change) = r.change {
                line.push_str(&format!(", {} so với vòng trước", signed_vi(Some(change))));
            }
            line
        })
        .collect();
    if !lines.is_empty() {
        out.line(format!("Chênh lệch tổng điểm: {}.", lines.join("; ")));
    }
    let pending: Vec<String> = std::iter::once((self_name.to_string(), c.self_survey))
        .chain(names.iter().cloned().zip(c.rounds.iter().map(|r| r.survey)))
        .filter_map(|(stage, p)| {
            p.filter(|p| !p.is_zero())
                .map(|p| format!("{stage} {} điểm", super::vi(p)))
        })
        .collect();
    if !pending.is_empty() {
        out.line(format!(
            "Chờ điều tra XHH (ngoài tổng trên): {}.",
            pending.join("; ")
        ));
    }
    if c.flags > 0 {
        out.line(format!(
            "⚠ {} tiêu chí: điểm tự chấm khác điểm tính từ số liệu của đơn vị.",
            c.flags
        ));
    }
    out
}
