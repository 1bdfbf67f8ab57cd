//! chiso: a rules language and engine for Vietnam's Public Administration Reform Index
//! (Chỉ số cải cách hành chính, "PAR index").
//!
//! A province states one year's criteria set (bộ tiêu chí) as a ruleset text; chiso checks it
//! against itself and scores units (departments, districts, communes) from their figures,
//! exactly as officials do, every rounding declared.
//!
//! # The pipeline
//!
//! ```text
//! ruleset text ─► syntax ─► check ─► model::Ruleset ─┐
//!                                                     ├─► eval ─► eval::UnitResult ─► batch
//! unit figures ─► data::RawUnit ─► data::resolve ─────┘  (data::UnitData, by input slot)
//! ```
//!
//! | stage | module | in → out |
//! |---|---|---|
//! | parse + check | [`analyze`] ([`syntax`], [`check`]) | text → [`Analysis`]: syntax tree, [`model::Ruleset`] (always built, best effort on errors), references, [`Diagnostic`]s |
//! | data | [`data`] | a unit's raw entries ([`data::RawUnit`]) → [`data::UnitData`] (values by input slot) + `D…` diagnostics |
//! | eval | [`eval`] | ruleset + unit data → [`eval::UnitOutcome`]: points per node, total, percentage, grade, to-do list; [`eval::explain`] traces one node |
//! | batch | [`batch`] | many units → ranking, grades, self vs appraised, points lost, targets, advice |
//! | tests | [`testing`] | the ruleset's own `test` blocks, run through eval |
//! | editor | [`ide`], [`format`](mod@format) | hover, completion, navigation, outline, actions; canonical layout |
//! | offices | [`worklist`] | per-office data-entry worklists and their merge |
//!
//! An embedder (a province's web portal, say) needs [`analyze`], [`data`] and [`eval`]; add
//! [`batch`] to rank many units, [`ide`] for an editor. [`model`] is the checked ruleset the
//! others read: nodes in pre-order (`ruleset.nodes`, parents before children; every "node
//! index" in this crate indexes it) and inputs by slot (`ruleset.inputs`).
//!
//! # What the core does not do
//!
//! The core does no I/O and never prints: callers pass text in and get values and
//! [`Diagnostic`]s back (spans are byte ranges into the text they came from). It knows no file
//! format either: unit files (TOML/JSON), sheets (CSV, workbooks), office forms, decree table
//! import and reports (text, Markdown, CSV, JSON, HTML, xlsx) live in the `chiso-formats`
//! crate; the terminal lives in `chiso-cli`, the language server in `lsp/`.
//!
//! Every number is an exact [`rust_decimal::Decimal`] (re-exported as [`Decimal`], so an
//! embedder uses the same version); nothing is rounded that the ruleset does not declare. A
//! decimal keeps the scale its computation gave it (`44.60`, `5.0`): compare values with `==`
//! (scale does not matter) and call `normalize()` before showing one (`44.6`). Every finding has a stable code (`E…`/`W…` ruleset, `D…` data, `T…`
//! tests, `I…` table import), listed with its meaning and fix in `docs/diagnostics.md`.
//!
//! # Embedding: check a ruleset, score a unit
//!
//! Criterion 7.2.2 of Kon Tum's 2023 district index (QĐ 723/QĐ-UBND; seed 004: 169 of 2534
//! dossiers online gave 0.14 points) and a criterion not evaluated when nothing was assigned:
//!
//! ```
//! use chiso::data::{RawEntry, RawUnit, RawValue};
//! use chiso::eval::Status;
//! use chiso::Decimal;
//!
//! let ruleset_text = r#"
//! bộ tiêu chí "Chỉ số CCHC cấp huyện 2023 (trích)" {
//!   năm 2023
//!   cấp huyện
//!   tổng điểm 3
//!   làm tròn tỷ lệ 2 nửa lên
//!   làm tròn điểm 2
//!   làm tròn phần trăm 2
//!   mẫu số bằng 0: không đánh giá
//! }
//!
//! đầu vào hồ_sơ_trực_tuyến: số lượng "Số hồ sơ giải quyết trực tuyến toàn trình"
//! đầu vào hồ_sơ_tiếp_nhận: số lượng "Tổng số hồ sơ tiếp nhận trong năm"
//! đầu vào nhiệm_vụ_được_giao: số lượng "Số nội dung được giao chủ trì"
//! đầu vào nhiệm_vụ_hoàn_thành: số lượng "Số nội dung hoàn thành" mặc định 0
//!
//! lĩnh vực 1 "Công tác chỉ đạo, điều hành" {
//!   tiêu chí 1.6 "Thực hiện nhiệm vụ được giao" {
//!     tiêu chí thành phần 1.6.2 "Chương trình công tác của tỉnh" tối đa 1 {
//!       không đánh giá khi nhiệm_vụ_được_giao = 0 vì "Không có nội dung được giao chủ trì"
//!       điểm = tỷ_lệ(nhiệm_vụ_hoàn_thành, nhiệm_vụ_được_giao) × tối đa
//!     }
//!   }
//! }
//! lĩnh vực 7 "Chính quyền điện tử, chính quyền số" {
//!   tiêu chí 7.2 "Cung cấp dịch vụ công trực tuyến" {
//!     tiêu chí thành phần 7.2.2 "Tỷ lệ hồ sơ trực tuyến toàn trình" tối đa 2 {
//!       điểm = tỷ_lệ(hồ_sơ_trực_tuyến, hồ_sơ_tiếp_nhận) × tối đa
//!     }
//!   }
//! }
//! "#;
//!
//! // 1. Parse and check. The model is built even with errors; refuse to score then.
//! let analysis = chiso::analyze(ruleset_text);
//! assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
//! let ruleset = &analysis.ruleset;
//!
//! // 2. A unit's figures, as a web form would collect them. No file: spans are left empty
//! //    (they would be byte ranges into the data file, for diagnostics).
//! let entry = |key: &str, value: &str| RawEntry {
//!     key: key.to_string(),
//!     key_span: 0..0,
//!     value: RawValue::Number(value.to_string()),
//!     value_span: 0..0,
//! };
//! let raw = RawUnit {
//!     unit: Some(("UBND huyện Kon Rẫy".to_string(), 0..0)),
//!     year: Some((2023, 0..0)),
//!     inputs: vec![
//!         entry("hồ_sơ_trực_tuyến", "169"),
//!         entry("hồ_sơ_tiếp_nhận", "2534"),
//!         entry("nhiệm_vụ_được_giao", "0"),
//!     ],
//!     ..RawUnit::default()
//! };
//! let (unit, problems) = chiso::data::resolve(ruleset, &raw);
//! assert!(problems.is_empty(), "{problems:?}");
//!
//! // 3. Score it.
//! let outcome = chiso::eval::evaluate(ruleset, &unit);
//! assert!(outcome.diagnostics.is_empty());
//! let result = &outcome.result;
//! assert!(result.is_complete());
//!
//! // 7.2.2: 169 / 2534 = 0.0667 → ratio rounded to 2 places, half-up: 0.07 → × 2 = 0.14.
//! let i = ruleset.node_index("7.2.2").unwrap(); // index into ruleset.nodes and result.nodes
//! assert_eq!(result.nodes[i].score, Some(Decimal::new(14, 2)));
//! assert_eq!(result.nodes[i].lost(), Some(Decimal::new(186, 2))); // điểm bị mất: 2 − 0.14
//!
//! // 1.6.2 is not evaluated (không đánh giá): its maximum leaves the unit's maximum.
//! let j = ruleset.node_index("1.6.2").unwrap();
//! assert!(matches!(&result.nodes[j].status, Status::NotEvaluated(reason)
//!     if reason == "Không có nội dung được giao chủ trì"));
//!
//! // Achieved points and the percentage (0–100, not a fraction): 0.14 / (3 − 1) = 7%.
//! assert_eq!(result.achieved, Decimal::new(14, 2));
//! assert_eq!(result.max, Decimal::from(2));
//! assert_eq!(result.percent, Some(Decimal::from(7)));
//! ```

