//! Any text as a ruleset: parse, check, and run its tests. Must never panic or overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let analysis = chiso::analyze(text);
    for d in &analysis.diagnostics {
        // Every span must be a valid range of the text.
        assert!(d.span.start <= d.span.end && d.span.end <= text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    if !analysis.has_errors() {
        let _ = chiso::testing::run_tests(&analysis.ruleset);
    }
});
