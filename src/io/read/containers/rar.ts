/**
 * A .rar archive (RAR 4 and 5), which many offices here use, read with
 * node-unrar-js (the RARLAB unrar source compiled to WebAssembly; no program
 * is run). Encrypted archives (file data or headers) are refused with a clear
 * reason; every entry's declared size is checked before it is extracted, and
 * its extracted size after.
 */
import { failureDetail, INFLATE_FAILED, WorkbookReadError, type ReadLimits } from "../errors";
import type { ContainerEntry, OpenedContainer } from "./types";

type Unrar = typeof import("node-unrar-js");

const underNode = typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node === "string";

/**
 * The WebAssembly of unrar: under Node the library finds it beside itself; in the page's worker it is
 * fetched here from beside the worker's script (the build copies it there) and handed over as bytes,
 * so that no server needs to send it as "application/wasm".
 */
async function wasmBinaryFor(file: string): Promise<ArrayBuffer | undefined> {
  if (underNode || typeof fetch !== "function" || typeof location === "undefined") return undefined;
  try {
    const response = await fetch(new URL("unrar.wasm", location.href).href);
    if (!response.ok) throw unreadable(file, `không tải được bộ đọc tệp nén RAR (máy chủ trả lời mã ${response.status})`);
    return await response.arrayBuffer();
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw unreadable(file, "không tải được bộ đọc tệp nén RAR (mất kết nối tới máy chủ của trang?)");
  }
}

function unreadable(file: string, detail: string): WorkbookReadError {
  return new WorkbookReadError("container-unreadable", file, { detail });
}

export async function openRar(bytes: Uint8Array, file: string, limits: ReadLimits): Promise<OpenedContainer> {
  const unrar: Unrar = await import("node-unrar-js");
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const wasmBinary = await wasmBinaryFor(file);
  type Extractor = Awaited<ReturnType<Unrar["createExtractorFromData"]>>;
  let extractor: Extractor;
  let headers: import("node-unrar-js").FileHeader[];
  try {
    extractor = await unrar.createExtractorFromData({ data, ...(wasmBinary ? { wasmBinary } : {}) });
    const list = extractor.getFileList();
    if (list.arcHeader.flags.headerEncrypted) throw new WorkbookReadError("container-encrypted", file);
    if (list.arcHeader.flags.volume) throw unreadable(file, "tệp nén RAR nhiều phần (chỉ đọc được tệp một phần)");
    headers = [];
    for (const h of list.fileHeaders) {
      headers.push(h);
      if (headers.length > limits.maxEntries) throw new WorkbookReadError("zip-bomb", file, { detail: `có hơn ${limits.maxEntries} mục nén` });
    }
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const reason = (error as { reason?: string }).reason;
    if (reason === "ERAR_MISSING_PASSWORD" || reason === "ERAR_BAD_PASSWORD") throw new WorkbookReadError("container-encrypted", file);
    throw unreadable(file, `tệp nén RAR không đọc được${failureDetail(error)}`);
  }
  if (headers.some((h) => h.flags.encrypted)) throw new WorkbookReadError("container-encrypted", file);
  const entries: ContainerEntry[] = headers.map((h) => ({
    name: h.name,
    declaredSize: h.unpSize,
    ...(h.flags.directory ? { ignore: true } : {}),
    extract: () => {
      if (h.unpSize > limits.maxEntryBytes) {
        throw new WorkbookReadError("zip-bomb", file, { detail: `mục "${h.name}" khai báo ${h.unpSize} byte khi giải nén, tối đa ${limits.maxEntryBytes}` });
      }
      if (h.unpSize > 4 * 1024 * 1024 && h.unpSize > limits.maxCompressionRatio * Math.max(1, h.packSize)) {
        throw new WorkbookReadError("zip-bomb", file, { detail: `mục "${h.name}" có tỷ lệ nén vượt 1:${limits.maxCompressionRatio}` });
      }
      let out: Uint8Array | undefined;
      try {
        const extracted = extractor.extract({ files: (fh) => fh.name === h.name });
        for (const f of extracted.files) if (f.fileHeader.name === h.name) out = f.extraction;
      } catch (error) {
        const reason = (error as { reason?: string }).reason;
        if (reason === "ERAR_MISSING_PASSWORD" || reason === "ERAR_BAD_PASSWORD") throw new WorkbookReadError("container-encrypted", file);
        throw new WorkbookReadError("corrupt", file, { detail: `không giải nén được mục "${h.name}": ${INFLATE_FAILED}` });
      }
      if (out === undefined) throw new WorkbookReadError("corrupt", file, { detail: `không giải nén được mục "${h.name}"` });
      if (out.length !== h.unpSize) {
        throw new WorkbookReadError("zip-bomb", file, { detail: `mục "${h.name}" khai báo ${h.unpSize} byte nhưng giải nén được ${out.length} byte` });
      }
      return out;
    },
  }));
  return { kind: "rar", entries };
}
