//! Closed sets of words the language declares — unit levels, sources of points, counted
//! levels, rounding targets and modes, what a zero denominator means. The syntax layer parses
//! them; the model ([`crate::model`]) re-exports them.

use rust_decimal::RoundingStrategy;

/// Cấp đơn vị: the kind of unit a ruleset scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitLevel {
    /// sở, cơ quan chuyên môn thuộc UBND tỉnh
    Department,
    /// UBND huyện, thị xã, thành phố
    District,
    /// UBND xã
    Commune,
    /// UBND tỉnh (national index)
    Province,
    /// bộ, cơ quan ngang bộ (national index)
    Ministry,
}

impl UnitLevel {
    /// The English keyword (`district`, …), for messages and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitLevel::Department => "department",
            UnitLevel::District => "district",
            UnitLevel::Commune => "commune",
            UnitLevel::Province => "province",
            UnitLevel::Ministry => "ministry",
        }
    }
}

/// Where a node's points come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SourceKind {
    /// tự đánh giá, thẩm định: the appraised self-assessment
    SelfAssessment,
    /// điều tra xã hội học (ĐTXHH)
    Survey,
    /// khảo sát sự hài lòng (SIPAS)
    Satisfaction,
}

impl SourceKind {
    /// The English keyword (`self`, `survey`, `satisfaction`).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::SelfAssessment => "self",
            SourceKind::Survey => "survey",
            SourceKind::Satisfaction => "satisfaction",
        }
    }
}

/// What a declared count counts (`areas 8` / `số lĩnh vực 8`), checked against the tree (`E006`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountKind {
    /// số lĩnh vực: top-level nodes.
    Areas,
    /// số tiêu chí: nodes directly inside an area.
    Criteria,
    /// số tiêu chí thành phần: nodes at any depth below a criterion.
    Subcriteria,
}

impl CountKind {
    /// The English name, for messages.
    pub fn as_str(self) -> &'static str {
        match self {
            CountKind::Areas => "areas",
            CountKind::Criteria => "criteria",
            CountKind::Subcriteria => "sub-criteria",
        }
    }
}

/// What a rounding applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundTarget {
    /// every `ratio(…)` result, before it is used
    Ratio,
    /// a leaf's points
    Score,
    /// a parent's subtotal and the unit's total
    Total,
    /// the unit's percentage
    Percent,
}

impl RoundTarget {
    /// The English keyword (`ratio`, `score`, `total`, `percent`).
    pub fn as_str(self) -> &'static str {
        match self {
            RoundTarget::Ratio => "ratio",
            RoundTarget::Score => "score",
            RoundTarget::Total => "total",
            RoundTarget::Percent => "percent",
        }
    }
}

/// How a declared rounding breaks ties (`half-up` / `nửa lên` when not written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoundMode {
    /// Excel's ROUND: half away from zero (`nửa lên`; the default).
    #[default]
    HalfUp,
    /// Banker's rounding, half to even (`nửa chẵn`); rust_decimal's `round_dp`.
    HalfEven,
    /// toward zero (`xuống`, `cắt bỏ`)
    Down,
    /// away from zero (`lên`)
    Up,
}

impl RoundMode {
    /// The English keyword (`half-up`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            RoundMode::HalfUp => "half-up",
            RoundMode::HalfEven => "half-even",
            RoundMode::Down => "down",
            RoundMode::Up => "up",
        }
    }

    /// The rust_decimal strategy that implements the mode.
    pub fn strategy(self) -> RoundingStrategy {
        match self {
            RoundMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundMode::Down => RoundingStrategy::ToZero,
            RoundMode::Up => RoundingStrategy::AwayFromZero,
        }
    }
}

/// What `ratio(a, b)` means when `b` is zero, declared per criterion or for the ruleset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZeroAction {
    /// the criterion is not evaluated
    NotEvaluated,
    /// the ratio is 0
    Zero,
    /// the data is wrong: `D008` on the unit's data, and the node fails
    Error,
}

impl ZeroAction {
    /// The English words (`not evaluated`, `zero`, `error`).
    pub fn as_str(self) -> &'static str {
        match self {
            ZeroAction::NotEvaluated => "not evaluated",
            ZeroAction::Zero => "zero",
            ZeroAction::Error => "error",
        }
    }
}
