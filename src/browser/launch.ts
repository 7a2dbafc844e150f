import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";

/**
 * The browser cannot reach any network, even for what slips past the pages' sanitising and the
 * request interception (a preconnect or a DNS prefetch is no request and is never intercepted):
 * every host name resolves to nothing, and every connection, to an IP address or to loopback
 * too (`<-loopback>` takes away the implicit exemption), goes through a proxy whose name does
 * not resolve. `file:` and `data:` URLs, which the printer reads, need neither.
 */
export const NO_NETWORK_ARGS = [
  "--host-resolver-rules=MAP * ~NOTFOUND",
  "--proxy-server=http://no-network.invalid:9",
  "--proxy-bypass-list=<-loopback>",
];

export const BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", ...NO_NETWORK_ARGS];

/**
 * Starts a headless browser with a fresh profile of its own, which is removed when the
 * browser is closed (also when it fails to start).
 */
export async function launchBrowser(path: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "plan-browser-"));
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // The browser may still be writing to it; closing removes it again once the process is gone.
    }
  };
  let browser: Browser;
  try {
    browser = await puppeteer.launch({ executablePath: path, headless: true, args: [...BROWSER_ARGS, `--user-data-dir=${profile}`] });
  } catch (error) {
    removeProfile();
    throw error;
  }
  // A browser that crashes or is killed leaves its profile too.
  browser.once("disconnected", removeProfile);
  const close = browser.close.bind(browser);
  browser.close = async () => {
    try {
      await close();
    } finally {
      removeProfile();
    }
  };
  return browser;
}
