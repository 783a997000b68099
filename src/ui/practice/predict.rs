//! Predict: one drill at a time, due ones first, then up to
//! [`NEW_DRILLS_PER_SESSION`] new ones. Options in a shuffled order, answered by tap,
//! click or their number key; an exact answer is typed. Then the verdict, the right
//! answer, why, and the docs it cites; Enter goes on.

use leptos::prelude::*;

use super::PracticeSetup;
use crate::domain::cards::{drill_cards, DrillCard, Scope};
use crate::domain::deck::DrillAnswer;
use crate::domain::practice::{self, Verdict, NEW_DRILLS_PER_SESSION};
use crate::domain::progress::{Confusion, ReviewKey, Source};
use crate::domain::study;
use crate::platform::document::focus_soon;
use crate::platform::keys::{on_control, use_shortcuts};
use crate::route::Route;
use crate::state::{now, AppState};
use crate::ui::choice::{choice_button, Outcome};
use crate::view::drill::{DrillWhy, SetupCode};
use crate::view::rich::rich;

/// A Predict session.
#[derive(Clone)]
struct Session {
    cards: Vec<DrillCard<'static>>,
    /// The drill shown, and its options' order on screen (indices into its options).
    current: Option<(usize, Vec<usize>)>,
    /// How the shown drill was answered, once it is.
    answered: Option<Answered>,
    /// New drills seen this session, and drills shown in all.
    new_seen: usize,
    shown: usize,
    /// Drills answered this session: not asked again in it (a learning step would bring
    /// one straight back).
    asked: Vec<bool>,
    done: usize,
    right: usize,
}

#[derive(Clone, PartialEq)]
struct Answered {
    verdict: Verdict,
    /// The option chosen (as written in the deck), for a choice.
    chosen: Option<usize>,
    /// What was typed, for an exact answer.
    typed: String,
    /// The review recorded (an "I had it" replaces it).
    key: ReviewKey,
}

impl Session {
    /// The next drill to show (not `avoid` while another qualifies), with its options'
    /// order drawn from the time.
    fn next(&mut self, app: &AppState, avoid: Option<&str>) {
        let now = now();
        let new_left = NEW_DRILLS_PER_SESSION.saturating_sub(self.new_seen);
        let next = app.study().with_untracked(|d| {
            study::next_unasked(&self.cards, &self.asked, d.states(), now, new_left, avoid)
        });
        self.answered = None;
        self.current = next.map(|(i, new)| {
            if new {
                self.new_seen += 1;
            }
            self.shown += 1;
            (
                i,
                practice::option_order(self.cards[i].drill, now.ms as u64),
            )
        });
    }

    fn card(&self) -> Option<&DrillCard<'static>> {
        self.current.as_ref().map(|(i, _)| &self.cards[*i])
    }
}

