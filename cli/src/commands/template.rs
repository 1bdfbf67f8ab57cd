use super::Outcome;
use chiso::data::Stage;
use chiso::worklist::{all_offices, worklist};
use chiso_formats::forms::{template_toml, template_xlsx, FormHeader};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The ruleset (.chiso).
    ruleset: PathBuf,
    /// The office (đơn vị chủ trì) whose form to write, as the ruleset names it.
    #[arg(long)]
    owner: Option<String>,
    /// List the offices the ruleset names.
    #[arg(long, conflicts_with = "owner")]
    list: bool,
    /// The unit the form is for (filled in on the form).
    #[arg(long)]
    unit: Option<String>,
    /// The year (the ruleset's by default).
    #[arg(long)]
    year: Option<u32>,
    /// The stage: self (tự đánh giá, default) or appraised (thẩm định).
    #[arg(long, default_value = "self", value_hint = clap::ValueHint::Other)]
    stage: String,
    /// The unit's group (nhóm), one the ruleset declares (filled in on the form).
    #[arg(long)]
    group: Option<String>,
    /// A deadline printed on the form ("25/11/2023").
    #[arg(long)]
    deadline: Option<String>,
    /// Write the form here: `.xlsx` for a workbook, anything else for TOML. TOML to
    /// standard output without it.
    #[arg(long, short = 'o')]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Outcome {
    let Some((_, analysis)) = super::load_ruleset(&args.ruleset)? else {
        return Ok(ExitCode::from(1));
    };
    let ruleset = &analysis.ruleset;
    if args.list || args.owner.is_none() {
        for office in all_offices(ruleset) {
            let items = worklist(ruleset, &office)
                .map(|w| w.items.len())
                .unwrap_or(0);
            crate::output::println(&format!(
                "{office}\t{}",
                tr!("cli-template-items", count = items)
            ));
        }
        return Ok(if args.list {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(2)
        });
    }
    let list = worklist(ruleset, args.owner.as_deref().unwrap_or_default())
        .map_err(crate::render::text)?;
    let Some(stage) = Stage::parse_for(ruleset, &args.stage) else {
        return Err(tr!(
            "cli-unknown-stage",
            stage = args.stage.as_str(),
            words = Stage::expected_for(ruleset)
        ));
    };
    let group = match &args.group {
        None => None,
        Some(g) => {
            let folded = chiso::text::fold(g.trim());
            let found = ruleset
                .meta
                .groups
                .iter()
                .find(|n| chiso::text::fold(n) == folded);
            match found {
                Some(n) => Some(n.clone()),
                None if ruleset.meta.groups.is_empty() => {
                    return Err(tr!("d003-group-undeclared", group = g.trim()))
                }
                None => {
                    return Err(tr!(
                        "cli-unknown-group",
                        group = g.trim(),
                        groups = chiso::data::declared_groups(ruleset)
                    ))
                }
            }
        }
    };
    let header = FormHeader {
        group,
        unit: args.unit.clone(),
        year: args.year,
        stage,
        deadline: args.deadline.clone(),
    };
    let xlsx = args
        .output
        .as_ref()
        .and_then(|p| p.extension())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let inputs = [args.ruleset.clone()];
    if xlsx {
        let bytes = template_xlsx(ruleset, &list, &header)?;
        crate::output::write_output(args.output.as_deref(), &bytes, true, &inputs)?;
    } else {
        let text = template_toml(ruleset, &list, &header);
        crate::output::write_output(args.output.as_deref(), text.as_bytes(), false, &inputs)?;
    }
    eprintln!(
        "{}: {}",
        list.office,
        tr!("cli-template-items", count = list.items.len())
    );
    Ok(ExitCode::SUCCESS)
}
