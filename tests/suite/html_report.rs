//! The HTML report of the 30-unit province opened in headless Chromium (installed by
//! scripts/deps/chromium.sh): the rendered page holds the ranking table and the charts, and a
//! screenshot is taken. `CHISO_UPDATE_SCREENSHOT=1` writes it to docs/report-screenshot.png.

use crate::common::root;
use crate::province::{province_csv, ruleset};
use chiso::batch::{self};
use chiso_formats::grid::text_grid;
use chiso_formats::report::batch::BatchReport;
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use std::path::Path;
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

#[test]
fn the_html_report_renders_in_chromium() {
    let rs = ruleset();
    let sheet = Sheet::new(&rs, text_grid(&province_csv(&rs)), SheetOptions::default());
    let units = SheetUnits::new("tinh.csv", sheet);
    let b = batch::score(&rs, &units, &mut |_| {});
    let page = chiso_formats::report::html::batch(&BatchReport::new(&rs, &b, &[]));
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("bao-cao.html");
    std::fs::write(&html, &page).unwrap();
    let url = format!("file://{}", html.display());

    let dom = run_chromium(
        &dir.path().join("profile-dom"),
        &["--dump-dom".into(), url.clone()],
    );
    assert!(
        dom.contains("<table id=\"ranking\""),
        "the ranking table is rendered"
    );
    let ranking = &dom[dom.find("<table id=\"ranking\"").unwrap()..];
    let ranking = &ranking[..ranking.find("</table>").unwrap()];
    assert_eq!(
        ranking.matches("<tr>").count(),
        1 + 29,
        "a header and 29 units"
    );
    assert!(ranking.contains("<td class=\"n\">1</td><td>Đơn vị 01</td>"));
    for id in ["chart-ranking", "chart-grades", "heatmap"] {
        let at = dom
            .find(&format!("<svg id=\"{id}\""))
            .unwrap_or_else(|| panic!("chart {id} is rendered"));
        let chart = &dom[at..];
        let chart = &chart[..chart.find("</svg>").unwrap()];
        assert!(chart.matches("<rect").count() >= 5, "{id} draws its shapes");
    }
    // 28 ranked units have a bar; the heat map has a cell per unit and area (29 × 8).
    let bars = &dom[dom.find("<svg id=\"chart-ranking\"").unwrap()..];
    assert_eq!(
        bars[..bars.find("</svg>").unwrap()]
            .matches("<rect")
            .count(),
        28
    );
    let heat = &dom[dom.find("<svg id=\"heatmap\"").unwrap()..];
    assert_eq!(
        heat[..heat.find("</svg>").unwrap()]
            .matches("<rect")
            .count(),
        29 * 8
    );

    let shot = dir.path().join("shot.png");
    run_chromium(
        &dir.path().join("profile-shot"),
        &[
            "--window-size=1280,3000".into(),
            format!("--screenshot={}", shot.display()),
            url,
        ],
    );
    let png = std::fs::read(&shot).expect("the screenshot is written");
    assert_eq!(png_size(&png), (1280, 3000));
    assert!(
        png.len() > 50_000,
        "the screenshot shows a page, not a blank ({} bytes)",
        png.len()
    );
    // Printed (A4 landscape per the page's print style), it is a PDF of several pages.
    let pdf = dir.path().join("bao-cao.pdf");
    run_chromium(
        &dir.path().join("profile-pdf"),
        &[
            "--no-pdf-header-footer".into(),
            format!("--print-to-pdf={}", pdf.display()),
            format!("file://{}", html.display()),
        ],
    );
    let pdf = std::fs::read(&pdf).expect("the PDF is written");
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = pdf
        .windows(10)
        .filter(|w| w == b"/Type /Pag" || w == b"/Type/Page")
        .count();
    assert!(pages > 2, "{pages} pages");
    if std::env::var_os("CHISO_UPDATE_SCREENSHOT").is_some() {
        std::fs::write(root().join("docs/report-screenshot.png"), &png).unwrap();
    }
}
