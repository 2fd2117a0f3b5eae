import {
  addDays,
  catalogueEntry,
  evaluate,
  formatDate,
  genvurderingDeadline,
  parseDate,
  type EvaluateOutput,
  type Explanation,
} from "~/legislation";

/** The deadline kinds the system computes (issue 5). */
export const DEADLINE_KINDS = {
  indsatsgaranti: "Indsatsgaranti: indsats senest",
  conversations4: "4 samtaler i de første 6 måneder",
  nextConversation: "Næste opfølgningssamtale",
  firstMeeting: "Første møde efter rehabiliteringsteamet",
  mentorEnding: "Mentorbevilling udløber",
  placementEnding: "Virksomhedspraktik slutter",
  forloebEnding: "Forløbet slutter: næste skridt forelagt",
  decisionPending: "Afgørelse efter indstilling",
  appealReassessment: "Genvurdering af klage",
} as const;
export type DeadlineKind = keyof typeof DEADLINE_KINDS;

export interface DeadlineFacts {
  asOf: string;
  birthDate: string;
  caseStatus: string;
  forloeb: {
    id: string;
    start: string;
    plannedEnd: string;
    decidedOn: string;
    nextStepDecidedOn: string | null;
    endedOn: string | null;
  } | null;
  periods: { kind: string; from: string; to: string }[];
  interventions: {
    id: string;
    kind: string;
    title: string;
    start: string | null;
    plannedEnd: string | null;
    end: string | null;
    inPlan: boolean;
  }[];
  conversations: { date: string; mode: string; status: string; nextAgreedOn: string | null }[];
  mentorGrants: { id: string; mentorName: string; from: string; to: string; renewed: boolean }[];
  appeals: {
    id: string;
    subject: string;
    receivedOn: string;
    reassessedOn: string | null;
    forwardedOn: string | null;
  }[];
  /** The team meeting behind the latest indstilling, and when it was recorded. */
  indstilling: { meetingDate: string; recordedOn: string } | null;
  settings: { conversationIntervalDays: number; teamLeadWeeks: number; decisionDays: number };
}

export interface ComputedDeadline {
  kind: DeadlineKind;
  refId: string;
  dueDate: string;
  metOn: string | null;
  title: string;
  anchor: string;
  ruleId: string;
  explanation: Explanation;
}

/** Danish date in titles and reasons: 2026-01-31 → 31.01.2026. */
const da = (iso: string) => iso.split("-").reverse().join(".");

const QUALIFYING_OR_OTHER = new Set([
  "lab11",
  "lab12",
  "lab14",
  "lab26mentor",
  "serviceloven",
  "sundhedsloven",
  "other",
  "leisure",
]);

function simple(
  ruleId: string,
  title: string,
  inputs: Record<string, unknown>,
  result: unknown,
  reasoning: string,
  children: Explanation[] = [],
): Explanation {
  return {
    ruleId,
    title,
    citations: [...(catalogueEntry(ruleId)?.citations ?? [])],
    inputs,
    parameters: [],
    result,
    reasoning,
    children,
  };
}

function findChild(e: Explanation | undefined, prefix: string): Explanation | undefined {
  if (!e) return undefined;
  if (e.ruleId.startsWith(prefix)) return e;
  for (const c of e.children) {
    const f = findChild(c, prefix);
    if (f) return f;
  }
  return undefined;
}

/**
 * Every deadline of one case, computed from its facts by the rules engine, each with its "why".
 * Pure: the shell stores the result in the same transaction as the change that moved it.
 */
