export * from "./messages";
export * from "./rules";
export * from "./evaluate";
export * from "./cross-indicator";
