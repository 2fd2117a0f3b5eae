import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { formatIsoDate } from "~/app/lib/format";
import { longDate } from "~/modules/minplan";
import type { ConversationFinding, ConversationStatus } from "~/modules/opfoelgning";
import { CsrfInput } from "./CsrfInput";
import { Alert } from "./fields";

/** One conversation as the page shows it: labels resolved, dates as text. */
export interface ConversationView {
  id: string;
  date: string;
  time: string | null;
  modeLabel: string;
  status: ConversationStatus;
  statusLabel: string;
  participants: string[];
  notes: string | null;
  nextAgreedOn: string | null;
  request: { message: string; createdAt: string } | null;
  createdByName: string | null;
  version: number;
  findings: ConversationFinding[];
  fu4: {
    attempts: { date: string; channel: string; outcome: string }[];
    groundExists: boolean;
    groundKind: string | null;
    groundReason: string;
    attemptsExhausted: boolean;
    sanctionWouldImprove: boolean;
  } | null;
  sanctionProposedOn: string | null;
  /** FU-4: what stands in the way of a sanction proposal now (empty: it may be proposed). */
  sanctionBlockers: string[];
}

export function when(c: { date: string; time: string | null }): string {
  return `${longDate(c.date)}${c.time ? ` kl. ${c.time}` : ""}`;
}

export function Findings({ findings }: { findings: ConversationFinding[] }) {
  return (
    <>
      {findings.map((f, i) => (
        <Alert key={i} kind="warning" heading={`${f.ruleId}: ${f.message}`}>
          <p className="muted">Hjemmel: {f.basis}</p>
        </Alert>
      ))}
    </>
  );
}

const yesNo = (v: boolean) => (v ? "Ja" : "Nej");

