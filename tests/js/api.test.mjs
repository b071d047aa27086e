// The npm package's API in Node (SPEC.md section 6): init, evaluateBid,
// compareBids, validateSubmission, defaultPolicy, rules, version, CtipError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PKG, ROOT, scenarios } from './helpers.mjs';

const fresh = (tag) => import(`${PKG}index.js?${tag}`);
const ctip = await import(`${PKG}index.js`);
await ctip.init();

test('calling the API before init() throws not-initialized', async () => {
  const c = await fresh('before-init');
  assert.throws(() => c.evaluateBid({}), (e) => e instanceof c.CtipError && e.code === 'not-initialized');
  assert.throws(() => c.rules(), { code: 'not-initialized' });
  assert.throws(() => c.compareBids([]), { code: 'not-initialized' });
  assert.equal(c.validateSubmission({}).valid, false);
  // In the language of the call's locale.
  assert.throws(() => c.evaluateBid({}, { locale: 'es-MX' }), { code: 'not-initialized', message: /^ctip-screen: llame a init\(\)/ });
  assert.throws(() => c.rules({ locale: 'es' }), { message: /llame a init/ });
  assert.throws(() => c.evaluateBid({}), { message: /^ctip-screen: call and await init\(\)/ });
});

test('fromForm needs no module: it works before init()', async () => {
  const c = await fresh('form-before-init');
  const data = new FormData();
  data.set('vendor.name', 'Acme LLC');
  data.set('wage', '16.50');
  const bid = c.fromForm(data, { 'vendor.name': 'vendor.name', wage: { path: 'workforce.wageRates[0].hourly', type: 'number' } });
  assert.equal(bid.vendor.name, 'Acme LLC');
  assert.equal(bid.workforce?.wageRates?.[0]?.hourly, 16.5);
});

test('init() with no argument works in Node and twice is harmless', async () => {
  const c = await fresh('twice');
  await Promise.all([c.init(), c.init()]);
  await c.init();
  assert.equal(c.version(), ctip.version());
});

test('init() accepts bytes, a WebAssembly.Module and a Response', async () => {
  const bytes = readFileSync(`${PKG}ctip_screen_wasm_bg.wasm`);
  for (const [tag, wasm] of [
    ['bytes', bytes],
    ['module', new WebAssembly.Module(bytes)],
    ['response', new Response(bytes, { headers: { 'content-type': 'application/wasm' } })],
  ]) {
    const c = await fresh(tag);
    await c.init({ wasm });
    assert.match(c.version(), /^\d+\.\d+\.\d+/, tag);
  }
});

test('init() with a bad source rejects with init-failed and can be retried', () => {
  // A process of its own: the wasm glue is shared by every import of the shim.
  const script = `
    const c = await import(${JSON.stringify(`${PKG}index.js`)});
    try { await c.init({ wasm: new Uint8Array([0, 1, 2, 3]) }); console.log('resolved'); }
    catch (e) { console.log(e.code); }
    await c.init();
    console.log(c.rules().length > 30);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(out.trim().split('\n'), ['init-failed', 'true']);
});

test('init-failed says where the module was looked for and how to serve it', () => {
  // A URL that answers 404, as a bundle without the .wasm beside it does.
  const script = `
    const http = await import('node:http');
    const server = http.createServer((req, res) => { res.statusCode = 404; res.end(); });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const url = 'http://127.0.0.1:' + server.address().port + '/assets/ctip_screen_wasm_bg.wasm';
    const c = await import(${JSON.stringify(`${PKG}index.js`)});
    try { await c.init({ wasm: url }); console.log('resolved'); }
    catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, url })); }
    server.close();`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.equal(out.code, 'init-failed');
  assert.ok(out.message.includes(`from ${out.url}`), out.message);
  assert.match(out.message, /Serve ctip_screen_wasm_bg\.wasm next to ctip-screen's index\.js/);
  assert.match(out.message, /init\(\{ wasm: url \}\)/);
});

test('init({ locale: "es" }) says in Spanish why the module could not be loaded', () => {
  const script = `
    const c = await import(${JSON.stringify(`${PKG}index.js`)});
    try { await c.init({ wasm: new Uint8Array([0, 1, 2, 3]), locale: 'es' }); console.log('resolved'); }
    catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
  assert.equal(out.code, 'init-failed');
  assert.match(out.message, /^ctip-screen: no se pudo cargar el módulo WebAssembly desde los bytes dados: /);
  assert.match(out.message, /Sirva ctip_screen_wasm_bg\.wasm junto al index\.js de ctip-screen/);
});

