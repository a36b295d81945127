// A long article is annotated off the main thread with progress (issue 8).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openApp, waitAnnotated } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a 1 MB paste shows progress, keeps typing responsive, and its marks arrive', async () => {
  const { page, seen, context } = await openApp(browser);
  const sample = readFileSync(path.join(import.meta.dirname, '../static/sample.txt'), 'utf8');
  let big = '';
  while (big.length < 1 << 20) big += sample + '\n\n';
  // Hand the text to the page first: decoding a 1 MB argument of the
  // DevTools protocol is the test's own work, not the page's.
  await page.evaluate((text) => { window.__paste = text; }, big);
  await page.evaluate(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
    // The same frames with what ran in them: the page's own scripts (event
    // handlers, timers, worker messages) apart from the browser's work.
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const f of list.getEntries()) {
        const scripts = f.scripts.map((s) => ({ what: `${s.invokerType} ${s.invoker}`, ms: s.duration }));
        window.__frames.push({ ms: f.duration, blocking: f.blockingDuration, script: scripts.reduce((n, s) => n + s.ms, 0), scripts });
      }
    }).observe({ type: 'long-animation-frame', buffered: false });
    // Every value the progress bar shows.
    window.__progress = [];
    new MutationObserver(() => {
      const bar = document.querySelector('#annotate-progress');
      if (bar && bar.value !== window.__progress.at(-1)) window.__progress.push(bar.value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'] });
  });
  await page.evaluate(() => {
    const area = document.querySelector('#input');
    area.value = window.__paste;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  });
  // Progress is shown while the worker annotates.
  await page.locator('#annotate-progress').waitFor({ timeout: 20000 });
  // Typing lands while the annotation runs.
  await page.focus('#input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Zorblat');
  assert.ok(await page.evaluate(() => document.querySelector('#input').value.endsWith(' Zorblat')), 'the keystrokes landed');
  await waitAnnotated(page, big.length + ' Zorblat'.length);
  // Marks are rendered near the screen only; the summary counts the whole text.
  const onScreen = await page.locator('#article mark[data-label="COMPANY"]').count();
  assert.ok(onScreen > 0 && onScreen < 2000, `marks near the screen only (${onScreen})`);
  const mentions = await page.evaluate(() =>
    [...document.querySelectorAll('#companies .count')].reduce((n, c) => n + Number(c.textContent), 0));
  assert.ok(mentions > 5000, `company mentions counted over the whole text (${mentions})`);
  // Scrolling through the article brings marks with it, without blocking.
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForFunction(() => {
    const blocks = [...document.querySelectorAll('#article > .block')];
    return blocks.slice(-4).some((b) => b.querySelector('mark[data-label="COMPANY"]'));
  });
  const progress = await page.evaluate(() => window.__progress);
  assert.ok(progress.length >= 3 && progress.at(-1) > progress[0], `the progress bar moved (${progress})`);
  const longTasks = await page.evaluate(() => window.__longTasks);
  const frames = await page.evaluate(() => window.__frames);
  for (const f of frames.filter((f) => f.ms > 100)) {
    console.log(`long frame ${f.ms.toFixed(0)} ms, of it page script ${f.script.toFixed(0)} ms: ${f.scripts.map((x) => `${x.what} ${x.ms.toFixed(0)}`).join('; ')}`);
  }
  const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
  console.log(`1 MB: long tasks on the main thread: ${longTasks.length}, longest ${Math.max(0, ...longTasks).toFixed(0)} ms; page JS heap ${(heap / 1048576).toFixed(0)} MB`);
  // A guard against freezes, not the speed target (that is measured by
  // bench/app.sh and reported in the notes): the page's own work (event
  // handlers, timers, the worker's messages) stays under 200 ms in any frame,
  // and no task, the browser's own included, reaches 300 ms. On two busy
  // cores Chromium's own editing of a 1 MB text area (the first keystroke
  // after Ctrl+End) takes 100-150 ms with no page script in it, and the
  // page's re-render after a typing pause 50-135 ms.
  const script = Math.max(0, ...frames.map((f) => f.script));
  console.log(`1 MB: longest page script in a frame ${script.toFixed(0)} ms`);
  assert.ok(script <= 200, `page script never ran over 200 ms in a frame (longest ${script.toFixed(0)} ms)`);
  assert.ok(Math.max(0, ...longTasks) <= 300, `the main thread never blocked over 300 ms (${longTasks.map(Math.round)})`);
  assert.deepEqual(seen.pageErrors, []);
  await context.close();
});

test('a long annotation can be cancelled, and editing starts it again', async () => {
  const { page, context } = await openApp(browser);
  const sample = readFileSync(path.join(import.meta.dirname, '../static/sample.txt'), 'utf8');
  const big = (sample + '\n\n').repeat(400);
  await page.evaluate((text) => {
    const area = document.querySelector('#input');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, big);
  await page.locator('#cancel').click({ timeout: 20000 });
  await page.locator('.progress', { hasText: 'Annotation cancelled' }).waitFor();
  await page.focus('#input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('!');
  await waitAnnotated(page, big.length + 1);
  await context.close();
});

test('typing at the end of a long article survives an immediate reload', async () => {
  const { page, context } = await openApp(browser);
  const sample = readFileSync(path.join(import.meta.dirname, '../static/sample.txt'), 'utf8');
  const long = (sample + '\n\n').repeat(30); // over the 64 KB from which reads and saves wait for a pause
  await page.evaluate((text) => {
    const area = document.querySelector('#input');
    area.value = text;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, long);
  await waitAnnotated(page, long.length);
  await page.focus('#input');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Zorblat');
  await page.reload();
  await page.waitForSelector('#input');
  await page.waitForFunction(() => document.querySelector('#input').value.length > 0);
  assert.ok((await page.inputValue('#input')).endsWith(' Zorblat'), 'the last keystrokes were saved');
  await context.close();
});
