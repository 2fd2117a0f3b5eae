import {
  appealDeadline,
  catalogueEntry,
  checkDuration,
  citationText,
  completeness,
  endOfMonths,
  folkepensionsalder,
  forloebLength,
  formatDate,
  grantAllowed,
  newForloebLimits,
  parseDate,
  seniorRule,
  type Citation,
  type Explanation,
  type Finding,
} from "~/legislation";
import type { FieldErrors } from "~/platform/validation";
import { DECISION_KINDS, recommendationLabel, type DecisionInput, type IndstillingView } from "./afgoerelse";

/**
 * The rules a decision is checked against, pure: the shell passes the decision date (today()) and the facts.
 * Each check names its rule ID and legal basis; the explanation tree is shown on the page ("Hvorfor?"), stored
 * with the afgørelse, and its citations are the legal basis of the letter.
 */

export interface DecisionFacts {
  input: DecisionInput;
  /** The decision date, YYYY-MM-DD (today() in the shell). */
  decidedOn: string;
  caseStatus: string;
  origin: "municipality" | "application";
  applicationText: string | null;
  judgement: Record<string, unknown>;
  birthDate: string;
  /** The citizen's forløb on other cases (earlier forløb count towards D-1/D-2; a running one blocks, D-3). */
  earlierForloeb: { startDate: string; plannedEnd: string; endedOn?: string | null }[];
  indstilling: IndstillingView | null;
  coordinator: { userId: string; name: string; unitKind: string } | null;
  decider: { type: "user" | "token"; id: string; name: string };
}

export type Assessment =
  | { outcome: "ok"; explanation: Explanation; dates: GrantDates | null; deviates: boolean }
  | { outcome: "invalid"; errors: FieldErrors; explanation: Explanation | null }
  | { outcome: "blocked"; ruleId: "P-3"; message: string; explanation: Explanation }
  | { outcome: "notAllowed"; ruleId: "P-6"; message: string }
  | { outcome: "wrongStatus"; message: string };

export interface GrantDates {
  startDate: string;
  endDate: string;
  /** Whole months when the period is whole months (end = start + N months − 1 day), else null. */
  months: number | null;
}

export const P6_NOT_JOBCENTER =
  "En koordinerende sagsbehandler fra en anden enhed end jobcentret kan ikke træffe afgørelse efter beskæftigelseslovgivningen (002 §5.1)";
export const P6_PERSON_REQUIRED =
  "En afgørelse skal træffes og underskrives af en medarbejder (P-6). Et API-token er en servicekonto og kan ikke underskrive; log på som medarbejder.";

function ruleCitations(id: string): Citation[] {
  return [...(catalogueEntry(id)?.citations ?? [])];
}

function node(e: Omit<Explanation, "parameters" | "children" | "inputs"> & Partial<Explanation>): Explanation {
  return { inputs: {}, parameters: [], children: [], ...e };
}

/** "D-2: … (LAB § 113)": the rule ID first and the legal basis last, as on every message of the app. */
export function ruleMessage(f: Pick<Finding, "ruleId" | "message" | "basis">): string {
  const message = f.message.trim().replace(/\.$/, "");
  return `${f.ruleId}: ${message}${f.basis ? ` (${f.basis})` : ""}`;
}

const dk = (iso: string) => iso.split("-").reverse().join(".");

/** P-6: may this person decide on this case? Null when yes, else the reason. */
export function p6Refusal(facts: Pick<DecisionFacts, "coordinator" | "decider">): string | null {
  if (facts.decider.type !== "user") return P6_PERSON_REQUIRED;
  const c = facts.coordinator;
  if (c && c.userId === facts.decider.id && c.unitKind !== "jobcenter") return P6_NOT_JOBCENTER;
  return null;
}

/** Which decisions the case's status allows (P-1, TG-9). */
export function allowedKinds(status: string, origin: string): (keyof typeof DECISION_KINDS)[] {
  if (status === "indstillingGiven") return ["grant", "refusal"];
  if (status === "visitation" && origin === "application") return ["notConsidered"];
  return [];
}

