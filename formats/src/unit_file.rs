//! Unit files (TOML or JSON) read into a [`RawUnit`] — exactly: a TOML float is re-read from
//! its source text, JSON numbers keep their digits — and resolved against a ruleset with
//! [`chiso::data::resolve`]; and resolved data written back as TOML ([`to_toml`]).

use chiso::data::{resolve, RawEntry, RawUnit, RawValue, UnitData};
use chiso::diagnostic::{Diagnostic, Span};
use chiso::model::{InputType, Ruleset, Value};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Toml,
    Json,
}

impl DataFormat {
    /// From a file name's extension; TOML unless it says `.json`.
    pub fn from_path(path: &str) -> Self {
        if path.to_ascii_lowercase().ends_with(".json") {
            DataFormat::Json
        } else {
            DataFormat::Toml
        }
    }

    /// From a file name's extension (`.json`, `.toml`); a name with neither (standard
    /// input, `-`) is JSON when its text starts with `{`, else TOML.
    pub fn of(name: &str, text: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            DataFormat::Json
        } else if lower.ends_with(".toml") {
            DataFormat::Toml
        } else if text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('{')
        {
            DataFormat::Json
        } else {
            DataFormat::Toml
        }
    }
}

/// Reads and resolves a data file. Returns `None` only when the file cannot be read at all;
/// otherwise the data with every problem found (all of them, not the first).
pub fn load(
    ruleset: &Ruleset,
    text: &str,
    format: DataFormat,
) -> (Option<UnitData>, Vec<Diagnostic>) {
    match read_raw(text, format) {
        Ok(raw) => {
            let (data, mut diagnostics) = resolve(ruleset, &raw);
            diagnostics.extend(chiso::data::missing_group(ruleset, &raw));
            (Some(data), diagnostics)
        }
        Err(d) => (None, vec![*d]),
    }
}

/// Reads a data file without resolving it against a ruleset (for merges and target files).
pub fn read_raw(text: &str, format: DataFormat) -> Result<RawUnit, Box<Diagnostic>> {
    match format {
        DataFormat::Toml => read_toml(text),
        DataFormat::Json => read_json(text),
    }
}

// ───────────── TOML ─────────────

mod toml_shape {
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use toml::Spanned;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Unit {
        pub unit: Option<Spanned<String>>,
        pub year: Option<Spanned<i64>>,
        pub stage: Option<Spanned<String>>,
        pub group: Option<Spanned<String>>,
        pub decimal_separator: Option<Spanned<String>>,
        #[serde(default)]
        pub inputs: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
        #[serde(default)]
        pub points: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
        #[serde(default)]
        pub not_evaluated: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
        #[serde(default)]
        pub evidence: BTreeMap<Spanned<String>, Spanned<Vec<String>>>,
        #[serde(default)]
        pub notes: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
        #[serde(default)]
        pub claimed: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    }
}

fn read_toml(text: &str) -> Result<RawUnit, Box<Diagnostic>> {
    let shape: toml_shape::Unit = toml::from_str(text).map_err(|e| {
        let problem = crate::parse_error::toml_problem(text, &e);
        let diagnostic = Diagnostic::error("D001", problem.span, problem.message);
        Box::new(match problem.help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        })
    })?;
    let entries =
        |map: BTreeMap<toml::Spanned<String>, toml::Spanned<toml::Value>>| -> Vec<RawEntry> {
            let mut entries: Vec<RawEntry> = map
                .into_iter()
                .map(|(k, v)| {
                    let value_span = v.span();
                    let value = toml_value(v.get_ref(), &text[value_span.clone()]);
                    RawEntry {
                        key: k.get_ref().clone(),
                        key_span: k.span(),
                        value,
                        value_span,
                    }
                })
                .collect();
            entries.sort_by_key(|e| e.key_span.start);
            entries
        };
    let spanned = |s: Option<toml::Spanned<String>>| s.map(|s| (s.get_ref().clone(), s.span()));
    Ok(RawUnit {
        unit: spanned(shape.unit),
        year: shape.year.map(|y| (*y.get_ref(), y.span())),
        stage: spanned(shape.stage),
        group: spanned(shape.group),
        decimal_separator: spanned(shape.decimal_separator),
        inputs: entries(shape.inputs),
        points: entries(shape.points),
        not_evaluated: entries(shape.not_evaluated),
        evidence: {
            let mut evidence: Vec<_> = shape
                .evidence
                .into_iter()
                .map(|(k, v)| (k.get_ref().clone(), k.span(), v.into_inner()))
                .collect();
            evidence.sort_by_key(|(_, span, _)| span.start);
            evidence
        },
        notes: entries(shape.notes),
        claimed: entries(shape.claimed),
        placed: Vec::new(),
    })
}

