fn main() -> std::process::ExitCode {
    dockerlings::cli::main()
}