export function computeDeadlines(f: DeadlineFacts): ComputedDeadline[] {
  const out: ComputedDeadline[] = [];
  const held = f.conversations.filter((c) => c.status === "held").sort((a, b) => a.date.localeCompare(b.date));

  if (f.caseStatus === "indstillingGiven" && f.indstilling) {
    const due = formatDate(addDays(parseDate(f.indstilling.recordedOn), f.settings.decisionDays));
    out.push({
      kind: "decisionPending",
      refId: "",
      dueDate: due,
      metOn: null,
      title: DEADLINE_KINDS.decisionPending,
      anchor: "afgoerelse",
      ruleId: "P-4",
      explanation: simple(
        "P-4",
        "Afgørelsen træffes hurtigst muligt efter indstillingen",
        { indstillingRecordedOn: f.indstilling.recordedOn, municipalityDecisionDays: f.settings.decisionDays },
        due,
        `Indstillingen blev givet ${da(f.indstilling.recordedOn)}. Kommunens egen frist er ${f.settings.decisionDays} dage, altså senest ${da(due)}.`,
      ),
    });
  }

  for (const a of f.appeals) {
    const r = genvurderingDeadline({ appealReceivedOn: parseDate(a.receivedOn) }, parseDate(f.asOf));
    const done = a.reassessedOn ?? a.forwardedOn;
    out.push({
      kind: "appealReassessment",
      refId: a.id,
      dueDate: r.value.deadline,
      metOn: done,
      title: `${DEADLINE_KINDS.appealReassessment}: ${a.subject}`,
      anchor: "klager",
      ruleId: "A-2",
      explanation: r.explanation,
    });
  }

  if (!f.forloeb) return out;
  const fl = f.forloeb;

  if (f.indstilling) {
    const due = formatDate(addDays(parseDate(f.indstilling.meetingDate), 7));
    const first = held.find((c) => c.date >= f.indstilling!.meetingDate);
    out.push({
      kind: "firstMeeting",
      refId: "",
      dueDate: due,
      metOn: first?.date ?? null,
      title: DEADLINE_KINDS.firstMeeting,
      anchor: "samtaler",
      ruleId: "P-5",
      explanation: simple(
        "P-5",
        "Koordinerende sagsbehandler mødes med borgeren senest en uge efter teammødet",
        { teamMeetingDate: f.indstilling.meetingDate, firstConversationHeld: first?.date ?? null },
        due,
        `Teammødet var ${da(f.indstilling.meetingDate)}; en uge senere er ${da(due)} (002 §5.2).`,
      ),
    });
  }

  const ev: EvaluateOutput = evaluate({
    asOf: f.asOf,
    citizen: { birthDate: f.birthDate },
    forloeb: [
      {
        id: fl.id,
        start: fl.start,
        plannedEnd: fl.plannedEnd,
        decidedOn: fl.decidedOn,
        ...(fl.nextStepDecidedOn ? { nextStepDecidedOn: fl.nextStepDecidedOn } : {}),
        ...(fl.endedOn ? { endedOn: fl.endedOn } : {}),
      },
    ],
    periods: f.periods.filter((p) =>
      ["barsel", "fritagelse", "standby", "ordinaryWork", "stu", "khe15", "sickness"].includes(p.kind),
    ) as never,
    interventions: f.interventions
      .filter((i) => i.start && QUALIFYING_OR_OTHER.has(i.kind))
      .map((i) => ({
        id: i.id,
        kind: i.kind,
        start: i.start!,
        ...(i.end ? { end: i.end } : {}),
        inPlan: i.inPlan,
      })) as never,
    conversations: held.map((c) => ({
      date: c.date,
      mode: c.mode,
      held: true,
      nextAgreed: c.nextAgreedOn !== null,
    })) as never,
    settings: { teamLeadWeeks: f.settings.teamLeadWeeks },
  } as Parameters<typeof evaluate>[0]);
  const fo = ev.forloeb[0]!;
  const tree = ev.explanations.find((e) => e.title.endsWith(fl.id));

  const ig = fo.indsatsgaranti;
  if (ig.deadline && ig.status !== "notApplicable" && ig.status !== "exempt") {
    out.push({
      kind: "indsatsgaranti",
      refId: "",
      dueDate: ig.deadline,
      metOn: ig.status === "met" ? ig.qualifyingStart : null,
      title: DEADLINE_KINDS.indsatsgaranti,
      anchor: "indsatser",
      ruleId: "IG-1",
      explanation: findChild(tree, "IG") ?? simple("IG-1", DEADLINE_KINDS.indsatsgaranti, {}, ig.deadline, ""),
    });
  }

  const conv = fo.conversations;
  if (conv.status !== "notApplicable") {
    const fourth = held.filter((c) => c.date >= fl.start && c.date <= conv.windowEnd)[3];
    out.push({
      kind: "conversations4",
      refId: "",
      dueDate: conv.windowEnd,
      metOn: conv.status === "met" ? (fourth?.date ?? conv.windowEnd) : null,
      title: `${DEADLINE_KINDS.conversations4} (${conv.held} af ${conv.required ?? 4} holdt)`,
      anchor: "samtaler",
      ruleId: "FU-1",
      explanation: findChild(tree, "FU-1") ?? simple("FU-1", DEADLINE_KINDS.conversations4, {}, conv.windowEnd, ""),
    });
  }

  const running = fo.status === "running" || fo.status === "continuesUntilDecision";
  if (running && f.asOf > conv.windowEnd) {
    // After the first 6 months: the municipality's own policy (FU-1), or the next meeting agreed (FU-3) if sooner.
    const last = held.at(-1);
    const base = last?.date ?? conv.windowEnd;
    const policyDue = formatDate(addDays(parseDate(base), f.settings.conversationIntervalDays));
    const agreed = last?.nextAgreedOn ?? null;
    const due = agreed && agreed < policyDue ? agreed : policyDue;
    out.push({
      kind: "nextConversation",
      refId: "",
      dueDate: due,
      metOn: null,
      title: DEADLINE_KINDS.nextConversation,
      anchor: "samtaler",
      ruleId: "FU-1",
      explanation: simple(
        "FU-1",
        "Samtaler efter de første 6 måneder efter kommunens politik",
        {
          lastHeld: last?.date ?? null,
          nextAgreedOn: agreed,
          municipalityIntervalDays: f.settings.conversationIntervalDays,
        },
        due,
        agreed && agreed < policyDue
          ? `Næste samtale er aftalt til ${da(agreed)} (FU-3), før kommunens interval på ${f.settings.conversationIntervalDays} dage.`
          : `Seneste samtale ${da(base)} + kommunens interval på ${f.settings.conversationIntervalDays} dage = ${da(policyDue)}.`,
      ),
    });
  }

  if (fo.status !== "ended") {
    const presentBy = fo.nextStep.presentBy ?? fo.nextStep.decideBy;
    out.push({
      kind: "forloebEnding",
      refId: "",
      dueDate: presentBy,
      metOn: fl.nextStepDecidedOn,
      title:
        fo.status === "continuesUntilDecision"
          ? "Forløbet er slut og fortsætter, indtil næste skridt er besluttet (D-5)"
          : `${DEADLINE_KINDS.forloebEnding} (slutter ${da(fo.effectiveEnd)})`,
      anchor: "afslutning",
      ruleId: "D-6",
      explanation: findChild(tree, "D-6") ?? simple("D-6", DEADLINE_KINDS.forloebEnding, {}, presentBy, ""),
    });
  }

  for (const g of f.mentorGrants) {
    out.push({
      kind: "mentorEnding",
      refId: g.id,
      dueDate: g.to,
      metOn: g.renewed ? g.to : null,
      title: `${DEADLINE_KINDS.mentorEnding}: ${g.mentorName}`,
      anchor: "mentor",
      ruleId: "MT-3",
      explanation: simple(
        "MT-3",
        "En mentorbevilling gælder højst 6 måneder ad gangen",
        { mentor: g.mentorName, from: g.from, to: g.to, renewed: g.renewed },
        g.to,
        `Bevillingen løber til ${da(g.to)}. En ny periode på op til 6 måneder kræver en konkret vurdering (LAB § 167).`,
      ),
    });
  }

  for (const i of f.interventions) {
    if (i.kind !== "lab11" || !i.start || !i.plannedEnd) continue;
    out.push({
      kind: "placementEnding",
      refId: i.id,
      dueDate: i.plannedEnd,
      metOn: i.end,
      title: `${DEADLINE_KINDS.placementEnding}: ${i.title}`,
      anchor: "indsatser",
      ruleId: "VP-4",
      explanation: simple(
        "VP-4",
        "Virksomhedspraktikkens længde",
        { start: i.start, plannedEnd: i.plannedEnd },
        i.plannedEnd,
        `Praktikken er bevilget til ${da(i.plannedEnd)}. Forlængelse kræver en konkret vurdering (typisk 13 uger, op til 26).`,
      ),
    });
  }
  return out;
}

export type DeadlineStatus = "met" | "overdue" | "dueSoon" | "upcoming";

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  met: "Opfyldt",
  overdue: "Overskredet",
  dueSoon: "Snart",
  upcoming: "Kommende",
};

/** Status against today: the stored deadline never goes stale, only its status moves. */
export function deadlineStatus(
  d: { dueDate: string; metOn: string | null },
  today: string,
  dueSoonDays: number,
): DeadlineStatus {
  if (d.metOn) return "met";
  if (d.dueDate < today) return "overdue";
  if (d.dueDate <= formatDate(addDays(parseDate(today), dueSoonDays))) return "dueSoon";
  return "upcoming";
}
