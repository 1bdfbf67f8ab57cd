//! The rulesets under rulesets/: each checks clean except for the faults of its source that
//! its folder's README lists, its own tests pass, and the seeds' unit data reproduces the
//! seeds' numbers (expected values read from the seed tables or quoted from the seed report).

use crate::common::{read, root};
use chiso::data::UnitData;
use chiso::eval::{evaluate, Status, UnitResult};
use chiso::model::{Rule, Ruleset, SourceKind, Value};
use chiso::testing::run_tests;
use chiso_formats::unit_file::{self as data, DataFormat};
use pretty_assertions::assert_eq;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

fn dec(text: &str) -> Decimal {
    Decimal::from_str(&text.replace(',', ".")).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root().join("rulesets"))
        .expect("under rulesets/")
        .display()
        .to_string()
}

fn analyze(path: &str) -> chiso::Analysis {
    chiso::analyze(&read(format!("rulesets/{path}")))
}

fn score(ruleset: &Ruleset, data_path: &str) -> UnitResult {
    let text = read(format!("rulesets/{data_path}"));
    let (data, diagnostics) = data::load(ruleset, &text, DataFormat::Toml);
    assert!(diagnostics.is_empty(), "{data_path}: {diagnostics:?}");
    let outcome = evaluate(ruleset, &data.expect("data"));
    assert!(
        outcome.diagnostics.is_empty(),
        "{data_path}: {:?}",
        outcome.diagnostics
    );
    assert!(
        outcome.result.is_complete(),
        "{data_path}: missing {:?}",
        outcome.result.missing
    );
    outcome.result
}

fn node_score(ruleset: &Ruleset, result: &UnitResult, id: &str) -> Option<Decimal> {
    let index = ruleset
        .node_index(id)
        .unwrap_or_else(|| panic!("no node {id}"));
    result.nodes[index].score
}

/// Findings each ruleset is allowed: the faults of its source its README lists.
fn known_faults(name: &str) -> Vec<(&'static str, &'static str)> {
    match name {
        // QĐ 2270 mục II.1.2 declares 80 + 20; the ĐTXHH rows of Bảng 1 add up to 19.
        "dien-bien/so-2024.chiso" => vec![
            ("E007", "tỷ trọng tự đánh giá 80"),
            ("E007", "tỷ trọng điều tra 20"),
        ],
        _ => vec![],
    }
}

#[test]
fn every_ruleset_checks_clean_but_for_the_faults_its_readme_lists() {
    let files = crate::common::ruleset_files();
    assert!(files.len() >= 4, "{files:?}");
    for path in files {
        let name = relative(&path);
        let text = std::fs::read_to_string(&path).expect("ruleset");
        // Each file starts with a comment that cites its source.
        let head: String = text
            .lines()
            .take_while(|l| l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            head.contains("Nguồn:"),
            "{name} does not start by citing its source"
        );
        let analysis = chiso::analyze(&text);
        let found: Vec<(&str, &str)> = analysis
            .diagnostics
            .iter()
            .map(|d| (d.code, &text[d.span.clone()]))
            .collect();
        assert_eq!(found, known_faults(&name), "{name}");
        let readme = read(path.parent().expect("folder").join("README.md"));
        for (code, _) in known_faults(&name) {
            assert!(
                readme.contains(code),
                "{name}: the folder README does not list {code}"
            );
        }
        // The tests written in the ruleset pass (a ruleset with errors cannot be scored).
        if !analysis.has_errors() {
            for outcome in run_tests(&analysis.ruleset) {
                assert!(
                    outcome.passed(),
                    "{name}: {}: {:?}",
                    outcome.name,
                    outcome.failures
                );
            }
        }
    }
}

