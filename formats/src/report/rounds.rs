//! A unit's self-assessment beside every appraisal round (thẩm định, thẩm định lại sau giải
//! trình…) in the text and Markdown reports, for rulesets that declare more than the two
//! default stages: per criterion the self score, each round's score, the difference of the
//! round that counts from the self score, and each stage's notes; per round its total and
//! its change from the self score and from the round before.

use super::batch::{flags_line, opt_n, out_of, signed_n, survey_pending, BatchReport, Table};
use super::blocks::Doc;
use chiso::batch::stages::StageComparison;
use chiso::data::Stage;
use rust_decimal::Decimal;

/// The comparison of one unit across all its stages, as text or Markdown.
pub fn text(report: &BatchReport, c: &StageComparison, markdown: bool) -> String {
    doc(report, c).text(markdown)
}

/// The comparison of one unit across all its stages.
pub(crate) fn doc(report: &BatchReport, c: &StageComparison) -> Doc {
    let rs = report.ruleset;
    let (w, lang, style) = (&report.words, report.lang, report.style());
    let opt_vi = |d: Option<Decimal>| opt_n(d, style);
    let signed_vi = |d: Option<Decimal>| signed_n(d, style);
    let mut out = Doc::default();
    let self_name = Stage::SelfAssessment.name_in(rs, lang);
    out.heading(format!(
        "{} — {}",
        chiso::msg!("report-rounds-heading").render(lang),
        c.unit
    ));
    let names: Vec<String> = c
        .rounds
        .iter()
        .map(|r| r.stage.name_in(rs, lang).into_owned())
        .collect();
    let mut head: Vec<(&str, bool)> = vec![
        (w.id.as_str(), false),
        (w.criterion.as_str(), false),
        (w.max.as_str(), true),
        (w.self_score.as_str(), true),
        (w.computed.as_str(), true),
    ];
    head.extend(names.iter().map(|n| (n.as_str(), true)));
    head.push((w.difference.as_str(), true));
    head.push((w.note.as_str(), false));
    let mut t = Table::new(&head);
    for r in &c.rows {
        let node = &rs.nodes[r.node];
        let flag = if r.flagged { " ⚠" } else { "" };
        let mut row = vec![
            node.id.clone(),
            node.title.clone(),
            super::num(r.max, style),
            if r.not_evaluated {
                w.not_evaluated.clone()
            } else {
                format!("{}{flag}", opt_vi(r.self_score))
            },
            opt_vi(r.computed),
        ];
        row.extend(r.rounds.iter().map(|s| opt_vi(*s)));
        row.push(signed_vi(r.difference));
        // Each stage's note, named by its stage: the unit's explanation and the council's.
        let notes: Vec<String> = std::iter::once((&*self_name, &r.self_note))
            .chain(names.iter().map(String::as_str).zip(&r.round_notes))
            .filter_map(|(stage, note)| note.as_ref().map(|n| format!("{stage}: {n}")))
            .collect();
        row.push(notes.join("; "));
        t.rows.push(row);
    }
    let mut total = vec![
        String::new(),
        w.total.clone(),
        String::new(),
        out_of(c.self_total, c.self_max, c.self_percent, style),
        String::new(),
    ];
    total.extend(
        c.rounds
            .iter()
            .map(|r| out_of(r.total, r.max, r.percent, style)),
    );
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
            let mut line = chiso::msg!(
                "report-round-vs-self",
                round = name.as_str(),
                change = signed_vi(r.difference)
            )
            .render(lang);
            if let Some(change) = r.change {
                line.push_str(", ");
                line.push_str(
                    &chiso::msg!("report-round-vs-previous", change = signed_vi(Some(change)))
                        .render(lang),
                );
            }
            line
        })
        .collect();
    if !lines.is_empty() {
        out.line(
            chiso::msg!("report-rounds-total-difference", rounds = lines.join("; ")).render(lang),
        );
    }
    let stages = std::iter::once((self_name.into_owned(), c.self_survey))
        .chain(names.iter().cloned().zip(c.rounds.iter().map(|r| r.survey)));
    if let Some(pending) = survey_pending(stages, style, lang) {
        out.line(pending);
    }
    if c.flags > 0 {
        out.line(format!("⚠ {}", flags_line(c.flags, lang)));
    }
    out
}
