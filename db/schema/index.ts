export * from "./companies";
export * from "./campaigns";
export * from "./signatures";
export * from "./rate-limits";
export * from "./email";
export * from "./privacy";
