//! Match: pair each side's name with one of its points against the clock. Tap or click
//! one tile then another; arrows or Tab move between tiles, Enter or Space picks. A right
//! pair clears, a wrong one shakes and costs a second; a polite live region says what
//! happened. Wrong pairs are recorded as confusions and every pair grades its card,
//! unless "practice only" is on.

use leptos::prelude::*;

use crate::domain::cards::{Scope, Selection};
use crate::domain::matching::{clipped, format_tenths, scope_key, Board, Pick, Size, TileKind};
use crate::domain::progress::{Best, Confusion, Source};
use crate::platform::document::{focus_by_id, set_title};
use crate::state::{now, AppState};
use crate::ui::fields::{Check, SetupForm};
use crate::ui::round::use_round;
use crate::ui::scope::ScopeSelect;
use crate::ui::shell::SCREEN_TITLE;

/// Wide screens get 8 pairs in 4 columns; phones 6 pairs in 2 columns.
fn wide() -> bool {
    window()
        .match_media("(min-width: 40rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn tile_id(i: usize) -> String {
    format!("tile-{i}")
}

#[component]
pub fn MatchScreen() -> impl IntoView {
    let app: AppState = expect_context();
    set_title("Match — diffdeck");
    // What the learner has studied, where there is enough of it; else the deck on screen.
    let studied = app.studied();
    let scope = RwSignal::new(Scope {
        selection: studied
            .clone()
            .map_or_else(|| app.deck_on_screen(), Selection::Studied),
        pairs: false,
        points: true,
    });
    let practice = RwSignal::new(false);
    let board: RwSignal<Option<Board>> = RwSignal::new(None);
    let columns = RwSignal::new(2usize);
    let announcement = RwSignal::new(String::new());
    let wrong: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    // The last wrong pair in words, on screen until the next pick.
    let feedback: RwSignal<Option<String>> = RwSignal::new(None);
    let clock = RwSignal::new(0i64);
    // The cleared board's time (tenths of a second) and how it stands against the best.
    let record: RwSignal<Option<(u32, Best)>> = RwSignal::new(None);
    // Bumped for each new board.
    let generation = RwSignal::new(0u32);

    let round = use_round(move |t| {
        if board.with_untracked(|b| {
            b.as_ref()
                .is_some_and(|b| b.started_ms.is_some() && !b.is_done())
        }) {
            clock.set(t.ms);
        }
    });

    let records_key = move || {
        let pairs = board.with_untracked(|b| b.as_ref().map_or(0, |b| b.pairs.len()));
        format!("{}:{pairs}", scope.with_untracked(scope_key))
    };

    let start = move || {
        let is_wide = wide();
        columns.set(if is_wide { 4 } else { 2 });
        let b = Board::new(
            &app.library.get_untracked(),
            &scope.get_untracked(),
            if is_wide { Size::WIDE } else { Size::PHONE },
            now().ms as u64,
        );
        announcement.set(format!(
            "New board: {} pairs. Pick a name, then its description.",
            b.pairs.len()
        ));
        board.set(Some(b));
        round.begin();
        generation.update(|g| *g += 1);
        record.set(None);
        wrong.set(None);
        feedback.set(None);
        clock.set(0);
        request_animation_frame(|| focus_by_id("tile-0"));
    };

    let pick = move |tile: usize| {
        let t = now();
        let Some(result) = board
            .try_update(|b| b.as_mut().map(|b| b.pick(tile, t.ms)))
            .flatten()
        else {
            return;
        };
        clock.set(t.ms);
        if result != Pick::Ignored {
            feedback.set(None);
        }
        let Some(b) = board.get_untracked() else {
            return;
        };
        let text = |i: usize| -> String {
            let tile = &b.tiles[i];
            let pair = &b.pairs[tile.pair];
            match tile.kind {
                TileKind::Name => pair.name().to_string(),
                TileKind::Description => pair.description.clone(),
            }
        };
        match result {
            Pick::Selected => announcement.set(format!("Selected: {}", text(tile))),
            Pick::Deselected => announcement.set("Selection cleared".into()),
            Pick::Matched { pair } => {
                let p = &b.pairs[pair];
                announcement.set(format!("Matched: {} — {}", p.name(), p.description));
                // The picked tile is now disabled: keep keyboard focus on the board, at once
                // (a deferred move could land after the user's next key press).
                let n = b.tiles.len();
                if let Some(next) = (1..n).map(|k| (tile + k) % n).find(|&i| !b.is_cleared(i)) {
                    focus_by_id(&tile_id(next));
                }
                if !practice.get_untracked() {
                    if let Some(grade) = b.grades[pair] {
                        app.record(&p.card_id, grade, Source::Match, None, t);
                    }
                }
            }
            Pick::Mismatched { name, description } => {
                let (n, d) = (&b.pairs[name], &b.pairs[description]);
                announcement.set(format!(
                    "Not a pair: “{}” belongs to {}. One second added.",
                    d.description,
                    d.name()
                ));
                feedback.set(Some(format!(
                    "“{}” belongs to {}.",
                    clipped(&d.description, 36),
                    d.name()
                )));
                let tiles = (
                    b.tiles
                        .iter()
                        .position(|x| x.kind == TileKind::Name && x.pair == name)
                        .unwrap_or(0),
                    b.tiles
                        .iter()
                        .position(|x| x.kind == TileKind::Description && x.pair == description)
                        .unwrap_or(0),
                );
                wrong.set(Some(tiles));
                set_timeout(
                    move || _ = wrong.try_set(None),
                    std::time::Duration::from_millis(450),
                );
                if !practice.get_untracked() {
                    let confusion = Confusion {
                        at: t.ms,
                        comparison: d.comparison.id.clone(),
                        right: d.name().to_string(),
                        chosen: n.name().to_string(),
                    };
                    app.record_confusion(confusion);
                }
            }
            Pick::Ignored => {}
        }
        if b.is_done() {
            round.end();
            let tenths = b.tenths(t.ms);
            let best = app.offer_best_match(records_key(), tenths);
            record.set(Some((tenths, best)));
            announcement.set(match best.before {
                Some(_) if best.is_new => {
                    format!("Board cleared in {}: a new best!", format_tenths(tenths))
                }
                Some(before) => format!(
                    "Board cleared in {}. Best: {}.",
                    format_tenths(tenths),
                    format_tenths(before)
                ),
                None => format!("Board cleared in {}.", format_tenths(tenths)),
            });
            request_animation_frame(|| focus_by_id("match-result"));
        }
    };

    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(b) = board.get_untracked() else {
            return;
        };
        let active = document().active_element().and_then(|el| {
            el.id()
                .strip_prefix("tile-")
                .and_then(|n| n.parse::<usize>().ok())
        });
        let Some(from) = active else { return };
        let cols = columns.get_untracked() as isize;
        let step: isize = match ev.key().as_str() {
            "ArrowRight" => 1,
            "ArrowLeft" => -1,
            "ArrowDown" => cols,
            "ArrowUp" => -cols,
            _ => return,
        };
        ev.prevent_default();
        let n = b.tiles.len() as isize;
        let mut i = from as isize + step;
        // Skip cleared tiles in the direction of travel.
        while (0..n).contains(&i) && b.is_cleared(i as usize) {
            i += step;
        }
        if (0..n).contains(&i) {
            focus_by_id(&tile_id(i as usize));
        }
    };

    let playing = Memo::new(move |_| board.with(Option::is_some));
    view! {
        <section
            class=move || if playing.get() { "match match--playing" } else { "match" }
            aria-labelledby=SCREEN_TITLE
        >
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                "Match"
            </h1>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true">
                {move || announcement.get()}
            </p>
            <Show
                when=move || playing.get()
                fallback=move || {
                    let studied = studied.clone();
                    view! {
                        <SetupForm on_start=Callback::new(move |_| start())>
                            <p class="setup__intro">
                                "Pair each name with what is true of it, as fast as you can. A wrong pair adds a second."
                            </p>
                            <ScopeSelect scope=scope studied=studied />
                            <PracticeOnly practice=practice />
                            </SetupForm>
                    }
                }
            >
                <div class="match__bar">
                    <p class="match__timer" role="timer" aria-label="Time">
                        {move || {
                            clock.track();
                            board.with(|b| b.as_ref().map(|b| format_tenths(b.tenths(clock.get_untracked()))))
                        }}
                    </p>
                    <p class="match__best">
                        {move || {
                            board.track();
                            let key = records_key();
                            app.progress
                                .with(|p| p.records.best_match.get(&key).map(|b| format!("Best {}", format_tenths(*b))))
                        }}
                    </p>
                </div>
                <div
                    hidden=move || record.with(Option::is_some)
                    class=move || format!("tiles tiles--{}", columns.get())
                    role="group"
                    aria-label="Tiles: names and descriptions"
                    on:keydown=on_key
                >
                    {move || {
                        // Rebuilt only for a new board: picks change the tiles' attributes.
                        generation.track();
                        let n = board.with_untracked(|b| b.as_ref().map_or(0, |b| b.tiles.len()));
                        (0..n)
                            .map(|i| view! { <TileButton board=board index=i wrong=wrong pick=pick /> })
                            .collect_view()
                    }}
                </div>
                // Visible as well as announced: which side the description belongs to.
                // Under the board: a message never moves the tiles under a finger.
                <p class="match__feedback" aria-hidden="true">
                    {move || feedback.get().map(|text| view! {
                        <span class="match__penalty">"+1 s"</span>
                        " "
                        {text}
                    })}
                </p>
                <Show when=move || record.get().is_some()>
                    <div class="summary" id="match-result" tabindex="-1" role="status">
                        <h2 class="summary__title">"Board cleared"</h2>
                        <p>
                            {move || {
                                record
                                    .get()
                                    .map(|(t, best)| match best.before {
                                        Some(b) if best.is_new => format!("{} — a new best (was {}).", format_tenths(t), format_tenths(b)),
                                        Some(b) => format!("{} — your best is {}.", format_tenths(t), format_tenths(b)),
                                        None => format!("{} — your first time on this board size.", format_tenths(t)),
                                    })
                            }}
                        </p>
                        <p>
                            {move || {
                                board.with(|b| b.as_ref().map(|b| match b.mistakes {
                                    0 => "No wrong pairs.".to_string(),
                                    1 => "1 wrong pair: it comes back in your flashcards.".to_string(),
                                    n => format!("{n} wrong pairs: they come back in your flashcards."),
                                }))
                            }}
                        </p>
                        <div class="summary__actions">
                            <button class="button button--primary" type="button" on:click=move |_| start()>
                                "Play again"
                            </button>
                            <button class="button" type="button" on:click=move |_| board.set(None)>
                                "Change scope"
                            </button>
                        </div>
                    </div>
                </Show>
            </Show>
        </section>
    }
}

