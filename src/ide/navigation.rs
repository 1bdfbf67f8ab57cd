//! Go to definition, find references and rename, for inputs and criterion ids.

use super::{target_at, Target, TextEdit};
use crate::diagnostic::Span;
use crate::text::{fold, name_key};
use crate::Analysis;

/// Where the input or node named at `offset` is declared.
pub fn definition(analysis: &Analysis, source: &str, offset: usize) -> Option<Span> {
    match target_at(analysis, source, offset)?.0 {
        Target::Input(slot) => Some(analysis.ruleset.inputs[slot].name_span.clone()),
        Target::Node(index) => Some(analysis.ruleset.nodes[index].id_span.clone()),
        _ => None,
    }
}

/// Every place the input or node named at `offset` is written, in text order.
pub fn references(
    analysis: &Analysis,
    source: &str,
    offset: usize,
    include_declaration: bool,
) -> Vec<Span> {
    let Some((target, _)) = target_at(analysis, source, offset) else {
        return Vec::new();
    };
    let mut out = match target {
        Target::Input(slot) => {
            let mut spans: Vec<Span> = analysis
                .references
                .inputs
                .iter()
                .filter(|r| r.slot == slot)
                .map(|r| r.span.clone())
                .collect();
            if include_declaration {
                spans.push(analysis.ruleset.inputs[slot].name_span.clone());
            }
            spans
        }
        Target::Node(index) => {
            let mut spans: Vec<Span> = analysis
                .references
                .nodes
                .iter()
                .filter(|r| r.node == index)
                .map(|r| r.span.clone())
                .collect();
            if include_declaration {
                spans.push(analysis.ruleset.nodes[index].id_span.clone());
            }
            spans
        }
        _ => Vec::new(),
    };
    out.sort_by_key(|s| s.start);
    out.dedup();
    out
}

/// The name at `offset` if it can be renamed, with its current text.
pub fn prepare_rename(analysis: &Analysis, source: &str, offset: usize) -> Option<(Span, String)> {
    match target_at(analysis, source, offset)? {
        (Target::Input(_) | Target::Node(_), span) => {
            Some((span.clone(), source[span].to_string()))
        }
        _ => None,
    }
}

/// The edits that rename the input or node at `offset` everywhere: its declaration, its uses
/// in rules and conditions, and in tests. Renaming a node renumbers its descendants too
/// (1.3 → 1.4 makes 1.3.1 → 1.4.1), since a child's id starts with its parent's. A refusal
/// says why, rendered in the reader's language by the caller.
pub fn rename(
    analysis: &Analysis,
    source: &str,
    offset: usize,
    new_name: &str,
) -> Result<Vec<TextEdit>, crate::message::Message> {
    let Some((target, _)) = target_at(analysis, source, offset) else {
        return Err(crate::msg!("rename-nothing-here"));
    };
    let new_name = new_name.trim();
    let rs = &analysis.ruleset;
    let mut edits = Vec::new();
    match target {
        Target::Input(slot) => {
            if !is_valid_name(new_name) {
                return Err(crate::msg!("rename-bad-input-name", name = new_name));
            }
            let key = name_key(new_name);
            if rs
                .inputs
                .iter()
                .enumerate()
                .any(|(i, input)| i != slot && input.key == key)
            {
                return Err(crate::msg!("rename-input-exists", name = new_name));
            }
            for span in references(analysis, source, rs.inputs[slot].name_span.start, true) {
                edits.push(TextEdit {
                    span,
                    new_text: new_name.to_string(),
                });
            }
        }
        Target::Node(index) => {
            if !is_valid_id(new_name) {
                return Err(crate::msg!("rename-bad-id", id = new_name));
            }
            let old = rs.nodes[index].id.clone();
            let subtree: Vec<usize> = (0..rs.nodes.len())
                .filter(|&i| rs.path(i).contains(&index))
                .collect();
            let renamed =
                |id: &str| format!("{new_name}{}", id.strip_prefix(old.as_str()).unwrap_or(""));
            for (i, node) in rs.nodes.iter().enumerate() {
                if !subtree.contains(&i)
                    && subtree.iter().any(|&s| renamed(&rs.nodes[s].id) == node.id)
                {
                    return Err(crate::msg!("rename-id-used", id = node.id.as_str()));
                }
            }
            for &i in &subtree {
                let node = &rs.nodes[i];
                if !node.id.starts_with(old.as_str()) {
                    continue; // a misnumbered child (already reported): leave it
                }
                let new_id = renamed(&node.id);
                edits.push(TextEdit {
                    span: node.id_span.clone(),
                    new_text: new_id.clone(),
                });
                for r in analysis.references.nodes.iter().filter(|r| r.node == i) {
                    edits.push(TextEdit {
                        span: r.span.clone(),
                        new_text: new_id.clone(),
                    });
                }
            }
        }
        _ => return Err(crate::msg!("rename-only-inputs-and-ids")),
    }
    edits.sort_by_key(|e| e.span.start);
    edits.dedup();
    Ok(edits)
}

/// What the grammar takes as a name: a letter or `_`, then letters, marks, digits, `_`, and not
/// a reserved word.
pub(crate) fn is_valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    const RESERVED: &[&str] = &[
        "and",
        "or",
        "not",
        "if",
        "then",
        "else",
        "yes",
        "no",
        "true",
        "false",
        "va",
        "hoac",
        "neu",
        "thi",
        "co",
        "khong",
        "dung",
        "sai",
        "max",
        "bands",
        "bac",
        "otherwise",
        "awarded",
        "date",
        "ngay",
    ];
    first_ok
        && chars.all(|c| c.is_alphanumeric() || c == '_' || crate::text::fold_char(c).is_none())
        && !RESERVED.contains(&fold(name).as_str())
}

/// A node id: ASCII letters or digits, in dot-separated parts.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('.')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphanumeric()))
}
