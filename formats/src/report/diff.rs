//! `chiso diff`: a [`RulesetDiff`] (and optionally an [`Impact`]) as text, Markdown, JSON
//! (documented in docs/diff.md, `"format": "chiso-diff/1"`) and one self-contained HTML page
//! with both trees side by side.

use chiso::diff::{Change, Impact, InputChange, RulesetDiff};
use chiso::model::Ruleset;
use chiso::text::format_decimal;
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};

/// The two rulesets compared, with the names to show for them (usually file names).
pub struct Sides<'a> {
    /// Last year's ruleset.
    pub old: &'a Ruleset,
    /// The new ruleset.
    pub new: &'a Ruleset,
    /// Label of the old side.
    pub old_name: &'a str,
    /// Label of the new side.
    pub new_name: &'a str,
}

fn opt(v: &Option<String>) -> String {
    v.clone().unwrap_or_else(|| "—".to_string())
}

/// A rule's text on one line: "bands r { from 90% or more: max; below 90%: 0 }".
pub fn one_line(rule: &str) -> String {
    let lines: Vec<&str> = rule
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            let prev = lines[k - 1];
            if prev.ends_with('{') || line.starts_with('}') {
                out.push(' ');
            } else {
                out.push_str("; ");
            }
        }
        out.push_str(line);
    }
    out
}

/// One change in words, without the criterion's id.
pub fn change_text(change: &Change) -> String {
    match change {
        Change::Id(a, b) => format!("renumbered {a} → {b}"),
        Change::Title(a, b) => format!("title \"{a}\" → \"{b}\""),
        Change::Max(a, b) => format!("max {} → {}", format_decimal(*a), format_decimal(*b)),
        Change::Owner(a, b) => format!("owner {} → {}", opt(a), opt(b)),
        Change::Source(a, b) => format!("source {a} → {b}"),
        Change::Rule(r) => format!(
            "rule {} → {} ({})",
            r.old
                .as_deref()
                .map(one_line)
                .unwrap_or_else(|| "sum of children".into()),
            r.new
                .as_deref()
                .map(one_line)
                .unwrap_or_else(|| "sum of children".into()),
            r.details.join("; ")
        ),
        Change::NotEvaluated(a, b) => format!("not evaluated {} → {}", opt(a), opt(b)),
        Change::Bonus(a, b) => format!(
            "bonus {} → {}",
            if *a { "yes" } else { "no" },
            if *b { "yes" } else { "no" }
        ),
        Change::Moved(a, b, area) => format!(
            "moved from {a} to {b}{}",
            if *area { " (another area)" } else { "" }
        ),
    }
}

fn input_text(s: &Sides, c: &InputChange) -> String {
    let name = |r: &Ruleset, slot: Option<usize>| slot.map(|i| r.inputs[i].name.clone());
    let (a, b) = (name(s.old, c.old), name(s.new, c.new));
    let mut parts = vec![match (&a, &b) {
        (None, Some(b)) => format!("added {b}"),
        (Some(a), None) => format!("removed {a}"),
        (Some(a), Some(b)) if c.renamed => format!("renamed {a} → {b}"),
        (_, Some(b)) => b.clone(),
        _ => String::new(),
    }];
    if let Some((x, y)) = &c.retyped {
        parts.push(format!("type {x} → {y}"));
    }
    if c.described && c.old.is_some() && c.new.is_some() {
        parts.push("description changed".to_string());
    }
    parts.join("; ")
}

fn node_label(r: &Ruleset, i: usize) -> String {
    format!("{} \"{}\"", r.nodes[i].id, r.nodes[i].title)
}

