/**
 * Email addresses of the units: the "Thư điện tử" column of a unit list (one
 * address, or several separated by ";", "," or spaces) and the sender of a
 * message ("Name <address>" or the address alone). Compared without case.
 */
import { foldText } from "../text";
import type { Unit } from "./index";

/** A plain address: no quotes, no "?", "&", "%" or "=" (so it can go into a mailto: link as it is). */
const ADDRESS = /^[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Whether a text is one plain email address. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS.test(text);
}

/** The addresses a list cell holds, as written (without "mailto:" or angle brackets), each once; anything else is left out. */
export function emailAddresses(text: string | undefined): string[] {
  if (text === undefined) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;]+/)) {
    const address = part.replace(/^mailto:/i, "").replace(/^<|>$/g, "");
    if (!isEmailAddress(address) || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    out.push(address);
  }
  return out;
}

/** The address of a message's sender, in lower case: the part in angle brackets of "Name <address>", else the text itself. Null when none. */
export function senderAddress(from: string | undefined): string | null {
  if (from === undefined) return null;
  const bracketed = /<([^<>]*)>\s*$/.exec(from);
  const address = (bracketed ? bracketed[1]! : from).trim().replace(/^mailto:/i, "");
  return isEmailAddress(address) ? address.toLowerCase() : null;
}

/** The one unit of the list whose address sent the message; undefined when none or several (a shared mailbox) have it. */
export function unitBySender<U extends Pick<Unit, "name" | "email">>(from: string | undefined, units: readonly U[]): { unit: U; address: string } | undefined {
  const address = senderAddress(from);
  if (address === null) return undefined;
  const found = units.filter((u) => emailAddresses(u.email).some((a) => a.toLowerCase() === address));
  const distinct = new Set(found.map((u) => foldText(u.name)));
  return found.length > 0 && distinct.size === 1 ? { unit: found[0]!, address } : undefined;
}
