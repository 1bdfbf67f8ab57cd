//! The chiso language server: a protocol shell over `chiso::analyze` and `chiso::ide`.
//!
//! It keeps each open document's text and analysis, converts positions (see [`position`]) and
//! types (see [`convert`]), and calls the library. No checking or scoring happens here.
//!
//! Concurrency: the server runs notifications concurrently, so every edit is applied and
//! analysed synchronously inside its handler (no `.await` in `did_open`/`did_change`), keyed by
//! the document's version: an edit older than the stored version is dropped. Diagnostics go
//! through one channel to one publishing task, in the order the versions were applied; that
//! task publishes only the newest version of each document, so a stale analysis can never be
//! published over a newer one. No lock is held across an `.await`.

pub mod convert;
pub mod position;

use chiso::Analysis;
use position::{Encoding, LineIndex};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// One open document: its text at a version, and what the library made of it.
pub struct Document {
    pub version: i32,
    pub text: String,
    pub lines: LineIndex,
    pub analysis: Analysis,
}

impl Document {
    fn new(version: i32, text: String) -> Self {
        let lines = LineIndex::new(&text);
        let mut analysis = chiso::analyze(&text);
        // The ruleset's own tests, as the editor's diagnostics: a failed expectation is a
        // `T001` at it. Only for a ruleset without errors (its tests would fail for the wrong
        // reason otherwise), as `chiso test` does.
        if !analysis.has_errors() {
            let failures = chiso::testing::test_diagnostics(&analysis.ruleset);
            analysis.diagnostics.extend(failures);
        }
        Document {
            version,
            text,
            lines,
            analysis,
        }
    }
}

/// Diagnostics to publish for one version of a document (`None`: the document was closed).
struct Publish {
    uri: Uri,
    version: Option<i32>,
    diagnostics: Vec<Diagnostic>,
}

/// The server: open documents and the client to publish to.
pub struct Backend {
    client: Client,
    /// Set by `shutdown`: `exit` then ends the process with 0, otherwise with 1.
    shut_down: Arc<AtomicBool>,
    documents: Mutex<HashMap<Uri, Arc<Document>>>,
    encoding: OnceLock<Encoding>,
    publisher: mpsc::UnboundedSender<Publish>,
    /// Last year's ruleset (initialization option `previousRuleset`: a path), for hovers
    /// saying what a criterion was (`chiso::diff::was`). Set only if it checks without errors.
    previous: OnceLock<Analysis>,
    /// The language of messages: initialization option `lang` (`vi`/`en`), else the client's
    /// `locale`, else Vietnamese.
    lang: OnceLock<chiso::Lang>,
}

/// The command a test lens runs.
pub const RUN_TEST_COMMAND: &str = "chiso.runTest";

impl Backend {
    /// A server for `client`, with no document open.
    pub fn new(client: Client) -> Self {
        Self::with_shutdown_flag(client, Arc::new(AtomicBool::new(false)))
    }

    /// A server that sets `shut_down` when the client requests `shutdown`.
    fn with_shutdown_flag(client: Client, shut_down: Arc<AtomicBool>) -> Self {
        let (publisher, receiver) = mpsc::unbounded_channel();
        tokio::spawn(publish_loop(client.clone(), receiver));
        Backend {
            client,
            shut_down,
            documents: Mutex::new(HashMap::new()),
            encoding: OnceLock::new(),
            publisher,
            previous: OnceLock::new(),
            lang: OnceLock::new(),
        }
    }

    fn lang(&self) -> chiso::Lang {
        self.lang.get().copied().unwrap_or_default()
    }

    fn encoding(&self) -> Encoding {
        self.encoding.get().copied().unwrap_or_default()
    }

    fn document(&self, uri: &Uri) -> Option<Arc<Document>> {
        self.documents.lock().ok()?.get(uri).cloned()
    }

