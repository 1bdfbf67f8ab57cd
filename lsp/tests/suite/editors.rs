//! Real editors: headless Neovim talks to the built `chiso-lsp` (diagnostics, formatting), and
//! the VS Code extension compiles, packages, and its TextMate grammar passes its tests.
//!
//! The tools come from `scripts/deps/neovim.sh` and `scripts/deps/vscode.sh` (run by
//! `scripts/test`). Where they are missing the test says so and stops, except in CI (or with
//! CHISO_REQUIRE_EDITORS set), where a missing tool is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn editors_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("editors")
}

fn required() -> bool {
    std::env::var_os("CI").is_some() || std::env::var_os("CHISO_REQUIRE_EDITORS").is_some()
}

/// `true` when the tool can run; otherwise fails (CI) or explains the skip.
fn available(tool: &str, install: &str) -> bool {
    let found = Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(!required(), "`{tool}` is missing: run {install}");
        eprintln!("SKIPPED: `{tool}` is not installed (run {install})");
    }
    found
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const BROKEN: &str = "bộ tiêu chí \"Thử\" {   tổng điểm 3 }\n\
lĩnh vực 1 \"Đăk Tô\"   tối đa 3 {\n\
tiêu chí 1.1 \"A\" tối đa 1 {  điểm = 1 }\n   \
tiêu chí 1.2 \"B\" tối đa 1 { điểm = 1 } # hai\n\
}\n";

const FORMATTED: &str = "bộ tiêu chí \"Thử\" {\n  tổng điểm 3\n}\n\n\
lĩnh vực 1 \"Đăk Tô\" tối đa 3 {\n  \
tiêu chí 1.1 \"A\" tối đa 1 {\n    điểm = 1\n  }\n  \
tiêu chí 1.2 \"B\" tối đa 1 {\n    điểm = 1\n  } # hai\n}\n";

const DRIVER: &str = r#"
local out_path = os.getenv("CHISO_TEST_OUT")
local buf = vim.api.nvim_get_current_buf()
local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code
  if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
  table.insert(diagnostics, {
    lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
    severity = d.severity, code = code, message = d.message, source = d.source,
  })
end
local filetype = vim.bo[buf].filetype
if vim.lsp.buf.format then
  vim.lsp.buf.format({ timeout_ms = 10000 })
else
  vim.lsp.buf.formatting_sync(nil, 10000)
end
vim.cmd("write")
local f = io.open(out_path, "w")
f:write(vim.fn.json_encode({ waited = got, filetype = filetype, diagnostics = diagnostics }))
f:close()
vim.cmd("qall!")
"#;

