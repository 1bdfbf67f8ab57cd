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
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::SelfAssessment => "self",
            SourceKind::Survey => "survey",
            SourceKind::Satisfaction => "satisfaction",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountKind {
    Areas,
    Criteria,
    Subcriteria,
}

impl CountKind {
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
    pub fn as_str(self) -> &'static str {
        match self {
            RoundTarget::Ratio => "ratio",
            RoundTarget::Score => "score",
            RoundTarget::Total => "total",
            RoundTarget::Percent => "percent",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RoundMode {
    /// Excel's ROUND: half away from zero (the default).
    #[default]
    HalfUp,
    HalfEven,
    /// toward zero
    Down,
    /// away from zero
    Up,
}

impl RoundMode {
    pub fn as_str(self) -> &'static str {
        match self {
            RoundMode::HalfUp => "half-up",
            RoundMode::HalfEven => "half-even",
            RoundMode::Down => "down",
            RoundMode::Up => "up",
        }
    }

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
    /// the data is wrong: report it
    Error,
}

impl ZeroAction {
    pub fn as_str(self) -> &'static str {
        match self {
            ZeroAction::NotEvaluated => "not evaluated",
            ZeroAction::Zero => "zero",
            ZeroAction::Error => "error",
        }
    }
}
