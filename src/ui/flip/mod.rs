//! Flashcards: pick a scope, flip a card (button, Space or Enter, or a tap), grade it
//! (buttons, keys 1-4, or a swipe: left = Again, right = Good), undo (button, `u`,
//! Ctrl+Z). Scheduled by FSRS through [`AppState::grade`]; cram studies without touching
//! the schedule.

mod setup;

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::cards::{cards, Card, Face, Scope, Selection};
use crate::domain::fsrs::Grade;
use crate::domain::progress::{ReviewKey, Source};
use crate::domain::schedule::Wait;
use crate::domain::study::{self, Cram};
use crate::platform::document::{focus_soon, set_title};
use crate::platform::keys::{on_control, use_shortcuts};
use crate::state::{now, AppState};
use crate::ui::shell::SCREEN_TITLE;
use crate::view::comparison::{ComparisonBody, Title};
use crate::view::rich::rich;
use setup::Setup;

/// A running session.
#[derive(Clone, Debug, PartialEq)]
struct Session {
    cards: Vec<Card<'static>>,
    cram: Option<Cram>,
    current: Option<usize>,
    flipped: bool,
    history: Vec<Step>,
    reviewed: usize,
    again: usize,
}

/// One answer, as undo needs it.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    card: usize,
    again: bool,
    /// The recorded review (none in cram).
    key: Option<ReviewKey>,
}

fn new_left(app: &AppState, day: i32) -> usize {
    let limit = app
        .progress
        .with_untracked(|p| p.settings.new_per_day as usize);
    limit.saturating_sub(app.study().with_untracked(|d| d.new_cards_on(day)))
}

fn pick_next(app: &AppState, session: &Session, avoid: Option<&str>) -> Option<usize> {
    if let Some(cram) = &session.cram {
        return cram.current();
    }
    let now = now();
    let new_left = new_left(app, now.day);
    app.study()
        .with_untracked(|d| study::next_card(&session.cards, d.states(), now, new_left, avoid))
}

#[component]
pub fn FlashcardsScreen(only: Vec<String>) -> impl IntoView {
    let app: AppState = expect_context();
    set_title("Flashcards — diffdeck");
    let settings = app.progress.with_untracked(|p| p.settings.clone());
    let auto_start = !only.is_empty();
    let scope = RwSignal::new(Scope {
        selection: if only.is_empty() {
            Selection::All
        } else {
            Selection::Only(only.into_iter().collect::<BTreeSet<_>>())
        },
        pairs: settings.pair_cards || !settings.point_cards,
        points: settings.point_cards,
    });
    let cram = RwSignal::new(false);
    let session: RwSignal<Option<Session>> = RwSignal::new(None);

    let start = move || {
        let cards = cards(&app.library.get_untracked(), &scope.get_untracked());
        let cram = cram
            .get_untracked()
            .then(|| Cram::new(cards.len(), now().ms as u64));
        let mut s = Session {
            cards,
            cram,
            current: None,
            flipped: false,
            history: Vec::new(),
            reviewed: 0,
            again: 0,
        };
        s.current = pick_next(&app, &s, None);
        session.set(Some(s));
        focus_soon("card-front");
    };
    if auto_start {
        start();
    }

    let flip = move || {
        let mut flipped = false;
        session.update(|s| {
            if let Some(s) = s.as_mut().filter(|s| s.current.is_some() && !s.flipped) {
                s.flipped = true;
                flipped = true;
            }
        });
        if flipped {
            focus_soon("card-back");
        }
    };

    let grade = move |grade: Grade| {
        let Some(s) = session.get_untracked() else {
            return;
        };
        let (Some(i), true) = (s.current, s.flipped) else {
            return;
        };
        let again = grade == Grade::Again;
        let key = s
            .cram
            .is_none()
            .then(|| app.grade(&s.cards[i].id, grade, Source::Flashcard, now()));
        session.update(|s| {
            let Some(s) = s.as_mut() else { return };
            if let Some(cram) = s.cram.as_mut() {
                cram.answer(again);
            }
            s.history.push(Step {
                card: i,
                again,
                key,
            });
            s.reviewed += 1;
            s.again += usize::from(again);
            s.flipped = false;
            let avoid = s.cards[i].id.clone();
            s.current = pick_next(&app, s, Some(&avoid));
        });
        focus_soon("card-front");
    };

    let undo = move || {
        let Some(step) =
            session.with_untracked(|s| s.as_ref().and_then(|s| s.history.last().cloned()))
        else {
            return;
        };
        if let Some(key) = &step.key {
            app.undo(key);
        }
        session.update(|s| {
            let Some(s) = s.as_mut() else { return };
            s.history.pop();
            if let Some(cram) = s.cram.as_mut() {
                cram.undo(step.again);
            }
            s.reviewed -= 1;
            s.again -= usize::from(step.again);
            s.current = Some(step.card);
            s.flipped = false;
        });
        focus_soon("card-front");
    };

    use_shortcuts(move |ev| {
        let on_control = on_control(ev);
        let key = ev.key();
        let flipped = session.with_untracked(|s| s.as_ref().map(|s| s.flipped));
        match (key.as_str(), flipped) {
            (" " | "Enter", Some(false)) if !on_control => {
                ev.prevent_default();
                flip();
            }
            ("1" | "2" | "3" | "4", Some(true)) if !ev.ctrl_key() => {
                let g = Grade::from_rating(key.parse().unwrap_or(0)).expect("1-4");
                ev.prevent_default();
                grade(g);
            }
            ("u" | "U", Some(_)) if !ev.ctrl_key() => undo(),
            ("z" | "Z", Some(_)) if ev.ctrl_key() => {
                ev.prevent_default();
                undo();
            }
            _ => {}
        }
    });

    let running = move || session.with(Option::is_some);
    view! {
        <section class="flash" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                "Flashcards"
            </h1>
            <Show
                when=running
                fallback=move || view! { <Setup scope=scope cram=cram on_start=Callback::new(move |_| start()) /> }
            >
                <Running session=session flip=flip grade=grade undo=undo />
            </Show>
        </section>
    }
}

