//! Syntax colouring for a drill's setup: a Dockerfile, a Compose file (YAML), shell
//! commands, JSON. A small line-based tokenizer, not a parser: it marks what a reader's
//! eye looks for (instructions, commands, flags, keys, strings, variables, comments) and
//! leaves the rest plain. Written here rather than taken from a highlighting crate: the
//! ones that know these languages carry grammars of hundreds of kilobytes, and this runs
//! in the browser (where the app shows a setup) as well as in the pre-rendered pages.

/// What a run of code is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Plain,
    /// A Dockerfile instruction, a command's name, a JSON literal.
    Keyword,
    /// A command-line option (`-p`, `--rm`, `--from=build`).
    Flag,
    Str,
    /// `$VAR`, `${VAR:-default}`.
    Variable,
    /// A YAML or JSON key.
    Key,
    Number,
    Comment,
}

impl Kind {
    /// The CSS class of a run of this kind (none for plain text).
    pub fn class(self) -> Option<&'static str> {
        Some(match self {
            Kind::Plain => return None,
            Kind::Keyword => "code__kw",
            Kind::Flag => "code__flag",
            Kind::Str => "code__str",
            Kind::Variable => "code__var",
            Kind::Key => "code__key",
            Kind::Number => "code__num",
            Kind::Comment => "code__comment",
        })
    }
}

/// The languages told apart; anything else is plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lang {
    Dockerfile,
    Yaml,
    Shell,
    Json,
    Text,
}

fn lang(name: &str) -> Lang {
    match name.to_ascii_lowercase().as_str() {
        "dockerfile" | "docker" | "containerfile" => Lang::Dockerfile,
        "yaml" | "yml" | "compose" => Lang::Yaml,
        "sh" | "shell" | "bash" | "console" | "zsh" => Lang::Shell,
        "json" => Lang::Json,
        _ => Lang::Text,
    }
}

/// `code` in `lang` as runs of one kind each, in order: their texts joined are `code`.
pub fn runs<'a>(lang_name: &str, code: &'a str) -> Vec<(Kind, &'a str)> {
    let lang = lang(lang_name);
    let mut out: Vec<(Kind, &'a str)> = Vec::new();
    let mut continued = false;
    for line in code.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        match lang {
            Lang::Text => push(&mut out, Kind::Plain, body),
            Lang::Json => json_line(&mut out, body),
            Lang::Yaml => yaml_line(&mut out, body),
            Lang::Dockerfile => continued = dockerfile_line(&mut out, body, continued),
            Lang::Shell => continued = shell_line(&mut out, body, continued),
        }
        if line.ends_with('\n') {
            push(&mut out, Kind::Plain, &line[body.len()..]);
        }
    }
    joined(code, out)
}

/// Adds a run (empty ones are left out).
fn push<'a>(out: &mut Vec<(Kind, &'a str)>, kind: Kind, text: &'a str) {
    if !text.is_empty() {
        out.push((kind, text));
    }
}

/// `runs` (slices of `code`, in order) with neighbours of one kind joined.
fn joined<'a>(code: &'a str, runs: Vec<(Kind, &'a str)>) -> Vec<(Kind, &'a str)> {
    let base = code.as_ptr() as usize;
    let mut out: Vec<(Kind, usize, usize)> = Vec::with_capacity(runs.len());
    for (kind, text) in runs {
        let start = text.as_ptr() as usize - base;
        let end = start + text.len();
        match out.last_mut() {
            Some((k, _, e)) if *k == kind && *e == start => *e = end,
            _ => out.push((kind, start, end)),
        }
    }
    out.into_iter().map(|(k, s, e)| (k, &code[s..e])).collect()
}

/// Splits `line` at its `#` comment (at the start or after whitespace, outside quotes).
fn split_comment(line: &str) -> (&str, &str) {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '#' && prev.is_whitespace() => return (&line[..i], &line[i..]),
            None => {}
        }
        prev = c;
    }
    (line, "")
}

/// The words and gaps of `text` in order: (is a word, slice). A quoted run is part of its
/// word, spaces and all (`'echo hi'`); an unclosed quote runs to the end.
fn words(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let space = rest.starts_with(char::is_whitespace);
        let mut end = rest.len();
        let mut quote: Option<char> = None;
        for (i, c) in rest.char_indices() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if space && !c.is_whitespace() => {
                    end = i;
                    break;
                }
                None if !space && c.is_whitespace() => {
                    end = i;
                    break;
                }
                None if !space && (c == '"' || c == '\'') => quote = Some(c),
                None => {}
            }
        }
        let (part, tail) = rest.split_at(end);
        rest = tail;
        Some((!space, part))
    })
}

/// A word of an argument list: quoted strings, variables, flags, numbers.
fn argument<'a>(out: &mut Vec<(Kind, &'a str)>, word: &'a str) {
    if word.starts_with('-') && word.len() > 1 && !word[1..].starts_with(char::is_numeric) {
        // `--from=build`: the option, then its value.
        match word.find('=') {
            Some(eq) => {
                push(out, Kind::Flag, &word[..=eq]);
                value(out, &word[eq + 1..]);
            }
            None => push(out, Kind::Flag, word),
        }
    } else {
        value(out, word);
    }
}

