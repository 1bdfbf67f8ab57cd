//! The conventions of a command-line tool: shell completions, a manual page, `--color` and
//! `NO_COLOR`, a progress bar only on a terminal, and `-` for standard input wherever a file
//! is read.

use crate::common::{chiso_bin, root};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const RULESET: &str = "rulesets/kon-tum/huyen-2023-trich.chiso";
const UNIT: &str = "rulesets/kon-tum/data/kon-ray-2023.toml";
const BATCH_RULESET: &str = "tests/fixtures/batch/huyen-mau.chiso";
const ESC: u8 = 0x1b;

/// Every subcommand a user can type (clap's own `help` aside).
const SUBCOMMANDS: [&str; 12] = [
    "check",
    "score",
    "explain",
    "test",
    "advise",
    "template",
    "merge",
    "import",
    "fmt",
    "diff",
    "completions",
    "man",
];

fn scratch() -> PathBuf {
    tempfile::Builder::new()
        .prefix("chiso-conventions-")
        .tempdir()
        .expect("temporary directory")
        .keep()
}

/// Runs chiso from the project root with `stdin` as its input and the colour variables
/// cleared, then `env` set; returns (exit code, stdout, stderr) as bytes.
fn run(args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> (i32, Vec<u8>, Vec<u8>) {
    let mut command = Command::new(chiso_bin());
    command
        .args(args)
        .current_dir(root())
        // The expectations read the English catalogue (`common::run_chiso` does the same).
        .env("CHISO_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child = command.spawn().expect("run chiso");
    let mut input = child.stdin.take().expect("stdin");
    // A command that does not read its input closes the pipe early: not an error here.
    let _ = std::io::Write::write_all(&mut input, stdin);
    drop(input);
    let output = child.wait_with_output().expect("wait");
    crate::common::assert_no_crash(&output.status, args, &output.stderr);
    (
        output.status.code().unwrap_or(-1),
        output.stdout,
        output.stderr,
    )
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A shell word for `sh -c`.
fn quote(word: &str) -> String {
    format!("'{}'", word.replace('\'', r"'\''"))
}

/// Runs chiso on a pseudo-terminal (util-linux `script`, present on every Debian system:
/// bsdutils is essential) with `env`; returns (exit code, everything the terminal showed).
fn on_a_terminal(args: &[&str], env: &[(&str, &str)]) -> (i32, Vec<u8>) {
    let line = std::iter::once(chiso_bin().display().to_string())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|w| quote(&w))
        .collect::<Vec<_>>()
        .join(" ");
    let mut command = Command::new("script");
    command
        .args(["-q", "-e", "-c", &line, "/dev/null"])
        .current_dir(root())
        .env("CHISO_LANG", "en")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env("TERM", "xterm-256color")
        .stdin(Stdio::null());
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command
        .output()
        .expect("util-linux `script` runs a pseudo-terminal");
    (output.status.code().unwrap_or(-1), output.stdout)
}

fn has_esc(bytes: &[u8]) -> bool {
    bytes.contains(&ESC)
}

// ---------------------------------------------------------------------------------------
// Completions

#[test]
fn completions_for_each_shell_name_every_subcommand() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, out, err) = run(&["completions", shell], b"", &[]);
        assert_eq!(code, 0, "{shell}: {}", text(&err));
        let script = text(&out);
        assert!(script.len() > 500, "{shell}: a real script\n{script}");
        for sub in SUBCOMMANDS {
            assert!(script.contains(sub), "{shell}'s completions lack `{sub}`");
        }
        // Options of subcommands complete too.
        // fish writes long options as `-l NAME`.
        let option = |name: &str| {
            script.contains(&format!("--{name}")) || script.contains(&format!("-l {name}"))
        };
        assert!(option("targets"), "{shell}: `score --targets`");
        assert!(option("color"), "{shell}: the global `--color`");
    }
}

