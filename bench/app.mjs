// The whole page under a long paste (issue 8): pastes each input into the
// built app in headless Chromium and prints, per input, the time until its
// marks are shown, the longest main-thread task, the page's peak JS heap
// (sampled every 50 ms through the DevTools protocol from the paste until
// the marks are shown) and its wasm memory (where the text, marks and the
// rendered document's state live; the worker's memory is not counted).
//
//   node bench/app.mjs URL FILE...     (bench/app.sh builds, serves and calls it)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import benchChromium from './chromium.js';

const { launch } = benchChromium;
const [url, ...files] = process.argv.slice(2);
if (!url || !files.length) {
  console.error('usage: node app.mjs URL FILE...');
  process.exit(2);
}
const browser = await launch();
const MB = 1024 * 1024;
console.log('| input | bytes | paste to marks (s) | longest main-thread task (ms) | peak JS heap (MB) | live JS heap after (MB) | page wasm memory (MB) |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  // Trunk's loader announces the app's wasm exports, memory included.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.goto(url);
  await page.waitForSelector('#input');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
  let peak = 0;
  let sampling = false;
  let sampler;
  const sample = () => (async () => {
    while (sampling) {
      peak = Math.max(peak, await heap());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  // The text reaches the page before the clock starts: decoding a DevTools
  // protocol argument of megabytes is the harness's work, not the page's.
  await page.evaluate((t) => { window.__paste = t; }, text);
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  // The stash is dropped once pasted and collected, so the heap sampled
  // from here on is the page's own.
  const length = await page.evaluate(() => {
    const area = document.querySelector('#input');
    area.value = window.__paste;
    delete window.__paste;
    area.dispatchEvent(new InputEvent('input', { bubbles: true }));
    return area.value.length;
  });
  await cdp.send('HeapProfiler.collectGarbage');
  peak = await heap();
  sampling = true;
  sampler = sample();
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
  await cdp.send('HeapProfiler.collectGarbage');
  const after = await heap();
  const longest = await page.evaluate(() => window.__longest);
  // Linear memory only grows, so its size now is its peak.
  const wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
  const bytes = Buffer.byteLength(text);
  console.log(`| ${path.basename(file)} | ${bytes} | ${seconds.toFixed(2)} | ${longest.toFixed(0)} | ${(peak / MB).toFixed(1)} | ${(after / MB).toFixed(1)} | ${(wasmMemory / MB).toFixed(1)} |`);
  await context.close();
}
await browser.close();
