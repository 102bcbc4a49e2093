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

/** What `validate --json` prints, as far as the tests read it. */
export interface ValidateJson {
  files: Array<{
    file: string;
    unit: string | null;
    date: string | null;
    issues: Array<{ severity: string; rule: string; message: string }>;
    indicators: Array<{ id: string; total: number | null; achieved: number | null; ratio: number | null }>;
    documents: Array<{ code: string | null; date: string | null; dateSpan: { from: string; to: string } | null }>;
  }>;
}
