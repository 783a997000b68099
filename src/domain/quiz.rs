//! The timed quiz: questions generated from the deck, scored with a speed bonus and a
//! capped streak bonus. Every question has exactly one right answer:
//!
//! - "Which one: <point>?" — the two sides of its comparison;
//! - "Which is true of COPY?" — one point of COPY, three distractors from the other side
//!   and from other comparisons whose names share no word with COPY's;
//! - "<point> — true of COPY?" — True or False.
//!
//! Only points that belong to one side alone are asked (see
//! [`super::cards::point_cards`]). The same seed gives the same quiz.

use std::collections::BTreeSet;

use super::cards::{drill_cards, point_cards, Card, Face, Scope};
use super::deck::{fold, name_words, Comparison, Drill, DrillAnswer, Library, Which};
use super::fsrs::Grade;
use super::rng::Rng;

pub const BASE_POINTS: u32 = 100;
pub const SPEED_BONUS_MAX: u32 = 50;
pub const STREAK_STEP: u32 = 10;
pub const STREAK_CAP: u32 = 50;
/// Untimed questions still earn a speed bonus within this window.
pub const UNTIMED_WINDOW_MS: u32 = 15_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    WhichOne,
    TrueOf,
    TrueFalse,
    /// A drill: a setup and "what does Docker do?", with its options.
    Drill,
}

/// A drill question has this many times the time of another (there is a setup to read).
pub const DRILL_TIME_FACTOR: u32 = 2;
/// In a quiz, every this-many-th question is a drill while the scope has drills left.
pub const DRILL_EVERY: usize = 4;

/// One option: its text and, for a point, the side it belongs to (for confusions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub text: String,
    /// The side this option names or comes from: (comparison id, side name).
    pub side: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub kind: Kind,
    pub prompt: String,
    pub choices: Vec<Choice>,
    pub answer: usize,
    pub comparison: &'static Comparison,
    /// The point card the question is about (graded with the answer).
    pub card_id: String,
    /// The side that is right (for "X mistaken for Y"); for a drill, the right option.
    pub right_side: String,
    /// The drill asked, for a drill question (its setup and explanation are shown).
    pub drill: Option<&'static Drill>,
}

