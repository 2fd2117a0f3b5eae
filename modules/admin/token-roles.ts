/** Roles a service account may have; a citizen login is never a token. */
export const TOKEN_ROLES = ["caseworker", "leader", "rehabteam", "analyst", "admin"] as const;
