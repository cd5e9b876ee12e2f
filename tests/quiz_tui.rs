//! The quiz and exercise screens driven by key events, as a learner would: a whole quiz and an
//! exercise, then the progress file on disk is checked. Snapshots of every question kind and
//! of the exercise screen with findings and a failing checklist.

mod quiz_fixture;

use dockerlings::course::Course;
use dockerlings::progress::Store;
use dockerlings::quiz::QuestionKind;
use dockerlings::quiz::check::shuffled_order;
use dockerlings::tui::App;
use dockerlings::tui::event::Msg;
use dockerlings::tui::screens;
use dockerlings::tui::update::Effect;
use quiz_fixture::*;
use ratatui::crossterm::event::KeyCode;

/// Keys that put an order question's shuffled items into the solved order: for each place,
/// go to the item that belongs there, pick it up, carry it up, put it down.
fn solve_order(id: &str, len: usize) -> Vec<Msg> {
    let mut arrangement = shuffled_order(id, len);
    let mut cursor = 0usize;
    let mut keys = Vec::new();
    for place in 0..len {
        let row = arrangement.iter().position(|&i| i == place).unwrap();
        while cursor < row {
            keys.push(ch('j'));
            cursor += 1;
        }
        while cursor > row {
            keys.push(ch('k'));
            cursor -= 1;
        }
        keys.push(ch(' '));
        while cursor > place {
            keys.push(ch('k'));
            arrangement.swap(cursor, cursor - 1);
            cursor -= 1;
        }
        keys.push(ch(' '));
    }
    keys
}

const SOLUTION: &str = "FROM golang:1.25 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/app /app
ENTRYPOINT [\"/app\"]";

#[test]
fn a_whole_quiz_and_an_exercise_through_keys_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = app_with_store(&path, 100, 32);
    let enter = key(KeyCode::Enter);

    press(&mut app, [ch('t')]);
    // single: a hint, a wrong answer, a retry (practice), the right one.
    press(&mut app, [ch('h'), ch('1'), enter, ch('r'), ch('2'), enter]);
    let text = screen_text(&app, 100, 32);
    assert!(
        text.contains("Correct") && text.contains("Practice"),
        "{text}"
    );
    press(&mut app, [enter]);
    // multiple: mark 1 and 2.
    press(&mut app, [ch('1'), ch('2'), enter, enter]);
    // true/false: True is first; nothing is chosen until the learner chooses.
    press(&mut app, [enter]);
    assert!(!screen_text(&app, 100, 32).contains("Correct"));
    press(&mut app, [ch('1'), enter, enter]);
    // short: typed, with the case and spaces a learner might use.
    press(&mut app, typed("  Scratch "));
    press(&mut app, [enter, enter]);
    // order.
    press(&mut app, solve_order("demo-order", 4));
    press(&mut app, [enter]);
    assert!(
        screen_text(&app, 100, 32).contains("Correct"),
        "{}",
        screen_text(&app, 100, 32)
    );
    press(&mut app, [enter]);
    // spot the bug: line 4 (the first move selects line 1).
    press(&mut app, [ch('j'), ch('j'), ch('j'), ch('j'), enter, enter]);

    // The exercise: the starter fails; a hint; then the solution typed in passes.
    press(&mut app, [enter]);
    assert!(screen_text(&app, 100, 32).contains("Dockerfile"));
    press(&mut app, [ctrl('s'), ctrl('g')]);
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("✗"), "{text}");
    // Clear the editor: to the end, then delete everything before the cursor.
    press(&mut app, (0..10).map(|_| key(KeyCode::Down)));
    press(&mut app, [key(KeyCode::End)]);
    press(&mut app, (0..200).map(|_| key(KeyCode::Backspace)));
    press(&mut app, typed(SOLUTION));
    press(&mut app, [ctrl('s')]);
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("Every requirement is met"), "{text}");
    press(&mut app, [ctrl('d')]);
    assert!(screen_text(&app, 100, 32).contains("- your file   + the reference"));
    press(&mut app, [key(KeyCode::Esc), ch('n')]);
    assert!(
        screen_text(&app, 100, 32).contains("6 of 7 right"),
        "{}",
        screen_text(&app, 100, 32)
    );
    press(&mut app, [enter]);

    let (saved, notices) = Store::open(&path).unwrap();
    assert!(notices.is_empty());
    let p = saved.progress();
    for id in [
        "demo-multiple",
        "demo-true-false",
        "demo-short",
        "demo-order",
        "demo-spot-bug",
        "demo-exercise",
    ] {
        let q = p
            .question("demo", id)
            .unwrap_or_else(|| panic!("{id} not saved"));
        assert!(q.answered && q.correct, "{id}: {q:?}");
    }
    // The retry was practice: the first, wrong answer is what counts.
    let single = p.question("demo", "demo-single").unwrap();
    assert_eq!(
        (
            single.answered,
            single.correct,
            single.attempts,
            single.hints_used
        ),
        (true, false, 1, 1)
    );
    // Checking the untouched starter was no attempt.
    let exercise = p.question("demo", "demo-exercise").unwrap();
    assert_eq!(
        (exercise.attempts, exercise.hints_used, exercise.revealed),
        (1, 1, false)
    );
    assert_eq!(exercise.draft.as_deref().map(str::trim_end), Some(SOLUTION));
}

