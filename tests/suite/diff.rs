//! `chiso diff`: the structural comparison of two rulesets, the mapping file, the impact on
//! last year's units. Every expected value is written from reading the two rulesets (the
//! comments in tests/fixtures/diff/new.chiso say what each change is), never from output.

use crate::common::{read, root, run_chiso};
use chiso::diff::{compare, impact, Change, Mapping, MatchHow, RulesetDiff};
use chiso::model::Ruleset;
use rust_decimal_macros::dec;

fn analyzed(path: &str) -> chiso::Analysis {
    let analysis = chiso::analyze(&read(path));
    assert!(!analysis.has_errors(), "{path}: {:?}", analysis.diagnostics);
    analysis
}

fn ids(r: &Ruleset, v: &[usize]) -> Vec<String> {
    v.iter().map(|i| r.nodes[*i].id.clone()).collect()
}

/// (old id, new id, change kinds) of every changed pair, in the new ruleset's order.
fn changed(
    diff: &RulesetDiff,
    o: &Ruleset,
    n: &Ruleset,
) -> Vec<(String, String, Vec<&'static str>)> {
    diff.changed()
        .map(|m| {
            (
                o.nodes[m.old].id.clone(),
                n.nodes[m.new].id.clone(),
                m.changes.iter().map(Change::kind).collect(),
            )
        })
        .collect()
}

fn find<'a>(diff: &'a RulesetDiff, n: &Ruleset, new_id: &str) -> &'a [Change] {
    let j = n.node_index(new_id).unwrap();
    &diff.matched.iter().find(|m| m.new == j).unwrap().changes
}

