//! The built-in rule functions: one row per function, read by the checker (names, arity,
//! types, ranges, extra requirements), the evaluator (what the call computes), completion and
//! hover (signature and doc text), the formatter (names written against their `(`) and
//! "did you mean".
//!
//! A new built-in is one variant of [`Func`] and one row of [`BUILTINS`] (in the variant's
//! order; a unit test checks it), for example:
//!
//! ```ignore
//! Builtin {
//!     func: Func::Abs,
//!     en: "abs",
//!     vi: "trị_tuyệt_đối",
//!     also: &[],
//!     arity: 1,
//!     signature: "abs(x)",
//!     doc: "The value without its sign.",
//!     range: |r| ValueRange { lo: Some(Decimal::ZERO), ..ValueRange::UNKNOWN },
//!     requires: Requires::Nothing,
//!     eval: Evaluation::Pure(|v| Ok(v[0].abs())),
//! },
//! ```
//!
//! Nothing else changes: the checker, evaluator, completion, hover and formatter all read
//! the row. Every argument and every result of a built-in is a number.

use crate::check::ValueRange;
use crate::model::{RoundMode, Rounding};
use crate::text::fold;
use rust_decimal::Decimal;

/// Rule functions. Names are matched without diacritics, in English or Vietnamese; each
/// variant is the index of its row in [`BUILTINS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Func {
    /// tỷ_lệ(a, b): a / b, rounded by the ratio rounding, zero denominator per policy
    Ratio,
    /// nhỏ_nhất(a, b)
    Min,
    /// lớn_nhất(a, b)
    Max,
    /// giới_hạn(x, lo, hi)
    Clamp,
    /// mỗi(n, points, cap): points per counted item, at most cap
    Each,
    /// trừ(start, n, points, floor): start minus points per item, not below floor
    Deduct,
    /// làm_tròn(x, places): an explicit rounding, half away from zero
    Round,
    /// cao_nhất(x): the highest `x` among the units scored together. It needs the batch, so
    /// the checker compiles it to its own expression kind (`CExprKind::Best`).
    Best,
}

/// What the checker requires of a call beyond its arity and number arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requires {
    /// Nothing more.
    Nothing,
    /// A zero-denominator policy on the criterion or in the header (`E014` without one).
    ZeroPolicy,
    /// The argument at this index is a whole number 0–28 written as a constant (`E017`).
    WholePlaces(usize),
}

/// How the evaluator computes a call.
#[derive(Clone, Copy)]
pub enum Evaluation {
    /// From the argument values alone; `Err` names what overflowed: a catalogue id
    /// (`what-count`, "the count").
    Pure(fn(&[Decimal]) -> Result<Decimal, &'static str>),
    /// A ratio: the node's zero-denominator policy and ratio rounding apply, and the data is
    /// checked (a part above the whole is `D005`).
    Ratio,
    /// The batch's highest value of the argument, filled by a first pass over the batch.
    BatchBest,
}

/// One built-in function: everything the checker, evaluator and editor know about it.
#[derive(Clone, Copy)]
pub struct Builtin {
    /// The function this row describes.
    pub func: Func,
    /// English name.
    pub en: &'static str,
    /// Vietnamese name, with diacritics (matched folded, so `ty_le` works too).
    pub vi: &'static str,
    /// Further spellings accepted, folded (`ti_le`, `per`).
    pub also: &'static [&'static str],
    /// Number of arguments.
    pub arity: usize,
    /// The usage line: `ratio(part, whole)`.
    pub signature: &'static str,
    /// What it does, for hover and completion (Markdown).
    pub doc: &'static str,
    /// The values a call can take, from the ranges of its arguments (one per argument).
    pub range: fn(&[ValueRange]) -> ValueRange,
    /// What the checker requires of a call beyond arity and types.
    pub requires: Requires,
    /// How the evaluator computes a call.
    pub eval: Evaluation,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builtin")
            .field("func", &self.func)
            .field("en", &self.en)
            .field("arity", &self.arity)
            .finish_non_exhaustive()
    }
}

/// Product of two upper bounds of non-negative ranges; `None` is +∞ unless the other is 0.
fn mul_hi(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(x), Some(y)) => x.checked_mul(y),
        (Some(z), None) | (None, Some(z)) if z.is_zero() => Some(Decimal::ZERO),
        _ => None,
    }
}

fn nonneg(r: &ValueRange) -> bool {
    r.lo.is_some_and(|l| l >= Decimal::ZERO)
}

