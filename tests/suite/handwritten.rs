//! The benchmark's hand-written scorer of the Điện Biên district ruleset
//! (`benches/dien_bien_hand.rs`, straight-line Rust written from the ruleset's text and the
//! decree) and `chiso score … --format csv` write the same bytes for the same sheet — a
//! sheet made to hold every awkward case: zero denominators, blanks, bad cells, parts above
//! their whole, thousands groups, units given twice and ties. The two programs share no
//! code, so agreeing on every byte checks both; and the bench's ratios compare programs
//! that do the same work.

#[path = "../../benches/dien_bien_hand.rs"]
mod dien_bien_hand;

use crate::common::run_chiso;
use std::collections::HashMap;

const RULESET: &str = "rulesets/dien-bien/huyen-2024.chiso";

/// The rows of a chiso CSV report whose `status` column is `status`.
fn count_status(csv: &str, status: &str) -> usize {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    reader
        .records()
        .filter(|r| r.as_ref().is_ok_and(|r| &r[6] == status))
        .count()
}

#[test]
fn the_hand_written_scorer_and_chiso_write_the_same_csv_for_a_messy_province() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("tinh.csv");
    let text = dien_bien_hand::province(600, true, 2024);
    std::fs::write(&sheet, &text).unwrap();
    let name = sheet.display().to_string();
    // In Vietnamese, as the hand-written scorer writes the problems (a report speaks the
    // run's language: `BatchReport::lang`).
    let (code, chiso_csv, stderr) =
        run_chiso(&["score", "--lang", "vi", RULESET, &name, "--format", "csv"]);
    // Bad cells and missing data: chiso says so and exits 1, still writing every unit.
    assert_eq!(code, 1, "{stderr}");
    let mut hand_csv = Vec::new();
    let hand_ranking = dien_bien_hand::score_sheet(&text, &name, &mut hand_csv).unwrap();
    let hand_csv = String::from_utf8(hand_csv).unwrap();

    // The sheet holds every case the test is about (counted in chiso's own report).
    for (status, at_least) in [
        ("scored", 50_000),
        ("not_evaluated", 50),
        ("survey", 10),
        ("missing", 10),
        ("failed", 10),
        ("incomplete", 20),
        ("not_scored", 10),
    ] {
        let n = count_status(&chiso_csv, status);
        assert!(n >= at_least, "only {n} rows `{status}`");
    }
    assert!(chiso_csv.contains("không đánh giá toàn bộ tiêu chí thành phần"));
    // The problems in the report's Vietnamese (`--lang vi`).
    assert!(chiso_csv.contains("lỗi[D013]"), "a unit given twice");
    for code in ["D003", "D004", "D007"] {
        assert!(chiso_csv.contains(&format!("lỗi[{code}]")), "{code}");
    }

    if hand_csv != chiso_csv {
        let first = hand_csv
            .lines()
            .zip(chiso_csv.lines())
            .position(|(a, b)| a != b);
        let line = first.unwrap_or(hand_csv.lines().count().min(chiso_csv.lines().count()));
        panic!(
            "the CSVs differ at line {}:\nhand-written: {:?}\nchiso:        {:?}",
            line + 1,
            hand_csv.lines().nth(line),
            chiso_csv.lines().nth(line)
        );
    }

    // The same ranking as chiso's (`rank` in its JSON), ties sharing a rank.
    let (_, json, _) = run_chiso(&["score", RULESET, &name, "--format", "json"]);
    let units: serde_json::Value = serde_json::from_str(&json).unwrap();
    let chiso_ranks: HashMap<String, Option<u64>> = units
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["scored"] == true)
        .map(|u| (u["unit"].as_str().unwrap().to_string(), u["rank"].as_u64()))
        .collect();
    let hand: HashMap<String, usize> = hand_ranking.iter().cloned().collect();
    let ranked = chiso_ranks.values().filter(|r| r.is_some()).count();
    assert_eq!(ranked, hand.len());
    for (unit, rank) in &chiso_ranks {
        assert_eq!(rank.map(|r| r as usize), hand.get(unit).copied(), "{unit}");
    }
    let mut ranks: Vec<usize> = hand.values().copied().collect();
    ranks.sort_unstable();
    assert!(
        ranks.windows(2).any(|w| w[0] == w[1]),
        "the province has ties"
    );
}

#[test]
fn the_hand_written_scorer_scores_the_rulesets_own_test_cases_by_hand() {
    // The ruleset's `kiểm thử` blocks, computed by hand there: 642/663 × 1,5 = 1,45;
    // (15 + 1/2) / (19 − 3) × 2 = 1,9375 → 1,94; 11/19 = 57,89% ≥ 30% → 0,5.
    let mut text = String::from("Đơn vị;hồ_sơ_huyện_đúng_hạn;hồ_sơ_huyện_đã_giải_quyết;nhiệm_vụ_được_giao;nhiệm_vụ_đúng_hạn;nhiệm_vụ_trễ_hạn;nhiệm_vụ_chưa_đến_hạn;đơn_vị_được_kiểm_tra;tổng_số_đơn_vị\n");
    text.push_str("UBND huyện Mường Chà;642;663;19;15;1;3;11;19\n");
    let mut csv = Vec::new();
    dien_bien_hand::score_sheet(&text, "a.csv", &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    // Titles hold commas, so the score is counted from the end of the row.
    let score_from_end = |id: &str| {
        csv.lines()
            .find(|l| l.starts_with(&format!("UBND huyện Mường Chà,{id},")))
            .map(|l| l.rsplit(',').nth(5).unwrap_or_default().to_string())
    };
    assert_eq!(score_from_end("3.4.1").as_deref(), Some("1.45"));
    assert_eq!(score_from_end("1.7").as_deref(), Some("1.94"));
    assert_eq!(score_from_end("1.3.1").as_deref(), Some("0.5"));
}
