import type { Citation } from "../citation";
import { tryResolve } from "../dated";
import { addMonths, formatDate, type DayNumber, type IsoDate } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { followUpRules } from "../parameters/follow-up";
import type { ConversationMode, InterventionKind } from "../parameters/kinds";
import { SKRIVELSE_002 } from "../sources";
import { defineRule } from "./rule-meta";

const C_FU = followUpRules.entries[2]!.citation;
const C_FU3: Citation = { law: "LAB", paragraph: "§§ 27, 31-33", source: `${SKRIVELSE_002} §5.3` };
const TESTS = ["legislation/rules/follow-up.test.ts", "tests/golden/FU.yaml"];

export const FU_1 = defineRule({
  id: "FU-1",
  titleDa: "Mindst 4 samtaler i de første 6 måneder",
  summaryDa:
    "Der holdes mindst 4 samtaler inden for forløbets første 6 måneder. Derefter efter aftale med borgeren, og når kommunen finder behov eller borgeren ønsker det. Lokale politikker kan kræve flere.",
  citations: followUpRules.entries.slice(1).map((e) => e.citation),
  inForce: { from: followUpRules.entries[1]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [followUpRules],
});
export const FU_2 = defineRule({
  id: "FU-2",
  titleDa: "Samtaler på afstand kun under beskæftigelsesrettet tilbud",
  summaryDa: "En samtale kan holdes telefonisk eller på anden måde end ved personligt fremmøde, når borgeren deltager i et beskæftigelsesrettet tilbud.",
  citations: followUpRules.entries.slice(1).map((e) => e.citation),
  inForce: { from: followUpRules.entries[1]!.from },
  kind: "computed",
  tests: TESTS,
  parameters: [followUpRules],
});
export const FU_3 = defineRule({
  id: "FU-3",
  titleDa: "Næste møde aftales",
  summaryDa: "Et møde bør slutte med, at næste møde er aftalt, så borgeren ved, at der følges op og hvornår.",
  citations: [C_FU3],
  inForce: { from: "2013-01-01" },
  kind: "computed",
  tests: TESTS,
});

export interface ConversationFact {
  date: DayNumber;
  mode: ConversationMode;
  held: boolean;
  nextAgreed?: boolean;
}

export interface ConversationsValue {
  windowEnd: IsoDate;
  /** null when no requirement was in force at the forløb's start. */
  required: number | null;
  held: number;
  status: "met" | "pending" | "breached" | "notApplicable";
  findings: Finding[];
}

/** FU-1: at least `required` held conversations in [start, start + 6 months − 1 day]. */
export function conversationsFirstMonths(
  facts: { start: DayNumber; conversations: readonly ConversationFact[] },
  asOf: DayNumber,
  forloebId?: string,
): RuleResult<ConversationsValue> {
  const rules = tryResolve(followUpRules, facts.start);
  const months = rules?.value.windowMonths ?? 6;
  const windowEndDay = addMonths(facts.start, months) - 1;
  let held = 0;
  for (const c of facts.conversations) if (c.held && c.date >= facts.start && c.date <= windowEndDay && c.date <= asOf) held++;
  const findings: Finding[] = [];
  let status: ConversationsValue["status"];
  if (!rules) status = "notApplicable";
  else if (held >= rules.value.required) status = "met";
  else if (asOf <= windowEndDay) status = "pending";
  else status = "breached";
  if (status === "breached") {
    findings.push(
      finding(
        FU_1.id,
        "error",
        `Der er holdt ${held} samtale${held === 1 ? "" : "r"} i forløbets første ${months} måneder (til og med ${formatDate(windowEndDay)}); der skal holdes mindst ${rules!.value.required}.`,
        [rules!.citation],
        forloebId,
      ),
    );
  }
  const value: ConversationsValue = {
    windowEnd: formatDate(windowEndDay),
    required: rules ? rules.value.required : null,
    held,
    status,
    findings,
  };
  return {
    value,
    explanation: explain({
      ruleId: FU_1.id,
      title: FU_1.titleDa,
      citations: rules ? [rules.citation] : [followUpRules.entries[0]!.citation],
      inputs: { start: formatDate(facts.start), asOf: formatDate(asOf), conversationsInWindow: held },
      parameters: rules ? [paramUse(rules)] : [],
      result: { windowEnd: value.windowEnd, required: value.required, held, status },
      reasoning: rules
        ? `Vindue ${formatDate(facts.start)}-${value.windowEnd}: ${held} afholdte samtaler (kun samtaler til og med ${formatDate(asOf)} tæller), krav ${rules.value.required}.`
        : `Intet samtalekrav var i kraft ved forløbets start ${formatDate(facts.start)}.`,
    }),
  };
}

export interface OfferFact {
  kind: InterventionKind;
  start: DayNumber;
  end?: DayNumber;
}

/** FU-2: a held remote conversation needs an employment-oriented offer running on its date. */
export function remoteConversations(
  facts: { conversations: readonly ConversationFact[]; offers: readonly OfferFact[] },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ findings: Finding[] }> {
  const findings: Finding[] = [];
  const checked: unknown[] = [];
  for (const c of facts.conversations) {
    if (!c.held) continue;
    const rules = tryResolve(followUpRules, c.date);
    if (!rules || !rules.value.remoteModes.includes(c.mode)) continue;
    const inOffer = facts.offers.some(
      (o) => rules.value.employmentOrientedKinds.includes(o.kind) && o.start <= c.date && (o.end === undefined || c.date <= o.end),
    );
    checked.push({ date: formatDate(c.date), mode: c.mode, inEmploymentOrientedOffer: inOffer });
    if (!inOffer) {
      findings.push(
        finding(
          FU_2.id,
          "warning",
          `Samtalen ${formatDate(c.date)} blev holdt som ${modeDa(c.mode)}, men borgeren deltog ikke i et beskæftigelsesrettet tilbud (LAB kap. 11, 12 eller 14) den dag. Samtalen skal som udgangspunkt holdes ved personligt fremmøde.`,
          [rules.citation],
          forloebId,
        ),
      );
    }
  }
  return {
    value: { findings },
    explanation: explain({
      ruleId: FU_2.id,
      title: FU_2.titleDa,
      citations: [C_FU],
      inputs: { remoteConversations: checked },
      result: { warnings: findings.length },
    }),
  };
}

function modeDa(m: ConversationMode): string {
  return m === "phone" ? "telefonsamtale" : m === "video" ? "videosamtale" : m === "digital" ? "digital samtale" : "personligt møde";
}

/**
 * FU-3: a held conversation should end with the next meeting agreed. The field is optional:
 * the check runs only when the caller records it (on any conversation), so that systems that
 * do not track it get no noise.
 */
export function nextMeetingAgreed(
  facts: { conversations: readonly ConversationFact[] },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ findings: Finding[] }> {
  const tracked = facts.conversations.some((c) => c.nextAgreed !== undefined);
  const findings: Finding[] = [];
  if (tracked) {
    for (const c of facts.conversations) {
      if (c.held && c.nextAgreed !== true) {
        findings.push(
          finding(
            FU_3.id,
            "warning",
            `Ved samtalen ${formatDate(c.date)} er næste møde ikke registreret som aftalt. Aftal altid næste møde, inden mødet afsluttes.`,
            [C_FU3],
            forloebId,
          ),
        );
      }
    }
  }
  return {
    value: { findings },
    explanation: explain({
      ruleId: FU_3.id,
      title: FU_3.titleDa,
      citations: [C_FU3],
      inputs: { tracked },
      result: { warnings: findings.length },
    }),
  };
}
