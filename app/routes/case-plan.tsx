import { Fragment, useEffect } from "react";
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/case-plan";
import { CaseHeader } from "~/app/components/CaseHeader";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert } from "~/app/components/fields";
import {
  newPlanFormValues,
  PlanForm,
  planToFormValues,
  readPlanForm,
  type PlanFormValues,
} from "~/app/components/PlanForm";
import { PlanDiff, PlanView } from "~/app/components/PlanView";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatDateTime, formatIsoDate } from "~/app/lib/format";
import { readCase } from "~/modules/cases/index.server";
import { lettersOfCitizen } from "~/modules/letters/index.server";
import { countsForIndsatsgaranti, defaultPeriod, planNotes, ruleBasis, type PlanChange } from "~/modules/plan";
import { currentPlan, planVersion, revisePlan, sendPlanToCitizen } from "~/modules/plan/index.server";
import { INTERVENTION_AREAS, INTERVENTION_AREA_KEYS } from "~/modules/rehabiliteringsteam";
import { latestIndstilling } from "~/modules/rehabiliteringsteam/index.server";
import { can } from "~/platform/auth/permissions";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const view = await readCase(useCase(context, actor), params.caseId, "plan");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const forloeb = view.forloeb.find((f) => f.caseId === view.case.id) ?? null;
  // Independent reads covered by readCase's audited access, side by side. 002 §5.3: the indsatsdel is made on the
  // basis of the team's indstilling; its recommended interventions are shown.
  const [plan, allLetters, indstilling] = await Promise.all([
    currentPlan(context.db, view.access),
    lettersOfCitizen(context.db, view.access),
    latestIndstilling(context.db, view.access),
  ]);
  const letters = allLetters.filter((l) => l.kind === "plan" && l.caseId === view.case.id);
  const url = new URL(request.url);
  return {
    header: caseHeader(view),
    caseId: view.case.id,
    granted: view.case.status === "granted" && forloeb !== null,
    forloeb: forloeb ? { startDate: forloeb.startDate, plannedEnd: forloeb.plannedEnd } : null,
    asOf: view.asOf,
    plan: plan
      ? {
          revision: plan.revision,
          content: plan.content,
          changeNote: plan.changeNote,
          createdAt: formatDateTime(plan.createdAt),
          createdByName: plan.createdByName,
          notes: planNotes(plan.content, forloeb, view.asOf),
          countsForIg: plan.content.interventions.filter((i) => countsForIndsatsgaranti(i, view.asOf)).map((i) => i.id),
        }
      : null,
    // currentPlan carries the plan's version; a plan without a revision yet is read for it.
    version: plan ? plan.version : await planVersion(context.db, view.access),
    teamAdvice: indstilling
      ? {
          meetingDate: indstilling.meetingDate,
          areas: INTERVENTION_AREA_KEYS.map((k) => ({
            area: INTERVENTION_AREAS[k],
            items: indstilling.interventions[k] ?? [],
          })).filter((x) => x.items.length > 0),
        }
      : null,
    canWrite: can(actor, "plan.write"),
    letters: letters.map((l) => ({
      id: l.id,
      title: l.title,
      createdAt: formatDateTime(l.createdAt),
      sent: l.status === "sent",
    })),
    saved: url.searchParams.get("gemt"),
    sentLetter: url.searchParams.get("sendt"),
  };
}

