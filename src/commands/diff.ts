import { DiffError } from "../diff/errors.js";
import { visibleStrings } from "../format/control.js";
import { formatJson } from "../diff/format-json.js";
import { formatMarkdown } from "../diff/format-markdown.js";
import { colours, formatText, plain } from "../diff/format-text.js";
import { diffRevisions } from "../diff/index.js";
import { hasDifferences } from "../diff/model.js";
import { UserError } from "../errors.js";
import { langIn } from "../format/message.js";
import { useColour, type Io } from "../io.js";

export type DiffFormat = "text" | "markdown" | "json";

export interface DiffOptions {
  format: DiffFormat;
  exitCode: boolean;
  path: string;
}

/** `plan diff [base] [head]`: 0, or 1 with --exit-code when the plans differ; 2 when the revisions cannot be read. */
export async function runDiff(base: string | undefined, head: string | undefined, options: DiffOptions, io: Io): Promise<number> {
  let result;
  try {
    // The problems' messages are said in the run's language in every format, as `plan check --format json` says its findings; scripts match on the rule ids.
    result = await diffRevisions({ cwd: io.cwd, path: options.path, base, head, lang: langIn(io) });
  } catch (error) {
    if (error instanceof DiffError) throw new UserError(error.text);
    throw error;
  }
  if (options.format === "json") io.stdout.write(formatJson(result));
  // Titles, ids and messages in the diff come from the documents: on a terminal, and in the pull
  // request's comment (whose log is one too), their control characters are shown as escapes.
  else if (options.format === "markdown") io.stdout.write(formatMarkdown(visibleStrings(result), undefined, langIn(io)));
  else io.stdout.write(formatText(visibleStrings(result), useColour(io.stdout, io.env) ? colours : plain, langIn(io)));
  return options.exitCode && hasDifferences(result) ? 1 : 0;
}
