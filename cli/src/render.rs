//! Diagnostics rendered for a terminal with miette.

use chiso::diagnostic::{Diagnostic, Severity};
use chiso::position::{ColumnUnit, LineIndex};
use std::fmt;

/// A diagnostic joined with the text it points into, for miette's renderer.
pub struct Rendered<'a> {
    pub diagnostic: &'a Diagnostic,
    pub source: CharColumns<'a>,
}

impl<'a> Rendered<'a> {
    pub fn new(diagnostic: &'a Diagnostic, file_name: &'a str, text: &'a str) -> Self {
        Rendered {
            diagnostic,
            source: CharColumns {
                name: file_name,
                text,
                lines: LineIndex::new(text),
            },
        }
    }
}

/// A named source whose positions count characters: miette's own `str` source reports the
/// column in bytes, which is wrong on every line with a Vietnamese letter before the span.
pub struct CharColumns<'a> {
    name: &'a str,
    text: &'a str,
    lines: LineIndex,
}

impl miette::SourceCode for CharColumns<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        let contents = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let data_start = contents.span().offset();
        let column = self
            .lines
            .position(self.text, data_start, ColumnUnit::Char)
            .column;
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.name.to_string(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}

impl Rendered<'_> {
    /// A diagnostic about the file as a whole (a missing input has no place to point at).
    fn is_unplaced(&self) -> bool {
        self.diagnostic.span.is_empty() && self.diagnostic.labels.is_empty()
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.diagnostic.help.as_deref();
        let fix = self.diagnostic.fix.as_ref().map(|fix| fix.title.as_str());
        match (help, fix) {
            (Some(h), _) => Some(Box::new(h)),
            (None, Some(f)) => Some(Box::new(f)),
            (None, None) => None,
        }
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        (!self.is_unplaced()).then_some(&self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        if self.is_unplaced() {
            return None;
        }
        let d = self.diagnostic;
        let primary = miette::LabeledSpan::new_primary_with_span(
            d.span_label.clone(),
            (d.span.start, d.span.end.saturating_sub(d.span.start)),
        );
        let rest = d.labels.iter().map(|l| {
            miette::LabeledSpan::new_with_span(
                Some(l.message.clone()),
                (l.span.start, l.span.end - l.span.start),
            )
        });
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}
