//! didChange → publishDiagnostics latency of the server, in-process: on the largest ruleset
//! in `rulesets/` and on a generated 3,000-line ruleset. Each edit types or deletes one
//! character (an incremental change), and the clock stops when the diagnostics of that version
//! come out of the server. Run: `cargo bench -p chiso-lsp`.

use futures::StreamExt;
use serde_json::json;
use std::time::{Duration, Instant};
use tower::{Service, ServiceExt};
use tower_lsp_server::jsonrpc::Request;

/// A ruleset of about `lines` lines: areas of criteria of sub-criteria with ratio and band
/// rules, inputs, and a test.
fn generated(lines: usize) -> String {
    let mut out = String::from("bộ tiêu chí \"Sinh tự động\" {\n  năm 2024\n  cấp xã\n  làm tròn tỷ lệ 2 nửa lên\n  mẫu số bằng 0: không đánh giá\n}\n\n");
    let mut n = 0;
    let mut area = 0;
    let mut body = String::new();
    let mut inputs = String::new();
    let mut total = 0u64;
    while out.lines().count() + inputs.lines().count() + body.lines().count() < lines {
        area += 1;
        let mut area_max = 0u64;
        let mut area_text = String::new();
        for c in 1..=5 {
            let mut crit_text = String::new();
            let mut crit_max = 0u64;
            for s in 1..=4 {
                n += 1;
                inputs.push_str(&format!("đầu vào đạt_{n}: số lượng \"Số hồ sơ đạt {n}\" chủ trì \"Văn phòng\"\nđầu vào tổng_{n}: số lượng \"Tổng số hồ sơ {n}\"\n"));
                let rule = if n % 2 == 0 {
                    format!("      điểm = tỷ_lệ(đạt_{n}, tổng_{n}) × tối đa\n")
                } else {
                    format!("      điểm = bậc tỷ_lệ(đạt_{n}, tổng_{n}) {{ từ 90% trở lên: tối đa  từ 50% đến dưới 90%: tối đa / 2  còn lại: 0 }}\n")
                };
                crit_text.push_str(&format!(
                    "    tiêu chí thành phần {area}.{c}.{s} \"Tỷ lệ hồ sơ {n} giải quyết đúng hạn\" tối đa 1 {{\n      chủ trì \"Văn phòng\"\n{rule}    }}\n"
                ));
                crit_max += 1;
            }
            area_text.push_str(&format!("  tiêu chí {area}.{c} \"Tiêu chí {area}.{c}\" tối đa {crit_max} {{\n{crit_text}  }}\n"));
            area_max += crit_max;
        }
        body.push_str(&format!(
            "lĩnh vực {area} \"Lĩnh vực {area}\" tối đa {area_max} {{\n{area_text}}}\n\n"
        ));
        total += area_max;
    }
    out = out.replace(
        "  năm 2024\n",
        &format!("  năm 2024\n  tổng điểm {total}\n"),
    );
    out.push_str(&inputs);
    out.push('\n');
    out.push_str(&body);
    out.push_str("kiểm thử \"đủ\" {\n  cho đạt_1 = 9, tổng_1 = 10\n  mong đợi 1.1.1 = 1\n}\n");
    out
}

fn largest_ruleset() -> (String, String) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../rulesets");
    let mut best = (String::new(), String::new());
    let mut stack = vec![std::path::PathBuf::from(root)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read rulesets").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "chiso") {
                let text = std::fs::read_to_string(&path).expect("read");
                if text.len() > best.1.len() {
                    best = (
                        path.strip_prefix(root)
                            .unwrap_or(&path)
                            .display()
                            .to_string(),
                        text,
                    );
                }
            }
        }
    }
    best
}

async fn measure(name: &str, text: &str, edits: usize) {
    let (mut service, mut socket) = chiso_lsp::service();
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Some(m) = socket.next().await {
            let _ = tx.send(m);
        }
    });
    let uri = "file:///bench.chiso";
    let init = Request::build("initialize")
        .params(json!({ "capabilities": {} }))
        .id(1)
        .finish();
    service.ready().await.unwrap().call(init).await.unwrap();
    let open = Request::build("textDocument/didOpen")
        .params(json!({ "textDocument": { "uri": uri, "languageId": "chiso", "version": 1, "text": text } }))
        .finish();
    service.ready().await.unwrap().call(open).await.unwrap();
    let first = rx.recv().await.expect("diagnostics");
    let (_, _, params) = first.into_parts();
    let diagnostics = params.expect("params")["diagnostics"]
        .as_array()
        .map_or(0, Vec::len);
    // Type into the last line's end: a comment there, one character at a time, then delete it.
    let last_line = text.lines().count() as u32;
    let mut times: Vec<Duration> = Vec::with_capacity(edits);
    let mut column = 0u32;
    for i in 0..edits {
        let version = 2 + i as i64;
        let (range, new_text) = if i % 20 < 10 {
            column += 1;
            (
                json!({ "start": { "line": last_line, "character": column - 1 }, "end": { "line": last_line, "character": column - 1 } }),
                if column == 1 { "#" } else { "ư" },
            )
        } else {
            column -= 1;
            (
                json!({ "start": { "line": last_line, "character": column }, "end": { "line": last_line, "character": column + 1 } }),
                "",
            )
        };
        let change = Request::build("textDocument/didChange")
            .params(json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [ { "range": range, "text": new_text } ] }))
            .finish();
        let start = Instant::now();
        service.ready().await.unwrap().call(change).await.unwrap();
        loop {
            let m = rx.recv().await.expect("diagnostics");
            let (method, _, params) = m.into_parts();
            if method == "textDocument/publishDiagnostics"
                && params.expect("params")["version"] == version
            {
                break;
            }
        }
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().sum::<Duration>() / times.len() as u32;
    println!(
        "{name}: {} lines, {} KB, {} diagnostics; didChange → publishDiagnostics over {} edits: median {:.2} ms, mean {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        text.lines().count(),
        text.len() / 1024,
        diagnostics,
        times.len(),
        ms(times[times.len() / 2]),
        ms(mean),
        ms(times[times.len() * 95 / 100]),
        ms(times[times.len() - 1]),
    );
}

#[tokio::main]
async fn main() {
    let (path, text) = largest_ruleset();
    measure(&format!("largest ruleset ({path})"), &text, 200).await;
    let generated = generated(3000);
    let start = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(chiso::analyze(&generated));
    }
    println!(
        "generated ruleset: chiso::analyze alone {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0 / 20.0
    );
    let start = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(chiso::syntax::parse(&generated));
    }
    println!(
        "generated ruleset: of which chiso::syntax::parse {:.2} ms",
        start.elapsed().as_secs_f64() * 1000.0 / 20.0
    );
    measure("generated ruleset", &generated, 200).await;
}
