/**
 * A constant made the first time it is asked, from constant input (files shipped with `plan`,
 * its own code): the same value for every run of the process, made late so that a run that
 * needs none (a check needs no fonts) does not pay for it. Not for what a run may change: that
 * lives in an object the run makes and passes (as `TemplateCache`, `RuleRun`).
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
