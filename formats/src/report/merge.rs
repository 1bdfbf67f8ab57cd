//! The merge of offices' forms (`chiso merge`) as text: conflicts, values given by an office
//! that does not own them, gaps, and a summary line.

use chiso::text::format_decimal;
use chiso::worklist::{Form, Merged};

/// One line per conflict (error), foreign value (warning) and gap, each ending in a newline.
pub fn findings(forms: &[Form], merged: &Merged) -> String {
    let mut out = String::new();
    for c in &merged.conflicts {
        let values: Vec<String> = c.values.iter().map(|(f, v)| format!("{v} ({f})")).collect();
        out.push_str(&format!(
            "error: conflict in [{}] `{}`: {} — not merged; agree on one value and merge again\n",
            c.table,
            c.key,
            values.join(" vs ")
        ));
    }
    for (form, table, key, owners) in &merged.foreign {
        out.push_str(&format!(
            "warning: {} gives [{table}] `{key}`, which belongs to {}\n",
            forms[*form].name,
            if owners.is_empty() {
                "no office".to_string()
            } else {
                owners.join(", ")
            }
        ));
    }
    for g in &merged.gaps {
        let owners = if g.owners.is_empty() {
            String::new()
        } else {
            format!(" — {}", g.owners.join(", "))
        };
        let needed = if g.criteria.is_empty() || g.table == "points" {
            String::new()
        } else {
            format!(" (for {})", g.criteria.join(", "))
        };
        out.push_str(&format!(
            "gap: [{}] `{}` not given by any form{needed}{owners}\n",
            g.table, g.key
        ));
    }
    out
}

/// "merged 3 form(s): 12 value(s), 0 conflict(s), 1 gap(s); claimed total 7.5" (no newline).
pub fn summary(forms: &[Form], merged: &Merged) -> String {
    let given = merged.data.values.iter().filter(|v| v.is_some()).count()
        + merged.data.points.iter().filter(|v| v.is_some()).count();
    format!(
        "merged {} form(s): {given} value(s), {} conflict(s), {} gap(s); claimed total {}",
        forms.len(),
        merged.conflicts.len(),
        merged.gaps.len(),
        format_decimal(merged.data.claimed.iter().flatten().sum())
    )
}