/// A TOML value as written: floats are re-read from their text, never through f64.
fn toml_value(value: &toml::Value, source: &str) -> RawValue {
    match value {
        toml::Value::Integer(_) | toml::Value::Float(_) => {
            RawValue::Number(source.trim().replace('_', ""))
        }
        toml::Value::String(s) => RawValue::Text(s.clone()),
        toml::Value::Boolean(b) => RawValue::Bool(*b),
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => {
                NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                    .map_or(RawValue::Other("raw-invalid-date"), RawValue::Date)
            }
            _ => RawValue::Other("raw-date-time"),
        },
        toml::Value::Array(_) => RawValue::Other("raw-a-list"),
        toml::Value::Table(_) => RawValue::Other("raw-a-table"),
    }
}

// ───────────── JSON ─────────────

/// A JSON object read with every key it holds, in order: serde_json's own map keeps only the
/// last of a key given twice, and a unit file's repeated key must be reported, not dropped.
/// The sections' objects are read the same way; other values are plain JSON values.
struct Pairs(Vec<(String, Json)>);

enum Json {
    Section(Vec<(String, serde_json::Value)>),
    Value(serde_json::Value),
}

const SECTIONS: [&str; 6] = [
    "inputs",
    "points",
    "not_evaluated",
    "notes",
    "claimed",
    "evidence",
];

impl<'de> serde::Deserialize<'de> for Pairs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Top;
        impl<'de> serde::de::Visitor<'de> for Top {
            type Value = Pairs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = if SECTIONS.contains(&key.as_str()) {
                        Json::Section(map.next_value::<Section>()?.0)
                    } else {
                        Json::Value(map.next_value()?)
                    };
                    pairs.push((key, value));
                }
                Ok(Pairs(pairs))
            }
        }
        d.deserialize_map(Top)
    }
}

/// A section's object, every key kept.
struct Section(Vec<(String, serde_json::Value)>);

impl<'de> serde::Deserialize<'de> for Section {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = Section;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object of names and values")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Section, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry::<String, serde_json::Value>()? {
                    pairs.push(entry);
                }
                Ok(Section(pairs))
            }
        }
        d.deserialize_map(Entries)
    }
}

fn read_json(text: &str) -> Result<RawUnit, Box<Diagnostic>> {
    let Pairs(top) = serde_json::from_str(text).map_err(|e| {
        let problem = crate::parse_error::json_problem(text, &e);
        let diagnostic = Diagnostic::error("D001", problem.span, problem.message);
        Box::new(match problem.help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        })
    })?;
    // serde_json keeps no positions: find each key's first occurrence after the previous one.
    let mut finder = KeyFinder { text, from: 0 };
    let mut raw = RawUnit::default();
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for (key, value) in &top {
        let span = finder.find(key);
        if let Some((_, first)) = seen.iter().find(|(k, _)| k == key) {
            return Err(Box::new(
                Diagnostic::error(
                    "D001",
                    span,
                    chiso::msg!("d001-given-twice", key = key.as_str()),
                )
                .with_label(first.clone(), chiso::msg!("d012-first-given-here"))
                .with_span_label(chiso::msg!("d012-and-again-here")),
            ));
        }
        seen.push((key, span.clone()));
        let value = match value {
            Json::Section(entries) => {
                if key == "evidence" {
                    for (k, v) in entries {
                        let key_span = finder.find(k);
                        let docs = v
                            .as_array()
                            .map(|a| {
                                a.iter()
                                    .filter_map(|d| d.as_str().map(String::from))
                                    .collect()
                            })
                            .unwrap_or_default();
                        raw.evidence.push((k.clone(), key_span, docs));
                    }
                    continue;
                }
                let entries = entries
                    .iter()
                    .map(|(k, v)| {
                        let key_span = finder.find(k);
                        RawEntry {
                            key: k.clone(),
                            key_span: key_span.clone(),
                            value: json_value(v),
                            value_span: key_span,
                        }
                    })
                    .collect();
                match key.as_str() {
                    "inputs" => raw.inputs = entries,
                    "points" => raw.points = entries,
                    "not_evaluated" => raw.not_evaluated = entries,
                    "claimed" => raw.claimed = entries,
                    _ => raw.notes = entries,
                }
                continue;
            }
            Json::Value(value) => value,
        };
        match key.as_str() {
            "unit" => raw.unit = value.as_str().map(|s| (s.to_string(), span)),
            "year" => raw.year = value.as_i64().map(|y| (y, span)),
            "stage" => raw.stage = value.as_str().map(|s| (s.to_string(), span)),
            "group" => raw.group = value.as_str().map(|s| (s.to_string(), span)),
            "decimal_separator" => {
                raw.decimal_separator = value.as_str().map(|s| (s.to_string(), span))
            }
            other => {
                return Err(Box::new(
                    Diagnostic::error(
                        "D001",
                        span,
                        chiso::msg!("d001-unknown-field", field = other),
                    )
                    .with_help(chiso::msg!("d001-fields")),
                ))
            }
        }
    }
    Ok(raw)
}

