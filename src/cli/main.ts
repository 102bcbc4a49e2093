import { OutputError } from "../hosts/node/write";
import { COMMANDS } from "./commands";
import { terminalName, terminalText } from "./terminal";
import { type CliIO, UsageError } from "./types";

const VERSION = "0.1.0";

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "de-an-241 — công cụ tổng kết Đề án 241 (Công văn 232-CV/HU)",
    "de-an-241 — tools for the Đề án 241 review (letter 232-CV/HU)",
    "",
    "Cách dùng / Usage: de-an-241 <lệnh|command> [tùy chọn|options]",
    "",
    "Lệnh / Commands:",
    ...COMMANDS.flatMap((c) => [
      `  ${c.name.padEnd(width)}  ${c.summary.vi}`,
      `  ${"".padEnd(width)}  ${c.summary.en}`,
    ]),
    "",
    "  de-an-241 <lệnh> --help   xem chi tiết một lệnh / details of one command",
    "  de-an-241 --version       phiên bản / version",
    "  --debug                   với mọi lệnh: in chi tiết lỗi không mong muốn / with any command: show the trace of an unexpected error",
    "",
  ].join("\n");
}

function commandHelp(name: string): string {
  const c = COMMANDS.find((x) => x.name === name)!;
  return [c.summary.vi, c.summary.en, "", ...c.usage.map((u) => `  ${u}`), ""].join("\n");
}

/** The one line printed for an error nobody expected (with its trace under --debug). */
export function unexpectedErrorText(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = `Lỗi không mong muốn: ${terminalName(message)}; hãy báo lại cho người quản lý công cụ, kèm lệnh đã chạy.\n`;
  if (!debug) return line;
  const trace = error instanceof Error && error.stack !== undefined ? error.stack : String(error);
  return `${line}${terminalText(trace)}\n`;
}

/**
 * Runs the CLI; returns the exit code. Never throws: a usage error exits 2 with the
 * command's usage, a file that cannot be written exits 1 with one line naming it,
 * anything else exits 1 with one line (and the trace under the global flag --debug).
 * Everything printed goes through terminalText, so no text read from a file can
 * drive the terminal.
 */
export async function main(argv: readonly string[], given: CliIO): Promise<number> {
  const debug = argv.includes("--debug");
  const io: CliIO = {
    ...given,
    stdout: (t) => given.stdout(terminalText(t)),
    stderr: (t) => given.stderr(terminalText(t)),
  };
  try {
    return await run(
      argv.filter((a) => a !== "--debug"),
      io,
    );
  } catch (error) {
    if (error instanceof OutputError) {
      io.stderr(`${error.message}\n`);
      if (debug && error.stack !== undefined) io.stderr(`${error.stack}\n`);
      return 1;
    }
    io.stderr(unexpectedErrorText(error, debug));
    return 1;
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Lệnh không hợp lệ: ${name} (unknown command)\n\n${help()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandHelp(command.name));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message}\n\n${commandHelp(command.name)}`);
      return 2;
    }
    throw error;
  }
}

/** Runs the CLI as the process: exit code set, and no error, even one outside `main`'s promise, printed as a trace unless --debug. */
export function runProcess(argv: readonly string[]): void {
  const debug = argv.includes("--debug");
  const fail = (error: unknown) => {
    process.stderr.write(unexpectedErrorText(error, debug));
    process.exit(1);
  };
  process.on("uncaughtException", fail);
  process.on("unhandledRejection", fail);
  // Output piped into a program that stops reading (`| head`, `| grep -q`, a pager quit) is no error:
  // what is left to print is dropped, and the command goes on to write its files and exit with its code.
  const closed = { stdout: false, stderr: false };
  const whenClosed = (stream: "stdout" | "stderr") => (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") closed[stream] = true;
    else fail(error);
  };
  process.stdout.on("error", whenClosed("stdout"));
  process.stderr.on("error", whenClosed("stderr"));
  main(argv, {
    stdout: (t) => {
      if (!closed.stdout) process.stdout.write(t);
    },
    stderr: (t) => {
      if (!closed.stderr) process.stderr.write(t);
    },
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  }, fail);
}

declare const require: NodeJS.Require | undefined;
declare const module: NodeJS.Module | undefined;

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  runProcess(process.argv.slice(2));
}
