import { setFlagsFromString } from "node:v8";

/**
 * How much V8 lets the heap grow past what it keeps before it collects again, in per cent, while
 * a cold `plan check` runs. By default it grows by up to four times what it kept at the last
 * collection when collecting is quick: the main thread of a cold check keeps a model that grows to
 * hundreds of megabytes (60 MB per 1,000 plans) while reading, the rules and the report make as
 * much again in short-lived objects, and the heap reached 3.6 times what it kept (2,000 plans: 605
 * MB of heap for 167 MB kept, 833 MB at the peak). At 30 % the same check peaked at 466 MB in the
 * same CPU time: collections are more frequent but each finds most of the heap garbage. At 15 %,
 * 10,000 plans peak at 871–892 MB against 943–952 MB at 25 %, in 0–5 % more time, and 1,000 plans
 * take the same time; at 10 %, 854 MB, but 2 % more CPU where 15 % took none more (JSON report).
 */
export const HEAP_GROWING_PERCENT = 15;

const FLAG = "heap-growing-percent";

/**
 * Runs `work`, which may bound the heap's growth (HEAP_GROWING_PERCENT) by calling `bound`, then
 * gives V8 back its own measure. A check whose cache is warm does not: its model is a few hundred
 * megabytes at most, and collecting that often cost it a tenth of its time (1,000 plans, 10 files
 * changed: 1.80–1.92 s of CPU against 1.60–1.70 s). Left as it is where node was started with the
 * flag (`node --heap-growing-percent=…`, or in NODE_OPTIONS). The flag only decides when garbage
 * is collected, never what a check finds.
 */
export async function withHeapBound<T>(work: (bound: () => void) => Promise<T>): Promise<T> {
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes(FLAG) || arg.includes(FLAG.replace(/-/g, "_")));
  let bounded = false;
  const bound = () => {
    if (given || bounded) return;
    setFlagsFromString(`--${FLAG}=${HEAP_GROWING_PERCENT}`);
    bounded = true;
  };
  try {
    return await work(bound);
  } finally {
    if (bounded) setFlagsFromString(`--${FLAG}=0`);
  }
}
