import { emptyPacked, filterPacked, mapPacked } from "./arrays";
import { parseCpr } from "./cpr";
import { addDays, ageAt, formatDate, parseDate, type DayNumber } from "./dates";
import type { Explanation } from "./explanation";
import type { EvaluateInput, EvaluateOutput, ForloebOutput } from "./evaluate-schema";
import type { Finding } from "./finding";
import type { ParseResult } from "./input-issues";
import { parseEvaluateInput } from "./parse-evaluate-input";
import { regimeOn } from "./regimes";
import {
  checkDuration,
  effectiveEnd,
  forloebLength,
  forloebStatus,
  newForloebLimits,
  nextStepDeadline,
  noExtension,
  repeatForloebCheck,
  type ForloebDates,
} from "./rules/duration";
import { conversationsFirstMonths, nextMeetingAgreed, remoteConversations, type ConversationFact } from "./rules/follow-up";
import { indsatsgaranti } from "./rules/indsatsgaranti";
import { mentorGrants } from "./rules/mentor";
import { folkepensionsalder } from "./rules/pension-age";
import { skNotice, skRightUsed } from "./rules/sundhedskoordinator";
import { grantAllowed, seniorRule, sixYearLine } from "./rules/target-group";
import { praktikFocus, praktikLengthCheck, praktikShortHours } from "./rules/virksomhedspraktik";

export * from "./evaluate-schema";
export { parseEvaluateInput, parseEvaluateInputSlow } from "./parse-evaluate-input";

/** Parse then evaluate; for callers (CLI, HTTP) that start from unknown JSON. Never throws on any input. */
export function evaluateUnknown(input: unknown): ParseResult<EvaluateOutput> {
  const parsed = parseEvaluateInput(input);
  return parsed.ok ? { ok: true, value: evaluate(parsed.value) } : parsed;
}

const opt = (s: string | undefined): DayNumber | undefined => (s === undefined ? undefined : parseDate(s));

/** Collects the findings and explanation of each rule a forløb runs. */
class RuleLog {
  readonly children: Explanation[] = [];
  constructor(private readonly findings: Finding[]) {}
  take<V extends { findings?: Finding[] }>(r: { value: V; explanation: Explanation }): V {
    this.children.push(r.explanation);
    if (r.value.findings && r.value.findings.length) for (const f of r.value.findings) this.findings.push(f);
    return r.value;
  }
}

/**
 * Evaluate a case file on `asOf` (evaluate.md). The input must come from parseEvaluateInput.
 * Pure: reads no clock and no I/O.
 */
