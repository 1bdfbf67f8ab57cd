//! The merge of offices' forms (`chiso merge`) as text in the reader's language: conflicts,
//! values given by an office that does not own them, gaps, and a summary line.

use chiso::diagnostic::Severity;
use chiso::worklist::{Form, Merged};
use chiso::{msg, Lang, Message};

/// One line per conflict (error), foreign value (warning) and gap, each ending in a newline.
pub fn findings(forms: &[Form], merged: &Merged, lang: Lang) -> String {
    let t = |m: Message| m.render(lang);
    let mut out = String::new();
    for c in &merged.conflicts {
        let values: Vec<String> = c.values.iter().map(|(f, v)| format!("{v} ({f})")).collect();
        out.push_str(&format!(
            "{}: {}\n",
            Severity::Error.label(lang),
            t(msg!(
                "merge-conflict",
                table = c.table,
                key = c.key.as_str(),
                values = values.join(&format!(" {} ", t(msg!("merge-versus"))))
            ))
        ));
    }
    for (form, table, key, owners) in &merged.foreign {
        let owners = if owners.is_empty() {
            msg!("merge-no-office")
        } else {
            Message::plain(owners.join(", "))
        };
        out.push_str(&format!(
            "{}: {}\n",
            Severity::Warning.label(lang),
            t(msg!(
                "merge-foreign",
                form = forms[*form].name.as_str(),
                table = *table,
                key = key.as_str(),
                owners = owners
            ))
        ));
    }
    for g in &merged.gaps {
        let mut line = t(msg!("merge-gap", table = g.table, key = g.key.as_str()));
        if !(g.criteria.is_empty() || g.table == "points") {
            line.push(' ');
            line.push_str(&t(msg!("merge-gap-for", criteria = g.criteria.join(", "))));
        }
        if !g.owners.is_empty() {
            line.push_str(&format!(" — {}", g.owners.join(", ")));
        }
        out.push_str(&format!("{}: {line}\n", t(msg!("merge-gap-word"))));
    }
    out
}

/// "merged 3 forms: 12 values, 0 conflicts, 1 gap; claimed total 7.5" (no newline), in
/// `lang`; the claimed total only when some office claimed points.
pub fn summary(forms: &[Form], merged: &Merged, lang: Lang) -> String {
    let given = merged.data.values.iter().filter(|v| v.is_some()).count()
        + merged.data.points.iter().filter(|v| v.is_some()).count();
    let summary = msg!(
        "merge-summary",
        forms = forms.len(),
        values = given,
        conflicts = merged.conflicts.len(),
        gaps = merged.gaps.len()
    )
    .render(lang);
    // The claimed total only when an office claimed points (a total of 0 would mislead).
    if merged.data.claimed.iter().all(Option::is_none) {
        return summary;
    }
    let claimed: chiso::Decimal = merged.data.claimed.iter().flatten().sum();
    format!(
        "{summary}; {}",
        msg!("merge-summary-claimed", claimed = claimed).render(lang)
    )
}