type ActionData = {
  /** A new key for the form on every answer, so rows re-render from the returned values. */
  nonce: number;
  /** The element the answer is about (as the hash in the buttons' formAction). */
  focus: "plan-edit" | "plan-delmaal-last" | "plan-intervention-last";
  values: PlanFormValues;
  errors: Record<string, string>;
  extraDelmaal: number;
  extraInterventions: number;
  conflict: { revision: number | null; by: string | null; at: string | null; changes: PlanChange[] } | null;
  notice: string | null;
};

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "plan.write");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const intent = String(form.get("intent") ?? "save");
  if (intent === "send") {
    const revision = Number(form.get("revision"));
    const r = await sendPlanToCitizen(ctx, params.caseId, Number.isInteger(revision) && revision > 0 ? revision : null);
    if (r.ok) throw redirect(`/sager/${params.caseId}/plan?sendt=${r.letterId}#main-content`);
    throw new Response("Ikke fundet", { status: 404 });
  }
  const values = readPlanForm(form);
  const base: ActionData = {
    nonce: Date.now(),
    focus: "plan-edit",
    values,
    errors: {},
    extraDelmaal: 0,
    extraInterventions: 0,
    conflict: null,
    notice: null,
  };
  if (intent === "addDelmaal") return { ...base, extraDelmaal: 1, focus: "plan-delmaal-last" };
  if (intent === "addIntervention") return { ...base, extraInterventions: 1, focus: "plan-intervention-last" };

  const result = await revisePlan(ctx, params.caseId, values);
  if (result.ok) throw redirect(`/sager/${params.caseId}/plan?gemt=${result.revision}#main-content`);
  switch (result.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INVALID":
      return { ...base, errors: result.errors };
    case "UNCHANGED":
      return {
        ...base,
        notice:
          "Planen er ikke ændret, så der er ikke gemt en ny revision. Skriv en ændringsnote, hvis du vil gemme en revision alligevel, fx at planen er gennemgået med borgeren.",
      };
    case "NOT_GRANTED":
      return { ...base, notice: "Planen kan først laves, når ressourceforløbet er bevilget." };
    case "CONFLICT":
      // Nothing was written. The user's input stays in the form; the version moves to the saved one, so saving
      // again is a deliberate choice made after seeing the differences.
      return {
        ...base,
        values: { ...values, version: result.current?.version ?? values.version },
        conflict: {
          revision: result.current?.revision ?? null,
          by: result.current?.createdByName ?? null,
          at: result.current ? formatDateTime(result.current.createdAt) : null,
          changes: result.changes,
        },
      };
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Plan – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

export default function CasePlan({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const a = actionData;
  // After an answer from the server, move focus to where the answer is: the feedback or error summary after a save,
  // the new row after "add". Without JavaScript the browser scrolls there (the hash of the button's formAction).
  useEffect(() => {
    if (!a) return;
    const el = document.getElementById(a.focus);
    const target =
      el?.querySelector<HTMLElement>(".plan-feedback, .alert[tabindex], input:not([type=hidden]), select, textarea") ??
      el;
    target?.focus();
  }, [a?.nonce]);
  const formValues =
    a?.values ??
    (d.plan
      ? planToFormValues(d.plan.content, d.version)
      : newPlanFormValues(defaultPeriod(d.forloeb?.startDate ?? d.asOf, d.asOf)));
  // The form opens by itself for a first plan and whenever the server answered a post.
  const editing = !d.plan || Boolean(a);
  const savedIds = {
    delmaal: d.plan?.content.delmaal.map((x) => x.id) ?? [],
    interventions: d.plan?.content.interventions.map((x) => x.id) ?? [],
  };
  const base = `/sager/${d.caseId}/plan`;
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Plan" />
      {d.saved ? <Alert kind="success" heading={`Planen er gemt som revision ${d.saved}.`} /> : null}
      {d.sentLetter ? (
        <Alert kind="success" heading="Planen er sendt til borgeren.">
          <p>
            Brevet ligger i udbakken og sendes automatisk. <a href={`/breve/${d.sentLetter}`}>Se brevet (PDF)</a>
          </p>
        </Alert>
      ) : null}
      {!d.granted && !d.plan ? (
        <Alert kind="info" heading="Planens indsatsdel laves, når ressourceforløbet er bevilget">
          <p>
            Sagens status er: {d.header.statusLabel}. Indsatsdelen udarbejdes af den koordinerende sagsbehandler sammen
            med borgeren efter afgørelsen ({ruleBasis("PL-1")}).
          </p>
        </Alert>
      ) : null}

      {d.plan ? (
        <section className="stack" aria-labelledby="plan-current">
          <div className="plan-head">
            <h2 id="plan-current">Gældende plan: revision {d.plan.revision}</h2>
            <p className="muted">
              Gemt {d.plan.createdAt}
              {d.plan.createdByName ? ` af ${d.plan.createdByName}` : " via API"}
              {d.plan.changeNote ? `. Ændring: ${d.plan.changeNote}` : ""}
            </p>
            <p className="plan-actions">
              <a href={`${base}.pdf`} className="button button-secondary">
                Udskriv (PDF)
              </a>{" "}
              <Link to={`${base}/historik`} className="button button-tertiary">
                Historik og forskelle ({d.plan.revision} {d.plan.revision === 1 ? "revision" : "revisioner"})
              </Link>
            </p>
            {d.canWrite ? (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="revision" value={d.plan.revision} />
                <button type="submit" name="intent" value="send" className="button button-secondary">
                  Send planen til borgeren
                </button>
              </Form>
            ) : null}
            {d.letters.length > 0 ? (
              <p className="muted">
                Sendt til borgeren:{" "}
                {d.letters.map((l, n) => (
                  <span key={l.id}>
                    {n > 0 ? "; " : ""}
                    <a href={`/breve/${l.id}`}>{l.title.replace(/^.*revision /, "revision ")}</a> {l.createdAt} (
                    {l.sent ? "sendt" : "i udbakken"})
                  </span>
                ))}
              </p>
            ) : null}
          </div>
          {d.plan.notes.length > 0 ? (
            <Alert kind="info" heading="Værd at se på">
              <ul>
                {d.plan.notes.map((n) => (
                  <li key={n.ruleId}>{n.message}</li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {d.forloeb ? (
            <p>
              Ressourceforløbet løber {formatIsoDate(d.forloeb.startDate)} – {formatIsoDate(d.forloeb.plannedEnd)}.
            </p>
          ) : null}
          <PlanView content={d.plan.content} countsForIg={d.plan.countsForIg} headingLevel={3} />
        </section>
      ) : null}

      {d.plan && !d.granted ? (
        <Alert kind="info" heading="Planen kan ikke revideres">
          <p>Sagens status er: {d.header.statusLabel}. Planen og dens historik kan stadig ses og udskrives.</p>
        </Alert>
      ) : null}

      {d.canWrite && d.granted ? (
        <section aria-labelledby="plan-edit-heading" id="plan-edit">
          {a?.notice ? (
            <div tabIndex={-1} className="plan-feedback">
              <Alert kind="warning" heading={a.notice} />
            </div>
          ) : null}
          {a?.conflict ? (
            <div tabIndex={-1} className="plan-feedback">
              <Alert kind="error" heading="Din revision er ikke gemt: planen er ændret, efter du åbnede den">
                <p>
                  {a.conflict.revision
                    ? `${a.conflict.by ?? "En anden"} gemte revision ${a.conflict.revision} ${a.conflict.at ?? ""}.`
                    : "En anden har lavet planen imens."}{" "}
                  Dine indtastninger står stadig i formularen. Forskellene mellem den gemte plan og dine indtastninger
                  ses herunder; gem igen, hvis dine skal gælde.
                </p>
                <PlanDiff
                  changes={a.conflict.changes}
                  caption="Fra den gemte plan til dine indtastninger"
                  headingLevel="none"
                  columns={{ before: "Gemt nu", after: "Dine indtastninger" }}
                />
              </Alert>
            </div>
          ) : null}

          <details className="plan-edit" open={editing}>
            <summary>
              <h2 id="plan-edit-heading" className="plan-summary-heading">
                {d.plan ? "Revidér planen (gemmes som en ny revision)" : "Lav planen sammen med borgeren"}
              </h2>
            </summary>
            {d.teamAdvice && d.teamAdvice.areas.length > 0 ? (
              <div className="plan-advice">
                <h3>Rehabiliteringsteamets anbefalede indsatser</h3>
                <p className="muted">
                  Fra indstillingen på mødet {formatIsoDate(d.teamAdvice.meetingDate)}. Planen bygger på indstillingen
                  (skrivelse 10112 §5.3).
                </p>
                <dl className="summary-list">
                  {d.teamAdvice.areas.map((x) => (
                    <Fragment key={x.area}>
                      <dt>{x.area}</dt>
                      <dd>{x.items.join("; ")}</dd>
                    </Fragment>
                  ))}
                </dl>
              </div>
            ) : null}
            <PlanForm
              key={a ? a.nonce : `v${d.version}`}
              values={formValues}
              errors={a?.errors ?? {}}
              extraDelmaal={a?.extraDelmaal ?? 0}
              extraInterventions={(a?.extraInterventions ?? 0) + (formValues.interventions.length === 0 ? 1 : 0)}
              savedDelmaal={savedIds.delmaal}
              savedInterventions={savedIds.interventions}
              asOf={d.asOf}
              action={base}
            />
          </details>
        </section>
      ) : null}
    </div>
  );
}
