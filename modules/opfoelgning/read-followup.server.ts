import type { Explanation } from "~/legislation";
import { RELATIONS, type Relation } from "~/modules/citizens";
import { DEADLINE_STATUS_LABELS, deadlineStatus, type DeadlineStatus } from "~/modules/frister";
import { settingsOf } from "~/modules/frister/index.server";
import type { CaseAccess } from "~/platform/case-access";
import { today } from "~/platform/clock";
import type { Queryable } from "~/platform/db/client.server";
import {
  conversationFindings,
  parseFu4,
  PARTICIPANT_KEYS,
  type CitizenRequestItem,
  type ConversationItem,
  type ConversationStatus,
  type Mode,
  type OfferFact,
  type ParticipantKind,
} from "./opfoelgning";
import {
  conversationsOfCase,
  followUpDeadlines,
  networkOfCitizen,
  offersOfCase,
  openRequestsOfCase,
  participantNames,
  type ConversationRow,
} from "./opfoelgning.db.server";

/*
 * Case-scoped reads of the follow-up. They take the CaseAccess that readCase (modules/cases) minted, which checked
 * the municipality and wrote the access event, so the page's single audited read covers them.
 */

const scopeOf = (access: CaseAccess) => ({ municipalityId: access.municipalityId });

export function toItem(
  row: ConversationRow,
  extra: {
    createdByName?: string | null;
    request?: { id: string | null; kind: string | null; message: string | null; createdAt: Date | null } | null;
  },
  offers: readonly OfferFact[],
): ConversationItem {
  const request =
    extra.request?.id && extra.request.kind && extra.request.message && extra.request.createdAt
      ? {
          id: extra.request.id,
          kind: extra.request.kind,
          message: extra.request.message,
          createdAt: extra.request.createdAt,
        }
      : null;
  const participants = (Array.isArray(row.participants) ? row.participants : []).filter((p): p is ParticipantKind =>
    (PARTICIPANT_KEYS as string[]).includes(p),
  );
  return {
    id: row.id,
    date: row.date,
    time: row.time,
    mode: row.mode as Mode,
    status: row.status as ConversationStatus,
    participants,
    notes: row.notes,
    nextAgreedOn: row.nextAgreedOn,
    nonAttendance: parseFu4(row.nonAttendance),
    sanctionProposedOn: row.sanctionProposedOn,
    request,
    createdByName: extra.createdByName ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    findings: conversationFindings({ ...row, nonAttendance: parseFu4(row.nonAttendance) }, offers),
  };
}

/** Every conversation of the case, newest first, each with its FU-2/FU-3/FU-4 findings. */
export async function conversationsOf(db: Queryable, access: CaseAccess): Promise<ConversationItem[]> {
  const [rows, offers] = await Promise.all([
    conversationsOfCase(db, scopeOf(access), access.caseId),
    offersOfCase(db, access.caseId),
  ]);
  return rows.map((r) => toItem(r.conversation, { createdByName: r.createdByName, request: r.request }, offers));
}

/** The citizen's open requests from Min Plan (a conversation, or their own view), oldest first: for the case overview. */
export async function openRequests(db: Queryable, access: CaseAccess): Promise<CitizenRequestItem[]> {
  return openRequestsOfCase(db, scopeOf(access), access.caseId, access.citizenId);
}

export interface FollowUpDeadline {
  id: string;
  kind: string;
  title: string;
  dueDate: string;
  metOn: string | null;
  ruleId: string;
  status: DeadlineStatus;
  statusLabel: string;
  explanation: Explanation | null;
}

export interface FollowUpOverview {
  asOf: string;
  conversations: ConversationItem[];
  /** The next planned conversation from today. */
  next: ConversationItem | null;
  /** The last conversation held. */
  last: ConversationItem | null;
  /** Planned conversations whose day has passed: held, no-show or cancelled must be recorded. */
  unrecorded: ConversationItem[];
  deadlines: FollowUpDeadline[];
  requests: CitizenRequestItem[];
  network: { name: string; relation: string }[];
  names: { mentor: string | null; jobformidler: string | null };
}

/** Everything the Samtaler page shows, read with the page's CaseAccess. */
export async function followUpOverview(
  db: Queryable,
  access: CaseAccess,
  asOf: string = today(),
): Promise<FollowUpOverview> {
  const scope = scopeOf(access);
  const [items, stored, settings, requests, network, names] = await Promise.all([
    conversationsOf(db, access),
    followUpDeadlines(db, scope, access.caseId),
    settingsOf(db, access.municipalityId),
    openRequests(db, access),
    networkOfCitizen(db, scope, access.citizenId),
    participantNames(db, access.caseId, asOf),
  ]);
  const byTime = (a: ConversationItem, b: ConversationItem) =>
    a.date.localeCompare(b.date) || (a.time ?? "").localeCompare(b.time ?? "");
  const planned = items.filter((c) => c.status === "planned").sort(byTime);
  const held = items.filter((c) => c.status === "held").sort(byTime);
  return {
    asOf,
    conversations: items,
    next: planned.find((c) => c.date >= asOf) ?? null,
    last: held.at(-1) ?? null,
    unrecorded: planned.filter((c) => c.date < asOf),
    deadlines: stored.map((d) => {
      const status = deadlineStatus(d, asOf, settings.dueSoonDays);
      return {
        ...d,
        status,
        statusLabel: DEADLINE_STATUS_LABELS[status],
        explanation: (d.explanation as Explanation | null) ?? null,
      };
    }),
    requests,
    network: network.map((p) => ({ name: p.name, relation: RELATIONS[p.relation as Relation] ?? p.relation })),
    names,
  };
}

/**
 * The case overview's glance at the follow-up: next planned and last held conversation, and open requests. Two
 * queries instead of followUpOverview's nine; no findings, deadlines or network, which the overview does not show.
 */
export async function followUpGlance(db: Queryable, access: CaseAccess, asOf: string = today()) {
  const [rows, requests] = await Promise.all([
    conversationsOfCase(db, scopeOf(access), access.caseId),
    openRequests(db, access),
  ]);
  const items = rows.map((r) => r.conversation);
  const byTime = (a: ConversationRow, b: ConversationRow) =>
    a.date.localeCompare(b.date) || (a.time ?? "").localeCompare(b.time ?? "");
  const planned = items.filter((c) => c.status === "planned").sort(byTime);
  const held = items.filter((c) => c.status === "held").sort(byTime);
  const brief = (c: ConversationRow | undefined) => (c ? { date: c.date, time: c.time, mode: c.mode as Mode } : null);
  return { next: brief(planned.find((c) => c.date >= asOf)), last: brief(held.at(-1)), requests };
}
