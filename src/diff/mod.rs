//! What changed between two years' rulesets (`chiso diff`): criteria matched by id and by
//! title, per-criterion changes, header changes, input changes ([`compare`]); and what the
//! change does to last year's units ([`impact`]).
//!
//! # Matching
//!
//! 1. A [`Mapping`] given by the user is obeyed first: its pairs are matched, its removals and
//!    additions stay unmatched, its splits and merges are reported as such.
//! 2. Every remaining (old, new) pair gets the title [`similar::similarity`] (per mille). Pairs
//!    are taken best first (similarity, plus 150 when the ids are equal, plus 50 when the levels
//!    are equal), each node at most once, when the ids are equal and the similarity is at least
//!    350, or the similarity is at least 700 and the levels are equal. So "2.3 → 2.4, same title" is a
//!    renumbering (the levels must then be equal), and an id reused for another criterion is a removal plus an addition.
//! 3. A split: an old node and at least two new nodes (unmatched, or matched to it) whose
//!    words are each at least 70% words of the old title, at least one of them unmatched.
//!    A merge is the same the other way round.
//!
//! Inputs are matched by name (name key) — a type change is then "retyped"; the rest, of the
//! same type, by description similarity (at least 700, or 350 when used by matched criteria),
//! then reported renamed.

pub mod impact;
pub mod mapping;
pub mod similar;

pub use impact::{impact, Impact, UnitImpact};
pub use mapping::Mapping;

use crate::message::Message;
use crate::model::{CExpr, CExprKind, InputType, Node, Rule, Ruleset};
use crate::msg;
use crate::syntax::ast::HeaderItem;
use crate::Analysis;
use rust_decimal::Decimal;
use similar::TitleWords;
use std::collections::{BTreeMap, BTreeSet};

/// How a pair of criteria was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchHow {
    /// Same id and a similar title.
    IdAndTitle,
    /// Different ids, similar titles: a renumbering.
    Title,
    /// The user's mapping file said so.
    Mapping,
}

impl MatchHow {
    /// `id+title`, `title`, `mapping`.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchHow::IdAndTitle => "id+title",
            MatchHow::Title => "title",
            MatchHow::Mapping => "mapping",
        }
    }
}

/// One change of a matched criterion.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Renumbered: old id, new id.
    Id(String, String),
    /// The title's wording changed (NFC, spacing and case aside).
    Title(String, String),
    /// The maximum changed.
    Max(Decimal, Decimal),
    /// The owner in force (own or inherited) changed (compared by folded words, `&` = `và`).
    Owner(Option<String>, Option<String>),
    /// The score source (self, survey, satisfaction) changed.
    Source(String, String),
    /// The rule changed.
    Rule(RuleChange),
    /// The not-evaluated condition changed: each side described ("when … because …").
    NotEvaluated(Option<String>, Option<String>),
    /// The bonus flag changed.
    Bonus(bool, bool),
    /// Moved under another parent: old parent id, new parent id, whether the area changed.
    Moved(String, String, bool),
}

impl Change {
    /// A stable machine word: `id`, `title`, `max`, `owner`, `source`, `rule`,
    /// `not_evaluated`, `bonus`, `moved`.
    pub fn kind(&self) -> &'static str {
        match self {
            Change::Id(..) => "id",
            Change::Title(..) => "title",
            Change::Max(..) => "max",
            Change::Owner(..) => "owner",
            Change::Source(..) => "source",
            Change::Rule(..) => "rule",
            Change::NotEvaluated(..) => "not_evaluated",
            Change::Bonus(..) => "bonus",
            Change::Moved(..) => "moved",
        }
    }

    /// What kind of change, in the reader's words ("mã số", "điểm thưởng"; in English the
    /// machine word of [`Change::kind`]).
    pub fn kind_message(&self) -> Message {
        match self {
            Change::Id(..) => msg!("diff-kind-id"),
            Change::Title(..) => msg!("diff-kind-title"),
            Change::Max(..) => msg!("diff-kind-max"),
            Change::Owner(..) => msg!("diff-kind-owner"),
            Change::Source(..) => msg!("diff-kind-source"),
            Change::Rule(..) => msg!("diff-kind-rule"),
            Change::NotEvaluated(..) => msg!("diff-kind-not-evaluated"),
            Change::Bonus(..) => msg!("diff-kind-bonus"),
            Change::Moved(..) => msg!("diff-kind-moved"),
        }
    }
}

/// A rule's change: both texts and what differs.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleChange {
    /// The old rule's text: a formula as written, `awarded` (council points); `None`: a
    /// parent's sum.
    pub old: Option<String>,
    /// The new rule's text.
    pub new: Option<String>,
    /// What differs, in words: "band edge 50% → 60%", "factor 2 → 3", "new input x", ….
    pub details: Vec<Message>,
}

/// A matched pair of criteria and how they differ.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeMatch {
    /// Node index in the old ruleset.
    pub old: usize,
    /// Node index in the new ruleset.
    pub new: usize,
    /// How the pair was found.
    pub how: MatchHow,
    /// Title similarity, per mille.
    pub similarity: u32,
    /// Every change, in the order of [`Change`]'s variants; empty: unchanged.
    pub changes: Vec<Change>,
}

