import { COMMANDS } from "./commands";
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
    "",
  ].join("\n");
}

function commandHelp(name: string): string {
  const c = COMMANDS.find((x) => x.name === name)!;
  return [c.summary.vi, c.summary.en, "", ...c.usage.map((u) => `  ${u}`), ""].join("\n");
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
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

declare const require: NodeJS.Require | undefined;
declare const module: NodeJS.Module | undefined;

if (typeof require !== "undefined" && typeof module !== "undefined" && require.main === module) {
  main(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Lỗi (error): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
