//! `chiso fmt`: canonical, idempotent, keeps every comment, never changes meaning.

use crate::common::En as _;
use crate::common::{read, ruleset_files, run_chiso};
use chiso::format::{format, FormatError};

/// The checked model with spans blanked (written independently of the formatter's own check):
/// every `start..end` in its Debug text becomes `_`, and rule and condition texts lose their
/// whitespace.
fn projection(source: &str) -> String {
    let mut ruleset = chiso::analyze(source).ruleset;
    // Lookup tables derived from the nodes and inputs, printed in hash order.
    ruleset.node_ids.clear();
    ruleset.input_keys.clear();
    for node in &mut ruleset.nodes {
        for t in [&mut node.rule_text, &mut node.not_evaluated_text]
            .into_iter()
            .flatten()
        {
            *t = t.split_whitespace().collect();
        }
    }
    let debug = format!("{ruleset:?}");
    let mut out = String::new();
    let chars: Vec<char> = debug.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts_number =
            chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_alphanumeric());
        if starts_number {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            let mut k = j + 2;
            while k < chars.len() && chars[k].is_ascii_digit() {
                k += 1;
            }
            if chars.get(j) == Some(&'.') && chars.get(j + 1) == Some(&'.') && k > j + 2 {
                out.push('_');
                i = k;
                continue;
            }
            out.extend(&chars[i..j]);
            i = j;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn comment_texts(source: &str) -> Vec<String> {
    chiso::syntax::comments::comments(source)
        .into_iter()
        .map(|s| source[s].to_string())
        .collect()
}

#[test]
fn every_ruleset_formats_idempotently_with_the_same_model_and_comments() {
    for path in ruleset_files() {
        let source = std::fs::read_to_string(&path).expect("read");
        let once = format(&source).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let twice =
            format(&once).unwrap_or_else(|e| panic!("{} (second pass): {e}", path.display()));
        assert_eq!(
            twice,
            once,
            "{}: second pass changed the text",
            path.display()
        );
        assert_eq!(
            projection(&once),
            projection(&source),
            "{}: the model changed",
            path.display()
        );
        assert_eq!(
            comment_texts(&once),
            comment_texts(&source),
            "{}: comments changed",
            path.display()
        );
        // The projection must see the rules, or the model comparison would prove nothing.
        if source.contains("tỷ_lệ(") || source.contains("ratio(") {
            assert!(
                projection(&source).contains("Ratio"),
                "{}: the projection sees the rules",
                path.display()
            );
        }
    }
}

#[test]
fn a_scrambled_ruleset_formats_back_to_the_canonical_text() {
    let canonical = read("rulesets/kon-tum/huyen-2023-trich.chiso");
    assert_eq!(
        format(&canonical).expect("formats"),
        canonical,
        "the example ruleset is canonical"
    );
    // Strip indentation, pad tokens, join header lines, Windows line ends, extra blank lines.
    let scrambled: String = canonical
        .lines()
        .map(|l| {
            l.trim_start()
                .replace("tỷ_lệ(", "tỷ_lệ( ")
                .replace("năm 2023", "năm   2023\t")
        })
        .collect::<Vec<_>>()
        .join("\r\n\r\n\r\n");
    assert_ne!(scrambled, canonical);
    let out = format(&scrambled).expect("formats");
    // Blank lines the user left are kept (one at most), so compare without them.
    let without_blanks = |s: &str| {
        s.lines()
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(without_blanks(&out), without_blanks(&canonical));
    assert_eq!(format(&out).expect("again"), out);
}

#[test]
fn one_line_statements_are_split_and_spacing_is_canonical() {
    let source = "ruleset \"t\" { year 2024 total 2 }\ninput n: count\narea 1 \"A\" max 2 { criterion 1.1 \"B\" max 2 { score = bands ratio( n,n ) { from 50%: max\n otherwise: 0 } } }\ntest \"x\" { given n = 1\n expect 1.1 = 2 }";
    let expected = "\
ruleset \"t\" {
  year 2024
  total 2
}

input n: count

area 1 \"A\" max 2 {
  criterion 1.1 \"B\" max 2 {
    score = bands ratio(n, n) {
      from 50%: max
      otherwise: 0
    }
  }
}

test \"x\" {
  given n = 1
  expect 1.1 = 2
}
";
    assert_eq!(format(source).expect("formats"), expected);
}

#[test]
fn a_file_with_syntax_errors_is_refused_with_its_errors() {
    let source = "ruleset \"t\" {\n  year\n}\n";
    match format(source) {
        Err(FormatError::Syntax(d)) => {
            assert_eq!(d.len(), 1);
            assert_eq!(d[0].code, "E001");
            // pest reports the place where the number was expected: the end of the line.
            let at = source.find("year").unwrap() + 4;
            assert_eq!(d[0].span, at..at + 1);
            assert_eq!(
                d[0].message.en_str(),
                "syntax error: expected a whole number, found end of line"
            );
        }
        other => panic!("expected a syntax refusal, got {other:?}"),
    }
}

