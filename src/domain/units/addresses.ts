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

/** A unit list's addresses (lower case) → positions of the units that have them, ascending; built once per list. */
interface AddressIndex {
  readonly length: number;
  readonly first: object | undefined;
  readonly last: object | undefined;
  readonly byAddress: ReadonlyMap<string, readonly number[]>;
}

const ADDRESS_INDEXES = new WeakMap<readonly object[], AddressIndex>();

/** The address index of a list (again when the list was changed in place to another length or other ends). */
function addressIndexOf(units: readonly Pick<Unit, "email">[]): AddressIndex {
  const known = ADDRESS_INDEXES.get(units);
  if (known && known.length === units.length && known.first === units[0] && known.last === units[units.length - 1]) return known;
  const byAddress = new Map<string, number[]>();
  units.forEach((u, i) => {
    for (const a of emailAddresses(u.email)) {
      const key = a.toLowerCase();
      const at = byAddress.get(key);
      if (at === undefined) byAddress.set(key, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  });
  const index: AddressIndex = { length: units.length, first: units[0], last: units[units.length - 1], byAddress };
  ADDRESS_INDEXES.set(units, index);
  return index;
}

/** The one unit of the list whose address sent the message; undefined when none or several (a shared mailbox) have it. */
export function unitBySender<U extends Pick<Unit, "name" | "email">>(from: string | undefined, units: readonly U[]): { unit: U; address: string } | undefined {
  const address = senderAddress(from);
  if (address === null) return undefined;
  // The units with the address, in list order, through the list's index (one map read per message).
  const found = (addressIndexOf(units).byAddress.get(address) ?? []).map((i) => units[i]!);
  const distinct = new Set(found.map((u) => foldText(u.name)));
  return found.length > 0 && distinct.size === 1 ? { unit: found[0]!, address } : undefined;
}
