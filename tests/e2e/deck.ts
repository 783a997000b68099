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

/** The index of the right choice for a quiz question, as someone who knows the decks. */
export function answer(prompt: string, choices: string[], who = owners()): number {
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
  throw new Error(`unknown question: ${prompt}`);
}
