//! The one key table. Handlers look actions up here, and the help overlay and the status-bar
//! hints are built from it, so a binding cannot be documented differently from how it works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Where a binding applies. `Global` bindings apply on every screen, after the screen's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Home,
    Reader,
    Quiz,
    Exercise,
    Inspect,
    Help,
    /// Typing a search after `/`.
    SearchPrompt,
    /// The reader while a search's matches are shown; other reader keys still apply.
    Found,
}

impl Context {
    /// In the order the help overlay lists them.
    pub const ALL: [Context; 9] = [
        Self::Global,
        Self::Home,
        Self::Reader,
        Self::SearchPrompt,
        Self::Found,
        Self::Quiz,
        Self::Exercise,
        Self::Inspect,
        Self::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Self::Global => "Everywhere",
            Self::Home => "Lesson list",
            Self::Reader => "Reader",
            Self::Quiz => "Quiz",
            Self::Exercise => "Dockerfile exercise (other keys edit)",
            Self::Inspect => "Inspect view (stage graph, size, attack surface)",
            Self::Help => "This help",
            Self::SearchPrompt => "Typing a search (after /)",
            Self::Found => "Reader after a search (reader keys still work)",
        }
    }

    /// Screens where printable characters are text the learner types, never commands.
    pub(crate) fn types_text(self) -> bool {
        matches!(self, Self::Exercise | Self::SearchPrompt)
    }

    /// The context whose bindings apply next, before the global ones.
    fn parent(self) -> Option<Context> {
        (self == Self::Found).then_some(Self::Reader)
    }
}

/// What a key asks for. Each screen gives the movement actions its own meaning
/// (home: move the selection; reader and help: scroll).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    ToggleHelp,
    Back,
    Open,
    Up,
    Down,
    WheelUp,
    WheelDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    /// Open the lesson's quiz.
    StartQuiz,
    /// Quiz: answer (or go on after the feedback).
    Submit,
    /// Quiz: mark a choice, or pick up / put down an item to reorder.
    Toggle,
    /// Quiz: a digit picks that row (the handler reads which digit).
    Digit,
    Hint,
    Next,
    Retry,
    /// Exercise: check the file against the requirements (counts as an attempt).
    Check,
    ShowSolution,
    ShowDiff,
    /// Exercise: put the starter back, after a confirmation.
    ResetStarter,
    /// Exercise: take back the last edit, or make it again.
    Undo,
    Redo,
    ExternalEditor,
    /// Open the inspect view: stage graph, size estimate, attack surface.
    Inspect,
    /// Home: reopen the last lesson read where it was left.
    Continue,
    /// Go to the first thing in the course not done yet: a section not read, a question not
    /// answered.
    NextUnfinished,
    /// Home: answer the missed questions that are due again.
    Review,
    /// Start typing a search of the course.
    Search,
    /// Search prompt: delete the last character typed.
    Erase,
    NextMatch,
    PrevMatch,
    /// Stop showing the search's matches.
    ClearSearch,
}

/// One input the table can bind: a key (with or without Ctrl) or a mouse-wheel notch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Key { code: KeyCode, ctrl: bool },
    WheelUp,
    WheelDown,
}

