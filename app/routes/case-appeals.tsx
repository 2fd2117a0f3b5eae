import { redirect } from "react-router";
import type { Route } from "./+types/case-appeals";
import { AppealHistory, AppealRegisterForm, type AppealValues } from "~/app/components/AppealForms";
import { CaseHeader } from "~/app/components/CaseHeader";
import { EndingDeadlines } from "~/app/components/EndingDeadlines";
import { Alert } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formToTree } from "~/app/lib/form-data";
import { formatIsoDate } from "~/app/lib/format";
import { readCase } from "~/modules/cases/index.server";
import {
  appealsOverview,
  reassessAppeal,
  recordAppealOutcome,
  registerAppeal,
  type AppealResult,
} from "~/modules/klager/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "appeals");
  // Another municipality's case is answered exactly like one that does not exist.
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const o = await appealsOverview(ctx, view);
  const url = new URL(request.url);
  return {
    header: caseHeader(view),
    caseId: view.case.id,
    ...o,
    deadlines: o.appeals
      .filter((a) => a.deadline)
      .map((a) => ({
        id: a.id,
        title: `Genvurdering af klage: ${a.subject}`,
        dueDate: a.deadline!.dueDate,
        metOn: a.deadline!.metOn,
        status: a.deadline!.status,
        ruleId: "A-2",
        explanation: a.deadline!.explanation,
      })),
    saved: url.searchParams.get("gemt"),
    late: url.searchParams.has("sen"),
  };
}

type Intent = "register" | "reassess" | "outcome";

/** The fields in the order of the forms, so the error summary reads top to bottom. */
const FIELD_ORDER = [
  "target",
  "decisionReceivedOn",
  "receivedOn",
  "reassessedOn",
  "result",
  "forwardedOn",
  "outcome",
  "outcomeOn",
  "note",
];
const rank = (k: string) => FIELD_ORDER.indexOf(k.split(".")[0]!) + 1 || FIELD_ORDER.length + 1;

