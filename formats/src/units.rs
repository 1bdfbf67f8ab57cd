//! Units from files and sheets: the [`Units`] sources a batch reads.

use crate::sheet::{Sheet, SheetProblem};
use crate::unit_file::DataFormat;
use chiso::batch::{Loaded, Origin, Problem, Units};
use chiso::data::resolve;
use chiso::diagnostic::{has_errors, Diagnostic};
use chiso::model::Ruleset;
use chiso::place::Place;

/// Unit files already read into memory: `(name, text)`, TOML or JSON by the name.
pub struct FileUnits {
    pub files: Vec<(String, String)>,
}

impl Units for FileUnits {
    fn count(&self) -> usize {
        self.files.len()
    }

    fn load(&self, ruleset: &Ruleset, index: usize) -> Loaded {
        let (name, text) = &self.files[index];
        let (data, diagnostics) = crate::unit_file::load(ruleset, text, DataFormat::of(name, text));
        let unit = data.as_ref().map(|d| d.unit.clone());
        let bad = data.is_none() || has_errors(&diagnostics);
        Loaded {
            origin: Origin::File(name.clone()),
            unit: unit.clone().filter(|u| !u.is_empty()),
            stage: data.as_ref().map(|d| d.stage),
            group: data.as_ref().and_then(|d| d.group),
            data: if bad { None } else { data },
            problems: diagnostics
                .into_iter()
                .map(|d| Problem {
                    place: Place::Text {
                        file: name.clone(),
                        span: d.span.clone(),
                    },
                    unit: unit.clone(),
                    diagnostic: d,
                })
                .collect(),
        }
    }
}

/// The rows of a sheet: one unit per row.
pub struct SheetUnits {
    pub file: String,
    pub sheet: Sheet,
    rows: Vec<usize>,
}

impl SheetUnits {
    pub fn new(file: impl Into<String>, sheet: Sheet) -> Self {
        let rows = sheet.data_rows();
        SheetUnits {
            file: file.into(),
            sheet,
            rows,
        }
    }
}

impl Units for SheetUnits {
    fn count(&self) -> usize {
        self.rows.len()
    }

    fn load(&self, ruleset: &Ruleset, index: usize) -> Loaded {
        let (row, sheet_problems) = self.sheet.row(ruleset, self.rows[index]);
        let unit = row
            .raw
            .unit
            .as_ref()
            .map(|(u, _)| u.clone())
            .filter(|u| !u.is_empty());
        let mut problems: Vec<Problem> = sheet_problems
            .into_iter()
            .map(|p| self.problem(p))
            .collect();
        let origin = Origin::Row {
            file: self.file.clone(),
            row: row.row,
        };
        let mut raw = row.raw;
        if unit.is_none() {
            problems.push(Problem {
                place: Place::row(&self.file, self.sheet.name.clone(), row.row),
                unit: None,
                diagnostic: Diagnostic::error("D003", 0..0, chiso::msg!("d003-row-no-unit"))
                    .with_help(chiso::msg!("d003-row-no-unit-help")),
            });
            raw.unit = Some((String::new(), 0..0));
        }
        let (data, mut diagnostics) = resolve(ruleset, &raw);
        diagnostics.extend(chiso::data::missing_group(ruleset, &raw));
        let bad = has_errors(&diagnostics) || problems.iter().any(|p| p.diagnostic.is_error());
        for d in diagnostics {
            let placed = self.sheet.place(row.row, unit.as_deref(), d);
            problems.push(self.problem(placed));
        }
        Loaded {
            origin,
            unit,
            stage: Some(data.stage),
            group: data.group,
            data: if bad { None } else { Some(data) },
            problems,
        }
    }

    fn problems(&self) -> Vec<Problem> {
        self.sheet
            .problems
            .iter()
            .cloned()
            .map(|p| self.problem(p))
            .collect()
    }
}

impl SheetUnits {
    fn problem(&self, p: SheetProblem) -> Problem {
        Problem {
            place: p.place(&self.file, self.sheet.name.as_deref()),
            unit: p.unit,
            diagnostic: p.diagnostic,
        }
    }
}
