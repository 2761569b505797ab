// docs/automation.md is the reference of window.radar: every function the page defines, every
// widget the views mark and every top-level info() field is listed there, and everything listed
// exists. Functions and widgets are read from the sources; info() fields from a running app (its
// optional fields from the hook's source).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openApp } from './browser.mjs';

const reference = readFileSync('docs/automation.md', 'utf8');

// The first column of the table under `## heading`, as the names in its backticks ("`a`, `b`").
function listed(heading) {
  const section = reference.split(/^## /m).find((part) => part.startsWith(heading));
  assert.ok(section, `docs/automation.md has a section "${heading}"`);
  const names = new Set();
  for (const line of section.split('\n')) {
    if (!line.startsWith('| `')) continue;
    const firstCell = line.split(/(?<!\\)\|/)[1];
    for (const [, name] of firstCell.matchAll(/`([^`(]+)[^`]*`/g)) names.add(name.trim());
  }
  return names;
}

function difference(a, b) {
  return [...a].filter((name) => !b.has(name)).sort();
}

// window.radar's keys in index.html.
function pageFunctions() {
  const page = readFileSync('index.html', 'utf8');
  const block = page.slice(page.indexOf('window.radar = {'), page.indexOf('\n  };', page.indexOf('window.radar = {')));
  return new Set([...block.matchAll(/^ {4}(\w+)[:,]/gm)].map(([, name]) => name));
}

// The names the views mark: a literal, or a literal prefix and an id ("weight:" + id -> weight:<id>).
function markedWidgets() {
  const names = new Set();
  for (const file of readdirSync('src/ui').filter((name) => name.endsWith('.cpp'))) {
    const source = readFileSync(join('src/ui', file), 'utf8');
    for (const [, literal, rest] of source.matchAll(/note_(?:last_item|widget)\("([^"]*)"(\s*\+)?/g))
      names.add(rest ? `${literal}<id>` : literal);
    // Widgets that mark themselves under a key given to them: described_button(label, "key"),
    // described_checkbox(label, value, "key"),
    // begin_described_combo / described_input_int / version_combo(..., "##id", "key", ...).
    for (const [, literal] of source.matchAll(/described_button\(\w+::\w+, "([^"]*)"/g)) names.add(literal);
    for (const [, literal] of source.matchAll(/described_checkbox\([^,]+, [^,]+, "([^"]*)"/g)) names.add(literal);
    for (const [, literal] of source.matchAll(/(?:begin_described_combo|described_input_int|version_combo)\((?:state, )?"##\w+", "([^"]*)"/g))
      names.add(literal);
  }
  return names;
}

test('docs/automation.md lists exactly the functions of window.radar', () => {
  const documented = listed('Functions');
  const defined = pageFunctions();
  assert.ok(defined.size > 10, 'window.radar was found in index.html');
  assert.deepEqual(difference(defined, documented), [], 'functions the reference does not list');
  assert.deepEqual(difference(documented, defined), [], 'listed functions the page does not define');
});

test('docs/automation.md lists exactly the widgets the views mark', () => {
  const documented = listed('Widget boxes');
  const marked = markedWidgets();
  assert.ok(marked.size > 30, 'widget marks were found in src/ui');
  assert.deepEqual(difference(marked, documented), [], 'widgets the reference does not list');
  assert.deepEqual(difference(documented, marked), [], 'listed widgets no view marks');
});

test('docs/automation.md lists every top-level info() field, and each listed one is emitted', async () => {
  const documented = listed('`info()` fields');
  const hook = readFileSync('src/app/automation_hook.cpp', 'utf8');
  const emittedByHook = new Set([...hook.matchAll(/info\["(\w+)"\]/g)].map(([, name]) => name));
  assert.deepEqual(difference(documented, emittedByHook), [], 'listed fields the hook never writes');
  const app = await openApp();
  try {
    const fields = new Set(Object.keys(app.info));
    assert.ok(fields.has('widgets') && fields.has('model'), 'info() came from the running app');
    assert.deepEqual(difference(fields, documented), [], 'info() fields the reference does not list');
  } finally {
    await app.close();
  }
});