/// The rows of seed 000's table: id, and the 2021 and 2022 columns as written (blank = none).
fn kon_ray_table() -> Vec<(String, Option<Decimal>, Option<Decimal>)> {
    let text = read("tests/fixtures/import/kon-ray-2022.tsv");
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let id = cells.first()?.trim();
            let is_id = !id.is_empty()
                && id
                    .split('.')
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
            if !is_id || cells.len() < 5 {
                return None;
            }
            let value = |c: &str| (!c.trim().is_empty()).then(|| dec(c.trim()));
            Some((id.to_string(), value(cells[3]), value(cells[4])))
        })
        .collect()
}

#[test]
fn kon_ray_2021_scores_and_2022_targets_reproduce_the_plan_table() {
    let analysis = analyze("kon-tum/huyen-2022.chiso");
    let ruleset = &analysis.ruleset;
    let table = kon_ray_table();
    assert_eq!(
        table.len(),
        ruleset.nodes.len(),
        "every row of the table is a node"
    );
    for (column, file, total, percent, grade) in [
        (1, "kon-tum/data/kon-ray-2021.toml", "81.45", "85.74", "Tốt"),
        (
            2,
            "kon-tum/data/kon-ray-2022-muc-tieu.toml",
            "85.85",
            "90.37",
            "Xuất sắc",
        ),
    ] {
        let result = score(ruleset, file);
        // Every row: areas, criteria and sub-criteria, equal to the table's column.
        for (id, y2021, y2022) in &table {
            let expected = if column == 1 { y2021 } else { y2022 };
            let index = ruleset.node_index(id).expect("node");
            match expected {
                Some(points) => {
                    assert_eq!(result.nodes[index].score, Some(*points), "{file}: {id}")
                }
                None => assert!(
                    matches!(result.nodes[index].status, Status::NotEvaluated(_)),
                    "{file}: {id} is blank in the table"
                ),
            }
        }
        // The table's "Tổng cộng" row: 81.45 (2021) and 85.85 (2022) of 95.
        assert_eq!(result.achieved, dec(total), "{file}");
        assert_eq!(result.max, Decimal::from(95), "{file}");
        // 81.45 / 95 = 85.736…% and 85.85 / 95 = 90.368…%, rounded as the ruleset declares.
        assert_eq!(result.percent, Some(dec(percent)), "{file}");
        // The grade bands are an assumption of the ruleset (see rulesets/kon-tum/README.md).
        assert_eq!(result.grade.as_deref(), Some(grade), "{file}");
    }
}