/// One header declaration that changed: a stable name (`total`, `count criteria`,
/// `share survey`, `grade Tốt`, `rounding ratio`, `percent from rounded total`,
/// `zero denominator`, `year`, `decree`, `level`, `stages`, `groups`) and both sides as
/// written.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderChange {
    /// What changed.
    pub what: String,
    /// The old value, `None` when not declared.
    pub old: Option<String>,
    /// The new value, `None` when not declared.
    pub new: Option<String>,
    /// The old value in the reader's words (numbers as the reader writes them).
    pub old_text: Option<Message>,
    /// The new value in the reader's words.
    pub new_text: Option<Message>,
}

/// An input that was added, removed, renamed or retyped.
#[derive(Debug, Clone, PartialEq)]
pub struct InputChange {
    /// Slot in the old ruleset (`None`: added).
    pub old: Option<usize>,
    /// Slot in the new ruleset (`None`: removed).
    pub new: Option<usize>,
    /// The name differs.
    pub renamed: bool,
    /// The type differs: old, new.
    pub retyped: Option<(String, String)>,
    /// The description differs.
    pub described: bool,
}

impl InputChange {
    /// `added`, `removed`, `renamed`, `retyped` or `changed` (description only); renamed
    /// wins over retyped when both.
    pub fn kind(&self) -> &'static str {
        match (self.old, self.new) {
            (None, _) => "added",
            (_, None) => "removed",
            _ if self.renamed => "renamed",
            _ if self.retyped.is_some() => "retyped",
            _ => "changed",
        }
    }
}

/// The structural difference of two rulesets.
#[derive(Debug, Clone, PartialEq)]
pub struct RulesetDiff {
    /// Header declarations that differ.
    pub header: Vec<HeaderChange>,
    /// Matched criteria, in the new ruleset's order (unchanged ones too).
    pub matched: Vec<NodeMatch>,
    /// Old nodes with no counterpart (not part of a split or merge), in old order.
    pub removed: Vec<usize>,
    /// New nodes with no counterpart (not part of a split or merge), in new order.
    pub added: Vec<usize>,
    /// An old node split into several new ones.
    pub splits: Vec<(usize, Vec<usize>)>,
    /// Several old nodes merged into one new one.
    pub merges: Vec<(Vec<usize>, usize)>,
    /// Inputs added, removed, renamed, retyped (unchanged ones left out).
    pub inputs: Vec<InputChange>,
    /// For each old input slot, its new slot.
    pub input_map: Vec<Option<usize>>,
}

impl RulesetDiff {
    /// The match of an old node, if any.
    pub fn new_of(&self, old: usize) -> Option<usize> {
        self.matched.iter().find(|m| m.old == old).map(|m| m.new)
    }

    /// The match of a new node, if any.
    pub fn old_of(&self, new: usize) -> Option<usize> {
        self.matched.iter().find(|m| m.new == new).map(|m| m.old)
    }

    /// The pairs that changed.
    pub fn changed(&self) -> impl Iterator<Item = &NodeMatch> {
        self.matched.iter().filter(|m| !m.changes.is_empty())
    }

    /// Whether nothing differs at all.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty()
            && self.changed().next().is_none()
            && self.removed.is_empty()
            && self.added.is_empty()
            && self.splits.is_empty()
            && self.merges.is_empty()
            && self.inputs.is_empty()
    }

    /// The mapping this diff used, as a [`Mapping`] (to write, review and pass back).
    pub fn to_mapping(&self, old: &Ruleset, new: &Ruleset) -> Mapping {
        let mut entries = Vec::new();
        for m in &self.matched {
            entries.push((
                vec![old.nodes[m.old].id.clone()],
                vec![new.nodes[m.new].id.clone()],
            ));
        }
        for (o, ns) in &self.splits {
            entries.push((
                vec![old.nodes[*o].id.clone()],
                ns.iter().map(|n| new.nodes[*n].id.clone()).collect(),
            ));
        }
        for (os, n) in &self.merges {
            entries.push((
                os.iter().map(|o| old.nodes[*o].id.clone()).collect(),
                vec![new.nodes[*n].id.clone()],
            ));
        }
        for o in &self.removed {
            entries.push((vec![old.nodes[*o].id.clone()], vec![]));
        }
        for n in &self.added {
            entries.push((vec![], vec![new.nodes[*n].id.clone()]));
        }
        let mut inputs = Vec::new();
        for c in &self.inputs {
            if c.renamed || c.old.is_none() || c.new.is_none() {
                inputs.push((
                    c.old.map(|i| old.inputs[i].name.clone()),
                    c.new.map(|i| new.inputs[i].name.clone()),
                ));
            }
        }
        Mapping { entries, inputs }
    }
}

