//! Explain it: a comparison's title; the user writes (or dictates) what they would say in
//! the interview, then reveals the comparison's points as a checklist and ticks those the
//! answer covered. The share covered is the FSRS grade (`domain::practice`); the answer
//! is kept with its review, so earlier answers to the same comparison can be read again.
//! "Read aloud" (off by default) says the prompt and, once revealed, the points.

use leptos::prelude::*;

use super::PracticeSetup;
use crate::domain::cards::{explain_cards, ExplainCard, Scope};
use crate::domain::practice::{self, NEW_EXPLAIN_PER_SESSION};
use crate::domain::progress::Written;
use crate::domain::study;
use crate::platform::document::focus_soon;
use crate::platform::speech;
use crate::state::{now, AppState};
use crate::ui::fields::Check;
use crate::view::comparison::Title;
use crate::view::rich::rich;

/// Where the user is with the comparison on screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Writing,
    /// The checklist is shown; points are being ticked.
    Checking,
    /// Graded: covered this many of that many.
    Graded(usize, usize),
}

#[derive(Clone)]
struct Session {
    cards: Vec<ExplainCard<'static>>,
    current: Option<usize>,
    new_seen: usize,
    done: usize,
    /// Comparisons explained this session: not asked again in it.
    asked: Vec<bool>,
}

impl Session {
    fn next(&mut self, app: &AppState, avoid: Option<&str>) {
        let now = now();
        let new_left = NEW_EXPLAIN_PER_SESSION.saturating_sub(self.new_seen);
        let next = app.study().with_untracked(|d| {
            study::next_unasked(&self.cards, &self.asked, d.states(), now, new_left, avoid)
        });
        self.current = next.map(|(i, new)| {
            if new {
                self.new_seen += 1;
            }
            i
        });
    }
}

/// The rule, as the screen states it.
const RULE: &str = "The grade is the share of points your answer covered: under 40 % Again, under 70 % Hard, under 100 % Good, every point Easy.";

#[component]
pub(super) fn Explain(scope: RwSignal<Scope>, auto_start: bool) -> impl IntoView {
    let app: AppState = expect_context();
    let session: RwSignal<Option<Session>> = RwSignal::new(None);
    let count = Signal::derive(move || {
        app.library
            .with(|l| scope.with(|s| explain_cards(l, s).len()))
    });
    let start = move || {
        let cards = explain_cards(&app.library.get_untracked(), &scope.get_untracked());
        let mut s = Session {
            asked: vec![false; cards.len()],
            cards,
            current: None,
            new_seen: 0,
            done: 0,
        };
        s.next(&app, None);
        session.set(Some(s));
        focus_soon("explain");
    };
    if auto_start {
        start();
    }
    let next = move || {
        let avoid = session.with_untracked(|s| {
            s.as_ref()
                .and_then(|s| s.current.map(|i| s.cards[i].id.clone()))
        });
        session.update(|s| {
            if let Some(s) = s.as_mut() {
                if let Some(i) = s.current {
                    s.asked[i] = true;
                }
                s.done += 1;
                s.next(&app, avoid.as_deref());
            }
        });
        focus_soon("explain");
    };
    on_cleanup(speech::stop);
    let read_aloud = Signal::derive(move || app.progress.with(|p| p.settings.read_aloud));
    let running = move || session.with(Option::is_some);
    view! {
        <Show
            when=running
            fallback=move || {
                view! {
                    <PracticeSetup scope=scope count=count noun=("comparison", "comparisons") on_start=Callback::new(move |_| start())>
                        <p class="check__hint">{RULE}</p>
                        <ReadAloud read_aloud=read_aloud />
                    </PracticeSetup>
                }
            }
        >
            {move || {
                let card = session.with(|s| s.as_ref().and_then(|s| s.current.map(|i| s.cards[i].clone())));
                match card {
                    Some(card) => view! { <ExplainCardView card=card next=next read_aloud=read_aloud /> }.into_any(),
                    None => view! {
                        <div class="summary" id="explain" tabindex="-1" role="status">
                            <h2 class="summary__title">"Done for now"</h2>
                            <p>"Nothing is due here, and this session's new comparisons are done."</p>
                            <div class="summary__actions">
                                <button class="button button--primary" type="button" on:click=move |_| start()>"More comparisons"</button>
                                <a class="button" href="#/predict">"Predict drills"</a>
                            </div>
                        </div>
                    }
                    .into_any(),
                }
            }}
        </Show>
    }
}

/// The read-aloud setting (off by default), where the browser can speak.
#[component]
fn ReadAloud(read_aloud: Signal<bool>) -> impl IntoView {
    let app: AppState = expect_context();
    speech::available().then(|| {
        view! {
            <Check
                label="Read aloud"
                hint="Says the question and, once shown, the points: for study without looking."
                checked=read_aloud
                on_change=Callback::new(move |on: bool| {
                    if !on {
                        speech::stop();
                    }
                    app.update_settings(move |s| s.read_aloud = on);
                })
            />
        }
    })
}

