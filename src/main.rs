use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = tonghop::cli::parse();
    tonghop::cmd::run(cli)
}
