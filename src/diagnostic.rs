//! The one diagnostic type of chiso: every finding of the parser, the checker, the data loader
//! and the evaluator is a [`Diagnostic`]. The CLI renders it (`cli/src/render.rs`), the
//! language server converts it to LSP diagnostics. The engine never prints one.
//!
//! Every code (`E…`/`W…` ruleset, `D…` data, `T…` tests, `I…` table import) is listed in
//! [`crate::codes`] and explained, with its fix, in `docs/diagnostics.md`.

use std::fmt;
use std::ops::Range;

pub use crate::message::{Lang, Message};

/// A byte range into one source text (a ruleset or a data file).
pub type Span = Range<usize>;

/// How bad a finding is. `Error < Warning` in the derived order, so sorting puts errors first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The ruleset must not be used to score (or the unit's data cannot be used as it is).
    Error,
    /// Worth a look; scoring goes on.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`, as printed and as written in `--format json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// `lỗi`/`cảnh báo` or `error`/`warning`, for a person reading `lang`.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Severity::Error => crate::msg!("severity-error"),
            Severity::Warning => crate::msg!("severity-warning"),
        }
        .render(lang)
    }
}

/// A secondary location with a short message ("first defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// A byte range into the same text as the diagnostic's primary [`Diagnostic::span`].
    pub span: Span,
    /// What to say there.
    pub message: Message,
}

/// A machine-applicable edit that resolves the diagnostic (offered as an editor code action).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// The action's title, shown in the editor ("Replace with `1.2`").
    pub title: Message,
    /// The byte range to replace, in the same text as the diagnostic's span.
    pub span: Span,
    /// The text that replaces `span` (empty to delete it).
    pub replacement: String,
}

/// One finding: a stable code, a severity, a one-line message and where it is. Spans are byte
/// ranges into the text the diagnostic was produced for (the ruleset text for `E…`/`W…`/`T…`,
/// the unit file's text for `D…`); `0..0` when there is no such text (a unit built in memory).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, documented in docs/diagnostics.md (`E004`, `W001`, `D002`, …).
    pub code: &'static str,
    /// Error or warning. [`crate::codes::CODES`] lists the severities each code is reported
    /// with (E004–E007 acknowledged as a fault of the source, `lỗi nguồn`, become warnings).
    pub severity: Severity,
    /// The finding, one line, no trailing period needed; does not repeat the code. A catalogue
    /// message (`msg!`) that each renderer shows in its reader's language.
    pub message: Message,
    /// Primary location, in the source the diagnostic was produced for.
    pub span: Span,
    /// What to say at the primary location (defaults to nothing).
    pub span_label: Option<Message>,
    /// Secondary locations ("first defined here"), in the same text.
    pub labels: Vec<Label>,
    /// How to fix it, in words.
    pub help: Option<Message>,
    /// An edit that fixes it, offered by the language server as a quick fix.
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// An error with no labels, help or fix.
    pub fn error(code: &'static str, span: Span, message: impl Into<Message>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            message: message.into(),
            span,
            span_label: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    /// A warning with no labels, help or fix.
    pub fn warning(code: &'static str, span: Span, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    /// Adds a secondary location (a byte range into the same text).
    pub fn with_label(mut self, span: Span, message: impl Into<Message>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    /// Sets what to say at the primary span.
    pub fn with_span_label(mut self, message: impl Into<Message>) -> Self {
        self.span_label = Some(message.into());
        self
    }

    /// Sets the help text (how to fix it).
    pub fn with_help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the machine-applicable fix: replace `span` (same text) with `replacement`.
    pub fn with_fix(
        mut self,
        title: impl Into<Message>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            span,
            replacement: replacement.into(),
        });
        self
    }

    /// Whether the severity is [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Diagnostic {
    /// `error[E002]: …` in `lang`, one line (a fallback where no renderer places it).
    pub fn one_line(&self, lang: Lang) -> String {
        format!(
            "{}[{}]: {}",
            self.severity.label(lang),
            self.code,
            self.message.render(lang)
        )
    }
}

/// One line in the default language (Vietnamese): [`Diagnostic::one_line`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.one_line(Lang::default()))
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

pub use crate::position::{floor_char_boundary, LineIndex};
