import type { Clock } from "../app/clock";

/** What a CLI command gets: its arguments and where to write. Tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** What "today" is (default: the system clock, the machine's local date). */
  readonly clock?: Clock;
  /** How long one file may take to read (default FILE_TIME_LIMIT_MS); tests make it small. */
  readonly fileTimeLimitMs?: number;
  /** How many worker threads read a merge's files (default: by the machine's cores, src/hosts/node/read-pool.ts); tests set it. */
  readonly readWorkers?: number;
}

export interface CliCommand {
  readonly name: string;
  /** One line in Vietnamese, one in English, for `--help`. */
  readonly summary: { readonly vi: string; readonly en: string };
  /** Usage lines, e.g. "de-an-241 catalogue [--json]". */
  readonly usage: readonly string[];
  /** Returns the process exit code. */
  run(args: readonly string[], io: CliIO): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
