//! Batch benchmark: a province of N units (default 10 000) under the Điện Biên 2024 district
//! ruleset, generated here as one CSV sheet, read, resolved, scored, ranked and graded on
//! one thread. Prints units per second and peak memory (VmHWM from /proc/self/status).
//!
//!     cargo bench --bench batch            # 1 000 then 10 000 units
//!     cargo bench --bench batch -- 50000   # other sizes

use chiso::batch::{self, grade_counts, rank};
use chiso::model::{CExpr, CExprKind, Func, Rule, Ruleset};
use chiso_formats::grid::text_grid;
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeMap;
use std::time::Instant;

const RULESET: &str = "rulesets/dien-bien/huyen-2024.chiso";

/// Peak resident memory so far, in KiB (Linux).
fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Which inputs are ratio numerators (true) and denominators (false), read from the rules.
fn roles(rs: &Ruleset) -> BTreeMap<usize, bool> {
    fn walk(e: &CExpr, numerator: Option<bool>, out: &mut BTreeMap<usize, bool>) {
        match &e.kind {
            CExprKind::Input(slot) => {
                if let Some(n) = numerator {
                    out.insert(*slot, n);
                }
            }
            CExprKind::Call(Func::Ratio, args) => {
                walk(&args[0], Some(true), out);
                walk(&args[1], Some(false), out);
            }
            _ => e.for_each_child(&mut |child| walk(child, numerator, out)),
        }
    }
    let mut out = BTreeMap::new();
    for node in &rs.nodes {
        if let Some(Rule::Formula(e)) = &node.rule {
            walk(e, None, &mut out);
        }
    }
    out
}

/// A CSV of `n` units: figures for every input, points for every council/survey criterion.
fn province(rs: &Ruleset, n: usize) -> String {
    let roles = roles(rs);
    let awarded: Vec<usize> = rs
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| matches!(node.rule, Some(Rule::Awarded)))
        .map(|(i, _)| i)
        .collect();
    let mut out = String::from("Đơn vị");
    for input in &rs.inputs {
        out.push(';');
        out.push_str(&input.name);
    }
    for &a in &awarded {
        out.push(';');
        out.push_str(&rs.nodes[a].id);
    }
    out.push('\n');
    for u in 0..n {
        // A level between 30% and 100%, spread over the units.
        let p = 30 + (u * 37 % 71) as u64;
        out.push_str(&format!("Đơn vị {:05}", u + 1));
        for (slot, input) in rs.inputs.iter().enumerate() {
            let v = match input.name.as_str() {
                "nhiệm_vụ_trễ_hạn" | "nhiệm_vụ_chưa_đến_hạn" => "0".to_string(),
                "số_hình_thức_tuyên_truyền" => (p / 25).to_string(),
                _ => match roles.get(&slot) {
                    Some(true) => (p * 13).to_string(),
                    Some(false) => "1300".to_string(),
                    None => "1".to_string(),
                },
            };
            out.push(';');
            out.push_str(&v);
        }
        for &a in &awarded {
            let points = (Decimal::from(p) * rs.nodes[a].max / Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            out.push(';');
            out.push_str(&points.normalize().to_string().replace('.', ","));
        }
        out.push('\n');
    }
    out
}

fn run(rs: &Ruleset, n: usize) {
    let csv = province(rs, n);
    let before = vm_hwm_kib();
    let start = Instant::now();
    let grid = text_grid(&csv);
    let read = start.elapsed();
    let sheet = Sheet::new(rs, grid, SheetOptions::default());
    assert!(sheet.problems.is_empty(), "{:?}", sheet.problems);
    let units = SheetUnits::new("tinh.csv", sheet);
    let scoring = Instant::now();
    let b = batch::score(rs, &units, &mut |_| {});
    let scored = scoring.elapsed();
    let ranking = rank(&b);
    let grades = grade_counts(rs, &ranking);
    let total = start.elapsed();
    let after = vm_hwm_kib();
    assert_eq!(b.units.len(), n);
    assert!(
        b.units.iter().all(|u| u.result.is_complete()),
        "every unit scores completely"
    );
    assert_eq!(grades.iter().map(|g| g.count).sum::<usize>(), n);
    let per_second = n as f64 / total.as_secs_f64();
    println!(
        "{n:>6} units, {:>6.2} MB of CSV: read {:>6.1} ms, score {:>7.1} ms, total {:>7.1} ms = {:>8.0} units/s on one thread",
        csv.len() as f64 / 1e6,
        read.as_secs_f64() * 1e3,
        scored.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3,
        per_second
    );
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "{:>6} units: peak memory (VmHWM) {:.1} MB before, {:.1} MB after ({:.1} KB per unit; input {:.2} KB per unit)",
            n,
            b as f64 / 1024.0,
            a as f64 / 1024.0,
            a.saturating_sub(b) as f64 / n as f64,
            csv.len() as f64 / 1024.0 / n as f64
        );
    }
    drop(b);
}

fn main() {
    let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let text = std::fs::read_to_string(root.join(RULESET)).expect("the Điện Biên ruleset");
    let analysis = chiso::analyze(&text);
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let rs = analysis.ruleset;
    println!(
        "ruleset {}: {} nodes, {} inputs",
        RULESET,
        rs.nodes.len(),
        rs.inputs.len()
    );
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000]
    } else {
        sizes
    };
    for n in sizes {
        run(&rs, n);
    }
}
