//! The built `chiso-lsp` over its real standard input and output: malformed messages are
//! answered with errors and the server keeps running; hostile documents give diagnostics, not
//! a dead server; `exit` ends the process with 0 after `shutdown` and 1 without.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// How long to wait for a message before declaring the server dead or hung.
const PATIENCE: Duration = Duration::from_secs(120);

struct Server {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

impl Server {
    fn start() -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_chiso-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chiso-lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, messages) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(v) = line.strip_prefix("Content-Length: ") {
                        length = v.parse::<usize>().ok();
                    }
                }
                let mut body = vec![0; length.expect("Content-Length")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let _ = tx.send(serde_json::from_slice(&body).expect("the server writes JSON"));
            }
        });
        let mut server = Server {
            child,
            stdin,
            messages,
        };
        server.send_raw(&frame(
            br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
        ));
        assert!(server.response(1)["result"]["capabilities"].is_object());
        server.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
        server
    }

    fn send_raw(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&frame(message.to_string().as_bytes()));
    }

    /// The next message that satisfies `wanted`, skipping the others.
    fn next(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            match self.messages.recv_timeout(PATIENCE) {
                Ok(m) if wanted(&m) => return m,
                Ok(_) => continue,
                Err(RecvTimeoutError::Timeout) => panic!("the server stopped answering"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server's output ended"),
            }
        }
    }

    fn response(&mut self, id: i64) -> Value {
        self.next(|m| m["id"] == json!(id) && m.get("method").is_none())
    }

    /// A hover request answered: the server is alive.
    fn answers(&mut self, id: i64) {
        self.send(json!({
            "jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
            "params": { "textDocument": { "uri": "file:///none.chiso" },
                        "position": { "line": 0, "character": 0 } }
        }));
        let response = self.response(id);
        assert!(response.get("result").is_some(), "{response}");
    }

    fn exit_code(mut self) -> i32 {
        self.send(json!({"jsonrpc": "2.0", "method": "exit"}));
        let start = std::time::Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code().unwrap_or(-1);
            }
            assert!(start.elapsed() < PATIENCE, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn malformed_messages_are_answered_with_errors_and_the_server_keeps_running() {
    let mut server = Server::start();
    let malformed: [(&[u8], i64); 6] = [
        (&frame(br#"{"jsonrpc":"2.0","id":2,"method":"#), -32700),
        (&frame(b"not json at all"), -32700),
        (&frame(b"[1,2,3]"), -32600),
        (&frame(br#"{"hello":"world"}"#), -32600),
        (b"Content-Length: abc\r\n\r\n", -32700),
        (&frame(&[0xff, 0xfe, 0x00]), -32700),
    ];
    for (k, (bytes, code)) in malformed.iter().enumerate() {
        server.send_raw(bytes);
        let error = server.next(|m| m.get("error").is_some());
        assert_eq!(error["error"]["code"], json!(code), "message {k}: {error}");
        assert_eq!(error["id"], Value::Null, "message {k}");
        server.answers(100 + k as i64);
    }
    // Well-formed JSON-RPC with bad parameters is the library's to answer.
    server.send(json!({"jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": 7}));
    assert_eq!(server.response(7)["error"]["code"], json!(-32602));
    server.answers(8);
    server.send(json!({"jsonrpc": "2.0", "id": 9, "method": "shutdown"}));
    server.response(9);
    assert_eq!(server.exit_code(), 0);
}

#[test]
fn exit_without_shutdown_ends_with_1_and_after_shutdown_with_0() {
    let server = Server::start();
    assert_eq!(server.exit_code(), 1);
    let mut server = Server::start();
    server.send(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    server.response(2);
    assert_eq!(server.exit_code(), 0);
}

fn ruleset_with_rule(rule: &str) -> String {
    format!(
        "ruleset \"t\" {{ year 2024 level district }}\ninput a: count \"a\"\narea 1 \"A\" max 1 {{\n  criterion 1.1 \"B\" max 1 {{\n    score = {rule}\n  }}\n}}\n"
    )
}

#[test]
fn hostile_documents_get_diagnostics_and_the_server_keeps_answering() {
    let unary = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/crashes/unary-minus-7500.chiso"
    ))
    .expect("fixture");
    let documents = [
        ("unary-minus", unary, 7),
        ("sum", ruleset_with_rule(&vec!["a"; 10_000].join(" + ")), 4),
        (
            "not",
            ruleset_with_rule(&format!(
                "if {}a > 0 then 1 else 0",
                "không phải ".repeat(10_000)
            )),
            4,
        ),
        (
            "wide",
            ruleset_with_rule(&format!("min(1, a{} + b)", " ".repeat(70_000))),
            4,
        ),
    ];
    let mut server = Server::start();
    for (k, (name, text, line)) in documents.into_iter().enumerate() {
        let uri = format!("file:///work/{name}.chiso");
        server.send(json!({
            "jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": { "textDocument": { "uri": uri, "languageId": "chiso", "version": 1, "text": text } }
        }));
        let published = server.next(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == json!(uri)
        });
        let diagnostics = published["params"]["diagnostics"].as_array().expect("list");
        let first_error = diagnostics
            .iter()
            .find(|d| d["severity"] == 1)
            .unwrap_or_else(|| panic!("{name}: no error in {diagnostics:?}"));
        // `b` is unknown: E008 past column 70,000.
        let expected = if name == "wide" { "E008" } else { "E019" };
        assert_eq!(first_error["code"], expected, "{name}: {first_error}");
        assert_eq!(first_error["range"]["start"]["line"], line, "{name}");
        server.answers(10 + k as i64);
    }
    server.send(json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown"}));
    server.response(99);
    assert_eq!(server.exit_code(), 0);
}
