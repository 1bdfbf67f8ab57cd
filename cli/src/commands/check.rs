use super::Outcome;
use chiso_formats::report::diagnostics_json;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Ruleset files (.chiso).
    #[arg(required = true)]
    rulesets: Vec<PathBuf>,
    /// Output: human-readable text, or a JSON list of diagnostics.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

pub fn run(args: Args) -> Outcome {
    let mut errors = 0;
    let mut warnings = 0;
    let mut json = Vec::new();
    for path in &args.rulesets {
        let name = path.display().to_string();
        let text = super::read(path)?;
        let analysis = chiso::analyze(&text);
        let e = analysis.diagnostics.iter().filter(|d| d.is_error()).count();
        errors += e;
        warnings += analysis.diagnostics.len() - e;
        match args.format {
            CheckFormat::Text => {
                super::print_diagnostics(&name, &text, &analysis.diagnostics);
                let rs = &analysis.ruleset;
                eprintln!(
                    "{name}: {}",
                    tr!(
                        "cli-check-summary",
                        errors = e,
                        warnings = analysis.diagnostics.len() - e,
                        nodes = rs.nodes.len(),
                        inputs = rs.inputs.len(),
                        tests = rs.tests.len()
                    )
                );
            }
            CheckFormat::Json => json.extend(diagnostics_json(
                &name,
                &text,
                &analysis.diagnostics,
                crate::render::lang(),
            )),
        }
    }
    if let CheckFormat::Json = args.format {
        crate::output::print(&chiso_formats::report::json_text(&json));
    }
    let _ = warnings;
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
