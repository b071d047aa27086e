// Shared by the JavaScript test suites: paths, scenario files, and the native
// CLI (built on demand) to compare the wasm results against.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PKG = `${ROOT}pkg/`;

/** Every scenario fixture: [{ name, text, value, expected }] */
export function scenarios() {
  const dir = `${ROOT}tests/scenarios/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const text = readFileSync(dir + f, 'utf8');
      return {
        name: f.replace(/\.json$/, ''),
        text,
        value: JSON.parse(text),
        expected: JSON.parse(readFileSync(dir + f.replace(/\.json$/, '.expected.json'), 'utf8')),
      };
    });
}

let cli = null;
/** Path of the native ctip-screen binary, built if missing. */
export function nativeCli() {
  if (cli) return cli;
  const bin = `${process.env.CARGO_TARGET_DIR ?? `${ROOT}target`}/debug/ctip-screen`;
  execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'ctip-screen'], { cwd: ROOT, stdio: 'inherit' });
  if (!existsSync(bin)) throw new Error(`no native binary at ${bin}`);
  cli = bin;
  return cli;
}

/** The native CLI's `score` output for a file, as text without the final newline. */
export function nativeScore(file, asOf, lang) {
  const args = ['score', file];
  if (asOf) args.push('--as-of', asOf);
  if (lang) args.push('--lang', lang);
  return execFileSync(nativeCli(), args, { cwd: ROOT, encoding: 'utf8' }).replace(/\n$/, '');
}

export function nativeCompare(text, lang) {
  const args = ['compare', '-'];
  if (lang) args.push('--lang', lang);
  return execFileSync(nativeCli(), args, { cwd: ROOT, encoding: 'utf8', input: text }).replace(/\n$/, '');
}

/**
 * The package as a portal gets it: packed by `npm pack` and installed into
 * a new scratch project called `name` (an ES module package).
 * @param {string} name
 * @returns {{ project: string, files: string[] }} the project's directory and the tarball's files
 */
export function installPacked(name) {
  const scratch = mkdtempSync(join(tmpdir(), `ctip-${name}-`));
  const out = execFileSync('npm', ['pack', PKG, '--pack-destination', scratch, '--json', '--loglevel=error'], { encoding: 'utf8', cwd: ROOT });
  const packed = JSON.parse(out)[0];
  const project = join(scratch, name);
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', join(scratch, packed.filename)], { cwd: project, stdio: 'ignore' });
  return { project, files: packed.files.map((/** @type {{ path: string }} */ f) => f.path) };
}

