// Runs src/hosts/node/read-worker.ts in a worker thread when the CLI runs from its sources (tsx).
"use strict";
require("tsx/cjs");
require("../src/hosts/node/read-worker.ts");
