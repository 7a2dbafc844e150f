import { tmpdir } from "node:os";
import type { Browser } from "puppeteer-core";
import { closeBrowser, startBrowser, type Browsers } from "./render.js";

/**
 * Browsers kept running between the builds of a process that makes many (the tests, through
 * main's Kept): one per program and temp folder (its profile lives there, and a test that gives the
 * process another temp folder may remove the first), started when a build first prints with it, left running when
 * that build is done and handed to the next. One that crashed or was killed is closed as any
 * other and started anew for the next build. The command line keeps none: each build starts its
 * own and closes it (OWN_BROWSERS).
 */
export class BrowserKeeper implements Browsers {
  readonly #running = new Map<string, Promise<Browser>>();
  readonly #kept = new WeakSet<Browser>();

  async start(path: string): Promise<Browser> {
    const key = `${path}\0${tmpdir()}`;
    const running = this.#running.get(key);
    if (running) {
      const browser = await running.catch(() => undefined);
      if (browser?.connected) return browser;
      // Another build found it gone meanwhile and started the next one.
      if (this.#running.get(key) !== running) return this.start(path);
    }
    const starting = startBrowser(path).then((browser) => {
      this.#kept.add(browser);
      return browser;
    });
    this.#running.set(key, starting);
    starting.catch(() => {
      if (this.#running.get(key) === starting) this.#running.delete(key);
    });
    return starting;
  }

  /** Leaves a kept browser running for the next build; closes one that is gone, or that it did not start. */
  async close(browser: Browser, gone = !browser.connected): Promise<void> {
    if (this.#kept.has(browser) && !gone && browser.connected) return;
    await closeBrowser(browser, gone);
  }

  /** Closes every browser kept. */
  async closeAll(): Promise<void> {
    const running = [...this.#running.values()];
    this.#running.clear();
    await Promise.all(
      running.map(async (starting) => {
        const browser = await starting.catch(() => undefined);
        if (browser) await closeBrowser(browser);
      }),
    );
  }
}
