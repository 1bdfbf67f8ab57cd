//! The `chiso` command as users run it: exit codes, output formats, golden files.
//! Golden files are expected outputs reviewed by hand (their numbers are seed 004's);
//! a mismatch is a change to review, never to bless blindly.

use crate::common::{read, root, run_chiso};
use pretty_assertions::assert_eq;

const RULESET: &str = "rulesets/kon-tum/huyen-2023-trich.chiso";
const DATA: &str = "rulesets/kon-tum/data/kon-ray-2023.toml";

#[test]
fn score_in_every_format_matches_the_reviewed_golden_files() {
    for format in ["table", "json", "csv", "markdown"] {
        let (code, stdout, stderr) =
            run_chiso(&["score", "--lang", "vi", RULESET, DATA, "--format", format]);
        assert_eq!((code, stderr.as_str()), (0, ""), "format {format}");
        assert_eq!(
            stdout,
            read(format!("tests/golden/score/kon-ray-2023.{format}")),
            "format {format}"
        );
    }
}

#[test]
fn score_json_holds_the_seed_figures() {
    let (_, stdout, _) = run_chiso(&["score", RULESET, DATA, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let unit = &json[0];
    let score = |id: &str| {
        let node = unit["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap();
        (node["score"].clone(), node["status"].clone())
    };
    assert_eq!(
        score("7.2.2"),
        (serde_json::json!("0.14"), serde_json::json!("scored"))
    );
    assert_eq!(score("7.3.2").0, "0.11");
    assert_eq!(score("3.4.1").0, "0.97");
    assert_eq!(score("3.4.2").0, "1");
    assert_eq!(score("1.6.1").0, "3.88");
    assert_eq!(
        score("1.6.2"),
        (serde_json::Value::Null, serde_json::json!("not_evaluated"))
    );
    assert_eq!(
        (
            unit["achieved"].as_str(),
            unit["max"].as_str(),
            unit["percent"].as_str()
        ),
        // The excerpt's criteria only (seed 004's named criteria): 44.6 of 47.
        (Some("44.6"), Some("47"), Some("94.89"))
    );
}

#[test]
fn explain_shows_how_0_14_arises() {
    let (code, stdout, _) = run_chiso(&["explain", RULESET, DATA, "7.2.2"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, read("tests/golden/explain-7.2.2.txt"));
}

#[test]
fn test_runs_the_ruleset_cases() {
    let (code, stdout, _) = run_chiso(&["test", RULESET]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.ends_with("chiso: 3 passed, 0 failed\n"), "{stdout}");
}

#[test]
fn a_failing_test_case_exits_1_and_points_at_the_expectation() {
    let dir = tempdir();
    let path = dir.join("t.chiso");
    std::fs::write(
        &path,
        "ruleset \"t\" {}\narea 1 \"a\" { criterion 1.1 \"x\" max 1 }\ntest \"sai\" {\n  points 1.1 = 0.5\n  expect 1.1 = 1\n}\n",
    )
    .unwrap();
    let (code, stdout, _) = run_chiso(&["test", path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stdout.contains("FAIL"), "{stdout}");
    assert!(
        stdout.contains("expected 1.1 = 1, got 0.5 points"),
        "{stdout}"
    );
    assert!(stdout.contains("t.chiso:5:3"), "{stdout}");
    assert!(
        stdout.contains("T001"),
        "the library's T001 is printed: {stdout}"
    );
    assert!(stdout.ends_with("chiso: 0 passed, 1 failed\n"));
}

#[test]
fn check_json_lists_diagnostics_with_position_and_exits_1() {
    let dir = tempdir();
    let path = dir.join("bad.chiso");
    std::fs::write(
        &path,
        "ruleset \"t\" {}\narea 1 \"Lĩnh vực\" max 3 {\n  criterion 1.1 \"Tiêu chí\" max 2\n}\n",
    )
    .unwrap();
    let (code, stdout, _) = run_chiso(&["check", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let d = &json[0];
    assert_eq!(d["code"], "E004");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(19))
    );
    assert_eq!(d["file"], path.to_str().unwrap());
    assert!(d["message"].as_str().unwrap().contains("add up to 2"));
}

#[test]
fn check_passes_on_the_bundled_rulesets() {
    let (code, _, stderr) = run_chiso(&["check", RULESET]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("0 errors, 0 warnings"), "{stderr}");
}

#[test]
fn usage_errors_exit_2() {
    let (code, _, stderr) = run_chiso(&["score"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, _) = run_chiso(&["nonsense"]);
    assert_eq!(code, 2);
}

#[test]
fn a_bad_unit_is_reported_and_the_good_ones_still_scored() {
    let dir = tempdir();
    let bad = dir.join("xấu.toml");
    std::fs::write(
        &bad,
        "unit = \"UBND huyện X\"\n[inputs]\n\"hồ_sơ_tiếp_nhận\" = -5\n",
    )
    .unwrap();
    let missing = dir.join("thiếu.toml");
    std::fs::write(
        &missing,
        "unit = \"UBND huyện Y\"\n[inputs]\n\"hồ_sơ_tiếp_nhận\" = 10\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run_chiso(&[
        "score",
        RULESET,
        DATA,
        bad.to_str().unwrap(),
        missing.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(code, 1);
    // Every unit is in the output: the good one, the incomplete one, and the broken file
    // as one `not_scored` row naming its problem (issue 9: every unit in every output).
    assert!(
        stdout.contains("UBND huyện Kon Rẫy,,TỔNG,unit,47,44.6,scored,,2.4,94.89,"),
        "{stdout}"
    );
    assert!(stdout.contains("UBND huyện Y,,TỔNG,unit,"), "{stdout}");
    let bad_row = stdout
        .lines()
        .find(|l| l.contains("not_scored"))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(bad_row.contains("xấu.toml"), "{bad_row}");
    // The report speaks the run's language (`BatchReport::lang`): English here
    // (`CHISO_LANG=en`), the problem's code and the CSV's words unchanged.
    assert!(bad_row.contains("error[D004]"), "{bad_row}");
    assert!(
        bad_row.contains("must not be negative (found -5)"),
        "{bad_row}"
    );
    // The broken file: its line and value, and the reason.
    // The column counts characters, not bytes, on a line full of Vietnamese letters.
    assert!(stderr.contains("xấu.toml:3:21]"), "{stderr}");
    assert!(stderr.contains("must not be negative"), "{stderr}");
    // The incomplete unit: a to-do list by owner.
    assert!(stderr.contains("UBND huyện Y: missing data"), "{stderr}");
    assert!(
        stderr.contains("input `hồ_sơ_trực_tuyến_toàn_trình`"),
        "{stderr}"
    );
}

#[test]
fn unreadable_files_are_errors_not_panics() {
    let (code, _, stderr) = run_chiso(&["check", "does/not/exist.chiso"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("cannot read does/not/exist.chiso"),
        "{stderr}"
    );
    let dir = tempdir();
    let latin1 = dir.join("latin1.chiso");
    std::fs::write(&latin1, b"ruleset \"caf\xe9\" {}\n").unwrap();
    let (code, _, stderr) = run_chiso(&["check", latin1.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("is not UTF-8"), "{stderr}");
}

/// A fresh directory under the target dir (no extra crate for this).
fn tempdir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = root().join("target").join("test-tmp").join(format!(
        "cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn explain_reads_a_unit_from_a_province_sheet() {
    let dir = tempdir();
    let sheet = dir.join("tinh.csv");
    std::fs::write(
        &sheet,
        "Đơn vị,hồ_sơ_trực_tuyến_toàn_trình,hồ_sơ_tiếp_nhận\nUBND huyện A,50,100\nUBND huyện Kon Rẫy,169,2534\n",
    )
    .unwrap();
    let sheet = sheet.to_str().unwrap();
    let (code, stdout, stderr) = run_chiso(&[
        "explain",
        RULESET,
        sheet,
        "7.2.2",
        "--unit",
        "ubnd huyện kon rẫy",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(
            "4. ratio rounded (2 places, half-up): 0.0666929755327545382794001579 → 0.07\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("  result:    0.14 of 2\n"), "{stdout}");
    // Two units and no --unit: which one is meant must be said.
    let (code, _, stderr) = run_chiso(&["explain", RULESET, sheet, "7.2.2"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("holds 2 units: name one with --unit (UBND huyện A, UBND huyện Kon Rẫy)"),
        "{stderr}"
    );
}
