//! Any text through the formatter: formatting is idempotent (format twice = format once),
//! the formatted text analyses to the same model and diagnostics, the source's line ends are
//! kept, and syntax errors are placed in the text as given. Must never panic.
#![no_main]

use chiso::format::{format, model_fingerprint, FormatError};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match format(text) {
        Ok(once) => {
            let twice = format(&once).unwrap_or_else(|e| panic!("second pass: {e}"));
            assert_eq!(twice, once, "not idempotent");
            let before = chiso::analyze(text);
            let after = chiso::analyze(&once);
            assert_eq!(
                model_fingerprint(&before.ruleset),
                model_fingerprint(&after.ruleset),
                "the model changed"
            );
            let codes =
                |a: &chiso::Analysis| a.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
            assert_eq!(codes(&before), codes(&after), "the diagnostics changed");
            let crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
            assert_eq!(
                once.contains("\r\n"),
                crlf && once.contains('\n'),
                "line ends"
            );
        }
        Err(FormatError::Syntax(errors)) => {
            assert!(!errors.is_empty());
            for d in &errors {
                assert!(d.span.start <= d.span.end && d.span.end <= text.len());
                assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
        }
        Err(FormatError::Unsafe(_)) => {}
    }
});