#[component]
pub(super) fn Predict(scope: RwSignal<Scope>, auto_start: bool) -> impl IntoView {
    let app: AppState = expect_context();
    let session: RwSignal<Option<Session>> = RwSignal::new(None);
    let count = Signal::derive(move || {
        app.library
            .with(|l| scope.with(|s| drill_cards(l, s).len()))
    });
    let start = move || {
        let cards = drill_cards(&app.library.get_untracked(), &scope.get_untracked());
        let mut s = Session {
            asked: vec![false; cards.len()],
            cards,
            current: None,
            answered: None,
            new_seen: 0,
            shown: 0,
            done: 0,
            right: 0,
        };
        s.next(&app, None);
        session.set(Some(s));
        focus_soon("drill");
    };
    if auto_start {
        start();
    }

    // Records an answer: the review (and, for a wrong option, what it was taken for).
    let settle = move |verdict: Verdict, chosen: Option<usize>, typed: String| {
        let Some(card) = session.with_untracked(|s| s.as_ref().and_then(|s| s.card().cloned()))
        else {
            return;
        };
        let t = now();
        let confusion = match (&card.drill.answer, chosen) {
            (DrillAnswer::Choice { options, .. }, Some(i)) if !verdict.is_right() => {
                Some(Confusion {
                    at: t.ms,
                    comparison: card.comparison.id.clone(),
                    right: card.drill.answer_text(),
                    chosen: options[i].plain(),
                })
            }
            _ => None,
        };
        let key = app.record(&card.id, verdict.grade(), Source::Predict, confusion, t);
        session.update(|s| {
            if let Some(s) = s.as_mut() {
                if let Some((i, _)) = s.current {
                    s.asked[i] = true;
                }
                s.done += 1;
                s.right += usize::from(verdict.is_right());
                s.answered = Some(Answered {
                    verdict,
                    chosen,
                    typed,
                    key,
                });
            }
        });
        focus_soon("verdict");
    };
    let choose = move |option: usize| {
        let drill = session.with_untracked(|s| {
            s.as_ref()
                .filter(|s| s.answered.is_none())
                .and_then(|s| s.card().map(|c| c.drill))
        });
        if let Some(drill) = drill {
            settle(practice::choose(drill, option), Some(option), String::new());
        }
    };
    let check = move |typed: String| {
        let drill = session.with_untracked(|s| {
            s.as_ref()
                .filter(|s| s.answered.is_none())
                .and_then(|s| s.card().map(|c| c.drill))
        });
        if let Some(drill) = drill {
            settle(practice::check_typed(drill, &typed), None, typed);
        }
    };
    // "I had it": a typed answer the app did not recognise counts as right, but Hard.
    let had_it = move || {
        let Some((id, answered)) = session.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| Some((s.card()?.id.clone(), s.answered.clone()?)))
        }) else {
            return;
        };
        if answered.verdict != Verdict::Wrong {
            return;
        }
        app.undo(&answered.key);
        let key = app.record(&id, Verdict::Accepted.grade(), Source::Predict, None, now());
        session.update(|s| {
            if let Some(s) = s.as_mut() {
                s.right += 1;
                s.answered = Some(Answered {
                    verdict: Verdict::Accepted,
                    key,
                    ..answered
                });
            }
        });
        focus_soon("verdict");
    };
    let next = move || {
        let avoid =
            session.with_untracked(|s| s.as_ref().and_then(|s| s.card().map(|c| c.id.clone())));
        session.update(|s| {
            if let Some(s) = s.as_mut() {
                s.next(&app, avoid.as_deref());
            }
        });
        focus_soon("drill");
    };

    use_shortcuts(move |ev| {
        let Some((answered, options)) = session.with_untracked(|s| {
            s.as_ref().and_then(|s| {
                let (_, order) = s.current.as_ref()?;
                Some((s.answered.is_some(), order.clone()))
            })
        }) else {
            return;
        };
        let key = ev.key();
        match key.as_str() {
            "1" | "2" | "3" | "4" | "5" if !answered => {
                let shown = key.parse::<usize>().unwrap_or(1) - 1;
                if let Some(&option) = options.get(shown) {
                    ev.prevent_default();
                    choose(option);
                }
            }
            "Enter" | "n" | "N" if answered && !(key == "Enter" && on_control(ev)) => {
                ev.prevent_default();
                next();
            }
            _ => {}
        }
    });

    let running = move || session.with(Option::is_some);
    // The drill on screen (and how many were shown): the view is rebuilt when this changes,
    // not when a drill is answered.
    let shown = Memo::new(move |_| {
        session.with(|s| {
            s.as_ref()
                .map(|s| (s.current.as_ref().map(|(i, _)| *i), s.shown))
        })
    });
    view! {
        <Show
            when=running
            fallback=move || {
                view! {
                    <PracticeSetup scope=scope count=count noun=("drill", "drills") on_start=Callback::new(move |_| start())>
                        <p class="check__hint">
                            "Each drill shows a setup and asks what Docker does. Due drills come first, then up to "
                            {NEW_DRILLS_PER_SESSION}
                            " new ones."
                        </p>
                    </PracticeSetup>
                }
            }
        >
            {move || {
                let has_card = shown.get().is_some_and(|(current, _)| current.is_some());
                if has_card {
                    view! { <DrillView session=session choose=choose check=check had_it=had_it next=next /> }.into_any()
                } else {
                    view! { <Finished session=session restart=Callback::new(move |_| start()) /> }.into_any()
                }
            }}
        </Show>
    }
}