test('ocdsToBids loads the OCDS module on first use, then reuses it', async () => {
  const text = readFileSync(`${ROOT}tests/ocds/release-package.json`, 'utf8');
  const [first, second] = await Promise.all([ctip.ocdsToBids(text), ctip.ocdsToBids(text)]);
  assert.ok(first.length > 0 && first.some((p) => p.bids.length > 0));
  assert.deepEqual(second, first);
  // The bids it reads are submissions the engine takes.
  const bids = first.find((p) => p.bids.length > 0).bids;
  assert.equal(ctip.evaluateBid(bids[0]).submissionId, bids[0].id);
  await assert.rejects(ctip.ocdsToBids('{"not": "ocds"}'), (e) => e instanceof ctip.CtipError && e.code === 'invalid-submission' && /not OCDS/.test(e.message));
  const before = await fresh('ocds-before-init');
  await assert.rejects(before.ocdsToBids(text), { code: 'not-initialized' });
});

test('ocdsToBids: a JSON Lines line that cannot be read is listed with its number; the rest is read', async () => {
  const lines = readFileSync(`${ROOT}tests/ocds/releases.jsonl`, 'utf8').split('\n').filter((l) => l.trim());
  const text = [lines[0], '{"ocid": ', ...lines.slice(1)].join('\n');
  const processes = await ctip.ocdsToBids(text);
  assert.equal(processes.length, lines.length);
  assert.equal(processes.errors.length, 1);
  assert.equal(processes.errors[0].line, 2);
  assert.equal(processes.errors[0].error.code, 'invalid-submission');
  assert.match(processes.errors[0].error.message, /^line 2: /);
  const clean = await ctip.ocdsToBids(lines.join('\n'));
  assert.deepEqual(clean.errors, []);
  assert.deepEqual([...processes], [...clean]);
});

test('ocdsToBids reads the real TED/Doffin and Prozorro samples as the CLI does', async () => {
  const ted = await ctip.ocdsToBids(readFileSync(`${ROOT}tests/ocds/real/ted-eforms-releases.jsonl`, 'utf8'));
  assert.equal(ted.length, 100);
  assert.deepEqual(ted.errors, []);
  assert.equal(ted.filter((p) => p.bids.length > 0).length, 22);
  const nurses = ted.find((p) => p.ocid.endsWith('0275bdca-e965-4c26-a799-d1f10ce63a4d'));
  assert.deepEqual(nurses.lots[0].ceiling, { amount: 65000000, source: '10 awards on the lot share this value (parallel framework agreements)' });
  // A page compares the bids it imported: the ceiling and the bids received travel with them.
  assert.ok(nurses.bids.every((b) => b.solicitation.priceCeiling === 65000000 && b.solicitation.bidsReceived === 15));
  assert.deepEqual(ctip.compareBids(nurses.bids).findings, []);
  const oneOfSix = ted.find((p) => p.ocid.endsWith('77826005-b613-4c70-99d2-34a417ab0308'));
  assert.equal(oneOfSix.bids.length, 1);
  assert.deepEqual(ctip.compareBids(oneOfSix.bids).findings, []);
  const prozorro = await ctip.ocdsToBids(readFileSync(`${ROOT}tests/ocds/real/prozorro-records-10.json`, 'utf8'));
  assert.equal(prozorro.length, 10);
  const lotBids = prozorro.find((p) => p.ocid === 'ocds-be6bcu-UA-2017-10-31-002726-a').bids;
  assert.deepEqual(lotBids.map((b) => [b.solicitation.estimatedValue, b.solicitation.currency]), [[129500, 'UAH'], [129500, 'UAH']]);
});

