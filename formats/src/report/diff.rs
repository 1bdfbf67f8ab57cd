//! `chiso diff`: a [`RulesetDiff`] (and optionally an [`Impact`]) as text, Markdown, JSON
//! (documented in docs/diff.md, `"format": "chiso-diff/1"`) and one self-contained HTML page
//! with both trees side by side.

use chiso::diff::{Change, Impact, InputChange, RulesetDiff};
use chiso::model::Ruleset;
use chiso::text::format_decimal;
use chiso::{msg, Lang, Message};
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

/// A header value in the reader's words, `—` when not declared.
fn value(v: &Option<Message>, lang: Lang) -> String {
    v.as_ref()
        .map_or_else(|| "—".to_string(), |m| m.render(lang))
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

/// One change in words, without the criterion's id, in the reader's language.
pub fn change_text(change: &Change, lang: Lang) -> String {
    let m = match change {
        Change::Id(a, b) => msg!("diff-renumbered", old = a.as_str(), new = b.as_str()),
        Change::Title(a, b) => msg!("diff-title", old = a.as_str(), new = b.as_str()),
        Change::Max(a, b) => msg!("diff-max", old = *a, new = *b),
        Change::Owner(a, b) => msg!("diff-owner", old = opt(a), new = opt(b)),
        Change::Source(a, b) => msg!("diff-source", old = word(a), new = word(b)),
        Change::Rule(r) => {
            let side = |t: &Option<String>| match t.as_deref() {
                Some(t) => Message::from(one_line(t)),
                None => msg!("diff-sum-of-children"),
            };
            msg!(
                "diff-rule",
                old = side(&r.old),
                new = side(&r.new),
                details = Message::join(r.details.clone(), "; ")
            )
        }
        Change::NotEvaluated(a, b) => msg!("diff-not-evaluated", old = opt(a), new = opt(b)),
        Change::Bonus(a, b) => {
            let yes_no = |v: bool| if v { msg!("diff-yes") } else { msg!("diff-no") };
            msg!("diff-bonus", old = yes_no(*a), new = yes_no(*b))
        }
        Change::Moved(a, b, true) => {
            msg!("diff-moved-area", old = a.as_str(), new = b.as_str())
        }
        Change::Moved(a, b, false) => msg!("diff-moved", old = a.as_str(), new = b.as_str()),
    };
    m.render(lang)
}

/// One change of a matched pair in words: [`change_text`], with a not-evaluated clause said
/// in the reader's words from both nodes.
fn change_line(s: &Sides, m: &chiso::diff::NodeMatch, c: &Change, lang: Lang) -> String {
    match c {
        Change::NotEvaluated(..) => {
            let side = |r: &Ruleset, i: usize| {
                chiso::diff::not_evaluated_message(&r.nodes[i])
                    .map_or_else(|| "—".to_string(), |m| m.render(lang))
            };
            msg!(
                "diff-not-evaluated",
                old = side(s.old, m.old),
                new = side(s.new, m.new)
            )
            .render(lang)
        }
        _ => change_text(c, lang),
    }
}

fn input_text(s: &Sides, c: &InputChange, lang: Lang) -> String {
    let name = |r: &Ruleset, slot: Option<usize>| slot.map(|i| r.inputs[i].name.clone());
    let (a, b) = (name(s.old, c.old), name(s.new, c.new));
    let mut parts = vec![match (&a, &b) {
        (None, Some(b)) => msg!("diff-input-added", name = b.as_str()).render(lang),
        (Some(a), None) => msg!("diff-input-removed", name = a.as_str()).render(lang),
        (Some(a), Some(b)) if c.renamed => {
            msg!("diff-input-renamed-to", old = a.as_str(), new = b.as_str()).render(lang)
        }
        (_, Some(b)) => b.clone(),
        _ => String::new(),
    }];
    if let Some((x, y)) = &c.retyped {
        parts.push(msg!("diff-input-type", old = x.as_str(), new = y.as_str()).render(lang));
    }
    if c.described && c.old.is_some() && c.new.is_some() {
        parts.push(msg!("diff-description-changed").render(lang));
    }
    parts.join("; ")
}

/// A header declaration's stable name ([`chiso::diff::HeaderChange::what`]) in the reader's
/// words: the fixed names by catalogue, the named ones (`grade Tốt`, `rounding ratio`,
/// `penalty P1`) with their name.
fn header_what(what: &str) -> Message {
    let fixed = match what {
        "total" => Some("diff-h-total"),
        "year" => Some("diff-h-year"),
        "decree" => Some("diff-h-decree"),
        "level" => Some("diff-h-level"),
        "grade on" => Some("diff-h-grade-on"),
        "bonus max" => Some("diff-h-bonus-max"),
        "penalty max" => Some("diff-h-penalty-max"),
        "bonus above max" => Some("diff-h-bonus-above-max"),
        "floor" => Some("diff-h-floor"),
        "display places" => Some("diff-h-display-places"),
        "percent from rounded total" => Some("diff-h-percent-from-rounded-total"),
        "zero denominator" => Some("diff-h-zero-denominator"),
        "stages" => Some("diff-h-stages"),
        "groups" => Some("diff-h-groups"),
        _ => None,
    };
    if let Some(id) = fixed {
        return Message::new(id);
    }
    let named = [
        ("grade ", "diff-h-grade"),
        ("rounding ", "diff-h-rounding"),
        ("count ", "diff-h-count"),
        ("share ", "diff-h-share"),
        ("bonus ", "diff-h-bonus-item"),
        ("penalty ", "diff-h-penalty-item"),
    ];
    for (prefix, id) in named {
        if let Some(name) = what.strip_prefix(prefix) {
            return Message::new(id).arg("name", word(name));
        }
    }
    Message::from(what)
}

/// A word of the language inside a header name or a change (a count, a source, a rounding
/// target) in the reader's words; any other text (a grade's name, an item's id) as written.
fn word(w: &str) -> Message {
    match w {
        "areas" => msg!("diff-word-areas"),
        "criteria" => msg!("diff-word-criteria"),
        "sub-criteria" => msg!("diff-word-subcriteria"),
        "self" => msg!("diff-word-self"),
        "survey" => msg!("diff-word-survey"),
        "satisfaction" => msg!("diff-word-satisfaction"),
        "ratio" => msg!("diff-word-ratio"),
        "score" => msg!("diff-word-score"),
        "total" => msg!("diff-word-total"),
        "percent" => msg!("diff-word-percent"),
        _ => Message::from(w),
    }
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

/// A number as the reader's language writes it (`1,5` in Vietnamese).
fn num(v: Decimal, lang: Lang) -> String {
    chiso::text::format_number(v, chiso::message::number_style(lang))
}

fn pct(v: Option<Decimal>, lang: Lang) -> String {
    v.map(|p| format!("{}%", num(p, lang)))
        .unwrap_or_else(|| "—".into())
}

fn signed(v: Decimal, lang: Lang) -> String {
    if v > Decimal::ZERO {
        format!("+{}", num(v, lang))
    } else {
        num(v, lang)
    }
}

/// Lines of the structural diff (shared by text and Markdown; `md` adds list bullets).
fn lines(s: &Sides, d: &RulesetDiff, md: bool, lang: Lang) -> Vec<String> {
    let bullet = if md { "- " } else { "  " };
    let head = |id: &'static str| {
        let t = Message::new(id).render(lang);
        if md {
            format!("\n## {t}\n")
        } else {
            format!("\n{t}")
        }
    };
    let mut out = Vec::new();
    let count = d.changed().count();
    out.push(
        msg!(
            "diff-summary",
            matched = d.matched.len(),
            changed = count,
            removed = d.removed.len(),
            added = d.added.len(),
            split = d.splits.len(),
            merged = d.merges.len(),
            header = d.header.len(),
            inputs = d.inputs.len()
        )
        .render(lang),
    );
    if !d.header.is_empty() {
        out.push(head("diff-head-header"));
        for h in &d.header {
            out.push(format!(
                "{bullet}{}: {} → {}",
                header_what(&h.what).render(lang),
                value(&h.old_text, lang),
                value(&h.new_text, lang)
            ));
        }
    }
    if count > 0 {
        out.push(head("diff-head-changed"));
        for m in d.changed() {
            out.push(format!("{bullet}{}", node_label(s.new, m.new)));
            for c in &m.changes {
                let sub = if md { "  - " } else { "      " };
                out.push(format!("{sub}{}", change_line(s, m, c, lang)));
            }
        }
    }
    if !d.splits.is_empty() || !d.merges.is_empty() {
        out.push(head("diff-head-splits"));
        for (o, ns) in &d.splits {
            out.push(format!(
                "{bullet}{}",
                msg!(
                    "diff-split",
                    old = node_label(s.old, *o),
                    new = ids(s.new, ns)
                )
                .render(lang)
            ));
        }
        for (os, n) in &d.merges {
            out.push(format!(
                "{bullet}{}",
                msg!(
                    "diff-merged",
                    old = ids(s.old, os),
                    new = node_label(s.new, *n)
                )
                .render(lang)
            ));
        }
    }
    let with_max = |r: &Ruleset, i: usize| {
        msg!(
            "diff-node-max",
            node = node_label(r, i),
            max = r.nodes[i].max
        )
        .render(lang)
    };
    if !d.removed.is_empty() {
        out.push(head("diff-head-removed"));
        for i in &d.removed {
            out.push(format!("{bullet}{}", with_max(s.old, *i)));
        }
    }
    if !d.added.is_empty() {
        out.push(head("diff-head-added"));
        for i in &d.added {
            out.push(format!("{bullet}{}", with_max(s.new, *i)));
        }
    }
    if !d.inputs.is_empty() {
        out.push(head("diff-head-inputs"));
        for c in &d.inputs {
            out.push(format!("{bullet}{}", input_text(s, c, lang)));
        }
    }
    out
}

fn impact_lines(imp: &Impact, md: bool, lang: Lang) -> Vec<String> {
    let t = |id: &'static str| Message::new(id).render(lang);
    let mut out = Vec::new();
    out.push(if md {
        format!("\n## {}\n", t("diff-head-impact"))
    } else {
        format!("\n{}", t("diff-head-impact"))
    });
    if md {
        out.push(format!("| {} |", t("diff-impact-columns")));
        out.push("|---|---|---|---|---|---|---|---|".into());
    }
    for u in &imp.units {
        let rank = |r: Option<usize>| r.map(|r| format!("#{r}")).unwrap_or_else(|| "—".into());
        let mut change = u
            .percent_change()
            .map(|c| msg!("diff-points-of-percent", change = signed(c, lang)).render(lang))
            .unwrap_or_else(|| "—".into());
        if let (Some(a), Some(b)) = (u.old.rank, u.new.rank) {
            if a != b {
                change.push_str("; ");
                change.push_str(&msg!("diff-rank-change", old = a, new = b).render(lang));
            }
        }
        if u.old.grade != u.new.grade && u.new.complete {
            change.push_str("; ");
            change.push_str(
                &msg!(
                    "diff-grade-change",
                    old = u.old.grade.as_deref().unwrap_or("—"),
                    new = u.new.grade.as_deref().unwrap_or("—")
                )
                .render(lang),
            );
        }
        let show = |x: &chiso::diff::impact::Scored| {
            if x.complete {
                format!(
                    "{}/{} = {}",
                    num(x.achieved, lang),
                    num(x.max, lang),
                    pct(x.percent, lang)
                )
            } else {
                msg!(
                    "diff-incomplete",
                    achieved = num(x.partial.0, lang),
                    max = num(x.partial.1, lang),
                    percent = pct(x.partial_percent, lang)
                )
                .render(lang)
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
                "    {}: {old} {} {}",
                t("diff-old"),
                g(&u.old.grade),
                rank(u.old.rank)
            ));
            out.push(format!(
                "    {}: {new} {} {}",
                t("diff-new"),
                g(&u.new.grade),
                rank(u.new.rank)
            ));
            out.push(format!("    {}: {change}", t("diff-change")));
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
                    .map(|v| num(v, lang))
                    .unwrap_or_else(|| "—".into()),
                d.new_points
                    .map(|v| num(v, lang))
                    .unwrap_or_else(|| "—".into()),
                signed(d.delta, lang)
            ));
        }
        if u.drivers.len() > 8 {
            block.push(format!(
                "{bullet}{}",
                msg!("diff-more", count = u.drivers.len() - 8).render(lang)
            ));
        }
        for (name, ids) in &u.missing_inputs {
            block.push(format!(
                "{bullet}{}",
                msg!(
                    "diff-missing-input",
                    name = name.as_str(),
                    ids = ids.join(", ")
                )
                .render(lang)
            ));
        }
        if !u.missing_points.is_empty() {
            block.push(format!(
                "{bullet}{}",
                msg!("diff-no-points-carried", ids = u.missing_points.join(", ")).render(lang)
            ));
        }
        for r in &u.rescaled {
            block.push(format!(
                "{bullet}{}",
                msg!("diff-carried-in-proportion", what = r.clone()).render(lang)
            ));
        }
        if !u.dropped.is_empty() {
            block.push(format!(
                "{bullet}{}",
                msg!("diff-dropped", what = u.dropped.clone()).render(lang)
            ));
        }
        if !block.is_empty() {
            out.push(if md {
                format!("\n### {}\n", u.unit)
            } else {
                format!(
                    "  {}",
                    msg!("diff-drivers-and-gaps", unit = u.unit.as_str()).render(lang)
                )
            });
            out.extend(block);
        }
    }
    let (up, down, same) = imp.gainers_losers();
    out.push(String::new());
    let list = |v: &[&str]| {
        if v.is_empty() {
            t("diff-none")
        } else {
            v.join(", ")
        }
    };
    out.push(
        msg!(
            "diff-gain-lose",
            up = list(&up),
            down = list(&down),
            same = list(&same)
        )
        .render(lang),
    );
    out
}