pub(crate) const fn key(c: char) -> Input {
    Input::Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

pub(crate) const fn special(code: KeyCode) -> Input {
    Input::Key { code, ctrl: false }
}

pub(crate) const fn ctrl(c: char) -> Input {
    Input::Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

impl Input {
    /// The table's view of a terminal key event; `None` for releases (sent by some terminals),
    /// which must not trigger actions a second time.
    pub(crate) fn from_key(event: KeyEvent) -> Option<Input> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        // Shift is already in the character (`G`), and BackTab is its own code.
        Some(Input::Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        })
    }

    /// A printable character typed without Ctrl.
    pub(crate) fn is_text(self) -> bool {
        matches!(
            self,
            Input::Key {
                code: KeyCode::Char(_),
                ctrl: false
            }
        )
    }

    /// How the help overlay names this input.
    pub fn label(self) -> String {
        match self {
            Input::WheelUp => "wheel up".into(),
            Input::WheelDown => "wheel down".into(),
            Input::Key { code, ctrl } => {
                let name = match code {
                    KeyCode::Char(' ') => "Space".into(),
                    KeyCode::Char(c) => c.to_string(),
                    KeyCode::Up => "Up".into(),
                    KeyCode::Down => "Down".into(),
                    KeyCode::Left => "Left".into(),
                    KeyCode::Right => "Right".into(),
                    KeyCode::PageUp => "PgUp".into(),
                    KeyCode::PageDown => "PgDn".into(),
                    KeyCode::Home => "Home".into(),
                    KeyCode::End => "End".into(),
                    KeyCode::Enter => "Enter".into(),
                    KeyCode::Esc => "Esc".into(),
                    KeyCode::Tab => "Tab".into(),
                    KeyCode::BackTab => "Shift-Tab".into(),
                    KeyCode::F(n) => format!("F{n}"),
                    other => format!("{other:?}"),
                };
                if ctrl {
                    format!("Ctrl-{}", name.to_uppercase())
                } else {
                    name
                }
            }
        }
    }
}

/// One row of the table: these inputs, in this context, do this.
#[derive(Debug)]
pub struct Binding {
    pub context: Context,
    pub inputs: &'static [Input],
    pub action: Action,
    /// What the help overlay says it does.
    pub help: &'static str,
    /// Short form for the status bar, for the few bindings worth a hint there.
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    inputs: &'static [Input],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        inputs,
        action,
        help,
        hint,
    }
}

use Action as A;
use Context as C;

