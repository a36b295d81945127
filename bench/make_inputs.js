// Builds the benchmark inputs in out/inputs/ (not committed):
//   article.txt  static/sample.txt (~585 words) + one short dev article
//                (bbc-business-473, ~155 words) = ~740 words
//   1mb.txt      dev articles' texts repeated until >= 1,000,000 bytes
//   10mb.txt     the same until >= 10,000,000 bytes
// Usage: node make_inputs.js DEV_JSONL OUT_DIR
'use strict';
const fs = require('fs');
const path = require('path');

const [devPath, outDir] = process.argv.slice(2);
const root = path.resolve(__dirname, '..');
const sample = fs.readFileSync(path.join(root, 'static', 'sample.txt'), 'utf8').trim();
const dev = fs
  .readFileSync(devPath, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
if (!dev.length) throw new Error(`no articles in ${devPath}`);

fs.mkdirSync(outDir, { recursive: true });
const pad = dev.find((d) => d.id === 'bbc-business-473') || dev.reduce((a, b) => (a.text.length < b.text.length ? a : b));
const article = `${sample}\n\n${pad.text.trim()}\n`;

function repeated(target) {
  const parts = [];
  let bytes = 0;
  for (let i = 0; bytes < target; i++) {
    const t = dev[i % dev.length].text.trim() + '\n\n';
    parts.push(t);
    bytes += Buffer.byteLength(t);
  }
  return parts.join('');
}

const inputs = { 'article.txt': article, '1mb.txt': repeated(1e6), '10mb.txt': repeated(1e7) };
for (const [name, text] of Object.entries(inputs)) {
  fs.writeFileSync(path.join(outDir, name), text);
  const words = text.split(/\s+/).filter(Boolean).length;
  console.error(`  ${name}: ${Buffer.byteLength(text)} bytes, ${words} words`);
}
