//! The one integration-test binary (one link on a 2-core machine): a module per area.

mod advice;
mod batch;
mod cli;
mod common;
mod data;
mod diagnostics;
mod docs;
mod eval;
mod format;
mod grid;
mod html_report;
mod ide;
mod import;
mod lost_targets;
mod outputs;
mod province;
mod robustness;
mod tidy;
mod worklists;
mod writing;
