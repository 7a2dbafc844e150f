import { say, t, type Message, type Part } from "../format/message.js";
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Where Chrome, Chromium and Edge are usually installed, per platform, in the order tried. */
export function usualBrowserPaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === "darwin") {
    const apps = [
      "Google Chrome.app/Contents/MacOS/Google Chrome",
      "Chromium.app/Contents/MacOS/Chromium",
      "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
      "Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
    ];
    const home = env["HOME"];
    return [...apps.map((a) => join("/Applications", a)), ...(home ? apps.map((a) => join(home, "Applications", a)) : [])];
  }
  if (platform === "win32") {
    const roots = [env["PROGRAMFILES"] ?? "C:\\Program Files", env["PROGRAMFILES(X86)"] ?? "C:\\Program Files (x86)", env["LOCALAPPDATA"]].filter(
      (r): r is string => Boolean(r),
    );
    const exes = ["Google\\Chrome\\Application\\chrome.exe", "Chromium\\Application\\chrome.exe", "Microsoft\\Edge\\Application\\msedge.exe"];
    return roots.flatMap((root) => exes.map((exe) => `${root}\\${exe}`));
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/microsoft-edge",
    "/usr/bin/microsoft-edge-stable",
    "/snap/bin/chromium",
    "/usr/local/bin/chromium",
    "/usr/local/bin/google-chrome",
    "/opt/google/chrome/chrome",
  ];
}

/** The names Chrome, Chromium and Edge have on the PATH of Linux and macOS, in the order tried: after the usual places, for one installed elsewhere. */
const BROWSER_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "microsoft-edge-stable", "microsoft-edge"];

/** The browsers by name in each folder of PATH (none on Windows, where browsers are not put on PATH). */
export function browsersOnPath(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === "win32") return [];
  const folders = (env["PATH"] ?? "").split(delimiter).filter((f) => f.startsWith("/"));
  return folders.flatMap((folder) => BROWSER_NAMES.map((name) => join(folder, name)));
}

export interface FindBrowserOptions {
  /** `--browser PATH`: used as given, or an error when it is not there. */
  explicit?: string;
  env: Record<string, string | undefined>;
  /** For tests: the platform and a file test other than the disk. */
  platform?: NodeJS.Platform;
  isExecutable?: (path: string) => boolean;
}

/** Whether `path` is a file this process may run. */
export function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (process.platform !== "win32") accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser to use: `--browser PATH`, then `PUPPETEER_EXECUTABLE_PATH`, then the usual
 * places of Chrome, Chromium and Edge (on GitHub's Ubuntu runners, the Chrome installed there:
 * `/usr/bin/google-chrome`), then their names on PATH. `undefined` when none is found; an explicit path that
 * does not exist is returned as it is, so that launching it fails with its own name.
 */
export function findBrowser(options: FindBrowserOptions): string | undefined {
  if (options.explicit) return options.explicit;
  const fromEnv = options.env["PUPPETEER_EXECUTABLE_PATH"];
  if (fromEnv) return fromEnv;
  const test = options.isExecutable ?? isExecutable;
  const platform = options.platform ?? process.platform;
  return [...usualBrowserPaths(platform, options.env), ...browsersOnPath(platform, options.env)].find((p) => test(p));
}

/** What `inContainer` reads, for tests: whether a file exists, and a file's text (undefined when it cannot be read). */
export interface ContainerProbe {
  exists(path: string): boolean;
  read(path: string): string | undefined;
}

const diskProbe: ContainerProbe = {
  exists: existsSync,
  read: (path) => {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  },
};

/**
 * Whether plan runs in a container (Docker, Podman, Kubernetes: a GitLab job, a dev container),
 * where /dev/shm is usually 64 MB, too small for Chromium's shared memory: the marker files of
 * Docker (`/.dockerenv`) and Podman (`/run/.containerenv`), the `container` variable that
 * Podman and systemd-nspawn set, or a container runtime in the cgroup of the first process.
 * Linux only.
 */
export function inContainer(env: Record<string, string | undefined>, platform: NodeJS.Platform = process.platform, probe: ContainerProbe = diskProbe): boolean {
  if (platform !== "linux") return false;
  if (env["container"]) return true;
  if (probe.exists("/.dockerenv") || probe.exists("/run/.containerenv")) return true;
  return /\b(docker|containerd|kubepods|libpod|lxc)\b/.test(probe.read("/proc/1/cgroup") ?? "");
}

/** What to tell the user when no browser is found: what to install and how to point `plan` at it, as a message (said in the run's language). */
export const browserNotFound = (purpose: Part = t`This`): Message =>
  t`${purpose} needs Chrome, Chromium or Edge, and none was found.
Install one, for example:
  Debian/Ubuntu:  apt-get install chromium
  any system:     npx @puppeteer/browsers install chrome-headless-shell
then tell plan where it is: set PUPPETEER_EXECUTABLE_PATH=/path/to/chrome, or pass --browser /path/to/chrome.`;

/** The same in English, for the tests' and tools' own notices. */
export const browserNotFoundMessage = (purpose?: string): string => say(browserNotFound(purpose), "en");
