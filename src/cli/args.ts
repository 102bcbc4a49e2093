import { parseDayInput } from "../app/dates";
import { UsageError } from "./types";

export interface ParsedArgs {
  readonly positional: string[];
  readonly options: Map<string, string | true>;
}

/**
 * Parses `--flag`, `--name value`, `--name=value` and positionals.
 * `valued` lists the options that take a value; any other `--x` is a flag.
 * Unknown options are a usage error. A flag that prints to standard output
 * (`toStdout`: validate's and convert's --json) also takes "-" after it, as
 * the commands whose --json names a file (`--json -`) are written.
 */
export function parseArgs(
  args: readonly string[],
  spec: { valued?: readonly string[]; flags?: readonly string[]; toStdout?: readonly string[] },
): ParsedArgs {
  const toStdout = new Set(spec.toStdout ?? []);
  const valued = new Set(spec.valued ?? []);
  const flags = new Set([...(spec.flags ?? []), "help"]);
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (arg === "-h") {
      options.set("help", true);
      continue;
    }
    if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (valued.has(name)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : args[++i];
        if (value === undefined) throw new UsageError(`Thiếu giá trị cho --${name} (missing value for --${name})`);
        options.set(name, value);
      } else if (flags.has(name)) {
        if (toStdout.has(name) && (eq >= 0 ? arg.slice(eq + 1) === "-" : args[i + 1] === "-")) {
          if (eq < 0) i++;
        } else if (eq >= 0) throw new UsageError(`--${name} không nhận giá trị (--${name} takes no value)`);
        options.set(name, true);
      } else {
        throw new UsageError(`Tùy chọn không hợp lệ: ${arg} (unknown option)`);
      }
      continue;
    }
    positional.push(arg);
  }
  return { positional, options };
}

export function stringOption(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.options.get(name);
  return typeof v === "string" ? v : undefined;
}

/** A date option: "today", or a day typed as 05/7/2021 or 2021-07-05 (given back as YYYY-MM-DD); a UsageError for anything else. */
export function dateOption(parsed: ParsedArgs, name: string): string | undefined {
  const text = stringOption(parsed, name);
  if (text === undefined || text.trim().toLowerCase() === "today") return text?.trim().toLowerCase();
  const iso = parseDayInput(text);
  if (iso === null) throw new UsageError(`--${name} "${text}" không phải là ngày (cần ngày/tháng/năm, ví dụ 05/7/2021, hoặc YYYY-MM-DD, hoặc today)`);
  return iso;
}
