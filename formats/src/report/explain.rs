//! How one criterion's number arises (`chiso explain`), as text.

use chiso::eval::Explanation;
use chiso::eval::Status;
use chiso::text::format_decimal;

/// The explanation as plain text, one fact per line. `batch_units` is how many units of the
/// same stage were scored together (the unit itself included): a rule that compares with
/// the best unit (`best(…)`) explained for a unit alone says that it needs the batch.
pub fn text(explanation: &Explanation, batch_units: usize) -> String {
    let e = explanation;
    let mut out = format!("{} {}\n", e.id, e.title);
    out.push_str(&format!(
        "  unit:      {}, stage {} ({})\n",
        e.unit,
        e.stage.as_str(),
        e.stage.label()
    ));
    out.push_str(&format!("  path:      {}\n", e.path));
    out.push_str(&format!("  maximum:   {}\n", e.max));
    if let Some(owner) = &e.owner {
        out.push_str(&format!("  owner:     {owner}\n"));
    }
    for r in &e.references {
        out.push_str(&format!("  reference: {r}\n"));
    }
    match &e.rule {
        Some(rule) => out.push_str(&format!("  rule:      {rule}\n")),
        None => out.push_str("  rule:      sum of its children\n"),
    }
    if !e.steps.is_empty() {
        out.push_str("  steps:\n");
        for (i, step) in e.steps.iter().enumerate() {
            out.push_str(&format!("    {}. {}\n", i + 1, step.text));
        }
    }
    let result = match (&e.result.status, e.result.score) {
        (Status::Scored, Some(s)) => {
            format!("{} of {}", format_decimal(s), format_decimal(e.result.max))
        }
        (Status::NotEvaluated(reason), _) => format!("not evaluated: {reason}"),
        (Status::Survey, _) => "left to the survey (no survey points given)".to_string(),
        (Status::Missing, _) => "missing data".to_string(),
        (status, _) => status.as_str().to_string(),
    };
    out.push_str(&format!("  result:    {result}\n"));
    if e.uses_best && batch_units <= 1 {
        out.push_str(
            "  note:      this rule compares the unit with the best unit of its batch (best(…)), \
             and no other unit was given: the unit was compared with itself. Pass the other \
             units with --batch FILE… for the number the batch gives.\n",
        );
    }
    for e in &e.evidence {
        out.push_str(&format!("  evidence:  {e}\n"));
    }
    out
}
