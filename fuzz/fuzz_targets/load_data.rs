//! Any text as a unit's data file (TOML and JSON) against a ruleset using every input type:
//! load, evaluate, explain, report. Must never panic.
#![no_main]

use chiso_formats::unit_file::{load, DataFormat};
use libfuzzer_sys::fuzz_target;

mod common;
use common::ruleset;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rs = ruleset();
    for format in [DataFormat::Toml, DataFormat::Json] {
        let (unit, diagnostics) = load(rs, text, format);
        for d in &diagnostics {
            assert!(
                d.span.end <= text.len()
                    && text.is_char_boundary(d.span.start)
                    && text.is_char_boundary(d.span.end)
            );
        }
        if let Some(unit) = unit {
            let outcome = chiso::eval::evaluate(rs, &unit);
            let best = chiso::eval::best_values(rs, std::slice::from_ref(&unit));
            for (i, node) in outcome.result.nodes.iter().enumerate() {
                let _ = chiso::eval::explain(rs, &unit, &best, i, node);
            }
            // The unit's reports, from its packed result as a batch keeps it.
            let packed = chiso::batch::PackedResult::pack(outcome.result.clone());
            let _ = chiso_formats::report::json_text(&[chiso_formats::report::unit_json(
                rs, &packed,
            )]);
            for lang in chiso::Lang::ALL {
                let _ = chiso_formats::report::table(rs, &packed, lang);
                let _ = chiso_formats::report::markdown(rs, &packed, lang);
            }
            let _ = chiso_formats::unit_file::to_toml(rs, &unit);
        }
    }
});
