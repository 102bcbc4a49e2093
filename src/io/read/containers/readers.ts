/**
 * Every container reader, imported statically: for a host that cannot load
 * them on demand with import() (the CLI's worker thread when it runs from the
 * TypeScript sources), which hands them to `useContainerReaders` first.
 */
import { openEml } from "./eml";
import { openMsg } from "./msg";
import { openRar } from "./rar";
import { openZip } from "./zip-archive";

export const CONTAINER_READERS = { eml: openEml, msg: openMsg, zip: openZip, rar: openRar };
