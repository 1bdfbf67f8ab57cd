//! Valid rulesets generated from the fuzz bytes (inputs of every numeric and yes/no type,
//! criteria whose rules nest arithmetic, comparisons, `if`, `not`, functions and bands, and
//! not-evaluated conditions), checked, then evaluated and explained on generated data. The
//! generator writes only valid rulesets: an error is a checker bug; a score outside
//! `0..=max` or a panic is an evaluator bug.
#![no_main]

use chiso::model::Value;
use libfuzzer_sys::fuzz_target;

struct Gen<'a> {
    data: &'a [u8],
    at: usize,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Count,
    Decimal,
    Percent,
    YesNo,
}

impl Gen<'_> {
    fn byte(&mut self) -> u8 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        b
    }

    fn pick(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }

    fn number(&mut self) -> String {
        match self.pick(4) {
            0 => format!("{}", self.pick(100)),
            1 => format!("{}.{}", self.pick(10), self.pick(100)),
            2 => format!("{}%", self.pick(101)),
            _ => format!("0.{:02}", self.pick(100)),
        }
    }

    fn numeric_input(&mut self, inputs: &[(String, Kind)]) -> Option<String> {
        let numeric: Vec<&String> = inputs
            .iter()
            .filter(|(_, k)| *k != Kind::YesNo)
            .map(|(n, _)| n)
            .collect();
        (!numeric.is_empty()).then(|| numeric[self.pick(numeric.len())].clone())
    }

    fn num(&mut self, inputs: &[(String, Kind)], depth: usize) -> String {
        let choice = if depth == 0 {
            self.pick(3)
        } else {
            self.pick(11)
        };
        match choice {
            0 => self.number(),
            1 | 2 => self.numeric_input(inputs).unwrap_or_else(|| self.number()),
            3 => {
                let op = ["+", "-", "*", "/"][self.pick(4)];
                let (a, b) = (self.num(inputs, depth - 1), self.num(inputs, depth - 1));
                format!("({a} {op} {b})")
            }
            4 => format!("-({})", self.num(inputs, depth - 1)),
            5 => format!(
                "(if {} then {} else {})",
                self.cond(inputs, depth - 1),
                self.num(inputs, depth - 1),
                self.num(inputs, depth - 1)
            ),
            6 => format!(
                "min({}, {})",
                self.num(inputs, depth - 1),
                self.num(inputs, depth - 1)
            ),
            7 => format!(
                "max({}, {})",
                self.num(inputs, depth - 1),
                self.num(inputs, depth - 1)
            ),
            8 => format!(
                "ratio({}, {})",
                self.num(inputs, depth - 1),
                self.num(inputs, depth - 1)
            ),
            9 => {
                let subject = self.num(inputs, depth - 1);
                let (lo, hi) = (self.pick(50), 50 + self.pick(50));
                format!(
                    "bands {subject} {{ from {hi}: {}\n from {lo} below {hi}: {}\n otherwise: {} }}",
                    self.number(),
                    self.number(),
                    self.number()
                )
            }
            _ => format!("({} * {})", self.num(inputs, depth - 1), self.number()),
        }
    }

    fn cond(&mut self, inputs: &[(String, Kind)], depth: usize) -> String {
        let yes_no: Vec<&String> = inputs
            .iter()
            .filter(|(_, k)| *k == Kind::YesNo)
            .map(|(n, _)| n)
            .collect();
        let choice = if depth == 0 {
            self.pick(2)
        } else {
            self.pick(5)
        };
        match choice {
            0 if !yes_no.is_empty() => yes_no[self.pick(yes_no.len())].clone(),
            0 | 1 => {
                let op = ["<", "<=", ">", ">=", "=", "!="][self.pick(6)];
                let d = depth.saturating_sub(1);
                format!("{} {op} {}", self.num(inputs, d), self.num(inputs, d))
            }
            2 => format!("not ({})", self.cond(inputs, depth - 1)),
            3 => format!(
                "({}) and ({})",
                self.cond(inputs, depth - 1),
                self.cond(inputs, depth - 1)
            ),
            _ => format!(
                "({}) or ({})",
                self.cond(inputs, depth - 1),
                self.cond(inputs, depth - 1)
            ),
        }
    }
}

/// A decimal from its text (the fuzz crate does not name the decimal crate).
fn number<T: std::str::FromStr>(text: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    text.parse().expect("a decimal")
}

fuzz_target!(|data: &[u8]| {
    let mut g = Gen { data, at: 0 };
    let mut text = String::from(
        "ruleset \"g\" {\n  year 2024\n  level district\n  zero denominator: error\n}\n",
    );
    let mut inputs = Vec::new();
    for k in 0..1 + g.pick(5) {
        let (kind, word) = [
            (Kind::Count, "count"),
            (Kind::Decimal, "decimal"),
            (Kind::Percent, "percent"),
            (Kind::YesNo, "yesno"),
        ][g.pick(4)];
        let name = format!("v{k}");
        text.push_str(&format!("input {name}: {word} \"{name}\"\n"));
        inputs.push((name, kind));
    }
    text.push_str("area 1 \"A\" {\n");
    let criteria = 1 + g.pick(4);
    for c in 1..=criteria {
        let max = 1 + g.pick(5);
        text.push_str(&format!("  criterion 1.{c} \"c{c}\" max {max} {{\n"));
        if g.pick(4) == 0 {
            let cond = g.cond(&inputs, 2);
            text.push_str(&format!("    not evaluated when {cond} because \"r\"\n"));
        }
        let depth = g.pick(5);
        let rule = g.num(&inputs, depth);
        text.push_str(&format!("    score = min(max, max(0, {rule}))\n  }}\n"));
    }
    text.push_str("}\n");

    let analysis = chiso::analyze(&text);
    let errors: Vec<_> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code, d.message.clone(), &text[d.span.clone()]))
        .collect();
    // A division by a figure that may be zero is refused by design; anything else is a bug.
    if errors.iter().any(|e| e.0 == "E011" || e.0 == "E017") {
        return;
    }
    assert!(errors.is_empty(), "{text}\n{errors:?}");
    let rs = &analysis.ruleset;

    let mut unit = chiso::data::UnitData::empty(rs, "U");
    for (slot, (_, kind)) in inputs.iter().enumerate() {
        unit.values[slot] = match g.pick(6) {
            0 => None,
            _ => Some(match kind {
                Kind::Count => Value::Number(number(&g.pick(1000).to_string())),
                Kind::Decimal => {
                    Value::Number(number(&format!("{}.{:02}", g.pick(1000), g.pick(100))))
                }
                Kind::Percent => Value::Number(number(&format!("0.{:02}", g.pick(100)))),
                Kind::YesNo => Value::Bool(g.pick(2) == 1),
            }),
        };
    }
    let outcome = chiso::eval::evaluate(rs, &unit);
    let best = chiso::eval::best_values(rs, std::slice::from_ref(&unit));
    for (i, node) in outcome.result.nodes.iter().enumerate() {
        if let Some(score) = node.score {
            assert!(
                !score.is_sign_negative() || score.is_zero(),
                "{text}\n{i}: {score}"
            );
            assert!(
                score <= rs.nodes[i].max,
                "{text}\n{i}: {score} > {}",
                rs.nodes[i].max
            );
        }
        let _ = chiso::eval::explain(rs, &unit, &best, i, node);
    }
});