/// Every binding of the app.
pub(crate) const BINDINGS: &[Binding] = &[
    bind(C::Global, &[ctrl('c')], A::Quit, "quit", None),
    bind(
        C::Global,
        &[key('?'), special(KeyCode::F(1))],
        A::ToggleHelp,
        "show or hide this help",
        Some("? help"),
    ),
    bind(
        C::Home,
        &[key('j'), special(KeyCode::Down), Input::WheelDown],
        A::Down,
        "next lesson",
        None,
    ),
    bind(
        C::Home,
        &[key('k'), special(KeyCode::Up), Input::WheelUp],
        A::Up,
        "previous lesson",
        None,
    ),
    bind(
        C::Home,
        &[key('g'), special(KeyCode::Home)],
        A::Top,
        "first lesson",
        None,
    ),
    bind(
        C::Home,
        &[key('G'), special(KeyCode::End)],
        A::Bottom,
        "last lesson",
        None,
    ),
    bind(
        C::Home,
        &[special(KeyCode::Enter), key('l'), special(KeyCode::Right)],
        A::Open,
        "open the selected lesson",
        Some("Enter open"),
    ),
    bind(
        C::Home,
        &[key('t')],
        A::StartQuiz,
        "take the selected lesson's quiz",
        Some("t quiz"),
    ),
    bind(C::Home, &[key('/')], A::Search, "search the course", None),
    bind(
        C::Home,
        &[key('c')],
        A::Continue,
        "continue the last lesson where you left it",
        None,
    ),
    bind(
        C::Home,
        &[key('u')],
        A::NextUnfinished,
        "the next unread section or unfinished quiz",
        Some("u next"),
    ),
    bind(
        C::Home,
        &[key('r')],
        A::Review,
        "review the missed questions that are due",
        None,
    ),
    bind(C::Home, &[key('q')], A::Quit, "quit", Some("q quit")),
    bind(
        C::Reader,
        &[key('j'), special(KeyCode::Down)],
        A::Down,
        "scroll down a line",
        Some("j/k scroll"),
    ),
    bind(
        C::Reader,
        &[key('k'), special(KeyCode::Up)],
        A::Up,
        "scroll up a line",
        None,
    ),
    bind(
        C::Reader,
        &[Input::WheelDown],
        A::WheelDown,
        "scroll down 3 lines",
        None,
    ),
    bind(
        C::Reader,
        &[Input::WheelUp],
        A::WheelUp,
        "scroll up 3 lines",
        None,
    ),
    bind(
        C::Reader,
        &[special(KeyCode::PageDown), key(' ')],
        A::PageDown,
        "scroll down a page",
        None,
    ),
    bind(
        C::Reader,
        &[special(KeyCode::PageUp), key('b')],
        A::PageUp,
        "scroll up a page",
        None,
    ),
    bind(
        C::Reader,
        &[key('g'), special(KeyCode::Home)],
        A::Top,
        "go to the top",
        None,
    ),
    bind(
        C::Reader,
        &[key('G'), special(KeyCode::End)],
        A::Bottom,
        "go to the bottom",
        None,
    ),
    bind(
        C::Reader,
        &[key('n'), special(KeyCode::Right), special(KeyCode::Tab)],
        A::NextSection,
        "next section; at the end, the quiz offer",
        Some("n/p section"),
    ),
    bind(
        C::Reader,
        &[key('p'), special(KeyCode::Left), special(KeyCode::BackTab)],
        A::PrevSection,
        "previous section (then previous lesson)",
        None,
    ),
    bind(
        C::Reader,
        &[special(KeyCode::Esc), key('q')],
        A::Back,
        "back to the lesson list",
        Some("q back"),
    ),
    bind(
        C::Reader,
        &[key('t')],
        A::StartQuiz,
        "take this lesson's quiz",
        Some("t quiz"),
    ),
    bind(
        C::Reader,
        &[key('u')],
        A::NextUnfinished,
        "the next unread section or unfinished quiz",
        None,
    ),
    bind(
        C::Reader,
        &[key('i')],
        A::Inspect,
        "inspect the Dockerfile on screen",
        Some("i inspect"),
    ),
    bind(
        C::Reader,
        &[key('/')],
        A::Search,
        "search the course (like less)",
        None,
    ),
    bind(
        C::SearchPrompt,
        &[special(KeyCode::Enter)],
        A::Submit,
        "go to the first match from here",
        Some("Enter search"),
    ),
    bind(
        C::SearchPrompt,
        &[special(KeyCode::Backspace)],
        A::Erase,
        "delete the last character",
        None,
    ),
    bind(
        C::SearchPrompt,
        &[special(KeyCode::Esc)],
        A::Back,
        "cancel the search",
        Some("Esc cancel"),
    ),
    bind(
        C::Found,
        &[key('n')],
        A::NextMatch,
        "next match (wraps to the course's start)",
        Some("n/N match"),
    ),
    bind(
        C::Found,
        &[key('N')],
        A::PrevMatch,
        "previous match (wraps to the end)",
        None,
    ),
    bind(
        C::Found,
        &[special(KeyCode::Esc)],
        A::ClearSearch,
        "stop showing matches (n is next section again)",
        Some("Esc clear"),
    ),
    bind(
        C::Quiz,
        &[key('j'), special(KeyCode::Down)],
        A::Down,
        "next row (moves a picked-up item)",
        None,
    ),
    bind(
        C::Quiz,
        &[key('k'), special(KeyCode::Up)],
        A::Up,
        "previous row",
        None,
    ),
    bind(
        C::Quiz,
        &[
            key('1'),
            key('2'),
            key('3'),
            key('4'),
            key('5'),
            key('6'),
            key('7'),
            key('8'),
            key('9'),
        ],
        A::Digit,
        "pick that row (multiple: mark it; summary: read that section)",
        Some("1-9 pick"),
    ),
    bind(
        C::Quiz,
        &[key(' ')],
        A::Toggle,
        "mark a choice; pick up or put down an item",
        Some("Space mark"),
    ),
    bind(
        C::Quiz,
        &[special(KeyCode::Enter)],
        A::Submit,
        "answer, then next question; on a Dockerfile question: open its editor",
        Some("Enter answer"),
    ),
    bind(
        C::Quiz,
        &[special(KeyCode::Tab), key('h')],
        A::Hint,
        "show a hint (Tab while typing an answer)",
        Some("h hint"),
    ),
    bind(
        C::Quiz,
        &[special(KeyCode::PageDown)],
        A::PageDown,
        "scroll down a long question",
        None,
    ),
    bind(
        C::Quiz,
        &[special(KeyCode::PageUp)],
        A::PageUp,
        "scroll up",
        None,
    ),
    bind(
        C::Quiz,
        &[key('r')],
        A::Retry,
        "try a wrong answer again; on the summary, the missed ones",
        Some("r retry"),
    ),
    bind(
        C::Quiz,
        &[key('n'), special(KeyCode::Right)],
        A::Next,
        "next question, skipping it (in a typed answer, Right moves first)",
        None,
    ),
    bind(
        C::Quiz,
        &[special(KeyCode::Esc), key('q')],
        A::Back,
        "leave the quiz (answers are saved)",
        Some("Esc back"),
    ),
    bind(
        C::Exercise,
        &[ctrl('s')],
        A::Check,
        "check the file against the requirements",
        Some("^S check"),
    ),
    bind(
        C::Exercise,
        &[ctrl('g')],
        A::Hint,
        "show a hint",
        Some("^G hint"),
    ),
    bind(
        C::Exercise,
        &[ctrl('e')],
        A::ExternalEditor,
        "edit the file in $EDITOR",
        Some("^E $EDITOR"),
    ),
    bind(
        C::Exercise,
        &[ctrl('o')],
        A::ShowSolution,
        "show or hide a solution (recorded as revealed)",
        Some("^O solution"),
    ),
    bind(
        C::Exercise,
        &[ctrl('d')],
        A::ShowDiff,
        "after a pass: your file against the reference (- yours, + reference)",
        Some("^D diff"),
    ),
    bind(
        C::Exercise,
        &[special(KeyCode::PageDown)],
        A::PageDown,
        "scroll the comparison down (else: move in the editor)",
        None,
    ),
    bind(
        C::Exercise,
        &[special(KeyCode::PageUp)],
        A::PageUp,
        "scroll the comparison up (else: move in the editor)",
        None,
    ),
    bind(
        C::Exercise,
        &[ctrl('r')],
        A::ResetStarter,
        "reset the file to the starter (asks first)",
        None,
    ),
    bind(
        C::Exercise,
        &[ctrl('z')],
        A::Undo,
        "undo the last edit",
        Some("^Z undo"),
    ),
    bind(
        C::Exercise,
        &[ctrl('y')],
        A::Redo,
        "redo what was undone",
        None,
    ),
    bind(
        C::Exercise,
        &[special(KeyCode::Esc)],
        A::Back,
        "leave the exercise (your draft is kept)",
        Some("Esc back"),
    ),
    bind(
        C::Exercise,
        &[ctrl('t')],
        A::Inspect,
        "inspect your file: graph, size, surface",
        Some("^T inspect"),
    ),
    bind(
        C::Exercise,
        &[special(KeyCode::F(1))],
        A::ToggleHelp,
        "show this help (? is typed as text here)",
        Some("F1 help"),
    ),
    bind(
        C::Inspect,
        &[key('j'), special(KeyCode::Down), Input::WheelDown],
        A::Down,
        "scroll down",
        Some("j/k scroll"),
    ),
    bind(
        C::Inspect,
        &[key('k'), special(KeyCode::Up), Input::WheelUp],
        A::Up,
        "scroll up",
        None,
    ),
    bind(
        C::Inspect,
        &[special(KeyCode::PageDown), key(' ')],
        A::PageDown,
        "scroll down a page",
        None,
    ),
    bind(
        C::Inspect,
        &[special(KeyCode::PageUp), key('b')],
        A::PageUp,
        "scroll up a page",
        None,
    ),
    bind(
        C::Inspect,
        &[key('g'), special(KeyCode::Home)],
        A::Top,
        "go to the top",
        None,
    ),
    bind(
        C::Inspect,
        &[key('G'), special(KeyCode::End)],
        A::Bottom,
        "go to the bottom",
        None,
    ),
    bind(
        C::Inspect,
        &[special(KeyCode::Esc), key('q')],
        A::Back,
        "back to where you were",
        Some("q back"),
    ),
    bind(
        C::Inspect,
        &[key('n'), special(KeyCode::Tab)],
        A::NextSection,
        "next part (graph, size, attack surface)",
        Some("n/p part"),
    ),
    bind(
        C::Inspect,
        &[key('p'), special(KeyCode::BackTab)],
        A::PrevSection,
        "previous part",
        None,
    ),
    bind(
        C::Help,
        &[key('j'), special(KeyCode::Down), Input::WheelDown],
        A::Down,
        "scroll down",
        Some("j/k scroll"),
    ),
    bind(
        C::Help,
        &[key('k'), special(KeyCode::Up), Input::WheelUp],
        A::Up,
        "scroll up",
        None,
    ),
    bind(
        C::Help,
        &[special(KeyCode::PageDown), key(' ')],
        A::PageDown,
        "scroll down a page",
        None,
    ),
    bind(
        C::Help,
        &[special(KeyCode::PageUp), key('b')],
        A::PageUp,
        "scroll up a page",
        None,
    ),
    bind(
        C::Help,
        &[key('g'), special(KeyCode::Home)],
        A::Top,
        "go to the top",
        None,
    ),
    bind(
        C::Help,
        &[key('G'), special(KeyCode::End)],
        A::Bottom,
        "go to the bottom",
        None,
    ),
    bind(
        C::Help,
        &[special(KeyCode::Esc), key('q')],
        A::Back,
        "close this help",
        Some("Esc close"),
    ),
    bind(
        C::Help,
        &[key('/')],
        A::Search,
        "close this help and search the course",
        None,
    ),
];

