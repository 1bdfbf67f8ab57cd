//! The benchmark that holds chiso honest (issue 10): in one run, at each size, a province of
//! units under the Điện Biên 2024 district ruleset (165 criteria, 45 inputs) is scored by
//!
//! 1. a hand-written scorer (`dien_bien_hand.rs`: straight-line Rust + rust_decimal, CSV in →
//!    the same CSV out as `chiso score --format csv`, checked byte for byte here and in
//!    `tests/suite/handwritten.rs`),
//! 2. chiso's library path (grid → sheet → `batch::score` → ranking and grades), on one
//!    thread and on two (`batch::score_jobs`: the throughput ratio of both cores), and
//! 3. the `chiso` command end to end, CSV in → each report format out (a file),
//!
//! each in its own process, so that each peak memory (ru_maxrss, from `/usr/bin/time`) is its
//! own.
//! It prints times, ratios to the hand-written scorer and peak memory.
//!
//!     cargo bench --bench batch                        # 1 000 and 10 000 units
//!     cargo bench --bench batch -- 1000 10000 100000   # other sizes
//!     cargo bench --bench batch -- 10000 --formats csv,json   # some formats only
//!
//! The language server's latency (didChange → diagnostics on a 3,000-line ruleset) is its
//! own bench: `cargo bench -p chiso-lsp`. The comparison with zen-engine is an opt-in crate
//! of its own, `benches/zen/` (not built by the workspace).

#[path = "dien_bien_hand.rs"]
#[allow(clippy::all)]
mod dien_bien_hand;

use chiso::batch::{self, grade_counts, rank};
use chiso_formats::grid::bytes_text_grid;
use chiso_formats::report::FORMATS;
use chiso_formats::sheet::{Sheet, SheetOptions};
use chiso_formats::units::SheetUnits;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RULESET: &str = "rulesets/dien-bien/huyen-2024.chiso";

fn root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// A finished child process: its wall time and peak resident memory.
struct Run {
    wall: Duration,
    peak_kib: u64,
    stdout: String,
}

/// Runs a command under `/usr/bin/time -f %M` for its own peak memory (ru_maxrss in KiB).
/// Not `wait4` on a child of this process: Linux carries the parent's high-water mark over
/// `exec` into the child's ru_maxrss, so every child would seem as large as the bench.
fn run(cmd: &mut Command) -> Run {
    let mut timed = Command::new("/usr/bin/time");
    timed
        .arg("-f")
        .arg("%M")
        .arg(cmd.get_program())
        .args(cmd.get_args());
    let start = Instant::now();
    let output = timed
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run /usr/bin/time");
    let wall = start.elapsed();
    let code = output.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&output.stderr);
    // chiso exits 1 when some unit is incomplete; the generated provinces have none.
    assert!(code == 0, "{cmd:?} failed ({code}): {stderr}");
    let peak_kib = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .unwrap_or(0);
    Run {
        wall,
        peak_kib,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

/// Whether two files hold the same bytes (read in chunks: a report can be gigabytes).
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(fa), Ok(fb)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    let (mut ra, mut rb) = (std::io::BufReader::new(fa), std::io::BufReader::new(fb));
    let (mut x, mut y) = (vec![0u8; 1 << 16], vec![0u8; 1 << 16]);
    loop {
        let n = ra.read(&mut x).unwrap_or(0);
        if n == 0 {
            return rb.read(&mut y).unwrap_or(0) == 0;
        }
        if rb.read_exact(&mut y[..n]).is_err() || x[..n] != y[..n] {
            return false;
        }
    }
}

fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by_key(|r| r.wall);
    let i = runs.len() / 2;
    runs.swap_remove(i)
}

/// In a child process: the hand-written scorer, from reading the sheet to writing its CSV.
fn child_hand(sheet: &Path, out: &Path) {
    let start = Instant::now();
    let text = std::fs::read_to_string(sheet).expect("sheet");
    let file = std::fs::File::create(out).expect("create the report");
    let mut writer = std::io::BufWriter::with_capacity(1 << 16, file);
    let ranking = dien_bien_hand::score_sheet(&text, &sheet.display().to_string(), &mut writer)
        .expect("write");
    std::io::Write::flush(&mut writer).expect("write");
    let elapsed = start.elapsed();
    assert!(!ranking.is_empty());
    println!("{}", elapsed.as_nanos());
}

