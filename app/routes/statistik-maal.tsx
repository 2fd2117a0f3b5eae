import { Form, redirect } from "react-router";
import type { Route } from "./+types/statistik-maal";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { ErrorSummary, TextField } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { today } from "~/platform/clock";
import { setTargets, targetsFor } from "~/modules/statistik/index.server";

/** ST-4: the municipality's own targets for the shares with a virksomhedsrettet intervention and with a mentor. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "statistics.target");
  return { targets: await targetsFor(context.db, actor.municipalityId, today()), municipality: actor.municipalityName };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "statistics.target");
  const form = await readForm(request, context);
  const values = {
    virksomhedsrettetTargetPct: String(form.get("virksomhedsrettetTargetPct") ?? "").trim(),
    mentorTargetPct: String(form.get("mentorTargetPct") ?? "").trim(),
  };
  const r = await setTargets(useCase(context, actor), values);
  if (r.ok) throw redirect("/statistik?maal=gemt#indsats");
  return { errors: r.errors, values };
}

export const meta: Route.MetaFunction = () => [{ title: "Kommunens mål – Statistik – Ressourceforløb" }];

const LABELS = {
  virksomhedsrettetTargetPct: "Mål for andel med virksomhedsrettet indsats (%)",
  mentorTargetPct: "Mål for andel med mentor (%)",
};

export default function StatisticsTargets({ loaderData, actionData }: Route.ComponentProps) {
  const t = loaderData.targets;
  const values = actionData?.values;
  const errors = actionData?.errors ?? {};
  return (
    <div className="stack">
      <Breadcrumbs
        items={[{ label: "Forside", to: "/" }, { label: "Statistik", to: "/statistik" }, { label: "Kommunens mål" }]}
      />
      <h1>Kommunens mål for {loaderData.municipality}</h1>
      <p>
        Statistikken holder andelen af borgere i forløb med en virksomhedsrettet indsats (virksomhedspraktik eller
        løntilskud) og andelen med mentor op mod kommunens egne mål (ST-4). Faaborg-Midtfyn satte målet for
        virksomhedsrettet indsats til 30 % (seed 004). Ændringen står i adgangsloggen.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} />
      <Form method="post" className="stack">
        <CsrfInput />
        <TextField
          name="virksomhedsrettetTargetPct"
          label={LABELS.virksomhedsrettetTargetPct}
          hint="Et helt tal fra 0 til 100"
          inputMode="numeric"
          width="xs"
          defaultValue={values?.virksomhedsrettetTargetPct ?? String(t.virksomhedsrettetPct)}
          error={errors.virksomhedsrettetTargetPct}
        />
        <TextField
          name="mentorTargetPct"
          label={LABELS.mentorTargetPct}
          hint="Et helt tal fra 0 til 100"
          inputMode="numeric"
          width="xs"
          defaultValue={values?.mentorTargetPct ?? String(t.mentorPct)}
          error={errors.mentorTargetPct}
        />
        <div>
          <button type="submit" className="button button-primary">
            Gem målene
          </button>
        </div>
      </Form>
    </div>
  );
}
