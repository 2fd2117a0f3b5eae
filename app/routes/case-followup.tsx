import { useEffect } from "react";
import { Form, Link, redirect, useLocation } from "react-router";
import type { Route } from "./+types/case-followup";
import { CaseHeader } from "~/app/components/CaseHeader";
import { ConversationDeadlines } from "~/app/components/ConversationDeadlines";
import {
  Fu4Form,
  HeldForm,
  prefixed,
  readFu4Form,
  readHeldForm,
  readScheduleForm,
  ScheduleForm,
  type Fu4Values,
  type HeldValues,
  type ParticipantOptions,
  type ScheduleValues,
} from "~/app/components/ConversationForms";
import { ConversationCard, Findings, when, type ConversationView } from "~/app/components/ConversationList";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { caseHeader } from "~/app/lib/case-header.server";
import { formatDateTime, formatIsoDate } from "~/app/lib/format";
import { readCase } from "~/modules/cases/index.server";
import {
  CONTACT_CHANNEL_LABELS,
  CONVERSATION_STATUSES,
  MODES,
  PARTICIPANT_KEYS,
  PARTICIPANT_KINDS,
  REASONABLE_GROUND_LABELS,
  REQUEST_KIND_LABELS,
  sanctionBlockers,
  type ConversationItem,
} from "~/modules/opfoelgning";
import {
  assessNonAttendance,
  cancelConversation,
  followUpOverview,
  handleRequest,
  markNoShow,
  proposeSanction,
  recordHeldConversation,
  scheduleConversation,
  withdrawSanction,
  type ConversationResult,
} from "~/modules/opfoelgning/index.server";
import { can } from "~/platform/auth/permissions";

const CLOSED = ["refused", "notConsidered", "ended"];

/** What the page says after a change, keyed by the ?gemt= value of the redirect. */
const SAVED: Record<string, string> = {
  planlagt: "Samtalen er planlagt.",
  holdt: "Samtalen er registreret som holdt.",
  aflyst: "Samtalen er aflyst.",
  udeblevet: "Udeblivelsen er registreret. Registrér nu forsøgene på at komme i kontakt med borgeren (FU-4).",
  vurderet: "Kontaktforsøg og vurdering af udeblivelsen er gemt (FU-4).",
  foreslaaet: "Forslaget om sanktion er registreret til en særskilt afgørelse. Systemet sanktionerer ikke selv.",
  tilbagetrukket: "Forslaget om sanktion er trukket tilbage.",
  behandlet: "Henvendelsen er markeret som behandlet.",
};

function view(c: ConversationItem): ConversationView {
  const a = c.nonAttendance;
  return {
    id: c.id,
    date: c.date,
    time: c.time,
    modeLabel: MODES[c.mode] ?? c.mode,
    status: c.status,
    statusLabel: CONVERSATION_STATUSES[c.status] ?? c.status,
    participants: c.participants.map((p) => PARTICIPANT_KINDS[p]),
    notes: c.notes,
    nextAgreedOn: c.nextAgreedOn,
    request: c.request ? { message: c.request.message, createdAt: formatDateTime(c.request.createdAt) } : null,
    createdByName: c.createdByName,
    version: c.version,
    findings: c.findings,
    fu4: a
      ? {
          attempts: a.contactAttempts.map((x) => ({ ...x, channel: CONTACT_CHANNEL_LABELS[x.channel] })),
          groundExists: a.reasonableGround.exists,
          groundKind: a.reasonableGround.kind ? REASONABLE_GROUND_LABELS[a.reasonableGround.kind] : null,
          groundReason: a.reasonableGround.reason,
          attemptsExhausted: a.allReasonableAttemptsExhausted,
          sanctionWouldImprove: a.sanctionWouldImproveAvailability,
        }
      : null,
    sanctionProposedOn: c.sanctionProposedOn,
    sanctionBlockers: c.status === "noShow" && !c.sanctionProposedOn ? sanctionBlockers(a) : [],
  };
}

