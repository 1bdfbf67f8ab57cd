//! The language server driven in-process through its `LspService`: initialize → didOpen →
//! didChange → every feature, out-of-order and rapid edits, positions inside Vietnamese lines,
//! and an edit replay that types a whole ruleset.

use futures::StreamExt;
use serde_json::{json, Value};
use std::time::Duration;
use tower::{Service, ServiceExt};
use tower_lsp_server::jsonrpc::Request;
use tower_lsp_server::LspService;

const URI: &str = "file:///work/kon-tum.chiso";

/// The protocol tests' own copy of a real ruleset (Kon Tum 2023, the 7-criterion excerpt):
/// their expectations (ranges, symbols, hovers) are written against this text, so it must not
/// change when the ruleset in `rulesets/` grows.
fn ruleset() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/kon-tum-excerpt.chiso"
    );
    std::fs::read_to_string(path).expect("read the fixture ruleset")
}

struct Harness {
    service: LspService<chiso_lsp::Backend>,
    next_id: i64,
    from_server: tokio::sync::mpsc::UnboundedReceiver<Request>,
    utf8: bool,
}

impl Harness {
    async fn new(utf8: bool) -> Self {
        Self::with_params(utf8, json!({})).await
    }

    /// A server initialized with `extra` merged into the `initialize` params
    /// (`initializationOptions`, `locale`).
    async fn with_params(utf8: bool, extra: Value) -> Self {
        let (service, mut socket) = chiso_lsp::service();
        let (tx, from_server) = tokio::sync::mpsc::unbounded_channel();
        tokio::spawn(async move {
            while let Some(message) = socket.next().await {
                let _ = tx.send(message);
            }
        });
        let mut h = Harness {
            service,
            next_id: 0,
            from_server,
            utf8,
        };
        let encodings = if utf8 {
            json!(["utf-8", "utf-16"])
        } else {
            json!(["utf-16"])
        };
        let mut params =
            json!({ "capabilities": { "general": { "positionEncodings": encodings } } });
        if let (Some(params), Some(extra)) = (params.as_object_mut(), extra.as_object()) {
            params.extend(extra.clone());
        }
        let result = h.request("initialize", params).await.expect("initialize");
        let expected = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(result["capabilities"]["positionEncoding"], expected);
        assert_eq!(result["capabilities"]["textDocumentSync"], 2);
        let triggers = result["capabilities"]["completionProvider"]["triggerCharacters"]
            .as_array()
            .expect("triggers");
        assert!(
            triggers
                .iter()
                .all(|t| !t.as_str().unwrap().chars().any(char::is_alphabetic)),
            "no letter triggers completion"
        );
        h.notify("initialized", json!({})).await;
        h
    }

    async fn request(&mut self, method: &'static str, params: Value) -> Result<Value, String> {
        self.next_id += 1;
        let request = Request::build(method)
            .params(params)
            .id(self.next_id)
            .finish();
        let response = self
            .service
            .ready()
            .await
            .expect("ready")
            .call(request)
            .await
            .expect("service");
        let (_, body) = response.expect("a response").into_parts();
        body.map_err(|e| e.message.to_string())
    }

    async fn notify(&mut self, method: &'static str, params: Value) {
        let request = Request::build(method).params(params).finish();
        let response = self
            .service
            .ready()
            .await
            .expect("ready")
            .call(request)
            .await
            .expect("service");
        assert!(response.is_none());
    }

