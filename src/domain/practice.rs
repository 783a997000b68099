//! Interview practice: the rules of Predict (answer a drill) and Explain it (write an
//! answer, then tick what it covered). Both schedule their cards with FSRS like the
//! flashcards; what differs is how an answer becomes a grade.
//!
//! - **Predict**: the right option (or the exact answer) is Good, anything else Again; an
//!   exact answer the app did not recognise but the user says they had is Hard.
//! - **Explain it**: the share of the comparison's points the answer covered. Under 40 %:
//!   Again; under 70 %: Hard; under 100 %: Good; every point: Easy. A corrected point
//!   counts by its correction (the checklist shows the accurate statement).

use super::deck::{Comparison, Drill, DrillAnswer, Rich};
use super::fsrs::Grade;
use super::rng::Rng;

/// New drills a Predict session introduces, at most (due ones come first, all of them).
pub const NEW_DRILLS_PER_SESSION: usize = 10;
/// New comparisons an Explain session introduces, at most.
pub const NEW_EXPLAIN_PER_SESSION: usize = 5;

/// The order in which a drill's options are shown, from `seed`: the right one is not
/// always first (the content lists it wherever its author did).
pub fn option_order(drill: &Drill, seed: u64) -> Vec<usize> {
    let n = match &drill.answer {
        DrillAnswer::Choice { options, .. } => options.len(),
        DrillAnswer::Exact(_) => 0,
    };
    let mut order: Vec<usize> = (0..n).collect();
    Rng::new(seed).shuffle(&mut order);
    order
}

/// The fixed order a page lists a drill's options in (a comparison's page, Browse):
/// shuffled by the drill's own question, so the answer is not where its author wrote it
/// (most often first) and every build of the page lists them alike.
pub fn page_order(drill: &Drill) -> Vec<usize> {
    option_order(
        drill,
        u64::from(super::cards::fnv1a(&drill.question.plain())),
    )
}

/// How an answer to a drill went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Right,
    Wrong,
    /// Typed differently, but the user says it is what they meant.
    Accepted,
}

impl Verdict {
    pub fn grade(self) -> Grade {
        match self {
            Verdict::Right => Grade::Good,
            Verdict::Accepted => Grade::Hard,
            Verdict::Wrong => Grade::Again,
        }
    }

    pub fn is_right(self) -> bool {
        self != Verdict::Wrong
    }
}

/// The verdict on choosing option `chosen` (an index into the drill's options as written).
pub fn choose(drill: &Drill, chosen: usize) -> Verdict {
    match &drill.answer {
        DrillAnswer::Choice { right, .. } if *right == chosen => Verdict::Right,
        _ => Verdict::Wrong,
    }
}

/// The verdict on a typed answer: the same as the exact answer once spacing, case, a
/// trailing full stop and wrapping quotes or backticks are set aside.
pub fn check_typed(drill: &Drill, typed: &str) -> Verdict {
    match &drill.answer {
        DrillAnswer::Exact(expected) if normalized(expected) == normalized(typed) => Verdict::Right,
        _ => Verdict::Wrong,
    }
}

fn normalized(s: &str) -> String {
    let s = s.trim().trim_end_matches('.');
    let s = s
        .trim_matches(|c| matches!(c, '`' | '"' | '\'' | '“' | '”'))
        .trim();
    // Runs of whitespace as one space (by hand: Browse's search keeps `split_whitespace`
    // to itself, inlined, in the first download).
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !c.is_whitespace() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// One line of an explanation's checklist: where the point is from (a side's name or a
/// group's title) and what it says (a correction where there is one).
#[derive(Clone, Debug, PartialEq)]
pub struct ChecklistItem<'a> {
    pub from: &'a str,
    pub text: &'a Rich,
}

/// What a full answer to "explain `comparison`" covers: every point of both sides, then
/// the groups that are neither side (a best practice, say).
pub fn checklist(comparison: &Comparison) -> Vec<ChecklistItem<'_>> {
    let mut out = Vec::new();
    for side in comparison.sides() {
        for point in &side.points {
            out.push(ChecklistItem {
                from: &side.name,
                text: point.text(),
            });
        }
    }
    for group in &comparison.extras {
        for point in &group.points {
            out.push(ChecklistItem {
                from: &group.title,
                text: point,
            });
        }
    }
    out
}

/// The grade of an explanation that covered `covered` of `of` points (see the module
/// doc for the rule).
pub fn explain_grade(covered: usize, of: usize) -> Grade {
    if of == 0 || covered >= of {
        return Grade::Easy;
    }
    let percent = covered * 100 / of;
    match percent {
        0..=39 => Grade::Again,
        40..=69 => Grade::Hard,
        _ => Grade::Good,
    }
}

