import { checkLoaded, exitCode, formatProblems, readingProgress, repositoryRoot, type DiagnosticFormat } from "../check/check.js";
import { CLEAR_SCREEN } from "../format/ansi.js";
import { useColour, type Io } from "../io.js";
import { betweenDocumentsChecker, checkDocument } from "../rules/index.js";
import { incrementalRepository } from "./incremental.js";
import { goneLine, stillPresent, watchingLine, watchUntilAborted } from "./watch.js";

/** `plan check --watch`: checks again on every save and prints the state anew, until stopped; the exit code is that of the last round. */
export async function watchCheck(path: string, options: { format: DiagnosticFormat; strict: boolean }, io: Io): Promise<number> {
  const root = repositoryRoot(path, io);
  const reading = readingProgress(io, root);
  const model = incrementalRepository(root, io.cwd, { keepBody: false, checkDocument, loaded: reading.loaded });
  const between = betweenDocumentsChecker();
  const clear = useColour(io.stdout, io.env) ? CLEAR_SCREEN : "";
  let last = 0;
  const show = () => {
    const checked = checkLoaded(model.refresh(), between);
    reading.end();
    stillPresent(root);
    last = exitCode(checked, options.strict);
    io.stdout.write(`${clear}${formatProblems(checked, options.format, io, io.stdout)}${watchingLine(path, io)}`);
  };
  await watchUntilAborted(
    root,
    io.signal,
    (changed) => {
      changed.forEach((p) => model.touch(p));
      show();
    },
    undefined,
    () => io.stdout.write(goneLine(root, io)),
  );
  return last;
}
