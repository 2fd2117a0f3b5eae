import { Link, redirect } from "react-router";
import type { Route } from "./+types/case-ending";
import { CaseHeader } from "~/app/components/CaseHeader";
import { EndingBanner } from "~/app/components/EndingBanner";
import { EndingDeadlines } from "~/app/components/EndingDeadlines";
import {
  EndingEndForm,
  EndingLackOfParticipationForm,
  EndingNextStepForm,
  EndingStatusAfterForm,
  prefixed,
  type FormValues,
} from "~/app/components/EndingForms";
import { Alert } from "~/app/components/fields";
import { WhyPanel } from "~/app/components/WhyPanel";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formToTree } from "~/app/lib/form-data";
import { formatDateTime, formatIsoDate } from "~/app/lib/format";
import type { Explanation } from "~/legislation";
import {
  E2_PATHS,
  EARLY_GROUNDS,
  FORLOEB_STATUS_LABELS,
  OUTCOMES,
  STATUS_AFTER_3_MONTHS,
  isTeamStep,
  nextStepLabel,
  type EarlyGround,
  type EndingFacts,
  type MovedInFacts,
  type NextStep,
  type Outcome,
  type StatusAfter3Months,
} from "~/modules/afslutning";
import {
  decideNextStep,
  endForLackOfParticipation,
  endForloeb,
  endingOverview,
  recordStatusAfter3Months,
  type EndingResult,
} from "~/modules/afslutning/index.server";
import { readCase } from "~/modules/cases/index.server";
import { RECOMMENDATIONS, type Recommendation } from "~/modules/rehabiliteringsteam";
import { can } from "~/platform/auth/permissions";

/** The outcome that follows a decided next step, to prefill the ending form. */
const OUTCOME_OF_STEP: Record<NextStep, Outcome> = {
  newForloeb: "newForloeb",
  fleksjob: "fleksjob",
  foertidspension: "foertidspension",
  jobOrEducation: "job",
  revalidering: "revalidering",
  kontanthjaelp: "kontanthjaelp",
  ledighedsydelse: "ledighedsydelse",
  other: "other",
};

/** The stored E-2 facts as form values, so the ending builds on the assessment made with the next step. */
function e2Values(facts: EndingFacts): FormValues | undefined {
  const e2 = facts.e2;
  if (!e2) return undefined;
  return {
    path: e2.path,
    evidence: e2.documentedDevelopment?.evidence.join("\n") ?? "",
    notInTargetGroupFor: e2.documentedDevelopment?.notInTargetGroupFor ?? [],
    assessedOn: e2.documentedDevelopment?.assessedOn ?? "",
    notInTargetGroupFleksjobFoertidspension: e2.notInTargetGroupFleksjobFoertidspension,
    explicitlyDeclinedNewForloeb: e2.explicitlyDeclinedNewForloeb,
    declinedOn: e2.declinedOn ?? "",
    reason: e2.reason,
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "ending");
  // Another municipality's case is answered exactly like one that does not exist.
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const o = await endingOverview(ctx, view);
  const facts = o.facts;
  const f = o.forloeb;
  const phase = o.phase;
  const ns = facts.nextStep;
  const endedDefault =
    phase && f && o.asOf > phase.effectiveEnd
      ? f.nextStepDecidedOn && f.nextStepDecidedOn > phase.effectiveEnd
        ? f.nextStepDecidedOn
        : phase.effectiveEnd
      : o.asOf;
  return {
    header: caseHeader(view),
    caseId: view.case.id,
    caseStatus: view.case.status,
    o,
    canMove: can(actor, "case.move"),
    defaults: {
      next: ns
        ? {
            step: ns.step,
            stage: ns.viaTeam ? (ns.decidedOn ? "decided" : "toTeam") : "",
            decidedOn: ns.decidedOn ?? "",
            note: ns.note,
            citizenWishes: ns.citizenWishes,
            e2: e2Values(facts),
          }
        : { e2: e2Values(facts) },
      end: {
        outcome: f?.nextStepDecidedOn && f.nextStep ? OUTCOME_OF_STEP[f.nextStep as NextStep] : "",
        endedOn: endedDefault,
        e2: e2Values(facts),
      },
    } as Record<string, FormValues>,
    saved: new URL(request.url).searchParams.get("gemt"),
  };
}

type Intent = "nextStep" | "end" | "lackOfParticipation" | "statusAfter3Months";
const PREFIX: Record<Intent, string> = {
  nextStep: "next",
  end: "end",
  lackOfParticipation: "e4",
  statusAfter3Months: "st7",
};

