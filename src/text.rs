//! Vietnamese text: name keys, diacritic folding, and decimal numbers as officials write them.

use rust_decimal::Decimal;
use std::str::FromStr;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds one character for keyword matching: lowercase, diacritics removed, đ → d.
/// Returns `None` for a combining mark (it belongs to the previous character).
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_combining_mark(c) {
        return None;
    }
    if c == 'đ' || c == 'Đ' {
        return Some('d');
    }
    // The first char of the canonical decomposition is the base letter (no allocation).
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    let base = base.unwrap_or(c);
    Some(base.to_lowercase().next().unwrap_or(base))
}

/// Lowercase text without diacritics: "Hồ sơ Đăk" → "ho so dak". For keyword matching,
/// "did you mean", and completion that works whether or not the user typed the marks.
pub fn fold(text: &str) -> String {
    text.chars().filter_map(fold_char).collect()
}

/// The identity of a user-written name: NFC, with the tone mark of "oa", "oe", "uy" placed
/// on the second vowel, so that "hóa"/"hoá" and "thủy"/"thuỷ" name the same thing whichever
/// keyboard typed them. Case is kept: names are case-sensitive.
pub fn name_key(text: &str) -> String {
    if text.is_ascii() {
        return text.to_string();
    }
    let nfd: Vec<char> = text.nfd().collect();
    // Move a tone mark that follows o/u in "o◌a", "o◌e", "u◌y" (syllable-final) to after the
    // second vowel. Work on NFD, where the tone is a separate combining char.
    let mut out: Vec<char> = Vec::with_capacity(nfd.len());
    let mut i = 0;
    while i < nfd.len() {
        let c = nfd[i];
        if matches!(c.to_ascii_lowercase(), 'o' | 'u') && i + 2 < nfd.len() && is_tone(nfd[i + 1]) {
            let second = nfd[i + 2];
            let pair_ok = matches!(
                (c.to_ascii_lowercase(), second.to_ascii_lowercase()),
                ('o', 'a') | ('o', 'e') | ('u', 'y')
            );
            // The second vowel must end the syllable (no further letter), else the placement
            // is already the only correct one ("hoàn" is never written "hòan").
            let mut j = i + 3;
            while j < nfd.len() && is_combining_mark(nfd[j]) && !is_tone(nfd[j]) {
                j += 1;
            }
            let ends = j >= nfd.len() || !nfd[j].is_alphabetic();
            if pair_ok && ends {
                out.push(c);
                out.push(second);
                out.extend(nfd[i + 3..j].iter().copied());
                out.push(nfd[i + 1]);
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out.into_iter().nfc().collect()
}

/// The identity of a unit (an office) across files, sheet rows, stages, targets and the
/// CLI's `--unit NAME`: its [`name_key`] with surrounding and repeated whitespace ignored, and
/// without case ("UBND huyện  Đăk Tô " and "ubnd Huyện Đăk Tô" are one unit). Unlike names in
/// a ruleset, unit names are typed by many hands into many sheets: case and spacing are
/// noise there.
pub fn unit_key(name: &str) -> String {
    let spaced: Vec<&str> = name.split_whitespace().collect();
    name_key(&spaced.join(" ")).to_lowercase()
}

/// Whether two unit names name the same unit ([`unit_key`]).
pub fn same_unit(a: &str, b: &str) -> bool {
    unit_key(a) == unit_key(b)
}

/// The five Vietnamese tone marks as combining characters.
fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// How a data file writes decimals in text values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DecimalSeparator {
    /// Undeclared: a single `,` or `.` is the decimal separator; thousands groups are refused
    /// rather than guessed.
    #[default]
    Either,
    /// `,` is decimal and `.` groups thousands: "1.253,5".
    Comma,
    /// `.` is decimal and `,` groups thousands: "1,253.5".
    Point,
}

/// Parses a decimal written as text: "0,14", "0.14", "57,89%" (→ 0.5789 when `percent_sign`
/// is honoured by the caller), "1.253" with a declared comma separator (→ 1253).
/// Returns the value and whether a trailing `%` was present.
pub fn parse_decimal_text(
    text: &str,
    separator: DecimalSeparator,
) -> Result<(Decimal, bool), crate::message::Message> {
    use crate::msg;
    let trimmed = text.trim();
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(rest) => (rest.trim_end(), true),
        None => (trimmed, false),
    };
    if body.is_empty() {
        return Err(msg!("number-empty"));
    }
    // Spaces of every width group thousands ("2 534", "2\u{a0}534", "2\u{202f}534"); an
    // invisible character that is no space is named, never silently dropped or guessed.
    let cleaned: String = body.chars().filter(|&c| !is_gap(c)).collect();
    if let Some(c) = cleaned.chars().find(|&c| invisible_name(c).is_some()) {
        return Err(msg!(
            "number-invisible-character",
            number = body,
            character = invisible_name(c).unwrap_or_default()
        ));
    }
    let normalized = match separator {
        DecimalSeparator::Comma => cleaned.replace('.', "").replace(',', "."),
        DecimalSeparator::Point => cleaned.replace(',', ""),
        DecimalSeparator::Either => {
            let commas = cleaned.matches(',').count();
            let points = cleaned.matches('.').count();
            if commas + points > 1 {
                return Err(msg!("number-several-separators", number = body));
            }
            cleaned.replace(',', ".")
        }
    };
    if !normalized
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return Err(msg!("number-not-a-number", number = body));
    }
    Decimal::from_str(&normalized)
        .map(|d| (d, percent))
        .map_err(|_| msg!("number-not-a-number", number = body))
}