    /// Applies an edit to a document and queues its diagnostics, all under the documents'
    /// lock and without awaiting: `edit` gets the stored document (if any) and returns the new
    /// one, or `None` to leave it (a stale or unknown version).
    fn update(&self, uri: Uri, edit: impl FnOnce(Option<&Document>) -> Option<Document>) {
        let Ok(mut documents) = self.documents.lock() else {
            return;
        };
        let Some(document) = edit(documents.get(&uri).map(|d| d.as_ref())) else {
            return;
        };
        let diagnostics = convert::diagnostics(&uri, &document, self.encoding(), self.lang());
        let version = document.version;
        documents.insert(uri.clone(), Arc::new(document));
        // Sent while the lock is held, so the channel sees versions in the order applied.
        let _ = self.publisher.send(Publish {
            uri,
            version: Some(version),
            diagnostics,
        });
    }

    /// The document and the byte offset of a position in it.
    fn at(&self, params: &TextDocumentPositionParams) -> Option<(Arc<Document>, usize)> {
        let doc = self.document(&params.text_document.uri)?;
        let offset = doc
            .lines
            .offset(&doc.text, params.position, self.encoding());
        Some((doc, offset))
    }
}

/// "was 1.5 points as 2.3 in 2023" ("năm 2023 là 2.3, 1,5 điểm") for the criterion at
/// `offset`, against last year's ruleset, rendered by the caller in the reader's language.
pub fn was_last_year(previous: &Analysis, doc: &Document, offset: usize) -> Option<chiso::Message> {
    let (chiso::ide::Target::Node(index), _) =
        chiso::ide::target_at(&doc.analysis, &doc.text, offset)?
    else {
        return None;
    };
    let (diff, _) = chiso::diff::compare(previous, &doc.analysis, None);
    chiso::diff::was(&diff, &previous.ruleset, &doc.analysis.ruleset, index)
}

/// Publishes diagnostics in the order versions were applied, skipping any version that a
/// newer one of the same document has already replaced in the queue.
async fn publish_loop(client: Client, mut receiver: mpsc::UnboundedReceiver<Publish>) {
    while let Some(first) = receiver.recv().await {
        let mut batch = vec![first];
        while let Ok(more) = receiver.try_recv() {
            batch.push(more);
        }
        let mut latest: HashMap<Uri, usize> = HashMap::new();
        for (i, p) in batch.iter().enumerate() {
            latest.insert(p.uri.clone(), i);
        }
        for (i, p) in batch.into_iter().enumerate() {
            if latest.get(&p.uri) == Some(&i) {
                client
                    .publish_diagnostics(p.uri, p.diagnostics, p.version)
                    .await;
            }
        }
    }
}

