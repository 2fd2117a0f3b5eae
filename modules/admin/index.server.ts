// Server-only public API of the admin module.
export { searchAudit, type AuditSearch } from "./search-audit.server";
export { createToken, listTokens, revokeToken } from "./api-tokens.server";
