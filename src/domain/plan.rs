//! The plan to the interview: how many new cards a day see a scope in time, and the
//! reviews that follow from them, worked out by the scheduler itself.
//!
//! New cards are spread evenly over the days before the interview; with three days or
//! more to go, the last day before it is kept for reviews. The reviews are a simulation:
//! every card is studied on the day it falls due and recalled (graded Good), under the
//! same scheduler (and so the same interview deadline) as real reviews. The simulation's
//! end state gives the forecast: the recall expected on the interview day if the plan is
//! kept, counting the cards it will teach.

use std::collections::BTreeMap;

use super::cards::Scheduled;
use super::fsrs::Grade;
use super::progress::Settings;
use super::schedule::{CardState, Now, Scheduler, Stage};
use super::stats::recall;

/// More new cards a day than this is not a plan one keeps for a week: such a plan "does
/// not fit", and the daily limit stops here.
pub const MAX_NEW_PER_DAY: usize = 50;

/// One day of a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub day: i32,
    /// New cards to see that day.
    pub new: usize,
    /// Reviews expected that day (each card once, whatever its learning steps).
    pub reviews: usize,
}

/// A plan from today to the interview.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub interview_day: i32,
    /// Cards of the scope not yet seen when today began.
    pub unseen: usize,
    /// Of those, the cards seen today already.
    pub seen_today: usize,
    /// New cards a day that would see them all in time.
    pub needed: usize,
    /// New cards a day (the pace that sees them all in time, or the learner's own limit).
    pub new_per_day: usize,
    /// True when the scope is seen in time at no more than [`MAX_NEW_PER_DAY`] a day.
    pub fits: bool,
    /// Today first, up to the day before the interview.
    pub days: Vec<Day>,
    /// Mean recall over the scope on the interview day, if the plan is kept (0 to 1).
    pub readiness: f32,
    /// Each card's state on the interview day, if the plan is kept (cards the plan does
    /// not reach are absent): the forecast by deck and phase reads these.
    pub end: BTreeMap<String, CardState>,
}

impl Plan {
    pub fn today(&self) -> Day {
        self.days[0]
    }

    /// How many of the cards unseen this morning the plan shows by the interview.
    pub fn reached(&self) -> usize {
        self.seen_today + self.days.iter().map(|d| d.new).sum::<usize>()
    }

    /// The last day with new cards, if any are left to see.
    pub fn last_new_day(&self) -> Option<i32> {
        self.days.iter().rev().find(|d| d.new > 0).map(|d| d.day)
    }
}

/// Days on which new cards are introduced, from `today` to the interview on `interview_day`.
pub fn new_days(today: i32, interview_day: i32) -> i32 {
    let days = interview_day - today;
    if days >= 3 {
        days - 1
    } else {
        days.max(1)
    }
}

/// New cards a day that see `unseen` cards in `days` days.
pub fn pace(unseen: usize, days: i32) -> usize {
    unseen.div_ceil(days.max(1) as usize)
}

/// The daily new-card limit the plan sets for a set of cards (a deck): its pace, at most
/// [`MAX_NEW_PER_DAY`]. `unseen` counts the cards first seen today as unseen.
pub fn limit(unseen: usize, today: i32, interview_day: i32) -> usize {
    pace(unseen, new_days(today, interview_day)).min(MAX_NEW_PER_DAY)
}

/// A deck's daily limit of new cards on `today`: with an interview ahead and the plan
/// followed, the pace that sees the deck's `unseen` cards in time (those first seen today
/// count as unseen, so the limit holds all day); else the learner's number. Extra cards
/// asked for today come on top.
pub fn daily_limit(settings: &Settings, unseen: usize, today: i32) -> usize {
    let base = match settings.interview_day {
        Some(day) if settings.follow_plan && day > today => limit(unseen, today, day),
        _ => settings.new_per_day as usize,
    };
    base + settings.extra_new_on(today)
}

/// One deck's limit of new cards today, and how many of its `cards` (of the kinds
/// studied) were first seen today. `first_day`: the study day a card was first seen, if
/// that was since the record was last compacted.
pub fn deck_today(
    cards: &[String],
    states: &BTreeMap<String, CardState>,
    first_day: impl Fn(&str) -> Option<i32>,
    settings: &Settings,
    today: i32,
) -> (usize, usize) {
    let seen_today = cards
        .iter()
        .filter(|c| first_day(c.as_str()) == Some(today))
        .count();
    let unseen = cards.iter().filter(|c| !states.contains_key(*c)).count();
    (
        daily_limit(settings, unseen + seen_today, today),
        seen_today,
    )
}

