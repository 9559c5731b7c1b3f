//! The bundled samples: the 13 forms of August 2024 whose figures reproduce the seed report,
//! and a messy inbox that shows every finding. `cargo run --example make_samples` writes them
//! into `samples/`; the tests build the same inboxes in temporary folders.

use crate::form::{FilledForm, FilledSheet, Row, V};
use tonghop::config::Config;
use tonghop::form::Column;

/// One unit's figures for August 2024: (indicator, value, note).
pub(crate) struct UnitFigures {
    pub(crate) code: &'static str,
    /// Day of August 2024 the report was prepared, and by whom.
    pub(crate) prepared: u8,
    pub(crate) preparer: &'static str,
    pub(crate) values: &'static [(&'static str, f64, &'static str)],
}

/// Figures of the 13 units (configuration order). Totals reproduce the seed report: VD03 = 35 on
/// 13/13 units, VD04 = 13,3864 tỷ đồng, TT01 = 31, TT04 = 11.383; TT03 on 4 units, GS03 on 9,
/// GS04 on 7 (An Mỹ and Tam Thanh 2 each), GS05 on 3, GS02 and CB01 on all 13, with the seed's
/// footnotes 2, 10 and 12 as notes.
pub(crate) const AUGUST_2024: &[UnitFigures] = &[
    UnitFigures {
        code: "an-my",
        prepared: 26,
        preparer: "Nguyễn Thị Hoa",
        values: &[
            ("TT01", 3.0, ""),
            ("TT02", 214.0, ""),
            ("TT04", 1025.0, ""),
            ("VD01", 15.0, ""),
            (
                "VD03",
                3.0,
                "Sửa chữa nhà văn hóa khối phố 3; trồng cây xanh tuyến đường Phan Bội Châu; lắp đèn chiếu sáng kiệt 12",
            ),
            ("VD04", 1.25, ""),
            ("GS02", 1.0, ""),
            ("GS04", 2.0, ""),
            ("GS05", 1.0, "Tọa đàm nâng cao chất lượng hòa giải cơ sở"),
            ("DN01", 2.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 45.0, ""),
        ],
    },
    UnitFigures {
        code: "an-son",
        prepared: 24,
        preparer: "Lê Văn Tâm",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 156.0, ""),
            ("TT04", 846.0, ""),
            ("VD03", 2.0, "Bê tông hóa kiệt 45 Hùng Vương; sửa chữa cổng chào khối phố 5"),
            ("VD04", 0.985, ""),
            ("GS01", 1.0, "Giám sát việc thực hiện chính sách bảo hiểm y tế cho người cao tuổi"),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "đối thoại trực tiếp giữa Bí thư Đảng ủy với các chi, tổ hội đoàn thể chính trị - xã hội và tổ trưởng tổ đoàn kết ở khu dân cư về xây dựng và phát triển địa phương",
            ),
            ("CB01", 1.0, ""),
            ("CB02", 38.0, ""),
        ],
    },
    UnitFigures {
        code: "an-xuan",
        prepared: 27,
        preparer: "Phạm Thị Lan",
        values: &[
            ("TT01", 3.0, ""),
            ("TT02", 187.0, ""),
            ("TT04", 912.0, ""),
            (
                "VD03",
                3.0,
                "Chỉnh trang tuyến phố văn minh Nguyễn Hoàng; sơn sửa nhà sinh hoạt cộng đồng; trồng hoa dọc đường Trần Cao Vân",
            ),
            ("VD04", 1.1204, ""),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền địa phương với nhân dân về xây dựng tuyến phố VMĐT gắn với TTĐT và ANTT",
            ),
            ("DN01", 1.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 42.0, ""),
        ],
    },
    UnitFigures {
        code: "an-phu",
        prepared: 25,
        preparer: "Trần Minh Đức",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 132.0, ""),
            (
                "TT03",
                1.0,
                "Tổ chức ra mắt mô hình “Vận động Nhân dân khai thác thủy sản bền vững và không bắt động vật hoang dã” và chương trình nghệ thuật",
            ),
            ("TT04", 1104.0, ""),
            ("VD03", 2.0, "Nâng cấp đường bê tông thôn Phú Quý; xây dựng mô hình “Tuyến đường không rác”"),
            ("VD04", 0.86, ""),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "tổ chức đối thoại giữa lãnh đạo UBND phường với hộ gia đình thuộc diện hộ cận nghèo để tìm phương án thoát cận nghèo bền vững",
            ),
            ("CB01", 1.0, ""),
            ("CB02", 30.0, ""),
        ],
    },
    UnitFigures {
        code: "hoa-huong",
        prepared: 23,
        preparer: "Võ Thị Mai",
        values: &[
            ("TT01", 3.0, ""),
            ("TT02", 245.0, ""),
            ("TT04", 978.0, ""),
            (
                "VD03",
                4.0,
                "Bê tông hóa 300 m đường kiệt; lắp camera an ninh khu dân cư; sửa chữa 02 nhà cho hộ khó khăn; trồng cây xanh",
            ),
            ("VD04", 1.4, ""),
            ("GS02", 1.0, ""),
            ("GS03", 1.0, "Hội nghị đối thoại trực tiếp giữa Bí thư Đảng ủy, Chủ tịch UBND phường với Nhân dân"),
            ("GS04", 1.0, ""),
            ("GS05", 1.0, "Tọa đàm nâng cao chất lượng, hiệu quả hoạt động công tác Mặt trận"),
            ("DN01", 3.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 52.0, ""),
            ("KT01", 2.0, "Đề nghị khen thưởng 01 Ban công tác Mặt trận khu dân cư và 01 cá nhân tiêu biểu"),
        ],
    },
    UnitFigures {
        code: "hoa-thuan",
        prepared: 26,
        preparer: "Huỳnh Văn Nam",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 118.0, ""),
            (
                "TT03",
                1.0,
                "Tổ chức chương trình văn nghệ chào mừng Đại hội đại biểu MTTQ Việt Nam tỉnh Quảng Nam lần thứ XI, nhiệm kỳ 2024-2029",
            ),
            ("TT04", 1032.0, ""),
            ("VD01", 12.5, ""),
            ("VD03", 3.0, "Xây dựng tuyến đường hoa; sửa chữa nhà văn hóa thôn Xuân Quý; hỗ trợ sửa nhà cho hộ nghèo"),
            ("VD04", 0.92, ""),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "đối thoại giữa người đứng đầu cấp ủy, chính quyền phường với nhân dân về công tác bồi thường, giải phóng mặt bằng liên quan đến dự án xã hội hóa đường làng bùn Phương Hòa",
            ),
            ("GS04", 1.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 36.0, ""),
        ],
    },
    UnitFigures {
        code: "phuoc-hoa",
        prepared: 22,
        preparer: "Đặng Thị Thu",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 96.0, ""),
            ("TT04", 760.0, ""),
            ("VD03", 2.0, "Chỉnh trang khuôn viên nhà văn hóa khối phố 2; lắp đèn đường kiệt 78"),
            ("VD04", 0.756, ""),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "Tổ chức Hội nghị đối thoại giữa nhân dân với đồng chí Bí thư Đảng ủy- CT HĐND- CT UBND phường",
            ),
            ("CB01", 1.0, ""),
            ("CB02", 28.0, ""),
        ],
    },
    UnitFigures {
        code: "tan-thanh",
        prepared: 27,
        preparer: "Ngô Văn Hùng",
        values: &[
            ("TT01", 3.0, ""),
            ("TT02", 201.0, ""),
            (
                "TT03",
                1.0,
                "Tổ chức ra mắt mô hình “Tôn giáo cùng KDC đảm bảo an sinh xã hội, khuyến học khuyến tài và tham gia chuyển đổi số”",
            ),
            ("TT04", 1210.0, ""),
            ("VD03", 3.0, "Xây dựng mô hình tuyến phố “3 không”; sửa chữa nhà sinh hoạt cộng đồng; trồng cây bóng mát"),
            ("VD04", 1.315, ""),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân về công tác cải cách hành chính và chuyên đổi số, công tác đảm bảo ANTT trên địa bàn phường",
            ),
            ("GS04", 1.0, ""),
            ("DN01", 2.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 40.0, ""),
        ],
    },
    UnitFigures {
        code: "truong-xuan",
        prepared: 25,
        preparer: "Lý Thị Ngọc",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 88.0, ""),
            ("TT04", 689.0, ""),
            ("VD03", 3.0, "Bê tông hóa đường nội đồng; nạo vét kênh mương; xây dựng vườn mẫu"),
            ("VD04", 1.08, ""),
            ("GS01", 1.0, "Giám sát việc thu, chi các khoản đóng góp tự nguyện của Nhân dân"),
            ("GS02", 1.0, ""),
            (
                "GS03",
                1.0,
                "Đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân về triển khai các cơ chế, chính sách trong phát triển kinh tế nông nghiệp đô thị, trang trại, gia trại ứng dụng khoa học công nghệ vào sản xuất nông nghiệp theo hướng hữu cơ, nông nghiệp, công nghệ cao",
            ),
            ("CB01", 1.0, ""),
            ("CB02", 33.0, ""),
        ],
    },
    UnitFigures {
        code: "tam-ngoc",
        prepared: 24,
        preparer: "Phan Văn Lợi",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 74.0, ""),
            ("TT04", 540.0, ""),
            ("VD03", 2.0, "Làm mới 500 m đường giao thông nông thôn; sửa chữa nhà văn hóa thôn Ngọc Mỹ"),
            ("VD04", 0.95, ""),
            ("GS02", 1.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 25.0, ""),
        ],
    },
    UnitFigures {
        code: "tam-phu",
        prepared: 26,
        preparer: "Bùi Thị Hằng",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 103.0, ""),
            ("TT04", 701.0, ""),
            ("VD01", 8.75, ""),
            (
                "VD03",
                3.0,
                "Trồng rừng phòng hộ ven biển; sửa chữa đường thôn Tân Thành; xây dựng mô hình “Thôn sáng, xanh, sạch, đẹp”",
            ),
            ("VD04", 0.87, ""),
            ("GS02", 1.0, ""),
            ("GS04", 1.0, ""),
            ("DN01", 1.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 31.0, ""),
        ],
    },
    UnitFigures {
        code: "tam-thanh",
        prepared: 23,
        preparer: "Nguyễn Văn Sáu",
        values: &[
            ("TT01", 3.0, ""),
            ("TT02", 167.0, ""),
            ("TT03", 1.0, "Bàn giao nhà Địa đoàn kết cho hộ cận nghèo"),
            ("TT04", 893.0, ""),
            ("VD02", 1.0, "Bàn giao nhà Đại đoàn kết cho hộ cận nghèo ông Trần Văn Ba, thôn Hạ Thanh 2"),
            (
                "VD03",
                3.0,
                "Xây dựng làng bích họa Tam Thanh; trồng cây xanh dọc bờ biển; sửa chữa nhà cho hộ cận nghèo",
            ),
            ("VD04", 1.1, ""),
            ("GS02", 1.0, ""),
            ("GS04", 2.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 35.0, ""),
        ],
    },
    UnitFigures {
        code: "tam-thang",
        prepared: 28,
        preparer: "Trương Thị Yến",
        values: &[
            ("TT01", 2.0, ""),
            ("TT02", 142.0, ""),
            ("TT04", 693.0, ""),
            ("VD01", 20.0, ""),
            ("VD03", 2.0, "Nâng cấp nhà văn hóa thôn 5; xây dựng mô hình “Tộc họ văn hóa”"),
            ("VD04", 0.78, ""),
            (
                "GS01",
                1.0,
                "Phối hợp giám sát kết quả thực hiện các hoạt động tín dụng chính sách xã hội trên địa bàn xã",
            ),
            ("GS02", 1.0, ""),
            ("GS03", 1.0, "Đối thoại trực tiếp giữa cấp ủy, chính quyền với trẻ em"),
            ("GS04", 1.0, ""),
            ("GS05", 1.0, "Tọa đàm nâng cao “Tộc văn hóa” gắn với xây dựng nông thôn mới"),
            ("DN01", 2.0, ""),
            ("CB01", 1.0, ""),
            ("CB02", 47.0, ""),
            ("KT01", 1.0, "Đề nghị khen thưởng Ban công tác Mặt trận thôn 3"),
        ],
    },
];

