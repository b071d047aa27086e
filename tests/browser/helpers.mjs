// Browser-test support: Debian's Chromium driven by playwright-core (never a
// downloaded browser), the demo server on a free port, and a page that
// records console errors, dialogs and any request that leaves the origin.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHOTS = `${ROOT}target/screenshots/`;

/**
 * Fails when a watched page logged a console error, sent a request off its
 * origin or opened a dialog.
 * @param {{ errors: string[], offOrigin: string[], dialogs: string[] }} log
 */
export function assertClean(log) {
  assert.deepEqual(log.errors, [], 'console errors');
  assert.deepEqual(log.offOrigin, [], 'requests that left the origin');
  assert.deepEqual(log.dialogs, [], 'dialogs');
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/setup.sh browser`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container Chromium needs --no-sandbox; the rest keep it
    // from reaching for the network in the background.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-default-apps'],
  });
}

export async function serve(mounts) {
  return startServer(mounts ? { mounts } : {});
}

/**
 * A page that records what a test must check: console errors (CSP
 * violations included), page errors, dialogs, and off-origin requests.
 */
export async function watchedPage(browser, origin, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const log = { errors: [], dialogs: [], offOrigin: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning' && /Content Security Policy/.test(m.text())) log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) log.offOrigin.push(u);
  });
  return { page, context, log };
}
