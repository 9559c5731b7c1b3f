//! The blank (or prefilled) form a unit fills in: `tonghop template`.
//!
//! Layout: see [`crate::form`]. Value and note cells are unlocked, yellow, and carry Excel
//! data validation (whole or decimal number ≥ 0, up to the indicator's `max`), with the
//! input and error messages in Vietnamese; everything else is protected without a password
//! so that units cannot break the layout the reader relies on.

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, DocProperties, ExcelDateTime, Format,
    FormatAlign, FormatBorder, Formula, ProtectionOptions, Workbook, Worksheet, XlsxError, utility,
};

use crate::config::{Config, Indicator, Kind, Unit};
use crate::form::{Column, HeaderField, SHEET_FORM, SHEET_GUIDE};
use crate::period::Period;
use crate::render::{many_units, wrapped_height};

/// Where the template puts things (0-based rows and columns).
pub(crate) mod layout {
    use rust_xlsxwriter::{ColNum, RowNum};
    pub(crate) const ROW_ORGANISATION: RowNum = 0;
    pub(crate) const ROW_TITLE: RowNum = 1;
    pub(crate) const ROW_UNIT: RowNum = 3;
    pub(crate) const ROW_PERIOD: RowNum = 4;
    pub(crate) const ROW_PREPARED: RowNum = 5;
    pub(crate) const ROW_HEADER: RowNum = 7;
    pub(crate) const COL_LABEL: ColNum = 0;
    pub(crate) const COL_VALUE: ColNum = 2;
    pub(crate) const COL_PREPARER_LABEL: ColNum = 3;
    pub(crate) const COL_PREPARER: ColNum = 4;
    /// Column widths in characters, A to F.
    pub(crate) const WIDTHS: [f64; 6] = [6.0, 8.0, 48.0, 12.0, 11.0, 36.0];
    /// Height (points) of a row whose note the report uses: five lines of 12 pt.
    pub(crate) const NOTE_ROOM: f64 = 80.0;
}
use layout::*;

const FONT: &str = "Times New Roman";
const INPUT_FILL: u32 = 0xFFF7D1;
const SECTION_FILL: u32 = 0xE7EEF7;

/// Document properties pinned so the same inputs give the same bytes.
fn properties(config: &Config, period: Period) -> DocProperties {
    let date = ExcelDateTime::from_ymd(period.year() as u16, period.month() as u8, 1).expect("valid period");
    DocProperties::new()
        .set_title(format!("{} tháng {}", config.report.title, period.vn()))
        .set_company(&config.report.organisation)
        .set_author("tonghop")
        .set_creation_datetime(&date)
}

/// The form for `period`, prefilled for `unit` when given (its unit cell then locked),
/// otherwise with a dropdown of unit names.
///
/// # Errors
/// Only if rust_xlsxwriter refuses a value (e.g. a configured text longer than Excel allows).
pub(crate) fn render(config: &Config, period: Period, unit: Option<&Unit>) -> Result<Vec<u8>, XlsxError> {
    let mut guide = Worksheet::new();
    guide.set_name(SHEET_GUIDE)?;
    // A prefilled form's unit cell is locked: the list is only for reading, and in a large
    // configuration `template --all-units` would write every name into every form (N² cells,
    // gigabytes for a national body's thousands of units).
    let list_units = unit.is_none() || !many_units(config.units.len());
    let unit_list = write_guide(&mut guide, config, list_units)?;
    let mut form = Worksheet::new();
    form.set_name(SHEET_FORM)?;
    write_form(&mut form, config, period, unit, &unit_list)?;

    let mut workbook = Workbook::new();
    workbook.set_properties(&properties(config, period));
    // The form first: it is what the unit opens the file to fill in.
    workbook.push_worksheet(form);
    workbook.push_worksheet(guide);
    workbook.save_to_buffer()
}

struct Styles {
    organisation: Format,
    title: Format,
    label: Format,
    fixed: Format,
    input_text: Format,
    input_date: Format,
    header: Format,
    section_code: Format,
    section_title: Format,
    cell: Format,
    cell_center: Format,
    value_count: Format,
    value_amount: Format,
    note: Format,
    footnote: Format,
}

