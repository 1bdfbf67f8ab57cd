//! What would it take (`chiso advise`): a unit's advice as text.

use chiso::batch::advice::{Advice, Change};
use chiso::data::UnitData;
use chiso::model::{InputType, Ruleset, Value};
use chiso::text::format_decimal;

/// The advice for one unit as the text `chiso advise` prints (Vietnamese): the unit, the
/// stage of its data (tự đánh giá / thẩm định), its points, percentage and grade, the next
/// grade (or that the ruleset has no grades), then per input the nearest step, the most
/// effective change and the change that reaches the next grade, each with the criteria it
/// moves.
pub fn text(ruleset: &Ruleset, unit: &UnitData, advice: &Advice) -> String {
    let mut out = format!(
        "{} ({}) — {} điểm, chỉ số {}, xếp loại {}\n",
        advice.unit,
        unit.stage.label(),
        format_decimal(advice.achieved),
        advice
            .percent
            .map(|p| format!("{}%", format_decimal(p)))
            .unwrap_or_else(|| "—".into()),
        advice.grade.as_deref().unwrap_or("—")
    );
    match &advice.next_grade {
        Some((name, from)) => out.push_str(&format!(
            "Xếp loại kế tiếp: {name} (từ {}{})\n",
            format_decimal(*from),
            match ruleset.meta.grade_basis {
                chiso::model::GradeBasis::Points => " điểm",
                chiso::model::GradeBasis::Percent => "%",
            }
        )),
        None if ruleset.meta.grades.is_empty() => {
            out.push_str("Bộ tiêu chí này không có xếp loại.\n")
        }
        None if advice.percent.is_none() => {
            out.push_str("Chưa xếp loại được: số liệu của đơn vị chưa đủ.\n")
        }
        None => out.push_str("Không có xếp loại cao hơn.\n"),
    }
    if advice.inputs.is_empty() {
        out.push_str("Không thay đổi một đầu vào nào làm tăng điểm.\n");
    }
    for a in &advice.inputs {
        let input = &ruleset.inputs[a.input];
        let owner = input
            .owner
            .as_deref()
            .map(|o| format!(" — {o}"))
            .unwrap_or_default();
        let now = unit.values[a.input]
            .as_ref()
            .map(|v| v.describe(Some(&input.ty)))
            .unwrap_or_default();
        out.push_str(&format!("\n{} (hiện {now}){owner}\n", input.name));
        if let Some(c) = &a.next_step {
            out.push_str(&format!("  bước gần nhất:      {}\n", line(ruleset, c)));
        }
        if let Some(c) = &a.best_rate {
            if Some(c) != a.next_step.as_ref() {
                out.push_str(&format!("  hiệu quả nhất:      {}\n", line(ruleset, c)));
            }
        }
        match &a.next_grade {
            Some(c) => out.push_str(&format!("  lên xếp loại trên:  {}\n", line(ruleset, c))),
            None if advice.next_grade.is_some() => {
                out.push_str("  lên xếp loại trên:  không đủ nếu chỉ thay đổi đầu vào này\n")
            }
            None => {}
        }
    }
    out.push_str(&format!("\n({} lần tính điểm)\n", advice.evaluations));
    out
}

fn value(ruleset: &Ruleset, input: usize, v: &Value) -> String {
    v.describe(Some(&ruleset.inputs[input].ty))
}

fn line(ruleset: &Ruleset, c: &Change) -> String {
    let ty = &ruleset.inputs[c.input].ty;
    let unit = match ty {
        InputType::Percent => " điểm %",
        InputType::Date => " ngày",
        _ => "",
    };
    let amount = match ty {
        InputType::YesNo | InputType::Levels(_) => String::new(),
        _ => format!(
            "{}{}{unit}: ",
            if c.amount.is_sign_positive() { "+" } else { "" },
            format_decimal(c.amount)
        ),
    };
    let criteria: Vec<String> = c
        .criteria
        .iter()
        .map(|(n, before, after)| {
            format!(
                "{} {} → {}",
                ruleset.nodes[*n].id,
                before.map(format_decimal).unwrap_or_else(|| "—".into()),
                after.map(format_decimal).unwrap_or_else(|| "—".into())
            )
        })
        .collect();
    format!(
        "{amount}{} → {}, +{} điểm (tổng {}, {}{}) [{}]",
        value(ruleset, c.input, &c.from),
        value(ruleset, c.input, &c.to),
        format_decimal(c.gain),
        format_decimal(c.achieved),
        c.percent
            .map(|p| format!("{}%", format_decimal(p)))
            .unwrap_or_else(|| "—".into()),
        c.grade
            .as_deref()
            .map(|g| format!(", {g}"))
            .unwrap_or_default(),
        criteria.join("; ")
    )
}