    async fn open(&mut self, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "chiso", "version": 1, "text": text } }),
        )
        .await;
    }

    /// The next publishDiagnostics notification: (version, diagnostics).
    async fn diagnostics(&mut self) -> (Option<i64>, Vec<Value>) {
        loop {
            let message = tokio::time::timeout(Duration::from_secs(10), self.from_server.recv())
                .await
                .expect("diagnostics in time")
                .expect("channel open");
            let (method, _, params) = message.into_parts();
            if method == "textDocument/publishDiagnostics" {
                let params = params.expect("params");
                assert_eq!(params["uri"], URI);
                return (
                    params["version"].as_i64(),
                    params["diagnostics"].as_array().expect("array").clone(),
                );
            }
        }
    }

    /// Every publishDiagnostics received until the one for `version` (waiting up to 10 s for
    /// it), and any that follow within a short quiet period.
    async fn diagnostics_until(&mut self, version: i64) -> Vec<(Option<i64>, Vec<Value>)> {
        let mut out = Vec::new();
        let mut seen = false;
        loop {
            let wait = if seen {
                Duration::from_millis(300)
            } else {
                Duration::from_secs(10)
            };
            let Ok(Some(message)) = tokio::time::timeout(wait, self.from_server.recv()).await
            else {
                assert!(seen, "no diagnostics for version {version}: {out:?}");
                return out;
            };
            let (method, _, params) = message.into_parts();
            if method == "textDocument/publishDiagnostics" {
                let params = params.expect("params");
                let v = params["version"].as_i64();
                seen |= v == Some(version);
                out.push((v, params["diagnostics"].as_array().expect("array").clone()));
            }
        }
    }

    /// The LSP position of a byte offset, computed here independently of the server.
    fn position(&self, text: &str, offset: usize) -> Value {
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..offset].matches('\n').count();
        let prefix = &text[line_start..offset];
        let character = if self.utf8 {
            prefix.len()
        } else {
            prefix.encode_utf16().count()
        };
        json!({ "line": line, "character": character })
    }

    fn range(&self, text: &str, span: std::ops::Range<usize>) -> Value {
        json!({ "start": self.position(text, span.start), "end": self.position(text, span.end) })
    }

    fn at(&self, text: &str, offset: usize) -> Value {
        json!({ "textDocument": { "uri": URI }, "position": self.position(text, offset) })
    }
}

fn nth(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("`{needle}` #{n}"))
        .0
}