fn semantic_legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: convert::TOKEN_TYPES.to_vec(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let offers_utf8 = params
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
        let encoding = if offers_utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        let _ = self.encoding.set(encoding);
        // `{"lang": "en"}` chooses the language of messages; else the client's locale (a
        // VS Code in English sends "en"); else Vietnamese.
        let option = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("lang"))
            .and_then(|l| l.as_str())
            .and_then(|l| l.parse::<chiso::Lang>().ok());
        let lang = option
            .or_else(|| params.locale.as_deref().and_then(chiso::Lang::from_locale))
            .unwrap_or_default();
        let _ = self.lang.set(lang);
        // `{"previousRuleset": "path/to/last-year.chiso"}`: hovers then say what each
        // criterion was last year. Unreadable or broken: ignored (hovers stay as they are).
        let previous = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("previousRuleset"))
            .and_then(|p| p.as_str())
            .and_then(|p| std::fs::read_to_string(p).ok())
            .map(|text| chiso::analyze(&text))
            .filter(|a| !a.has_errors());
        if let Some(previous) = previous {
            let _ = self.previous.set(previous);
        }
        let trigger_characters = chiso::ide::TRIGGER_CHARACTERS
            .iter()
            .map(|s| s.to_string())
            .collect();
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "chiso-lsp".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(match encoding {
                    Encoding::Utf8 => PositionEncodingKind::UTF8,
                    Encoding::Utf16 => PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Kind(
                    TextDocumentSyncKind::INCREMENTAL,
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(trigger_characters),
                    ..Default::default()
                }),
                signature_help_provider: Some(SignatureHelpOptions {
                    trigger_characters: Some(vec!["(".into(), ",".into()]),
                    retrigger_characters: None,
                    work_done_progress_options: Default::default(),
                }),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                document_symbol_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend: semantic_legend(),
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            ..Default::default()
                        },
                    ),
                ),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                code_lens_provider: Some(CodeLensOptions {
                    resolve_provider: Some(false),
                }),
                document_formatting_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: vec![RUN_TEST_COMMAND.into()],
                    ..Default::default()
                }),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn shutdown(&self) -> Result<()> {
        self.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.update(doc.uri, |current| {
            // Re-opening with an older version than we hold would be stale.
            let stale = current.is_some_and(|c| c.version > doc.version);
            (!stale).then(|| Document::new(doc.version, doc.text))
        });
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let version = params.text_document.version;
        let encoding = self.encoding();
        self.update(params.text_document.uri, |current| {
            let current = current?;
            if version <= current.version {
                return None; // stale: a newer version is already applied
            }
            let mut text = current.text.clone();
            for change in params.content_changes {
                match change.range {
                    Some(range) => {
                        let lines = LineIndex::new(&text);
                        let start = lines.offset(&text, range.start, encoding);
                        let end = lines.offset(&text, range.end, encoding).max(start);
                        text.replace_range(start..end, &change.text);
                    }
                    None => text = change.text,
                }
            }
            Some(Document::new(version, text))
        });
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Ok(mut documents) = self.documents.lock() {
            documents.remove(&uri);
            let _ = self.publisher.send(Publish {
                uri,
                version: None,
                diagnostics: Vec::new(),
            });
        }
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let Some((doc, offset)) = self.at(&params.text_document_position_params) else {
            return Ok(None);
        };
        let mut hover = chiso::ide::hover(&doc.analysis, &doc.text, offset, self.lang());
        if let (Some(h), Some(previous)) = (hover.as_mut(), self.previous.get()) {
            if let Some(note) = was_last_year(previous, &doc, offset) {
                h.markdown
                    .push_str(&format!("\n\n---\n*{}*", note.render(self.lang())));
            }
        }
        Ok(hover.map(|h| convert::hover(&doc, h, self.encoding())))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let Some((doc, offset)) = self.at(&params.text_document_position) else {
            return Ok(None);
        };
        let items = chiso::ide::completions(&doc.analysis, &doc.text, offset, self.lang())
            .into_iter()
            .map(|c| convert::completion(&doc, c, self.encoding()))
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn signature_help(&self, params: SignatureHelpParams) -> Result<Option<SignatureHelp>> {
        let Some((doc, offset)) = self.at(&params.text_document_position_params) else {
            return Ok(None);
        };
        let help = chiso::ide::signature_help(&doc.analysis, &doc.text, offset, self.lang());
        Ok(help.map(|h| SignatureHelp {
            signatures: vec![SignatureInformation {
                label: h.label,
                documentation: Some(Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: h.documentation,
                })),
                parameters: Some(
                    h.parameters
                        .into_iter()
                        .map(|p| ParameterInformation {
                            label: ParameterLabel::Simple(p),
                            documentation: None,
                        })
                        .collect(),
                ),
                active_parameter: None,
            }],
            active_signature: Some(0),
            active_parameter: u32::try_from(h.active).ok(),
        }))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let uri = params
            .text_document_position_params
            .text_document
            .uri
            .clone();
        let Some((doc, offset)) = self.at(&params.text_document_position_params) else {
            return Ok(None);
        };
        let span = chiso::ide::definition(&doc.analysis, &doc.text, offset);
        Ok(span.map(|s| {
            GotoDefinitionResponse::Scalar(Location::new(
                uri,
                doc.lines.range(&doc.text, &s, self.encoding()),
            ))
        }))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let uri = params.text_document_position.text_document.uri.clone();
        let Some((doc, offset)) = self.at(&params.text_document_position) else {
            return Ok(None);
        };
        let spans = chiso::ide::references(
            &doc.analysis,
            &doc.text,
            offset,
            params.context.include_declaration,
        );
        Ok(Some(
            spans
                .iter()
                .map(|s| Location::new(uri.clone(), doc.lines.range(&doc.text, s, self.encoding())))
                .collect(),
        ))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some((doc, offset)) = self.at(&params) else {
            return Ok(None);
        };
        Ok(
            chiso::ide::prepare_rename(&doc.analysis, &doc.text, offset).map(|(span, text)| {
                PrepareRenameResponse::RangeWithPlaceholder {
                    range: doc.lines.range(&doc.text, &span, self.encoding()),
                    placeholder: text,
                }
            }),
        )
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let uri = params.text_document_position.text_document.uri.clone();
        let Some((doc, offset)) = self.at(&params.text_document_position) else {
            return Ok(None);
        };
        match chiso::ide::rename(&doc.analysis, &doc.text, offset, &params.new_name) {
            Ok(edits) => Ok(Some(convert::workspace_edit(
                &uri,
                &doc,
                &edits,
                self.encoding(),
            ))),
            Err(message) => Err(Error::invalid_params(message.render(self.lang()))),
        }
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let Some(doc) = self.document(&params.text_document.uri) else {
            return Ok(None);
        };
        let symbols = chiso::ide::document_symbols(&doc.analysis, &doc.text, self.lang())
            .into_iter()
            .map(|s| convert::symbol(&doc, s, self.encoding()))
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        let Some(doc) = self.document(&params.text_document.uri) else {
            return Ok(None);
        };
        let folds = chiso::ide::folding_ranges(&doc.analysis, &doc.text);
        Ok(Some(convert::folding_ranges(&doc, &folds, self.encoding())))
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let Some(doc) = self.document(&params.text_document.uri) else {
            return Ok(None);
        };
        let tokens = chiso::ide::semantic_tokens(&doc.analysis, &doc.text);
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: None,
            data: convert::semantic_tokens(&doc, &tokens, self.encoding()),
        })))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri.clone();
        let Some(doc) = self.document(&uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        let start = doc.lines.offset(&doc.text, params.range.start, encoding);
        let end = doc
            .lines
            .offset(&doc.text, params.range.end, encoding)
            .max(start);
        let actions = chiso::ide::code_actions(&doc.analysis, &doc.text, start..end)
            .into_iter()
            .map(|a| convert::code_action(&uri, &doc, a, encoding, self.lang()))
            .collect();
        Ok(Some(actions))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let Some(doc) = self.document(&params.text_document.uri) else {
            return Ok(None);
        };
        let encoding = self.encoding();
        let start = doc.lines.offset(&doc.text, params.range.start, encoding);
        let end = doc.lines.offset(&doc.text, params.range.end, encoding);
        let hints = chiso::ide::inlay_hints(&doc.analysis, &doc.text, self.lang())
            .into_iter()
            .filter(|h| start <= h.offset && h.offset <= end)
            .map(|h| convert::inlay_hint(&doc, h, encoding))
            .collect();
        Ok(Some(hints))
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        let uri = params.text_document.uri.clone();
        let Some(doc) = self.document(&uri) else {
            return Ok(None);
        };
        let lenses = chiso::ide::code_lenses(&doc.analysis, &doc.text)
            .into_iter()
            .map(|l| convert::code_lens(&uri, &doc, l, self.encoding(), self.lang()))
            .collect();
        Ok(Some(lenses))
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let Some(doc) = self.document(&params.text_document.uri) else {
            return Ok(None);
        };
        match chiso::format::format(&doc.text) {
            Ok(formatted) if formatted == doc.text => Ok(Some(Vec::new())),
            Ok(formatted) => Ok(Some(vec![TextEdit {
                range: Range::new(
                    Position::new(0, 0),
                    doc.lines.end(&doc.text, self.encoding()),
                ),
                new_text: formatted,
            }])),
            Err(e) => Err(Error::invalid_params(e.message().render(self.lang()))),
        }
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        if params.command != RUN_TEST_COMMAND {
            return Err(Error::invalid_params(
                chiso::msg!("lsp-unknown-command", command = params.command.as_str())
                    .render(self.lang()),
            ));
        }
        // Arguments: the document's URI and the test's name, as the lens gave them.
        let uri = params
            .arguments
            .first()
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse::<Uri>().ok());
        let name = params.arguments.get(1).and_then(|v| v.as_str());
        let (Some(uri), Some(name)) = (uri, name) else {
            return Err(Error::invalid_params(
                chiso::msg!("lsp-run-test-arguments").render(self.lang()),
            ));
        };
        let Some(doc) = self.document(&uri) else {
            return Err(Error::invalid_params(
                chiso::msg!("lsp-document-not-open").render(self.lang()),
            ));
        };
        let lens = chiso::ide::code_lenses(&doc.analysis, &doc.text)
            .into_iter()
            .find(|l| l.test == name);
        match lens {
            Some(l) => {
                let kind = if l.passed == Some(true) {
                    MessageType::INFO
                } else {
                    MessageType::WARNING
                };
                let message = format!("{name}: {}", l.title.render(self.lang()));
                self.client.show_message(kind, message.clone()).await;
                Ok(Some(LSPAny::String(message)))
            }
            None => Err(Error::invalid_params(
                chiso::msg!("lsp-no-test-named", name = name).render(self.lang()),
            )),
        }
    }
}

