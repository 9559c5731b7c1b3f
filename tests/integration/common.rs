//! Helpers shared by the integration tests.

use std::path::Path;

use assert_cmd::Command;

/// The tonghop binary, run in `dir`.
pub fn tonghop(dir: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("tonghop"));
    cmd.current_dir(dir);
    cmd
}

/// The text of one part of an xlsx (a zip), e.g. `xl/worksheets/sheet1.xml`.
pub fn xlsx_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut text).unwrap();
    text
}

/// An archived month as `build` writes it: `rows` of (unit, indicator, value) in tonghop's
/// CSV layout, in `dir/tong-hop-{period}.csv`.
pub fn archive_month(dir: &Path, period: &str, rows: &[(&str, &str, &str)]) {
    let mut text = String::from(
        "\u{feff}ky_bao_cao,ma_don_vi,don_vi,ma_chi_tieu,chi_tieu,don_vi_tinh,gia_tri,ghi_chu,tep_nguon,o,sha256\r\n",
    );
    for (unit, indicator, value) in rows {
        text.push_str(&format!("{period},{unit},x,{indicator},x,x,{value},,f.xlsx,E10,00\r\n"));
    }
    std::fs::write(dir.join(format!("tong-hop-{period}.csv")), text).unwrap();
}

/// The rows of a CSV tonghop wrote (after its BOM), header left out.
pub fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").expect("a BOM");
    csv::Reader::from_reader(bytes).records().map(Result::unwrap).collect()
}
