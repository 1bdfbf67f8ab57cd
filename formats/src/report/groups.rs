//! Groups within one batch in the text and Markdown reports: each declared group's ranking,
//! grade distribution and area sub-indices with the group's means, one after the other in
//! one document.

use super::batch::{heading, ranking_sections, BatchReport, Section, Table};
use chiso::batch::NotScored;

/// Every group's sections, in declared order, then the units not scored whose data names
/// no declared group.
pub fn text(report: &BatchReport, markdown: bool) -> String {
    let mut out = String::new();
    for g in &report.groups {
        let not_scored: Vec<&NotScored> = report
            .batch
            .not_scored
            .iter()
            .filter(|n| n.group == Some(g.group))
            .collect();
        out.push_str(&ranking_sections(
            report,
            markdown,
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
        heading(
            &mut out,
            markdown,
            "Không xác định được nhóm (không chấm được)",
        );
        let mut t = Table::new(&[("Đơn vị", false), ("Nguồn", false)]);
        for n in report.batch.not_scored.iter().filter(|n| n.group.is_none()) {
            t.rows.push(vec![n.label(), n.origin.to_string()]);
        }
        out.push_str(&t.render(markdown));
    }
    out
}
