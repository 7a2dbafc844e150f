import { execFileSync } from "node:child_process";
import { UserError } from "../errors.js";
import { t } from "../format/message.js";

const day = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });

/** `YYYY-MM-DD` in Swedish time of a moment given in seconds since 1970. */
export function dayOf(epochSeconds: number): string {
  return day.format(new Date(epochSeconds * 1000));
}

/**
 * The date a build shows: `SOURCE_DATE_EPOCH` (https://reproducible-builds.org/specs/source-date-epoch/),
 * else the date of the last commit that touched the repository, else none. Never the clock,
 * so that two builds of the same input are identical.
 */
export function sourceDate(env: Record<string, string | undefined>, root: string): string | undefined {
  const given = env["SOURCE_DATE_EPOCH"];
  if (given !== undefined && given !== "") {
    if (!/^\d+$/.test(given.trim())) throw new UserError(t`SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, found "${given}".`);
    return dayOf(Number(given.trim()));
  }
  try {
    const out = execFileSync("git", ["-C", root, "log", "-1", "--format=%ct", "--", "."], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5000,
    }).trim();
    return /^\d+$/.test(out) ? dayOf(Number(out)) : undefined;
  } catch {
    return undefined;
  }
}
