// What the deck says, read from content/docker.md independently of the app: which side
// each point belongs to. The game tests use it to play as someone who knows the deck.
import { readFileSync } from 'node:fs';

const strip = (s: string) =>
  s
    .replace(/\{both\}\s*$/, '')
    .replace(/\*\*|`/g, '')
    .trim();

const names = (title: string) =>
  title
    .split(/ vs |🆚/)
    .map((n) => n.replace(/[\u2190-\u2BFF\u{1F000}-\u{1FAFF}\uFE0E\uFE0F\u200D\u20E3]/gu, '').trim());

/** Point text -> the names of every side that lists it. */
export function owners(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  let sides: string[] = [];
  let header = -1;
  for (const line of readFileSync('content/docker.md', 'utf8').split('\n')) {
    if (/ vs |🆚/.test(line) && !line.startsWith('- ') && !line.startsWith('#') && !line.startsWith('>')) {
      sides = names(line);
      header = -1;
    } else if (/^- .*:$/.test(line)) {
      header += 1;
    } else if (line.startsWith('- ') && header >= 0 && header < 2) {
      const text = strip(line.slice(2));
      if (!map.has(text)) map.set(text, new Set());
      map.get(text)!.add(sides[header]);
    }
  }
  return map;
}