#[component]
fn Running(
    session: RwSignal<Option<Session>>,
    flip: impl Fn() + Copy + Send + Sync + 'static,
    grade: impl Fn(Grade) + Copy + Send + Sync + 'static,
    undo: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let app: AppState = expect_context();
    let current = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref()
                .and_then(|s| s.current.map(|i| (i, s.cards[i].clone())))
        })
    });
    let flipped = Signal::derive(move || session.with(|s| s.as_ref().is_some_and(|s| s.flipped)));
    let is_cram = move || session.with(|s| s.as_ref().is_some_and(|s| s.cram.is_some()));
    let can_undo = move || session.with(|s| s.as_ref().is_some_and(|s| !s.history.is_empty()));

    let counters = move || {
        let now = now();
        let done = app.study().with(|d| d.reviews_on(now.day));
        session.with(|s| {
            let s = s.as_ref()?;
            Some(match &s.cram {
                Some(cram) => view! {
                    <span class="counter">
                        <b>{cram.remaining()}</b>
                        " left in cram"
                    </span>
                }
                .into_any(),
                None => {
                    let new_left = new_left(&app, now.day);
                    let c = app
                        .study()
                        .with(|d| study::counts(&s.cards, d.states(), now, new_left));
                    view! {
                        <span class="counter counter--due">
                            <b>{c.due()}</b>
                            " due"
                        </span>
                        <span class="counter counter--new">
                            <b>{c.new}</b>
                            " new"
                        </span>
                        <span class="counter counter--done">
                            <b>{done}</b>
                            " done today"
                        </span>
                    }
                    .into_any()
                }
            })
        })
    };

    view! {
        <div class="flash__bar">
            <p class="counters" aria-live="polite">
                {counters}
            </p>
            <button class="button button--quiet" type="button" disabled=move || !can_undo() on:click=move |_| undo()>
                "Undo"
                <kbd class="kbd" aria-hidden="true">"U"</kbd>
            </button>
        </div>
        {move || match current.get() {
            Some((_, card)) => view! { <CardView card=card flipped=flipped flip=flip grade=grade cram=is_cram() /> }.into_any(),
            None => view! { <Summary session=session /> }.into_any(),
        }}
    }
}

