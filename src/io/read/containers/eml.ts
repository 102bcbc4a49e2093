/**
 * An email message saved as .eml (Thunderbird, Outlook on the web, Gmail's
 * "Download message", Zimbra), parsed with postal-mime: MIME parts, RFC 2047
 * and RFC 2231 file names (Vietnamese names) decoded. Every attachment is an
 * entry; a forwarded message (message/rfc822) is an entry named ".eml", which
 * the expansion opens in turn. Inline images and signatures are ignored.
 */
import PostalMime from "postal-mime";
import type { Address, Attachment, Email } from "postal-mime";
import { failureDetail, WorkbookReadError } from "../errors";
import { isoDateTime, type ContainerEntry, type MessageInfo, type OpenedContainer } from "./types";

/**
 * A header's text in NFC: Windows-1258 (Outlook Express on a Vietnamese Windows) writes most toned
 * letters as a base letter and a combining mark; names are shown and matched composed.
 */
const nfc = (text: string): string => text.normalize("NFC");

function addressText(a: Address | undefined): string | undefined {
  if (a === undefined) return undefined;
  if ("group" in a && a.group) return nfc(a.name) || a.group.map((m) => m.address).join(", ");
  const m = a as { name?: string; address?: string };
  const name = nfc(m.name ?? "").trim();
  const address = (m.address ?? "").trim();
  if (name !== "" && address !== "" && name !== address) return `${name} <${address}>`;
  return address || name || undefined;
}

/** The topmost Received header's date (the last hop: when the message reached the mailbox). */
function receivedDate(email: Email): string | undefined {
  for (const h of email.headers) {
    if (h.key !== "received") continue;
    const semi = h.value.lastIndexOf(";");
    const date = semi >= 0 ? isoDateTime(h.value.slice(semi + 1)) : undefined;
    if (date !== undefined) return date;
  }
  return undefined;
}

export function messageInfo(email: Email): MessageInfo {
  const subject = email.subject === undefined ? undefined : nfc(email.subject).trim();
  const from = addressText(email.from ?? email.sender);
  const date = isoDateTime(email.date) ?? receivedDate(email);
  return { ...(subject ? { subject } : {}), ...(from !== undefined ? { from } : {}), ...(date !== undefined ? { date } : {}) };
}

const SIGNATURE_TYPES = new Set(["application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature", "application/pgp-keys"]);

/** Inline images (in the body or a signature), S/MIME and PGP signatures, vCards: not files a unit sent. */
function ignored(a: Attachment): boolean {
  if (SIGNATURE_TYPES.has(a.mimeType)) return true;
  if (a.mimeType === "text/x-vcard" || a.mimeType === "text/vcard") return true;
  if (a.related) return true;
  if (a.mimeType.startsWith("image/") && (a.disposition === "inline" || a.disposition === null || a.contentId !== undefined)) return true;
  return false;
}

function bytesOf(content: Attachment["content"]): Uint8Array {
  if (typeof content === "string") return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export async function openEml(bytes: Uint8Array, file: string): Promise<OpenedContainer> {
  let email: Email;
  try {
    // Forwarded messages stay attachments (the expansion follows them under its own depth limit).
    email = await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: "arraybuffer", maxNestingDepth: 50 });
  } catch (error) {
    throw new WorkbookReadError("container-unreadable", file, { detail: `thư điện tử không đọc được${failureDetail(error)}` });
  }
  const MESSAGE_HEADERS = new Set(["from", "date", "subject", "message-id", "received", "mime-version", "to"]);
  if (!email.headers.some((h) => MESSAGE_HEADERS.has(h.key))) throw new WorkbookReadError("container-unreadable", file, { detail: "không phải thư điện tử (không có phần đầu thư)" });
  const entries: ContainerEntry[] = email.attachments.map((a, k) => {
    const forwarded = a.mimeType === "message/rfc822";
    let name = (a.filename ? nfc(a.filename).trim() : "") || (forwarded ? `thư-chuyển-tiếp-${k + 1}.eml` : `tệp-đính-kèm-${k + 1}`);
    if (forwarded && !/\.eml$/i.test(name)) name += ".eml";
    const data = bytesOf(a.content);
    return { name, declaredSize: data.length, ...(ignored(a) ? { ignore: true } : {}), extract: () => data };
  });
  return { kind: "email", message: messageInfo(email), entries };
}
