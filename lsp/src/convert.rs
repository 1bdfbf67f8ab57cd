//! chiso's values (byte spans) → LSP types (positions in the negotiated encoding).

use crate::position::Encoding;
use crate::Document;
use chiso::ide;
use std::collections::HashMap;
use tower_lsp_server::ls_types::*;

/// Semantic token types, in the order of [`token_type`]'s numbers.
pub const TOKEN_TYPES: [SemanticTokenType; 8] = [
    SemanticTokenType::KEYWORD,
    SemanticTokenType::COMMENT,
    SemanticTokenType::STRING,
    SemanticTokenType::NUMBER,
    SemanticTokenType::VARIABLE,
    SemanticTokenType::FUNCTION,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::OPERATOR,
];

fn token_type(kind: ide::TokenKind) -> u32 {
    match kind {
        ide::TokenKind::Keyword => 0,
        ide::TokenKind::Comment => 1,
        ide::TokenKind::String => 2,
        ide::TokenKind::Number => 3,
        ide::TokenKind::Input => 4,
        ide::TokenKind::Function => 5,
        ide::TokenKind::Criterion => 6,
        ide::TokenKind::Operator => 7,
    }
}

fn range(doc: &Document, span: &std::ops::Range<usize>, encoding: Encoding) -> Range {
    doc.lines.range(&doc.text, span, encoding)
}

/// A chiso diagnostic as an LSP one, its texts in `lang`.
pub fn diagnostic(
    uri: &Uri,
    doc: &Document,
    d: &chiso::Diagnostic,
    encoding: Encoding,
    lang: chiso::Lang,
) -> Diagnostic {
    let mut message = d.message.render(lang);
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(&chiso::msg!("help-word").render(lang));
        message.push_str(": ");
        message.push_str(&help.render(lang));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .map(|l| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), range(doc, &l.span, encoding)),
            message: l.message.render(lang),
        })
        .collect();
    Diagnostic {
        range: range(doc, &d.span, encoding),
        severity: Some(match d.severity {
            chiso::Severity::Error => DiagnosticSeverity::ERROR,
            chiso::Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        source: Some("chiso".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// The document's diagnostics as LSP ones, in `lang`.
pub fn diagnostics(
    uri: &Uri,
    doc: &Document,
    encoding: Encoding,
    lang: chiso::Lang,
) -> Vec<Diagnostic> {
    doc.analysis
        .diagnostics
        .iter()
        .map(|d| diagnostic(uri, doc, d, encoding, lang))
        .collect()
}

pub fn hover(doc: &Document, h: ide::Hover, encoding: Encoding) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: h.markdown,
        }),
        range: Some(range(doc, &h.span, encoding)),
    }
}

pub fn completion(doc: &Document, c: ide::Completion, encoding: Encoding) -> CompletionItem {
    CompletionItem {
        kind: Some(match c.kind {
            ide::CompletionKind::Keyword => CompletionItemKind::KEYWORD,
            ide::CompletionKind::Input => CompletionItemKind::VARIABLE,
            ide::CompletionKind::Function => CompletionItemKind::FUNCTION,
            ide::CompletionKind::Criterion => CompletionItemKind::ENUM_MEMBER,
        }),
        detail: c.detail,
        documentation: c.documentation.map(|d| {
            Documentation::MarkupContent(MarkupContent {
                kind: MarkupKind::Markdown,
                value: d,
            })
        }),
        filter_text: Some(c.filter_text),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit {
            range: range(doc, &c.replace, encoding),
            new_text: c.new_text,
        })),
        label: c.label,
        ..Default::default()
    }
}

