//! chiso and zen-engine on the same 40 decisions per unit: 20 ratio criteria
//! (`tỷ_lệ(đạt, tổng) × tối đa`, rounded to 2 places) and 20 band criteria (3 bands on a
//! ratio: from 90% the maximum, from 50% half, else 0). Both engines get the same generated
//! units; the harness checks they agree on every decision, then times each per unit.
//!
//!     cargo run --release --manifest-path benches/zen/Cargo.toml -- [UNITS]
//!
//! Not part of the workspace, CI or the default build (zen-engine and its dependencies: about
//! 6 minutes of release build on this 2-core machine, niced, with another build running).
//!
//! chiso's time is evaluation only (each unit's data resolved beforehand); zen-engine's
//! includes cloning each unit's JSON context, which its API takes by value.

use rust_decimal::prelude::ToPrimitive;
use serde_json::{json, Value};
use std::time::Instant;

const CRITERIA: usize = 40;

/// The chiso ruleset: one area, 40 sub-criteria over 40 pairs of inputs.
fn ruleset() -> String {
    let mut inputs = String::new();
    let mut body = String::new();
    for k in 1..=CRITERIA {
        inputs.push_str(&format!(
            "đầu vào đạt_{k}: số lượng \"Số đạt {k}\"\nđầu vào tổng_{k}: số lượng \"Tổng {k}\"\n"
        ));
        let rule = if k % 2 == 1 {
            format!("điểm = tỷ_lệ(đạt_{k}, tổng_{k}) × tối đa")
        } else {
            format!("điểm = bậc tỷ_lệ(đạt_{k}, tổng_{k}) {{ từ 90% trở lên: tối đa  từ 50% đến dưới 90%: tối đa / 2  còn lại: 0 }}")
        };
        body.push_str(&format!(
            "  tiêu chí 1.{k} \"Tiêu chí {k}\" tối đa 1 {{\n    {rule}\n  }}\n"
        ));
    }
    format!(
        "bộ chỉ số \"So sánh với zen-engine\" {{\n  năm 2024\n  cấp xã\n  tổng điểm {CRITERIA}\n  làm tròn điểm 2 nửa lên\n  mẫu số bằng 0: không đánh giá\n}}\n\n{inputs}\nlĩnh vực 1 \"Một lĩnh vực\" tối đa {CRITERIA} {{\n{body}}}\n"
    )
}

/// The same decisions as a JDM graph: input → one expression node with 40 outputs → output.
fn jdm() -> Value {
    let expressions: Vec<Value> = (1..=CRITERIA)
        .map(|k| {
            let ratio = format!("(tong_{k} == 0 ? null : dat_{k} / tong_{k})");
            let value = if k % 2 == 1 {
                format!("{ratio} == null ? null : round({ratio} * 1 * 100) / 100")
            } else {
                format!("{ratio} == null ? null : ({ratio} >= 0.9 ? 1 : ({ratio} >= 0.5 ? 0.5 : 0))")
            };
            json!({"id": format!("e{k}"), "key": format!("c{k}"), "value": value})
        })
        .collect();
    json!({
        "nodes": [
            {"id": "in", "name": "request", "type": "inputNode", "position": {"x": 0, "y": 0}},
            {"id": "ex", "name": "criteria", "type": "expressionNode", "position": {"x": 200, "y": 0},
             "content": {"expressions": expressions}},
            {"id": "out", "name": "response", "type": "outputNode", "position": {"x": 400, "y": 0}}
        ],
        "edges": [
            {"id": "a", "sourceId": "in", "targetId": "ex", "type": "edge"},
            {"id": "b", "sourceId": "ex", "targetId": "out", "type": "edge"}
        ]
    })
}

/// Unit `u`'s figures: (đạt, tổng) per criterion, some over a zero whole.
fn figures(u: usize) -> Vec<(u64, u64)> {
    (1..=CRITERIA)
        .map(|k| {
            let whole = ((u * 7919 + k * 104729) % 500) as u64;
            let part = if whole == 0 { 0 } else { (u as u64 * 31 + k as u64) % (whole + 1) };
            (part, whole)
        })
        .collect()
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let units: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let analysis = chiso::analyze(&ruleset());
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let rs = &analysis.ruleset;
    let content = serde_json::from_value(jdm()).expect("a JDM graph");
    let decision = zen_engine::DecisionEngine::default().create_decision(std::sync::Arc::new(content));

    // chiso: data resolved once per unit, then scored.
    let datas: Vec<chiso::data::UnitData> = (0..units)
        .map(|u| {
            use chiso::data::{resolve, RawEntry, RawUnit, RawValue};
            let entry = |key: String, n: u64| RawEntry {
                key,
                key_span: 0..0,
                value: RawValue::Number(n.to_string()),
                value_span: 0..0,
            };
            let mut raw = RawUnit {
                unit: Some((format!("Đơn vị {u}"), 0..0)),
                ..RawUnit::default()
            };
            for (k, (part, whole)) in figures(u).into_iter().enumerate() {
                raw.inputs.push(entry(format!("đạt_{}", k + 1), part));
                raw.inputs.push(entry(format!("tổng_{}", k + 1), whole));
            }
            let (data, diagnostics) = resolve(rs, &raw);
            assert!(diagnostics.is_empty(), "{diagnostics:?}");
            data
        })
        .collect();
    let start = Instant::now();
    let chiso_results: Vec<_> = datas
        .iter()
        .map(|d| chiso::eval::evaluate(rs, d).result)
        .collect();
    let chiso_time = start.elapsed();

    let contexts: Vec<Value> = (0..units)
        .map(|u| {
            let mut map = serde_json::Map::new();
            for (k, (part, whole)) in figures(u).into_iter().enumerate() {
                map.insert(format!("dat_{}", k + 1), json!(part));
                map.insert(format!("tong_{}", k + 1), json!(whole));
            }
            Value::Object(map)
        })
        .collect();
    let start = Instant::now();
    let mut zen_results = Vec::with_capacity(units);
    for context in &contexts {
        let response = decision.evaluate(context.clone().into()).await.expect("zen evaluates");
        zen_results.push(response.result);
    }
    let zen_time = start.elapsed();

    // The same answer for every decision of every unit (a zero whole: not evaluated / null).
    for (u, (c, z)) in chiso_results.iter().zip(&zen_results).enumerate() {
        let z: Value = z.to_value();
        for k in 1..=CRITERIA {
            let ours = c.nodes[k].score.map(|d| d.to_f64().unwrap_or(f64::NAN));
            let theirs = z[format!("c{k}")].as_f64();
            let same = match (ours, theirs) {
                (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                (None, None) => true,
                _ => false,
            };
            assert!(same, "unit {u}, criterion 1.{k}: chiso {ours:?}, zen {theirs:?}");
        }
    }
    let per = |t: std::time::Duration| t.as_secs_f64() * 1e6 / units as f64;
    println!(
        "{units} units × {CRITERIA} decisions: chiso {:.2} µs/unit, zen-engine {:.2} µs/unit: zen / chiso = {:.2}×",
        per(chiso_time),
        per(zen_time),
        zen_time.as_secs_f64() / chiso_time.as_secs_f64()
    );
}