/// A space that may group thousands in a number: the ordinary space, the no-break space
/// (U+00A0, what Excel and Word put in "2 534"), the narrow no-break space (U+202F, the French
/// and Vietnamese typographic gap), thin (U+2009) and figure (U+2007) spaces, and `_`.
fn is_gap(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '_'
    )
}

/// The code point and name of a character a reader cannot see in a number (zero-width and
/// other format characters, other spaces), for the error.
fn invisible_name(c: char) -> Option<String> {
    let name = match c {
        '\u{200b}' => "zero-width space",
        '\u{200c}' => "zero-width non-joiner",
        '\u{200d}' => "zero-width joiner",
        '\u{2060}' => "word joiner",
        '\u{feff}' => "zero-width no-break space (BOM)",
        '\u{00ad}' => "soft hyphen",
        '\u{200e}' => "left-to-right mark",
        '\u{200f}' => "right-to-left mark",
        '\t' => "tab",
        c if c.is_whitespace() => "a space",
        c if c.is_control() => "a control character",
        _ => return None,
    };
    Some(format!("U+{:04X} {name}", u32::from(c)))
}

/// Formats a decimal as officials read it: no trailing zeros, point separator ("0.14", "3.88").
/// This is the machine form (JSON, CSV for tools, messages quoting a ruleset); a report a person
/// reads uses [`format_number`] with [`NumberStyle::Vietnamese`].
pub fn format_decimal(value: Decimal) -> String {
    format_number(value, NumberStyle::Machine)
}

/// How a number is written for its reader. The one place that decides it: every
/// human-facing report (table, Markdown, HTML, xlsx number formats) and every machine format
/// (JSON, CSV for tools) goes through [`format_number`] / [`format_percent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NumberStyle {
    /// As Vietnamese documents write numbers: decimal comma and a dot between thousands
    /// (`94,89`, `2.534`, `12.345,5`) — the convention of administrative documents
    /// (dấu phẩy thập phân, dấu chấm phân cách hàng nghìn).
    #[default]
    Vietnamese,
    /// For programs: decimal point, no grouping (`94.89`, `2534`).
    Machine,
}

/// `value` without trailing zeros, written in `style`: `format_number(dec!(2534.50),
/// Vietnamese)` is `"2.534,5"`, in `Machine` style `"2534.5"`. Rounding is the caller's (a
/// value is shown as computed; rounding happens only where the ruleset declares it).
pub fn format_number(value: Decimal, style: NumberStyle) -> String {
    let mut out = String::with_capacity(12);
    push_number(&mut out, value, style);
    out
}