#[test]
fn failed_attempts_offer_the_solution_and_the_draft_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = app_with_store(&path, 100, 32);
    // Straight to the exercise: answer six questions anyhow and go on.
    press(&mut app, [ch('t')]);
    for _ in 0..6 {
        press(
            &mut app,
            [ch('1'), key(KeyCode::Enter), key(KeyCode::Right)],
        );
    }
    press(&mut app, [key(KeyCode::Enter)]);
    press(&mut app, typed("# my note\n"));
    press(&mut app, [ctrl('s')]);
    press(&mut app, typed("# and another\n"));
    press(&mut app, [ctrl('s')]);
    let text = screen_text(&app, 100, 32);
    assert!(text.contains("Ctrl-O: a solution"), "offered: {text}");
    assert!(!text.contains("A solution"), "not forced: {text}");
    press(&mut app, [ctrl('o')]);
    assert!(screen_text(&app, 100, 32).contains("A solution"));
    press(&mut app, [key(KeyCode::Esc), key(KeyCode::Esc)]);
    let exercise = Store::open(&path)
        .unwrap()
        .0
        .progress()
        .question("demo", "demo-exercise")
        .cloned()
        .unwrap();
    assert!(exercise.revealed && !exercise.correct);
    assert_eq!(exercise.attempts, 2);

    // Come back later: the draft is where it was left.
    let mut again = app_with_store(&path, 100, 32);
    open_exercise(&mut again);
    assert!(screen_text(&again, 100, 32).contains("# my note"));
}

#[test]
fn typing_is_checked_after_the_debounce_not_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 100, 32);
    open_exercise(&mut app);
    press(&mut app, typed("FROM scratch AS x\n"));
    let Some(dockerlings::tui::app::Screen::Exercise(state)) = app.screens().last() else {
        panic!("exercise not open")
    };
    let due = state.lint_due.expect("an edit schedules a check");
    let before = state.verdict.clone();
    assert!(screens::exercise::on_tick(&mut app, due - screens::exercise::DEBOUNCE).is_empty());
    assert_eq!(
        screens::exercise::on_tick(&mut app, due),
        vec![Effect::Redraw]
    );
    let Some(dockerlings::tui::app::Screen::Exercise(state)) = app.screens().last() else {
        panic!()
    };
    assert!(state.lint_due.is_none());
    assert_ne!(state.verdict, before, "the new stage counts now");
}

#[test]
fn question_mark_is_typed_in_the_editor_and_f1_opens_help() {
    use dockerlings::tui::app::Screen;
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 100, 32);
    open_exercise(&mut app);
    press(&mut app, typed("# why?"));
    let Some(Screen::Exercise(state)) = app.screens().last() else {
        panic!(
            "the editor stays open after `?`: {:?}",
            app.screens().last()
        )
    };
    assert!(
        state.editor.lines().iter().any(|l| l.contains("# why?")),
        "{:?}",
        state.editor.lines()
    );
    assert!(screen_text(&app, 100, 32).contains("F1 help"));
    press(&mut app, [key(KeyCode::F(1))]);
    assert!(matches!(app.screens().last(), Some(Screen::Help(_))));
    assert!(screen_text(&app, 100, 32).contains("show or hide this help"));
    assert!(
        screens::help::rows().contains(&screens::help::HelpRow::Binding {
            keys: "F1".into(),
            help: "show this help (? is typed as text here)"
        })
    );
    press(&mut app, [key(KeyCode::Esc)]);
    assert!(matches!(app.screens().last(), Some(Screen::Exercise(_))));
}

