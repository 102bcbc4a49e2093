/** @jest-environment jsdom */
import { act, renderHook } from "@testing-library/react";
import { Cancelled } from "../../../src/app/cancel";
import type { Progress } from "../../../src/app/usecases";
import { errorText } from "../../../src/taskpane/shared/ErrorBar";
import { useTask, type TaskControl } from "../../../src/taskpane/shared/useTask";

/** Work that waits until the test settles it, handing out its control. */
function pending() {
  let control: TaskControl | undefined;
  let settle: { resolve: (message?: string) => void; reject: (error: unknown) => void } | undefined;
  const work = (c: TaskControl) =>
    new Promise<string | void>((resolve, reject) => {
      control = c;
      settle = { resolve, reject };
    });
  return { work, control: () => control!, settle: () => settle! };
}

const spec = { key: "read", label: "Đang đọc tệp…", failure: "Không đọc được tệp", cancelled: "Đã hủy đọc tệp." };

describe("useTask", () => {
  it("shows what runs and its progress, then the done message", async () => {
    const { result } = renderHook(() => useTask());
    expect(result.current.busy).toBe(false);
    const w = pending();
    let outcome: Promise<string> | undefined;
    act(() => {
      outcome = result.current.start(spec, w.work);
    });
    expect(result.current.busy).toBe(true);
    expect(result.current.running).toEqual({ key: "read", label: "Đang đọc tệp…", progress: null, cancellable: false });

    const progress: Progress = { done: 2, total: 5, item: "ban-bo.xlsx" };
    act(() => w.control().progress(progress));
    expect(result.current.running?.progress).toEqual(progress);
    act(() => w.control().label("Đang kiểm tra ban-bo.xlsx…"));
    expect(result.current.running?.label).toBe("Đang kiểm tra ban-bo.xlsx…");

    await act(async () => {
      w.settle().resolve("Đã đọc 5 tệp.");
      await outcome;
    });
    await expect(outcome).resolves.toBe("done");
    expect(result.current.running).toBeNull();
    expect(result.current.busy).toBe(false);
    expect(result.current.done).toBe("Đã đọc 5 tệp.");
    expect(result.current.problem).toBeNull();
    expect(result.current.outcome).toBe("done");
  });

  it("cancel aborts the work's signal and ends in the cancelled state with its message, not a problem", async () => {
    const { result } = renderHook(() => useTask());
    const w = pending();
    let outcome: Promise<string> | undefined;
    act(() => {
      outcome = result.current.start(spec, w.work);
    });
    const signal = w.control().signal;
    // The use cases throw Cancelled when they see the signal aborted.
    signal.addEventListener("abort", () => w.settle().reject(new Cancelled()));
    expect(signal.aborted).toBe(false);
    await act(async () => {
      result.current.cancel();
      await outcome;
    });
    expect(signal.aborted).toBe(true);
    await expect(outcome).resolves.toBe("cancelled");
    expect(result.current.outcome).toBe("cancelled");
    expect(result.current.done).toBe("Đã hủy đọc tệp.");
    expect(result.current.problem).toBeNull();
    expect(result.current.running).toBeNull();
  });

  it("counts any error the work throws after “Hủy” as the cancellation it is", async () => {
    const { result } = renderHook(() => useTask());
    const w = pending();
    let outcome: Promise<string> | undefined;
    act(() => {
      outcome = result.current.start(spec, w.work);
    });
    w.control().signal.addEventListener("abort", () => w.settle().reject(Object.assign(new Error("Đã hủy."), { name: "CancelledError" })));
    await act(async () => {
      result.current.cancel();
      await outcome;
    });
    await expect(outcome).resolves.toBe("cancelled");
    expect(result.current.done).toBe("Đã hủy đọc tệp.");
    expect(result.current.problem).toBeNull();
  });

  it("recognises the platform's AbortError as a cancellation too, and words a cancellation without a message “Đã hủy.”", async () => {
    const { result } = renderHook(() => useTask());
    let outcome: Promise<string> | undefined;
    await act(async () => {
      outcome = result.current.start({ key: "zip", label: "…", failure: "Không tạo được tệp .zip" }, async () => {
        throw Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
      });
      await outcome;
    });
    await expect(outcome).resolves.toBe("cancelled");
    expect(result.current.done).toBe("Đã hủy.");
    expect(result.current.problem).toBeNull();
  });

  it("a thrown error becomes the failure's title and the error's message, never its stack", async () => {
    const { result } = renderHook(() => useTask());
    const error = new Error("Không đọc được tệp hong.xlsx: tệp bị hỏng.");
    expect(error.stack).toContain("useTask.test");
    let outcome: Promise<string> | undefined;
    await act(async () => {
      outcome = result.current.start(spec, async () => {
        throw error;
      });
      await outcome;
    });
    await expect(outcome).resolves.toBe("failed");
    expect(result.current.problem).toEqual({ title: "Không đọc được tệp", message: "Không đọc được tệp hong.xlsx: tệp bị hỏng." });
    expect(result.current.problem?.message).not.toContain("useTask.test");
    expect(result.current.problem?.message).not.toMatch(/\bat\s/);
    expect(result.current.done).toBeNull();
    expect(result.current.outcome).toBe("failed");
    // Anything else thrown is shown as text.
    expect(errorText("máy chủ trả lời 404")).toBe("máy chủ trả lời 404");
    expect(errorText({ message: "Sổ làm việc đang được bảo vệ." })).toBe("Sổ làm việc đang được bảo vệ.");
  });

  it("reads the failure title when the work fails, so it can name what the work found", async () => {
    const { result } = renderHook(() => useTask());
    let name = "tệp mẫu";
    await act(async () => {
      await result.current.start({ key: "file", label: "…", failure: () => `Không kiểm tra được ${name}` }, async () => {
        name = "hong.xlsx";
        throw new Error("tệp bị hỏng");
      });
    });
    expect(result.current.problem?.title).toBe("Không kiểm tra được hong.xlsx");
  });

  it("refuses a second start while work runs, even in the same tick, and leaves the first running", async () => {
    const { result } = renderHook(() => useTask());
    const first = pending();
    const second = jest.fn(async () => "không được chạy");
    let outcomes: Promise<string>[] = [];
    act(() => {
      outcomes = [result.current.start(spec, first.work), result.current.start({ ...spec, key: "other" }, second)];
    });
    await expect(outcomes[1]).resolves.toBe("refused");
    expect(second).not.toHaveBeenCalled();
    expect(result.current.running?.key).toBe("read");
    await act(async () => {
      first.settle().resolve("xong");
      await outcomes[0];
    });
    expect(result.current.done).toBe("xong");
    // Once it is done, work starts again.
    await act(async () => {
      await expect(result.current.start({ ...spec, key: "other" }, second)).resolves.toBe("done");
    });
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("a warning from the work stays shown once the work is done; starting again clears the last messages", async () => {
    const { result } = renderHook(() => useTask());
    await act(async () => {
      await result.current.start(spec, async ({ warn }) => {
        warn({ title: "Không đọc được trang “Mục tiêu” của sổ làm việc", message: "Sổ làm việc quá lớn để đọc." });
        return "Đã đọc 2 tệp.";
      });
    });
    expect(result.current.problem?.title).toBe("Không đọc được trang “Mục tiêu” của sổ làm việc");
    expect(result.current.done).toBe("Đã đọc 2 tệp.");
    const w = pending();
    act(() => {
      void result.current.start(spec, w.work);
    });
    expect(result.current.problem).toBeNull();
    expect(result.current.done).toBeNull();
    await act(async () => w.settle().resolve());
  });
  it("says in Vietnamese what the browser or a library words in English: a part of the page not loaded, the network, anything else", () => {
    // webpack's error when a part of the page loaded on demand (ExcelJS, the reader) cannot be fetched.
    const chunk = Object.assign(new Error("Loading chunk 7981 failed.\n(error: http://127.0.0.1:3000/7981.94bf32ad.js)"), { name: "ChunkLoadError" });
    const said = errorText(chunk);
    expect(said).toMatch(/^Không tải được một phần của trang từ máy chủ/);
    expect(said).toContain("tải lại trang");
    expect(said).not.toMatch(/Loading chunk|http:/);
    // fetch's failures, inside the use cases' own Vietnamese sentences, in Chromium, Firefox and Safari.
    for (const phrase of ["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"]) {
      expect(errorText(new Error(`Không tải được tệp mẫu Dang-uy-xa-Ban-Bo.xlsx: ${phrase}`))).toBe(
        "Không tải được tệp mẫu Dang-uy-xa-Ban-Bo.xlsx: không kết nối được với máy chủ (mạng bị gián đoạn?).",
      );
    }
    // Any other message with no Vietnamese in it: a Vietnamese reason first, the detail kept for whoever fixes it.
    const other = errorText(new TypeError("Cannot read properties of undefined (reading 'sheets')"));
    expect(other).toMatch(/^Lỗi ngoài dự kiến trong chương trình/);
    expect(other).toContain("(chi tiết: Cannot read properties of undefined (reading 'sheets'))");
    // Vietnamese messages are shown as they are.
    expect(errorText(new Error("Tệp rỗng (0 byte)."))).toBe("Tệp rỗng (0 byte).");
  });
});