/// The action `input` triggers in `context`: the screen's own bindings first, then the global ones.
/// Where the screen takes typed text, a printable character is text, never an action.
pub(crate) fn action_for(context: Context, input: Input) -> Option<Action> {
    if context.types_text() && input.is_text() {
        return None;
    }
    [Some(context), context.parent(), Some(Context::Global)]
        .into_iter()
        .flatten()
        .find_map(|ctx| {
            BINDINGS
                .iter()
                .find(|b| b.context == ctx && b.inputs.contains(&input))
                .map(|b| b.action)
        })
}

/// The bindings listed under `context`, in table order.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.context == context)
}

/// The bindings a screen's status bar may hint at: its own, its parent's (the reader's, after a
/// search) that it does not rebind, then the global ones nobody rebinds.
fn status_bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    let own = move || bindings(context).chain(context.parent().into_iter().flat_map(bindings));
    let rebound = move |b: &&Binding| own().any(|o| o.action == b.action);
    let parents = context
        .parent()
        .into_iter()
        .flat_map(bindings)
        .filter(move |b| !bindings(context).any(|o| shares_input(o, b)));
    let globals =
        bindings(Context::Global).filter(move |b| context == Context::Global || !rebound(b));
    bindings(context).chain(parents).chain(globals)
}

/// Whether two bindings share an input (the child's then hides the parent's there).
fn shares_input(a: &Binding, b: &Binding) -> bool {
    a.inputs.iter().any(|i| b.inputs.contains(i))
}

