// No text stops the page, and no import freezes it or loses work (issue 12).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, pasteText, marks, waitAnnotated } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const tempFile = async (name, content) => {
  const path = join(await mkdtemp(join(tmpdir(), 'pactlens-')), name);
  await writeFile(path, content);
  return path;
};

test('texts whose case mapping changes length annotate without error', async () => {
  const { page, seen, context } = await openApp(browser);
  const texts = [
    'Turkcell signed a deal with Xiaomi in İstanbul today.',
    'Xiaomi deal \u212a today.',
    'İİİ İstanbul İzmir today and tomorrow',
  ];
  for (const text of texts) {
    await pasteText(page, text);
    assert.equal(await page.locator('#annotator-crashed, .progress.failed').count(), 0, text);
  }
  await pasteText(page, texts[0]);
  const found = await marks(page);
  assert.ok(found.some(([t, l]) => t === 'Turkcell' && l === 'COMPANY'), JSON.stringify(found));
  assert.ok(found.some(([t, l]) => t === 'deal' && l === 'AGREEMENT'), JSON.stringify(found));
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

/**
 * Makes the page's current annotation worker throw on its next request, as
 * a panic in the engine would (a test-only path: it needs the DevTools
 * protocol, which no text, file or link can reach).
 */
async function breakWorker(page) {
  const workers = page.workers();
  assert.ok(workers.length > 0, 'the page runs a worker');
  for (const w of workers) {
    await w.evaluate(() => { self.onmessage = () => { throw new Error('injected test fault'); }; });
  }
}

test('a worker that dies on a text is reported once, restarted, and not fed that text again on reload', async () => {
  const { page, seen, context } = await openApp(browser);
  await pasteText(page, 'Microsoft met Xiaomi in Beijing.');
  const crashing = 'Zorblat Widgets signed a deal with Quenta Labs on Monday.';
  await breakWorker(page);
  const restarted = page.waitForEvent('worker');
  await page.fill('#input', crashing);
  const alert = page.locator('#annotator-crashed');
  await alert.waitFor();
  assert.match(await alert.textContent(), /could not be annotated.*rest of the page still works/s);
  assert.equal(await page.locator('[role="alert"]').count(), 1, 'reported once');
  await restarted;
  // The next paste goes to the fresh worker and is annotated as usual.
  await pasteText(page, 'Microsoft and Xiaomi signed a memorandum of understanding.');
  assert.equal(await alert.count(), 0, 'the message goes once a text is annotated');
  assert.ok((await marks(page)).some(([t, l]) => t === 'Xiaomi' && l === 'COMPANY'));
  // Break the new worker too, then reload on the text it died on.
  await breakWorker(page);
  await page.fill('#input', crashing);
  await alert.waitFor();
  await page.reload();
  await page.waitForSelector('#input');
  assert.equal(await page.inputValue('#input'), crashing, 'the text is kept');
  await alert.waitFor();
  assert.match(await alert.textContent(), /last visit/);
  // Asked to, the page annotates it again (the fresh worker has no fault).
  await page.click('#retry');
  await waitAnnotated(page, crashing.length);
  assert.equal(await alert.count(), 0);
  assert.ok((await marks(page)).some(([t]) => t === 'deal'), JSON.stringify(await marks(page)));
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('a JSON export of a CRLF text keeps every edit on the same words after import and reload', async () => {
  const { page, context } = await openApp(browser);
  const text = 'Intro line\r\n\r\nZorblat Widgets met Quenta Labs.\r\nMore on Zorblat Widgets and Quenta Labs.\r\nEnd\r';
  const at = (needle, from = 0) => text.indexOf(needle, from);
  const second = at('Zorblat Widgets', at('Zorblat Widgets') + 1);
  const doc = {
    version: 1,
    text,
    marks: [],
    agreements: [],
    summary: { companies: [], products: [] },
    edits: [
      { op: 'add', start: at('Zorblat Widgets'), end: at('Zorblat Widgets') + 15, label: 'COMPANY' },
      { op: 'add', start: second, end: second + 15, label: 'PRODUCT' },
      { op: 'add', start: at('Quenta Labs'), end: at('Quenta Labs') + 11, label: 'COMPANY' },
      { op: 'add', start: at('End'), end: at('End') + 3, label: 'PRODUCT' },
    ],
  };
  await page.setInputFiles('#file', await tempFile('crlf.json', JSON.stringify(doc)));
  const lf = text.replace(/\r\n?/g, '\n');
  await waitAnnotated(page, lf.length);
  const want = [['Zorblat Widgets', 'COMPANY'], ['Zorblat Widgets', 'PRODUCT'], ['Quenta Labs', 'COMPANY'], ['End', 'PRODUCT']];
  const reader = async () => page.$$eval('#article mark', (ms) => ms
    .filter((m) => ['Zorblat Widgets', 'Quenta Labs', 'End'].includes(m.textContent))
    .map((m) => [m.textContent, m.dataset.label]));
  const has = (got) => want.every(([t, l]) => got.some(([gt, gl]) => gt === t && gl === l));
  assert.ok(has(await reader()), JSON.stringify(await reader()));
  const before = await marks(page);
  await page.reload();
  await page.waitForSelector('#input');
  await waitAnnotated(page, lf.length);
  assert.deepEqual(await marks(page), before, 'the same marks on the same words after a reload');
  assert.equal(await page.inputValue('#input'), lf);
  await context.close();
});

/** Records long tasks from now on in window.__longTasks. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
}

test('a 100,000-name dictionary imports without freezing the page, and applies', async (t) => {
  const { page, seen, context } = await openApp(browser);
  await pasteText(page, 'Name77 Corp met Xiaomi. Later Name99999 Corp and Other5 joined.');
  const always = [];
  const never = [];
  for (let i = 0; i < 100000; i++) {
    if (i % 2) never.push(`Other${i}`); else always.push([`Name${i + 1} Corp`, 'COMPANY']);
  }
  const path = await tempFile('big-dictionary.json', JSON.stringify({ always, never }));
  await watchLongTasks(page);
  await page.setInputFiles('#dictionary input[type="file"]', path);
  await page.waitForFunction(() => /Your dictionary \(100000\)/.test(document.querySelector('#dictionary summary').textContent));
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Name99999 Corp'));
  // The page answers a click at once: time from the click's event to the
  // frame after its handler.
  const answer = await page.evaluate(() => new Promise((resolve) => {
    const summary = document.querySelector('#dictionary summary');
    summary.addEventListener('click', (e) => {
      const t0 = e.timeStamp;
      requestAnimationFrame(() => resolve(performance.now() - t0));
    }, { once: true });
    summary.click();
  }));
  await page.click('#dictionary summary');
  assert.ok(answer < 200, `a click was answered in ${answer.toFixed(0)} ms`);
  const tasks = await page.evaluate(() => window.__longTasks);
  t.diagnostic(`click answered in ${answer.toFixed(0)} ms; long tasks: ${tasks.map((d) => d.toFixed(0)).join(', ') || 'none'} ms`);
  assert.ok(tasks.every((d) => d < 200), `main-thread tasks during the import: ${tasks.map((d) => d.toFixed(0)).join(', ')} ms`);
  assert.equal(await page.locator('#dictionary .dict-rules li').count(), 100, 'the panel lists 100 rules at a time');
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('an oversized dictionary is refused with a message and the saved work is unchanged', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, 'Microsoft showed Pix, its camera app.');
  const pix = page.locator('#article mark', { hasText: /^Pix$/ });
  if (await pix.count() > 0) {
    await pix.first().focus();
    await page.click('#never-mark');
  } else {
    await page.evaluate(() => document.activeElement?.blur());
  }
  const summary = page.locator('#dictionary summary');
  const count = await summary.textContent();
  const names = [];
  for (let i = 0; names.length * 24 < 20e6; i++) names.push(`Oversized name ${i}`);
  const path = await tempFile('huge.json', JSON.stringify({ always: [], never: names }));
  await page.setInputFiles('#dictionary input[type="file"]', path);
  const banner = page.locator('.banner', { hasText: /could not be imported/ });
  await banner.waitFor();
  assert.match(await banner.textContent(), /MB; pactlens reads dictionaries of up to 8 MB/);
  assert.equal(await summary.textContent(), count);
  await page.reload();
  await page.waitForSelector('#input');
  assert.equal(await page.locator('#dictionary summary').textContent(), count, 'the saved dictionary is unchanged');
  assert.equal(await page.inputValue('#input'), 'Microsoft showed Pix, its camera app.');
  await context.close();
});