#[component]
fn CardView(
    card: Card<'static>,
    flipped: Signal<bool>,
    flip: impl Fn() + Copy + Send + Sync + 'static,
    grade: impl Fn(Grade) + Copy + Send + Sync + 'static,
    cram: bool,
) -> impl IntoView {
    let app: AppState = expect_context();
    let card_id = StoredValue::new(card.id.clone());
    let waits = move || {
        let now = now();
        app.study()
            .with(|d| card_id.with_value(|id| d.scheduler().preview(d.states().get(id), now)))
    };
    // Swipe: where the pointer went down.
    let start_x = StoredValue::new(None::<f64>);
    let on_down =
        move |ev: web_sys::PointerEvent| start_x.set_value(Some(f64::from(ev.client_x())));
    let on_up = move |ev: web_sys::PointerEvent| {
        let Some(x0) = start_x.get_value() else {
            return;
        };
        start_x.set_value(None);
        let dx = f64::from(ev.client_x()) - x0;
        if !flipped.get_untracked() {
            if dx.abs() < 12.0 {
                flip();
            }
        } else if dx > 60.0 {
            grade(Grade::Good);
        } else if dx < -60.0 {
            grade(Grade::Again);
        }
    };
    let comparison = card.comparison;
    let (kind, front, answer) = match card.face {
        Face::Pair => (
            "Difference",
            view! {
                <p class="flipcard__prompt">
                    <Title comparison=comparison />
                </p>
                <p class="flipcard__question">"What is the difference?"</p>
            }
            .into_any(),
            None,
        ),
        Face::Point { side, point } => (
            "Which side?",
            view! {
                <p class="flipcard__prompt flipcard__prompt--point">{rich(point.text())}</p>
                <p class="flipcard__question">
                    {format!("{} or {}?", comparison.left.name, comparison.right.name)}
                </p>
            }
            .into_any(),
            Some(comparison.side(side).name.clone()),
        ),
    };
    let class = move || {
        if flipped.get() {
            "flipcard is-flipped"
        } else {
            "flipcard"
        }
    };
    view! {
        <div class=class on:pointerdown=on_down on:pointerup=on_up on:pointercancel=move |_| start_x.set_value(None)>
            <div class="flipcard__inner">
                <div class="flipcard__face flipcard__face--front" id="card-front" tabindex="-1" inert=move || flipped.get()>
                    <p class="flipcard__kind">
                        {kind} {cram.then_some(" · cram")}
                    </p>
                    {front}
                    <p class="flipcard__hint" aria-hidden="true">"Tap the card, or press Space"</p>
                </div>
                <div
                    class="flipcard__face flipcard__face--back"
                    id="card-back"
                    tabindex="-1"
                    aria-label="Answer"
                    role="region"
                    inert=move || !flipped.get()
                >
                    {answer.map(|name| view! { <p class="flipcard__answer">{name}</p> })}
                    <p class="flipcard__context">
                        <Title comparison=comparison />
                    </p>
                    <ComparisonBody comparison=comparison level=2 study=true />
                </div>
            </div>
        </div>
        <div class="flash__actions">
            <Show
                when=move || flipped.get()
                fallback=move || {
                    view! {
                        <button class="button button--primary button--wide" type="button" on:click=move |_| flip()>
                            "Show answer"
                            <kbd class="kbd" aria-hidden="true">"Space"</kbd>
                        </button>
                    }
                }
            >
                <div class="grades" role="group" aria-label="How well did you know it?">
                    {Grade::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, g)| {
                            let wait = move || (!cram).then(|| waits()[i].label());
                            view! {
                                <button
                                    class=format!("button grade grade--{}", g.key())
                                    type="button"
                                    aria-keyshortcuts=(i + 1).to_string()
                                    on:click=move |_| grade(g)
                                >
                                    <span class="grade__label">{g.label()}</span>
                                    <span class="grade__wait">{wait}</span>
                                    <kbd class="kbd" aria-hidden="true">{i + 1}</kbd>
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </Show>
        </div>
    }
}

/// The end of a session: what was done and what comes next.
#[component]
fn Summary(session: RwSignal<Option<Session>>) -> impl IntoView {
    let app: AppState = expect_context();
    let (reviewed, again, cram, cards) = session.with_untracked(|s| {
        let s = s.as_ref().expect("a running session");
        (s.reviewed, s.again, s.cram.is_some(), s.cards.clone())
    });
    let now = now();
    let study = app.study();
    let (tomorrow, next_due, new_in_scope) = study.with_untracked(|d| {
        let states = d.states();
        (
            study::due_on(&cards, states, now.day + 1),
            study::next_due(&cards, states, now),
            study::counts(&cards, states, now, usize::MAX).new,
        )
    });
    let next = if cram {
        "Cram does not change your schedule.".to_string()
    } else if cards.is_empty() {
        "There are no cards in this scope: choose another.".to_string()
    } else {
        match next_due {
            Some(Wait::Minutes(m)) => format!("The next card is due in {m} min."),
            Some(Wait::Days(1)) => format!("Next: {tomorrow} card(s) due tomorrow."),
            Some(Wait::Days(d)) => format!("The next review is in {d} days."),
            None => "Every card in this scope is new: you have reached today's limit of new cards."
                .to_string(),
        }
    };
    let new_waiting = !cram && new_in_scope > 0 && new_left(&app, now.day) == 0;
    view! {
        <div class="summary" role="status">
            <h2 class="summary__title">"All done for now"</h2>
            <p>
                {format!(
                    "You answered {reviewed} card{}{}.",
                    if reviewed == 1 { "" } else { "s" },
                    if again > 0 { format!(", {again} of them again") } else { String::new() },
                )}
            </p>
            <p>{next}</p>
            {new_waiting.then(|| view! { <p>"New cards wait for tomorrow (the daily limit is in your settings)."</p> })}
            <div class="summary__actions">
                <button class="button button--primary" type="button" on:click=move |_| session.set(None)>
                    "Study something else"
                </button>
                <a class="button" href="#/">"Browse the deck"</a>
            </div>
        </div>
    }
}