/// While the learner types text into a screen (a short answer), typed characters are text, so
/// a hint names the binding's first input that is not text (`h hint` becomes `Tab hint`, `? help`
/// becomes `F1 help`), and a binding with no such input has no hint.
fn typing_hint(b: &Binding) -> Option<String> {
    let hint = b.hint?;
    let key = b.inputs.iter().find(|i| !i.is_text())?;
    let (named, what) = hint.split_once(' ').unwrap_or(("", hint));
    let names_text = named
        .split('/')
        .any(|n| b.inputs.iter().any(|i| i.is_text() && i.label() == n));
    Some(if names_text {
        format!("{} {what}", key.label())
    } else {
        hint.to_string()
    })
}

/// Whether a status-bar hint for `action` must stay when the bar is short of room: the ways
/// out and to help, and each screen's main action.
pub fn essential(action: Action) -> bool {
    matches!(
        action,
        Action::Back
            | Action::Quit
            | Action::ToggleHelp
            | Action::Open
            | Action::StartQuiz
            | Action::Submit
            | Action::Check
            | Action::NextSection
    )
}

/// Whether, and how, a screen's status bar shows a binding's hint right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Now {
    /// The key does nothing useful now.
    Hidden,
    /// As the table words it.
    Shown,
    /// The table's key, with what it does now (Enter `next` after an answer).
    As(&'static str),
}