#[test]
fn kon_ray_2023_reproduces_every_figure_of_the_report_the_excerpt_covers() {
    let analysis = analyze("kon-tum/huyen-2023-trich.chiso");
    let ruleset = &analysis.ruleset;
    let result = score(ruleset, "kon-tum/data/kon-ray-2023.toml");
    // Seed 004, section II: "UBND huyện tự chấm … điểm", criterion by criterion.
    let report = [
        ("1.1.3", "0.5"),
        ("1.3.1", "0.5"),
        ("1.3.2", "1"),
        ("1.4.2", "0.5"),
        ("1.4.3", "1"),
        ("1.5", "3"),
        ("1.6.1", "3.88"),
        ("2.2.2", "1.5"),
        ("2.2.3", "1.5"),
        ("2.3.1", "0.5"),
        ("2.3.2", "1.5"),
        ("3.3.1", "1"),
        ("3.3.2", "0.5"),
        ("3.4.1", "0.97"),
        ("3.4.2", "1"),
        ("3.4.5", "0.5"),
        ("3.5.1", "1"),
        ("4.1.1", "2"),
        ("4.1.2", "2"),
        ("4.3.1", "1"),
        ("4.3.2", "1"),
        ("4.3.3", "1"),
        ("5.1", "3"),
        ("5.2", "1"),
        ("5.3", "1"),
        ("5.4", "1"),
        ("5.5", "1"),
        ("5.6", "1"),
        ("5.8", "2"),
        ("7.1.3", "1"),
        ("7.1.4", "1"),
        ("7.1.6", "0.5"),
        ("7.1.7", "0.5"),
        ("7.1.8", "0.5"),
        ("7.1.9", "1"),
        ("7.2.1", "2"),
        ("7.2.2", "0.14"),
        ("7.3.1", "0.5"),
        ("7.3.2", "0.11"),
    ];
    for (id, points) in report {
        assert_eq!(node_score(ruleset, &result, id), Some(dec(points)), "{id}");
    }
    // "UBND huyện Kon Rẫy không có nội dung được giao chủ trì tham mưu. Do đó, UBND huyện không
    // đánh giá tiêu chí này."
    let i = ruleset.node_index("1.6.2").expect("1.6.2");
    assert!(matches!(result.nodes[i].status, Status::NotEvaluated(_)));
    // Every leaf of the excerpt is one the report names.
    let leaves: Vec<&str> = ruleset
        .nodes
        .iter()
        .filter(|n| n.is_leaf() && n.id != "1.6.2")
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(leaves, report.iter().map(|(id, _)| *id).collect::<Vec<_>>());
    // The report's area results (section I): 12.88/13, 10/10, 16.97/18, 10/10, 11/13, …, 11.44/14.
    // Points lost in the excerpt are those of the report where the excerpt covers every loss
    // (areas 1, 2, 4), and never more than the report's elsewhere.
    for (area, achieved, max, covers_all) in [
        ("1", "12.88", "13", true),
        ("2", "10", "10", true),
        ("3", "16.97", "18", false),
        ("4", "10", "10", true),
        ("5", "11", "13", false),
        ("7", "11.44", "14", false),
    ] {
        let index = ruleset.node_index(area).expect("area");
        let lost = result.nodes[index].lost().expect("scored");
        let report_lost = dec(max) - dec(achieved);
        if covers_all {
            assert_eq!(lost, report_lost, "area {area}");
        } else {
            assert!(lost <= report_lost, "area {area}: {lost} > {report_lost}");
        }
    }
}

/// The ruleset made from an imported table keeps the table's rows: same ids (but for the
/// corrections each file states), titles, maxima and survey tags as the reviewed skeleton.
fn same_rows_as_skeleton(
    ruleset_path: &str,
    skeleton_path: &str,
    renumbered: &[(&str, usize)],
) -> Vec<(String, SourceKind)> {
    let ruleset = analyze(ruleset_path).ruleset;
    let skeleton = chiso::analyze(&read(skeleton_path)).ruleset;
    assert_eq!(ruleset.nodes.len(), skeleton.nodes.len(), "{ruleset_path}");
    let mut sources = Vec::new();
    for (i, (node, row)) in ruleset.nodes.iter().zip(&skeleton.nodes).enumerate() {
        match renumbered.iter().find(|(_, at)| *at == i) {
            Some((id, _)) => assert_eq!(node.id, *id, "{ruleset_path}: node {i}"),
            None => assert_eq!(node.id, row.id, "{ruleset_path}: node {i}"),
        }
        assert_eq!(node.title, row.title, "{ruleset_path}: {}", node.id);
        assert_eq!(node.max, row.max, "{ruleset_path}: {}", node.id);
        if node.source != row.source {
            sources.push((node.id.clone(), node.source));
        }
    }
    sources
}

#[test]
fn dien_bien_rulesets_keep_every_row_of_the_decree_tables() {
    let so = analyze("dien-bien/so-2024.chiso").ruleset;
    let at = |r: &Ruleset, id: &str| r.nodes.iter().position(|n| n.id == id).expect(id);
    // Bảng 1 and 2 number "Xử lý kết quả theo dõi thi hành pháp luật" 2.3.1 twice: it is 2.3.2.
    let so_renumbered = at(&so, "2.3.2");
    let changed = same_rows_as_skeleton(
        "dien-bien/so-2024.chiso",
        "tests/golden/import/dien-bien-2024-bang-1.chiso",
        &[("2.3.2", so_renumbered)],
    );
    assert_eq!(changed, vec![]);
    let huyen = analyze("dien-bien/huyen-2024.chiso").ruleset;
    let changed = same_rows_as_skeleton(
        "dien-bien/huyen-2024.chiso",
        "tests/golden/import/dien-bien-2024-bang-2.chiso",
        &[("2.3.2", at(&huyen, "2.3.2"))],
    );
    // The only source changed in review: 8.3.x, tagged ĐTXHH in Bảng 2, are the satisfaction survey.
    let expected: Vec<(String, SourceKind)> = (1..=9)
        .map(|i| (format!("8.3.{i}"), SourceKind::Satisfaction))
        .collect();
    assert_eq!(changed, expected);
}

