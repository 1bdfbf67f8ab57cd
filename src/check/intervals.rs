//! Interval sets over decimals: the coverage maths behind band and grade checks
//! (gaps, overlaps, unreachable arms).

use crate::message::Message;
use crate::model::NumInterval;
use crate::msg;
use rust_decimal::Decimal;

/// The values a band's subject can take: an interval, whole numbers only or not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Domain {
    /// The range of values the subject can take (a ratio: 0–1; a count: 0 upward).
    pub interval: NumInterval,
    /// Whole numbers only (a count), so 50–64 next to 65–80 leaves no gap.
    pub integer: bool,
}

/// Whether `iv` holds no value (no whole number, when `integer`). An interval unbounded on
/// either side is never empty.
pub fn is_empty(iv: &NumInterval, integer: bool) -> bool {
    let (Some((lo, lo_inc)), Some((hi, hi_inc))) = (iv.lower, iv.upper) else {
        return false;
    };
    if integer {
        let first = if lo_inc {
            lo.ceil()
        } else {
            lo.floor() + Decimal::ONE
        };
        let last = if hi_inc {
            hi.floor()
        } else {
            hi.ceil() - Decimal::ONE
        };
        return first > last;
    }
    lo > hi || (lo == hi && !(lo_inc && hi_inc))
}

/// The values in both `a` and `b` (possibly empty: see [`is_empty`]).
pub fn intersect(a: &NumInterval, b: &NumInterval) -> NumInterval {
    let lower = match (a.lower, b.lower) {
        (None, x) | (x, None) => x,
        (Some((x, xi)), Some((y, yi))) => Some(if x > y {
            (x, xi)
        } else if y > x {
            (y, yi)
        } else {
            (x, xi && yi)
        }),
    };
    let upper = match (a.upper, b.upper) {
        (None, x) | (x, None) => x,
        (Some((x, xi)), Some((y, yi))) => Some(if x < y {
            (x, xi)
        } else if y < x {
            (y, yi)
        } else {
            (x, xi && yi)
        }),
    };
    NumInterval { lower, upper }
}

/// `a` minus `b`: up to two pieces.
pub fn subtract(a: &NumInterval, b: &NumInterval) -> Vec<NumInterval> {
    let mut out = Vec::new();
    if let Some((lo, inc)) = b.lower {
        out.push(intersect(
            a,
            &NumInterval {
                lower: None,
                upper: Some((lo, !inc)),
            },
        ));
    }
    if let Some((hi, inc)) = b.upper {
        out.push(intersect(
            a,
            &NumInterval {
                lower: Some((hi, !inc)),
                upper: None,
            },
        ));
    }
    out
}

/// What a sequence of intervals leaves uncovered of a domain, and which interval first
/// covers nothing new, checked in order.
pub struct Coverage {
    /// Pieces of the domain no interval covers.
    pub gaps: Vec<NumInterval>,
    /// Indices of intervals that cover nothing the earlier ones did not.
    pub unreachable: Vec<usize>,
    /// Pairs (earlier, later) of intervals that share values.
    pub overlaps: Vec<(usize, usize)>,
}

/// Checks `intervals`, in order, against `domain`: the gaps they leave (`E010`, `E016`), the
/// overlaps (`E011`) and the unreachable ones (`W002`). Indices are positions in `intervals`.
pub fn coverage(domain: Domain, intervals: &[NumInterval]) -> Coverage {
    let mut uncovered = vec![domain.interval];
    let mut unreachable = Vec::new();
    let mut overlaps = Vec::new();
    for (i, iv) in intervals.iter().enumerate() {
        let reaches = uncovered
            .iter()
            .any(|u| !is_empty(&intersect(u, iv), domain.integer));
        if !reaches {
            unreachable.push(i);
        }
        for (j, earlier) in intervals[..i].iter().enumerate() {
            let shared = intersect(&intersect(earlier, iv), &domain.interval);
            if !is_empty(&shared, domain.integer) {
                overlaps.push((j, i));
            }
        }
        uncovered = uncovered
            .iter()
            .flat_map(|u| subtract(u, iv))
            .filter(|p| !is_empty(p, domain.integer))
            .collect();
    }
    Coverage {
        gaps: uncovered,
        unreachable,
        overlaps,
    }
}

