import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/case-decision";
import { CaseHeader } from "~/app/components/CaseHeader";
import { CsrfInput } from "~/app/components/CsrfInput";
import { DecisionForm, type DecisionFormValues } from "~/app/components/DecisionForm";
import { DecisionHistory, DecisionSummary, LetterStatus } from "~/app/components/DecisionHistory";
import { DecisionIndstilling } from "~/app/components/DecisionIndstilling";
import { Alert } from "~/app/components/fields";
import { WhyPanel } from "~/app/components/WhyPanel";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatIsoDate } from "~/app/lib/format";
import type { Explanation } from "~/legislation";
import { decide, decisionOverview, sendBackToTeam } from "~/modules/afgoerelser/index.server";
import { readCase } from "~/modules/cases/index.server";

const DECIDED = ["granted", "refused", "notConsidered"];

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "decision");
  // Another municipality's case is answered exactly like one that does not exist.
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const overview = await decisionOverview(ctx, view);
  const c = view.case;
  const tg9 = o(c.judgement.tg9);
  const ind = overview.indstilling;
  const url = new URL(request.url);
  const defaults: DecisionFormValues = {
    kind:
      overview.kinds.length === 1
        ? overview.kinds[0]!
        : ind && ind.recommendation !== "ressourceforloeb"
          ? "refusal"
          : "grant",
    startDate: "",
    months: ind?.recommendedMonths ? String(ind.recommendedMonths) : "",
    endDate: "",
    citizenWished: c.citizenWishesForloeb,
    grounds: [],
    reasons: "",
    answerToApplication: typeof tg9.reasoningAnswersRequest === "string" ? tg9.reasoningAnswersRequest : "",
    allFormsOfHelpAssessed: tg9.allFormsOfHelpAssessed === true,
  };
  return {
    header: caseHeader(view),
    caseId: c.id,
    version: c.version,
    status: c.status,
    asOf: view.asOf,
    application: c.origin === "application" ? { receivedOn: c.applicationReceivedOn, text: c.applicationText } : null,
    coordinator: view.coordinator ? { name: view.coordinator.name, unit: view.coordinator.unit } : null,
    defaults,
    ...overview,
    decided: url.searchParams.get("truffet"),
    sentBack: url.searchParams.has("tilbage"),
  };
}

function valuesFromForm(form: FormData): DecisionFormValues {
  return {
    kind: str(form.get("kind")),
    startDate: str(form.get("startDate")).trim(),
    months: str(form.get("months")).trim(),
    endDate: str(form.get("endDate")).trim(),
    citizenWished: form.get("citizenWished") === "true",
    grounds: form.getAll("grounds[]").map(String),
    reasons: str(form.get("reasons")),
    answerToApplication: str(form.get("answerToApplication")),
    allFormsOfHelpAssessed: form.get("allFormsOfHelpAssessed") === "true",
  };
}

