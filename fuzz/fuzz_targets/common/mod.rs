//! What several fuzz targets share: the checked ruleset that uses every input type.

use std::sync::OnceLock;

const RULESET: &str = include_str!("../../../tests/fixtures/fuzz-ruleset.chiso");

/// The fuzz ruleset (`tests/fixtures/fuzz-ruleset.chiso`), checked once.
pub fn ruleset() -> &'static chiso::model::Ruleset {
    static RULESET_MODEL: OnceLock<chiso::model::Ruleset> = OnceLock::new();
    RULESET_MODEL.get_or_init(|| {
        let analysis = chiso::analyze(RULESET);
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        analysis.ruleset
    })
}
