// Runs src/cli/read-worker.ts in a worker thread when the CLI runs from its sources (tsx).
"use strict";
require("tsx/cjs");
require("../src/cli/read-worker.ts");
