import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The browser's folders, without the browser: the command line asks where a killed run's may be (browserTempsElsewhere) before it knows whether it prints.

/**
 * Whether Chromium can start with `temp` as its temp folder: it makes its singleton socket at
 * `<temp>/.org.chromium.Chromium.XXXXXX/SingletonSocket` (46 bytes beyond it) and does not start
 * where that passes the length of a socket's path (108 bytes on Linux, 104 on macOS).
 */
export function socketFits(temp: string, platform: NodeJS.Platform = process.platform): boolean {
  return platform === "win32" || Buffer.byteLength(temp) + 46 < 104;
}

/** The folders of one browser: `home`, plan's, which `profile` and (where it fits) `temp` are in, and the temp folder the browser is given. */
export interface BrowserFolders {
  home: string;
  profile: string;
  temp: string;
}

/**
 * Makes the folders of a browser: `plan-browser-<pid>-XXXXXX` in the temp folder (named with
 * plan's pid, so that the next run removes it if plan is killed), holding the browser's profile
 * (`profile`), and given to the browser as its temp folder: what Chromium makes there (its
 * singleton socket's folder, `org.chromium.Chromium.XXXXXX`), which it leaves when its process
 * group is killed, goes with it. Where that folder is too long for Chromium's socket
 * (socketFits), the browser's temp folder is another `plan-browser-<pid>-XXXXXX`, in `/tmp`, as
 * short as a temp folder gets; the profile stays in the user's temp folder.
 */
export function makeBrowserFolders(temp: string = tmpdir(), platform: NodeJS.Platform = process.platform): BrowserFolders {
  const prefix = `plan-browser-${process.pid}-`;
  const home = mkdtempSync(join(temp, prefix));
  const profile = join(home, "profile");
  try {
    mkdirSync(profile);
    return { home, profile, temp: socketFits(home, platform) ? home : mkdtempSync(join("/tmp", prefix)) };
  } catch (error) {
    rmSync(home, { recursive: true, force: true });
    throw error;
  }
}

/** Where, besides the temp folder, a run's browsers have their temp folders: `/tmp` where the temp folder is too long for the socket (makeBrowserFolders). */
export function browserTempsElsewhere(temp: string = tmpdir(), platform: NodeJS.Platform = process.platform): string[] {
  // The longest folder of a browser: the largest pid (2^22 on Linux), six letters.
  return socketFits(join(temp, "plan-browser-4194304-XXXXXX"), platform) ? [] : ["/tmp"];
}

/** Removes the folders of a browser (rmSync's `maxRetries`: the browser may still be writing to them). */
export function removeBrowserFolders({ home, temp }: BrowserFolders): void {
  for (const folder of new Set([home, temp])) rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

/** The browser's environment: `temp` its temp folder (TMPDIR; TMP and TEMP on Windows). */
export function browserEnv(env: NodeJS.ProcessEnv, temp: string): NodeJS.ProcessEnv {
  return { ...env, TMPDIR: temp, TMP: temp, TEMP: temp };
}
