//! Signature help: inside a call of a built-in function (`tỷ_lệ(hồ_sơ_đúng_hạn, |`), the
//! function's parameters in the reader's language, which one the cursor is on, and what the
//! function does.

use super::hover::function_doc;
use super::{in_string_or_comment, is_ident_char};
use crate::diagnostic::floor_char_boundary;
use crate::message::{Lang, Message};
use crate::model::Func;
use crate::msg;
use crate::syntax::lexer::Lexed;

/// What the editor shows above a call being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureHelp {
    /// The call's form in the reader's language: `ratio(part, whole)`, `tỷ_lệ(tử_số, mẫu_số)`.
    pub label: String,
    /// The parameters' names, in order, as `label` writes them.
    pub parameters: Vec<String>,
    /// The parameter the cursor is on (0-based; past the last when too many are written).
    pub active: usize,
    /// What the function does (text with Markdown code spans).
    pub documentation: String,
}

/// The call's form in the reader's language (the catalogue's `fnsig-…`).
fn signature(f: Func) -> Message {
    match f {
        Func::Ratio => msg!("fnsig-ratio"),
        Func::Min => msg!("fnsig-min"),
        Func::Max => msg!("fnsig-max"),
        Func::Clamp => msg!("fnsig-clamp"),
        Func::Each => msg!("fnsig-each"),
        Func::Deduct => msg!("fnsig-deduct"),
        Func::Round => msg!("fnsig-round"),
        Func::Best => msg!("fnsig-best"),
    }
}

/// Signature help at byte `offset` of `source`: the innermost call of a built-in function the
/// cursor is inside (outside strings and comments); `None` elsewhere.
pub fn signature_help(
    _analysis: &crate::Analysis,
    source: &str,
    offset: usize,
    lang: Lang,
) -> Option<SignatureHelp> {
    let offset = floor_char_boundary(source, offset);
    if in_string_or_comment(source, offset) {
        return None;
    }
    // Open parentheses before the cursor, each with the commas written at its depth; a block's
    // brace ends every call (a rule never spans one).
    let bytes = source.as_bytes();
    let mut open: Vec<(usize, usize)> = Vec::new();
    for code in Lexed::new(source).code(0..offset) {
        for i in code {
            match bytes[i] {
                b'(' => open.push((i, 0)),
                b')' => {
                    open.pop();
                }
                b',' => {
                    if let Some(top) = open.last_mut() {
                        top.1 += 1;
                    }
                }
                b'{' | b'}' => open.clear(),
                _ => {}
            }
        }
    }
    let &(paren, commas) = open.last()?;
    let before = &source[..paren];
    let name_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c))
        .last()
        .map_or(paren, |(i, _)| i);
    let func = Func::lookup(&source[name_start..paren])?;
    let label = signature(func).render(lang);
    let parameters = label
        .split_once('(')
        .and_then(|(_, rest)| rest.strip_suffix(')'))
        .map(|inside| inside.split(", ").map(str::to_string).collect())
        .unwrap_or_default();
    Some(SignatureHelp {
        label,
        parameters,
        active: commas,
        documentation: function_doc(func).render(lang),
    })
}
