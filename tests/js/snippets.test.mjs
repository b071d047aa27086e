// The README's Node examples run as written, against the package installed
// from its `npm pack` tarball (tests/js/snippets.mjs says which blocks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, installPacked } from './helpers.mjs';
import { snippets } from './snippets.mjs';

const all = snippets();

test('every JS and HTML block of the READMEs says how it is run', () => {
  assert.ok(all.length >= 8, `${all.length} blocks`);
  for (const s of all) {
    assert.ok(['node', 'bundler', 'browser', 'file'].includes(s.kind), `${s.doc}:${s.line}: \`\`\`${s.lang} ${s.kind}`);
  }
});

test('the Node examples run against the packed package', () => {
  const node = all.filter((s) => s.kind === 'node');
  assert.ok(node.length >= 1);
  const { project } = installPacked('snippets');
  // The bids of one solicitation, as the example expects in bids.json.
  const samples = JSON.parse(readFileSync(`${ROOT}www/samples/la-samples.json`, 'utf8'));
  writeFileSync(join(project, 'bids.json'), JSON.stringify(samples.solicitations[0].bids));
  for (const s of node) {
    const file = join(project, `snippet-${s.line}.mjs`);
    writeFileSync(file, s.code);
    const out = execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
    assert.ok(out.trim().length > 0, `${s.doc}:${s.line} printed nothing`);
    assert.match(out, /^\S+ \d+ (low|elevated|high|critical)$/m, `${s.doc}:${s.line}: ${out}`);
  }
});