function fu4Values(c: ConversationItem): Fu4Values {
  const a = c.nonAttendance;
  return {
    conversationId: c.id,
    version: String(c.version),
    attempts: a?.contactAttempts.map((x) => ({ ...x })) ?? [],
    groundExists: a ? String(a.reasonableGround.exists) : "",
    groundKind: a?.reasonableGround.kind ?? "",
    groundReason: a?.reasonableGround.reason ?? "",
    attemptsExhausted: a ? String(a.allReasonableAttemptsExhausted) : "",
    sanctionWouldImprove: a ? String(a.sanctionWouldImproveAvailability) : "",
  };
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "case.read");
  const caseView = await readCase(useCase(context, actor), params.caseId, "followup");
  // Another municipality's case is answered exactly like one that does not exist.
  if (!caseView) throw new Response("Ikke fundet", { status: 404 });
  const asOf = caseView.asOf;
  const o = await followUpOverview(context.db, caseView.access, asOf);
  const url = new URL(request.url);
  const selectedId = url.searchParams.get("samtale");
  const handling = url.searchParams.get("handling");
  const selected = o.conversations.find((c) => c.id === selectedId) ?? null;
  const toHold = handling === "holdt" && selected?.status === "planned" ? selected : null;
  const toAssess = handling === "fu4" && selected?.status === "noShow" ? selected : null;
  const fromRequest = o.requests.find((r) => r.id === url.searchParams.get("anmodning")) ?? null;

  const labels: ParticipantOptions = PARTICIPANT_KEYS.map((k) => {
    const who =
      k === "mentor"
        ? o.names.mentor
        : k === "jobformidler"
          ? o.names.jobformidler
          : k === "network"
            ? o.network.map((p) => `${p.name}, ${p.relation.toLowerCase()}`).join("; ") || null
            : null;
    return { value: k, label: who ? `${PARTICIPANT_KINDS[k]} (${who})` : PARTICIPANT_KINDS[k] };
  });

  // The next conversation already planned after the one being recorded: the held form proposes it as "next".
  const heldDate = toHold ? (toHold.date <= asOf ? toHold.date : asOf) : asOf;
  const laterPlanned =
    o.conversations
      .filter((c) => c.status === "planned" && c.id !== toHold?.id && c.date > heldDate)
      .sort((a, b) => a.date.localeCompare(b.date))[0] ?? null;
  const heldDefaults: HeldValues = {
    conversationId: toHold?.id ?? "",
    version: toHold ? String(toHold.version) : "",
    date: heldDate,
    time: toHold?.time ?? "",
    mode: toHold?.mode ?? "personal",
    participants: toHold?.participants ?? [],
    notes: toHold?.notes ?? "",
    nextDate: laterPlanned?.date ?? "",
    nextTime: laterPlanned?.time ?? "",
    nextMode: laterPlanned?.mode ?? "personal",
    nextParticipants: laterPlanned?.participants ?? toHold?.participants ?? [],
  };
  const scheduleDefaults: ScheduleValues = {
    date: "",
    time: "",
    mode: "personal",
    participants: [],
    notes: fromRequest ? `Borgerens ønske: ${fromRequest.message}`.slice(0, 4000) : "",
    requestId: fromRequest?.id ?? "",
  };
  // After planning or holding a conversation, its FU-2/FU-3 warnings are the answer to show first.
  const savedId = ["planlagt", "holdt"].includes(url.searchParams.get("gemt") ?? "") ? selectedId : null;
  const savedConversation = o.conversations.find((c) => c.id === savedId) ?? null;
  const nextBooked = o.conversations.find((c) => c.id === url.searchParams.get("naeste")) ?? null;
  return {
    header: caseHeader(caseView),
    caseId: caseView.case.id,
    asOf,
    closed: CLOSED.includes(caseView.case.status),
    canWrite: can(actor, "case.write"),
    conversations: o.conversations.map(view),
    next: o.next ? view(o.next) : null,
    last: o.last ? view(o.last) : null,
    unrecorded: o.unrecorded.map(view),
    deadlines: o.deadlines,
    requests: o.requests.map((r) => ({
      id: r.id,
      kind: REQUEST_KIND_LABELS[r.kind] ?? r.kind,
      isConversation: r.kind === "conversation",
      message: r.message,
      createdAt: formatDateTime(r.createdAt),
    })),
    participants: labels,
    toHold: toHold ? { id: toHold.id, date: toHold.date, time: toHold.time } : null,
    laterPlanned: laterPlanned ? { date: laterPlanned.date, time: laterPlanned.time } : null,
    toAssess: toAssess ? { id: toAssess.id, date: toAssess.date, values: fu4Values(toAssess) } : null,
    fromRequest: fromRequest
      ? { id: fromRequest.id, message: fromRequest.message, createdAt: formatDateTime(fromRequest.createdAt) }
      : null,
    heldDefaults,
    scheduleDefaults,
    openForm: toHold || handling === "holdt" ? "held" : fromRequest || handling === "planlaeg" ? "schedule" : null,
    saved: SAVED[url.searchParams.get("gemt") ?? ""] ?? null,
    savedConversation: savedConversation ? view(savedConversation) : null,
    nextBooked: nextBooked ? { date: nextBooked.date, time: nextBooked.time } : null,
    withdrawnBecause: url.searchParams.getAll("fordi"),
  };
}