#[tokio::test]
async fn every_feature_through_the_protocol() {
    for utf8 in [false, true] {
        let mut h = Harness::new(utf8).await;
        let text = ruleset();
        h.open(&text).await;
        let (version, diagnostics) = h.diagnostics().await;
        assert_eq!(version, Some(1));
        assert_eq!(
            diagnostics,
            Vec::<Value>::new(),
            "the example ruleset is clean"
        );

        // Hover in the middle of a Vietnamese line: the input `hồ_sơ_tiếp_nhận` in 7.2.2's rule.
        let use_at = nth(&text, "hồ_sơ_tiếp_nhận", 1);
        let hover = h
            .request("textDocument/hover", h.at(&text, use_at + "hồ_sơ".len()))
            .await
            .unwrap();
        assert_eq!(
            hover["range"],
            h.range(&text, use_at..use_at + "hồ_sơ_tiếp_nhận".len())
        );
        // Vietnamese by default (the client sends no locale).
        let markdown = hover["contents"]["value"].as_str().unwrap();
        assert!(
            markdown.starts_with("**đầu vào** `hồ_sơ_tiếp_nhận`: số lượng"),
            "{markdown}"
        );
        assert!(
            markdown.contains("- được dùng ở:\n  - 7.2.2 Tỷ lệ hồ sơ trực tuyến toàn trình"),
            "{markdown}"
        );

        // Hover on a criterion id.
        let id_at = nth(&text, "1.6.1", 0);
        let hover = h
            .request("textDocument/hover", h.at(&text, id_at + 2))
            .await
            .unwrap();
        let markdown = hover["contents"]["value"].as_str().unwrap();
        assert!(markdown.contains("1 › 1.6 › 1.6.1"), "{markdown}");
        assert!(markdown.contains("- điểm tối đa: **4**"), "{markdown}");

        // Definition: from the use to the declaration.
        let decl_at = nth(&text, "hồ_sơ_tiếp_nhận", 0);
        let def = h
            .request("textDocument/definition", h.at(&text, use_at))
            .await
            .unwrap();
        assert_eq!(def["uri"], URI);
        assert_eq!(
            def["range"],
            h.range(&text, decl_at..decl_at + "hồ_sơ_tiếp_nhận".len())
        );

        // References: declaration, the rule, and the three tests that give it a value.
        let mut params = h.at(&text, decl_at);
        params["context"] = json!({ "includeDeclaration": true });
        let refs = h.request("textDocument/references", params).await.unwrap();
        let starts: Vec<Value> = refs
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["range"]["start"].clone())
            .collect();
        let expected: Vec<Value> = (0..5)
            .map(|n| h.position(&text, nth(&text, "hồ_sơ_tiếp_nhận", n)))
            .collect();
        assert_eq!(starts, expected);

        // Rename, with prepareRename.
        let prepared = h
            .request("textDocument/prepareRename", h.at(&text, use_at))
            .await
            .unwrap();
        assert_eq!(prepared["placeholder"], "hồ_sơ_tiếp_nhận");
        let mut params = h.at(&text, use_at);
        params["newName"] = json!("tổng_hồ_sơ");
        let edit = h.request("textDocument/rename", params).await.unwrap();
        let edits = edit["changes"][URI].as_array().unwrap();
        assert_eq!(edits.len(), 5);
        assert!(edits.iter().all(|e| e["newText"] == "tổng_hồ_sơ"));
        let mut params = h.at(&text, use_at);
        params["newName"] = json!("nếu");
        let refused = h.request("textDocument/rename", params).await.unwrap_err();
        assert!(
            refused.contains("không phải tên đầu vào hợp lệ"),
            "{refused}"
        );
        let not_renamable = h
            .request(
                "textDocument/prepareRename",
                h.at(&text, nth(&text, "chủ trì", 0)),
            )
            .await
            .unwrap();
        assert_eq!(not_renamable, Value::Null);

        // Completion inside `tỷ_lệ(` after typing "ho_so_tr" without diacritics.
        let mut edited = text.clone();
        let call = nth(&edited, "tỷ_lệ(hồ_sơ_trực_tuyến_toàn_trình", 0) + "tỷ_lệ(".len();
        edited.replace_range(call..call + "hồ_sơ_trực_tuyến_toàn_trình".len(), "ho_so_tr");
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [ { "text": edited } ] }),
        )
        .await;
        let (version, diagnostics) = h.diagnostics().await;
        assert_eq!(version, Some(2));
        let codes: Vec<&str> = diagnostics
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, vec!["W001", "E008"]);
        let e008 = &diagnostics[1];
        assert_eq!(
            e008["range"],
            h.range(&edited, call..call + "ho_so_tr".len())
        );
        let completions = h
            .request(
                "textDocument/completion",
                h.at(&edited, call + "ho_so_tr".len()),
            )
            .await
            .unwrap();
        let labels: Vec<&str> = completions
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["label"].as_str().unwrap())
            .collect();
        assert_eq!(labels, vec!["hồ_sơ_trực_tuyến_toàn_trình"]);
        let item = &completions[0];
        assert_eq!(item["filterText"], "ho_so_truc_tuyen_toan_trinh");
        assert_eq!(
            item["textEdit"]["range"],
            h.range(&edited, call..call + "ho_so_tr".len())
        );

        // Code actions on the unknown name: did-you-mean, and declare it.
        let params = json!({
            "textDocument": { "uri": URI },
            "range": h.range(&edited, call..call),
            "context": { "diagnostics": [] }
        });
        let actions = h.request("textDocument/codeAction", params).await.unwrap();
        let titles: Vec<&str> = actions
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["title"].as_str().unwrap())
            .collect();
        assert_eq!(
            titles,
            // Vietnamese by default (the client sends no locale).
            vec!["thay bằng `hồ_sơ_tiếp_nhận`", "khai báo đầu vào `ho_so_tr`"]
        );
        assert_eq!(actions[0]["isPreferred"], true);
        assert_eq!(actions[0]["diagnostics"][0]["code"], "E008");
        let declare = &actions[1]["edit"]["changes"][URI][0];
        assert_eq!(declare["newText"], "\nđầu vào ho_so_tr: số lượng \"\"");

        // Back to the clean text: the remaining features.
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [ { "text": text } ] }),
        )
        .await;
        assert_eq!(h.diagnostics().await, (Some(3), vec![]));

        let symbols = h
            .request(
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": URI } }),
            )
            .await
            .unwrap();
        let symbols = symbols.as_array().unwrap();
        let area1 = symbols
            .iter()
            .find(|s| s["name"] == "1 Công tác chỉ đạo, điều hành")
            .expect("area 1");
        assert_eq!(area1["detail"], "tối đa 7,5");
        assert_eq!(
            area1["children"][1]["name"],
            "1.6 Thực hiện nhiệm vụ được giao"
        );
        assert_eq!(area1["children"][1]["detail"], "tối đa 7");
        assert_eq!(area1["children"][1]["children"][0]["detail"], "tối đa 4");
        let area1_at = nth(&text, "1 \"Công tác", 0);
        assert_eq!(
            area1["selectionRange"],
            h.range(&text, area1_at..area1_at + 1)
        );

        let folds = h
            .request(
                "textDocument/foldingRange",
                json!({ "textDocument": { "uri": URI } }),
            )
            .await
            .unwrap();
        let first = &folds[0];
        assert_eq!(
            (
                first["startLine"].as_u64(),
                first["endLine"].as_u64(),
                first["kind"].as_str()
            ),
            (Some(0), Some(7), Some("comment"))
        );

        let tokens = h
            .request(
                "textDocument/semanticTokens/full",
                json!({ "textDocument": { "uri": URI } }),
            )
            .await
            .unwrap();
        let data: Vec<u64> = tokens["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        assert_eq!(data.len() % 5, 0);
        // The first token is the comment on line 0 (type 1), as long as the line.
        let first_line = text.lines().next().unwrap();
        let len = if utf8 {
            first_line.len()
        } else {
            first_line.encode_utf16().count()
        };
        assert_eq!(&data[..5], &[0, 0, len as u64, 1, 0]);

        let hints = h
            .request(
                "textDocument/inlayHint",
                json!({ "textDocument": { "uri": URI }, "range": h.range(&text, 0..text.len()) }),
            )
            .await
            .unwrap();
        let hint16 = hints
            .as_array()
            .unwrap()
            .iter()
            .find(|hint| hint["label"] == "Σ 7")
            .expect("1.6's hint");
        let title_end = nth(&text, "\"Thực hiện nhiệm vụ được giao\"", 0)
            + "\"Thực hiện nhiệm vụ được giao\"".len();
        assert_eq!(hint16["position"], h.position(&text, title_end));

        let lenses = h
            .request(
                "textDocument/codeLens",
                json!({ "textDocument": { "uri": URI } }),
            )
            .await
            .unwrap();
        let titles: Vec<&str> = lenses
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["command"]["title"].as_str().unwrap())
            .collect();
        assert_eq!(
            titles,
            vec![
                "✔ đạt (7 phép kiểm tra)",
                "✔ đạt (1 phép kiểm tra)",
                "✔ đạt (1 phép kiểm tra)"
            ]
        );
        let command = &lenses[0]["command"];
        let result = h
            .request(
                "workspace/executeCommand",
                json!({ "command": command["command"], "arguments": command["arguments"] }),
            )
            .await
            .unwrap();
        assert_eq!(
            result,
            "Kon Rẫy 2023: số liệu báo cáo tự đánh giá: ✔ đạt (7 phép kiểm tra)"
        );

        let formatting = h
            .request("textDocument/formatting", json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }))
            .await
            .unwrap();
        assert_eq!(formatting, json!([]), "the example is already formatted");

        h.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await;
        assert_eq!(h.diagnostics().await, (None, vec![]));
        assert_eq!(h.request("shutdown", Value::Null).await, Ok(Value::Null));
    }
}

