/**
 * The bundled sample unit workbooks behind "Dùng thử với dữ liệu mẫu". They
 * are made by scripts/make-samples.ts into assets/samples/ and served by the
 * build under samples/; the page fetches them only when asked.
 */

/** The sample files in the order they are offered (the names are the files' names). */
export const SAMPLE_FILES: readonly string[] = [
  "Dang-uy-xa-Ban-Bo.xlsx",
  "Dang-uy-xa-Binh-Lu.xlsx",
  "Dang-uy-xa-Nung-Nang.xlsx",
  "Dang-uy-xa-Nung-Nang-ban-sua.xlsx",
  "Dang-uy-thi-tran-Tam-Duong.xlsx",
  "Trung-tam-Chinh-tri.xlsx",
  "Dang-uy-xa-Son-Binh.xlsx",
  "Dang-uy-xa-Ho-Thau.xlsx",
];

/** The sample with an error (Số đã đạt > Tổng số), which the check tab opens. */
export const SAMPLE_WITH_ERROR = "Dang-uy-xa-Ho-Thau.xlsx";

/** The folder of the built site the samples are served from. */
export const SAMPLES_PATH = "samples/";

export class SampleLoadError extends Error {
  override readonly name = "SampleLoadError";
}

/** Fetches the sample files from `base` (default: the page's own address). */
export async function fetchSampleFiles(
  base: string = typeof document !== "undefined" ? document.baseURI : "",
  fetcher: typeof fetch = (...args) => fetch(...args),
): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    SAMPLE_FILES.map(async (name) => {
      const url = new URL(`${SAMPLES_PATH}${name}`, base).href;
      let response: Response;
      try {
        response = await fetcher(url);
      } catch (error) {
        throw new SampleLoadError(`Không tải được tệp mẫu ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!response.ok) throw new SampleLoadError(`Không tải được tệp mẫu ${name}: máy chủ trả lời ${response.status}.`);
      return { name, bytes: new Uint8Array(await response.arrayBuffer()) };
    }),
  );
}
