// Shared by the JavaScript test suites: paths, scenario files, and the native
// CLI (built on demand) to compare the wasm results against.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
export function nativeScore(file, asOf) {
  const args = ['score', file];
  if (asOf) args.push('--as-of', asOf);
  return execFileSync(nativeCli(), args, { cwd: ROOT, encoding: 'utf8' }).replace(/\n$/, '');
}

export function nativeCompare(text) {
  return execFileSync(nativeCli(), ['compare', '-'], { cwd: ROOT, encoding: 'utf8', input: text }).replace(/\n$/, '');
}