#[tokio::test]
async fn a_failing_test_expectation_is_published_as_t001() {
    for utf8 in [false, true] {
        let mut h = Harness::new(utf8).await;
        let text = "ruleset \"Thử\" { }\nlĩnh vực 1 \"Đăk Tô\" { tiêu chí 1.1 \"x\" tối đa 2 }\n\
            kiểm thử \"điểm hội đồng\" {\n  điểm 1.1 = 2\n  mong đợi 1.1 = 2\n  mong đợi 1.1 = 1,5\n}\n";
        h.open(text).await;
        let (version, diagnostics) = h.diagnostics().await;
        assert_eq!(version, Some(1));
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!(d["code"], "T001");
        assert_eq!(d["severity"], 1, "an error");
        let start = text.find("mong đợi 1.1 = 1,5").unwrap();
        let span = start..start + "mong đợi 1.1 = 1,5".len();
        assert_eq!(d["range"], h.range(text, span.clone()), "utf8: {utf8}");
        let message = d["message"].as_str().unwrap();
        // Vietnamese by default, numbers with a decimal comma (hand-written expectation).
        assert!(
            message.contains("mong đợi 1.1 = 1,5, nhưng được 2 điểm"),
            "{message}"
        );
        // Fixing the expectation clears it.
        let range = h.range(text, span.end - 3..span.end);
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [ { "range": range, "text": "2" } ] }),
        )
        .await;
        assert_eq!(h.diagnostics().await, (Some(2), vec![]));
    }
}

