/**
 * The outputs of a command looked at before any input is read: a merge of two thousand files never
 * learns at its end that the folder of --out is missing, is a file, or cannot be written.
 */
import { resolve } from "node:path";
import { outputPlaceProblem, type OutputKind } from "../hosts/node/write";
import type { CliIO } from "./types";

export interface PlannedOutput {
  /** The option that names it, as typed ("--out", "--json"). */
  readonly option: string;
  /** The path as given (resolved against the working folder). */
  readonly path: string;
  /** A file (default), or a folder the command makes if need be and writes into. */
  readonly kind?: OutputKind;
}

/**
 * Whether an output cannot be written: then the line naming the path and the option of the first such is said on
 * standard error, and the command ends with exit code 1.
 */
export function unwritableOutput(outputs: readonly PlannedOutput[], io: Pick<CliIO, "cwd" | "stderr">): boolean {
  for (const o of outputs) {
    const problem = outputPlaceProblem(o.option, resolve(io.cwd, o.path), o.kind ?? "file");
    if (problem !== undefined) {
      io.stderr(`${problem}\n`);
      return true;
    }
  }
  return false;
}