/// One status-bar hint: `Enter answer`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub text: String,
    pub action: Action,
    /// Kept when the bar is short of room (see [`essential`]).
    pub essential: bool,
}

/// The status-bar hints of `context` that act now, as `now` says, in table order; while the
/// learner types text (`typing`), under keys that are not text (see [`typing_hints`]).
pub(crate) fn hints_now(context: Context, typing: bool, now: impl Fn(Action) -> Now) -> Vec<Hint> {
    status_bindings(context)
        .filter_map(|b| {
            let text = if typing {
                typing_hint(b)?
            } else {
                b.hint?.to_string()
            };
            let text = match now(b.action) {
                Now::Hidden => return None,
                Now::Shown => text,
                Now::As(what) => {
                    let (key, _) = text.split_once(' ').unwrap_or((&text, ""));
                    format!("{key} {what}")
                }
            };
            Some(Hint {
                text,
                action: b.action,
                essential: essential(b.action),
            })
        })
        .collect()
}

/// The key of `action` in `context` (or everywhere) as the help names it: `Ctrl-D`, `Enter`.
/// For messages that tell the learner what to press.
pub(crate) fn key_name(context: Context, action: Action) -> String {
    binding_of(context, action)
        .and_then(|b| b.inputs.first())
        .map_or_else(String::new, |i| i.label())
}

/// `{key} {what}` for `action` in `context`, the key as the status bar names it (`^D`, `PgDn`).
pub(crate) fn hint_label(context: Context, action: Action, what: &str) -> String {
    let key = binding_of(context, action).map_or_else(String::new, |b| match b.hint {
        Some(hint) => hint.split_once(' ').map_or(hint, |(k, _)| k).to_string(),
        None => b.inputs.first().map_or_else(String::new, |i| i.label()),
    });
    format!("{key} {what}")
}

fn binding_of(context: Context, action: Action) -> Option<&'static Binding> {
    status_bindings(context).find(|b| b.action == action)
}