struct KeyFinder<'a> {
    text: &'a str,
    from: usize,
}

impl KeyFinder<'_> {
    fn find(&mut self, key: &str) -> Span {
        let quoted = serde_json::to_string(key).unwrap_or_default();
        match self.text[self.from..].find(&quoted) {
            Some(i) => {
                let start = self.from + i;
                self.from = start + quoted.len();
                start..start + quoted.len()
            }
            None => 0..0,
        }
    }
}

fn json_value(value: &serde_json::Value) -> RawValue {
    match value {
        // arbitrary_precision: the number's text is kept exactly.
        serde_json::Value::Number(n) => RawValue::Number(n.to_string()),
        serde_json::Value::String(s) => RawValue::Text(s.clone()),
        serde_json::Value::Bool(b) => RawValue::Bool(*b),
        serde_json::Value::Null => RawValue::Other("raw-null"),
        serde_json::Value::Array(_) => RawValue::Other("raw-a-list"),
        serde_json::Value::Object(_) => RawValue::Other("raw-an-object"),
    }
}

/// Renders resolved data back as a TOML unit file (for templates and merges).
pub fn to_toml(ruleset: &Ruleset, data: &UnitData) -> String {
    let mut out = String::new();
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    out.push_str(&format!("unit = {}\n", q(&data.unit)));
    if let Some(y) = data.year {
        out.push_str(&format!("year = {y}\n"));
    }
    // The stage as the ruleset names it ("Tự đánh giá"); read back by `Stage::parse_for`.
    out.push_str(&format!("stage = {}\n", q(data.stage.name(ruleset))));
    if let Some(group) = data.group.and_then(|g| ruleset.meta.groups.get(g)) {
        out.push_str(&format!("group = {}\n", q(group)));
    }
    let key = |s: &str| {
        if s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        {
            s.to_string()
        } else {
            q(s)
        }
    };
    let mut section = |title: &str, rows: Vec<(String, String)>| {
        if !rows.is_empty() {
            out.push_str(&format!("\n[{title}]\n"));
            for (k, v) in rows {
                out.push_str(&format!("{} = {v}\n", key(&k)));
            }
        }
    };
    let inputs = ruleset
        .inputs
        .iter()
        .zip(&data.values)
        .filter_map(|(input, v)| {
            v.as_ref().map(|v| {
                let text = match (v, &input.ty) {
                    (Value::Number(n), InputType::Percent) => {
                        chiso::text::format_decimal(*n * Decimal::ONE_HUNDRED)
                    }
                    (Value::Number(n), _) => chiso::text::format_decimal(*n),
                    (Value::Bool(b), _) => b.to_string(),
                    (Value::Date(d), _) => d.format("%Y-%m-%d").to_string(),
                    (Value::Level(i), InputType::Levels(l)) => q(&l[*i]),
                    (other, _) => q(&other.describe(Some(&input.ty))),
                };
                (input.name.clone(), text)
            })
        })
        .collect();
    section("inputs", inputs);
    let by_node = |f: &dyn Fn(usize) -> Option<String>| -> Vec<(String, String)> {
        ruleset
            .nodes
            .iter()
            .enumerate()
            .filter_map(|(i, n)| f(i).map(|v| (n.id.clone(), v)))
            .collect()
    };
    section(
        "points",
        by_node(&|i| data.points[i].map(chiso::text::format_decimal)),
    );
    section(
        "not_evaluated",
        by_node(&|i| data.not_evaluated[i].as_deref().map(q)),
    );
    let list = |docs: &[String]| {
        format!(
            "[{}]",
            docs.iter().map(|e| q(e)).collect::<Vec<_>>().join(", ")
        )
    };
    // Evidence and notes for inputs' figures first (by input name, in the ruleset's order),
    // then for criteria (by id).
    let mut evidence: Vec<(String, String)> = ruleset
        .inputs
        .iter()
        .zip(&data.input_evidence)
        .filter(|(_, docs)| !docs.is_empty())
        .map(|(input, docs)| (input.name.clone(), list(docs)))
        .collect();
    let by_id: BTreeMap<_, _> = ruleset
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| !data.evidence[*i].is_empty())
        .map(|(i, n)| (n.id.clone(), list(&data.evidence[i])))
        .collect();
    evidence.extend(by_id);
    section("evidence", evidence);
    let mut notes: Vec<(String, String)> = ruleset
        .inputs
        .iter()
        .zip(&data.input_notes)
        .filter_map(|(input, n)| n.as_deref().map(|n| (input.name.clone(), q(n))))
        .collect();
    notes.extend(by_node(&|i| data.notes[i].as_deref().map(q)));
    section("notes", notes);
    section(
        "claimed",
        by_node(&|i| data.claimed[i].map(chiso::text::format_decimal)),
    );
    out
}
