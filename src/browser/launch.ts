import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { onExit } from "../exit.js";
import { inContainer } from "./find.js";

/**
 * The browser cannot reach any network, even for what slips past the pages' sanitising and the
 * request interception (a preconnect or a DNS prefetch is no request and is never intercepted):
 * every host name resolves to nothing, and every connection, to an IP address or to loopback
 * too (`<-loopback>` takes away the implicit exemption), goes through a proxy whose name does
 * not resolve. `file:` and `data:` URLs, which the printer reads, need neither.
 */
const NO_NETWORK_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://no-network.invalid:9", "--proxy-bypass-list=<-loopback>"];

export const BROWSER_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  ...NO_NETWORK_ARGS,
];

/**
 * The browser's arguments with its profile. In a container (a GitLab job's image, Docker), where
 * /dev/shm is usually 64 MB and Chromium crashes printing a long document when it fills,
 * `--disable-dev-shm-usage` makes it keep that memory in the temp folder instead.
 */
export function browserArgs(profile: string, container = inContainer(process.env)): string[] {
  return [...BROWSER_ARGS, ...(container ? ["--disable-dev-shm-usage"] : []), `--user-data-dir=${profile}`];
}

/**
 * The temp folder the browser is given: the user's, unless it is too long for Chromium, which
 * makes its singleton socket at `<temp>/.org.chromium.Chromium.XXXXXX/SingletonSocket` (46 bytes
 * beyond it) and does not start where that passes the length of a socket's path (108 bytes on
 * Linux, 104 on macOS): then `/tmp`, as short as a temp folder gets. The profile stays in the
 * user's temp folder, where the next run looks for what a killed one left.
 */
export function browserTemp(temp: string, platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" || Buffer.byteLength(temp) + 46 < 104 ? temp : "/tmp";
}

/**
 * Ends the browser and every process it started. puppeteer starts it `detached`, which on
 * POSIX makes it the leader of a session and process group of its own (its pid is the
 * group's id): a signal to the group reaches its zygote, renderers and utilities, which a
 * signal to its pid alone leaves running.
 */
export function killBrowserGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

/**
 * The browser started with `profile`, while it starts (puppeteer has not said its pid yet):
 * the process whose command line names the profile and is no helper (`--type=`). Linux only
 * (/proc); elsewhere puppeteer's own exit handler ends it.
 */
function browserUsing(profile: string): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((n) => /^\d+$/.test(n));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    try {
      const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith("--type="))) return Number(pid);
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

/**
 * Starts a headless browser with a fresh profile of its own (`plan-browser-<pid>-…` in the
 * temp folder, named with plan's pid so that the next run removes it if plan is killed), which
 * is removed when the browser is closed (also when it fails to start). The browser dies with
 * plan: it talks to plan through a pipe (`--remote-debugging-pipe`), and Chromium exits by
 * itself when that pipe closes, which is also when plan is killed with SIGKILL; on any other
 * exit of plan, and on SIGINT, SIGTERM and SIGHUP (see cli.ts), its process group is killed.
 */
export async function launchBrowser(path: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), `plan-browser-${process.pid}-`));
  const removeProfile = () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } catch {
      // The browser may still be writing to it; closing removes it again once the process is gone, or the next run does.
    }
  };
  let pid: number | undefined;
  // Registered before the browser starts: plan may be stopped while it does.
  const forget = onExit(() => {
    killBrowserGroup(pid ?? browserUsing(profile));
    removeProfile();
  });
  let browser: Browser;
  try {
    // plan handles the signals itself (cli.ts): puppeteer's handlers would exit before the staging folders are removed, or not exit at all.
    browser = await puppeteer.launch({
      executablePath: path,
      headless: true,
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: browserArgs(profile),
      env: { ...process.env, TMPDIR: browserTemp(tmpdir()) },
    });
  } catch (error) {
    removeProfile();
    forget();
    throw error;
  }
  const child = browser.process();
  pid = child?.pid;
  // While any of its processes runs, the browser writes to its profile: the profile is removed once they are gone.
  const exited =
    child && child.exitCode === null && child.signalCode === null ? new Promise<void>((done) => child.once("exit", () => done())) : Promise.resolve();
  let closing = false;
  // A browser that crashes or is killed leaves its profile too (closing removes it itself).
  browser.once("disconnected", () => {
    if (closing) return;
    killBrowserGroup(pid);
    void exited.then(removeProfile);
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    closing = true;
    try {
      // Nothing of the browser's profile is kept, so it need not shut down in order (which takes Chromium most of a
      // second, writing its profile): its process group is ended, and puppeteer sees the browser go.
      killBrowserGroup(pid);
      await close();
      await exited;
    } finally {
      killBrowserGroup(pid);
      // The profile (some 180 files) goes in the background, while plan goes on (its packets, its output); should plan
      // exit first, the exit hook removes what is left of it.
      void rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })
        .catch(() => undefined)
        .then(forget);
    }
  };
  return browser;
}
