//! For tests/cli_course.rs: opens the app's terminal session, draws, then panics, so the test
//! can see the terminal restored (mouse released, alternate screen left) before the panic
//! message is printed.

use dockerlings::tui::terminal::Session;

fn main() {
    let mut session = Session::start().expect("a terminal");
    session
        .terminal
        .draw(|frame| frame.render_widget("dockerlings-panic-test", frame.area()))
        .expect("a frame");
    panic!("deliberate panic to test the terminal restore");
}