#[tokio::test]
async fn incremental_edits_in_utf16_over_vietnamese_text() {
    let mut h = Harness::new(false).await;
    let text = "ruleset \"t\" {\n  total 1\n}\n\nlĩnh vực 1 \"Đăk Tô\" tối đa 2 {\n  điểm = 1\n}\n";
    h.open(text).await;
    let (_, diagnostics) = h.diagnostics().await;
    assert_eq!(diagnostics[0]["code"], "E005");
    // Replace "2" after "tối đa " (line 4: UTF-16 column 27) by "1".
    let two = text.find("tối đa 2").unwrap() + "tối đa ".len();
    let range = h.range(text, two..two + 1);
    assert_eq!(range["start"], json!({ "line": 4, "character": 27 }));
    h.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [ { "range": range, "text": "1" } ] }),
    )
    .await;
    assert_eq!(h.diagnostics().await, (Some(2), vec![]));
    // A range past the end of the line is clamped to it: append after "Tô\" tối đa 1 {".
    h.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [
            { "range": { "start": { "line": 4, "character": 500 }, "end": { "line": 4, "character": 900 } }, "text": " # chú thích" }
        ] }),
    )
    .await;
    assert_eq!(h.diagnostics().await, (Some(3), vec![]));
    let folded = h.request("textDocument/formatting", json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } })).await.unwrap();
    assert_eq!(folded, json!([]));
    let symbols = h
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await
        .unwrap();
    assert_eq!(symbols[1]["name"], "1 Đăk Tô");
    assert_eq!(symbols[1]["detail"], "tối đa 1");
}

