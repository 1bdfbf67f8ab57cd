//! A section of a batch report as a list of blocks — headings, tables, lines — written once
//! and rendered as plain text, Markdown or HTML, so the text reports and the page show the
//! same content. The sections of groups ([`super::groups`]), year over year
//! ([`super::year`]) and appraisal rounds ([`super::rounds`]) are built this way.

use super::batch::{heading, BatchReport, Table};

/// One block of a section.
pub(crate) enum Block {
    /// A section heading.
    Heading(String),
    /// A table.
    Table(Table),
    /// A line of text (a total, a mean, a list of names).
    Line(String),
    /// A line with percentages, which each format writes its own way (the text reports as
    /// computed, `79%`; the page and the workbook with the percentage's places, `79,00%`).
    Figures(FiguresLine),
}

/// A line with percentages: its text with the percentages written as computed (`None`, the
/// text reports) or with the given places (`Some`, the page and the workbook, as their own
/// rankings write them).
pub(crate) type FiguresLine = Box<dyn Fn(Option<u32>) -> String>;

/// Blocks in order.
#[derive(Default)]
pub(crate) struct Doc {
    blocks: Vec<Block>,
}

impl Doc {
    pub(crate) fn heading(&mut self, title: impl Into<String>) {
        self.blocks.push(Block::Heading(title.into()));
    }

    pub(crate) fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    pub(crate) fn line(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Line(text.into()));
    }

    pub(crate) fn figures(&mut self, line: impl Fn(Option<u32>) -> String + 'static) {
        self.blocks.push(Block::Figures(Box::new(line)));
    }

    /// The blocks, in order.
    pub(crate) fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Whether there is nothing to show.
    pub(crate) fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    pub(crate) fn extend(&mut self, other: Doc) {
        self.blocks.extend(other.blocks);
    }

    /// As plain text or Markdown.
    pub(crate) fn text(&self, markdown: bool) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading(title) => heading(&mut out, markdown, title),
                Block::Table(t) => out.push_str(&t.render(markdown)),
                Block::Line(line) => out.push_str(&format!("\n{line}\n")),
                Block::Figures(line) => out.push_str(&format!("\n{}\n", line(None))),
            }
        }
        out
    }

    /// As HTML: `<h2>`, `<table>` (numbers right-aligned by the page's `n` class), `<p>`;
    /// percentages with `percent_places` decimals, as the page's own ranking writes them.
    pub(crate) fn html(&self, percent_places: u32, style: chiso::text::NumberStyle) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            match block {
                Block::Heading(title) => out.push_str(&format!("<h2>{}</h2>\n", esc(title))),
                Block::Table(t) => out.push_str(&t.html(esc, percent_places, style)),
                Block::Line(line) => out.push_str(&format!("<p>{}</p>\n", esc(line))),
                Block::Figures(line) => {
                    out.push_str(&format!("<p>{}</p>\n", esc(&line(Some(percent_places)))))
                }
            }
        }
        out
    }
}

pub(crate) fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sheets the workbook adds for what the batch has (name in the report's language,
/// content): `Theo nhóm`, `So với năm trước`, `Các vòng thẩm định`; none for a batch without
/// groups, rounds or `--previous`.
pub(crate) fn sheets(report: &BatchReport) -> Vec<(String, Doc)> {
    let lang = report.lang;
    let mut out = Vec::new();
    if !report.groups.is_empty() {
        let name = chiso::msg!("report-sheet-groups").render(lang);
        out.push((name, super::groups::doc(report)));
    }
    if let Some(previous) = &report.previous {
        let name = chiso::msg!("report-sheet-previous").render(lang);
        out.push((name, super::year::doc(report, previous)));
    }
    let mut rounds = Doc::default();
    for c in report.comparisons.iter().filter(|c| c.rounds.len() > 1) {
        rounds.extend(super::rounds::doc(report, c));
    }
    if !rounds.is_empty() {
        out.push((chiso::msg!("report-sheet-rounds").render(lang), rounds));
    }
    out
}

/// The sections the page adds for what the batch has: each group's ranking, grades and
/// means (declared groups), the comparison with last year (`--previous`) and every unit's
/// appraisal rounds (more than two stages declared). Empty otherwise.
pub fn html_sections(report: &BatchReport) -> String {
    let mut doc = Doc::default();
    if !report.groups.is_empty() {
        doc.extend(super::groups::doc(report));
    }
    if let Some(previous) = &report.previous {
        doc.extend(super::year::doc(report, previous));
    }
    for c in report.comparisons.iter().filter(|c| c.rounds.len() > 1) {
        doc.extend(super::rounds::doc(report, c));
    }
    doc.html(super::html::percent_places(report), report.style())
}
