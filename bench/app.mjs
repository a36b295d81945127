// The whole page under a long paste (issue 8): pastes each input into the
// built app in headless Chromium and prints, per input, the time until its
// marks are shown, the longest main-thread task, and the page's peak JS heap
// (sampled every 50 ms through the DevTools protocol while it works).
//
//   node bench/app.mjs URL FILE...     (bench/app.sh builds, serves and calls it)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const [url, ...files] = process.argv.slice(2);
if (!url || !files.length) {
  console.error('usage: node app.mjs URL FILE...');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const MB = 1024 * 1024;
console.log('| input | bytes | paste to marks (s) | longest main-thread task (ms) | peak JS heap (MB) | heap after (MB) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('#input');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  let peak = await heap();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await page.evaluate((t) => {
    const area = document.querySelector('#input');
    area.value = t;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
  }, text);
  const length = await page.evaluate(() => document.querySelector('#input').value.length);
  await page.waitForFunction(
    (n) => {
      const a = document.querySelector('#article');
      return a && a.dataset.pending === 'false' && a.textContent.length === n && a.querySelector('mark');
    },
    length,
    { timeout: 600_000, polling: 100 },
  );
  const seconds = (Date.now() - started) / 1000;
  sampling = false;
  await sampler;
  await page.waitForTimeout(1000);
  const after = await heap();
  const longest = await page.evaluate(() => window.__longest);
  const bytes = Buffer.byteLength(text);
  console.log(`| ${path.basename(file)} | ${bytes} | ${seconds.toFixed(2)} | ${longest.toFixed(0)} | ${(peak / MB).toFixed(1)} | ${(after / MB).toFixed(1)} |`);
  await context.close();
}
await browser.close();
