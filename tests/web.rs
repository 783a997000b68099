//! Browser-bound code in headless Chromium (wasm-bindgen-test): the app mounts, renders
//! the first deck, filters it, follows the URL's hash to comparisons and decks, and takes
//! over a static paint keeping focus.
#![cfg(target_arch = "wasm32")]

use diffdeck::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

/// The app on the first deck (embedded in these tests: they have no file server).
async fn mount(root: &web_sys::HtmlElement) -> leptos::mount::UnmountHandle<impl Mountable> {
    let deck = diffdeck::state::first_deck().await.expect("the first deck");
    leptos::mount::mount_to(root.clone(), move || view! { <App deck=deck /> })
}

/// Lets effects and the scheduler run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets the app run until `done` holds, or 10 s (500 ticks) have passed: the assertion that
/// follows says which.
async fn until(done: impl Fn() -> bool) {
    for _ in 0..500 {
        if done() {
            return;
        }
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn mounts_the_whole_deck_and_filters_it() {
    window().location().set_hash("#/").unwrap();
    let root = container();
    let handle = mount(&root).await;

    // Opening on Browse, the phases render one per task after the first paint.
    assert_eq!(count(&root, "section.phase"), 0);
    for _ in 0..7 {
        tick().await;
    }
    assert_eq!(count(&root, "article.card"), 21);
    assert_eq!(count(&root, "section.phase"), 6);
    assert_eq!(count(&root, "h1#screen-title"), 1);
    // Every emoji is hidden from assistive technology.
    assert_eq!(
        count(&root, ".emoji"),
        count(&root, ".emoji[aria-hidden='true']")
    );

    let input: web_sys::HtmlInputElement = root
        .query_selector("#search-input")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("ENTRYPOINT");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(count(&root, "li:not([hidden]) > article.card"), 1);
    assert_eq!(count(&root, "section.phase:not([hidden])"), 1);
    drop(handle);
}

#[wasm_bindgen_test]
async fn follows_the_hash_to_a_comparison_and_back() {
    window().location().set_hash("#/c/copy-vs-add").unwrap();
    let root = container();
    let handle = mount(&root).await;
    let title = || {
        root.query_selector("h1")
            .unwrap()
            .and_then(|h| h.text_content())
            .unwrap_or_default()
    };
    // A comparison's page waits for the stored progress and every deck (`ui::lazy`).
    until(|| title().contains("COPY")).await;
    assert!(title().contains("COPY"), "{}", title());
    assert!(title().contains("ADD"), "{}", title());

    window().location().set_hash("#/c/no-such-thing").unwrap();
    tick().await;
    assert_eq!(title(), "Nothing here");

    // A comparison of the second deck (embedded here: these tests have no file server).
    window()
        .location()
        .set_hash("#/c/docker-stop-vs-docker-kill")
        .unwrap();
    until(|| title().contains("kill")).await;
    assert!(title().contains("docker kill"), "{}", title());
    assert!(count(&root, ".sources a[href^='https://docs.docker.com/']") > 0);

    window().location().set_hash("#/d/docker-in-depth").unwrap();
    until(|| count(&root, "article.card") == 46).await;
    assert_eq!(count(&root, "article.card"), 46);
    assert_eq!(
        count(&root, "nav[aria-label='Decks'] a[aria-current='page']"),
        1
    );

    window().location().set_hash("#/").unwrap();
    tick().await;
    assert_eq!(count(&root, "article.card"), 21);
    assert_eq!(
        document().title(),
        "diffdeck — Docker differences, side by side"
    );
    drop(handle);
    window().location().set_hash("").unwrap();
}

mod storage {
    use diffdeck::domain::fsrs::Grade;
    use diffdeck::domain::progress::{Change, Progress, Review, Source};
    use diffdeck::storage::format::{decode, encode, BACKUP_PREFIX, KEY, VERSION};
    use diffdeck::storage::layout::{day_key, Dirty};
    use diffdeck::storage::local::{self, StorageNotice, Store};
    use wasm_bindgen_test::*;

    fn local() -> web_sys::Storage {
        web_sys::window().unwrap().local_storage().unwrap().unwrap()
    }

    fn review(card: &str, at: i64) -> Review {
        review_on(card, at, 1)
    }

    fn review_on(card: &str, at: i64, day: i32) -> Review {
        Review {
            card: card.into(),
            at,
            day,
            grade: Grade::Good,
            source: Source::Flashcard,
            written: None,
        }
    }

    /// Records a review as the app does: the save writes the part it touched.
    fn grade(
        store: &mut Store,
        progress: &mut Progress,
        r: Review,
    ) -> (Option<StorageNotice>, Change) {
        let mut dirty = Dirty::default();
        dirty.note(&progress.insert(r));
        store.save(progress, &dirty)
    }

    /// The record as a fresh tab reads it.
    fn reopened() -> Progress {
        Store::open(0).progress
    }

    #[wasm_bindgen_test]
    fn unreadable_data_is_copied_aside_before_anything_is_written() {
        local().clear().unwrap();
        local().set_item(KEY, "{not json").unwrap();
        let mut opened = Store::open(123);
        let backup = format!("{BACKUP_PREFIX}123");
        assert!(matches!(
            &opened.notices[..],
            [StorageNotice::Recovered { backup_key, .. }] if *backup_key == backup
        ));
        assert_eq!(
            local().get_item(&backup).unwrap().as_deref(),
            Some("{not json")
        );
        opened.progress.settings.new_per_day = 9;
        let dirty = Dirty {
            head: true,
            ..Dirty::default()
        };
        assert_eq!(opened.store.save(&mut opened.progress, &dirty).0, None);
        let stored = decode(&local().get_item(KEY).unwrap().unwrap());
        assert!(stored.problems.is_empty());
        assert_eq!(stored.progress.settings.new_per_day, 9);
        assert_eq!(Store::raw(&backup).as_deref(), Some("{not json"));
        local().clear().unwrap();
    }

    #[wasm_bindgen_test]
    fn unreadable_data_opened_twice_before_a_save_is_copied_once() {
        local().clear().unwrap();
        local().set_item(KEY, "{not json").unwrap();
        let first = Store::open(1);
        let second = Store::open(2);
        let key = |o: &local::Opened| match &o.notices[..] {
            [StorageNotice::Recovered { backup_key, .. }] => backup_key.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(key(&first), format!("{BACKUP_PREFIX}1"));
        assert_eq!(key(&second), key(&first));
        assert_eq!(local().length().unwrap(), 2, "the record and one copy");
        local().clear().unwrap();
    }

    #[wasm_bindgen_test]
    fn a_grade_writes_only_its_day_and_a_fresh_tab_reads_every_part() {
        local().clear().unwrap();
        let mut a = Store::open(1);
        grade(&mut a.store, &mut a.progress, review_on("pair:a", 10, 5));
        let head_before = local().get_item(KEY).unwrap();
        assert_eq!(head_before, None, "a grade does not write the head");
        grade(&mut a.store, &mut a.progress, review_on("pair:b", 20, 6));
        assert!(local().get_item(&day_key(5)).unwrap().is_some());
        assert!(local().get_item(&day_key(6)).unwrap().is_some());
        assert_eq!(reopened(), a.progress);
        // An undo stores its tombstone in the head and empties the day.
        let mut dirty = Dirty::default();
        dirty.note(&a.progress.undo(&review_on("pair:a", 10, 5).key()));
        a.store.save(&mut a.progress, &dirty);
        assert_eq!(local().get_item(&day_key(5)).unwrap(), None);
        assert_eq!(reopened(), a.progress);
        local().clear().unwrap();
    }

    #[wasm_bindgen_test]
    fn a_version_1_record_is_read_whole_and_spread_over_days_on_the_first_save() {
        local().clear().unwrap();
        let mut old = Progress::default();
        for (i, day) in [(1, 3), (2, 3), (3, 4)] {
            old.insert(review_on(&format!("pair:c{i}"), i * 1000, day));
        }
        old.settings.new_per_day = 7;
        let v1 = encode(&old).replacen(&format!("\"version\":{VERSION}"), "\"version\":1", 1);
        assert!(v1.contains("\"version\":1"));
        local().set_item(KEY, &v1).unwrap();
        let mut opened = Store::open(1);
        assert!(opened.notices.is_empty());
        assert_eq!(opened.progress, old);
        // Any save spreads it: the days first, then a head without reviews.
        opened.store.save(&mut opened.progress, &Dirty::default());
        let head = decode(&local().get_item(KEY).unwrap().unwrap()).progress;
        assert!(head.log.is_empty());
        assert_eq!(head.settings.new_per_day, 7);
        assert!(local().get_item(&day_key(3)).unwrap().is_some());
        assert!(local().get_item(&day_key(4)).unwrap().is_some());
        assert_eq!(reopened(), old);
        local().clear().unwrap();
    }

    #[wasm_bindgen_test]
    fn two_stores_merge_what_each_wrote() {
        local().clear().unwrap();
        let mut a = Store::open(1);
        let mut b = Store::open(1);
        assert!(a.notices.is_empty() && b.notices.is_empty());
        grade(&mut a.store, &mut a.progress, review("pair:a", 10));
        let (notice, merged) = grade(&mut b.store, &mut b.progress, review("pair:b", 20));
        // B read A's write before writing: both reviews are stored, and B now holds both;
        // the merge says which review it brought (what B's derived states must follow).
        assert_eq!(notice, None);
        assert_eq!(merged.added, [review("pair:a", 10)]);
        assert_eq!(b.progress.log.len(), 2);
        assert_eq!(reopened(), b.progress);
        // Replace (reset/import) writes without merging, and removes the other parts.
        let empty = Progress::default();
        a.store.replace(&empty);
        assert_eq!(reopened(), empty);
        assert_eq!(local().get_item(&day_key(1)).unwrap(), None);
        local().clear().unwrap();
    }
}

#[wasm_bindgen_test]
fn takes_over_a_static_paint_in_one_step_keeping_focus() {
    use diffdeck::platform::document::{stage, take_over};
    let old = container();
    old.set_id("app");
    old.set_inner_html(r#"<a href="c/x/">one</a><input disabled><a href="c/y/">two</a>"#);
    let two: web_sys::HtmlElement = old
        .query_selector("a[href='c/y/']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    two.focus().unwrap();
    let staged = stage();
    staged.set_inner_html(r##"<a href="#/c/x">one</a><input><a href="#/c/y">two</a>"##);
    take_over();
    let app = document().get_element_by_id("app").unwrap();
    assert!(app.is_same_node(Some(&staged)), "the staged app is #app");
    assert!(!old.is_connected(), "the static paint is gone");
    let focused = document().active_element().unwrap();
    assert_eq!(focused.get_attribute("href").as_deref(), Some("#/c/y"));
    // Once: a second call changes nothing.
    take_over();
    assert!(document()
        .get_element_by_id("app")
        .unwrap()
        .is_same_node(Some(&staged)));
    staged.remove();
}

#[wasm_bindgen_test]
fn taking_over_keeps_what_was_typed_into_the_focused_field() {
    use diffdeck::platform::document::{stage, take_over};
    use std::{cell::RefCell, rc::Rc};
    let old = container();
    old.set_id("app");
    old.set_inner_html(r#"<a href="c/x/">one</a><input id="typed">"#);
    let field: web_sys::HtmlInputElement = old
        .query_selector("#typed")
        .unwrap()
        .unwrap()
        .unchecked_into();
    field.focus().unwrap();
    field.set_value("volume");
    let staged = stage();
    staged.set_inner_html(r##"<a href="#/c/x">one</a><input id="search">"##);
    // The app hears it as typing (Leptos's `on:input`).
    let heard = Rc::new(RefCell::new(String::new()));
    let on_input = {
        let heard = heard.clone();
        wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            move |e: web_sys::Event| {
                let input: web_sys::HtmlInputElement = e.target().unwrap().unchecked_into();
                *heard.borrow_mut() = input.value();
            },
        )
    };
    staged
        .query_selector("#search")
        .unwrap()
        .unwrap()
        .add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())
        .unwrap();
    take_over();
    let focused = document().active_element().unwrap();
    assert_eq!(focused.id(), "search");
    assert_eq!(
        focused
            .unchecked_into::<web_sys::HtmlInputElement>()
            .value(),
        "volume"
    );
    assert_eq!(*heard.borrow(), "volume");
    staged.remove();
}
