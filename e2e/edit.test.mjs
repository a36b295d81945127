// The reader corrects the marks, and pactlens remembers (issue 6).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, pasteText, marks, marksOf, seedText, selectInArticle, waitAnnotated } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('relabel, remove, add by selection, undo and redo, and everything survives a reload', async () => {
  const { page, seen, context } = await openApp(browser);
  await pasteText(page, seedText());

  // Relabel: select "Translator" and press C (it becomes a company mark).
  await selectInArticle(page, 'Translator');
  await page.keyboard.press('c');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Translator' && m.dataset.label === 'COMPANY'));
  // ... then focus it and relabel it as a product with P.
  await page.locator('#article mark', { hasText: /^Translator$/ }).focus();
  await page.keyboard.press('p');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Translator' && m.dataset.label === 'PRODUCT'));

  // Remove: focus the first Skype mark and press Delete.
  const skypes = (await marksOf(page, 'Skype')).length;
  assert.ok(skypes >= 1);
  await page.locator('#article mark', { hasText: /^Skype$/ }).first().focus();
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => [...document.querySelectorAll('#article mark')].filter((m) => m.textContent === 'Skype').length === n - 1, skypes);

  // Add a company by selecting text and pressing C.
  assert.equal((await marksOf(page, 'Wang Xiang')).length, 0);
  await selectInArticle(page, 'ang Xian'); // a partial drag snaps to whole words
  await page.keyboard.press('c');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Wang Xiang'));
  assert.deepEqual(await marksOf(page, 'Wang Xiang'), [['Wang Xiang', 'COMPANY']]);

  // Undo the add, then redo it (keyboard and buttons).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => ![...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Wang Xiang'));
  await page.click('#redo');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Wang Xiang'));
  // Undo the remove with the button, redo it with the keyboard.
  await page.keyboard.press('Control+z'); // the add
  await page.click('#undo'); // the remove
  await page.waitForFunction((n) => [...document.querySelectorAll('#article mark')].filter((m) => m.textContent === 'Skype').length === n, skypes);
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Wang Xiang'));

  // The sidebar reflects the edits at once.
  assert.ok(await page.locator('#companies li[data-name="Wang Xiang"]').count() === 1);

  const before = await marks(page);
  await page.reload();
  await waitAnnotated(page, (await page.inputValue('#input')).length);
  assert.deepEqual(await marks(page), before, 'every edit is still there after a reload');
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('"never mark Pix" applies to a second article', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, 'Microsoft showed Bing and Pix, its camera app, in Redmond.');
  const pix = page.locator('#article mark', { hasText: /^Pix$/ });
  if (await pix.count() === 0) {
    await selectInArticle(page, 'Pix');
    await page.keyboard.press('p');
    await pix.first().waitFor();
  }
  await pix.first().focus();
  await page.click('#never-mark');
  await page.waitForFunction(() => ![...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Pix'));
  await pasteText(page, 'A second article: Microsoft Pix and Pix again, from Microsoft.');
  assert.equal((await marksOf(page, 'Pix')).length, 0, 'Pix stays unmarked in the next article');
  assert.match(await page.locator('#dictionary').textContent(), /Pix/);
  await context.close();
});

test('a selection after emoji, CJK and combining marks marks exactly the selected characters', async () => {
  const { page, context } = await openApp(browser);
  const text = '👩‍💻🇰🇷 小米与微软 e\u0301te\u0301 — Zorblatron Widgets signed with Xiaomi.';
  await pasteText(page, text);
  await selectInArticle(page, 'Zorblatron Widgets');
  const selected = await page.evaluate(() => window.getSelection().toString());
  await page.keyboard.press('c');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Zorblatron Widgets'));
  const mark = await page.locator('#article mark', { hasText: 'Zorblatron' }).textContent();
  assert.equal(mark, selected);
  assert.equal(await page.locator('#article').textContent(), text);
  await context.close();
});

test('with storage disabled a banner says so and edits still work', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const { BASE } = await import('./harness.mjs');
  await page.goto(BASE);
  await page.waitForSelector('#input');
  await page.locator('.banner', { hasText: 'storage is disabled' }).first().waitFor();
  await pasteText(page, 'Zorblat met Microsoft in Seattle.');
  await selectInArticle(page, 'Zorblat');
  await page.keyboard.press('c');
  await page.waitForFunction(() => [...document.querySelectorAll('#article mark')].some((m) => m.textContent === 'Zorblat'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('arrow keys move between marks and Enter reaches the mark bar', async () => {
  const { page, context } = await openApp(browser);
  await pasteText(page, 'Microsoft and Xiaomi use Azure.');
  await page.locator('#article mark').first().focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Xiaomi');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Azure');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Xiaomi');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.closest('.inspector') !== null), true);
  assert.match(await page.locator('.inspector .about').textContent(), /Xiaomi/);
  await context.close();
});
