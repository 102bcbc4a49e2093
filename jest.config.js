/** Jest: TypeScript through ts-jest (types are checked by `npm run typecheck`, not here). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(ts|tsx)$": [
      "ts-jest",
      {
        tsconfig: {
          isolatedModules: true,
          module: "commonjs",
          moduleResolution: "node",
          jsx: "react-jsx",
          esModuleInterop: true,
          target: "ES2022",
        },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 120000,
  setupFilesAfterEnv: ["<rootDir>/test/support/ui-timeouts.js"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
