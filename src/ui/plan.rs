//! The plan to the interview where the learner meets it: the date field (Settings,
//! Progress, Flashcards' set-up) and a plan in words and numbers ("Today: 16 new, ~9
//! reviews"). The arithmetic is `domain::plan`'s.

use leptos::prelude::*;

use crate::domain::calendar;
use crate::domain::plan::{Plan, MAX_NEW_PER_DAY};
use crate::state::AppState;

/// The interview date: intervals end before it, the plan counts the days to it.
#[component]
pub fn InterviewDate(hint: &'static str) -> impl IntoView {
    let app: AppState = expect_context();
    let value = move || {
        app.progress.with(|p| {
            p.settings
                .interview_day
                .map(calendar::iso)
                .unwrap_or_default()
        })
    };
    view! {
        <div class="field">
            <label class="field__label" for="interview">"Interview date"</label>
            <input
                id="interview"
                class="field__input"
                type="date"
                aria-describedby="interview-hint"
                prop:value=value
                on:change=move |ev| {
                    let day = calendar::parse_iso(&event_target_value(&ev));
                    app.update_settings(move |s| s.interview_day = day);
                }
            />
            <p class="check__hint" id="interview-hint">{hint}</p>
        </div>
    }
}

/// "16 new cards" / "1 new card".
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// A plan for `cards` cards in words: today's numbers first, then whether the cards are
/// seen in time. `smaller`: scopes that would fit (a name and its pace), when this one
/// does not.
pub fn plan_text(plan: &Plan, cards: usize, smaller: &[(String, usize)]) -> impl IntoView {
    let days = plan.days.len();
    let today = plan.today();
    let when = format!(
        "Interview on {}, in {}.",
        calendar::short(plan.interview_day),
        count(days, "day")
    );
    let pace = if plan.unseen == 0 {
        format!("All {} seen: the plan is reviews.", count(cards, "card"))
    } else if plan.fits {
        match plan.last_new_day() {
            Some(day) => format!(
                "At {} a day, the {} not seen yet are all seen by {}; what is left is review.",
                plan.new_per_day,
                count(plan.unseen - plan.seen_today, "card"),
                calendar::short(day)
            ),
            None => "Today's new cards are the last: what is left is review.".to_string(),
        }
    } else if plan.needed > MAX_NEW_PER_DAY {
        format!(
            "Seeing all {} by then takes {} new a day: more than a plan can hold (at most {MAX_NEW_PER_DAY}). At {} a day, {} of them are seen.",
            count(plan.unseen, "new card"),
            plan.needed,
            plan.new_per_day,
            plan.reached()
        )
    } else {
        format!(
            "At your {} new a day, {} of the {} are seen by then; {} a day would see them all.",
            plan.new_per_day,
            plan.reached(),
            count(plan.unseen, "new card"),
            plan.needed
        )
    };
    let smaller = (!plan.fits && !smaller.is_empty()).then(|| {
        let list = smaller
            .iter()
            .map(|(name, pace)| format!("{name} ({pace} a day)"))
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p class="plan__hint">{format!("A smaller scope fits: {list}.")}</p> }
    });
    view! {
        <div class="plan" role="group" aria-label="Your plan">
            <p class="plan__when">{when}</p>
            <p class="plan__today">
                "Today: "
                <strong>{count(today.new, "new card")}</strong>
                ", "
                <strong>{format!("~{}", count(today.reviews, "review"))}</strong>
            </p>
            <p class="plan__hint">{pace}</p>
            {smaller}
        </div>
    }
}