/// A value: strings, variables, numbers, the rest plain.
fn value<'a>(out: &mut Vec<(Kind, &'a str)>, text: &'a str) {
    let mut rest = text;
    while !rest.is_empty() {
        let first = rest.chars().next().unwrap_or(' ');
        let end = if first == '"' || first == '\'' {
            let close = rest[1..].find(first).map_or(rest.len(), |i| i + 2);
            push(out, Kind::Str, &rest[..close]);
            close
        } else if first == '$' {
            let end = if rest[1..].starts_with('{') {
                rest.find('}').map_or(rest.len(), |i| i + 1)
            } else {
                1 + rest[1..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len() - 1)
            };
            push(out, Kind::Variable, &rest[..end]);
            end
        } else if first.is_ascii_digit() && text.chars().all(|c| c.is_ascii_digit() || c == '.') {
            push(out, Kind::Number, rest);
            rest.len()
        } else {
            let end = rest.find(['"', '\'', '$']).unwrap_or(rest.len()).max(1);
            push(out, Kind::Plain, &rest[..end]);
            end
        };
        rest = &rest[end..];
    }
}

/// A Dockerfile line: the instruction, then its arguments. Returns whether the next line
/// continues this one (a trailing `\`).
fn dockerfile_line<'a>(out: &mut Vec<(Kind, &'a str)>, line: &'a str, continued: bool) -> bool {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') {
        push(out, Kind::Plain, &line[..line.len() - trimmed.len()]);
        push(out, Kind::Comment, trimmed);
        return continued;
    }
    let mut first = !continued;
    for (is_word, part) in words(line) {
        if !is_word {
            push(out, Kind::Plain, part);
        } else if first {
            first = false;
            let kind = if part.chars().all(|c| c.is_ascii_uppercase()) {
                Kind::Keyword
            } else {
                Kind::Plain
            };
            push(out, kind, part);
        } else if part == "AS" || part == "as" {
            push(out, Kind::Keyword, part);
        } else {
            argument(out, part);
        }
    }
    line.trim_end().ends_with('\\')
}

/// A shell line: commands (the first word, and each after `|`, `&&`, `;`), their options
/// and arguments, a `#` comment. Returns whether the next line continues this one.
fn shell_line<'a>(out: &mut Vec<(Kind, &'a str)>, line: &'a str, continued: bool) -> bool {
    let (code, comment) = split_comment(line);
    let mut command = !continued;
    for (is_word, part) in words(code) {
        if !is_word {
            push(out, Kind::Plain, part);
        } else if matches!(part, "|" | "||" | "&&" | ";" | "$") {
            push(out, Kind::Plain, part);
            command = true;
        } else if command && !part.contains('=') {
            command = false;
            push(out, Kind::Keyword, part);
        } else {
            argument(out, part);
        }
    }
    push(out, Kind::Comment, comment);
    code.trim_end().ends_with('\\')
}

/// A YAML line: a key (after any indentation and list dash), then its value.
fn yaml_line<'a>(out: &mut Vec<(Kind, &'a str)>, line: &'a str) {
    let (code, comment) = split_comment(line);
    let body = code.trim_start();
    let indent = &code[..code.len() - body.len()];
    push(out, Kind::Plain, indent);
    let (dash, body) = match body.strip_prefix("- ") {
        Some(rest) => (&body[..2], rest),
        None => ("", body),
    };
    push(out, Kind::Plain, dash);
    let key_end = body
        .find(": ")
        .or_else(|| body.ends_with(':').then(|| body.len() - 1))
        .filter(|&i| !body[..i].contains(['"', '\'', ' ']) || body.starts_with('"'));
    match key_end {
        Some(i) => {
            push(out, Kind::Key, &body[..i]);
            push(out, Kind::Plain, &body[i..i + 1]);
            let rest = &body[i + 1..];
            for (is_word, part) in words(rest) {
                if is_word {
                    value(out, part);
                } else {
                    push(out, Kind::Plain, part);
                }
            }
        }
        None => {
            for (is_word, part) in words(body) {
                if is_word {
                    value(out, part);
                } else {
                    push(out, Kind::Plain, part);
                }
            }
        }
    }
    push(out, Kind::Comment, comment);
}

