//! The mapping file of `chiso diff` (`--write-mapping`, `--mapping`): which old criterion
//! became which new one. Plain text, one entry a line, `#` starts a comment:
//!
//! ```text
//! # old -> new
//! 1.6.3 -> 1.6.2          # renumbered (or reworded: any matched pair)
//! 1.6.4 -> -              # removed
//! - -> 1.4.3              # added
//! 2.3 -> 2.3, 2.4         # split
//! 5.6, 5.7 -> 5.6         # merged
//! input hồ_sơ_đã_giải_quyết -> tổng_hồ_sơ   # an input renamed
//! input không_có_hồ_sơ -> -                 # an input removed
//! ```
//!
//! `→` may stand for `->`. Ids and input names are written as in the rulesets.

/// Entries of a mapping file: (old ids, new ids); an empty side is `-`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Mapping {
    /// In file order.
    pub entries: Vec<(Vec<String>, Vec<String>)>,
    /// `input OLD -> NEW` lines: (old name, new name); `None` is `-`.
    pub inputs: Vec<(Option<String>, Option<String>)>,
}

impl Mapping {
    /// Reads a mapping file. Errors name the line (1-based) and what is wrong, in the
    /// reader's language.
    pub fn parse(text: &str) -> Result<Mapping, crate::message::Message> {
        let mut entries = Vec::new();
        let mut inputs = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let line = line.replace('→', "->");
            let Some((left, right)) = line.split_once("->") else {
                return Err(crate::msg!("mapping-expected-arrow", line = number + 1));
            };
            let side = |s: &str| -> Vec<String> {
                s.split(',')
                    .map(str::trim)
                    .filter(|id| !id.is_empty() && *id != "-")
                    .map(str::to_string)
                    .collect()
            };
            if let Some(left) = left.trim().strip_prefix("input ") {
                let name = |s: &str| {
                    let s = s.trim();
                    (!s.is_empty() && s != "-").then(|| s.to_string())
                };
                let (old, new) = (name(left), name(right));
                if old.is_none() && new.is_none() {
                    return Err(crate::msg!("mapping-both-empty", line = number + 1));
                }
                inputs.push((old, new));
                continue;
            }
            let (old, new) = (side(left), side(right));
            if old.is_empty() && new.is_empty() {
                return Err(crate::msg!("mapping-both-empty", line = number + 1));
            }
            if old.len() > 1 && new.len() > 1 {
                return Err(crate::msg!("mapping-many-to-many", line = number + 1));
            }
            entries.push((old, new));
        }
        Ok(Mapping { entries, inputs })
    }

    /// The file's text, one entry a line, with a header comment in the reader's `lang`.
    pub fn write(&self, old_title: &str, new_title: &str, lang: crate::Lang) -> String {
        let mut out = String::new();
        let header = crate::msg!("mapping-header", old = old_title, new = new_title).render(lang);
        for line in header.lines() {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        let side = |ids: &[String]| {
            if ids.is_empty() {
                "-".to_string()
            } else {
                ids.join(", ")
            }
        };
        for (old, new) in &self.entries {
            out.push_str(&format!("{} -> {}\n", side(old), side(new)));
        }
        for (old, new) in &self.inputs {
            let name = |n: &Option<String>| n.clone().unwrap_or_else(|| "-".to_string());
            out.push_str(&format!("input {} -> {}\n", name(old), name(new)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_form_and_round_trips() {
        let text = "# c\n1.6.3 -> 1.6.2\n1.6.4 → -  # gone\n- -> 1.4.3\n2.3 -> 2.3, 2.4\n5.6, 5.7 -> 5.6\ninput a -> b\ninput c -> -\n";
        let m = Mapping::parse(text).unwrap();
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(
            m.entries,
            vec![
                (s(&["1.6.3"]), s(&["1.6.2"])),
                (s(&["1.6.4"]), s(&[])),
                (s(&[]), s(&["1.4.3"])),
                (s(&["2.3"]), s(&["2.3", "2.4"])),
                (s(&["5.6", "5.7"]), s(&["5.6"])),
            ]
        );
        assert_eq!(
            m.inputs,
            vec![
                (Some("a".into()), Some("b".into())),
                (Some("c".into()), None)
            ]
        );
        assert_eq!(
            Mapping::parse(&m.write("a", "b", crate::Lang::Vi)).unwrap(),
            m
        );
        assert!(Mapping::parse("1.1 1.2")
            .unwrap_err()
            .en()
            .starts_with("line 1"));
        assert!(Mapping::parse("1.1 1.2")
            .unwrap_err()
            .render(crate::Lang::Vi)
            .starts_with("dòng 1"));
        assert!(Mapping::parse("1, 2 -> 3, 4").is_err());
    }
}