#[test]
fn constructed_pair_every_kind_of_change() {
    let old = analyzed("tests/fixtures/diff/old.chiso");
    let new = analyzed("tests/fixtures/diff/new.chiso");
    let (diff, problems) = compare(&old, &new, None);
    assert!(problems.is_empty());
    let (o, n) = (&old.ruleset, &new.ruleset);
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();

    // Header, by hand from the two header blocks (sorted by name).
    let header: Vec<(String, Option<String>, Option<String>)> = diff
        .header
        .iter()
        .map(|h| (h.what.clone(), h.old.clone(), h.new.clone()))
        .collect();
    let some = |x: &str| Some(x.to_string());
    assert_eq!(
        header,
        vec![
            ("count criteria".into(), some("9"), some("10")),
            (
                "grade Khá".into(),
                some("≥ 50 and < 80%"),
                some("≥ 50 and < 85%")
            ),
            ("grade Tốt".into(), some("≥ 80%"), some("≥ 85%")),
            ("share satisfaction".into(), some("1"), None),
            ("share self".into(), some("12"), some("14")),
            ("share survey".into(), None, some("1")),
            ("total".into(), some("13"), some("15")),
            ("year".into(), some("2023"), some("2024")),
            (
                "zero denominator".into(),
                some("not evaluated"),
                some("zero")
            ),
        ]
    );

    // Criteria: every pair that changed and how.
    assert_eq!(
        changed(&diff, o, n),
        vec![
            ("1.1".into(), "1.1".into(), vec!["owner"]),
            ("1.3".into(), "1.4".into(), vec!["id", "bonus"]),
            ("2".into(), "2".into(), vec!["max"]),
            (
                "2.1".into(),
                "2.1".into(),
                vec!["max", "rule", "not_evaluated"]
            ),
            ("2.2".into(), "2.2".into(), vec!["rule"]),
            ("2.3".into(), "2.3".into(), vec!["source"]),
            ("3.3".into(), "2.5".into(), vec!["id", "moved"]),
            ("3".into(), "3".into(), vec!["max"]),
        ]
    );
    // Area 1 (5 points both years, same title) is matched and unchanged.
    assert!(find(&diff, n, "1").is_empty());
    // 1.3 → 1.4: same title, so a renumbering found by title.
    let j = n.node_index("1.4").unwrap();
    let m = diff.matched.iter().find(|m| m.new == j).unwrap();
    assert_eq!(m.how, MatchHow::Title);
    assert_eq!(m.similarity, 1000);
    assert_eq!(
        find(&diff, n, "1.4"),
        &[
            Change::Id("1.3".into(), "1.4".into()),
            Change::Bonus(false, true)
        ]
    );
    assert_eq!(
        find(&diff, n, "1.1"),
        &[Change::Owner(
            Some("Phòng Nội vụ".into()),
            Some("Văn phòng UBND".into())
        )]
    );
    // 2.1: max 3 → 4; the band edge 90% → 95% (written twice in the bands, reported once);
    // the denominator input renamed; the not-evaluated clause dropped.
    let c21 = find(&diff, n, "2.1");
    assert_eq!(c21[0], Change::Max(dec!(3), dec!(4)));
    let Change::Rule(rule) = &c21[1] else {
        panic!("{c21:?}")
    };
    assert!(rule
        .old
        .as_deref()
        .unwrap()
        .contains("from 90% or more: max"));
    assert!(rule
        .new
        .as_deref()
        .unwrap()
        .contains("from 95% or more: max"));
    assert_eq!(
        rule.details.iter().map(|m| m.en()).collect::<Vec<_>>(),
        s(&[
            "input hồ_sơ_đã_giải_quyết renamed tổng_hồ_sơ",
            "band edge 90% → 95%"
        ])
    );
    assert_eq!(
        c21[2],
        Change::NotEvaluated(
            Some("when không_có_hồ_sơ because \"Không có hồ sơ\"".into()),
            None
        )
    );
    // 2.2: the deduction per violation 0.25 → 0.5.
    let Change::Rule(rule) = &find(&diff, n, "2.2")[0] else {
        panic!()
    };
    assert_eq!(
        rule.details.iter().map(|m| m.en()).collect::<Vec<_>>(),
        s(&["factor 0.25 → 0.5"])
    );
    assert_eq!(
        find(&diff, n, "2.3"),
        &[Change::Source("satisfaction".into(), "survey".into())]
    );
    assert_eq!(
        find(&diff, n, "2.5"),
        &[
            Change::Id("3.3".into(), "2.5".into()),
            Change::Moved("3".into(), "2".into(), true)
        ]
    );
    assert_eq!(find(&diff, n, "2"), &[Change::Max(dec!(5), dec!(8))]);
    assert_eq!(find(&diff, n, "3"), &[Change::Max(dec!(3), dec!(2))]);

    // 1.2 split into 1.2 + 1.3 (their titles are the two halves of the old one); 3.1 + 3.2
    // merged into 3.1; 2.4 added; nothing removed.
    let splits: Vec<_> = diff
        .splits
        .iter()
        .map(|(a, b)| (o.nodes[*a].id.clone(), ids(n, b)))
        .collect();
    assert_eq!(splits, vec![("1.2".to_string(), s(&["1.2", "1.3"]))]);
    let merges: Vec<_> = diff
        .merges
        .iter()
        .map(|(a, b)| (ids(o, a), n.nodes[*b].id.clone()))
        .collect();
    assert_eq!(merges, vec![(s(&["3.1", "3.2"]), "3.1".to_string())]);
    assert_eq!(ids(n, &diff.added), s(&["2.4"]));
    assert!(diff.removed.is_empty());

    // Inputs: renamed (same description and use), retyped, removed, added.
    let inputs: Vec<_> = diff
        .inputs
        .iter()
        .map(|c| {
            (
                c.kind(),
                c.old.map(|i| o.inputs[i].name.clone()),
                c.new.map(|i| n.inputs[i].name.clone()),
                c.retyped.clone(),
            )
        })
        .collect();
    assert_eq!(
        inputs,
        vec![
            (
                "renamed",
                some("hồ_sơ_đã_giải_quyết"),
                some("tổng_hồ_sơ"),
                None
            ),
            (
                "retyped",
                some("số_vụ_vi_phạm"),
                some("số_vụ_vi_phạm"),
                Some(("count".into(), "decimal".into()))
            ),
            ("removed", some("không_có_hồ_sơ"), None, None),
            ("added", None, some("hồ_sơ_trực_tuyến"), None),
        ]
    );
}

#[test]
fn a_ruleset_against_itself_has_no_difference() {
    let old = analyzed("tests/fixtures/diff/old.chiso");
    let (diff, _) = compare(&old, &old, None);
    assert!(diff.is_empty());
    assert_eq!(diff.matched.len(), old.ruleset.nodes.len());
    assert!(diff.matched.iter().all(|m| m.how == MatchHow::IdAndTitle));
}

