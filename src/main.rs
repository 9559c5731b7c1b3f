use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = tonghop::cli::parse();
    // After parsing: clap's own exits (`--help`, a wrong argument) leave the console alone.
    let _console = console::Utf8::set();
    tonghop::cmd::run(cli)
}

/// The console speaks UTF-8 while tonghop runs (Windows; a no-op elsewhere).
///
/// Rust writes to a Windows console in UTF-16, so tonghop's own Vietnamese shows right
/// whatever the console's code page. The code page still decides how a program on the other
/// end of a pipe in the same console (`tonghop status nhan | more`, `findstr`) shows the UTF-8
/// that tonghop sends it: the OEM code page by default (1258 in a Vietnamese Windows, 437 or
/// 850 elsewhere), in which "Phường" comes out garbled. The earlier code page is put back when tonghop ends
/// (not when it is killed: Ctrl-C on `watch` leaves UTF-8, which harms nothing).
#[cfg(windows)]
mod console {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleOutputCP() -> u32;
        fn SetConsoleOutputCP(code_page: u32) -> i32;
    }

    const UTF8: u32 = 65001;

    /// Sets the console's output code page to UTF-8, and puts the earlier one back when dropped.
    pub struct Utf8 {
        earlier: Option<u32>,
    }

    impl Utf8 {
        pub fn set() -> Utf8 {
            // SAFETY: both calls take and return plain integers; without a console (output to a
            // file, a service) GetConsoleOutputCP returns 0 and nothing is changed.
            let earlier = unsafe {
                let earlier = GetConsoleOutputCP();
                (earlier != 0 && earlier != UTF8 && SetConsoleOutputCP(UTF8) != 0).then_some(earlier)
            };
            Utf8 { earlier }
        }
    }

    impl Drop for Utf8 {
        fn drop(&mut self) {
            if let Some(code_page) = self.earlier {
                // SAFETY: as above.
                unsafe { SetConsoleOutputCP(code_page) };
            }
        }
    }
}

#[cfg(not(windows))]
mod console {
    /// Unix terminals take UTF-8 as they are.
    pub struct Utf8;

    impl Utf8 {
        pub fn set() -> Utf8 {
            Utf8
        }
    }
}
