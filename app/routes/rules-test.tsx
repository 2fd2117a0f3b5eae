import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Route } from "./+types/rules-test";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CATALOGUE } from "~/legislation";

// Only the test files the catalogue names can be shown; nothing else from disk.
const ALLOWED = new Set(CATALOGUE.flatMap((r) => r.tests));

export async function loader({ request }: Route.LoaderArgs) {
  const file = new URL(request.url).searchParams.get("fil") ?? "";
  if (!ALLOWED.has(file)) throw new Response("Ikke fundet", { status: 404 });
  const source = await readFile(path.resolve(file), "utf8").catch(() => null);
  if (source === null) throw new Response("Ikke fundet", { status: 404 });
  const rules = CATALOGUE.filter((r) => r.tests.includes(file)).map((r) => r.id);
  return { file, source, rules };
}

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.file ?? "Test"} – Regler` }];

export default function RulesTest({ loaderData }: Route.ComponentProps) {
  return (
    <div className="stack">
      <Breadcrumbs
        items={[{ label: "Forside", to: "/" }, { label: "Regler", to: "/regler" }, { label: loaderData.file }]}
      />
      <h1>Test: {loaderData.file}</h1>
      <p>Afprøver reglerne {loaderData.rules.join(", ")}. Testene køres ved hver ændring af systemet.</p>
      <pre className="source" tabIndex={0} aria-label={`Kildekode for ${loaderData.file}`}>
        <code>{loaderData.source}</code>
      </pre>
    </div>
  );
}
