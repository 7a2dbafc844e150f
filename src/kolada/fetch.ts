import { UserError } from "../errors.js";
import { t } from "../format/message.js";
import { KoladaResponseError, parseResponseText } from "./response.js";
import type { KoladaRequest } from "./requests.js";

/** One page of a response, as Kolada sent it. */
export interface FetchedPage {
  url: string;
  /** 1-based, within its request. */
  page: number;
  request: KoladaRequest;
  /** The body exactly as received, for `plan kolada import`. */
  body: string;
  /** Values on the page, not counting those marked deleted. */
  values: number;
}

export interface FetchOptions {
  timeoutSeconds: number;
  /** Called before each page is asked for. */
  onRequest?: (url: string, page: number) => void;
  /** Stops a runaway chain of `next_url`s. */
  maxPages?: number;
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused",
  ENOTFOUND: "the host name could not be resolved",
  EAI_AGAIN: "the name server did not answer",
  ECONNRESET: "the connection was reset",
  ETIMEDOUT: "the connection timed out",
  EHOSTUNREACH: "the host is unreachable",
  ENETUNREACH: "the network is unreachable",
  UND_ERR_CONNECT_TIMEOUT: "the connection timed out",
  UND_ERR_SOCKET: "the connection broke off",
};

/** Why a fetch failed, in words: Node's fetch wraps the system error (`ECONNREFUSED` …) in `cause`. */
export function networkReason(error: unknown, timeoutSeconds: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === "TimeoutError" || e?.cause?.name === "TimeoutError") return `no answer within ${timeoutSeconds} s`;
  const code = e?.cause?.code ?? (e as { code?: string })?.code;
  if (code) return `${NETWORK_REASONS[code] ?? e.cause?.message ?? "the request failed"} (${code})`;
  return e?.cause?.message ?? e?.message ?? String(error);
}

const unreachable = (url: string, reason: string) =>
  new UserError(t`Could not reach Kolada at ${url}: ${reason}. Check your connection; nothing was written.`, 2);

async function getText(url: string, timeoutSeconds: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000), headers: { accept: "application/json" } });
  } catch (error) {
    throw unreachable(url, networkReason(error, timeoutSeconds));
  }
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    throw unreachable(url, networkReason(error, timeoutSeconds));
  }
  if (!response.ok) {
    throw new UserError(t`Kolada at ${url} answered ${`${response.status} ${response.statusText}`.trimEnd()}; nothing was written.`, 2);
  }
  return body;
}

/**
 * Asks Kolada for every request and follows its pages (`next_url` in v3, `next_page` in v2),
 * holding everything in memory: a failure part-way writes nothing. Each page is checked to be
 * a data response before the next is asked for.
 */
export async function fetchPages(requests: KoladaRequest[], options: FetchOptions): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = [];
  const maxPages = options.maxPages ?? 1000;
  for (const request of requests) {
    const visited = new Set<string>();
    let url: string | undefined = request.url;
    for (let page = 1; url; page++) {
      if (visited.has(url)) throw new UserError(t`Kolada's pages of ${request.url} lead back to ${url}; nothing was written.`, 1);
      if (pages.length >= maxPages) throw new UserError(t`Kolada sent more than ${maxPages} pages (the last asked for: ${url}); nothing was written.`, 1);
      visited.add(url);
      options.onRequest?.(url, page);
      const body = await getText(url, options.timeoutSeconds);
      let next: string | undefined;
      let values: number;
      try {
        const parsed = parseResponseText(body);
        next = parsed.next;
        values = parsed.rows.length;
      } catch (error) {
        if (!(error instanceof KoladaResponseError)) throw error;
        const issue = error.issues[0]!;
        throw new UserError(t`Kolada at ${url} did not send a data response (${issue.path}: ${issue.message}); nothing was written.`, 1);
      }
      pages.push({ url, page, request, body, values });
      url = next ? new URL(next, url).href : undefined;
      if (url && !/^https?:$/.test(new URL(url).protocol)) throw new UserError(t`Kolada's next page is not a web address: ${url}; nothing was written.`, 1);
    }
  }
  return pages;
}
