//! The publishable workbook of the 30-unit test province: read back (calamine for values and
//! sheet names; the parts calamine does not expose — number formats, frozen panes, row
//! heights, print setup, charts — from the package's XML), and rendered to PDF by LibreOffice
//! headless (installed by scripts/deps/libreoffice.sh) under a Vietnamese locale, where the
//! percentages read `94,51%`. `CHISO_UPDATE_SCREENSHOT=1` writes docs/report-workbook.png.

use crate::common::root;
use crate::html_report::province_batch;
use crate::province::{self, ruleset};
use calamine::{Data, Reader, Xlsx};
use chiso_formats::report::batch::BatchReport;
use chiso_formats::report::Format;
use std::io::{Cursor, Read};
use std::process::Command;

fn workbook(units: usize) -> Vec<u8> {
    let rs = ruleset();
    let b = province_batch(&rs, units);
    Format::Xlsx
        .to_bytes(&BatchReport::new(&rs, &b, &[]))
        .unwrap()
}

/// One part of the package, as text.
fn part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut file = zip.by_name(name).ok()?;
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    Some(text)
}

/// The value of attribute `name` in the first element of `xml` that starts with `open`.
fn attr<'a>(xml: &'a str, open: &str, name: &str) -> Option<&'a str> {
    let at = xml.find(open)?;
    let element = &xml[at..at + xml[at..].find('>')?];
    let key = format!(" {name}=\"");
    let v = element.find(&key)? + key.len();
    Some(&element[v..v + element[v..].find('"')?])
}

/// The number format code of a cell (`E5`) of a sheet part: cell → style → numFmt.
fn number_format(bytes: &[u8], sheet_part: &str, cell: &str) -> String {
    let sheet = part(bytes, sheet_part).unwrap();
    let style: usize = attr(&sheet, &format!("<c r=\"{cell}\""), "s")
        .unwrap_or_else(|| panic!("cell {cell} has a style"))
        .parse()
        .unwrap();
    let styles = part(bytes, "xl/styles.xml").unwrap();
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let id = attr(&format!("<xf {xf}"), "<xf", "numFmtId")
        .unwrap()
        .to_string();
    if id == "0" {
        return "General".into();
    }
    attr(&styles, &format!("<numFmt numFmtId=\"{id}\""), "formatCode")
        .unwrap_or_else(|| panic!("format {id}"))
        .to_string()
}