/// A JSON line: keys, strings, numbers and literals.
fn json_line<'a>(out: &mut Vec<(Kind, &'a str)>, line: &'a str) {
    let mut rest = line;
    while !rest.is_empty() {
        if rest.starts_with('"') {
            let close = rest[1..].find('"').map_or(rest.len(), |i| i + 2);
            let is_key = rest[close..].trim_start().starts_with(':');
            push(
                out,
                if is_key { Kind::Key } else { Kind::Str },
                &rest[..close],
            );
            rest = &rest[close..];
        } else {
            let end = rest.find('"').unwrap_or(rest.len());
            for (is_word, part) in words(&rest[..end]) {
                let word = part.trim_matches([',', ':', '[', ']', '{', '}']);
                let kind = match word {
                    "true" | "false" | "null" if is_word => Kind::Keyword,
                    w if is_word && !w.is_empty() && w.parse::<f64>().is_ok() => Kind::Number,
                    _ => Kind::Plain,
                };
                push(out, kind, part);
            }
            rest = &rest[end..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The runs of `code` that are not plain, as (kind, text).
    fn marked(lang: &str, code: &str) -> Vec<(Kind, String)> {
        let runs = runs(lang, code);
        assert_eq!(
            runs.iter().map(|(_, t)| *t).collect::<String>(),
            code,
            "runs cover the code"
        );
        runs.into_iter()
            .filter(|(k, _)| *k != Kind::Plain)
            .map(|(k, t)| (k, t.to_string()))
            .collect()
    }

    #[test]
    fn a_dockerfile_marks_instructions_flags_strings_and_comments() {
        let code = "# build\nFROM golang:1.22 AS build\nCOPY --from=build /app/bin /usr/local/bin/app\nENTRYPOINT [\"ping\"]\nRUN apt-get update && \\\n    apt-get install -y curl\nENV HOME=/root PATH=$PATH:/x";
        let m = marked("dockerfile", code);
        assert!(m.contains(&(Kind::Comment, "# build".into())));
        assert!(m.contains(&(Kind::Keyword, "FROM".into())));
        assert!(m.contains(&(Kind::Keyword, "AS".into())));
        assert!(m.contains(&(Kind::Flag, "--from=".into())));
        assert!(m.contains(&(Kind::Str, "\"ping\"".into())));
        assert!(m.contains(&(Kind::Variable, "$PATH".into())));
        // A continued line's first word is an argument, not an instruction.
        assert!(!m.contains(&(Kind::Keyword, "apt-get".into())));
        assert_eq!(m.iter().filter(|(k, _)| *k == Kind::Keyword).count(), 6);
    }

    #[test]
    fn shell_marks_commands_and_options() {
        let m = marked(
            "sh",
            "docker run --rm -p 8080:80 nginx | grep x # note\nexport A=1\necho \"$A\"",
        );
        assert!(m.contains(&(Kind::Keyword, "docker".into())));
        assert!(m.contains(&(Kind::Keyword, "grep".into())));
        assert!(m.contains(&(Kind::Flag, "--rm".into())));
        assert!(m.contains(&(Kind::Flag, "-p".into())));
        assert!(m.contains(&(Kind::Comment, "# note".into())));
        assert!(m.contains(&(Kind::Str, "\"$A\"".into())));
        assert!(m.contains(&(Kind::Keyword, "echo".into())));
        // A quoted argument is one string, spaces and all.
        let m = marked("sh", "docker exec web sh -c 'echo hi > /tmp/note'");
        assert!(
            m.contains(&(Kind::Str, "'echo hi > /tmp/note'".into())),
            "{m:?}"
        );
    }

    #[test]
    fn yaml_marks_keys_values_and_comments() {
        let m = marked("yaml", "services:\n  web:\n    image: \"nginx:1.27\" # pinned\n    ports:\n      - \"8080:80\"\n    environment:\n      - A=${A:-1}\n    restart: 3");
        for key in [
            "services",
            "web",
            "image",
            "ports",
            "environment",
            "restart",
        ] {
            assert!(m.contains(&(Kind::Key, key.into())), "{key}: {m:?}");
        }
        assert!(m.contains(&(Kind::Str, "\"nginx:1.27\"".into())));
        assert!(m.contains(&(Kind::Comment, "# pinned".into())));
        assert!(m.contains(&(Kind::Variable, "${A:-1}".into())));
        assert!(m.contains(&(Kind::Number, "3".into())));
    }

    #[test]
    fn json_and_unknown_languages() {
        let m = marked("json", "{\"a\": \"b\", \"n\": 1, \"ok\": true}");
        assert!(m.contains(&(Kind::Key, "\"a\"".into())));
        assert!(m.contains(&(Kind::Str, "\"b\"".into())));
        assert!(m.contains(&(Kind::Number, "1,".into())));
        assert!(m.contains(&(Kind::Keyword, "true}".into())));
        assert_eq!(marked("text", "FROM x # y"), vec![]);
        assert_eq!(marked("", "$ docker ps"), vec![]);
    }

    #[test]
    fn any_text_is_covered_exactly() {
        for lang in ["dockerfile", "yaml", "sh", "json", "text"] {
            for code in [
                "",
                "\n",
                "\"unclosed",
                "a: 'b",
                "${",
                "$",
                "-",
                "--=x",
                "# only",
                "x \\\n y",
                "é ü → 🐳",
            ] {
                marked(lang, code);
            }
        }
    }
}