#[test]
fn exercise_editor_is_highlighted_snapshot() {
    use dockerlings::highlight::{CodeTheme, ColorDepth, Highlighter};
    use dockerlings::tui::code::CodeColours;
    use ratatui::style::{Color, Modifier};
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let edit = |app: &mut App| {
        open_exercise(app);
        press(app, [key(KeyCode::End)]);
        press(
            app,
            typed(" AS build\nFROM scratch\nCOPY --from=build /out/app /app"),
        );
    };
    let mut plain = app_with_store(&dir.path().join("a.json"), 100, 30);
    edit(&mut plain);
    let mut app = app_with_store(&dir.path().join("b.json"), 100, 30);
    app.code_colours = Some(CodeColours {
        highlighter: Arc::new(Highlighter::new(CodeTheme::Ansi)),
        depth: ColorDepth::Ansi16,
    });
    edit(&mut app);
    let (a, b) = (draw(&plain, 100, 30), draw(&app, 100, 30));
    let (a, b) = (a.backend().buffer().clone(), b.backend().buffer().clone());
    let symbols = |buf: &ratatui::buffer::Buffer| -> String {
        buf.content().iter().map(|c| c.symbol()).collect()
    };
    assert_eq!(symbols(&a), symbols(&b), "colours change colours, not text");
    // Where a word is drawn in the editor (the left half) on the row that shows `line`.
    let find = |line: &str, word: &str| -> (u16, u16) {
        let area = b.area;
        for y in 0..area.height {
            let row: String = (0..area.width / 2).map(|x| b[(x, y)].symbol()).collect();
            if row.contains(line)
                && let Some(at) = row.find(word)
            {
                return (row[..at].chars().count() as u16, y);
            }
        }
        panic!("{line:?} not drawn")
    };
    let (x, y) = find("FROM golang", "FROM");
    assert_ne!(b[(x, y)].fg, Color::Reset, "the instruction is coloured");
    let defined = find("AS build", "build");
    let used = find("--from=build", "build");
    let stage_colour = b[(defined.0, defined.1)].fg;
    assert_ne!(stage_colour, Color::Reset);
    assert_eq!(
        b[(used.0, used.1)].fg,
        stage_colour,
        "a stage and its reference"
    );
    let reversed = |buf: &ratatui::buffer::Buffer| -> Vec<usize> {
        let cells = buf.content().iter().enumerate();
        cells
            .filter(|(_, c)| c.modifier.contains(Modifier::REVERSED))
            .map(|(i, _)| i)
            .collect()
    };
    assert!(!reversed(&a).is_empty());
    assert_eq!(reversed(&a), reversed(&b), "the cursor still shows");
    insta::assert_snapshot!("exercise_editor_highlighted", format!("{b:?}"));
}

#[test]
fn home_shows_quiz_scores_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    assert!(screen_text(&app, 80, 24).contains("quiz 0/7 right · exercises 0/1"));
    // The first question right, then the exercise solved; the rest left for later.
    press(
        &mut app,
        [ch('t'), ch('2'), key(KeyCode::Enter), key(KeyCode::Esc)],
    );
    open_exercise(&mut app);
    press(&mut app, (0..10).map(|_| key(KeyCode::Down)));
    press(&mut app, [key(KeyCode::End)]);
    press(&mut app, (0..200).map(|_| key(KeyCode::Backspace)));
    press(&mut app, typed(SOLUTION));
    press(&mut app, [ctrl('s'), key(KeyCode::Esc), key(KeyCode::Esc)]);
    let home = screen_text(&app, 80, 24);
    assert!(home.contains("quiz 2/7 right · exercises 1/1"), "{home}");
    insta::assert_snapshot!("home_with_scores", draw(&app, 80, 24).backend());
}

