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
    /// One paragraph for hovers and completion: the Vietnamese term, then what it means.
    pub doc: &'static str,
}

use Place::*;

/// Every keyword, grouped by the place it is written in.
pub const KEYWORDS: &[Keyword] = &[
    // ── top level
    Keyword { en: "ruleset", vi: "bộ tiêu chí", also: &["bo chi so"], places: &[Top], doc: "Bộ tiêu chí: the ruleset header — title, issuer, decree, year, level, total, counts, shares, grades, roundings." },
    Keyword { en: "input", vi: "đầu vào", also: &[], places: &[Top], doc: "Đầu vào: a figure the unit reports (`input name: count \"description\" owner \"office\" default 0`). Rules use it by name." },
    Keyword { en: "area", vi: "lĩnh vực", also: &[], places: &[Top], doc: "Lĩnh vực: a top-level area of the index, with its maximum and its criteria." },
    Keyword { en: "test", vi: "kiểm thử", also: &[], places: &[Top], doc: "Kiểm thử: a worked example — given inputs, the expected scores. `chiso test` runs it; the editor shows the result above it." },
    // ── header
    Keyword { en: "issuer", vi: "cơ quan ban hành", also: &[], places: &[Header], doc: "Cơ quan ban hành: who issued the decree (e.g. \"UBND tỉnh Kon Tum\")." },
    Keyword { en: "decree", vi: "quyết định", also: &[], places: &[Header], doc: "Quyết định: the decree's number and date: `decree \"723/QĐ-UBND\" dated 11/11/2022`." },
    Keyword { en: "dated", vi: "ngày", also: &[], places: &[], doc: "Ngày: the decree's date, 31/12/2023 or 2023-12-31." },
    Keyword { en: "year", vi: "năm", also: &[], places: &[Header], doc: "Năm: the year the ruleset scores." },
    Keyword { en: "level", vi: "cấp", also: &[], places: &[Header], doc: "Cấp: the kind of unit scored — department (sở), district (huyện), commune (xã), province (tỉnh), ministry (bộ)." },
    Keyword { en: "total", vi: "tổng điểm", also: &[], places: &[Header], doc: "Tổng điểm: the declared total; the areas' maxima must add up to it." },
    Keyword { en: "areas", vi: "số lĩnh vực", also: &[], places: &[Header], doc: "Số lĩnh vực: the declared number of areas, checked against the tree." },
    Keyword { en: "criteria", vi: "số tiêu chí", also: &[], places: &[Header], doc: "Số tiêu chí: the declared number of criteria, checked against the tree." },
    Keyword { en: "subcriteria", vi: "số tiêu chí thành phần", also: &[], places: &[Header], doc: "Số tiêu chí thành phần: the declared number of sub-criteria, checked against the tree." },
    Keyword { en: "share", vi: "tỷ trọng", also: &["ti trong"], places: &[Header], doc: "Tỷ trọng: the declared points of one source (self, survey, satisfaction); the criteria of that source must add up to it." },
    Keyword { en: "grade", vi: "xếp loại", also: &[], places: &[Header, Test], doc: "Xếp loại: a grade band over the percentage, half-open: `grade \"Tốt\" from 85`, `grade \"Khá\" from 75 below 85`. In a test: `expect grade \"Tốt\"`." },
    Keyword { en: "stages", vi: "giai đoạn", also: &[], places: &[Header], doc: "Giai đoạn: the stages scored, in order — the self-assessment, then each appraisal round: `giai đoạn \"Tự đánh giá\", \"Thẩm định\", \"Thẩm định lại\"`. The last round a unit has counts." },
    Keyword { en: "group", vi: "nhóm", also: &[], places: &[Header], doc: "Nhóm: a group of units ranked on its own within one batch (`nhóm \"Khối sở\"`, one per line); each unit's data names its group." },
    Keyword { en: "rounding", vi: "làm tròn", also: &["round"], places: &[Header, Node], doc: "Làm tròn: what is rounded (ratio, score, total, percent), to how many places, which mode (half-up — Excel's ROUND, the default —, half-even, down, up)." },
    Keyword { en: "percent from rounded total", vi: "phần trăm theo tổng đã làm tròn", also: &[], places: &[Header], doc: "The percentage is computed from the rounded total (by default it uses the unrounded points, as officials publish)." },
    Keyword { en: "grade on points", vi: "xếp loại theo điểm", also: &["grade on percent", "xep loai theo phan tram"], places: &[Header], doc: "Xếp loại theo điểm: the grade bands are written in points of the unit's total (after bonus and penalty points), not over the percentage; units rank on that total." },
    Keyword { en: "penalty", vi: "điểm trừ", also: &["diem phat"], places: &[Top, Header], doc: "Điểm trừ / điểm phạt: a penalty item outside the tree, subtracted after it (`penalty P1 \"Kỷ luật\" { score = violations * 1 }`, the points a magnitude ≥ 0); in the header, `penalty max N`: the yearly cap of all penalty items." },
    Keyword { en: "floor", vi: "điểm sàn", also: &[], places: &[Header], doc: "Điểm sàn: penalties never take the unit's total below it (0 when not written)." },
    Keyword { en: "display", vi: "hiển thị", also: &[], places: &[Header], doc: "Hiển thị N chữ số: reports print the unit's total with exactly N decimals, whatever the computation rounds to (`display 3 places`)." },
    Keyword { en: "zero denominator", vi: "mẫu số bằng 0", also: &["mau so 0"], places: &[Header, Node], doc: "Mẫu số bằng 0: what `ratio(a, b)` means when b is 0 — not evaluated, zero, or error." },
    // ── nodes
    Keyword { en: "criterion", vi: "tiêu chí", also: &["tc"], places: &[Node], doc: "Tiêu chí (TC): a criterion inside an area, or a sub-criterion inside a criterion: `criterion 1.2 \"title\" max 2 { … }`." },
    Keyword { en: "subcriterion", vi: "tiêu chí thành phần", also: &["tctp"], places: &[Node], doc: "Tiêu chí thành phần (TCTP): a sub-criterion, numbered under its criterion (1.2.3)." },
    Keyword { en: "max", vi: "tối đa", also: &["diem chuan"], places: &[Node, Expr, Test], doc: "Tối đa (điểm tối đa, điểm chuẩn): the node's maximum. A parent's maximum must equal the sum of its children's. In a rule, `max` is the node's own maximum." },
    Keyword { en: "owner", vi: "chủ trì", also: &[], places: &[Node, InputType], doc: "Chủ trì (đơn vị chủ trì): the office that owns the criterion or reports the input." },
    Keyword { en: "source", vi: "nguồn", also: &[], places: &[Node], doc: "Nguồn: where the points come from — self (tự đánh giá/thẩm định), survey (ĐTXHH), satisfaction (SIPAS). Inherited by the children." },
    Keyword { en: "bonus", vi: "điểm thưởng", also: &[], places: &[Node, Top, Header], doc: "Điểm thưởng: inside a criterion, a bonus criterion counted inside the total; at the top level, a bonus item outside the tree added after it (`bonus T1 \"Sáng kiến\" max 1 { score = initiatives * 0.5 }`); in the header, `bonus max N` (the yearly cap of all bonus items) and `bonus above max` / `bonus within max`." },
    Keyword { en: "note", vi: "ghi chú", also: &[], places: &[Node], doc: "Ghi chú: a note shown in explanations." },
    Keyword { en: "ref", vi: "căn cứ", also: &["reference", "trich dan"], places: &[Node], doc: "Căn cứ: where the decree states the criterion (appendix, row, article)." },
    Keyword { en: "not evaluated", vi: "không đánh giá", also: &[], places: &[Node, Test], doc: "Không đánh giá: the criterion is not evaluated (when its condition holds); its maximum then leaves the unit's maximum. In a test: `expect 1.6.2 not evaluated`." },
    Keyword { en: "when", vi: "khi", also: &[], places: &[], doc: "Khi: the condition of `not evaluated`." },
    Keyword { en: "because", vi: "vì", also: &["ly do"], places: &[], doc: "Vì / lý do: the reason shown when a criterion is not evaluated." },
    Keyword { en: "score", vi: "điểm", also: &[], places: &[Node], doc: "Điểm: the rule that gives a leaf its points: `score = ratio(done, all) × max`. A leaf without a rule is awarded by the council." },
    // ── expressions
    Keyword { en: "if", vi: "nếu", also: &[], places: &[Expr], doc: "Nếu … thì … ngược lại …: a choice between two values." },
    Keyword { en: "then", vi: "thì", also: &[], places: &[Expr], doc: "Thì: the value when the condition of `if` holds." },
    Keyword { en: "else", vi: "ngược lại", also: &["con khong"], places: &[Expr], doc: "Ngược lại: the value when the condition of `if` does not hold." },
    Keyword { en: "bands", vi: "bậc", also: &[], places: &[Expr], doc: "Bậc: threshold bands, tried in order: `bands ratio(a, b) { from 90%: 1.5  from 80% below 90%: 1  otherwise: 0 }`. Gaps and overlaps are reported." },
    Keyword { en: "and", vi: "và", also: &[], places: &[Expr], doc: "Và: both conditions hold." },
    Keyword { en: "or", vi: "hoặc", also: &[], places: &[Expr], doc: "Hoặc: at least one condition holds." },
    Keyword { en: "not", vi: "không phải", also: &[], places: &[Expr], doc: "Không phải: the condition does not hold." },
    Keyword { en: "awarded", vi: "hội đồng chấm", also: &[], places: &[Expr], doc: "Hội đồng chấm: the points the appraisal council awards for this node." },
    Keyword { en: "yes", vi: "có", also: &["true", "dung"], places: &[Expr], doc: "Có: yes (true)." },
    Keyword { en: "no", vi: "không", also: &["false", "sai"], places: &[Expr], doc: "Không: no (false)." },
    Keyword { en: "date", vi: "ngày", also: &[], places: &[Expr], doc: "Ngày: a date value, `date 31/12/2023`." },
    // ── bands
    Keyword { en: "from", vi: "từ", also: &["at least"], places: &[Bands], doc: "Từ: a lower bound, included (≥)." },
    Keyword { en: "above", vi: "trên", also: &[], places: &[Bands], doc: "Trên: a lower bound, excluded (>)." },
    Keyword { en: "below", vi: "dưới", also: &["under", "den duoi"], places: &[Bands], doc: "Dưới / đến dưới: an upper bound, excluded (<)." },
    Keyword { en: "up to", vi: "đến", also: &["to", "khong qua"], places: &[Bands], doc: "Đến / không quá: an upper bound, included (≤)." },
    Keyword { en: "or more", vi: "trở lên", also: &[], places: &[], doc: "Trở lên: “and above”, after a lower bound (`từ 90% trở lên`)." },
    Keyword { en: "otherwise", vi: "còn lại", also: &[], places: &[Bands], doc: "Còn lại: every value no earlier band took." },
    // ── tests
    Keyword { en: "given", vi: "cho", also: &[], places: &[Test], doc: "Cho: input values of the test: `given done = 15, all = 19`." },
    Keyword { en: "points", vi: "điểm", also: &[], places: &[Test, InputType], doc: "Điểm: in a test, the council's points for a node (`points 2.1 = 1.5`); as an input type, points ≥ 0." },
    Keyword { en: "expect", vi: "mong đợi", also: &["ky vong"], places: &[Test], doc: "Mong đợi: an expectation — `expect 1.2.3 = 0.5`, `expect percent = 90.29`, `expect grade \"Tốt\"`, `expect achieved = 12`, `expect total = 12.5` (after bonus and penalty points), `expect max = 97`, `expect 1.6.2 not evaluated`." },
    Keyword { en: "percent", vi: "phần trăm", also: &[], places: &[InputType], doc: "Phần trăm: the unit's percentage; as an input type, a percentage written 0–100 or “57,89%”." },
    Keyword { en: "achieved", vi: "đạt", also: &[], places: &[], doc: "Đạt: the unit's achieved points." },
    // ── input types
    Keyword { en: "count", vi: "số lượng", also: &["dem"], places: &[InputType], doc: "Số lượng: a whole number ≥ 0." },
    Keyword { en: "decimal", vi: "số thập phân", also: &["so"], places: &[InputType], doc: "Số: a decimal number ≥ 0." },
    Keyword { en: "yesno", vi: "có/không", also: &["yes/no", "co khong"], places: &[InputType], doc: "Có/không: a yes/no fact." },
    Keyword { en: "levels", vi: "mức", also: &[], places: &[InputType], doc: "Mức: one of a closed list of levels: `levels(\"Tốt\", \"Đạt\", \"Chưa đạt\")`." },
    Keyword { en: "default", vi: "mặc định", also: &[], places: &[InputType], doc: "Mặc định: the value used when the unit does not report the input." },
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
