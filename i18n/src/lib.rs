//! chiso's messages in Vietnamese and English: one Fluent catalogue per language
//! (`vi.ftl`, `en.ftl`, compiled in), the [`Lang`] a reader chose, and [`text`], which looks a
//! message up by its id and fills in its arguments.
//!
//! Every crate of chiso renders its texts through here: the core's diagnostics carry a message
//! id and arguments (`chiso::diagnostic::Message`) that the CLI, the JSON output and the
//! language server render in the reader's language. Vietnamese is the default: officials'
//! machines often set no locale at all.
//!
//! The crate does no I/O and reads no environment: [`Lang::choose`] is given the values the
//! caller read (`--lang`, `CHISO_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`).

#![warn(missing_docs)]

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// The Vietnamese catalogue (the default language).
pub const VI_FTL: &str = include_str!("../vi.ftl");
/// The English catalogue.
pub const EN_FTL: &str = include_str!("../en.ftl");

/// A language chiso speaks. Vietnamese is the default (tiếng Việt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Every language, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// `"vi"` or `"en"`, as `--lang` and `CHISO_LANG` take it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language a locale names (`vi_VN.UTF-8`, `en-US`, `vi`), or `None` when the value
    /// names none: empty, `C` or `POSIX` (what a machine with no locale set says). A locale of
    /// any other language reads English, the one other language chiso speaks.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let value = value.trim();
        // `vi_VN.UTF-8@euro`, `vi-VN`, `vi`: the language is what comes before `_`, `-`, `.`, `@`.
        let language = value
            .split(['_', '-', '.', '@', ':'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match language.as_str() {
            "" | "c" | "posix" => None,
            "vi" | "vie" => Some(Lang::Vi),
            _ => Some(Lang::En),
        }
    }

    /// The language to speak: `--lang` when given, else `CHISO_LANG`, else the locale
    /// (`LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them), else Vietnamese. Each
    /// argument is the value the caller read (`None` when unset); a value naming no language
    /// (empty, `C`, `POSIX`) passes to the next.
    pub fn choose(
        flag: Option<Lang>,
        chiso_lang: Option<&str>,
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        flag.or_else(|| {
            [chiso_lang, lc_all, lc_messages, lang]
                .into_iter()
                .flatten()
                .find_map(Lang::from_locale)
        })
        .unwrap_or_default()
    }

    fn catalogue(self) -> &'static str {
        match self {
            Lang::Vi => VI_FTL,
            Lang::En => EN_FTL,
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    /// Reads `vi` or `en` (any case), as `--lang` takes them.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "vi" => Ok(Lang::Vi),
            "en" => Ok(Lang::En),
            _ => Err(format!("`{s}`: vi | en")),
        }
    }
}

/// A value to put into a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// Text, shown as it is (a name, an id, a number already written for the reader).
    Text(std::borrow::Cow<'a, str>),
    /// A count: shown as digits, and selects plural forms (`{ $n -> [one] … *[other] … }`).
    Count(u64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Text(s.into())
    }
}

impl From<String> for Value<'_> {
    fn from(s: String) -> Self {
        Value::Text(s.into())
    }
}

impl From<u64> for Value<'_> {
    fn from(n: u64) -> Self {
        Value::Count(n)
    }
}

impl From<usize> for Value<'_> {
    fn from(n: usize) -> Self {
        Value::Count(n as u64)
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static VI: OnceLock<Bundle> = OnceLock::new();
    static EN: OnceLock<Bundle> = OnceLock::new();
    let cell = match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    };
    cell.get_or_init(|| {
        let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language id");
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // Bidirectional isolation marks around arguments would end up in terminals and files.
        bundle.set_use_isolating(false);
        // The catalogues are compiled in and checked by this crate's tests; a syntax error
        // would fail them, so a broken entry is skipped here rather than panicking.
        let resource = match FluentResource::try_new(lang.catalogue().to_string()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = bundle.add_resource(resource);
        bundle
    })
}