/// The service, for tests and for [`serve_stdio`].
pub fn service() -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::new(Backend::new)
}

/// Runs the server over standard input and output until the client exits, and returns the
/// process's exit code as the protocol asks: 0 when `shutdown` came before `exit`, 1 when it
/// did not (or the input ended without either).
///
/// Messages pass through [`frames`] on both sides: a malformed message (a bad header, a body
/// that is not JSON or not JSON-RPC) is answered with a JSON-RPC error and skipped, and the
/// server keeps running (the protocol library would stop reading at the first one).
pub async fn serve_stdio() -> i32 {
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    let (service, socket) =
        LspService::new(move |client| Backend::with_shutdown_flag(client, flag.clone()));
    let (server_in, client_to_server) = tokio::io::duplex(1 << 16);
    let (server_out, server_to_client) = tokio::io::duplex(1 << 16);
    let stdout = Arc::new(tokio::sync::Mutex::new(tokio::io::stdout()));
    // Not awaited: it reads stdin until the end, which may never come after `exit`.
    tokio::spawn(frames::forward_input(
        tokio::io::stdin(),
        client_to_server,
        stdout.clone(),
    ));
    let output = tokio::spawn(frames::forward_output(server_to_client, stdout));
    Server::new(server_in, server_out, socket)
        .serve(service)
        .await;
    // The server's writer is dropped now: everything it wrote reaches stdout before the end.
    let _ = output.await;
    if shut_down.load(Ordering::SeqCst) {
        0
    } else {
        1
    }
}