/// A district of Điện Biên with every figure given: all inputs `full` or `none`.
fn dien_bien_unit(ruleset: &Ruleset, full: bool) -> UnitData {
    let mut data = UnitData::empty(
        ruleset,
        if full {
            "huyện đạt tối đa"
        } else {
            "huyện không đạt điểm nào"
        },
    );
    for (slot, input) in ruleset.inputs.iter().enumerate() {
        let whole = [
            "tổng_số",
            "đã_giải_quyết",
            "tiếp_nhận",
            "được_giao",
            "phải_chuyển_đổi",
            "triển_khai",
            "dự_toán",
            "nghĩa_vụ",
        ];
        let is_whole = whole.iter().any(|w| input.name.contains(w))
            && input.name != "tthc_tiếp_nhận_tại_một_cửa"
            && input.name != "hồ_sơ_huyện_đúng_hạn";
        let value = match input.name.as_str() {
            "nhiệm_vụ_trễ_hạn" | "nhiệm_vụ_chưa_đến_hạn" => 0,
            _ if is_whole || full => 20,
            _ => 0,
        };
        data.values[slot] = Some(Value::Number(Decimal::from(value)));
    }
    for (index, node) in ruleset.nodes.iter().enumerate() {
        if matches!(node.rule, Some(Rule::Awarded)) {
            data.points[index] = Some(if full { node.max } else { Decimal::ZERO });
        }
    }
    data
}

#[test]
fn a_dien_bien_district_is_scored_by_its_formulas_and_graded() {
    let ruleset = analyze("dien-bien/huyen-2024.chiso").ruleset;
    let formulas = ruleset
        .nodes
        .iter()
        .filter(|n| matches!(n.rule, Some(Rule::Formula(_))))
        .count();
    assert!(formulas >= 20, "{formulas} formula criteria");
    // Every figure at its best: 100 of 100, "Tốt" (≥ 85%, QĐ 2270 mục II.2.4.c).
    let best = evaluate(&ruleset, &dien_bien_unit(&ruleset, true));
    assert!(best.diagnostics.is_empty(), "{:?}", best.diagnostics);
    assert_eq!(
        (best.result.achieved, best.result.max),
        (Decimal::ONE_HUNDRED, Decimal::ONE_HUNDRED)
    );
    assert_eq!(best.result.percent, Some(Decimal::ONE_HUNDRED));
    assert_eq!(best.result.grade.as_deref(), Some("Tốt"));
    // Nothing achieved: 0%, "Kém" (< 40%).
    let worst = evaluate(&ruleset, &dien_bien_unit(&ruleset, false));
    assert!(worst.diagnostics.is_empty(), "{:?}", worst.diagnostics);
    assert_eq!(worst.result.achieved, Decimal::ZERO);
    assert_eq!(worst.result.grade.as_deref(), Some("Kém"));
    // The shares the decree declares (mục II.2.2): 75 + 10 + 15.
    let leaves = |source: SourceKind| -> Decimal {
        ruleset
            .nodes
            .iter()
            .filter(|n| n.is_leaf() && n.source == source)
            .map(|n| n.max)
            .sum()
    };
    assert_eq!(leaves(SourceKind::SelfAssessment), Decimal::from(75));
    assert_eq!(leaves(SourceKind::Survey), Decimal::from(10));
    assert_eq!(leaves(SourceKind::Satisfaction), Decimal::from(15));
}