/// The smaller of two optional upper bounds, `None` being +∞.
fn min_bound(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The larger of two optional lower bounds, `None` being −∞.
fn max_bound(a: Option<Decimal>, b: Option<Decimal>) -> Option<Decimal> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// Every built-in, in the order of [`Func`].
pub static BUILTINS: [Builtin; 8] = [
    Builtin {
        func: Func::Ratio,
        en: "ratio",
        vi: "tỷ_lệ",
        also: &["ti_le"],
        arity: 2,
        signature: "ratio(part, whole)",
        doc: "Tỷ lệ: part ÷ whole, rounded by the declared ratio rounding. A zero whole does what the criterion's `zero denominator` policy says; a part above the whole is a data error.",
        range: |_| ValueRange::between(Decimal::ZERO, Some(Decimal::ONE)),
        requires: Requires::ZeroPolicy,
        eval: Evaluation::Ratio,
    },
    Builtin {
        func: Func::Min,
        en: "min",
        vi: "nhỏ_nhất",
        also: &[],
        arity: 2,
        signature: "min(a, b)",
        doc: "The smaller of two values.",
        range: |r| ValueRange {
            lo: r[0].lo.zip(r[1].lo).map(|(a, b)| a.min(b)),
            hi: min_bound(r[0].hi, r[1].hi),
            integer: r[0].integer && r[1].integer,
            known: r[0].known && r[1].known,
        },
        requires: Requires::Nothing,
        eval: Evaluation::Pure(|v| Ok(v[0].min(v[1]))),
    },
    Builtin {
        func: Func::Max,
        en: "max",
        vi: "lớn_nhất",
        also: &[],
        arity: 2,
        signature: "max(a, b)",
        doc: "The larger of two values.",
        range: |r| ValueRange {
            lo: max_bound(r[0].lo, r[1].lo),
            hi: r[0].hi.zip(r[1].hi).map(|(a, b)| a.max(b)),
            integer: r[0].integer && r[1].integer,
            known: r[0].known && r[1].known,
        },
        requires: Requires::Nothing,
        eval: Evaluation::Pure(|v| Ok(v[0].max(v[1]))),
    },
    Builtin {
        func: Func::Clamp,
        en: "clamp",
        vi: "giới_hạn",
        also: &[],
        arity: 3,
        signature: "clamp(value, low, high)",
        doc: "The value limited to [low, high].",
        range: |r| ValueRange {
            lo: r[1].lo,
            hi: r[2].hi,
            integer: false,
            known: r[1].known && r[2].known,
        },
        requires: Requires::Nothing,
        eval: Evaluation::Pure(|v| Ok(v[0].max(v[1]).min(v[2]))),
    },
    Builtin {
        func: Func::Each,
        en: "each",
        vi: "mỗi",
        also: &["per"],
        arity: 3,
        signature: "each(count, points, cap)",
        doc: "Points per counted item, at most `cap`: min(count × points, cap). \"mỗi ứng dụng 1 điểm, tổng không quá 5 điểm\".",
        range: |r| ValueRange {
            lo: Some(Decimal::ZERO),
            hi: min_bound(mul_hi(r[0].hi, r[1].hi), r[2].hi),
            integer: false,
            known: r.iter().all(|x| x.known && nonneg(x)),
        },
        requires: Requires::Nothing,
        eval: Evaluation::Pure(|v| {
            let product = v[0].checked_mul(v[1]).ok_or("what-count")?;
            Ok(product.min(v[2]))
        }),
    },
    Builtin {
        func: Func::Deduct,
        en: "deduct",
        vi: "trừ",
        also: &[],
        arity: 4,
        signature: "deduct(start, count, points, floor)",
        doc: "Deduction per item with a floor: max(start − count × points, floor). \"trừ 0,25 điểm mỗi vi phạm, không thấp hơn 0\".",
        range: |r| ValueRange {
            lo: max_bound(
                r[0].lo
                    .zip(mul_hi(r[1].hi, r[2].hi))
                    .and_then(|(a, b)| a.checked_sub(b)),
                r[3].lo,
            ),
            hi: r[0].hi.zip(r[3].hi).map(|(a, b)| a.max(b)),
            integer: false,
            known: r.iter().all(|x| x.known) && nonneg(&r[1]) && nonneg(&r[2]),
        },
        requires: Requires::Nothing,
        eval: Evaluation::Pure(|v| {
            let deduction = v[1].checked_mul(v[2]).ok_or("what-deduction")?;
            Ok(v[0].checked_sub(deduction).ok_or("what-deduction")?.max(v[3]))
        }),
    },
    Builtin {
        func: Func::Round,
        en: "round",
        vi: "làm_tròn",
        also: &[],
        arity: 2,
        signature: "round(value, places)",
        doc: "Rounds to `places` decimals, half away from zero (Excel's ROUND).",
        range: |r| ValueRange {
            integer: false,
            ..r[0]
        },
        requires: Requires::WholePlaces(1),
        eval: Evaluation::Pure(|v| {
            let places = u32::try_from(v[1].trunc().mantissa()).unwrap_or(0).min(28);
            Ok(Rounding {
                places,
                mode: RoundMode::HalfUp,
            }
            .apply(v[0]))
        }),
    },
    Builtin {
        func: Func::Best,
        en: "best",
        vi: "cao_nhất",
        also: &[],
        arity: 1,
        signature: "best(x)",
        doc: "Cao nhất: the highest value of `x` among the units scored together (for normalising against the best unit); a unit scored alone is its own best.",
        range: |r| r[0],
        requires: Requires::Nothing,
        eval: Evaluation::BatchBest,
    },
];

impl Func {
    /// Every built-in function, in table order.
    pub fn all() -> impl Iterator<Item = Func> {
        BUILTINS.iter().map(|b| b.func)
    }

    /// This function's row of [`BUILTINS`].
    pub fn row(self) -> &'static Builtin {
        &BUILTINS[self as usize]
    }

    /// The English name.
    pub fn name(self) -> &'static str {
        self.row().en
    }

    /// The Vietnamese name.
    pub fn vietnamese(self) -> &'static str {
        self.row().vi
    }

    /// The number of arguments.
    pub fn arity(self) -> usize {
        self.row().arity
    }

    /// The usage line.
    pub fn signature(self) -> &'static str {
        self.row().signature
    }

    /// The doc text for hover and completion.
    pub fn doc(self) -> &'static str {
        self.row().doc
    }

    /// Looks a function up by any of its names, folded (`ty_le`, `tỉ_lệ`, `ratio` …).
    pub fn lookup(name: &str) -> Option<Func> {
        let folded = fold(name);
        BUILTINS
            .iter()
            .find(|b| fold(b.en) == folded || fold(b.vi) == folded || b.also.contains(&&*folded))
            .map(|b| b.func)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_in_variant_order() {
        for (i, b) in BUILTINS.iter().enumerate() {
            assert_eq!(b.func as usize, i, "{} is out of order", b.en);
            assert!(b.signature.starts_with(b.en), "{}", b.signature);
            assert_eq!(
                b.signature.matches(',').count() + 1,
                b.arity,
                "{}",
                b.signature
            );
            for extra in b.also {
                assert_eq!(fold(extra), *extra, "`also` spellings are folded");
            }
        }
    }

    #[test]
    fn every_name_finds_its_row() {
        for b in &BUILTINS {
            assert_eq!(Func::lookup(b.en), Some(b.func));
            assert_eq!(Func::lookup(b.vi), Some(b.func));
            assert_eq!(Func::lookup(&fold(b.vi)), Some(b.func));
            for extra in b.also {
                assert_eq!(Func::lookup(extra), Some(b.func));
            }
        }
        assert_eq!(Func::lookup("tỉ_lệ"), Some(Func::Ratio));
        assert_eq!(Func::lookup("Cao_Nhất"), Some(Func::Best));
        assert_eq!(Func::lookup("nope"), None);
    }

    #[test]
    fn pure_rows_compute() {
        use rust_decimal_macros::dec;
        let run = |f: Func, v: &[Decimal]| match f.row().eval {
            Evaluation::Pure(g) => g(v),
            _ => panic!("not pure"),
        };
        assert_eq!(run(Func::Each, &[dec!(7), dec!(1), dec!(5)]), Ok(dec!(5)));
        assert_eq!(
            run(Func::Deduct, &[dec!(2), dec!(3), dec!(0.25), dec!(0)]),
            Ok(dec!(1.25))
        );
        assert_eq!(run(Func::Round, &[dec!(2.345), dec!(2)]), Ok(dec!(2.35)));
        assert_eq!(run(Func::Clamp, &[dec!(9), dec!(0), dec!(5)]), Ok(dec!(5)));
        assert_eq!(
            run(Func::Each, &[Decimal::MAX, dec!(2), dec!(1)]),
            Err("what-count")
        );
    }
}
