// The README's browser examples run as written in Chromium, under the strict
// Content-Security-Policy of scripts/serve.mjs (`script-src 'self'
// 'wasm-unsafe-eval'`), against the package installed from its `npm pack`
// tarball: pages as they are, bundler examples bundled with esbuild (its
// recipe: the .wasm files copied next to the bundle), webpack 5 (a
// production build) and Vite, each as a portal would. tests/js/snippets.mjs
// says which blocks are which.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, watchedPage, ROOT } from './helpers.mjs';
import { snippets } from '../js/snippets.mjs';
import { installPacked } from '../js/helpers.mjs';

const all = snippets();
let browser;
let project;
before(async () => {
  browser = await launch();
  ({ project } = installPacked('snippets'));
});
after(async () => {
  await browser?.close();
});

/** The portal page an example runs in: the elements the examples name. */
const HOST = (head) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Snippet</title>
  <link rel="icon" href="data:,">${head}</head><body>
  <form id="bid-form">
    <input name="bidNumber" value="BID-3"><input name="vendorName" value="Acme LLC">
    <input type="checkbox" name="usesAgencies">
    <div class="wage-row"><input name="wageRole" value="janitor"><input name="wageHourly" value="15"></div>
    <div class="wage-row"><input name="wageRole" value="porter"><input name="wageHourly" value="18"></div>
  </form>
  <ctip-risk-panel id="risk"></ctip-risk-panel><p id="done"></p></body></html>`;

/** Marks the end of an example (top-level await: it runs after the example). */
const DONE = "\ndocument.getElementById('done').textContent = 'done';\n";

/**
 * Loads `path` from a server of `mounts` and waits for the example to finish.
 * @returns {Promise<{ panel: string, done: string, log: { errors: string[], offOrigin: string[] } }>}
 */
async function run(mounts, path) {
  const { server, url } = await serve(mounts);
  try {
    const { page, context, log } = await watchedPage(browser, url);
    await page.goto(`${url}${path}`);
    await page.waitForFunction(() => document.getElementById('done')?.textContent === 'done'
      || document.querySelector('ctip-risk-panel .ctip-tier-badge') !== null, null, { timeout: 20000 })
      .catch(() => {});
    const { panel, done } = await page.evaluate(() => ({
      panel: document.querySelector('ctip-risk-panel')?.textContent ?? '',
      done: document.getElementById('done')?.textContent ?? '',
    }));
    await context.close();
    return { panel, done, log };
  } finally {
    server.close();
  }
}

/** Every file under `dir`, as paths relative to it. @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name).slice(dir.length + 1));
}

/**
 * Bundles `dir/entry.js` (and `dir/index.html`, for Vite) with one bundler
 * into `dir/dist-<bundler>`, as a portal would, and returns that directory
 * with a page that loads the bundle.
 * @param {'esbuild' | 'webpack' | 'vite'} bundler
 * @param {string} dir
 */
async function bundle(bundler, dir) {
  const out = join(dir, `dist-${bundler}`);
  if (bundler === 'esbuild') {
    execFileSync(`${ROOT}node_modules/.bin/esbuild`, ['entry.js', '--bundle', '--format=esm', '--target=es2022',
      `--outdir=${out}`, '--log-level=error'], { cwd: dir, stdio: 'inherit' });
    // esbuild's recipe in pkg/README.md: the modules next to the bundle.
    for (const wasm of ['ctip_screen_wasm_bg.wasm', 'ctip_screen_ocds_bg.wasm']) {
      copyFileSync(join(project, 'node_modules/ctip-screen', wasm), join(out, wasm));
    }
    const css = existsSync(join(out, 'entry.css')) ? '<link rel="stylesheet" href="entry.css">' : '';
    writeFileSync(join(out, 'index.html'), HOST(`${css}<script type="module" src="entry.js"></script>`));
  } else if (bundler === 'webpack') {
    // A production build, where webpack drops imports it deems free of
    // side effects (the stylesheet, before the package listed it).
    const { default: webpack } = await import('webpack');
    const compiler = webpack({
      mode: 'production', context: dir, entry: './entry.js', devtool: false,
      output: { path: out, filename: 'main.js', publicPath: 'auto', module: true },
      experiments: { css: true, outputModule: true },
      performance: { hints: false },
    });
    await new Promise((resolve, reject) => compiler.run((error, stats) => {
      compiler.close(() => {});
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else resolve(undefined);
    }));
    const css = existsSync(join(out, 'main.css')) ? '<link rel="stylesheet" href="main.css">' : '';
    writeFileSync(join(out, 'index.html'), HOST(`${css}<script type="module" src="main.js"></script>`));
  } else {
    const { build } = await import('vite');
    await build({ root: dir, configFile: false, logLevel: 'error', build: { outDir: out, emptyOutDir: true, target: 'es2022' } });
  }
  // The self-hosting example fetches the module from where the portal
  // serves it: at the root here, whatever the bundler emitted.
  for (const wasm of ['ctip_screen_wasm_bg.wasm', 'ctip_screen_ocds_bg.wasm']) {
    if (!existsSync(join(out, wasm))) copyFileSync(join(project, 'node_modules/ctip-screen', wasm), join(out, wasm));
  }
  return out;
}

test('the bundler examples, bundled with esbuild, webpack 5 and Vite, run in a page', async () => {
  const bundled = all.filter((s) => s.kind === 'bundler');
  assert.ok(bundled.length >= 3);
  for (const s of bundled) {
    const dir = join(project, `bundle-${s.doc.replace(/\W/g, '-')}-${s.line}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'entry.js'), s.code + DONE);
    writeFileSync(join(dir, 'index.html'), HOST('<script type="module" src="./entry.js"></script>'));
    for (const bundler of /** @type {const} */ (['esbuild', 'webpack', 'vite'])) {
      const where = `${s.doc}:${s.line} with ${bundler}`;
      const out = await bundle(bundler, dir);
      const { panel, done, log } = await run({ '/': out }, 'index.html');
      assert.deepEqual(log.errors, [], where);
      assert.equal(done, 'done', `${where} did not finish`);
      if (/mountRiskPanel/.test(s.code)) {
        assert.match(panel, /Wage below the legal floor/, where);
        // The stylesheet import made it into the build.
        const css = filesUnder(out).filter((f) => f.endsWith('.css'));
        assert.ok(css.some((f) => readFileSync(join(out, f), 'utf8').includes('ctip-tier-badge')), `${where}: no panel stylesheet in ${css}`);
      }
    }
  }
});