/// The new cards each deck may still show today. `decks`: each deck's id and its cards.
pub fn new_left<'a>(
    decks: impl IntoIterator<Item = (&'a str, &'a [String])>,
    states: &BTreeMap<String, CardState>,
    first_day: impl Fn(&str) -> Option<i32>,
    settings: &Settings,
    today: i32,
) -> BTreeMap<String, usize> {
    decks
        .into_iter()
        .map(|(deck, cards)| {
            let (limit, seen_today) = deck_today(cards, states, &first_day, settings, today);
            (deck.to_string(), limit.saturating_sub(seen_today))
        })
        .collect()
}

/// The plan for `cards` from `now` to `interview_day`, or `None` when the interview is not
/// ahead. `seen_today` of the cards were first seen today (they count towards today's new
/// cards); `own_limit` is the learner's own daily limit, if they set one (the plan then
/// keeps to it, and may not fit).
pub fn plan(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    scheduler: &Scheduler,
    now: Now,
    interview_day: i32,
    seen_today: usize,
    own_limit: Option<usize>,
) -> Option<Plan> {
    let span = interview_day - now.day;
    if span < 1 {
        return None;
    }
    let unseen_now = cards
        .iter()
        .filter(|c| {
            states
                .get(c.card_id())
                .is_none_or(|s| s.stage == Stage::New)
        })
        .count();
    let unseen = unseen_now + seen_today;
    let new_days = new_days(now.day, interview_day);
    let needed = pace(unseen, new_days);
    let new_per_day = own_limit.unwrap_or_else(|| needed.min(MAX_NEW_PER_DAY));
    let fits = needed <= MAX_NEW_PER_DAY && new_per_day >= needed;

    let mut days: Vec<Day> = (0..span)
        .map(|i| Day {
            day: now.day + i,
            new: 0,
            reviews: 0,
        })
        .collect();
    let at = |day: i32| {
        if day == now.day {
            now
        } else {
            now.plus_days(day - now.day)
        }
    };
    let mut end = BTreeMap::new();
    // What each card will go through: from its state, a review on each day it falls due.
    let mut follow = |id: &str, mut state: CardState, days: &mut [Day]| {
        for _ in 0..64 {
            let due = match state.stage {
                Stage::Review => state.due_day,
                _ => Now::new(state.due_ms, now.utc_offset_min).day,
            }
            .max(now.day);
            if due >= interview_day {
                break;
            }
            days[(due - now.day) as usize].reviews += 1;
            state = learned(scheduler, Some(&state), at(due));
        }
        end.insert(id.to_string(), state);
    };
    let new_left_today = new_per_day.saturating_sub(seen_today);
    let mut day = now.day;
    let mut on_day = 0;
    for card in cards {
        match states.get(card.card_id()) {
            Some(s) if s.stage != Stage::New => follow(card.card_id(), s.clone(), &mut days),
            _ => {
                // The next day with room for a new card, before the last day for new cards.
                let room = |day: i32, on_day: usize, left_today: usize| {
                    if day == now.day {
                        on_day < left_today
                    } else {
                        on_day < new_per_day
                    }
                };
                while day < now.day + new_days && !room(day, on_day, new_left_today) {
                    day += 1;
                    on_day = 0;
                }
                if day >= now.day + new_days {
                    continue; // never reached before the interview: recalled as 0
                }
                on_day += 1;
                days[(day - now.day) as usize].new += 1;
                let first = learned(scheduler, None, at(day));
                follow(card.card_id(), first, &mut days);
            }
        }
    }
    Some(Plan {
        interview_day,
        unseen,
        seen_today,
        needed,
        new_per_day,
        fits,
        days,
        readiness: if cards.is_empty() {
            0.0
        } else {
            end.values()
                .map(|s| recall(scheduler, Some(s), interview_day))
                .sum::<f32>()
                / cards.len() as f32
        },
        end,
    })
}

