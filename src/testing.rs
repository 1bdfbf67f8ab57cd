//! `test` blocks of a ruleset: policy staff pin the decree's worked examples; `chiso test`
//! runs them, and the language server shows their failures with the other diagnostics.
//! A failed expectation is a `T001` [`Diagnostic`] at the expectation, made here (the one
//! place), saying what was expected and what came out.

use crate::data::UnitData;
use crate::diagnostic::{Diagnostic, Span};
use crate::eval::{evaluate, MissingItem, Status, UnitResult};
use crate::message::Message;
use crate::model::{Expectation, Ruleset, TestCase};
use crate::msg;
use crate::text::name_key;

/// What one test case gave.
#[derive(Debug, Clone, PartialEq)]
pub struct TestOutcome {
    /// The test's name.
    pub name: String,
    /// The whole test block.
    pub span: Span,
    /// Each failed expectation: a `T001` error at the expectation, saying what was expected
    /// and what happened instead.
    pub failures: Vec<Diagnostic>,
    /// How many expectations were checked.
    pub checked: usize,
}

impl TestOutcome {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// The `T001` diagnostic of a failed expectation written at `span`.
pub fn failure_diagnostic(span: Span, message: impl Into<crate::message::Message>) -> Diagnostic {
    Diagnostic::error("T001", span, message).with_span_label(crate::msg!("t001-this-expectation"))
}

/// The unit data a test case describes.
pub fn test_data(ruleset: &Ruleset, case: &TestCase) -> UnitData {
    let mut data = UnitData::empty(ruleset, format!("test: {}", case.name));
    for (slot, value) in &case.inputs {
        data.values[*slot] = Some(value.clone());
    }
    for (node, points) in &case.points {
        data.points[*node] = Some(*points);
    }
    for (node, reason) in &case.not_evaluated {
        data.not_evaluated[*node] = Some(reason.clone());
    }
    data
}

/// Runs one test case.
pub fn run_test(ruleset: &Ruleset, case: &TestCase) -> TestOutcome {
    let data = test_data(ruleset, case);
    let outcome = evaluate(ruleset, &data);
    let result = &outcome.result;
    let mut failures = Vec::new();
    for (expectation, span) in &case.expectations {
        if let Some(message) = failure(ruleset, result, expectation, &outcome.diagnostics) {
            failures.push(failure_diagnostic(span.clone(), message));
        }
    }
    TestOutcome {
        name: case.name.clone(),
        span: case.span.clone(),
        failures,
        checked: case.expectations.len(),
    }
}

/// Runs every test case of the ruleset, in order.
pub fn run_tests(ruleset: &Ruleset) -> Vec<TestOutcome> {
    ruleset
        .tests
        .iter()
        .map(|case| run_test(ruleset, case))
        .collect()
}

/// The `T001` diagnostics of every failed expectation of the ruleset's tests, in order.
/// Only meaningful for a ruleset without errors (the caller checks: a broken ruleset's
/// tests would fail for the wrong reason).
pub fn test_diagnostics(ruleset: &Ruleset) -> Vec<Diagnostic> {
    run_tests(ruleset)
        .into_iter()
        .flat_map(|outcome| outcome.failures)
        .collect()
}

fn describe_status(
    ruleset: &Ruleset,
    result: &UnitResult,
    node: usize,
    diagnostics: &[crate::Diagnostic],
) -> Message {
    let r = &result.nodes[node];
    match &r.status {
        Status::Scored => msg!("t001-status-points", points = r.score.unwrap_or_default()),
        Status::NotEvaluated(reason) => {
            msg!("t001-status-not-evaluated", reason = reason.to_string())
        }
        Status::Survey => msg!("t001-status-survey"),
        Status::Missing => {
            let items: Vec<Message> = result
                .missing
                .iter()
                .filter(|(_, nodes)| nodes.iter().any(|&n| ruleset.path(n).contains(&node)))
                .map(|(item, _)| missing_item(ruleset, item))
                .collect();
            msg!("t001-status-missing", items = items)
        }
        Status::Failed => {
            let messages: Vec<Message> = diagnostics.iter().map(|d| d.message.clone()).collect();
            msg!("t001-status-failed", errors = messages)
        }
    }
}

fn missing_item(ruleset: &Ruleset, item: &MissingItem) -> Message {
    match item {
        MissingItem::Input(slot) => {
            msg!(
                "t001-missing-input",
                name = ruleset.inputs[*slot].name.as_str()
            )
        }
        MissingItem::Points(n) => msg!("t001-missing-points", id = ruleset.nodes[*n].id.as_str()),
    }
}

fn failure(
    ruleset: &Ruleset,
    result: &UnitResult,
    expectation: &Expectation,
    diagnostics: &[crate::Diagnostic],
) -> Option<Message> {
    let incomplete = || {
        let items: Vec<Message> = result
            .missing
            .iter()
            .map(|(item, _)| missing_item(ruleset, item))
            .collect();
        if items.is_empty() {
            msg!("t001-not-scored")
        } else {
            msg!("t001-incomplete", items = items)
        }
    };
    match expectation {
        Expectation::Score(node, expected) => {
            let r = &result.nodes[*node];
            match (&r.status, r.score) {
                (Status::Scored, Some(s)) if s == *expected => None,
                _ => Some(msg!(
                    "t001-expected-score",
                    id = ruleset.nodes[*node].id.as_str(),
                    expected = *expected,
                    got = describe_status(ruleset, result, *node, diagnostics)
                )),
            }
        }
        Expectation::NotEvaluated(node) => match result.nodes[*node].status {
            Status::NotEvaluated(_) => None,
            _ => Some(msg!(
                "t001-expected-not-evaluated",
                id = ruleset.nodes[*node].id.as_str(),
                got = describe_status(ruleset, result, *node, diagnostics)
            )),
        },
        Expectation::Percent(expected) => match result.percent {
            Some(p) if p == *expected => None,
            Some(p) => Some(msg!("t001-expected-percent", expected = *expected, got = p)),
            None => Some(msg!(
                "t001-expected-percent-but",
                expected = *expected,
                why = incomplete()
            )),
        },
        Expectation::Grade(expected) => match &result.grade {
            Some(g) if name_key(g) == name_key(expected) => None,
            Some(g) => Some(msg!(
                "t001-expected-grade",
                expected = expected.as_str(),
                got = g.as_str()
            )),
            None if result.percent.is_some() => Some(msg!(
                "t001-expected-grade-no-band",
                expected = expected.as_str()
            )),
            None => Some(msg!(
                "t001-expected-grade-but",
                expected = expected.as_str(),
                why = incomplete()
            )),
        },
        Expectation::Achieved(expected) => {
            if !result.is_complete() {
                return Some(msg!(
                    "t001-expected-achieved-but",
                    expected = *expected,
                    why = incomplete()
                ));
            }
            (result.achieved != *expected).then(|| {
                msg!(
                    "t001-expected-achieved",
                    expected = *expected,
                    got = result.achieved
                )
            })
        }
        Expectation::Total(expected) => {
            if !result.is_complete() {
                return Some(msg!(
                    "t001-expected-total-but",
                    expected = *expected,
                    why = incomplete()
                ));
            }
            (result.total() != *expected).then(|| {
                msg!(
                    "t001-expected-total",
                    expected = *expected,
                    got = result.total()
                )
            })
        }
        Expectation::Max(expected) => (result.max != *expected)
            .then(|| msg!("t001-expected-max", expected = *expected, got = result.max)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_expectation_is_a_t001_at_the_expectation() {
        let source = "ruleset \"T\" { }\n\
            area 1 \"A\" { criterion 1.1 \"x\" max 2 }\n\
            test \"t\" {\n  points 1.1 = 2\n  expect 1.1 = 2\n  expect 1.1 = 1\n}\n";
        let analysis = crate::analyze(source);
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        let diagnostics = test_diagnostics(&analysis.ruleset);
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        let d = &diagnostics[0];
        assert_eq!(d.code, "T001");
        assert!(d.is_error());
        assert_eq!(&source[d.span.clone()], "expect 1.1 = 1");
        assert!(
            d.message.en().contains("expected 1.1 = 1, got 2 points"),
            "{}",
            d.message.en()
        );
        assert_eq!(
            d.message.render(crate::Lang::Vi),
            "mong đợi 1.1 = 1, nhưng được 2 điểm"
        );
    }
}
