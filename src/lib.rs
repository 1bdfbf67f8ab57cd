//! chiso: a rules language and engine for Vietnam's Public Administration Reform Index
//! (Chỉ số cải cách hành chính).
//!
//! Pipeline: [`syntax`] (text → syntax tree with spans) → [`check`] (names, types, sums,
//! bands → [`model::Ruleset`]) → [`eval`] (a unit's data → scores, with explanations) →
//! [`report`] (tables, JSON, CSV, Markdown). [`data`] is the one serde boundary.
//! The library does no I/O and never prints: callers pass text in and get values and
//! [`Diagnostic`]s back.

#![deny(clippy::float_arithmetic)]

// pest is used without its `std` feature (see Cargo.toml); its derive then names `alloc`.
extern crate alloc;

pub mod batch;
pub mod builtins;
pub mod check;
pub mod codes;
pub mod data;
pub mod diagnostic;
pub mod eval;
pub mod format;
pub mod ide;
pub mod model;
pub mod syntax;
pub mod testing;
pub mod text;
pub mod worklist;

pub use diagnostic::{Diagnostic, LineIndex, Severity, Span};

/// Everything known about one ruleset text: its syntax tree, its checked model (always built,
/// best effort when there are errors), where names are used, and every diagnostic.
/// The one entry point the CLI and the language server both call.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub syntax: syntax::SyntaxFile,
    pub ruleset: model::Ruleset,
    pub references: check::References,
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn has_errors(&self) -> bool {
        diagnostic::has_errors(&self.diagnostics)
    }
}

/// Parses and checks a ruleset text. Never panics.
pub fn analyze(source: &str) -> Analysis {
    let (syntax, mut diagnostics) = syntax::parse(source);
    let checked = check::check(&syntax, source);
    diagnostics.extend(checked.diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, d.code));
    Analysis {
        syntax,
        ruleset: checked.ruleset,
        references: checked.references,
        diagnostics,
    }
}
