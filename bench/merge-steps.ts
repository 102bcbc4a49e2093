/**
 * The merge's steps that bench/run.ts times in its own process, bundled by
 * `node scripts/build-cli.js --bench` as the CLI and its read worker are
 * (dist/cli/bench-merge-steps.cjs): the code timed is the code that runs.
 */
export { inProcessReader, readFiles } from "../src/app/read-files";
export { summarise } from "../src/app/summarise";
export { writeSummaryXlsx } from "../src/io/write";
