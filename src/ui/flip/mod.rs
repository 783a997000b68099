//! Flashcards: pick a scope, flip a card (button, Space or Enter, or a tap), grade it
//! (buttons, keys 1-4, or a swipe: left = Again, right = Good), undo (button, `u`,
//! Ctrl+Z). Scheduled by FSRS through [`AppState::grade`]; cram studies without touching
//! the schedule.

mod setup;

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::cards::{cards, Card, Face, Scope, Selection};
use crate::domain::deck::Which;
use crate::domain::fsrs::Grade;
use crate::domain::plan;
use crate::domain::progress::{ReviewKey, Source};
use crate::domain::schedule::{Now, Wait};
use crate::domain::study::{self, Cram, NewLeft};
use crate::platform::document::{focus_soon, set_title};
use crate::platform::keys::{on_control, use_shortcuts};
use crate::state::{now, AppState};
use crate::ui::shell::SCREEN_TITLE;
use crate::view::comparison::{StudyBody, Title};
use crate::view::rich::rich;
use crate::view::short_title;
use setup::Setup;

/// New cards a tap on "more new cards today" adds to each deck's limit.
const MORE_NEW: u32 = 10;

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

/// Each deck's flashcards of the kinds in scope: what its daily limit of new cards counts.
#[derive(Clone, Copy)]
struct Limits(Memo<Vec<(String, Vec<String>)>>);

impl Limits {
    fn new(app: AppState, scope: RwSignal<Scope>) -> Self {
        Limits(Memo::new(move |_| {
            let (pairs, points) = scope.with(|s| (s.pairs, s.points));
            app.library.with(|library| {
                library
                    .decks
                    .iter()
                    .map(|deck| {
                        let scope = Scope {
                            selection: Selection::Deck(deck.id.clone()),
                            pairs,
                            points,
                        };
                        let ids = cards(library, &scope).into_iter().map(|c| c.id).collect();
                        (deck.id.clone(), ids)
                    })
                    .collect()
            })
        }))
    }

    /// The new cards each deck may still show at `now` (follows the record and settings
    /// where read in a reactive context).
    fn left(self, app: &AppState, now: Now) -> NewLeft {
        app.progress.with(|p| {
            self.0.with(|decks| {
                app.study().with(|d| {
                    let decks = decks
                        .iter()
                        .map(|(id, cards)| (id.as_str(), cards.as_slice()));
                    let first_day = |card: &str| d.first_day(card);
                    NewLeft::PerDeck(plan::new_left(
                        decks,
                        d.states(),
                        first_day,
                        &p.settings,
                        now.day,
                    ))
                })
            })
        })
    }
}

impl Limits {
    /// The plan for a session's `cards` with today's limits of their decks, and the decks
    /// whose own plan fits (a smaller scope to suggest); `None` without an interview ahead.
    fn plan(
        self,
        app: &AppState,
        cards: &[Card],
        now: Now,
    ) -> Option<(plan::Plan, Vec<(String, usize)>)> {
        app.progress.with(|p| {
            let settings = &p.settings;
            let interview = settings.interview_day.filter(|d| *d > now.day)?;
            let library = app.library.read();
            app.study().with(|d| {
                self.0.with(|decks| {
                    let first_day = |card: &str| d.first_day(card);
                    let mut per_day = 0;
                    let mut smaller = Vec::new();
                    for (id, ids) in decks {
                        let (limit, seen) =
                            plan::deck_today(ids, d.states(), first_day, settings, now.day);
                        if cards.iter().any(|c| c.deck.id == *id) {
                            per_day += limit;
                        }
                        let unseen = ids.iter().filter(|c| !d.states().contains_key(*c)).count();
                        let pace = plan::pace(unseen + seen, plan::new_days(now.day, interview));
                        if (1..=plan::MAX_NEW_PER_DAY).contains(&pace) {
                            if let Some(deck) = library.deck(id) {
                                smaller.push((short_title(&deck.title).to_string(), pace));
                            }
                        }
                    }
                    let seen_today = cards
                        .iter()
                        .filter(|c| first_day(&c.id) == Some(now.day))
                        .count();
                    let plan = plan::plan(
                        cards,
                        d.states(),
                        d.scheduler(),
                        now,
                        interview,
                        seen_today,
                        Some(per_day),
                    )?;
                    Some((plan, smaller))
                })
            })
        })
    }
}

fn pick_next(
    app: &AppState,
    limits: Limits,
    session: &Session,
    avoid: Option<&str>,
) -> Option<usize> {
    if let Some(cram) = &session.cram {
        return cram.current();
    }
    let now = now();
    let new_left = untrack(|| limits.left(app, now));
    app.study()
        .with_untracked(|d| study::next_card(&session.cards, d.states(), now, new_left, avoid))
}

