export * from "./types";
export * from "./indicators";
export * from "./tables";
export * from "./period";
export * from "./targets";