#![deny(clippy::float_arithmetic)]
#![warn(missing_docs)]

// pest is used without its `std` feature (see Cargo.toml); its derive then names `alloc`.
extern crate alloc;

pub mod batch;
pub mod builtins;
pub mod check;
pub mod codes;
pub mod data;
pub mod diagnostic;
pub mod diff;
pub mod eval;
pub mod format;
pub mod ide;
pub mod message;
pub mod model;
pub mod owners;
pub mod place;
pub mod position;
pub mod syntax;
pub mod testing;
pub mod text;
pub mod worklist;

pub use diagnostic::{Diagnostic, LineIndex, Severity, Span};
pub use message::{Lang, Message};
pub use rust_decimal::{self, Decimal};

/// Everything known about one ruleset text: its syntax tree, its checked model (always built,
/// best effort when there are errors), where names are used, and every diagnostic.
/// The one entry point the CLI and the language server both call.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The syntax tree; spans are byte ranges into the analysed text.
    pub syntax: syntax::SyntaxFile,
    /// The checked model, built even when there are errors (unknown names poisoned).
    pub ruleset: model::Ruleset,
    /// Where inputs and node ids are used (navigation, rename, "used by").
    pub references: check::References,
    /// Syntax and checker findings (`E…`, `W…`), sorted by span start, then code.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    /// Whether any diagnostic is an error: then the ruleset must not be used to score.
    pub fn has_errors(&self) -> bool {
        diagnostic::has_errors(&self.diagnostics)
    }
}

/// Parses and checks a ruleset text. Never panics, whatever the text; problems are
/// [`Analysis::diagnostics`].
pub fn analyze(source: &str) -> Analysis {
    let (syntax, mut diagnostics) = syntax::parse(source);
    let checked = check::check(&syntax, source);
    diagnostics.extend(checked.diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, d.code));
    Analysis {
        syntax,
        ruleset: checked.ruleset,
        references: checked.references,
        diagnostics,
    }
}