/// [`format_number`] appended to `out`, without allocating: the reports write millions of
/// numbers (a 10,000-unit table holds 5 million), and a `String` per number was a fifth of
/// their time.
pub fn push_number(out: &mut String, value: Decimal, style: NumberStyle) {
    out.push_str(NumberText::new(value, style).as_str());
}

/// A number's text ([`format_number`]) held in a fixed buffer, for writers that pass it on
/// (a JSON serializer) rather than keep it. The digits are those of `Decimal`'s `Display` of
/// the normalized value (checked against it in the tests), grouped and separated as
/// [`styled`] does.
pub struct NumberText {
    buf: [u8; 64],
    len: usize,
}

impl NumberText {
    /// `value` without trailing zeros, written in `style`.
    pub fn new(value: Decimal, style: NumberStyle) -> Self {
        // A Decimal's mantissa has 96 bits: at most 29 digits.
        let mut digits_buf = [0u8; 32];
        let mut at = digits_buf.len();
        let mantissa = value.mantissa().unsigned_abs();
        if let Ok(mut m) = u64::try_from(mantissa) {
            loop {
                at -= 1;
                digits_buf[at] = b'0' + (m % 10) as u8;
                m /= 10;
                if m == 0 {
                    break;
                }
            }
        } else {
            let mut m = mantissa;
            while m != 0 {
                at -= 1;
                digits_buf[at] = b'0' + (m % 10) as u8;
                m /= 10;
            }
        }
        // Trailing zeros after the point dropped, as `normalize` drops them (from the
        // digits, not by dividing the 96-bit mantissa again); zero is "0".
        let mut end = digits_buf.len();
        let mut scale = value.scale() as usize;
        if mantissa == 0 {
            scale = 0;
        }
        while scale > 0 && digits_buf[end - 1] == b'0' {
            end -= 1;
            scale -= 1;
        }
        let digits = &digits_buf[at..end];
        // Sign, 29 digits with 9 group marks, point and up to 28 zeros: under 64 bytes.
        let mut text = NumberText {
            buf: [0; 64],
            len: 0,
        };
        let mut push = |b: u8| {
            text.buf[text.len] = b;
            text.len += 1;
        };
        // `Display` writes a minus before any negative value but zero.
        if value.is_sign_negative() && mantissa != 0 {
            push(b'-');
        }
        let (int, frac): (&[u8], &[u8]) = if scale >= digits.len() {
            (b"0", digits)
        } else {
            digits.split_at(digits.len() - scale)
        };
        let (group, point) = match style {
            NumberStyle::Machine => (None, b'.'),
            NumberStyle::Vietnamese => (Some(b'.'), b','),
        };
        for (i, &d) in int.iter().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                if let Some(g) = group {
                    push(g);
                }
            }
            push(d);
        }
        if scale > 0 {
            push(point);
            // Zeros between the point and the first digit (0.05: mantissa 5, scale 2).
            for _ in frac.len()..scale {
                push(b'0');
            }
            for &d in frac {
                push(d);
            }
        }
        text
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        // Only ASCII digits, signs and separators were written.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

/// `value` with exactly `places` decimals, trailing zeros kept (`86,471`, `85,900`), in
/// `style`: for a report that states the precision it prints (`display 3 places`). The value
/// is rounded half away from zero for display only; the computation is not changed.
pub fn format_fixed(value: Decimal, places: u32, style: NumberStyle) -> String {
    let mut shown =
        value.round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    shown.rescale(places);
    styled(shown.to_string(), style)
}

/// A number's machine text (`-1234.5`) written in `style`.
fn styled(text: String, style: NumberStyle) -> String {
    match style {
        NumberStyle::Machine => text,
        NumberStyle::Vietnamese => {
            let (sign, digits) = match text.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", text.as_str()),
            };
            let (int, frac) = match digits.split_once('.') {
                Some((i, f)) => (i, Some(f)),
                None => (digits, None),
            };
            let mut out = String::with_capacity(text.len() + int.len() / 3 + 1);
            out.push_str(sign);
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    out.push('.');
                }
                out.push(c);
            }
            if let Some(f) = frac {
                out.push(',');
                out.push_str(f);
            }
            out
        }
    }
}

