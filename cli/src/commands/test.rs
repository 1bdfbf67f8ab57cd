use super::Outcome;
use chiso::testing::run_tests;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Ruleset files whose `test` blocks to run.
    #[arg(required = true)]
    rulesets: Vec<PathBuf>,
}

pub fn run(args: Args) -> Outcome {
    let (mut passed, mut failed, mut broken) = (0, 0, 0);
    for path in &args.rulesets {
        let name = path.display().to_string();
        let Some((text, analysis)) = super::load_ruleset(path)? else {
            broken += 1;
            continue;
        };
        // "ok    " / "FAIL  ": the two words padded to one width in the reader's language.
        let width = tr!("cli-test-ok")
            .chars()
            .count()
            .max(tr!("cli-test-fail").chars().count())
            + 2;
        for outcome in run_tests(&analysis.ruleset) {
            if outcome.passed() {
                passed += 1;
                crate::output::println(&format!(
                    "{:<width$}{name}: {} ({})",
                    tr!("cli-test-ok"),
                    outcome.name,
                    tr!("cli-test-expectations", count = outcome.checked)
                ));
            } else {
                failed += 1;
                crate::output::println(&format!(
                    "{:<width$}{name}: {}",
                    tr!("cli-test-fail"),
                    outcome.name
                ));
                crate::output::print(&super::render(&name, &text, &outcome.failures));
            }
        }
    }
    if broken > 0 {
        crate::output::println(&tr!("cli-test-broken", count = broken));
    }
    crate::output::println(&format!(
        "chiso: {}",
        tr!("cli-test-summary", passed = passed, failed = failed)
    ));
    Ok(if failed > 0 || broken > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
