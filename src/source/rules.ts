import type { RuleInfo } from "../diagnostics/report.js";

/*
 * The rules whose check runs while a file is read and its YAML and markdown parsed: what they
 * find leaves nothing for later rules to read. Declared here, below the loader that emits
 * them, and listed in the registry (`src/rules/index.ts`) with every other rule.
 */

export const yamlSyntax: RuleInfo = {
  id: "yaml/syntax",
  severity: "error",
  summary:
    "The frontmatter is valid YAML; the common mistakes (a colon inside a value, a missing colon, a tab in the indentation) are named as such, with the line as it should be.",
  example: "The value of `title` holds a colon followed by a space (`Föräldraskapsstöd: gruppträffar`), which YAML reads as the start of another field.",
};

export const yamlDuplicateKey: RuleInfo = {
  id: "yaml/duplicate-key",
  severity: "error",
  summary: "No key appears twice in one map, also when one is an alias (`*k`) naming the other.",
  example: "This key appears twice in the same map; the second would silently win.",
};

export const yamlAliases: RuleInfo = {
  id: "yaml/aliases",
  severity: "error",
  summary: "YAML aliases do not expand without bound.",
  example: "The YAML could not be expanded: Excessive alias count indicates a resource exhaustion attack.",
};

export const yamlTabIndent: RuleInfo = {
  id: "yaml/tab-indent",
  severity: "warning",
  summary: "Indentation uses spaces (a tab is read as one space).",
  example: "A tab is used for indentation; YAML allows only spaces there. It was read as one space.",
};

export const yamlTooDeep: RuleInfo = {
  id: "yaml/too-deep",
  severity: "error",
  summary: "The frontmatter does not nest without bound.",
  example: "The YAML nests too deeply to be read.",
};

export const yamlReservedKey: RuleInfo = {
  id: "yaml/reserved-key",
  severity: "error",
  summary:
    "No key is a name every JavaScript object has (`__proto__`, `constructor`, `prototype`, `toString`, …), written out or through an alias: as a key it would be lost or misread.",
  example: "`__proto__` cannot be a key: it is a name every JavaScript object already has, and as a key it would be lost or misread.",
};

export const yamlCollectionKey: RuleInfo = {
  id: "yaml/collection-key",
  severity: "error",
  summary: "No key is a map or a list (also through an alias): read into data it would become a made-up text.",
  example: "A map or a list cannot be a key: read into data it would become a made-up text, and its value would be filed under it.",
};

export const controlCharacter: RuleInfo = {
  id: "text/control-character",
  severity: "error",
  summary:
    "Text holds no control characters (escape sequences, CR, C1 controls, bidi overrides), and one-line fields (titles, names, areas, labels) no line break: they rewrite terminals, add CSV rows or reverse how text reads.",
  example: "`title` holds the control character `\\x1b`; control characters can rewrite a terminal, add rows to a CSV or reverse how text reads.",
};

export const markdownTooDeep: RuleInfo = {
  id: "markdown/too-deep",
  severity: "error",
  summary: "Quotes and lists in the body nest at most 64 levels.",
  example: "Block quotes or lists nest more than 64 levels deep here; such a document cannot be read in reasonable time.",
};

export const fileTooLarge: RuleInfo = {
  id: "file/too-large",
  severity: "error",
  summary: "A document is at most 2 MB (plans are tens of kilobytes; larger markdown takes minutes to parse).",
  example: "The document is 10.0 MB; documents larger than 2 MB are not read.",
};

/** Also checked between documents, for the images and links they name (`localPaths`). */
export const pathOutside: RuleInfo = {
  id: "path/outside",
  severity: "error",
  otherSeverity: "warning",
  summary:
    "Images and links stay inside the repository (no `../` out of it, no absolute paths, no symbolic links leading out, no `file:` or `javascript:` URLs); a local image exists; a remote image is a warning (builds never use the network).",
  example: "The image `../../../etc/passwd` is refused: it leads out of the repository.",
};

/** Also checked between documents, for the images and links they name (`hiddenPaths`). */
export const pathHidden: RuleInfo = {
  id: "path/hidden",
  severity: "error",
  example:
    "The link `../.git/config` is refused: it is a hidden file (its name, or a folder's on the way, starts with `.`), and hidden files such as `.git/config` and `.env` are never published.",
  summary:
    "Images and links in a document name no hidden file (`.git/config`, `.env`, anything under a folder starting with `.`) and, in a git repository, no file git ignores: those are never published. Documents and data files git ignores are not read at all; when git cannot tell which it ignores, those are not read and `plan.config.yaml` says so.",
};

/** Every rule the loader of files runs. */
export const sourceRules: readonly RuleInfo[] = [
  yamlSyntax,
  yamlDuplicateKey,
  yamlAliases,
  yamlTabIndent,
  yamlTooDeep,
  yamlReservedKey,
  yamlCollectionKey,
  controlCharacter,
  markdownTooDeep,
  fileTooLarge,
  pathOutside,
  pathHidden,
];
