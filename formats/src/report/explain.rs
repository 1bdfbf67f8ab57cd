//! How one criterion's number arises (`chiso explain`), as text in the reader's language.

use chiso::eval::Explanation;
use chiso::eval::Status;
use chiso::{msg, Lang, Message};

/// The explanation as plain text, one fact per line, in `lang`. `batch_units` is how many
/// units of the same stage were scored together (the unit itself included): a rule that
/// compares with the best unit (`best(…)`) explained for a unit alone says that it needs the
/// batch.
pub fn text(explanation: &Explanation, batch_units: usize, lang: Lang) -> String {
    let e = explanation;
    let t = |m: Message| m.render(lang);
    // Labels padded to one width, whatever the language's words.
    let labels = [
        "explain-unit",
        "explain-path",
        "explain-maximum",
        "explain-owner",
        "explain-reference",
        "explain-rule",
        "explain-result",
        "explain-note",
        "explain-evidence",
    ];
    let label = super::padded_labels(&labels, lang);
    let number = |d: chiso::Decimal| t(msg!("gap-number", value = d));
    let mut out = format!("{} {}\n", e.id, e.title);
    out.push_str(&format!(
        "  {}{}\n",
        label("explain-unit"),
        t(msg!(
            "explain-unit-stage",
            unit = e.unit.as_str(),
            stage = e.stage.as_str(),
            label = e.stage_name.as_str()
        ))
    ));
    // A bonus or penalty item is named by its kind in the reader's words.
    let path = match e.item {
        Some(chiso::model::AdjustmentKind::Bonus) => {
            format!("{} {}", t(msg!("adjustment-kind-bonus")), e.id)
        }
        Some(chiso::model::AdjustmentKind::Penalty) => {
            format!("{} {}", t(msg!("adjustment-kind-penalty")), e.id)
        }
        None => e.path.clone(),
    };
    out.push_str(&format!("  {}{path}\n", label("explain-path")));
    let max = e
        .max
        .parse::<chiso::Decimal>()
        .map(number)
        .unwrap_or_else(|_| e.max.clone());
    out.push_str(&format!("  {}{max}\n", label("explain-maximum")));
    if let Some(owner) = &e.owner {
        out.push_str(&format!("  {}{owner}\n", label("explain-owner")));
    }
    for r in &e.references {
        out.push_str(&format!("  {}{r}\n", label("explain-reference")));
    }
    let rule = match &e.rule {
        Some(rule) => t(rule.clone()),
        None => t(msg!("explain-sum-of-children")),
    };
    out.push_str(&format!("  {}{rule}\n", label("explain-rule")));
    if !e.steps.is_empty() {
        out.push_str(&format!("  {}:\n", t(msg!("explain-steps"))));
        for (i, step) in e.steps.iter().enumerate() {
            out.push_str(&format!("    {}. {}\n", i + 1, t(step.text.clone())));
        }
    }
    let result = match (&e.result.status, e.result.score) {
        (Status::Scored, Some(s)) => t(msg!(
            "explain-result-of",
            score = number(s),
            max = number(e.result.max)
        )),
        (Status::NotEvaluated(reason), _) => {
            t(msg!("explain-not-evaluated", reason = reason.as_str()))
        }
        (Status::Survey, _) => t(msg!("explain-survey")),
        (Status::Missing, _) => t(msg!("explain-missing")),
        (status, _) => status.as_str().to_string(),
    };
    out.push_str(&format!("  {}{result}\n", label("explain-result")));
    if e.uses_best && batch_units <= 1 {
        out.push_str(&format!(
            "  {}{}\n",
            label("explain-note"),
            t(msg!("explain-best-alone"))
        ));
    }
    for e in &e.evidence {
        out.push_str(&format!("  {}{e}\n", label("explain-evidence")));
    }
    out
}
