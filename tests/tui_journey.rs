//! The learner's journey through a course, at the update level with a fixed clock: a restart
//! comes back to the same place and marks, the end of a lesson offers its quiz, the quiz ends
//! on a summary of what was missed, missed questions come back for review on a schedule, and
//! `u` finds the next thing not done. Snapshots at 80x24 of the home screen, the offer and the
//! summary.

mod quiz_fixture;
mod tui_fixture;

use dockerlings::progress::Store;
use dockerlings::results::{LessonStatus, Score};
use dockerlings::tui::App;
use dockerlings::tui::app::Screen;
use dockerlings::tui::keys::Context;
use dockerlings::tui::screens::quiz::{QuizState, Round};
use dockerlings::tui::screens::reader::{IDLE_CAP_MS, Offer};
use quiz_fixture::{app_with_store, ch, key, press, screen_text};
use ratatui::crossterm::event::KeyCode;

const DAY_MS: u64 = 86_400_000;

fn quiz(app: &App) -> &QuizState {
    match app.screens().last() {
        Some(Screen::Quiz(state)) => state,
        other => panic!("the quiz is not open: {other:?}"),
    }
}

fn saved_score(app: &App) -> Score {
    Score::of(
        app.quizzes.for_lesson("demo").unwrap(),
        app.store.progress(),
    )
}

#[test]
fn a_restart_keeps_the_place_in_every_lesson_and_the_read_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    let restart = || {
        let mut app = tui_fixture::app(80, 24);
        app.store = Store::open(&path).unwrap().0;
        app
    };
    let mut app = restart();
    // Lesson 1 opened; lesson 2 read to its long third section and left there, scrolled down.
    let (enter, n, q) = (
        tui_fixture::key(KeyCode::Enter),
        tui_fixture::ch('n'),
        tui_fixture::ch('q'),
    );
    tui_fixture::send(&mut app, [enter, q, tui_fixture::ch('j'), enter, n, n]);
    tui_fixture::send(&mut app, [tui_fixture::ch('j'); 7]);
    let left = app.reader().cloned().unwrap();
    assert_eq!((left.lesson, left.section, left.scroll), (1, 2, 7));
    tui_fixture::send(&mut app, [q]);
    app.store.save().unwrap();

    let mut again = restart();
    let lessons = &again.course.lessons;
    assert_eq!(
        again.status(&lessons[0]),
        LessonStatus::InProgress { seen: 1, of: 3 }
    );
    assert_eq!(again.status(&lessons[1]), LessonStatus::Read);
    tui_fixture::send(&mut again, [tui_fixture::ch('c')]);
    let back = again.reader().cloned().expect("Continue opens the reader");
    assert_eq!((back.lesson, back.section, back.scroll), (1, 2, 7));

    // `u` goes on with the first lesson, at its first section not read.
    tui_fixture::send(&mut again, [q, tui_fixture::ch('u')]);
    let next = again.reader().cloned().unwrap();
    assert_eq!((next.lesson, next.section), (0, 1));
}

#[test]
fn reading_time_counts_active_minutes_and_caps_idle_ones() {
    let mut app = tui_fixture::app(80, 24);
    tui_fixture::send(&mut app, [tui_fixture::key(KeyCode::Enter)]);
    app.clock.advance(10_000);
    tui_fixture::send(&mut app, [tui_fixture::ch('j')]);
    app.clock.advance(3_600_000);
    tui_fixture::send(&mut app, [tui_fixture::ch('q')]);
    let id = &app.course.lessons[0].id.clone();
    let reading = app.store.progress().lessons[id].reading_ms;
    assert_eq!(
        reading,
        10_000 + IDLE_CAP_MS,
        "an hour away counts as the cap"
    );
    // Time on the lesson list is no reading.
    app.clock.advance(60_000);
    tui_fixture::send(&mut app, [tui_fixture::ch('j')]);
    assert_eq!(app.store.progress().lessons[id].reading_ms, reading);
}

#[test]
fn the_last_section_offers_the_quiz_before_going_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    press(&mut app, [key(KeyCode::Enter), ch('n')]);
    assert_eq!(app.reader().unwrap().offer, Some(Offer::Quiz));
    insta::assert_snapshot!(
        "end_of_lesson_offer_80x24",
        quiz_fixture::draw(&app, 80, 24).backend()
    );
    press(&mut app, [ch('t')]);
    assert_eq!(app.context(), Context::Quiz);
    assert_eq!(quiz(&app).question, 0);
    press(&mut app, [key(KeyCode::Esc)]);
    assert_eq!(
        app.context(),
        Context::Reader,
        "the quiz returns to the reader"
    );
    // This is the course's only lesson: going on shows the course's summary.
    press(&mut app, [ch('n'), ch('n')]);
    assert_eq!(app.reader().unwrap().offer, Some(Offer::CourseEnd));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Lessons read: 1 of 1."), "{text}");
}