/// The inputs of a binding as the help overlay shows them, e.g. `j, Down, wheel down`.
pub(crate) fn inputs_label(binding: &Binding) -> String {
    binding
        .inputs
        .iter()
        .map(|i| i.label())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hint of `context`, as the table words them.
    fn hints(context: Context) -> Vec<String> {
        hints_now(context, false, |_| Now::Shown)
            .into_iter()
            .map(|h| h.text)
            .collect()
    }

    #[test]
    fn no_input_is_bound_twice_in_one_context() {
        for ctx in Context::ALL {
            let inputs: Vec<Input> = bindings(ctx)
                .flat_map(|b| b.inputs.iter().copied())
                .collect();
            for (i, a) in inputs.iter().enumerate() {
                assert!(!inputs[i + 1..].contains(a), "{a:?} bound twice in {ctx:?}");
            }
        }
    }

    #[test]
    fn screen_bindings_win_over_global_ones_and_globals_reach_every_screen() {
        assert_eq!(action_for(Context::Home, key('q')), Some(Action::Quit));
        assert_eq!(action_for(Context::Reader, key('q')), Some(Action::Back));
        for ctx in Context::ALL {
            assert_eq!(action_for(ctx, ctrl('c')), Some(Action::Quit));
            let help = special(KeyCode::F(1));
            assert_eq!(action_for(ctx, help), Some(Action::ToggleHelp), "{ctx:?}");
        }
        assert_eq!(action_for(Context::Home, key('x')), None);
    }

    #[test]
    fn typed_characters_are_text_in_the_editor_and_f1_still_opens_help() {
        assert_eq!(action_for(Context::Exercise, key('?')), None);
        assert_eq!(action_for(Context::Exercise, key('q')), None);
        assert_eq!(
            action_for(Context::Reader, key('?')),
            Some(Action::ToggleHelp)
        );
        assert_eq!(
            action_for(Context::Exercise, ctrl('s')),
            Some(Action::Check)
        );
        assert_eq!(hints(Context::Exercise).last().unwrap(), "F1 help");
        assert!(!hints(Context::Exercise).contains(&"? help".to_string()));
        assert_eq!(special(KeyCode::F(1)).label(), "F1");
    }

    #[test]
    fn key_events_become_inputs_with_ctrl_only() {
        let shifted = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Input::from_key(shifted), Some(key('G')));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(Input::from_key(ctrl_c), Some(ctrl('c')));
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(Input::from_key(release), None);
    }

    #[test]
    fn labels_read_like_keys() {
        assert_eq!(ctrl('c').label(), "Ctrl-C");
        assert_eq!(key(' ').label(), "Space");
        assert_eq!(special(KeyCode::BackTab).label(), "Shift-Tab");
        assert_eq!(Input::WheelDown.label(), "wheel down");
        let help = bindings(Context::Global).find(|b| b.action == Action::ToggleHelp);
        assert_eq!(inputs_label(help.unwrap()), "?, F1");
    }

    #[test]
    fn hints_come_from_the_table() {
        assert_eq!(
            hints(Context::Home),
            ["Enter open", "t quiz", "u next", "q quit", "? help"]
        );
        assert_eq!(
            hints(Context::Reader),
            [
                "j/k scroll",
                "n/p section",
                "q back",
                "t quiz",
                "i inspect",
                "? help"
            ]
        );
        // After a search, n is the next match; Esc stops showing matches, and the reader's
        // other keys still work.
        assert_eq!(
            hints(Context::Found),
            [
                "n/N match",
                "Esc clear",
                "j/k scroll",
                "t quiz",
                "i inspect",
                "? help"
            ]
        );
        assert_eq!(
            action_for(Context::Found, key('n')),
            Some(Action::NextMatch)
        );
        assert_eq!(action_for(Context::Found, key('q')), Some(Action::Back));
        assert_eq!(
            action_for(Context::Found, key('p')),
            Some(Action::PrevSection)
        );
        assert_eq!(
            action_for(Context::SearchPrompt, key('q')),
            None,
            "q is typed"
        );
        assert_eq!(
            hints(Context::Inspect),
            ["j/k scroll", "q back", "n/p part", "? help"]
        );
    }

    #[test]
    fn typing_hints_name_only_keys_that_are_not_text() {
        // In a short answer, digits, Space, `h` and `?` are typed: the hints must not offer them.
        let typing: Vec<String> = hints_now(Context::Quiz, true, |_| Now::Shown)
            .into_iter()
            .map(|h| h.text)
            .collect();
        assert_eq!(typing, ["Enter answer", "Tab hint", "Esc back", "F1 help"]);
    }

    #[test]
    fn hints_now_hides_relabels_and_marks_the_essential() {
        let now = hints_now(Context::Quiz, false, |a| match a {
            Action::Submit => Now::As("next"),
            Action::Digit => Now::Hidden,
            _ => Now::Shown,
        });
        let texts: Vec<&str> = now.iter().map(|h| h.text.as_str()).collect();
        assert!(texts.contains(&"Enter next") && !texts.contains(&"1-9 pick"));
        let essential: Vec<&str> = now
            .iter()
            .filter(|h| h.essential)
            .map(|h| h.text.as_str())
            .collect();
        assert_eq!(essential, ["Enter next", "Esc back", "? help"]);
        assert_eq!(key_name(Context::Exercise, Action::ShowDiff), "Ctrl-D");
        assert_eq!(
            hint_label(Context::Quiz, Action::PageDown, "more"),
            "PgDn more"
        );
        assert_eq!(
            hint_label(Context::Exercise, Action::Check, "again"),
            "^S again"
        );
    }
}
