// ESLint finds mistakes; Prettier (.prettierrc.json) decides the layout, so the rules that
// would argue with it are turned off (eslint-config-prettier).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

/** A module-level variable that may change, and an empty collection or array made at module level to be filled later: state. */
const moduleState = ["Program", "Program > ExportNamedDeclaration"].flatMap((top) => [
  {
    selector: `${top} > VariableDeclaration[kind=/^(let|var)$/]`,
    message:
      "No state in a module: a `let` at module level lives for the process. Pass what a run shares in an object the run makes, or make a constant with `lazy`.",
  },
  {
    selector: `${top} > VariableDeclaration > VariableDeclarator > NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet|Array)$/][arguments.length=0]`,
    message:
      "No state in a module: an empty collection at module level fills for the process, shared by every run. Keep it in an object the run makes and passes (as `RuleRun`, `TemplateCache`); build a constant table from its entries.",
  },
  {
    selector: `${top} > VariableDeclaration > VariableDeclarator > ArrayExpression[elements.length=0]`,
    message: "No state in a module: an empty array at module level fills for the process, shared by every run. Keep it in an object the run makes and passes.",
  },
]);

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "bench/out/", "examples/dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        performance: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
      },
    },
    rules: {
      // plan looks for control characters on purpose: it shows them as escapes, refuses them in text, and its tests look for them.
      "no-control-regex": "off",
      // A variable a closure reads before it is set (a process id known only once the browser runs) stays `let`.
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
      // `_` marks a parameter a signature needs but the function does not use.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
  {
    // A message (format/message.ts) put into a plain template literal prints "[object Object]": the
    // type checker finds it. Numbers, booleans and bigints are text there; objects are not.
    files: ["src/**/*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/restrict-template-expressions": [
        "error",
        { allowNumber: true, allowBoolean: true, allowNullish: true, allowAny: false, allowRegExp: false, allowNever: false },
      ],
    },
  },
  {
    // No state kept in a module (the guide: "plain functions and explicit inputs; no global state"):
    // it would live for the process and be shared by every check, build and watch round it runs
    // (tests run hundreds in one). What a run shares goes into an object the run makes and passes
    // (`RuleRun`, `TemplateCache`); a constant is built from its entries, or made late with `lazy`.
    // A true process-level fact (the hooks the process runs at its exit) says why, in an
    // `eslint-disable-next-line no-restricted-syntax -- …` comment.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-syntax": ["error", ...moduleState],
    },
  },
  prettier,
);
