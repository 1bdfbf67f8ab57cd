//! Every diagnostic code, with its severity and a one-line title: the one list the
//! constructors' codes, `docs/diagnostics.md` and the tests are held against (a suite test
//! checks that every code literal in the workspace is here and every row is documented).
//!
//! `E…` ruleset errors, `W…` ruleset warnings, `D…` data problems, `T…` failed test
//! expectations, `I…` table import findings.

use crate::diagnostic::Severity;

/// One diagnostic code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// The stable code: `E004`.
    pub code: &'static str,
    /// The severities it is reported with, the usual one first (a few codes are an error
    /// in one case and a warning in another; an acknowledged `known fault` turns `E004`–`E007`
    /// into warnings).
    pub severities: &'static [Severity],
    /// What it means, in one line.
    pub title: &'static str,
}

/// Every code, in the order of `docs/diagnostics.md`'s families (E, W, D, T, I).
pub static CODES: &[Code] = &[
    Code { code: "E001", severities: &[Severity::Error], title: "syntax error: the statement cannot be read; the message says what was expected where" },
    Code { code: "E002", severities: &[Severity::Error], title: "duplicate id" },
    Code { code: "E003", severities: &[Severity::Error], title: "a child's id does not extend its parent's (`7.3.1` under `7.2`)" },
    Code { code: "E004", severities: &[Severity::Error], title: "a parent's maximum differs from the sum of its children's maxima" },
    Code { code: "E005", severities: &[Severity::Error], title: "the areas' maxima do not add up to the declared total" },
    Code { code: "E006", severities: &[Severity::Error], title: "the declared number of areas / criteria / sub-criteria differs from the tree" },
    Code { code: "E007", severities: &[Severity::Error], title: "the leaves of a source (self, survey, satisfaction) do not add up to its declared share, or the shares not to the total" },
    Code { code: "E008", severities: &[Severity::Error], title: "a rule uses an input that is not declared" },
    Code { code: "E009", severities: &[Severity::Error], title: "type error: a date compared with a count, a condition that is not yes/no, a score that is not a number, a value of the wrong type for an input" },
    Code { code: "E010", severities: &[Severity::Error], title: "bands leave a gap: some values of the subject match no band (whole-number inputs taken into account)" },
    Code { code: "E011", severities: &[Severity::Error], title: "two bands share a value (a closed band and an open-ended one included): a value would match both" },
    Code { code: "E012", severities: &[Severity::Error], title: "a rule can give more than the node's maximum" },
    Code { code: "E013", severities: &[Severity::Error], title: "a rule can give less than zero" },
    Code { code: "E014", severities: &[Severity::Error], title: "`ratio` is used where no zero-denominator policy applies" },
    Code { code: "E015", severities: &[Severity::Error], title: "unknown function, or the wrong number of arguments" },
    Code { code: "E016", severities: &[Severity::Error], title: "grade bands leave a gap in their range (0–100% on the percentage, 0 to the total on points, open above when a bonus may pass the maximum) or overlap" },
    Code { code: "E017", severities: &[Severity::Error], title: "a value outside what is allowed: a level that is not in the input's list, a rounding with more than 28 places, a percent rounding on a criterion, fewer than 2 or more than 6 stages or a stage named with another stage's word" },
    Code { code: "E018", severities: &[Severity::Error], title: "a test names an unknown input, criterion or grade" },
    Code { code: "E019", severities: &[Severity::Error], title: "nesting deeper than 40 levels (brackets, braces, `if`s, `not`s) or an expression deeper than 200 operators" },
    Code { code: "E020", severities: &[Severity::Error], title: "a leaf without a maximum" },
    Code { code: "E021", severities: &[Severity::Error], title: "the file has no `ruleset` header, or more than one" },
    Code { code: "E022", severities: &[Severity::Error], title: "an input, or a level of an input, is declared twice" },
    Code { code: "E023", severities: &[Severity::Error], title: "a statement is declared twice (two `max`, two `score`, two header `total`s, two tests of one name)" },
    Code { code: "E024", severities: &[Severity::Error], title: "a `known fault` names a code that cannot be a fault of the source (only E004–E007 can)" },
    Code { code: "E025", severities: &[Severity::Error], title: "a bonus or penalty item without a rule, or whose rule uses what has no meaning outside the criteria tree (`awarded`, `best`, `max` without a cap)" },
    Code { code: "E026", severities: &[Severity::Error], title: "a bonus or penalty item's rule can give less than zero (its points are a magnitude; the item's kind adds or subtracts them)" },
    Code { code: "E027", severities: &[Severity::Error], title: "the declared floor of the total is above the tree's total" },
    Code { code: "W001", severities: &[Severity::Warning], title: "an input that no rule or condition uses" },
    Code { code: "W002", severities: &[Severity::Warning], title: "a band no value can reach, because earlier bands take every value it covers" },
    Code { code: "W003", severities: &[Severity::Warning], title: "a test that expects nothing" },
    Code { code: "W004", severities: &[Severity::Warning], title: "a node written as `area`/`criterion`/`subcriterion` at another level of the tree" },
    Code { code: "W005", severities: &[Severity::Warning], title: "a `known fault` acknowledgement that no longer matches any finding" },
    Code { code: "D001", severities: &[Severity::Error], title: "the data file is not valid TOML/JSON, or has an unknown field; TOML names with Vietnamese letters must be quoted" },
    Code { code: "D002", severities: &[Severity::Error], title: "missing data: an input (with the criteria that need it and its owner) or the council's points for a criterion; together they are the unit's to-do list" },
    Code { code: "D003", severities: &[Severity::Error], title: "a value of the wrong form: not a number, a count that is not whole, a percentage above 100, an unknown level, an unknown stage, an unknown group (or none where the ruleset declares groups, or one where it declares none), an ambiguous thousands separator, no unit name" },
    Code { code: "D004", severities: &[Severity::Error], title: "a negative figure" },
    Code { code: "D005", severities: &[Severity::Error], title: "a ratio whose numerator is above its denominator (or negative), named with the criterion and pointing at the data" },
    Code { code: "D006", severities: &[Severity::Error], title: "an unknown input or criterion id in the data (with \"did you mean\")" },
    Code { code: "D007", severities: &[Severity::Error], title: "points given above the criterion's maximum" },
    Code { code: "D008", severities: &[Severity::Error], title: "a ratio's denominator is zero where the ruleset says a zero denominator is an error" },
    Code { code: "D009", severities: &[Severity::Error], title: "a rule gave a value outside 0…max, or its arithmetic divided by zero or overflowed, for this unit's data" },
    Code { code: "D010", severities: &[Severity::Error], title: "points given for a criterion that is computed by its rule (give its inputs) or that sums its children" },
    Code { code: "D011", severities: &[Severity::Warning], title: "the data's year differs from the ruleset's" },
    Code { code: "D012", severities: &[Severity::Error, Severity::Warning], title: "a name given twice: a sheet's column repeats another (only the first is read), or a unit file or form gives one input or criterion twice in a section (exactly, NFC and NFD, or the other tone placement; both places named); or a value stands in a column without a header" },
    Code { code: "D013", severities: &[Severity::Error], title: "a batch gives the same unit twice for one stage (files or sheet rows): the second is not scored" },
    Code { code: "D014", severities: &[Severity::Warning], title: "a target file's target for a parent differs from the sum of its children's targets" },
    Code { code: "T001", severities: &[Severity::Error], title: "a test expectation did not hold; the message says what was expected and what came out" },
    Code { code: "I001", severities: &[Severity::Error], title: "the file cannot be read: not UTF-8 (or UTF-16 with a BOM), an empty table, a damaged workbook, no such sheet" },
    Code { code: "I002", severities: &[Severity::Warning], title: "a cell opens a quote that never closes: the quote is read literally" },
    Code { code: "I003", severities: &[Severity::Warning, Severity::Error], title: "a workbook cell: a number Excel shows rounded (read as the 15 digits Excel shows), a date or an error value (left empty)" },
    Code { code: "I004", severities: &[Severity::Warning], title: "no header row: columns read as STT, title, maximum, notes" },
    Code { code: "I005", severities: &[Severity::Warning], title: "a column that is not part of a ruleset (a unit's scores, targets …) is left out" },
    Code { code: "I006", severities: &[Severity::Warning], title: "a row without STT, or a title wrapped onto the next line, joined to the row above" },
    Code { code: "I007", severities: &[Severity::Error], title: "a row not understood (no criterion number, a maximum without one, an STT that is not a number): skipped" },
    Code { code: "I008", severities: &[Severity::Error], title: "a maximum (or the total) that is not a number of points: left blank" },
    Code { code: "I009", severities: &[Severity::Warning], title: "a criterion row with a blank maximum: written `tối đa 0`" },
    Code { code: "I010", severities: &[Severity::Warning], title: "a row repeats an earlier row's number (the checker then reports `E002`)" },
    Code { code: "I011", severities: &[Severity::Error], title: "a row whose parent row is missing (`2.1` with no `2`): the parent is added without a title" },
    Code { code: "I012", severities: &[Severity::Warning], title: "a row after the table's total row: not imported" },
    Code { code: "I013", severities: &[Severity::Warning, Severity::Error], title: "the file holds several tables (the first, or `--table-number N`, is imported); error when table N does not exist" },
    Code { code: "I014", severities: &[Severity::Warning], title: "the owner column holds a remark, not an office: kept as a note" },
    Code { code: "I015", severities: &[Severity::Warning], title: "an area numbered with a Roman numeral (`II` → `2`)" },
    Code { code: "I016", severities: &[Severity::Warning], title: "a rubric line (`-`, `+`, `a)`): kept as a note of the criterion above" },
    Code { code: "I017", severities: &[Severity::Warning], title: "a \"không đánh giá\" / \"không tính điểm\" sentence: a not-evaluated clause with a placeholder yes/no input as its condition" },
    Code { code: "I018", severities: &[Severity::Warning], title: "a criterion row without a title" },
    Code { code: "I019", severities: &[Severity::Warning], title: "STT cells stored as numbers in a workbook (\"1.10\" reads as 1.1)" },];

/// The row of a code, if it is one.
pub fn lookup(code: &str) -> Option<&'static Code> {
    CODES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_well_formed_and_sorted_within_families() {
        for pair in CODES.windows(2) {
            let (a, b) = (pair[0].code, pair[1].code);
            assert!(a[..1] != b[..1] || a < b, "{a} before {b}");
        }
        for c in CODES {
            assert!(c.code.len() == 4 && "EWDTI".contains(&c.code[..1]));
            assert!(c.code[1..].bytes().all(|b| b.is_ascii_digit()));
            assert!(!c.severities.is_empty() && !c.title.is_empty());
        }
        assert_eq!(
            lookup("T001").map(|c| c.severities),
            Some(&[Severity::Error][..])
        );
        assert!(lookup("X001").is_none() && lookup("e001").is_none());
    }
}
