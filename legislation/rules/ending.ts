import type { Citation } from "../citation";
import { resolve } from "../dated";
import { ageAt, formatDate, type DayNumber } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { kontanthjaelpGate } from "../parameters/ending";
import { SKRIVELSE_002 } from "../sources";
import { defineRule } from "./rule-meta";

const C_65: Citation = { law: "LAB", paragraph: "§ 113, stk. 2", source: `${SKRIVELSE_002} §6.5` };
const C_67: Citation = { law: "LAB", paragraph: "§ 113, stk. 2", source: `${SKRIVELSE_002} §6.7` };

export const E_2 = defineRule({
  id: "E-2",
  titleDa: "Overgang til kontanthjælp efter ressourceforløb",
  summaryDa:
    "Overgang til kontanthjælp kræver enten (1) dokumentation for en så positiv udvikling, at borgeren hverken er i målgruppen for ressourceforløb, fleksjob eller førtidspension, eller (2) at kommunen har vurderet, at borgeren ikke er i målgruppen for førtidspension eller fleksjob, og borgeren udtrykkeligt ikke ønsker et nyt forløb. Vurderingen af udviklingen er et skøn, som registreres.",
  citations: [C_65, ...kontanthjaelpGate.entries.map((e) => e.citation)],
  inForce: { from: kontanthjaelpGate.entries[0]!.from },
  kind: "computed",
  tests: ["legislation/rules/ending.test.ts", "tests/golden/E-2.yaml"],
  parameters: [kontanthjaelpGate],
});

export interface KontanthjaelpGateFacts {
  birthDate: DayNumber;
  /** The day the citizen would move to kontanthjælp. */
  transitionDate: DayNumber;
  /** Path 1 (judgement, recorded with a reason): the development is documented. */
  documentedDevelopment?: { documented: boolean; reason: string };
  /** Path 2: the municipality has assessed the citizen is not in the target group for førtidspension or fleksjob. */
  notInTargetGroupFleksjobFoertidspension?: boolean;
  /** Path 2: the citizen has explicitly said they do not want a new forløb. */
  explicitlyDeclinedNewForloeb?: boolean;
}

export type KontanthjaelpPath = "documentedDevelopment" | "declinedNewForloeb";

/** E-2: may the citizen move from ressourceforløb to kontanthjælp? */
export function kontanthjaelpAllowed(
  facts: KontanthjaelpGateFacts,
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ allowed: boolean; path: KontanthjaelpPath | null; findings: Finding[] }> {
  const gate = resolve(kontanthjaelpGate, facts.transitionDate);
  const age = ageAt(facts.birthDate, facts.transitionDate);
  const findings: Finding[] = [];
  const path1 = facts.documentedDevelopment?.documented === true && facts.documentedDevelopment.reason.trim().length > 0;
  const path2 = facts.notInTargetGroupFleksjobFoertidspension === true && facts.explicitlyDeclinedNewForloeb === true;
  const path: KontanthjaelpPath | null = path1 ? "documentedDevelopment" : path2 ? "declinedNewForloeb" : null;
  if (!path) {
    findings.push(
      finding(
        E_2.id,
        "error",
        "Overgang til kontanthjælp kræver enten dokumentation for en så positiv udvikling, at borgeren ikke er i målgruppen for ressourceforløb, fleksjob eller førtidspension, eller at kommunen har vurderet, at borgeren ikke er i målgruppen for førtidspension eller fleksjob, og at borgeren udtrykkeligt ikke ønsker et nyt forløb.",
        [C_65],
        forloebId,
      ),
    );
  } else if (path === "declinedNewForloeb" && age.years < gate.value.seedPath2FromAge) {
    findings.push(
      finding(
        E_2.id,
        "warning",
        `Borgeren er ${age.years} år. Skrivelsens §6.7 nævner kun denne vej til kontanthjælp for borgere over ${gate.value.seedPath2FromAge} år, mens §6.5 ikke har en aldersgrænse. Vurder og begrund overgangen konkret.`,
        [C_67],
        forloebId,
      ),
    );
  }
  return {
    value: { allowed: path !== null, path, findings },
    explanation: explain({
      ruleId: E_2.id,
      title: E_2.titleDa,
      citations: path === "declinedNewForloeb" ? [C_65, C_67] : [C_65],
      inputs: {
        transitionDate: formatDate(facts.transitionDate),
        ageAtTransition: age,
        documentedDevelopment: facts.documentedDevelopment ?? null,
        notInTargetGroupFleksjobFoertidspension: facts.notInTargetGroupFleksjobFoertidspension ?? null,
        explicitlyDeclinedNewForloeb: facts.explicitlyDeclinedNewForloeb ?? null,
      },
      parameters: [paramUse(gate)],
      result: { allowed: path !== null, path },
      reasoning:
        path === "documentedDevelopment"
          ? `Dokumenteret positiv udvikling: ${facts.documentedDevelopment!.reason}`
          : path === "declinedNewForloeb"
            ? "Ikke i målgruppen for førtidspension eller fleksjob, og borgeren ønsker udtrykkeligt ikke et nyt forløb."
            : "Ingen af de to betingelser er opfyldt.",
    }),
  };
}