/// A card studied at `now` and recalled: through its learning steps that day, if any.
fn learned(scheduler: &Scheduler, state: Option<&CardState>, now: Now) -> CardState {
    let mut state = scheduler.grade(state, Grade::Good, now);
    for _ in 0..8 {
        if state.stage == Stage::Review {
            break;
        }
        let later = Now::new(state.due_ms.max(now.ms), now.utc_offset_min);
        state = scheduler.grade(Some(&state), Grade::Good, later);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::Config;

    const T0: i64 = 1_764_000_000_000;

    struct Id(String);
    impl Scheduled for Id {
        fn card_id(&self) -> &str {
            &self.0
        }
        fn deck_id(&self) -> &str {
            "d"
        }
    }

    fn cards(n: usize) -> Vec<Id> {
        (0..n).map(|i| Id(format!("pair:c{i}"))).collect()
    }

    fn scheduler(interview_day: i32) -> Scheduler {
        Scheduler {
            config: Config {
                deadline_day: Some(interview_day),
                ..Config::default()
            },
            ..Scheduler::default()
        }
    }

    #[test]
    fn new_cards_are_spread_over_the_days_before_the_interview_keeping_the_last_for_review() {
        assert_eq!(new_days(100, 107), 6, "a week out: six days of new cards");
        assert_eq!(new_days(100, 102), 2, "two days out: both");
        assert_eq!(new_days(100, 101), 1);
        assert_eq!(pace(120, 6), 20);
        assert_eq!(pace(121, 6), 21);
        assert_eq!(pace(0, 6), 0);
        assert_eq!(limit(462, 100, 107), MAX_NEW_PER_DAY, "capped");
        assert_eq!(limit(100, 100, 107), 17);
    }

    #[test]
    fn a_week_out_the_scope_is_seen_in_time_with_its_reviews() {
        let now = Now::new(T0, 0);
        let d = now.day + 7;
        let cards = cards(100);
        let plan = plan(&cards, &BTreeMap::new(), &scheduler(d), now, d, 0, None).unwrap();
        assert_eq!(plan.unseen, 100);
        assert_eq!(plan.new_per_day, 17);
        assert!(plan.fits);
        assert_eq!(plan.days.len(), 7);
        let news: Vec<usize> = plan.days.iter().map(|d| d.new).collect();
        assert_eq!(news, [17, 17, 17, 17, 17, 15, 0]);
        assert_eq!(
            plan.today().reviews,
            0,
            "nothing seen yet, nothing to review today"
        );
        // A card recalled on its first day comes back two days later (FSRS's first
        // interval for Good); every interval ends before the interview, so the last day
        // reviews every card.
        let reviews: Vec<usize> = plan.days.iter().map(|d| d.reviews).collect();
        assert_eq!(reviews, [0, 0, 17, 17, 17, 17, 100]);
        assert!(plan.readiness > 0.85, "{}", plan.readiness);
    }

    #[test]
    fn cards_seen_today_count_towards_today_and_the_pace_does_not_change() {
        let now = Now::new(T0, 0);
        let d = now.day + 7;
        let cards = cards(100);
        let s = scheduler(d);
        let mut states = BTreeMap::new();
        for c in &cards[..5] {
            states.insert(c.0.clone(), learned(&s, None, now));
        }
        let plan = plan(&cards, &states, &s, now, d, 5, None).unwrap();
        assert_eq!(plan.unseen, 100);
        assert_eq!(plan.new_per_day, 17);
        assert_eq!(plan.today().new, 12, "17 today, 5 of them seen");
    }

    #[test]
    fn too_many_cards_do_not_fit_and_an_own_limit_is_kept() {
        let now = Now::new(T0, 0);
        let d = now.day + 7;
        let cards = cards(462);
        let s = scheduler(d);
        let p = plan(&cards, &BTreeMap::new(), &s, now, d, 0, None).unwrap();
        assert!(!p.fits);
        assert_eq!(p.new_per_day, MAX_NEW_PER_DAY);
        assert_eq!(p.days.iter().map(|d| d.new).sum::<usize>(), 300);
        assert_eq!(
            p.end.len(),
            300,
            "the cards never reached have no state on the day"
        );
        assert_eq!((p.reached(), p.needed), (300, 77));
        assert_eq!(p.last_new_day(), Some(now.day + 5));
        let own = plan(&cards, &BTreeMap::new(), &s, now, d, 0, Some(20)).unwrap();
        assert!(!own.fits);
        assert_eq!(own.today().new, 20);
        assert!(own.readiness < p.readiness);
        // A limit that covers the pace fits.
        let small = plan(&cards[..60], &BTreeMap::new(), &s, now, d, 0, Some(20)).unwrap();
        assert!(small.fits);
        assert_eq!(
            small.days.iter().map(|d| d.new).collect::<Vec<_>>(),
            [20, 20, 20, 0, 0, 0, 0]
        );
    }

    #[test]
    fn the_forecast_with_the_plan_is_not_below_today() {
        // Half the cards learned a while ago: today's recall is under 50 %. Keeping the
        // plan reviews them and teaches the rest, so the interview day's is higher.
        let start = Now::new(T0, 0);
        let now = start.plus_days(10);
        let d = now.day + 7;
        let s = scheduler(d);
        let cards = cards(40);
        let mut states = BTreeMap::new();
        for c in &cards[..20] {
            states.insert(c.0.clone(), learned(&s, None, start));
        }
        let today: f32 = cards
            .iter()
            .map(|c| recall(&s, states.get(&c.0), now.day))
            .sum::<f32>()
            / 40.0;
        let plan = plan(&cards, &states, &s, now, d, 0, None).unwrap();
        assert!(today < 0.5);
        assert!(plan.readiness > today, "{} vs {today}", plan.readiness);
        assert_eq!(
            plan.today().reviews,
            20,
            "the overdue cards are today's reviews"
        );
    }

    #[test]
    fn each_deck_has_its_own_limit_and_the_plan_sets_it_unless_the_learner_did() {
        let today = 500;
        let ids = |prefix: &str, n: usize| -> Vec<String> {
            (0..n).map(|i| format!("pair:{prefix}{i}")).collect()
        };
        let (a, b) = (ids("a", 100), ids("b", 30));
        // Deck A had 20 cards first seen today; deck B was added today.
        let mut states = BTreeMap::new();
        let s = scheduler(today + 7);
        for c in &a[..20] {
            states.insert(c.clone(), learned(&s, None, Now::new(T0, 0)));
        }
        let first_day = |c: &str| a[..20].iter().any(|x| x == c).then_some(today);
        let decks = || [("a", &a[..]), ("b", &b[..])];
        let mut settings = Settings::default();
        let left = new_left(decks(), &states, first_day, &settings, today);
        assert_eq!(left["a"], 0, "deck A has used its 20");
        assert_eq!(left["b"], 20, "deck B has its own 20");
        // An interview a week out: each deck's pace (A: 100 in 6 days, B: 30 in 6).
        settings.interview_day = Some(today + 7);
        let left = new_left(decks(), &states, first_day, &settings, today);
        assert_eq!((left["a"], left["b"]), (0, 5), "A's pace is 17, all seen");
        settings.new_per_day = 40;
        settings.follow_plan = false;
        let left = new_left(decks(), &states, first_day, &settings, today);
        assert_eq!(
            (left["a"], left["b"]),
            (20, 40),
            "room left, whatever the deck holds"
        );
        // "More today" adds to every deck, today only.
        settings.extra_new = 10;
        settings.extra_new_day = today;
        assert_eq!(daily_limit(&settings, 100, today), 50);
        assert_eq!(daily_limit(&settings, 100, today + 1), 40);
        settings.follow_plan = true;
        assert_eq!(daily_limit(&settings, 100, today), 27);
        // On or after the interview day the learner's number applies.
        assert_eq!(daily_limit(&settings, 100, today + 7), 40);
    }

    #[test]
    fn no_plan_on_or_after_the_interview_day() {
        let now = Now::new(T0, 0);
        let s = scheduler(now.day);
        assert_eq!(
            plan(&cards(3), &BTreeMap::new(), &s, now, now.day, 0, None),
            None
        );
        assert_eq!(
            plan(&cards(3), &BTreeMap::new(), &s, now, now.day - 1, 0, None),
            None
        );
        let tomorrow = plan(&cards(3), &BTreeMap::new(), &s, now, now.day + 1, 0, None).unwrap();
        assert_eq!(tomorrow.days.len(), 1);
        assert_eq!(tomorrow.today().new, 3);
    }
}
