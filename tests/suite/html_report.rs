//! The publishable HTML report, opened in headless Chromium (installed by
//! scripts/deps/chromium.sh): the 30-unit test province and a 40-unit one. The ranking with
//! area names and Vietnamese numbers comes first; printed on A4 landscape it takes at most
//! four pages before the details, which start on a page of their own; at 390 px the page is
//! no wider than the screen. `CHISO_UPDATE_SCREENSHOT=1` writes the README's screenshots
//! (docs/report-ranking.png, docs/report-phone.png, docs/report-print.png).

use crate::common::root;
use crate::province::{self, province_rows, ruleset};
use chiso::batch::{self, Batch};
use chiso::model::Ruleset;
use chiso_formats::grid::text_grid;
use chiso_formats::report::batch::BatchReport;
use chiso_formats::report::Format;
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> String {
    let candidate = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let found = Command::new(&candidate)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        found,
        "headless Chromium is needed: run scripts/deps/chromium.sh (or set CHROMIUM)"
    );
    candidate
}

/// Runs Chromium headless with the flags of a sandboxed CI machine; returns stdout.
fn run_chromium(profile: &Path, args: &[String]) -> String {
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().expect("reader")
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
    let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
    (w, h)
}

/// The province's rows as CSV.
fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// Ten more districts, with long names, for the 40-unit province.
pub(crate) const MORE: [&str; 10] = [
    "Thành phố Điện Biên Phủ",
    "Thị xã Mường Lay",
    "Huyện Điện Biên Đông",
    "Huyện Mường Ảng",
    "Huyện Tuần Giáo",
    "Huyện Tủa Chùa",
    "Huyện Mường Chà",
    "Huyện Nậm Pồ",
    "Huyện Mường Nhé",
    "Huyện Điện Biên",
];

/// The test province (30 units), or more: units 31–40 are the appraisal rows of units 1–10
/// again under the names above (so their scores equal those units'), and beyond 40 the
/// appraisal rows again in turn as "Xã 00041", ….
pub(crate) fn province_batch(rs: &Ruleset, units: usize) -> Batch {
    let mut rows = province_rows(rs);
    let appraisals: Vec<Vec<String>> = rows
        .iter()
        .filter(|r| r[2] == "thẩm định")
        .cloned()
        .collect();
    for k in 30..units {
        let mut r = appraisals[(k - 30) % appraisals.len()].clone();
        r[0] = rows.len().to_string();
        r[1] = match MORE.get(k - 30) {
            Some(name) => name.to_string(),
            None => format!("Xã {:05}", k + 1),
        };
        rows.push(r);
    }
    let sheet = Sheet::new(rs, text_grid(&csv(&rows)), SheetOptions::default());
    let source = SheetUnits::new("tinh.csv", sheet);
    batch::score(rs, &source, &mut |_| {})
}

fn html(rs: &Ruleset, b: &Batch) -> String {
    String::from_utf8(
        Format::Html
            .to_bytes(&BatchReport::new(rs, b, &[]))
            .unwrap(),
    )
    .unwrap()
}

/// The page printed to PDF by Chromium: its bytes.
fn print_pdf(dir: &Path, html: &Path, name: &str) -> Vec<u8> {
    let pdf = dir.join(format!("{name}.pdf"));
    run_chromium(
        &dir.join(format!("profile-{name}")),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            format!("file://{}", html.display()),
        ],
    );
    let bytes = std::fs::read(&pdf).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    bytes
}

/// Page objects of a PDF (`/Type /Page`, not `/Type /Pages`).
fn pdf_pages(pdf: &[u8]) -> usize {
    let mut n = 0;
    for pattern in [&b"/Type /Page"[..], &b"/Type/Page"[..]] {
        for (at, _) in pdf
            .windows(pattern.len())
            .enumerate()
            .filter(|(_, w)| *w == pattern)
        {
            if pdf.get(at + pattern.len()) != Some(&b's') {
                n += 1;
            }
        }
    }
    n
}

/// The page with the publishable part removed: the details alone.
fn details_only(page: &str) -> String {
    let start = page
        .find("<section class=\"publish\"")
        .expect("a publishable section");
    let end = page.find("<section class=\"details\"").unwrap();
    format!("{}{}", &page[..start], &page[end..])
}

/// The page with the details removed: what the province publishes, printed alone.
fn publishable_only(page: &str) -> String {
    let start = page
        .find("<section class=\"details\"")
        .expect("a details section");
    let end = page[start..]
        .find("</section>\n<p class=\"note\">Tạo bởi")
        .unwrap()
        + start;
    format!("{}{}", &page[..start], &page[end + "</section>".len()..])
}