export interface EndingActionData {
  intent: Intent;
  values: FormValues;
  errors: Record<string, string>;
  refusal: { ruleId: string; message: string; explanation: Explanation | null } | null;
  conflict: boolean;
  message: string | null;
}

export async function action({ request, params, context }: Route.ActionArgs): Promise<EndingActionData> {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "ending");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const intent = String(form.get("intent") ?? "") as Intent;
  if (!(intent in PREFIX)) throw new Response("Ukendt handling", { status: 400 });
  const prefix = PREFIX[intent];
  const values = formToTree(form, prefix) as FormValues;
  let r: EndingResult;
  switch (intent) {
    case "nextStep":
      r = await decideNextStep(ctx, view.access, values);
      break;
    case "end":
      r = await endForloeb(ctx, view.access, values);
      break;
    case "lackOfParticipation":
      r = await endForLackOfParticipation(ctx, view.access, values);
      break;
    case "statusAfter3Months":
      r = await recordStatusAfter3Months(ctx, view.access, values);
      break;
  }
  if (r.ok) throw redirect(`/sager/${params.caseId}/afslutning?gemt=${intent}`);
  const base = { intent, values, errors: {}, refusal: null, conflict: false, message: null };
  switch (r.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INVALID":
      return { ...base, errors: prefixed(prefix, r.errors) };
    case "REFUSED":
      return {
        ...base,
        errors: prefixed(prefix, r.errors),
        refusal: { ruleId: r.ruleId, message: r.message, explanation: r.explanation },
      };
    case "CONFLICT":
      return { ...base, conflict: true };
    case "WRONG_STATUS":
    case "NOT_ALLOWED":
      return { ...base, message: r.message };
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Afslutning – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

const SAVED: Record<string, string> = {
  nextStep: "Næste skridt er gemt.",
  end: "Forløbet er afsluttet.",
  lackOfParticipation: "Afgørelsen om ophør er truffet, og brevet ligger i udbakken.",
  statusAfter3Months: "Status 3 måneder efter er gemt.",
};

/** P-8: the forløb came from another municipality; its history there is kept with the forløb. */
function MovedIn({ m }: { m: MovedInFacts }) {
  const coordinators = m.coordinators as { name: string; unit: string; fromDate: string; toDate: string | null }[];
  const indstillinger = m.indstillinger as { meetingDate: string | null; recommendation: string; reasons: string }[];
  const earlier = m.earlier as { from: { name: string }; importedOn: string }[];
  return (
    <section className="stack" aria-labelledby="moved-in-heading">
      <h2 id="moved-in-heading">Modtaget fra {m.from.name} (P-8)</h2>
      <p>
        Sagen blev modtaget {formatIsoDate(m.importedOn)} fra {m.from.name}. Planen med alle revisioner, forløbets
        datoer, perioder, indsatser, samtaler, klager og afgørelser er overført.
        {earlier.length > 0
          ? ` Tidligere også i ${earlier.map((e) => `${e.from.name} (modtaget derfra ${formatIsoDate(e.importedOn)})`).join(", ")}.`
          : ""}
      </p>
      <table className="table table--compact">
        <caption>Koordinerende sagsbehandlere i {m.from.name}</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">Enhed</th>
            <th scope="col">Periode</th>
          </tr>
        </thead>
        <tbody>
          {coordinators.map((c, i) => (
            <tr key={i}>
              <td>{c.name}</td>
              <td>{c.unit}</td>
              <td>
                {formatIsoDate(c.fromDate)} – {c.toDate ? formatIsoDate(c.toDate) : "flytningen"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {indstillinger.length > 0 ? (
        <table className="table table--compact">
          <caption>Rehabiliteringsteamets indstillinger i {m.from.name}</caption>
          <thead>
            <tr>
              <th scope="col">Møde</th>
              <th scope="col">Indstilling</th>
              <th scope="col">Begrundelse</th>
            </tr>
          </thead>
          <tbody>
            {indstillinger.map((x, i) => (
              <tr key={i}>
                <td>{formatIsoDate(x.meetingDate)}</td>
                <td>{RECOMMENDATIONS[x.recommendation as Recommendation] ?? x.recommendation}</td>
                <td>{x.reasons}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export default function CaseEnding({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const o = d.o;
  const f = o.forloeb;
  const phase = o.phase;
  const facts = o.facts;
  const ns = facts.nextStep;
  const running = Boolean(f && !f.endedOn && d.caseStatus === "granted");
  const formOf = (intent: Intent) => (a?.intent === intent ? a : null);
  const presentTo = phase?.presentTo === "sundhedskoordinator" ? "sundhedskoordinatoren" : "rehabiliteringsteamet";
  const rule = o.newForloebRule;
  const newForloebNote = rule
    ? rule.allowed
      ? `Et nyt forløb fra ${formatIsoDate(rule.start)} kan efter reglerne vare ${rule.requiresCitizenWish ? `${rule.minMonths}–${rule.maxMonthsWithWish} måneder, men kun hvis borgeren selv ønsker det` : `${rule.minMonths}–${rule.maxMonths} måneder`} (D-2, TG-6).`
      : `Et nyt ressourceforløb kan ikke bevilges: ${rule.findings[0]?.message ?? "reglerne tillader det ikke"} (TG-10).`
    : null;

  const nextStepForm =
    f && running ? (
      <EndingNextStepForm
        version={f.version}
        values={formOf("nextStep")?.values ?? d.defaults.next ?? null}
        errors={formOf("nextStep")?.errors ?? {}}
        asOf={o.asOf}
        presentTo={presentTo}
        newForloebNote={newForloebNote}
      />
    ) : null;
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Afslutning" />
      {d.saved && !a ? <Alert kind="success" heading={SAVED[d.saved] ?? "Gemt."} /> : null}
      {a?.conflict ? (
        <Alert kind="error" heading="Ikke gemt: forløbet er ændret, mens du arbejdede">
          <p>
            En anden har ændret forløbet, efter du åbnede siden. Se oplysningerne igennem nedenfor. Dine indtastninger
            står stadig i formularen; gem igen, hvis de stadig skal gælde.
          </p>
        </Alert>
      ) : null}
      {a?.message ? <Alert kind="error" heading={a.message} /> : null}
      {a?.refusal ? (
        <div className="alert alert-error" role="alert" aria-labelledby="refusal-heading">
          <div className="alert-body stack">
            <p className="alert-heading" id="refusal-heading">
              Ikke gemt ({a.refusal.ruleId})
            </p>
            <p className="alert-text">{a.refusal.message}</p>
            {a.refusal.explanation ? (
              <WhyPanel explanation={a.refusal.explanation} label={`Hvorfor? Reglen ${a.refusal.ruleId}`} />
            ) : null}
          </div>
        </div>
      ) : null}
      <EndingBanner caseId={d.caseId} phase={phase} link={false} />

      <section className="stack" id="afslutning" aria-labelledby="forloeb-heading">
        <h2 id="forloeb-heading">Forløbet</h2>
        {!f || !phase ? (
          <Alert kind="info" heading="Sagen har ikke et bevilget ressourceforløb">
            <p>Afslutning, næste skridt og status efter forløbet registreres, når et forløb er bevilget.</p>
          </Alert>
        ) : (
          <>
            <dl className="summary-list">
              <dt>Status</dt>
              <dd>
                <strong>
                  {phase.status === "ended" && !f.endedOn
                    ? "Næste skridt er besluttet – registrér udfaldet (E-1)"
                    : FORLOEB_STATUS_LABELS[phase.status]}
                </strong>
              </dd>
              <dt>Første dag</dt>
              <dd>{formatIsoDate(f.startDate)}</dd>
              <dt>Sidste dag efter afgørelsen</dt>
              <dd>
                {formatIsoDate(f.plannedEnd)} <span className="muted">(afgørelse {formatIsoDate(f.decidedOn)})</span>
              </dd>
              <dt>Slutdato efter barsel (D-4)</dt>
              <dd>
                {formatIsoDate(phase.effectiveEnd)}
                {phase.barselDays > 0 ? ` – rykket ${phase.barselDays} dage på grund af barsel` : " – ingen barsel"}
              </dd>
              {running ? (
                <>
                  <dt>Næste skridt besluttes senest (D-6)</dt>
                  <dd>{formatIsoDate(phase.decideBy)}</dd>
                  <dt>Forelægges {presentTo} senest</dt>
                  <dd>
                    {formatIsoDate(phase.presentBy)}{" "}
                    <span className="muted">(kun nyt forløb, fleksjob og førtidspension)</span>
                  </dd>
                </>
              ) : null}
            </dl>
            <EndingDeadlines items={o.deadlines} caption="Frist for næste skridt" />
            {o.deadlines.length === 0 && f.nextStepDecidedOn ? (
              <p>Næste skridt blev besluttet {formatIsoDate(f.nextStepDecidedOn)}; fristen (D-6) er opfyldt.</p>
            ) : null}
            <WhyPanel explanation={phase.explanation} label="Hvorfor? Slutdato og status" />
          </>
        )}
      </section>

      {f && phase && (running || ns) ? (
        <section className="stack" aria-labelledby="next-heading">
          <h2 id="next-heading">Næste skridt (D-6)</h2>
          <p className="muted">
            Inden slutdatoen beslutter kommunen, hvad der skal ske bagefter (LAB § 113, stk. 2; skrivelse 10112 §6.7).
            Et nyt forløb, fleksjob og førtidspension kræver {presentTo}s indstilling, så sagen skal forelægges i god
            tid. Forløbet og ydelsen fortsætter, indtil næste skridt er besluttet (D-5).
          </p>
          {ns ? (
            <dl className="summary-list">
              <dt>Næste skridt</dt>
              <dd>{nextStepLabel(ns.step)}</dd>
              <dt>Status</dt>
              <dd>
                {ns.decidedOn
                  ? `Besluttet ${formatIsoDate(ns.decidedOn)}`
                  : isTeamStep(ns.step)
                    ? `Skal forelægges ${presentTo} senest ${formatIsoDate(phase.presentBy)} – afgørelsen er ikke truffet`
                    : "Ikke besluttet"}
              </dd>
              <dt>Begrundelse</dt>
              <dd className="ending-pre">{ns.note}</dd>
              {o.newCase ? (
                <>
                  <dt>Ny sag om nyt forløb</dt>
                  <dd>
                    <Link to={`/sager/${o.newCase.id}`}>Åbn den nye sag</Link> ({o.newCase.statusLabel}).{" "}
                    {o.newCase.status === "visitation" ? (
                      <Link to={`/sager/${o.newCase.id}/visitation`}>
                        Opdatér visitationen og send sagen til teamet
                      </Link>
                    ) : null}
                  </dd>
                </>
              ) : null}
              <dt>Registreret</dt>
              <dd>
                {formatIsoDate(ns.chosenOn)} af {ns.by}
              </dd>
            </dl>
          ) : (
            <p>Næste skridt er ikke registreret.</p>
          )}
          {facts.e2 ? (
            <>
              <p>
                <strong>Kontanthjælp (E-2):</strong> {E2_PATHS[facts.e2.path]}. {facts.e2.reason}
              </p>
              {facts.e2.findings
                .filter((x) => x.severity === "warning")
                .map((x, i) => (
                  <Alert key={i} kind="warning" heading={`${x.ruleId}: ${x.message}`}>
                    <p className="muted">Hjemmel: {x.basis}</p>
                  </Alert>
                ))}
            </>
          ) : null}
          {running && o.canWrite ? (
            ns ? (
              <details className="ending-details" open={formOf("nextStep") ? true : undefined}>
                <summary>{ns.decidedOn ? "Ret næste skridt" : "Ret næste skridt, eller registrér afgørelsen"}</summary>
                {nextStepForm}
              </details>
            ) : (
              nextStepForm
            )
          ) : null}
          {rule && running ? (
            <WhyPanel explanation={rule.explanation} label="Hvorfor? Reglerne om et nyt forløb" />
          ) : null}
        </section>
      ) : null}

      {f && phase && running && o.canDecide ? (
        <>
          <section className="stack" aria-labelledby="end-heading">
            <h2 id="end-heading">Afslut forløbet (E-1)</h2>
            <p className="muted">
              Udfaldet registreres fra den faste liste (E-1). Efter slutdatoen kan forløbet kun afsluttes, når næste
              skridt er besluttet (D-5). Overgang til kontanthjælp kræver en af de to betingelser i E-2.
            </p>
            <details
              className="ending-details"
              open={formOf("end") || f.nextStepDecidedOn || phase.status === "ended" ? true : undefined}
            >
              <summary>
                {f.nextStepDecidedOn
                  ? "Afslut forløbet med udfaldet"
                  : "Åbn formularen, hvis forløbet slutter før tid (fx job, flytning eller dødsfald)"}
              </summary>
              <EndingEndForm
                version={f.version}
                values={formOf("end")?.values ?? d.defaults.end ?? null}
                errors={formOf("end")?.errors ?? {}}
                asOf={o.asOf}
                effectiveEnd={phase.effectiveEnd}
              />
            </details>
          </section>
          <section className="stack" aria-labelledby="e4-heading">
            <h2 id="e4-heading">Ophør på grund af manglende medvirken (E-4)</h2>
            <p className="muted">
              Indsatsen og ydelsen hænger sammen. Medvirker borgeren ikke, kan kommunen i én afgørelse lade både
              forløbet og ressourceforløbsydelsen ophøre (skrivelse 10112 §8). Først skal alle rimelige muligheder for
              personlig kontakt være udtømt, og det skal vurderes, om der er en rimelig grund (§6.6). Borgeren får et
              brev med klagevejledning.
            </p>
            {o.p6Refusal ? (
              <Alert kind="warning" heading="Du kan ikke træffe afgørelsen (P-6)">
                <p>{o.p6Refusal}</p>
              </Alert>
            ) : (
              <details className="ending-details" open={formOf("lackOfParticipation") ? true : undefined}>
                <summary>Åbn formularen til afgørelse om ophør</summary>
                <EndingLackOfParticipationForm
                  version={f.version}
                  values={formOf("lackOfParticipation")?.values ?? null}
                  errors={formOf("lackOfParticipation")?.errors ?? {}}
                  asOf={o.asOf}
                />
              </details>
            )}
          </section>
        </>
      ) : null}

      {f?.endedOn && facts.ending ? (
        <section className="stack" aria-labelledby="ended-heading">
          <h2 id="ended-heading">Afslutningen</h2>
          <dl className="summary-list">
            <dt>Udfald (E-1)</dt>
            <dd>{OUTCOMES[facts.ending.outcome as Outcome] ?? facts.ending.outcome}</dd>
            <dt>Sluttede</dt>
            <dd>
              {formatIsoDate(facts.ending.endedOn)}
              {facts.ending.early ? " – før slutdatoen" : ""}
            </dd>
            {facts.ending.earlyGround ? (
              <>
                <dt>Grund</dt>
                <dd>{EARLY_GROUNDS[facts.ending.earlyGround as EarlyGround]}</dd>
              </>
            ) : null}
            <dt>Begrundelse</dt>
            <dd className="ending-pre">{facts.ending.reasons}</dd>
            <dt>Registreret</dt>
            <dd>
              {formatIsoDate(facts.ending.recordedOn)} af {facts.ending.by}
            </dd>
            {o.letter ? (
              <>
                <dt>Afgørelse og brev (E-4)</dt>
                <dd>
                  <a href={`/breve/${o.letter.id}`}>Åbn brevet (PDF)</a>{" "}
                  <span className="muted">
                    {o.letter.status === "sent" && o.letter.sentAt
                      ? `Sendt ${formatDateTime(o.letter.sentAt)}`
                      : o.letter.status === "failed"
                        ? "Afsendelsen mislykkedes"
                        : "Venter på afsendelse"}
                  </span>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {f?.endedOn ? (
        <section className="stack" aria-labelledby="st7-heading">
          <h2 id="st7-heading">Status 3 måneder efter (ST-7)</h2>
          {f.statusAfter3Months ? (
            <p>
              Registreret: <strong>{STATUS_AFTER_3_MONTHS[f.statusAfter3Months as StatusAfter3Months]}</strong>
              {facts.statusAfter3Months ? ` (${formatIsoDate(facts.statusAfter3Months.recordedOn)})` : ""}.
            </p>
          ) : null}
          {o.statusAfter3MonthsFrom && o.asOf >= o.statusAfter3MonthsFrom ? (
            o.canWrite ? (
              <EndingStatusAfterForm
                version={f.version}
                values={formOf("statusAfter3Months")?.values ?? null}
                errors={formOf("statusAfter3Months")?.errors ?? {}}
                current={f.statusAfter3Months}
              />
            ) : null
          ) : (
            <p>
              Borgerens status kan registreres fra {formatIsoDate(o.statusAfter3MonthsFrom)}, 3 måneder efter
              afslutningen.
            </p>
          )}
        </section>
      ) : null}

      {facts.movedIn ? <MovedIn m={facts.movedIn} /> : null}

      {d.canMove ? (
        <section className="stack" id="flytning" aria-labelledby="move-heading">
          <h2 id="move-heading">Flytning til en anden kommune (P-8)</h2>
          <p>
            Flytter borgeren, følger rehabiliteringsplanen med til den nye kommune, som kan justere den (LAS § 68, stk.
            8; skrivelse 10112 §4.7). Hent hele sagen som fil og send den sikkert til den nye kommune, som indlæser den
            under <em>Modtag sag</em> i menuen. Filen indeholder borgerens CPR-nummer; hentningen logges.
          </p>
          <ul className="ending-links">
            <li>
              <a href={`/sager/${d.caseId}/eksport.json`} download>
                Hent sagen som fil (JSON, til den nye kommunes system)
              </a>
            </li>
            <li>
              <a href={`/sager/${d.caseId}/eksport.pdf`}>Hent resumé af sagen (PDF)</a>
            </li>
          </ul>
          {running ? (
            <p className="muted">
              Når sagen er sendt, afsluttes forløbet her med udfaldet “{OUTCOMES.moved}” (E-1). Den nye kommune
              fortsætter forløbet med de samme datoer.
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