type Feedback = { kind: "error" | "warning"; heading: string; messages: string[] };

type ActionData = { nonce: number } & (
  | { form: "schedule"; values: ScheduleValues; errors: Record<string, string>; feedback: Feedback | null }
  | { form: "held"; values: HeldValues; errors: Record<string, string>; feedback: Feedback | null }
  | {
      form: "fu4";
      conversationId: string;
      values: Fu4Values;
      errors: Record<string, string>;
      extraRows: number;
      feedback: Feedback | null;
    }
  | { form: "conversation"; conversationId: string; feedback: Feedback }
  | { form: "request"; feedback: Feedback }
);

const NOT_FOUND = () => new Response("Ikke fundet", { status: 404 });

/** The Danish answer to a failed change that is not about a field. */
function failure(r: Exclude<ConversationResult, { ok: true }>): Feedback | null {
  switch (r.reason) {
    case "NOT_FOUND":
      throw NOT_FOUND();
    case "INVALID":
      return null;
    case "CONFLICT":
      return {
        kind: "error",
        heading: "Ændringen er ikke gemt: samtalen er ændret, efter du åbnede siden",
        messages: [
          r.current
            ? `Samtalen står nu som ${CONVERSATION_STATUSES[r.current.status].toLowerCase()} (${formatIsoDate(r.current.date)}). Se den igen herunder, og gentag ændringen, hvis den stadig skal gælde.`
            : "Samtalen findes ikke længere.",
        ],
      };
    case "WRONG_STATUS":
      return { kind: "error", heading: r.message, messages: [] };
    case "BLOCKED":
      return {
        kind: "warning",
        heading: "Der kan ikke foreslås sanktion (FU-4; skrivelse 10112 §5.5, §6.6)",
        messages: r.messages,
      };
    case "REQUEST_HANDLED":
      return {
        kind: "error",
        heading: "Henvendelsen er allerede behandlet",
        messages: [
          `${r.handledByName ?? "En anden"} behandlede den${r.handledAt ? ` ${formatDateTime(r.handledAt)}` : ""}. Der er ikke booket en ny samtale.`,
        ],
      };
  }
}

const str = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