/// In a child process: chiso's library path on `jobs` threads (`batch::score` on one,
/// `batch::score_jobs` on more), from the sheet's bytes to the ranking and grade counts.
fn child_library(sheet: &Path, jobs: usize) {
    let text = std::fs::read_to_string(root().join(RULESET)).expect("ruleset");
    let analysis = chiso::analyze(&text);
    let rs = &analysis.ruleset;
    let start = Instant::now();
    let bytes = std::fs::read(sheet).expect("sheet");
    let grid = bytes_text_grid(&bytes).expect("grid");
    drop(bytes);
    let sheet = Sheet::new(rs, grid, SheetOptions::default());
    let units = SheetUnits::new("tinh.csv", sheet);
    let b = if jobs <= 1 {
        batch::score(rs, &units, &mut |_| {})
    } else {
        batch::score_jobs(rs, &units, &mut |_| {}, jobs)
    };
    let ranking = rank(&b);
    let grades = grade_counts(rs, &ranking);
    let elapsed = start.elapsed();
    assert!(b.units.iter().all(|u| u.result.is_complete()));
    assert_eq!(grades.iter().map(|g| g.count).sum::<usize>(), b.units.len());
    println!("{}", elapsed.as_nanos());
}

fn in_child(mode: &str, args: &[&str]) -> Run {
    let me = std::env::current_exe().expect("the bench binary");
    let mut cmd = Command::new(me);
    cmd.arg("--child").arg(mode).args(args);
    run(&mut cmd)
}

fn secs(d: Duration) -> f64 {
    d.as_secs_f64()
}

fn mb(kib: u64) -> f64 {
    kib as f64 / 1024.0
}

/// The 1-minute load average (`/proc/loadavg`): on a shared machine, the figure that says how
/// far the two threads' ratio can be trusted.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|t| t.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map_or(String::new(), |k| {
            format!(", {:.1} GB RAM", k as f64 / 1048576.0)
        });
    format!("{cpu}, {cores} cores{memory}")
}

