export * from "../model/layout";
export * from "./builder";
export * from "./unit";
export * from "./options";
