//! What would it take (`chiso advise`): a unit's advice as text in the reader's language.

use chiso::batch::advice::{Advice, Change};
use chiso::data::UnitData;
use chiso::model::{InputType, Ruleset, Value};
use chiso::{msg, Decimal, Lang, Message};

/// The advice for one unit as the text `chiso advise` prints, in `lang`: the unit, the stage
/// of its data (tự đánh giá / thẩm định), its points, percentage and grade, the next grade (or
/// that the ruleset has no grades), then per input the nearest step, the most effective
/// change and the change that reaches the next grade, each with the criteria it moves.
pub fn text(ruleset: &Ruleset, unit: &UnitData, advice: &Advice, lang: Lang) -> String {
    let t = |m: Message| m.render(lang);
    let number = |d: Decimal| t(msg!("gap-number", value = d));
    let percent = |p: Option<Decimal>| {
        p.map(|p| t(msg!("gap-percent", value = p)))
            .unwrap_or_else(|| "—".into())
    };
    let mut out = t(msg!(
        "advice-head",
        unit = advice.unit.as_str(),
        stage = unit.stage.name(ruleset),
        points = number(advice.achieved),
        percent = percent(advice.percent),
        grade = advice.grade.as_deref().unwrap_or("—")
    ));
    out.push('\n');
    // Grades on a percentage or on points (`xếp loại theo điểm`).
    let next = match &advice.next_grade {
        Some((name, from)) => msg!(
            "advice-next-grade",
            grade = name.as_str(),
            from = match ruleset.meta.grade_basis {
                chiso::model::GradeBasis::Points => t(msg!("advice-points", points = *from)),
                chiso::model::GradeBasis::Percent => percent(Some(*from)),
            }
        ),
        None if ruleset.meta.grades.is_empty() => msg!("advice-no-grades"),
        None if advice.percent.is_none() => msg!("advice-incomplete"),
        None => msg!("advice-top-grade"),
    };
    out.push_str(&t(next));
    out.push('\n');
    if advice.inputs.is_empty() {
        out.push_str(&t(msg!("advice-nothing")));
        out.push('\n');
    }
    // Labels padded to one width, whatever the language's words.
    let labels = [
        "advice-nearest",
        "advice-most-effective",
        "advice-next-grade-change",
    ];
    let label = super::padded_labels(&labels, lang);
    for a in &advice.inputs {
        let input = &ruleset.inputs[a.input];
        let owner = input
            .owner
            .as_deref()
            .map(|o| format!(" — {o}"))
            .unwrap_or_default();
        let now = unit.values[a.input]
            .as_ref()
            .map(|v| t(v.describe_message(Some(&input.ty))))
            .unwrap_or_default();
        out.push_str(&format!(
            "\n{}{owner}\n",
            t(msg!("advice-input", name = input.name.as_str(), now = now))
        ));
        if let Some(c) = &a.next_step {
            out.push_str(&format!(
                "  {}{}\n",
                label("advice-nearest"),
                line(ruleset, c, lang)
            ));
        }
        if let Some(c) = &a.best_rate {
            if Some(c) != a.next_step.as_ref() {
                out.push_str(&format!(
                    "  {}{}\n",
                    label("advice-most-effective"),
                    line(ruleset, c, lang)
                ));
            }
        }
        match &a.next_grade {
            Some(c) => out.push_str(&format!(
                "  {}{}\n",
                label("advice-next-grade-change"),
                line(ruleset, c, lang)
            )),
            None if advice.next_grade.is_some() => out.push_str(&format!(
                "  {}{}\n",
                label("advice-next-grade-change"),
                t(msg!("advice-not-enough"))
            )),
            None => {}
        }
    }
    out.push('\n');
    out.push_str(&t(msg!("advice-evaluations", count = advice.evaluations)));
    out.push('\n');
    out
}

fn value(ruleset: &Ruleset, input: usize, v: &Value, lang: Lang) -> String {
    v.describe_message(Some(&ruleset.inputs[input].ty))
        .render(lang)
}

fn line(ruleset: &Ruleset, c: &Change, lang: Lang) -> String {
    let t = |m: Message| m.render(lang);
    let number = |d: Decimal| t(msg!("gap-number", value = d));
    let ty = &ruleset.inputs[c.input].ty;
    let amount = match ty {
        InputType::YesNo | InputType::Levels(_) => String::new(),
        _ => {
            let sign = if c.amount.is_sign_positive() { "+" } else { "" };
            let signed = format!("{sign}{}", number(c.amount));
            let shown = match ty {
                InputType::Percent => t(msg!("advice-amount-percent", amount = signed)),
                InputType::Date => t(msg!("advice-amount-days", amount = signed)),
                _ => signed,
            };
            format!("{shown}: ")
        }
    };
    let mut criteria: Vec<String> = c
        .criteria
        .iter()
        .map(|(n, before, after)| {
            format!(
                "{} {} → {}",
                ruleset.nodes[*n].id,
                before.map(number).unwrap_or_else(|| "—".into()),
                after.map(number).unwrap_or_else(|| "—".into())
            )
        })
        .collect();
    // Bonus and penalty items moved by the change, named by their kind (`điểm trừ P1`).
    criteria.extend(c.items.iter().map(|(i, before, after)| {
        let item = &ruleset.adjustments[*i];
        let kind = match item.kind {
            chiso::model::AdjustmentKind::Bonus => msg!("adjustment-kind-bonus"),
            chiso::model::AdjustmentKind::Penalty => msg!("adjustment-kind-penalty"),
        };
        format!(
            "{} {} → {}",
            t(msg!("adjustment-name", kind = kind, id = item.id.as_str())),
            before.map(number).unwrap_or_else(|| "—".into()),
            after.map(number).unwrap_or_else(|| "—".into())
        )
    }));
    let percent = c
        .percent
        .map(|p| t(msg!("gap-percent", value = p)))
        .unwrap_or_else(|| "—".into());
    let grade = c
        .grade
        .as_deref()
        .map(|g| format!(", {g}"))
        .unwrap_or_default();
    let change = t(msg!(
        "advice-change",
        from = value(ruleset, c.input, &c.from, lang),
        to = value(ruleset, c.input, &c.to, lang),
        gain = number(c.gain),
        total = number(c.achieved),
        percent = percent,
        grade = grade
    ));
    format!("{amount}{change} [{}]", criteria.join("; "))
}