/// A percentage (0–100, not a fraction) with its sign: `"94,89%"` (Vietnamese) or
/// `"94.89%"` (machine).
pub fn format_percent(value: Decimal, style: NumberStyle) -> String {
    let mut text = format_number(value, style);
    text.push('%');
    text
}

/// The closest candidate to `name` (compared without diacritics), if close enough to suggest.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let folded = fold(name);
    candidates
        .into_iter()
        .map(|c| (c, strsim::jaro_winkler(&folded, &fold(c))))
        .filter(|(_, score)| *score >= 0.8)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn vietnamese_numbers_use_a_decimal_comma_and_group_thousands_with_a_dot() {
        let vi = |d| format_number(d, NumberStyle::Vietnamese);
        assert_eq!(vi(dec!(94.89)), "94,89");
        assert_eq!(vi(dec!(44.60)), "44,6");
        assert_eq!(vi(dec!(2534)), "2.534");
        assert_eq!(vi(dec!(-12345.5)), "-12.345,5");
        assert_eq!(vi(dec!(100)), "100");
        assert_eq!(vi(dec!(0.14)), "0,14");
        assert_eq!(vi(dec!(1234567)), "1.234.567");
        assert_eq!(format_number(dec!(2534.50), NumberStyle::Machine), "2534.5");
        assert_eq!(
            format_percent(dec!(94.89), NumberStyle::Vietnamese),
            "94,89%"
        );
        assert_eq!(format_percent(dec!(94.89), NumberStyle::Machine), "94.89%");
    }

    /// `push_number` writes its own digits: they must be rust_decimal's, for every scale,
    /// sign, size (past `u64` into the 96-bit mantissa) and trailing zeros, -0 included.
    #[test]
    fn numbers_written_without_allocating_are_rust_decimals_own_text() {
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            Decimal::new(-0, 3),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(5, 28),
            Decimal::new(-5, 28),
            Decimal::new(1_000, 3),
            Decimal::new(-1_000_000, 2),
            Decimal::from_i128_with_scale(12_345_678_901_234_567_890_123_456_789, 10),
            Decimal::from_i128_with_scale(18_446_744_073_709_551_616, 0),
            Decimal::from_i128_with_scale(18_446_744_073_709_551_615, 4),
        ];
        // A deterministic spread of mantissas and scales (a linear congruential sequence).
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..20_000 {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let digits = (x >> 59) as u32; // 0..=31: how big the mantissa is
            let mantissa = i128::from(x >> 8) % 10i128.pow(digits.min(17)) * (x as i128 % 7 - 3);
            let scale = ((x >> 3) % 29) as u32;
            values.push(Decimal::from_i128_with_scale(mantissa, scale));
        }
        for value in values {
            for style in [NumberStyle::Machine, NumberStyle::Vietnamese] {
                let mut out = String::from("x");
                push_number(&mut out, value, style);
                assert_eq!(
                    out[1..],
                    styled(value.normalize().to_string(), style),
                    "{value:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_are_written_as_decimal_display_writes_them() {
        // The reference: `Display` of the normalized value, then the Vietnamese separators.
        let reference = |d: Decimal, style| styled(d.normalize().to_string(), style);
        let mut values = vec![
            Decimal::ZERO,
            -Decimal::ZERO,
            dec!(-0.000),
            dec!(0.05),
            dec!(-0.05),
            dec!(0.0000000000000000000000000001),
            dec!(1.10),
            dec!(100.00),
            dec!(-12345.5),
            dec!(999999.999),
            dec!(1000000),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(u64::MAX as i64, 3),
            Decimal::from_i128_with_scale(18_446_744_073_709_551_616, 0),
            Decimal::from_i128_with_scale(-18_446_744_073_709_551_617, 7),
        ];
        // Every scale, and values on both sides of each power of ten.
        for scale in 0..=28 {
            for m in [1i64, 7, 10, 99, 100, 1001, 123_456_789, -5, -1000, i64::MAX] {
                values.push(Decimal::new(m, scale));
            }
        }
        for v in values {
            for style in [NumberStyle::Machine, NumberStyle::Vietnamese] {
                assert_eq!(format_number(v, style), reference(v, style), "{v:?}");
            }
        }
    }

    #[test]
    fn spaces_of_every_width_group_thousands_and_invisible_characters_are_named() {
        let read = |t: &str| parse_decimal_text(t, DecimalSeparator::Either);
        // 2534 dossiers (seed 004, 7.2.2) written with each kind of gap.
        for gap in [" ", "\u{a0}", "\u{202f}", "\u{2009}", "\u{2007}"] {
            assert_eq!(
                read(&format!("2{gap}534")),
                Ok((dec!(2534), false)),
                "{gap:?}"
            );
        }
        assert_eq!(read("57,89\u{a0}%"), Ok((dec!(57.89), true)));
        let err = read("2\u{200b}534").unwrap_err().en();
        assert!(err.contains("U+200B zero-width space"), "{err}");
        let err = read("\u{feff}169").unwrap_err().en();
        assert!(err.contains("U+FEFF"), "{err}");
        let err = read("16\u{ad}9").unwrap_err().en();
        assert!(err.contains("U+00AD soft hyphen"), "{err}");
    }

    #[test]
    fn fold_removes_marks_and_case() {
        assert_eq!(fold("Tiêu chí THÀNH PHẦN Đăk"), "tieu chi thanh phan dak");
        // NFD input folds the same as NFC.
        let nfd: String = "Tiêu chí".nfd().collect();
        assert_eq!(fold(&nfd), "tieu chi");
    }

    #[test]
    fn unit_identity_ignores_case_spacing_and_tone_placement() {
        assert!(same_unit("UBND huyện Đăk Tô", " ubnd  Huyện Đăk Tô "));
        // "hoà" (old tone placement) and "hòa", NFD and NFC
        assert!(same_unit("Xã Hoà Bình", "xã hòa bình"));
        assert!(same_unit("Sở Tư pháp", "Sở Tư pha\u{301}p"));
        assert!(!same_unit("UBND huyện A", "UBND huyện B"));
        assert!(
            !same_unit("Đăk Tô", "Dak To"),
            "diacritics are part of the name"
        );
        assert_eq!(unit_key("  Sở  Y tế "), "sở y tế");
    }

    #[test]
    fn name_key_unifies_tone_placement_and_normal_forms() {
        assert_eq!(name_key("hóa"), name_key("hoá"));
        assert_eq!(name_key("Thủy"), name_key("Thuỷ"));
        assert_eq!(name_key("khỏe"), name_key("khoẻ"));
        let nfd: String = "hồ_sơ".nfd().collect();
        assert_eq!(name_key(&nfd), name_key("hồ_sơ"));
        // A different word stays different.
        assert_ne!(name_key("bàn"), name_key("bán"));
        // "hoàn" has a final consonant: nothing moves.
        assert_eq!(name_key("hoàn"), "hoàn");
    }

    #[test]
    fn decimal_text_forms() {
        assert_eq!(
            parse_decimal_text("0,14", DecimalSeparator::Either),
            Ok((dec!(0.14), false))
        );
        assert_eq!(
            parse_decimal_text("0.14", DecimalSeparator::Either),
            Ok((dec!(0.14), false))
        );
        assert_eq!(
            parse_decimal_text("57,89%", DecimalSeparator::Either),
            Ok((dec!(57.89), true))
        );
        assert_eq!(
            parse_decimal_text("1.253", DecimalSeparator::Comma),
            Ok((dec!(1253), false))
        );
        assert_eq!(
            parse_decimal_text("1.253,5", DecimalSeparator::Comma),
            Ok((dec!(1253.5), false))
        );
        assert!(parse_decimal_text("1.253,5", DecimalSeparator::Either).is_err());
        assert!(parse_decimal_text("abc", DecimalSeparator::Either).is_err());
        assert!(parse_decimal_text("", DecimalSeparator::Either).is_err());
    }

    #[test]
    fn suggestions_ignore_diacritics() {
        let names = ["hồ_sơ_trực_tuyến", "tổng_hồ_sơ"];
        assert_eq!(
            did_you_mean("ho_so_truc_tuyen", names),
            Some("hồ_sơ_trực_tuyến")
        );
        assert_eq!(did_you_mean("xyz", names), None);
    }
}