test('hostile OCDS text is an error or an empty result, never a crash of the OCDS module', async () => {
  const release = '{"ocid": "ocds-x-1", "id": "1", "date": "2026-01-01", "tag": ["tender"]}';
  const texts = ['', ' ', 'null', '[]', '{}', '{"releases": 5}', '{"releases": [5, "x", null]}', '{"records": [{}]}',
    '['.repeat(100000), '{"releases": [' + '['.repeat(5000) + ']', `{"releases": [${release}], "releases": []}`,
    `${release}\n\u0000\n${release}`, '\ud800', '{"releases": [{"ocid": "\ud800", "bids": {"details": [{"value": {"amount": 1e999}}]}}]}',
    `{"releases": [${release.replace('"1"', '"' + 'x'.repeat(200000) + '"')}]}`, JSON.stringify({ releases: [{ ocid: 'a', bids: { details: new Array(3000).fill({ tenderers: 'no' }) } }] })];
  for (const text of texts) {
    try {
      const processes = await ctip.ocdsToBids(text);
      assert.ok(Array.isArray(processes), text.slice(0, 40));
    } catch (e) {
      assert.ok(e instanceof ctip.CtipError && e.code === 'invalid-submission' && e.message.length > 0, `${text.slice(0, 40)}: ${e}`);
    }
  }
  // still healthy
  const ok = await ctip.ocdsToBids(readFileSync(`${ROOT}tests/ocds/releases.jsonl`, 'utf8'));
  assert.ok(ok.some((p) => p.bids.length > 0));
});

