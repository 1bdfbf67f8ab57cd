//! The one integration-test binary (one link on a 2-core machine): a module per area.

mod advice;
mod batch;
mod common;
mod html_report;
mod lost_targets;
mod province;
mod worklists;
