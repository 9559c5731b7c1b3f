//! The configuration: the embedded default, and every kind of problem `config --check` reports.

use tonghop::config::{Config, ConfigProblem, Kind, check};
use tonghop::messages::{Lang, Msg};

use crate::common::tonghop;

#[test]
fn default_config_has_13_units_and_17_indicators_in_order() {
    let c = Config::default_config();
    let units: Vec<&str> = c.units.iter().map(|u| u.code.as_str()).collect();
    assert_eq!(
        units,
        [
            "an-my",
            "an-son",
            "an-xuan",
            "an-phu",
            "hoa-huong",
            "hoa-thuan",
            "phuoc-hoa",
            "tan-thanh",
            "truong-xuan",
            "tam-ngoc",
            "tam-phu",
            "tam-thanh",
            "tam-thang"
        ]
    );
    let indicators: Vec<&str> = c.indicators.iter().map(|i| i.code.as_str()).collect();
    assert_eq!(
        indicators,
        [
            "TT01", "TT02", "TT03", "TT04", "VD01", "VD02", "VD03", "VD04", "GS01", "GS02", "GS03", "GS04", "GS05",
            "DN01", "CB01", "CB02", "KT01"
        ]
    );
    assert_eq!(c.sections.len(), 5);
    assert_eq!(c.rules.iter().map(|r| r.code.as_str()).collect::<Vec<_>>(), ["R01", "R02", "R03", "R04"]);
    let vd04 = c.indicator("VD04").unwrap();
    assert_eq!((vd04.kind, vd04.unit.as_str()), (Kind::Amount, "tỷ đồng"));
    assert_eq!(c.unit("tam-thang").unwrap().name, "Xã Tam Thăng");
    assert_eq!(c.report.organisation, "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ");
}

/// The example of spec §2, written exactly as shown there, loads.
#[test]
fn spec_example_loads() {
    let text = r#"
[report]
organisation = "Ủy ban MTTQ Việt Nam thành phố Tam Kỳ"   # who consolidates
unit_word = "xã, phường"                                   # how the units are called together
period = "month"                                           # month only, for now

[[unit]]
code = "an-my"                 # stable id, ascii, used in file names and the CSV
name = "Phường An Mỹ"          # as printed
aliases = ["P. An Mỹ", "An My"] # optional; matching also folds case, diacritics, prefixes

[[section]]
code = "I.3"
title = "Tham gia xây dựng Đảng, chính quyền; giám sát và phản biện xã hội"

[[indicator]]
code = "GS03"                  # what the form's code column holds
section = "I.3"
label = "Hội nghị đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân"
unit = "hội nghị"              # unit of measure (đơn vị tính)
kind = "count"                 # count: whole number >= 0; amount: decimal >= 0 in `unit`
aliases = []                   # other labels to recognise when the code cell is empty
max = 50                       # optional: a larger value for one unit is an error (likely a typo)
notes = true                   # optional: the note column feeds the narrative's footnotes

[[rule]]                       # cross-field check, evaluated per submission
code = "R01"
when = "GS03 > 0"              # an expression over indicator codes
require = "GS03 < 10"
severity = "error"             # error | warning
message = "Có giá trị công trình, phần việc nhưng số công trình bằng 0"
"#;
    let c = Config::parse(text).expect("spec example loads");
    assert_eq!(c.units[0].aliases, ["P. An Mỹ", "An My"]);
    assert_eq!(c.indicators[0].max.unwrap().to_string(), "50");
    assert!(c.indicators[0].notes);
}

const VALID_HEAD: &str = r#"[report]
organisation = "Hội Nông dân huyện X"

[[unit]]
code = "a"
name = "Xã A"

[[section]]
code = "S1"
title = "Phần một"

[[indicator]]
code = "N01"
section = "S1"
label = "Hội viên mới"
unit = "người"
kind = "count"
"#;

/// The (line, message) of every problem in `VALID_HEAD` + `tail`.
fn problems(tail: &str) -> Vec<(usize, Msg)> {
    check(&format!("{VALID_HEAD}{tail}")).into_iter().map(|ConfigProblem { line, msg, .. }| (line, msg)).collect()
}

#[test]
fn the_valid_head_is_valid() {
    assert_eq!(problems(""), []);
}

#[test]
fn syntax_error_is_reported_with_its_line() {
    let p = check("[report]\norganisation = \"x\n");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].line, 2);
    assert!(matches!(p[0].msg, Msg::ConfigSyntax { .. }));
}

#[test]
fn missing_required_field_points_at_its_table() {
    // VALID_HEAD has 17 lines; the table starts on line 19.
    let p = problems("\n[[indicator]]\ncode = \"N02\"\nsection = \"S1\"\nunit = \"người\"\nkind = \"count\"\n");
    assert_eq!(p, [(19, Msg::ConfigMissingField { table: "indicator", field: "label".into() })]);
}

#[test]
fn unknown_kind_is_reported() {
    let p =
        problems("\n[[indicator]]\ncode = \"N02\"\nsection = \"S1\"\nlabel = \"x\"\nunit = \"x\"\nkind = \"money\"\n");
    assert_eq!(p, [(24, Msg::ConfigUnknownKind { value: "money".into() })]);
}

