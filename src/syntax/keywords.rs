//! The language's keywords, English and Vietnamese, with where they are written and what they
//! mean: the table behind keyword completion and keyword hovers. The grammar is the authority
//! on spelling; this table lists the form each completion inserts.

/// Where a statement is being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Top level of the file.
    Top,
    /// Inside `ruleset { … }`.
    Header,
    /// Inside an area's or criterion's `{ … }`.
    Node,
    /// Inside `bands … { … }`, at the start of an arm.
    Bands,
    /// Inside `test { … }`.
    Test,
    /// Inside an expression (a rule, a condition, a band's value).
    Expr,
    /// After `input name:`.
    InputType,
}

/// One keyword of the language, as completion inserts it and hovers describe it.
#[derive(Debug, PartialEq, Eq)]
pub struct Keyword {
    /// The English form (`ruleset`).
    pub en: &'static str,
    /// The Vietnamese form with diacritics (`bộ tiêu chí`).
    pub vi: &'static str,
    /// Other spellings the grammar accepts (folded, no diacritics), for hovers.
    pub also: &'static [&'static str],
    /// Where it may start a statement or be written; empty for words that only follow another
    /// keyword (`dated` after `decree`).
    pub places: &'static [Place],
    /// The catalogue id (`kwdoc-…`) of one paragraph for hovers and completion: the
    /// Vietnamese term, then what it means, in the reader's language.
    pub doc: &'static str,
}

use Place::*;

