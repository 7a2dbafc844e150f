import type { Io, Lang } from "../io.js";
import { SV } from "./messages-sv.js";

/**
 * Messages in the user's language. A message is written once, in English, where it is found
 * (`t\`The total says ${kr(x)}.\``), and kept as its template and values, not as a string: the
 * formatters say it in the language of the run (`say`), looking the template up in the Swedish
 * catalog (`messages-sv.ts`, where the Swedish may put the values in another order). The model
 * and the findings stay free of language, as a vfile message is free of its reporter.
 */

export type { Lang };

/** What a message is made of: text that is the same in every language (a figure, an id, a name), or another message. */
export type Part = string | number | bigint | Message;

export type Message =
  /** A sentence: its English with `{0}`, `{1}` … where the values go. */
  | { readonly kind: "text"; readonly template: string; readonly values: readonly Part[] }
  /** Items joined as the language joins them: `a, b and c`, `a, b och c`. */
  | { readonly kind: "list"; readonly items: readonly Part[]; readonly conjunction: "and" | "or" }
  /** A number of things: `1 error`, `2 errors`; `1 fel`, `2 fel`. */
  | { readonly kind: "count"; readonly n: number; readonly one: string; readonly many: string }
  /** A decimal number with its decimal sign as the language writes it: `5.7`, `5,7`. */
  | { readonly kind: "decimal"; readonly value: number; readonly digits: number };

/**
 * The template of each use of `t`, made once: JavaScript gives a tagged template the same strings
 * every time it runs, and the messages of one use share its template rather than each holding a
 * copy of it (a large repository's check keeps 80,000 messages until they are reported, most
 * of them from a few uses, each with a sentence or two of template in its reason and its fix).
 */
// eslint-disable-next-line no-restricted-syntax -- what a function of the code's own constants gives (each use's strings), the same in every run, not a run's state
const templates = new WeakMap<TemplateStringsArray, string>();

/** A message from a template literal: `t\`${n} is not a year\``. Braces of the text are doubled in the template (`\\d{{2}}`), so that only `{0}` … are values. */
export function t(strings: TemplateStringsArray, ...values: Part[]): Message {
  let template = templates.get(strings);
  if (template === undefined) templates.set(strings, (template = strings.reduce((out, s, i) => (i === 0 ? escape(s) : `${out}{${i - 1}}${escape(s)}`), "")));
  return { kind: "text", template, values };
}

const escape = (text: string) => text.replace(/[{}]/g, (b) => b + b);

/**
 * A phrase kept as text where a message cannot be kept (a schema's message, which zod holds as a
 * string): marked so that the catalog's check finds it, and said through `phrased`.
 */
export const phrase = (english: string): string => english;

/** A phrase (`phrase`) as a message, to be said in the user's language. */
export const phrased = (english: string): Message => ({ kind: "text", template: escape(english), values: [] });

export const listOf = (items: readonly Part[], conjunction: "and" | "or" = "and"): Message => ({ kind: "list", items, conjunction });

export const count = (n: number, one: string, many = `${one}s`): Message => ({ kind: "count", n, one, many });

/** A decimal number with `digits` decimals, said with the language's decimal sign (`5,7 s` in Swedish). */
export const decimal = (value: number, digits: number): Message => ({ kind: "decimal", value, digits });

export const isMessage = (value: unknown): value is Message =>
  typeof value === "object" && value !== null && ["text", "list", "count", "decimal"].includes((value as { kind?: unknown }).kind as string);

const CONJUNCTIONS: Record<Lang, Record<"and" | "or", string>> = { en: { and: "and", or: "or" }, sv: { and: "och", or: "eller" } };

/** The message in `lang`: its Swedish from the catalog, or its English where the catalog has none. */
export function say(message: Part, lang: Lang, catalog: Readonly<Record<string, string>> = SV): string {
  if (typeof message !== "object") return String(message);
  switch (message.kind) {
    case "text": {
      const template = (lang === "sv" && catalog[message.template]) || message.template;
      const pieces = piecesOf(template);
      let out = pieces[0] as string;
      for (let i = 1; i < pieces.length; i += 2) out += say(message.values[pieces[i] as number] ?? "", lang, catalog) + (pieces[i + 1] as string);
      return out;
    }
    case "list": {
      const items = message.items.map((item) => say(item, lang, catalog));
      if (items.length <= 1) return items.join("");
      return `${items.slice(0, -1).join(", ")} ${CONJUNCTIONS[lang][message.conjunction]} ${items.at(-1)}`;
    }
    case "decimal": {
      const fixed = message.value.toFixed(message.digits);
      return lang === "sv" ? fixed.replace(".", ",") : fixed;
    }
    case "count": {
      const words = lang === "sv" ? catalog[`${message.one}|${message.many}`]?.split("|") : undefined;
      const [one, many] = words?.length === 2 ? words : [message.one, message.many];
      return `${message.n} ${message.n === 1 ? one : many}`;
    }
  }
}

/** The pieces of each template said so far: a memo of a pure function of the text, whatever run asks (plan's own templates, its catalog's and zod's phrases). */
// eslint-disable-next-line no-restricted-syntax -- a memo of a pure function of immutable input (a template's text), the same answer for every run
const PIECES = new Map<string, readonly (string | number)[]>();

/**
 * A template as its text and the indexes of its values, alternating (`"a {0} b"`: `["a ", 0, " b"]`),
 * with doubled braces made single: split once, as a report of thousands of findings says the
 * same few templates again and again.
 */
function piecesOf(template: string): readonly (string | number)[] {
  let pieces = PIECES.get(template);
  if (pieces) return pieces;
  const made: (string | number)[] = [];
  let text = "";
  let from = 0;
  for (const m of template.matchAll(/\{\{|\}\}|\{(\d+)\}/g)) {
    text += template.slice(from, m.index);
    from = m.index + m[0].length;
    if (m[1] === undefined) text += m[0][0];
    else {
      made.push(text, Number(m[1]));
      text = "";
    }
  }
  made.push(text + template.slice(from));
  pieces = made;
  PIECES.set(template, pieces);
  return pieces;
}

/**
 * The language of a run: `--lang`, else the environment's (LC_ALL, LC_MESSAGES, LANG, in the
 * order POSIX reads them) where it is Swedish or English, else DEFAULT_LANG. Undefined for an
 * option that is neither `sv` nor `en` (the command says so).
 */
export function langOf(option: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang | undefined {
  if (option !== undefined) return option === "sv" || option === "en" ? option : undefined;
  const locale = env["LC_ALL"] || env["LC_MESSAGES"] || env["LANG"] || "";
  if (/^sv([_.@-]|$)/i.test(locale)) return "sv";
  if (/^en([_.@-]|$)/i.test(locale)) return "en";
  return DEFAULT_LANG;
}

/** The language a command speaks through `io`: the one it was given, else the environment's. */
export const langIn = (io: Pick<Io, "env" | "lang">): Lang => io.lang ?? langOf(undefined, io.env) ?? DEFAULT_LANG;

/** Swedish where neither `--lang` nor the environment names a language: plan's users are Swedish municipalities and regions. */
const DEFAULT_LANG: Lang = "sv";