#[component]
pub fn FlashcardsScreen(only: Vec<String>, deck: Option<String>) -> impl IntoView {
    let app: AppState = expect_context();
    set_title("Flashcards — diffdeck");
    let settings = app.progress.with_untracked(|p| p.settings.clone());
    let auto_start = !only.is_empty() || deck.is_some();
    let scope = RwSignal::new(Scope {
        selection: match deck {
            Some(deck) => Selection::Deck(deck),
            None if only.is_empty() => app.deck_on_screen(),
            None => Selection::Only(only.into_iter().collect::<BTreeSet<_>>()),
        },
        pairs: settings.pair_cards || !settings.point_cards,
        points: settings.point_cards,
    });
    let cram = RwSignal::new(false);
    let session: RwSignal<Option<Session>> = RwSignal::new(None);
    let limits = Limits::new(app, scope);

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
        s.current = pick_next(&app, limits, &s, None);
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
            s.current = pick_next(&app, limits, s, Some(&avoid));
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
                fallback=move || view! { <Setup scope=scope cram=cram limits=limits on_start=Callback::new(move |_| start()) /> }
            >
                <Running
                    session=session
                    limits=limits
                    flip=flip
                    grade=grade
                    undo=undo
                    cram_now=Callback::new(move |_| {
                        cram.set(true);
                        start();
                    })
                />
            </Show>
        </section>
    }
}

#[component]
fn Running(
    session: RwSignal<Option<Session>>,
    limits: Limits,
    cram_now: Callback<()>,
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
                    let new_left = limits.left(&app, now);
                    let c = app
                        .study()
                        .with(|d| study::counts(&s.cards, d.states(), now, new_left));
                    view! {
                        <span class="counter counter--learning">
                            <b>{c.learning}</b>
                            " learning"
                        </span>
                        <span class="counter counter--due">
                            <b>{c.review}</b>
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
            None => view! { <Summary session=session limits=limits cram_now=cram_now /> }.into_any(),
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
            Some((comparison.side(side).name.clone(), side, point)),
        ),
    };
    let asked = answer.as_ref().map(|(_, _, point)| *point);
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
                    <p class="flipcard__hint" aria-hidden="true">
                        <span class="hint--keys">"Tap the card, or press Space"</span>
                        <span class="hint--touch">"Tap the card to see the answer"</span>
                    </p>
                </div>
                <div
                    class="flipcard__face flipcard__face--back"
                    id="card-back"
                    tabindex="-1"
                    aria-label="Answer"
                    role="region"
                    inert=move || !flipped.get()
                >
                    {answer.map(|(name, side, _)| {
                        let class = match side {
                            Which::Left => "flipcard__answer flipcard__answer--left",
                            Which::Right => "flipcard__answer flipcard__answer--right",
                        };
                        view! { <p class=class>{name}</p> }
                    })}
                    <p class="flipcard__context">
                        <Title comparison=comparison />
                    </p>
                    <StudyBody comparison=comparison level=2 asked=asked />
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
fn Summary(
    session: RwSignal<Option<Session>>,
    limits: Limits,
    cram_now: Callback<()>,
) -> impl IntoView {
    let app: AppState = expect_context();
    let (reviewed, again, cram, cards) = session.with_untracked(|s| {
        let s = s.as_ref().expect("a running session");
        (s.reviewed, s.again, s.cram.is_some(), s.cards.clone())
    });
    let now = now();
    let study = app.study();
    let left = untrack(|| limits.left(&app, now));
    let (tomorrow, next_due, new_in_scope, new_allowed) = study.with_untracked(|d| {
        let states = d.states();
        (
            study::due_on(&cards, states, now.day + 1),
            study::next_due(&cards, states, now),
            study::counts(&cards, states, now, usize::MAX).new,
            study::counts(&cards, states, now, left).new,
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
            None => "No reviews are scheduled yet.".to_string(),
        }
    };
    // New cards in this scope that its decks' daily limits hold back.
    let new_waiting = !cram && new_in_scope > 0 && new_allowed == 0;
    // The next useful step: more new cards today (where the limit stopped them), cram, or
    // another way to practise.
    let more = move |_| {
        let day = crate::state::now().day;
        app.update_settings(move |s| {
            s.extra_new = s.extra_new_on(day) as u32 + MORE_NEW;
            s.extra_new_day = day;
        });
        session.update(|s| {
            if let Some(s) = s.as_mut() {
                s.current = pick_next(&app, limits, s, None);
            }
        });
        focus_soon("card-front");
    };
    view! {
        <div class="summary" role="status">
            <h2 class="summary__title">"All done for now"</h2>
            <p>
                {format!(
                    "This session: {reviewed} card{}{}.",
                    if reviewed == 1 { "" } else { "s" },
                    if again > 0 { format!(", {again} of them again") } else { String::new() },
                )}
            </p>
            <p>{next}</p>
            {new_waiting.then(|| view! { <p>"More new cards wait for tomorrow: today's limit of new cards is reached."</p> })}
            <div class="summary__actions">
                {new_waiting.then(|| view! {
                    <button class="button button--primary" type="button" on:click=more>
                        {format!("{MORE_NEW} more new cards today")}
                    </button>
                })}
                {(!cram && !cards.is_empty()).then(|| view! {
                    <button class="button" type="button" on:click=move |_| cram_now.run(())>
                        "Cram this scope"
                    </button>
                })}
                <a class="button" href="#/predict">"Predict drills"</a>
                <a class="button" href="#/match">"Match game"</a>
                <button class="button" type="button" on:click=move |_| session.set(None)>
                    "Study something else"
                </button>
            </div>
        </div>
    }
}
