// Bad input gets a clear message and loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp, pasteText } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a paste over the size limit is refused with a message and the text is kept', async () => {
  const { page, seen, context } = await openApp(browser);
  await pasteText(page, 'Microsoft and Xiaomi signed a deal.');
  await page.evaluate(() => {
    const area = document.querySelector('#input');
    area.value = 'x'.repeat(11 * 1024 * 1024);
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  const banner = page.locator('.banner[role="alert"]');
  await banner.waitFor();
  assert.match(await banner.textContent(), /11\.0 MB; pactlens accepts texts up to 10 MB/);
  assert.equal(await page.inputValue('#input'), 'Microsoft and Xiaomi signed a deal.');
  assert.equal(await page.locator('#article mark').first().textContent(), 'Microsoft');
  // The message can be dismissed.
  await banner.locator('button.dismiss').click();
  assert.equal(await page.locator('.banner').count(), 0);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('emptying the text shows the hint and an empty sidebar, no errors', async () => {
  const { page, seen, context } = await openApp(browser);
  await pasteText(page, 'Xiaomi uses Azure.');
  await page.click('#clear');
  await page.locator('#article.empty').waitFor();
  assert.equal(await page.locator('#article mark').count(), 0);
  assert.match(await page.locator('#sidebar').textContent(), /No companies found yet/);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('emoji, CJK and right-to-left text around names keep the marks exact', async () => {
  const { page, context } = await openApp(browser);
  const text = '👩‍💻 微软 Microsoft 与 Xiaomi 签署 «memorandum of understanding» — مايكروسوفت e\u0301 Azure.';
  await pasteText(page, text);
  const got = await page.$$eval('#article mark', (ms) => ms.map((m) => m.textContent));
  assert.deepEqual(got.filter((t) => ['Microsoft', 'Xiaomi', 'Azure', 'memorandum of understanding'].includes(t)),
    ['Microsoft', 'Xiaomi', 'memorandum of understanding', 'Azure']);
  assert.equal(await page.locator('#article').textContent(), text);
  await context.close();
});
