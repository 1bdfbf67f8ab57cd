//! Writing files: nothing a user wrote is ever overwritten, lost or half-written. Every command
//! that writes (`score -o`, `fmt`, `import -o`, `template -o`, `merge -o`) goes through one
//! writer (cli/src/output.rs): atomic, never over an input, through links, umask modes.

use crate::common::{chiso_bin, root};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const RULESET: &str = "rulesets/kon-tum/huyen-2023-trich.chiso";
const UNIT: &str = "rulesets/kon-tum/data/kon-ray-2023.toml";

fn scratch() -> PathBuf {
    let dir = tempfile::Builder::new()
        .prefix("chiso-writing-")
        .tempdir()
        .expect("temporary directory")
        .keep();
    dir
}

/// Runs chiso under `umask 022` (so modes are predictable) with `stdin` as input.
fn run(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(chiso_bin())
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("CHISO_LANG", "en")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run chiso");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), stdin.as_bytes())
        .expect("write stdin");
    let output = child.wait_with_output().expect("wait");
    crate::common::assert_no_crash(&output.status, args, &output.stderr);
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".chiso-"))
        .collect()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn score_refuses_to_write_over_its_own_input_sheet() {
    let dir = scratch();
    let sheet = dir.join("tinh.csv");
    let original =
        "Đơn vị,hồ_sơ_trực_tuyến_toàn_trình,hồ_sơ_tiếp_nhận\nUBND huyện Kon Rẫy,169,2534\n";
    std::fs::write(&sheet, original).unwrap();
    // Directly, and through another spelling of the same path.
    let other_spelling = dir.join(".").join("tinh.csv");
    for target in [&sheet, &other_spelling] {
        let (code, _, stderr) = run(
            &[
                "score",
                RULESET,
                path(&sheet),
                "--format",
                "csv",
                "-o",
                path(target),
            ],
            "",
        );
        assert_eq!(code, 1, "{stderr}");
        assert!(stderr.contains("refusing to write over"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&sheet).unwrap(), original);
    }
    // The ruleset is an input too.
    let copy = dir.join("rs.chiso");
    std::fs::copy(root().join(RULESET), &copy).unwrap();
    let (code, _, stderr) = run(&["score", path(&copy), UNIT, "-o", path(&copy)], "");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        std::fs::read_to_string(root().join(RULESET)).unwrap()
    );
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

#[test]
fn reports_get_the_umask_mode_and_the_format_of_their_extension() {
    let dir = scratch();
    let report = dir.join("bao-cao.html");
    let (code, stdout, stderr) = run(&["score", RULESET, UNIT, "-o", path(&report)], "");
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.is_empty(), "the report went to the file: {stdout}");
    let page = std::fs::read_to_string(&report).unwrap();
    assert!(
        page.starts_with("<!DOCTYPE html>") || page.starts_with("<!doctype html>"),
        "{}",
        &page[..40.min(page.len())]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "0666 under umask 022, not {mode:o}");
        // A replaced file keeps its own mode.
        std::fs::set_permissions(&report, std::fs::Permissions::from_mode(0o640)).unwrap();
        let (code, _, stderr) = run(&["score", RULESET, UNIT, "-o", path(&report)], "");
        assert_eq!(code, 0, "{stderr}");
        let mode = std::fs::metadata(&report).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through_to_its_target() {
    let dir = scratch();
    let target = dir.join("that.csv");
    std::fs::write(&target, "old").unwrap();
    let link = dir.join("link.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _, stderr) = run(&["score", RULESET, UNIT, "-o", path(&link)], "");
    assert_eq!(code, 0, "{stderr}");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let csv = std::fs::read_to_string(&target).unwrap();
    // 169 of 2534 online dossiers give 0.14 of 2 points for 7.2.2 (seed 004).
    assert!(csv.contains(",7.2.2,") && csv.contains(",0.14,"), "{csv}");
}

#[test]
fn dash_is_standard_input_and_standard_output() {
    let unit = std::fs::read_to_string(root().join(UNIT)).unwrap();
    let (code, stdout, stderr) = run(
        &["score", RULESET, "-", "--format", "csv", "-o", "-"],
        &unit,
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(",7.2.2,") && stdout.contains(",0.14,"),
        "{stdout}"
    );
}

#[test]
fn merge_refuses_to_empty_a_unit_file_unless_forced() {
    let dir = scratch();
    let form = dir.join("form.toml");
    // A form with every value left empty.
    let (code, _, stderr) = run(
        &[
            "template",
            RULESET,
            "--owner",
            "Văn phòng HĐND và UBND huyện",
            "-o",
            path(&form),
        ],
        "",
    );
    assert_eq!(code, 0, "{stderr}");
    let unit = dir.join("unit.toml");
    let data = std::fs::read_to_string(root().join(UNIT)).unwrap();
    std::fs::write(&unit, &data).unwrap();
    let (code, _, stderr) = run(&["merge", RULESET, path(&form), "-o", path(&unit)], "");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&unit).unwrap(), data);
    let (_, _, stderr) = run(
        &["merge", RULESET, path(&form), "-o", path(&unit), "--force"],
        "",
    );
    assert_ne!(std::fs::read_to_string(&unit).unwrap(), data, "{stderr}");
    // And a form is never the merge's output.
    let (code, _, stderr) = run(&["merge", RULESET, path(&form), "-o", path(&form)], "");
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("refusing to write over"), "{stderr}");
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
}
