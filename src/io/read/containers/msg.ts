/**
 * An Outlook message (.msg, dragged out of Outlook or saved with Save As),
 * read with @kenjiuno/msgreader: subject, sender, sent time (else delivery
 * time) and the attachments; an embedded message is an entry named ".msg",
 * which the expansion opens in turn. Hidden attachments (inline images of the
 * body, a signature's logo) are ignored. A message saved in the older, not
 * Unicode, format keeps its texts in the code page it names (1258 on a
 * Vietnamese Windows): they are read in it.
 */
import MsgReader from "@kenjiuno/msgreader";
import { guardCfb } from "../cfb";
import { DEFAULT_LIMITS, failureDetail, WorkbookReadError } from "../errors";
import { isoDateTime, type ContainerEntry, type OpenedContainer } from "./types";

type Reader = InstanceType<typeof MsgReader>;
type Fields = ReturnType<Reader["getFileData"]>;

function unreadable(file: string, error: unknown): WorkbookReadError {
  const said = error instanceof WorkbookReadError ? ` (cấu trúc tệp bất thường: ${String(error.params.detail ?? error.code)})` : failureDetail(error);
  return new WorkbookReadError("container-unreadable", file, { detail: `thư Outlook (.msg) không đọc được${said}` });
}

/**
 * The encoding of a message's 8-bit texts (PT_STRING8), as iconv-lite (msgreader's decoder) names
 * it: the message's code page, else its Internet code page; undefined for ASCII or none (msgreader
 * then takes each byte as its character).
 */
function ansiEncoding(data: Fields): string | undefined {
  const codepage = data.messageCodepage ?? data.internetCodepage;
  if (codepage === undefined || codepage === 20127) return undefined;
  return codepage === 65001 ? "utf8" : String(codepage);
}

/** A text of the message in NFC (Windows-1258 writes most toned letters as a letter and a combining mark). */
const nfc = (text: string | undefined): string | undefined => text?.normalize("NFC").trim();

export function openMsg(bytes: Uint8Array, file: string): OpenedContainer {
  // The library's default export under CommonJS interop.
  const Ctor = ((MsgReader as unknown as { default?: typeof MsgReader }).default ?? MsgReader) as typeof MsgReader;
  const open = (encoding?: string): { reader: Reader; data: Fields } => {
    const reader = new Ctor(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    if (encoding !== undefined) reader.parserConfig = { ansiEncoding: encoding };
    return { reader, data: reader.getFileData() };
  };
  // Its compound-file structure checked first, as an .xls's is: a chain that loops or leaves the
  // file would hold msgreader for minutes and gigabytes.
  try {
    guardCfb(bytes, file, DEFAULT_LIMITS);
  } catch (error) {
    throw unreadable(file, error);
  }
  let reader: Reader;
  let data: Fields;
  try {
    ({ reader, data } = open());
  } catch (error) {
    throw unreadable(file, error);
  }
  if (data.error) throw unreadable(file, data.error);
  // Read again in the message's code page (a code page the decoder does not know keeps the first reading).
  const encoding = ansiEncoding(data);
  if (encoding !== undefined) {
    try {
      const again = open(encoding);
      if (!again.data.error) ({ reader, data } = again);
    } catch {
      // The first reading stands.
    }
  }
  const senderName = nfc(data.senderName);
  const from = senderName && data.senderEmail && senderName !== data.senderEmail ? `${senderName} <${data.senderEmail}>` : (data.senderEmail ?? senderName);
  const date = isoDateTime(data.clientSubmitTime) ?? isoDateTime(data.messageDeliveryTime);
  const subject = nfc(data.subject);
  const entries: ContainerEntry[] = (data.attachments ?? []).map((a, k) => {
    const embedded = a.innerMsgContent === true;
    const name = embedded ? `${nfc(a.name) ?? `thư-đính-kèm-${k + 1}`}.msg` : (nfc(a.fileName) ?? nfc(a.fileNameShort) ?? `tệp-đính-kèm-${k + 1}`);
    const hidden = a.attachmentHidden === true || (a.pidContentId !== undefined && (a.attachMimeTag ?? "").startsWith("image/"));
    return {
      name,
      ...(a.contentLength !== undefined && !embedded ? { declaredSize: a.contentLength } : {}),
      ...(hidden ? { ignore: true } : {}),
      extract: () => {
        try {
          return reader.getAttachment(a).content;
        } catch (error) {
          throw unreadable(file, error);
        }
      },
    };
  });
  return {
    kind: "email",
    message: { ...(subject ? { subject } : {}), ...(from ? { from } : {}), ...(date !== undefined ? { date } : {}) },
    entries,
  };
}
