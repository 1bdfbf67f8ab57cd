//! Unit data files: exact decimals, Vietnamese forms, and every data diagnostic pointing into
//! the file.

use crate::common::En as _;
use chiso::model::Value;
use chiso_formats::unit_file::{load, DataFormat};
use rust_decimal::Decimal;
use std::str::FromStr;

const RULESET: &str = "ruleset \"t\" { year 2024 zero denominator: zero }\n\
input số_hồ_sơ: count \"Số hồ sơ\" owner \"Văn phòng\"\n\
input tỷ_lệ: percent\n\
input điểm_thưởng: decimal\n\
input ban_hành: yesno\n\
input ngày: date\n\
input mức: levels(\"Tốt\", \"Khá\")\n\
area 1 \"a\" { criterion 1.1 \"x\" max 1 { score = if ban_hành and ngày < ngày 01/01/2025 and mức = \"Tốt\" then min(số_hồ_sơ * tỷ_lệ + điểm_thưởng, max) else 0 }\n\
 criterion 1.2 \"y\" max 2 }\n";

fn ruleset() -> chiso::model::Ruleset {
    let a = chiso::analyze(RULESET);
    assert!(a.diagnostics.is_empty(), "{:#?}", a.diagnostics);
    a.ruleset
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// (code, text under the span) of every diagnostic loading `text`.
fn problems(text: &str, format: DataFormat) -> Vec<(&'static str, String)> {
    let (_, diagnostics) = load(&ruleset(), text, format);
    diagnostics
        .iter()
        .map(|x| (x.code, text[x.span.clone()].to_string()))
        .collect()
}

#[test]
fn values_are_read_exactly_in_every_written_form() {
    let rs = ruleset();
    let text = "unit = \"Sở Nội vụ\"\nyear = 2024\n[inputs]\n\"số_hồ_sơ\" = 2534\n\"tỷ_lệ\" = \"57,89%\"\n\"điểm_thưởng\" = 0.1000000000000000055511151231257827\n\"ban_hành\" = \"có\"\n\"ngày\" = 2024-12-31\n\"mức\" = \"Tot\"\n[points]\n\"1.2\" = \"1,25\"\n";
    let (data, diagnostics) = load(&rs, text, DataFormat::Toml);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let data = data.unwrap();
    let value = |name: &str| data.values[rs.input_index(name).unwrap()].clone().unwrap();
    assert_eq!(value("số_hồ_sơ"), Value::Number(d("2534")));
    assert_eq!(value("tỷ_lệ"), Value::Number(d("0.5789")));
    // A TOML float is re-read from its text: no binary rounding.
    assert_eq!(
        value("điểm_thưởng"),
        Value::Number(d("0.1000000000000000055511151231257827"))
    );
    assert_eq!(value("ban_hành"), Value::Bool(true));
    assert_eq!(
        value("ngày"),
        Value::Date(chrono::NaiveDate::from_ymd_opt(2024, 12, 31).unwrap())
    );
    assert_eq!(value("mức"), Value::Level(0));
    assert_eq!(data.points[rs.node_index("1.2").unwrap()], Some(d("1.25")));
    assert_eq!(data.unit, "Sở Nội vụ");
}

#[test]
fn json_is_accepted_with_exact_numbers() {
    let rs = ruleset();
    let text = r#"{"unit": "Sở Tư pháp", "stage": "thẩm định", "inputs": {"số_hồ_sơ": 12, "điểm_thưởng": 0.30000000000000004}, "points": {"1.2": 2}}"#;
    let (data, diagnostics) = load(&rs, text, DataFormat::Json);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let data = data.unwrap();
    assert_eq!(data.stage, chiso::data::Stage::Appraised);
    assert_eq!(
        data.values[rs.input_index("điểm_thưởng").unwrap()],
        Some(Value::Number(d("0.30000000000000004")))
    );
}

#[test]
fn thousands_groups_are_never_guessed() {
    // "1.253" in a count is ambiguous unless the file declares its separator.
    let p = problems(
        "unit = \"U\"\n[inputs]\n\"số_hồ_sơ\" = \"1.253\"\n",
        DataFormat::Toml,
    );
    assert_eq!(p, vec![("D003", "\"1.253\"".to_string())]);
    let rs = ruleset();
    let (data, diagnostics) = load(
        &rs,
        "unit = \"U\"\ndecimal_separator = \",\"\n[inputs]\n\"số_hồ_sơ\" = \"1.253\"\n",
        DataFormat::Toml,
    );
    assert!(diagnostics.is_empty());
    assert_eq!(data.unwrap().values[0], Some(Value::Number(d("1253"))));
}

#[test]
fn d001_malformed_files() {
    assert_eq!(
        problems("unit = \"U\"\n[inputs\n", DataFormat::Toml)[0].0,
        "D001"
    );
    assert_eq!(problems("{\"unit\": ", DataFormat::Json)[0].0, "D001");
    assert_eq!(
        problems("unit = \"U\"\nunexpected = 1\n", DataFormat::Toml)[0].0,
        "D001"
    );
    // A bare Vietnamese key is not TOML: the help says to quote it.
    let (_, diagnostics) = load(
        &ruleset(),
        "unit = \"U\"\n[inputs]\nsố_hồ_sơ = 1\n",
        DataFormat::Toml,
    );
    assert_eq!(diagnostics[0].code, "D001");
    assert!(diagnostics[0]
        .help
        .as_ref()
        .map(|h| h.en_str())
        .unwrap()
        .contains("must be quoted"));
}

#[test]
fn d003_d004_d006_d007_d010_every_problem_in_one_pass() {
    let text = "unit = \"U\"\n[inputs]\n\"số_hồ_sơ\" = -3\n\"tỷ_lệ\" = 120\n\"ban_hành\" = \"maybe\"\n\"ngày\" = \"32/13/2024\"\n\"mức\" = \"Giỏi\"\n\"so_ho_so_x\" = 1\n[points]\n\"1.2\" = 2.5\n\"1.1\" = 1\n\"9.9\" = 1\n";
    let p = problems(text, DataFormat::Toml);
    assert_eq!(
        p,
        vec![
            ("D004", "-3".to_string()),
            ("D003", "120".to_string()),
            ("D003", "\"maybe\"".to_string()),
            ("D003", "\"32/13/2024\"".to_string()),
            ("D003", "\"Giỏi\"".to_string()),
            ("D006", "\"so_ho_so_x\"".to_string()),
            ("D007", "2.5".to_string()),
            ("D010", "\"1.1\"".to_string()),
            ("D006", "\"9.9\"".to_string()),
        ]
    );
}

#[test]
fn d003_counts_are_whole_and_messages_name_input_and_owner() {
    let (_, diagnostics) = load(
        &ruleset(),
        "unit = \"U\"\n[inputs]\n\"số_hồ_sơ\" = 2.5\n",
        DataFormat::Toml,
    );
    assert_eq!(
        diagnostics[0].message.en_str(),
        "`số_hồ_sơ`: a count must be a whole number, found 2.5 (owner: Văn phòng)"
    );
    assert_eq!(
        diagnostics[0].help.as_ref().map(|h| h.en_str()),
        Some("`số_hồ_sơ` is count: Số hồ sơ")
    );
}

#[test]
fn d011_year_mismatch_is_a_warning_and_missing_unit_an_error() {
    let p = problems("year = 2023\n", DataFormat::Toml);
    assert_eq!(
        p,
        vec![("D003", String::new()), ("D011", "2023".to_string())]
    );
}
