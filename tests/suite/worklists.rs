//! Office worklists (seed 001): An Lão's five offices each get the form of exactly the
//! criteria the district's letter assigns them; filled (three as TOML, two as .xlsx) they
//! merge into one unit file that scores; a conflicting value and a missing office are
//! reported, never settled silently.

use crate::common::En as _;
use crate::common::{read, run_chiso};
use chiso::data::Stage;
use chiso::eval::evaluate;
use chiso::model::Ruleset;
use chiso::worklist::{all_offices, merge, worklist, Form, ItemKind};
use chiso_formats::forms::{
    read_form_toml, read_form_xlsx, template_toml, template_xlsx, FormHeader,
};
use chiso_formats::grid::{workbook_grid, Cell};
use chiso_formats::unit_file::{load, DataFormat};
use rust_decimal_macros::dec;

const RULESET: &str = "tests/fixtures/an-lao/huyen-2023.chiso";
const NOI_VU: &str = "Phòng Nội vụ";
const VAN_PHONG: &str = "Văn phòng HĐND & UBND huyện";
const TU_PHAP: &str = "Phòng Tư pháp";
const TC_KH: &str = "Phòng Tài chính – Kế hoạch";
const VH_TT: &str = "Phòng Văn hóa – Thông tin";

/// The letter's assignment (seed 001, mục 1.1–1.5), criterion by criterion.
fn assigned(office: &str) -> Vec<&'static str> {
    match office {
        NOI_VU => vec![
            "1.1", "1.2", "1.3", "1.4", "1.5.1", "1.5.2", "1.7", "4.1", "4.2.1", "4.2.2", "4.2.3",
            "4.3", "5.1", "5.2.1", "5.2.2", "5.3.1", "5.3.2", "5.4", "5.5", "5.6.1", "5.6.2",
            "5.7", "5.8", "7.4.2",
        ],
        VAN_PHONG => vec![
            "1.4", "1.6", "1.8", "3.1", "3.2", "3.3", "7.2", "7.4.1", "7.5.1", "7.5.2", "7.5.3",
            "7.5.4", "7.5.5", "7.5.6", "7.6", "7.7",
        ],
        TU_PHAP => vec!["2.1", "2.2.1", "2.2.2", "2.3", "2.4"],
        TC_KH => vec![
            "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "8.1", "8.2", "8.3",
        ],
        VH_TT => vec!["1.3", "7.1", "7.2", "7.3.1", "7.3.2"],
        _ => unreachable!(),
    }
}

fn ruleset() -> Ruleset {
    let analysis = chiso::analyze(&read(RULESET));
    assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
    analysis.ruleset
}

fn header() -> FormHeader {
    FormHeader {
        unit: Some("UBND huyện An Lão".into()),
        year: Some(2023),
        stage: Stage::SelfAssessment,
        group: None,
        deadline: Some("25/11/2023".into()),
    }
}

/// What each office writes: figures, then points (1 unless said), claims left empty.
fn value(table: &str, key: &str, overrides: &[(&str, &str)]) -> Option<String> {
    if let Some((_, v)) = overrides.iter().find(|(k, _)| *k == key) {
        return Some(v.to_string());
    }
    match (table, key) {
        ("inputs", "nhiệm_vụ_tỉnh_giao" | "nhiệm_vụ_hoàn_thành") => Some("10".into()),
        ("inputs", "hồ_sơ_đúng_hạn") => Some("1140".into()),
        ("inputs", "hồ_sơ_đã_giải_quyết" | "hồ_sơ_tiếp_nhận") => {
            Some("1200".into())
        }
        ("inputs", "hồ_sơ_trực_tuyến") => Some("600".into()),
        ("inputs", "ccvc_có_máy_tính") => Some("80".into()),
        ("inputs", "tổng_ccvc") => Some("100".into()),
        ("inputs", "tỷ_lệ_hoàn_thành_tốt") => Some("\"92,5\"".into()),
        ("inputs", "thu_ngân_sách_đạt") => Some("\"có\"".into()),
        ("points", _) => Some("1".into()),
        _ => None,
    }
}

