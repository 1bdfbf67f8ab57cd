//! Title similarity for matching criteria across two years: Vietnamese-aware word overlap.
//!
//! A title becomes a set of words: NFC, folded (no diacritics, lowercase, đ → d, see
//! [`crate::text::fold`]), split on anything that is not a letter or digit, with the
//! abbreviations decrees use interchangeably with their long form expanded (UBND → "uy ban
//! nhan dan", CCHC → "cai cach hanh chinh", …). Two sets are compared by the Dice coefficient
//! and by containment (the share of the shorter title's words found in the longer one, when the
//! shorter has at least four words), on the whole titles and on the titles without their
//! parenthesised remarks; the best of these is the similarity, in per mille (0–1000).

use std::collections::BTreeSet;
use unicode_normalization::UnicodeNormalization;

/// Abbreviations written in either form in Kon Tum and Điện Biên tables, folded.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ubnd", "uy ban nhan dan"),
    ("hdnd", "hoi dong nhan dan"),
    ("cchc", "cai cach hanh chinh"),
    ("tthc", "thu tuc hanh chinh"),
    ("vbqppl", "van ban quy pham phap luat"),
    ("qppl", "quy pham phap luat"),
    ("cbccvc", "can bo cong chuc vien chuc"),
    ("cbcccvc", "can bo cong chuc vien chuc"),
    ("cbcc", "can bo cong chuc"),
    ("ccvc", "cong chuc vien chuc"),
    ("dvctt", "dich vu cong truc tuyen"),
    ("cntt", "cong nghe thong tin"),
    ("pakn", "phan anh kien nghi"),
    ("dtxhh", "dieu tra xa hoi hoc"),
];

/// The words of a title: folded, abbreviations expanded, as a set.
pub fn words(title: &str) -> BTreeSet<String> {
    let folded = crate::text::fold(&title.nfc().collect::<String>());
    let mut out = BTreeSet::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        match ABBREVIATIONS.iter().find(|(short, _)| *short == word) {
            Some((_, long)) => out.extend(long.split(' ').map(str::to_string)),
            None => {
                out.insert(word.to_string());
            }
        }
    }
    out
}

/// The title without parenthesised remarks ("(không tính …)", "(tên … không nêu …)").
fn without_remarks(title: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in title.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Similarity of two word sets, per mille: the Dice coefficient, or 9/10 of the containment
/// of the shorter set in the longer when the shorter has at least four words.
pub fn set_similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> u32 {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let common = a.intersection(b).count();
    let dice = (2000 * common / (a.len() + b.len())) as u32;
    let shorter = a.len().min(b.len());
    let contain = if shorter >= 4 {
        (900 * common / shorter) as u32
    } else {
        0
    };
    dice.max(contain)
}

/// Share of `part`'s words found in `whole`, per mille (for splits and merges).
pub fn part_of(part: &BTreeSet<String>, whole: &BTreeSet<String>) -> u32 {
    if part.is_empty() {
        return 0;
    }
    (1000 * part.intersection(whole).count() / part.len()) as u32
}

/// A title prepared for comparison: its words with and without remarks.
#[derive(Debug, Clone)]
pub struct TitleWords {
    /// Every word.
    pub all: BTreeSet<String>,
    /// The words outside parentheses.
    pub plain: BTreeSet<String>,
}

impl TitleWords {
    /// Prepares `title`.
    pub fn new(title: &str) -> Self {
        TitleWords {
            all: words(title),
            plain: words(&without_remarks(title)),
        }
    }

    /// Similarity with another title, per mille: the best of whole and plain titles.
    pub fn similarity(&self, other: &TitleWords) -> u32 {
        set_similarity(&self.all, &other.all).max(set_similarity(&self.plain, &other.plain))
    }
}

/// Similarity of two titles, per mille (see the module documentation).
pub fn similarity(a: &str, b: &str) -> u32 {
    TitleWords::new(a).similarity(&TitleWords::new(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_and_diacritics_do_not_separate_titles() {
        // 2022 1.6.3 and 2023 1.6.2 of Kon Tum's district set: the same words once UBND is
        // spelled out: {thuc hien chuong trinh cong tac cua uy ban nhan dan tinh}.
        assert_eq!(
            similarity(
                "Thực hiện Chương trình công tác của Ủy ban nhân dân tỉnh",
                "Thực hiện Chương trình công tác của UBND tỉnh"
            ),
            1000
        );
        // NFD vs NFC, other tone placement.
        assert_eq!(similarity("Hoá đơn", "Ho\u{0301}a đơn"), 1000);
    }

    #[test]
    fn dice_and_containment_by_hand() {
        // {a b c d} vs {a b e f}: 2·2/8 = 500; shorter has 4 words: 900·2/4 = 450 → 500.
        assert_eq!(similarity("a b c d", "a b e f"), 500);
        // {a b c d} ⊂ {a b c d e f g h}: Dice 2·4/12 = 666, containment 900 → 900.
        assert_eq!(similarity("a b c d", "a b c d e f g h"), 900);
        // three words: containment not used; Dice 2·3/9 = 666.
        assert_eq!(similarity("a b c", "a b c d e f"), 666);
        // remarks in parentheses are compared without them too.
        assert_eq!(similarity("x y (p q r s t u)", "x y"), 1000);
    }
}
