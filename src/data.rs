//! Unit data files (TOML or JSON): the one serde boundary. Values are read exactly — a TOML
//! float is re-read from its source text, JSON numbers keep their digits — and resolved
//! against a checked ruleset into input slots, so evaluation does no name lookups.

use crate::diagnostic::{Diagnostic, Span};
use crate::model::{InputType, Node, Ruleset, Value};
use crate::text::{did_you_mean, name_key, parse_decimal_text, DecimalSeparator};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::str::FromStr;

/// Giai đoạn: whose scores these are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// điểm tự đánh giá
    #[default]
    SelfAssessment,
    /// điểm thẩm định
    Appraised,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::SelfAssessment => "self",
            Stage::Appraised => "appraised",
        }
    }
}

/// One unit's data, resolved against a ruleset: values by input slot, the rest by node index.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnitData {
    /// Tên đơn vị.
    pub unit: String,
    pub year: Option<u32>,
    pub stage: Stage,
    pub values: Vec<Option<Value>>,
    /// Where each value is written in the data file.
    pub value_spans: Vec<Option<Span>>,
    /// Points awarded by the council (or given by a survey), by node.
    pub points: Vec<Option<Decimal>>,
    pub points_spans: Vec<Option<Span>>,
    /// Declared not evaluated, with the reason, by node.
    pub not_evaluated: Vec<Option<String>>,
    /// Tài liệu kiểm chứng, by node.
    pub evidence: Vec<Vec<String>>,
    pub notes: Vec<Option<String>>,
    /// The score the unit claims for a node in its self-assessment (`[claimed]`), by node:
    /// compared with what the ruleset computes from the unit's own figures.
    pub claimed: Vec<Option<Decimal>>,
    pub claimed_spans: Vec<Option<Span>>,
}

impl UnitData {
    /// Empty data shaped for a ruleset.
    pub fn empty(ruleset: &Ruleset, unit: impl Into<String>) -> Self {
        let inputs = ruleset.inputs.len();
        let nodes = ruleset.nodes.len();
        UnitData {
            unit: unit.into(),
            year: None,
            stage: Stage::SelfAssessment,
            values: vec![None; inputs],
            value_spans: vec![None; inputs],
            points: vec![None; nodes],
            points_spans: vec![None; nodes],
            not_evaluated: vec![None; nodes],
            evidence: vec![Vec::new(); nodes],
            notes: vec![None; nodes],
            claimed: vec![None; nodes],
            claimed_spans: vec![None; nodes],
        }
    }
}

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
}

/// A value as written, before its input's type decides what it means.
#[derive(Debug, Clone, PartialEq)]
pub enum RawValue {
    /// Digits exactly as written (integer or decimal with a point).
    Number(String),
    Text(String),
    Bool(bool),
    Date(NaiveDate),
    /// Something no input takes (an array, a table, a time).
    Other(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry {
    pub key: String,
    pub key_span: Span,
    pub value: RawValue,
    pub value_span: Span,
}

/// A data file read but not yet resolved against a ruleset (also what sheets and merges build).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawUnit {
    pub unit: Option<(String, Span)>,
    pub year: Option<(i64, Span)>,
    pub stage: Option<(String, Span)>,
    pub decimal_separator: Option<(String, Span)>,
    pub inputs: Vec<RawEntry>,
    pub points: Vec<RawEntry>,
    pub not_evaluated: Vec<RawEntry>,
    pub evidence: Vec<(String, Span, Vec<String>)>,
    pub notes: Vec<RawEntry>,
    /// `[claimed]`: the unit's own score per criterion (self-assessment).
    pub claimed: Vec<RawEntry>,
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
            let (data, diagnostics) = resolve(ruleset, &raw);
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
        let span = e.span().unwrap_or(0..0);
        // A bare key with Vietnamese letters is the commonest mistake: TOML wants it quoted.
        let line_start = text[..span.start.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
        let line = text[line_start..].lines().next().unwrap_or_default();
        let key = line.split('=').next().unwrap_or_default().trim();
        let non_ascii_key = line.contains('=') && !key.starts_with('"') && !key.is_ascii();
        let help = if non_ascii_key {
            "TOML names with Vietnamese letters must be quoted: \"hồ_sơ_tiếp_nhận\" = 2534"
        } else {
            "a unit file holds `unit`, `year`, `stage` and the tables [inputs], [points], [not_evaluated], [evidence], [notes], [claimed]"
        };
        Box::new(Diagnostic::error("D001", span, format!("the data file is not valid TOML: {}", e.message())).with_help(help))
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
        decimal_separator: spanned(shape.decimal_separator),
        inputs: entries(shape.inputs),
        points: entries(shape.points),
        not_evaluated: entries(shape.not_evaluated),
        evidence: shape
            .evidence
            .into_iter()
            .map(|(k, v)| (k.get_ref().clone(), k.span(), v.into_inner()))
            .collect(),
        notes: entries(shape.notes),
        claimed: entries(shape.claimed),
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
                    .map_or(RawValue::Other("an invalid date"), RawValue::Date)
            }
            _ => RawValue::Other("a date-time"),
        },
        toml::Value::Array(_) => RawValue::Other("a list"),
        toml::Value::Table(_) => RawValue::Other("a table"),
    }
}

