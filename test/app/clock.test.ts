import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { localIsoDate } from "../../src/app/clock";

/** Runs the clock in a Node process whose time zone is `zone` (a time zone is fixed per process). */
function dateIn(zone: string, instant: string): string {
  const clock = join(__dirname, "..", "..", "src", "app", "clock.ts");
  const script = `const { today } = require(${JSON.stringify(clock)}); process.stdout.write(today({ now: () => new Date(${JSON.stringify(instant)}) }));`;
  const run = spawnSync(process.execPath, ["--import", "tsx", "-e", script], { env: { ...process.env, TZ: zone }, encoding: "utf8" });
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

describe("today", () => {
  it("is the calendar date where the user is: in Việt Nam at 06:30 it is already that day, though UTC is still on the day before", () => {
    const instant = "2021-06-24T23:30:00Z";
    expect(new Date(instant).toISOString().slice(0, 10)).toBe("2021-06-24");
    expect(dateIn("Asia/Ho_Chi_Minh", instant)).toBe("2021-06-25");
    expect(dateIn("Asia/Ho_Chi_Minh", "2021-06-25T16:59:00Z")).toBe("2021-06-25");
    expect(dateIn("Asia/Ho_Chi_Minh", "2021-06-25T17:00:00Z")).toBe("2021-06-26");
    expect(dateIn("UTC", instant)).toBe("2021-06-24");
  });

  it("writes the local date with two-digit month and day", () => {
    expect(localIsoDate(new Date(2021, 0, 5, 12))).toBe("2021-01-05");
  });
});
