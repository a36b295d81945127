// What a reader sees after pasting an article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, pasteText, marks, seedText, waitAnnotated } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the seed article is marked and summed up in the sidebar', async () => {
  const { page, seen, context } = await openApp(browser);
  await pasteText(page, seedText());
  const found = await marks(page);
  const has = (text, label) => found.some(([t, l]) => t === text && l === label);
  assert.ok(has('Microsoft', 'COMPANY'), 'Microsoft marked as a company');
  assert.ok(has('Xiaomi', 'COMPANY'), 'Xiaomi marked as a company');
  assert.ok(has('Azure', 'PRODUCT'), 'Azure marked as a product');
  assert.ok(has('memorandum of understanding', 'AGREEMENT'), 'the MoU marked as an agreement');

  const microsoftMarks = found.filter(([t, l]) => t === 'Microsoft' && l === 'COMPANY').length;
  const row = page.locator('#companies li[data-name="Microsoft"]');
  assert.equal(await row.locator('.name').textContent(), 'Microsoft');
  assert.equal(Number(await row.locator('.count').textContent()), microsoftMarks);
  assert.ok(microsoftMarks >= 10, `Microsoft is mentioned often (${microsoftMarks})`);

  // Products are grouped under their owner.
  const azureOwner = await page.locator('#products li[data-name="Azure"]').evaluate(
    (li) => li.closest('.owner-group').dataset.owner,
  );
  assert.equal(azureOwner, 'Microsoft');

  // Colour is not the only cue: each mark carries a letter and a tooltip.
  const cue = await page.locator('#article mark[data-label="PRODUCT"]').first().evaluate(
    (m) => [m.dataset.short, m.title.length > 0],
  );
  assert.deepEqual(cue, ['P', true]);

  assert.deepEqual(seen.pageErrors, []);
  assert.deepEqual(seen.consoleErrors, [], 'no console errors (a CSP violation would show here)');
  assert.deepEqual(seen.foreignRequests, []);
  await context.close();
});

test('pasted markup is shown as text and runs nothing', async () => {
  const { page, seen, context } = await openApp(browser);
  const before = await page.evaluate(() => document.querySelectorAll('img, script, iframe').length);
  const attack = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await pasteText(page, `Microsoft said ${attack} today.`);
  const articleText = await page.locator('#article').textContent();
  assert.equal(articleText, `Microsoft said ${attack} today.`);
  assert.equal(await page.locator('#article img, #article script').count(), 0);
  await page.waitForTimeout(300); // give an injected handler the chance to fire
  const afterCount = await page.evaluate(() => document.querySelectorAll('img, script, iframe').length);
  assert.equal(afterCount, before, 'no new elements');
  assert.deepEqual(seen.dialogs, [], 'no dialog opened');
  assert.deepEqual(seen.foreignRequests, []);
  await context.close();
});

test('the sample article loads with one click and survives a reload', async () => {
  const { page, seen, context } = await openApp(browser);
  await page.click('#sample');
  await page.waitForSelector('#article mark');
  await waitAnnotated(page, (await page.inputValue('#input')).length);
  const found = await marks(page);
  assert.ok(found.some(([, l]) => l === 'COMPANY'));
  assert.ok(found.some(([, l]) => l === 'PRODUCT'));
  assert.ok(found.some(([, l]) => l === 'AGREEMENT'));
  assert.ok((await page.locator('#agreements .card').count()) >= 1, 'at least one agreement card');
  if (process.env.PACTLENS_SCREENSHOT) {
    await page.screenshot({ path: process.env.PACTLENS_SCREENSHOT, fullPage: false });
  }
  const text = await page.inputValue('#input');
  await page.reload();
  await waitAnnotated(page, (await page.inputValue('#input')).length);
  assert.equal(await page.inputValue('#input'), text, 'the article is restored after a reload');
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});