/// The scroll width of the page laid out `width` px wide, and the ranking table's width. Headless Chromium's window is at
/// least 500 px wide, so the page is shown in a frame of that width; a script of the test's
/// wrapper (the report itself has none) reads the frame's document width.
fn scroll_width_at(dir: &Path, page: &Path, width: u32, name: &str) -> (u32, u32) {
    let wrapper = framed(dir, page, width, 900, name);
    let dom = run_chromium(
        &dir.join(format!("profile-{name}")),
        &[
            "--allow-file-access-from-files".into(),
            format!("--window-size={},900", width.max(500)),
            "--dump-dom".into(),
            format!("file://{}", wrapper.display()),
        ],
    );
    let read = |key: &str| -> u32 {
        let key = format!("{key}=\"");
        let at = dom.find(&key).expect("the probe ran") + key.len();
        dom[at..at + dom[at..].find('"').unwrap()].parse().unwrap()
    };
    (read("data-scroll-width"), read("data-table-width"))
}

/// A page showing `page` in a frame of `width` × `height` px at its top left.
fn framed(dir: &Path, page: &Path, width: u32, height: u32, name: &str) -> PathBuf {
    let wrapper = dir.join(format!("{name}-frame.html"));
    std::fs::write(
        &wrapper,
        format!(
            "<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"file://{}\" width=\"{width}\" height=\"{height}\" style=\"border:0;display:block\"></iframe><script>window.addEventListener('load', () => {{ const d = document.getElementById('f').contentDocument; document.body.setAttribute('data-scroll-width', d.documentElement.scrollWidth); const t = d.getElementById('ranking'); document.body.setAttribute('data-table-width', t ? t.offsetWidth : 0); }});</script></body></html>",
            page.display()
        ),
    )
    .unwrap();
    wrapper
}

fn screenshot(dir: &Path, html: &Path, width: u32, height: u32, name: &str) -> PathBuf {
    let shot = dir.join(format!("{name}.png"));
    // Narrower than Chromium's headless window can be: the page in a frame of that width.
    let shown = if width < 500 {
        framed(dir, html, width, height, name)
    } else {
        html.to_path_buf()
    };
    run_chromium(
        &dir.join(format!("profile-{name}")),
        &[
            "--allow-file-access-from-files".into(),
            format!("--window-size={width},{height}"),
            format!("--screenshot={}", shot.display()),
            format!("file://{}", shown.display()),
        ],
    );
    let png = std::fs::read(&shot).expect("the screenshot is written");
    assert_eq!(png_size(&png), (width, height));
    assert!(
        png.len() > 20_000,
        "the screenshot shows a page, not a blank ({} bytes)",
        png.len()
    );
    shot
}

#[test]
fn the_ranking_comes_first_with_area_names_and_vietnamese_numbers() {
    let rs = ruleset();
    let b = province_batch(&rs, 30);
    let page = html(&rs, &b);
    let ranking = &page[page.find("<table id=\"ranking\"").unwrap()..];
    let ranking = &ranking[..ranking.find("</table>").unwrap()];
    // Before any details.
    assert!(page.find("id=\"ranking\"").unwrap() < page.find("id=\"chi-tiet\"").unwrap());
    assert!(page.find("id=\"grades\"").unwrap() < page.find("id=\"chi-tiet\"").unwrap());
    // Areas headed by their names (shortened), the full name in the title; never "LV n".
    assert!(!page.contains("LV "), "no LV n headings");
    assert!(ranking.contains(
        "title=\"CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC (tối đa 19 điểm)\">1. Chỉ đạo, điều hành CCHC</th>"
    ));
    // Area 5's maximum is 10,5 (the ruleset writes `tối đa 10,5`).
    assert!(ranking.contains("(tối đa 10,5 điểm)\">5. Chế độ công vụ</th>"));
    // Unit 01 (level 100) is first at 100%; units at level 95 share rank 2 at the index the
    // province test computes by hand, written with a decimal comma.
    assert!(ranking
        .contains("<td class=\"n sticky rank\">1</td><td class=\"sticky unit\">Đơn vị 01</td>"));
    // Percentages with the two places the ruleset rounds them to (the default).
    assert!(ranking.contains("<b>100,00%</b>"));
    let p95 = province::expected(&rs, 95).total;
    let p95 = format!("{:.2}", p95.round_dp(2)).replace('.', ",");
    assert!(p95.contains(','), "a fractional index: {p95}");
    assert!(ranking.contains(&format!("<b>{p95}%</b>")), "{p95}");
    // No number anywhere in the ranking is written with a decimal point.
    for cell in ranking.split("<td").skip(1) {
        let text = &cell[cell.find('>').unwrap() + 1..];
        let text = text.split('<').next().unwrap();
        assert!(
            !text
                .chars()
                .zip(text.chars().skip(1))
                .any(|(a, c)| a == '.' && c.is_ascii_digit())
                || text.contains("Đơn vị"),
            "a decimal point in {text:?}"
        );
    }
    // Nor in any number cell of the page (details included): points such as 10,5 and 0,25.
    let mut numbers = 0;
    for cell in page.split("<td class=\"n").skip(1) {
        let text = &cell[cell.find('>').unwrap() + 1..];
        let text = text.split("</td>").next().unwrap();
        numbers += 1;
        assert!(
            !text
                .chars()
                .zip(text.chars().skip(1))
                .zip(text.chars().skip(2))
                .any(|((a, b), c)| a.is_ascii_digit() && b == '.' && c.is_ascii_digit()),
            "a decimal point in {text:?}"
        );
    }
    assert!(numbers > 1000, "{numbers} number cells");
    assert!(
        page.contains("<td class=\"n\">0,25</td>") || page.contains("<td class=\"n\">0,5</td>")
    );
    // 29 units in the ranking (unit 29's data is broken: listed as not scored).
    assert_eq!(ranking.matches("<tr>").count(), 1 + 29);
    assert_eq!(ranking.matches("<tr class=\"not-scored\">").count(), 1);
    // Grade distribution: every unit counted, with its share.
    let grades = &page[page.find("id=\"grades\"").unwrap()..];
    let grades = &grades[..grades.find("</div>\n").unwrap()];
    assert!(grades.contains("Tốt"));
}