/// What a node of the new ruleset was in last year's, for a hover: "was 1.5 points as 2.3 in
/// 2023" ("năm 2023 là 2.3, 1,5 điểm"), with the kinds of change; "new: not in the 2023
/// ruleset" for an added node; "split from …", "merged from …". `None` for an index out of
/// range. The reader's language renders it.
pub fn was(diff: &RulesetDiff, old: &Ruleset, new: &Ruleset, node: usize) -> Option<Message> {
    new.nodes.get(node)?;
    let year = match old.meta.year {
        Some(y) => msg!("diff-in-year", year = y.to_string()),
        None => msg!("diff-in-last-year"),
    };
    if let Some(m) = diff.matched.iter().find(|m| m.new == node) {
        let before = &old.nodes[m.old];
        let kinds: Vec<Message> = m.changes.iter().map(Change::kind_message).collect();
        return Some(if kinds.is_empty() {
            msg!(
                "diff-was-unchanged",
                points = before.max,
                id = before.id.as_str(),
                year = year
            )
        } else {
            msg!(
                "diff-was-changed",
                points = before.max,
                id = before.id.as_str(),
                year = year,
                kinds = kinds
            )
        });
    }
    if let Some((o, _)) = diff.splits.iter().find(|(_, ns)| ns.contains(&node)) {
        let before = &old.nodes[*o];
        return Some(msg!(
            "diff-split-from",
            id = before.id.as_str(),
            points = before.max,
            year = year
        ));
    }
    if let Some((os, _)) = diff.merges.iter().find(|(_, n)| *n == node) {
        let parts: Vec<Message> = os
            .iter()
            .map(|o| {
                msg!(
                    "diff-id-points",
                    id = old.nodes[*o].id.as_str(),
                    points = old.nodes[*o].max
                )
            })
            .collect();
        return Some(msg!("diff-merged-from", parts = parts, year = year));
    }
    Some(match old.meta.year {
        Some(y) => msg!("diff-new-not-in-year", year = y.to_string()),
        None => msg!("diff-new-not-in-last-year"),
    })
}

/// Threshold (per mille) for a pair with equal ids.
pub const SAME_ID_THRESHOLD: u32 = 350;
/// Threshold (per mille) for a pair with different ids.
pub const TITLE_THRESHOLD: u32 = 700;
/// Share (per mille) of a part's words found in the whole, for splits and merges.
pub const PART_THRESHOLD: u32 = 700;

