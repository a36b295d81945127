// Launches Debian's Chromium (never a downloaded browser) headless through
// playwright-core, with the flags this offline machine needs; shared by the
// benchmark scripts (browser.js, app.mjs).
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** Launches the browser with the common flags plus `extra`. */
function launch(extra = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...ARGS, ...extra], headless: true });
}

module.exports = { launch };
