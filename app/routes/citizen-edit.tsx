import { redirect } from "react-router";
import type { Route } from "./+types/citizen-edit";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CitizenForm } from "~/app/components/CitizenForm";
import { Alert } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import {
  CITIZEN_FIELD_LABELS,
  citizenFormValues,
  citizenToFormValues,
  type CitizenFormValues,
} from "~/app/lib/citizen-form";
import { readCitizen, updateCitizen } from "~/modules/citizens/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "citizen.write");
  const citizen = await readCitizen(useCase(context, actor), params.citizenId, "edit");
  if (!citizen) throw new Response("Ikke fundet", { status: 404 });
  return { id: citizen.id, name: citizen.name, version: citizen.version, values: citizenToFormValues(citizen) };
}

type Conflict = { field: string; label: string; saved: string; yours: string }[];

function conflictRows(saved: CitizenFormValues, yours: CitizenFormValues): Conflict {
  const rows: Conflict = [];
  for (const [field, label] of Object.entries(CITIZEN_FIELD_LABELS)) {
    const a = String(saved[field as keyof CitizenFormValues] ?? "");
    const b = String(yours[field as keyof CitizenFormValues] ?? "");
    if (a.replace("-", "") !== b.replace("-", "")) rows.push({ field, label, saved: a, yours: b });
  }
  const net = (v: CitizenFormValues) => v.network.map((p) => `${p.name} (${p.relation})`).join(", ");
  if (net(saved) !== net(yours))
    rows.push({ field: "network", label: "Netværk", saved: net(saved), yours: net(yours) });
  return rows;
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "citizen.write");
  const form = await readForm(request, context);
  const values = citizenFormValues(form);
  const version = Number(form.get("version"));
  if (form.get("intent") === "addPerson") return { values, errors: {}, version, extraRows: 2, conflict: null };
  const result = await updateCitizen(useCase(context, actor), params.citizenId, version, values);
  if (result.ok) throw redirect(`/borgere/${result.id}?gemt=1`);
  if (result.reason === "NOT_FOUND") throw new Response("Ikke fundet", { status: 404 });
  if (result.reason === "INVALID") return { values, errors: result.errors, version, extraRows: 1, conflict: null };
  // Stale edit: nothing is overwritten. Keep what the user typed and show what is saved now.
  return {
    values,
    errors: {},
    version: result.current.version,
    extraRows: 1,
    conflict: conflictRows(citizenToFormValues(result.current), values),
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Rediger ${data?.name ?? "borger"} – Ressourceforløb` },
];

export default function EditCitizen({ loaderData, actionData }: Route.ComponentProps) {
  const conflict = actionData?.conflict;
  return (
    <div className="stack">
      <Breadcrumbs
        items={[
          { label: "Forside", to: "/" },
          { label: "Borgere", to: "/borgere" },
          { label: loaderData.name, to: `/borgere/${loaderData.id}` },
          { label: "Rediger" },
        ]}
      />
      <h1>Rediger {loaderData.name}</h1>
      {conflict ? (
        <Alert kind="error" heading="Dine ændringer er ikke gemt: en anden har ændret borgeren imens">
          <p>
            Oplysningerne blev ændret, efter du åbnede siden. Sammenlign nedenfor. Dine indtastninger står stadig i
            formularen; gem igen, hvis de skal gælde.
          </p>
          {conflict.length > 0 ? (
            <table className="table table--compact">
              <caption>Forskelle mellem det gemte og dine indtastninger</caption>
              <thead>
                <tr>
                  <th scope="col">Felt</th>
                  <th scope="col">Gemt nu</th>
                  <th scope="col">Dine indtastninger</th>
                </tr>
              </thead>
              <tbody>
                {conflict.map((c) => (
                  <tr key={c.field}>
                    <th scope="row">{c.label}</th>
                    <td>{c.saved || "–"}</td>
                    <td>{c.yours || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </Alert>
      ) : null}
      <CitizenForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        version={actionData?.version ?? loaderData.version}
        extraRows={actionData?.extraRows ?? 1}
        submitLabel="Gem ændringer"
        cancelTo={`/borgere/${loaderData.id}`}
      />
    </div>
  );
}