/// A gap for messages: "values from 64 (excluded) to 65 (excluded)", "values below 50", "the
/// value 3". With `percent`, bounds are fractions shown as percentages (0.8 → "80%").
pub fn describe_gap(gap: &NumInterval, percent: bool) -> Message {
    // A number or a percentage, written for the reader's language when rendered.
    let show = |d: Decimal| {
        if percent {
            msg!("gap-percent", value = d * Decimal::ONE_HUNDRED)
        } else {
            msg!("gap-number", value = d)
        }
    };
    let end = |inclusive: bool| {
        if inclusive {
            msg!("gap-included")
        } else {
            msg!("gap-excluded")
        }
    };
    match (gap.lower, gap.upper) {
        (Some((l, li)), Some((u, ui))) if l == u && li && ui => {
            msg!("gap-the-value", value = show(l))
        }
        (Some((l, li)), Some((u, ui))) => msg!(
            "gap-between",
            from = show(l),
            from_end = end(li),
            to = show(u),
            to_end = end(ui)
        ),
        (None, Some((u, true))) => msg!("gap-up-to", value = show(u)),
        (None, Some((u, false))) => msg!("gap-below", value = show(u)),
        (Some((l, true)), None) => msg!("gap-from", value = show(l)),
        (Some((l, false)), None) => msg!("gap-above", value = show(l)),
        (None, None) => msg!("gap-every-value"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn iv(lo: Option<(Decimal, bool)>, hi: Option<(Decimal, bool)>) -> NumInterval {
        NumInterval {
            lower: lo,
            upper: hi,
        }
    }

    #[test]
    fn integer_bands_written_65_80_and_50_64_leave_no_gap_for_counts_but_do_for_decimals() {
        let bands = [
            iv(Some((dec!(65), true)), Some((dec!(80), true))),
            iv(Some((dec!(50), true)), Some((dec!(64), true))),
        ];
        let domain = iv(Some((dec!(50), true)), Some((dec!(80), true)));
        let counts = coverage(
            Domain {
                interval: domain,
                integer: true,
            },
            &bands,
        );
        assert!(counts.gaps.is_empty());
        let decimals = coverage(
            Domain {
                interval: domain,
                integer: false,
            },
            &bands,
        );
        assert_eq!(
            decimals.gaps,
            vec![iv(Some((dec!(64), false)), Some((dec!(65), false)))]
        );
    }

    #[test]
    fn first_match_bands_and_unreachable_arms() {
        let domain = Domain {
            interval: iv(Some((dec!(0), true)), Some((dec!(1), true))),
            integer: false,
        };
        let bands = [
            iv(Some((dec!(0.9), true)), None),
            iv(Some((dec!(0.8), true)), None),
            iv(Some((dec!(0.95), true)), None),
            iv(None, None),
        ];
        let c = coverage(domain, &bands);
        assert!(c.gaps.is_empty());
        assert_eq!(c.unreachable, vec![2]);
    }

    #[test]
    fn empty_integer_intervals() {
        assert!(is_empty(
            &iv(Some((dec!(64), false)), Some((dec!(65), false))),
            true
        ));
        assert!(!is_empty(
            &iv(Some((dec!(64), false)), Some((dec!(65), true))),
            true
        ));
        assert!(is_empty(
            &iv(Some((dec!(64.2), true)), Some((dec!(64.8), true))),
            true
        ));
        assert!(!is_empty(
            &iv(Some((dec!(64.2), true)), Some((dec!(64.8), true))),
            false
        ));
    }
}
