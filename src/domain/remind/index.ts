/**
 * Reminders to the units that have not sent their report, or whose file could
 * not be used: who they are, their addresses, the message and its mailto:
 * link (./text.ts), and the "công văn đôn đốc" draft (./letter.ts). Pure.
 */
export * from "./text";
export * from "./letter";
