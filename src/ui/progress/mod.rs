//! Progress: where the user stands. Mastery per phase and comparison (FSRS recall), the
//! week ahead, a heatmap of twelve weeks, streaks, the most confused pairs, personal
//! bests, the interview countdown with projected readiness, reminders as a calendar file
//! (`domain::ics`), and the storage status. Charts
//! are SVG drawn here, labelled with numbers (readable without colour) and backed by text.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::backup::backup_due;
use crate::domain::calendar;
use crate::domain::cards::{cards, Card, Scope};
use crate::domain::ics;
use crate::domain::matching::{describe_key, format_tenths};
use crate::domain::plan;
use crate::domain::stats::{self, DeckMastery, PhaseMastery, STREAK_MIN_REVIEWS};
use crate::platform::clock;
use crate::platform::document::set_title;
use crate::platform::download::download_text;
use crate::platform::location::link_to;
use crate::route::Route;
use crate::state::{now, AppState};
use crate::ui::plan::{plan_text, InterviewDate};
use crate::ui::shell::SCREEN_TITLE;
use crate::view::short_title;

fn percent(x: f32) -> u32 {
    (x * 100.0).round() as u32
}

#[component]
pub fn ProgressScreen() -> impl IntoView {
    let app: AppState = expect_context();
    set_title("Progress — diffdeck");
    let library = app.library.get_untracked();
    let all_cards = cards(&library, &Scope::default());
    let today = now();

    let mastery = {
        let (all_cards, library) = (all_cards.clone(), library.clone());
        Memo::new(move |_| {
            app.study().with(|d| {
                stats::mastery_by_deck(&library, &all_cards, d.scheduler(), d.states(), today.day)
            })
        })
    };
    let overall = {
        let all_cards = all_cards.clone();
        Memo::new(move |_| {
            let all: Vec<_> = all_cards.iter().collect();
            app.study()
                .with(|d| stats::mastery(d.scheduler(), &all, d.states(), today.day))
        })
    };
    let interview = move || {
        app.progress
            .with(|p| p.settings.interview_day)
            .filter(|d| *d > today.day)
    };
    // Each deck's plan to the interview with its own daily limit, and the forecast: every
    // card's state on the day if the plans are kept (the cards they will teach included).
    let plans = {
        let (all_cards, library) = (all_cards.clone(), library.clone());
        Memo::new(move |_| {
            let day = interview()?;
            app.progress.with(|p| {
                app.study().with(|d| {
                    let first_day = |card: &str| d.first_day(card);
                    let mut end = std::collections::BTreeMap::new();
                    let mut lines = Vec::new();
                    for deck in &library.decks {
                        let of_deck: Vec<&Card> =
                            all_cards.iter().filter(|c| c.deck.id == deck.id).collect();
                        let ids: Vec<String> = of_deck.iter().map(|c| c.id.clone()).collect();
                        let (limit, seen) =
                            plan::deck_today(&ids, d.states(), first_day, &p.settings, today.day);
                        let states = d.states();
                        let Some(plan) = plan::plan(
                            &of_deck,
                            states,
                            d.scheduler(),
                            today,
                            day,
                            seen,
                            Some(limit),
                        ) else {
                            continue;
                        };
                        end.extend(plan.end.clone());
                        lines.push((short_title(&deck.title).to_string(), of_deck.len(), plan));
                    }
                    let forecast =
                        stats::mastery_by_deck(&library, &all_cards, d.scheduler(), &end, day);
                    Some((forecast, lines))
                })
            })
        })
    };
    // From what is derived from the record, kept in step with it: nothing here walks the
    // review log (see `domain::derive`).
    let study = app.study();
    let due = Memo::new(move |_| study.with(|d| stats::due_ahead(d.states(), today, 7)));
    let heat = Memo::new(move |_| study.with(|d| stats::heatmap(d.per_day(), today.day)));
    let streak = Memo::new(move |_| study.with(|d| stats::streaks(d.per_day(), today.day)));
    let confused = Memo::new(move |_| app.progress.with(|p| stats::most_confused(p, 5)));
    // Walks the log's practice reviews: this screen, not an interaction, reads it.
    let practice = {
        let library = app.library.get_untracked();
        Memo::new(move |_| {
            app.progress
                .with(|p| study.with(|d| stats::practice(p, &library, d.states(), today.day)))
        })
    };
    let reviewed_today = move || study.with(|d| d.reviews_on(today.day));
    let total = move || study.with(|d| d.total_reviews());

    // The plan, or the next 30 days' reviews, as a calendar file (`domain::ics`).
    let study_time = NodeRef::<leptos::html::Input>::new();
    let add_to_calendar = move |_| {
        let (hour, minute) = study_time
            .get_untracked()
            .and_then(|i| {
                let value = i.value();
                let (h, m) = value.split_once(":")?;
                Some((h.parse::<u32>().ok()?, m.parse::<u32>().ok()?))
            })
            .unwrap_or((19, 0));
        let days: Vec<(i32, usize, usize)> = match plans.get_untracked() {
            Some((_, lines)) => {
                let mut per_day = std::collections::BTreeMap::<i32, (usize, usize)>::new();
                for day in lines.iter().flat_map(|(_, _, plan)| &plan.days) {
                    let e = per_day.entry(day.day).or_default();
                    e.0 += day.reviews;
                    e.1 += day.new;
                }
                per_day.into_iter().map(|(d, (r, n))| (d, r, n)).collect()
            }
            None => study.with_untracked(|d| {
                let due = stats::due_ahead(d.states(), today, 30);
                (0..30).map(|i| (today.day + i as i32, due[i], 0)).collect()
            }),
        };
        let sessions: Vec<ics::Session> = days
            .into_iter()
            .map(|(day, reviews, new)| {
                let (y, m, d) = calendar::date_of(day);
                ics::Session {
                    day,
                    start_ms: clock::local_ms(y, m, d, hour, minute),
                    reviews,
                    new,
                }
            })
            .collect();
        // The app's address (scheme and path dropped) names it in each event's UID.
        let page = link_to("");
        let host = page
            .split_once("://")
            .and_then(|(_, rest)| rest.split_once("/"))
            .map_or("", |(host, _)| host);
        let file = ics::calendar(
            &sessions,
            interview(),
            &link_to(
                &Route::Flashcards {
                    only: Vec::new(),
                    deck: None,
                }
                .href(),
            ),
            if host.is_empty() { "diffdeck" } else { host },
            now().ms,
        );
        download_text("diffdeck-study-plan.ics", &file, "text/calendar");
    };

    // (None, or whether an export was ever made.)
    let backup = move || {
        app.progress
            .with(|p| backup_due(p, today.ms).then_some(p.last_export_ms > 0))
    };

    view! {
        <section class="progress" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                "Progress"
            </h1>
            <Show when=move || backup().is_some()>
                <div class="update" role="status">
                    <p>
                        {move || if backup() == Some(true) {
                            "You have reviews that are not in a backup yet, and the last export is more than a week old."
                        } else {
                            "A week of reviews and no backup yet: export one, and your progress survives a lost phone or a cleared browser."
                        }}
                    </p>
                    <a class="button button--primary" href="#/settings">
                        "Export in settings"
                    </a>
                </div>
            </Show>
            <div class="tiles-stats">
                <Stat label="Current streak" value=Signal::derive(move || days(streak.get().0)) />
                <Stat label="Longest streak" value=Signal::derive(move || days(streak.get().1)) />
                <Stat label="Reviews today" value=Signal::derive(move || reviewed_today().to_string()) />
                <Stat label="Reviews in all" value=Signal::derive(move || total().to_string()) />
                <Stat label="Mastery, every deck" value=Signal::derive(move || format!("{} %", percent(overall.get()))) />
            </div>
            <p class="check__hint">{format!("A day counts towards a streak at {STREAK_MIN_REVIEWS} reviews; drills and explanations count too.")}</p>

            <h2 class="settings__group">"Interview practice"</h2>
            <div class="tiles-stats" id="practice-stats">
                <Stat label="Drills due" value=Signal::derive(move || format!("{} of {}", practice.get().drills_due, practice.get().drills)) />
                <Stat label="Drills answered" value=Signal::derive(move || practice.get().drill_answers.to_string()) />
                <Stat label="Drills right" value=Signal::derive(move || practice.get().drill_accuracy.map_or("–".to_string(), |p| format!("{p} %"))) />
                <Stat label="Comparisons explained" value=Signal::derive(move || practice.get().explained.to_string()) />
                <Stat label="Points covered" value=Signal::derive(move || practice.get().covered.map_or("–".to_string(), |p| format!("{p} %"))) />
            </div>
            <p class="summary__actions">
                <a class="button" href="#/predict">"Predict drills"</a>
                <a class="button" href="#/explain">"Explain a comparison"</a>
            </p>

            <h2 class="settings__group">
                {move || match interview() {
                    Some(day) => {
                        let left = day - today.day;
                        format!("Interview in {left} day{}", if left == 1 { "" } else { "s" })
                    }
                    None => "Your interview".to_string(),
                }}
            </h2>
            <InterviewDate hint="Optional: with a date, each deck gets a plan to it, and the forecast below." />
            {move || {
                plans
                    .get()
                    .map(|(_, lines)| {
                        lines
                            .into_iter()
                            .map(|(name, n, plan)| {
                                view! {
                                    <h3 class="plan__deck">{name}</h3>
                                    {plan_text(&plan, n, &[])}
                                }
                            })
                            .collect_view()
                    })
            }}
            {move || {
                interview()
                    .map(|day| {
                        view! {
                            <p class="check__hint">
                                {format!("On {}: how much you are likely to recall if you keep to the plan (each card reviewed when due, new cards as planned).", calendar::short(day))}
                            </p>
                            <DeckBars decks=Signal::derive(move || plans.get().map(|p| p.0).unwrap_or_default()) id="readiness" />
                        }
                    })
            }}

            <h2 class="settings__group">"Reminders and your other devices"</h2>
            <p class="check__hint">
                {move || if interview().is_some() {
                    "A study session on your calendar each day until the interview, with the cards expected and a link back here, and the interview itself."
                } else {
                    "A study session on your calendar each day for the next 30 days, with the cards due and a link back here."
                }}
            </p>
            <div class="own__form">
                <label class="field__label" for="study-time">"Study at"</label>
                <input id="study-time" class="field__input field__input--short" type="time" value="19:00" node_ref=study_time />
            </div>
            <p class="summary__actions">
                <button class="button" type="button" on:click=add_to_calendar>"Add to my calendar (.ics)"</button>
                <a class="button" href="#/settings">"Send to another device"</a>
            </p>

            <h2 class="settings__group">"Mastery today"</h2>
            <p class="check__hint">"Likelihood of recalling each deck's and each phase's cards now (FSRS); new cards count as 0 %."</p>
            <DeckBars decks=Signal::derive(move || mastery.get()) id="mastery" />
            <details class="more">
                <summary>"By comparison"</summary>
                <table class="table">
                    <thead>
                        <tr>
                            <th scope="col">"Comparison"</th>
                            <th scope="col">"Mastery"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            mastery
                                .get()
                                .into_iter()
                                .flat_map(|d| d.phases)
                                .flat_map(|p| p.comparisons)
                                .map(|(id, title, m)| {
                                    view! {
                                        <tr>
                                            <td>
                                                <a href=Route::Comparison(id).href()>{title}</a>
                                            </td>
                                            <td>{format!("{} %", percent(m))}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>

            <h2 class="settings__group">"The week ahead"</h2>
            <DueChart due=due />

            <h2 class="settings__group">"Last twelve weeks"</h2>
            <Heatmap heat=heat today=today.day />

            <h2 class="settings__group">"Most confused"</h2>
            {move || {
                let pairs = confused.get();
                if pairs.is_empty() {
                    return view! { <p class="check__hint">"No mix-ups recorded yet: match and quiz record them."</p> }
                        .into_any();
                }
                let ids: BTreeSet<String> = pairs.iter().map(|p| p.comparison.clone()).collect();
                let drill = Route::Flashcards { only: ids.into_iter().collect(), deck: None }.href();
                view! {
                    <ul class="confused">
                        {pairs
                            .into_iter()
                            .map(|p| {
                                view! {
                                    <li>
                                        <strong>{p.right}</strong>
                                        " mistaken for "
                                        <strong>{p.chosen}</strong>
                                        {format!(" — {} time{}", p.count, if p.count == 1 { "" } else { "s" })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <a class="button button--primary" href=drill>
                        "Drill these"
                    </a>
                }
                    .into_any()
            }}

            <h2 class="settings__group">"Personal bests"</h2>
            <Bests />

            <h2 class="settings__group">"Storage"</h2>
            <p>
                {move || match (app.is_persistent(), app.persisted.get()) {
                    (false, _) => "Progress is kept in memory only (see the notice above).",
                    (true, Some(true)) => "The browser keeps this app's data even when space runs low.",
                    (true, Some(false)) => "The browser may clear this app's data when space runs low: export a backup now and then.",
                    (true, None) => "Persistent storage is requested after your first review.",
                }}
            </p>
        </section>
    }
}

fn days(n: u32) -> String {
    format!("{n} day{}", if n == 1 { "" } else { "s" })
}

#[component]
fn Stat(label: &'static str, value: Signal<String>) -> impl IntoView {
    view! {
        <div class="stat">
            <p class="stat__value">{move || value.get()}</p>
            <p class="stat__label">{label}</p>
        </div>
    }
}

/// Per deck, its mastery and one bar per phase.
#[component]
fn DeckBars(decks: Signal<Vec<DeckMastery>>, id: &'static str) -> impl IntoView {
    view! {
        <div id=id>
            {move || {
                decks
                    .get()
                    .into_iter()
                    .map(|d| {
                        let pct = percent(d.mastery);
                        let phases = d.phases.clone();
                        view! {
                            <h3 class="deck-mastery__title">
                                {d.title.clone()}
                                <span class="deck-mastery__value">{format!(" — {pct} %")}</span>
                            </h3>
                            <MasteryBars phases=Signal::derive(move || phases.clone()) />
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Horizontal bars, one per phase, each with its number as text.
#[component]
fn MasteryBars(phases: Signal<Vec<PhaseMastery>>) -> impl IntoView {
    view! {
        <ul class="bars">
            {move || {
                phases
                    .get()
                    .into_iter()
                    .map(|p| {
                        let pct = percent(p.mastery);
                        view! {
                            <li class="bar">
                                <span class="bar__label">{format!("Phase {} – {}", p.number, p.title)}</span>
                                <span class="bar__track" aria-hidden="true">
                                    <span class="bar__fill" style:width=format!("{pct}%")></span>
                                </span>
                                <span class="bar__value">{format!("{pct} %")}</span>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// Cards due over the next seven days: an SVG column chart with counts on the columns, and
/// the same numbers as a sentence for screen readers.
#[component]
fn DueChart(due: Memo<Vec<usize>>) -> impl IntoView {
    const W: usize = 320;
    const H: usize = 120;
    let label = |i: usize| match i {
        0 => "Today".to_string(),
        1 => "Tmrw".to_string(),
        n => format!("+{n}d"),
    };
    view! {
        <figure class="chart">
            {move || {
                let due = due.get();
                let max = due.iter().copied().max().unwrap_or(0).max(1);
                let col = W / due.len().max(1);
                let bars = due
                    .iter()
                    .enumerate()
                    .map(|(i, &n)| {
                        let h = (H - 40) * n / max;
                        let x = i * col + 6;
                        let y = H - 20 - h;
                        view! {
                            <rect class="chart__bar" x=x y=y width=col - 12 height=h.max(1) rx="3" />
                            <text class="chart__num" x=x + (col - 12) / 2 y=y - 4 text-anchor="middle">{n}</text>
                            <text class="chart__axis" x=x + (col - 12) / 2 y=H - 4 text-anchor="middle">{label(i)}</text>
                        }
                    })
                    .collect_view();
                let summary = due
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("{}: {n}", match i { 0 => "today".into(), 1 => "tomorrow".into(), d => format!("in {d} days") }))
                    .collect::<Vec<_>>()
                    .join(", ");
                view! {
                    <svg class="chart__svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=format!("Cards due — {summary}")>
                        {bars}
                    </svg>
                }
            }}
        </figure>
    }
}

/// Reviews per day, twelve weeks in columns of seven days; shade and a number in each
/// cell's title, plus a summary sentence.
#[component]
fn Heatmap(heat: Memo<Vec<(i32, usize)>>, today: i32) -> impl IntoView {
    const CELL: i32 = 14;
    view! {
        <figure class="chart">
            {move || {
                let heat = heat.get();
                let first = heat.first().map_or(today, |(d, _)| *d);
                let active = heat.iter().filter(|(_, n)| *n > 0).count();
                let reviews: usize = heat.iter().map(|(_, n)| n).sum();
                let cells = heat
                    .iter()
                    .map(|&(day, n)| {
                        let offset = day - first;
                        let (x, y) = ((offset / 7) * (CELL + 3), (offset % 7) * (CELL + 3));
                        let level = match n {
                            0 => 0,
                            1..=4 => 1,
                            5..=9 => 2,
                            10..=19 => 3,
                            _ => 4,
                        };
                        view! {
                            <rect class=format!("heat heat--{level}") x=x y=y width=CELL height=CELL rx="3">
                                <title>{format!("{}: {n} reviews", calendar::iso(day))}</title>
                            </rect>
                        }
                    })
                    .collect_view();
                let width = 12 * (CELL + 3);
                let height = 7 * (CELL + 3);
                let summary = format!("{reviews} reviews on {active} of the last 84 days");
                view! {
                    <svg class="chart__svg chart__svg--heat" viewBox=format!("0 0 {width} {height}") role="img" aria-label=summary.clone()>
                        {cells}
                    </svg>
                    <figcaption class="check__hint">{summary} ". Darker: more reviews; each square is a day, oldest at the top left."</figcaption>
                }
            }}
        </figure>
    }
}

#[component]
fn Bests() -> impl IntoView {
    let app: AppState = expect_context();
    let library = app.library.get_untracked();
    let describe = move |key: &str| describe_key(key, &library);
    view! {
        {move || {
            let records = app.progress.with(|p| p.records.clone());
            if records.best_match.is_empty() && records.best_quiz.is_empty() {
                return view! { <p class="check__hint">"Play match or a quiz to set your first records."</p> }.into_any();
            }
            view! {
                <ul class="bests">
                    {records
                        .best_match
                        .iter()
                        .map(|(k, t)| view! { <li>{format!("Match — {} pairs: {}", describe(k), format_tenths(*t))}</li> })
                        .collect_view()}
                    {records
                        .best_quiz
                        .iter()
                        .map(|(k, s)| view! { <li>{format!("Quiz — {} questions: {s} points", describe(k))}</li> })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
    }
}
