use super::Outcome;
use chiso::batch::advice::{advise, best_without, Change};
use chiso::model::{InputType, Ruleset, Value};
use chiso::text::format_decimal;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// The unit's data and the rest of its batch: unit files, folders, or sheets.
    #[arg(required = true)]
    data: Vec<PathBuf>,
    /// The unit to advise (by name); needed when the data holds more than one.
    #[arg(long)]
    unit: Option<String>,
    /// The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named).
    #[arg(long)]
    sheet: Option<String>,
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    let sources = super::batch::read_sources(
        ruleset,
        &args.data,
        args.sheet.as_deref(),
        Default::default(),
    )?;
    let (all, index) =
        super::batch::load_for_one(ruleset, &sources, &args.data[0], args.unit.as_deref())?;
    let best = best_without(ruleset, &all, index);
    let advice = advise(ruleset, &all[index], &best);
    let mut out = format!(
        "{} — {} điểm, chỉ số {}, xếp loại {}\n",
        advice.unit,
        format_decimal(advice.achieved),
        advice
            .percent
            .map(|p| format!("{}%", format_decimal(p)))
            .unwrap_or_else(|| "—".into()),
        advice.grade.as_deref().unwrap_or("—")
    );
    match &advice.next_grade {
        Some((name, from)) => out.push_str(&format!(
            "Xếp loại kế tiếp: {name} (từ {}%)\n",
            format_decimal(*from)
        )),
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
        let now = all[index].values[a.input]
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
    print!("{out}");
    Ok(ExitCode::SUCCESS)
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
