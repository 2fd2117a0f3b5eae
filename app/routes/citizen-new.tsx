import { redirect } from "react-router";
import type { Route } from "./+types/citizen-new";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CitizenForm } from "~/app/components/CitizenForm";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { citizenFormValues, EMPTY_CITIZEN } from "~/app/lib/citizen-form";
import { createCitizen } from "~/modules/citizens/index.server";

export function loader({ request, context }: Route.LoaderArgs) {
  requireUser(request, context, "citizen.write");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "citizen.write");
  const form = await readForm(request, context);
  const values = citizenFormValues(form);
  if (form.get("intent") === "addPerson") return { values, errors: {}, extraRows: 2 };
  const result = await createCitizen(useCase(context, actor), values);
  if (result.ok) throw redirect(`/borgere/${result.id}?gemt=1`);
  if (result.reason === "INVALID") return { values, errors: result.errors, extraRows: 1 };
  throw new Response("Ikke fundet", { status: 404 });
}

export const meta: Route.MetaFunction = () => [{ title: "Opret borger – Ressourceforløb" }];

export default function NewCitizen({ actionData }: Route.ComponentProps) {
  return (
    <div className="stack">
      <Breadcrumbs
        items={[{ label: "Forside", to: "/" }, { label: "Borgere", to: "/borgere" }, { label: "Opret borger" }]}
      />
      <h1>Opret borger</h1>
      <CitizenForm
        values={actionData?.values ?? EMPTY_CITIZEN}
        errors={actionData?.errors ?? {}}
        extraRows={actionData?.extraRows ?? 1}
        submitLabel="Opret borger"
        cancelTo="/borgere"
      />
    </div>
  );
}