fn size(n: usize, formats: &[&str], dir: &Path) {
    let sheet = dir.join(format!("tinh-{n}.csv"));
    in_child("province", &[&n.to_string(), &sheet.display().to_string()]);
    let bytes = std::fs::metadata(&sheet).map_or(0, |m| m.len());
    let reps = if n <= 1_000 { 3 } else { 1 };
    println!(
        "\n{n} units ({:.1} MB of CSV), median of {reps} run{}:",
        bytes as f64 / 1e6,
        if reps > 1 { "s" } else { "" }
    );
    println!(
        "  {:<44} {:>9} {:>9} {:>11}",
        "", "time", "× hand", "peak memory"
    );
    let sheet_arg = sheet.display().to_string();
    let hand_out = dir.join(format!("hand-{n}.csv"));
    let hand = median(
        (0..reps)
            .map(|_| in_child("hand", &[&sheet_arg, &hand_out.display().to_string()]))
            .collect(),
    );
    let hand_time = Duration::from_nanos(hand.stdout.trim().parse().unwrap_or(0));
    let line = |what: &str, time: Duration, peak: u64| {
        println!(
            "  {:<44} {:>7.3} s {:>8.2}× {:>8.1} MB",
            what,
            secs(time),
            secs(time) / secs(hand_time).max(1e-9),
            mb(peak)
        );
    };
    line(
        "hand-written scorer (CSV in → CSV out)",
        hand_time,
        hand.peak_kib,
    );
    let library = median(
        (0..reps)
            .map(|_| in_child("library", &[&sheet_arg]))
            .collect(),
    );
    let library_time = Duration::from_nanos(library.stdout.trim().parse().unwrap_or(0));
    line(
        "chiso library, 1 thread (score, rank, grade)",
        library_time,
        library.peak_kib,
    );
    // Both cores: the same path on two threads (`score_jobs`, output byte-identical), and
    // the throughput it gains over one (target ≥ 1.6× at 100 000 units on 2 cores).
    let library2 = median(
        (0..reps)
            .map(|_| in_child("library2", &[&sheet_arg]))
            .collect(),
    );
    let library2_time = Duration::from_nanos(library2.stdout.trim().parse().unwrap_or(0));
    line(
        "chiso library, 2 threads (score_jobs)",
        library2_time,
        library2.peak_kib,
    );
    println!(
        "  {:<44} {:.2}× (load average {})",
        "  2 threads' throughput over 1 thread's:",
        secs(library_time) / secs(library2_time).max(1e-9),
        load_average()
    );
    let bin = env!("CARGO_BIN_EXE_chiso");
    let ruleset = root().join(RULESET);
    let mut csv_time = None;
    for row in FORMATS.iter().filter(|r| formats.contains(&r.name)) {
        let out = dir.join(format!("report-{n}-{}.{}", row.name, row.extensions[0]));
        let cli = median(
            (0..reps)
                .map(|_| {
                    run(Command::new(bin)
                        .arg("score")
                        .arg(&ruleset)
                        .arg(&sheet)
                        .args(["--format", row.name, "-o"])
                        .arg(&out))
                })
                .collect(),
        );
        line(
            &format!("chiso score --format {}", row.name),
            cli.wall,
            cli.peak_kib,
        );
        if row.name == "csv" {
            csv_time = Some(cli.wall);
            let same = same_bytes(&out, &hand_out);
            println!(
                "  {:<44} {}",
                "  its CSV and the hand-written scorer's:",
                if same { "byte-identical" } else { "DIFFERENT" }
            );
        }
        let _ = std::fs::remove_file(&out);
    }
    if let Some(csv) = csv_time {
        println!(
            "  (targets: library ≤ 1.5× hand; csv end to end ≤ 1.5× hand: {:.2}×; every format ≤ 2× csv; ≤ 150 MB at 10 000 units; 2 threads ≥ 1.6× 1 thread at 100 000)",
            secs(csv) / secs(hand_time).max(1e-9)
        );
    }
    let _ = std::fs::remove_file(&sheet);
    let _ = std::fs::remove_file(&hand_out);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        match args.get(1).map(String::as_str) {
            Some("hand") => child_hand(Path::new(&args[2]), Path::new(&args[3])),
            Some("library") => child_library(Path::new(&args[2]), 1),
            Some("library2") => child_library(Path::new(&args[2]), 2),
            Some("province") => {
                let n: usize = args[2].parse().expect("a size");
                std::fs::write(&args[3], dien_bien_hand::province(n, false, 2024))
                    .expect("write the sheet");
            }
            other => panic!("unknown child mode {other:?}"),
        }
        return;
    }
    let mut sizes: Vec<usize> = Vec::new();
    let mut formats: Vec<String> = FORMATS.iter().map(|r| r.name.to_string()).collect();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--formats" {
            formats = args
                .get(i + 1)
                .map(|f| f.split(',').map(str::to_string).collect())
                .unwrap_or_default();
            i += 1;
        } else if let Ok(n) = args[i].parse() {
            sizes.push(n);
        }
        i += 1;
    }
    if sizes.is_empty() {
        sizes = vec![1_000, 10_000];
    }
    let formats: Vec<&str> = formats.iter().map(String::as_str).collect();
    println!("machine: {}", machine());
    println!(
        "ruleset {RULESET}: {} criteria, {} inputs; each figure from one run of this bench",
        dien_bien_hand::CRITERIA.len(),
        dien_bien_hand::INPUTS.len()
    );
    let dir = std::env::temp_dir().join(format!("chiso-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    for n in sizes {
        size(n, &formats, &dir);
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "\nlanguage server (didChange → diagnostics, 3,000-line ruleset): cargo bench -p chiso-lsp"
    );
}