function NonAttendance({ c, canWrite }: { c: ConversationView; canWrite: boolean }) {
  const a = c.fu4;
  return (
    <div className="followup-fu4 stack">
      <h4>Udeblivelse (FU-4)</h4>
      {a ? (
        <dl className="summary-list">
          <dt>Forsøg på personlig kontakt</dt>
          <dd>
            {a.attempts.length === 0 ? (
              "Ingen registreret"
            ) : (
              <ul className="followup-plain-list">
                {a.attempts.map((x, i) => (
                  <li key={i}>
                    {formatIsoDate(x.date)}, {x.channel.toLowerCase()}: {x.outcome}
                  </li>
                ))}
              </ul>
            )}
          </dd>
          <dt>Rimelig grund</dt>
          <dd>{a.groundExists ? `Ja${a.groundKind ? ` (${a.groundKind.toLowerCase()})` : ""}` : "Nej"}</dd>
          <dt>Begrundelse</dt>
          <dd className="plan-pre">{a.groundReason}</dd>
          <dt>Alle rimelige muligheder for kontakt udtømt</dt>
          <dd>{yesNo(a.attemptsExhausted)}</dd>
          <dt>En sanktion vil fremme rådigheden</dt>
          <dd>{yesNo(a.sanctionWouldImprove)}</dd>
        </dl>
      ) : null}
      {c.sanctionProposedOn ? (
        <Alert kind="info" heading={`Forslag om sanktion registreret ${formatIsoDate(c.sanctionProposedOn)}`}>
          <p>
            Det er kun et registreret forslag. Sanktionen kræver en særskilt afgørelse, som træffes, begrundes og
            meddeles borgeren for sig. Systemet sanktionerer aldrig selv og ændrer ikke ydelsen.
          </p>
          {canWrite ? (
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="conversationId" value={c.id} />
              <input type="hidden" name="version" value={c.version} />
              <button type="submit" name="intent" value="withdrawSanction" className="button button-secondary">
                Træk forslaget tilbage
              </button>
            </Form>
          ) : null}
        </Alert>
      ) : a && c.sanctionBlockers.length === 0 ? (
        canWrite ? (
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="conversationId" value={c.id} />
            <input type="hidden" name="version" value={c.version} />
            <p className="muted">
              Betingelserne i FU-4 er opfyldt. Et forslag registreres til en særskilt afgørelse; systemet sanktionerer
              ikke selv.
            </p>
            <button type="submit" name="intent" value="proposeSanction" className="button button-secondary">
              Foreslå sanktion til særskilt afgørelse
            </button>
          </Form>
        ) : null
      ) : a ? (
        <div className="followup-blocked">
          <p>
            <strong>Der kan ikke foreslås sanktion:</strong>
          </p>
          <ul>
            {c.sanctionBlockers.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** One conversation in the timeline, with what can be done with it. */
export function ConversationCard({
  c,
  canWrite,
  asOf,
  base,
  fu4Form,
  feedback,
}: {
  c: ConversationView;
  canWrite: boolean;
  asOf: string;
  base: string;
  /** The FU-4 form, when this conversation is the one being assessed. */
  fu4Form: ReactNode;
  /** The answer to the last action on this conversation. */
  feedback: ReactNode;
}) {
  const headingId = `samtale-${c.id}-h`;
  return (
    <article className={`followup-card followup-card-${c.status}`} id={`samtale-${c.id}`} aria-labelledby={headingId}>
      <div className="followup-card-head">
        <h3 id={headingId} className="h4">
          {when(c)}
        </h3>
        <span className={`followup-tag followup-status-${c.status}`}>{c.statusLabel}</span>
      </div>
      <p className="muted">
        {c.modeLabel}
        {c.participants.length > 0 ? ` · Med: ${c.participants.join(", ")}` : ""}
        {c.createdByName ? ` · Registreret af ${c.createdByName}` : ""}
      </p>
      {c.request ? (
        <p>
          Booket på borgerens henvendelse fra Min Plan ({c.request.createdAt}):{" "}
          <span className="followup-quote">“{c.request.message}”</span>
        </p>
      ) : null}
      {c.notes ? (
        <div>
          <strong>{c.status === "held" ? "Referat" : c.status === "cancelled" ? "Emne og aflysning" : "Emne"}</strong>
          <p className="plan-pre">{c.notes}</p>
        </div>
      ) : null}
      {c.status === "held" ? (
        <p>
          <strong>Næste samtale aftalt:</strong> {c.nextAgreedOn ? formatIsoDate(c.nextAgreedOn) : "Nej"}
        </p>
      ) : null}
      {feedback}
      <Findings findings={c.findings} />
      {c.status === "noShow" && (c.fu4 || c.sanctionProposedOn) ? <NonAttendance c={c} canWrite={canWrite} /> : null}
      {c.status === "noShow" && canWrite ? (
        fu4Form ? (
          <div className="followup-inline-form" id="fu4">
            <h4>{c.fu4 ? "Ret kontaktforsøg og vurdering" : "Registrér kontaktforsøg og vurdering"}</h4>
            {fu4Form}
          </div>
        ) : (
          <p>
            <Link to={`${base}?samtale=${c.id}&handling=fu4#fu4`} className="button button-secondary">
              {c.fu4 ? "Ret kontaktforsøg og vurdering (FU-4)" : "Registrér kontaktforsøg og vurdering (FU-4)"}
            </Link>
          </p>
        )
      ) : null}
      {c.status === "planned" && canWrite ? (
        <div className="followup-actions">
          <Link to={`${base}?samtale=${c.id}&handling=holdt#registrer`} className="button button-primary">
            Registrér som holdt
          </Link>
          {c.date <= asOf ? (
            <Form method="post" className="inline-form">
              <CsrfInput />
              <input type="hidden" name="conversationId" value={c.id} />
              <input type="hidden" name="version" value={c.version} />
              <button type="submit" name="intent" value="noShow" className="button button-secondary">
                Borgeren udeblev
              </button>
            </Form>
          ) : null}
          <details className="followup-cancel">
            <summary>Aflys samtalen</summary>
            <Form method="post" className="stack">
              <CsrfInput />
              <input type="hidden" name="conversationId" value={c.id} />
              <input type="hidden" name="version" value={c.version} />
              <div className="form-group">
                <label className="form-label" htmlFor={`cancel-reason-${c.id}`}>
                  Hvorfor aflyses samtalen? (valgfrit)
                </label>
                <input className="form-input" id={`cancel-reason-${c.id}`} name="reason" type="text" />
              </div>
              <button type="submit" name="intent" value="cancel" className="button button-secondary">
                Aflys samtalen
              </button>
            </Form>
          </details>
        </div>
      ) : null}
    </article>
  );
}
