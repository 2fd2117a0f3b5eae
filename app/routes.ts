import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("demo", "routes/demo-login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("auth/oidc/start", "routes/oidc-start.tsx"),
  route("auth/oidc/callback", "routes/oidc-callback.tsx"),
  route("borgere", "routes/citizens.tsx"),
  route("borgere/ny", "routes/citizen-new.tsx"),
  route("borgere/:citizenId", "routes/citizen-view.tsx"),
  route("borgere/:citizenId/rediger", "routes/citizen-edit.tsx"),
  route("admin/audit", "routes/admin-audit.tsx"),
  route("admin/tokens", "routes/admin-tokens.tsx"),
  route("api/openapi.json", "routes/api.openapi.ts"),
  route("api/v1/me", "routes/api.v1.me.ts"),
  route("api/v1/citizens", "routes/api.v1.citizens.ts"),
  route("api/v1/citizens/search", "routes/api.v1.citizens-search.ts"),
  route("api/v1/citizens/:citizenId", "routes/api.v1.citizen.ts"),
  route("api/*", "routes/api.not-found.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