#[test]
fn the_workbook_has_number_formats_names_charts_and_print_setup() {
    let rs = ruleset();
    let bytes = workbook(30);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    for wanted in [
        "Xếp hạng",
        "Biểu đồ",
        "Xếp loại",
        "Tự ĐG - Thẩm định",
        "Không chấm được",
        "Điểm theo tiêu chí",
        "Đơn vị 01",
        "Đơn vị 30",
    ] {
        assert!(names.iter().any(|n| n == wanted), "{wanted} in {names:?}");
    }
    for n in &names {
        assert!(n.chars().count() <= 31, "{n}");
        assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']), "{n}");
    }
    // Sheet 1, the ranking: areas headed by their names, values as numbers.
    let range = book.worksheet_range("Xếp hạng").unwrap();
    let cell = |r: u32, c: u32| range.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    assert_eq!(cell(3, 1), Data::String("Đơn vị".into()));
    assert_eq!(cell(3, 4), Data::String("Chỉ số CCHC".into()));
    assert_eq!(
        cell(3, 6),
        Data::String("1. Chỉ đạo, điều hành CCHC".into())
    );
    assert_eq!(cell(3, 10), Data::String("5. Chế độ công vụ".into()));
    for c in 0..20 {
        if let Data::String(s) = cell(3, c) {
            assert!(!s.starts_with("LV "), "{s}");
        }
    }
    // Unit 01 (level 100): rank 1, 100 points, index 100% stored as the fraction 1.
    assert_eq!(cell(4, 0), Data::Float(1.0));
    assert_eq!(cell(4, 1), Data::String("Đơn vị 01".into()));
    assert_eq!(cell(4, 2), Data::Float(100.0));
    assert_eq!(cell(4, 4), Data::Float(1.0));
    // Units 02 and 03 (level 95) share rank 2 at the index the province test computes by
    // hand, stored as a fraction (94,51% → 0.9451).
    let p95 = province::expected(&rs, 95).total;
    let fraction: f64 = (p95 / rust_decimal::Decimal::ONE_HUNDRED)
        .to_string()
        .parse()
        .unwrap();
    assert_eq!(cell(5, 0), Data::Float(2.0));
    assert_eq!(cell(5, 4), Data::Float(fraction));
    assert_eq!(cell(6, 0), Data::Float(2.0));

    // Number formats: points 0.00, percentages 0.00% (two places: the ruleset declares no
    // percentage rounding, so the default two apply); ranks whole numbers.
    let sheet1 = "xl/worksheets/sheet1.xml";
    assert_eq!(number_format(&bytes, sheet1, "A5"), "0");
    assert_eq!(number_format(&bytes, sheet1, "C5"), "0.00");
    assert_eq!(number_format(&bytes, sheet1, "D5"), "0.00");
    assert_eq!(number_format(&bytes, sheet1, "E5"), "0.00%");
    assert_eq!(number_format(&bytes, sheet1, "G5"), "0.00%");

    let xml = part(&bytes, sheet1).unwrap();
    // Frozen: the header rows and the rank and unit columns.
    assert_eq!(attr(&xml, "<pane", "state"), Some("frozen"));
    assert_eq!(attr(&xml, "<pane", "ySplit"), Some("4"));
    assert_eq!(attr(&xml, "<pane", "xSplit"), Some("2"));
    // The header row's height is set for its wrapped titles (more than one line).
    let height: f64 = attr(&xml, "<row r=\"4\"", "ht").unwrap().parse().unwrap();
    assert!(height > 30.0, "{height}");
    assert_eq!(attr(&xml, "<row r=\"4\"", "customHeight"), Some("1"));
    // Column widths are set.
    assert!(xml.contains("<cols>"));
    // A4 landscape, fitted to one page wide.
    assert_eq!(attr(&xml, "<pageSetup", "paperSize"), Some("9"));
    assert_eq!(attr(&xml, "<pageSetup", "orientation"), Some("landscape"));
    assert_eq!(attr(&xml, "<pageSetup", "fitToHeight"), Some("0"));
    assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"));
    // The header row repeats on every printed page.
    let book_xml = part(&bytes, "xl/workbook.xml").unwrap();
    assert!(
        book_xml.contains("'Xếp hạng'!$4:$4"),
        "print titles: {book_xml}"
    );

    // Two charts, `xl/charts/chart1.xml` and `chart2.xml`: the ranking (bars, the
    // first-ranked unit at the top: its category axis reversed) and the grade distribution
    // (columns).
    let charts = [
        part(&bytes, "xl/charts/chart1.xml").expect("a first chart"),
        part(&bytes, "xl/charts/chart2.xml").expect("a second chart"),
    ];
    assert!(part(&bytes, "xl/charts/chart3.xml").is_none());
    let grades = charts
        .iter()
        .find(|c| c.contains("<c:barDir val=\"col\"/>"))
        .expect("a column chart");
    assert!(grades.contains("'Xếp loại'!$C$2:$C$7"), "{grades}");
    assert!(grades.contains("'Xếp loại'!$A$2:$A$7"));
    let chart2 = charts
        .iter()
        .find(|c| c.contains("<c:barDir val=\"bar\"/>"))
        .expect("a bar chart");
    assert!(chart2.contains("<c:orientation val=\"maxMin\"/>"));
    // 28 ranked units: Xếp hạng rows 5 to 32.
    assert!(chart2.contains("'Xếp hạng'!$E$5:$E$32"), "{chart2}");
    assert!(chart2.contains("'Xếp hạng'!$B$5:$B$32"));
}

/// `soffice` (and `pdftotext`), installed by scripts/deps/libreoffice.sh if it can be: `None` (with the reason
/// printed) only where it is not installable.
fn soffice() -> Option<String> {
    let found = |c: &str| {
        Command::new(c)
            .arg(if c == "pdftotext" { "-v" } else { "--version" })
            .output()
            .is_ok_and(|o| o.status.success())
    };
    // pdftotext (poppler-utils) reads the rendered PDF; the script installs both.
    if found("soffice") && found("pdftotext") {
        return Some("soffice".into());
    }
    let script = root().join("scripts/deps/libreoffice.sh");
    let out = Command::new("bash").arg(&script).output().unwrap();
    if out.status.success() && found("soffice") && found("pdftotext") {
        return Some("soffice".into());
    }
    eprintln!(
        "SKIPPED: LibreOffice is not installable here ({}): {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr).trim()
    );
    None
}

#[test]
fn libreoffice_renders_the_workbook_with_vietnamese_numbers() {
    let Some(soffice) = soffice() else { return };
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("bao-cao.xlsx");
    std::fs::write(&xlsx, workbook(30)).unwrap();
    let status = Command::new(&soffice)
        .env("LC_ALL", "vi_VN.UTF-8")
        .env("LANG", "vi_VN.UTF-8")
        .env("HOME", dir.path())
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = std::fs::read(dir.path().join("bao-cao.pdf")).expect("LibreOffice wrote a PDF");
    assert!(pdf.starts_with(b"%PDF-"));
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", "1", "-l", "2"])
        .arg(dir.path().join("bao-cao.pdf"))
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    // The ranking page: names and percentages with a decimal comma.
    assert!(text.contains("Đơn vị 01"), "{text}");
    assert!(text.contains("100,00%"), "{text}");
    // The area heading, wrapped over lines in its cell.
    assert!(text.contains("1. Chỉ đạo,"), "{text}");
    // Units 02 and 03 at the index computed by hand (level 95), two places, comma.
    let p95 = province::expected(&ruleset(), 95).total.round_dp(2);
    let p95 = format!("{p95:.2}%").replace('.', ",");
    let line = text
        .lines()
        .find(|l| l.contains("Đơn vị 02"))
        .expect("a line for unit 02");
    assert!(line.contains(&p95), "{p95} in {line}");
    if std::env::var_os("CHISO_UPDATE_SCREENSHOT").is_some() {
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile"])
            .arg(dir.path().join("bao-cao.pdf"))
            .arg(root().join("docs/report-workbook"))
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "pdftoppm renders the page"
        );
        // The charts: the page after the ranking's.
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "70", "-f", "2", "-l", "2", "-singlefile"])
            .arg(dir.path().join("bao-cao.pdf"))
            .arg(root().join("docs/report-workbook-charts"))
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "pdftoppm renders the page"
        );
    }
}