/// Every point that can be asked, with its card, in library order.
fn askable(library: &Library<'static>, scope: &Scope) -> Vec<Card<'static>> {
    scope
        .comparisons(library)
        .flat_map(|(d, p, c)| point_cards(d, p, c))
        .collect()
}

/// All the questions the library can produce in `scope`; distractors (from any deck) and
/// option order drawn from `rng`.
pub fn all_questions(library: &Library<'static>, scope: &Scope, rng: &mut Rng) -> Vec<Question> {
    let mut out = Vec::new();
    let pool = askable(library, &Scope::default());
    // Each candidate's side name, folded and as words, once (not once per question).
    let pool_names: Vec<(String, BTreeSet<String>)> = pool
        .iter()
        .map(|d| match d.face {
            Face::Point { side, .. } => {
                let name = &d.comparison.side(side).name;
                (fold(name), name_words(name))
            }
            Face::Pair => (String::new(), BTreeSet::new()),
        })
        .collect();
    for card in askable(library, scope) {
        let Face::Point { side, point } = card.face else {
            continue;
        };
        let c = card.comparison;
        let own = &c.side(side).name;
        let text = point.text().plain();
        let named = |which: Which| Choice {
            text: c.side(which).name.clone(),
            side: Some((c.id.clone(), c.side(which).name.clone())),
        };
        // Which one?
        let mut choices = vec![named(Which::Left), named(Which::Right)];
        out.push(Question {
            kind: Kind::WhichOne,
            prompt: format!("Which one: “{text}”"),
            answer: usize::from(side == Which::Right),
            choices: std::mem::take(&mut choices),
            comparison: c,
            card_id: card.id.clone(),
            right_side: own.clone(),
            drill: None,
        });
        // True or false, about either side.
        let about = if rng.below(2) == 0 {
            side
        } else {
            side.other()
        };
        let truth = about == side;
        // Each answer names the side it takes the point for: "True" the side asked about,
        // "False" the other one (so a wrong answer records the right confusion).
        out.push(Question {
            kind: Kind::TrueFalse,
            prompt: format!("True or false: “{text}” is true of {}", c.side(about).name),
            choices: vec![
                Choice {
                    text: "True".into(),
                    side: Some((c.id.clone(), c.side(about).name.clone())),
                },
                Choice {
                    text: "False".into(),
                    side: Some((c.id.clone(), c.side(about.other()).name.clone())),
                },
            ],
            answer: usize::from(!truth),
            comparison: c,
            card_id: card.id.clone(),
            right_side: own.clone(),
            drill: None,
        });
        // Which is true of <own>? Distractors: the other side first, then unrelated sides.
        let own_words = name_words(own);
        let mut distractors: Vec<Choice> = Vec::new();
        let mut seen: BTreeSet<String> = BTreeSet::from([fold(&text)]);
        let own_folded = fold(own);
        let mut candidates: Vec<&Card> = pool
            .iter()
            .zip(&pool_names)
            .filter(|(d, (folded, words))| {
                let Face::Point { side: ds, .. } = d.face else {
                    return false;
                };
                if d.comparison.id == c.id {
                    return ds != side;
                }
                words.is_disjoint(&own_words) && *folded != own_folded
            })
            .map(|(d, _)| d)
            .collect();
        rng.shuffle(&mut candidates);
        candidates.sort_by_key(|d| {
            // Same comparison first, then the same phase, then the rest.
            if d.comparison.id == c.id {
                0
            } else if std::ptr::eq(d.phase, card.phase) {
                1
            } else {
                2
            }
        });
        for d in candidates {
            let Face::Point {
                side: ds,
                point: dp,
            } = d.face
            else {
                continue;
            };
            let dtext = dp.text().plain();
            if seen.insert(fold(&dtext)) {
                distractors.push(Choice {
                    text: dtext,
                    side: Some((d.comparison.id.clone(), d.comparison.side(ds).name.clone())),
                });
            }
            if distractors.len() == 3 {
                break;
            }
        }
        if distractors.len() == 3 {
            let mut choices = distractors;
            let answer = rng.below(4);
            choices.insert(
                answer,
                Choice {
                    text,
                    side: Some((c.id.clone(), own.clone())),
                },
            );
            out.push(Question {
                kind: Kind::TrueOf,
                prompt: format!("Which is true of {own}?"),
                choices,
                answer,
                comparison: c,
                card_id: card.id.clone(),
                right_side: own.clone(),
                drill: None,
            });
        }
    }
    for card in drill_cards(library, scope) {
        let DrillAnswer::Choice { options, right } = &card.drill.answer else {
            continue;
        };
        let c = card.comparison;
        let mut order: Vec<usize> = (0..options.len()).collect();
        rng.shuffle(&mut order);
        let right_text = options[*right].plain();
        out.push(Question {
            kind: Kind::Drill,
            prompt: card.drill.question.plain(),
            choices: order
                .iter()
                .map(|&i| Choice {
                    text: options[i].plain(),
                    side: Some((c.id.clone(), options[i].plain())),
                })
                .collect(),
            answer: order.iter().position(|i| i == right).unwrap_or(0),
            comparison: c,
            card_id: card.id,
            right_side: right_text,
            drill: Some(card.drill),
        });
    }
    out
}

/// The indices of the choices that are right by the decks' own facts, judged apart from
/// how the question was built: a point is "true of X" when any side named X anywhere in
/// the library lists it, as the seed said it or as corrected. A sound question has
/// exactly one.
pub fn right_choices(library: &Library, q: &Question) -> Vec<usize> {
    let fits = |side_name: &str, text: &str| -> bool {
        library
            .comparisons()
            .flat_map(Comparison::sides)
            .any(|side| {
                fold(&side.name) == fold(side_name)
                    && side.points.iter().any(|p| {
                        fold(&p.text().plain()) == fold(text) || fold(&p.said.plain()) == fold(text)
                    })
            })
    };
    match q.kind {
        // The drill's own answer: the option its content marks.
        Kind::Drill => {
            let right = q.drill.and_then(|d| match &d.answer {
                DrillAnswer::Choice { options, right } => options.get(*right).map(|o| o.plain()),
                DrillAnswer::Exact(_) => None,
            });
            (0..q.choices.len())
                .filter(|&i| right.as_deref() == Some(q.choices[i].text.as_str()))
                .collect()
        }
        Kind::WhichOne => {
            let text = q
                .prompt
                .trim_start_matches("Which one: “")
                .trim_end_matches('”');
            (0..q.choices.len())
                .filter(|&i| fits(&q.choices[i].text, text))
                .collect()
        }
        Kind::TrueOf => {
            let name = q
                .prompt
                .trim_start_matches("Which is true of ")
                .trim_end_matches('?');
            (0..q.choices.len())
                .filter(|&i| fits(name, &q.choices[i].text))
                .collect()
        }
        Kind::TrueFalse => {
            let rest = q.prompt.trim_start_matches("True or false: “");
            let (text, name) = rest.split_once("” is true of ").unwrap_or((rest, ""));
            // "True" is right when it fits; "False" when it does not and the point belongs
            // to the other side instead.
            let fits_named = fits(name, text);
            let fits_other = q
                .comparison
                .sides()
                .into_iter()
                .any(|o| fold(&o.name) != fold(name) && fits(&o.name, text));
            let mut right = Vec::new();
            if fits_named {
                right.push(0);
            }
            if fits_other && !fits_named {
                right.push(1);
            }
            right
        }
    }
}

/// A quiz being played.
#[derive(Clone, Debug, PartialEq)]
pub struct Quiz {
    pub questions: Vec<Question>,
    pub current: usize,
    /// Milliseconds per question; `None`: untimed.
    pub limit_ms: Option<u32>,
    pub streak_bonus: bool,
    pub score: u32,
    pub streak: u32,
    pub answers: Vec<Answer>,
    /// When the current question was shown.
    pub shown_ms: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The chosen option; `None` when time ran out.
    pub chosen: Option<usize>,
    pub right: bool,
    pub points: u32,
    pub took_ms: u32,
}

impl Answer {
    /// How the answer grades the question's card: right and quick = Good, right but slow =
    /// Hard, wrong or out of time = Again.
    pub fn grade(&self, limit_ms: Option<u32>) -> Grade {
        let quick_ms = limit_ms.unwrap_or(UNTIMED_WINDOW_MS) / 2;
        match (self.right, self.took_ms <= quick_ms) {
            (false, _) => Grade::Again,
            (true, true) => Grade::Good,
            (true, false) => Grade::Hard,
        }
    }
}

impl Quiz {
    /// `length` questions from `scope`, mixing the kinds, from `seed`.
    pub fn new(
        library: &Library<'static>,
        scope: &Scope,
        length: usize,
        limit_ms: Option<u32>,
        streak_bonus: bool,
        seed: u64,
        now_ms: i64,
    ) -> Quiz {
        let mut rng = Rng::new(seed);
        let mut all = all_questions(library, scope, &mut rng);
        rng.shuffle(&mut all);
        // Drills would be rare among the points' questions: every DRILL_EVERY-th question
        // is one, while there are drills left.
        // Never the same point or drill twice in a quiz.
        let mut used = BTreeSet::new();
        all.retain(|q| used.insert(q.card_id.clone()));
        let (mut drills, mut points): (Vec<Question>, Vec<Question>) =
            all.into_iter().partition(|q| q.kind == Kind::Drill);
        drills.reverse();
        points.reverse();
        let mut mixed = Vec::new();
        while !(drills.is_empty() && points.is_empty()) {
            let drill_turn = mixed.len() % DRILL_EVERY == DRILL_EVERY - 1;
            let next = if drill_turn {
                drills.pop().or_else(|| points.pop())
            } else {
                points.pop().or_else(|| drills.pop())
            };
            mixed.extend(next);
        }
        mixed.truncate(length);
        let questions = mixed;
        Quiz {
            questions,
            current: 0,
            limit_ms,
            streak_bonus,
            score: 0,
            streak: 0,
            answers: Vec::new(),
            shown_ms: now_ms,
        }
    }

    pub fn question(&self) -> Option<&Question> {
        self.questions.get(self.current)
    }

    pub fn is_over(&self) -> bool {
        self.current >= self.questions.len()
    }

    /// Whether the current question has been answered (feedback is showing).
    pub fn answered(&self) -> bool {
        self.answers.len() > self.current
    }

    /// The current question's time, in milliseconds (`None`: untimed): a drill has
    /// [`DRILL_TIME_FACTOR`] times the time.
    pub fn limit(&self) -> Option<u32> {
        let factor = match self.question() {
            Some(q) if q.kind == Kind::Drill => DRILL_TIME_FACTOR,
            _ => 1,
        };
        self.limit_ms.map(|l| l * factor)
    }

    /// Milliseconds left on the current question (`None`: untimed).
    pub fn remaining_ms(&self, now_ms: i64) -> Option<u32> {
        let limit = self.limit()?;
        let used = (now_ms - self.shown_ms).clamp(0, i64::from(limit)) as u32;
        Some(limit - used)
    }

    /// Answers the current question with `choice` (`None`: time ran out).
    pub fn answer(&mut self, choice: Option<usize>, now_ms: i64) -> Option<&Answer> {
        if self.is_over() || self.answered() {
            return None;
        }
        let q = &self.questions[self.current];
        let took = (now_ms - self.shown_ms).max(0) as u32;
        let limit = self.limit();
        let in_time = limit.is_none_or(|l| took <= l);
        let right = in_time && choice == Some(q.answer);
        let points = if right {
            self.streak += 1;
            let window = limit.unwrap_or(UNTIMED_WINDOW_MS);
            let speed = SPEED_BONUS_MAX * window.saturating_sub(took) / window.max(1);
            let streak = if self.streak_bonus {
                ((self.streak - 1) * STREAK_STEP).min(STREAK_CAP)
            } else {
                0
            };
            BASE_POINTS + speed + streak
        } else {
            self.streak = 0;
            0
        };
        self.score += points;
        self.answers.push(Answer {
            chosen: if in_time { choice } else { None },
            right,
            points,
            took_ms: took,
        });
        self.answers.last()
    }

    /// Ends the current question if its time is up; true if it did.
    pub fn tick(&mut self, now_ms: i64) -> bool {
        if self.answered() || self.is_over() {
            return false;
        }
        if self.remaining_ms(now_ms) == Some(0) {
            self.answer(None, now_ms);
            return true;
        }
        false
    }

    /// Moves on after feedback.
    pub fn next(&mut self, now_ms: i64) {
        if self.answered() {
            self.current += 1;
            self.shown_ms = now_ms;
        }
    }

    pub fn right_count(&self) -> usize {
        self.answers.iter().filter(|a| a.right).count()
    }

    /// The questions answered wrong, with their answers.
    pub fn mistakes(&self) -> impl Iterator<Item = (&Question, &Answer)> {
        self.questions
            .iter()
            .zip(&self.answers)
            .filter(|(_, a)| !a.right)
    }

    /// The highest score a quiz of this length and timing can give.
    pub fn max_score(&self) -> u32 {
        let n = self.questions.len() as u32;
        let streak = if self.streak_bonus {
            (0..n).map(|i| (i * STREAK_STEP).min(STREAK_CAP)).sum()
        } else {
            0
        };
        n * (BASE_POINTS + SPEED_BONUS_MAX) + streak
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cards::Selection;

    use crate::domain::deck::test_library;

    #[test]
    fn every_question_the_deck_can_produce_has_exactly_one_right_answer() {
        let mut total = 0;
        for seed in 0..12 {
            let qs = all_questions(&test_library(), &Scope::default(), &mut Rng::new(seed));
            for q in &qs {
                assert_eq!(
                    right_choices(&test_library(), q),
                    vec![q.answer],
                    "seed {seed}: {q:#?}"
                );
                // The right answer names the right side; in the two-sided kinds a wrong answer
                // names the other one (what "X mistaken for Y" records).
                let side_of = |i: usize| q.choices[i].side.clone().unwrap().1;
                assert_eq!(side_of(q.answer), q.right_side, "seed {seed}: {q:#?}");
                if matches!(q.kind, Kind::WhichOne | Kind::TrueFalse) {
                    let wrong = 1 - q.answer;
                    assert_ne!(side_of(wrong), q.right_side, "seed {seed}: {q:#?}");
                }
                // A drill's options are its own, each once, the right one as its content marks.
                if let Some(drill) = q.drill {
                    assert_eq!(q.kind, Kind::Drill);
                    assert_eq!(drill.answer_text(), q.right_side);
                    assert_eq!(q.prompt, drill.question.plain());
                }
                // (A drill's options may differ by punctuation alone: `a-b-1` or `a_b_1`.)
                let distinct: BTreeSet<String> = q
                    .choices
                    .iter()
                    .map(|c| {
                        if q.kind == Kind::Drill {
                            c.text.clone()
                        } else {
                            fold(&c.text)
                        }
                    })
                    .collect();
                assert_eq!(
                    distinct.len(),
                    q.choices.len(),
                    "seed {seed}: repeated option in {q:#?}"
                );
                // A distractor from another comparison never comes from a same-named side.
                if q.kind == Kind::TrueOf {
                    assert_eq!(q.choices.len(), 4);
                    for (i, c) in q.choices.iter().enumerate() {
                        let (cid, side) = c.side.clone().unwrap();
                        if i != q.answer && cid != q.comparison.id {
                            assert!(
                                name_words(&side).is_disjoint(&name_words(&q.right_side)),
                                "{q:#?}"
                            );
                        }
                    }
                }
            }
            total += qs.len();
        }
        assert!(total > 12 * 250, "{total}");
    }

    #[test]
    fn all_four_kinds_are_produced() {
        let qs = all_questions(&test_library(), &Scope::default(), &mut Rng::new(1));
        for kind in [Kind::WhichOne, Kind::TrueOf, Kind::TrueFalse, Kind::Drill] {
            assert!(qs.iter().any(|q| q.kind == kind), "{kind:?}");
        }
    }

    #[test]
    fn every_fourth_question_is_a_drill_with_twice_the_time() {
        let mut q = Quiz::new(
            &test_library(),
            &Scope::default(),
            20,
            Some(10_000),
            true,
            5,
            0,
        );
        let kinds: Vec<bool> = q.questions.iter().map(|q| q.kind == Kind::Drill).collect();
        let expected: Vec<bool> = (0..20)
            .map(|i| i % DRILL_EVERY == DRILL_EVERY - 1)
            .collect();
        assert_eq!(kinds, expected);
        assert_eq!(q.limit(), Some(10_000));
        for _ in 0..3 {
            q.answer(Some(0), 0);
            q.next(0);
        }
        assert_eq!(q.limit(), Some(20_000), "the fourth question is a drill");
        // 15 s into a drill question there is time left; not in another.
        assert_eq!(q.remaining_ms(15_000), Some(5_000));
    }

    #[test]
    fn the_same_seed_gives_the_same_quiz() {
        let a = Quiz::new(
            &test_library(),
            &Scope::default(),
            10,
            Some(15_000),
            true,
            77,
            0,
        );
        let b = Quiz::new(
            &test_library(),
            &Scope::default(),
            10,
            Some(15_000),
            true,
            77,
            0,
        );
        assert_eq!(a, b);
        assert_eq!(a.questions.len(), 10);
        let c = Quiz::new(
            &test_library(),
            &Scope::default(),
            10,
            Some(15_000),
            true,
            78,
            0,
        );
        assert_ne!(a.questions, c.questions);
        let ids: BTreeSet<&str> = a.questions.iter().map(|q| q.card_id.as_str()).collect();
        assert_eq!(ids.len(), 10, "no point asked twice");
    }

    #[test]
    fn scoring_speed_streak_cap_and_timeouts() {
        let mut q = Quiz::new(
            &test_library(),
            &Scope::default(),
            20,
            Some(10_000),
            true,
            5,
            0,
        );
        let mut now = 0;
        // Seven right answers at once: full speed bonus, streak grows by 10 up to 50.
        for i in 0..7 {
            let right = q.question().unwrap().answer;
            let a = q.answer(Some(right), now).unwrap().clone();
            assert!(a.right);
            assert_eq!(a.points, 100 + 50 + (i * 10).min(50));
            assert_eq!(a.grade(q.limit()), Grade::Good);
            q.next(now);
        }
        // Right but slow (16 of the drill's 20 seconds): a smaller speed bonus, and Hard.
        assert_eq!(q.question().unwrap().kind, Kind::Drill);
        let right = q.question().unwrap().answer;
        now += 16_000;
        let a = q.answer(Some(right), now).unwrap().clone();
        assert_eq!(a.points, 100 + 10 + 50);
        assert_eq!(a.grade(q.limit()), Grade::Hard);
        q.next(now);
        // Wrong: nothing, the streak resets, Again.
        let wrong = (q.question().unwrap().answer + 1) % q.question().unwrap().choices.len();
        let a = q.answer(Some(wrong), now).unwrap().clone();
        assert_eq!((a.right, a.points), (false, 0));
        assert_eq!(a.grade(q.limit()), Grade::Again);
        assert_eq!(q.streak, 0);
        q.next(now);
        // Time out: tick ends the question as wrong.
        assert!(!q.tick(now + 9_999));
        assert_eq!(q.remaining_ms(now + 9_999), Some(1));
        assert!(q.tick(now + 10_000));
        assert_eq!(q.answers.last().unwrap().chosen, None);
        assert!(!q.answers.last().unwrap().right);
        assert_eq!(q.mistakes().count(), 2);
        assert!(q.score <= q.max_score());
    }

    #[test]
    fn the_streak_bonus_can_be_switched_off_and_untimed_has_no_timeout() {
        let mut q = Quiz::new(&test_library(), &Scope::default(), 10, None, false, 5, 0);
        for _ in 0..3 {
            let right = q.question().unwrap().answer;
            assert_eq!(q.answer(Some(right), 0).unwrap().points, 150);
            q.next(0);
        }
        assert!(!q.tick(1_000_000_000));
        assert_eq!(q.remaining_ms(5), None);
        assert_eq!(q.max_score(), 10 * 150);
    }

    #[test]
    fn a_perfect_player_scores_full_marks() {
        let mut q = Quiz::new(
            &test_library(),
            &Scope::default(),
            20,
            Some(15_000),
            true,
            11,
            0,
        );
        while let Some(question) = q.question() {
            let right = question.answer;
            q.answer(Some(right), q.shown_ms);
            q.next(q.shown_ms);
        }
        assert_eq!(q.right_count(), 20);
        assert_eq!(q.score, q.max_score());
    }

    #[test]
    fn scope_limits_questions() {
        let scope = Scope {
            selection: Selection::Only(["copy-vs-add".to_string()].into()),
            ..Scope::default()
        };
        let q = Quiz::new(&test_library(), &scope, 20, None, true, 1, 0);
        assert!(!q.questions.is_empty());
        assert!(q.questions.iter().all(|q| q.comparison.id == "copy-vs-add"));
    }
}
