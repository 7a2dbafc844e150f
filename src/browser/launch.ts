import { readdirSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import puppeteer, { type Browser } from "puppeteer-core";
import { onExit } from "../exit.js";
import { inContainer } from "./find.js";
import { browserEnv, makeBrowserFolders, removeBrowserFolders } from "./temp.js";

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
 * Starts a headless browser with a fresh profile and temp folder of its own (makeBrowserFolders),
 * which are removed when the browser is closed, crashes or fails to start, and when plan exits.
 * The browser dies with plan: it talks to plan through a pipe (`--remote-debugging-pipe`), and
 * Chromium exits by itself when that pipe closes, which is also when plan is killed with
 * SIGKILL; on any other exit of plan, and on SIGINT, SIGTERM and SIGHUP (see cli.ts), its
 * process group is killed.
 */
export async function launchBrowser(path: string): Promise<Browser> {
  const folders = makeBrowserFolders();
  const { profile } = folders;
  const removeFolders = () => {
    try {
      removeBrowserFolders(folders);
    } catch {
      // The browser may still be writing to them; closing removes them again once the process is gone, or the next run does.
    }
  };
  let pid: number | undefined;
  // Registered before the browser starts: plan may be stopped while it does.
  const forget = onExit(() => {
    killBrowserGroup(pid ?? browserUsing(profile));
    removeFolders();
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
      env: browserEnv(process.env, folders.temp),
    });
  } catch (error) {
    removeFolders();
    forget();
    throw error;
  }
  const child = browser.process();
  pid = child?.pid;
  // While any of its processes runs, the browser writes to its folders: they are removed once they are gone.
  const exited =
    child && child.exitCode === null && child.signalCode === null ? new Promise<void>((done) => child.once("exit", () => done())) : Promise.resolve();
  let closing = false;
  // A browser that crashes or is killed leaves its folders too (closing removes them itself).
  browser.once("disconnected", () => {
    if (closing) return;
    killBrowserGroup(pid);
    void exited.then(removeFolders);
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    closing = true;
    try {
      // Nothing of the browser's profile is kept, so it need not shut down in order (which takes Chromium most of a
      // second, writing its profile): its process group is ended, and puppeteer sees the browser go. Killed, Chromium
      // leaves what it made in its temp folder, which goes with its folders.
      killBrowserGroup(pid);
      await close();
      await exited;
    } finally {
      killBrowserGroup(pid);
      // The profile (some 180 files) goes in the background, while plan goes on (its packets, its output); should plan
      // exit first, the exit hook removes what is left of it.
      void Promise.all([...new Set([folders.home, folders.temp])].map((folder) => rm(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 })))
        .catch(() => undefined)
        .then(forget);
    }
  };
  return browser;
}