/// The drill on screen, then its verdict. Rebuilt for each drill.
#[component]
fn DrillView(
    session: RwSignal<Option<Session>>,
    choose: impl Fn(usize) + Copy + Send + Sync + 'static,
    check: impl Fn(String) + Copy + Send + Sync + 'static,
    had_it: impl Fn() + Copy + Send + Sync + 'static,
    next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Some((card, order, shown)) = session.with_untracked(|s| {
        let s = s.as_ref()?;
        let (_, order) = s.current.clone()?;
        Some((s.card()?.clone(), order, s.shown))
    }) else {
        return ().into_any();
    };
    let drill = card.drill;
    let answered =
        Memo::new(move |_| session.with(|s| s.as_ref().and_then(|s| s.answered.clone())));
    let is_answered = move || answered.with(Option::is_some);
    let answer_area = match &drill.answer {
        DrillAnswer::Choice {
            options,
            right: right_option,
        } => {
            let right_option = *right_option;
            order
                .iter()
                .enumerate()
                .map(|(shown, &i)| {
                    let outcome = move || {
                        answered.with(|a| {
                            a.as_ref().map(|a| Outcome {
                                right: right_option,
                                chosen: a.chosen,
                            })
                        })
                    };
                    choice_button(i, shown, options[i].plain(), outcome, choose)
                })
                .collect_view()
                .into_any()
        }
        DrillAnswer::Exact(_) => {
            let typed = RwSignal::new(String::new());
            view! {
                <li>
                    <form class="typed" on:submit=move |ev| {
                        ev.prevent_default();
                        check(typed.get_untracked());
                    }>
                        <label class="visually-hidden" for="typed-answer">"Your answer"</label>
                        <input
                            id="typed-answer"
                            class="field__input"
                            type="text"
                            autocomplete="off"
                            autocapitalize="off"
                            spellcheck="false"
                            placeholder="Type what runs or happens"
                            prop:value=move || typed.get()
                            on:input=move |ev| typed.set(event_target_value(&ev))
                            disabled=is_answered
                        />
                        <button class="button button--primary" type="submit" disabled=is_answered>"Check"</button>
                    </form>
                </li>
            }
            .into_any()
        }
    };
    let exact = matches!(drill.answer, DrillAnswer::Exact(_));
    view! {
        <div class="quiz__bar">
            <p>{move || format!("Drill {shown} · {} right", session.with(|s| s.as_ref().map_or(0, |s| s.right)))}</p>
            <p>{card.comparison.title()}</p>
        </div>
        <div class="question" id="drill" tabindex="-1" aria-labelledby="drill-question">
            <p class="question__kind">"What does Docker do?"</p>
            {drill.setup.as_ref().map(|setup| view! { <SetupCode setup=setup /> })}
            <h2 class="question__prompt" id="drill-question">{rich(&drill.question)}</h2>
            <ol class="choices-list" role="list">{answer_area}</ol>
        </div>
        <Show when=is_answered>
            <div class="feedback" id="verdict" tabindex="-1" role="status">
                <p class="feedback__verdict">
                    {move || answered.get().map(|a| match a.verdict {
                        Verdict::Right => "Right!",
                        Verdict::Accepted => "Counted as right.",
                        Verdict::Wrong => "Not quite.",
                    })}
                </p>
                <p>
                    "The answer: "
                    <strong>{drill.answer_text()}</strong>
                    {move || answered.get().filter(|a| exact && !a.typed.trim().is_empty() && a.verdict == Verdict::Wrong).map(|a| format!(" (you wrote “{}”)", a.typed.trim()))}
                </p>
                <DrillWhy drill=drill />
                <div class="summary__actions">
                    <button class="button button--primary" type="button" on:click=move |_| next()>
                        "Next drill"
                        <kbd class="kbd" aria-hidden="true">"Enter"</kbd>
                    </button>
                    {move || {
                        answered
                            .get()
                            .filter(|a| exact && a.verdict == Verdict::Wrong)
                            .map(|_| view! {
                                <button class="button" type="button" on:click=move |_| had_it()>
                                    "I had it: count it as right"
                                </button>
                            })
                    }}
                </div>
            </div>
        </Show>
    }
    .into_any()
}

/// The end of a session: what was done, and where to go next.
#[component]
fn Finished(session: RwSignal<Option<Session>>, restart: Callback<()>) -> impl IntoView {
    let (done, right, ids) = session.with_untracked(|s| {
        s.as_ref().map_or((0, 0, Vec::new()), |s| {
            let mut ids: Vec<String> = s.cards.iter().map(|c| c.comparison.id.clone()).collect();
            ids.dedup();
            (s.done, s.right, ids)
        })
    });
    let summary = match done {
        0 => "No drill is due, and this session's new ones are done.".to_string(),
        1 => format!("You answered 1 drill, {right} right."),
        n => format!("You answered {n} drills, {right} right."),
    };
    let explain = Route::Practice {
        explain: true,
        only: if ids.len() <= 12 { ids } else { Vec::new() },
    }
    .href();
    view! {
        <div class="summary" id="drill" tabindex="-1" role="status">
            <h2 class="summary__title">"Done for now"</h2>
            <p>{summary}</p>
            <div class="summary__actions">
                <button class="button button--primary" type="button" on:click=move |_| restart.run(())>
                    "More drills"
                </button>
                <a class="button" href=explain>"Explain these comparisons"</a>
                <a class="button" href="#/flashcards">"Flashcards"</a>
            </div>
        </div>
    }
}
