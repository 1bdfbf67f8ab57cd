//! Groups within one batch in the text and Markdown reports: each declared group's ranking,
//! grade distribution and area sub-indices with the group's means, one after the other in
//! one document.

use super::batch::{ranking_sections, BatchReport, Section, Table};
use super::blocks::Doc;
use chiso::batch::NotScored;

/// Every group's sections as text or Markdown.
pub fn text(report: &BatchReport, markdown: bool) -> String {
    doc(report).text(markdown)
}

/// Every group's sections, in declared order, then the units not scored whose data names
/// no declared group.
pub(crate) fn doc(report: &BatchReport) -> Doc {
    let mut out = Doc::default();
    for g in &report.groups {
        let not_scored: Vec<&NotScored> = report
            .batch
            .not_scored
            .iter()
            .filter(|n| n.group == Some(g.group))
            .collect();
        out.extend(ranking_sections(
            report,
            &Section {
                name: Some(&g.name),
                ranking: &g.ranking,
                grades: &g.grades,
                not_scored: &not_scored,
                means: Some((g.mean_percent, &g.area_means)),
            },
        ));
    }
    if report.ungrouped_not_scored > 0 {
        let w = &report.words;
        out.heading(chiso::msg!("report-no-group").render(report.lang));
        let mut t = Table::new(&[(w.unit.as_str(), false), (w.source.as_str(), false)]);
        for n in report.batch.not_scored.iter().filter(|n| n.group.is_none()) {
            t.rows
                .push(vec![n.label(), n.origin.place().render(report.lang)]);
        }
        out.table(t);
    }
    out
}
