//! Defects a new user found in the reports of groups, stages and bonus/penalty points, fixed
//! and checked where users see them. Every expected value is worked by hand in the comments
//! from the fixtures' data (tests/fixtures/adjust/, tests/fixtures/nhom-vong/).

use crate::common::run_chiso;
use chiso_formats::grid::{workbook_grid, workbook_sheets, Cell};
use std::io::{Cursor, Read};

const PROVINCE: &str = "tests/fixtures/adjust/thuong-tru.chiso";
const DATA: &str = "tests/fixtures/adjust/data";
const GROUPS: &str = "tests/fixtures/nhom-vong/tinh-2023.chiso";
const GROUPS_SHEET: &str = "tests/fixtures/nhom-vong/tinh-2023.csv";

/// `chiso score` with the reports in Vietnamese, its standard output; exit code 0 or 1 (a
/// unit with incomplete data is 1).
fn score(args: &[&str]) -> String {
    let mut all = vec!["score", "--lang", "vi"];
    all.extend_from_slice(args);
    let (code, out, err) = run_chiso(&all);
    assert!(code == 0 || code == 1, "{all:?}: {err}");
    out
}

/// A scratch directory of this test process.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("chiso-rf-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The workbook `chiso score … -o x.xlsx` writes.
fn workbook(name: &str, args: &[&str]) -> Vec<u8> {
    let dir = scratch(name);
    let out = dir.join("bao-cao.xlsx");
    let mut all = args.to_vec();
    all.extend(["-o", out.to_str().unwrap()]);
    let _ = score(&all);
    let bytes = std::fs::read(&out).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    bytes
}

fn sheet_rows(bytes: &[u8], sheet: &str) -> Vec<Vec<Cell>> {
    workbook_grid(bytes, Some(sheet)).unwrap().rows().collect()
}

/// One part of the workbook package, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name(name).unwrap();
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The value of attribute `name` in the first element of `xml` that starts with `open`.
fn attr<'a>(xml: &'a str, open: &str, name: &str) -> Option<&'a str> {
    let at = xml.find(open)?;
    let element = &xml[at..at + xml[at..].find('>')?];
    let key = format!(" {name}=\"");
    let v = element.find(&key)? + key.len();
    Some(&element[v..v + element[v..].find('"')?])
}

/// The package part of the sheet named `sheet` (`xl/worksheets/sheet3.xml`).
fn sheet_part(bytes: &[u8], sheet: &str) -> String {
    let names = workbook_sheets(bytes).unwrap();
    let at = names.iter().position(|s| s.name == sheet).unwrap();
    format!("xl/worksheets/sheet{}.xml", at + 1)
}