// ───────────── JSON ─────────────

fn read_json(text: &str) -> Result<RawUnit, Box<Diagnostic>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let offset = offset_of_line_col(text, e.line(), e.column());
        Box::new(Diagnostic::error(
            "D001",
            offset..offset,
            format!("the data file is not valid JSON: {e}"),
        ))
    })?;
    let serde_json::Value::Object(top) = value else {
        return Err(Box::new(Diagnostic::error(
            "D001",
            0..0,
            "a JSON unit file is an object",
        )));
    };
    // serde_json keeps no positions: find each key's first occurrence after the previous one.
    let mut finder = KeyFinder { text, from: 0 };
    let mut raw = RawUnit::default();
    for (key, value) in &top {
        let span = finder.find(key);
        match key.as_str() {
            "unit" => raw.unit = value.as_str().map(|s| (s.to_string(), span)),
            "year" => raw.year = value.as_i64().map(|y| (y, span)),
            "stage" => raw.stage = value.as_str().map(|s| (s.to_string(), span)),
            "decimal_separator" => raw.decimal_separator = value.as_str().map(|s| (s.to_string(), span)),
            "inputs" | "points" | "not_evaluated" | "notes" | "claimed" => {
                let serde_json::Value::Object(map) = value else {
                    return Err(Box::new(Diagnostic::error("D001", span, format!("`{key}` must be an object"))));
                };
                let entries = map
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
            }
            "evidence" => {
                let serde_json::Value::Object(map) = value else {
                    return Err(Box::new(Diagnostic::error("D001", span, "`evidence` must be an object")));
                };
                for (k, v) in map {
                    let key_span = finder.find(k);
                    let docs = v.as_array().map(|a| a.iter().filter_map(|d| d.as_str().map(String::from)).collect()).unwrap_or_default();
                    raw.evidence.push((k.clone(), key_span, docs));
                }
            }
            other => {
                return Err(Box::new(
                    Diagnostic::error("D001", span, format!("unknown field `{other}`"))
                        .with_help("a unit file holds unit, year, stage, decimal_separator, inputs, points, not_evaluated, evidence, notes, claimed"),
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
        serde_json::Value::Null => RawValue::Other("null"),
        serde_json::Value::Array(_) => RawValue::Other("a list"),
        serde_json::Value::Object(_) => RawValue::Other("an object"),
    }
}

fn offset_of_line_col(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    crate::diagnostic::floor_char_boundary(text, start + column.saturating_sub(1))
}

// ───────────── resolution ─────────────

/// Resolves a raw unit against a ruleset: names to slots, values to their input's type.
pub fn resolve(ruleset: &Ruleset, raw: &RawUnit) -> (UnitData, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut data = UnitData::empty(
        ruleset,
        raw.unit
            .as_ref()
            .map(|(u, _)| u.clone())
            .unwrap_or_default(),
    );
    if raw.unit.is_none() {
        diagnostics.push(
            Diagnostic::error("D003", 0..0, "the data file does not name its unit")
                .with_help("add `unit = \"UBND huyện …\"`"),
        );
    }
    if let Some((year, span)) = &raw.year {
        match u32::try_from(*year) {
            Ok(y) => {
                data.year = Some(y);
                if let Some(expected) = ruleset.meta.year {
                    if expected != y {
                        diagnostics.push(Diagnostic::warning(
                            "D011",
                            span.clone(),
                            format!("the data is for {y}, the ruleset for {expected}"),
                        ));
                    }
                }
            }
            Err(_) => diagnostics.push(Diagnostic::error(
                "D003",
                span.clone(),
                "the year must be positive",
            )),
        }
    }
    if let Some((stage, span)) = &raw.stage {
        data.stage = match crate::text::fold(stage).as_str() {
            "self" | "tu danh gia" => Stage::SelfAssessment,
            "appraised" | "tham dinh" => Stage::Appraised,
            _ => {
                diagnostics.push(
                    Diagnostic::error("D003", span.clone(), format!("unknown stage `{stage}`"))
                        .with_help("write \"self\" (tự đánh giá) or \"appraised\" (thẩm định)"),
                );
                Stage::SelfAssessment
            }
        };
    }
    let separator = match &raw.decimal_separator {
        None => DecimalSeparator::Either,
        Some((s, _)) if s == "," => DecimalSeparator::Comma,
        Some((s, _)) if s == "." => DecimalSeparator::Point,
        Some((s, span)) => {
            diagnostics.push(Diagnostic::error(
                "D003",
                span.clone(),
                format!("decimal_separator must be \",\" or \".\", not \"{s}\""),
            ));
            DecimalSeparator::Either
        }
    };

    for entry in &raw.inputs {
        let Some(slot) = ruleset.input_index(&entry.key) else {
            let mut d = Diagnostic::error(
                "D006",
                entry.key_span.clone(),
                format!("unknown input `{}`", entry.key),
            );
            if let Some(s) =
                did_you_mean(&entry.key, ruleset.inputs.iter().map(|i| i.name.as_str()))
            {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            diagnostics.push(d);
            continue;
        };
        let input = &ruleset.inputs[slot];
        match typed_value(&entry.value, &input.ty, separator) {
            Ok(value) => {
                data.values[slot] = Some(value);
                data.value_spans[slot] = Some(entry.value_span.clone());
            }
            Err((code, message)) => {
                let owner = input
                    .owner
                    .as_deref()
                    .map(|o| format!(" (owner: {o})"))
                    .unwrap_or_default();
                diagnostics.push(
                    Diagnostic::error(
                        code,
                        entry.value_span.clone(),
                        format!("`{}`: {message}{owner}", input.name),
                    )
                    .with_help(format!(
                        "`{}` is {}{}",
                        input.name,
                        input.ty.describe(),
                        input
                            .description
                            .as_deref()
                            .map(|d| format!(": {d}"))
                            .unwrap_or_default()
                    )),
                );
            }
        }
    }

    let node_of = |key: &str, span: &Span, diagnostics: &mut Vec<Diagnostic>| -> Option<usize> {
        let found = ruleset.node_index(key.trim());
        if found.is_none() {
            let mut d =
                Diagnostic::error("D006", span.clone(), format!("unknown criterion `{key}`"));
            if let Some(s) = did_you_mean(key, ruleset.nodes.iter().map(|n| n.id.as_str())) {
                d = d.with_help(format!("did you mean `{s}`?"));
            }
            diagnostics.push(d);
        }
        found
    };

    for entry in &raw.points {
        let Some(index) = node_of(&entry.key, &entry.key_span, &mut diagnostics) else {
            continue;
        };
        let node = &ruleset.nodes[index];
        if !node.takes_points() {
            let what = if node.is_leaf() {
                "is computed by its rule: give its inputs instead"
            } else {
                "adds up its children: give theirs"
            };
            diagnostics.push(Diagnostic::error(
                "D010",
                entry.key_span.clone(),
                format!("points given for {}, which {what}", node.id),
            ));
            continue;
        }
        match typed_value(&entry.value, &InputType::Points, separator) {
            Ok(Value::Number(points)) => {
                if points > node.max {
                    diagnostics.push(points_out_of_range(node, points, entry.value_span.clone()));
                } else {
                    data.points[index] = Some(points);
                    data.points_spans[index] = Some(entry.value_span.clone());
                }
            }
            Ok(_) => {}
            Err((code, message)) => diagnostics.push(Diagnostic::error(
                code,
                entry.value_span.clone(),
                format!("points of {}: {message}", node.id),
            )),
        }
    }

    for entry in &raw.not_evaluated {
        let Some(index) = node_of(&entry.key, &entry.key_span, &mut diagnostics) else {
            continue;
        };
        let reason = match &entry.value {
            RawValue::Text(t) if !t.trim().is_empty() => t.clone(),
            RawValue::Bool(true) => "không đánh giá".to_string(),
            _ => {
                diagnostics.push(Diagnostic::error(
                    "D003",
                    entry.value_span.clone(),
                    format!(
                        "give the reason {} is not evaluated, as text",
                        ruleset.nodes[index].id
                    ),
                ));
                continue;
            }
        };
        data.not_evaluated[index] = Some(reason);
    }

    for (key, span, docs) in &raw.evidence {
        if let Some(index) = node_of(key, span, &mut diagnostics) {
            data.evidence[index] = docs.clone();
        }
    }
    for entry in &raw.notes {
        if let Some(index) = node_of(&entry.key, &entry.key_span, &mut diagnostics) {
            if let RawValue::Text(t) = &entry.value {
                data.notes[index] = Some(t.clone());
            }
        }
    }
    for entry in &raw.claimed {
        let Some(index) = node_of(&entry.key, &entry.key_span, &mut diagnostics) else {
            continue;
        };
        let node = &ruleset.nodes[index];
        match typed_value(&entry.value, &InputType::Points, separator) {
            Ok(Value::Number(points)) if points > node.max => {
                diagnostics.push(points_out_of_range(node, points, entry.value_span.clone()))
            }
            Ok(Value::Number(points)) => {
                data.claimed[index] = Some(points);
                data.claimed_spans[index] = Some(entry.value_span.clone());
            }
            Ok(_) => {}
            Err((code, message)) => diagnostics.push(Diagnostic::error(
                code,
                entry.value_span.clone(),
                format!("claimed score of {}: {message}", node.id),
            )),
        }
    }
    (data, diagnostics)
}

fn points_out_of_range(node: &Node, points: Decimal, span: Span) -> Diagnostic {
    Diagnostic::error(
        "D007",
        span,
        format!(
            "{} points given for {}, whose maximum is {}",
            crate::text::format_decimal(points),
            node.id,
            crate::text::format_decimal(node.max)
        ),
    )
}

/// A raw value as a value of an input type; errors carry their diagnostic code.
pub fn typed_value(
    raw: &RawValue,
    ty: &InputType,
    separator: DecimalSeparator,
) -> Result<Value, (&'static str, String)> {
    let number = |raw: &RawValue| -> Result<(Decimal, bool), (&'static str, String)> {
        match raw {
            RawValue::Number(text) => Decimal::from_str(text)
                .or_else(|_| Decimal::from_scientific(text))
                .map(|d| (d, false))
                .map_err(|_| {
                    (
                        "D003",
                        format!("`{text}` is not a number chiso can hold exactly"),
                    )
                }),
            RawValue::Text(text) => parse_decimal_text(text, separator).map_err(|m| ("D003", m)),
            RawValue::Bool(_) => Err(("D003", "expected a number, found yes/no".into())),
            RawValue::Date(_) => Err(("D003", "expected a number, found a date".into())),
            RawValue::Other(what) => Err(("D003", format!("expected a number, found {what}"))),
        }
    };
    let negative = |d: Decimal| {
        if d.is_sign_negative() && !d.is_zero() {
            Err((
                "D004",
                format!(
                    "must not be negative (found {})",
                    crate::text::format_decimal(d)
                ),
            ))
        } else {
            Ok(())
        }
    };
    match ty {
        InputType::Count => {
            let (d, percent) = number(raw)?;
            negative(d)?;
            if percent || !d.fract().is_zero() {
                let hint = if matches!(raw, RawValue::Text(t) if t.contains('.'))
                    && separator == DecimalSeparator::Either
                {
                    " (if `.` groups thousands, declare decimal_separator = \",\")"
                } else {
                    ""
                };
                return Err((
                    "D003",
                    format!(
                        "a count must be a whole number, found {}{hint}",
                        crate::text::format_decimal(d)
                    ),
                ));
            }
            Ok(Value::Number(d))
        }
        InputType::Decimal | InputType::Points => {
            let (d, percent) = number(raw)?;
            negative(d)?;
            if percent {
                return Err(("D003", "a percentage where a number is expected".into()));
            }
            Ok(Value::Number(d))
        }
        InputType::Percent => {
            let (d, _) = number(raw)?;
            negative(d)?;
            if d > Decimal::ONE_HUNDRED {
                return Err((
                    "D003",
                    format!(
                        "a percentage above 100 ({})",
                        crate::text::format_decimal(d)
                    ),
                ));
            }
            Ok(Value::Number(d / Decimal::ONE_HUNDRED))
        }
        InputType::YesNo => match raw {
            RawValue::Bool(b) => Ok(Value::Bool(*b)),
            RawValue::Text(t) => match crate::text::fold(t.trim()).as_str() {
                "yes" | "true" | "co" | "x" | "dung" | "dat" => Ok(Value::Bool(true)),
                "no" | "false" | "khong" | "sai" | "khong dat" => Ok(Value::Bool(false)),
                _ => Err(("D003", format!("expected yes/no (có/không), found \"{t}\""))),
            },
            _ => Err((
                "D003",
                "expected yes/no (true/false, \"có\"/\"không\")".into(),
            )),
        },
        InputType::Date => match raw {
            RawValue::Date(d) => Ok(Value::Date(*d)),
            RawValue::Text(t) => NaiveDate::parse_from_str(t.trim(), "%d/%m/%Y")
                .or_else(|_| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d"))
                .map(Value::Date)
                .map_err(|_| {
                    (
                        "D003",
                        format!("expected a date such as 31/12/2023, found \"{t}\""),
                    )
                }),
            _ => Err(("D003", "expected a date such as 31/12/2023".into())),
        },
        InputType::Levels(levels) => match raw {
            RawValue::Text(t) => levels
                .iter()
                .position(|l| {
                    name_key(l) == name_key(t.trim())
                        || crate::text::fold(l) == crate::text::fold(t.trim())
                })
                .map(Value::Level)
                .ok_or_else(|| {
                    (
                        "D003",
                        format!("\"{t}\" is not one of the levels: {}", levels.join(", ")),
                    )
                }),
            _ => Err((
                "D003",
                format!("expected one of the levels: {}", levels.join(", ")),
            )),
        },
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
    out.push_str(&format!("stage = {}\n", q(data.stage.as_str())));
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
                        crate::text::format_decimal(*n * Decimal::ONE_HUNDRED)
                    }
                    (Value::Number(n), _) => crate::text::format_decimal(*n),
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
        by_node(&|i| data.points[i].map(crate::text::format_decimal)),
    );
    section(
        "not_evaluated",
        by_node(&|i| data.not_evaluated[i].as_deref().map(q)),
    );
    let evidence: BTreeMap<_, _> = ruleset
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| !data.evidence[*i].is_empty())
        .map(|(i, n)| {
            (
                n.id.clone(),
                format!(
                    "[{}]",
                    data.evidence[i]
                        .iter()
                        .map(|e| q(e))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })
        .collect();
    section("evidence", evidence.into_iter().collect());
    section("notes", by_node(&|i| data.notes[i].as_deref().map(q)));
    section(
        "claimed",
        by_node(&|i| data.claimed[i].map(crate::text::format_decimal)),
    );
    out
}