/// Answers the fixture quiz's first six questions: the first two wrong, the rest right.
fn two_wrong(app: &mut App) {
    let enter = key(KeyCode::Enter);
    press(app, [ch('t'), ch('1'), enter, enter]);
    press(app, [ch('3'), enter, enter]);
    press(app, [ch('1'), enter, enter]);
    press(app, quiz_fixture::typed("scratch"));
    press(app, [enter, enter]);
    // Order and spot the bug: skipped.
    press(app, [key(KeyCode::Right), key(KeyCode::Right)]);
    // The exercise: skipped, to the summary.
    press(app, [key(KeyCode::Right)]);
}

#[test]
fn the_summary_lists_what_was_missed_links_its_section_and_retries_as_practice() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    two_wrong(&mut app);
    assert!(quiz(&app).done);
    insta::assert_snapshot!(
        "quiz_summary_80x24",
        quiz_fixture::draw(&app, 80, 24).backend()
    );
    // 1: the section that teaches the first missed question, over the summary.
    press(&mut app, [ch('1')]);
    let r = app.reader().cloned().expect("the section opens");
    assert_eq!((r.lesson, r.section), (0, 0));
    press(&mut app, [ch('q')]);
    assert!(quiz(&app).done, "back on the summary");

    let before = saved_score(&app);
    press(&mut app, [ch('r')]);
    let retry = quiz(&app);
    assert_eq!(retry.round, Round::Retry);
    assert_eq!(
        retry.queue.iter().map(|q| q.1).collect::<Vec<_>>(),
        [0, 1, 4, 5, 6],
        "the wrong ones and the unanswered ones"
    );
    // Right this time, and still wrong in the score.
    press(&mut app, [ch('2'), key(KeyCode::Enter)]);
    assert!(quiz(&app).practice);
    assert_eq!(saved_score(&app).correct, before.correct);
}

#[test]
fn a_quiz_resumes_at_its_first_unanswered_question_after_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let mut app = app_with_store(&path, 80, 24);
    press(
        &mut app,
        [ch('t'), ch('2'), key(KeyCode::Enter), key(KeyCode::Enter)],
    );
    press(&mut app, [key(KeyCode::Esc)]);
    let mut again = app_with_store(&path, 80, 24);
    press(&mut again, [ch('t')]);
    let state = quiz(&again);
    assert_eq!((state.question, state.picked), (1, false));
}

#[test]
fn missed_questions_come_back_after_one_three_and_seven_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let mut app = app_with_store(&path, 80, 24);
    two_wrong(&mut app);
    // Back on the list, and the lesson read.
    press(
        &mut app,
        [key(KeyCode::Enter), key(KeyCode::Enter), ch('q')],
    );
    assert!(
        !screen_text(&app, 80, 24).contains("to review"),
        "not today"
    );

    app.clock.advance(DAY_MS);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("r: 2 to review"), "{text}");
    assert!(text.contains("c: continue “A demo lesson”"), "{text}");
    insta::assert_snapshot!(
        "home_continue_and_review_80x24",
        quiz_fixture::draw(&app, 80, 24).backend()
    );
    let before = saved_score(&app);
    press(&mut app, [ch('r')]);
    assert_eq!(quiz(&app).round, Round::Review);
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains(" Review: A demo lesson · question 1/2"),
        "{text}"
    );
    // The first right, the second wrong again.
    press(
        &mut app,
        [ch('2'), key(KeyCode::Enter), key(KeyCode::Enter)],
    );
    press(
        &mut app,
        [ch('3'), key(KeyCode::Enter), key(KeyCode::Enter)],
    );
    assert!(quiz(&app).done);
    press(&mut app, [key(KeyCode::Enter)]);
    assert_eq!(saved_score(&app), before, "a review is practice");

    let due_in = |app: &mut App, days: u64| {
        let mut probe = app_with_store(&path, 80, 24);
        probe.clock = app.clock;
        probe.clock.advance(days * DAY_MS);
        dockerlings::tui::screens::journey::due_reviews(&probe).len()
    };
    assert_eq!(due_in(&mut app, 0), 0);
    assert_eq!(
        due_in(&mut app, 1),
        1,
        "the wrong one starts again at a day"
    );
    assert_eq!(due_in(&mut app, 3), 2, "the right one waits three days");
}

#[test]
fn u_goes_to_the_next_thing_not_done() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_store(&dir.path().join("p.json"), 80, 24);
    press(&mut app, [ch('u')]);
    assert_eq!(app.context(), Context::Reader, "the unread section first");
    press(&mut app, [ch('u')]);
    assert_eq!(app.context(), Context::Quiz, "then the quiz, read now");
    press(&mut app, [ch('1'), key(KeyCode::Enter), key(KeyCode::Esc)]);
    press(&mut app, [ch('q'), ch('u')]);
    assert_eq!(quiz(&app).question, 1, "at its first unanswered question");
}
