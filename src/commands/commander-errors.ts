import { listOf, say, t, type Lang, type Message } from "../format/message.js";

/**
 * Commander's own errors (an unknown command or option, a missing argument, a value not among the
 * choices), which it writes in English before any action runs: each line read by its fixed form
 * and said as a message in the run's language. A line of no known form is written as it is.
 */
const FORMS: readonly [RegExp, (...parts: string[]) => Message][] = [
  [/^error: unknown command '(.*)'$/, (name) => t`error: unknown command ${quote(name)}`],
  [/^error: unknown option '(.*)'$/, (flag) => t`error: unknown option ${quote(flag)}`],
  [/^error: missing required argument '(.*)'$/, (name) => t`error: the argument ${quote(name)} is missing`],
  [/^error: option '(.*)' argument missing$/, (flags) => t`error: the option ${quote(flags)} needs a value`],
  [/^error: required option '(.*)' not specified$/, (flags) => t`error: the option ${quote(flags)} is required`],
  [
    /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (flags, value, choices) => t`error: the option ${quote(flags)} cannot be ${quote(value)}; choose ${listOf(choices!.split(", ").map(quote), "or")}.`,
  ],
  [
    /^error: too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
    (_command, expected, got) => t`error: too many arguments: ${expected} expected, ${got} given.`,
  ],
  [/^\(Did you mean one of (.*)\?\)$/, (names) => t`(Did you mean ${listOf(names!.split(", "), "or")}?)`],
  [/^\(Did you mean (.*)\?\)$/, (name) => t`(Did you mean ${name}?)`],
];

const quote = (s: string | undefined) => `'${s ?? ""}'`;

/** Commander's error text in `lang`, line by line; in English as commander writes it. */
export function commanderError(text: string, lang: Lang): string {
  if (lang === "en") return text;
  return text
    .split("\n")
    .map((line) => {
      for (const [form, message] of FORMS) {
        const found = form.exec(line);
        if (found) return say(message(...found.slice(1)), lang);
      }
      return line;
    })
    .join("\n");
}
