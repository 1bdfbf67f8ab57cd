//! Texts for people, in the reader's language: a [`Message`] is a catalogue id with its
//! arguments (numbers kept as numbers), rendered by whoever shows it — the CLI, the JSON
//! output, the language server — in the [`Lang`] its reader chose. The catalogues are the
//! `chiso-i18n` crate's `vi.ftl` and `en.ftl`.
//!
//! Write one with [`msg!`](crate::msg): `msg!("e002-duplicate-id", id = "1.2")`. A plain
//! `&str`/`String` still converts into a `Message` ([`Message::plain`]), shown as written in
//! every language: the fallback for text not yet in the catalogues, which a test lists
//! (`tests/suite/i18n.rs`) so none is forgotten.

use crate::text::{format_number, NumberStyle};
use rust_decimal::Decimal;
use std::fmt;

pub use chiso_i18n::Lang;

/// A text to show a person: a catalogue message with arguments, or a plain string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Kind);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Plain(String),
    /// Messages joined by a separator (`"; "`).
    Join(Vec<Message>, &'static str),
    Catalogue {
        id: &'static str,
        args: Vec<(&'static str, Arg)>,
    },
}

/// A value inside a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as written in every language: a name, an id, a title, code.
    Text(String),
    /// A number, written as the reader's language writes it (`1,5` in Vietnamese, `1.5` in
    /// English) by [`crate::text::format_number`].
    Number(Decimal),
    /// A count: digits, and it selects plural forms.
    Count(u64),
    /// A message inside a message (a finding with a reason appended), rendered in the same
    /// language.
    Message(Box<Message>),
    /// Messages joined with `, `, each in the same language.
    List(Vec<Message>),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<Decimal> for Arg {
    fn from(d: Decimal) -> Self {
        Arg::Number(d)
    }
}
impl From<&Decimal> for Arg {
    fn from(d: &Decimal) -> Self {
        Arg::Number(*d)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(n as u64)
    }
}
impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(u64::from(n))
    }
}
impl From<i32> for Arg {
    fn from(n: i32) -> Self {
        match u64::try_from(n) {
            Ok(n) => Arg::Count(n),
            Err(_) => Arg::Text(n.to_string()),
        }
    }
}
impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Count(n)
    }
}
impl From<Vec<Message>> for Arg {
    fn from(list: Vec<Message>) -> Self {
        Arg::List(list)
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}

impl Message {
    /// The catalogue message `id`, with no arguments yet (add them with [`Message::arg`]).
    pub fn new(id: &'static str) -> Self {
        Message(Kind::Catalogue {
            id,
            args: Vec::new(),
        })
    }

    /// A text shown as written in every language: the untranslated fallback.
    pub fn plain(text: impl Into<String>) -> Self {
        Message(Kind::Plain(text.into()))
    }

    /// `parts` rendered one after the other, with `separator` between them.
    pub fn join(parts: Vec<Message>, separator: &'static str) -> Self {
        Message(Kind::Join(parts, separator))
    }

    /// Adds the argument `$name` (ignored by a plain message).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        if let Kind::Catalogue { args, .. } = &mut self.0 {
            args.push((name, value.into()));
        }
        self
    }

    /// The argument `$name` of a catalogue message.
    pub fn argument(&self, name: &str) -> Option<&Arg> {
        match &self.0 {
            Kind::Catalogue { args, .. } => args.iter().find(|(n, _)| *n == name).map(|(_, a)| a),
            _ => None,
        }
    }

    /// The catalogue id, `None` for a plain (untranslated) text.
    pub fn id(&self) -> Option<&'static str> {
        match &self.0 {
            Kind::Catalogue { id, .. } => Some(id),
            Kind::Plain(_) | Kind::Join(..) => None,
        }
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match &self.0 {
            Kind::Plain(text) => text.clone(),
            Kind::Join(parts, separator) => parts
                .iter()
                .map(|m| m.render(lang))
                .collect::<Vec<_>>()
                .join(separator),
            Kind::Catalogue { id, args } => {
                let style = number_style(lang);
                let values: Vec<(&str, chiso_i18n::Value<'_>)> = args
                    .iter()
                    .map(|(name, arg)| {
                        let value = match arg {
                            Arg::Text(s) => chiso_i18n::Value::Text(s.as_str().into()),
                            Arg::Number(d) => format_number(*d, style).into(),
                            Arg::Count(n) => chiso_i18n::Value::Count(*n),
                            Arg::Message(m) => m.render(lang).into(),
                            Arg::List(list) => list
                                .iter()
                                .map(|m| m.render(lang))
                                .collect::<Vec<_>>()
                                .join(", ")
                                .into(),
                        };
                        (*name, value)
                    })
                    .collect();
                chiso_i18n::text(lang, id, &values)
            }
        }
    }

    /// The message in English (tests and logs that compare against English text).
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }
}

/// How numbers inside messages are written in `lang`: a decimal comma in Vietnamese.
pub fn number_style(lang: Lang) -> NumberStyle {
    match lang {
        Lang::Vi => NumberStyle::Vietnamese,
        Lang::En => NumberStyle::Machine,
    }
}

impl From<&str> for Message {
    fn from(s: &str) -> Self {
        Message::plain(s)
    }
}

impl From<String> for Message {
    fn from(s: String) -> Self {
        Message::plain(s)
    }
}

impl From<&String> for Message {
    fn from(s: &String) -> Self {
        Message::plain(s.clone())
    }
}

/// Renders in the default language (Vietnamese), as a person who set nothing reads it.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

/// A catalogue message with named arguments: `msg!("e002-duplicate-id", id = node.id)`.
/// Each name is the Fluent variable (`$id`) of the message in both catalogues.
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::message::Message::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::message::Message::new($id)$(.arg(stringify!($name), $value))+
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn numbers_follow_the_language_and_plain_text_stays() {
        let m = crate::msg!("test-number", value = dec!(1234.5));
        assert_eq!(m.render(Lang::Vi), "số 1.234,5");
        assert_eq!(m.render(Lang::En), "number 1234.5");
        let nested = crate::msg!("test-probe", name = m);
        assert_eq!(nested.render(Lang::Vi), "thử số 1.234,5");
        assert_eq!(Message::from("as written").render(Lang::Vi), "as written");
        assert_eq!(Message::from("as written").id(), None);
    }
}
