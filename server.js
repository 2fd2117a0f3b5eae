// Starts the app: `node server.js` serves the production build; `node server.js --dev` runs Vite in middleware mode.
import compression from "compression";
import express from "express";

const dev = process.argv.includes("--dev");

async function main() {
  const server = express();
  server.disable("x-powered-by");
  server.use(compression());
  let startApp;
  if (dev) {
    const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
    server.use(vite.middlewares);
    ({ startApp } = await vite.ssrLoadModule("./server/app.ts"));
  } else {
    server.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
    server.use(express.static("build/client", { maxAge: "1h" }));
    ({ startApp } = await import("./build/server/index.js"));
  }
  const started = await startApp(process.env);
  server.use(started.app);
  const { PORT: port, HOST: host } = started.env;
  const listener = server.listen(port, host, () => {
    const url = started.env.PUBLIC_URL ?? `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
    const lines = [
      "",
      `Ressourceforløb kører på ${url}`,
      `Database: ${started.handle.kind === "pglite" ? `indlejret PGlite i ${started.env.DATA_DIR}/pglite` : "PostgreSQL (DATABASE_URL)"}`,
    ];
    if (started.demo) {
      lines.push(`Demo-login (ingen adgangskode): ${url}/demo`);
      for (const u of started.demo.users) lines.push(`  - ${u.role.padEnd(10)} ${u.name} (${u.municipality})`);
      lines.push(`Demo API-token (${started.demo.municipality}, rolle caseworker):`);
      lines.push(`  ${started.demo.apiToken}`);
      lines.push(`  prøv: curl -H "Authorization: Bearer ${started.demo.apiToken}" ${url}/api/v1/citizens`);
    }
    lines.push(`API-beskrivelse: ${url}/api/openapi.json`, "");
    console.log(lines.join("\n"));
  });
  const stop = async () => {
    listener.close();
    await started.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error("Kunne ikke starte:", error instanceof Error ? error.message : error);
  process.exit(1);
});