test('the plain page of the README runs under its Content-Security-Policy', async () => {
  const files = all.filter((s) => s.kind === 'file');
  assert.deepEqual(files.map((s) => s.file).sort(), ['index.html', 'portal.js']);
  const site = join(project, 'site');
  mkdirSync(site, { recursive: true });
  for (const s of files) writeFileSync(join(site, String(s.file)), s.code);
  writeFileSync(join(site, 'favicon.ico'), ''); // the browser asks for one
  const { panel, log } = await run({ '/vendor/ctip-screen/': join(project, 'node_modules/ctip-screen'), '/': site }, 'index.html');
  assert.deepEqual(log.errors, [], panel);
  assert.deepEqual(log.offOrigin, []);
  assert.match(panel, /Wage below the legal floor/);
});

test('the browser examples run in a page with the package served', async () => {
  const pages = all.filter((s) => s.kind === 'browser');
  assert.ok(pages.length >= 1);
  for (const s of pages) {
    const site = join(project, `site-${s.line}`);
    mkdirSync(site, { recursive: true });
    writeFileSync(join(site, 'example.js'), s.code + DONE);
    writeFileSync(join(site, 'index.html'), HOST('<script type="module" src="example.js"></script>'));
    const { done, log } = await run({ '/vendor/ctip-screen/': join(project, 'node_modules/ctip-screen'), '/': site }, 'index.html');
    assert.deepEqual(log.errors, [], `${s.doc}:${s.line}`);
    assert.equal(done, 'done', `${s.doc}:${s.line} did not finish`);
  }
});
