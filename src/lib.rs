//! chiso: a rules language and engine for Vietnam's Public Administration Reform Index
//! (Chỉ số cải cách hành chính).
//!
//! Pipeline: [`syntax`] (text → syntax tree with spans) → [`check`] (names, types, sums,
//! bands → [`model::Ruleset`]) → [`eval`] (a unit's data → scores, with explanations) →
//! [`report`] (tables, JSON, CSV, Markdown). [`data`] is the one serde boundary.
//! The library does no I/O and never prints: callers pass text in and get values and
//! [`Diagnostic`]s back.

#![deny(clippy::float_arithmetic)]

pub mod check;
pub mod diagnostic;
pub mod model;
pub mod syntax;
pub mod text;

pub use diagnostic::{Diagnostic, LineIndex, Severity, Span};
