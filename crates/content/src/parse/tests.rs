//! The parser's unit tests: the shapes it reads, its limits, and faults built in code.
//! Faults of whole decks are data: `tests/faults/*.md` beside the `.faults` they get.

use super::*;
use crate::deck::{is_https_url, Rich, Source, Span};
use crate::syntax::split_emoji_suffix;
use builder::parse_phase_heading;

fn ok(src: &str) -> Deck {
    parse_deck("t.md", src).unwrap_or_else(|e| panic!("{}", e[0]))
}

fn err(src: &str) -> Vec<String> {
    parse_deck("t.md", src)
        .expect_err("content should be rejected")
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// `src` is rejected with a fault that starts with `expected` (among others).
fn expect_fault(src: &str, expected: &str) {
    let e = err(src);
    assert!(
        e.iter().any(|e| e.starts_with(expected)),
        "for {src:?}\n got {e:?}\nwant {expected}"
    );
}

const FLAT: &str = "# 🐳 Deck\n\n## 🔰 Phase 1 – Basics\n\nImage 🖼️ vs Container 📦\n- Image:\n- Read-only.\n- Container:\n- Runs `docker run x`.\n- Best practice:\n- Keep **small**.\n";

#[test]
fn reads_the_flat_shape() {
    let deck = ok(FLAT);
    assert_eq!(deck.title, "Deck");
    assert_eq!(deck.emoji, "🐳");
    let phase = &deck.phases[0];
    assert_eq!(
        (phase.number, phase.title.as_str(), phase.emoji.as_str()),
        (1, "Basics", "🔰")
    );
    let c = &phase.comparisons[0];
    assert_eq!(c.id, "image-vs-container");
    assert_eq!(
        (c.left.name.as_str(), c.left.emoji.as_str()),
        ("Image", "🖼️")
    );
    assert_eq!(
        (c.right.name.as_str(), c.right.emoji.as_str()),
        ("Container", "📦")
    );
    assert_eq!(
        c.left.points[0].said,
        Rich(vec![Span::Text("Read-only.".into())])
    );
    assert!(!c.left.points[0].both);
    assert_eq!(
        c.right.points[0].said.0,
        vec![
            Span::Text("Runs ".into()),
            Span::Code("docker run x".into()),
            Span::Text(".".into())
        ]
    );
    assert_eq!(c.extras[0].title, "Best practice");
    assert_eq!(
        c.extras[0].points[0].0,
        vec![
            Span::Text("Keep ".into()),
            Span::Strong("small".into()),
            Span::Text(".".into())
        ]
    );
}

#[test]
fn the_nested_shape_reads_the_same_as_the_flat_one() {
    let nested = "# 🐳 Deck\n\n## 🔰 Phase 1 – Basics\n\nImage 🖼️ vs Container 📦\n- Image:\n  - Read-only.\n- Container:\n  - Runs `docker run x`.\n- Best practice:\n  - Keep **small**.\n";
    assert_eq!(ok(nested), ok(FLAT));
}

#[test]
fn a_loose_nested_list_reads_the_same_too() {
    let loose = "# 🐳 Deck\n\n## 🔰 Phase 1 – Basics\n\nImage 🖼️ vs Container 📦\n\n- Image:\n\n  - Read-only.\n\n- Container:\n\n  - Runs `docker run x`.\n\n- Best practice:\n\n  - Keep **small**.\n";
    assert_eq!(ok(loose), ok(FLAT));
}

#[test]
fn vs_symbol_and_titles_starting_with_a_dash() {
    let deck = ok(
        "# D\n\n## Phase 3 – Volumes\n\n-v 🆚 --mount\n- `-v`:\n- Short.\n- `--mount`:\n- Long.\n",
    );
    let c = &deck.phases[0].comparisons[0];
    assert_eq!(c.id, "v-vs-mount");
    assert_eq!(c.left.name, "-v");
    assert_eq!(c.right.name, "--mount");
    assert_eq!(c.left.label, "-v");
}

#[test]
fn side_labels_keep_their_wording_and_names_come_from_the_title() {
    let deck = ok("# D\n\n## Phase 6 – Prod\n\nPublic Registry 🌍 vs Private Registry 🔐\n- Public (Docker Hub):\n- Open.\n- Private (ECR):\n- Closed.\n");
    let c = &deck.phases[0].comparisons[0];
    assert_eq!(c.left.name, "Public Registry");
    assert_eq!(c.left.label, "Public (Docker Hub)");
    assert_eq!(c.id, "public-registry-vs-private-registry");
}

#[test]
fn both_marker_flags_a_point_and_comments_are_ignored() {
    let deck = ok("# D\n\n<!-- authors' note -->\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- shared `a` {both}\n- own\n- Y:\n- b\n");
    let points = &deck.phases[0].comparisons[0].left.points;
    assert!(points[0].both);
    assert_eq!(points[0].said.plain(), "shared a");
    assert!(!points[1].both);
    let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n- Tip:\n- c {both}\n");
    assert_eq!(
        e,
        vec!["t.md:10: `{both}` marks a side's point as true of both sides; `Tip` is not a side"]
    );
}

#[test]
fn update_notes_attach_to_their_comparison() {
    let deck = ok("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n\n> **Update:** `docker scan` was removed.\n");
    let c = &deck.phases[0].comparisons[0];
    assert_eq!(c.notes.len(), 1);
    assert_eq!(c.notes[0].text.plain(), "Update: docker scan was removed.");
}

const CITED: &str = "# D\n\n## Phase 1 – A\n\nImage vs Container\n- Image:\n- Read-only.\n- Container:\n- Dies = gone.\n  > **Correction:** Removing it discards its `layer`. [run --rm](https://docs.docker.com/reference/cli/docker/container/run/#rm)\n- Uses RAM.\n\nSources: [Overview](https://docs.docker.com/get-started/docker-overview/), [Storage drivers](https://docs.docker.com/engine/storage/drivers/)\n\n> **Update (2023):** Stopped ones stay. [docker ps](https://docs.docker.com/reference/cli/docker/container/ls/)\n";

#[test]
fn corrections_sources_and_cited_notes() {
    let deck = ok(CITED);
    assert_eq!(deck.id, "t");
    let c = &deck.phases[0].comparisons[0];
    let p = &c.right.points[0];
    assert_eq!(p.said.plain(), "Dies = gone.");
    let fix = p.correction.as_ref().expect("a correction");
    assert_eq!(fix.text.plain(), "Removing it discards its layer.");
    assert_eq!(p.text(), &fix.text, "study modes ask the correction");
    assert_eq!(
        fix.sources,
        vec![Source {
            title: "run --rm".into(),
            url: "https://docs.docker.com/reference/cli/docker/container/run/#rm".into()
        }]
    );
    // The point after the corrected one is still a point of the same side.
    assert_eq!(c.right.points.len(), 2);
    assert_eq!(c.right.points[1].text().plain(), "Uses RAM.");
    assert!(c.right.points[1].correction.is_none());
    assert_eq!(
        c.sources
            .iter()
            .map(|s| s.title.as_str())
            .collect::<Vec<_>>(),
        ["Overview", "Storage drivers"]
    );
    assert_eq!(c.notes[0].text.plain(), "Update (2023): Stopped ones stay.");
    assert_eq!(c.notes[0].sources[0].title, "docker ps");
}

#[test]
fn the_nested_shape_takes_corrections_too() {
    let nested = CITED
        .replace("- Read-only.", "  - Read-only.")
        .replace("- Dies = gone.\n  >", "  - Dies = gone.\n    >")
        .replace("- Uses RAM.", "  - Uses RAM.");
    assert_eq!(ok(&nested), ok(CITED));
}

#[test]
fn https_urls() {
    for good in [
        "https://docs.docker.com/",
        "https://docs.docker.com/reference/cli/docker/container/run/#rm",
        "https://kubernetes.io/docs/concepts/overview/",
        "https://a.b:8443/x?y=1",
    ] {
        assert!(is_https_url(good), "{good}");
    }
    for bad in [
        "http://docs.docker.com/",
        "https://",
        "https:///x",
        "https://localhost/",
        "https://.docker.com/",
        "https://docs.docker.com/a b",
        "https://docs.docker.com/\"onmouseover=",
        "HTTPS://docs.docker.com/",
        "//docs.docker.com/",
    ] {
        assert!(!is_https_url(bad), "{bad}");
    }
    assert_eq!(deck_id("content/docker-in-depth.md"), "docker-in-depth");
    assert_eq!(deck_id("docker.md"), "docker");
}

#[test]
fn ids_are_unique_across_decks() {
    let a = "# A\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n";
    let b = "# B\n\n## Phase 1 – B\n\nZ vs W\n- Z:\n- a\n- W:\n- b\n\nX 🐳 vs Y\n- X:\n- a\n- Y:\n- b\n";
    let e: Vec<String> = parse_library(&[("a.md", a), ("b.md", b)])
        .expect_err("a clash")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(e, ["b.md:11: comparison id `x-vs-y` is also used by a.md:5; ids must be unique across decks"]);
    let decks =
        parse_library(&[("a.md", a), ("c.md", &b[..b.find("\nX 🐳").unwrap()])]).expect("no clash");
    assert_eq!(
        decks.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["a", "c"]
    );
}

#[test]
fn ids_do_not_depend_on_point_wording() {
    let a = ok("# D\n\n## Phase 1 – A\n\nCMD vs ENTRYPOINT\n- CMD:\n- one\n- ENTRYPOINT:\n- two\n");
    let b = ok("# D\n\n## Phase 1 – A\n\nCMD 📝 vs ENTRYPOINT 🚀\n- CMD:\n- one, reworded\n- ENTRYPOINT:\n- two, reworded\n");
    assert_eq!(a.phases[0].comparisons[0].id, b.phases[0].comparisons[0].id);
    assert_eq!(a.phases[0].comparisons[0].id, "cmd-vs-entrypoint");
}

#[test]
fn emoji_split() {
    assert_eq!(
        split_emoji_suffix("Default Bridge 🛤️"),
        ("Default Bridge".into(), "🛤️".into())
    );
    assert_eq!(
        split_emoji_suffix("depends_on ⏳"),
        ("depends_on".into(), "⏳".into())
    );
    assert_eq!(
        split_emoji_suffix("healthcheck ❤️"),
        ("healthcheck".into(), "❤️".into())
    );
    assert_eq!(split_emoji_suffix("-v"), ("-v".into(), String::new()));
    assert_eq!(
        parse_phase_heading("⚙️ Phase 5 – Docker Compose"),
        Some(("⚙️".into(), 5, "Docker Compose".into()))
    );
    assert_eq!(
        parse_phase_heading("Phase 12: Extra"),
        Some((String::new(), 12, "Extra".into()))
    );
    assert_eq!(parse_phase_heading("Phase one – x"), None);
}

/// `read_deck`'s faults for `bytes`, as printed.
fn read_err(bytes: &[u8]) -> Vec<String> {
    read_deck("t.md", bytes)
        .expect_err("the file should be refused")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn files_that_are_not_deck_text_are_refused_before_parsing() {
    assert_eq!(read_err(b""), ["t.md:1: the file is empty"]);
    assert_eq!(
        read_err(b"\xef\xbb\xbf \n\r\n"),
        ["t.md:1: the file is empty"]
    );
    assert_eq!(
        read_err(b"# D\n\nok\n\x89PNG\x00\x01"),
        ["t.md:4: this is not a text file (it contains a NUL byte); a deck is Markdown text"]
    );
    assert_eq!(
        read_err(b"# D\n\n## Phase 1 \xe2\x80 A\n"),
        ["t.md:3: the text is not valid UTF-8 here; save the file as UTF-8"]
    );
    let big = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        read_err(&big),
        ["t.md:1: the file has 1,000,001 bytes; a deck may have at most 1 MB (1,000,000 bytes)"]
    );
}

#[test]
fn a_byte_order_mark_and_any_line_ends_read_the_same() {
    let lf = ok(FLAT);
    let bom = [b"\xef\xbb\xbf".as_slice(), FLAT.as_bytes()].concat();
    assert_eq!(read_deck("t.md", &bom), Ok(lf.clone()));
    assert_eq!(
        read_deck("t.md", FLAT.replace('\n', "\r\n").as_bytes()),
        Ok(lf.clone())
    );
    assert_eq!(
        read_deck("t.md", FLAT.replace('\n', "\r").as_bytes()),
        Ok(lf)
    );
    // Faults still name the right line.
    let e = read_err(b"# D\r\n\r\n## Phase 1 \xe2\x80\x93 A\r\n\r\nX vs Y\r\n- X:\r\n- a\r\n");
    assert!(
        e[0].starts_with("t.md:5: comparison `X vs Y` has 1 side(s)"),
        "{e:?}"
    );
}

#[test]
fn limits_on_lines_nesting_comparisons_and_faults() {
    let long = format!(
        "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- {}\n",
        "a".repeat(100_000)
    );
    assert_eq!(
        read_err(long.as_bytes()),
        ["t.md:7: the line has 100,002 characters; a line may have at most 5,000"]
    );
    for deep in [
        ">".repeat(50_000),
        "- ".repeat(50_000),
        "  ".repeat(200) + "- x",
    ] {
        let src = format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{deep}\n");
        let e = read_err(src.as_bytes());
        if deep.len() > MAX_LINE_CHARS {
            assert!(e[0].contains("characters"), "{e:?}");
        } else {
            assert!(!e.is_empty());
        }
    }
    let nested = (0..12)
        .map(|i| format!("{}- n{i}\n", "  ".repeat(i)))
        .collect::<String>();
    let e = read_err(format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{nested}").as_bytes());
    assert_eq!(
        e,
        ["t.md:14: lists and quotes are nested more than 8 deep; a deck needs 3 at most"]
    );
    let quotes = format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{}x\n", "> ".repeat(9));
    assert!(read_err(quotes.as_bytes())[0].contains("nested more than 8 deep"));

    let mut many = String::from("# D\n\n## Phase 1 – A\n");
    for i in 0..=MAX_COMPARISONS {
        many.push_str(&format!("\nL{i} vs R{i}\n- L:\n- a\n- R:\n- b\n"));
    }
    let e = read_err(many.as_bytes());
    assert_eq!(e.len(), 1);
    assert!(e[0].ends_with("the deck has 1,001 comparisons; a deck may have at most 1,000"));

    let mut faults = String::from("# D\n\n## Phase 1 – A\n");
    for i in 0..80 {
        faults.push_str(&format!("\nnot a title {i}\n"));
    }
    let e = read_err(faults.as_bytes());
    assert_eq!(e.len(), MAX_FAULTS + 1);
    assert!(
        e[MAX_FAULTS].ends_with("and 30 more faults"),
        "{:?}",
        e.last()
    );
}

#[test]
fn an_empty_point_is_a_fault() {
    expect_fault(
        "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n  - a\n  -\n- Y:\n  - {both}\n  - b\n",
        "t.md:8: a point says nothing",
    );
    expect_fault(
        "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n  - a\n- Y:\n  - {both}\n  - b\n",
        "t.md:9: a point says nothing",
    );
}

#[test]
fn html_is_refused_wherever_it_is() {
    for html in [
        "<script>alert(1)</script>",
        "- X:\n- <img src=x onerror=alert(1)>",
        "- X:\n- a <b onmouseover=alert(1)>b</b>",
        "<div>\n\n- X:\n- a\n\n</div>",
    ] {
        let src = format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{html}\n- Y:\n- b\n");
        let e = err(&src);
        assert!(
            e.iter().any(|e| e.contains("raw HTML is not supported")),
            "{html}: {e:?}"
        );
    }
}

const DRILLS: &str = "# D\n\n## Phase 1 – A\n\nCMD vs ENTRYPOINT\n- CMD:\n- Default args.\n- ENTRYPOINT:\n- The main process.\n\nSources: [Ref](https://docs.docker.com/reference/dockerfile/)\n\nDrill: What does `docker run img -c 3 example.com` start?\n\n```dockerfile\nFROM alpine\nENTRYPOINT [\"ping\"]\nCMD [\"localhost\"]\n```\n\n- [ ] `ping localhost`\n- [x] `ping -c 3 example.com`\n- [ ] `ping localhost -c 3 example.com`\n\nWhy: Arguments after the image replace CMD. [Ref: CMD and ENTRYPOINT](https://docs.docker.com/reference/dockerfile/#cmd)\n\n**Drill:** What runs?\n\n```sh\ndocker run --entrypoint echo img hi\n```\n\nAnswer: `echo hi`\n\nWhy: `--entrypoint` replaces it. [docker run](https://docs.docker.com/reference/cli/docker/container/run/) [Ref](https://docs.docker.com/reference/dockerfile/)\n";

#[test]
fn drills_are_read_with_their_setup_answer_and_sources() {
    use crate::deck::{DrillAnswer, Setup};
    let deck = ok(DRILLS);
    let c = &deck.phases[0].comparisons[0];
    assert_eq!(
        c.sources.len(),
        1,
        "the drills' links are theirs, not the comparison's"
    );
    assert_eq!(c.drills.len(), 2);
    let first = &c.drills[0];
    assert_eq!(
        first.question.0,
        vec![
            Span::Text("What does ".into()),
            Span::Code("docker run img -c 3 example.com".into()),
            Span::Text(" start?".into())
        ]
    );
    assert_eq!(
        first.setup,
        Some(Setup {
            lang: "dockerfile".into(),
            code: "FROM alpine\nENTRYPOINT [\"ping\"]\nCMD [\"localhost\"]".into()
        })
    );
    let DrillAnswer::Choice { options, right } = &first.answer else {
        panic!("options: {:?}", first.answer)
    };
    assert_eq!(options.len(), 3);
    assert_eq!(*right, 1);
    assert_eq!(options[1].plain(), "ping -c 3 example.com");
    assert_eq!(first.answer_text(), "ping -c 3 example.com");
    assert_eq!(
        first.why.text.plain(),
        "Arguments after the image replace CMD."
    );
    assert_eq!(first.why.sources[0].title, "Ref: CMD and ENTRYPOINT");
    let second = &c.drills[1];
    assert_eq!(
        second.question.plain(),
        "What runs?",
        "a bold marker reads the same"
    );
    assert_eq!(second.answer, DrillAnswer::Exact("echo hi".into()));
    assert_eq!(second.why.sources.len(), 2);
    assert_eq!(second.setup.as_ref().map(|s| s.lang.as_str()), Some("sh"));
}

#[test]
fn a_drill_may_have_no_setup() {
    let src = DRILLS.replace(
        "```dockerfile\nFROM alpine\nENTRYPOINT [\"ping\"]\nCMD [\"localhost\"]\n```\n\n",
        "",
    );
    let c = ok(&src).phases[0].comparisons[0].clone();
    assert_eq!(c.drills[0].setup, None);
    assert_eq!(c.drills.len(), 2);
}

#[test]
fn drills_are_written_back_as_they_read() {
    let deck = ok(DRILLS);
    let written = crate::syntax::to_markdown(&deck);
    assert_eq!(ok(&written), deck, "written:\n{written}");
    assert!(
        written.contains("- [x] `ping -c 3 example.com`"),
        "{written}"
    );
    assert!(written.contains("Answer: `echo hi`"), "{written}");
    // A setup holding a fence of its own gets a longer one.
    let mut tricky = deck.clone();
    if let Some(setup) = tricky.phases[0].comparisons[0].drills[1].setup.as_mut() {
        setup.code = "echo '```'\n````\ndone".into();
    }
    let written = crate::syntax::to_markdown(&tricky);
    assert_eq!(ok(&written), tricky, "written:\n{written}");
}

#[test]
fn drills_travel_compact_in_postcard_and_as_a_list_in_json() {
    let deck = ok(DRILLS);
    let bytes = postcard::to_allocvec(&deck).unwrap();
    let back: Deck = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back, deck, "read on first use, the same drills");
    assert_eq!(back.phases[0].comparisons[0].drills.len(), 2);
    // A deck's other fields read without reading the drills: a deck with none is smaller
    // by exactly the drills' run of bytes.
    let mut bare = deck.clone();
    bare.phases[0].comparisons[0].drills.clear();
    let bare_bytes = postcard::to_allocvec(&bare).unwrap();
    let drills = postcard::to_allocvec(&*deck.phases[0].comparisons[0].drills).unwrap();
    assert!(bytes.len() - bare_bytes.len() >= drills.len());
    // JSON (stored decks, backups) holds them as a plain list.
    let json = serde_json::to_string(&deck).unwrap();
    assert!(json.contains("\"drills\":[{\"question\":"), "{json}");
    assert_eq!(serde_json::from_str::<Deck>(&json).unwrap(), deck);
    // A stored deck from before drills (no such field) reads with none.
    let old = serde_json::to_string(&bare)
        .unwrap()
        .replace(",\"drills\":[]", "");
    assert!(!old.contains("drills"));
    assert_eq!(serde_json::from_str::<Deck>(&old).unwrap(), bare);
}
