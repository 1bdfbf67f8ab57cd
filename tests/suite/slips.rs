//! The slips a new user makes, found by trying chiso as one: each gets a message in the
//! reader's language that says the fix, and the forms of a ruleset with groups go round trip
//! (template → filled → merge → score).

use crate::common::{assert_no_crash, chiso_bin, root};
use std::path::{Path, PathBuf};

/// Runs chiso as an officer who sets no language (Vietnamese), or with `CHISO_LANG=en`.
fn run(args: &[&str], english: bool) -> (i32, String, String) {
    let mut command = std::process::Command::new(chiso_bin());
    command
        .args(args)
        .current_dir(root())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default());
    if english {
        command.env("CHISO_LANG", "en");
    }
    let output = command.output().expect("run chiso");
    assert_no_crash(&output.status, args, &output.stderr);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-slips-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

const RULESET: &str = "rulesets/kon-tum/huyen-2022.chiso";

#[test]
fn a_decimal_comma_in_a_toml_or_json_unit_file_is_named_with_its_fix() {
    let dir = scratch("comma");
    let toml = dir.join("don-vi.toml");
    std::fs::write(
        &toml,
        "unit = \"UBND huyện Kon Rẫy\"\n[inputs]\n\"hồ_sơ_tiếp_nhận\" = 1,5\n",
    )
    .unwrap();
    let (code, _, err) = run(&["score", RULESET, s(&toml)], false);
    assert_eq!(code, 1, "{err}");
    // vi.ftl d001-decimal-comma and its help, at line 3 where the value is.
    assert!(err.contains("D001"), "{err}");
    assert!(
        err.contains("số `1,5` viết bằng dấu phẩy thập phân"),
        "{err}"
    );
    assert!(err.contains("viết `1.5` (dấu chấm)"), "{err}");
    assert!(err.contains("don-vi.toml:3:"), "{err}");
    assert!(!err.contains("expected newline"), "{err}");

    let json = dir.join("don-vi.json");
    std::fs::write(
        &json,
        "{\"unit\": \"UBND huyện Kon Rẫy\", \"inputs\": {\"hồ_sơ_tiếp_nhận\": 1,5}}",
    )
    .unwrap();
    let (code, _, err) = run(&["score", RULESET, s(&json)], false);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("số `1,5` viết bằng dấu phẩy thập phân"),
        "{err}"
    );
    assert!(!err.contains("key must be a string"), "{err}");
    let (_, _, err) = run(&["score", RULESET, s(&json)], true);
    assert!(
        err.contains("the number `1,5` is written with a decimal comma"),
        "{err}"
    );

    // Text without quotes, a key given twice, a trailing comma: the fix, in Vietnamese.
    std::fs::write(&toml, "unit = UBND\n").unwrap();
    let (_, _, err) = run(&["score", RULESET, s(&toml)], false);
    assert!(err.contains("chữ `UBND` phải đặt trong ngoặc kép"), "{err}");
    std::fs::write(&toml, "[inputs]\n\"a\" = 1\n\"a\" = 2\n").unwrap();
    let (_, _, err) = run(&["score", RULESET, s(&toml)], false);
    assert!(err.contains("`a` được cho hai lần"), "{err}");
    std::fs::write(&json, "{\"unit\": \"A\",}").unwrap();
    let (_, _, err) = run(&["score", RULESET, s(&json)], false);
    assert!(err.contains("dấu phẩy thừa"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn last_years_results_are_talked_about_in_vietnamese() {
    let dir = scratch("previous");
    let broken = dir.join("nam-truoc.json");
    std::fs::write(&broken, "[{\"unit\": \"X\", \"percent\": \"chín\"}]").unwrap();
    let data = "rulesets/kon-tum/data/kon-ray-2021.toml";
    let (code, _, err) = run(&["score", RULESET, data, "--previous", s(&broken)], false);
    assert_ne!(code, 0);
    assert!(
        err.contains("X: `percent` không phải một số: \"chín\""),
        "{err}"
    );
    let (code, _, err) = run(
        &[
            "score",
            RULESET,
            data,
            "--previous",
            "rulesets/kon-tum/huyen-2022.chiso",
        ],
        false,
    );
    assert_ne!(code, 0);
    assert!(
        err.contains("bộ tiêu chí năm trước cần số liệu năm trước: thêm --previous-data"),
        "{err}"
    );
    // Last year had another unit only: each year's unit is named as unmatched.
    let last = dir.join("nam-truoc-2.json");
    std::fs::write(
        &last,
        "[{\"unit\": \"UBND huyện Đăk Glei\", \"achieved\": \"80\", \"max\": \"100\", \"percent\": \"80\", \"rank\": 1}]",
    )
    .unwrap();
    let (code, _, err) = run(&["score", RULESET, data, "--previous", s(&last)], false);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("“UBND huyện Đăk Glei” của kết quả năm trước"),
        "{err}"
    );
    assert!(err.contains("không có trong kết quả năm trước"), "{err}");
    assert!(
        !err.contains("warning") && !err.contains("last year"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// tests/fixtures/nhom-vong/tinh-2023.chiso: two groups, three stages; 1.1 and 1.2 (max 2
/// each) are unassigned points, 2.1 (max 6) is `tỷ_lệ(hồ_sơ_đúng_hạn, hồ_sơ_giải_quyết) ×
/// tối đa` from the inputs of "Văn phòng".
#[test]
fn forms_of_a_ruleset_with_groups_carry_the_group_to_the_merged_unit() {
    let dir = scratch("groups");
    let ruleset = "tests/fixtures/nhom-vong/tinh-2023.chiso";
    let vp = dir.join("van-phong.toml");
    let other = dir.join("chua-giao.xlsx");
    let (code, _, err) = run(
        &[
            "template",
            ruleset,
            "--owner",
            "Văn phòng",
            "--unit",
            "Sở Tư pháp",
            "--group",
            "khoi so",
            "-o",
            s(&vp),
        ],
        false,
    );
    assert_eq!(code, 0, "{err}");
    let form = std::fs::read_to_string(&vp).unwrap();
    // The group line, with the choices, and the stage as the ruleset names it.
    assert!(
        form.contains("# Nhóm: một trong “Khối sở”, “Khối huyện”\ngroup = \"Khối sở\"\n"),
        "{form}"
    );
    assert!(form.contains("stage = \"Tự đánh giá\"\n"), "{form}");
    // The input types in the ruleset's Vietnamese words, not `count`.
    assert!(form.contains("(số lượng)"), "{form}");
    assert!(!form.contains("(count)"), "{form}");
    let filled = form
        .replace("\"hồ_sơ_đúng_hạn\" = \"\"", "\"hồ_sơ_đúng_hạn\" = 45")
        .replace("\"hồ_sơ_giải_quyết\" = \"\"", "\"hồ_sơ_giải_quyết\" = 50");
    std::fs::write(&vp, filled).unwrap();
    // The other office's form as a workbook, without a group: the merge takes the group from
    // the form that gives one.
    let (code, _, err) = run(
        &[
            "template",
            ruleset,
            "--owner",
            "Chưa giao chủ trì",
            "--unit",
            "Sở Tư pháp",
            "-o",
            s(&other),
        ],
        false,
    );
    assert_eq!(code, 0, "{err}");
    let merged = dir.join("so-tu-phap.toml");
    let (code, _, err) = run(
        &["merge", ruleset, s(&vp), s(&other), "-o", s(&merged)],
        false,
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&merged).unwrap();
    assert!(text.starts_with("# Gộp bởi chiso từ các phiếu: "), "{text}");
    assert!(text.contains("group = \"Khối sở\"\n"), "{text}");
    // 1.1 and 1.2 were left empty: gaps, and no gap for the group.
    assert!(
        err.contains("[points] `1.1` chưa có trong phiếu nào"),
        "{err}"
    );
    assert!(!err.contains("`group`"), "{err}");
    // Scored: 2.1 = 45/50 × 6 = 5.4 (ratio 0.9, rounded to 2 places: 0.90).
    let (code, out, err) = run(&["score", ruleset, s(&merged), "--format", "json"], false);
    assert!(code == 0 || code == 1, "{err}");
    // The group was read (a unit without one is D003 under this ruleset), and the unit's
    // JSON names it even when it is the only unit (docs/json.md).
    assert!(!err.contains("D003"), "{err}");
    assert!(out.contains("\"group\": \"Khối sở\""), "{out}");
    assert!(out.contains("\"achieved\": \"5.4"), "{out}");

    // No group anywhere: the merge says so, before scoring would (D003).
    let (_, _, _) = run(
        &[
            "template",
            ruleset,
            "--owner",
            "Văn phòng",
            "--unit",
            "Sở Tư pháp",
            "-o",
            s(&vp),
        ],
        false,
    );
    let (_, _, err) = run(&["merge", ruleset, s(&vp)], false);
    assert!(
        err.contains("[group] `group` chưa có trong phiếu nào"),
        "{err}"
    );
    // An unknown group is refused with the choices.
    let (code, _, err) = run(
        &[
            "template",
            ruleset,
            "--owner",
            "Văn phòng",
            "--group",
            "Khối xã",
        ],
        false,
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("không có nhóm “Khối xã”: hãy viết một trong “Khối sở”, “Khối huyện”"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn swapped_arguments_get_one_error_and_an_output_over_an_input_is_refused_first() {
    let data = "rulesets/kon-tum/data/kon-ray-2021.toml";
    let (code, out, err) = run(&["score", data, RULESET], false);
    assert_eq!(code, 1, "{err}");
    assert!(out.is_empty(), "{out}");
    // One line, not hundreds of E001: the data file is named, the order is said.
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("kon-ray-2021.toml là tệp số liệu, không phải bộ tiêu chí (.chiso)"),
        "{err}"
    );
    // `-o` naming the data file: refused before the batch is scored (no report, no
    // findings of the data printed first).
    let (code, _, err) = run(
        &[
            "score",
            "tests/fixtures/nhom-vong/tinh-2023.chiso",
            "tests/fixtures/nhom-vong/tinh-2023.csv",
            "-o",
            "tests/fixtures/nhom-vong/tinh-2023.csv",
        ],
        false,
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("tinh-2023.csv"), "{err}");
}

/// The test province (tests/fixtures/nhom-vong/tinh-2023.csv) gives Sở Tư pháp three
/// rounds; the ruleset names them "Tự đánh giá", "Thẩm định", "Thẩm định lại".
#[test]
fn a_stage_by_the_rulesets_own_name_and_a_unit_typed_without_diacritics() {
    let args = |unit: &str, stage: &str| {
        vec![
            "explain".to_string(),
            "tests/fixtures/nhom-vong/tinh-2023.chiso".into(),
            "tests/fixtures/nhom-vong/tinh-2023.csv".into(),
            "2.1".into(),
            "--unit".into(),
            unit.into(),
            "--stage".into(),
            stage.into(),
        ]
    };
    let run_args = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run(&a, false)
    };
    let (code, out, err) = run_args(args("so tu phap", "thẩm định lại"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Sở Tư pháp"), "{out}");
    let (code, _, err) = run_args(args("Sở Tư pháp", "vòng 9"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("\"appraised_2\" (Thẩm định lại)"),
        "the ruleset's stages are listed: {err}"
    );
    // A unit that is not there: each unit named once, though each has a row per stage.
    let (code, _, err) = run_args(args("Sở Không Có", "self"));
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches("Sở Tư pháp").count(), 1, "{err}");
}

#[test]
fn english_counts_agree_with_their_nouns() {
    let (_, _, err) = run(&["check", RULESET], true);
    // huyen-2022.chiso has no findings: "0 errors, 0 warnings" (plural), never "error(s)".
    assert!(err.contains("0 errors, 0 warnings;"), "{err}");
    assert!(!err.contains("(s)"), "{err}");
}

#[test]
fn a_flags_help_does_not_say_its_default_is_false() {
    for lang in [false, true] {
        let (code, out, _) = run(&["fmt", "--help"], lang);
        assert_eq!(code, 0);
        assert!(out.contains("--check"), "{out}");
        assert!(!out.contains("false"), "{out}");
    }
}

/// A sheet of the test province with a bad row: the report names where the unit came from in
/// the reader's words ("dòng 3" in Vietnamese, "row 3" in English).
#[test]
fn a_units_source_row_is_named_in_the_readers_words() {
    let dir = scratch("origin");
    let sheet = dir.join("tinh.csv");
    std::fs::write(
        &sheet,
        "Đơn vị,Nhóm,Giai đoạn,hồ_sơ_đúng_hạn,hồ_sơ_giải_quyết,1.1,1.2\n\
         Sở Nội vụ,Khối sở,Thẩm định,90,100,2,1.5\n\
         Sở Tư pháp,Khối sở,Thẩm định,mười,100,1.5,1\n",
    )
    .unwrap();
    let ruleset = "tests/fixtures/nhom-vong/tinh-2023.chiso";
    let (_, out, _) = run(&["score", ruleset, s(&sheet)], false);
    assert!(out.contains("tinh.csv, dòng 3"), "{out}");
    assert!(!out.contains(", row "), "{out}");
    let (_, out, _) = run(&["score", ruleset, s(&sheet)], true);
    assert!(out.contains("tinh.csv, row 3"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_hints_fit_the_mistake() {
    let dir = scratch("hints");
    // An undeclared name used as a condition is suggested as a yes/no input.
    let e8 = dir.join("e8.chiso");
    std::fs::write(
        &e8,
        "bộ tiêu chí \"t\" { tổng điểm 1 }\nlĩnh vực 1 \"A\" tối đa 1 {\n  tiêu chí 1.1 \"B\" tối đa 1 { điểm = nếu đã_ban_hành thì 1 ngược lại 0 }\n}\n",
    )
    .unwrap();
    let (_, _, err) = run(&["check", s(&e8)], false);
    assert!(
        err.contains("`đầu vào đã_ban_hành: có/không \"…\"`"),
        "{err}"
    );
    // A gap between bands (70% to 90%): the help speaks of that gap, not of a made-up one.
    let e10 = dir.join("e10.chiso");
    std::fs::write(
        &e10,
        "bộ tiêu chí \"t\" { tổng điểm 1 }\nđầu vào a: số lượng \"a\"\nđầu vào b: số lượng \"b\"\nlĩnh vực 1 \"A\" tối đa 1 {\n  tiêu chí 1.1 \"B\" tối đa 1 { mẫu số bằng 0: không đánh giá\n điểm = bậc tỷ_lệ(a, b) { từ 90% trở lên: 1; từ 50% dưới 70%: 0,5; dưới 50%: 0 } }\n}\n",
    )
    .unwrap();
    let (_, out, _) = run(&["check", "--format", "json", s(&e10)], false);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let e010 = report
        .as_array()
        .and_then(|a| a.iter().find(|d| d["code"] == "E010"))
        .or_else(|| {
            report["diagnostics"]
                .as_array()
                .and_then(|a| a.iter().find(|d| d["code"] == "E010"))
        })
        .unwrap_or_else(|| panic!("{out}"));
    let help = e010["help"].as_str().unwrap();
    assert!(help.contains("từ 70% (kể cả) đến 90% (không kể)"), "{help}");
    assert!(!help.contains("65%"), "{help}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_duplicate_id_is_offered_a_number_the_file_does_not_use_further_down() {
    let dir = scratch("renumber");
    let rs = dir.join("trung.chiso");
    // 1.1 twice, and 1.2 further down: the free number is 1.3, not 1.2.
    std::fs::write(
        &rs,
        "bộ tiêu chí \"t\" { tổng điểm 3 }\nlĩnh vực 1 \"A\" tối đa 3 {\n  tiêu chí 1.1 \"B\" tối đa 1\n  tiêu chí 1.1 \"C\" tối đa 1\n  tiêu chí 1.2 \"D\" tối đa 1\n}\n",
    )
    .unwrap();
    let (_, _, err) = run(&["check", s(&rs)], false);
    assert!(err.contains("đánh số lại thành 1.3"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_misspelt_keyword_is_named() {
    let dir = scratch("keyword");
    let rs = dir.join("go-nham.chiso");
    std::fs::write(
        &rs,
        "bộ tiêu chí \"t\" { tổng điểm 1 }\nlĩnh vực 1 \"A\" tối đa 1 {\n  tiu chí 1.1 \"B\" tối đa 1\n}\n",
    )
    .unwrap();
    let (code, _, err) = run(&["check", s(&rs)], false);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("go-nham.chiso:3:3"), "{err}");
    assert!(err.contains("có phải ý bạn là `tiêu chí`?"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// tests/fixtures/adjust/thuong-tru.chiso: `sáng_kiến` (default 0) is read only by bonus T1,
/// `kỷ_luật` only by penalty P1, both owned by "Phòng Nội vụ"; unit D's data lacks
/// `kỷ_luật`.
#[test]
fn inputs_only_a_bonus_or_penalty_reads_are_on_forms_gaps_and_to_do_lists() {
    let dir = scratch("items");
    let ruleset = "tests/fixtures/adjust/thuong-tru.chiso";
    let form = dir.join("noi-vu.toml");
    let (code, _, err) = run(
        &[
            "template",
            ruleset,
            "--owner",
            "Phòng Nội vụ",
            "--unit",
            "UBND xã D",
            "-o",
            s(&form),
        ],
        false,
    );
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&form).unwrap();
    assert!(
        text.contains("# dùng cho: P1\n\"kỷ_luật\" = \"\"\n"),
        "{text}"
    );
    assert!(text.contains("# dùng cho: T1\n"), "{text}");
    // Left empty: merge names the gap and who reads it.
    let (_, _, err) = run(&["merge", ruleset, s(&form)], false);
    assert!(
        err.contains("[inputs] `kỷ_luật` chưa có trong phiếu nào (cho P1)"),
        "{err}"
    );
    // A unit without it: its to-do line says P1 needs it.
    let (_, _, err) = run(&["score", ruleset, "tests/fixtures/adjust/data"], false);
    assert!(
        err.contains("`kỷ_luật` — Cán bộ bị kỷ luật (cho P1)"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
