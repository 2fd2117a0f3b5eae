import { useEffect } from "react";
import { Link, redirect } from "react-router";
import type { Route } from "./+types/case-interventions";
import { CaseHeader } from "~/app/components/CaseHeader";
import { Alert } from "~/app/components/fields";
import { PlanItemCard, RecordBlock, RecordForm, type Answer } from "~/app/components/InterventionCards";
import { InterventionDeadlines } from "~/app/components/InterventionDeadlines";
import { MentorGrants } from "~/app/components/MentorGrants";
import { PeriodList } from "~/app/components/PeriodList";
import { WhyPanel } from "~/app/components/WhyPanel";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formToTree } from "~/app/lib/form-data";
import { formatIsoDate } from "~/app/lib/format";
import { addDaysIso } from "~/legislation";
import { readCase } from "~/modules/cases/index.server";
import { FAILURE_TEXT, INTERVENTION_KIND_LABELS, ruleBasis } from "~/modules/indsatser";
import {
  decideSundhedskoordinator,
  deletePeriod,
  extendPraktik,
  grantMentor,
  indsatserOverview,
  recordIntervention,
  recordPeriod,
  requestSundhedskoordinator,
  updateIntervention,
  updateMentorGrant,
  updatePeriod,
} from "~/modules/indsatser/index.server";
import { can } from "~/platform/auth/permissions";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const view = await readCase(useCase(context, actor), params.caseId, "indsatser");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const overview = await indsatserOverview(context.db, view.access, view.asOf);
  const latest = overview.grants.at(-1);
  return {
    header: caseHeader(view),
    caseId: view.case.id,
    asOf: view.asOf,
    overview,
    canWrite: can(actor, "case.write") && overview.forloeb !== null,
    // A new grant continues the latest one by default: same mentor, from the day after, as a renewal (MT-3).
    mentorDefaults: latest
      ? {
          mentorName: latest.mentorName,
          mentorContact: latest.mentorContact,
          role: latest.role,
          goals: latest.goals.join("\n"),
          fromDate: addDaysIso(latest.toDate, 1),
          renewalOf: latest.id,
        }
      : {},
    saved: new URL(request.url).searchParams.get("gemt"),
    /** Forms are rebuilt from the saved data after every load, so a saved form does not keep what was typed in it. */
    loadedAt: Date.now(),
  };
}

const SAVED: Record<string, string> = {
  indsats: "Indsatsen er registreret.",
  "indsats-rettet": "Indsatsen er gemt.",
  sk: "Det er registreret, at borgeren bruger retten til en samtale med sundhedskoordinatoren.",
  "sk-beslutning": "Kommunens beslutning er registreret.",
  forlaengelse: "Praktikken er forlænget.",
  mentor: "Mentorbevillingen er gemt.",
  periode: "Perioden er registreret.",
  "periode-rettet": "Perioden er gemt.",
  "periode-slettet": "Perioden er slettet.",
};