export function statusMessage(status: string, origin: string): string {
  switch (status) {
    case "indstillingGiven":
      return "Rehabiliteringsteamet har givet sin indstilling. Afgørelsen skal træffes hurtigst muligt (P-4).";
    case "visitation":
      return origin === "application"
        ? "Sagen er i visitation. Borgeren har søgt; kommunen kan afvise at behandle sagen med henblik på ressourceforløb (TG-9) – det er en afgørelse med klagevejledning. Ellers forelægges sagen rehabiliteringsteamet, før der træffes afgørelse (P-1)."
        : "Sagen er i visitation. Afgørelsen træffes, når rehabiliteringsteamet har givet sin indstilling (P-1).";
    case "readyForTeam":
    case "onAgenda":
      return "Sagen venter på rehabiliteringsteamet. Afgørelsen træffes, når teamet har givet sin indstilling (P-1).";
    case "backToTeam":
      return "Sagen er sendt tilbage til rehabiliteringsteamet, fordi kommunen ikke vil følge indstillingen (P-3). Afgørelsen kan træffes, når teamet har revurderet sagen og givet en ny indstilling.";
    case "granted":
    case "refused":
    case "notConsidered":
      return "Der er truffet afgørelse i sagen.";
    default:
      return "Der kan ikke træffes afgørelse i sagen i dens nuværende status.";
  }
}

/** P-3: does the decision follow the team's indstilling? */
export function followsIndstilling(
  ind: Pick<IndstillingView, "recommendation" | "recommendedMonths">,
  kind: string,
  months: number | null,
): boolean {
  const recommendsForloeb = ind.recommendation === "ressourceforloeb";
  if (kind === "grant")
    return recommendsForloeb && (ind.recommendedMonths === null || months === ind.recommendedMonths);
  if (kind === "refusal") return !recommendsForloeb;
  return true;
}

function describeIndstilling(ind: Pick<IndstillingView, "recommendation" | "recommendedMonths" | "otherText">): string {
  const label = recommendationLabel(ind.recommendation, ind.otherText).toLowerCase();
  return ind.recommendation === "ressourceforloeb" && ind.recommendedMonths !== null
    ? `${label} i ${ind.recommendedMonths} måneder`
    : label;
}

function describeDecision(kind: string, months: number | null, dates: GrantDates | null): string {
  if (kind === "grant") {
    if (months !== null) return `ressourceforløb i ${months} måneder`;
    return dates ? `ressourceforløb fra ${dk(dates.startDate)} til ${dk(dates.endDate)}` : "ressourceforløb";
  }
  return "afslag på ressourceforløb";
}

/** The grant's period from start and either months or an end date; the error is field-named. */
export function grantDates(input: DecisionInput): { dates: GrantDates } | { field: string; message: string } {
  const start = parseDate(input.startDate!);
  let end: number;
  if (input.months !== undefined) {
    end = endOfMonths(start, input.months);
    if (input.endDate && parseDate(input.endDate) !== end) {
      return {
        field: "endDate",
        message: `Slutdatoen passer ikke med varigheden: ${input.months} måneder fra ${dk(input.startDate!)} slutter ${dk(formatDate(end))}. Udfyld kun det ene felt, eller ret det ene (P-4)`,
      };
    }
  } else {
    end = parseDate(input.endDate!);
    if (end < start) return { field: "endDate", message: "Slutdatoen ligger før startdatoen" };
  }
  const len = forloebLength({ start, plannedEnd: end });
  return {
    dates: { startDate: input.startDate!, endDate: formatDate(end), months: len.days === 0 ? len.months : null },
  };
}