pub fn workspace_edit(
    uri: &Uri,
    doc: &Document,
    edits: &[ide::TextEdit],
    encoding: Encoding,
) -> WorkspaceEdit {
    let edits = edits
        .iter()
        .map(|e| TextEdit {
            range: range(doc, &e.span, encoding),
            new_text: e.new_text.clone(),
        })
        .collect();
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..Default::default()
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must still be written
pub fn symbol(doc: &Document, s: ide::Symbol, encoding: Encoding) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = s
        .children
        .into_iter()
        .map(|c| symbol(doc, c, encoding))
        .collect();
    DocumentSymbol {
        name: if s.name.trim().is_empty() {
            "(untitled)".into() // clients reject empty names
        } else {
            s.name
        },
        detail: s.detail,
        kind: match s.kind {
            ide::SymbolKind::Ruleset => SymbolKind::PACKAGE,
            ide::SymbolKind::Input => SymbolKind::VARIABLE,
            ide::SymbolKind::Area => SymbolKind::MODULE,
            ide::SymbolKind::Criterion => SymbolKind::CLASS,
            ide::SymbolKind::Subcriterion => SymbolKind::METHOD,
            ide::SymbolKind::Test => SymbolKind::EVENT,
        },
        tags: None,
        deprecated: None,
        range: range(doc, &s.span, encoding),
        selection_range: range(doc, &s.selection, encoding),
        children: (!children.is_empty()).then_some(children),
    }
}

/// Folds by whole lines; a block's fold ends on the line before its `}` so the brace stays
/// visible.
pub fn folding_ranges(
    doc: &Document,
    folds: &[ide::Fold],
    encoding: Encoding,
) -> Vec<FoldingRange> {
    folds
        .iter()
        .filter_map(|f| {
            let r = range(doc, &f.span, encoding);
            let (kind, end_line) = match f.kind {
                ide::FoldKind::Block => (FoldingRangeKind::Region, r.end.line.saturating_sub(1)),
                ide::FoldKind::Comment => (FoldingRangeKind::Comment, r.end.line),
            };
            (end_line > r.start.line).then(|| FoldingRange {
                start_line: r.start.line,
                end_line,
                kind: Some(kind),
                ..Default::default()
            })
        })
        .collect()
}

/// Tokens as the protocol wants them: relative to the previous one, in the encoding's units.
pub fn semantic_tokens(
    doc: &Document,
    tokens: &[ide::SemanticToken],
    encoding: Encoding,
) -> Vec<SemanticToken> {
    let mut out = Vec::with_capacity(tokens.len());
    let (mut line, mut column) = (0, 0);
    for t in tokens {
        let r = range(doc, &t.span, encoding);
        if r.start.line != r.end.line || r.end.character <= r.start.character {
            continue; // never split here: the library's tokens do not cross lines
        }
        let delta_line = r.start.line - line;
        let delta_start = if delta_line == 0 {
            r.start.character - column
        } else {
            r.start.character
        };
        out.push(SemanticToken {
            delta_line,
            delta_start,
            length: r.end.character - r.start.character,
            token_type: token_type(t.kind),
            token_modifiers_bitset: u32::from(t.declaration),
        });
        line = r.start.line;
        column = r.start.character;
    }
    out
}

pub fn code_action(
    uri: &Uri,
    doc: &Document,
    a: ide::Action,
    encoding: Encoding,
    lang: chiso::Lang,
) -> CodeActionOrCommand {
    let diagnostics = a
        .diagnostic
        .and_then(|i| doc.analysis.diagnostics.get(i))
        .map(|d| vec![diagnostic(uri, doc, d, encoding, lang)]);
    CodeActionOrCommand::CodeAction(CodeAction {
        title: a.title.render(lang),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics,
        edit: Some(workspace_edit(uri, doc, &a.edits, encoding)),
        is_preferred: Some(a.preferred),
        ..Default::default()
    })
}

pub fn inlay_hint(doc: &Document, h: ide::InlayHint, encoding: Encoding) -> InlayHint {
    InlayHint {
        position: doc.lines.position(&doc.text, h.offset, encoding),
        label: InlayHintLabel::String(h.label),
        kind: None,
        text_edits: None,
        tooltip: Some(InlayHintTooltip::String(h.tooltip)),
        padding_left: Some(true),
        padding_right: None,
        data: None,
    }
}

pub fn code_lens(
    uri: &Uri,
    doc: &Document,
    l: ide::Lens,
    encoding: Encoding,
    lang: chiso::Lang,
) -> CodeLens {
    CodeLens {
        range: range(doc, &l.span, encoding),
        command: Some(Command {
            title: l.title.render(lang),
            command: crate::RUN_TEST_COMMAND.into(),
            arguments: Some(vec![
                LSPAny::String(uri.as_str().to_string()),
                LSPAny::String(l.test),
            ]),
        }),
        data: None,
    }
}
