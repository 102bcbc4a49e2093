export * from "./number";
export * from "./date";
export * from "./code";
export * from "./cell";
