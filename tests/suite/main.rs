//! The one integration-test binary (one link on a 2-core machine): a module per area.

mod advice;
mod batch;
mod cli;
mod common;
mod conventions;
mod crashes;
mod data;
mod diagnostics;
mod diff;
mod docs;
mod eval;
mod format;
mod grid;
mod html_report;
mod i18n;
mod ide;
mod import;
mod lost_targets;
mod outputs;
mod province;
mod reading;
mod robustness;
mod semantics;
mod tidy;
mod worklists;
mod writing;
