import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/team-meeting";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, ErrorSummary } from "~/app/components/fields";
import { TeamAgendaTable } from "~/app/components/TeamAgendaTable";
import {
  MEETING_FIELD_LABELS,
  meetingFormValues,
  TeamMeetingForm,
  type MeetingFormValues,
} from "~/app/components/TeamMeetingForm";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formatIsoDate } from "~/app/lib/format";
import { CASE_STATUSES } from "~/modules/cases";
import {
  ageOn,
  danishLongDate,
  MEMBER_AREA_KEYS,
  MEMBER_AREAS,
  nextSlotStart,
  ruleBasis,
  UU_AGE_LIMIT,
  type TeamMember,
} from "~/modules/rehabiliteringsteam";
import {
  addToAgenda,
  listReadyCases,
  readMeeting,
  removeFromAgenda,
  sendInvitations,
  sendMinutesLetters,
  updateMeeting,
  updateSchedule,
  type MeetingRecord,
} from "~/modules/rehabiliteringsteam/index.server";
import { can } from "~/platform/auth/permissions";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "team.view");
  const ctx = useCase(context, actor);
  const view = await readMeeting(ctx, params.meetingId);
  // Another municipality's meeting, and for a team member a past meeting, are answered as "not found".
  if (!view) throw new Response("Ikke fundet", { status: 404 });
  const manage = can(actor, "team.manage");
  const ready = manage && view.meeting.status !== "held" ? await listReadyCases(ctx) : [];
  const url = new URL(request.url);
  return {
    view,
    manage,
    ready: ready.map((r) => ({
      caseId: r.id,
      citizenName: r.citizenName,
      age: ageOn(r.birthDate, view.meeting.meetingDate),
      status: r.status,
      readyForTeamAt: r.readyForTeamAt,
    })),
    nextSlot: nextSlotStart(view.meeting.startTime, view.agenda),
    message: url.searchParams.get("besked"),
    count: Number(url.searchParams.get("antal") ?? 0),
  };
}

function toFormValues(m: Pick<MeetingRecord, "meetingDate" | "startTime" | "place" | "members">): MeetingFormValues {
  return {
    meetingDate: m.meetingDate,
    startTime: m.startTime,
    place: m.place,
    members: m.members.map((x) => ({ area: x.area, name: x.name, title: x.title ?? "" })),
  };
}

const dayFormat = new Intl.DateTimeFormat("da-DK", { timeZone: "Europe/Copenhagen", dateStyle: "short" });
const formatDay = (d: Date | string) => dayFormat.format(new Date(d));

type Conflict = { label: string; saved: string; yours: string }[];

function conflictRows(saved: MeetingFormValues, yours: MeetingFormValues): Conflict {
  const rows: Conflict = [];
  for (const key of ["meetingDate", "startTime", "place"] as const) {
    if (saved[key] !== yours[key])
      rows.push({ label: MEETING_FIELD_LABELS[key]!, saved: saved[key], yours: yours[key] });
  }
  const list = (v: MeetingFormValues) => v.members.map((m) => `${m.name} (${m.area})`).join(", ");
  if (list(saved) !== list(yours)) rows.push({ label: "Medlemmer", saved: list(saved), yours: list(yours) });
  return rows;
}

type ActionData = {
  intent: string;
  errors: Record<string, string>;
  values?: MeetingFormValues;
  extraRows?: number;
  version?: number;
  conflict?: Conflict | null;
  notice?: string;
};

