import { tryResolve } from "../dated";
import { formatDate, type DayNumber } from "../dates";
import { explain, paramUse, type RuleResult } from "../explanation";
import { finding, type Finding } from "../finding";
import { INTERVENTION_KIND_DA, type InterventionKind } from "../parameters/kinds";
import { sundhedskoordinatorRight } from "../parameters/sundhedskoordinator";
import { defineRule } from "./rule-meta";

const P = sundhedskoordinatorRight.entries[1]!;
const TESTS = ["legislation/rules/sundhedskoordinator.test.ts", "tests/golden/MT-VP-SK.yaml"];

export const SK_1 = defineRule({
  id: "SK-1",
  titleDa: "Skriftlig vejledning om retten til samtale med sundhedskoordinator",
  summaryDa:
    "Når der gives et konkret beskæftigelsesrettet tilbud (LAB kap. 11, 12 eller 14), skal borgeren skriftligt og senest med tilbuddet vejledes om retten til en samtale med sundhedskoordinatoren og den koordinerende sagsbehandler.",
  citations: [P.citation],
  inForce: { from: P.from },
  kind: "computed",
  tests: TESTS,
  parameters: [sundhedskoordinatorRight],
});
export const SK_2 = defineRule({
  id: "SK-2",
  titleDa: "Brug af retten før eller under tilbuddet",
  summaryDa:
    "Bruger borgeren retten før start, begynder borgeren ikke, før kommunen har vurderet, om tilbuddet skal tilpasses. Bruges retten under tilbuddet, fortsætter borgeren, medmindre kommunen på sundhedskoordinatorens råd beslutter andet.",
  citations: [P.citation],
  inForce: { from: P.from },
  kind: "computed",
  tests: TESTS,
  parameters: [sundhedskoordinatorRight],
});

/** SK-1: written notice of the right, at the latest with the offer. */
export function skNotice(
  facts: { kind: InterventionKind; offeredOn: DayNumber; writtenNoticeOn?: DayNumber },
  _asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ applies: boolean; ok: boolean; findings: Finding[] }> {
  const right = tryResolve(sundhedskoordinatorRight, facts.offeredOn);
  const applies = right !== null && right.value.offerKinds.includes(facts.kind);
  const ok = !applies || (facts.writtenNoticeOn !== undefined && facts.writtenNoticeOn <= facts.offeredOn);
  const findings: Finding[] = [];
  if (!ok && right) {
    findings.push(
      finding(
        SK_1.id,
        "error",
        facts.writtenNoticeOn === undefined
          ? `Der er ikke registreret skriftlig vejledning om retten til samtale med sundhedskoordinator for tilbuddet om ${INTERVENTION_KIND_DA[facts.kind]} givet ${formatDate(facts.offeredOn)}.`
          : `Den skriftlige vejledning (${formatDate(facts.writtenNoticeOn)}) er givet efter tilbuddet (${formatDate(facts.offeredOn)}); den skal gives senest sammen med tilbuddet.`,
        [right.citation],
        forloebId,
      ),
    );
  }
  return {
    value: { applies, ok, findings },
    explanation: explain({
      ruleId: SK_1.id,
      title: SK_1.titleDa,
      citations: [P.citation],
      inputs: {
        kind: facts.kind,
        offeredOn: formatDate(facts.offeredOn),
        writtenNoticeOn: facts.writtenNoticeOn === undefined ? null : formatDate(facts.writtenNoticeOn),
      },
      parameters: right ? [paramUse(right)] : [],
      result: { applies, ok },
    }),
  };
}

export type SkOfferStatus = "notRequested" | "onHoldUntilDecision" | "mayStart" | "continues";

/** SK-2: effect of the citizen using the right, before or during the offer. */
export function skRightUsed(
  facts: { kind: InterventionKind; start: DayNumber; requestedOn?: DayNumber; municipalityDecidedOn?: DayNumber },
  asOf: DayNumber,
  forloebId?: string,
): RuleResult<{ status: SkOfferStatus; findings: Finding[] }> {
  const findings: Finding[] = [];
  const right = facts.requestedOn === undefined ? null : tryResolve(sundhedskoordinatorRight, facts.requestedOn);
  let status: SkOfferStatus = "notRequested";
  if (right && facts.requestedOn !== undefined && right.value.offerKinds.includes(facts.kind)) {
    if (facts.requestedOn < facts.start) {
      const decided = facts.municipalityDecidedOn !== undefined && facts.municipalityDecidedOn <= asOf;
      status = decided ? "mayStart" : "onHoldUntilDecision";
      const startedBeforeDecision =
        facts.start <= asOf && (facts.municipalityDecidedOn === undefined || facts.start < facts.municipalityDecidedOn);
      if (startedBeforeDecision) {
        findings.push(
          finding(
            SK_2.id,
            "error",
            `Borgeren bad om samtale med sundhedskoordinator ${formatDate(facts.requestedOn)} før start, men begyndte i tilbuddet ${formatDate(facts.start)} før kommunens vurdering af, om tilbuddet skal tilpasses.`,
            [right.citation],
            forloebId,
          ),
        );
      }
    } else {
      status = "continues";
    }
  }
  return {
    value: { status, findings },
    explanation: explain({
      ruleId: SK_2.id,
      title: SK_2.titleDa,
      citations: [P.citation],
      inputs: {
        start: formatDate(facts.start),
        requestedOn: facts.requestedOn === undefined ? null : formatDate(facts.requestedOn),
        municipalityDecidedOn: facts.municipalityDecidedOn === undefined ? null : formatDate(facts.municipalityDecidedOn),
      },
      parameters: right ? [paramUse(right)] : [],
      result: status,
    }),
  };
}