test('ocdsWasm: a bad source rejects with init-failed, and a good one given later works', () => {
  // A process of its own: the wasm glue is shared by every import of the shim.
  const script = `
    const c = await import(${JSON.stringify(`${PKG}index.js`)});
    const { readFile } = await import('node:fs/promises');
    await c.init({ ocdsWasm: new Uint8Array([0, 1, 2, 3]) });
    console.log(c.version().length > 0);
    try { await c.ocdsToBids('{"releases": []}'); console.log('resolved'); } catch (e) { console.log(e.code); }
    await c.init({ ocdsWasm: await readFile(${JSON.stringify(`${PKG}ctip_screen_ocds_bg.wasm`)}) });
    console.log((await c.ocdsToBids('{"releases": []}')).length);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.deepEqual(out.trim().split('\n'), ['true', 'init-failed', '0']);
});

test('every scenario gets its expected tier and findings through wasm', () => {
  for (const s of scenarios()) {
    const a = ctip.evaluateBid(s.value, s.value.submittedOn ? undefined : { asOf: '2026-03-02' });
    assert.equal(a.tier, s.expected.tier, s.name);
    assert.equal(a.score, s.expected.score, s.name);
    assert.deepEqual(a.findings.map((f) => `${f.rule}:${f.severity}`), s.expected.findings, s.name);
    assert.deepEqual(a.gaps.map((g) => g.rule), s.expected.gaps, s.name);
  }
});

test('output is JSON-compatible: null not undefined, plain objects not Maps', () => {
  const s = scenarios().find((x) => x.name === 'minimal-bid');
  const a = ctip.evaluateBid(s.value, { asOf: '2026-03-02' });
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.equal(Object.getPrototypeOf(a.policy), Object.prototype);
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  const evidenceNull = ctip.evaluateBid({ ...s.value, vendor: { name: 'x', annualRevenue: 2e8, businessType: 'retailer' } }, { asOf: '2026-03-02' })
    .findings.find((f) => f.rule === 'supply-chain-disclosure-missing').evidence[1];
  assert.equal(evidenceNull.value, null);
});

test('invalid input throws CtipError naming every bad field', () => {
  const bid = { id: 'X', solicitation: { sector: 'cleaning' }, vendor: { nmae: 'x' }, workforce: { wageRates: [{ hourly: 1 }, { hourly: 2 }, { hourly: -1 }] } };
  try {
    ctip.evaluateBid(bid);
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof ctip.CtipError);
    assert.ok(e instanceof Error);
    assert.equal(e.code, 'invalid-submission');
    const paths = e.issues.map((i) => i.path);
    assert.deepEqual(paths, ['solicitation.sector', 'vendor.name', 'vendor.nmae', 'workforce.wageRates[2].hourly']);
    assert.match(e.message, /solicitation.sector/);
  }
});

test('hostile values never crash the module', () => {
  const cyclic = { id: 'x', solicitation: {}, vendor: { name: 'v' } };
  cyclic.self = cyclic;
  const values = [undefined, null, 0, NaN, 'text', [], () => 1, Symbol('s'), 10n, new Date(), new Map([[1, 2]]),
    cyclic, { id: 'x', solicitation: {}, vendor: { name: 'v' }, price: { total: Infinity } },
    JSON.parse('{"__proto__": {"admin": true}, "id": "x", "solicitation": {}, "vendor": {"name": "v"}}'),
    { id: 'x', solicitation: {}, vendor: { name: 'v' }, supplyItems: new Array(6000).fill({}) },
    { id: 'x'.repeat(20000), solicitation: {}, vendor: { name: 'v' } }];
  for (const v of values) {
    const check = ctip.validateSubmission(v);
    assert.equal(check.valid, false, String(v));
    assert.ok(Array.isArray(check.issues) && check.issues.length > 0);
    assert.throws(() => ctip.evaluateBid(v), (e) => e instanceof ctip.CtipError && ['invalid-submission', 'limit-exceeded'].includes(e.code));
  }
  assert.equal(({}).admin, undefined);
  // still healthy
  assert.equal(ctip.evaluateBid(scenarios()[0].value).submissionId, scenarios()[0].value.id);
});

test('inputs sized to trap or hang the module are refused by size first, then a normal bid scores', () => {
  const bid = scenarios()[0].value;
  const started = Date.now();
  const cases = [
    // Sparse arrays and a Proxy reporting a huge length: refused by their length, not iterated.
    [{ ...bid, supplyItems: new Array(1e8) }, 'limit-exceeded', 'supplyItems'],
    [{ ...bid, supplyItems: new Array(2 ** 32 - 1) }, 'limit-exceeded', 'supplyItems'],
    [{ ...bid, supplyItems: new Proxy([], { get: (t, k) => (k === 'length' ? 1e9 : Reflect.get(t, k)) }) }, 'limit-exceeded', 'supplyItems'],
    [{ ...bid, workforce: { ...bid.workforce, wageRates: new Array(2e6) } }, 'limit-exceeded', 'workforce.wageRates'],
  ];
  for (const [value, code, path] of cases) {
    assert.throws(() => ctip.evaluateBid(value), (e) => e instanceof ctip.CtipError && e.code === code && e.issues[0].path === path, path);
    assert.throws(() => ctip.compareBids([bid, value]), (e) => e.code === code && e.issues[0].path === `[1].${path}`, path);
  }
  assert.ok(Date.now() - started < 5000, `refusals took ${Date.now() - started} ms`);
  // A text longer than the package reads: refused before it is encoded.
  const long = 'x'.repeat(192 * 1024 * 1024 + 1);
  assert.throws(() => ctip.evaluateBidJson(long), (e) => e.code === 'limit-exceeded' && /most this package reads/.test(e.message));
  // Getters and Proxy traps that throw: invalid-submission naming the field, and validateSubmission says why.
  const getter = { ...bid };
  Object.defineProperty(getter, 'vendor', { enumerable: true, get() { throw new Error('boom'); } });
  const trap = new Proxy({ ...bid }, { ownKeys() { throw new Error('trap!'); } });
  const deepTrap = { ...bid, workforce: new Proxy({}, { ownKeys() { throw new TypeError('no keys'); } }) };
  for (const [value, path, message] of [[getter, 'vendor', 'could not be read: boom'], [trap, '', 'could not be read: trap!'], [deepTrap, 'workforce', 'could not be read: no keys']]) {
    assert.throws(() => ctip.evaluateBid(value), (e) => e.code === 'invalid-submission' && e.issues[0].path === path && e.issues[0].message === message);
    assert.deepEqual(ctip.validateSubmission(value), { valid: false, issues: [{ path, message }] });
  }
  assert.throws(() => ctip.evaluateBid(bid, { watchlists: [getter] }), (e) => e.code === 'invalid-options' && e.issues[0].path === 'watchlists[0].vendor');
  // still healthy
  assert.equal(ctip.evaluateBid(bid).submissionId, bid.id);
});

test('limits: too many supply items is limit-exceeded', () => {
  const bid = { id: 'x', solicitation: {}, vendor: { name: 'v' }, supplyItems: Array.from({ length: 5001 }, () => ({})) };
  assert.throws(() => ctip.evaluateBid(bid), { code: 'limit-exceeded' });
});

test('options: asOf, watchlists, custom policy, and their errors', () => {
  const bid = scenarios().find((x) => x.name === 'janitorial-clean').value;
  assert.equal(ctip.evaluateBid(bid, { asOf: '2027-01-01' }).asOf, '2027-01-01');
  const listed = ctip.evaluateBid(bid, { watchlists: [{ name: 'Debarred', entries: [{ identifiers: { uei: 'qwerty-123456' } }] }] });
  assert.equal(listed.findings[0].rule, 'watchlist-match');
  const policy = ctip.defaultPolicy();
  policy.version = 'custom-1';
  policy.disabledRules = ['high-risk-sector'];
  const custom = ctip.evaluateBid(bid, { policy });
  assert.equal(custom.policy.version, 'custom-1');
  assert.notEqual(custom.policy.digest, ctip.evaluateBid(bid).policy.digest);
  assert.equal(custom.findings.length, 0);
  assert.throws(() => ctip.evaluateBid(bid, { asOf: '2026-02-30' }), (e) => e.code === 'invalid-options' && e.issues[0].path === 'asOf');
  assert.throws(() => ctip.evaluateBid(bid, { policy: { ...policy, tiers: { high: 10, elevated: 20 } } }), (e) => e.code === 'invalid-policy' && e.issues[0].path === 'tiers.elevated');
  assert.throws(() => ctip.evaluateBid(bid, { polcy: {} }), (e) => e.code === 'invalid-options' && e.issues[0].path === 'polcy');
});

test('compareBids adds cross findings to the bids they name', () => {
  const bids = JSON.parse(readFileSync(new URL('../../www/samples/la-samples.json', import.meta.url), 'utf8')).solicitations[0].bids;
  const c = ctip.compareBids(bids);
  assert.equal(c.assessments.length, bids.length);
  const rules = c.findings.map((f) => f.rule).sort();
  assert.deepEqual(rules, ['abnormally-low-bid', 'shared-identity']);
  const shared = c.findings.find((f) => f.rule === 'shared-identity');
  for (const id of shared.bids) {
    const a = c.assessments.find((x) => x.submissionId === id);
    assert.ok(a.findings.some((f) => f.rule === 'shared-identity'), id);
  }
  assert.equal(c.statistics.count, bids.length);
});

test('input text of any size crosses into the module intact, one call after another', () => {
  // The shim writes input text into a buffer inside the module; a large
  // input (over 1 MB here) must not leave stale bytes for a smaller one.
  const typical = JSON.parse(readFileSync(`${ROOT}tests/fixtures/typical-bid.json`, 'utf8'));
  const one = ctip.evaluateBid(typical, { asOf: '2026-03-02' });
  const many = Array.from({ length: 120 }, (_, i) => ({ ...typical, id: `BIG-${i}`, vendor: { ...typical.vendor, name: `Vendor ${i} \u00e9\u4e2d\ud83d\ude00` } }));
  assert.ok(JSON.stringify(many).length > 1 << 20);
  const c = ctip.compareBids(many, { asOf: '2026-03-02' });
  assert.equal(c.assessments.length, 120);
  assert.equal(c.assessments[119].submissionId, 'BIG-119');
  assert.deepEqual(ctip.evaluateBid(typical, { asOf: '2026-03-02' }), one);
  const small = { id: 'S', solicitation: {}, vendor: { name: '\u00e9' } };
  assert.equal(ctip.validateSubmission(small).valid, true);
  assert.equal(ctip.evaluateBid(small).submissionId, 'S');
  assert.equal(JSON.parse(ctip.evaluateBidJson(JSON.stringify(typical), { asOf: '2026-03-02' })).score, one.score);
});

test('a page that calls back into the engine from Date gets answers, not a dead module', () => {
  // The module asks JavaScript for today's date; a page may have replaced
  // Date with code that scores another bid meanwhile. A process of its own,
  // as it replaces a global.
  const script = `
    const c = await import(${JSON.stringify(`${PKG}index.js`)});
    await c.init();
    const RealDate = Date;
    let inner = '';
    globalThis.Date = class extends RealDate {
      constructor(...args) {
        super(...args);
        if (!inner) { inner = 'pending'; inner = c.evaluateBid({ id: 'INNER', solicitation: {}, vendor: { name: 'v' } }).submissionId; }
      }
    };
    const outer = c.evaluateBid({ id: 'OUTER', solicitation: {}, vendor: { name: 'w' } });
    globalThis.Date = RealDate;
    console.log(outer.submissionId, inner, c.evaluateBid({ id: 'AFTER', solicitation: {}, vendor: { name: 'x' } }).submissionId);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(out.trim(), 'OUTER INNER AFTER');
});

