import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "docs/**", ".tmp/**", "test/fixtures/generated/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-empty": ["error", { allowEmptyCatch: false }],
    },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*", "@microsoft/office-js", "exceljs", "@e965/xlsx", "fflate", "docx", "saxes"], message: "src/domain is pure: no UI, Office or file-format libraries." },
            { group: ["node:*", "fs", "path", "os", "crypto", "worker_threads", "child_process"], message: "src/domain is pure: no Node modules." },
            { group: ["**/hosts/**", "**/taskpane/**", "**/io/**", "**/cli/**", "**/app/**"], message: "src/domain must not import the use cases, adapters or surfaces." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/domain has no clock: take the date as a parameter." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "src/domain has no clock: take the time as a parameter." },
        { selector: "MemberExpression[object.name='globalThis'][property.name='process']", message: "src/domain is pure: no Node globals." },
      ],
    },
  },
  {
    files: ["src/app/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/hosts/**", "**/hosts", "**/taskpane/**", "**/taskpane", "**/cli/**", "**/cli"], message: "src/app is given its hosts (ports): it imports only the domain and io." },
            { group: ["react", "react-dom", "react/*", "@fluentui/*", "@microsoft/office-js", "office-js"], message: "src/app has no UI and no Office.js." },
            { group: ["node:*", "fs", "path", "os", "crypto", "worker_threads", "child_process"], message: "src/app has no Node modules: the Node host (src/hosts/node) brings them." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression[source.value=/(^|\\/)(hosts|taskpane|cli)(\\/|$)/]", message: "src/app is given its hosts (ports): it imports only the domain and io." },
        { selector: "ImportExpression[source.value=/^(node:|react|@fluentui)/]", message: "src/app has no UI, Office.js or Node modules." },
      ],
      "no-restricted-globals": ["error", { name: "Office", message: "src/app has no Office.js." }, { name: "Excel", message: "src/app has no Office.js." }],
    },
  },
  {
    files: ["src/io/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/app/**", "**/app", "**/hosts/**", "**/hosts", "**/taskpane/**", "**/taskpane", "**/cli/**", "**/cli"], message: "src/io reads and writes files for the use cases: it must not import them, the hosts or the surfaces." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "ImportExpression[source.value=/(^|\\/)(app|hosts|taskpane|cli)(\\/|$)/]", message: "src/io must not import the use cases, the hosts or the surfaces." },
      ],
    },
  },
);