/// Fills a TOML form the way an office would: replaces `""` by its values.
fn fill_toml(template: &str, overrides: &[(&str, &str)], evidence: &[(&str, &str)]) -> String {
    let mut section = String::new();
    let mut out = String::new();
    for line in template.lines() {
        if line.starts_with('[') {
            section = line.trim_matches(['[', ']']).to_string();
        }
        let original = line.to_string();
        let mut line = original.clone();
        if let Some((key, rest)) = original.split_once(" = ") {
            let k = key.trim_matches('"');
            if rest == "\"\"" && !section.is_empty() {
                if let Some(v) = value(&section, k, overrides) {
                    line = format!("{key} = {v}");
                }
            }
            if rest == "[]" {
                if let Some((_, doc)) = evidence.iter().find(|(id, _)| *id == k) {
                    line = format!("{key} = [\"{doc}\"]");
                }
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Fills an .xlsx form: copies the template and types values into its `Giá trị` column.
fn fill_xlsx(template: &[u8], overrides: &[(&str, &str)]) -> Vec<u8> {
    let grid = workbook_grid(template, None).unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let sheet = wb.add_worksheet();
    for (r, row) in grid.rows().enumerate() {
        let r = (grid.first_row + r - 1) as u32;
        let kind = match row.first() {
            Some(Cell::Text(t)) => t.clone(),
            _ => String::new(),
        };
        for (c, cell) in row.iter().enumerate() {
            let c = (grid.first_column + c - 1) as u16;
            match cell {
                Cell::Text(t) => sheet.write_string(r, c, t).map(|_| ()),
                Cell::Number(n) => sheet
                    .write_number(r, c, n.parse::<f64>().unwrap())
                    .map(|_| ()),
                _ => Ok(()),
            }
            .unwrap();
        }
        let table = match kind.as_str() {
            "Đầu vào" => "inputs",
            "Điểm" => "points",
            _ => continue,
        };
        let key = match row.get(1) {
            Some(Cell::Text(t)) => t.clone(),
            _ => continue,
        };
        if let Some(v) = value(table, &key, overrides) {
            let v = v.trim_matches('"').to_string();
            match v.replace(',', ".").parse::<f64>() {
                Ok(n) if !v.contains(',') => sheet.write_number(r, 4, n).map(|_| ()),
                _ => sheet.write_string(r, 4, &v).map(|_| ()),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn forms(rs: &Ruleset, van_phong_overrides: &[(&str, &str)], skip: Option<&str>) -> Vec<Form> {
    let mut out = Vec::new();
    for office in [NOI_VU, VAN_PHONG, VH_TT] {
        if skip == Some(office) {
            continue;
        }
        let list = worklist(rs, office).unwrap();
        let text = template_toml(rs, &list, &header());
        let overrides: &[(&str, &str)] = if office == VAN_PHONG {
            van_phong_overrides
        } else {
            &[]
        };
        let filled = fill_toml(
            &text,
            overrides,
            &[("1.1", "Kế hoạch số 15/KH-UBND ngày 20/01/2023")],
        );
        out.push(read_form_toml(&format!("{office}.toml"), &filled).unwrap());
    }
    for office in [TU_PHAP, TC_KH] {
        if skip == Some(office) {
            continue;
        }
        let list = worklist(rs, office).unwrap();
        let bytes = template_xlsx(rs, &list, &header()).unwrap();
        let filled = fill_xlsx(&bytes, &[("6.3", "0,75")]);
        out.push(read_form_xlsx(&format!("{office}.xlsx"), &filled).unwrap());
    }
    out
}

#[test]
fn each_office_gets_exactly_its_assignment() {
    let rs = ruleset();
    let mut offices = all_offices(&rs);
    offices.sort();
    let mut want = vec![NOI_VU, VAN_PHONG, TU_PHAP, TC_KH, VH_TT];
    want.sort();
    assert_eq!(offices, want);
    for office in want {
        let list = worklist(&rs, office).unwrap();
        let mut criteria: Vec<&str> = list
            .items
            .iter()
            .filter(|i| !matches!(i.kind, ItemKind::Input(_)))
            .map(|i| i.key.as_str())
            .collect();
        criteria.sort_by_key(|id| rs.node_index(id));
        assert_eq!(criteria, assigned(office), "{office}");
    }
    // Offices are matched without diacritics or case; a wrong one is refused with a hint.
    assert_eq!(worklist(&rs, "phong noi vu").unwrap().office, NOI_VU);
    let err = worklist(&rs, "Phòng Nội Vu").map(|w| w.office);
    assert_eq!(err.as_deref(), Ok(NOI_VU));
    let err = worklist(&rs, "Phòng Giáo dục").unwrap_err().en();
    assert!(
        err.contains("the ruleset names no office “Phòng Giáo dục”"),
        "{err}"
    );
    // Inputs go to their owners; the shared criteria 1.3, 1.4 and 7.2 say who shares them.
    let vh = worklist(&rs, VH_TT).unwrap();
    let inputs: Vec<&str> = vh
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Input(_)))
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(inputs, ["ccvc_có_máy_tính", "tổng_ccvc"]);
    let shared = vh.items.iter().find(|i| i.key == "7.2").unwrap();
    assert_eq!(shared.shared_with, [VAN_PHONG]);
    let noi_vu = worklist(&rs, NOI_VU).unwrap();
    let plan = noi_vu.items.iter().find(|i| i.key == "1.1").unwrap();
    assert_eq!(plan.evidence, ["Kế hoạch CCHC năm 2023 của UBND huyện"]);
    let computed = noi_vu.items.iter().find(|i| i.key == "5.3.2").unwrap();
    assert_eq!(
        computed.kind,
        ItemKind::Claimed(rs.node_index("5.3.2").unwrap())
    );
}

#[test]
fn five_forms_merge_into_a_unit_file_that_scores() {
    let rs = ruleset();
    let forms = forms(&rs, &[("1.8", "\"0,5\"")], None);
    let merged = merge(&rs, &forms);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert!(merged.gaps.is_empty(), "{:?}", merged.gaps);
    assert!(merged.problems.is_empty(), "{:?}", merged.problems);
    assert!(merged.foreign.is_empty(), "{:?}", merged.foreign);
    assert_eq!(merged.data.unit, "UBND huyện An Lão");
    assert_eq!(merged.data.year, Some(2023));
    // The merged file is an ordinary unit file.
    let text = chiso_formats::unit_file::to_toml(&rs, &merged.data);
    assert!(
        text.contains("\"1.1\" = [\"Kế hoạch số 15/KH-UBND ngày 20/01/2023\"]"),
        "{text}"
    );
    let (data, diagnostics) = load(&rs, &text, DataFormat::Toml);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let result = evaluate(&rs, &data.unwrap()).result;
    assert!(result.is_complete(), "{:?}", result.missing);
    // 50 council criteria: 48 × 1 + 0.5 (1.8) + 0.75 (6.3); formulas: 1.6 = 1, 3.2 = 0.95,
    // 5.3.2 = 1 (92.5% ≥ 90%), 7.3.2 = 0.8, 7.5.2 = 0.5, 8.2 = 1.
    assert_eq!(result.achieved, dec!(54.5));
    assert_eq!(result.max, dec!(56));
    assert_eq!(result.percent, Some(dec!(97.32)));
    assert_eq!(result.grade.as_deref(), Some("Tốt"));
}

#[test]
fn a_conflict_and_a_missing_office_are_reported() {
    let rs = ruleset();
    // Văn phòng scores 1.4 at 0,75 while Nội vụ (which shares it) gives 1.
    let forms_with_conflict = forms(&rs, &[("1.4", "0.75")], None);
    let merged = merge(&rs, &forms_with_conflict);
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!((c.table, c.key.as_str()), ("points", "1.4"));
    assert_eq!(
        c.values,
        [
            (format!("{NOI_VU}.toml"), "1".to_string()),
            (format!("{VAN_PHONG}.toml"), "0.75".to_string())
        ]
    );
    // Neither value is kept: the merged unit lacks 1.4 and says so when scored.
    let i14 = rs.node_index("1.4").unwrap();
    assert_eq!(merged.data.points[i14], None);
    assert!(!merged.is_clean());
    let result = evaluate(&rs, &merged.data).result;
    assert_eq!(
        result.missing,
        vec![(chiso::eval::MissingItem::Points(i14), vec![i14])]
    );

    // Without Tư pháp's form its five criteria are gaps, each naming the office.
    let merged = merge(&rs, &forms(&rs, &[], Some(TU_PHAP)));
    let gaps: Vec<(&str, Vec<String>)> = merged
        .gaps
        .iter()
        .map(|g| (g.key.as_str(), g.owners.clone()))
        .collect();
    assert_eq!(
        gaps,
        ["2.1", "2.2.1", "2.2.2", "2.3", "2.4"].map(|k| (k, vec![TU_PHAP.to_string()]))
    );
}

#[test]
fn the_cli_writes_forms_and_merges_them() {
    let rs = ruleset();
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for office in [NOI_VU, VAN_PHONG, VH_TT, TU_PHAP, TC_KH] {
        let xlsx = office == TU_PHAP || office == TC_KH;
        let path = dir.path().join(format!(
            "{}.{}",
            chiso::text::fold(office).replace(' ', "-"),
            if xlsx { "xlsx" } else { "toml" }
        ));
        let (code, _, stderr) = run_chiso(&[
            "template",
            RULESET,
            "--owner",
            &chiso::text::fold(office),
            "--unit",
            "UBND huyện An Lão",
            "--deadline",
            "25/11/2023",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        if xlsx {
            std::fs::write(
                &path,
                fill_xlsx(&std::fs::read(&path).unwrap(), &[("6.3", "0,75")]),
            )
            .unwrap();
        } else {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("# Hạn gửi: 25/11/2023"));
            let overrides: &[(&str, &str)] = if office == VAN_PHONG {
                &[("1.8", "\"0,5\""), ("1.4", "0.75")]
            } else {
                &[]
            };
            std::fs::write(&path, fill_toml(&text, overrides, &[])).unwrap();
        }
        paths.push(path);
    }
    let merged = dir.path().join("an-lao.toml");
    let mut args = vec!["merge", RULESET];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend(["-o", merged.to_str().unwrap()]);
    let (code, _, stderr) = run_chiso(&args);
    assert_eq!(code, 1, "a conflict fails the merge: {stderr}");
    assert!(!stderr.contains("gap:"), "{stderr}");
    assert!(
        stderr.contains("conflict in [points] `1.4`: 1 ("),
        "{stderr}"
    );
    assert!(stderr.contains("0.75 ("), "{stderr}");
    // The merged file is written all the same, without 1.4, and scores with 1.4 missing.
    let (code, stdout, stderr) = run_chiso(&[
        "score",
        RULESET,
        merged.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("no points given for 1.4"), "{stderr}");
    // Area 1 waits for 1.4 (max 1); the points the unit has so far are everything else:
    // the seven other areas (54.5 − 8.5 = 46) and area 1 without 1.4 (8.5 − 1 = 7.5), so
    // 53.5 — never the 46 that would drop area 1's scored criteria. Still incomplete.
    assert!(stdout.contains("\"achieved\": \"53.5\""), "{stdout}");
    assert!(stdout.contains("\"complete\": false"), "{stdout}");
    assert!(stdout.contains("\"percent\": null"), "{stdout}");
    assert!(stdout.contains("\"name\": \"1.4\""), "{stdout}");
    let _ = rs;
}

#[test]
fn each_form_line_carries_its_notes_in_both_shapes() {
    let rs = ruleset();
    let notes = |office: &str, key: &str| {
        let list = worklist(&rs, office).unwrap();
        let item = list
            .items
            .iter()
            .find(|i| i.key == key)
            .unwrap_or_else(|| panic!("{office}: no line {key}"));
        item.notes()
    };
    // An input: the criteria it feeds (7.5.2 is tỷ_lệ(hồ_sơ_trực_tuyến, hồ_sơ_tiếp_nhận)).
    assert_eq!(
        notes(VAN_PHONG, "hồ_sơ_trực_tuyến"),
        vec!["dùng cho: 7.5.2"]
    );
    // Points: the evidence the ruleset's `ghi chú "TLKC: …"` asks for.
    assert_eq!(
        notes(NOI_VU, "1.1"),
        vec!["TLKC: Kế hoạch CCHC năm 2023 của UBND huyện"]
    );
    // A criterion two offices share (1.4: "Phòng Nội vụ; Văn phòng HĐND & UBND huyện").
    assert_eq!(notes(VAN_PHONG, "1.4"), vec!["cùng chủ trì: Phòng Nội vụ"]);

    // The TOML form writes them as comments above the line…
    let list = worklist(&rs, VAN_PHONG).unwrap();
    let toml = template_toml(&rs, &list, &header());
    assert!(
        toml.contains("# dùng cho: 7.5.2\n\"hồ_sơ_trực_tuyến\" = \"\"\n"),
        "{toml}"
    );
    assert!(
        toml.contains("# cùng chủ trì: Phòng Nội vụ\n\"1.4\" = \"\"\n"),
        "{toml}"
    );
    // …and the workbook in the line's last column.
    let bytes = template_xlsx(&rs, &list, &header()).unwrap();
    let grid = workbook_grid(&bytes, None).unwrap();
    let row = grid
        .rows()
        .find(|r| {
            r.iter()
                .any(|c| matches!(c, Cell::Text(t) if t == "hồ_sơ_trực_tuyến"))
        })
        .expect("the input's row");
    assert!(
        row.iter()
            .any(|c| matches!(c, Cell::Text(t) if t == "dùng cho: 7.5.2")),
        "{row:?}"
    );
}

/// One answer for who owns a figure: an input without an owner of its own belongs to the
/// offices of the criteria that read it — on forms, and in the to-do list of missing data and
/// the data error alike (they once said “(no owner)” where the form named the office).
#[test]
fn missing_data_names_the_same_owner_as_the_forms() {
    let rs = chiso::analyze(
        "ruleset \"T\" {\n  total 3\n  zero denominator: not evaluated\n}\n\
         input done: count\n\
         input assigned: count\n\
         area 1 \"A\" max 3 {\n\
           owner \"Phòng Tư pháp\"\n\
           criterion 1.1 \"Nhiệm vụ\" max 3 {\n    score = ratio(done, assigned) * max\n  }\n\
         }\n",
    );
    assert!(!rs.has_errors(), "{:?}", rs.diagnostics);
    let rs = rs.ruleset;
    // The form of the area's office asks for both figures (and its claimed score for 1.1).
    let list = worklist(&rs, "Phòng Tư pháp").unwrap();
    let inputs: Vec<&str> = list
        .items
        .iter()
        .filter(|i| matches!(i.kind, ItemKind::Input(_)))
        .map(|i| i.key.as_str())
        .collect();
    assert_eq!(inputs, ["done", "assigned"]);
    // A unit giving only `done`: `assigned` is missing, and its owner is that office.
    let (data, _) = load(&rs, "unit = \"X\"\n[inputs]\ndone = 1\n", DataFormat::Toml);
    let outcome = evaluate(&rs, &data.unwrap());
    let todo = chiso_formats::report::missing_list(&rs, &outcome, chiso::Lang::En);
    assert!(todo.contains("  Phòng Tư pháp\n"), "{todo}");
    assert!(todo.contains("input `assigned`"), "{todo}");
    assert!(!todo.contains("(no owner)"), "{todo}");
    let d002 = outcome
        .diagnostics
        .iter()
        .find(|d| d.message.en_str().contains("assigned"))
        .expect("the missing input is reported");
    assert!(
        d002.help
            .as_ref()
            .map(|h| h.en_str())
            .unwrap_or("")
            .contains("owner: Phòng Tư pháp"),
        "{d002:?}"
    );
}