function p3Node(ind: IndstillingView | null, kind: string, months: number | null, follows: boolean, allowed: boolean) {
  return node({
    ruleId: "P-3",
    title: "Afgørelsen og rehabiliteringsteamets indstilling",
    citations: ruleCitations("P-3"),
    inputs: {
      indstilling: ind ? describeIndstilling(ind) : null,
      indstillingGivetPaa: ind?.purpose ?? null,
      afgoerelse: kind === "grant" ? (months ?? "andet end hele måneder") : kind,
    },
    result: { followsIndstilling: follows, allowed },
    reasoning: !ind
      ? "Der er ingen indstilling fra rehabiliteringsteamet."
      : follows
        ? "Afgørelsen følger teamets indstilling."
        : allowed
          ? "Afgørelsen afviger fra indstillingen. Sagen har været forelagt teamet igen før afgørelsen, og teamet har givet en ny indstilling; derfor kan afgørelsen træffes."
          : "Afgørelsen afviger fra indstillingen. Sagen skal forelægges teamet igen, før afgørelsen træffes.",
  });
}

function p6Node(facts: DecisionFacts): Explanation {
  return node({
    ruleId: "P-6",
    title: "Afgørelsen træffes og underskrives af en medarbejder i jobcentret",
    citations: ruleCitations("P-6"),
    inputs: {
      decidedBy: facts.decider.name,
      coordinator: facts.coordinator?.name ?? null,
      coordinatorUnitKind: facts.coordinator?.unitKind ?? null,
    },
    result: true,
    reasoning:
      facts.coordinator && facts.coordinator.userId === facts.decider.id
        ? "Den koordinerende sagsbehandler er fra jobcentret og kan træffe afgørelse efter beskæftigelseslovgivningen."
        : "Afgørelsen træffes af en medarbejder, der ikke er sagens koordinerende sagsbehandler fra en anden enhed.",
  });
}

function appealNode(decidedOn: string): Explanation {
  const d = parseDate(decidedOn);
  const a = appealDeadline({ decisionReceivedOn: d }, d).explanation;
  // A-2: the municipality's genvurdering; the letter tells the citizen how the appeal is handled.
  const a2 = node({
    ruleId: "A-2",
    title: catalogueEntry("A-2")?.titleDa ?? "Genvurdering",
    citations: ruleCitations("A-2"),
    result: "4 uger",
    reasoning:
      "Kommunen genvurderer afgørelsen inden 4 uger efter at have modtaget klagen og sender den ellers videre til Ankestyrelsen.",
  });
  return { ...a, children: [...a.children, a2] };
}

function tg9Node(facts: DecisionFacts, answer: string | undefined): Explanation | null {
  if (facts.origin !== "application") return null;
  return node({
    ruleId: "TG-9",
    title: "Borgerens ansøgning",
    citations: ruleCitations("TG-9"),
    inputs: {
      requestedHelp: facts.applicationText,
      allFormsOfHelpAssessed: facts.input.allFormsOfHelpAssessed ?? false,
    },
    result: { answered: Boolean(answer) },
    reasoning: answer
      ? `Begrundelsen forholder sig til ansøgningen: ${answer}`
      : "Begrundelsen mangler svar på ansøgningen.",
  });
}

function targetGroupNode(judgement: Record<string, unknown>): Explanation {
  const conclusion = (k: string) => {
    const s = judgement[k];
    return s && typeof s === "object" && "conclusion" in s ? (s as { conclusion: unknown }).conclusion : null;
  };
  return node({
    ruleId: "TG-1",
    title: "Målgruppen for ressourceforløb (TG-1 – TG-5)",
    citations: ruleCitations("TG-1"),
    inputs: {
      "TG-1 komplekse problemer": conclusion("tg1"),
      "TG-2 betingelser": conclusion("tg2"),
      "TG-3 ordinær indsats udtømt": conclusion("tg3"),
      "TG-4 udviklingsperspektiv": conclusion("tg4"),
    },
    result: true,
    reasoning: "Vurderet i visitationen og forelagt rehabiliteringsteamet (P-1).",
  });
}

/**
 * Checks a decision against the rules. Order: who may decide (P-6), whether the status allows it, the fields and
 * the computed rules (D-1, D-2, D-7, TG-6, TG-10, TG-7, TG-9), and last P-3, which only matters for a valid decision.
 */