export async function action({ request, params, context }: Route.ActionArgs): Promise<ActionData> {
  const actor = requireUser(request, context, "case.write");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  const base = `/sager/${params.caseId}/opfoelgning`;
  const intent = str(form.get("intent"));
  const nonce = Date.now();
  const ref = { conversationId: str(form.get("conversationId")), version: str(form.get("version")) };

  switch (intent) {
    case "schedule": {
      const values = readScheduleForm(form);
      const r = await scheduleConversation(ctx, params.caseId, values);
      if (r.ok) throw redirect(`${base}?gemt=planlagt&samtale=${r.id}#main-content`);
      if (r.reason === "INVALID") {
        return { nonce, form: "schedule", values, errors: prefixed("schedule", r.errors), feedback: null };
      }
      return { nonce, form: "schedule", values, errors: {}, feedback: failure(r) };
    }
    case "held": {
      const values = readHeldForm(form);
      const r = await recordHeldConversation(ctx, params.caseId, values);
      if (r.ok) {
        throw redirect(`${base}?gemt=holdt&samtale=${r.id}${r.next ? `&naeste=${r.next.id}` : ""}#main-content`);
      }
      if (r.reason === "INVALID")
        return { nonce, form: "held", values, errors: prefixed("held", r.errors), feedback: null };
      // After a conflict the form is no longer tied to the planned conversation: it changed meanwhile.
      return { nonce, form: "held", values, errors: {}, feedback: failure(r) };
    }
    case "addAttempt":
    case "fu4": {
      const values = readFu4Form(form);
      if (intent === "addAttempt") {
        return {
          nonce,
          form: "fu4",
          conversationId: values.conversationId,
          values,
          errors: {},
          extraRows: 1,
          feedback: null,
        };
      }
      const r = await assessNonAttendance(ctx, params.caseId, values);
      if (r.ok) {
        const because = (r.withdrawn ?? []).map((m) => `&fordi=${encodeURIComponent(m)}`).join("");
        throw redirect(`${base}?gemt=vurderet&samtale=${r.id}${because}#main-content`);
      }
      // After a conflict the input stays, and builds on the version saved now: saving again is a deliberate choice
      // made after seeing the assessment someone else saved.
      const current = r.reason === "CONFLICT" && r.current?.status === "noShow" ? r.current : null;
      const feedback = failure(r);
      return {
        nonce,
        form: "fu4",
        conversationId: values.conversationId,
        values: current ? { ...values, version: String(current.version) } : values,
        errors: r.reason === "INVALID" ? prefixed("fu4", r.errors) : {},
        extraRows: 0,
        feedback:
          current && feedback
            ? {
                ...feedback,
                messages: [
                  "En anden har gemt en vurdering af udeblivelsen, efter du åbnede siden; den ses ovenfor. Dine indtastninger står stadig i formularen. Gem igen, hvis de skal gælde.",
                ],
              }
            : feedback,
      };
    }
    case "cancel":
    case "noShow":
    case "proposeSanction":
    case "withdrawSanction": {
      const run = {
        cancel: () => cancelConversation(ctx, params.caseId, { ...ref, reason: str(form.get("reason")) }),
        noShow: () => markNoShow(ctx, params.caseId, ref),
        proposeSanction: () => proposeSanction(ctx, params.caseId, ref),
        withdrawSanction: () => withdrawSanction(ctx, params.caseId, ref),
      }[intent];
      const r = await run();
      if (r.ok) {
        const next = {
          cancel: `gemt=aflyst&samtale=${r.id}`,
          noShow: `gemt=udeblevet&samtale=${r.id}&handling=fu4`,
          proposeSanction: `gemt=foreslaaet&samtale=${r.id}`,
          withdrawSanction: `gemt=tilbagetrukket&samtale=${r.id}`,
        }[intent];
        throw redirect(`${base}?${next}${intent === "noShow" ? "#fu4" : "#main-content"}`);
      }
      const feedback = failure(r) ?? {
        kind: "error" as const,
        heading: "Ændringen kunne ikke gemmes. Genindlæs siden og prøv igen.",
        messages: [],
      };
      return { nonce, form: "conversation", conversationId: ref.conversationId, feedback };
    }
    case "handleRequest": {
      const r = await handleRequest(ctx, params.caseId, { requestId: str(form.get("requestId")) });
      if (r.ok) throw redirect(`${base}?gemt=behandlet#main-content`);
      if (r.reason === "NOT_FOUND") throw NOT_FOUND();
      const feedback =
        r.reason === "REQUEST_HANDLED"
          ? failure(r)!
          : { kind: "error" as const, heading: "Vælg en henvendelse", messages: [] };
      return { nonce, form: "request", feedback };
    }
    default:
      throw new Response("Ukendt handling", { status: 400 });
  }
}

export const meta: Route.MetaFunction = ({ data }) => [
  { title: `Samtaler – ${data?.header.citizenName ?? "sag"} – Ressourceforløb` },
];

