// The floor for plan's PDFs: one warm browser printing already-built HTML files with
// page.pdf, one after another, with the same print options as plan (A4 from the page, tagged,
// outline). No checks, no print variant, no request interception, no cache, no parallel pages.
//
//   node bench/pdf-floor.mjs <browser> <list-file> <pdf-folder> [<figures-file>]
//
// <list-file> holds one HTML file a line (absolute paths); each is printed to <pdf-folder>
// as 1.pdf, 2.pdf, … in the order of the list. The browser is started before the clock starts; the seconds of the
// printing alone are appended to <figures-file> (one line per run) and printed.

import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { launchBrowser } from "../dist/browser/index.js";
import { PDF_OPTIONS } from "../dist/pdf/render.js";

const [browserPath, listFile, pdfDir, figures] = process.argv.slice(2);
if (!browserPath || !listFile || !pdfDir) {
  console.error("usage: node bench/pdf-floor.mjs <browser> <list-file> <pdf-folder> [<figures-file>]");
  process.exit(2);
}
const files = readFileSync(listFile, "utf8").split("\n").filter(Boolean);
mkdirSync(pdfDir, { recursive: true });
const browser = await launchBrowser(browserPath);
try {
  const page = await browser.newPage();
  // Warm: one page loaded and printed before the clock starts.
  await page.goto(pathToFileURL(files[0]).href, { waitUntil: "load" });
  await page.pdf(PDF_OPTIONS);
  const start = process.hrtime.bigint();
  for (const [n, file] of files.entries()) {
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    writeFileSync(join(pdfDir, `${n + 1}.pdf`), await page.pdf(PDF_OPTIONS));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (figures) appendFileSync(figures, `${seconds}\n`);
  console.log(`${files.length} PDFs in ${seconds.toFixed(2)} s (${(files.length / seconds).toFixed(2)} PDFs/s)`);
} finally {
  await browser.close();
}
