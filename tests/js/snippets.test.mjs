// The README's Node examples run as written, against the package installed
// from its `npm pack` tarball (tests/js/snippets.mjs says which blocks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PKG, ROOT } from './helpers.mjs';
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
  const scratch = mkdtempSync(join(tmpdir(), 'ctip-snippets-'));
  execFileSync('npm', ['pack', PKG, '--pack-destination', scratch, '--loglevel=error'], { cwd: ROOT, stdio: 'ignore' });
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  const project = join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'snippets', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(scratch, String(tarball))], { cwd: project, stdio: 'ignore' });
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
