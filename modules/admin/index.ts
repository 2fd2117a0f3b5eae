// Client-safe public API of the admin module.
export { TOKEN_ROLES } from "./token-roles";
