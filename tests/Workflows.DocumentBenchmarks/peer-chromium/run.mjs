// Peer of the documents benchmark: prints the same notice, as HTML, to PDF with headless Chromium
// (Debian's /usr/bin/chromium) through playwright-core: the browser launched once, one page reused,
// setContent + pdf per document — the usual way services do it.
// Usage: node run.mjs NOTICE.html RUNS [OUT.pdf]   → one JSON line: {"medianMs":…, "pages":…, "bytes":…}
import { chromium } from 'playwright-core';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [file, runsText, out] = process.argv.slice(2);
const html = readFileSync(file, 'utf8');
const runs = Number(runsText ?? 50);
// The running header and the page numbers, as Chromium prints them: header and footer templates.
const headerFile = file.replace(/\.html$/, '.header.txt');
const header = existsSync(headerFile) ? readFileSync(headerFile, 'utf8') : '';
const band = 'font-family: "AR PL SungtiL GB", serif; font-size: 10.5pt; width: 100%;';
const options = {
  format: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true,
  headerTemplate: `<div style='${band} text-align: right; margin: 0 26mm 0 28mm;'>${header}</div>`,
  footerTemplate: `<div style='${band} text-align: center;'>第 <span class='pageNumber'></span> 页 共 <span class='totalPages'></span> 页</div>`,
};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const page = await browser.newPage();
const render = async () => {
  await page.setContent(html, { waitUntil: 'load' });
  return page.pdf(options);
};
for (let i = 0; i < 5; i++) await render();   // warm-up
const times = [];
let bytes = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const pdf = await render();
  times.push(Number(process.hrtime.bigint() - start) / 1e6);
  bytes = pdf.length;
}
times.sort((a, b) => a - b);
const last = await render();
if (out) writeFileSync(out, last);
const pages = (last.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
console.log(JSON.stringify({ medianMs: times[Math.floor(runs / 2)], pages, bytes }));
await browser.close();
