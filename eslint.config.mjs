// ESLint for the JavaScript jobsite ships in its pages (site_templates/). Run by the tests
// (tests/site/test_javascript.py) after `npm ci`.
import js from "@eslint/js";
import globals from "globals";

// The helpers of protect/common.js, which the build includes in the same function as
// protect/locked.js or protect/unlocked.js: each fragment is linted on its own.
const COMMON = [
  "fromBase64", "associated", "sitePath", "open", "contentKey", "storageName",
  "keys", "savedKey", "keep", "forget",
];

export default [
  { ignores: ["site/", "build/", "dist/", "benchmarks/corpus/", "site_templates/assets/vendor/"] },
  js.configs.recommended,
  {
    files: ["site_templates/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    rules: {
      "no-var": "off", // the pages' scripts are plain ES5-style functions, on purpose
      eqeqeq: "error",
      strict: ["error", "function"],
    },
  },
  {
    files: ["site_templates/protect/*.js"],
    languageOptions: {
      globals: Object.fromEntries(COMMON.map((name) => [name, "readonly"])),
    },
    rules: { strict: "off" }, // the enclosing function in the template says "use strict"
  },
  {
    files: ["tests/js/*.cjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: globals.node },
  },
  {
    files: ["site_templates/protect/common.js"],
    rules: { "no-unused-vars": "off", "no-redeclare": "off" },
  },
];