fn ids(r: &Ruleset, v: &[usize]) -> String {
    v.iter()
        .map(|i| r.nodes[*i].id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn pct(v: Option<Decimal>) -> String {
    v.map(|p| format!("{}%", format_decimal(p)))
        .unwrap_or_else(|| "—".into())
}

fn signed(v: Decimal) -> String {
    if v > Decimal::ZERO {
        format!("+{}", format_decimal(v))
    } else {
        format_decimal(v)
    }
}

/// Lines of the structural diff (shared by text and Markdown; `md` adds list bullets).
fn lines(s: &Sides, d: &RulesetDiff, md: bool) -> Vec<String> {
    let bullet = if md { "- " } else { "  " };
    let head = |t: &str| {
        if md {
            format!("\n## {t}\n")
        } else {
            format!("\n{t}")
        }
    };
    let mut out = Vec::new();
    let count = d.changed().count();
    out.push(format!(
        "{} matched ({} changed), {} removed, {} added, {} split, {} merged; {} header, {} input change(s)",
        d.matched.len(),
        count,
        d.removed.len(),
        d.added.len(),
        d.splits.len(),
        d.merges.len(),
        d.header.len(),
        d.inputs.len()
    ));
    if !d.header.is_empty() {
        out.push(head("Header"));
        for h in &d.header {
            out.push(format!(
                "{bullet}{}: {} → {}",
                h.what,
                opt(&h.old),
                opt(&h.new)
            ));
        }
    }
    if count > 0 {
        out.push(head("Changed criteria"));
        for m in d.changed() {
            out.push(format!("{bullet}{}", node_label(s.new, m.new)));
            for c in &m.changes {
                let sub = if md { "  - " } else { "      " };
                out.push(format!("{sub}{}", change_text(c)));
            }
        }
    }
    if !d.splits.is_empty() || !d.merges.is_empty() {
        out.push(head("Splits and merges"));
        for (o, ns) in &d.splits {
            out.push(format!(
                "{bullet}split {} → {}",
                node_label(s.old, *o),
                ids(s.new, ns)
            ));
        }
        for (os, n) in &d.merges {
            out.push(format!(
                "{bullet}merged {} → {}",
                ids(s.old, os),
                node_label(s.new, *n)
            ));
        }
    }
    if !d.removed.is_empty() {
        out.push(head("Removed"));
        for i in &d.removed {
            out.push(format!(
                "{bullet}{} (max {})",
                node_label(s.old, *i),
                format_decimal(s.old.nodes[*i].max)
            ));
        }
    }
    if !d.added.is_empty() {
        out.push(head("Added"));
        for i in &d.added {
            out.push(format!(
                "{bullet}{} (max {})",
                node_label(s.new, *i),
                format_decimal(s.new.nodes[*i].max)
            ));
        }
    }
    if !d.inputs.is_empty() {
        out.push(head("Inputs"));
        for c in &d.inputs {
            out.push(format!("{bullet}{}", input_text(s, c)));
        }
    }
    out
}

fn impact_lines(imp: &Impact, md: bool) -> Vec<String> {
    let mut out = Vec::new();
    out.push(if md {
        "\n## Impact on last year's units\n".into()
    } else {
        "\nImpact on last year's units".into()
    });
    if md {
        out.push("| unit | old | grade | rank | new | grade | rank | change |".into());
        out.push("|---|---|---|---|---|---|---|---|".into());
    }
    for u in &imp.units {
        let rank = |r: Option<usize>| r.map(|r| format!("#{r}")).unwrap_or_else(|| "—".into());
        let mut change = u
            .percent_change()
            .map(|c| format!("{} points of %", signed(c)))
            .unwrap_or_else(|| "—".into());
        if let (Some(a), Some(b)) = (u.old.rank, u.new.rank) {
            if a != b {
                change.push_str(&format!("; rank #{a} → #{b}"));
            }
        }
        if u.old.grade != u.new.grade && u.new.complete {
            change.push_str(&format!(
                "; grade {} → {}",
                u.old.grade.as_deref().unwrap_or("—"),
                u.new.grade.as_deref().unwrap_or("—")
            ));
        }
        let show = |x: &chiso::diff::impact::Scored| {
            if x.complete {
                format!(
                    "{}/{} = {}",
                    format_decimal(x.achieved),
                    format_decimal(x.max),
                    pct(x.percent)
                )
            } else {
                format!(
                    "incomplete; scored leaves {}/{} = {}",
                    format_decimal(x.partial.0),
                    format_decimal(x.partial.1),
                    pct(x.partial_percent)
                )
            }
        };
        let old = show(&u.old);
        let new = show(&u.new);
        let g = |g: &Option<String>| g.clone().unwrap_or_else(|| "—".into());
        if md {
            out.push(format!(
                "| {} | {old} | {} | {} | {new} | {} | {} | {change} |",
                u.unit,
                g(&u.old.grade),
                rank(u.old.rank),
                g(&u.new.grade),
                rank(u.new.rank)
            ));
        } else {
            out.push(format!("  {}", u.unit));
            out.push(format!(
                "    old: {old} {} {}",
                g(&u.old.grade),
                rank(u.old.rank)
            ));
            out.push(format!(
                "    new: {new} {} {}",
                g(&u.new.grade),
                rank(u.new.rank)
            ));
            out.push(format!("    change: {change}"));
        }
    }
    for u in &imp.units {
        let bullet = if md { "- " } else { "    " };
        let mut block = Vec::new();
        for d in u.drivers.iter().take(8) {
            block.push(format!(
                "{bullet}{} → {}: {} → {} ({})",
                d.old_id.as_deref().unwrap_or("—"),
                d.new_id.as_deref().unwrap_or("—"),
                d.old_points
                    .map(format_decimal)
                    .unwrap_or_else(|| "—".into()),
                d.new_points
                    .map(format_decimal)
                    .unwrap_or_else(|| "—".into()),
                signed(d.delta)
            ));
        }
        if u.drivers.len() > 8 {
            block.push(format!("{bullet}… {} more", u.drivers.len() - 8));
        }
        for (name, ids) in &u.missing_inputs {
            block.push(format!(
                "{bullet}missing input {name} (needed by {})",
                ids.join(", ")
            ));
        }
        if !u.missing_points.is_empty() {
            block.push(format!(
                "{bullet}no points carried over for {}",
                u.missing_points.join(", ")
            ));
        }
        for r in &u.rescaled {
            block.push(format!("{bullet}carried in proportion: {r}"));
        }
        if !u.dropped.is_empty() {
            block.push(format!("{bullet}dropped: {}", u.dropped.join(", ")));
        }
        if !block.is_empty() {
            out.push(if md {
                format!("\n### {}\n", u.unit)
            } else {
                format!("  {} — drivers and gaps", u.unit)
            });
            out.extend(block);
        }
    }
    let (up, down, same) = imp.gainers_losers();
    out.push(String::new());
    out.push(format!(
        "Gain: {}; lose: {}; unchanged or not comparable: {}",
        list(&up),
        list(&down),
        list(&same)
    ));
    out
}

fn list(v: &[&str]) -> String {
    if v.is_empty() {
        "none".into()
    } else {
        v.join(", ")
    }
}

/// Plain text for a terminal.
pub fn text(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>) -> String {
    let mut out = vec![format!("{} → {}", s.old_name, s.new_name)];
    out.extend(lines(s, d, false));
    if let Some(imp) = impact {
        out.extend(impact_lines(imp, false));
    }
    out.join("\n") + "\n"
}

/// Markdown.
pub fn markdown(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>) -> String {
    let mut out = vec![format!("# {} → {}\n", s.old_name, s.new_name)];
    out.extend(lines(s, d, true));
    if let Some(imp) = impact {
        out.extend(impact_lines(imp, true));
    }
    out.join("\n") + "\n"
}

fn change_json(c: &Change) -> Json {
    let dec = |v: &Decimal| format_decimal(*v);
    match c {
        Change::Id(a, b) | Change::Title(a, b) | Change::Source(a, b) => {
            json!({"kind": c.kind(), "old": a, "new": b})
        }
        Change::Max(a, b) => json!({"kind": c.kind(), "old": dec(a), "new": dec(b)}),
        Change::Owner(a, b) | Change::NotEvaluated(a, b) => {
            json!({"kind": c.kind(), "old": a, "new": b})
        }
        Change::Rule(r) => {
            json!({"kind": c.kind(), "old": r.old, "new": r.new, "details": r.details})
        }
        Change::Bonus(a, b) => json!({"kind": c.kind(), "old": a, "new": b}),
        Change::Moved(a, b, area) => {
            json!({"kind": c.kind(), "old": a, "new": b, "area_changed": area})
        }
    }
}

/// The stable JSON (`"format": "chiso-diff/1"`, see docs/diff.md). Numbers are strings.
pub fn json(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>) -> String {
    let id = |r: &Ruleset, i: usize| r.nodes[i].id.clone();
    let input = |r: &Ruleset, slot: Option<usize>| slot.map(|i| r.inputs[i].name.clone());
    let mut doc = json!({
        "format": "chiso-diff/1",
        "old": s.old_name,
        "new": s.new_name,
        "header": d.header.iter().map(|h| json!({"what": h.what, "old": h.old, "new": h.new})).collect::<Vec<_>>(),
        "matched": d.matched.iter().map(|m| json!({
            "old": id(s.old, m.old),
            "new": id(s.new, m.new),
            "how": m.how.as_str(),
            "similarity": m.similarity,
            "changes": m.changes.iter().map(change_json).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "removed": d.removed.iter().map(|i| id(s.old, *i)).collect::<Vec<_>>(),
        "added": d.added.iter().map(|i| id(s.new, *i)).collect::<Vec<_>>(),
        "splits": d.splits.iter().map(|(o, ns)| json!({"old": id(s.old, *o), "new": ns.iter().map(|n| id(s.new, *n)).collect::<Vec<_>>()})).collect::<Vec<_>>(),
        "merges": d.merges.iter().map(|(os, n)| json!({"old": os.iter().map(|o| id(s.old, *o)).collect::<Vec<_>>(), "new": id(s.new, *n)})).collect::<Vec<_>>(),
        "inputs": d.inputs.iter().map(|c| json!({
            "kind": c.kind(),
            "old": input(s.old, c.old),
            "new": input(s.new, c.new),
            "retyped": c.retyped.as_ref().map(|(a, b)| json!({"old": a, "new": b})),
            "description_changed": c.described,
        })).collect::<Vec<_>>(),
    });
    if let Some(imp) = impact {
        let dec = |v: Decimal| format_decimal(v);
        let scored = |x: &chiso::diff::impact::Scored| {
            json!({
                "achieved": dec(x.achieved),
                "max": dec(x.max),
                "percent": x.percent.map(dec),
                "grade": x.grade,
                "rank": x.rank,
                "complete": x.complete,
                "partial": {"achieved": dec(x.partial.0), "max": dec(x.partial.1), "percent": x.partial_percent.map(dec)},
            })
        };
        doc["impact"] = json!(imp
            .units
            .iter()
            .map(|u| json!({
                "unit": u.unit,
                "old": scored(&u.old),
                "new": scored(&u.new),
                "percent_change": u.percent_change().map(dec),
                "drivers": u.drivers.iter().map(|d| json!({
                    "old": d.old_id, "new": d.new_id,
                    "old_points": d.old_points.map(dec), "new_points": d.new_points.map(dec),
                    "delta": dec(d.delta),
                })).collect::<Vec<_>>(),
                "missing_inputs": u.missing_inputs.iter().map(|(n, ids)| json!({"input": n, "needed_by": ids})).collect::<Vec<_>>(),
                "missing_points": u.missing_points,
                "dropped": u.dropped,
                "rescaled": u.rescaled,
            }))
            .collect::<Vec<_>>());
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One self-contained page: both trees side by side, each matched pair on one row, changes
/// highlighted; removed rows on the left only, added on the right only; then header, inputs
/// and the impact.
pub fn html(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">");
    h.push_str(&format!(
        "<title>chiso diff: {} → {}</title>",
        esc(s.old_name),
        esc(s.new_name)
    ));
    h.push_str("<style>body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top;font-size:.9em}th{background:#eee}.chg{background:#fff3c4}.add{background:#d8f5d0}.del{background:#fbd5d5}.same{color:#555}.l1{font-weight:bold}.l2{padding-left:1.5em}.l3{padding-left:3em}ul{margin:.2em 0}</style></head><body>\n");
    h.push_str(&format!(
        "<h1>{} → {}</h1>\n",
        esc(s.old_name),
        esc(s.new_name)
    ));
    let summary = lines(s, d, false);
    h.push_str(&format!("<p>{}</p>\n", esc(&summary[0])));
    if !d.header.is_empty() {
        h.push_str("<h2>Header</h2><table><tr><th>what</th><th>old</th><th>new</th></tr>\n");
        for c in &d.header {
            h.push_str(&format!(
                "<tr class=\"chg\"><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&c.what),
                esc(&opt(&c.old)),
                esc(&opt(&c.new))
            ));
        }
        h.push_str("</table>\n");
    }
    h.push_str("<h2>Criteria</h2><table><tr><th>old</th><th>max</th><th>new</th><th>max</th><th>changes</th></tr>\n");
    let cell = |r: &Ruleset, i: usize| {
        let n = &r.nodes[i];
        let level = match n.level {
            chiso::model::NodeLevel::Area => 1,
            chiso::model::NodeLevel::Criterion => 2,
            chiso::model::NodeLevel::Subcriterion => 3,
        };
        format!(
            "<td class=\"l{level}\">{} {}</td><td>{}</td>",
            esc(&n.id),
            esc(&n.title),
            format_decimal(n.max)
        )
    };
    let empty = "<td></td><td></td>";
    // Rows in new order; removed (and split/merged-away) old nodes after their old predecessor's match.
    let mut rows: Vec<String> = Vec::new();
    let mut placed_old = vec![false; s.old.nodes.len()];
    for j in 0..s.new.nodes.len() {
        if let Some(m) = d.matched.iter().find(|m| m.new == j) {
            // Old nodes just before m.old in old order that are removed: show them first.
            let mut k = m.old;
            let mut before = Vec::new();
            while k > 0 && d.removed.contains(&(k - 1)) && !placed_old[k - 1] {
                k -= 1;
                before.push(k);
            }
            for i in before.into_iter().rev() {
                placed_old[i] = true;
                rows.push(format!(
                    "<tr class=\"del\">{}{empty}<td>removed</td></tr>",
                    cell(s.old, i)
                ));
            }
            placed_old[m.old] = true;
            let class = if m.changes.is_empty() { "same" } else { "chg" };
            let changes: String = m
                .changes
                .iter()
                .map(|c| format!("<li>{}</li>", esc(&change_text(c))))
                .collect();
            rows.push(format!(
                "<tr class=\"{class}\">{}{}<td><ul>{changes}</ul></td></tr>",
                cell(s.old, m.old),
                cell(s.new, j)
            ));
        } else if let Some((o, _)) = d.splits.iter().find(|(_, ns)| ns.contains(&j)) {
            rows.push(format!(
                "<tr class=\"chg\">{}{}<td>split of {}</td></tr>",
                empty,
                cell(s.new, j),
                esc(&s.old.nodes[*o].id)
            ));
        } else if let Some((os, _)) = d.merges.iter().find(|(_, n)| *n == j) {
            rows.push(format!(
                "<tr class=\"chg\">{}{}<td>merges {}</td></tr>",
                empty,
                cell(s.new, j),
                esc(&ids(s.old, os))
            ));
        } else {
            rows.push(format!(
                "<tr class=\"add\">{empty}{}<td>added</td></tr>",
                cell(s.new, j)
            ));
        }
    }
    for (i, placed) in placed_old.iter().enumerate() {
        if !placed && !d.matched.iter().any(|m| m.old == i) {
            let what = if d.removed.contains(&i) {
                "removed".to_string()
            } else if let Some((_, ns)) = d.splits.iter().find(|(o, _)| *o == i) {
                format!("split into {}", ids(s.new, ns))
            } else {
                "merged".to_string()
            };
            rows.push(format!(
                "<tr class=\"del\">{}{empty}<td>{}</td></tr>",
                cell(s.old, i),
                esc(&what)
            ));
        }
    }
    h.push_str(&rows.join("\n"));
    h.push_str("\n</table>\n");
    if !d.inputs.is_empty() {
        h.push_str("<h2>Inputs</h2><ul>\n");
        for c in &d.inputs {
            h.push_str(&format!("<li>{}</li>\n", esc(&input_text(s, c))));
        }
        h.push_str("</ul>\n");
    }
    if let Some(imp) = impact {
        h.push_str("<h2>Impact on last year's units</h2><pre>");
        h.push_str(&esc(&impact_lines(imp, false).join("\n")));
        h.push_str("</pre>\n");
    }
    h.push_str("</body></html>\n");
    h
}