#[tokio::test]
async fn out_of_order_and_rapid_edits_keep_the_newest_version() {
    let mut h = Harness::new(false).await;
    let base = "ruleset \"t\" { total 1 }\narea 1 \"A\" max 1 { score = 1 }\n";
    h.open(base).await;
    assert_eq!(h.diagnostics().await, (Some(1), vec![]));

    // Version 3 arrives before version 2: version 2 is stale and must neither replace the text
    // nor be published.
    let v3 = base.replace("total 1", "total 3");
    let v2 = base.replace("total 1", "total 2");
    let change = |version: i64, text: &str| {
        Request::build("textDocument/didChange")
            .params(json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": [ { "text": text } ] }))
            .finish()
    };
    let f3 = h.service.ready().await.unwrap().call(change(3, &v3));
    let f2 = h.service.ready().await.unwrap().call(change(2, &v2));
    let _ = futures::future::join_all([f3, f2]).await;
    let published = h.diagnostics_until(3).await;
    assert_eq!(published.len(), 1, "{published:?}");
    assert_eq!(published[0].0, Some(3));
    assert_eq!(
        published[0].1[0]["message"],
        "điểm tối đa các lĩnh vực cộng lại là 1, nhưng tổng điểm khai báo là 3"
    );

    // Fifty keystrokes at once, each one character at the end of line 1: all applied in order,
    // and the last publication is for the last version.
    let mut futures = Vec::new();
    let line1 = v3.lines().nth(1).unwrap().encode_utf16().count();
    for i in 0..50 {
        let character = line1 + i;
        let request = Request::build("textDocument/didChange")
            .params(json!({ "textDocument": { "uri": URI, "version": 4 + i }, "contentChanges": [ {
                "range": { "start": { "line": 1, "character": character }, "end": { "line": 1, "character": character } },
                "text": if i == 0 { "#" } else { "x" }
            } ] }))
            .finish();
        futures.push(h.service.ready().await.unwrap().call(request));
    }
    let _ = futures::future::join_all(futures).await;
    let published = h.diagnostics_until(53).await;
    assert_eq!(published.last().map(|p| p.0), Some(Some(53)));
    let versions: Vec<i64> = published.iter().filter_map(|p| p.0).collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "published in order: {versions:?}"
    );
    let hover_line = h
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": URI }, "position": { "line": 1, "character": 5 } }),
        )
        .await
        .unwrap();
    assert!(hover_line["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("**lĩnh vực 1** — A"));
    let symbols = h
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await
        .unwrap();
    let area_range_end = &symbols[1]["range"]["end"];
    // The area ends at its `}`; the typed comment ("#" + 49 "x") follows on the same line.
    assert_eq!(area_range_end, &json!({ "line": 1, "character": line1 }));
}

/// Every range in a response (any object with `start`/`end` positions, at any depth) lies
/// inside `text`.
fn assert_ranges_inside(value: &Value, text: &str, context: &str) {
    match value {
        Value::Object(map) => {
            for key in ["start", "end", "position"] {
                if let Some(p) = map.get(key).filter(|p| p.get("line").is_some()) {
                    let line = p["line"].as_u64().expect("line") as usize;
                    let character = p["character"].as_u64().expect("character") as usize;
                    let lines: Vec<&str> = text.split('\n').collect();
                    assert!(
                        line < lines.len(),
                        "{context}: line {line} past the end ({} lines)",
                        lines.len()
                    );
                    let width = lines[line].trim_end_matches('\r').encode_utf16().count();
                    assert!(
                        character <= width,
                        "{context}: column {character} past the end of line {line} ({width})"
                    );
                }
            }
            map.values()
                .for_each(|v| assert_ranges_inside(v, text, context));
        }
        Value::Array(items) => items
            .iter()
            .for_each(|v| assert_ranges_inside(v, text, context)),
        _ => {}
    }
}

/// The edits that type `text` at the end of the document, one character each; words with
/// diacritics are first typed without them, deleted, and typed again (a Vietnamese keyboard).
fn keystrokes(text: &str) -> Vec<Option<char>> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<Option<char>>| {
        if !word.is_ascii() {
            let plain = chiso::text::fold(word);
            out.extend(plain.chars().map(Some));
            out.extend(std::iter::repeat_n(None, plain.chars().count()));
        }
        out.extend(word.chars().map(Some));
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(Some(c));
        }
    }
    flush(&mut word, &mut out);
    out
}

#[tokio::test]
async fn typing_a_whole_ruleset_never_breaks_the_server() {
    let target = ruleset();
    let strokes = keystrokes(&target);
    assert!(
        strokes.len() > target.chars().count(),
        "the Vietnamese-keyboard detours are included"
    );
    let mut h = Harness::new(false).await;
    let mut typed = String::new();
    h.open(&typed).await;
    let mut version = 1;
    let mut last_published = (None, Vec::new());
    // Several keystrokes per notification (each still its own change, applied in order), so
    // the debug build stays fast; every keystroke of the file is sent.
    const PER_NOTIFICATION: usize = 8;
    for chunk in strokes.chunks(PER_NOTIFICATION) {
        let mut changes = Vec::new();
        for stroke in chunk {
            let end = h.position(&typed, typed.len());
            match stroke {
                Some(c) => {
                    changes.push(
                        json!({ "range": { "start": end, "end": end }, "text": c.to_string() }),
                    );
                    typed.push(*c);
                }
                None => {
                    let last = typed.pop().expect("something to delete");
                    let start = h.position(&typed, typed.len());
                    assert!(last.is_ascii());
                    changes.push(json!({ "range": { "start": start, "end": end }, "text": "" }));
                }
            }
        }
        version += 1;
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": version }, "contentChanges": changes }),
        )
        .await;
        let context = format!("after {} bytes", typed.len());
        let symbols = h
            .request(
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": URI } }),
            )
            .await;
        let symbols = symbols.unwrap_or_else(|e| panic!("{context}: symbols failed: {e}"));
        assert_ranges_inside(&symbols, &typed, &context);
        for offset in [typed.len(), typed.len() / 2] {
            let offset = chiso::diagnostic::floor_char_boundary(&typed, offset);
            let hover = h.request("textDocument/hover", h.at(&typed, offset)).await;
            assert_ranges_inside(
                &hover.unwrap_or_else(|e| panic!("{context}: hover failed: {e}")),
                &typed,
                &context,
            );
            let completion = h
                .request("textDocument/completion", h.at(&typed, offset))
                .await;
            assert_ranges_inside(
                &completion.unwrap_or_else(|e| panic!("{context}: completion failed: {e}")),
                &typed,
                &context,
            );
        }
        while let Ok(message) = h.from_server.try_recv() {
            let (_, _, params) = message.into_parts();
            let params = params.expect("params");
            if params["version"].as_i64() == Some(version) {
                assert_ranges_inside(&params["diagnostics"], &typed, &context);
            }
            last_published = (
                params["version"].as_i64(),
                params["diagnostics"].as_array().expect("array").clone(),
            );
        }
    }
    assert_eq!(typed, target);
    // The fully typed file is the clean ruleset again.
    if last_published.0 != Some(version) {
        last_published = h
            .diagnostics_until(version)
            .await
            .pop()
            .expect("diagnostics");
    }
    assert_eq!(last_published, (Some(version), vec![]));
    let symbols = h
        .request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        )
        .await
        .unwrap();
    assert_eq!(symbols.as_array().unwrap().len(), 1 + 16 + 3 + 3);
}