test('rules(), defaultPolicy() and version() describe the engine', () => {
  const rules = ctip.rules();
  const ids = rules.map((r) => r.id);
  for (const id of ['tip-certification-missing', 'wage-below-floor', 'watchlist-match', 'abnormally-low-bid', 'single-bid']) assert.ok(ids.includes(id), id);
  for (const r of rules) assert.ok(r.citations.length > 0 && r.title && r.description && r.group, r.id);
  const p = ctip.defaultPolicy();
  assert.equal(p.id, 'la-2026');
  assert.ok(p.wageFloors.some((f) => f.scope === 'la-city' && f.hourly === 17.87));
});

test('a newer goods list and wage floor in the options; checkPolicy names the stale series', () => {
  const bid = JSON.parse(readFileSync(`${ROOT}tests/scenarios/uniforms-supply-listed-goods.json`, 'utf8'));
  const before = ctip.evaluateBid(bid);
  assert.deepEqual(before.policy.lists.map((l) => [l.list, l.edition, l.rows]), [['tvpra', '2024', 476], ['eo13126', '2024-09-05', 52]]);
  const goods = before.findings.find((f) => f.rule === 'forced-labor-goods');
  assert.equal(goods.evidence[0].listing.status, 'confirmed');
  assert.match(goods.message, /2024 edition/);

  const csv = 'Country,Good,Child Labor,Forced Labor,Forced Child Labor\nMalaysia,Gloves,,X,\n';
  const options = {
    goodsLists: [{ csv, edition: '2026', published: '2026-09-05' }],
    wageFloors: [{ scope: 'la-city', hourly: 30, effective: '2026-03-01', source: 'test floor' }],
  };
  const after = ctip.evaluateBid(bid, options);
  assert.equal(after.policy.lists[0].edition, '2026');
  assert.notEqual(after.policy.digest, before.policy.digest);
  assert.match(after.findings.find((f) => f.rule === 'forced-labor-goods').message, /Gloves from Malaysia \(listed for forced labor; 2026 edition\)/);
  assert.ok(after.findings.some((f) => f.rule === 'wage-below-floor'));

  assert.throws(() => ctip.evaluateBid(bid, { goodsLists: [{ csv: 'good,country,child_labor\nx,Narnia,x\n', edition: 'bad' }] }),
    (e) => e.code === 'invalid-options' && e.issues[0].path === 'goodsLists[0].csv' && /line 2/.test(e.issues[0].message));

  const check = ctip.checkPolicy({ asOf: '2026-12-07' });
  assert.deepEqual(check.series.filter((s) => s.stale).map((s) => s.series),
    ['wage floor: la-city', 'wage floor: la-county', 'TVPRA list of goods, 2024 edition']);
  // The loaded 2026 list and the added floor make those series current.
  const newer = ctip.checkPolicy({ asOf: '2026-12-07', ...options });
  assert.deepEqual(newer.series.filter((s) => s.stale).map((s) => s.series), ['wage floor: la-county']);
});

