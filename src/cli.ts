#!/usr/bin/env node
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { main } from "./commands/main.js";

const invokedDirectly = process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  const interrupt = new AbortController();
  const args = process.argv.slice(2);
  // Ctrl+C ends a watch as it ends itself, once. Otherwise, and on SIGTERM and SIGHUP, plan ends
  // at once: the exit hooks kill the browser's process group and remove the folders of the
  // unfinished build, so the output folder stays as it was.
  const exitOn = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
  for (const [signal, code] of Object.entries(exitOn)) {
    process.on(signal, () => {
      if (signal === "SIGINT" && args.includes("--watch") && !interrupt.signal.aborted) return interrupt.abort();
      process.stderr.write(`plan: stopped by ${signal}.\n`);
      process.exit(code);
    });
  }
  main(args, { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: interrupt.signal }).then((code) => {
    process.exitCode = code;
  });
}
