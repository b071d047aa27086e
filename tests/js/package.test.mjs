// The npm package as a portal vendor gets it: `npm pack`, install the
// tarball into a scratch project, and use it from Node ESM. (The browser
// half, the same install served to Chromium, is in tests/browser/.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PKG, installPacked } from './helpers.mjs';

const manifest = JSON.parse(readFileSync(`${PKG}package.json`, 'utf8'));

test('package.json has the fields portal vendors and bundlers rely on', () => {
  assert.equal(manifest.name, 'ctip-screen');
  assert.equal(manifest.type, 'module');
  assert.equal(manifest.types, './index.d.ts');
  assert.equal(manifest.exports['.'].import, './index.js');
  assert.equal(manifest.exports['.'].types, './index.d.ts');
  assert.ok(Array.isArray(manifest.files) && manifest.files.includes('ctip_screen_wasm_bg.wasm'));
  assert.ok(manifest.sideEffects);
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts?.[hook], undefined, hook);
  assert.equal(manifest.dependencies, undefined, 'no runtime dependencies');
});

test('bundlers can find both modules: literal URLs beside import.meta.url, a static import() of the OCDS glue', () => {
  // Vite, webpack 5 and esbuild's plugins emit an asset only for the pattern
  // new URL('<literal>', import.meta.url); a computed name would be missed.
  const shim = readFileSync(`${PKG}index.js`, 'utf8');
  for (const wasm of ['ctip_screen_wasm_bg.wasm', 'ctip_screen_ocds_bg.wasm']) {
    assert.ok(shim.includes(`new URL('./${wasm}', import.meta.url)`), wasm);
    assert.ok(manifest.files.includes(wasm) && manifest.exports[`./${wasm}`], wasm);
  }
  assert.ok(shim.includes("import('./ctip_screen_ocds.js')"));
  const integrity = JSON.parse(readFileSync(`${PKG}integrity.json`, 'utf8'));
  assert.deepEqual(Object.keys(integrity).sort(), ['ctip_screen_ocds_bg.wasm', 'ctip_screen_wasm_bg.wasm']);
});

test('the modules name no directory of the machine that built them', () => {
  // Panic messages carry source paths; scripts/wasm-env.sh rewrites them.
  const home = process.env.HOME || '/nonexistent-home';
  const checkout = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
  for (const wasm of ['ctip_screen_wasm_bg.wasm', 'ctip_screen_ocds_bg.wasm']) {
    const text = readFileSync(`${PKG}${wasm}`).toString('latin1');
    for (const [what, needle] of [['the home directory', home], ['this checkout', checkout], ["the registry's source folder", 'registry/src/']]) {
      assert.ok(!text.includes(needle), `${wasm} names ${what} (${needle})`);
    }
    assert.ok(text.includes('/deps/'), `${wasm}: expected dependency paths rewritten to /deps/`);
  }
});

test('npm pack, install into a scratch project, and use it from Node ESM', () => {
  const { project, files: packed } = installPacked('portal');
  const files = packed.sort();
  for (const f of ['index.js', 'index.d.ts', 'ctip_screen_wasm.js', 'ctip_screen_wasm_bg.wasm', 'ctip_screen_ocds.js', 'ctip_screen_ocds_bg.wasm',
    'panel.js', 'form.js', 'errors.js', 'ctip-risk-panel.css', 'README.md']) {
    assert.ok(files.includes(f), `tarball lacks ${f}`);
  }
  writeFileSync(join(project, 'main.js'), `
    import { init, evaluateBid, CtipError, version, ocdsToBids } from 'ctip-screen';
    await init();
    const ocds = await ocdsToBids(JSON.stringify({ releases: [{ ocid: 'ocds-x-1', id: '1', date: '2026-01-01', tag: ['tender'],
      bids: { details: [{ id: 'b1', tenderers: [{ name: 'Acme' }], value: { amount: 100, currency: 'USD' } }] } }] }));
    const a = evaluateBid({ id: 'P-1', solicitation: { jurisdiction: 'la-city' }, vendor: { name: 'Acme' },
      workforce: { wageRates: [{ role: 'janitor', hourly: 15 }] } }, { asOf: '2026-03-02' });
    let code = '';
    try { evaluateBid({}); } catch (e) { code = e instanceof CtipError ? e.code : 'wrong'; }
    console.log(JSON.stringify({ version: version(), rule: a.findings[0].rule, tier: a.tier, code, ocds: ocds.map((p) => p.ocid + ':' + p.bids.length) }));
  `);
  const result = JSON.parse(execFileSync(process.execPath, ['main.js'], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(result, { version: manifest.version, rule: 'wage-below-floor', tier: 'critical', code: 'invalid-submission', ocds: ['ocds-x-1:1'] });
});