#[test]
fn mapping_overrides_the_guess_and_round_trips() {
    let old = analyzed("tests/fixtures/diff/old.chiso");
    let new = analyzed("tests/fixtures/diff/new.chiso");
    let (guess, _) = compare(&old, &new, None);
    // The written mapping, passed back, gives the same diff.
    let written = guess
        .to_mapping(&old.ruleset, &new.ruleset)
        .write("old", "new", chiso::Lang::En);
    assert!(written.contains("1.3 -> 1.4\n"));
    assert!(written.contains("1.2 -> 1.2, 1.3\n"));
    assert!(written.contains("3.1, 3.2 -> 3.1\n"));
    assert!(written.contains("- -> 2.4\n"));
    assert!(written.contains("\ninput hồ_sơ_đã_giải_quyết -> tổng_hồ_sơ\n"));
    assert!(written.contains("\ninput không_có_hồ_sơ -> -\n"));
    assert!(written.contains("\ninput - -> hồ_sơ_trực_tuyến\n"));
    let (again, problems) = compare(&old, &new, Some(&Mapping::parse(&written).unwrap()));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(again.header, guess.header);
    assert_eq!(again.splits, guess.splits);
    assert_eq!(again.merges, guess.merges);
    assert_eq!(again.added, guess.added);
    let pairs = |d: &RulesetDiff| {
        d.matched
            .iter()
            .map(|m| (m.old, m.new, m.changes.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(pairs(&again), pairs(&guess));
    assert_eq!(again.inputs, guess.inputs);
    assert_eq!(again.input_map, guess.input_map);
    // A reviewer says the denominator input was not renamed but replaced.
    let (inputs, problems) = compare(
        &old,
        &new,
        Some(&Mapping::parse("input hồ_sơ_đã_giải_quyết -> -\ninput x -> tổng_hồ_sơ\n").unwrap()),
    );
    assert_eq!(
        problems.iter().map(|m| m.en()).collect::<Vec<_>>(),
        vec!["mapping: no input x in the old ruleset".to_string()]
    );
    let kinds: Vec<&str> = inputs.inputs.iter().map(|c| c.kind()).collect();
    assert_eq!(
        kinds,
        vec!["removed", "retyped", "removed", "added", "added"]
    );
    let c21 = find(&inputs, &new.ruleset, "2.1");
    let Change::Rule(rule) = &c21[1] else {
        panic!("{c21:?}")
    };
    assert_eq!(
        rule.details.iter().map(|m| m.en()).collect::<Vec<_>>(),
        vec![
            "new input tổng_hồ_sơ".to_string(),
            "input hồ_sơ_đã_giải_quyết no longer used".to_string(),
            "band edge 90% → 95%".to_string()
        ]
    );
    // A reviewer says 1.3 was removed and 1.4 is new: the mapping wins.
    let (over, problems) = compare(
        &old,
        &new,
        Some(&Mapping::parse("1.3 -> -\n- -> 1.4\n9.9 -> 1.1\n").unwrap()),
    );
    assert_eq!(
        problems.iter().map(|m| m.en()).collect::<Vec<_>>(),
        vec!["mapping: no criterion 9.9 in the old ruleset".to_string()]
    );
    assert_eq!(ids(&old.ruleset, &over.removed), vec!["1.3".to_string()]);
    assert_eq!(
        ids(&new.ruleset, &over.added),
        vec!["1.4".to_string(), "2.4".to_string()]
    );
}

#[test]
fn impact_of_the_constructed_pair_by_hand() {
    let old = analyzed("tests/fixtures/diff/old.chiso");
    let new = analyzed("tests/fixtures/diff/new.chiso");
    let (diff, _) = compare(&old, &new, None);
    let raw = chiso_formats::unit_file::read_raw(
        &read("tests/fixtures/diff/huyen-a-2023.toml"),
        chiso_formats::unit_file::DataFormat::Toml,
    )
    .unwrap();
    let imp = impact(&diff, &old.ruleset, &new.ruleset, &[raw]);
    let u = &imp.units[0];
    // Old ruleset, by hand: 1.1 yes → 2; 1.2 = 2; 1.3 = 1; 2.1: 92/100 = 92% ≥ 90% → 3;
    // 2.2: 1 − 1 × 0.25 = 0.75; 2.3 = 0.8; 3.1 = 1; 3.2 = 0.5; 3.3 = 1.
    // Total 2 + 2 + 1 + 3 + 0.75 + 0.8 + 1 + 0.5 + 1 = 12.05 of 13 → 92.69% (≥ 80%: Tốt), rank 1.
    assert_eq!(u.old.achieved, dec!(12.05));
    assert_eq!(u.old.max, dec!(13));
    assert_eq!(u.old.percent, Some(dec!(92.69)));
    assert_eq!(u.old.grade.as_deref(), Some("Tốt"));
    assert_eq!(u.old.rank, Some(1));
    // New ruleset: 1.2 and 1.3 (split) and 3.1 (merged) get no points (not guessed), 2.4 needs
    // hồ_sơ_trực_tuyến: incomplete, no percentage. The leaves that can be scored:
    // 1.1 = 2; 1.4 ← 1.3 = 1; 2.1: 92% < 95% → 4 / 2 = 2 (the renamed input carried);
    // 2.2: 1 − 1 × 0.5 = 0.5; 2.3 = 0.8; 2.5 ← 3.3 = 1: 7.3 of 2 + 1 + 4 + 1 + 1 + 1 = 10.
    assert!(!u.new.complete);
    assert_eq!(u.new.percent, None);
    assert_eq!(u.new.partial, (dec!(7.3), dec!(10)));
    assert_eq!(u.new.partial_percent, Some(dec!(73)));
    assert_eq!(
        u.missing_inputs,
        vec![("hồ_sơ_trực_tuyến".to_string(), vec!["2.4".to_string()])]
    );
    assert_eq!(u.missing_points, vec!["1.2", "1.3", "3.1"]);
    assert_eq!(
        u.dropped.iter().map(|m| m.en()).collect::<Vec<_>>(),
        vec![
            "inputs.không_có_hồ_sơ",
            "points.1.2",
            "points.3.1",
            "points.3.2"
        ]
    );
    // Drivers, largest first: 1.2 split (−2), 2.1 band (3 → 2), 3.1 merged (−1), 3.2 merged
    // (−0.5), 2.2 factor (0.75 → 0.5).
    let drivers: Vec<_> = u
        .drivers
        .iter()
        .map(|d| (d.old_id.clone().unwrap_or_default(), d.delta))
        .collect();
    assert_eq!(
        drivers,
        vec![
            ("1.2".to_string(), dec!(-2)),
            ("2.1".to_string(), dec!(-1)),
            ("3.1".to_string(), dec!(-1)),
            ("3.2".to_string(), dec!(-0.5)),
            ("2.2".to_string(), dec!(-0.25)),
        ]
    );
}

#[test]
fn kon_tum_2022_to_2023_renumbering_and_reweighting() {
    let old = analyzed("rulesets/kon-tum/huyen-2022.chiso");
    let new = analyzed("rulesets/kon-tum/huyen-2023-trich.chiso");
    let (diff, _) = compare(&old, &new, None);
    let (o, n) = (&old.ruleset, &new.ruleset);
    let pair = |old_id: &str| {
        diff.new_of(o.node_index(old_id).unwrap())
            .map(|j| n.nodes[j].id.clone())
    };
    // 2022 1.6.3 "Thực hiện Chương trình công tác của Ủy ban nhân dân tỉnh" is 2023 1.6.2
    // "… của UBND tỉnh" (same words once UBND is spelled out): renumbered, not removed.
    assert_eq!(pair("1.6.3").as_deref(), Some("1.6.2"));
    let c = find(&diff, n, "1.6.2");
    assert_eq!(c[0], Change::Id("1.6.3".into(), "1.6.2".into()));
    // 2022 1.6.2 and 1.6.4 ("Chất lượng thực hiện nhiệm vụ …") have no 2023 counterpart.
    assert_eq!(pair("1.6.2"), None);
    assert_eq!(pair("1.6.4"), None);
    // 1.6.1 re-weighted 3 → 4 and now a formula with four new inputs.
    let c = find(&diff, n, "1.6.1");
    assert!(c.contains(&Change::Max(dec!(3), dec!(4))));
    let rule = c
        .iter()
        .find_map(|c| {
            if let Change::Rule(r) = c {
                Some(r)
            } else {
                None
            }
        })
        .unwrap();
    assert_eq!(rule.old.as_deref(), Some("awarded"));
    assert!(rule
        .details
        .iter()
        .any(|m| m.en() == "awarded points become a formula"));
    assert!(rule
        .details
        .iter()
        .any(|m| m.en() == "new input chưa_đến_hạn"));
    // Other renumberings read off the two files: 1.1.5 → 1.1.3, 1.4.1 → 1.4.2, 1.4.2 → 1.4.3
    // (the 2023 titles are the 2022 ones shortened, abbreviations for words), 8.6 → 5.6 (moved
    // to area 5), 5.6 "Cán bộ, công chức cấp xã" → 5.8.
    for (a, b) in [
        ("1.1.5", "1.1.3"),
        ("1.4.1", "1.4.2"),
        ("1.4.2", "1.4.3"),
        ("8.6", "5.6"),
        ("5.6", "5.8"),
    ] {
        assert_eq!(pair(a).as_deref(), Some(b), "{a}");
    }
    assert!(find(&diff, n, "5.6").contains(&Change::Moved("8".into(), "5".into(), true)));
    // Header: the 2023 excerpt declares no total and no grades, and declares a decree, a year,
    // roundings and a zero-denominator policy.
    let what: Vec<&str> = diff.header.iter().map(|h| h.what.as_str()).collect();
    for w in [
        "decree",
        "total",
        "year",
        "zero denominator",
        "rounding ratio",
        "grade Tốt",
    ] {
        assert!(what.contains(&w), "{w}: {what:?}");
    }
}

#[test]
fn kon_ray_2021_under_2022_and_2023_rulesets() {
    let old = analyzed("rulesets/kon-tum/huyen-2022.chiso");
    let new = analyzed("rulesets/kon-tum/huyen-2023-trich.chiso");
    let (diff, _) = compare(&old, &new, None);
    let raw = chiso_formats::unit_file::read_raw(
        &read("rulesets/kon-tum/data/kon-ray-2021.toml"),
        chiso_formats::unit_file::DataFormat::Toml,
    )
    .unwrap();
    let imp = impact(&diff, &old.ruleset, &new.ruleset, &[raw]);
    let u = &imp.units[0];
    // Under the 2022 set: seed 000's total, 81.45 of 95 = 85.7368…% → 85.74%, "Tốt" (80–90%).
    assert_eq!(u.old.achieved, dec!(81.45));
    assert_eq!(u.old.max, dec!(95));
    assert_eq!(u.old.percent, Some(dec!(85.74)));
    assert_eq!(u.old.grade.as_deref(), Some("Tốt"));
    // Under the 2023 excerpt: its seven formula criteria need the raw figures the 2021 data
    // does not have (listed, not guessed), so no index. The awarded leaves carried over, by
    // hand (2021 points, scaled by new max ÷ old max where the maximum changed):
    //   1.1.3 ← 1.1.5 1 of 1 → 0.5 of 0.5     1.3.2 1 of 1            1.4.2 ← 1.4.1 0.5 of 0.5
    //   1.4.3 ← 1.4.2 4 of 5 → 0.8 of 1       1.5 3 of 3              2.2.2 1 of 1 → 1.5 of 1.5
    //   2.2.3 2 of 2 → 1.5 of 1.5             2.3.1 1 of 1 → 0.5 of 0.5   2.3.2 1 of 1 → 1.5 of 1.5
    //   3.3.1 1 of 1                           3.3.2 1 of 1 → 0.5 of 0.5   4.3.1 2 of 2 → 1 of 1
    //   4.3.2 1 of 1    4.3.3 1 of 1           5.1 2 of 2 → 3 of 3     5.2–5.5 2 of 2 → 1 of 1 each
    //   5.6 ← 8.6 2 of 2 → 1 of 1             7.3.1 0 of 1 → 0 of 0.5 (same id, matched by id)
    // points: 0.5+1+0.5+0.8+3+1.5+1.5+0.5+1.5+1+0.5+1+1+1+3+4×1+1+0 = 23.3
    // maxima: 0.5+1+0.5+1+3+1.5+1.5+0.5+1.5+1+0.5+1+1+1+3+4×1+1+0.5 = 24
    assert!(!u.new.complete);
    assert_eq!(u.new.percent, None);
    assert_eq!(u.new.partial, (dec!(23.3), dec!(24)));
    // 23.3 / 24 = 0.970833… → 97.08% (the excerpt's percent rounding: 2 places, half up).
    assert_eq!(u.new.partial_percent, Some(dec!(97.08)));
    let missing: Vec<&str> = u.missing_inputs.iter().map(|(n, _)| n.as_str()).collect();
    for input in [
        "nhiệm_vụ_được_giao",
        "hồ_sơ_tiếp_nhận",
        "tổng_số_đơn_vị",
        "tthc_triển_khai_thanh_toán",
    ] {
        assert!(missing.contains(&input), "{input}");
    }
    assert!(u
        .rescaled
        .iter()
        .any(|m| m.en() == "1.4.2 → 1.4.3: 4 of 5 → 0.8 of 1"));
    assert!(u
        .dropped
        .iter()
        .any(|m| m.en() == "points.1.6.1 (1.6.1 takes no points)"));
}

#[test]
fn cli_text_json_markdown_html_and_mapping_file() {
    let (code, out, err) = run_chiso(&[
        "diff",
        "tests/fixtures/diff/old.chiso",
        "tests/fixtures/diff/new.chiso",
    ]);
    assert_eq!(code, 0, "{err}");
    for line in [
        "9 matched (8 changed), 0 removed, 1 added, 1 split, 1 merged; 9 header, 4 input change(s)",
        "  total: 13 → 15",
        "  1.4 \"Tuyên truyền phổ biến pháp luật cho người dân\"",
        "      renumbered 1.3 → 1.4",
        "      bonus no → yes",
        "      moved from 3 to 2 (another area)",
        "  split 1.2 \"Báo cáo theo dõi thi hành pháp luật và rà soát văn bản quy phạm pháp luật\" → 1.2, 1.3",
        "  merged 3.1, 3.2 → 3.1 \"Công khai thủ tục hành chính tại bộ phận một cửa và trên cổng thông tin điện tử\"",
        "  2.4 \"Tỷ lệ hồ sơ trực tuyến\" (max 1)",
        "  renamed hồ_sơ_đã_giải_quyết → tổng_hồ_sơ",
        "  số_vụ_vi_phạm; type count → decimal",
    ] {
        assert!(out.lines().any(|l| l == line), "missing line {line:?} in\n{out}");
    }

    let (code, out, _) = run_chiso(&[
        "diff",
        "tests/fixtures/diff/old.chiso",
        "tests/fixtures/diff/new.chiso",
        "--format",
        "json",
        "--data",
        "tests/fixtures/diff/huyen-a-2023.toml",
    ]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["format"], "chiso-diff/1");
    assert_eq!(json["splits"][0]["old"], "1.2");
    assert_eq!(json["merges"][0]["new"], "3.1");
    assert_eq!(json["added"][0], "2.4");
    let m14 = json["matched"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["new"] == "1.4")
        .unwrap();
    assert_eq!(m14["old"], "1.3");
    assert_eq!(m14["how"], "title");
    assert_eq!(json["impact"][0]["old"]["percent"], "92.69");
    assert_eq!(json["impact"][0]["new"]["partial"]["achieved"], "7.3");

    let (_, md, _) = run_chiso(&[
        "diff",
        "tests/fixtures/diff/old.chiso",
        "tests/fixtures/diff/new.chiso",
        "--format",
        "markdown",
    ]);
    assert!(md.contains("\n## Changed criteria\n"));
    assert!(md.contains("\n- total: 13 → 15"));

    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("diff.html");
    let map = dir.path().join("map.txt");
    let (code, _, err) = run_chiso(&[
        "diff",
        "tests/fixtures/diff/old.chiso",
        "tests/fixtures/diff/new.chiso",
        "--format",
        "html",
        "-o",
        page.to_str().unwrap(),
        "--write-mapping",
        map.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<tr class=\"add\"><td></td><td></td><td class=\"l2\">2.4 Tỷ lệ hồ sơ trực tuyến</td><td>1</td><td>added</td></tr>"));
    assert!(html.contains("<td class=\"l2\">1.3 Tuyên truyền phổ biến pháp luật cho người dân</td><td>1</td><td class=\"l2\">1.4 Tuyên truyền"));
    let mapping = std::fs::read_to_string(&map).unwrap();
    assert!(mapping.contains("\n1.3 -> 1.4\n"));
    // Overwriting a ruleset with -o is refused.
    let (code, _, err) = run_chiso(&[
        "diff",
        "tests/fixtures/diff/old.chiso",
        "tests/fixtures/diff/new.chiso",
        "-o",
        root()
            .join("tests/fixtures/diff/new.chiso")
            .to_str()
            .unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(!err.is_empty());
}

#[test]
fn reweighting_two_units_gain_and_lose_by_hand() {
    // trong-so-cu → trong-so-moi: 1.1 max 6 → 4 with its band edge 90% → 80%; 1.2 max 4 → 6.
    let (code, out, err) = run_chiso(&[
        "diff",
        "tests/fixtures/diff/trong-so-cu.chiso",
        "tests/fixtures/diff/trong-so-moi.chiso",
        "--data",
        "tests/fixtures/diff/don-vi",
    ]);
    assert_eq!(code, 0, "{err}");
    // Huyện A (85 of 100 on time, 1.2 = 4 of 4):
    //   old: 85% < 90% → 6 / 2 = 3; + 4 = 7 of 10 = 70% Khá
    //   new: 85% ≥ 80% → 4; 1.2 carried 4 × 6 ÷ 4 = 6; 10 of 10 = 100% Tốt
    // Huyện B (95 of 100, 1.2 = 2 of 4):
    //   old: 95% ≥ 90% → 6; + 2 = 8 of 10 = 80% Tốt
    //   new: 4; 1.2 carried 2 × 6 ÷ 4 = 3; 7 of 10 = 70% Khá
    // Ranks: old B #1, A #2; new A #1, B #2.
    assert!(out.contains("\n3 matched (2 changed), 0 removed, 0 added, 0 split, 0 merged; 0 header, 0 input change(s)\n"));
    for line in [
        "      max 6 → 4",
        "      max 4 → 6",
        "  Huyện A",
        "    old: 7/10 = 70% Khá #2",
        "    new: 10/10 = 100% Tốt #1",
        "    change: +30 points of %; rank #2 → #1; grade Khá → Tốt",
        "  Huyện B",
        "    old: 8/10 = 80% Tốt #1",
        "    new: 7/10 = 70% Khá #2",
        "    change: -10 points of %; rank #1 → #2; grade Tốt → Khá",
        "    1.2 → 1.2: 4 → 6 (+2)",
        "    1.1 → 1.1: 3 → 4 (+1)",
        "    1.1 → 1.1: 6 → 4 (-2)",
        "    1.2 → 1.2: 2 → 3 (+1)",
        "    carried in proportion: 1.2 → 1.2: 2 of 4 → 3 of 6",
        "Gain: Huyện A; lose: Huyện B; unchanged or not comparable: none",
    ] {
        assert!(
            out.lines().any(|l| l == line),
            "missing line {line:?} in\n{out}"
        );
    }
    assert!(out.contains("(band edge 90% → 80%)"));
}

#[test]
fn hover_note_says_what_a_criterion_was_last_year() {
    let old = analyzed("rulesets/kon-tum/huyen-2022.chiso");
    let new = analyzed("rulesets/kon-tum/huyen-2023-trich.chiso");
    let (diff, _) = compare(&old, &new, None);
    let (o, n) = (&old.ruleset, &new.ruleset);
    let was = |id: &str| {
        chiso::diff::was(&diff, o, n, n.node_index(id).unwrap())
            .unwrap()
            .en()
    };
    // The 2022 file declares no year: "last year's ruleset". 1.6.3 had maximum 3; its owner
    // "Văn phòng HĐND & UBND huyện" (from 1.6) is 2023's "Văn phòng HĐND và UBND huyện".
    assert_eq!(
        was("1.6.2"),
        "was 3 points as 1.6.3 in last year's ruleset; changed: id, title, rule, not_evaluated"
    );
    // 1.4.1 "… (hoặc nhiệm vụ …)" had 0,5 points: a decimal point in English, a decimal
    // comma in Vietnamese.
    assert!(was("1.4.2").starts_with("was 0.5 points as 1.4.1 in last year's ruleset"));
    let vi = chiso::diff::was(&diff, o, n, n.node_index("1.4.2").unwrap())
        .unwrap()
        .render(chiso::Lang::Vi);
    assert!(
        vi.starts_with("trong bộ tiêu chí năm trước là tiêu chí 1.4.1 (0,5 điểm)"),
        "{vi}"
    );
    assert_eq!(was("7.2.2"), "new: not in last year's ruleset");

    let old = analyzed("tests/fixtures/diff/old.chiso");
    let new = analyzed("tests/fixtures/diff/new.chiso");
    let (diff, _) = compare(&old, &new, None);
    let (o, n) = (&old.ruleset, &new.ruleset);
    let was = |id: &str| {
        chiso::diff::was(&diff, o, n, n.node_index(id).unwrap())
            .unwrap()
            .en()
    };
    assert_eq!(
        was("1.4"),
        "was 1 points as 1.3 in 2023; changed: id, bonus"
    );
    assert_eq!(was("1"), "was 5 points as 1 in 2023, unchanged");
    assert_eq!(was("1.3"), "split from 1.2 (2 points) in 2023");
    assert_eq!(
        was("3.1"),
        "merged from 3.1 (1 points), 3.2 (1 points) in 2023"
    );
    assert_eq!(was("2.4"), "new: not in the 2023 ruleset");
}

#[test]
fn kon_tum_mapping_corrects_a_reused_id() {
    // 7.3.1 is "… qua dịch vụ bưu chính công ích" in 2022 and "Tỷ lệ TTHC được triển khai thanh
    // toán trực tuyến" in 2023: the same id, titles sharing "tỷ lệ thủ tục hành chính … triển
    // khai": 8 of the new title's 13 words (TTHC spelled out: ty le thu tuc hanh chinh duoc
    // trien khai thanh toan truc tuyen), containment 900 × 8 ÷ 13 = 553 ≥ 350 (Dice 2000 × 8 ÷
    // (26 + 13) = 410 is lower), so the guess pairs them. A reviewer's mapping says the old one was removed and the new one added.
    let old = analyzed("rulesets/kon-tum/huyen-2022.chiso");
    let new = analyzed("rulesets/kon-tum/huyen-2023-trich.chiso");
    let (o, n) = (&old.ruleset, &new.ruleset);
    let (guess, _) = compare(&old, &new, None);
    let i = o.node_index("7.3.1").unwrap();
    let j = n.node_index("7.3.1").unwrap();
    let m = guess.matched.iter().find(|m| m.old == i).unwrap();
    assert_eq!((m.new, m.how, m.similarity), (j, MatchHow::IdAndTitle, 553));
    let mapping = Mapping::parse("7.3.1 -> -   # bưu chính công ích: gone\n- -> 7.3.1\n").unwrap();
    let (fixed, problems) = compare(&old, &new, Some(&mapping));
    assert!(problems.is_empty());
    assert!(fixed.new_of(i).is_none());
    assert!(fixed.removed.contains(&i));
    assert!(fixed.added.contains(&j));
    // Everything else is still guessed: 1.6.3 → 1.6.2.
    assert_eq!(
        fixed.new_of(o.node_index("1.6.3").unwrap()),
        n.node_index("1.6.2")
    );
}

#[test]
fn impact_as_markdown_and_html() {
    // The same two units as `reweighting_two_units_gain_and_lose_by_hand`.
    let args = [
        "diff",
        "tests/fixtures/diff/trong-so-cu.chiso",
        "tests/fixtures/diff/trong-so-moi.chiso",
        "--data",
        "tests/fixtures/diff/don-vi",
        "--format",
    ];
    let (code, md, _) = run_chiso(&[&args[..], &["markdown"]].concat());
    assert_eq!(code, 0);
    for line in [
        "| unit | old | grade | rank | new | grade | rank | change |",
        "| Huyện A | 7/10 = 70% | Khá | #2 | 10/10 = 100% | Tốt | #1 | +30 points of %; rank #2 → #1; grade Khá → Tốt |",
        "| Huyện B | 8/10 = 80% | Tốt | #1 | 7/10 = 70% | Khá | #2 | -10 points of %; rank #1 → #2; grade Tốt → Khá |",
        "- 1.1 → 1.1: 6 → 4 (-2)",
    ] {
        assert!(md.lines().any(|l| l == line), "missing {line:?} in\n{md}");
    }
    let (code, html, _) = run_chiso(&[&args[..], &["html"]].concat());
    assert_eq!(code, 0);
    assert!(html.contains("<h2>Impact on last year's units</h2>"));
    assert!(html.contains("old: 8/10 = 80% Tốt #1"));
    assert!(html.contains(
        "<tr class=\"chg\"><td class=\"l2\">1.1 Tỷ lệ hồ sơ giải quyết đúng hạn</td><td>6</td>"
    ));
}

/// Appraisal rounds and groups are header declarations like any other: declaring a third
/// round, renaming one, or adding a group is a header change, named `stages` / `groups`, with
/// both sides as written (names joined in order).
#[test]
fn stage_and_group_declarations_are_header_changes() {
    let old = chiso::analyze(
        "bộ tiêu chí \"T\" {\n  tổng điểm 1\n  giai đoạn \"Tự đánh giá\", \"Thẩm định\"\n  nhóm \"Khối sở\"\n}\n\
         lĩnh vực 1 \"A\" tối đa 1 { tiêu chí 1.1 \"B\" tối đa 1 }\n",
    );
    let new = chiso::analyze(
        "bộ tiêu chí \"T\" {\n  tổng điểm 1\n  giai đoạn \"Tự chấm\", \"Thẩm định\", \"Thẩm định lại\"\n  nhóm \"Khối sở\"\n  nhóm \"Khối huyện\"\n}\n\
         lĩnh vực 1 \"A\" tối đa 1 { tiêu chí 1.1 \"B\" tối đa 1 }\n",
    );
    assert!(old.diagnostics.is_empty() && new.diagnostics.is_empty());
    let (diff, problems) = compare(&old, &new, None);
    assert!(problems.is_empty());
    let header: Vec<(&str, Option<&str>, Option<&str>)> = diff
        .header
        .iter()
        .map(|h| (h.what.as_str(), h.old.as_deref(), h.new.as_deref()))
        .collect();
    assert_eq!(
        header,
        vec![
            ("groups", Some("Khối sở"), Some("Khối sở, Khối huyện")),
            (
                "stages",
                Some("Tự đánh giá, Thẩm định"),
                Some("Tự chấm, Thẩm định, Thẩm định lại")
            ),
        ]
    );
    // The same declarations on both sides: no change.
    let (same, _) = compare(&new, &new, None);
    assert!(same.header.is_empty());
}
