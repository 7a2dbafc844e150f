// ESLint finds mistakes; Prettier (.prettierrc.json) decides the layout, so the rules that
// would argue with it are turned off (eslint-config-prettier).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

/** An empty collection, array or object, made to be filled later (`new Map()`, `[]`, `{}`); also cast to a type (`[] as string[]`): the cast does not make it a constant. */
const EMPTY = [
  "NewExpression[callee.name=/^(Map|Set|WeakMap|WeakSet|Array)$/][arguments.length=0]",
  "ArrayExpression[elements.length=0]",
  "ObjectExpression[properties.length=0]",
].flatMap((empty) => [empty, ...["TSAsExpression", "TSSatisfiesExpression", "TSNonNullExpression"].map((cast) => `${cast} > ${empty}`)]);
const FILLED_LATER =
  "No state in a module: an empty collection, array or object at module level fills for the process, shared by every run. Keep it in an object the run makes and passes (as `RuleRun`, `TemplateCache`); build a constant table from its entries.";

/** A module-level variable that may change, and an empty collection, array or object made at module level (or in a class's static field) to be filled later: state. */
const moduleState = [
  ...["Program", "Program > ExportNamedDeclaration"].flatMap((top) => [
    {
      selector: `${top} > VariableDeclaration[kind=/^(let|var)$/]`,
      message:
        "No state in a module: a `let` at module level lives for the process. Pass what a run shares in an object the run makes, or make a constant with `lazy`.",
    },
    ...EMPTY.map((empty) => ({ selector: `${top} > VariableDeclaration > VariableDeclarator > ${empty}`, message: FILLED_LATER })),
  ]),
  // A class's static fields live as long as the module that declares the class: a readonly one holding an empty
  // collection, and any that may be assigned (said once, as the `let` it is).
  ...EMPTY.map((empty) => ({ selector: `PropertyDefinition[static=true][readonly=true] > ${empty}`, message: FILLED_LATER })),
  {
    selector: "PropertyDefinition[static=true][readonly!=true]",
    message:
      "No state in a module: a static field that may change lives for the process, as a `let` at module level does. Make it `readonly` and constant, or keep it in an instance the run makes.",
  },
];

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
