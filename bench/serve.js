// Tiny static server for the browser benchmark, on 127.0.0.1 only. Serves
// page.html, the wasm-bindgen output (wasm/pkg/), compromise's UMD build and
// the inputs (out/inputs/). Prints the port it listens on, then serves until
// killed (or until it is required and closed by browser.js).
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const root = __dirname;
const allowed = ['/page.html', '/wasm/pkg/', '/node_modules/compromise/builds/compromise.js', '/out/inputs/'];
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8' };

function start(port = 0) {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const file = path.join(root, path.normalize(url));
    if (!file.startsWith(root) || !allowed.some((a) => url.startsWith(a)) || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

module.exports = { start };
if (require.main === module) {
  start(Number(process.argv[2] || 0)).then((s) => console.log(`http://127.0.0.1:${s.address().port}/page.html`));
}