#[test]
fn duplicate_unit_code_names_the_first_line() {
    let p = problems("\n[[unit]]\ncode = \"a\"\nname = \"Xã B\"\n");
    assert_eq!(p, [(20, Msg::ConfigDuplicateCode { table: "unit", code: "a".into(), first_line: 5 })]);
}

#[test]
fn duplicate_indicator_code_is_reported() {
    let p =
        problems("\n[[indicator]]\ncode = \"N01\"\nsection = \"S1\"\nlabel = \"y\"\nunit = \"y\"\nkind = \"count\"\n");
    assert_eq!(p, [(20, Msg::ConfigDuplicateCode { table: "indicator", code: "N01".into(), first_line: 13 })]);
}

#[test]
fn indicator_in_unknown_section_is_reported() {
    let p =
        problems("\n[[indicator]]\ncode = \"N02\"\nsection = \"S9\"\nlabel = \"y\"\nunit = \"y\"\nkind = \"count\"\n");
    assert_eq!(p, [(21, Msg::ConfigUnknownSection { indicator: "N02".into(), section: "S9".into() })]);
}

#[test]
fn units_folding_to_one_key_clash() {
    let p = problems("\n[[unit]]\ncode = \"b\"\nname = \"UBMTTQ xã a\"\n");
    assert_eq!(p, [(21, Msg::ConfigNameClash { name: "UBMTTQ xã a".into(), other: "Xã A".into(), other_line: 6 })]);
}

#[test]
fn rule_that_does_not_parse_is_reported() {
    let p = problems("\n[[rule]]\ncode = \"R1\"\nwhen = \"N01 >\"\nrequire = \"N01 < 5\"\nmessage = \"m\"\n");
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].0, 21);
    assert!(matches!(&p[0].1, Msg::ConfigRuleSyntax { expr, .. } if expr == "N01 >"), "{p:?}");
}

#[test]
fn rule_naming_unknown_code_is_reported() {
    let p =
        problems("\n[[rule]]\ncode = \"R1\"\nwhen = \"N01 > 0\"\nrequire = \"N02 > 0 and N01 < 9\"\nmessage = \"m\"\n");
    assert_eq!(p, [(22, Msg::ConfigRuleUnknownCode { expr: "N02 > 0 and N01 < 9".into(), name: "N02".into() })]);
}

#[test]
fn every_problem_is_reported_at_once() {
    let tail = "\n[[unit]]\ncode = \"a\"\nname = \"Xã B\"\n\n[[indicator]]\ncode = \"N02\"\nsection = \"S9\"\nlabel = \"y\"\nunit = \"y\"\nkind = \"many\"\n";
    let lines: Vec<usize> = problems(tail).iter().map(|p| p.0).collect();
    assert_eq!(lines, [20, 25, 28]);
}

#[test]
fn misspelt_field_is_reported() {
    let p = problems("\n[[unit]]\ncode = \"b\"\nnmae = \"Xã B\"\n");
    assert!(p.contains(&(21, Msg::ConfigUnknownKey { table: "unit", key: "nmae".into() })), "{p:?}");
    assert!(p.contains(&(19, Msg::ConfigMissingField { table: "unit", field: "name".into() })), "{p:?}");
}

#[test]
fn footnote_max_units_is_a_whole_number_30_by_default() {
    let with = |value: &str| VALID_HEAD.replacen("[report]\n", &format!("[report]\nfootnote_max_units = {value}\n"), 1);
    let problems_with = |value: &str| check(&with(value)).into_iter().map(|p| (p.line, p.msg)).collect::<Vec<_>>();
    assert_eq!(Config::parse(VALID_HEAD).unwrap().report.footnote_max_units, 30);
    assert_eq!(Config::parse(&with("0")).unwrap().report.footnote_max_units, 0);
    assert_eq!(Config::parse(&with("1_000")).unwrap().report.footnote_max_units, 1000);
    let not_whole = |value: &str| Msg::ConfigNotWholeNumber { field: "footnote_max_units".into(), value: value.into() };
    assert_eq!(problems_with("-1"), [(2, not_whole("-1"))]);
    assert_eq!(problems_with("2.5"), [(2, not_whole("2.5"))]);
    let wrong_type = Msg::ConfigWrongType { field: "footnote_max_units".into(), expected: "whole number" };
    assert_eq!(problems_with("\"ba\""), [(2, wrong_type.clone())]);
    assert!(
        wrong_type.text(Lang::Vi).ends_with("phải là một số nguyên lớn hơn hoặc bằng 0"),
        "{}",
        wrong_type.text(Lang::Vi)
    );
}