function FeedbackAlert({ feedback }: { feedback: Feedback }) {
  return (
    <div tabIndex={-1} className="followup-feedback">
      <Alert kind={feedback.kind} heading={feedback.heading}>
        {feedback.messages.length > 0 ? (
          <ul>
            {feedback.messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
    </div>
  );
}

function Summary({ title, c, empty }: { title: string; c: ConversationView | null; empty: string }) {
  return (
    <div className="followup-summary-card">
      <h3 className="h4">{title}</h3>
      {c ? (
        <>
          <p>
            <a href={`#samtale-${c.id}`}>
              <strong>{when(c)}</strong>
            </a>
            <br />
            {c.modeLabel}
            {c.participants.length > 0 ? ` · Med: ${c.participants.join(", ")}` : ""}
          </p>
          {c.status === "held" ? (
            <p className="muted">Næste samtale aftalt: {c.nextAgreedOn ? formatIsoDate(c.nextAgreedOn) : "nej"}</p>
          ) : null}
        </>
      ) : (
        <p className="muted">{empty}</p>
      )}
    </div>
  );
}

export default function CaseFollowUp({ loaderData: d, actionData: a }: Route.ComponentProps) {
  const base = `/sager/${d.caseId}/opfoelgning`;
  // After an answer from the server, move focus to it: the error summary or the feedback of the form in question.
  useEffect(() => {
    if (!a) return;
    const id =
      a.form === "schedule"
        ? "planlaeg"
        : a.form === "held"
          ? "registrer"
          : a.form === "request"
            ? "henvendelser"
            : `samtale-${a.conversationId}`;
    const el = document.getElementById(id);
    el?.querySelector<HTMLElement>(".alert[tabindex], .followup-feedback, input:not([type=hidden])")?.focus();
  }, [a?.nonce]);

  // A link to one of the forms (#registrer, #planlaeg, #fu4) opens it: put the keyboard in its first field.
  const location = useLocation();
  useEffect(() => {
    if (a) return;
    const id = location.hash.slice(1);
    if (!["registrer", "planlaeg", "fu4"].includes(id)) return;
    document.getElementById(id)?.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus();
  }, [location.key]);

  const heldOpen = d.openForm === "held" || a?.form === "held";
  const scheduleOpen = d.openForm === "schedule" || a?.form === "schedule";
  const fu4Id = a?.form === "fu4" ? a.conversationId : (d.toAssess?.id ?? null);
  const assessed = d.conversations.find((c) => c.id === fu4Id) ?? null;
  const writable = d.canWrite && !d.closed;

  return (
    <div className="stack">
      <CaseHeader data={d.header} page="Samtaler" />

      {d.saved && !a ? (
        <Alert kind="success" heading={d.saved}>
          {d.nextBooked ? <p>Næste samtale er planlagt {when(d.nextBooked)}. Borgeren kan se den i Min Plan.</p> : null}
          {d.withdrawnBecause.length > 0 ? (
            <>
              <p>Et registreret forslag om sanktion er trukket tilbage, fordi:</p>
              <ul>
                {d.withdrawnBecause.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}
      {d.saved && !a && d.savedConversation ? <Findings findings={d.savedConversation.findings} /> : null}
      {d.closed ? (
        <Alert kind="info" heading="Sagen er lukket">
          <p>Samtalerne kan ses, men der kan ikke planlægges nye. Status: {d.header.statusLabel}.</p>
        </Alert>
      ) : null}

      <section aria-labelledby="samtaler-heading" id="samtaler" className="stack">
        <h2 id="samtaler-heading">Samtaler med borgeren</h2>
        <div className="followup-summary">
          <Summary title="Næste samtale" c={d.next} empty="Ingen samtale planlagt." />
          <Summary title="Seneste holdte samtale" c={d.last} empty="Ingen samtale holdt endnu." />
        </div>
        {d.unrecorded.length > 0 ? (
          <Alert kind="warning" heading="Planlagte samtaler, hvis dag er gået">
            <p>Registrér, om samtalen blev holdt, om borgeren udeblev, eller om den blev aflyst:</p>
            <ul>
              {d.unrecorded.map((c) => (
                <li key={c.id}>
                  <a href={`#samtale-${c.id}`}>{when(c)}</a>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {writable ? (
          <p className="followup-actions">
            {d.next && d.next.date <= d.asOf ? (
              <Link to={`${base}?samtale=${d.next.id}&handling=holdt#registrer`} className="button button-primary">
                Registrér dagens samtale som holdt
              </Link>
            ) : null}
            <Link to={`${base}?handling=holdt#registrer`} className="button button-secondary">
              Registrér en holdt samtale
            </Link>
            <Link to={`${base}?handling=planlaeg#planlaeg`} className="button button-secondary">
              Planlæg en samtale
            </Link>
          </p>
        ) : null}
        <p>
          <a href="/mine-moeder.ics">Hent mine møder som kalender (.ics)</a>{" "}
          <span className="muted">– dine planlagte samtaler og teammøder, til Outlook eller en anden kalender.</span>
        </p>

        <h3>Frister for opfølgning</h3>
        <ConversationDeadlines deadlines={d.deadlines} />
      </section>

      {d.requests.length > 0 || a?.form === "request" ? (
        <section aria-labelledby="henvendelser-heading" id="henvendelser" className="stack">
          <h2 id="henvendelser-heading">Borgerens henvendelser fra Min Plan</h2>
          {a?.form === "request" ? <FeedbackAlert feedback={a.feedback} /> : null}
          <ul className="followup-requests no-max-width">
            {d.requests.map((r) => (
              <li key={r.id} className="followup-card">
                <p>
                  <strong>{r.kind}</strong> <span className="muted">· {r.createdAt}</span>
                </p>
                <p className="followup-quote plan-pre">“{r.message}”</p>
                {d.canWrite ? (
                  <div className="followup-actions">
                    {r.isConversation && writable ? (
                      <Link to={`${base}?anmodning=${r.id}#planlaeg`} className="button button-primary">
                        Book samtale
                      </Link>
                    ) : null}
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="requestId" value={r.id} />
                      <button type="submit" name="intent" value="handleRequest" className="button button-secondary">
                        Markér som behandlet
                      </button>
                    </Form>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {d.canWrite ? (
        <section aria-labelledby="registrer-heading" id="registrer">
          <details className="followup-details" open={heldOpen}>
            <summary>
              <h2 id="registrer-heading" className="followup-summary-heading">
                Registrér en holdt samtale og aftal den næste
              </h2>
            </summary>
            {a?.form === "held" && a.feedback ? <FeedbackAlert feedback={a.feedback} /> : null}
            <HeldForm
              key={a?.form === "held" ? a.nonce : `held-${d.toHold?.id ?? "new"}`}
              values={a?.form === "held" ? a.values : d.heldDefaults}
              errors={a?.form === "held" ? a.errors : {}}
              participants={d.participants}
              selected={d.toHold && (a?.form !== "held" || a.values.conversationId === d.toHold.id) ? d.toHold : null}
              clearHref={`${base}?handling=holdt#registrer`}
              alreadyPlanned={a?.form === "held" ? null : d.laterPlanned}
            />
          </details>
        </section>
      ) : null}

      {writable ? (
        <section aria-labelledby="planlaeg-heading" id="planlaeg">
          <details className="followup-details" open={scheduleOpen}>
            <summary>
              <h2 id="planlaeg-heading" className="followup-summary-heading">
                Planlæg en samtale
              </h2>
            </summary>
            {a?.form === "schedule" && a.feedback ? <FeedbackAlert feedback={a.feedback} /> : null}
            <ScheduleForm
              key={a?.form === "schedule" ? a.nonce : `schedule-${d.fromRequest?.id ?? "new"}`}
              values={a?.form === "schedule" ? a.values : d.scheduleDefaults}
              errors={a?.form === "schedule" ? a.errors : {}}
              participants={d.participants}
              fromRequest={d.fromRequest}
              cancelHref={`${base}?handling=planlaeg#planlaeg`}
            />
          </details>
        </section>
      ) : null}

      <section aria-labelledby="alle-heading" className="stack">
        <h2 id="alle-heading">Alle samtaler ({d.conversations.length})</h2>
        {d.conversations.length === 0 ? <p className="muted">Der er ikke registreret samtaler endnu.</p> : null}
        <ol className="followup-timeline no-max-width">
          {d.conversations.map((c) => (
            <li key={c.id}>
              <ConversationCard
                c={c}
                canWrite={d.canWrite}
                asOf={d.asOf}
                base={base}
                feedback={
                  (a?.form === "conversation" || a?.form === "fu4") && a.conversationId === c.id && a.feedback ? (
                    <FeedbackAlert feedback={a.feedback} />
                  ) : null
                }
                fu4Form={
                  assessed && assessed.id === c.id ? (
                    <Fu4Form
                      key={a?.form === "fu4" ? a.nonce : `fu4-${c.id}-${c.version}`}
                      values={a?.form === "fu4" ? a.values : d.toAssess!.values}
                      errors={a?.form === "fu4" ? a.errors : {}}
                      conversationDate={c.date}
                      extraRows={
                        a?.form === "fu4" ? a.extraRows : (d.toAssess?.values.attempts.length ?? 0) === 0 ? 1 : 0
                      }
                      asOf={d.asOf}
                    />
                  ) : null
                }
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
