//! The command line, declared; nothing here runs anything.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::messages::Lang;
use crate::period::{Period, Span};

/// tonghop — tổng hợp báo cáo Excel của các đơn vị thành một báo cáo chung.
/// Consolidates the monthly Excel reports of a committee's units into one report.
///
/// Mỗi tháng: `tonghop status THƯ_MỤC`, `tonghop check THƯ_MỤC`, `tonghop build THƯ_MỤC`.
/// Every month: status, check, build the folder of received files.
#[derive(Debug, Parser)]
#[command(name = "tonghop", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    /// Không có lệnh: làm việc trong thư mục hiện tại (nhan/, tong-hop/, cau-hinh.toml) /
    /// no command: work in the current folder as a workspace
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Tệp cấu hình (TOML) thay cấu hình mặc định / configuration file replacing the default
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ngôn ngữ thông báo / language of messages: vi (mặc định, default) | en
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Chỉ in lỗi / print only errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ghi biểu mẫu cho đơn vị điền / write the blank form(s) units fill in
    Template(TemplateArgs),
    /// Mọi lỗi trong các tệp nhận được, theo tệp và ô / every problem, file by file, cell by cell
    Check(InboxArgs),
    /// Đơn vị nào đã nộp, chưa nộp, bị loại / who has sent, who is missing, what was rejected
    Status(InboxArgs),
    /// Ghi bảng tổng hợp, báo cáo và tệp CSV lưu trữ / write the workbook, the report and the CSV
    Build(BuildArgs),
    /// Báo cáo quý, 6 tháng, 9 tháng, năm từ các tháng đã lưu / a quarter's, half year's or
    /// year's report from the archived months
    Report(ReportArgs),
    /// Theo dõi thư mục nhận, tổng hợp lại khi có tệp mới / watch the inbox, rebuild on changes
    Watch(WatchArgs),
    /// In cấu hình đang dùng, hoặc kiểm tra một tệp cấu hình / print or check the configuration
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Kỳ báo cáo / month of the report, YYYY-MM (mặc định tháng này / default: this month)
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Điền sẵn tên đơn vị (mã, ví dụ an-my) / prefill the form for this unit (its code)
    #[arg(long, value_name = "CODE", conflicts_with = "all_units")]
    pub unit: Option<String>,
    /// Mỗi đơn vị một biểu mẫu, ghi vào thư mục -o / one prefilled form per unit, into -o
    #[arg(long)]
    pub all_units: bool,
    /// Tệp ghi ra (thư mục với --all-units) / output file (folder with --all-units)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InboxArgs {
    /// Thư mục chứa các tệp nhận được / folder holding the received files
    pub inbox: PathBuf,
    /// Kỳ báo cáo / month of the report, YYYY-MM (mặc định theo các tệp / default: from the files)
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Dạng kết quả / output format
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Thư mục lưu các tháng trước, để so số liệu với lịch sử của đơn vị /
    /// folder of earlier months' CSVs, to compare figures with each unit's history
    #[arg(long, value_name = "DIR")]
    pub archive: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Thư mục chứa các tệp nhận được / folder holding the received files
    pub inbox: PathBuf,
    /// Kỳ báo cáo / month of the report, YYYY-MM (mặc định theo các tệp / default: from the files)
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Thư mục ghi kết quả (không nằm trong thư mục nhận) / output folder (not inside the inbox)
    #[arg(short, long, value_name = "DIR", default_value = "tong-hop")]
    pub output: PathBuf,
    /// Không ghi gì nếu còn lỗi (mã thoát 1) / write nothing (exit 1) when any error is found
    #[arg(long)]
    pub strict: bool,
    /// Mẫu báo cáo (minijinja) thay mẫu mặc định / template replacing the default report
    #[arg(long, value_name = "FILE")]
    pub narrative_template: Option<PathBuf>,
    /// Thư mục lưu các tháng trước (tong-hop-YYYY-MM.csv; mặc định: thư mục ghi kết quả) /
    /// folder of earlier months' CSVs (default: the output folder)
    #[arg(long, value_name = "DIR")]
    pub archive: Option<PathBuf>,
    /// Nội dung của Ban Thường trực, đưa vào báo cáo sau phần tổng hợp (Markdown; mặc định:
    /// noi-dung.md cạnh thư mục nhận, nếu có) / the committee's own section, added after the
    /// consolidated results (Markdown; default: noi-dung.md beside the inbox, if there)
    #[arg(long, value_name = "FILE")]
    pub extra: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Kỳ báo cáo / period: 2024-Q3 (quý), 2024-H1 (6 tháng), 2024-9T (9 tháng), 2024 (năm),
    /// 2024-01..2024-09
    #[arg(long, value_parser = parse_span)]
    pub period: Span,
    /// Thư mục lưu các tháng (tong-hop-YYYY-MM.csv; mặc định: thư mục ghi kết quả) /
    /// folder of the archived months (default: the output folder)
    #[arg(long, value_name = "DIR")]
    pub archive: Option<PathBuf>,
    /// Thư mục ghi kết quả / output folder
    #[arg(short, long, value_name = "DIR", default_value = "tong-hop")]
    pub output: PathBuf,
    /// Mẫu báo cáo (minijinja) thay mẫu mặc định / template replacing the default report
    #[arg(long, value_name = "FILE")]
    pub narrative_template: Option<PathBuf>,
    /// Nội dung của Ban Thường trực, đưa vào báo cáo sau phần tổng hợp (Markdown) / the
    /// committee's own section, added after the consolidated results (Markdown)
    #[arg(long, value_name = "FILE")]
    pub extra: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Thư mục nhận (mặc định nhan/ của thư mục làm việc) / the inbox (default: the workspace's nhan/)
    pub inbox: Option<PathBuf>,
    /// Kỳ báo cáo / month of the report, YYYY-MM (mặc định theo các tệp / default: from the files)
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Thư mục ghi kết quả / output folder
    #[arg(short, long, value_name = "DIR", default_value = "tong-hop")]
    pub output: PathBuf,
    /// Thư mục lưu các tháng trước (mặc định: thư mục ghi kết quả) / archive folder (default: output)
    #[arg(long, value_name = "DIR")]
    pub archive: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Kiểm tra tệp cấu hình, báo mọi lỗi kèm dòng, cột / check a configuration file
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
}

/// The `--lang` of a command line, read before clap parses it, so that the messages of
/// argument parsers (`--period 2024-13`) are in that language too.
static ARG_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Parses the command line, with argument errors in the language it asks for.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = args.windows(2).find_map(|w| (w[0] == "--lang").then(|| w[1].clone()));
    let lang = lang.or_else(|| args.iter().find_map(|a| a.to_str()?.strip_prefix("--lang=").map(Into::into)));
    if lang.is_some_and(|l| l == "en") {
        let _ = ARG_LANG.set(Lang::En);
    }
    Cli::parse_from(args)
}

fn parse_span(s: &str) -> Result<Span, String> {
    let lang = ARG_LANG.get().copied().unwrap_or_default();
    s.parse().map_err(|()| crate::messages::Msg::BadSpan { value: s.to_owned() }.text(lang))
}

fn parse_period(s: &str) -> Result<Period, String> {
    let lang = ARG_LANG.get().copied().unwrap_or_default();
    s.parse().map_err(|()| crate::messages::Msg::BadPeriod { value: s.to_owned() }.text(lang))
}
