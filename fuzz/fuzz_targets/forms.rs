//! Any bytes as filled data-entry forms (TOML text and workbook bytes), merged into one
//! unit's data with `chiso::worklist::merge` and scored. Must never panic.
#![no_main]

use chiso_formats::forms::{read_form_toml, read_form_xlsx};
use libfuzzer_sys::fuzz_target;

mod common;
use common::ruleset;

fuzz_target!(|data: &[u8]| {
    let rs = ruleset();
    let mut forms = Vec::new();
    // Two forms from one input: split at the first NUL (or both halves of the same text).
    let (first, second) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    for (k, part) in [first, second].into_iter().enumerate() {
        if let Ok(text) = std::str::from_utf8(part) {
            if let Ok(form) = read_form_toml(&format!("form{k}.toml"), text) {
                forms.push(form);
            }
        }
        if let Ok(form) = read_form_xlsx(&format!("form{k}.xlsx"), part) {
            forms.push(form);
        }
    }
    let merged = chiso::worklist::merge(rs, &forms);
    for p in &merged.problems {
        assert!(p.form < forms.len());
    }
    let _ = chiso::eval::evaluate(rs, &merged.data);
});