/// The share covered, in whole percent (for the history and the summary).
pub fn percent(covered: usize, of: usize) -> usize {
    (covered * 100).checked_div(of).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deck::{test_library, Note, Span};

    fn drill(answer: DrillAnswer) -> Drill {
        Drill {
            question: Rich(vec![Span::Text("What runs?".into())]),
            setup: None,
            answer,
            why: Note::default(),
        }
    }

    fn options(n: usize, right: usize) -> DrillAnswer {
        DrillAnswer::Choice {
            options: (0..n)
                .map(|i| Rich(vec![Span::Text(format!("option {i}"))]))
                .collect(),
            right,
        }
    }

    #[test]
    fn the_right_option_is_good_any_other_again() {
        let d = drill(options(4, 2));
        assert_eq!(choose(&d, 2), Verdict::Right);
        assert_eq!(choose(&d, 2).grade(), Grade::Good);
        for wrong in [0, 1, 3, 9] {
            assert_eq!(choose(&d, wrong), Verdict::Wrong);
            assert_eq!(choose(&d, wrong).grade(), Grade::Again);
        }
        assert_eq!(Verdict::Accepted.grade(), Grade::Hard);
        assert!(Verdict::Accepted.is_right() && !Verdict::Wrong.is_right());
    }

    #[test]
    fn a_typed_answer_is_read_generously_but_not_loosely() {
        let d = drill(DrillAnswer::Exact("ping -c 3 example.com".into()));
        for typed in [
            "ping -c 3 example.com",
            "  `ping  -c 3 example.com` ",
            "PING -C 3 EXAMPLE.COM.",
            "\"ping -c 3 example.com\"",
        ] {
            assert_eq!(check_typed(&d, typed), Verdict::Right, "{typed:?}");
        }
        for typed in ["ping -c 3", "ping localhost -c 3 example.com", ""] {
            assert_eq!(check_typed(&d, typed), Verdict::Wrong, "{typed:?}");
        }
        // Options are chosen, not typed.
        assert_eq!(
            check_typed(&drill(options(2, 0)), "option 0"),
            Verdict::Wrong
        );
    }

    #[test]
    fn options_are_shuffled_by_the_seed_and_all_shown() {
        let d = drill(options(5, 0));
        let a = option_order(&d, 1);
        let mut sorted = a.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, vec![0, 1, 2, 3, 4]);
        assert_eq!(option_order(&d, 1), a, "the same seed, the same order");
        let firsts: std::collections::BTreeSet<usize> =
            (0..40).map(|s| option_order(&d, s)[0]).collect();
        assert!(firsts.len() >= 3, "the right option is not always first");
        assert!(option_order(&drill(DrillAnswer::Exact("x".into())), 1).is_empty());
    }

    #[test]
    fn pages_list_options_in_a_fixed_order_that_hides_where_the_author_put_the_answer() {
        let decks = crate::domain::deck::test_decks();
        let (mut drills, mut first) = (0, 0);
        for drill in decks
            .iter()
            .flat_map(|d| d.comparisons())
            .flat_map(|c| c.drills.iter())
        {
            let DrillAnswer::Choice { options, right } = &drill.answer else {
                continue;
            };
            let order = page_order(drill);
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..options.len()).collect::<Vec<_>>());
            assert_eq!(page_order(drill), order, "every build lists them alike");
            drills += 1;
            first += usize::from(order[0] == *right);
        }
        // As written, nearly every answer is the first option; on the page about one in
        // three or four is (options number 2 to 5).
        assert!(drills > 50, "{drills} choice drills");
        assert!(
            first * 2 < drills,
            "{first} of {drills} answers listed first"
        );
    }

    #[test]
    fn the_share_covered_sets_the_grade() {
        // The thresholds, from both sides of each.
        assert_eq!(explain_grade(0, 10), Grade::Again);
        assert_eq!(explain_grade(3, 10), Grade::Again);
        assert_eq!(explain_grade(4, 10), Grade::Hard);
        assert_eq!(explain_grade(6, 10), Grade::Hard);
        assert_eq!(explain_grade(7, 10), Grade::Good);
        assert_eq!(explain_grade(9, 10), Grade::Good);
        assert_eq!(explain_grade(10, 10), Grade::Easy);
        // 2 of 5 is 40 %: Hard; 1 of 3 is 33 %: Again; 2 of 3 is 66 %: Hard.
        assert_eq!(explain_grade(2, 5), Grade::Hard);
        assert_eq!(explain_grade(1, 3), Grade::Again);
        assert_eq!(explain_grade(2, 3), Grade::Hard);
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(0, 0), 100);
    }

    #[test]
    fn the_checklist_is_every_point_as_asked_then_the_groups() {
        let library = test_library();
        let (_, _, c) = library.find("image-vs-container").expect("in the deck");
        let list = checklist(c);
        let points: usize = c.sides().iter().map(|s| s.points.len()).sum::<usize>()
            + c.extras.iter().map(|g| g.points.len()).sum::<usize>();
        assert_eq!(list.len(), points);
        assert_eq!(list[0].from, "Image");
        // A corrected point is listed by its correction.
        let corrected = c
            .right
            .points
            .iter()
            .find(|p| p.correction.is_some())
            .expect("the seed's container points have corrections");
        assert!(list.iter().any(|i| std::ptr::eq(i.text, corrected.text())));
        assert!(!list.iter().any(|i| std::ptr::eq(i.text, &corrected.said)));
    }
}