/// Units whose August file is converted to another format once with LibreOffice and checked
/// in, so the samples show every format the reader accepts: (unit code, extension).
pub const CONVERTED: &[(&str, &str)] = &[("tam-ngoc", "xls"), ("truong-xuan", "ods")];

/// The 13 filled forms of August 2024, as (file name, form), in configuration order.
///
/// # Panics
/// If `config` lacks a unit of the samples (they are written for the default configuration).
pub fn august_2024(config: &Config) -> Vec<(String, FilledForm)> {
    AUGUST_2024
        .iter()
        .map(|u| {
            let unit = config.unit(u.code).expect("the samples use the default configuration");
            let mut sheet = FilledSheet::standard(config, Some(&unit.name), "08/2024");
            sheet.header("Ngày lập", V::Date(2024, 8, u.prepared)).header("Người lập", V::text(u.preparer));
            for (code, value, note) in u.values {
                sheet.set(code, V::Number(*value));
                if !note.is_empty() {
                    sheet.note(code, note);
                }
            }
            (format!("{}.xlsx", u.code), FilledForm::new(sheet))
        })
        .collect()
}

/// A clean August 2024 form of a unit with a few figures (for the messy inbox and tests).
pub fn clean(config: &Config, name: &str) -> FilledSheet {
    let mut s = FilledSheet::standard(config, Some(name), "08/2024");
    s.header("Ngày lập", V::Date(2024, 8, 25)).header("Người lập", V::text("Nguyễn Văn A"));
    s.set("GS02", V::Number(1.0)).set("CB01", V::Number(1.0)).set("VD03", V::Number(2.0)).set("VD04", V::Number(1.25));
    s
}