export function evaluate(input: EvaluateInput): EvaluateOutput {
  const asOf = parseDate(input.asOf);
  const birthDate =
    input.citizen.birthDate !== undefined
      ? parseDate(input.citizen.birthDate)
      : (parseCpr(input.citizen.cpr as string) as { birthDay: DayNumber }).birthDay;
  const wishes = input.citizen.wishesNewForloeb === true;
  const findings = emptyPacked<Finding>();
  const explanations = emptyPacked<Explanation>();

  const pension = folkepensionsalder({ birthDate }, asOf);
  explanations.push(pension.explanation);
  const line = sixYearLine({ birthDate, pension }, asOf);
  explanations.push(line.explanation);

  const periods = mapPacked(input.periods, (p) => ({ kind: p.kind, from: parseDate(p.from), to: parseDate(p.to) }));
  const barsel = filterPacked(periods, (p) => p.kind === "barsel");
  const interventions = mapPacked(input.interventions, (i) => ({ src: i, kind: i.kind, start: parseDate(i.start), end: opt(i.end), inPlan: i.inPlan }));
  const conversations: ConversationFact[] = mapPacked(input.conversations, (c) => ({
    date: parseDate(c.date),
    mode: c.mode,
    held: c.held,
    nextAgreed: c.nextAgreed,
  }));
  const all: ForloebDates[] = mapPacked(input.forloeb, (f) => ({ start: parseDate(f.start), plannedEnd: parseDate(f.plannedEnd) }));
  const teamLeadWeeks = input.settings?.teamLeadWeeks;

  const out = emptyPacked<ForloebOutput>();
  let latestEnd: DayNumber | null = null;
  for (let k = 0; k < input.forloeb.length; k++) {
    const src = input.forloeb[k]!;
    const { start, plannedEnd } = all[k]!;
    const id = src.id;
    const decidedOn = opt(src.decidedOn);
    const nextStepDecidedOn = opt(src.nextStepDecidedOn);
    const endedOn = opt(src.endedOn);
    const citizenWished = src.citizenWished === true;
    const log = new RuleLog(findings);

    const reg = regimeOn(start);
    const end = log.take(effectiveEnd({ start, plannedEnd, barsel }, asOf, id));
    const eEnd = end.effectiveEndDay;
    if (latestEnd === null || eEnd > latestEnd) latestEnd = eEnd;
    log.take(checkDuration({ start, plannedEnd, decidedOn }, asOf, id));
    log.take(noExtension({ plannedEnd, decidedEnd: opt(src.decidedEnd) }, asOf, id));
    if (decidedOn !== undefined) log.take(grantAllowed({ decisionDate: decidedOn }, asOf, id));
    log.take(seniorRule({ birthDate, pension, start, citizenWished, decidedOn }, asOf, id));
    log.take(repeatForloebCheck({ birthDate, forloeb: all[k]!, earlier: all, citizenWished }, asOf, id));
    const statusFacts = { start, effectiveEnd: eEnd, nextStepDecidedOn, endedOn };
    const status = log.take(forloebStatus(statusFacts, asOf, id));
    const next = log.take(nextStepDeadline({ start, effectiveEnd: eEnd, nextStepDecidedOn, endedOn, teamLeadWeeks }, asOf, id));
    const ig = log.take(
      indsatsgaranti(
        { start, effectiveEnd: eEnd, periods, interventions, exception: src.igException ? { reason: src.igException.reason } : undefined },
        asOf,
        id,
      ),
    );
    const conv = log.take(conversationsFirstMonths({ start, conversations }, asOf, id));

    // FU-2/FU-3 for the conversations held while this forløb ran (incl. continuation after the end).
    const lastDay = endedOn ?? (status.status === "continuesUntilDecision" ? asOf : Math.max(eEnd, nextStepDecidedOn ?? eEnd));
    const own = filterPacked(conversations, (c) => c.date >= start && c.date <= lastDay);
    if (own.length) {
      log.take(remoteConversations({ conversations: own, offers: interventions }, asOf, id));
      log.take(nextMeetingAgreed({ conversations: own }, asOf, id));
    }

    // Offers inside this forløb: MT-3, VP, SK.
    const inside = filterPacked(interventions, (i) => i.start >= start && i.start <= lastDay);
    const mentors = filterPacked(inside, (i) => i.kind === "lab26mentor" && i.end !== undefined);
    if (mentors.length > 0) {
      const grants = mentors.map((m) => ({ start: m.start, end: m.end as DayNumber, concreteAssessment: m.src.concreteAssessment }));
      log.take(mentorGrants({ grants }, asOf, id));
    }
    for (const i of inside) {
      const pl = i.src.placement;
      if (i.kind === "lab11" && pl) {
        if (pl.focus !== undefined) log.take(praktikFocus({ focus: pl.focus }, asOf, id));
        if (pl.hoursPerDay !== undefined) {
          log.take(praktikShortHours({ start: i.start, hoursPerDay: pl.hoursPerDay, shortHoursReason: pl.shortHoursReason }, asOf, id));
        }
        if (pl.initialWeeks !== undefined) {
          log.take(praktikLengthCheck({ start: i.start, initialWeeks: pl.initialWeeks, extensions: pl.extensions ?? [] }, asOf, id));
        }
      }
      if (i.src.offeredOn !== undefined) {
        log.take(skNotice({ kind: i.kind, offeredOn: parseDate(i.src.offeredOn), writtenNoticeOn: opt(i.src.skNoticeOn) }, asOf, id));
      }
      if (i.src.skRequestedOn !== undefined) {
        log.take(
          skRightUsed(
            { kind: i.kind, start: i.start, requestedOn: parseDate(i.src.skRequestedOn), municipalityDecidedOn: opt(i.src.skDecidedOn) },
            asOf,
            id,
          ),
        );
      }
    }

    out.push({
      id,
      regime: reg.value,
      start: src.start,
      plannedEnd: src.plannedEnd,
      effectiveEnd: end.effectiveEnd,
      barselDays: end.barselDays,
      status: status.status,
      duration: forloebLength(all[k]!),
      indsatsgaranti: {
        status: ig.status,
        deadline: ig.deadline,
        windowStart: ig.windowStart,
        extensionDays: ig.extensionDays,
        transitional: ig.transitional,
        qualifyingStart: ig.qualifyingStart,
      },
      conversations: { windowEnd: conv.windowEnd, required: conv.required, held: conv.held, status: conv.status },
      nextStep: { decideBy: next.decideBy, presentBy: next.presentBy, presentTo: next.presentTo },
    });
    explanations.push({
      ruleId: reg.value === "R2013" ? "D-1" : "D-2",
      title: `Ressourceforløb ${id}`,
      citations: [reg.citation],
      inputs: { id, start: src.start, plannedEnd: src.plannedEnd },
      parameters: [{ name: reg.name, value: reg.value, from: reg.from, to: reg.to, citation: reg.citation }],
      result: { regime: reg.value, effectiveEnd: end.effectiveEnd, status: status.status },
      children: log.children,
    });
  }

  // What a forløb starting on asOf may be; and, extra, the next one after the latest forløb.
  const limits = (start: DayNumber) =>
    newForloebLimits(
      { birthDate, pension, start, decisionDate: asOf, earlier: all, wishesNewForloeb: wishes, folkepensionDate: pension.dateDay },
      asOf,
    );
  const nf = limits(asOf);
  // Findings about a new forløb matter only when the citizen is not in one (visitation).
  if (!out.some((f) => f.status === "running" || f.status === "continuesUntilDecision")) findings.push(...nf.value.findings);
  explanations.push(nf.explanation);
  let nextForloeb: EvaluateOutput["nextForloeb"] = null;
  if (latestEnd !== null && latestEnd >= asOf) {
    const nx = limits(addDays(latestEnd, 1));
    explanations.push(nx.explanation);
    nextForloeb = toNewForloeb(addDays(latestEnd, 1), nx.value);
  }

  return {
    asOf: input.asOf,
    regime: regimeOn(asOf).value,
    citizen: { birthDate: formatDate(birthDate), ageAsOf: ageAt(birthDate, asOf) },
    folkepensionsalder: pension.value,
    sixYearLine: line.value.line,
    forloeb: out,
    newForloeb: toNewForloeb(asOf, nf.value),
    nextForloeb,
    findings,
    explanations,
  };
}

function toNewForloeb(start: DayNumber, v: ReturnType<typeof newForloebLimits>["value"]): EvaluateOutput["newForloeb"] {
  return {
    start: formatDate(start),
    allowed: v.allowed,
    requiresCitizenWish: v.requiresCitizenWish,
    maxMonths: v.maxMonths,
    minMonths: v.minMonths,
    maxMonthsWithWish: v.maxMonthsWithWish,
    wishReasons: v.wishReasons,
  };
}