/// Compares two analysed rulesets. `mapping` overrides the guess for the ids it names; ids
/// it names that a ruleset lacks are returned as messages.
pub fn compare(
    old: &Analysis,
    new: &Analysis,
    mapping: Option<&Mapping>,
) -> (RulesetDiff, Vec<Message>) {
    let (o, n) = (&old.ruleset, &new.ruleset);
    let mut problems = Vec::new();
    let ow: Vec<TitleWords> = o.nodes.iter().map(|x| TitleWords::new(&x.title)).collect();
    let nw: Vec<TitleWords> = n.nodes.iter().map(|x| TitleWords::new(&x.title)).collect();
    let mut old_taken = vec![false; o.nodes.len()];
    let mut new_taken = vec![false; n.nodes.len()];
    let mut pairs: Vec<(usize, usize, MatchHow, u32)> = Vec::new();
    let mut splits = Vec::new();
    let mut merges = Vec::new();
    let mut removed = Vec::new();
    let mut added = Vec::new();

    // 1. The user's mapping.
    if let Some(mapping) = mapping {
        for (olds, news) in &mapping.entries {
            let find_old: Vec<usize> = olds
                .iter()
                .filter_map(|id| {
                    let i = o.node_index(id);
                    if i.is_none() {
                        problems.push(msg!("diff-mapping-no-old-criterion", id = id.as_str()));
                    }
                    i
                })
                .collect();
            let find_new: Vec<usize> = news
                .iter()
                .filter_map(|id| {
                    let i = n.node_index(id);
                    if i.is_none() {
                        problems.push(msg!("diff-mapping-no-new-criterion", id = id.as_str()));
                    }
                    i
                })
                .collect();
            if find_old.len() != olds.len() || find_new.len() != news.len() {
                continue;
            }
            if find_old.iter().any(|&i| old_taken[i]) || find_new.iter().any(|&i| new_taken[i]) {
                problems.push(msg!(
                    "diff-mapping-already-mapped",
                    old = olds.join(", "),
                    new = news.join(", ")
                ));
                continue;
            }
            find_old.iter().for_each(|&i| old_taken[i] = true);
            find_new.iter().for_each(|&i| new_taken[i] = true);
            match (find_old.as_slice(), find_new.as_slice()) {
                ([a], [b]) => pairs.push((*a, *b, MatchHow::Mapping, ow[*a].similarity(&nw[*b]))),
                ([a], []) => removed.push(*a),
                ([], [b]) => added.push(*b),
                ([a], many) => splits.push((*a, many.to_vec())),
                (many, [b]) => merges.push((many.to_vec(), *b)),
                _ => problems.push(msg!(
                    "diff-mapping-many-to-many",
                    old = olds.join(", "),
                    new = news.join(", ")
                )),
            }
        }
    }

    // 2. Best pairs first.
    let mut candidates: Vec<(u32, u32, usize, usize)> = Vec::new();
    for (i, a) in o.nodes.iter().enumerate() {
        if old_taken[i] {
            continue;
        }
        for (j, b) in n.nodes.iter().enumerate() {
            if new_taken[j] {
                continue;
            }
            let sim = ow[i].similarity(&nw[j]);
            let same_id = a.id == b.id;
            if (same_id && sim >= SAME_ID_THRESHOLD)
                || (sim >= TITLE_THRESHOLD && a.level == b.level)
            {
                let score =
                    sim + if same_id { 150 } else { 0 } + if a.level == b.level { 50 } else { 0 };
                candidates.push((score, sim, i, j));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.2.cmp(&y.2)).then(x.3.cmp(&y.3)));
    for (_, sim, i, j) in candidates {
        if old_taken[i] || new_taken[j] {
            continue;
        }
        old_taken[i] = true;
        new_taken[j] = true;
        let how = if o.nodes[i].id == n.nodes[j].id {
            MatchHow::IdAndTitle
        } else {
            MatchHow::Title
        };
        pairs.push((i, j, how, sim));
    }

    // 3. Splits and merges among what is left.
    let partner_new: BTreeMap<usize, (usize, u32)> =
        pairs.iter().map(|p| (p.0, (p.1, p.3))).collect();
    let partner_old: BTreeMap<usize, (usize, u32)> =
        pairs.iter().map(|p| (p.1, (p.0, p.3))).collect();
    for i in 0..o.nodes.len() {
        if let Some(parts) = pieces(
            i,
            &ow,
            &nw,
            &n.nodes,
            &old_taken,
            &new_taken,
            &partner_new,
            &partner_old,
        ) {
            old_taken[i] = true;
            parts.iter().for_each(|&j| new_taken[j] = true);
            splits.push((i, parts));
        }
    }
    for j in 0..n.nodes.len() {
        if let Some(parts) = pieces(
            j,
            &nw,
            &ow,
            &o.nodes,
            &new_taken,
            &old_taken,
            &partner_old,
            &partner_new,
        ) {
            new_taken[j] = true;
            parts.iter().for_each(|&i| old_taken[i] = true);
            merges.push((parts, j));
        }
    }
    // A pair inside a split or merge is reported there only.
    pairs.retain(|p| {
        !splits.iter().any(|(o, _)| *o == p.0) && !merges.iter().any(|(_, n)| *n == p.1)
    });
    removed.extend((0..o.nodes.len()).filter(|&i| !old_taken[i]));
    added.extend((0..n.nodes.len()).filter(|&j| !new_taken[j]));
    removed.sort_unstable();
    added.sort_unstable();
    pairs.sort_by_key(|p| p.1);

    let (inputs, input_map) = compare_inputs(o, n, &pairs, mapping, &mut problems);
    let node_map: BTreeMap<usize, usize> = pairs.iter().map(|p| (p.0, p.1)).collect();
    let matched = pairs
        .iter()
        .map(|&(i, j, how, similarity)| NodeMatch {
            old: i,
            new: j,
            how,
            similarity,
            changes: node_changes(o, n, i, j, &node_map, &input_map),
        })
        .collect();
    let diff = RulesetDiff {
        header: header_changes(old, new),
        matched,
        removed,
        added,
        splits,
        merges,
        inputs,
        input_map,
    };
    (diff, problems)
}

/// The pieces `whole` (a node of one side) was split into on the other side, if it was:
/// siblings on the other side, free or matched to `whole`, at least one free, each with at
/// least three words of which [`PART_THRESHOLD`] are words of the whole, together covering
/// [`PART_THRESHOLD`] of the whole's words; not when `whole` is matched to a near-identical
/// title (950), nor when the mapping placed it.
#[allow(clippy::too_many_arguments)]
fn pieces(
    whole: usize,
    whole_words: &[TitleWords],
    other_words: &[TitleWords],
    other_nodes: &[Node],
    whole_taken: &[bool],
    other_taken: &[bool],
    whole_partner: &BTreeMap<usize, (usize, u32)>,
    other_partner: &BTreeMap<usize, (usize, u32)>,
) -> Option<Vec<usize>> {
    match whole_partner.get(&whole) {
        Some((_, sim)) if *sim >= 950 => return None,
        None if whole_taken[whole] => return None,
        _ => {}
    }
    let w = &whole_words[whole].plain;
    let candidates: Vec<usize> = (0..other_nodes.len())
        .filter(|&j| {
            let free = !other_taken[j] || other_partner.get(&j).map(|p| p.0) == Some(whole);
            let part = &other_words[j].plain;
            free && part.len() >= 3 && similar::part_of(part, w) >= PART_THRESHOLD
        })
        .collect();
    // Group the candidates by parent; the best group is the one covering most of the whole.
    let mut groups: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    for j in candidates {
        groups.entry(other_nodes[j].parent).or_default().push(j);
    }
    groups
        .into_values()
        .filter(|g| g.len() >= 2 && g.iter().any(|j| !other_taken[*j]))
        .filter(|g| {
            let union: BTreeSet<String> = g
                .iter()
                .flat_map(|j| other_words[*j].plain.iter().cloned())
                .collect();
            similar::part_of(w, &union) >= PART_THRESHOLD
        })
        .max_by_key(|g| g.len())
}

/// Collapses spacing and normalises to NFC, for comparing texts as written.
fn normalise(text: &str) -> String {
    crate::text::name_key(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn node_changes(
    o: &Ruleset,
    n: &Ruleset,
    i: usize,
    j: usize,
    node_map: &BTreeMap<usize, usize>,
    input_map: &[Option<usize>],
) -> Vec<Change> {
    let (a, b) = (&o.nodes[i], &n.nodes[j]);
    let mut out = Vec::new();
    if a.id != b.id {
        out.push(Change::Id(a.id.clone(), b.id.clone()));
    }
    if normalise(&a.title).to_lowercase() != normalise(&b.title).to_lowercase() {
        out.push(Change::Title(a.title.clone(), b.title.clone()));
    }
    if a.max != b.max {
        out.push(Change::Max(a.max, b.max));
    }
    let (oa, ob) = (
        crate::owners::node_owner(o, i).map(str::to_string),
        crate::owners::node_owner(n, j).map(str::to_string),
    );
    let owner_words = |x: &Option<String>| {
        x.as_deref()
            .map(|t| similar::words(&t.replace('&', " và ")))
    };
    if owner_words(&oa) != owner_words(&ob) {
        out.push(Change::Owner(oa, ob));
    }
    if a.source != b.source {
        out.push(Change::Source(
            a.source.as_str().to_string(),
            b.source.as_str().to_string(),
        ));
    }
    if let Some(rule) = rule_change(o, n, a, b, input_map) {
        out.push(Change::Rule(rule));
    }
    let (na, nb) = (not_evaluated_text(a), not_evaluated_text(b));
    if na.as_deref().map(normalise) != nb.as_deref().map(normalise) {
        out.push(Change::NotEvaluated(na, nb));
    }
    if a.bonus != b.bonus {
        out.push(Change::Bonus(a.bonus, b.bonus));
    }
    let parent_id = |r: &Ruleset, p: Option<usize>| p.map(|p| r.nodes[p].id.clone());
    let mapped_parent = a.parent.and_then(|p| node_map.get(&p).copied());
    if mapped_parent != b.parent && !(a.parent.is_none() && b.parent.is_none()) {
        let area = |r: &Ruleset, x: usize| r.path(x)[0];
        let area_changed = match node_map.get(&area(o, i)) {
            Some(&m) => m != area(n, j),
            None => o.nodes[area(o, i)].id != n.nodes[area(n, j)].id,
        };
        let old_parent = parent_id(o, a.parent).unwrap_or_else(|| "—".into());
        let new_parent = parent_id(n, b.parent).unwrap_or_else(|| "—".into());
        // A parent renumbered with the same children is not a move.
        if mapped_parent.is_some() || old_parent != new_parent {
            out.push(Change::Moved(old_parent, new_parent, area_changed));
        }
    }
    out
}

/// A node's not-evaluated clause in the reader's words ("when COND because “REASON”", "khi
/// COND vì “REASON”"), or `None`: what [`Change::NotEvaluated`] describes as written.
pub fn not_evaluated_message(node: &Node) -> Option<Message> {
    let clause = node.not_evaluated.as_ref()?;
    Some(match &node.not_evaluated_text {
        Some(cond) if clause.condition.is_some() => msg!(
            "diff-not-evaluated-when",
            condition = cond.trim(),
            reason = clause.reason.as_str()
        ),
        _ => msg!("diff-not-evaluated-always", reason = clause.reason.as_str()),
    })
}

/// "when COND because REASON", "always because REASON", or `None`.
fn not_evaluated_text(node: &Node) -> Option<String> {
    let clause = node.not_evaluated.as_ref()?;
    Some(match &node.not_evaluated_text {
        Some(cond) if clause.condition.is_some() => {
            format!("when {} because \"{}\"", cond.trim(), clause.reason)
        }
        _ => format!("always because \"{}\"", clause.reason),
    })
}

/// The rule's text; "awarded" for council points; `None` for a parent's sum.
fn rule_text(node: &Node) -> Option<String> {
    match &node.rule {
        Some(Rule::Formula(_)) => node.rule_text.as_ref().map(|t| t.trim().to_string()),
        Some(Rule::Awarded) => Some("awarded".to_string()),
        None => None,
    }
}

/// What a rule reads: its inputs (by slot), its numbers and its band edges, in order.
#[derive(Default)]
struct RuleParts {
    inputs: BTreeSet<usize>,
    numbers: Vec<Decimal>,
    edges: Vec<Decimal>,
}

fn walk(expr: &CExpr, parts: &mut RuleParts) {
    match &expr.kind {
        CExprKind::Input(slot) => {
            parts.inputs.insert(*slot);
        }
        CExprKind::Const(crate::model::Value::Number(v)) => parts.numbers.push(*v),
        CExprKind::Bands(_, arms) => {
            for arm in arms {
                if let Some(iv) = &arm.interval {
                    parts.edges.extend(iv.lower.map(|b| b.0));
                    parts.edges.extend(iv.upper.map(|b| b.0));
                }
            }
        }
        _ => {}
    }
    expr.for_each_child(&mut |c| walk(c, parts));
}

fn parts_of(node: &Node) -> RuleParts {
    let mut parts = RuleParts::default();
    if let Some(Rule::Formula(e)) = &node.rule {
        walk(e, &mut parts);
    }
    parts
}

fn number_text(v: Decimal, percent: bool) -> String {
    if percent {
        format!("{}%", crate::text::format_decimal(v * Decimal::ONE_HUNDRED))
    } else {
        crate::text::format_decimal(v)
    }
}

fn rule_change(
    o: &Ruleset,
    n: &Ruleset,
    a: &Node,
    b: &Node,
    input_map: &[Option<usize>],
) -> Option<RuleChange> {
    let (ta, tb) = (rule_text(a), rule_text(b));
    let kind = |x: &Node| match &x.rule {
        Some(Rule::Formula(_)) => 1,
        Some(Rule::Awarded) => 2,
        None => 0,
    };
    if kind(a) == kind(b) && ta.as_deref().map(normalise) == tb.as_deref().map(normalise) {
        return None;
    }
    if kind(a) == 0 && kind(b) == 0 {
        return None;
    }
    let mut details = Vec::new();
    match (kind(a), kind(b)) {
        (2, 1) => details.push(msg!("diff-awarded-to-formula")),
        (1, 2) => details.push(msg!("diff-formula-to-awarded")),
        (0, _) => details.push(msg!("diff-sum-to-rule")),
        (_, 0) => details.push(msg!("diff-rule-to-sum")),
        _ => {}
    }
    let (pa, pb) = (parts_of(a), parts_of(b));
    let mapped: BTreeSet<usize> = pa
        .inputs
        .iter()
        .filter_map(|s| input_map.get(*s).copied().flatten())
        .collect();
    for s in &pb.inputs {
        if !mapped.contains(s) {
            details.push(msg!("diff-new-input", name = n.inputs[*s].name.as_str()));
        }
    }
    for s in &pa.inputs {
        match input_map.get(*s).copied().flatten() {
            Some(t) if pb.inputs.contains(&t) => {
                if o.inputs[*s].name != n.inputs[t].name {
                    details.push(msg!(
                        "diff-input-renamed",
                        old = o.inputs[*s].name.as_str(),
                        new = n.inputs[t].name.as_str()
                    ));
                }
            }
            _ => details.push(msg!("diff-input-unused", name = o.inputs[*s].name.as_str())),
        }
    }
    // `one`/`many`: the message for one number changed and for the list changed.
    let mut pairwise =
        |one: &'static str, many: &'static str, xs: &[Decimal], ys: &[Decimal], percent: bool| {
            if xs.len() == ys.len() {
                for (x, y) in xs.iter().zip(ys) {
                    if x != y {
                        details.push(
                            Message::new(one)
                                .arg("old", number_text(*x, percent))
                                .arg("new", number_text(*y, percent)),
                        );
                    }
                }
            } else if xs != ys {
                let show = |v: &[Decimal]| {
                    v.iter()
                        .map(|d| number_text(*d, percent))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                details.push(Message::new(many).arg("old", show(xs)).arg("new", show(ys)));
            }
        };
    if kind(a) == 1 && kind(b) == 1 {
        pairwise(
            "diff-band-edge",
            "diff-band-edges",
            &pa.edges,
            &pb.edges,
            true,
        );
        pairwise(
            "diff-factor",
            "diff-factors",
            &pa.numbers,
            &pb.numbers,
            false,
        );
    }
    let mut unique: Vec<Message> = Vec::new();
    for d in details {
        if !unique.contains(&d) {
            unique.push(d);
        }
    }
    let mut details = unique;
    if details.is_empty() {
        details.push(msg!("diff-wording-changed"));
    }
    Some(RuleChange {
        old: ta,
        new: tb,
        details,
    })
}

fn inputs_used(r: &Ruleset) -> Vec<BTreeSet<usize>> {
    let mut used = vec![BTreeSet::new(); r.inputs.len()];
    for (i, node) in r.nodes.iter().enumerate() {
        let mut parts = parts_of(node);
        if let Some(cond) = node
            .not_evaluated
            .as_ref()
            .and_then(|c| c.condition.as_ref())
        {
            walk(cond, &mut parts);
        }
        for s in parts.inputs {
            used[s].insert(i);
        }
    }
    used
}

fn compare_inputs(
    o: &Ruleset,
    n: &Ruleset,
    pairs: &[(usize, usize, MatchHow, u32)],
    mapping: Option<&Mapping>,
    problems: &mut Vec<Message>,
) -> (Vec<InputChange>, Vec<Option<usize>>) {
    let mut map: Vec<Option<usize>> = vec![None; o.inputs.len()];
    let mut taken = vec![false; n.inputs.len()];
    // The mapping's `input` lines first; a name it leaves unmatched stays so.
    let mut fixed_old = vec![false; o.inputs.len()];
    let mut fixed_new = vec![false; n.inputs.len()];
    for (a, b) in mapping.map(|m| m.inputs.as_slice()).unwrap_or_default() {
        let s = a.as_ref().map(|a| (a, o.input_index(a)));
        let t = b.as_ref().map(|b| (b, n.input_index(b)));
        for (name, found, old_side) in [s.map(|(a, f)| (a, f, true)), t.map(|(b, f)| (b, f, false))]
            .into_iter()
            .flatten()
        {
            if found.is_none() {
                problems.push(if old_side {
                    msg!("diff-mapping-no-old-input", name = name.as_str())
                } else {
                    msg!("diff-mapping-no-new-input", name = name.as_str())
                });
            }
        }
        match (s.map(|x| x.1), t.map(|x| x.1)) {
            (Some(Some(s)), Some(Some(t))) if !fixed_old[s] && !taken[t] => {
                map[s] = Some(t);
                fixed_old[s] = true;
                taken[t] = true;
            }
            (Some(Some(s)), None) => fixed_old[s] = true,
            (None, Some(Some(t))) => fixed_new[t] = true,
            _ => {}
        }
    }
    for (s, input) in o.inputs.iter().enumerate() {
        if fixed_old[s] {
            continue;
        }
        if let Some(t) = n
            .input_index(&input.key)
            .filter(|t| !taken[*t] && !fixed_new[*t])
        {
            map[s] = Some(t);
            taken[t] = true;
        }
    }
    let node_map: BTreeMap<usize, usize> = pairs.iter().map(|p| (p.0, p.1)).collect();
    let (uo, un) = (inputs_used(o), inputs_used(n));
    let desc = |i: &crate::model::Input| {
        TitleWords::new(
            i.description
                .as_deref()
                .unwrap_or(&i.name.replace('_', " ")),
        )
    };
    let od: Vec<TitleWords> = o.inputs.iter().map(desc).collect();
    let nd: Vec<TitleWords> = n.inputs.iter().map(desc).collect();
    let mut candidates = Vec::new();
    for (s, a) in o.inputs.iter().enumerate() {
        if map[s].is_some() || fixed_old[s] {
            continue;
        }
        for (t, b) in n.inputs.iter().enumerate() {
            if taken[t] || fixed_new[t] {
                continue;
            }
            let sim = od[s].similarity(&nd[t]);
            let shared_use = uo[s]
                .iter()
                .any(|x| node_map.get(x).is_some_and(|y| un[t].contains(y)));
            if a.ty == b.ty && (sim >= TITLE_THRESHOLD || (shared_use && sim >= SAME_ID_THRESHOLD))
            {
                candidates.push((sim + if shared_use { 200 } else { 0 }, s, t));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, s, t) in candidates {
        if map[s].is_none() && !taken[t] {
            map[s] = Some(t);
            taken[t] = true;
        }
    }
    let mut changes = Vec::new();
    for (s, a) in o.inputs.iter().enumerate() {
        match map[s] {
            None => changes.push(InputChange {
                old: Some(s),
                new: None,
                renamed: false,
                retyped: None,
                described: false,
            }),
            Some(t) => {
                let b = &n.inputs[t];
                let change = InputChange {
                    old: Some(s),
                    new: Some(t),
                    renamed: a.key != b.key,
                    retyped: (a.ty != b.ty).then(|| (type_text(&a.ty), type_text(&b.ty))),
                    described: a.description.as_deref().map(normalise)
                        != b.description.as_deref().map(normalise),
                };
                if change.renamed || change.retyped.is_some() || change.described {
                    changes.push(change);
                }
            }
        }
    }
    for (t, _) in n.inputs.iter().enumerate() {
        if !taken[t] {
            changes.push(InputChange {
                old: None,
                new: Some(t),
                renamed: false,
                retyped: None,
                described: false,
            });
        }
    }
    (changes, map)
}

fn type_text(ty: &InputType) -> String {
    ty.describe()
}

/// The header facts compared, by stable name: each as written (what is compared, and what the
/// JSON shows) and in the reader's words.
fn header_facts(analysis: &Analysis) -> BTreeMap<String, (String, Message)> {
    let r = &analysis.ruleset;
    let mut facts = BTreeMap::new();
    let fmt = crate::text::format_decimal;
    let number = |v: Decimal| (fmt(v), msg!("diff-value-number", value = v));
    let plain = |v: String| (v.clone(), Message::from(v));
    let yes = || ("yes".to_string(), msg!("value-yes"));
    if let Some(total) = r.meta.total {
        facts.insert("total".to_string(), number(total));
    }
    if let Some(year) = r.meta.year {
        facts.insert("year".to_string(), plain(year.to_string()));
    }
    if let Some(decree) = &r.meta.decree {
        let fact = match r.meta.decree_date {
            Some(d) => {
                let date = d.format("%d/%m/%Y").to_string();
                (
                    format!("{decree} ngày {date}"),
                    msg!(
                        "diff-value-decree-dated",
                        decree = decree.as_str(),
                        date = date
                    ),
                )
            }
            None => plain(decree.clone()),
        };
        facts.insert("decree".to_string(), fact);
    }
    if let Some(level) = r.meta.level {
        let word = match level {
            crate::model::UnitLevel::Department => msg!("diff-word-department"),
            crate::model::UnitLevel::District => msg!("diff-word-district"),
            crate::model::UnitLevel::Commune => msg!("diff-word-commune"),
            crate::model::UnitLevel::Province => msg!("diff-word-province"),
            crate::model::UnitLevel::Ministry => msg!("diff-word-ministry"),
        };
        facts.insert("level".to_string(), (level.as_str().to_string(), word));
    }
    let on_points = r.meta.grade_basis == crate::model::GradeBasis::Points;
    if on_points {
        facts.insert(
            "grade on".to_string(),
            ("points".to_string(), msg!("diff-value-points")),
        );
    }
    for g in &r.meta.grades {
        let band = g.interval.describe();
        let words = g.interval.describe_message();
        let fact = if on_points {
            (
                format!("{band} points"),
                msg!("diff-value-band-points", band = words),
            )
        } else {
            (
                format!("{band}%"),
                msg!("diff-value-band-percent", band = words),
            )
        };
        facts.insert(format!("grade {}", g.name), fact);
    }
    // Bonus and penalty points outside the tree: the policy and each item.
    let policy = r.meta.adjustment_policy;
    if let Some(cap) = policy.bonus_cap {
        facts.insert("bonus max".to_string(), number(cap));
    }
    if let Some(cap) = policy.penalty_cap {
        facts.insert("penalty max".to_string(), number(cap));
    }
    if policy.bonus_above_max {
        facts.insert("bonus above max".to_string(), yes());
    }
    if !policy.floor.is_zero() {
        facts.insert("floor".to_string(), number(policy.floor));
    }
    if let Some(places) = r.meta.display_places {
        facts.insert("display places".to_string(), plain(places.to_string()));
    }
    for a in &r.adjustments {
        let written = match a.cap {
            Some(c) => format!("“{}”, max {}: {}", a.title, fmt(c), a.rule_text),
            None => format!("“{}”: {}", a.title, a.rule_text),
        };
        let text = match a.cap {
            Some(c) => msg!(
                "diff-value-item-capped",
                title = a.title.as_str(),
                max = c,
                rule = a.rule_text.as_str()
            ),
            None => msg!(
                "diff-value-item",
                title = a.title.as_str(),
                rule = a.rule_text.as_str()
            ),
        };
        facts.insert(format!("{} {}", a.kind.as_str(), a.id), (written, text));
    }
    for (target, rounding) in [
        ("ratio", r.rounding.ratio),
        ("score", r.rounding.score),
        ("total", r.rounding.total),
        ("percent", r.rounding.percent),
    ] {
        if let Some(rounding) = rounding {
            facts.insert(
                format!("rounding {target}"),
                (rounding.describe(), crate::eval::rounding_word(&rounding)),
            );
        }
    }
    if r.meta.percent_from_rounded_total {
        facts.insert("percent from rounded total".to_string(), yes());
    }
    // The appraisal rounds and the groups, as declared (names in order: a reordering is a
    // change too, since the last round is the one that counts).
    if !r.meta.stages.is_empty() {
        facts.insert("stages".to_string(), plain(r.meta.stages.join(", ")));
    }
    if !r.meta.groups.is_empty() {
        facts.insert("groups".to_string(), plain(r.meta.groups.join(", ")));
    }
    if let Some(header) = analysis.syntax.headers.first() {
        for item in &header.items {
            match &item.value {
                HeaderItem::Count(kind, count) => {
                    facts.insert(format!("count {}", kind.as_str()), plain(count.to_string()));
                }
                HeaderItem::Share(source, share) => {
                    facts.insert(format!("share {}", source.as_str()), number(*share));
                }
                HeaderItem::ZeroDefault(action) => {
                    let word = match action {
                        crate::model::ZeroAction::NotEvaluated => msg!("diff-word-not-evaluated"),
                        crate::model::ZeroAction::Zero => msg!("diff-word-zero"),
                        crate::model::ZeroAction::Error => msg!("diff-word-error"),
                    };
                    facts.insert(
                        "zero denominator".to_string(),
                        (action.as_str().to_string(), word),
                    );
                }
                _ => {}
            }
        }
    }
    facts
}

fn header_changes(old: &Analysis, new: &Analysis) -> Vec<HeaderChange> {
    let (a, b) = (header_facts(old), header_facts(new));
    let keys: BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    keys.into_iter()
        .filter(|k| a.get(*k).map(|f| &f.0) != b.get(*k).map(|f| &f.0))
        .map(|k| HeaderChange {
            what: k.clone(),
            old: a.get(k).map(|f| f.0.clone()),
            new: b.get(k).map(|f| f.0.clone()),
            old_text: a.get(k).map(|f| f.1.clone()),
            new_text: b.get(k).map(|f| f.1.clone()),
        })
        .collect()
}
