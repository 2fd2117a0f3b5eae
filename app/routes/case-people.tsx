import { Form, redirect } from "react-router";
import type { Route } from "./+types/case-people";
import { CaseHeader } from "~/app/components/CaseHeader";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, ErrorSummary, SelectField, TextField } from "~/app/components/fields";
import { RadioGroup, TextArea } from "~/app/components/fields-extra";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatIsoDate } from "~/app/lib/format";
import { JOBFORMIDLER_ANSWERS, UNIT_KINDS, type UnitKind } from "~/modules/cases";
import { assignCoordinator, peopleOfCase, readCase, saveJobformidler } from "~/modules/cases/index.server";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const view = await readCase(useCase(context, actor), params.caseId, "people");
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const people = await peopleOfCase(context.db, view.access);
  return {
    header: caseHeader(view),
    asOf: view.asOf,
    coordinators: view.coordinators.map((c) => ({
      ...c,
      unitKindLabel: UNIT_KINDS[c.unitKind as UnitKind] ?? c.unitKind,
    })),
    staff: people.staff,
    jobformidler: people.jobformidler,
    saved: new URL(request.url).searchParams.get("gemt"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const text = (k: string) => String(form.get(k) ?? "");
  if (form.get("intent") === "coordinator") {
    const values = {
      userId: text("userId"),
      unit: text("unit"),
      unitKind: text("unitKind"),
      fromDate: text("fromDate"),
      citizenConsulted: form.get("citizenConsulted") === "true",
      reason: text("reason"),
    };
    const r = await assignCoordinator(ctx, params.caseId, values);
    if (r.ok) throw redirect(`/sager/${params.caseId}/personer?gemt=koordinator`);
    if (r.reason === "NOT_FOUND") throw new Response("Ikke fundet", { status: 404 });
    return {
      form: "coordinator" as const,
      errors: r.reason === "INVALID" ? r.errors : {},
      conflict: r.reason === "CONFLICT",
      values,
    };
  }
  const values = {
    version: text("version") || undefined,
    informedOn: text("informedOn"),
    answer: text("answer"),
    answeredOn: text("answeredOn"),
    name: text("name"),
    phone: text("phone"),
    email: text("email"),
    tasks: text("tasks"),
    agreements: text("agreements"),
    isMentor: form.get("isMentor") === "true",
  };
  const r = await saveJobformidler(ctx, params.caseId, values);
  if (r.ok) throw redirect(`/sager/${params.caseId}/personer?gemt=jobformidler`);
  if (r.reason === "NOT_FOUND") throw new Response("Ikke fundet", { status: 404 });
  return {
    form: "jobformidler" as const,
    errors: r.reason === "INVALID" ? r.errors : {},
    conflict: r.reason === "CONFLICT",
    values,
  };
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Personer – ${data?.header.citizenName ?? ""} – Ressourceforløb` },
];

export default function CasePeople({ loaderData, actionData }: Route.ComponentProps) {
  const d = loaderData;
  const cErr = actionData?.form === "coordinator" ? actionData.errors : {};
  const jErr = actionData?.form === "jobformidler" ? actionData.errors : {};
  const cv = actionData?.form === "coordinator" ? actionData.values : null;
  const jv = actionData?.form === "jobformidler" ? actionData.values : null;
  const jf = d.jobformidler;
  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Personer" />
      {d.saved ? <Alert kind="success" heading="Gemt." /> : null}
      {actionData?.conflict ? (
        <Alert kind="error" heading="Ikke gemt: en anden har ændret oplysningerne imens">
          Dine indtastninger står stadig i formularen. Gem igen, hvis de skal gælde.
        </Alert>
      ) : null}

      <section className="stack" aria-labelledby="coord-heading">
        <h2 id="coord-heading">Koordinerende sagsbehandler (P-6)</h2>
        <p className="muted">
          Der er altid præcis én. Borgeren bør inddrages, før en ny udpeges. En sagsbehandler fra en anden enhed end
          jobcentret kan ikke træffe afgørelser efter beskæftigelseslovgivningen.
        </p>
        <table className="table table--compact">
          <caption>Historik</caption>
          <thead>
            <tr>
              <th scope="col">Sagsbehandler</th>
              <th scope="col">Enhed</th>
              <th scope="col">Periode</th>
              <th scope="col">Borgeren inddraget</th>
              <th scope="col">Begrundelse</th>
            </tr>
          </thead>
          <tbody>
            {d.coordinators.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>
                  {c.unit} ({c.unitKindLabel})
                </td>
                <td>
                  {formatIsoDate(c.fromDate)} – {c.toDate ? formatIsoDate(c.toDate) : "nu"}
                </td>
                <td>{c.citizenConsulted ? "Ja" : "Nej"}</td>
                <td>{c.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Form method="post" noValidate className="stack">
          <h3>Skift koordinerende sagsbehandler</h3>
          <ErrorSummary errors={cErr} />
          <CsrfInput />
          <SelectField
            name="userId"
            label="Ny koordinerende sagsbehandler"
            options={d.staff.map((s) => ({ value: s.id, label: `${s.name}${s.unit ? `, ${s.unit}` : ""}` }))}
            defaultValue={cv?.userId}
            error={cErr.userId}
          />
          <TextField name="unit" label="Enhed" defaultValue={cv?.unit} error={cErr.unit} />
          <SelectField
            name="unitKind"
            label="Enhedens type"
            options={Object.entries(UNIT_KINDS).map(([value, label]) => ({ value, label }))}
            defaultValue={cv?.unitKind ?? "jobcenter"}
            error={cErr.unitKind}
          />
          <TextField
            name="fromDate"
            label="Fra dato"
            type="date"
            defaultValue={cv?.fromDate ?? d.asOf}
            error={cErr.fromDate}
            width="s"
          />
          <RadioGroup
            name="citizenConsulted"
            legend="Er borgeren inddraget inden skiftet?"
            options={[
              { value: "true", label: "Ja" },
              { value: "false", label: "Nej" },
            ]}
            value={cv ? String(cv.citizenConsulted) : "true"}
            error={cErr.citizenConsulted}
          />
          <TextArea
            name="reason"
            label="Begrundelse for skiftet"
            defaultValue={cv?.reason}
            error={cErr.reason}
            rows={2}
          />
          <div>
            <button type="submit" name="intent" value="coordinator" className="button button-secondary">
              Skift sagsbehandler
            </button>
          </div>
        </Form>
      </section>

      <section className="stack" aria-labelledby="jf-heading">
        <h2 id="jf-heading">Personlig jobformidler (P-7)</h2>
        <p className="muted">
          Borgeren har ret til en personlig jobformidler og skal vejledes om det. Borgeren får kun en, hvis borgeren
          ønsker det. Jobformidleren kan aldrig være den koordinerende sagsbehandler, men kan være mentor.
          Kontaktoplysninger, opgaver og aftaler vises i borgerens Min Plan.
        </p>
        <Form method="post" noValidate className="stack">
          <ErrorSummary errors={jErr} />
          <CsrfInput />
          {jf ? <input type="hidden" name="version" value={jf.version} /> : null}
          <TextField
            name="informedOn"
            label="Borgeren blev vejledt om retten den"
            type="date"
            defaultValue={jv?.informedOn ?? jf?.informedOn}
            error={jErr.informedOn}
            width="s"
          />
          <RadioGroup
            name="answer"
            legend="Borgerens svar"
            options={Object.entries(JOBFORMIDLER_ANSWERS).map(([value, label]) => ({ value, label }))}
            value={jv?.answer ?? jf?.answer ?? "undecided"}
            error={jErr.answer}
          />
          <TextField
            name="answeredOn"
            label="Svaret blev givet den"
            type="date"
            defaultValue={jv?.answeredOn ?? jf?.answeredOn}
            error={jErr.answeredOn}
            width="s"
          />
          <div className="field-row">
            <TextField name="name" label="Jobformidlerens navn" defaultValue={jv?.name ?? jf?.name} error={jErr.name} />
            <TextField
              name="phone"
              label="Telefon"
              type="tel"
              defaultValue={jv?.phone ?? jf?.phone}
              error={jErr.phone}
            />
            <TextField
              name="email"
              label="E-mail"
              type="email"
              defaultValue={jv?.email ?? jf?.email}
              error={jErr.email}
            />
          </div>
          <TextArea
            name="tasks"
            label="Jobformidlerens opgaver"
            defaultValue={jv?.tasks ?? jf?.tasks}
            error={jErr.tasks}
            rows={2}
          />
          <TextArea
            name="agreements"
            label="Aftaler mellem borgeren og jobformidleren"
            defaultValue={jv?.agreements ?? jf?.agreements}
            error={jErr.agreements}
            rows={2}
          />
          <RadioGroup
            name="isMentor"
            legend="Er jobformidleren også borgerens mentor?"
            options={[
              { value: "true", label: "Ja" },
              { value: "false", label: "Nej" },
            ]}
            value={jv ? String(jv.isMentor) : String(jf?.isMentor ?? false)}
          />
          <div>
            <button type="submit" name="intent" value="jobformidler" className="button button-secondary">
              Gem jobformidler
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