/// One comparison to explain: write, check, grade.
#[component]
fn ExplainCardView(
    card: ExplainCard<'static>,
    next: impl Fn() + Copy + Send + Sync + 'static,
    read_aloud: Signal<bool>,
) -> impl IntoView {
    let app: AppState = expect_context();
    let comparison = card.comparison;
    let checklist = practice::checklist(comparison);
    let total = checklist.len();
    let stage = RwSignal::new(Stage::Writing);
    let text = RwSignal::new(String::new());
    let ticked = RwSignal::new(vec![false; total]);
    let covered = move || ticked.with(|t| t.iter().filter(|&&x| x).count());
    let prompt = format!("Explain the difference between {}.", comparison.title());
    if read_aloud.get_untracked() {
        speech::say(&prompt);
    }
    let model = StoredValue::new(
        checklist
            .iter()
            .map(|item| format!("{}: {}", item.from, item.text.plain()))
            .collect::<Vec<_>>()
            .join(". "),
    );
    let reveal = move |_| {
        stage.set(Stage::Checking);
        if read_aloud.get_untracked() {
            model.with_value(|m| speech::say(m));
        }
        focus_soon("checklist-title");
    };
    let card_id = StoredValue::new(card.id.clone());
    let grade = move |_| {
        let (k, n) = (covered(), total);
        let written = Written {
            text: text.get_untracked().trim().to_string(),
            covered: k as u16,
            of: n as u16,
        };
        card_id.with_value(|id| {
            app.record_explanation(id, practice::explain_grade(k, n), written, now());
        });
        stage.set(Stage::Graded(k, n));
        speech::stop();
        focus_soon("explain-result");
    };
    // Built when the points are shown: the comparison's checklist, each point a checkbox.
    let items = move || {
        practice::checklist(comparison)
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                view! {
                    <li>
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || ticked.with(|t| t[i])
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    ticked.update(|t| t[i] = on);
                                }
                                disabled=move || matches!(stage.get(), Stage::Graded(..))
                            />
                            <span>
                                <span class="checklist__from">{format!("{}: ", item.from)}</span>
                                {rich(item.text)}
                            </span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    };
    let revealed = Memo::new(move |_| stage.get() != Stage::Writing);
    let id = comparison.id.as_str();
    view! {
        <div class="question" id="explain" tabindex="-1" aria-labelledby="explain-prompt">
            <p class="question__kind">"Explain it, as in the interview"</p>
            <h2 class="question__prompt" id="explain-prompt">
                "Explain the difference: " <Title comparison=comparison />
            </h2>
            <label class="field__label" for="explain-answer">"Your answer (type, or dictate with your keyboard's microphone)"</label>
            <textarea
                id="explain-answer"
                class="explain__answer"
                rows="6"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
                readonly=move || stage.get() != Stage::Writing
            ></textarea>
            <Show when=move || stage.get() == Stage::Writing>
                <div class="summary__actions">
                    <button class="button button--primary" type="button" on:click=reveal>
                        "Show the points"
                    </button>
                </div>
            </Show>
        </div>
        {move || revealed.get().then(|| view! {
            <section class="feedback" aria-labelledby="checklist-title">
                <h2 class="summary__subtitle" id="checklist-title" tabindex="-1">"Which points did your answer cover?"</h2>
                <p class="check__hint">{RULE}</p>
                <ul class="checklist">{items()}</ul>
                <p role="status">
                    {move || {
                        let k = covered();
                        format!(
                            "Covered {k} of {total} ({} %): {}",
                            practice::percent(k, total),
                            practice::explain_grade(k, total).label()
                        )
                    }}
                </p>
                <Show
                    when=move || stage.get() == Stage::Checking
                    fallback=move || view! {
                        <div class="summary" id="explain-result" tabindex="-1" role="status">
                            <p class="feedback__verdict">{move || match stage.get() {
                                Stage::Graded(k, n) => format!("Graded {}: {k} of {n} points.", practice::explain_grade(k, n).label()),
                                _ => String::new(),
                            }}</p>
                            <History id=id.to_string() />
                            <div class="summary__actions">
                                <button class="button button--primary" type="button" on:click=move |_| next()>"Next comparison"</button>
                            </div>
                        </div>
                    }
                >
                    <div class="summary__actions">
                        <button class="button button--primary" type="button" on:click=grade>"Grade my answer"</button>
                    </div>
                </Show>
            </section>
        })}
    }
}

/// The user's earlier explanations of a comparison, newest first (the comparison's screen
/// shows them too).
#[component]
pub fn History(id: String) -> impl IntoView {
    let app: AppState = expect_context();
    let card = crate::domain::cards::explain_id(&id);
    // Follows the record: an import or another tab's explanation shows up here.
    let entries = Memo::new(move |_| {
        app.progress
            .with(|p| crate::domain::stats::explanations(p, &card))
    });
    move || {
        let entries = entries.get();
        let id = id.clone();
        (!entries.is_empty()).then(move || view! {
            <section aria-labelledby=format!("history-{id}")>
                <h3 class="summary__subtitle" id=format!("history-{id}")>"Your answers to this one"</h3>
                <ol class="history">
                    {entries
                        .into_iter()
                        .map(|(day, w)| {
                            view! {
                                <li class="history__item">
                                    <strong>{crate::domain::calendar::iso(day)}</strong>
                                    {format!(" — covered {} of {} ({} %)", w.covered, w.of, practice::percent(w.covered.into(), w.of.into()))}
                                    <p class="history__text">{if w.text.is_empty() { "(nothing written)".to_string() } else { w.text }}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </section>
        })
    }
}