/// Every keyword, grouped by the place it is written in.
// One keyword a line: the table reads as a table.
#[rustfmt::skip]
pub const KEYWORDS: &[Keyword] = &[
    // ── top level
    Keyword { en: "ruleset", vi: "bộ tiêu chí", also: &["bo chi so"], places: &[Top], doc: "kwdoc-ruleset" },
    Keyword { en: "input", vi: "đầu vào", also: &[], places: &[Top], doc: "kwdoc-input" },
    Keyword { en: "area", vi: "lĩnh vực", also: &[], places: &[Top], doc: "kwdoc-area" },
    Keyword { en: "test", vi: "kiểm thử", also: &[], places: &[Top], doc: "kwdoc-test" },
    // ── header
    Keyword { en: "issuer", vi: "cơ quan ban hành", also: &[], places: &[Header], doc: "kwdoc-issuer" },
    Keyword { en: "decree", vi: "quyết định", also: &[], places: &[Header], doc: "kwdoc-decree" },
    Keyword { en: "dated", vi: "ngày", also: &[], places: &[], doc: "kwdoc-dated" },
    Keyword { en: "year", vi: "năm", also: &[], places: &[Header], doc: "kwdoc-year" },
    Keyword { en: "level", vi: "cấp", also: &[], places: &[Header], doc: "kwdoc-level" },
    Keyword { en: "total", vi: "tổng điểm", also: &[], places: &[Header], doc: "kwdoc-total" },
    Keyword { en: "areas", vi: "số lĩnh vực", also: &[], places: &[Header], doc: "kwdoc-areas" },
    Keyword { en: "criteria", vi: "số tiêu chí", also: &[], places: &[Header], doc: "kwdoc-criteria" },
    Keyword { en: "subcriteria", vi: "số tiêu chí thành phần", also: &[], places: &[Header], doc: "kwdoc-subcriteria" },
    Keyword { en: "share", vi: "tỷ trọng", also: &["ti trong"], places: &[Header], doc: "kwdoc-share" },
    Keyword { en: "grade", vi: "xếp loại", also: &[], places: &[Header, Test], doc: "kwdoc-grade" },
    Keyword { en: "stages", vi: "giai đoạn", also: &[], places: &[Header], doc: "kwdoc-stages" },
    Keyword { en: "group", vi: "nhóm", also: &[], places: &[Header], doc: "kwdoc-group" },
    Keyword { en: "rounding", vi: "làm tròn", also: &["round"], places: &[Header, Node], doc: "kwdoc-rounding" },
    Keyword { en: "percent from rounded total", vi: "phần trăm theo tổng đã làm tròn", also: &[], places: &[Header], doc: "kwdoc-percent-from-rounded-total" },
    Keyword { en: "grade on points", vi: "xếp loại theo điểm", also: &["grade on percent", "xep loai theo phan tram"], places: &[Header], doc: "kwdoc-grade-on-points" },
    Keyword { en: "penalty", vi: "điểm trừ", also: &["diem phat"], places: &[Top, Header], doc: "kwdoc-penalty" },
    Keyword { en: "floor", vi: "điểm sàn", also: &[], places: &[Header], doc: "kwdoc-floor" },
    Keyword { en: "display", vi: "hiển thị", also: &[], places: &[Header], doc: "kwdoc-display" },
    Keyword { en: "zero denominator", vi: "mẫu số bằng 0", also: &["mau so 0"], places: &[Header, Node], doc: "kwdoc-zero-denominator" },
    // ── nodes
    Keyword { en: "criterion", vi: "tiêu chí", also: &["tc"], places: &[Node], doc: "kwdoc-criterion" },
    Keyword { en: "subcriterion", vi: "tiêu chí thành phần", also: &["tctp"], places: &[Node], doc: "kwdoc-subcriterion" },
    Keyword { en: "max", vi: "tối đa", also: &["diem chuan"], places: &[Node, Expr, Test], doc: "kwdoc-max" },
    Keyword { en: "owner", vi: "chủ trì", also: &[], places: &[Node, InputType], doc: "kwdoc-owner" },
    Keyword { en: "source", vi: "nguồn", also: &[], places: &[Node], doc: "kwdoc-source" },
    Keyword { en: "bonus", vi: "điểm thưởng", also: &[], places: &[Node, Top, Header], doc: "kwdoc-bonus" },
    Keyword { en: "note", vi: "ghi chú", also: &[], places: &[Node], doc: "kwdoc-note" },
    Keyword { en: "ref", vi: "căn cứ", also: &["reference", "trich dan"], places: &[Node], doc: "kwdoc-ref" },
    Keyword { en: "not evaluated", vi: "không đánh giá", also: &[], places: &[Node, Test], doc: "kwdoc-not-evaluated" },
    Keyword { en: "when", vi: "khi", also: &[], places: &[], doc: "kwdoc-when" },
    Keyword { en: "because", vi: "vì", also: &["ly do"], places: &[], doc: "kwdoc-because" },
    Keyword { en: "score", vi: "điểm", also: &[], places: &[Node], doc: "kwdoc-score" },
    // ── expressions
    Keyword { en: "if", vi: "nếu", also: &[], places: &[Expr], doc: "kwdoc-if" },
    Keyword { en: "then", vi: "thì", also: &[], places: &[Expr], doc: "kwdoc-then" },
    Keyword { en: "else", vi: "ngược lại", also: &["con khong"], places: &[Expr], doc: "kwdoc-else" },
    Keyword { en: "bands", vi: "bậc", also: &[], places: &[Expr], doc: "kwdoc-bands" },
    Keyword { en: "and", vi: "và", also: &[], places: &[Expr], doc: "kwdoc-and" },
    Keyword { en: "or", vi: "hoặc", also: &[], places: &[Expr], doc: "kwdoc-or" },
    Keyword { en: "not", vi: "không phải", also: &[], places: &[Expr], doc: "kwdoc-not" },
    Keyword { en: "awarded", vi: "hội đồng chấm", also: &[], places: &[Expr], doc: "kwdoc-awarded" },
    Keyword { en: "yes", vi: "có", also: &["true", "dung"], places: &[Expr], doc: "kwdoc-yes" },
    Keyword { en: "no", vi: "không", also: &["false", "sai"], places: &[Expr], doc: "kwdoc-no" },
    Keyword { en: "date", vi: "ngày", also: &[], places: &[Expr], doc: "kwdoc-date" },
    // ── bands
    Keyword { en: "from", vi: "từ", also: &["at least"], places: &[Bands], doc: "kwdoc-from" },
    Keyword { en: "above", vi: "trên", also: &[], places: &[Bands], doc: "kwdoc-above" },
    Keyword { en: "below", vi: "dưới", also: &["under", "den duoi"], places: &[Bands], doc: "kwdoc-below" },
    Keyword { en: "up to", vi: "đến", also: &["to", "khong qua"], places: &[Bands], doc: "kwdoc-up-to" },
    Keyword { en: "or more", vi: "trở lên", also: &[], places: &[], doc: "kwdoc-or-more" },
    Keyword { en: "otherwise", vi: "còn lại", also: &[], places: &[Bands], doc: "kwdoc-otherwise" },
    // ── tests
    Keyword { en: "given", vi: "cho", also: &[], places: &[Test], doc: "kwdoc-given" },
    Keyword { en: "points", vi: "điểm", also: &[], places: &[Test, InputType], doc: "kwdoc-points" },
    Keyword { en: "expect", vi: "mong đợi", also: &["ky vong"], places: &[Test], doc: "kwdoc-expect" },
    Keyword { en: "percent", vi: "phần trăm", also: &[], places: &[InputType], doc: "kwdoc-percent" },
    Keyword { en: "achieved", vi: "đạt", also: &[], places: &[], doc: "kwdoc-achieved" },
    // ── input types
    Keyword { en: "count", vi: "số lượng", also: &["dem"], places: &[InputType], doc: "kwdoc-count" },
    Keyword { en: "decimal", vi: "số thập phân", also: &["so"], places: &[InputType], doc: "kwdoc-decimal" },
    Keyword { en: "yesno", vi: "có/không", also: &["yes/no", "co khong"], places: &[InputType], doc: "kwdoc-yesno" },
    Keyword { en: "levels", vi: "mức", also: &[], places: &[InputType], doc: "kwdoc-levels" },
    Keyword { en: "default", vi: "mặc định", also: &[], places: &[InputType], doc: "kwdoc-default" },
];