#[test]
fn every_question_kind_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    press(&mut app, [ch('t')]);
    let course = Course::load_dir(pack()).unwrap();
    let quiz = dockerlings::quiz::QuizBook::for_course(&course);
    let questions = &quiz.quizzes[0].questions;
    for (i, q) in questions.iter().enumerate() {
        // Before answering, and (for the first kinds) after, with the explanation.
        insta::assert_snapshot!(
            format!("quiz_{}", q.kind.name()),
            draw(&app, 80, 24).backend()
        );
        if matches!(q.kind, QuestionKind::Dockerfile(_)) {
            break;
        }
        press(&mut app, [ch('1'), key(KeyCode::Enter)]);
        if i < 2 {
            insta::assert_snapshot!(
                format!("quiz_{}_answered", q.kind.name()),
                draw(&app, 80, 24).backend()
            );
        }
        press(&mut app, [key(KeyCode::Right)]);
    }
}

#[test]
fn exercise_with_findings_and_a_failing_checklist_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 100, 30);
    open_exercise(&mut app);
    press(&mut app, [ctrl('s'), ctrl('g')]);
    insta::assert_snapshot!("exercise_failing", draw(&app, 100, 30).backend());
}

#[test]
fn quiz_and_exercise_screens_draw_at_every_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    press(&mut app, [ch('t'), ch('h')]);
    let mut states = Vec::new();
    for _ in 0..6 {
        states.push(app.screens().to_vec());
        press(&mut app, [ch('1'), key(KeyCode::Enter)]);
        states.push(app.screens().to_vec());
        press(&mut app, [key(KeyCode::Right)]);
    }
    press(&mut app, [key(KeyCode::Enter), ctrl('s'), ctrl('g')]);
    states.push(app.screens().to_vec());
    press(&mut app, [ctrl('o')]);
    states.push(app.screens().to_vec());
    for screens in states {
        let mut probe = app_with_store(&dir.path().join("p.json"), 80, 24);
        for screen in screens.into_iter().skip(1) {
            probe.push(screen);
        }
        for w in (1..=130).step_by(9) {
            for h in (1..=45).step_by(4) {
                draw(&probe, w, h);
            }
        }
    }
}

#[test]
fn a_short_answer_offers_only_untyped_keys_and_lists_every_accepted_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    press(&mut app, [ch('t')]);
    press(&mut app, [key(KeyCode::Right); 3]);
    let screen = screen_text(&app, 80, 24);
    assert!(screen.contains("type the answer"), "{screen}");
    // Digits, Space, `h` and `?` are typed into the answer: the status bar must not offer them.
    let status = screen.lines().last().unwrap();
    // This question has no hints, so no hint key is offered either (not even Tab).
    for wrong in ["1-9 pick", "Space mark", "h hint", "Tab hint", "? help"] {
        assert!(!status.contains(wrong), "{wrong:?} offered in {status:?}");
    }
    for right in ["Enter answer", "Esc back", "F1 help"] {
        assert!(status.contains(right), "{right:?} missing from {status:?}");
    }
    // A wrong answer lists the accepted ones, wrapped rather than cut at a narrow width.
    press(&mut app, [ch('x'), key(KeyCode::Enter)]);
    let screen = screen_text(&app, 30, 24);
    let after: String = screen
        .split_once("Accepted:")
        .map(|(_, rest)| rest.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| panic!("no Accepted: line in\n{screen}"));
    assert!(after.starts_with("scratch · FROM scratch"), "{screen}");
    // Once answered, letters are keys again.
    let status = screen_text(&app, 80, 24);
    assert!(status.lines().last().unwrap().contains("r retry"));
}

#[test]
fn line_numbers_stay_in_the_gutter_when_a_long_line_scrolls_the_editor_sideways() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    open_exercise(&mut app);
    // The cursor ends far right on line 1, so the editor scrolls sideways to follow it.
    press(&mut app, typed(&format!("RUN echo {} ", "x".repeat(70))));
    draw(&app, 80, 24);
    let screen = screen_text(&app, 80, 24);
    for n in 1..=5 {
        let numbered = screen
            .lines()
            .any(|row| row.chars().skip(1).take(3).collect::<String>() == format!(" {n} "));
        assert!(
            numbered,
            "line number {n} is gone from the gutter:\n{screen}"
        );
    }
}