#[test]
fn cli_fmt_check_then_write() {
    let dir = std::env::temp_dir().join(format!("chiso-fmt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("r.chiso");
    std::fs::write(
        &file,
        "ruleset \"t\" {   total 1 }\narea 1 \"A\" max 1 { score = 1 } # c\n",
    )
    .expect("write");
    let path = file.display().to_string();
    let (code, _, stderr) = run_chiso(&["fmt", "--check", &path]);
    assert_eq!(code, 1);
    assert!(stderr.contains("not formatted"), "{stderr}");
    let (code, _, _) = run_chiso(&["fmt", &path]);
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "ruleset \"t\" {\n  total 1\n}\n\narea 1 \"A\" max 1 {\n  score = 1\n} # c\n"
    );
    let (code, _, _) = run_chiso(&["fmt", "--check", &path]);
    assert_eq!(code, 0);
    std::fs::write(&file, "ruleset \"t\" { total }\n").expect("write");
    let (code, _, stderr) = run_chiso(&["fmt", &path]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("E001") && stderr.contains("syntax errors"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).expect("read"),
        "ruleset \"t\" { total }\n"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Whitespace perturbations of every ruleset (deterministic): each result is either refused
/// for its syntax errors or formats to a fixed point with the original's model; the formatter
/// never reaches its own safety refusal.
#[test]
fn perturbed_whitespace_formats_back_or_is_refused_never_unsafe() {
    let mut seed: u64 = 0x2023_0723;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let mut formatted = 0;
    for path in ruleset_files() {
        let source = std::fs::read_to_string(&path).expect("read");
        let canonical = format(&source).expect("formats");
        let gaps: Vec<usize> = source.match_indices([' ', '\n']).map(|(i, _)| i).collect();
        for _ in 0..100 {
            let mut text = source.clone();
            // Mostly spaces and tabs (always valid outside strings), sometimes a line break
            // (invalid inside a comment or a multi-word keyword: then refused).
            for k in 0..6 {
                let at = gaps[next(gaps.len())];
                let filler = if k == 0 {
                    ["\n", " \n  ", "\r\n", "  ", "\t"][next(5)]
                } else {
                    ["  ", "\t", " \t "][next(3)]
                };
                if at <= text.len() && text.is_char_boundary(at) {
                    text.insert_str(at, filler);
                }
            }
            match format(&text) {
                Ok(out) => {
                    formatted += 1;
                    assert_eq!(
                        format(&out).as_deref(),
                        Ok(out.as_str()),
                        "not a fixed point"
                    );
                    assert_eq!(projection(&out), projection(&text), "the model changed");
                    if projection(&text) != projection(&source) {
                        continue; // whitespace landed inside a title: a different ruleset
                    }
                    // Strings and comments are kept verbatim, spaces included: compare which
                    // characters stand on which line, whitespace aside.
                    let squeeze = |s: &str| {
                        s.lines()
                            .filter(|l| !l.trim().is_empty())
                            .map(|l| l.split_whitespace().collect::<String>())
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    let (a, b) = (squeeze(&out), squeeze(&canonical));
                    let first = a.lines().zip(b.lines()).find(|(x, y)| x != y);
                    assert_eq!(
                        a, b,
                        "a different layout: {first:?}\n--- perturbed input:\n{text}"
                    );
                }
                Err(FormatError::Syntax(_)) => {}
                Err(e) => panic!("{}: {e}\n{text}", path.display()),
            }
        }
    }
    assert!(
        formatted >= 25,
        "a good share of perturbations keep the file valid ({formatted})"
    );
}

#[test]
fn hashes_and_escaped_quotes_inside_strings_stay_as_written() {
    let source = "ruleset \"t\" { total 3 }\narea 1 \"A\" max 3 {\n  tiêu chí 1.1 “Mục #2” tối đa 1 {\n ghi chú “xem mục #3”\n      ghi chú \"cỡ 5\\\" # inch\"    # thật\n điểm = 1 }\n  tiêu chí 1.2 \"Màn hình 5\\\" #1\" tối đa 2\n}\n";
    let expected = "\
ruleset \"t\" {
  total 3
}

area 1 \"A\" max 3 {
  tiêu chí 1.1 “Mục #2” tối đa 1 {
    ghi chú “xem mục #3”
    ghi chú \"cỡ 5\\\" # inch\" # thật
    điểm = 1
  }
  tiêu chí 1.2 \"Màn hình 5\\\" #1\" tối đa 2
}
";
    let out = format(source).expect("formats");
    assert_eq!(out, expected);
    assert_eq!(format(&out).expect("again"), out);
    assert_eq!(comment_texts(&out), vec!["# thật"]);
    assert_eq!(projection(&out), projection(source));
}
