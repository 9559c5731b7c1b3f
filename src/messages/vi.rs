//! The Vietnamese catalogue: every [`Msg`] as a clerk reads it (the default language).

use super::{Lang, Msg, Newer, WorkbookColumn, table_ref};
use crate::period::Term;

impl Msg {
    pub(super) fn vi(&self) -> String {
        use Msg::*;
        match self {
            ConfigSyntax { detail } => format!("lỗi cú pháp TOML: {detail}"),
            ConfigMissingTable { table } => format!("thiếu bảng {}", table_ref(table, Lang::Vi)),
            ConfigMissingField { table, field } => {
                format!("{} thiếu trường bắt buộc `{field}`", table_ref(table, Lang::Vi))
            }
            ConfigEmptyField { field } => format!("trường `{field}` để trống"),
            ConfigWrongType { field, expected } => format!("`{field}` phải là {}", type_vi(expected)),
            ConfigUnknownKey { table, key } => {
                format!("trường `{key}` không có trong {} (gõ nhầm tên trường?)", table_ref(table, Lang::Vi))
            }
            ConfigNoEntries { table } => format!("cần ít nhất một {}", table_ref(table, Lang::Vi)),
            ConfigBadUnitCode { code } => format!(
                "mã đơn vị \"{code}\" chỉ được gồm chữ thường không dấu, chữ số, `-` và `_` (dùng trong tên tệp)"
            ),
            ConfigBadIndicatorCode { code } => format!(
                "mã chỉ tiêu \"{code}\" phải bắt đầu bằng chữ cái và chỉ gồm chữ không dấu, chữ số, `_` (dùng làm biến trong quy tắc)"
            ),
            ConfigReservedCode { code } => {
                format!("mã \"{code}\" là từ khóa của biểu thức và mẫu báo cáo (true, none, and, loop...): đặt mã khác")
            }
            ConfigUnknownKind { value } => {
                format!("kind = \"{value}\" không hợp lệ: chỉ nhận \"count\" hoặc \"amount\"")
            }
            ConfigUnknownSeverity { value } => {
                format!("severity = \"{value}\" không hợp lệ: chỉ nhận \"error\" hoặc \"warning\"")
            }
            ConfigOutOfRange { field, value, min, max } => {
                format!("{field} = {value} không hợp lệ: cần một số nguyên từ {min} đến {max}")
            }
            ConfigBadMonth { field, value } => {
                format!("{field} = \"{value}\" không phải một tháng: ghi theo dạng \"YYYY-MM\", ví dụ \"2024-12\"")
            }
            ConfigUnitSpan { from, until } => {
                format!("until = \"{until}\" trước from = \"{from}\": đơn vị không có kỳ nào để báo cáo")
            }
            ConfigMergedIntoUnknown { code } => {
                format!("merged_into = \"{code}\" không phải mã của một đơn vị khác trong cấu hình")
            }
            ConfigUnknownFootnote { value } => format!(
                "footnote = \"{value}\" không hợp lệ: dùng \"notes\" (ghi chú của từng đơn vị) hoặc \"units\" (tên đơn vị và số liệu)"
            ),
            ConfigUnknownAggregate { value } => {
                format!(
                    "aggregate = \"{value}\" không hợp lệ: dùng \"sum\" (cộng các tháng) hoặc \"last\" (lấy tháng cuối)"
                )
            }
            ConfigUnknownPeriod { value } => format!("period = \"{value}\" không hợp lệ: hiện chỉ hỗ trợ \"month\""),
            ConfigNegativeMax { value } => format!("max = {value} không hợp lệ: phải lớn hơn hoặc bằng 0"),
            ConfigNotWholeNumber { field, value } => {
                format!("{field} = {value} không hợp lệ: phải là số nguyên lớn hơn hoặc bằng 0")
            }
            ConfigDuplicateCode { table, code, first_line } => {
                format!("mã \"{code}\" của {} bị trùng (đã có ở dòng {first_line})", table_ref(table, Lang::Vi))
            }
            ConfigUnknownSection { indicator, section } => {
                format!("chỉ tiêu {indicator} thuộc phần \"{section}\" nhưng không có [[section]] nào mang mã này")
            }
            ConfigNameClash { name, other, other_line } => format!(
                "tên \"{name}\" trùng với đơn vị \"{other}\" (dòng {other_line}) sau khi bỏ dấu, chữ hoa và tiền tố: không phân biệt được hai đơn vị"
            ),
            ConfigRuleSyntax { expr, detail } => format!("biểu thức \"{expr}\" không hợp lệ: {detail}"),
            ConfigRuleUnknownCode { expr, name } => {
                format!("biểu thức \"{expr}\" dùng \"{name}\" nhưng không có chỉ tiêu nào mang mã này")
            }
            SkipLockFile => "tệp khóa tạm của Office (tệp đang được mở), không phải báo cáo".to_owned(),
            SkipHidden => "tệp ẩn".to_owned(),
            SkipOwnOutput => "tệp kết quả do tonghop ghi ra".to_owned(),
            SkipOther => "không phải bảng tính (xlsx, xls, xlsb, ods)".to_owned(),
            SkipNotRegular => {
                "không phải tệp thông thường (ống dẫn, thiết bị hoặc liên kết tới chúng): không đọc".to_owned()
            }
            FileUnreadable { reason } => format!("không đọc được tệp: {}", reason.text(Lang::Vi)),
            FileTooLarge { megabytes, limit } => {
                format!("tệp quá lớn ({megabytes} MB, giới hạn {limit} MB), không phải một báo cáo: không đọc")
            }
            FolderUnreadable => {
                "thư mục con không mở được (không có quyền đọc?): các tệp trong đó chưa được đọc".to_owned()
            }
            FileDamaged => {
                "tệp bị hỏng hoặc gửi thiếu (không mở được như một bảng tính); đề nghị đơn vị gửi lại".to_owned()
            }
            FileEncrypted => "tệp có mật khẩu: đề nghị đơn vị bỏ mật khẩu rồi gửi lại".to_owned(),
            FileNotSpreadsheet { extension } => {
                format!(
                    "tệp mang đuôi .{extension} nhưng nội dung không phải bảng tính; đề nghị đơn vị gửi lại tệp Excel"
                )
            }
            FileNoTable { sheets } => format!(
                "không tìm thấy bảng số liệu (cần một dòng tiêu đề có cột \"Số liệu\" và cột \"Mã\" hoặc \"Chỉ tiêu\") trong các trang: {sheets}"
            ),
            FileTooManyCells { sheet, limit } => format!(
                "trang \"{sheet}\" có hơn {limit} ô dữ liệu, không phải một báo cáo: không đọc tệp; đề nghị đơn vị gửi lại đúng biểu mẫu"
            ),
            FileSheetIgnored { sheet, period, used, hidden } => {
                let note = if *hidden { "trang ẩn, " } else { "" };
                match period {
                    Some(p) => format!("bỏ qua trang \"{sheet}\" ({note}kỳ {p}); dùng trang \"{used}\""),
                    None if *hidden => format!("bỏ qua trang \"{sheet}\" (trang ẩn); dùng trang \"{used}\""),
                    None => format!("bỏ qua trang \"{sheet}\"; dùng trang \"{used}\""),
                }
            }
            FileValueColumnAmbiguous { columns } => format!(
                "có nhiều cột có thể là số liệu của kỳ này ({columns}): không biết dùng cột nào; đề nghị đơn vị chỉ để một cột số liệu"
            ),
            FileValueColumnOtherTime { columns } => format!(
                "không có cột số liệu của kỳ này: các cột {columns} là số liệu của thời gian khác (tháng trước, lũy kế, kế hoạch...)"
            ),
            FileValueColumnPeriod { header, found, expected } => {
                format!("cột số liệu \"{header}\" là của kỳ {found}, không phải kỳ {expected} đang tổng hợp")
            }
            FileUnitConflict { cell_unit, file_unit } => format!(
                "ô đơn vị ghi \"{cell_unit}\" nhưng tên tệp chỉ \"{file_unit}\": không biết là báo cáo của đơn vị nào"
            ),
            FileUnitNotInPeriod { unit, period, merged_into } => match merged_into {
                Some(m) => format!("{unit} không còn báo cáo kỳ {period}: đã sáp nhập vào {m}; cần báo cáo của {m}"),
                None => format!("{unit} không báo cáo kỳ {period} (ngoài khoảng from/until của đơn vị trong cấu hình)"),
            },
            FileUnitUnknown { value, suggestion } => match suggestion {
                Some(s) => format!("đơn vị \"{value}\" không có trong danh sách; có phải là \"{s}\"?"),
                None => format!("đơn vị \"{value}\" không có trong danh sách đơn vị"),
            },
            FileUnitFromName { unit } => format!("không ghi tên đơn vị; theo tên tệp, đây là báo cáo của {unit}"),
            FileUnitMissing => "không ghi tên đơn vị, tên tệp cũng không cho biết đơn vị nào".to_owned(),
            FilePeriodMismatch { found, expected } => {
                format!("báo cáo kỳ {found}, không phải kỳ {expected} đang tổng hợp")
            }
            FilePeriodUnreadable { value, assumed } => {
                format!("không đọc được kỳ báo cáo \"{value}\"; coi là kỳ {assumed}")
            }
            FilePeriodMissing { assumed } => format!("không ghi kỳ báo cáo; coi là kỳ {assumed}"),
            FileDateUnreadable { value } => format!("không đọc được ngày lập \"{value}\" (cần dạng ngày/tháng/năm)"),
            FileIndicatorMissing { code, label } => {
                format!("không có dòng chỉ tiêu {code} ({label}): coi là không báo cáo")
            }
            FileEmpty => "biểu mẫu chưa điền số liệu nào".to_owned(),
            FileSuperseded { by, why } => match why {
                Newer::Prepared { this, used } => {
                    format!("đã có tệp mới hơn của đơn vị: {by} (lập ngày {used}; tệp này lập ngày {this})")
                }
                Newer::Modified => format!("đã có tệp mới hơn của đơn vị: {by} (sửa sau, theo thời điểm lưu tệp)"),
                Newer::SameContent => format!("trùng nội dung với tệp {by} đã dùng"),
            },
            FileResendUndecidable { other } => format!(
                "đơn vị có hai tệp báo cáo (tệp này và {other}) mà ngày lập và thời điểm lưu tệp không cho biết tệp nào mới hơn: không dùng tệp nào; xóa tệp sai rồi chạy lại"
            ),
            FileSheetsDisagree { sheet, other, period } => format!(
                "hai trang \"{sheet}\" và \"{other}\" cùng là báo cáo kỳ {period} nhưng số liệu khác nhau: không biết trang nào đúng, không dùng tệp; đề nghị đơn vị xóa trang thừa"
            ),
            CellFormulaNoValue { formula } => {
                format!("ô có công thức ={formula} nhưng không có giá trị đã tính; mở tệp bằng Excel, lưu lại rồi gửi")
            }
            CellNotANumber { value, expected } => format!("\"{value}\" không phải là số; cần {}", expected.vi()),
            CellDate { date, expected } => {
                format!("ô chứa ngày {date} (Excel tự đổi số thành ngày?); cần {}", expected.vi())
            }
            CellErrorValue { value } => format!("ô báo lỗi {value} của Excel; cần một số"),
            CellUnitWord { value, word, unit } => {
                format!("\"{value}\": không đổi được \"{word}\" sang đơn vị tính của chỉ tiêu ({unit})")
            }
            CellUnitConverted { value, read, unit } => format!("\"{value}\" được đọc là {read} {unit}"),
            CellAmbiguous { value, read, other } => {
                format!("\"{value}\" được đọc theo kiểu Việt Nam là {read} (theo kiểu Anh là {other}): kiểm tra lại")
            }
            CellDotDecimal { value, read } => format!("\"{value}\" được đọc là {read} (dấu chấm coi là dấu thập phân)"),
            CellTextNumber { value, read } => format!("số được gõ dạng chữ \"{value}\", đọc là {read}"),
            CellNegative { value } => format!("\"{value}\" là số âm; cần số không âm"),
            CellFraction { value, unit } => format!("\"{value}\" không phải số nguyên; số {unit} phải là số nguyên"),
            CellOverMax { value, max, unit } => {
                format!("\"{value}\" lớn hơn mức tối đa {max} {unit} của một đơn vị (gõ nhầm?)")
            }
            RowLabelOnly { label, code } => {
                format!("dòng \"{label}\" không có mã, được nhận là chỉ tiêu {code} theo tên")
            }
            TableWithoutCodes => "bảng không có cột Mã: các dòng được nhận theo tên chỉ tiêu".to_owned(),
            RowUnknown { what, value } if value.is_empty() => {
                format!("dòng \"{what}\" không khớp chỉ tiêu nào trong cấu hình: không dùng")
            }
            RowUnknown { what, value } => {
                format!("dòng \"{what}\" (số liệu \"{value}\") không khớp chỉ tiêu nào trong cấu hình: không dùng")
            }
            RowDuplicate { code, first_cell } => {
                format!("chỉ tiêu {code} xuất hiện lần nữa; chỉ dùng dòng đầu tiên (ô {first_cell})")
            }
            RowCodeLabelMismatch { code, label, label_code } => format!(
                "mã {code} nhưng tên chỉ tiêu \"{label}\" là của {label_code}: không biết số liệu thuộc chỉ tiêu nào, không dùng dòng này"
            ),
            RowUnitMismatch { typed, unit } => format!(
                "đơn vị tính \"{typed}\" không đổi được sang đơn vị tính của chỉ tiêu ({unit}): không dùng số liệu"
            ),
            RowUnitConverted { value, typed, read, unit } => {
                format!("\"{value}\" tính bằng {typed} (cột đơn vị tính), được đổi thành {read} {unit}")
            }
            ColumnUnusedText { column, header, example, count } => {
                let header = if header.is_empty() { String::new() } else { format!(" \"{header}\"") };
                format!(
                    "cột {column}{header} có chữ ở {count} dòng nhưng không được đọc (ví dụ: \"{example}\"); nếu là nội dung cụ thể, ghi vào cột \"Ghi chú\""
                )
            }
            RuleViolated { message, require, values } => format!("{message} (cần {require}; {values})"),
            RuleFailed { rule, detail } => format!("không kiểm tra được quy tắc {rule}: {detail}"),
            SeverityError => "lỗi".to_owned(),
            SeverityWarning => "cảnh báo".to_owned(),
            SeverityInfo => "thông tin".to_owned(),
            OutcomeUsed => "dùng".to_owned(),
            OutcomeSuperseded => "bị thay thế".to_owned(),
            OutcomeRejected => "bị loại".to_owned(),
            OutcomeSkipped => "bỏ qua".to_owned(),
            WorkbookDocTitle { title, period } => format!("Tổng hợp {} {period}", title.to_lowercase()),
            WorkbookSummaryTitle { title, period } => {
                format!("TỔNG HỢP {} {}", title.to_uppercase(), period)
            }
            WorkbookSummaryNote { unit_word, submitted } => format!(
                "Số {unit_word} đã nộp báo cáo: {submitted}. Đơn vị tính theo cột “Đơn vị tính”; ô trống: đơn vị không báo cáo."
            ),
            WorkbookSubmissionsTitle { period } => format!("TÌNH HÌNH NỘP BÁO CÁO {period}"),
            WorkbookUnusedFilesTitle => "CÁC TỆP KHÔNG DÙNG".to_owned(),
            WorkbookFindingsTitle { period } => format!("KIỂM TRA CÁC TỆP {period}"),
            WorkbookNoFindings => "Không có lỗi hay cảnh báo nào.".to_owned(),
            WorkbookNotesTitle { period } => format!("GHI CHÚ CỦA CÁC ĐƠN VỊ {period}"),
            WorkbookDataTitle { period, csv } => format!("DỮ LIỆU {period} (các dòng của tệp {csv}, để lọc và tính)"),
            WorkbookArchiveTitle { period } => format!("CÁC THÁNG TRONG LƯU TRỮ, {period}"),
            WorkbookSummaryNoteByUnit { unit_word, submitted, sheet } => {
                format!("Số {unit_word} đã nộp báo cáo: {submitted}. Số liệu của từng đơn vị: trang “{sheet}”.")
            }
            WorkbookByUnitTitle { period } => format!("SỐ LIỆU THEO ĐƠN VỊ {period}"),
            WorkbookByUnitNote { summary } => format!(
                "Mỗi đơn vị một dòng, mỗi chỉ tiêu một cột (tổng cộng: trang “{summary}”); ô trống: đơn vị không báo cáo."
            ),
            WorkbookPageFooter => "Trang &P/&N".to_owned(),
            WorkbookColumn(c) => column(*c).to_owned(),
            StateSubmitted => "Đã nộp".to_owned(),
            StateMissing => "Chưa nộp".to_owned(),
            StateRejected => "Bị loại".to_owned(),
            UnitUnknownShort => "(chưa rõ đơn vị)".to_owned(),
            PeriodFromArgument { period } => format!("Kỳ báo cáo: {period}"),
            PeriodFromFiles { period } => format!("Kỳ báo cáo: {period} (theo kỳ ghi trong phần lớn các tệp)"),
            PeriodFromFolder { period } => format!("Kỳ báo cáo: {period} (theo tên thư mục)"),
            CheckSummary { files, errors, warnings } => {
                format!("{files} tệp: {errors} lỗi, {warnings} cảnh báo.")
            }
            CheckClean { files } => format!("{files} tệp: không có lỗi hay cảnh báo."),
            StatusSummary { submitted, total, rejected, missing } => format!(
                "{:02}/{:02} đơn vị đã nộp; {rejected} đơn vị có báo cáo bị loại; {missing} đơn vị chưa nộp.",
                submitted, total
            ),
            StatusOnTime { on_time, total } => format!("Đúng hạn: {on_time:02}/{total:02}"),
            OnTimeWord { on_time: true } => "Đúng hạn".to_owned(),
            OnTimeWord { on_time: false } => "Trễ hạn".to_owned(),
            WorkbookHistoryMissing { months } => {
                format!("Lưu trữ chưa có số liệu tháng {months} nên các ô cần đến số liệu đó để trống.")
            }
            WorkbookSpanNote { unit_word, submitted, months, stocks } => format!(
                "Số {unit_word} có báo cáo trong kỳ: {submitted}. Số liệu cộng từ các tháng {months}{}; ô trống: đơn vị không báo cáo.",
                if stocks.is_empty() { String::new() } else { format!(" ({stocks}: số của tháng cuối kỳ)") }
            ),
            WorkbookSpanAbsent { months } => {
                format!("Lưu trữ chưa có số liệu tháng {months}: các số trên chưa gồm số liệu đó.")
            }
            WorkbookMonthsTitle { period } => format!("SỐ THÁNG CÓ BÁO CÁO, {period}"),
            WorkbookArchiveAbsent => "Không có trong thư mục lưu trữ: chưa chạy tổng hợp tháng này.".to_owned(),
            WorkbookArchiveUnreadable { reason } => format!("Không đọc được ({reason})."),
            WorkbookArchiveMonth { units, unit_word } => format!("Có số liệu của {units} {unit_word}."),
            WorkbookNoNotes => "Không có ghi chú nào.".to_owned(),
            TermName { term: Term::Month(p) } => format!("tháng {}", p.vn()),
            TermName { term: Term::Span(s) } => s.vn(),
            Window { start, end } => format!("Từ {start} đến {end}"),
            ReceivedOnTime { at } => format!("nhận {at}, đúng hạn"),
            ReceivedLate { at } => format!("nhận {at}, trễ hạn"),
            StatusOtherFiles => "Các tệp khác:".to_owned(),
            CountsShort { errors, warnings } => format!("{errors} lỗi, {warnings} cảnh báo"),
            BuildSubmitted { submitted, unit_word } => format!("Đã nộp: {submitted} {unit_word}."),
            BuildMissing { names } => format!("Chưa nộp: {names}."),
            BuildRejected { names } => format!("Bị loại: {names}."),
            BuildFindings { errors, warnings, inbox } => {
                format!("{errors} lỗi, {warnings} cảnh báo; xem chi tiết: tonghop check {inbox}")
            }
            BuildWritten => "Đã ghi:".to_owned(),
            ReportMonths { period, used, months, list } => {
                format!("Báo cáo {period}: lưu trữ có {used:02}/{months:02} tháng ({list}).")
            }
            ReportAbsent { months } => format!(
                "Lưu trữ thiếu các tháng {months}: số liệu chưa gồm các tháng đó (chạy tonghop build cho các tháng đó rồi lập lại báo cáo)."
            ),
            WorkspaceCreated { forms, period, inbox, forms_dir, output } => format!(
                "Đã tạo thư mục làm việc: {inbox}/ (thư mục nhận), {forms_dir}/ ({forms} biểu mẫu tháng {period}), cau-hinh.toml (cấu hình, sửa nếu cần).\n\
                 Gửi biểu mẫu trong {forms_dir}/ cho các đơn vị; tệp các đơn vị gửi về thì chép vào {inbox}/ (hoặc {inbox}/2024-08/ cho từng tháng).\n\
                 Chạy lại tonghop (nhấp đúp) để tổng hợp: kết quả ghi vào {output}/."
            ),
            WorkspaceEmpty { inbox } => {
                format!("Thư mục {inbox}/ chưa có tệp nào: chép tệp các đơn vị gửi vào đó rồi chạy lại tonghop.")
            }
            WorkspaceInbox { inbox } => format!("Thư mục nhận: {inbox}"),
            PressEnter => "Nhấn Enter để đóng cửa sổ này.".to_owned(),
            WatchStarted { inbox } => {
                format!("Đang theo dõi thư mục {inbox}: có tệp mới hay tệp sửa thì tổng hợp lại (Ctrl-C để dừng).")
            }
            WatchBuilt { at } => format!("[{at}] Đã tổng hợp lại."),
            ReportUnits { submitted, unit_word } => format!("Có báo cáo trong kỳ: {submitted} {unit_word}."),
            ReportIncomplete { list } => format!("Chưa đủ các tháng: {list}."),
            ReportNoMonth { names } => format!("Không có báo cáo tháng nào: {names}."),
            ReportArchiveEmpty { archive, period } => format!(
                "Thư mục lưu trữ \"{archive}\" không có tháng nào của {period} (các tệp tong-hop-NĂM-THÁNG.csv do tonghop build ghi): chạy tonghop build cho từng tháng, hoặc chỉ thư mục lưu trữ bằng --archive"
            ),
            OutlierHistory { value, median, months, from, to } => format!(
                "số liệu {value} khác xa các tháng trước của đơn vị (trung vị {median}, từ {months} tháng {from}–{to}): kiểm tra lại với đơn vị"
            ),
            OutlierSiblings { value, median, units } => format!(
                "số liệu {value} khác xa các đơn vị khác tháng này (trung vị {median} của {units} đơn vị có số liệu): kiểm tra lại với đơn vị"
            ),
            ArchiveUnreadable { file, reason } => {
                format!("Cảnh báo: không đọc được tháng lưu trữ \"{file}\" ({reason}); tháng này coi như thiếu")
            }
            BuildStrictRefused { errors, inbox } => {
                format!("Có {errors} lỗi nên không ghi kết quả (--strict). Xem và sửa: tonghop check {inbox}")
            }
            ConfigSentenceSyntax { indicator, detail } => {
                format!("câu báo cáo của chỉ tiêu {indicator} không phải là mẫu hợp lệ: {detail}")
            }
            ConfigProblemAt { file, line, column, problem } => format!("{file}:{line}:{column}: {problem}"),
            ConfigProblemCount { file, count } => format!("{file}: {count} lỗi cấu hình."),
            ConfigValid { file, units, sections, indicators, rules } => format!(
                "{file}: cấu hình hợp lệ — {units} đơn vị, {sections} phần, {indicators} chỉ tiêu, {rules} quy tắc."
            ),
            TemplateWritten { path } => format!("Đã ghi biểu mẫu: {path}"),
            TemplatesWritten { count, dir } => format!("Đã ghi {count} biểu mẫu vào thư mục {dir}"),
            CannotReadFile { path, reason } => format!("Không đọc được tệp \"{path}\": {}", reason.text(Lang::Vi)),
            CannotWriteFile { path, reason } => format!("Không ghi được tệp \"{path}\": {}", reason.text(Lang::Vi)),
            OutputInUse { path, several } => format!(
                "Không thay được tệp \"{path}\" vì tệp đang mở trong Excel (hoặc Word). Đóng tệp đó trong Excel rồi chạy lại. {}",
                if *several {
                    "Chưa tệp kết quả nào bị thay: các tệp cũ vẫn còn nguyên."
                } else {
                    "Tệp cũ vẫn còn nguyên."
                }
            ),
            CannotCreateDir { path, reason } => {
                format!("Không tạo được thư mục \"{path}\": {}", reason.text(Lang::Vi))
            }
            CannotWriteOutput { reason } => format!("Không in được kết quả: {}", reason.text(Lang::Vi)),
            InvalidConfig { path } => {
                format!("Cấu hình \"{path}\" có lỗi; xem chi tiết bằng: tonghop config --check {path}")
            }
            UnknownUnitCode { code, known } => format!("Không có đơn vị mã \"{code}\". Các mã hợp lệ: {known}"),
            TemplateNotXlsx { path } => {
                format!("Biểu mẫu là tệp .xlsx: \"{path}\" có đuôi khác; đặt tên kết thúc bằng .xlsx (hoặc bỏ đuôi)")
            }
            BadSpan { value } => format!(
                "Kỳ báo cáo \"{value}\" không hợp lệ: dùng 2024-Q3 (quý), 2024-H1 (6 tháng), 2024-9T (9 tháng), 2024 (năm) hoặc 2024-01..2024-09"
            ),
            BadPeriod { value } => {
                format!("Kỳ báo cáo \"{value}\" không hợp lệ: dùng dạng NĂM-THÁNG, ví dụ --period 2024-08")
            }
            CannotReadInbox { path, reason } => {
                format!("Không đọc được thư mục \"{path}\": {}", reason.text(Lang::Vi))
            }
            InboxNotAFolder { path } => format!("\"{path}\" không phải là thư mục"),
            TemplateError { name, line, detail } => match line {
                Some(l) => format!("Lỗi mẫu báo cáo ({name}, dòng {l}): {detail}"),
                None => format!("Lỗi mẫu báo cáo ({name}): {detail}"),
            },
            OutputInsideInbox { output, inbox } => format!(
                "Thư mục kết quả \"{output}\" nằm trong thư mục nhận báo cáo \"{inbox}\": chọn thư mục khác bằng -o"
            ),
            SumOverflow { code } => {
                format!("Tổng của chỉ tiêu {code} quá lớn để tính chính xác: kiểm tra số liệu các đơn vị")
            }
            NoPeriod { inbox } => format!(
                "Không xác định được kỳ báo cáo: các tệp trong \"{inbox}\" không ghi kỳ, tên thư mục cũng không có. Ghi rõ kỳ, ví dụ: --period 2024-08"
            ),
        }
    }
}