export function assessDecision(facts: DecisionFacts): Assessment {
  const refusal = p6Refusal(facts);
  if (refusal) return { outcome: "notAllowed", ruleId: "P-6", message: refusal };
  const { input } = facts;
  if (!allowedKinds(facts.caseStatus, facts.origin).includes(input.kind)) {
    return {
      outcome: "wrongStatus",
      message:
        input.kind === "notConsidered"
          ? "Afvisning af at behandle sagen (TG-9) kan kun træffes i visitationen af en sag, borgeren selv har søgt."
          : statusMessage(facts.caseStatus, facts.origin),
    };
  }

  const errors: FieldErrors = {};
  const children: Explanation[] = [];
  const decided = parseDate(facts.decidedOn);
  const answer = input.answerToApplication?.trim() || undefined;
  let dates: GrantDates | null = null;

  // TG-9: when the citizen applied, the reasoning answers the request (002 §4.5, Ankestyrelsen 83-15).
  if (facts.origin === "application") {
    if (!answer) {
      errors.answerToApplication =
        "TG-9: Skriv, hvordan afgørelsen forholder sig til borgerens ansøgning (skrivelse 10112 §4.5)";
    }
    if (input.kind !== "grant" && input.allFormsOfHelpAssessed !== true) {
      errors.allFormsOfHelpAssessed =
        "TG-9: Borgerens samlede situation skal vurderes i forhold til alle former for hjælp, før ansøgningen afvises eller afslås (Ankestyrelsen 83-15)";
    }
  }

  if (input.kind === "grant") {
    if (!facts.coordinator) {
      errors.kind =
        "P-6: Sagen har ingen koordinerende sagsbehandler. Udpeg en, før forløbet bevilges (LAB § 36, stk. 3)";
    }
    const period = grantDates(input);
    if ("field" in period) errors[period.field] = period.message;
    else dates = period.dates;
    if (dates) {
      const start = parseDate(dates.startDate);
      const end = parseDate(dates.endDate);
      const durationField = input.months !== undefined ? "months" : "endDate";
      if (start < decided) {
        errors.startDate = `P-4: Startdatoen kan ikke ligge før afgørelsesdatoen ${dk(facts.decidedOn)}`;
      }
      // D-3: a forløb is never extended; a new one begins only after the current one has ended (82-16).
      if (facts.earlierForloeb.length > 0) {
        const overlapping = facts.earlierForloeb.filter((f) => {
          const last = f.endedOn ?? f.plannedEnd;
          return parseDate(f.startDate) <= end && parseDate(last) >= start;
        });
        const d3 = ruleCitations("D-3");
        children.push(
          node({
            ruleId: "D-3",
            title: catalogueEntry("D-3")?.titleDa ?? "Et ressourceforløb forlænges ikke",
            citations: d3,
            inputs: {
              earlierForloeb: facts.earlierForloeb.map((f) => ({
                start: f.startDate,
                lastDay: f.endedOn ?? f.plannedEnd,
              })),
            },
            result: { overlaps: overlapping.length > 0 },
            reasoning:
              overlapping.length > 0
                ? "Det nye forløb overlapper et forløb, borgeren allerede har."
                : "Det nye forløb begynder efter borgerens tidligere forløb.",
          }),
        );
        const o = overlapping[0];
        if (o && !errors.startDate) {
          const last = o.endedOn ?? o.plannedEnd;
          errors.startDate = `D-3: Borgeren har et ressourceforløb fra ${dk(o.startDate)} til og med ${dk(last)}. Et forløb forlænges ikke; et nyt forløb kan tidligst begynde ${dk(formatDate(parseDate(last) + 1))} (${d3.map(citationText).join("; ")})`;
        }
      }
      const birth = parseDate(facts.birthDate);
      const pension = folkepensionsalder({ birthDate: birth }, decided);
      const wished = input.citizenWished === true;
      const earlier = facts.earlierForloeb.map((f) => ({
        start: parseDate(f.startDate),
        plannedEnd: parseDate(f.plannedEnd),
      }));
      const limits = newForloebLimits(
        {
          birthDate: birth,
          start,
          decisionDate: decided,
          earlier,
          wishesNewForloeb: wished,
          folkepensionDate: pension.dateDay,
          pension,
        },
        decided,
      );
      const duration = checkDuration({ start, plannedEnd: end, decidedOn: decided }, decided);
      const senior = seniorRule(
        { birthDate: birth, pension, start, decidedOn: decided, citizenWished: wished },
        decided,
      );
      children.push(limits.explanation, duration.explanation, senior.explanation);
      const lim = limits.value;
      const limitFinding = lim.findings[0];
      const grant = grantAllowed({ decisionDate: decided }, decided);

      if (!grant.value.allowed) {
        // TG-10: nothing is granted with a decision date on or after the abolition (lov nr. 1750 af 29.12.2025).
        errors.kind = ruleMessage({
          ruleId: "TG-10",
          message: `Der kan ikke bevilges ressourceforløb med afgørelsesdato ${dk(facts.decidedOn)}; ordningen er ophævet for nye forløb fra ${dk(
            (grant.explanation.parameters[0]?.from as string | undefined) ?? "2026-02-01",
          )}. Træf i stedet afgørelse om den hjælp, borgeren kan få`,
          basis: grant.explanation.citations.map(citationText).join("; "),
        });
      } else if (!lim.allowed) {
        if (limitFinding) errors.startDate = ruleMessage(limitFinding);
      } else {
        if (lim.requiresCitizenWish && !wished && limitFinding) {
          errors.citizenWished = `${ruleMessage(limitFinding)}. Markér, at borgeren selv ønsker forløbet, eller træf afgørelse om afslag`;
        }
        for (const f of senior.value.findings) {
          if (f.severity === "error" && !errors.citizenWished) errors.citizenWished = ruleMessage(f);
        }
        const durationErrors = duration.value.findings.filter((f) => f.severity === "error");
        if (durationErrors.length > 0) {
          errors[durationField] = durationErrors.map(ruleMessage).join(" ");
        } else if (!wished && !lim.requiresCitizenWish && end > endOfMonths(start, lim.maxMonths)) {
          // D-2: aged 40-49 at the start: at most 5 years in all, unless the citizen wishes more.
          errors[durationField] = limitFinding
            ? `${ruleMessage(limitFinding)}. Forløbet må højst slutte ${dk(formatDate(endOfMonths(start, lim.maxMonths)))}`
            : `${limits.explanation.ruleId}: Forløbet må højst vare ${lim.maxMonths} måneder`;
        } else if (wished && end > endOfMonths(start, lim.maxMonthsWithWish)) {
          errors[durationField] =
            `${limits.explanation.ruleId}: Forløbet må højst vare ${lim.maxMonthsWithWish} måneder ad gangen (${limits.explanation.citations.map(citationText).join("; ")})`;
        }
      }
    }
    children.push(targetGroupNode(facts.judgement));
  }

  if (input.kind === "refusal") {
    const grounds = input.grounds ?? [];
    // TG-7: "no need for a coordinating caseworker" is never a valid ground (Ankestyrelsen 1-15).
    const tg7 = completeness({ purpose: "refusal", tg7: { grounds, reason: input.reasons } }).filter(
      (m) => m.ruleId === "TG-7",
    );
    if (tg7.length > 0) {
      errors.grounds = tg7
        .map((m) => `TG-7: ${m.message} (${ruleCitations("TG-7").map(citationText).join("; ")})`)
        .join(" ");
    }
    children.push(
      node({
        ruleId: "TG-7",
        title: "Afslagsgrunde",
        citations: ruleCitations("TG-7"),
        inputs: { grounds },
        result: { valid: tg7.length === 0 },
        reasoning:
          tg7.length === 0
            ? "Afslaget bygger på gyldige grunde. At der ikke er behov for en koordinerende sagsbehandler, er aldrig en gyldig grund (Ankestyrelsen 1-15)."
            : "At der ikke er behov for en koordinerende sagsbehandler, er aldrig en gyldig afslagsgrund (Ankestyrelsen 1-15).",
      }),
    );
    const groundRules = new Set<string>();
    for (const g of grounds) {
      if (g === "notInTargetGroup") groundRules.add("TG-1").add("TG-2");
      if (g === "ordinaryEffortNotExhausted") groundRules.add("TG-3");
      if (g === "noDevelopmentPerspective") groundRules.add("TG-4");
      if (g === "obviouslyEntitledToFoertidspension" || g === "obviouslyFutile") groundRules.add("TG-5");
    }
    for (const id of groundRules) {
      const meta = catalogueEntry(id);
      if (meta)
        children.push(
          node({
            ruleId: id,
            title: meta.titleDa,
            citations: [...meta.citations],
            result: false,
            reasoning: meta.summaryDa,
          }),
        );
    }
    if (grounds.includes("seniorRuleNoWish")) {
      // TG-6 can only carry a refusal when the six-year line is passed at the decision date and no wish exists.
      const birth = parseDate(facts.birthDate);
      const senior = seniorRule(
        { birthDate: birth, start: decided, decidedOn: decided, citizenWished: input.citizenWished === true },
        decided,
      );
      children.push(senior.explanation);
      const basis = senior.explanation.citations.map(citationText).join("; ");
      if (senior.value.line === null) {
        errors.grounds = `TG-6: Seniorreglen var ikke i kraft den ${dk(facts.decidedOn)} og kan ikke begrunde afslaget (${basis})`;
      } else if (!senior.value.requiresCitizenWish) {
        errors.grounds = `TG-6: Borgeren har mindst 6 år til folkepensionsalderen (grænsen er ${dk(senior.value.line)}); seniorreglen kan ikke begrunde afslaget (${basis})`;
      } else if (input.citizenWished === true) {
        errors.grounds = `TG-6: Borgeren ønsker selv forløbet; seniorreglen kan da ikke begrunde afslaget (${basis})`;
      }
    }
    // After the abolition (TG-10) the refusal rests on it too.
    const grant = grantAllowed({ decisionDate: decided }, decided);
    if (!grant.value.allowed) children.push(grant.explanation);
  }

  if (input.kind === "notConsidered") {
    children.push(
      node({
        ruleId: "TG-9",
        title: "Afvisning af at behandle sagen om ressourceforløb er en afgørelse",
        citations: ruleCitations("TG-9"),
        inputs: { requestedHelp: facts.applicationText },
        result: { appealable: true },
        reasoning:
          "Et afslag på at behandle sagen med henblik på ressourceforløb er en afgørelse, som borgeren kan klage over (Ankestyrelsen 64-11). Kommunen skal vurdere borgerens samlede situation i forhold til alle former for hjælp (83-15).",
      }),
    );
  }
  const tg9 = input.kind === "notConsidered" ? null : tg9Node(facts, answer);
  if (tg9) children.push(tg9);

  // P-3 (only for grant and refusal): the decision follows the indstilling, or the team has seen the case again.
  let deviates = false;
  let blocked: string | null = null;
  if (input.kind !== "notConsidered") {
    const ind = facts.indstilling;
    const months = dates?.months ?? null;
    const follows = ind ? followsIndstilling(ind, input.kind, months) : false;
    const revisited = ind?.purpose === "returnBeforeDecision";
    deviates = ind ? !follows : false;
    const allowed = ind !== null && (follows || revisited);
    children.push(p3Node(ind, input.kind, months, follows, allowed));
    if (!ind) {
      blocked =
        "Sagen har ingen indstilling fra rehabiliteringsteamet. Der træffes først afgørelse, når teamet har behandlet sagen (P-1, P-3).";
    } else if (!allowed) {
      blocked = `Afgørelsen (${describeDecision(input.kind, months, dates)}) afviger fra rehabiliteringsteamets indstilling (${describeIndstilling(ind)}). Når kommunen ikke vil følge indstillingen, skal sagen forelægges teamet igen, før der træffes afgørelse (P-3; skrivelse 10112 §5.2).`;
    }
  }
  children.push(p6Node(facts), appealNode(facts.decidedOn));

  const explanation = node({
    ruleId: input.kind === "notConsidered" ? "TG-9" : "P-4",
    title: `Afgørelse: ${DECISION_KINDS[input.kind].toLowerCase()}`,
    citations: input.kind === "notConsidered" ? ruleCitations("TG-9") : ruleCitations("P-4"),
    inputs: {
      kind: input.kind,
      decidedOn: facts.decidedOn,
      startDate: dates?.startDate ?? null,
      endDate: dates?.endDate ?? null,
      months: dates?.months ?? null,
      citizenWished: input.citizenWished ?? false,
      grounds: input.kind === "refusal" ? (input.grounds ?? []) : [],
      answerToApplication: answer ?? null,
      allFormsOfHelpAssessed: input.allFormsOfHelpAssessed ?? false,
    },
    result: dates ? { startDate: dates.startDate, endDate: dates.endDate, months: dates.months } : input.kind,
    reasoning:
      input.kind === "grant" && dates
        ? `Ressourceforløb fra ${dk(dates.startDate)} til og med ${dk(dates.endDate)}${dates.months !== null ? ` (${dates.months} måneder)` : ""}; afgørelsesdato ${dk(facts.decidedOn)}.`
        : `${DECISION_KINDS[input.kind]}; afgørelsesdato ${dk(facts.decidedOn)}.`,
    children,
  });

  if (Object.keys(errors).length > 0) return { outcome: "invalid", errors, explanation };
  if (blocked) return { outcome: "blocked", ruleId: "P-3", message: blocked, explanation };
  return { outcome: "ok", explanation, dates, deviates };
}