test('fromForm reads FormData with a mapping and type conversion', () => {
  const data = new FormData();
  data.set('bid', 'BID-9');
  data.set('vendor', 'Acme');
  data.set('wage', '$1,234.50');
  data.set('temp', '40');
  data.set('broker', 'no');
  data.set('langs', 'en, es');
  data.set('empty', '');
  data.set('start', '2026-04-01');
  const bid = ctip.fromForm(data, {
    bid: 'id',
    vendor: 'vendor.name',
    wage: { path: 'workforce.wageRates[0].hourly', type: 'number' },
    temp: { path: 'workforce.temporaryShare', type: 'percent' },
    broker: { path: 'vendor.laborBroker', type: 'boolean' },
    langs: { path: 'workforce.languages', type: 'list' },
    empty: { path: 'price.total', type: 'number' },
    start: { path: 'solicitation.performancePeriod.start', type: 'date' },
  });
  assert.deepEqual(bid, {
    id: 'BID-9',
    vendor: { name: 'Acme', laborBroker: false },
    workforce: { wageRates: [{ hourly: 1234.5 }], temporaryShare: 0.4, languages: ['en', 'es'] },
    solicitation: { performancePeriod: { start: '2026-04-01' } },
  });
  assert.throws(() => ctip.fromForm(data, { bid: '__proto__.polluted' }), TypeError);
  assert.throws(() => ctip.fromForm(data, { '#sel': 'id' }), TypeError);
});