/// Messages are Vietnamese unless the client asks otherwise: the `lang` initialization option
/// wins over the client's locale, and a locale alone chooses too.
#[tokio::test]
async fn diagnostics_speak_the_language_the_client_asks_for() {
    let text = "ruleset \"T\" { total 3 }\narea 1 \"A\" { criterion 1.1 \"x\" max 1.5 }\n";
    // (expected texts written by hand from the catalogues' wording)
    let cases = [
        (
            json!({}),
            "điểm tối đa các lĩnh vực cộng lại là 1,5, nhưng tổng điểm khai báo là 3",
        ),
        (
            json!({ "initializationOptions": { "lang": "en" } }),
            "the areas add up to 1.5, but the declared total is 3",
        ),
        (
            json!({ "locale": "en-US" }),
            "the areas add up to 1.5, but the declared total is 3",
        ),
        (
            json!({ "locale": "en", "initializationOptions": { "lang": "vi" } }),
            "điểm tối đa các lĩnh vực cộng lại là 1,5, nhưng tổng điểm khai báo là 3",
        ),
    ];
    for (params, expected) in cases {
        let mut h = Harness::with_params(false, params.clone()).await;
        h.open(text).await;
        let (_, diagnostics) = h.diagnostics().await;
        assert_eq!(diagnostics.len(), 1, "{params}: {diagnostics:#?}");
        assert_eq!(diagnostics[0]["message"], expected, "{params}");
        assert_eq!(diagnostics[0]["code"], "E005", "{params}");
    }
}