fn type_vi(expected: &str) -> &'static str {
    match expected {
        "text" => "một chuỗi văn bản trong dấu nháy kép",
        "list of texts" => "một danh sách chuỗi, ví dụ [\"a\", \"b\"]",
        "true/false" => "true hoặc false",
        "number" => "một số",
        "whole number" => "một số nguyên lớn hơn hoặc bằng 0",
        "table" => "một bảng",
        "array of tables" => "một danh sách bảng [[...]]",
        _ => "giá trị khác",
    }
}

fn column(c: WorkbookColumn) -> &'static str {
    use WorkbookColumn::*;
    match c {
        Number => "STT",
        Code => "Mã",
        Indicator => "Chỉ tiêu",
        UnitOfMeasure => "Đơn vị tính",
        Total => "Tổng cộng",
        UnitsReporting => "Số đơn vị có kết quả",
        Unit => "Đơn vị",
        State => "Tình trạng",
        File => "Tệp",
        Prepared => "Ngày lập",
        Errors => "Số lỗi",
        Warnings => "Số cảnh báo",
        Outcome => "Kết quả",
        Reason => "Lý do",
        Severity => "Mức độ",
        Sheet => "Trang tính",
        Cell => "Ô",
        Figure => "Số liệu",
        Content => "Nội dung",
        Received => "Thời điểm nhận",
        OnTime => "Đúng hạn",
        Ytd => "Lũy kế từ đầu năm",
        SamePeriodLastYear => "Cùng kỳ năm trước",
        YtdLastYear => "Lũy kế cùng kỳ năm trước",
        MonthsReported => "Số tháng có báo cáo",
        MonthsMissing => "Tháng chưa có báo cáo",
        Month => "Tháng",
        ArchiveFile => "Tệp lưu trữ",
        Period => "Kỳ báo cáo",
        UnitCode => "Mã đơn vị",
        Sha256 => "SHA-256 của tệp",
    }
}