type ActionData = Answer & { nonce: number };

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const caseId = params.caseId;
  const intent = String(form.get("intent") ?? "");
  const formKey = String(form.get("formKey") ?? intent).slice(0, 80);
  const id = String(form.get("id") ?? "");
  const values = formToTree(form);

  const run = async (): Promise<
    [
      (
        | { ok: true }
        | { ok: false; reason: string; errors?: Record<string, string>; current?: { version: number } | null }
      ),
      string,
      string,
    ]
  > => {
    switch (intent) {
      case "record":
        return [await recordIntervention(ctx, caseId, values), "indsats", "indsatser"];
      case "update":
        return [await updateIntervention(ctx, caseId, id, values), "indsats-rettet", "indsatser"];
      case "extend":
        return [await extendPraktik(ctx, caseId, id, values), "forlaengelse", "indsatser"];
      case "skRequest":
        return [await requestSundhedskoordinator(ctx, caseId, id, values), "sk", "indsatser"];
      case "skDecide":
        return [await decideSundhedskoordinator(ctx, caseId, id, values), "sk-beslutning", "indsatser"];
      case "mentorCreate":
        return [await grantMentor(ctx, caseId, values), "mentor", "mentor"];
      case "mentorUpdate":
        return [await updateMentorGrant(ctx, caseId, id, values), "mentor", "mentor"];
      case "periodCreate":
        return [await recordPeriod(ctx, caseId, values), "periode", "perioder"];
      case "periodUpdate":
        return [await updatePeriod(ctx, caseId, id, values), "periode-rettet", "perioder"];
      case "periodDelete":
        return [await deletePeriod(ctx, caseId, id, values), "periode-slettet", "perioder"];
      default:
        throw new Response("Ukendt handling", { status: 400 });
    }
  };
  const [r, saved, anchor] = await run();
  if (r.ok) throw redirect(`/sager/${caseId}/indsatser?gemt=${saved}#${anchor}`);
  const base = { nonce: Date.now(), formKey, values, errors: {}, conflict: null };
  switch (r.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INVALID":
      return { ...base, errors: r.errors ?? {} };
    case "NO_FORLOEB":
      return { ...base, conflict: FAILURE_TEXT.NO_FORLOEB };
    case "DUPLICATE":
      return {
        ...base,
        conflict:
          "Indsatsen er allerede registreret, og den registrering er ikke stoppet. Ret den registrering i stedet; den står herunder.",
      };
    default:
      // CONFLICT: nothing was written. The user's input stays in the form; the form's version is the saved one now.
      return { ...base, conflict: FAILURE_TEXT.CONFLICT };
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Indsatser og perioder – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

export default function CaseInterventions({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const o = d.overview;
  const a = actionData ?? null;
  const base = `/sager/${d.caseId}/indsatser`;
  const answerFor = (key: string) => (a && a.formKey === key ? a : null);
  // After an answer from the server, move focus to it; without JavaScript the hash in the form's action scrolls there.
  useEffect(() => {
    if (!a) return;
    const el = document.getElementById(a.formKey);
    el?.querySelector<HTMLElement>(".indsats-feedback")?.focus();
  }, [a?.nonce]);
  const current = o.records.filter((r) => r.currentStatus !== "stopped");
  return (
    <div className="stack" key={d.loadedAt}>
      <CaseHeader data={d.header} page="Indsatser og perioder" />
      {d.saved && SAVED[d.saved] ? (
        <Alert kind="success" heading={SAVED[d.saved]}>
          <p>Fristerne er beregnet igen.</p>
        </Alert>
      ) : null}
      {!o.forloeb ? (
        <Alert kind="info" heading="Indsatser registreres, når ressourceforløbet er bevilget">
          <p>Sagens status er: {d.header.statusLabel}.</p>
        </Alert>
      ) : null}

      <section aria-labelledby="frister-heading" className="stack">
        <h2 id="frister-heading">Frister</h2>
        <InterventionDeadlines deadlines={o.deadlines} />
        {o.forloeb ? (
          <div className="indsats-end">
            <p>
              Forløbet løber fra {formatIsoDate(o.forloeb.startDate)} til {formatIsoDate(o.forloeb.plannedEnd)} (den
              besluttede slutdato).{" "}
              {o.forloeb.barselDays > 0 ? (
                <strong>
                  Efter {o.forloeb.barselDays} dages barsel er slutdatoen {formatIsoDate(o.forloeb.effectiveEnd)} (D-4).
                </strong>
              ) : (
                "Der er ingen barsel, så slutdatoen er uændret (D-4)."
              )}
            </p>
            <WhyPanel explanation={o.forloeb.endExplanation} label="Hvorfor denne slutdato?" />
          </div>
        ) : null}
      </section>

      <section id="indsatser" aria-labelledby="indsatser-heading" className="stack">
        <h2 id="indsatser-heading">Indsatser</h2>
        {current.length > 0 ? (
          <table className="table table--zebra indsats-glance">
            <caption>Indsatserne lige nu</caption>
            <thead>
              <tr>
                <th scope="col">Indsats</th>
                <th scope="col">Hjemmel</th>
                <th scope="col">Status</th>
                <th scope="col">Start</th>
                <th scope="col">Planlagt slut</th>
                <th scope="col">Indsatsgaranti</th>
              </tr>
            </thead>
            <tbody>
              {current.map((r) => (
                <tr key={r.id}>
                  <td>{r.title}</td>
                  <td>{r.legalBasis ? INTERVENTION_KIND_LABELS[r.legalBasis] : INTERVENTION_KIND_LABELS[r.kind]}</td>
                  <td>
                    <span className={`indsats-status indsats-status-${r.currentStatus}`}>{r.statusLabel}</span>
                  </td>
                  <td className="indsats-nowrap">{formatIsoDate(r.startDate)}</td>
                  <td className="indsats-nowrap">{formatIsoDate(r.plannedEnd)}</td>
                  <td>{r.countsForIg ? "Tæller" : r.inPlan ? "Tæller ikke" : "Ikke i planen"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">Ingen indsatser er i gang eller planlagt.</p>
        )}

        <h3>Planens indsatser</h3>
        {o.planItems.length === 0 ? (
          <Alert kind="info" heading="Der er ingen plan endnu">
            <p>
              Indsatserne registreres ud fra planens indsatsdel. <Link to={`/sager/${d.caseId}/plan`}>Lav planen</Link>.
            </p>
          </Alert>
        ) : (
          <>
            <p className="muted">
              Registrér, hvornår tilbuddet blev givet, og den faktiske start og stop. Kun planens tilbud efter LAB kap.
              11, 12 eller 14, serviceloven eller sundhedsloven, startet efter forløbets start, opfylder
              indsatsgarantien ({ruleBasis("IG-1")}).
            </p>
            <ul className="indsats-list">
              {o.planItems.map((item) =>
                d.canWrite ? (
                  <PlanItemCard key={item.id} item={item} records={item.records} action={base} answerFor={answerFor} />
                ) : (
                  <li key={item.id} className="indsats-card">
                    <h4 className="indsats-card-title">{item.title}</h4>
                    <p className="muted">{item.records.map((r) => r.statusLabel).join(", ") || "Ikke registreret"}</p>
                  </li>
                ),
              )}
            </ul>
          </>
        )}

        <h3>Indsatser uden for planen</h3>
        <p className="muted">
          En indsats, der ikke står i planen, kan registreres, men den tæller ikke i indsatsgarantien (IG-1). Skal den
          tælle, så tilføj den til planen.
        </p>
        {o.otherRecords.length > 0 ? (
          <ul className="indsats-list">
            {o.otherRecords.map((r) => (
              <li key={r.id} className="indsats-card">
                <h4 className="indsats-card-title">{r.title}</h4>
                <p>
                  <span className="indsats-tag">
                    {r.legalBasis ? INTERVENTION_KIND_LABELS[r.legalBasis] : INTERVENTION_KIND_LABELS[r.kind]}
                  </span>
                  <span className="indsats-tag">{r.isOffer ? "Tilbud" : "Aftalt aktivitet – ikke et tilbud"}</span>
                  <span className="indsats-tag indsats-tag-warn">Ikke i planen</span>
                </p>
                {d.canWrite ? <RecordBlock r={r} action={base} answerFor={answerFor} /> : null}
              </li>
            ))}
          </ul>
        ) : null}
        {d.canWrite ? (
          <details className="indsats-details" open={answerFor("new-adhoc") !== null}>
            <summary>Registrér en indsats, der ikke er i planen</summary>
            <RecordForm
              formKey="new-adhoc"
              action={base}
              intent="record"
              adHoc
              legalBasis={null}
              isOffer={null}
              values={{ praktik: { shortHoursReason: "" } }}
              answer={answerFor("new-adhoc")}
              showStop={false}
              submit="Registrér"
            />
          </details>
        ) : null}
      </section>

      <section id="mentor" aria-labelledby="mentor-heading" className="stack">
        <h2 id="mentor-heading">Mentor</h2>
        <MentorGrants
          grants={o.grants}
          notice={o.mentorNotice}
          notes={o.mentorNotes}
          defaults={d.mentorDefaults}
          action={base}
          answerFor={answerFor}
          canWrite={d.canWrite}
          asOf={d.asOf}
        />
      </section>

      <section id="perioder" aria-labelledby="perioder-heading" className="stack">
        <h2 id="perioder-heading">Perioder</h2>
        <p className="muted">
          Barsel, fritagelse, stand by, ordinære løntimer, STU, løntilskud efter kompensationsloven § 15 og sygdom. Hver
          slags periode påvirker fristerne på sin måde; fristerne beregnes igen, når en periode gemmes.
        </p>
        <PeriodList periods={o.periods} action={base} answerFor={answerFor} canWrite={d.canWrite} />
      </section>

      <section aria-labelledby="ydelse-heading" className="stack">
        <h2 id="ydelse-heading">Ressourceforløbsydelse</h2>
        <p>
          <Link to={`/sager/${d.caseId}/ydelse`}>Beregn ydelsen for en måned</Link> (Y-1 til Y-5). Beregningen er
          beslutningsstøtte: en udbetaling ændres aldrig uden en registreret afgørelse.
        </p>
      </section>
    </div>
  );
}
