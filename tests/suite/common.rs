//! Helpers shared by the suite's modules.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    // The suite runs in the `cli` package (beside the `chiso` binary); paths are from the top.
    let top = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    top.canonicalize().unwrap_or(top)
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
/// Messages in English (`CHISO_LANG=en`): the suite's expectations are written against the
/// English catalogue; `i18n.rs` runs the command as a user who sets nothing (Vietnamese).
pub fn run_chiso(args: &[&str]) -> (i32, String, String) {
    let output = std::process::Command::new(chiso_bin())
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("CHISO_LANG", "en")
        .output()
        .expect("run chiso");
    assert_no_crash(&output.status, args, &output.stderr);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// chiso never ends in a panic (exit code 101) or on a signal (a stack overflow aborts with
/// SIGABRT), whatever its input: every run of the binary in the suite checks it.
pub fn assert_no_crash(status: &std::process::ExitStatus, args: &[&str], stderr: &[u8]) {
    assert!(
        status.code().is_some_and(|code| code != 101),
        "chiso {args:?} crashed ({status}):\n{}",
        String::from_utf8_lossy(stderr)
    );
}

/// Every `.chiso` file under `rulesets/`, sorted.
pub fn ruleset_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "chiso") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&root().join("rulesets"), &mut out);
    assert!(!out.is_empty(), "no rulesets found");
    out
}

/// xorshift64: deterministic, so a failing mutation test reproduces.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// A message in English, for the suite's expectations (written against the English
/// catalogue; `i18n.rs` checks the Vietnamese). Leaks the text: tests only.
pub trait En {
    /// The English text.
    fn en_str(&self) -> &'static str;
}

impl En for chiso::Message {
    fn en_str(&self) -> &'static str {
        Box::leak(self.en().into_boxed_str())
    }
}

impl En for Option<chiso::Message> {
    fn en_str(&self) -> &'static str {
        self.as_ref().map_or("", |m| m.en_str())
    }
}