/// Whether the catalogue of `lang` has a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang` with `args` filled in. A message missing from the catalogue
/// (which the tests forbid) shows as its id, so nothing is lost silently.
pub fn text(lang: Lang, id: &str, args: &[(&str, Value<'_>)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match value {
            Value::Text(s) => FluentValue::from(s.as_ref()),
            Value::Count(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The ids of the messages of `lang`'s catalogue, with the variables each uses (sorted), as
/// the tests compare the catalogues.
pub fn catalogue_entries(lang: Lang) -> Result<Vec<(String, Vec<String>)>, String> {
    use fluent_syntax::ast;
    let resource = fluent_syntax::parser::parse(lang.catalogue())
        .map_err(|(_, errors)| format!("{}.ftl: {errors:?}", lang.code()))?;
    fn walk_pattern(p: &ast::Pattern<&str>, out: &mut Vec<String>) {
        for element in &p.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                walk_expression(expression, out);
            }
        }
    }
    fn walk_expression(e: &ast::Expression<&str>, out: &mut Vec<String>) {
        match e {
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, out);
                for v in variants {
                    walk_pattern(&v.value, out);
                }
            }
            ast::Expression::Inline(i) => walk_inline(i, out),
        }
    }
    fn walk_inline(i: &ast::InlineExpression<&str>, out: &mut Vec<String>) {
        match i {
            ast::InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            ast::InlineExpression::Placeable { expression } => walk_expression(expression, out),
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    walk_inline(a, out);
                }
            }
            _ => {}
        }
    }
    let mut entries = Vec::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = Vec::new();
            if let Some(p) = &m.value {
                walk_pattern(p, &mut vars);
            }
            vars.sort();
            vars.dedup();
            entries.push((m.id.name.to_string(), vars));
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_have_the_same_ids_with_the_same_variables() {
        let vi = catalogue_entries(Lang::Vi).expect("vi.ftl parses");
        let en = catalogue_entries(Lang::En).expect("en.ftl parses");
        let vi_map: std::collections::BTreeMap<_, _> = vi.iter().cloned().collect();
        let en_map: std::collections::BTreeMap<_, _> = en.iter().cloned().collect();
        assert_eq!(vi.len(), vi_map.len(), "an id appears twice in vi.ftl");
        assert_eq!(en.len(), en_map.len(), "an id appears twice in en.ftl");
        let mut wrong = Vec::new();
        for (id, vars) in &vi_map {
            match en_map.get(id) {
                None => wrong.push(format!("{id}: only in vi.ftl")),
                Some(v) if v != vars => wrong.push(format!("{id}: vi {vars:?}, en {v:?}")),
                _ => {}
            }
        }
        for id in en_map.keys() {
            if !vi_map.contains_key(id) {
                wrong.push(format!("{id}: only in en.ftl"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        assert!(vi.len() > 10, "parsed too few messages: {}", vi.len());
    }

    #[test]
    fn every_message_formats_without_fluent_errors() {
        for lang in Lang::ALL {
            let bundle = bundle(lang);
            for (id, vars) in catalogue_entries(lang).unwrap() {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.clone(), FluentValue::from("x"));
                }
                let pattern = bundle.get_message(&id).and_then(|m| m.value()).expect(&id);
                let mut errors = Vec::new();
                let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{}: {id}: {errors:?}", lang.code());
            }
        }
    }

    #[test]
    fn the_locale_chooses_unless_a_flag_or_chiso_lang_does() {
        // Nothing set (an official's Windows machine): Vietnamese.
        assert_eq!(Lang::choose(None, None, None, None, None), Lang::Vi);
        // A container's `C.UTF-8` names no language.
        assert_eq!(
            Lang::choose(None, None, None, None, Some("C.UTF-8")),
            Lang::Vi
        );
        assert_eq!(
            Lang::choose(None, None, None, None, Some("en_US.UTF-8")),
            Lang::En
        );
        // LC_ALL before LC_MESSAGES before LANG.
        assert_eq!(
            Lang::choose(
                None,
                None,
                Some("vi_VN.UTF-8"),
                Some("en_GB"),
                Some("en_US")
            ),
            Lang::Vi
        );
        assert_eq!(
            Lang::choose(None, None, Some(""), Some("en_GB"), Some("vi")),
            Lang::En
        );
        // CHISO_LANG before the locale, the flag before everything.
        assert_eq!(
            Lang::choose(None, Some("vi"), Some("en_US"), None, None),
            Lang::Vi
        );
        assert_eq!(
            Lang::choose(Some(Lang::En), Some("vi"), None, None, None),
            Lang::En
        );
        assert_eq!(Lang::from_locale("POSIX"), None);
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Some(Lang::En));
        assert_eq!("VI".parse::<Lang>(), Ok(Lang::Vi));
        assert!("fr".parse::<Lang>().is_err());
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let t = text(Lang::En, "test-probe", &[("name", "1.2".into())]);
        assert_eq!(t, "probe 1.2");
        let t = text(Lang::Vi, "test-probe", &[("name", "1.2".into())]);
        assert_eq!(t, "thử 1.2");
        assert_eq!(text(Lang::Vi, "no-such-id", &[]), "no-such-id");
    }
}
