// The code examples of README.md and pkg/README.md, as the snippet tests
// run them. A fenced block's info string says how: `js node` runs in Node
// with the package installed, `js bundler` is bundled with esbuild and run
// in a page, `js browser` runs in a page with the package served at
// /vendor/ctip-screen/, and `html file=NAME` / `js file=NAME` are the files
// of a page served as they are. Blocks of other languages (sh) are the
// commands of the README, run by the CLI tests.
import { readFileSync } from 'node:fs';
import { ROOT } from './helpers.mjs';

/** @returns {{ doc: string, line: number, lang: string, kind: string, file?: string, code: string }[]} */
export function snippets() {
  const out = [];
  for (const doc of ['README.md', 'pkg/README.md']) {
    const lines = readFileSync(`${ROOT}${doc}`, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^```(\w+)(.*)$/.exec(lines[i]);
      if (!open) continue;
      const start = i;
      const body = [];
      for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i]);
      const [lang, info] = [open[1], open[2].trim()];
      if (lang !== 'js' && lang !== 'html') continue;
      const file = /file=(\S+)/.exec(info)?.[1];
      const kind = file ? 'file' : info.split(/\s+/)[0];
      out.push({ doc, line: start + 1, lang, kind, file, code: body.join('\n') + '\n' });
    }
  }
  return out;
}
