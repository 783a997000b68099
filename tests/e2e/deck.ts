// What the decks say, read from content/*.md independently of the app: which side each
// point belongs to, as study modes ask it (a point's correction where it has one). The
// game tests use it to play as someone who knows the decks.
import { readFileSync } from 'node:fs';

export const DECK_FILES = ['content/docker.md', 'content/docker-in-depth.md'];

const strip = (s: string) =>
  s
    .replace(/\{both\}\s*$/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\*\*|`/g, '')
    .replace(/\s+/g, ' ')
    .trim();

const names = (title: string) =>
  title
    .split(/ vs |🆚/)
    .map((n) => n.replace(/[\u2190-\u2BFF\u{1F000}-\u{1FAFF}\uFE0E\uFE0F\u200D\u20E3]/gu, '').trim());

/** Point text (as asked) -> the names of every side that lists it, in `files`. */
export function owners(files: string[] = DECK_FILES): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (text: string, side: string) => {
    if (!map.has(text)) map.set(text, new Set());
    map.get(text)!.add(side);
  };
  for (const file of files) {
    let sides: string[] = [];
    let header = -1;
    // The last point read, until a correction under it replaces it.
    let pending: [string, string] | null = null;
    const flush = () => {
      if (pending) add(...pending);
      pending = null;
    };
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      // A drill's lines (its options are checklist items) are no side's points.
      if (/^(\*\*)?Drill:/.test(line)) {
        flush();
        header = 2;
        continue;
      }
      const fix = /^\s+> \*\*Correction:\*\*(.*)$/.exec(line);
      if (fix && pending) {
        pending[0] = strip(fix[1]);
        continue;
      }
      flush();
      if (/ vs |🆚/.test(line) && !line.startsWith('- ') && !line.startsWith('#') && !line.startsWith('>') && !line.startsWith('Sources:')) {
        sides = names(line);
        header = -1;
      } else if (/^- .*:$/.test(line)) {
        header += 1;
      } else if (line.startsWith('- ') && header >= 0 && header < 2) {
        pending = [strip(line.slice(2)), sides[header]];
      }
    }
    flush();
  }
  return map;
}

/** A match tile as the tests read it. */
export interface Tile {
  i: number;
  name: boolean;
  text: string;
}

/** Pairs of tile indices (name, description) that a person who knows the decks would make. */
export function solve(tiles: Tile[], who = owners()): (readonly [number, number])[] {
  const names = tiles.filter((t) => t.name);
  return tiles
    .filter((t) => !t.name)
    .map((d) => {
      const sides = who.get(d.text);
      if (!sides) throw new Error(`unknown description ${d.text}`);
      const matches = names.filter((n) => sides.has(n.text));
      if (matches.length !== 1) throw new Error(`${d.text} fits ${matches.map((m) => m.text)}`);
      return [matches[0].i, d.i] as const;
    });
}

/** A drill as the tests read it from the decks: its question and options (as shown, plain
 * text), the right one's index, or its exact answer. */
export interface Drill {
  question: string;
  /** Its setup's code, as written. */
  setup: string;
  options: string[];
  right: number;
  exact: string | null;
}

/** Every drill of `files`, in order. */
export function drills(files: string[] = DECK_FILES): Drill[] {
  const out: Drill[] = [];
  for (const file of files) {
    let current: Drill | null = null;
    let inCode = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.startsWith('```')) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        if (current) current.setup += (current.setup ? '\n' : '') + line;
        continue;
      }
      const start = /^(?:\*\*)?Drill:(?:\*\*)?\s*(.*)$/.exec(line);
      if (start) {
        current = { question: strip(start[1]), setup: '', options: [], right: -1, exact: null };
        out.push(current);
        continue;
      }
      if (!current) continue;
      const option = /^- \[([ x])\] (.*)$/.exec(line);
      if (option) {
        if (option[1] === 'x') current.right = current.options.length;
        current.options.push(strip(option[2]));
      } else if (line.startsWith('Answer:')) {
        current.exact = strip(line.slice('Answer:'.length));
      } else if (line.startsWith('Why:')) {
        current = null;
      }
    }
  }
  return out;
}

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The drill whose question `prompt` is (as shown), told apart by its `setup` (as shown)
 * where several drills ask the same (the CMD × ENTRYPOINT table). */
export function drillAsked(prompt: string, setup = '', all = drills()): Drill {
  const asking = all.filter((d) => d.question === strip(prompt));
  const found = asking.length > 1 ? asking.filter((d) => words(d.setup) === words(setup)) : asking;
  if (found.length !== 1) throw new Error(`${found.length} drills ask ${prompt} with ${setup}`);
  return found[0];
}

/** The index of the right choice for a quiz question, as someone who knows the decks
 * (`setup`: a drill's setup as shown). */
export function answer(prompt: string, choices: string[], who = owners(), setup = ''): number {
  let m;
  if ((m = /^Which one: “(.*)”$/.exec(prompt))) {
    const sides = who.get(m[1])!;
    return choices.findIndex((c) => sides.has(c));
  }
  if ((m = /^Which is true of (.*)\?$/.exec(prompt))) {
    const name = m[1];
    return choices.findIndex((c) => who.get(c)?.has(name));
  }
  if ((m = /^True or false: “(.*)” is true of (.*)$/.exec(prompt))) {
    return who.get(m[1])!.has(m[2]) ? 0 : 1;
  }
  // Otherwise a drill: its right option, wherever the quiz put it.
  const drill = drillAsked(prompt, setup);
  return choices.findIndex((c) => strip(c) === drill.options[drill.right]);
}
