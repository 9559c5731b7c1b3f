//! Styles for a clerk's terminal. Renderers always style; the command's output stream
//! ([`anstream`]) drops the styles when it is not a terminal or `NO_COLOR` is set, and turns
//! them into console calls on old Windows consoles.

use anstyle::{AnsiColor, Style};

fn paint(style: Style, text: &str) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

pub(super) fn red(text: &str) -> String {
    paint(AnsiColor::Red.on_default(), text)
}

pub(super) fn yellow(text: &str) -> String {
    paint(AnsiColor::Yellow.on_default(), text)
}

pub(super) fn green(text: &str) -> String {
    paint(AnsiColor::Green.on_default(), text)
}

pub(super) fn dim(text: &str) -> String {
    paint(Style::new().dimmed(), text)
}

pub(super) fn bold(text: &str) -> String {
    paint(Style::new().bold(), text)
}

/// Pads to a width in characters (not bytes: Vietnamese letters are several bytes).
pub(super) fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width { text.to_owned() } else { format!("{text}{}", " ".repeat(width - n)) }
}