#[test]
fn the_bash_completion_script_is_valid_bash_and_completes_subcommands() {
    let (_, out, _) = run(&["completions", "bash"], b"", &[]);
    let dir = scratch();
    let script = dir.join("chiso.bash");
    std::fs::write(&script, &out).unwrap();
    // `bash -n` parses without running; then the function is asked as bash would ask it
    // after `chiso sc<TAB>`.
    let status = Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .expect("bash");
    assert!(status.success(), "bash -n rejects the script");
    let probe = format!(
        "source {}; COMP_WORDS=(chiso sc); COMP_CWORD=1; COMP_LINE='chiso sc'; COMP_POINT=8; \
         _chiso chiso sc chiso; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quote(path(&script))
    );
    let output = Command::new("bash")
        .args(["-c", &probe])
        .output()
        .expect("bash");
    let offered = text(&output.stdout);
    assert!(
        offered.lines().any(|l| l == "score"),
        "`chiso sc<TAB>` offers: {offered:?} {}",
        text(&output.stderr)
    );
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let (code, _, err) = run(&["completions", "cmd.exe"], b"", &[]);
    assert_eq!(code, 2);
    let err = text(&err);
    assert!(err.contains("bash") && err.contains("powershell"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Manual page

#[test]
fn the_manual_page_is_roff_naming_every_subcommand() {
    let (code, out, err) = run(&["man"], b"", &[]);
    assert_eq!(code, 0, "{}", text(&err));
    let page = text(&out);
    assert!(page.contains(".TH chiso 1"), "{page}");
    // English here (`run` sets CHISO_LANG=en); Vietnamese below.
    for section in [
        ".SH \"NAME\"",
        ".SH \"SYNOPSIS\"",
        ".SH OPTIONS",
        ".SH SUBCOMMANDS",
    ] {
        assert!(page.contains(section), "no {section}\n{page}");
    }
    for sub in SUBCOMMANDS {
        assert!(
            page.contains(&format!("chiso\\-{sub}(1)")),
            "the SUBCOMMANDS section lacks {sub}\n{page}"
        );
    }
    // Vietnamese survives roff.
    assert!(page.contains("Chỉ số CCHC"), "{page}");
    // A Vietnamese reader's page has Vietnamese section headings.
    let (code, vi, _) = run(&["man"], b"", &[("CHISO_LANG", "vi")]);
    assert_eq!(code, 0);
    let vi = text(&vi);
    for section in [".SH \"TÊN\"", ".SH \"CÚ PHÁP\"", ".SH \"MÔ TẢ\""] {
        assert!(vi.contains(section), "no {section}\n{vi}");
    }
    assert!(
        !vi.contains(".SH NAME") && !vi.contains(".SH SYNOPSIS"),
        "{vi}"
    );
    if let Some(rendered) = groff(&out) {
        assert!(
            rendered.contains("SYNOPSIS") && rendered.contains("score"),
            "{rendered}"
        );
        assert!(
            rendered.contains("Reform Index (Chỉ số CCHC)"),
            "{rendered}"
        );
    }
}

/// Renders a page with groff (when installed), failing on any warning it gives.
fn groff(page: &[u8]) -> Option<String> {
    let mut child = Command::new("groff")
        // `-k`: preconv reads the UTF-8 page, as `man` does.
        .args(["-k", "-man", "-Tutf8", "-ww", "-P-cbou"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), page).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "groff fails");
    assert!(
        output.stderr.is_empty(),
        "groff warns: {}",
        text(&output.stderr)
    );
    Some(text(&output.stdout))
}

#[test]
fn man_dir_writes_a_page_per_subcommand() {
    let dir = scratch().join("man1");
    let (code, _, err) = run(&["man", "--dir", path(&dir)], b"", &[]);
    assert_eq!(code, 0, "{}", text(&err));
    assert!(dir.join("chiso.1").is_file());
    for sub in SUBCOMMANDS {
        let page = dir.join(format!("chiso-{sub}.1"));
        assert!(page.is_file(), "no {}", page.display());
    }
    let score = std::fs::read(dir.join("chiso-score.1")).unwrap();
    let score_text = text(&score);
    assert!(score_text.contains(".TH chiso-score 1"), "{score_text}");
    // The page documents the subcommand's own options.
    assert!(score_text.contains("\\-\\-targets"), "{score_text}");
    if let Some(rendered) = groff(&score) {
        assert!(rendered.contains("--targets"), "{rendered}");
        // Its synopsis is how it is typed.
        assert!(
            rendered.contains("chiso score [--format]") || rendered.contains("chiso score ["),
            "{rendered}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Colour

/// A ruleset with one error, so that a diagnostic is rendered.
const BROKEN: &[u8] =
    "bộ tiêu chí \"x\" {\n  năm 2024\n}\nlĩnh vực 1 \"A\" tối đa 1 {\n  điểm = không_có\n}\n"
        .as_bytes();

#[test]
fn color_never_and_no_color_give_no_escape_bytes_and_always_does() {
    let check = ["check", "-"];
    // A pipe: `auto` does not colour.
    let (code, _, err) = run(&check, BROKEN, &[]);
    assert_eq!(code, 1, "{}", text(&err));
    assert!(err.contains(&b'E'), "a diagnostic: {}", text(&err));
    assert!(!has_esc(&err), "auto into a pipe: {}", text(&err));
    // `--color always` colours even a pipe.
    let (_, _, err) = run(&["--color", "always", "check", "-"], BROKEN, &[]);
    assert!(has_esc(&err), "--color always: {}", text(&err));
    // … after the subcommand too (a global option), and over NO_COLOR (a flag wins).
    let (_, _, err) = run(
        &["check", "--color=always", "-"],
        BROKEN,
        &[("NO_COLOR", "1")],
    );
    assert!(has_esc(&err), "--color=always after the subcommand");
    // CLICOLOR_FORCE colours a pipe; NO_COLOR wins over it; `--color never` over both.
    let (_, _, err) = run(&check, BROKEN, &[("CLICOLOR_FORCE", "1")]);
    assert!(has_esc(&err), "CLICOLOR_FORCE");
    let (_, _, err) = run(
        &check,
        BROKEN,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(
        !has_esc(&err),
        "NO_COLOR over CLICOLOR_FORCE: {}",
        text(&err)
    );
    let (_, _, err) = run(
        &["--color", "never", "check", "-"],
        BROKEN,
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!has_esc(&err), "--color never: {}", text(&err));
}

/// A sheet's problems (placed by row and column, no source excerpt) are coloured as
/// diagnostics are: the label red, the rest plain; never with `--color never`.
#[test]
fn a_sheets_problems_are_coloured_like_diagnostics() {
    let sheet = "Đơn vị,Nhóm,Giai đoạn,hồ_sơ_đúng_hạn,hồ_sơ_giải_quyết,1.1,1.2\n\
                 Sở Nội vụ,Khối sở,Thẩm định,mười,100,2,1.5\n";
    let args = |color: &'static str| {
        [
            "--color",
            color,
            "score",
            "tests/fixtures/nhom-vong/tinh-2023.chiso",
            "-",
        ]
    };
    let (_, _, err) = run(&args("always"), sheet.as_bytes(), &[]);
    let err = text(&err);
    assert!(err.contains("\x1b[1;31merror[D003]\x1b[0m: "), "{err}");
    let (_, _, err) = run(&args("never"), sheet.as_bytes(), &[]);
    assert!(!has_esc(&err), "{}", text(&err));
    assert!(text(&err).contains("error[D003]: "), "{}", text(&err));
}

#[test]
fn on_a_terminal_diagnostics_are_coloured_unless_no_color_or_never() {
    let dir = scratch();
    let file = dir.join("broken.chiso");
    std::fs::write(&file, BROKEN).unwrap();
    let (code, shown) = on_a_terminal(&["check", path(&file)], &[]);
    assert_eq!(code, 1, "{}", text(&shown));
    assert!(has_esc(&shown), "a terminal is coloured: {}", text(&shown));
    let (_, shown) = on_a_terminal(&["check", path(&file)], &[("NO_COLOR", "1")]);
    assert!(text(&shown).contains("broken.chiso"), "{}", text(&shown));
    assert!(!has_esc(&shown), "NO_COLOR on a terminal: {}", text(&shown));
    let (_, shown) = on_a_terminal(&["--color", "never", "check", path(&file)], &[]);
    assert!(
        !has_esc(&shown),
        "--color never on a terminal: {}",
        text(&shown)
    );
    // An empty NO_COLOR is as if unset (no-color.org).
    let (_, shown) = on_a_terminal(&["check", path(&file)], &[("NO_COLOR", "")]);
    assert!(has_esc(&shown), "empty NO_COLOR: {}", text(&shown));
}

#[test]
fn help_follows_the_color_flag() {
    let (_, out, _) = run(&["--color", "always", "--help"], b"", &[]);
    assert!(has_esc(&out), "--color always --help");
    let (_, shown) = on_a_terminal(&["--color", "never", "--help"], &[]);
    assert!(text(&shown).contains("completions"), "{}", text(&shown));
    assert!(!has_esc(&shown), "--color never --help: {}", text(&shown));
}

// ---------------------------------------------------------------------------------------
// The progress bar

/// Four units that all score (A, B, C, D of the batch suite's province sheet).
fn four_units_csv() -> String {
    crate::batch::PROVINCE_CSV
        .lines()
        .take(5)
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn the_progress_bar_is_drawn_on_a_terminal_and_silent_in_a_pipe() {
    let dir = scratch();
    let sheet = dir.join("tinh.csv");
    std::fs::write(&sheet, four_units_csv()).unwrap();
    let report = dir.join("report.json");
    let args = ["score", BATCH_RULESET, path(&sheet), "-o", path(&report)];
    // On a terminal: the bar's count of units ("1/4 đơn vị"), then cleared.
    let (code, shown) = on_a_terminal(&args, &[]);
    assert_eq!(code, 0, "{}", text(&shown));
    let shown_text = text(&shown);
    assert!(shown_text.contains("/4 đơn vị"), "{shown_text:?}");
    assert!(
        shown_text.contains("\u{1b}[2K"),
        "the bar is cleared: {shown_text:?}"
    );
    // In a pipe: nothing at all on standard error, and the same report.
    std::fs::remove_file(&report).unwrap();
    let (code, out, err) = run(&args, b"", &[]);
    assert_eq!(code, 0, "{}", text(&err));
    assert!(out.is_empty() && err.is_empty(), "silent: {}", text(&err));
    assert!(report.is_file());
    // NO_COLOR on a terminal: still a bar, without colour.
    let (_, shown) = on_a_terminal(&args, &[("NO_COLOR", "1")]);
    assert!(text(&shown).contains("/4 đơn vị"), "{}", text(&shown));
    assert!(
        !text(&shown).contains("\u{1b}[36m"),
        "no cyan: {:?}",
        text(&shown)
    );
}

// ---------------------------------------------------------------------------------------
// Standard input

#[test]
fn a_ruleset_can_come_from_standard_input() {
    let ruleset = std::fs::read(root().join(RULESET)).unwrap();
    let (code, _, err) = run(&["check", "-"], &ruleset, &[]);
    assert_eq!(code, 0, "{}", text(&err));
    // The ruleset's three test cases (its `kiểm thử` blocks) pass.
    let (code, out, err) = run(&["test", "-"], &ruleset, &[]);
    assert_eq!(code, 0, "{}", text(&err));
    assert!(text(&out).contains("3 passed, 0 failed"), "{}", text(&out));
    // Scoring with the ruleset on standard input.
    let (code, out, err) = run(&["score", "-", UNIT, "--format", "csv"], &ruleset, &[]);
    assert_eq!(code, 0, "{}", text(&err));
    // Kon Rẫy 2023: 44.6 of 47 points, 94.89% (seed 004).
    assert!(text(&out).contains(",TỔNG,unit,47,44.6,"), "{}", text(&out));
}

#[test]
fn a_unit_file_can_come_from_standard_input_as_toml_or_json() {
    let toml_text = std::fs::read_to_string(root().join(UNIT)).unwrap();
    let (code, out, err) = run(
        &["score", RULESET, "-", "--format", "csv"],
        toml_text.as_bytes(),
        &[],
    );
    assert_eq!(code, 0, "{}", text(&err));
    // Kon Rẫy 2023: 44.6 of 47 points, 94.89% (seed 004).
    assert!(
        text(&out).contains(",TỔNG,unit,47,44.6,scored,,2.4,94.89,"),
        "{}",
        text(&out)
    );
    // The same unit as JSON: told by its `{`.
    let value: toml::Value = toml::from_str(&toml_text).unwrap();
    let json = serde_json::to_string_pretty(&value).unwrap();
    let (code, out, err) = run(
        &["score", RULESET, "-", "--format", "csv"],
        json.as_bytes(),
        &[],
    );
    assert_eq!(code, 0, "{}", text(&err));
    assert!(
        text(&out).contains(",TỔNG,unit,47,44.6,scored,,2.4,94.89,"),
        "{}",
        text(&out)
    );
    // explain and advise read it too: 169 of 2534 online dossiers give 0.14 points for 7.2.2
    // (seed 004).
    let (code, out, err) = run(
        &["explain", RULESET, "-", "7.2.2"],
        toml_text.as_bytes(),
        &[],
    );
    assert_eq!(code, 0, "{}", text(&err));
    assert!(
        text(&out).contains("0.14") || text(&out).contains("0,14"),
        "{}",
        text(&out)
    );
    let (code, _, err) = run(&["advise", RULESET, "-"], json.as_bytes(), &[]);
    assert_eq!(code, 0, "{}", text(&err));
}

#[test]
fn a_sheet_can_come_from_standard_input_as_csv_or_a_workbook() {
    // C of the batch suite's province sheet: 12.19 of 20 points, 60.95% (worked by hand in
    // batch.rs); read from a CSV on standard input.
    let csv = crate::batch::PROVINCE_CSV;
    let (code, out, err) = run(
        &["score", BATCH_RULESET, "-", "--format", "csv"],
        csv.as_bytes(),
        &[],
    );
    // F and G have bad or missing data: exit 1, and every other unit is scored.
    assert_eq!(code, 1, "{}", text(&err));
    let out = text(&out);
    assert!(
        out.contains("UBND huyện C,,TỔNG,unit,20,12.19,") && out.contains(",60.95,"),
        "{out}"
    );
    // Problems name standard input by row and column, as for a file.
    let err = text(&err);
    assert!(
        err.contains("-, row 7, column E (nhiệm_vụ_hoàn_thành)"),
        "{err}"
    );

    // The same sheet as an .xlsx workbook on standard input: told by its zip signature.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in csv.lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            sheet.write_string(r as u32, c as u16, cell).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let (code, out, err) = run(
        &["score", BATCH_RULESET, "-", "--format", "csv"],
        &bytes,
        &[],
    );
    assert_eq!(code, 1, "{}", text(&err));
    let out = text(&out);
    assert!(
        out.contains("UBND huyện C,,TỔNG,unit,20,12.19,") && out.contains(",60.95,"),
        "{out}"
    );
}

#[test]
fn a_form_and_a_criteria_table_can_come_from_standard_input() {
    let dir = scratch();
    // A TOML form filled for Phòng Nội vụ: 11 of 19 units inspected (seed 004, 1.3.1).
    let (code, form, err) = run(&["template", RULESET, "--owner", "Phòng Nội vụ"], b"", &[]);
    assert_eq!(code, 0, "{}", text(&err));
    let filled = text(&form)
        .replace("unit = \"\"", "unit = \"UBND huyện Kon Rẫy\"")
        .replace(
            "\"đơn_vị_được_kiểm_tra\" = \"\"",
            "\"đơn_vị_được_kiểm_tra\" = 11",
        )
        .replace("\"tổng_số_đơn_vị\" = \"\"", "\"tổng_số_đơn_vị\" = 19");
    let (_, out, err) = run(&["merge", RULESET, "-"], filled.as_bytes(), &[]);
    let out = text(&out);
    assert!(
        out.contains("unit = \"UBND huyện Kon Rẫy\""),
        "{out}{}",
        text(&err)
    );
    assert!(out.contains("\"đơn_vị_được_kiểm_tra\" = 11"), "{out}");
    // An .xlsx form on standard input is read as a workbook, not as text.
    let xlsx = dir.join("form.xlsx");
    let (code, _, err) = run(
        &[
            "template",
            RULESET,
            "--owner",
            "Phòng Nội vụ",
            "-o",
            path(&xlsx),
        ],
        b"",
        &[],
    );
    assert_eq!(code, 0, "{}", text(&err));
    let (code, out, err) = run(
        &["merge", RULESET, "-"],
        &std::fs::read(&xlsx).unwrap(),
        &[],
    );
    assert_eq!(code, 0, "{}", text(&err));
    assert!(
        text(&out).contains("# Merged by chiso from: -"),
        "{}",
        text(&out)
    );
    assert!(text(&err).contains("merged 1 form:"), "{}", text(&err));

    // A criteria table from standard input imports as from its file.
    let table = "tests/fixtures/import/kon-ray-2022.tsv";
    let (code_file, from_file, _) = run(&["import", table, "--year", "2022"], b"", &[]);
    let bytes = std::fs::read(root().join(table)).unwrap();
    let (code_stdin, from_stdin, err) = run(&["import", "-", "--year", "2022"], &bytes, &[]);
    assert_eq!(code_file, code_stdin, "{}", text(&err));
    let strip = |b: &[u8]| {
        text(b)
            .lines()
            .filter(|l| !l.starts_with("# Imported by"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(text(&from_stdin).contains("lĩnh vực") || text(&from_stdin).contains("area"));
    assert_eq!(strip(&from_file), strip(&from_stdin));
}

#[test]
fn standard_input_given_twice_is_a_clear_error() {
    let ruleset = std::fs::read(root().join(RULESET)).unwrap();
    let (code, _, err) = run(&["score", "-", "-"], &ruleset, &[]);
    assert_eq!(code, 1);
    assert!(
        text(&err).contains("standard input (-) is given twice"),
        "{}",
        text(&err)
    );
}
