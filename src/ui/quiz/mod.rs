//! Quiz: timed questions from the deck. Choose a scope, a length (10 or 20) and the time
//! per question (10, 15 or 30 s, or off: WCAG 2.2.1's adjustable timing). Answer with the
//! buttons or keys 1-4; the countdown is visible and announced when short; running out of
//! time counts as wrong. Each answer shows the right one with its comparison; the summary
//! lists every mistake and opens flashcards for exactly those comparisons.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::cards::{Scope, Selection};
use crate::domain::matching::scope_key;
use crate::domain::progress::{Confusion, Source};
use crate::domain::quiz::{Kind, Quiz};
use crate::platform::document::{focus_soon, set_title};
use crate::platform::keys::{on_control, use_shortcuts};
use crate::route::Route;
use crate::state::{now, AppState};
use crate::ui::choice::{choice_button, Outcome};
use crate::ui::fields::{Check, SetupForm};
use crate::ui::matching::PracticeOnly;
use crate::ui::round::use_round;
use crate::ui::scope::ScopeSelect;
use crate::ui::shell::SCREEN_TITLE;
use crate::view::comparison::StudyBody;
use crate::view::drill::{DrillWhy, SetupCode};

#[component]
pub fn QuizScreen() -> impl IntoView {
    let app: AppState = expect_context();
    set_title("Quiz — diffdeck");
    let settings = app.progress.with_untracked(|p| p.settings.clone());
    // What the learner has studied, where there is enough of it; else the deck on screen.
    let studied = app.studied();
    let scope = RwSignal::new(Scope {
        selection: studied
            .clone()
            .map_or_else(|| app.deck_on_screen(), Selection::Studied),
        ..Scope::default()
    });
    let length = RwSignal::new(10usize);
    let seconds = RwSignal::new(settings.quiz_seconds);
    let streak_bonus = RwSignal::new(settings.streak_bonus);
    let practice = RwSignal::new(false);
    let quiz: RwSignal<Option<Quiz>> = RwSignal::new(None);
    let clock = RwSignal::new(0i64);
    let best_before: RwSignal<Option<u32>> = RwSignal::new(None);

    let key = move || {
        format!(
            "{}:{}",
            scope.with_untracked(scope_key),
            length.get_untracked()
        )
    };

    // The answer's side effects: grade the card, record the confusion.
    let settle = move |t: crate::domain::schedule::Now| {
        let Some(q) = quiz.get_untracked() else {
            return;
        };
        let (Some(question), Some(answer)) = (q.question(), q.answers.last()) else {
            return;
        };
        if !practice.get_untracked() {
            let confusion = (!answer.right).then(|| {
                let chosen = answer
                    .chosen
                    .and_then(|i| question.choices[i].side.clone())
                    .map(|(_, name)| name)
                    .unwrap_or_else(|| "(no answer in time)".into());
                Confusion {
                    at: t.ms,
                    comparison: question.comparison.id.clone(),
                    right: question.right_side.clone(),
                    chosen,
                }
            });
            app.record(
                &question.card_id,
                answer.grade(q.limit()),
                Source::Quiz,
                confusion,
                t,
            );
        }
        if q.current + 1 == q.questions.len() {
            app.offer_best_quiz(key(), q.score);
        }
        focus_soon("feedback");
    };

    let round = use_round(move |t| {
        if quiz.with_untracked(|q| q.as_ref().is_none_or(|q| q.is_over() || q.answered())) {
            return;
        }
        clock.set(t.ms);
        // Notify only when the time really ran out, not on every tick.
        let mut timed_out = false;
        quiz.maybe_update(|q| {
            timed_out = q.as_mut().is_some_and(|q| q.tick(t.ms));
            timed_out
        });
        if timed_out {
            settle(t);
        }
    });

    let start = move || {
        let t = now();
        let q = Quiz::new(
            &app.library.get_untracked(),
            &scope.get_untracked(),
            length.get_untracked(),
            seconds.get_untracked().map(|s| s * 1000),
            streak_bonus.get_untracked(),
            t.ms as u64,
            t.ms,
        );
        // Remember the timing choices as the user's settings.
        let (s, b) = (seconds.get_untracked(), streak_bonus.get_untracked());
        if (s, b)
            != app
                .progress
                .with_untracked(|p| (p.settings.quiz_seconds, p.settings.streak_bonus))
        {
            app.update_settings(|st| {
                st.quiz_seconds = s;
                st.streak_bonus = b;
            });
        }
        best_before.set(
            app.progress
                .with_untracked(|p| p.records.best_quiz.get(&key()).copied()),
        );
        clock.set(t.ms);
        quiz.set(Some(q));
        round.begin();
        focus_soon("question");
    };

    let answer = move |choice: usize| {
        let t = now();
        let answered = quiz
            .try_update(|q| {
                q.as_mut()
                    .and_then(|q| q.answer(Some(choice), t.ms).cloned())
            })
            .flatten();
        if answered.is_some() {
            settle(t);
        }
    };

    let next = move || {
        let t = now();
        quiz.update(|q| {
            if let Some(q) = q.as_mut() {
                q.next(t.ms);
            }
        });
        clock.set(t.ms);
        let over = quiz.with_untracked(|q| q.as_ref().is_some_and(Quiz::is_over));
        if over {
            round.end();
        }
        focus_soon(if over { "quiz-summary" } else { "question" });
    };

    use_shortcuts(move |ev| {
        let Some((answered, n)) = quiz.with_untracked(|q| {
            q.as_ref()
                .and_then(|q| q.question().map(|qq| (q.answered(), qq.choices.len())))
        }) else {
            return;
        };
        let key = ev.key();
        match key.as_str() {
            "1" | "2" | "3" | "4" if !answered => {
                let i: usize = key.parse().unwrap_or(1) - 1;
                if i < n {
                    ev.prevent_default();
                    answer(i);
                }
            }
            "Enter" | "n" | "N" if answered => {
                let on_button = on_control(ev);
                if !on_button || key != "Enter" {
                    ev.prevent_default();
                    next();
                }
            }
            _ => {}
        }
    });

    // A memo, so the screen is rebuilt only when the phase changes, not on every answer.
    let phase = Memo::new(move |_| {
        quiz.with(|q| match q {
            None => 0,
            Some(q) if q.is_over() => 2,
            Some(_) => 1,
        })
    });

    view! {
        <section class="quiz" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                "Quiz"
            </h1>
            {move || match phase.get() {
                0 => {
                    view! {
                        <QuizSetup
                            scope=scope
                            studied=studied.clone()
                            length=length
                            seconds=seconds
                            streak_bonus=streak_bonus
                            practice=practice
                            on_start=Callback::new(move |_| start())
                        />
                    }
                        .into_any()
                }
                1 => view! { <Playing quiz=quiz clock=clock answer=answer next=next /> }.into_any(),
                _ => view! { <QuizSummary quiz=quiz best_before=best_before restart=Callback::new(move |_| start()) /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn QuizSetup(
    scope: RwSignal<Scope>,
    studied: Option<BTreeSet<String>>,
    length: RwSignal<usize>,
    seconds: RwSignal<Option<u32>>,
    streak_bonus: RwSignal<bool>,
    practice: RwSignal<bool>,
    on_start: Callback<()>,
) -> impl IntoView {
    view! {
        <SetupForm on_start=on_start>
            <ScopeSelect scope=scope studied=studied />
            <fieldset class="choices">
                <legend>"Questions"</legend>
                {[10usize, 20]
                    .into_iter()
                    .map(|n| {
                        view! {
                            <label class="check">
                                <input
                                    type="radio"
                                    name="length"
                                    prop:checked=move || length.get() == n
                                    on:change=move |_| length.set(n)
                                />
                                <span>{n}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <QuizTimeSelect id="quiz-time" value=Signal::derive(move || seconds.get()) on_change=Callback::new(move |v| seconds.set(v)) />
            <Check
                label="Streak bonus"
                hint="+10 per right answer in a row, up to +50."
                checked=streak_bonus
                on_change=Callback::new(move |on| streak_bonus.set(on))
            />
            <PracticeOnly practice=practice />
            </SetupForm>
    }
}

#[component]
fn Playing(
    quiz: RwSignal<Option<Quiz>>,
    clock: RwSignal<i64>,
    answer: impl Fn(usize) + Copy + Send + Sync + 'static,
    next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let current = Memo::new(move |_| quiz.with(|q| q.as_ref().map(|q| q.current)));
    let progress_text = move || {
        quiz.with(|q| {
            q.as_ref()
                .map(|q| format!("Question {} of {}", q.current + 1, q.questions.len()))
        })
    };
    let score = move || quiz.with(|q| q.as_ref().map_or(0, |q| q.score));
    let remaining = move || quiz.with(|q| q.as_ref().and_then(|q| q.remaining_ms(clock.get())));
    let limit = Memo::new(move |_| quiz.with(|q| q.as_ref().and_then(Quiz::limit)));
    // Announced once at 5 s left (not every tick).
    let warning = move || {
        let r = remaining()?;
        let answered = quiz.with(|q| q.as_ref().is_some_and(Quiz::answered));
        (!answered && r <= 5_000 && r > 0).then_some("5 seconds left")
    };
    view! {
        <div class="quiz__bar">
            <p>{progress_text}</p>
            <p class="quiz__score">"Score " <b>{score}</b></p>
        </div>
        {move || {
            limit
                .get()
                .map(|limit| {
                    let left = move || remaining().unwrap_or(0);
                    let secs = move || left().div_ceil(1000);
                    let width = move || format!("{}%", u64::from(left()) * 100 / u64::from(limit.max(1)));
                    view! {
                        <div class="countdown" class:countdown--short=move || left() <= 5_000>
                            <div class="countdown__bar" style:width=width></div>
                            <p class="countdown__text" role="timer" aria-label="Time left">
                                {secs}
                                " s"
                            </p>
                        </div>
                    }
                })
        }}
        <p class="visually-hidden" aria-live="assertive">
            {warning}
        </p>
        {move || current.get().map(|_| view! { <QuestionView quiz=quiz answer=answer next=next /> })}
    }
}

#[component]
fn QuestionView(
    quiz: RwSignal<Option<Quiz>>,
    answer: impl Fn(usize) + Copy + Send + Sync + 'static,
    next: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Some(question) = quiz.with_untracked(|q| q.as_ref().and_then(|q| q.question().cloned()))
    else {
        return ().into_any();
    };
    let result = move || quiz.with(|q| q.as_ref().and_then(|q| q.answers.get(q.current).cloned()));
    let answered = move || result().is_some();
    let kind = match question.kind {
        Kind::WhichOne => "Which one?",
        Kind::TrueOf => "Which is true?",
        Kind::TrueFalse => "True or false?",
        Kind::Drill => "What does Docker do?",
    };
    let drill = question.drill;
    let right = question.answer;
    let comparison = question.comparison;
    let choices = question
        .choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let outcome = move || {
                result().map(|r| Outcome {
                    right,
                    chosen: r.chosen,
                })
            };
            choice_button(i, i, c.text.clone(), outcome, answer)
        })
        .collect_view();
    view! {
        <div class="question" id="question" tabindex="-1" aria-labelledby="question-prompt">
            <p class="question__kind">{kind}</p>
            {drill.and_then(|d| d.setup.as_ref()).map(|setup| view! { <SetupCode setup=setup /> })}
            <h2 class="question__prompt" id="question-prompt">{question.prompt.clone()}</h2>
            <ol class="choices-list" role="list">
                {choices}
            </ol>
        </div>
        <Show when=answered>
            <div class="feedback" id="feedback" tabindex="-1" role="status">
                <p class="feedback__verdict">
                    {move || {
                        result()
                            .map(|r| match (r.right, r.chosen) {
                                (true, _) => format!("Right! +{}", r.points),
                                (false, None) => "Time is up.".to_string(),
                                (false, Some(_)) => "Not quite.".to_string(),
                            })
                    }}
                </p>
                <p>"The answer: " <strong>{question.choices[right].text.clone()}</strong></p>
                {
                    // A statement chosen wrongly: the side it is true of.
                    let sides: Vec<_> = question.choices.iter().map(|c| c.side.clone()).collect();
                    let statements = question.kind == Kind::TrueOf;
                    move || {
                        let chosen = result()?.chosen.filter(|c| statements && *c != right)?;
                        let (_, side) = sides.get(chosen)?.clone()?;
                        Some(view! { <p class="feedback__side">"What you chose is true of " <strong>{side}</strong> "."</p> })
                    }
                }
                {drill.map(|d| view! { <DrillWhy drill=d /> })}
                <details class="feedback__context">
                    <summary>{comparison.title()}</summary>
                    <StudyBody comparison=comparison level=3 />
                </details>
                <button class="button button--primary button--wide" type="button" on:click=move |_| next()>
                    {move || {
                        if quiz.with(|q| q.as_ref().is_some_and(|q| q.current + 1 >= q.questions.len())) {
                            "See results"
                        } else {
                            "Next question"
                        }
                    }}
                    <kbd class="kbd" aria-hidden="true">"Enter"</kbd>
                </button>
            </div>
        </Show>
    }
    .into_any()
}

#[component]
fn QuizSummary(
    quiz: RwSignal<Option<Quiz>>,
    best_before: RwSignal<Option<u32>>,
    restart: Callback<()>,
) -> impl IntoView {
    let Some(q) = quiz.get_untracked() else {
        return ().into_any();
    };
    let best = best_before.get_untracked();
    let verdict = match best {
        Some(b) if q.score > b => format!("A new best! (was {b})"),
        Some(b) => format!("Your best: {b}"),
        None => "Your first score at this scope and length.".to_string(),
    };
    let mistakes: Vec<_> = q
        .mistakes()
        .map(|(question, a)| (question.clone(), a.clone()))
        .collect();
    let ids: BTreeSet<String> = mistakes
        .iter()
        .map(|(q, _)| q.comparison.id.clone())
        .collect();
    let study = Route::Flashcards {
        only: ids.into_iter().collect(),
        deck: None,
    }
    .href();
    let has_mistakes = !mistakes.is_empty();
    view! {
        <div class="summary" id="quiz-summary" tabindex="-1" role="status">
            <h2 class="summary__title">{format!("{} of {} right", q.right_count(), q.questions.len())}</h2>
            <p class="summary__score">
                "Score " <b>{q.score}</b> {format!(" of {} possible. ", q.max_score())} {verdict}
            </p>
            {has_mistakes
                .then(|| {
                    view! {
                        <h3 class="summary__subtitle">"Mistakes"</h3>
                        <ul class="mistakes">
                            {mistakes
                                .into_iter()
                                .map(|(question, a)| {
                                    let yours = a
                                        .chosen
                                        .map_or("no answer in time".to_string(), |i| question.choices[i].text.clone());
                                    view! {
                                        <li class="mistake">
                                            <p class="mistake__prompt">{question.prompt.clone()}</p>
                                            <p>"Answer: " <strong>{question.choices[question.answer].text.clone()}</strong></p>
                                            <p class="mistake__yours">"Yours: " {yours}</p>
                                            <a href=Route::Comparison(question.comparison.id.clone()).href()>
                                                {question.comparison.title()}
                                            </a>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                })}
            <div class="summary__actions">
                {has_mistakes
                    .then(|| {
                        view! {
                            <a class="button button--primary" href=study>
                                "Study these in flashcards"
                            </a>
                        }
                    })}
                <button class="button" type="button" on:click=move |_| restart.run(())>
                    "New quiz"
                </button>
                <button class="button" type="button" on:click=move |_| quiz.set(None)>
                    "Change settings"
                </button>
            </div>
        </div>
    }
    .into_any()
}

/// Time per question: 10, 15 or 30 seconds, or off (WCAG 2.2.1: timing the user can
/// adjust). Used by the quiz's setup and by the settings.
#[component]
pub fn QuizTimeSelect(
    id: &'static str,
    value: Signal<Option<u32>>,
    on_change: Callback<Option<u32>>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label class="field__label" for=id>"Time per question"</label>
            <select
                id=id
                class="field__input"
                prop:value=move || value.get().map_or("off".to_string(), |s| s.to_string())
                on:change=move |ev| on_change.run(event_target_value(&ev).parse().ok())
            >
                <option value="10">"10 seconds"</option>
                <option value="15">"15 seconds"</option>
                <option value="30">"30 seconds"</option>
                <option value="off">"Off (no time limit)"</option>
            </select>
        </div>
    }
}