test('fromForm: FormData whose names are paths comes out typed by the submission\'s own types', () => {
  const data = new FormData();
  data.set('id', 'BID-4');
  data.set('vendor.name', 'Acme');
  data.set('solicitation.estimatedValue', '$1,200,000');
  data.set('solicitation.publicWork', 'yes');
  data.set('solicitation.bidsReceived', '3');
  data.set('submittedOn', '2026-03-02');
  data.set('workforce.wageRates[0].hourly', '16.50');
  data.set('workforce.wageRates[0].role', 'janitor');
  data.set('workforce.languages', 'en, es');
  const bid = ctip.fromForm(data);
  assert.deepEqual(bid, {
    id: 'BID-4',
    vendor: { name: 'Acme' },
    solicitation: { estimatedValue: 1200000, publicWork: true, bidsReceived: 3 },
    submittedOn: '2026-03-02',
    workforce: { wageRates: [{ hourly: 16.5, role: 'janitor' }], languages: ['en', 'es'] },
  });
  assert.equal(ctip.validateSubmission(bid).valid, true);
});

test('fromForm: repeated rows by [] in the path, and a field whose values a path would drop is refused', () => {
  const data = new FormData();
  for (const [role, hourly] of [['janitor', '16.50'], ['', ''], ['supervisor', '$21.00']]) {
    data.append('wage_role', role);
    data.append('wage_hourly', hourly);
  }
  data.set('vendor', 'Acme');
  const bid = ctip.fromForm(data, {
    vendor: 'vendor.name',
    wage_role: 'workforce.wageRates[].role',
    wage_hourly: { path: 'workforce.wageRates[].hourly', type: 'number' },
  });
  // The empty middle row is left out; the others keep their own values.
  assert.deepEqual(bid.workforce, { wageRates: [{ role: 'janitor', hourly: 16.5 }, { role: 'supervisor', hourly: 21 }] });
  assert.throws(
    () => ctip.fromForm(data, { wage_hourly: { path: 'workforce.wageRates[0].hourly', type: 'number' } }),
    (e) => e instanceof TypeError && /'wage_hourly' has 3 values/.test(e.message) && /\[\]/.test(e.message),
  );
  assert.throws(
    () => ctip.fromForm(data, { vendor: { path: 'vendor.name', type: 'text' } }),
    (e) => e instanceof TypeError && /unknown type 'text'.*string, number, integer, boolean, date, list, percent, array/.test(e.message),
  );
  assert.throws(() => ctip.fromForm(data, { wage_role: { path: 'workforce.wageRates[].role', rows: '.row' } }), /need an HTMLFormElement/);
});

test('text beyond ASCII crosses the boundary intact, and case folds when matching', () => {
  const bid = structuredClone(scenarios().find((x) => x.name === 'janitorial-clean').value);
  bid.vendor.name = 'Limpieza Ñandú 清洁 🧹 S.A.';
  const watchlists = [{ name: 'Lista', entries: [{ name: 'LIMPIEZA ÑANDÚ 清洁 🧹' }] }];
  const viaObject = ctip.evaluateBid(bid, { watchlists });
  const hit = viaObject.findings.find((f) => f.rule === 'watchlist-match');
  assert.ok(hit, 'the accented, upper-case entry matches');
  assert.ok(JSON.stringify(hit.evidence).includes('Limpieza Ñandú 清洁 🧹 S.A.'), JSON.stringify(hit.evidence));
  assert.equal(JSON.stringify(JSON.parse(ctip.evaluateBidJson(JSON.stringify(bid), { watchlists }))), JSON.stringify(viaObject));
  // A lone surrogate cannot be UTF-8: JSON.stringify escapes it and the parser says so.
  bid.vendor.name = 'x\uD800';
  assert.throws(() => ctip.evaluateBid(bid), (e) => e.code === 'invalid-submission' && /surrogate/.test(e.message));
});
