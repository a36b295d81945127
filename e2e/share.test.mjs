// Share the result (issue 7) and read the agreements (issue 5).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, pasteText, marks, seedText, selectInArticle, waitAnnotated } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the seed shows exactly three agreement cards, and a card highlights its mentions', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, seedText());
  const cards = page.locator('#agreements .card');
  assert.equal(await cards.count(), 3);
  const texts = await cards.evaluateAll((cs) => cs.map((c) => c.textContent));
  const card = (re) => texts.find((t) => re.test(t));
  assert.ok(card(/Microsoft.*Xiaomi|Xiaomi.*Microsoft/s) && /memorandum of understanding/.test(card(/memorandum/)), texts.join(' | '));
  assert.match(card(/memorandum/), /February 23/);
  assert.match(card(/memorandum/), /signed/);
  assert.match(card(/Naver/), /partnership/);
  assert.match(card(/licensing/), /2016/);
  assert.match(card(/licensing/), /Microsoft/);

  const mou = cards.filter({ hasText: 'memorandum' });
  await mou.click();
  assert.equal(await mou.getAttribute('aria-pressed'), 'true');
  // Every mention the card counts is highlighted, and they are agreements.
  const counted = Number((await mou.locator('.mentions').textContent()).match(/\d+/)[0]);
  const highlighted = await page.$$eval('#article mark.focus', (ms) => ms.map((m) => m.dataset.label));
  assert.ok(counted > 0);
  assert.equal(highlighted.length, counted);
  assert.ok(highlighted.every((l) => l === 'AGREEMENT'));
  assert.ok(await page.locator('#article mark.focus-party').count() > 0, 'its parties are highlighted');
  // Keyboard: Enter on a focused card toggles it.
  await mou.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#article mark.focus').count(), 0);
  // The partner graph draws the parties and focusable edges.
  assert.ok(await page.locator('.graph .node').count() >= 3);
  assert.ok(await page.locator('.graph .edge[tabindex="0"]').count() >= 3);
  await context.close();
});

test('the HTML export opens offline with its marks and no script', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, seedText());
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format="pactlens.html"]')]);
  // Saved under its own name, so the browser opens it as HTML.
  const path = join(await mkdtemp(join(tmpdir(), 'pactlens-')), download.suggestedFilename());
  await download.saveAs(path);
  assert.match(path, /\.html$/);
  const html = await readFile(path, 'utf8');
  assert.ok(!/<script/i.test(html), 'no script element');
  const view = await context.newPage();
  const requests = [];
  view.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await view.goto(`file://${path}`);
  assert.equal(await view.evaluate(() => document.scripts.length), 0);
  const labels = await view.$$eval('mark', (ms) => ms.map((m) => m.textContent));
  assert.ok(labels.includes('Microsoft') && labels.includes('Azure'));
  assert.deepEqual(requests, [], 'nothing loaded from the network');
  await context.close();
});

test('a share link opens the same marks and cards in a fresh browser profile; a tampered one gives a message', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, seedText());
  await page.click('#share');
  const link = await page.inputValue('#share-link');
  assert.match(link, /#v1=/);
  const want = await marks(page);
  const wantCards = await page.locator('#agreements .card').count();
  await context.close();

  const fresh = await browser.newContext();
  const view = await fresh.newPage();
  await view.goto(link);
  await waitAnnotated(view, seedText().length);
  assert.deepEqual(await marks(view), want);
  assert.equal(await view.locator('#agreements .card').count(), wantCards);
  await fresh.close();

  const broken = await browser.newContext();
  const bad = await broken.newPage();
  const dialogs = [];
  bad.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const at = link.indexOf('#v1=') + 40;
  const tampered = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1, -30);
  await bad.goto(tampered);
  await bad.locator('.banner', { hasText: 'share link could not be opened' }).waitFor();
  assert.deepEqual(dialogs, []);
  await broken.close();
});

test('a pactlens JSON export, opened again, restores the marks and the edits', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, 'Zorblat Widgets met Microsoft and Xiaomi.');
  await selectInArticle(page, 'Zorblat Widgets');
  await page.keyboard.press('c');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Zorblat Widgets'));
  const want = await marks(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-format="pactlens.json"]')]);
  const path = join(await mkdtemp(join(tmpdir(), 'pactlens-')), download.suggestedFilename());
  await download.saveAs(path);
  await page.click('#clear');
  await page.locator('#article.empty').waitFor();
  await page.setInputFiles('#file', path);
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Zorblat Widgets'));
  assert.deepEqual(await marks(page), want);
  await context.close();
});
