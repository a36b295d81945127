// Drives Debian's Chromium (never a downloaded browser) with playwright-core
// and prints one JSON line per (tool, input) measured in the page.
// Usage: node browser.js MIN_SECONDS TOOL:INPUT [TOOL:INPUT ...]
//   TOOL is pactlens or compromise; INPUT a file name in out/inputs/.
'use strict';
const { launch } = require('./chromium.js');
const { start } = require('./serve.js');

// Unbucketed performance.memory and a gc() to call before measuring.
const MEMORY_ARGS = ['--enable-precise-memory-info', '--js-flags=--expose-gc'];

(async () => {
  const [minSecs, ...jobs] = process.argv.slice(2);
  const server = await start();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch(MEMORY_ARGS);
  try {
    for (const job of jobs) {
      const [tool, input] = job.split(':');
      const page = await browser.newPage();
      page.setDefaultTimeout(15 * 60 * 1000);
      page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
      await page.goto(`${base}/page.html`);
      await page.waitForFunction(() => window.benchReady === true);
      const r = await page.evaluate(([t, u, s]) => window.runBench(t, u, s), [tool, `/out/inputs/${input}`, Number(minSecs)]);
      const peak = tool === 'pactlens' ? r.wasm_memory_bytes : r.peak_heap_bytes;
      console.log(JSON.stringify({
        tool, env: 'chromium', input, ...r,
        peak_kib: peak === null ? null : Math.round(peak / 1024),
        peak_kind: tool === 'pactlens' ? 'wasm memory' : 'JS heap (approx.)',
        browser: browser.version(),
      }));
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
