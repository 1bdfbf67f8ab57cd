//! The one integration-test binary (one link on a 2-core machine): a module per area.

mod cli;
mod common;
mod data;
mod diagnostics;
mod docs;
mod eval;
mod format;
mod ide;
mod import;
mod robustness;
