//! Colours for a clerk's terminal: only when stdout is one and `NO_COLOR` is not set.

use std::io::IsTerminal;

#[derive(Debug, Clone, Copy)]
pub struct Paint {
    on: bool,
}

impl Paint {
    pub fn stdout() -> Paint {
        Paint { on: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() }
    }

    fn wrap(self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() }
    }

    pub fn red(self, text: &str) -> String {
        self.wrap("31", text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.wrap("33", text)
    }

    pub fn green(self, text: &str) -> String {
        self.wrap("32", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.wrap("2", text)
    }

    pub fn bold(self, text: &str) -> String {
        self.wrap("1", text)
    }
}

/// Pads to a width in characters (not bytes: Vietnamese letters are several bytes).
pub fn pad(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n >= width { text.to_owned() } else { format!("{text}{}", " ".repeat(width - n)) }
}