#[test]
fn neovim_receives_diagnostics_and_formats_the_file() {
    if !available("nvim", "scripts/deps/neovim.sh") {
        return;
    }
    let dir = temp_dir("nvim");
    let file = dir.join("thử.chiso");
    std::fs::write(&file, BROKEN).expect("write ruleset");
    let init = dir.join("init.lua");
    let runtime = editors_dir().join("neovim");
    std::fs::write(
        &init,
        format!(
            "vim.opt.runtimepath:append({:?})\nrequire(\"chiso\").setup({{ cmd = {{ {:?} }} }})\n",
            runtime.display().to_string(),
            env!("CARGO_BIN_EXE_chiso-lsp")
        ),
    )
    .expect("write init.lua");
    let driver = dir.join("driver.lua");
    std::fs::write(&driver, DRIVER).expect("write driver");
    let out = dir.join("out.json");
    let status = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(&init)
        .arg(&file)
        .arg("-c")
        .arg(format!("luafile {}", driver.display()))
        .env("CHISO_TEST_OUT", &out)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_STATE_HOME", dir.join("state"))
        .env("XDG_CACHE_HOME", dir.join("cache"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run nvim");
    assert!(
        status.status.success(),
        "nvim failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("the driver's report"))
            .expect("json");
    assert_eq!(report["filetype"], "chiso");
    assert_eq!(report["waited"], true, "no diagnostics arrived");
    // E004 on `tối đa 3` of line 2; Neovim reports byte columns.
    let line = BROKEN.lines().nth(1).unwrap();
    let col = line.find("tối đa 3").unwrap();
    let diagnostics = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "E004");
    assert_eq!(d["source"], "chiso");
    assert_eq!(d["severity"], 1);
    assert_eq!(
        (d["lnum"].as_u64(), d["col"].as_u64()),
        (Some(1), Some(col as u64))
    );
    assert_eq!(
        (d["end_lnum"].as_u64(), d["end_col"].as_u64()),
        (Some(1), Some((col + "tối đa 3".len()) as u64))
    );
    // Neovim sends no locale: Vietnamese, the default.
    assert_eq!(
        d["message"],
        "điểm tối đa của 1 là 3, nhưng điểm tối đa của các tiêu chí con cộng lại là 2"
    );
    // Formatted through the server, and saved.
    assert_eq!(
        std::fs::read_to_string(&file).expect("formatted file"),
        FORMATTED
    );
    assert_eq!(chiso::format::format(FORMATTED).as_deref(), Ok(FORMATTED));
    let _ = std::fs::remove_dir_all(&dir);
}

fn npm_run(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("npx")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run npx");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "`npx {}` failed:\n{text}",
        args.join(" ")
    );
    text
}

#[test]
fn vscode_extension_compiles_packages_and_its_grammar_passes() {
    if !available("npx", "scripts/deps/vscode.sh") {
        return;
    }
    let ext = editors_dir().join("vscode");
    if !ext.join("node_modules/@vscode/vsce").is_dir() {
        assert!(
            !required(),
            "the extension's node_modules are missing: run scripts/deps/vscode.sh"
        );
        eprintln!("SKIPPED: run scripts/deps/vscode.sh (npm ci) first");
        return;
    }
    npm_run(&ext, &["tsc", "-p", "./"]);
    let compiled =
        std::fs::read_to_string(ext.join("out/extension.js")).expect("compiled extension");
    assert!(
        compiled.contains("new node_1.LanguageClient(\"chiso\""),
        "{compiled}"
    );
    finds_the_server_or_says_how_to_install_it(&ext);
    let grammar = npm_run(
        &ext,
        &[
            "vscode-tmgrammar-test",
            "-g",
            "syntaxes/chiso.tmLanguage.json",
            "test/sample.chiso",
        ],
    );
    assert!(
        grammar.contains("test/sample.chiso run successfuly"),
        "{grammar}"
    );
    let dir = temp_dir("vsix");
    let vsix = dir.join("chiso.vsix");
    let packaged = npm_run(
        &ext,
        &[
            "vsce",
            "package",
            "--out",
            vsix.to_str().expect("utf-8 path"),
        ],
    );
    assert!(packaged.contains("DONE"), "{packaged}");
    let size = std::fs::metadata(&vsix).expect("the .vsix").len();
    assert!(size > 10_000, "a .vsix of {size} bytes");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The extension's server lookup (`out/server.js`, compiled above), run by Node: `chiso-lsp`
/// on PATH, a configured full path, Cargo's bin folder, and a clear message with the install
/// command when there is none.
fn finds_the_server_or_says_how_to_install_it(ext: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("vscode-find");
    let on_path = dir.join("bin");
    let cargo_bin = dir.join("home/.cargo/bin");
    let not_executable = dir.join("plain");
    for folder in [&on_path, &cargo_bin, &not_executable] {
        std::fs::create_dir_all(folder).unwrap();
        let file = folder.join("chiso-lsp");
        std::fs::write(&file, "#!/bin/sh\n").unwrap();
        let mode = if folder == &not_executable {
            0o644
        } else {
            0o755
        };
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let script = r#"
const { findServer } = require(process.argv[1]);
const [dir] = process.argv.slice(2);
const home = dir + "/home";
const cases = {
  onPath: findServer("", { PATH: dir + "/plain:" + dir + "/bin" }, "linux", home),
  configured: findServer(dir + "/bin/chiso-lsp", { PATH: "" }, "linux", home),
  cargoBin: findServer(undefined, { PATH: dir + "/plain" }, "linux", home),
  missing: findServer("", { PATH: dir + "/plain" }, "linux", dir + "/nobody"),
  badSetting: findServer(dir + "/plain/chiso-lsp", { PATH: dir + "/bin" }, "linux", home),
};
console.log(JSON.stringify(cases));
"#;
    let output = Command::new("node")
        .arg("-e")
        .arg(script)
        .arg(ext.join("out/server.js"))
        .arg(&dir)
        .output()
        .expect("node");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let d = dir.display();
    // A file on PATH that cannot be run is passed over.
    assert!(
        text.contains(&format!(
            r#""onPath":{{"ok":true,"command":"{d}/bin/chiso-lsp"}}"#
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            r#""configured":{{"ok":true,"command":"{d}/bin/chiso-lsp"}}"#
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            r#""cargoBin":{{"ok":true,"command":"{d}/home/.cargo/bin/chiso-lsp"}}"#
        )),
        "{text}"
    );
    // No server: the message says where it looked and how to install it.
    let missing = text.split(r#""missing":"#).nth(1).unwrap_or_default();
    assert!(
        missing.starts_with(r#"{"ok":false"#)
            && missing.contains("cannot find the language server `chiso-lsp` on PATH")
            && missing.contains("cargo install --locked --path lsp")
            && missing.contains("chiso.server.path"),
        "{text}"
    );
    let bad = text.split(r#""badSetting":"#).nth(1).unwrap_or_default();
    assert!(
        bad.starts_with(r#"{"ok":false"#)
            && bad.contains(&format!(
                "`{d}/plain/chiso-lsp` (setting chiso.server.path)"
            )),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