#[test]
fn the_html_report_prints_the_ranking_in_at_most_four_pages_and_fits_a_phone() {
    let rs = ruleset();
    let dir = tempfile::tempdir().unwrap();
    for units in [30, 40] {
        let b = province_batch(&rs, units);
        let page = html(&rs, &b);
        let full = dir.path().join(format!("bao-cao-{units}.html"));
        std::fs::write(&full, &page).unwrap();
        let publishable = dir.path().join(format!("cong-bo-{units}.html"));
        std::fs::write(&publishable, publishable_only(&page)).unwrap();

        // The publishable part alone: at most 4 A4 landscape pages.
        let alone = pdf_pages(&print_pdf(
            dir.path(),
            &publishable,
            &format!("cong-bo-{units}"),
        ));
        assert!(
            (1..=4).contains(&alone),
            "{units} units: the ranking and grades print on {alone} pages"
        );
        // The whole report: the details start on a page of their own, so its pages are the
        // publishable part's and the details' printed alone.
        let details = dir.path().join(format!("chi-tiet-{units}.html"));
        std::fs::write(&details, details_only(&page)).unwrap();
        let details = pdf_pages(&print_pdf(
            dir.path(),
            &details,
            &format!("chi-tiet-{units}"),
        ));
        let whole = pdf_pages(&print_pdf(dir.path(), &full, &format!("bao-cao-{units}")));
        // The ranking fits the printed width without scrolling: A4 landscape less 10 mm
        // margins is 277 mm, 1047 px at 96 px an inch.
        let (_, table) = scroll_width_at(dir.path(), &full, 1047, &format!("a4-{units}"));
        assert!(
            table <= 1047,
            "{units} units: the ranking is {table} px wide"
        );
        eprintln!("{units} units: the ranking is {table} px wide at 1047 px");
        eprintln!("{units} units: the publishable part prints on {alone} pages, the details on {details}, the whole report on {whole}");
        assert_eq!(whole, alone + details, "{units} units");

        // At 1366 and at 390 px the page is no wider than the window: wide tables scroll
        // inside their box.
        for width in [1366, 390] {
            let (scroll, _) =
                scroll_width_at(dir.path(), &full, width, &format!("w{width}-{units}"));
            assert!(
                scroll <= width,
                "{units} units at {width} px: the page is {scroll} px wide"
            );
        }
    }
}

#[test]
fn screenshots_of_the_html_report() {
    let rs = ruleset();
    let b = province_batch(&rs, 30);
    let page = html(&rs, &b);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bao-cao.html");
    std::fs::write(&file, &page).unwrap();
    let wide = screenshot(dir.path(), &file, 1366, 900, "ranking");
    let phone = screenshot(dir.path(), &file, 390, 844, "phone");
    if std::env::var_os("CHISO_UPDATE_SCREENSHOT").is_some() {
        std::fs::copy(&wide, root().join("docs/report-ranking.png")).unwrap();
        std::fs::copy(&phone, root().join("docs/report-phone.png")).unwrap();
        // The first printed page, rendered from the PDF by poppler's pdftoppm.
        let pdf = dir.path().join("in.pdf");
        std::fs::write(&pdf, print_pdf(dir.path(), &file, "printed")).unwrap();
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&pdf)
            .arg(root().join("docs/report-print"))
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "pdftoppm (poppler-utils) renders the printed page for docs/report-print.png"
        );
    }
}

#[test]
fn the_page_is_written_unit_by_unit() {
    // The writer is handed the page in pieces no larger than its buffer (64 KiB), never as
    // one string: a writer that records its largest write sees pieces, not the report.
    struct Largest(usize, usize);
    impl std::io::Write for Largest {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0 = self.0.max(buf.len());
            self.1 += buf.len();
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let rs = ruleset();
    let b = province_batch(&rs, 40);
    let mut out = Largest(0, 0);
    Format::Html
        .write(&BatchReport::new(&rs, &b, &[]), &mut out)
        .unwrap();
    assert!(out.1 > 3 * 64 * 1024, "a report of {} bytes", out.1);
    assert!(out.0 <= 64 * 1024, "largest write {} bytes", out.0);
}
