// ESLint finds mistakes; Prettier (.prettierrc.json) decides the layout, so the rules that
// would argue with it are turned off (eslint-config-prettier).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

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
  prettier,
);
