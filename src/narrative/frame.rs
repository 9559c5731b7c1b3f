//! What makes the narrative a report ready to sign (spec §13): the header block Nghị định
//! 30/2020/NĐ-CP sets (the organisation and the document's number, the national name and the
//! motto, the place and date), the title, and after the text the closing sentence, the
//! recipients and the signature block. All of it comes from the configuration and the
//! period, not from the template, so a template of one's own still makes a whole document;
//! the Markdown and Word renderers each lay it out their way.

use crate::config::Report;
use crate::names::fold::fold;

/// The national name, at the top right of every administrative document.
pub const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// The motto under it.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
/// The kind of document, its title.
pub const KIND: &str = "BÁO CÁO";
/// Who signs: the standing committee, through its chair.
pub const ON_BEHALF: &str = "TM. BAN THƯỜNG TRỰC";
/// The body that signs, as the closing sentence names it before the organisation.
const SIGNING_BODY: &str = "Ban Thường trực";
/// The heading of the recipients' list.
pub const RECIPIENTS: &str = "Nơi nhận:";

/// The parts of the report around the narrative, as printed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frame {
    /// The organisation, upper case, in the lines it is printed on: its area on a line of its
    /// own (`ỦY BAN MTTQ VIỆT NAM`, `THÀNH PHỐ TAM KỲ`).
    pub organisation: Vec<String>,
    /// `BAN THƯỜNG TRỰC`: the body that issues the report, under its organisation (ND 30/2020:
    /// the organisation above in regular type, the issuer in bold).
    pub issuer: String,
    /// `Số: …/BC-MTTQ-BTT`, the number left for the clerk.
    pub number: String,
    /// `Tam Kỳ, ngày … tháng … năm 2024`, day and month left for the clerk.
    pub place_date: String,
    /// `Kết quả công tác Mặt trận tháng 8/2024`.
    pub subject: String,
    /// `(Từ 15/7/2024 đến 14/8/2024)` when months do not follow the calendar.
    pub window: Option<String>,
    /// `Trên đây là báo cáo … của Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Tam Kỳ./.`
    pub closing: String,
    /// `- TT Thành ủy (b/c);`: the recipients as listed, the last one ending with a full stop.
    pub recipients: Vec<String>,
    /// `CHỦ TỊCH`.
    pub signer_title: String,
    /// Empty: the clerk writes it.
    pub signer_name: String,
    /// The document's author (its properties): the organisation as configured.
    pub author: String,
    /// The document's title (its properties): `Báo cáo kết quả công tác Mặt trận tháng 8/2024`.
    pub title: String,
}

impl Frame {
    /// The frame of the report of `config` for the period called `period` in titles
    /// (`tháng 8/2024`, `quý III năm 2024`), dated in `year`, with the month's `window`.
    pub(crate) fn new(config: &Report, period: &str, window: Option<String>, year: i32) -> Frame {
        let title = config.title.trim();
        let organisation = config.organisation.trim();
        Frame {
            organisation: organisation_lines(organisation, &config.area_names),
            issuer: SIGNING_BODY.to_uppercase(),
            number: format!("Số: …/{}", config.document_number_suffix),
            place_date: format!("{}, ngày … tháng … năm {year}", config.place),
            subject: format!("{} {period}", subject(title)),
            window: window.map(|w| format!("({w})")),
            closing: format!(
                "Trên đây là {} {period} của {SIGNING_BODY} {organisation}./.",
                crate::text::lower_first(title)
            ),
            recipients: recipient_lines(&config.recipients),
            signer_title: config.signer_title.clone(),
            signer_name: config.signer_name.clone(),
            author: organisation.to_owned(),
            title: format!("{title} {period}"),
        }
    }
}

/// A report's subject from its title: `Báo cáo kết quả công tác Mặt trận` → `Kết quả công tác
/// Mặt trận` (the document already says `BÁO CÁO`); a title not starting so is the subject.
pub(crate) fn subject(title: &str) -> String {
    let words: Vec<&str> = title.split_whitespace().collect();
    match words.as_slice() {
        [a, b, rest @ ..] if !rest.is_empty() && fold(&format!("{a} {b}")) == "bao cao" => {
            crate::text::capitalise(&rest.join(" "))
        }
        _ => title.to_owned(),
    }
}

/// The organisation in upper case, its area (the first of `area_names`, when the name ends
/// with it) on a second line, as the header block prints it in its narrow column.
fn organisation_lines(organisation: &str, area_names: &[String]) -> Vec<String> {
    let words: Vec<&str> = organisation.split_whitespace().collect();
    let area = area_names.first().map(|a| a.split_whitespace().count()).unwrap_or(0);
    let split = words.len().checked_sub(area).filter(|&at| {
        at > 0 && area > 0 && fold(&words[at..].join(" ")) == fold(area_names.first().map_or("", String::as_str))
    });
    let upper = |w: &[&str]| w.join(" ").to_uppercase();
    match split {
        Some(at) => vec![upper(&words[..at]), upper(&words[at..])],
        None => vec![upper(&words)],
    }
}

/// `- item;` each, `- item.` for the last; an item that already ends with `.` or `;` keeps
/// its own (`Lưu: VT.`).
fn recipient_lines(items: &[String]) -> Vec<String> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let item = item.trim().trim_end_matches([',', ':']);
            let end = if item.ends_with(['.', ';']) {
                ""
            } else if i == last {
                "."
            } else {
                ";"
            };
            format!("- {item}{end}")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn the_frame_of_tam_ky_s_august_report() {
        let f = Frame::new(&Config::default_config().report, "tháng 8/2024", None, 2024);
        assert_eq!(f.organisation, ["ỦY BAN MTTQ VIỆT NAM", "THÀNH PHỐ TAM KỲ"]);
        assert_eq!(f.issuer, "BAN THƯỜNG TRỰC");
        assert_eq!(f.number, "Số: …/BC-MTTQ-BTT");
        assert_eq!(f.place_date, "Tam Kỳ, ngày … tháng … năm 2024");
        assert_eq!(f.subject, "Kết quả công tác Mặt trận tháng 8/2024");
        assert_eq!(
            f.closing,
            "Trên đây là báo cáo kết quả công tác Mặt trận tháng 8/2024 của Ban Thường trực Ủy ban MTTQ Việt \
             Nam thành phố Tam Kỳ./."
        );
        assert_eq!(f.recipients, ["- TT Ủy ban MTTQ Việt Nam tỉnh (b/c);", "- TT Thành ủy (b/c);", "- Lưu: VT."]);
        assert_eq!((f.signer_title.as_str(), f.signer_name.as_str()), ("CHỦ TỊCH", ""));
        assert_eq!(f.author, "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ");
        assert_eq!(f.title, "Báo cáo kết quả công tác Mặt trận tháng 8/2024");
    }

    #[test]
    fn an_organisation_without_its_area_at_the_end_is_one_line() {
        assert_eq!(organisation_lines("Mặt trận Tổ quốc", &["tỉnh Quảng Nam".to_owned()]), ["MẶT TRẬN TỔ QUỐC"]);
        assert_eq!(organisation_lines("tỉnh Quảng Nam", &["tỉnh Quảng Nam".to_owned()]), ["TỈNH QUẢNG NAM"]);
        assert_eq!(recipient_lines(&["Như trên".to_owned(), "Lưu: VT".to_owned()]), ["- Như trên;", "- Lưu: VT."]);
    }
}