interface ActionData {
  intent: Intent;
  appealId: string | null;
  values: AppealValues;
  errors: Record<string, string>;
  message: string | null;
  conflict: boolean;
}

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const view = await readCase(ctx, params.caseId, "appeals");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const intent = String(form.get("intent") ?? "") as Intent;
  const appealId = typeof form.get("appealId") === "string" ? String(form.get("appealId")) : null;
  const prefix = intent === "register" ? "reg" : intent === "reassess" ? `re-${appealId}` : `out-${appealId}`;
  const values = formToTree(form, prefix) as AppealValues;
  let r: AppealResult;
  if (intent === "register") r = await registerAppeal(ctx, view.access, values);
  else if (intent === "reassess" && appealId) r = await reassessAppeal(ctx, view.access, appealId, values);
  else if (intent === "outcome" && appealId) r = await recordAppealOutcome(ctx, view.access, appealId, values);
  else throw new Response("Ukendt handling", { status: 400 });
  if (r.ok) {
    const late = intent === "register" && r.timing.lodgedLate ? "&sen=1" : "";
    throw redirect(`/sager/${params.caseId}/klager?gemt=${intent}${late}#klage-${r.id}`);
  }
  const base = { intent, appealId, values, errors: {}, message: null, conflict: false };
  switch (r.reason) {
    case "NOT_FOUND":
      throw new Response("Ikke fundet", { status: 404 });
    case "INVALID":
      return {
        ...base,
        errors: Object.fromEntries(
          Object.entries(r.errors)
            .sort(([x], [y]) => rank(x) - rank(y))
            .map(([k, v]) => [`${prefix}.${k}`, v]),
        ),
      };
    case "CONFLICT":
      return { ...base, conflict: true };
    case "WRONG_STATUS":
      return { ...base, message: r.message };
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Klager – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

const SAVED: Record<string, string> = {
  register: "Klagen er registreret. Fristen for genvurderingen (A-2) er beregnet.",
  reassess: "Genvurderingen er gemt.",
  outcome: "Ankestyrelsens afgørelse er gemt.",
};

export default function CaseAppeals({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const targets = {
    decisions: d.decisions.map((x) => ({
      value: `afgoerelse:${x.id}`,
      label: `Afgørelse af ${formatIsoDate(x.decidedOn)}: ${x.label}`,
    })),
    interventions: d.interventions.map((i) => ({ value: `intervention:${i.id}`, label: `Indsats: ${i.title}` })),
  };
  const history = (appeal: (typeof d.appeals)[number]) => (
    <div id={`klage-${appeal.id}`} key={appeal.id}>
      <AppealHistory
        appeal={appeal}
        canWrite={d.canWrite}
        canReassess={d.canReassess}
        values={a && a.appealId === appeal.id ? a.values : null}
        errors={a && a.appealId === appeal.id ? a.errors : {}}
        open={Boolean(a && a.appealId === appeal.id)}
      />
    </div>
  );
  const withAppeals = d.interventions.filter((i) => i.appeals.length > 0);
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Klager" />
      {d.saved && !a ? (
        <Alert kind={d.late ? "warning" : "success"} heading={SAVED[d.saved] ?? "Gemt."}>
          {d.late ? (
            <p>Klagen er modtaget efter klagefristen på 4 uger (A-1). Den er registreret og markeret.</p>
          ) : null}
        </Alert>
      ) : null}
      {a?.conflict ? (
        <Alert kind="error" heading="Ikke gemt: klagen er ændret, mens du arbejdede">
          <p>Se klagen igennem nedenfor. Dine indtastninger står stadig i formularen; gem igen, hvis de skal gælde.</p>
        </Alert>
      ) : null}
      {a?.message ? <Alert kind="error" heading={a.message} /> : null}

      <section className="stack" id="klager" aria-labelledby="appeals-heading">
        <h2 id="appeals-heading">Klager over afgørelser og indsatser</h2>
        <p className="muted">
          Borgeren klager gennem kommunen inden 4 uger efter at have modtaget afgørelsen (A-1). Kommunen genvurderer
          afgørelsen inden 4 uger efter at have modtaget klagen; fastholdes den helt eller delvis, sendes klagen inden
          for samme frist til Ankestyrelsen (A-2). Ankestyrelsens afgørelse registreres (A-3). Hjemmel:
          retssikkerhedsloven §§ 66-67 (ikke verificeret) og LAB § 204.
        </p>
        <EndingDeadlines items={d.deadlines} caption="Frister for genvurdering (A-2)" />
        {d.canWrite ? (
          targets.decisions.length + targets.interventions.length > 0 ? (
            <AppealRegisterForm
              key={`register-${d.appeals.length}`}
              targets={targets}
              values={a?.intent === "register" ? a.values : null}
              errors={a?.intent === "register" ? a.errors : {}}
              asOf={d.asOf}
            />
          ) : (
            <p>Der er ingen afgørelser eller indsatser i sagen at klage over endnu.</p>
          )
        ) : null}
      </section>

      <section className="stack" aria-labelledby="decisions-heading">
        <h2 id="decisions-heading">Afgørelsernes historik</h2>
        {d.decisions.length === 0 ? <p className="muted">Der er ikke truffet afgørelser i sagen.</p> : null}
        {d.decisions.map((x) => (
          <section key={x.id} className="stack appeal-decision" aria-labelledby={`decision-${x.id}`}>
            <h3 id={`decision-${x.id}`}>
              {x.label}, {formatIsoDate(x.decidedOn)}
            </h3>
            <p>
              {x.startDate ? `Periode ${formatIsoDate(x.startDate)} – ${formatIsoDate(x.endDate)}. ` : ""}
              {x.kind === "ending" && x.endDate ? `Sidste dag ${formatIsoDate(x.endDate)}. ` : ""}
              Truffet af {x.decidedBy ?? "–"}.{" "}
              {x.letterId ? <a href={`/breve/${x.letterId}`}>Åbn afgørelsesbrevet (PDF)</a> : null}
            </p>
            {x.appeals.length === 0 ? <p className="muted">Ingen klager.</p> : x.appeals.map(history)}
          </section>
        ))}
      </section>

      {withAppeals.length > 0 ? (
        <section className="stack" aria-labelledby="interventions-heading">
          <h2 id="interventions-heading">Klager over indsatser</h2>
          {withAppeals.map((i) => (
            <section key={i.id} className="stack appeal-decision" aria-labelledby={`intervention-${i.id}`}>
              <h3 id={`intervention-${i.id}`}>
                {i.title}
                {i.startDate ? `, start ${formatIsoDate(i.startDate)}` : ""}
              </h3>
              {i.appeals.map(history)}
            </section>
          ))}
        </section>
      ) : null}
    </div>
  );
}
