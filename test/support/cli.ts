/** A CliIO that records what a command prints, for calling `main([...], io)` in tests. */
export function capture(cwd: string = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), cwd },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}