/// The editor's own texts follow the same choice as diagnostics: a hover, a completion item's
/// detail, a rename refusal, an outline detail and an inlay hint's tooltip are Vietnamese when
/// the client says nothing, English with `lang = "en"`. Expected texts written by hand from the
/// catalogues' wording; 1.6.1 has a maximum of 4 and area 1 of 7,5 in the fixture.
#[tokio::test]
async fn editor_texts_speak_the_language_the_client_asks_for() {
    let text = ruleset();
    struct Expected {
        hover_input: &'static str,
        hover_max: &'static str,
        detail: &'static str,
        refused: &'static str,
        outline: &'static str,
        tooltip: &'static str,
        signature: &'static str,
    }
    let cases = [
        (
            json!({}),
            Expected {
                hover_input: "**đầu vào** `hồ_sơ_tiếp_nhận`: số lượng",
                hover_max: "- điểm tối đa: **4**",
                detail: "Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao · tối đa 4",
                refused: "`nếu` không phải tên đầu vào hợp lệ",
                outline: "tối đa 7,5",
                tooltip: "điểm tối đa của các tiêu chí con cộng lại là 7",
                signature: "tỷ_lệ(tử_số, mẫu_số)",
            },
        ),
        (
            json!({ "initializationOptions": { "lang": "en" } }),
            Expected {
                hover_input: "**input** `hồ_sơ_tiếp_nhận`: count",
                hover_max: "- maximum: **4**",
                detail: "Thực hiện nhiệm vụ do UBND tỉnh, Chủ tịch UBND tỉnh giao · max 4",
                refused: "`nếu` is not a valid input name",
                outline: "max 7.5",
                tooltip: "the children's maxima add up to 7",
                signature: "ratio(part, whole)",
            },
        ),
    ];
    for (params, expected) in cases {
        let mut h = Harness::with_params(false, params.clone()).await;
        h.open(&text).await;
        let _ = h.diagnostics().await;
        let use_at = nth(&text, "hồ_sơ_tiếp_nhận", 1);
        let hover = h
            .request("textDocument/hover", h.at(&text, use_at + 1))
            .await
            .unwrap();
        let markdown = hover["contents"]["value"].as_str().unwrap();
        assert!(
            markdown.starts_with(expected.hover_input),
            "{params}: {markdown}"
        );
        let hover = h
            .request(
                "textDocument/hover",
                h.at(&text, nth(&text, "1.6.1", 0) + 2),
            )
            .await
            .unwrap();
        let markdown = hover["contents"]["value"].as_str().unwrap();
        assert!(
            markdown.contains(expected.hover_max),
            "{params}: {markdown}"
        );

        // Completing a criterion id in a test's `expect 1.6.` line.
        let mut edited = text.clone();
        let expect_at = nth(&edited, "mong đợi 1.6.1 = 3,88", 0) + "mong đợi 1.6.1 = 3,88".len();
        edited.insert_str(expect_at, "\n  mong đợi 1.6.");
        let cursor = expect_at + "\n  mong đợi 1.6.".len();
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [ { "text": edited } ] }),
        )
        .await;
        let _ = h.diagnostics().await;
        let completions = h
            .request("textDocument/completion", h.at(&edited, cursor))
            .await
            .unwrap();
        let item = completions
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["label"] == "1.6.1")
            .unwrap_or_else(|| panic!("{params}: {completions:#}"));
        assert_eq!(item["detail"], expected.detail, "{params}");
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [ { "text": text } ] }),
        )
        .await;
        let _ = h.diagnostics().await;

        let mut rename = h.at(&text, use_at);
        rename["newName"] = json!("nếu");
        let refused = h.request("textDocument/rename", rename).await.unwrap_err();
        assert!(refused.starts_with(expected.refused), "{params}: {refused}");

        // Signature help after `tỷ_lệ(hồ_sơ_trực_tuyến_toàn_trình, ` in 7.2.2's rule.
        let call = "tỷ_lệ(hồ_sơ_trực_tuyến_toàn_trình, ";
        let at = nth(&text, call, 0) + call.len();
        let help = h
            .request("textDocument/signatureHelp", h.at(&text, at))
            .await
            .unwrap();
        assert_eq!(
            help["signatures"][0]["label"], expected.signature,
            "{params}"
        );
        assert_eq!(help["activeParameter"], 1, "{params}");

        let symbols = h
            .request(
                "textDocument/documentSymbol",
                json!({ "textDocument": { "uri": URI } }),
            )
            .await
            .unwrap();
        let area1 = symbols
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "1 Công tác chỉ đạo, điều hành")
            .expect("area 1");
        assert_eq!(area1["detail"], expected.outline, "{params}");

        let hints = h
            .request(
                "textDocument/inlayHint",
                json!({ "textDocument": { "uri": URI }, "range": h.range(&text, 0..text.len()) }),
            )
            .await
            .unwrap();
        let hint = hints
            .as_array()
            .unwrap()
            .iter()
            .find(|hint| hint["label"] == "Σ 7")
            .expect("1.6's hint");
        let tooltip = hint["tooltip"]
            .as_str()
            .map(str::to_string)
            .or_else(|| hint["tooltip"]["value"].as_str().map(str::to_string))
            .unwrap_or_default();
        assert_eq!(tooltip, expected.tooltip, "{params}");
    }
}
