// node --test: the loader gets this build's names, keeps the ones other scripts read,
// and no placeholder is left.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loaderScript } from './loader.mjs';

const FILES = { glue: 'diffdeck-1.js', wasm: 'diffdeck-1_bg.wasm', deck: 'deck-docker-2.bin', reader: 'reader-3.js' };

test('the loader names the files of the build, where sizes.mjs finds them', async () => {
  const code = await loaderScript(FILES);
  assert.match(code, /\bglue\s*=\s*"\.\/diffdeck-1\.js"/);
  assert.match(code, /\bwasm\s*=\s*"\.\/diffdeck-1_bg\.wasm"/);
  assert.match(code, /\bdeck\s*=\s*"\.\/deck-docker-2\.bin"/);
  assert.match(code, /import\("\.\/reader-3\.js"\)/);
  assert.doesNotMatch(code, /__[A-Z]+__/);
  assert.doesNotMatch(code, /\/\/|\/\*/, 'comments are stripped');
  assert.ok(code.startsWith('const glue='), 'postbuild.mjs recognises a built page by this');
});

test('a missing name is an error, not a broken page', async () => {
  await assert.rejects(loaderScript({ glue: 'a.js', wasm: 'b.wasm', deck: 'c.bin' }), /still has __READER__/);
});
