/**
 * Progress shown a few times a second: the first value and a final one at
 * once, the others at most once per interval (the latest of them, when the
 * interval ends), nothing after cancel.
 */
import { throttled } from "../../../src/taskpane/shared/throttle";

describe("throttled progress", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const progress = (done: number) => ({ done, total: 10 });
  const setUp = () => {
    const shown: number[] = [];
    const t = throttled<{ done: number; total: number }>((p) => shown.push(p.done), (p) => p.done >= p.total, 200);
    return { shown, t };
  };

  it("shows the first at once, then the latest once per interval, and the final one at once", () => {
    const { shown, t } = setUp();
    t.push(progress(0));
    expect(shown).toEqual([0]);
    for (let k = 1; k <= 5; k++) t.push(progress(k));
    expect(shown).toEqual([0]);
    jest.advanceTimersByTime(199);
    expect(shown).toEqual([0]);
    jest.advanceTimersByTime(1);
    expect(shown).toEqual([0, 5]);
    t.push(progress(6));
    t.push(progress(10));
    // The final state at once; the one waiting is dropped, not shown after it.
    expect(shown).toEqual([0, 5, 10]);
    jest.advanceTimersByTime(1000);
    expect(shown).toEqual([0, 5, 10]);
  });

  it("shows a value at once when the interval has passed, and nothing after cancel", () => {
    const { shown, t } = setUp();
    t.push(progress(1));
    jest.advanceTimersByTime(500);
    t.push(progress(2));
    expect(shown).toEqual([1, 2]);
    t.push(progress(3));
    t.cancel();
    jest.advanceTimersByTime(1000);
    expect(shown).toEqual([1, 2]);
  });
});
