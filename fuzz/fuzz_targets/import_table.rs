//! Any bytes as a criteria table (text or workbook): import, then check the skeleton. Must
//! never panic, and every finding must point inside the text it is about.
#![no_main]

use chiso_formats::import::{import, ImportOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let imported = import(data, &ImportOptions::default());
    let source = imported.source.as_deref().unwrap_or("");
    for d in &imported.diagnostics {
        assert!(
            d.span.end <= source.len()
                && source.is_char_boundary(d.span.start)
                && source.is_char_boundary(d.span.end)
        );
    }
    for d in &imported.check {
        assert!(d.span.end <= imported.text.len());
    }
});
