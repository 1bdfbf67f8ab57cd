//! Readers and writers of chiso's files, around the core engine (`chiso`): unit files
//! (TOML/JSON), sheets with a unit per row (CSV, workbooks), office forms, published decree
//! tables (import) and reports (text, Markdown, CSV, JSON, HTML, xlsx).
//!
//! The core knows no file format; this crate is the only one that reads or writes one.

#![deny(clippy::float_arithmetic)]

pub mod forms;
pub mod grid;
pub mod import;
pub mod parse_error;
pub mod previous;
pub mod report;
pub mod sheet;
pub mod unit_file;
pub mod units;