/**
 * The legal basis of a decision as the letter lists it: every distinct provision in the explanation tree, with the
 * rule IDs that used it and the sections of skrivelse 10112 they were read in; acts in a fixed order (LAB, LAS, the
 * others, Retssikkerhedsloven) and paragraphs by number. The "[ikke verificeret]" mark is for staff (the "Hvorfor?"
 * panel), not for the letter.
 */
export function legalBasis(explanation: Explanation): { text: string; ruleIds: string[] }[] {
  const byProvision = new Map<
    string,
    { law: string; paragraph: string; sections: Set<string>; ruleIds: Set<string> }
  >();
  const visit = (e: Explanation) => {
    for (const c of e.citations) {
      const key = `${c.law} ${c.paragraph}`.trim();
      const entry = byProvision.get(key) ?? {
        law: c.law,
        paragraph: c.paragraph,
        sections: new Set(),
        ruleIds: new Set(),
      };
      const section = /\(skrivelse 10112 ([^)]+)\)/.exec(citationText(c))?.[1];
      for (const s of section?.split(/,\s*/) ?? []) entry.sections.add(s);
      entry.ruleIds.add(e.ruleId);
      byProvision.set(key, entry);
    }
    e.children.forEach(visit);
  };
  visit(explanation);
  const lawRank = (law: string) => (law === "LAB" ? 0 : law === "LAS" ? 1 : /retssikkerhed/i.test(law) ? 3 : 2);
  const paragraphNumber = (p: string) => Number(/§\s*(\d+)/.exec(p)?.[1] ?? 9999);
  return [...byProvision.values()]
    .sort((a, b) => lawRank(a.law) - lawRank(b.law) || paragraphNumber(a.paragraph) - paragraphNumber(b.paragraph))
    .map((p) => ({
      text:
        `${p.law} ${p.paragraph}`.trim() +
        (p.sections.size
          ? ` (skrivelse 10112 ${[...p.sections].sort((a, b) => a.localeCompare(b, "da", { numeric: true })).join(", ")})`
          : ""),
      ruleIds: [...p.ruleIds],
    }));
}

/** The new-forløb limits for a start on `on`, for the page before anything is filled in. */
export function newForloebPreview(f: {
  on: string;
  birthDate: string;
  earlierForloeb: { startDate: string; plannedEnd: string }[];
  wishes: boolean;
}) {
  const d = parseDate(f.on);
  const birth = parseDate(f.birthDate);
  const pension = folkepensionsalder({ birthDate: birth }, d);
  return newForloebLimits(
    {
      birthDate: birth,
      start: d,
      decisionDate: d,
      earlier: f.earlierForloeb.map((x) => ({ start: parseDate(x.startDate), plannedEnd: parseDate(x.plannedEnd) })),
      wishesNewForloeb: f.wishes,
      folkepensionDate: pension.dateDay,
      pension,
    },
    d,
  );
}
