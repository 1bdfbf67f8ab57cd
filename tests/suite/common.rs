//! Helpers shared by the suite's modules.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = root().join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Analyzes a ruleset text and returns (code, spanned text) for every diagnostic.
pub fn codes(source: &str) -> Vec<(&'static str, String)> {
    chiso::analyze(source)
        .diagnostics
        .iter()
        .map(|d| (d.code, source[d.span.clone()].to_string()))
        .collect()
}

/// The path of the built `chiso` binary.
pub fn chiso_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_chiso"))
}

/// Runs `chiso` with arguments from the project root; returns (exit code, stdout, stderr).
pub fn run_chiso(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(chiso_bin())
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run chiso");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}