impl Styles {
    fn new() -> Styles {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let bordered = base.clone().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        let input = bordered.clone().set_unlocked().set_background_color(Color::RGB(INPUT_FILL));
        Styles {
            organisation: base.clone().set_bold(),
            title: base.clone().set_bold().set_font_size(14).set_align(FormatAlign::Center),
            label: base.clone().set_bold(),
            fixed: base.clone(),
            input_text: base.clone().set_unlocked().set_background_color(Color::RGB(INPUT_FILL)),
            input_date: base
                .clone()
                .set_unlocked()
                .set_background_color(Color::RGB(INPUT_FILL))
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Left),
            header: bordered
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(SECTION_FILL)),
            section_code: bordered.clone().set_bold().set_align(FormatAlign::Center),
            section_title: bordered.clone().set_bold().set_text_wrap(),
            cell: bordered.clone().set_text_wrap(),
            cell_center: bordered.clone().set_align(FormatAlign::Center).set_text_wrap(),
            // Centred in height beside a label of several lines and a tall note.
            value_count: input.clone().set_num_format("#,##0").set_align(FormatAlign::VerticalCenter),
            value_amount: input.clone().set_num_format("#,##0.000").set_align(FormatAlign::VerticalCenter),
            note: input.set_text_wrap().set_align(FormatAlign::Top),
            footnote: base.set_italic().set_font_size(11).set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

fn write_form(
    sheet: &mut Worksheet,
    config: &Config,
    period: Period,
    unit: Option<&Unit>,
    unit_list: &str,
) -> Result<(), XlsxError> {
    let s = Styles::new();
    for (col, width) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let last_col = (WIDTHS.len() - 1) as u16;

    sheet.merge_range(
        ROW_ORGANISATION,
        0,
        ROW_ORGANISATION,
        last_col,
        &config.report.organisation.to_uppercase(),
        &s.organisation,
    )?;
    let title = format!("{} THÁNG {}", config.report.title.to_uppercase(), period.vn());
    sheet.merge_range(ROW_TITLE, 0, ROW_TITLE, last_col, &title, &s.title)?;
    sheet.set_row_height(ROW_TITLE, 22)?;

    // Header block: label in A (merged over B), value from C.
    let label = |f: HeaderField| format!("{}:", f.labels()[0]);
    sheet.merge_range(ROW_UNIT, COL_LABEL, ROW_UNIT, 1, &label(HeaderField::Unit), &s.label)?;
    match unit {
        Some(u) => {
            sheet.merge_range(ROW_UNIT, COL_VALUE, ROW_UNIT, last_col, &u.name, &s.label)?;
        }
        None => {
            sheet.merge_range(ROW_UNIT, COL_VALUE, ROW_UNIT, last_col, "", &s.input_text)?;
            let names = DataValidation::new()
                .allow_list_formula(Formula::new(unit_list))
                .set_input_title("Đơn vị")?
                .set_input_message("Chọn tên đơn vị báo cáo trong danh sách.")?
                .set_error_title("Tên đơn vị không hợp lệ")?
                .set_error_message("Hãy chọn tên đơn vị trong danh sách thả xuống (xem trang Hướng dẫn).")?;
            sheet.add_data_validation(ROW_UNIT, COL_VALUE, ROW_UNIT, COL_VALUE, &names)?;
        }
    }
    sheet.merge_range(ROW_PERIOD, COL_LABEL, ROW_PERIOD, 1, &label(HeaderField::Period), &s.label)?;
    // Text, not a date: Excel must not turn "08/2024" into 1 August.
    sheet.write_string_with_format(ROW_PERIOD, COL_VALUE, period.vn(), &s.fixed)?;
    sheet.merge_range(ROW_PREPARED, COL_LABEL, ROW_PREPARED, 1, &label(HeaderField::Prepared), &s.label)?;
    sheet.write_blank(ROW_PREPARED, COL_VALUE, &s.input_date)?;
    let date_rule = DataValidation::new()
        .allow_date(DataValidationRule::Between(
            ExcelDateTime::from_ymd(2000, 1, 1)?,
            ExcelDateTime::from_ymd(2099, 12, 31)?,
        ))
        .set_input_title("Ngày lập báo cáo")?
        .set_input_message("Nhập ngày dạng ngày/tháng/năm, ví dụ 25/08/2024.")?
        .set_error_title("Ngày không hợp lệ")?
        .set_error_message("Nhập ngày lập báo cáo dạng ngày/tháng/năm, ví dụ 25/08/2024.")?;
    sheet.add_data_validation(ROW_PREPARED, COL_VALUE, ROW_PREPARED, COL_VALUE, &date_rule)?;
    sheet.write_string_with_format(ROW_PREPARED, COL_PREPARER_LABEL, label(HeaderField::Preparer), &s.label)?;
    sheet.merge_range(ROW_PREPARED, COL_PREPARER, ROW_PREPARED, last_col, "", &s.input_text)?;

    for (col, column) in Column::ALL.iter().enumerate() {
        sheet.write_string_with_format(ROW_HEADER, col as u16, column.headers()[0], &s.header)?;
    }
    sheet.set_row_height(ROW_HEADER, 32)?;

    let mut row = ROW_HEADER + 1;
    for section in &config.sections {
        sheet.write_string_with_format(row, 0, &section.code, &s.section_code)?;
        sheet.merge_range(row, 1, row, last_col, &section.title, &s.section_title)?;
        sheet.set_row_height(
            row,
            wrapped_height(&[(&section.title, WIDTHS[1] + WIDTHS[2] + WIDTHS[3] + WIDTHS[4] + WIDTHS[5])], 12.0),
        )?;
        row += 1;
        for (n, indicator) in config.indicators_of(&section.code).enumerate() {
            sheet.write_number_with_format(row, 0, (n + 1) as f64, &s.cell_center)?;
            sheet.write_string_with_format(row, 1, &indicator.code, &s.cell_center)?;
            sheet.write_string_with_format(row, 2, &indicator.label, &s.cell)?;
            sheet.write_string_with_format(row, 3, &indicator.unit, &s.cell_center)?;
            let value_format = match indicator.kind {
                Kind::Count => &s.value_count,
                Kind::Amount => &s.value_amount,
            };
            sheet.write_blank(row, 4, value_format)?;
            sheet.add_data_validation(row, 4, row, 4, &value_validation(indicator)?)?;
            sheet.write_blank(row, 5, &s.note)?;
            // A row's height does not follow what is typed in it (Excel and LibreOffice keep a
            // set height): a row whose note feeds the report gets room for a seed-length note
            // (five lines, about 180 characters); the clerk's unit can still pull it taller.
            let room = if indicator.notes { NOTE_ROOM } else { 24.0 };
            sheet.set_row_height(
                row,
                wrapped_height(&[(&indicator.label, WIDTHS[2]), (&indicator.unit, WIDTHS[3])], 12.0).max(room),
            )?;
            row += 1;
        }
    }
    row += 1;
    let hint = "Ô màu vàng là ô nhập. Chỉ nhập số vào cột Số liệu (không kèm đơn vị tính); để trống nếu không có. \
                Ghi nội dung cụ thể vào cột Ghi chú. Xem trang Hướng dẫn.";
    sheet.merge_range(row, 0, row, last_col, hint, &s.footnote)?;
    sheet.set_row_height(row, 32)?;

    // Print: A4 portrait, one page wide, header row repeated, centred.
    sheet.set_paper_size(9);
    sheet.set_portrait();
    sheet.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_repeat_rows(ROW_HEADER, ROW_HEADER)?;
    sheet.set_footer("&C&\"Times New Roman\"&10Trang &P/&N");
    sheet.set_freeze_panes(ROW_HEADER + 1, 0)?;

    // Protected without a password: layout locked, input cells open, rows resizable for long notes.
    let options = ProtectionOptions { format_rows: true, format_columns: true, ..ProtectionOptions::default() };
    sheet.protect_with_options(&options);
    Ok(())
}

/// Excel data validation for one value cell, from the indicator's kind and `max`.
fn value_validation(indicator: &Indicator) -> Result<DataValidation, XlsxError> {
    let max = indicator.max.as_ref();
    let unit = &indicator.unit;
    let (dv, what) = match indicator.kind {
        Kind::Count => {
            let rule = match max.and_then(|m| m.floor().to_i32()) {
                Some(m) => DataValidationRule::Between(0, m),
                None => DataValidationRule::GreaterThanOrEqualTo(0),
            };
            (DataValidation::new().allow_whole_number(rule), "số nguyên")
        }
        Kind::Amount => {
            let rule = match max.and_then(|m| m.to_f64()) {
                Some(m) => DataValidationRule::Between(0.0, m),
                None => DataValidationRule::GreaterThanOrEqualTo(0.0),
            };
            (DataValidation::new().allow_decimal_number(rule), "số")
        }
    };
    let range = match max {
        Some(m) => format!("{what} từ 0 đến {}", crate::vn_number::plain(*m)),
        None => format!("{what} từ 0 trở lên"),
    };
    let example = match indicator.kind {
        Kind::Count => "ví dụ 12".to_owned(),
        Kind::Amount => "ví dụ 1,25".to_owned(),
    };
    dv.set_input_title(crate::text::truncate(&format!("{} ({unit})", indicator.code), 32))?
        .set_input_message(crate::text::truncate(
            &format!("Nhập {range}, tính bằng {unit} ({example}). Để trống nếu không có."),
            255,
        ))?
        .set_error_title("Số liệu không hợp lệ")?
        .set_error_message(crate::text::truncate(
            &format!(
                "Chỉ tiêu {} nhận {range}, tính bằng {unit}. Không gõ chữ hay đơn vị tính vào ô này.",
                indicator.code
            ),
            255,
        ))
        .map(|dv| dv.set_error_style(DataValidationErrorStyle::Stop))
}

/// The instructions sheet, with the list of units when `list_units`; returns the range holding
/// the unit names, for the dropdown (empty without the list).
fn write_guide(sheet: &mut Worksheet, config: &Config, list_units: bool) -> Result<String, XlsxError> {
    let s = Styles::new();
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, 16)?;
    sheet.set_column_width(2, 80)?;
    let wrap = s.fixed.clone().set_text_wrap().set_align(FormatAlign::Top);
    sheet.merge_range(0, 0, 0, 2, "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO", &s.title)?;
    let form = SHEET_FORM;
    let steps = [
        format!("Mở trang “{form}”. Nếu ô Đơn vị (C4) còn trống, chọn tên đơn vị trong danh sách thả xuống."),
        "Ghi ngày lập báo cáo vào ô C6 (ngày/tháng/năm) và họ tên người lập vào ô E6.".to_owned(),
        "Nhập số liệu của tháng vào cột “Số liệu” (ô màu vàng). Chỉ nhập số, không kèm đơn vị tính: \
         số nguyên cho các chỉ tiêu đếm; số thập phân dùng dấu phẩy (ví dụ 1,25) cho các chỉ tiêu giá trị, \
         tính đúng theo cột “Đơn vị tính” (ví dụ tỷ đồng)."
            .to_owned(),
        "Chỉ tiêu không có kết quả trong tháng: để trống hoặc nhập 0.".to_owned(),
        "Ghi tên, nội dung cụ thể của hoạt động, công trình... vào cột “Ghi chú / nội dung cụ thể”. \
         Nội dung này được đưa vào chú thích của báo cáo tổng hợp."
            .to_owned(),
        "Không thêm, xóa, đổi thứ tự dòng và không sửa mã chỉ tiêu: bảng đã được khóa, trừ các ô nhập.".to_owned(),
        format!("Lưu tệp (định dạng .xlsx) và gửi về {}.", config.report.organisation),
    ];
    let mut row = 2;
    for (i, step) in steps.iter().enumerate() {
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &s.fixed.clone().set_align(FormatAlign::Top))?;
        sheet.merge_range(row, 1, row, 2, step, &wrap)?;
        sheet.set_row_height(row, wrapped_height(&[(step, 96.0)], 12.0))?;
        row += 1;
    }
    if !list_units {
        guide_print_setup(sheet);
        return Ok(String::new());
    }
    row += 1;
    sheet.merge_range(row, 0, row, 2, "DANH SÁCH ĐƠN VỊ", &s.label)?;
    row += 1;
    for (col, h) in ["STT", "Mã", "Tên đơn vị"].iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *h, &s.header)?;
    }
    row += 1;
    let first = row;
    for (i, unit) in config.units.iter().enumerate() {
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &s.cell_center)?;
        sheet.write_string_with_format(row, 1, &unit.code, &s.cell)?;
        sheet.write_string_with_format(row, 2, &unit.name, &s.cell)?;
        row += 1;
    }
    guide_print_setup(sheet);
    Ok(format!("='{}'!{}", SHEET_GUIDE.replace('\'', "''"), utility::cell_range_absolute(first, 2, row - 1, 2)))
}

fn guide_print_setup(sheet: &mut Worksheet) {
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.protect();
}