#[test]
fn the_report_s_frame_has_its_keys_and_defaults() {
    // Spec §13: the place, the number's suffix, the recipients and the signer.
    let report = Config::parse(VALID_HEAD).unwrap().report;
    assert_eq!(report.place, "X", "the area's name without its level");
    assert_eq!(report.document_number_suffix, "BC-MTTQ-BTT");
    assert_eq!(report.recipients, ["Lưu: VT."]);
    assert_eq!((report.signer_title.as_str(), report.signer_name.as_str()), ("CHỦ TỊCH", ""));
    let tam_ky = Config::default_config().report;
    assert_eq!(tam_ky.place, "Tam Kỳ");
    assert_eq!(tam_ky.recipients, ["TT Ủy ban MTTQ Việt Nam tỉnh (b/c)", "TT Thành ủy (b/c)", "Lưu: VT."]);
    let with = |keys: &str| VALID_HEAD.replacen("[report]\n", &format!("[report]\n{keys}\n"), 1);
    let given = Config::parse(&with(
        "place = \"Hội An\"\ndocument_number_suffix = \"/BC-MT\"\nrecipients = []\nsigner_title = \"PHÓ CHỦ TỊCH\"\n\
         signer_name = \"Nguyễn Văn A\"",
    ))
    .unwrap()
    .report;
    assert_eq!(given.place, "Hội An");
    assert_eq!(given.document_number_suffix, "BC-MT", "the slash is the document's own");
    assert!(given.recipients.is_empty());
    assert_eq!((given.signer_title.as_str(), given.signer_name.as_str()), ("PHÓ CHỦ TỊCH", "Nguyễn Văn A"));
    let problems = |keys: &str| check(&with(keys)).into_iter().map(|p| p.msg).collect::<Vec<_>>();
    assert_eq!(problems("signer_name = \"\""), []);
    assert_eq!(problems("place = \"\""), [Msg::ConfigEmptyField { field: "place".into() }]);
    assert_eq!(
        problems("recipients = \"Lưu VT\""),
        [Msg::ConfigWrongType { field: "recipients".into(), expected: "list of texts" }]
    );
    assert_eq!(problems("signer = \"A\""), [Msg::ConfigUnknownKey { table: "report", key: "signer".into() }]);
}

#[test]
fn messages_exist_in_both_languages() {
    let m = Msg::ConfigUnknownKind { value: "money".into() };
    assert_eq!(m.text(Lang::Vi), "kind = \"money\" không hợp lệ: chỉ nhận \"count\" hoặc \"amount\"");
    assert_eq!(m.text(Lang::En), "kind = \"money\" is not valid: use \"count\" or \"amount\"");
}

#[test]
fn cli_config_prints_the_default_and_checks_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = tonghop(dir.path()).arg("config").assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8(out).unwrap(), tonghop::config::DEFAULT_TOML);

    std::fs::write(dir.path().join("ok.toml"), VALID_HEAD).unwrap();
    tonghop(dir.path())
        .args(["config", "--check", "ok.toml"])
        .assert()
        .code(0)
        .stdout(predicates::str::contains("1 đơn vị, 1 phần, 1 chỉ tiêu, 0 quy tắc"));

    std::fs::write(dir.path().join("bad.toml"), format!("{VALID_HEAD}\n[[unit]]\ncode = \"a\"\nname = \"Xã B\"\n"))
        .unwrap();
    tonghop(dir.path())
        .args(["--lang", "en", "config", "--check", "bad.toml"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bad.toml:20:8: code \"a\" of [[unit]] is a duplicate (first at line 5)"));

    // A broken --config stops every other command with exit 2 and its problems.
    tonghop(dir.path())
        .args(["--config", "bad.toml", "template", "--period", "2024-08"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:20:8"));
}

#[test]
fn codes_that_are_keywords_of_rules_and_templates_are_refused() {
    // An indicator called `none` is the value none in `none > 0`: its rule could never fail.
    for code in ["none", "true", "loop", "and", "ind"] {
        let toml = tonghop::config::DEFAULT_TOML.replace("code = \"KT01\"", &format!("code = \"{code}\""));
        let problems = check(&toml);
        assert!(
            problems.iter().any(|p| p.msg == Msg::ConfigReservedCode { code: code.to_owned() }),
            "{code}: {problems:?}"
        );
    }
    let toml = tonghop::config::DEFAULT_TOML.replace("code = \"an-my\"", "code = \"true\"");
    assert!(check(&toml).iter().any(|p| p.msg == Msg::ConfigReservedCode { code: "true".into() }));
}

#[test]
fn problems_are_placed_on_their_lines_in_a_long_configuration() {
    // Positions come from a table of line starts (linear in the file), not from counting
    // newlines again for each name.
    let mut toml = tonghop::config::DEFAULT_TOML.to_owned();
    for i in 0..2000 {
        toml.push_str(&format!("\n[[unit]]\ncode = \"to-{i}\"\nname = \"Tổ {i}\"\n"));
    }
    toml.push_str("\n[[unit]]\ncode = \"to-x\"\nname = \"Tổ 7\"\n");
    let last_line = toml.lines().count();
    let problems = check(&toml);
    let clash = problems.iter().find(|p| matches!(p.msg, Msg::ConfigNameClash { .. })).expect("a clash");
    assert_eq!((clash.line, clash.column), (last_line, 8));
    let Msg::ConfigNameClash { other_line, .. } = &clash.msg else { unreachable!() };
    let first = toml.lines().position(|l| l == "name = \"Tổ 7\"").unwrap() + 1;
    assert_eq!(*other_line, first);
}