/// Base-protocol framing (`Content-Length` header, blank line, JSON body) between the client
/// and the protocol library, so that malformed input is answered instead of ending the server.
pub mod frames {
    use std::sync::Arc;
    use tokio::io::{
        AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
    };
    use tokio::sync::Mutex;
    use tower_lsp_server::jsonrpc::{Request, Response};

    /// Largest body accepted; a larger one is skipped with an error.
    const MAX_BODY: usize = 256 * 1024 * 1024;

    /// One message read from a stream.
    pub enum Frame {
        /// A body, as announced by its `Content-Length`.
        Body(Vec<u8>),
        /// A header that could not be read (the message is skipped).
        BadHeader(String),
        /// The stream ended.
        End,
    }

    /// Reads the next message: header lines up to a blank line, then the body.
    pub async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> Frame {
        let mut length: Option<Result<usize, String>> = None;
        let mut line = Vec::new();
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line).await {
                Ok(0) | Err(_) => return Frame::End,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                if length.is_some() {
                    break;
                }
                continue; // blank lines between messages
            }
            // A header may follow garbage on the same line: resynchronise on the name.
            let lower = text.to_ascii_lowercase();
            if let Some(at) = lower.find("content-length:") {
                let value = text[at + "content-length:".len()..].trim();
                length = Some(
                    value
                        .parse::<usize>()
                        .map_err(|_| format!("invalid Content-Length `{value}`")),
                );
            }
        }
        let length = match length {
            Some(Ok(length)) => length,
            Some(Err(message)) => return Frame::BadHeader(message),
            None => return Frame::BadHeader("missing Content-Length".into()),
        };
        if length > MAX_BODY {
            // Skip it without holding it.
            let mut rest = (&mut *reader).take(length as u64);
            let _ = tokio::io::copy(&mut rest, &mut tokio::io::sink()).await;
            return Frame::BadHeader(format!("message of {length} bytes is too large"));
        }
        let mut body = vec![0; length];
        match reader.read_exact(&mut body).await {
            Ok(_) => Frame::Body(body),
            Err(_) => Frame::End,
        }
    }

    /// The JSON-RPC error answering a malformed body, or `None` if the body is a request,
    /// notification or response the protocol library reads.
    pub fn check_body(body: &[u8]) -> Option<Vec<u8>> {
        if serde_json::from_slice::<Request>(body).is_ok()
            || serde_json::from_slice::<Response>(body).is_ok()
        {
            return None;
        }
        Some(match serde_json::from_slice::<serde_json::Value>(body) {
            Err(e) => error(
                serde_json::Value::Null,
                -32700,
                &format!("Parse error: {e}"),
            ),
            Ok(value) => {
                let id = value
                    .get("id")
                    .filter(|id| id.is_number() || id.is_string())
                    .cloned()
                    .unwrap_or(serde_json::Value::Null);
                error(id, -32600, "Invalid request: not a JSON-RPC 2.0 message")
            }
        })
    }

    fn error(id: serde_json::Value, code: i64, message: &str) -> Vec<u8> {
        let body = serde_json::json!({
            "jsonrpc": "2.0",
            "error": { "code": code, "message": message },
            "id": id,
        });
        body.to_string().into_bytes()
    }

    async fn write_frame<W: AsyncWrite + Unpin>(out: &Mutex<W>, body: &[u8]) -> bool {
        let mut out = out.lock().await;
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        out.write_all(header.as_bytes()).await.is_ok()
            && out.write_all(body).await.is_ok()
            && out.flush().await.is_ok()
    }

    /// Copies well-formed messages from the client to the server; answers the others on
    /// `out` with an error.
    pub async fn forward_input<R, W, O>(input: R, mut server: W, out: Arc<Mutex<O>>)
    where
        R: AsyncRead + Unpin,
        W: AsyncWrite + Unpin,
        O: AsyncWrite + Unpin,
    {
        let mut reader = BufReader::new(input);
        loop {
            let reply = match read_frame(&mut reader).await {
                Frame::End => break,
                Frame::BadHeader(message) => error(
                    serde_json::Value::Null,
                    -32700,
                    &format!("Parse error: {message}"),
                ),
                Frame::Body(body) => match check_body(&body) {
                    Some(reply) => reply,
                    None => {
                        let header = format!("Content-Length: {}\r\n\r\n", body.len());
                        if server.write_all(header.as_bytes()).await.is_err()
                            || server.write_all(&body).await.is_err()
                            || server.flush().await.is_err()
                        {
                            break;
                        }
                        continue;
                    }
                },
            };
            if !write_frame(&out, &reply).await {
                break;
            }
        }
        // The end of input ends the server, as it would without this relay.
        let _ = server.shutdown().await;
    }

    /// Copies the server's messages to `out`, one whole message at a time.
    pub async fn forward_output<R, O>(server: R, out: Arc<Mutex<O>>)
    where
        R: AsyncRead + Unpin,
        O: AsyncWrite + Unpin,
    {
        let mut reader = BufReader::new(server);
        loop {
            match read_frame(&mut reader).await {
                Frame::Body(body) => {
                    if !write_frame(&out, &body).await {
                        break;
                    }
                }
                Frame::BadHeader(_) => continue,
                Frame::End => break,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hover_note_against_last_years_ruleset() {
        let previous = chiso::analyze(include_str!("../../tests/fixtures/diff/old.chiso"));
        let text = include_str!("../../tests/fixtures/diff/new.chiso").to_string();
        let doc = Document::new(1, text);
        // On the id of 1.4 (1.3 last year, 1 point, now a bonus).
        let at = doc.text.find("criterion 1.4").unwrap() + "criterion ".len() + 1;
        assert_eq!(
            was_last_year(&previous, &doc, at)
                .map(|m| m.en())
                .as_deref(),
            Some("was 1 points as 1.3 in 2023; changed: id, bonus")
        );
        assert_eq!(
            was_last_year(&previous, &doc, at)
                .map(|m| m.render(chiso::Lang::Vi))
                .as_deref(),
            Some("năm 2023 là tiêu chí 1.3 (1 điểm); đã đổi: mã số, điểm thưởng")
        );
        // Not on a criterion: no note.
        let at = doc.text.find("total 15").unwrap() + 1;
        assert_eq!(was_last_year(&previous, &doc, at), None);
    }
}
