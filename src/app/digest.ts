/** SHA-256 of a file's bytes (kept apart from reading, so the pane's first script carries no reader). */

interface NodeHashing {
  createHash(algorithm: "sha256"): { update(data: Uint8Array): { digest(encoding: "hex"): string } };
}

/**
 * Node's own hashing when running under Node (found without an import, so bundles for
 * browsers do not pull it in): it answers at once, where Web Crypto takes a round trip
 * through the thread pool for every file.
 */
const nodeHashing = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:crypto") as
  | NodeHashing
  | undefined;

/** SHA-256 of the bytes as lowercase hex (Node's crypto, else Web Crypto: the same digest in Node 20 and browsers). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  if (nodeHashing) return nodeHashing.createHash("sha256").update(bytes).digest("hex");
  const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A file's SHA-256, hex: the one it carries (taken before), else worked out. */
export function digestOf(file: { readonly bytes: Uint8Array; readonly sha256?: string }): Promise<string> {
  return file.sha256 !== undefined ? Promise.resolve(file.sha256) : sha256Hex(file.bytes);
}
