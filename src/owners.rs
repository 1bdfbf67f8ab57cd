//! Owners (đơn vị chủ trì): which office answers for a criterion or an input. The one answer
//! for forms, merges, to-do lists of missing data, lost-points tables and hovers.
//!
//! A node's owner is its own `chủ trì` or its nearest ancestor's. One owner string may name
//! several offices separated by `;` ("Phòng Nội vụ; Phòng Văn hóa - Thông tin"). An input
//! without an owner of its own belongs to the owners of the criteria whose rule or
//! not-evaluated condition reads it (seed 001 assigns criteria, not figures), and to the
//! owners of the bonus and penalty items that read it.

use crate::eval::inputs_of;
use crate::model::{Rule, Ruleset};
use crate::text::fold;

/// An office's comparison key: folded, dashes and `&`/`và` unified, spaces collapsed.
pub(crate) fn office_key(name: &str) -> String {
    let folded = fold(name)
        .replace(['–', '—', '‐'], "-")
        .replace('&', " va ");
    let spaced = folded.replace('-', " - ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The offices an owner string names, in order: `"A; B"` → `["A", "B"]`.
pub fn offices(owner: &str) -> Vec<String> {
    owner
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The owner string in force for a node (index into `ruleset.nodes`): its own, or its
/// nearest ancestor's; `None` when no ancestor names one.
pub fn node_owner(ruleset: &Ruleset, node: usize) -> Option<&str> {
    let mut current = Some(node);
    while let Some(i) = current {
        if let Some(owner) = &ruleset.nodes[i].owner {
            return Some(owner);
        }
        current = ruleset.nodes[i].parent;
    }
    None
}

/// The offices that own a node (see [`node_owner`]); empty when none is named.
pub fn node_offices(ruleset: &Ruleset, node: usize) -> Vec<String> {
    node_owner(ruleset, node).map(offices).unwrap_or_default()
}

/// For each input slot, the nodes (indices into `ruleset.nodes`) whose rule or
/// not-evaluated condition reads it.
pub fn users_of_inputs(ruleset: &Ruleset) -> Vec<Vec<usize>> {
    let mut users = vec![Vec::new(); ruleset.inputs.len()];
    for (index, node) in ruleset.nodes.iter().enumerate() {
        let mut slots = Vec::new();
        if let Some(Rule::Formula(e)) = &node.rule {
            inputs_of(e, &mut slots);
        }
        if let Some(c) = node
            .not_evaluated
            .as_ref()
            .and_then(|c| c.condition.as_ref())
        {
            inputs_of(c, &mut slots);
        }
        for s in slots {
            if !users[s].contains(&index) {
                users[s].push(index);
            }
        }
    }
    users
}

/// For each input slot, the bonus and penalty items (indices into `ruleset.adjustments`)
/// whose rule reads it.
pub fn items_of_inputs(ruleset: &Ruleset) -> Vec<Vec<usize>> {
    let mut items = vec![Vec::new(); ruleset.inputs.len()];
    for (index, item) in ruleset.adjustments.iter().enumerate() {
        let mut slots = Vec::new();
        inputs_of(&item.rule, &mut slots);
        for s in slots {
            if s < items.len() && !items[s].contains(&index) {
                items[s].push(index);
            }
        }
    }
    items
}

/// What reads an input, by id: the criteria of `users` (from [`users_of_inputs`]), then the
/// bonus and penalty items of `items` (from [`items_of_inputs`]): "2.1, P1".
pub fn reader_ids(
    ruleset: &Ruleset,
    slot: usize,
    users: &[Vec<usize>],
    items: &[Vec<usize>],
) -> Vec<String> {
    let criteria = users[slot].iter().map(|&n| ruleset.nodes[n].id.clone());
    let adjustments = items[slot]
        .iter()
        .map(|&i| ruleset.adjustments[i].id.clone());
    criteria.chain(adjustments).collect()
}

/// The offices an input (by slot) belongs to: its own owner's, else those of the nodes that
/// read it (`users` from [`users_of_inputs`]), each office once.
pub fn input_offices(ruleset: &Ruleset, slot: usize, users: &[Vec<usize>]) -> Vec<String> {
    if let Some(owner) = &ruleset.inputs[slot].owner {
        return offices(owner);
    }
    let mut out: Vec<String> = Vec::new();
    let mut add = |o: String| {
        if !out.iter().any(|x| office_key(x) == office_key(&o)) {
            out.push(o);
        }
    };
    for &node in &users[slot] {
        node_offices(ruleset, node).into_iter().for_each(&mut add);
    }
    // A bonus or penalty item outside the tree that reads it, with its own owner.
    for item in &ruleset.adjustments {
        let mut slots = Vec::new();
        inputs_of(&item.rule, &mut slots);
        if slots.contains(&slot) {
            item.owner
                .iter()
                .flat_map(|o| offices(o))
                .for_each(&mut add);
        }
    }
    out
}

/// [`input_offices`] for one input, as the checked ruleset holds it
/// ([`Ruleset::input_owners`]).
pub fn input_owners(ruleset: &Ruleset, slot: usize) -> Vec<String> {
    ruleset.input_owners.get(slot).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_input_belongs_to_its_own_owner_or_to_the_owners_of_its_criteria() {
        let analysis = crate::analyze(
            "ruleset \"T\" {\n  total 3\n  zero denominator: not evaluated\n}\n\
             input a: count owner \"Phòng Nội vụ\"\n\
             input b: count\n\
             input c: count\n\
             area 1 \"A\" max 3 {\n\
               owner \"Văn phòng; Phòng Tư pháp\"\n\
               criterion 1.1 \"X\" max 1 {\n    score = ratio(b, c) * max\n  }\n\
               criterion 1.2 \"Y\" max 2 {\n    owner \"Phòng Nội vụ\"\n    score = ratio(a, c) * max\n  }\n\
             }\n",
        );
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        let rs = &analysis.ruleset;
        let slot = |name: &str| rs.inputs.iter().position(|i| i.name == name).unwrap();
        assert_eq!(input_owners(rs, slot("a")), ["Phòng Nội vụ"]);
        // b is read by 1.1, owned through its area by two offices.
        assert_eq!(input_owners(rs, slot("b")), ["Văn phòng", "Phòng Tư pháp"]);
        // c is read by 1.1 and 1.2: the area's two offices, then Nội vụ.
        assert_eq!(
            input_owners(rs, slot("c")),
            ["Văn phòng", "Phòng Tư pháp", "Phòng Nội vụ"]
        );
        let node = |id: &str| rs.nodes.iter().position(|n| n.id == id).unwrap();
        assert_eq!(
            node_owner(rs, node("1.1")),
            Some("Văn phòng; Phòng Tư pháp")
        );
        assert_eq!(node_owner(rs, node("1.2")), Some("Phòng Nội vụ"));
    }

    #[test]
    fn an_input_only_a_penalty_item_reads_belongs_to_the_item_s_owner() {
        let analysis = crate::analyze(
            "ruleset \"T\" {}\ninput v: count default 0\n\
             area 1 \"A\" max 1 { criterion 1.1 \"X\" max 1 }\n\
             penalty P1 \"Kỷ luật\" {\n  owner \"Phòng Nội vụ\"\n  score = v * 1\n}\n",
        );
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        assert_eq!(input_owners(&analysis.ruleset, 0), ["Phòng Nội vụ"]);
    }
}