type ActionData =
  | {
      kind: "invalid";
      values: DecisionFormValues;
      errors: Record<string, string>;
      explanation: Explanation | null;
      version: number;
    }
  | {
      kind: "blocked";
      values: DecisionFormValues;
      message: string;
      explanation: Explanation;
      version: number;
      proposal: string;
    }
  | { kind: "refused"; values: DecisionFormValues; message: string; version: number }
  | { kind: "conflict"; values: DecisionFormValues | null; version: number };

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "decision.make");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "decision");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const version = Number(form.get("version"));

  if (form.get("intent") === "backToTeam") {
    const r = await sendBackToTeam(ctx, view.access, {
      version: form.get("version"),
      proposal: str(form.get("proposal")),
    });
    if (r.ok) throw redirect(`/sager/${params.caseId}/afgoerelse?tilbage=1`);
    if (r.reason === "NOT_FOUND") throw new Response("Ikke fundet", { status: 404 });
    if (r.reason === "CONFLICT") return { kind: "conflict", values: null, version: r.version };
    const message = r.reason === "WRONG_STATUS" ? r.message : "Sagen kunne ikke sendes tilbage til teamet.";
    return { kind: "refused", values: valuesFromForm(form), message, version };
  }

  const values = valuesFromForm(form);
  const r = await decide(ctx, view.access, { ...values, version: form.get("version"), grounds: values.grounds });
  if (r.ok) throw redirect(`/sager/${params.caseId}/afgoerelse?truffet=${r.id}`);
  switch (r.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INVALID":
      return { kind: "invalid", values, errors: r.errors, explanation: r.explanation, version };
    case "BLOCKED": {
      const months = values.months
        ? `${values.months} måneder`
        : values.endDate
          ? `til ${formatIsoDate(values.endDate)}`
          : "";
      const proposal =
        values.kind === "grant"
          ? `Kommunen vil bevilge ressourceforløb ${months} fra ${formatIsoDate(values.startDate)}. ${values.reasons}`.trim()
          : `Kommunen vil give afslag på ressourceforløb. ${values.reasons}`.trim();
      return { kind: "blocked", values, message: r.message, explanation: r.explanation, version, proposal };
    }
    case "NOT_ALLOWED":
    case "WRONG_STATUS":
      return { kind: "refused", values, message: r.message, version };
    case "CONFLICT":
      return { kind: "conflict", values, version: r.version };
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Afgørelse – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

function SendBackForm({ version, proposal, primary }: { version: number; proposal: string; primary: boolean }) {
  return (
    <Form method="post" className="stack">
      <CsrfInput />
      <input type="hidden" name="intent" value="backToTeam" />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="proposal" value={proposal} />
      <button type="submit" className={`button ${primary ? "button-primary" : "button-secondary"}`}>
        Send sagen tilbage til rehabiliteringsteamet (P-3)
      </button>
    </Form>
  );
}

export default function CaseDecision({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const values = a?.values ?? d.defaults;
  const errors = a?.kind === "invalid" ? a.errors : {};
  // After a conflict the form builds on the version saved now; otherwise on the version the user started from.
  const version = a ? a.version : d.version;
  const decidedNow = d.decided ? d.decisions.find((x) => x.id === d.decided) : undefined;
  const latest = d.decisions.at(-1);
  const formShown = d.canDecide && d.kinds.length > 0 && !d.p6Refusal;
  const nf = d.preview.value;
  const showRules = d.kinds.includes("grant");
  const checked = a && (a.kind === "invalid" || a.kind === "blocked") ? a.explanation : null;
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Afgørelse" />

      {decidedNow && !a ? (
        <Alert kind="success" heading="Afgørelsen er truffet, og brevet ligger i udbakken">
          <p>
            Brevet sendes til borgeren via udbakken. <LetterStatus letter={decidedNow.letter} />
          </p>
          {decidedNow.kind === "grant" ? (
            <p>
              Næste skridt:{" "}
              <Link to={`/sager/${d.caseId}/plan`}>udarbejd rehabiliteringsplanens indsatsdel sammen med borgeren</Link>
              .
            </p>
          ) : null}
        </Alert>
      ) : null}
      {d.sentBack && !a ? (
        <Alert kind="success" heading="Sagen er sendt tilbage til rehabiliteringsteamet (P-3)">
          <p>
            Sæt sagen på <Link to="/team">rehabiliteringsteamets dagsorden</Link> med formålet “Forelagt igen før
            afgørelsen”. Afgørelsen kan træffes, når teamet har givet en ny indstilling.
          </p>
        </Alert>
      ) : null}
      {a?.kind === "conflict" ? (
        <Alert kind="error" heading="Afgørelsen er ikke truffet: sagen er ændret, mens du arbejdede">
          <p>
            En anden har ændret sagen, efter du åbnede siden. Se sagen igennem nedenfor (status og indstilling kan være
            ændret). Dine indtastninger står stadig i formularen; send igen, hvis afgørelsen stadig skal træffes.
          </p>
        </Alert>
      ) : null}
      {a?.kind === "refused" ? <Alert kind="error" heading={a.message} /> : null}

      {(d.kinds.length === 0 || !d.canDecide) && !DECIDED.includes(d.status) && !(d.sentBack && !a) ? (
        <Alert kind="info" heading={d.statusMessage} />
      ) : null}
      {d.p6Refusal && d.kinds.length > 0 ? (
        <Alert kind="warning" heading="Du kan ikke træffe afgørelsen (P-6)">
          <p>{d.p6Refusal}</p>
          <p>En medarbejder i jobcentret skal træffe og underskrive afgørelsen.</p>
        </Alert>
      ) : null}

      {a?.kind === "blocked" ? (
        <div className="alert alert-warning" role="alert" aria-labelledby="p3-heading">
          <div className="alert-body stack">
            <h2 className="alert-heading h3" id="p3-heading">
              Afgørelsen afventer rehabiliteringsteamet (P-3)
            </h2>
            <p className="alert-text">{a.message}</p>
            <p className="alert-text">
              Sender du sagen tilbage, får den status “Tilbage til teamet før afgørelse”. Når teamet har revurderet
              sagen og givet en ny indstilling, kan du træffe afgørelsen – også selv om den afviger.
            </p>
            <SendBackForm version={version} proposal={a.proposal} primary />
          </div>
        </div>
      ) : null}

      {latest && !formShown ? (
        <section aria-labelledby="latest-heading" className="stack">
          <h2 id="latest-heading">Afgørelsen</h2>
          <DecisionSummary decision={latest} />
        </section>
      ) : null}

      {d.status !== "visitation" || d.indstilling ? (
        <section aria-labelledby="indstilling-heading" className="stack">
          <h2 id="indstilling-heading">Rehabiliteringsteamets indstilling</h2>
          <DecisionIndstilling indstilling={d.indstilling} daysSince={d.daysSinceIndstilling} />
        </section>
      ) : null}

      {showRules ? (
        <section aria-labelledby="rules-heading" className="stack">
          <h2 id="rules-heading">Reglerne om et nyt ressourceforløb</h2>
          <p className="muted">
            Beregnet for et forløb, der begynder i dag ({formatIsoDate(d.asOf)}). Din afgørelse kontrolleres med de
            datoer, du vælger.
          </p>
          <dl className="summary-list">
            <dt>Kan bevilges</dt>
            <dd>{nf.allowed ? "Ja" : "Nej"}</dd>
            <dt>Varighed</dt>
            <dd>
              {nf.allowed
                ? nf.requiresCitizenWish
                  ? `Kun hvis borgeren selv ønsker det: ${nf.minMonths}–${nf.maxMonthsWithWish} måneder`
                  : `${nf.minMonths}–${nf.maxMonths} måneder${nf.maxMonthsWithWish > nf.maxMonths ? ` (op til ${nf.maxMonthsWithWish}, hvis borgeren selv ønsker det)` : ""}`
                : "–"}
            </dd>
          </dl>
          {nf.findings.map((f, i) => (
            <Alert key={i} kind={nf.allowed ? "info" : "warning"} heading={`${f.ruleId}: ${f.message}`}>
              <p className="muted">Hjemmel: {f.basis}</p>
            </Alert>
          ))}
          <WhyPanel explanation={d.preview.explanation} label="Hvorfor? Reglerne om et nyt forløb" />
        </section>
      ) : null}

      {checked ? (
        <section aria-labelledby="checked-heading" className="stack">
          <h2 id="checked-heading">Regeltjek af din afgørelse</h2>
          <p className="muted">Åbn reglerne for at se, hvilke oplysninger og regelværdier der er brugt.</p>
          <WhyPanel explanation={checked} label="Hvorfor? Regeltjek af afgørelsen" />
        </section>
      ) : null}

      {formShown ? (
        <DecisionForm
          kinds={d.kinds}
          values={values}
          errors={errors}
          version={version}
          application={d.application}
          recommendedMonths={d.indstilling?.recommendedMonths ?? null}
        />
      ) : null}

      {formShown && d.status === "indstillingGiven" && a?.kind !== "blocked" ? (
        <section aria-labelledby="p3-section-heading" className="stack">
          <h2 id="p3-section-heading" className="h3">
            Vil kommunen ikke følge indstillingen?
          </h2>
          <p>
            Så skal sagen forelægges rehabiliteringsteamet igen, før der træffes afgørelse (P-3; skrivelse 10112 §5.2).
            Træffer du en afgørelse, der afviger, bliver du også bedt om det.
          </p>
          <SendBackForm version={version} proposal="" primary={false} />
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="stack">
        <h2 id="history-heading">Afgørelser i sagen</h2>
        <DecisionHistory decisions={d.decisions} />
      </section>
    </div>
  );
}