/// A ruleset without grade bands, and a batch with no unit at all: both reports are still
/// written (no chart over an empty range, no panic), and say there is nothing ranked.
#[test]
fn a_batch_without_units_or_grades_still_has_both_reports() {
    let text = "bộ tiêu chí \"Thử\" {\n  năm 2024\n  cấp huyện\n  tổng điểm 1\n}\n\nđầu vào a: có/không \"A\"\n\nlĩnh vực 1 \"CẢI CÁCH THỦ TỤC HÀNH CHÍNH\" {\n  tiêu chí 1.1 \"Một\" tối đa 1 {\n    điểm = nếu a thì tối đa ngược lại 0\n  }\n}\n";
    let analysis = chiso::analyze(text);
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    let rs = analysis.ruleset;
    let sheet = chiso_formats::sheet::Sheet::new(
        &rs,
        chiso_formats::grid::text_grid("Đơn vị,a\n"),
        chiso_formats::sheet::SheetOptions::default(),
    );
    let units = chiso_formats::units::SheetUnits::new("trong.csv", sheet);
    let b = chiso::batch::score(&rs, &units, &mut |_| {});
    assert!(b.units.is_empty() && b.not_scored.is_empty());
    let report = BatchReport::new(&rs, &b, &[]);
    let html = String::from_utf8(Format::Html.to_bytes(&report).unwrap()).unwrap();
    assert!(html.contains("<table id=\"ranking\""));
    assert!(html.contains(">1. Thủ tục hành chính</th>"));
    assert!(html.ends_with("</html>\n"));
    let bytes = Format::Xlsx.to_bytes(&report).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names()[0], "Xếp hạng");
    let range = book.worksheet_range("Xếp hạng").unwrap();
    assert_eq!(
        range.get_value((3, 6)).cloned(),
        Some(Data::String("1. Thủ tục hành chính".into()))
    );
    // Only the grade chart (with the one "not graded" bar): no ranking chart without units.
    assert!(part(&bytes, "xl/charts/chart1.xml").is_some());
    assert!(part(&bytes, "xl/charts/chart2.xml").is_none());
}

/// 150 units: the ranking chart shows the first 100 and says so; there is no sheet per unit
/// (more than 100), and every unit has its row on `Điểm theo tiêu chí`.
#[test]
fn a_large_batch_charts_the_first_hundred_and_keeps_every_unit_on_the_criteria_sheet() {
    let bytes = workbook(150);
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let names = book.sheet_names();
    assert!(!names.iter().any(|n| n.starts_with("Đơn vị")), "{names:?}");
    let ranking = charts_of(&bytes)
        .into_iter()
        .find(|c| c.contains("<c:barDir val=\"bar\"/>"))
        .expect("a ranking chart");
    assert!(ranking.contains("100 đơn vị đứng đầu"));
    // Rows 5 to 104 of `Xếp hạng`: the first 100.
    assert!(ranking.contains("'Xếp hạng'!$E$5:$E$104"), "{ranking}");
    // Every scored unit (incomplete ones too), in rows from 6 on: 150 units less unit 29,
    // whose data is broken, and its four copies (Xã 00059, 00089, 00119, 00149).
    let matrix = book.worksheet_range("Điểm theo tiêu chí").unwrap();
    let listed: Vec<String> = (5..matrix.height() as u32 + 5)
        .filter_map(|r| match matrix.get_value((r, 1)) {
            Some(Data::String(s)) => Some(s.clone()),
            _ => None,
        })
        .collect();
    // Xã 00150 copies unit 30 (a figure missing: scored, incomplete); Xã 00149 unit 29.
    assert!(listed.contains(&"Xã 00150".to_string()));
    assert!(!listed.contains(&"Xã 00149".to_string()));
    assert_eq!(listed.len(), 145, "every scored unit has a row");
}

/// Every chart part of the package.
fn charts_of(bytes: &[u8]) -> Vec<String> {
    (1..)
        .map_while(|k| part(bytes, &format!("xl/charts/chart{k}.xml")))
        .collect()
}