/// The number format code of a cell (`C5`) of a sheet: cell → style → numFmt (Excel's
/// built-in ids 1, 2, 9, 10 are `0`, `0.00`, `0%`, `0.00%`).
fn number_format(bytes: &[u8], sheet: &str, cell: &str) -> String {
    let xml = part(bytes, &sheet_part(bytes, sheet));
    let style: usize =
        attr(&xml, &format!("<c r=\"{cell}\""), "s").map_or(0, |s| s.parse().unwrap());
    let styles = part(bytes, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let id = attr(&format!("<xf {xf}"), "<xf", "numFmtId")
        .unwrap()
        .to_string();
    match id.as_str() {
        "0" => "General".into(),
        "1" => "0".into(),
        "2" => "0.00".into(),
        "9" => "0%".into(),
        "10" => "0.00%".into(),
        _ => attr(&styles, &format!("<numFmt numFmtId=\"{id}\""), "formatCode")
            .unwrap()
            .to_string(),
    }
}

/// Parses a number as written for people or programs (`−0,5`, `+1`, `-0.5`).
fn number(text: &str) -> rust_decimal::Decimal {
    let t = text
        .trim()
        .replace('−', "-")
        .replace('+', "")
        .replace(',', ".");
    t.parse().unwrap_or_else(|_| panic!("not a number: {text}"))
}

// ───────────── 1. bonus and penalty lines add up to the total ─────────────

/// UBND xã A (tests/fixtures/adjust/data/a.toml): the tree gives 6 + 3 + 5 + 1 = 15. T1 is
/// 3 initiatives × 0,5 = 1,5, cut to its own cap 1; T2 (the council's award) is 1; the bonus
/// items make 2, but all bonus points together are capped at 1,5 a year (`điểm thưởng tối
/// đa 1,5`), so the cap takes 0,5; P1 is 2 staff disciplined × 1 = 2 (under the penalty cap
/// 3). 15 + 1 + 1 − 0,5 − 2 = 14,5, the total.
///
/// UBND xã C (c.toml): the tree gives 6 + 4 + 6 + 1,9 = 17,9 of 18. T1 is 1 × 0,5 = 0,5,
/// under both caps, but a bonus stays within the unit's maximum (the default), so only
/// 18 − 17,9 = 0,1 is added and the maximum takes 0,4: 17,9 + 0,5 − 0,4 = 18.
#[test]
fn bonus_and_penalty_rows_add_up_to_the_total_in_every_format() {
    // CSV: the areas' rows, the item rows and the limit rows sum to the total row.
    for (format, sep) in [("csv", ','), ("csv-vi", ';')] {
        let csv = score(&[PROVINCE, DATA, "--format", format]);
        let rows: Vec<Vec<String>> = csv
            .lines()
            .map(|l| l.trim_start_matches('\u{feff}'))
            .map(|l| split_csv(l, sep))
            .collect();
        for (unit, total, limit_row) in [
            (
                "UBND xã A",
                "14.5",
                vec![
                    "bonus_cap",
                    "Vượt trần điểm thưởng cả năm (tối đa 1,5)",
                    "bonus_limit",
                ],
            ),
            (
                "UBND xã C",
                "18",
                vec!["max", "Vượt điểm tối đa của đơn vị (18)", "bonus_limit"],
            ),
        ] {
            let of_unit: Vec<&Vec<String>> = rows.iter().filter(|r| r[0] == unit).collect();
            let sum: rust_decimal::Decimal = of_unit
                .iter()
                .filter(|r| {
                    matches!(
                        r[3].as_str(),
                        "area" | "bonus" | "penalty" | "bonus_limit" | "penalty_limit"
                    )
                })
                .map(|r| number(&r[5]))
                .sum();
            let total_row = of_unit.iter().find(|r| r[3] == "unit").unwrap();
            assert_eq!(
                number(&total_row[5]),
                number(total),
                "{format} {unit}: {csv}"
            );
            assert_eq!(
                sum,
                number(total),
                "{format} {unit}: rows sum to the total\n{csv}"
            );
            let limit = of_unit.iter().find(|r| r[1] == limit_row[0]).unwrap();
            assert_eq!(&limit[1..4], &limit_row[..], "{format}");
        }
    }
    let csv = score(&[PROVINCE, DATA, "--format", "csv"]);
    assert!(csv.contains("UBND xã A,bonus_cap,\"Vượt trần điểm thưởng cả năm (tối đa 1,5)\",bonus_limit,,-0.5,scored"), "{csv}");
    assert!(
        csv.contains("UBND xã C,max,Vượt điểm tối đa của đơn vị (18),bonus_limit,,-0.4,scored"),
        "{csv}"
    );
    assert!(
        csv.contains("UBND xã C,T1,Sáng kiến được công nhận,bonus,1,0.5,scored"),
        "{csv}"
    );

    // JSON lists the same lines (`adjustments.lines`): 15 + 1 + 1 − 0,5 − 2 = 14,5.
    let json: serde_json::Value =
        serde_json::from_str(&score(&[PROVINCE, DATA, "--format", "json"])).unwrap();
    let a = json
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "UBND xã A")
        .unwrap();
    let adj = &a["adjustments"];
    let lines: Vec<(String, String, String)> = adj["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let s = |k: &str| l[k].as_str().unwrap_or_default().to_string();
            (s("level"), s("id"), s("value"))
        })
        .collect();
    let want = [
        ("bonus", "T1", "1"),
        ("bonus", "T2", "1"),
        ("bonus_limit", "bonus_cap", "-0.5"),
        ("penalty", "P1", "-2"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(lines, want);
    let sum: rust_decimal::Decimal = lines
        .iter()
        .map(|l| number(&l.2))
        .sum::<rust_decimal::Decimal>()
        + number(adj["tree_total"].as_str().unwrap());
    assert_eq!(sum, number(adj["total"].as_str().unwrap()));

    // Table, Markdown, HTML and the unit's sheet of the workbook show the same lines.
    let a_lines = [
        "Điểm thưởng T1 “Sáng kiến được công nhận”: +1 (tính được 1,5, tối đa 1)",
        "Điểm thưởng T2 “Giải thưởng”: +1",
        "Vượt trần điểm thưởng cả năm (tối đa 1,5): −0,5",
        "Điểm trừ P1 “Kỷ luật cán bộ”: −2",
        "Điểm các tiêu chí: 15   Điểm thưởng được cộng: +1,5   Điểm trừ: −2",
    ];
    let c_lines = [
        "Điểm thưởng T1 “Sáng kiến được công nhận”: +0,5",
        "Vượt điểm tối đa của đơn vị (18): −0,4",
        "Điểm các tiêu chí: 17,9   Điểm thưởng được cộng: +0,1   Điểm trừ: 0",
    ];
    for format in ["table", "markdown", "html"] {
        let out = score(&[PROVINCE, DATA, "--format", format]);
        for line in a_lines.iter().chain(&c_lines) {
            assert!(out.contains(line), "{format}: {line}\n{out}");
        }
    }
    // The table prints one total, at the declared 3 places, right after the lines.
    let table = score(&[PROVINCE, &format!("{DATA}/a.toml")]);
    let at = table.find(a_lines[4]).unwrap();
    let after: Vec<&str> = table[at..].lines().take(3).collect();
    assert!(after[1].starts_with("Tổng điểm: 14,500 / 18"), "{table}");
    assert_eq!(table.matches("Tổng điểm").count(), 1, "{table}");

    let bytes = workbook("adjust", &[PROVINCE, DATA]);
    let text = format!("{:?}", sheet_rows(&bytes, "UBND xã A"));
    for line in a_lines {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let text = format!("{:?}", sheet_rows(&bytes, "UBND xã C"));
    for line in c_lines {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

/// A CSV line split at `sep`, quotes removed (the fixtures' cells hold no quotes).
fn split_csv(line: &str, sep: char) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            c if c == sep && !quoted => out.push(String::new()),
            c => out.last_mut().unwrap().push(c),
        }
    }
    out
}

// ───────────── 2. with groups, the front ranking is per group ─────────────

/// The units that count (each one's last appraisal round) of tests/fixtures/nhom-vong, worked
/// from tinh-2023.csv (2.1 = round(đúng hạn ÷ giải quyết, 2) × 6):
/// - Khối sở: Sở Nội vụ (thẩm định) 2 + 1,5 + 0,90 × 6 = 8,9 → 89%; Sở Tư pháp (thẩm định
///   lại) 1,5 + 1,5 + 0,85 × 6 = 8,1 → 81%; Sở Y tế (thẩm định) 1,5 + 1 + 0,70 × 6 = 6,7 →
///   67%. Ranks 1, 2, 3.
/// - Khối huyện: UBND huyện A (thẩm định) 2 + 1,5 + 0,83 × 6 = 8,48 → 84,8%; UBND huyện B
///   (thẩm định lại) 1,5 + 1 + 0,80 × 6 = 7,3 → 73%. Ranks 1, 2.
///
/// Ranked together A would be second (84,8% between 89% and 81%) and B fourth; docs/batch.md
/// says each group is ranked on its own.
const GROUP_RANKS: [(&str, &str, usize); 5] = [
    ("Khối sở", "Sở Nội vụ", 1),
    ("Khối sở", "Sở Tư pháp", 2),
    ("Khối sở", "Sở Y tế", 3),
    ("Khối huyện", "UBND huyện A", 1),
    ("Khối huyện", "UBND huyện B", 2),
];

#[test]
fn the_page_and_the_workbook_rank_each_group_on_its_own_first() {
    let page = score(&[GROUPS, GROUPS_SHEET, "--format", "html"]);
    let front = &page[..page.find("id=\"chi-tiet\"").unwrap()];
    // A table per group, in declared order, each under the group's name.
    let so = front.find("<h3 class=\"group\">Khối sở</h3>").unwrap();
    let huyen = front.find("<h3 class=\"group\">Khối huyện</h3>").unwrap();
    assert!(so < huyen, "{front}");
    for (group, unit, rank) in GROUP_RANKS {
        let row = format!(
            "<tr><td class=\"n sticky rank\">{rank}</td><td class=\"sticky unit\">{unit}</td>"
        );
        let at = front.find(&row).unwrap_or_else(|| panic!("{row}\n{front}"));
        let in_so = at > so && at < huyen;
        assert_eq!(in_so, group == "Khối sở", "{unit}");
    }
    assert_eq!(front.matches("<table id=\"ranking").count(), 2, "{front}");

    let bytes = workbook("groups", &[GROUPS, GROUPS_SHEET]);
    let rows = sheet_rows(&bytes, "Xếp hạng");
    // Row 4 (0-based 3) is the header; then each group's name and its units.
    let body: Vec<(String, String)> = rows[4..]
        .iter()
        .take_while(|r| r.len() > 1 && !r[1].is_empty())
        .map(|r| (r[0].text(), r[1].text()))
        .collect();
    let expected: Vec<(String, String)> = vec![
        ("", "Khối sở"),
        ("1", "Sở Nội vụ"),
        ("2", "Sở Tư pháp"),
        ("3", "Sở Y tế"),
        ("", "Khối huyện"),
        ("1", "UBND huyện A"),
        ("2", "UBND huyện B"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(body, expected);
    // A's index 84,8% is the fraction 0.848 shown as a percentage (read back as 84.8).
    assert_eq!(rows[9][4], Cell::Number("84.8".into()));
    assert_eq!(number_format(&bytes, "Xếp hạng", "E10"), "0.00%");
    assert_eq!(number_format(&bytes, "Xếp hạng", "A10"), "0");
    // The ranking chart draws the sheet's rows 5–11: both groups, a bar per unit.
    let chart = part(&bytes, "xl/charts/chart1.xml");
    assert!(
        chart.contains("<c:f>'Xếp hạng'!$E$5:$E$11</c:f>"),
        "{chart}"
    );
    // Every other place that names a rank gives the rank within the group: the criteria sheet,
    // the unit's own sheet, the page's points-lost sections (ranked together A would be 2).
    let rows = sheet_rows(&bytes, "Điểm theo tiêu chí");
    let a = rows
        .iter()
        .find(|r| r.len() > 1 && r[1].text() == "UBND huyện A")
        .unwrap();
    assert_eq!(a[0], Cell::Number("1".into()));
    let sheet = format!("{:?}", sheet_rows(&bytes, "UBND huyện A"));
    assert!(sheet.contains("xếp loại Tốt; hạng 1"), "{sheet}");
    assert!(
        page.contains("<h3>1. UBND huyện A — 8,48 / 10 điểm (84,80%)</h3>"),
        "{page}"
    );
}

// ───────────── 7. what an unranked unit's label says ─────────────

/// UBND huyện A's appraisal says 70 dossiers settled on time of 60 settled: a numerator
/// above its denominator, wrong data (not missing), so 2.1 fails and A is unranked with "số
/// liệu có lỗi". UBND xã D (tests/fixtures/adjust/data/d.toml) gives no `kỷ_luật`, which
/// P1 needs: its data is missing, "chưa đủ số liệu".
#[test]
fn an_unranked_unit_is_labelled_with_what_is_wrong_with_its_data() {
    let dir = scratch("wrong");
    let sheet = dir.join("sai.csv");
    let text = crate::common::read(GROUPS_SHEET).replace(
        "9,UBND huyện A,Khối huyện,Thẩm định,50,60,",
        "9,UBND huyện A,Khối huyện,Thẩm định,70,60,",
    );
    assert!(text.contains(",70,60,"));
    std::fs::write(&sheet, text).unwrap();
    let sheet = sheet.to_str().unwrap();
    let table = score(&[GROUPS, sheet]);
    let row = table
        .lines()
        .find(|l| l.contains("UBND huyện A") && l.trim_start().starts_with('—'))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.ends_with("số liệu có lỗi"), "{row}");
    assert!(!table.contains("chưa đủ số liệu"), "{table}");
    assert!(
        table.contains("(số liệu có lỗi: điểm đã chấm được)"),
        "{table}"
    );
    let page = score(&[GROUPS, sheet, "--format", "html"]);
    assert!(
        page.contains("<span class=\"note\">số liệu có lỗi</span>"),
        "{page}"
    );
    assert!(
        page.contains("<p class=\"flag\">Số liệu có lỗi — điểm bị mất dưới đây chỉ tính các tiêu chí đã chấm.</p>"),
        "{page}"
    );
    let bytes = workbook("wrong", &[GROUPS, sheet]);
    let rows = sheet_rows(&bytes, "Xếp hạng");
    let a = rows
        .iter()
        .find(|r| r.len() > 5 && r[1].text() == "UBND huyện A")
        .unwrap();
    assert_eq!(a[5].text(), "số liệu có lỗi");

    let table = score(&[PROVINCE, DATA]);
    let d = table
        .lines()
        .find(|l| l.contains("UBND xã D") && l.trim_start().starts_with('—'))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(d.ends_with("chưa đủ số liệu"), "{d}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The targets table's last column (đạt / chưa đạt) has a heading. UBND huyện B's target of
/// 5 for area 2 against its 4,8 (2.1 = 0,80 × 6): gap 4,8 − 5 = −0,2, not met.
#[test]
fn the_targets_table_heads_its_last_column() {
    let dir = scratch("targets");
    let targets = dir.join("muc-tieu.toml");
    std::fs::write(&targets, "unit = \"UBND huyện B\"\n[points]\n\"2\" = 5\n").unwrap();
    let t = targets.to_str().unwrap();
    let table = score(&[GROUPS, GROUPS_SHEET, "--targets", t]);
    let at = table
        .find("Điểm phấn đấu và kết quả — UBND huyện B")
        .unwrap();
    let head = table[at..].lines().nth(2).unwrap();
    assert!(head.ends_with("Kết quả"), "{head}");
    assert!(
        table[at..]
            .lines()
            .nth(3)
            .unwrap()
            .ends_with("-0,2  chưa đạt"),
        "{table}"
    );
    let md = score(&[GROUPS, GROUPS_SHEET, "--targets", t, "--format", "markdown"]);
    assert!(
        md.contains("| Mã | Tiêu chí | Tối đa | Phấn đấu | Đạt | Chênh lệch | Kết quả |"),
        "{md}"
    );
    assert!(
        md.contains("| 2 | Thủ tục hành chính | 6 | 5 | 4,8 | -0,2 | chưa đạt |"),
        "{md}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

// ───────────── 3. the workbook's `Theo nhóm` sheet formats what each cell is ─────────────

/// The `Theo nhóm` sheet of tests/fixtures/nhom-vong (values in GROUP_RANKS' comment): ranks
/// and counts are whole numbers (`0`, not "1,00"); percentages are stored as fractions with
/// the percent format (89% is 0.89, which the reader gives back as 89), like every other
/// sheet; an area's sub-index too (Sở Nội vụ's area 1: 3,5 / 4 = 87,5%).
#[test]
fn the_group_sheet_writes_ranks_as_whole_numbers_and_percentages_as_percentages() {
    let bytes = workbook("theo-nhom", &[GROUPS, GROUPS_SHEET]);
    let rows = sheet_rows(&bytes, "Theo nhóm");
    let at = |unit: &str, nth: usize| -> usize {
        rows.iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|c| c.text() == unit))
            .nth(nth)
            .unwrap_or_else(|| panic!("{unit} #{nth}: {rows:?}"))
            .0
    };
    // The ranking: Hạng, Đơn vị, Điểm đạt, Tối đa, Chỉ số, Xếp loại.
    let r = at("Sở Nội vụ", 0);
    assert_eq!(rows[r][0], Cell::Number("1".into()));
    assert_eq!(
        number_format(&bytes, "Theo nhóm", &format!("A{}", r + 1)),
        "0"
    );
    assert_eq!(rows[r][2], Cell::Number("8.9".into()));
    assert_eq!(
        number_format(&bytes, "Theo nhóm", &format!("C{}", r + 1)),
        "0.00"
    );
    assert_eq!(rows[r][4], Cell::Number("89".into()));
    assert_eq!(
        number_format(&bytes, "Theo nhóm", &format!("E{}", r + 1)),
        "0.00%"
    );
    let xml = part(&bytes, &sheet_part(&bytes, "Theo nhóm"));
    let cell = &xml[xml.find(&format!("<c r=\"E{}\"", r + 1)).unwrap()..];
    let value = &cell[cell.find("<v>").unwrap() + 3..cell.find("</v>").unwrap()];
    assert_eq!(value, "0.89", "stored as a fraction");
    // The grade counts: Khối sở has 2 units graded Tốt (89%, 81%).
    let tot = rows
        .iter()
        .position(|r| r.first().map(Cell::text).as_deref() == Some("Tốt"))
        .unwrap();
    assert_eq!(rows[tot][2], Cell::Number("2".into()));
    assert_eq!(
        number_format(&bytes, "Theo nhóm", &format!("C{}", tot + 1)),
        "0"
    );
    // The areas' sub-indices: Sở Nội vụ's second row on the sheet.
    let r = at("Sở Nội vụ", 1);
    assert_eq!(rows[r][1], Cell::Number("87.5".into()));
    assert_eq!(
        number_format(&bytes, "Theo nhóm", &format!("B{}", r + 1)),
        "0.00%"
    );
}

// ───────────── 4. the declared places and one formatting on the page ─────────────

/// `hiển thị 3 chữ số` (tests/fixtures/adjust): UBND xã A's total 14,5 is printed 14,500 and
/// UBND xã C's 18 as 18,000 in the page's ranking and the workbook's (`0.000`), as in the
/// table. `--decimals 3` does the same for a ruleset without the declaration (nhom-vong: Sở
/// Nội vụ's 8,9 → 8,900), also in the group sections of the page and the `Theo nhóm` sheet.
#[test]
fn the_page_and_the_workbook_print_totals_with_the_declared_places() {
    let page = score(&[PROVINCE, DATA, "--format", "html"]);
    assert!(
        page.contains("<td class=\"n pts\" title=\"14,500 / 18 điểm\">14,500</td>"),
        "{page}"
    );
    assert!(page.contains(">18,000</td>"), "{page}");
    assert!(page.contains("UBND xã A — 14,500 / 18 điểm"), "{page}");
    let bytes = workbook("places", &[PROVINCE, DATA]);
    let rows = sheet_rows(&bytes, "Xếp hạng");
    let a = rows
        .iter()
        .position(|r| r.len() > 2 && r[1].text() == "UBND xã A")
        .unwrap();
    assert_eq!(rows[a][2], Cell::Number("14.5".into()));
    assert_eq!(
        number_format(&bytes, "Xếp hạng", &format!("C{}", a + 1)),
        "0.000"
    );
    let sheet = format!("{:?}", sheet_rows(&bytes, "UBND xã A"));
    assert!(sheet.contains("Tổng điểm 14,500 / 18"), "{sheet}");

    let page = score(&[GROUPS, GROUPS_SHEET, "--decimals", "3", "--format", "html"]);
    assert!(
        page.contains("<td class=\"n pts\" title=\"8,900 / 10 điểm\">8,900</td>"),
        "{page}"
    );
    assert!(
        page.contains("<td>Sở Nội vụ</td><td class=\"n\">8,900</td>"),
        "{page}"
    );
    let bytes = workbook("decimals", &[GROUPS, GROUPS_SHEET, "--decimals", "3"]);
    let rows = sheet_rows(&bytes, "Xếp hạng");
    let r = rows
        .iter()
        .position(|r| r.len() > 2 && r[1].text() == "Sở Nội vụ")
        .unwrap();
    assert_eq!(
        number_format(&bytes, "Xếp hạng", &format!("C{}", r + 1)),
        "0.000"
    );
    let rows = sheet_rows(&bytes, "Theo nhóm");
    let r = rows
        .iter()
        .position(|r| r.len() > 2 && r[1].text() == "Sở Nội vụ")
        .unwrap();
    assert_eq!(
        number_format(&bytes, "Theo nhóm", &format!("C{}", r + 1)),
        "0.000"
    );
}

/// One page writes a number one way: the ruleset rounds percentages to 2 places, so Sở Nội
/// vụ's 89% is `89,00%` and its area 1 sub-index (3,5 / 4 = 87,5%) `87,50` both in the front
/// ranking and in the group sections; Khối sở's mean (89 + 81 + 67) / 3 = 79 is `79,00%`, its
/// area 1 mean (87,5 + 75 + 62,5) / 3 = 75 is `75,00`. Last year's section too (Sở Nội vụ
/// 85% last year, tests/fixtures/nhom-vong/tinh-2022.json).
#[test]
fn the_page_writes_each_number_one_way() {
    let page = score(&[
        GROUPS,
        GROUPS_SHEET,
        "--previous",
        "tests/fixtures/nhom-vong/tinh-2022.json",
        "--format",
        "html",
    ]);
    let details = page.find("id=\"chi-tiet\"").unwrap();
    let (front, details) = page.split_at(details);
    assert!(front.contains("<b>89,00%</b>"), "{front}");
    assert!(
        front.contains("title=\"3,5 / 4 điểm\">87,50</td>"),
        "{front}"
    );
    assert!(details.contains("<td>Sở Nội vụ</td><td class=\"n\">8,9</td><td class=\"n\">10</td><td class=\"n\">89,00%</td>"), "{details}");
    assert!(
        details.contains("<td>Sở Nội vụ</td><td class=\"n\">87,50</td><td class=\"n\">90,00</td>"),
        "{details}"
    );
    assert!(
        details.contains("<p>Chỉ số bình quân — Khối sở: 79,00%</p>"),
        "{details}"
    );
    assert!(
        details.contains("<td>Bình quân</td><td class=\"n\">75,00</td><td class=\"n\">81,67</td>"),
        "{details}"
    );
    assert!(details.contains("<td>Sở Nội vụ</td><td>Khối sở</td><td class=\"n\">89,00%</td><td class=\"n\">85,00%</td>"), "{details}");
    // The rounds' totals: Sở Nội vụ's self-assessment 9,7 / 10 = 97%.
    assert!(details.contains("9,7 / 10 (97,00%)"), "{details}");
    // No figure cell on the page writes a percentage without its two places.
    let mut seen = 0;
    for cell in page
        .split("<td class=\"n")
        .skip(1)
        .chain(page.split("<b>").skip(1))
    {
        let Some(body) = cell.split_once('>').map(|(_, b)| b) else {
            continue;
        };
        let content = &body[..body.find("</").unwrap_or(body.len())];
        let Some(number) = content.strip_suffix("%)").or(content.strip_suffix('%')) else {
            continue;
        };
        let number = number.rsplit('(').next().unwrap();
        seen += 1;
        let decimals = number.split_once(',').map_or(0, |(_, d)| d.len());
        assert_eq!(decimals, 2, "a percentage without its places: {content}");
    }
    assert!(seen > 20, "{seen} percentages checked");
}

// ───────────── 5. areas are headed by their names ─────────────

/// The areas of tests/fixtures/nhom-vong are "Chỉ đạo, điều hành" and "Thủ tục hành chính":
/// the sub-index tables of the table, Markdown and the page's group sections head them so
/// (`1. Chỉ đạo, điều hành`), as the page's ranking and the workbook do; never `LV 1`.
#[test]
fn sub_index_tables_head_areas_by_their_names() {
    for format in ["table", "markdown", "html"] {
        let out = score(&[GROUPS, GROUPS_SHEET, "--format", format]);
        assert!(
            !out.contains("LV 1") && !out.contains("LV 2"),
            "{format}: {out}"
        );
        let head = match format {
            "table" => "Đơn vị        1. Chỉ đạo, điều hành  2. Thủ tục hành chính",
            "markdown" => "| Đơn vị | 1. Chỉ đạo, điều hành | 2. Thủ tục hành chính |",
            _ => "<th>Đơn vị</th><th class=\"n\">1. Chỉ đạo, điều hành</th><th class=\"n\">2. Thủ tục hành chính</th>",
        };
        assert!(out.contains(head), "{format}: {out}");
    }
}

// ───────────── 6. `csv-vi` carries the columns `csv` has ─────────────

/// With groups, three stages and last year, `csv` adds `stage`, `group`, `group_rank` and
/// last year's columns; `csv-vi` (for Excel in a Vietnamese locale) writes the same header
/// and the same cells, `;` between them and decimal commas: Sở Nội vụ's appraisal row is
/// 10; 8,9 (2 + 1,5 + 0,90 × 6); lost 1,1; 89%; Tốt; appraised; Khối sở; rank 1 in its
/// group; last year 85% (+4 points of percentage, +0,4 points), rank 2 → 1.
#[test]
fn csv_vi_has_the_columns_csv_has() {
    let args = |format: &'static str| {
        [
            GROUPS,
            GROUPS_SHEET,
            "--previous",
            "tests/fixtures/nhom-vong/tinh-2022.json",
            "--format",
            format,
        ]
    };
    let csv = score(&args("csv"));
    let vi = score(&args("csv-vi"));
    assert!(vi.starts_with('\u{feff}'), "a byte-order mark for Excel");
    let csv: Vec<Vec<String>> = csv.lines().map(|l| split_csv(l, ',')).collect();
    let vi: Vec<Vec<String>> = vi
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| split_csv(l, ';'))
        .collect();
    assert_eq!(csv[0], vi[0], "the same header");
    for column in [
        "stage",
        "group",
        "group_rank",
        "previous_percent",
        "grade_move",
    ] {
        assert!(vi[0].iter().any(|h| h == column), "{column}: {:?}", vi[0]);
    }
    assert_eq!(csv.len(), vi.len());
    for (a, b) in csv.iter().zip(&vi) {
        assert_eq!(a.len(), b.len(), "{a:?}\n{b:?}");
        for (x, y) in a.iter().zip(b) {
            match x.parse::<rust_decimal::Decimal>() {
                Ok(d) => assert_eq!(number(y), d, "{x} / {y}"),
                Err(_) => assert_eq!(x, y),
            }
        }
    }
    let noi_vu = vi
        .iter()
        .find(|r| r[0] == "Sở Nội vụ" && r[3] == "unit" && r[11] == "appraised")
        .unwrap();
    assert_eq!(
        noi_vu[4..].join(";"),
        "10;8,9;scored;;1,1;89;Tốt;appraised;Khối sở;1;85;4;0,4;2;1;Tốt;same"
    );
}

/// The floor and the total's rounding get lines of their own too, so the rows still add up.
/// Xã E: the tree gives 4; B1 +0,25; P1 2 × 1 and P2 2 × 0,5 take 3 (under the cap 3), but
/// the floor 2 stops the total at 2: 4 + 0,25 − 2 − 1 + 0,75 = 2. Xã F: 8 + 0,25 = 8,25,
/// rounded to 1 place (half up) 8,3: the rounding adds 0,05.
#[test]
fn the_floor_and_the_rounding_are_lines_that_add_up() {
    let dir = scratch("floor");
    std::fs::write(
        dir.join("r.chiso"),
        "ruleset \"Sàn và làm tròn\" {\n  total 10\n  penalty max 3\n  floor 2\n  rounding total 1\n  grade \"Đạt\" from 0\n}\n\
         input bonus_points: points \"Điểm thưởng do Hội đồng xét\" default 0\n\
         input violations: count \"Vi phạm\" default 0\n\
         area 1 \"Kết quả\" max 10 {\n  criterion 1.1 \"Kết quả thực hiện\" max 10\n}\n\
         bonus B1 \"Giải thưởng\" { score = bonus_points }\n\
         penalty P1 \"Vi phạm\" { score = violations * 1 }\n\
         penalty P2 \"Báo cáo chậm\" { score = violations * 0.5 }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("e.toml"),
        "unit = \"Xã E\"\n[inputs]\nbonus_points = 0.25\nviolations = 2\n[points]\n\"1.1\" = 4\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("f.toml"),
        "unit = \"Xã F\"\n[inputs]\nbonus_points = 0.25\n[points]\n\"1.1\" = 8\n",
    )
    .unwrap();
    let path = |f: &str| dir.join(f).to_str().unwrap().to_string();
    let (rs, e, f) = (path("r.chiso"), path("e.toml"), path("f.toml"));
    let csv = score(&[&rs, &e, &f, "--format", "csv"]);
    assert!(
        csv.contains("Xã E,floor,Không trừ xuống dưới điểm sàn (2),penalty_limit,,0.75,scored"),
        "{csv}"
    );
    assert!(csv.contains("Xã E,,TỔNG,unit,10,2,scored"), "{csv}");
    assert!(
        csv.contains("Xã F,rounding,Làm tròn tổng điểm,rounding,,0.05,scored"),
        "{csv}"
    );
    assert!(csv.contains("Xã F,,TỔNG,unit,10,8.3,scored"), "{csv}");
    let table = score(&[&rs, &e]);
    assert!(table.contains("Không trừ xuống dưới điểm sàn (2): +0,75\nĐiểm các tiêu chí: 4   Điểm thưởng được cộng: +0,25   Điểm trừ: −2,25\nTổng điểm: 2 / 10"), "{table}");
    std::fs::remove_dir_all(&dir).ok();
}

/// A unit whose data names no declared group ("Khối xã") cannot be scored (D003) and belongs
/// to no group's ranking: the page lists it under its own heading after the groups, the
/// workbook after the groups' units; every unit stays in every output.
#[test]
fn a_unit_of_no_declared_group_is_listed_after_the_groups() {
    let dir = scratch("no-group");
    let sheet = dir.join("tinh.csv");
    let mut text = crate::common::read(GROUPS_SHEET);
    text.push_str("13,UBND xã X,Khối xã,Thẩm định,1,2,1,1,\n");
    std::fs::write(&sheet, text).unwrap();
    let sheet = sheet.to_str().unwrap();
    let page = score(&[GROUPS, sheet, "--format", "html"]);
    let front = &page[..page.find("id=\"chi-tiet\"").unwrap()];
    let heading = front
        .find("<h3 class=\"group\">Không xác định được nhóm</h3>")
        .unwrap();
    assert!(heading > front.find("<h3 class=\"group\">Khối huyện</h3>").unwrap());
    assert!(
        front[heading..].contains("<td class=\"sticky unit\">UBND xã X</td>"),
        "{front}"
    );
    let bytes = workbook("no-group", &[GROUPS, sheet]);
    let rows = sheet_rows(&bytes, "Xếp hạng");
    let names: Vec<String> = rows[4..]
        .iter()
        .map(|r| r.get(1).map(Cell::text).unwrap_or_default())
        .collect();
    let x = names.iter().position(|n| n == "UBND xã X").unwrap();
    let b = names.iter().position(|n| n == "UBND huyện B").unwrap();
    assert!(x > b, "{names:?}");
    assert_eq!(rows[4 + x][5].text(), "không chấm được: số liệu có lỗi");
    std::fs::remove_dir_all(&dir).ok();
}

/// The same lines and labels in English (`--lang en`): UBND xã A's cap line (worked in
/// `bonus_and_penalty_rows_add_up_to_the_total_in_every_format`: 2 of bonus items, 1.5 let
/// through) and UBND huyện A's wrong data (70 on time of 60 settled).
#[test]
fn the_new_lines_and_labels_speak_english_when_asked() {
    let (code, table, err) = run_chiso(&["score", "--lang", "en", PROVINCE, DATA]);
    assert!(code == 0 || code == 1, "{err}");
    for line in [
        "Above the yearly bonus cap (max 1.5): −0.5",
        "Above the unit's maximum (18): −0.4",
        "Criteria points: 15   Bonus added: +1.5   Penalty: −2\nTotal: 14.500 / 18",
    ] {
        assert!(table.contains(line), "{line}\n{table}");
    }
    let d = table
        .lines()
        .find(|l| l.contains("UBND xã D") && l.trim_start().starts_with('—'))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(d.ends_with("incomplete data"), "{d}");
    let dir = scratch("english");
    let sheet = dir.join("sai.csv");
    let text = crate::common::read(GROUPS_SHEET).replace(
        "9,UBND huyện A,Khối huyện,Thẩm định,50,60,",
        "9,UBND huyện A,Khối huyện,Thẩm định,70,60,",
    );
    std::fs::write(&sheet, text).unwrap();
    let (_, table, _) = run_chiso(&["score", "--lang", "en", GROUPS, sheet.to_str().unwrap()]);
    assert!(
        table.contains("Total: 3.5 (data errors: points scored so far) / 10"),
        "{table}"
    );
    let row = table
        .lines()
        .find(|l| l.contains("UBND huyện A") && l.trim_start().starts_with('—'))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.ends_with("data errors"), "{row}");
    std::fs::remove_dir_all(&dir).ok();
}
