/** Deterministic mutations of a document for fuzzing: the same seed always gives the same case. */

export function random(seed: number) {
  // mulberry32: small, fast and good enough to spread mutations.
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

type Random = ReturnType<typeof random>;

const scalarLine = /^(\s*(?:- )?[\w-]+: )(.+)$/;

/** Replaces the value of a random `key: value` line. */
function replaceValue(text: string, r: Random, values: readonly string[]): string {
  const lines = text.split("\n");
  const candidates = lines.map((l, i) => (scalarLine.test(l) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const i = r.pick(candidates);
  lines[i] = lines[i]!.replace(scalarLine, (_, key: string) => `${key}${r.pick(values)}`);
  return lines.join("\n");
}

export const mutations: Record<string, (text: string, r: Random) => string> = {
  "byte flip": (t, r) => {
    const chars = [...t];
    for (let n = 1 + r.int(5); n > 0; n--) chars[r.int(chars.length)] = String.fromCharCode(r.int(0x250));
    return chars.join("");
  },
  truncate: (t, r) => t.slice(0, r.int(t.length)),
  "swap type": (t, r) => replaceValue(t, r, ["[1, 2]", "{ a: 1 }", '"text"', "true", "null", "~", "2019-01-01", "-", "''"]),
  "huge number": (t, r) => replaceValue(t, r, ["1e308", "9007199254740993", "99999999999999999999999", "Infinity", ".inf", "-.inf", ".nan", "0x1F"]),
  "negative number": (t, r) => replaceValue(t, r, ["-1", "-220000", "-0", "-1.5"]),
  "swedish amount": (t, r) => replaceValue(t, r, ['"1 000 000"', '"1,5 mnkr"', '"220 tkr"', "220 000", "2,5"]),
  "deep nesting": (t, r) => replaceValue(t, r, ["[".repeat(500 + r.int(5000)) + "]".repeat(500), `${"{a: ".repeat(300)}1${"}".repeat(300)}`]),
  "yaml aliases": (t, r) =>
    t.replace(
      /^---\n/,
      `---\nx0: &a0 [1, 2, 3, 4, 5, 6, 7, 8, 9]\n${Array.from({ length: 6 + r.int(4) }, (_, i) => `x${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(", ")}]`).join("\n")}\n`,
    ),
  "anchor reuse": (t) => t.replace(/^(\s*)title: (.*)$/m, "$1title: &t $2\nalias_of_title: *t"),
  "binary garbage": (t, r) => {
    const junk = Array.from({ length: 50 + r.int(500) }, () => String.fromCharCode(r.int(256))).join("");
    const at = r.int(t.length);
    return t.slice(0, at) + junk + t.slice(at);
  },
  empty: () => "",
  "only fences": () => "---\n---\n",
  "unclosed frontmatter": (t) => t.replace(/\n---\n/, "\n"),
  "duplicate key": (t) => t.replace(/^(kind: .*)$/m, "$1\n$1"),
  "deep markdown": (t, r) => `${t}\n${">".repeat(100 + r.int(2000))} citat\n${Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- punkt`).join("\n")}\n`,
  "hostile text": (t, r) =>
    `${t}\n${r.pick(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{{constructor.constructor('return process')()}}", "<iframe src=//evil></iframe>", "![](../../../../etc/passwd)", "![](file:///etc/passwd)"])}\n`,
  "tabs and CRLF": (t) => `\uFEFF${t.replace(/\n {2}/g, "\n\t").replace(/\n/g, "\r\n")}`,
};

export const mutationNames = Object.keys(mutations);

/** The mutated text for a seed: one to three mutations chosen by the seed. */
export function mutate(text: string, seed: number): { text: string; applied: string[] } {
  const r = random(seed);
  const applied: string[] = [];
  let out = text;
  for (let n = 1 + r.int(3); n > 0; n--) {
    const name = r.pick(mutationNames);
    applied.push(name);
    out = mutations[name]!(out, r);
  }
  return { text: out, applied };
}
