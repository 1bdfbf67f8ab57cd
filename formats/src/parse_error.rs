//! What a TOML or JSON parser said, in the reader's words: the one place that turns the
//! `toml` and `serde_json` crates' (English) errors into catalogue messages.
//!
//! The commonest slips of a person typing a unit file get a message of their own with the
//! fix (`"x" = 1,5`: a decimal comma; `"x" = abc`: text without quotes; a key given twice; a
//! bracket left open). Anything else is said as "not valid TOML/JSON" with the parser's own
//! text, the only English a Vietnamese reader may then see.

use chiso::diagnostic::Span;
use chiso::position::{ColumnUnit, LineIndex};
use chiso::{msg, Message};

/// A parse error placed in the text: the bytes it points at, the message and a help.
#[derive(Debug, Clone)]
pub struct ParseProblem {
    /// Byte range in the text the error points at (empty at a position).
    pub span: Span,
    /// What is wrong, in the reader's words.
    pub message: Message,
    /// How to fix it, when the slip is a known one.
    pub help: Option<Message>,
}

/// The line of `text` around byte `at` (without its newline).
fn line_at(text: &str, at: usize) -> &str {
    let at = at.min(text.len());
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[start..].lines().next().unwrap_or_default()
}

/// A number written with a decimal comma (`1,5`, `-0,25`): what officials type.
fn decimal_comma(value: &str) -> bool {
    let value = value.trim().trim_start_matches('-');
    match value.split_once(',') {
        Some((whole, part)) => {
            !whole.is_empty()
                && !part.is_empty()
                && whole.bytes().all(|b| b.is_ascii_digit())
                && part.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// The text of the first `` `…` `` in a parser message (`duplicate key `x` in table …`).
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

/// A `toml` crate error on `text` in the reader's words. Ids: `d001-decimal-comma`,
/// `d001-unquoted-text`, `d001-no-value`, `d001-given-twice`, `d001-unclosed-table`,
/// `d001-unclosed-string`, `d001-after-value`, `d001-expected-equals`, else `d001-not-toml`.
pub fn toml_problem(text: &str, error: &toml::de::Error) -> ParseProblem {
    let span = error.span().unwrap_or(0..0);
    let said = error.message();
    let line = line_at(text, span.start);
    let (key, value) = match line.split_once('=') {
        Some((k, v)) => (k.trim(), Some(v.trim())),
        None => (line.trim(), None),
    };
    let problem = |message: Message, help: Option<Message>| ParseProblem {
        span: span.clone(),
        message,
        help,
    };
    if let Some(value) = value.filter(|v| decimal_comma(v)) {
        return problem(
            msg!("d001-decimal-comma", value = value),
            Some(msg!(
                "d001-decimal-comma-help",
                point = value.replace(',', "."),
                value = value
            )),
        );
    }
    if said.starts_with("duplicate key") {
        let key = quoted(said).unwrap_or(key);
        return problem(msg!("d001-given-twice", key = key), None);
    }
    if said.starts_with("invalid string") {
        return match value.filter(|v| !v.is_empty()) {
            Some(v) => problem(
                msg!("d001-unquoted-text", value = v),
                Some(msg!("d001-unquoted-text-help", value = v)),
            ),
            None => problem(msg!("d001-no-value"), Some(msg!("d001-no-value-help"))),
        };
    }
    if said.starts_with("invalid table header") {
        return problem(msg!("d001-unclosed-table"), None);
    }
    if said.contains("basic string") || said.contains("literal string") {
        return problem(msg!("d001-unclosed-string"), None);
    }
    if said.starts_with("expected `.`, `=`") {
        let help = if !key.starts_with('"') && !key.is_ascii() {
            msg!("d001-quote-names")
        } else {
            msg!("d001-expected-equals-help")
        };
        return problem(msg!("d001-expected-equals"), Some(help));
    }
    if said.starts_with("expected newline") && value.is_some() {
        return problem(
            msg!("d001-after-value"),
            Some(msg!("d001-after-value-help")),
        );
    }
    let help = if value.is_some() && !key.starts_with('"') && !key.is_ascii() {
        msg!("d001-quote-names")
    } else {
        msg!("d001-unit-file-holds")
    };
    problem(msg!("d001-not-toml", error = said.trim()), Some(help))
}

/// A `serde_json` error on `text` in the reader's words, placed at the byte the parser
/// stopped at. Ids: `d001-decimal-comma`, `d001-json-trailing-comma`,
/// `d001-json-expected-value`, `d001-json-eof`, `d001-json-key`, `d001-json-colon`,
/// `d001-json-comma`, else `d001-not-json`.
pub fn json_problem(text: &str, error: &serde_json::Error) -> ParseProblem {
    let at = if error.line() == 0 {
        0
    } else {
        LineIndex::new(text).offset_of_line_col(
            text,
            error.line(),
            error.column(),
            ColumnUnit::Utf8,
        )
    };
    let said = error.to_string();
    // serde_json appends " at line L column C": the place is ours to say.
    let said = said.split(" at line ").next().unwrap_or_default().trim();
    let problem = |message: Message, help: Option<Message>| ParseProblem {
        span: at..at,
        message,
        help,
    };
    if said.starts_with("key must be a string") {
        if let Some(value) = json_comma_number(text, at) {
            return problem(
                msg!("d001-decimal-comma", value = value.as_str()),
                Some(msg!(
                    "d001-json-decimal-comma-help",
                    point = value.replace(',', "."),
                    value = value.as_str()
                )),
            );
        }
    }
    let message = if said.starts_with("trailing comma") {
        msg!("d001-json-trailing-comma")
    } else if said.starts_with("expected value") {
        msg!("d001-json-expected-value")
    } else if said.starts_with("EOF while parsing") {
        msg!("d001-json-eof")
    } else if said.starts_with("key must be a string") {
        msg!("d001-json-key")
    } else if said.starts_with("expected `:`") {
        msg!("d001-json-colon")
    } else if said.starts_with("expected `,`") {
        msg!("d001-json-comma")
    } else {
        msg!("d001-not-json", error = said)
    };
    problem(message, None)
}

/// `"x": 1,5`: serde_json stops at the `5`, taking it for a key after a comma. The number
/// as written (`1,5`) when the text around `at` is a value with a decimal comma.
fn json_comma_number(text: &str, at: usize) -> Option<String> {
    let bytes = text.as_bytes();
    let mut end = at.min(text.len());
    while end < text.len() && bytes[end].is_ascii_digit() {
        end += 1;
    }
    let mut fraction = end;
    while fraction > 0 && bytes[fraction - 1].is_ascii_digit() {
        fraction -= 1;
    }
    if fraction == end {
        return None;
    }
    let before = text[..fraction].strip_suffix(',')?;
    let whole_start = before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if whole_start == before.len() {
        return None;
    }
    let lead = before[..whole_start]
        .trim_end()
        .trim_end_matches('-')
        .trim_end();
    lead.ends_with(':').then(|| {
        format!(
            "{},{}",
            &text[whole_start..fraction - 1],
            &text[fraction..end]
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chiso::Lang;

    fn toml_said(text: &str) -> (String, Option<String>) {
        let error = toml::from_str::<toml::Value>(text).unwrap_err();
        let p = toml_problem(text, &error);
        (
            p.message.render(Lang::Vi),
            p.help.map(|h| h.render(Lang::Vi)),
        )
    }

    fn json_said(text: &str) -> String {
        let error = serde_json::from_str::<serde_json::Value>(text).unwrap_err();
        json_problem(text, &error).message.render(Lang::Vi)
    }

    #[test]
    fn the_commonest_toml_slips_are_said_in_vietnamese() {
        let (m, h) = toml_said("[inputs]\n\"x\" = 1,5\n");
        assert!(m.contains("1,5"), "{m}");
        assert!(h.unwrap().contains("1.5"));
        assert!(toml_said("[inputs]\n\"x\" = abc\n").0.contains("ngoặc kép"));
        assert!(toml_said("[inputs]\n\"x\" = 1\n\"x\" = 2\n")
            .0
            .contains("hai lần"));
        assert!(toml_said("[inputs\n").0.contains("]"));
        for text in [
            "[inputs]\n\"x\" = 1,5\n",
            "[inputs]\n\"x\" = abc\n",
            "unit = \"A\n",
        ] {
            let (m, _) = toml_said(text);
            assert!(!m.contains("expected") && !m.contains("invalid"), "{m}");
        }
    }

    #[test]
    fn the_commonest_json_slips_are_said_in_vietnamese() {
        let m = json_said("{\"inputs\": {\"x\": 1,5}}");
        assert!(m.contains("1,5"), "{m}");
        assert!(json_said("{\"unit\": \"A\",}").contains("dấu phẩy"));
        assert!(json_said("{\"unit\": \"A\"").contains("kết thúc"));
        for text in ["{\"unit\": }", "{unit: 1}", "{\"unit\" \"A\"}"] {
            let m = json_said(text);
            assert!(
                !m.contains("expected") && !m.contains("must be"),
                "{text}: {m}"
            );
        }
    }
}
