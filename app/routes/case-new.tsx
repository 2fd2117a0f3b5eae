import { Form, redirect } from "react-router";
import type { Route } from "./+types/case-new";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { ErrorSummary, TextField } from "~/app/components/fields";
import { RadioGroup, TextArea } from "~/app/components/fields-extra";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { CASE_ORIGINS } from "~/modules/cases";
import { openCase } from "~/modules/cases/index.server";
import { readCitizen } from "~/modules/citizens/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.write");
  const citizenId = new URL(request.url).searchParams.get("borger") ?? "";
  const citizen = await readCitizen(useCase(context, actor), citizenId);
  if (!citizen) throw new Response("Ikke fundet", { status: 404 });
  return { citizen: { id: citizen.id, name: citizen.name } };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const citizenId = new URL(request.url).searchParams.get("borger") ?? "";
  const values = {
    origin: String(form.get("origin") ?? ""),
    applicationReceivedOn: String(form.get("applicationReceivedOn") ?? ""),
    applicationText: String(form.get("applicationText") ?? ""),
  };
  const result = await openCase(useCase(context, actor), citizenId, values);
  if (result.ok) throw redirect(`/sager/${result.id}/visitation`);
  if (result.reason === "NOT_FOUND") throw new Response("Ikke fundet", { status: 404 });
  return { errors: result.errors, values };
}

export const meta: Route.MetaFunction = () => [{ title: "Ny sag om ressourceforløb – Ressourceforløb" }];

export default function NewCase({ loaderData, actionData }: Route.ComponentProps) {
  const c = loaderData.citizen;
  const errors = actionData?.errors ?? {};
  const v = actionData?.values;
  return (
    <div className="stack">
      <Breadcrumbs
        items={[
          { label: "Forside", to: "/" },
          { label: "Borgere", to: "/borgere" },
          { label: c.name, to: `/borgere/${c.id}` },
          { label: "Ny sag" },
        ]}
      />
      <h1>Ny sag om ressourceforløb for {c.name}</h1>
      <Form method="post" noValidate className="stack">
        <ErrorSummary
          errors={errors}
          labels={{ origin: "Start", applicationReceivedOn: "Ansøgningsdato", applicationText: "Ansøgning" }}
        />
        <CsrfInput />
        <RadioGroup
          name="origin"
          legend="Hvordan er sagen startet?"
          options={Object.entries(CASE_ORIGINS).map(([value, label]) => ({ value, label }))}
          value={v?.origin ?? "municipality"}
          error={errors.origin}
        />
        <TextField
          name="applicationReceivedOn"
          label="Ansøgningen blev modtaget den"
          hint="Kun når borgeren har søgt. ÅÅÅÅ-MM-DD"
          type="date"
          defaultValue={v?.applicationReceivedOn}
          error={errors.applicationReceivedOn}
          width="s"
        />
        <TextArea
          name="applicationText"
          label="Hvad søger borgeren om?"
          hint="Kun når borgeren har søgt. Kommunens vurdering skal svare på anmodningen (TG-9)."
          defaultValue={v?.applicationText}
          error={errors.applicationText}
          rows={3}
        />
        <div>
          <button type="submit" className="button button-primary">
            Åbn sagen og gå til visitationen
          </button>
        </div>
      </Form>
    </div>
  );
}
