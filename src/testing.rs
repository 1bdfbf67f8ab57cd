//! `test` blocks of a ruleset: policy staff pin the decree's worked examples; `chiso test`
//! runs them, and the language server shows their failures with the other diagnostics.
//! A failed expectation is a `T001` [`Diagnostic`] at the expectation, made here (the one
//! place), saying what was expected and what came out.

use crate::data::UnitData;
use crate::diagnostic::{Diagnostic, Span};
use crate::eval::{evaluate, MissingItem, Status, UnitResult};
use crate::model::{Expectation, Ruleset, TestCase};
use crate::text::{format_decimal, name_key};

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
pub fn failure_diagnostic(span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::error("T001", span, message).with_span_label("this expectation")
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
) -> String {
    let r = &result.nodes[node];
    match &r.status {
        Status::Scored => format!("{} points", format_decimal(r.score.unwrap_or_default())),
        Status::NotEvaluated(reason) => format!("not evaluated ({reason})"),
        Status::Survey => "left to the survey".into(),
        Status::Missing => {
            let items: Vec<String> = result
                .missing
                .iter()
                .filter(|(_, nodes)| nodes.iter().any(|&n| ruleset.path(n).contains(&node)))
                .map(|(item, _)| match item {
                    MissingItem::Input(slot) => format!("input `{}`", ruleset.inputs[*slot].name),
                    MissingItem::Points(n) => format!("points of {}", ruleset.nodes[*n].id),
                })
                .collect();
            format!("missing {}", items.join(", "))
        }
        Status::Failed => {
            let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
            format!("an error: {}", messages.join("; "))
        }
    }
}

fn failure(
    ruleset: &Ruleset,
    result: &UnitResult,
    expectation: &Expectation,
    diagnostics: &[crate::Diagnostic],
) -> Option<String> {
    let incomplete = || {
        let items: Vec<String> = result
            .missing
            .iter()
            .map(|(item, _)| match item {
                MissingItem::Input(slot) => format!("`{}`", ruleset.inputs[*slot].name),
                MissingItem::Points(n) => format!("points of {}", ruleset.nodes[*n].id),
            })
            .collect();
        if items.is_empty() {
            "the unit could not be scored (see errors)".to_string()
        } else {
            format!("the unit is incomplete: missing {}", items.join(", "))
        }
    };
    match expectation {
        Expectation::Score(node, expected) => {
            let r = &result.nodes[*node];
            match (&r.status, r.score) {
                (Status::Scored, Some(s)) if s == *expected => None,
                _ => Some(format!(
                    "expected {} = {}, got {}",
                    ruleset.nodes[*node].id,
                    format_decimal(*expected),
                    describe_status(ruleset, result, *node, diagnostics)
                )),
            }
        }
        Expectation::NotEvaluated(node) => match result.nodes[*node].status {
            Status::NotEvaluated(_) => None,
            _ => Some(format!(
                "expected {} not evaluated, got {}",
                ruleset.nodes[*node].id,
                describe_status(ruleset, result, *node, diagnostics)
            )),
        },
        Expectation::Percent(expected) => match result.percent {
            Some(p) if p == *expected => None,
            Some(p) => Some(format!(
                "expected percent = {}, got {}",
                format_decimal(*expected),
                format_decimal(p)
            )),
            None => Some(format!(
                "expected percent = {}, but {}",
                format_decimal(*expected),
                incomplete()
            )),
        },
        Expectation::Grade(expected) => match &result.grade {
            Some(g) if name_key(g) == name_key(expected) => None,
            Some(g) => Some(format!("expected grade “{expected}”, got “{g}”")),
            None if result.percent.is_some() => Some(format!(
                "expected grade “{expected}”, but no grade band matches"
            )),
            None => Some(format!("expected grade “{expected}”, but {}", incomplete())),
        },
        Expectation::Achieved(expected) => {
            if !result.is_complete() {
                return Some(format!(
                    "expected achieved = {}, but {}",
                    format_decimal(*expected),
                    incomplete()
                ));
            }
            (result.achieved != *expected).then(|| {
                format!(
                    "expected achieved = {}, got {}",
                    format_decimal(*expected),
                    format_decimal(result.achieved)
                )
            })
        }
        Expectation::Total(expected) => {
            if !result.is_complete() {
                return Some(format!(
                    "expected total = {}, but {}",
                    format_decimal(*expected),
                    incomplete()
                ));
            }
            (result.total() != *expected).then(|| {
                format!(
                    "expected total = {}, got {}",
                    format_decimal(*expected),
                    format_decimal(result.total())
                )
            })
        }
        Expectation::Max(expected) => (result.max != *expected).then(|| {
            format!(
                "expected max = {}, got {}",
                format_decimal(*expected),
                format_decimal(result.max)
            )
        }),
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
            d.message.contains("expected 1.1 = 1, got 2 points"),
            "{}",
            d.message
        );
    }
}
