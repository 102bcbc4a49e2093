/**
 * An Outlook message (.msg, dragged out of Outlook or saved with Save As),
 * read with @kenjiuno/msgreader: subject, sender, sent time (else delivery
 * time) and the attachments; an embedded message is an entry named ".msg",
 * which the expansion opens in turn. Hidden attachments (inline images of the
 * body, a signature's logo) are ignored.
 */
import MsgReader from "@kenjiuno/msgreader";
import { WorkbookReadError } from "../errors";
import { isoDateTime, type ContainerEntry, type OpenedContainer } from "./types";

type Reader = InstanceType<typeof MsgReader>;
type Fields = ReturnType<Reader["getFileData"]>;

function unreadable(file: string, error: unknown): WorkbookReadError {
  return new WorkbookReadError("container-unreadable", file, {
    detail: `thư Outlook (.msg) không đọc được (${error instanceof Error ? error.message : String(error)})`,
  });
}

export function openMsg(bytes: Uint8Array, file: string): OpenedContainer {
  let reader: Reader;
  let data: Fields;
  try {
    // The library's default export under CommonJS interop.
    const Ctor = ((MsgReader as unknown as { default?: typeof MsgReader }).default ?? MsgReader) as typeof MsgReader;
    reader = new Ctor(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    data = reader.getFileData();
  } catch (error) {
    throw unreadable(file, error);
  }
  if (data.error) throw unreadable(file, data.error);
  const from =
    data.senderName && data.senderEmail && data.senderName !== data.senderEmail
      ? `${data.senderName} <${data.senderEmail}>`
      : (data.senderEmail ?? data.senderName);
  const date = isoDateTime(data.clientSubmitTime) ?? isoDateTime(data.messageDeliveryTime);
  const subject = data.subject?.trim();
  const entries: ContainerEntry[] = (data.attachments ?? []).map((a, k) => {
    const embedded = a.innerMsgContent === true;
    const name = embedded ? `${(a.name ?? `thư-đính-kèm-${k + 1}`).trim()}.msg` : (a.fileName ?? a.fileNameShort ?? `tệp-đính-kèm-${k + 1}`).trim();
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
