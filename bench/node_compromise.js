// Times compromise's nlp(text).organizations() in Node on one input file and
// prints one JSON line. One process per input, so maxRSS is that input's peak.
// Usage: node node_compromise.js FILE [MIN_SECONDS]
'use strict';
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');

const file = process.argv[2];
const minSecs = Number(process.argv[3] || 2);
const t0 = performance.now();
// The same UMD build that the browser page loads.
// The package is "type": "module", so Node loads the UMD file as ESM, where
// it sets globalThis.nlp instead of module.exports.
require(path.join(__dirname, 'node_modules', 'compromise', 'builds', 'compromise.js'));
const nlp = globalThis.nlp;
nlp('warm up: Microsoft signed a deal with Xiaomi.').organizations().out('array');
const initMs = performance.now() - t0;
const rssAfterInit = process.memoryUsage().rss;

const text = fs.readFileSync(file, 'utf8');
const words = text.split(/\s+/).filter(Boolean).length;

let peakRss = 0;
let peakHeap = 0;
function run() {
  const s = performance.now();
  const doc = nlp(text);
  const orgs = doc.organizations().out('array');
  const ms = performance.now() - s;
  const m = process.memoryUsage(); // sampled while the document is alive
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  return [ms, orgs.length];
}

const firstCpu0 = process.cpuUsage();
const [firstMs, orgs] = run();
const firstCpu = process.cpuUsage(firstCpu0);
const firstCpuMs = (firstCpu.user + firstCpu.system) / 1000;
// A run longer than MIN_SECONDS is reported as is (it already came after a
// warm-up); shorter ones are repeated for at least MIN_SECONDS.
const slow = firstMs > minSecs * 1000;
const times = slow ? [firstMs] : [];
const cpu0 = process.cpuUsage();
const start = performance.now();
while (!slow && (times.length < 3 || performance.now() - start < minSecs * 1000)) {
  times.push(run()[0]);
  if (times.length >= 1000) break;
}
const cpu = process.cpuUsage(cpu0);
const cpuMs = slow ? firstCpuMs : (cpu.user + cpu.system) / 1000 / times.length;
times.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    tool: 'compromise',
    env: 'node',
    bytes: Buffer.byteLength(text),
    words,
    repeats: times.length,
    median_ms: times[Math.floor(times.length / 2)],
    min_ms: times[0],
    first_ms: firstMs,
    init_ms: initMs,
    marks: orgs,
    cpu_ms: cpuMs,
    rss_after_init_kib: Math.round(rssAfterInit / 1024),
    peak_kib: Math.max(process.resourceUsage().maxRSS, Math.round(peakRss / 1024)),
    peak_kind: 'maxRSS',
    peak_heap_kib: Math.round(peakHeap / 1024),
  }),
);
