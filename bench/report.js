// Turns out/results.jsonl (one JSON line per measurement, or {"skip": note})
// into the markdown table on stdout.
// Usage: node report.js RESULTS_JSONL INPUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const [resultsPath, inputDir] = process.argv.slice(2);
const lines = fs.readFileSync(resultsPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const skips = lines.filter((l) => l.skip).map((l) => l.skip);
const rows = lines.filter((l) => !l.skip);

const inputs = ['article.txt', '1mb.txt', '10mb.txt'];
const sizes = Object.fromEntries(inputs.map((n) => [fs.statSync(path.join(inputDir, n)).size, n]));
const label = { 'article.txt': 'article (~740 words)', '1mb.txt': '1 MB', '10mb.txt': '10 MB' };
for (const r of rows) r.input = r.input || sizes[r.bytes];

const envName = { native: 'native (Rust)', node: 'Node ' + process.versions.node, python: 'Python (CPython)', chromium: 'headless Chromium' };
// Which pactlens figure each tool is compared with: the same runtime where
// there is one; spaCy (Python only) with native pactlens.
const baseEnv = { native: 'native', node: 'native', python: 'native', chromium: 'chromium' };
const mbps = (r) => r.bytes / 1e6 / (r.median_ms / 1e3);
const msPerK = (r) => (r.median_ms / r.words) * 1000;
const pact = (env, input) => rows.find((r) => r.tool === 'pactlens' && r.env === env && r.input === input);
const fmt = (x, d) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(d > 1 ? 1 : d) : x.toPrecision(3));
const mem = (r) => (r.peak_kib == null ? 'n/a' : `${(r.peak_kib / 1024).toFixed(0)} MiB ${r.peak_kind}`);

const order = ['pactlens', 'compromise', 'spaCy sm (NER only)', 'spaCy sm (full)'];
const envOrder = ['native', 'node', 'python', 'chromium'];
rows.sort(
  (a, b) =>
    inputs.indexOf(a.input) - inputs.indexOf(b.input) ||
    ['native', 'chromium'].indexOf(baseEnv[a.env]) - ['native', 'chromium'].indexOf(baseEnv[b.env]) ||
    order.indexOf(a.tool) - order.indexOf(b.tool) ||
    envOrder.indexOf(a.env) - envOrder.indexOf(b.env),
);

const out = [];
out.push('| Input | Tool | Runs in | MB/s | ms / 1,000 words | Peak memory | pactlens × (throughput) | pactlens × (CPU time) | Runs |');
out.push('| --- | --- | --- | ---: | ---: | --- | ---: | ---: | ---: |');
for (const r of rows) {
  const p = pact(baseEnv[r.env], r.input);
  const ratio = r.tool === 'pactlens' ? '—' : p ? `${fmt(mbps(p) / mbps(r), 1)}× (vs ${baseEnv[r.env]})` : 'n/a';
  const cpuRatio = r.tool === 'pactlens' ? '—' : p && p.cpu_ms && r.cpu_ms ? `${fmt(r.cpu_ms / p.cpu_ms, 1)}×` : 'n/a';
  out.push(
    `| ${label[r.input]} | ${r.tool} | ${envName[r.env]} | ${fmt(mbps(r), 2)} | ${fmt(msPerK(r), 2)} | ${mem(r)} | ${ratio} | ${cpuRatio} | ${r.repeats} |`,
  );
}

out.push('');
out.push('Issue 8 targets, on 1 MB (throughput ratio, pactlens / tool):');
out.push('');
const target = (env, tool, toolEnv, need) => {
  const p = pact(env, '1mb.txt');
  const t = rows.find((r) => r.tool === tool && r.env === toolEnv && r.input === '1mb.txt');
  if (!p || !t) return `- pactlens ${env} vs ${tool} (${toolEnv}): not measured`;
  const x = mbps(p) / mbps(t);
  return `- pactlens ${envName[env]} vs ${tool} (${envName[toolEnv]}): ${x.toFixed(1)}× — target ≥ ${need}×: ${x >= need ? 'met' : 'NOT met'}`;
};
out.push(target('native', 'compromise', 'node', 10));
out.push(target('native', 'spaCy sm (NER only)', 'python', 50));
out.push(target('native', 'spaCy sm (full)', 'python', 50));
out.push(target('chromium', 'compromise', 'chromium', 10));
out.push(target('chromium', 'spaCy sm (NER only)', 'python', 50));
out.push(target('chromium', 'spaCy sm (full)', 'python', 50));
if (skips.length) {
  out.push('');
  out.push('Skipped:');
  out.push('');
  for (const s of skips) out.push(`- ${s}`);
}
console.log(out.join('\n'));
