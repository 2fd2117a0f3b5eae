import { Form, redirect } from "react-router";
import type { Route } from "./+types/demo-login";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, TextField } from "~/app/components/fields";
import { readForm } from "~/app/lib/auth.server";
import { landingFor, loginAndRedirect } from "~/app/lib/session.server";
import { ROLE_LABELS, type Role } from "~/platform/auth/actor";
import { demoCitizenLogin, findDemoUser, listDemoUsers } from "~/platform/auth/auth.db.server";
import { checkCpr } from "~/modules/citizens";

function requireDemo(enabled: boolean) {
  // Demo login does not exist in production or next to a real identity provider.
  if (!enabled) throw new Response("Ikke fundet", { status: 404 });
}

export async function loader({ context }: Route.LoaderArgs) {
  requireDemo(context.env.demoEnabled);
  const users = await listDemoUsers(context.db);
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      role: u.role,
      unit: u.unit,
      municipality: `${u.municipalityName} (${u.municipalityCode})`,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  requireDemo(context.env.demoEnabled);
  const form = await readForm(request, context);
  if (form.get("intent") === "mitid") {
    // Simulated MitID: the CPR is posted, never put in a URL.
    const cpr = checkCpr(String(form.get("cpr") ?? ""));
    if (!cpr.ok) return { cprError: cpr.message };
    const citizen = await demoCitizenLogin(context.db, cpr.cpr);
    if (!citizen) return { cprError: "Der er ingen borger med dette CPR-nummer i demodata" };
    return loginAndRedirect(context, citizen, landingFor(citizen), "demo-mitid");
  }
  const actor = await findDemoUser(context.db, String(form.get("userId") ?? ""));
  if (!actor) throw redirect("/demo");
  return loginAndRedirect(context, actor, landingFor(actor), "demo");
}

export const meta: Route.MetaFunction = () => [{ title: "Demo-login – Ressourceforløb" }];

const ORDER: Role[] = ["caseworker", "leader", "rehabteam", "analyst", "admin", "citizen"];

export default function DemoLogin({ loaderData, actionData }: Route.ComponentProps) {
  const byMunicipality = new Map<string, typeof loaderData.users>();
  for (const u of loaderData.users)
    byMunicipality.set(u.municipality, [...(byMunicipality.get(u.municipality) ?? []), u]);
  return (
    <div className="stack">
      <h1>Demo-login</h1>
      <Alert kind="warning" heading="Kun til demonstration">
        Her kan du logge på som en opdigtet bruger uden adgangskode. Siden findes ikke, når systemet kører i produktion
        eller med MitID/NemLog-in.
      </Alert>
      {[...byMunicipality.entries()].map(([municipality, users]) => (
        <section key={municipality}>
          <h2>{municipality}</h2>
          <table className="table table--compact">
            <caption className="visually-hidden">Demobrugere i {municipality}</caption>
            <thead>
              <tr>
                <th scope="col">Rolle</th>
                <th scope="col">Navn</th>
                <th scope="col">Enhed</th>
                <th scope="col">
                  <span className="visually-hidden">Handling</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...users]
                .sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role))
                .map((u) => (
                  <tr key={u.id}>
                    <td>{ROLE_LABELS[u.role]}</td>
                    <td>{u.name}</td>
                    <td>{u.unit ?? "–"}</td>
                    <td>
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="userId" value={u.id} />
                        <button
                          type="submit"
                          className="button button-primary"
                          aria-label={`Log på som ${u.name} (${ROLE_LABELS[u.role]})`}
                        >
                          Log på
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </section>
      ))}
      <section className="stack">
        <h2>Borger: simuleret MitID</h2>
        <p>
          En borger, som en sagsbehandler har oprettet, kan logge på med sit CPR-nummer. Det svarer til første login med
          MitID, hvor CPR-nummeret kobler login og borger.
        </p>
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <TextField
            name="cpr"
            label="Borgerens CPR-nummer"
            inputMode="numeric"
            autoComplete="off"
            width="s"
            error={actionData?.cprError}
          />
          <div>
            <button type="submit" name="intent" value="mitid" className="button button-primary">
              Log på som borger
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