/// Every spelling of every keyword, folded, longest first (so that "tieu chi thanh phan" wins
/// over "tieu chi").
pub fn spellings() -> Vec<(String, &'static Keyword)> {
    let mut out: Vec<(String, &'static Keyword)> = Vec::new();
    for k in KEYWORDS {
        out.push((k.en.to_string(), k));
        out.push((crate::text::fold(k.vi), k));
        for a in k.also {
            out.push((a.to_string(), k));
        }
    }
    out.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    out
}

/// The keyword a statement's first words misspell (`tiu chí` → `tiêu chí`), among those that
/// may start a statement at `place`; the Vietnamese form for a Vietnamese-looking typo, the
/// English one otherwise. `None` when the words are no near miss of any.
pub fn misspelled(statement: &str, place: Place) -> Option<&'static str> {
    let words: Vec<&str> = statement.split_whitespace().take(4).collect();
    let starts = KEYWORDS.iter().filter(|k| k.places.contains(&place));
    let mut found = None;
    // Longer keywords first: `tiêu chí thành phần` is a better match than `tiêu chí`.
    for count in (1..=words.len()).rev() {
        let typed = words[..count].join(" ");
        let candidates: Vec<&'static str> = starts
            .clone()
            .flat_map(|k| [k.vi, k.en])
            .filter(|c| c.split_whitespace().count() == count)
            .collect();
        if let Some(c) = crate::text::did_you_mean(&typed, candidates) {
            if crate::text::fold(c) != crate::text::fold(&typed) {
                found = Some(c);
                break;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_misses_of_statement_keywords() {
        assert_eq!(
            misspelled("tiu chí 1.1 \"B\" tối đa 1", Node),
            Some("tiêu chí")
        );
        assert_eq!(
            misspelled("lĩn vực 2 \"A\" tối đa 3", Top),
            Some("lĩnh vực")
        );
        assert_eq!(
            misspelled("criterio 1.1 \"B\" max 1", Node),
            Some("criterion")
        );
        // A keyword as written is no typo; nor is a word far from every keyword.
        assert_eq!(misspelled("tiêu chí 1.1", Node), None);
        assert_eq!(misspelled("xyz 1.1", Node), None);
    }
}