const STALE = "Mødet er ændret af en anden, efter du åbnede siden. Siden viser nu det gemte – se efter, og prøv igen.";

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "team.manage");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const intent = String(form.get("intent") ?? "");
  const id = params.meetingId;
  const meetingVersion = form.get("meetingVersion");
  const back = (besked: string, antal?: number) =>
    redirect(`/team/moeder/${id}?besked=${besked}${antal !== undefined ? `&antal=${antal}` : ""}`);
  const notFound = () => new Response("Ikke fundet", { status: 404 });

  switch (intent) {
    case "addMember":
      return {
        intent: "updateMeeting",
        errors: {},
        values: meetingFormValues(form),
        extraRows: 2,
        version: Number(form.get("version")),
      };
    case "updateMeeting": {
      const values = meetingFormValues(form);
      const r = await updateMeeting(ctx, id, Number(form.get("version")), values);
      if (r.ok) throw back(r.invitationsCleared > 0 ? "gemt-indkaldelser" : "gemt", r.invitationsCleared);
      if (r.reason === "NOT_FOUND") throw notFound();
      if (r.reason === "INVALID") return { intent, errors: r.errors, values, version: Number(form.get("version")) };
      return {
        intent,
        errors: {},
        values,
        version: r.current.version,
        conflict: conflictRows(toFormValues(r.current), values),
      };
    }
    case "addCase": {
      const r = await addToAgenda(ctx, id, {
        meetingVersion,
        caseId: form.get("caseId"),
        slotMinutes: form.get("slotMinutes") || undefined,
      });
      if (r.ok) throw back("tilfoejet");
      if (r.reason === "NOT_FOUND") throw notFound();
      if (r.reason === "INVALID") return { intent, errors: r.errors };
      return { intent, errors: {}, notice: r.reason === "CONFLICT" ? STALE : r.message };
    }
    case "removeCase": {
      const r = await removeFromAgenda(ctx, id, { meetingVersion, caseId: form.get("caseId") });
      if (r.ok) throw back("fjernet");
      if (r.reason === "NOT_FOUND") throw notFound();
      return {
        intent,
        errors: {},
        notice:
          r.reason === "CONFLICT"
            ? STALE
            : r.reason === "LOCKED"
              ? r.message
              : "Sagen kunne ikke tages af dagsordenen.",
      };
    }
    case "schedule": {
      const rows = Math.min(Number(form.get("itemRows") ?? 0), 100);
      const items = Array.from({ length: rows }, (_, i) => ({
        id: String(form.get(`items.${i}.id`) ?? ""),
        slotStart: String(form.get(`items.${i}.slotStart`) ?? ""),
        slotMinutes: String(form.get(`items.${i}.slotMinutes`) ?? ""),
      }));
      const r = await updateSchedule(ctx, id, { meetingVersion, sameLength: form.get("sameLength") ?? "", items });
      if (r.ok) throw back("tidsplan");
      if (r.reason === "NOT_FOUND") throw notFound();
      if (r.reason === "INVALID") return { intent, errors: r.errors };
      return { intent, errors: {}, notice: r.reason === "CONFLICT" ? STALE : r.message };
    }
    case "invite":
    case "inviteAll": {
      const r = await sendInvitations(ctx, id, {
        meetingVersion,
        caseId: intent === "invite" ? form.get("caseId") : undefined,
      });
      if (r.ok) throw back("indkaldt", r.sent);
      if (r.reason === "NOT_FOUND") throw notFound();
      return {
        intent,
        errors: {},
        notice:
          r.reason === "CONFLICT"
            ? STALE
            : r.reason === "LOCKED"
              ? r.message
              : "Alle borgere på dagsordenen har allerede fået en indkaldelse.",
      };
    }
    case "sendMinutes": {
      const r = await sendMinutesLetters(ctx, id, { meetingVersion });
      if (r.ok) throw back("referat", r.sent);
      if (r.reason === "NOT_FOUND") throw notFound();
      return {
        intent,
        errors: {},
        notice:
          r.reason === "CONFLICT"
            ? STALE
            : "Der er ingen nye indstillinger at sende. Registrér teamets indstilling i hver sag først.",
      };
    }
    default:
      throw new Response("Ukendt handling", { status: 400 });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Møde ${data ? formatIsoDate(data.view.meeting.meetingDate) : ""} – Rehabiliteringsteam – Ressourceforløb` },
];

const MESSAGES: Record<string, (n: number) => string> = {
  oprettet: () => "Mødet er oprettet. Sæt nu sagerne på dagsordenen.",
  gemt: () => "Mødet er gemt.",
  "gemt-indkaldelser": (n) =>
    `Mødet er gemt. ${n} ${n === 1 ? "indkaldelse" : "indkaldelser"} er nu forældet: send nye indkaldelser.`,
  tilfoejet: () => "Sagen er sat på dagsordenen.",
  fjernet: () =>
    "Sagen er taget af dagsordenen og venter igen på teamet. Giv borgeren besked, hvis vedkommende var indkaldt.",
  tidsplan: () => "Tidsplanen er gemt.",
  indkaldt: (n) => `${n} ${n === 1 ? "indkaldelse er sendt" : "indkaldelser er sendt"} (lagt i udbakken til borgerne).`,
  referat: (n) => `Referatet er sendt til ${n} ${n === 1 ? "borger" : "borgere"}, og mødet er markeret som afholdt.`,
};

function Members({ members }: { members: TeamMember[] }) {
  return (
    <ul>
      {MEMBER_AREA_KEYS.flatMap((area) =>
        members
          .filter((m) => m.area === area)
          .map((m, i) => (
            <li key={`${area}-${i}`}>
              <strong>{MEMBER_AREAS[area].label}:</strong> {m.name}
              {m.title ? `, ${m.title}` : ""}
            </li>
          )),
      )}
    </ul>
  );
}

export default function TeamMeeting({ loaderData, actionData }: Route.ComponentProps) {
  const { view, manage, ready } = loaderData;
  const m = view.meeting;
  const a = actionData as ActionData | undefined;
  const editErrors = a?.intent === "updateMeeting" ? a.errors : {};
  const editOpen = a?.intent === "updateMeeting";
  const held = m.status === "held";
  const unsent = view.agenda.filter((x) => !x.invitationLetterId).length;
  const toSend = view.agenda.filter((x) => x.indstilling && !x.minutesSentAt).length;
  const message = loaderData.message ? MESSAGES[loaderData.message]?.(loaderData.count) : null;
  return (
    <div className="stack">
      <Breadcrumbs
        items={[
          { label: "Forside", to: "/" },
          { label: "Rehabiliteringsteam", to: "/team" },
          { label: `Møde ${formatIsoDate(m.meetingDate)}` },
        ]}
      />
      {message ? <Alert kind="success" heading={message} /> : null}
      {a?.notice ? <Alert kind="error" heading={a.notice} /> : null}
      <div>
        <p className="muted case-kicker">
          Status: <strong>{held ? "Afholdt" : "Planlagt"}</strong>
        </p>
        <h1>Møde i rehabiliteringsteamet {danishLongDate(m.meetingDate)}</h1>
      </div>
      {view.warnings.teamAbolished ? (
        <Alert kind="warning" heading="Rehabiliteringsteamet er nedlagt på mødedagen (R2026)">
          <p>
            Efter de regler, systemet kender, findes rehabiliteringsteamet kun til{" "}
            {formatIsoDate(view.warnings.teamAbolished.from)}
            {view.warnings.teamAbolished.verified ? "" : " (datoen er ikke verificeret)"}. Derefter træder
            sundhedskoordinatorens rådgivning i stedet ved fleksjob og førtidspension.
          </p>
        </Alert>
      ) : null}
      {view.warnings.uu.length > 0 ? (
        <Alert kind="warning" heading="Overvej en repræsentant fra UU (P-2)">
          <p>
            {view.warnings.uu.map((u) => `${u.citizenName} (${u.age} år)`).join(", ")} er under {UU_AGE_LIMIT.belowAge}{" "}
            år, og der er ingen repræsentant fra Ungdommens Uddannelsesvejledning blandt medlemmerne. {ruleBasis("P-2")}
            .
          </p>
        </Alert>
      ) : null}
      {view.warnings.missingAreas.length > 0 ? (
        <Alert kind="warning" heading="Teamet er ikke fuldt sammensat (P-2)">
          <p>Der mangler en repræsentant for: {view.warnings.missingAreas.join(", ")}.</p>
        </Alert>
      ) : null}

      <section className="stack" aria-labelledby="meeting-heading">
        <h2 id="meeting-heading">Mødet</h2>
        <dl className="summary-list">
          <dt>Dato</dt>
          <dd>{danishLongDate(m.meetingDate)}</dd>
          <dt>Begynder</dt>
          <dd>kl. {m.startTime}</dd>
          <dt>Sted</dt>
          <dd>{m.place}</dd>
        </dl>
        <h3>Teamets medlemmer (P-2)</h3>
        <Members members={m.members} />
        {manage ? (
          <details className="team-details" open={editOpen || undefined}>
            <summary>Ret mødet</summary>
            <div className="stack">
              {a?.intent === "updateMeeting" && a.conflict ? (
                <Alert kind="error" heading="Dine ændringer er ikke gemt: en anden har ændret mødet imens">
                  <p>Sammenlign nedenfor. Dine indtastninger står stadig i formularen; gem igen, hvis de skal gælde.</p>
                  {a.conflict.length > 0 ? (
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
                        {a.conflict.map((c) => (
                          <tr key={c.label}>
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
              <p className="muted">
                Ændres dato, tidspunkt eller sted, bliver sendte indkaldelser forældede, og du skal sende nye.
              </p>
              <TeamMeetingForm
                values={a?.intent === "updateMeeting" && a.values ? a.values : toFormValues(m)}
                errors={editErrors}
                version={a?.intent === "updateMeeting" && a.version ? a.version : m.version}
                extraRows={a?.extraRows ?? 1}
                submitLabel="Gem mødet"
                cancelTo={`/team/moeder/${m.id}`}
                intent="updateMeeting"
              />
            </div>
          </details>
        ) : null}
      </section>

      <section className="stack" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Dagsorden</h2>
        {view.agenda.length === 0 ? (
          <p>Der er ingen sager på dagsordenen endnu.</p>
        ) : (
          <TeamAgendaTable
            meetingId={m.id}
            meetingVersion={m.version}
            agenda={view.agenda}
            manage={manage}
            held={held}
            invitationsClosed={m.meetingDate < view.asOf}
            scheduleErrors={a?.intent === "schedule" ? a.errors : {}}
          />
        )}
        {view.warnings.overlapping.length > 0 ? (
          <Alert kind="warning" heading="Tidsrum overlapper">
            <p>Tidsrummet for {view.warnings.overlapping.join(", ")} overlapper det forrige. Ret tidsplanen.</p>
          </Alert>
        ) : null}
        {manage && unsent > 0 && m.meetingDate >= view.asOf ? (
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="meetingVersion" value={m.version} />
            <button type="submit" name="intent" value="inviteAll" className="button button-primary">
              Send alle indkaldelser ({unsent})
            </button>
          </Form>
        ) : null}
      </section>

      {manage && !held ? (
        <section className="stack" aria-labelledby="add-heading">
          <h2 id="add-heading">Tilføj sag</h2>
          {a?.intent === "addCase" ? (
            <ErrorSummary errors={a.errors} labels={{ caseId: "Sag", slotMinutes: "Tid pr. sag" }} />
          ) : null}
          {ready.length === 0 ? (
            <p>Der er ingen sager, der venter på teamet. En sag kommer hertil, når visitationen er sendt til teamet.</p>
          ) : (
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="meetingVersion" value={m.version} />
              <input type="hidden" name="intent" value="addCase" />
              <p>
                Sager, der er klar til teamet ({ruleBasis("P-1")}) eller skal forelægges igen før afgørelse (
                {ruleBasis("P-3")}). Næste ledige tidsrum begynder kl. {loaderData.nextSlot}.
              </p>
              <div className={`form-group${a?.intent === "addCase" && a.errors.slotMinutes ? " form-error" : ""}`}>
                <label className="form-label" htmlFor="f-slotMinutes">
                  Tid pr. sag (minutter)
                </label>
                <span className="form-hint" id="f-slotMinutes-hint">
                  Standard er mødets rytme; hver sag kan rettes i tidsplanen bagefter.
                </span>
                <input
                  className="form-input input-width-xs"
                  id="f-slotMinutes"
                  name="slotMinutes"
                  inputMode="numeric"
                  defaultValue={view.defaultSlotMinutes}
                  aria-describedby="f-slotMinutes-hint"
                />
              </div>
              <div className="table--responsive-scroll" id="f-caseId">
                <table className="table table--compact">
                  <caption>Sager, der venter på teamet</caption>
                  <thead>
                    <tr>
                      <th scope="col">Borger</th>
                      <th scope="col">Alder på mødedagen</th>
                      <th scope="col">Status</th>
                      <th scope="col">Klar siden</th>
                      <th scope="col">
                        <span className="visually-hidden">Handling</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {ready.map((r) => (
                      <tr key={r.caseId}>
                        <td>{r.citizenName}</td>
                        <td>{r.age} år</td>
                        <td>{CASE_STATUSES[r.status as keyof typeof CASE_STATUSES] ?? r.status}</td>
                        <td>{r.readyForTeamAt ? formatDay(r.readyForTeamAt) : "–"}</td>
                        <td>
                          <button type="submit" name="caseId" value={r.caseId} className="button button-secondary">
                            Sæt på dagsordenen<span className="visually-hidden">: {r.citizenName}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Form>
          )}
        </section>
      ) : null}

      <section className="stack" aria-labelledby="minutes-heading">
        <h2 id="minutes-heading">Referat</h2>
        <p>
          Referatet har teamets medlemmer og for hver sag indstillingen, de anbefalede indsatser, varigheden,
          begrundelsen og om teamet ønsker at se sagen igen.
        </p>
        <p>
          <a href={`/team/moeder/${m.id}/referat.pdf`} className="button button-secondary">
            Hent referatet (PDF)
          </a>
        </p>
        {manage ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="meetingVersion" value={m.version} />
            <p className="muted">
              Hver borger får et brev med teamets indstilling i sin egen sag, og hvornår den koordinerende sagsbehandler
              senest holder møde med borgeren ({ruleBasis("P-5")}).
            </p>
            <div>
              <button
                type="submit"
                name="intent"
                value="sendMinutes"
                className="button button-primary"
                disabled={toSend === 0}
              >
                Send referat til borgerne ({toSend})
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      {manage ? (
        <p>
          <Link to="/team">Tilbage til alle møder</Link>
        </p>
      ) : null}
    </div>
  );
}
