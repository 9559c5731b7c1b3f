use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = tonghop::cli::Cli::parse();
    tonghop::cmd::run(cli)
}