#[test]
fn a_question_taller_than_the_screen_scrolls_to_its_explanation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 60, 9);
    press(&mut app, [ch('t')]);
    press(&mut app, [key(KeyCode::Right); 5]);
    press(&mut app, [ch('4'), key(KeyCode::Enter)]);
    let screen = screen_text(&app, 60, 9);
    assert!(screen.contains("spot the bug"), "{screen}");
    // The feedback is below the screen; the status bar says there is more.
    assert!(!screen.contains("No stage is named"), "{screen}");
    assert!(screen.lines().last().unwrap().contains("PgDn"), "{screen}");
    for _ in 0..5 {
        press(&mut app, [key(KeyCode::PageDown)]);
    }
    let screen = screen_text(&app, 60, 9);
    assert!(screen.contains("No stage is named"), "{screen}");
    assert!(
        !screen.contains("spot the bug"),
        "scrolled past the title:\n{screen}"
    );
    // One page back up is enough however often PgDn was pressed at the bottom.
    press(&mut app, [key(KeyCode::PageUp)]);
    let screen = screen_text(&app, 60, 9);
    assert!(screen.contains("spot the bug"), "{screen}");
}

#[test]
fn a_quiz_resumes_at_the_first_unanswered_question_with_nothing_chosen() {
    use dockerlings::tui::app::Screen;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let mut app = app_with_store(&path, 100, 32);
    let enter = key(KeyCode::Enter);
    // demo-single answered wrong, demo-multiple skipped, demo-true-false answered.
    press(&mut app, [ch('t'), ch('1'), enter, enter]);
    press(&mut app, [key(KeyCode::Right), ch('1'), enter]);
    press(&mut app, [key(KeyCode::Esc)]);

    let mut again = app_with_store(&path, 100, 32);
    press(&mut again, [ch('t')]);
    let Some(Screen::Quiz(quiz)) = again.screens().last() else {
        panic!("the quiz is not open")
    };
    assert_eq!(quiz.question, 1, "demo-multiple is the first unanswered");
    // Resumed at demo-multiple, nothing marked: Enter records no answer.
    press(&mut again, [key(KeyCode::Right)]);
    let text = screen_text(&again, 100, 32);
    assert!(!text.contains("(•)"), "a choice is preselected:\n{text}");
    press(&mut again, [enter]);
    assert!(!screen_text(&again, 100, 32).contains("Not quite"));
    let saved = again.store.progress().question("demo", "demo-true-false");
    assert_eq!(
        saved.map(|q| q.attempts),
        Some(1),
        "Enter did not answer again"
    );
}

/// The bundled course at 80x24 with the pinning lesson's quiz open (the lesson before the
/// last), and the folder its progress goes to.
fn pinning_quiz_at_80x24() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let (store, _) = Store::open(&dir.path().join("progress.json")).unwrap();
    let mut app = App::new(Course::bundled()).with_store(store);
    perform(&mut app, Msg::Resize(80, 24));
    press(&mut app, [ch('G'), ch('k'), key(KeyCode::Enter), ch('t')]);
    (dir, app)
}

#[test]
fn a_long_choice_wraps_at_80_columns_instead_of_being_cut() {
    // Its first question has a long choice.
    let (_dir, app) = pinning_quiz_at_80x24();
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("What does pinning"),
        "not the pinning quiz:\n{text}"
    );
    let choice = "Every build starts from the very same image bytes until you change the digest";
    let shown: Vec<&str> = text.split_whitespace().collect();
    let words: Vec<&str> = choice.split_whitespace().collect();
    assert!(
        shown.windows(words.len()).any(|w| w == words.as_slice()),
        "the choice is cut:\n{text}"
    );
}

#[test]
fn a_long_lesson_title_gives_way_in_the_quiz_header() {
    // Its title is long; its second question is true or false.
    let (_dir, mut app) = pinning_quiz_at_80x24();
    press(
        &mut app,
        [ch('1'), key(KeyCode::Enter), key(KeyCode::Enter)],
    );
    let text = screen_text(&app, 80, 24);
    let header = text.lines().next().unwrap_or_default().trim_end();
    assert!(
        header.starts_with(" Quiz: Pinning") && header.ends_with("question 2/14 · true or false"),
        "{header:?}"
    );
    assert!(
        header.contains('…'),
        "the title is cut, not the place: {header:?}"
    );
}