#[component]
fn TileButton(
    board: RwSignal<Option<Board>>,
    index: usize,
    wrong: RwSignal<Option<(usize, usize)>>,
    pick: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let (kind, text) = board
        .with_untracked(|b| {
            b.as_ref().map(|b| {
                let tile = &b.tiles[index];
                let pair = &b.pairs[tile.pair];
                match tile.kind {
                    TileKind::Name => (TileKind::Name, pair.name().to_string()),
                    TileKind::Description => (TileKind::Description, pair.description.clone()),
                }
            })
        })
        .unwrap_or((TileKind::Name, String::new()));
    let selected = move || board.with(|b| b.as_ref().is_some_and(|b| b.selected == Some(index)));
    let cleared = move || {
        board.with(|b| {
            b.as_ref()
                .is_some_and(|b| index < b.tiles.len() && b.is_cleared(index))
        })
    };
    let is_wrong = move || wrong.get().is_some_and(|(a, b)| a == index || b == index);
    let class = move || {
        let mut c = String::from(match kind {
            TileKind::Name => "tile tile--name",
            TileKind::Description => "tile tile--description",
        });
        if selected() {
            c.push_str(" is-selected");
        }
        if cleared() {
            c.push_str(" is-cleared");
        }
        if is_wrong() {
            c.push_str(" is-wrong");
        }
        c
    };
    view! {
        <button
            id=tile_id(index)
            class=class
            type="button"
            aria-pressed=move || selected().to_string()
            disabled=cleared
            on:click=move |_| pick(index)
        >
            {text}
        </button>
    }
}

/// "Practice only": play without recording grades or confusions.
#[component]
pub fn PracticeOnly(practice: RwSignal<bool>) -> impl IntoView {
    view! {
        <Check
            label="Practice only"
            hint="Don’t grade cards or record mix-ups."
            checked=practice
            on_change=Callback::new(move |on| practice.set(on))
        />
    }
}
