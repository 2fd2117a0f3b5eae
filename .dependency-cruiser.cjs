/** Layer rules from docs/ARCHITECTURE.md: app → modules → (legislation, platform); legislation → nothing. */
module.exports = {
  forbidden: [
    {
      name: "legislation-is-pure",
      comment: "Rules as code import nothing else from the repository.",
      severity: "error",
      from: { path: "^legislation/" },
      to: { path: "^(app|modules|platform|cli|server)/" },
    },
    {
      name: "no-test-code-in-production",
      comment: "Only tests import test helpers.",
      severity: "error",
      from: { path: "^(app|modules|platform|legislation|cli|server)/", pathNot: "\\.test\\.ts$" },
      to: { path: "^tests/" },
    },
    {
      name: "legislation-no-io",
      comment: "Rules never touch the database, the file system or the network.",
      severity: "error",
      from: { path: "^legislation/", pathNot: "\\.test\\.ts$" },
      to: { path: "node_modules/(drizzle-orm|pg|@electric-sql|express|pino)/|^(fs|node:fs|http|node:http|net|node:net)$" },
    },
    {
      name: "platform-below-modules",
      severity: "error",
      from: { path: "^platform/" },
      to: { path: "^(app|modules|server)/" },
    },
    {
      name: "modules-below-app",
      severity: "error",
      from: { path: "^modules/" },
      to: { path: "^(app|server)/" },
    },
    {
      name: "modules-through-index",
      comment: "Another module is used only through its index.ts.",
      severity: "error",
      from: { path: "^modules/([^/]+)/" },
      to: { path: "^modules/([^/]+)/", pathNot: ["^modules/$1/", "^modules/[^/]+/index(\\.server)?\\.ts$"] },
    },
    {
      name: "app-through-module-index",
      comment: "Routes use a module only through index.ts (client-safe) or index.server.ts (use cases).",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "^modules/[^/]+/", pathNot: "^modules/[^/]+/index(\\.server)?\\.ts$" },
    },
    {
      name: "sql-only-in-db-files",
      comment: "Only *.db.server.ts files and platform/db touch tables.",
      severity: "error",
      from: { path: "^(app|modules|platform|server)/", pathNot: ["\\.db\\.server\\.ts$", "^platform/db/"] },
      to: { path: "^platform/db/schema\\.ts$", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-sql-in-app",
      comment: "Routes hold no SQL.",
      severity: "error",
      from: { path: "^app/" },
      to: { path: "node_modules/drizzle-orm/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(build|\\.react-router)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