/// Plain text for a terminal, in the reader's language.
pub fn text(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>, lang: Lang) -> String {
    let mut out = vec![format!("{} → {}", s.old_name, s.new_name)];
    out.extend(lines(s, d, false, lang));
    if let Some(imp) = impact {
        out.extend(impact_lines(imp, false, lang));
    }
    out.join("\n") + "\n"
}

/// Markdown, in the reader's language.
pub fn markdown(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>, lang: Lang) -> String {
    let mut out = vec![format!("# {} → {}\n", s.old_name, s.new_name)];
    out.extend(lines(s, d, true, lang));
    if let Some(imp) = impact {
        out.extend(impact_lines(imp, true, lang));
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
            // The stable JSON keeps English details (docs/diff.md).
            let details: Vec<String> = r.details.iter().map(Message::en).collect();
            json!({"kind": c.kind(), "old": r.old, "new": r.new, "details": details})
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
                "dropped": u.dropped.iter().map(Message::en).collect::<Vec<_>>(),
                "rescaled": u.rescaled.iter().map(Message::en).collect::<Vec<_>>(),
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
pub fn html(s: &Sides, d: &RulesetDiff, impact: Option<&Impact>, lang: Lang) -> String {
    let t = |id: &'static str| esc(&Message::new(id).render(lang));
    let mut h = String::new();
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">",
        match lang {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    ));
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
    let summary = lines(s, d, false, lang);
    h.push_str(&format!("<p>{}</p>\n", esc(&summary[0])));
    if !d.header.is_empty() {
        h.push_str(&format!(
            "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            t("diff-head-header"),
            t("diff-what"),
            t("diff-old"),
            t("diff-new")
        ));
        for c in &d.header {
            h.push_str(&format!(
                "<tr class=\"chg\"><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&header_what(&c.what).render(lang)),
                esc(&value(&c.old_text, lang)),
                esc(&value(&c.new_text, lang))
            ));
        }
        h.push_str("</table>\n");
    }
    h.push_str(&format!(
        "<h2>{}</h2><table><tr><th>{old}</th><th>{max}</th><th>{new}</th><th>{max}</th><th>{}</th></tr>\n",
        t("diff-criteria"),
        t("diff-changes"),
        old = t("diff-old"),
        new = t("diff-new"),
        max = t("diff-max-column"),
    ));
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
            num(n.max, lang)
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
                    "<tr class=\"del\">{}{empty}<td>{}</td></tr>",
                    cell(s.old, i),
                    t("diff-removed")
                ));
            }
            placed_old[m.old] = true;
            let class = if m.changes.is_empty() { "same" } else { "chg" };
            let changes: String = m
                .changes
                .iter()
                .map(|c| format!("<li>{}</li>", esc(&change_line(s, m, c, lang))))
                .collect();
            rows.push(format!(
                "<tr class=\"{class}\">{}{}<td><ul>{changes}</ul></td></tr>",
                cell(s.old, m.old),
                cell(s.new, j)
            ));
        } else if let Some((o, _)) = d.splits.iter().find(|(_, ns)| ns.contains(&j)) {
            rows.push(format!(
                "<tr class=\"chg\">{}{}<td>{}</td></tr>",
                empty,
                cell(s.new, j),
                esc(&msg!("diff-split-of", id = s.old.nodes[*o].id.as_str()).render(lang))
            ));
        } else if let Some((os, _)) = d.merges.iter().find(|(_, n)| *n == j) {
            rows.push(format!(
                "<tr class=\"chg\">{}{}<td>{}</td></tr>",
                empty,
                cell(s.new, j),
                esc(&msg!("diff-merges", ids = ids(s.old, os)).render(lang))
            ));
        } else {
            rows.push(format!(
                "<tr class=\"add\">{empty}{}<td>{}</td></tr>",
                cell(s.new, j),
                t("diff-added")
            ));
        }
    }
    for (i, placed) in placed_old.iter().enumerate() {
        if !placed && !d.matched.iter().any(|m| m.old == i) {
            let what = if d.removed.contains(&i) {
                msg!("diff-removed")
            } else if let Some((_, ns)) = d.splits.iter().find(|(o, _)| *o == i) {
                msg!("diff-split-into", ids = ids(s.new, ns))
            } else {
                msg!("diff-merged-away")
            };
            rows.push(format!(
                "<tr class=\"del\">{}{empty}<td>{}</td></tr>",
                cell(s.old, i),
                esc(&what.render(lang))
            ));
        }
    }
    h.push_str(&rows.join("\n"));
    h.push_str("\n</table>\n");
    if !d.inputs.is_empty() {
        h.push_str(&format!("<h2>{}</h2><ul>\n", t("diff-head-inputs")));
        for c in &d.inputs {
            h.push_str(&format!("<li>{}</li>\n", esc(&input_text(s, c, lang))));
        }
        h.push_str("</ul>\n");
    }
    if let Some(imp) = impact {
        h.push_str(&format!("<h2>{}</h2><pre>", t("diff-head-impact")));
        h.push_str(&esc(&impact_lines(imp, false, lang).join("\n")));
        h.push_str("</pre>\n");
    }
    h.push_str("</body></html>\n");
    h
}