/// A file of the messy inbox: a form, or raw bytes.
pub enum MessyFile {
    Form(FilledForm),
    Bytes(Vec<u8>),
    /// A symbolic link to this target (on Unix; elsewhere left out).
    Link(std::path::PathBuf),
}

/// The messy inbox: every kind of file and mistake, one per unit where it can be; see the
/// README's findings table. Paths are relative to the inbox.
pub fn messy(config: &Config) -> Vec<(String, MessyFile)> {
    let c = config;
    let form = |s: FilledSheet| MessyFile::Form(FilledForm::new(s));
    let row = |code: &str, label: &str, unit: &str, value: f64| Row::Indicator {
        stt: String::new(),
        code: code.into(),
        label: label.into(),
        unit: unit.into(),
        value: V::Number(value),
        note: None,
    };
    let mut files = Vec::new();

    // an-my: cell errors, an unknown row, a label-only row, a duplicate row.
    let mut s = clean(c, "Phường An Mỹ");
    s.set("GS04", V::text("nhiều"))
        .set("GS05", V::Number(-1.0))
        .set("CB01", V::Number(2.5))
        .set("TT01", V::Number(5000.0))
        .set("GS01", V::Formula("SUM(Z1:Z2)".into(), None))
        .set("GS02", V::Date(2024, 12, 4))
        .set("DN01", V::text("#DIV/0!"))
        .set("TT04", V::text("12 người"));
    s.push_row(row("XX99", "Chỉ tiêu tự thêm", "cái", 3.0));
    s.push_row(row("", "Lượt cán bộ tham gia tập huấn", "lượt người", 40.0));
    s.without_row("CB02");
    s.push_row(row("GS02", "Hội nghị tiếp xúc cử tri", "hội nghị", 1.0));
    files.push(("an-my.xlsx".to_owned(), form(s)));

    // an-son: soft findings; the values are used. And rows edited apart: TT01's label pasted
    // over from TT03 (C09), GS02 counted in `người` (C10), remarks in a column of its own (W09).
    let mut s = clean(c, "Phường An Sơn");
    s.set("VD04", V::text("2,5")).set("VD01", V::text("60.000.000 đồng")).set("TT02", V::text("1.250"));
    let tt03 = c.indicator("TT03").map(|i| i.label.clone()).unwrap_or_default();
    s.label_of("TT01", &tt03).set("TT01", V::Number(4.0)).unit_of("GS02", "người");
    s.add_column(6, "Ý kiến, kiến nghị", &[("GS02", V::text("Đề nghị hỗ trợ kinh phí tổ chức hội nghị"))]);
    files.push(("an-son.xlsx".to_owned(), form(s)));

    // an-xuan: rules R01 (error) and R03 (warning); the unit cell adds the city; a formula
    // whose result is empty text is an empty cell.
    let mut s = clean(c, "Phường An Xuân, TP. Tam Kỳ");
    s.set("GS04", V::Formula("IF(Z1>0,Z1,\"\")".into(), Some(String::new())));
    s.set("VD03", V::Empty).set("VD04", V::Number(2.5)).set("CB01", V::Empty).set("CB02", V::Number(40.0));
    files.push(("an-xuan.xlsx".to_owned(), form(s)));

    // an-phu: no unit cell; the file name says whose it is.
    let mut s = clean(c, "Phường An Phú");
    s.without_header("Đơn vị");
    files.push(("Bao cao T8 - Phuong An Phu.xlsx".to_owned(), form(s)));

    // hoa-huong's file name, but the unit cell says Hòa Thuận.
    files.push(("hoa huong.xlsx".to_owned(), form(clean(c, "Phường Hòa Thuận"))));

    // A near miss, and a file that names nobody.
    files.push(("x1.xlsx".to_owned(), form(clean(c, "Phường An Mỹy"))));
    let mut s = clean(c, "");
    s.without_header("Đơn vị");
    files.push(("bao cao.xlsx".to_owned(), form(s)));

    // phuoc-hoa sent July's report.
    let mut s = FilledSheet::standard(c, Some("Phường Phước Hòa"), "07/2024");
    s.set("GS02", V::Number(1.0));
    files.push(("phuoc-hoa.xlsx".to_owned(), form(s)));

    // tan-thanh: a hidden draft, last month's sheet kept beside this month's, whose rows are
    // shuffled with blank rows between them.
    let mut draft = clean(c, "Phường Tân Thạnh");
    draft.name = "Nháp".into();
    draft.hidden = true;
    draft.set("GS02", V::Number(99.0));
    let mut july = FilledSheet::standard(c, Some("Phường Tân Thạnh"), "07/2024");
    july.name = "T7".into();
    july.set("GS02", V::Number(9.0));
    let mut august = clean(c, "Phường Tân Thạnh");
    august.name = "T8".into();
    august.set("GS04", V::Number(1.0)).shuffled();
    files.push(("tan-thanh.xlsx".to_owned(), MessyFile::Form(FilledForm { sheets: vec![draft, july, august] })));

    // truong-xuan: no period, an unreadable date; VD04 given in triệu đồng (W08: 1,25 tỷ).
    let mut s = clean(c, "Phường Trường Xuân");
    s.set("VD04", V::Number(1250.0)).unit_of("VD04", "triệu đồng");
    s.without_header("Kỳ báo cáo").header("Ngày lập", V::text("32/13/2024"));
    s.titles.truncate(1);
    files.push(("truong-xuan.xlsx".to_owned(), form(s)));

    // tam-ngoc: the blank form sent back.
    files.push(("tam-ngoc.xlsx".to_owned(), form(FilledSheet::standard(c, Some("Xã Tam Ngọc"), "08/2024"))));

    // tam-phu: sent twice; the later Ngày lập wins, typed without its year in the resend.
    let mut old = clean(c, "Xã Tam Phú");
    old.header("Ngày lập", V::Date(2024, 8, 20)).set("GS04", V::Number(1.0));
    files.push(("tam-phu.xlsx".to_owned(), form(old)));
    let mut new = clean(c, "Xã Tam Phú");
    new.header("Ngày lập", V::text("Ngày 26 tháng 8")).set("GS04", V::Number(2.0));
    files.push(("gui lai/tam-phu (1).xlsx".to_owned(), form(new)));

    // tam-thanh: a form without a code column, one row deleted.
    let mut s = clean(c, "Xã Tam Thanh");
    s.without_column(Column::Code).without_row("KT01");
    files.push(("tam-thanh.xlsx".to_owned(), form(s)));

    // tam-thang: an NFD file name (as macOS hands it out), a dot decimal, a reporting window.
    let mut s = clean(c, "Xã Tam Thăng");
    s.set("VD04", V::text("3.5")).header("Kỳ báo cáo", V::text("Từ 15/7/2024 đến 14/8/2024"));
    files.push(("Xa\u{0303} Tam Tha\u{0306}ng.xlsx".to_owned(), form(s)));

    // A ward's clerk merged two reports into one workbook: a sheet per unit. Phước Hòa's is
    // July's (rejected); Hòa Thuận's is used.
    let mut hoa_thuan = clean(c, "Phường Hòa Thuận");
    hoa_thuan.name = "Hòa Thuận".into();
    let mut phuoc_hoa = FilledSheet::standard(c, Some("Phường Phước Hòa"), "07/2024");
    phuoc_hoa.name = "Phước Hòa".into();
    files.push(("gop/hai phuong.xlsx".to_owned(), MessyFile::Form(FilledForm { sheets: vec![hoa_thuan, phuoc_hoa] })));

    // phuoc-hoa again: a form with last month's figures beside two columns that could both be
    // this month's (F09).
    let mut s = clean(c, "Phường Phước Hòa");
    s.add_column(4, "Số liệu tháng trước", &[("GS02", V::Number(3.0))]);
    s.add_column(6, "Giá trị", &[("VD04", V::Number(1.25))]);
    files.push(("phuoc hoa - thang 8.xlsx".to_owned(), form(s)));

    // phuoc-hoa once more: the sheet copied and corrected, both kept, figures different (F18).
    let mut first = clean(c, "Phường Phước Hòa");
    first.name = "Tháng 8".into();
    let mut copy = clean(c, "Phường Phước Hòa");
    copy.name = "Tháng 8 (2)".into();
    copy.set("GS02", V::Number(2.0));
    files.push(("phuoc hoa - hai trang.xlsx".to_owned(), MessyFile::Form(FilledForm { sheets: vec![first, copy] })));

    // A copy of the consolidated workbook, renamed: recognised by its sheets.
    let own = tonghop::outputs::SHEETS
        .iter()
        .map(|name| {
            let mut s = FilledSheet::standard(c, None, "08/2024");
            s.name = (*name).to_owned();
            s
        })
        .collect();
    files.push(("tong hop thang 8 (1).xlsx".to_owned(), MessyFile::Form(FilledForm { sheets: own })));
    // A link to a device: never opened.
    files.push(("lien-ket.xlsx".to_owned(), MessyFile::Link("/dev/null".into())));

    // Files that are not submissions, and files that are broken.
    files.push(("~$an-my.xlsx".to_owned(), MessyFile::Bytes(b"lock".to_vec())));
    files.push((".DS_Store".to_owned(), MessyFile::Bytes(b"mac".to_vec())));
    files.push(("cong van.pdf".to_owned(), MessyFile::Bytes(b"%PDF-1.4 not a report".to_vec())));
    files.push(("tong-hop-2024-08.xlsx".to_owned(), MessyFile::Bytes(b"an output".to_vec())));
    files.push(("gia.xlsx".to_owned(), MessyFile::Bytes(b"%PDF-1.4 renamed".to_vec())));
    let good = FilledForm::new(clean(c, "Xã Tam Thanh")).to_xlsx().expect("writes");
    files.push(("hong.xlsx".to_owned(), MessyFile::Bytes(good[..good.len() / 2].to_vec())));
    let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    encrypted.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    files.push(("mat-khau.xlsx".to_owned(), MessyFile::Bytes(encrypted)));
    let mut no_table = FilledSheet::standard(c, Some("Phường An Mỹ"), "08/2024");
    no_table.columns = vec![Column::Label, Column::Note];
    files.push(("khong-bang.xlsx".to_owned(), form(no_table)));
    files
}

/// Writes an inbox of (relative path, file) under `dir`.
///
/// # Errors
/// When a file cannot be written.
pub fn write_inbox(dir: &std::path::Path, files: Vec<(String, MessyFile)>) -> std::io::Result<()> {
    for (rel, file) in files {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let bytes = match file {
            MessyFile::Form(f) => f.to_xlsx().map_err(std::io::Error::other)?,
            MessyFile::Bytes(b) => b,
            MessyFile::Link(target) => {
                #[cfg(unix)]
                {
                    let _ = std::fs::remove_file(&path);
                    std::os::unix::fs::symlink(target, &path)?;
                }
                #[cfg(not(unix))]
                let _ = target;
                continue;
            }
        };
        std::fs::write(path, bytes)?;
    }
    Ok(())
}
