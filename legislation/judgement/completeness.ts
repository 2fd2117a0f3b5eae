import * as z from "zod";
import { isValidDate } from "../dates";
import { formatIssuePath } from "../input-issues";
import {
  E2DocumentedDevelopmentSchema,
  Fu4NonAttendanceSchema,
  JUDGEMENT_PURPOSES,
  Tg1ComplexProblemsSchema,
  Tg2ConditionsSchema,
  Tg3OrdinaryEffortExhaustedSchema,
  Tg4DevelopmentPerspectiveSchema,
  Tg5ExclusionsSchema,
  Tg7RefusalSchema,
  Tg8FleksjobSchema,
  Tg9ApplicationSchema,
  type JudgementPurpose,
} from "./schemas";

/** Something the caseworker still has to record (or reconsider) before the step can be taken. */
export interface MissingElement {
  ruleId: string;
  /** JSON path in the judgement facts, e.g. "tg3.measures[0].whyFutile". */
  path: string;
  /** Danish. */
  message: string;
}

type Section = "tg1" | "tg2" | "tg3" | "tg4" | "tg5" | "tg7" | "tg8" | "tg9" | "e2" | "fu4";

const SECTIONS: Record<Section, { ruleId: string; schema: z.ZodType; titleDa: string }> = {
  tg1: { ruleId: "TG-1", schema: Tg1ComplexProblemsSchema, titleDa: "vurdering af komplekse problemer (TG-1)" },
  tg2: { ruleId: "TG-2", schema: Tg2ConditionsSchema, titleDa: "vurdering af betingelserne i TG-2" },
  tg3: { ruleId: "TG-3", schema: Tg3OrdinaryEffortExhaustedSchema, titleDa: "dokumentation af, at den ordinære indsats er udtømt (TG-3)" },
  tg4: { ruleId: "TG-4", schema: Tg4DevelopmentPerspectiveSchema, titleDa: "vurdering af udviklingsperspektivet (TG-4)" },
  tg5: { ruleId: "TG-5", schema: Tg5ExclusionsSchema, titleDa: "vurdering af udelukkelsesgrundene (TG-5)" },
  tg7: { ruleId: "TG-7", schema: Tg7RefusalSchema, titleDa: "afslagsgrunde (TG-7)" },
  tg8: { ruleId: "TG-8", schema: Tg8FleksjobSchema, titleDa: "forholdet til fleksjob (TG-8)" },
  tg9: { ruleId: "TG-9", schema: Tg9ApplicationSchema, titleDa: "behandling af borgerens ansøgning (TG-9)" },
  e2: { ruleId: "E-2", schema: E2DocumentedDevelopmentSchema, titleDa: "dokumentation af den positive udvikling (E-2)" },
  fu4: { ruleId: "FU-4", schema: z.array(Fu4NonAttendanceSchema), titleDa: "vurdering af udeblivelse (FU-4)" },
};

const REQUIRED: Record<JudgementPurpose, Section[]> = {
  grant: ["tg1", "tg2", "tg3", "tg4", "tg5", "tg8"],
  refusal: ["tg7"],
  kontanthjaelp: [],
  sanction: ["fu4"],
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The elements still missing for the step named by `facts.purpose`. Pure; accepts a draft
 * (anything), so it can run while the caseworker is still filling in the case.
 */
export function completeness(facts: unknown): MissingElement[] {
  const out: MissingElement[] = [];
  if (!isObj(facts)) return [{ ruleId: "TG-1", path: "", message: "Ingen vurderinger er registreret" }];
  const purpose = facts.purpose;
  if (typeof purpose !== "string" || !(JUDGEMENT_PURPOSES as readonly string[]).includes(purpose)) {
    return [{ ruleId: "TG-1", path: "purpose", message: `Angiv formålet: ${JUDGEMENT_PURPOSES.join(", ")}` }];
  }
  const p = purpose as JudgementPurpose;
  const present = (s: Section) => facts[s] !== undefined && facts[s] !== null;

  // Sections required by the purpose, plus any section recorded anyway, must be complete.
  const check = new Set<Section>(REQUIRED[p]);
  for (const s of Object.keys(SECTIONS) as Section[]) if (present(s)) check.add(s);
  if (p === "kontanthjaelp") check.add("e2");

  for (const s of check) {
    const def = SECTIONS[s];
    if (!present(s)) {
      out.push({ ruleId: def.ruleId, path: s, message: `Mangler: ${def.titleDa}` });
      continue;
    }
    const value = facts[s];
    if (s === "fu4") {
      if (!Array.isArray(value) || value.length === 0) {
        out.push({ ruleId: def.ruleId, path: s, message: `Mangler: ${def.titleDa}` });
        continue;
      }
    }
    const r = def.schema.safeParse(value);
    if (!r.success) {
      for (const issue of r.error.issues) {
        out.push({ ruleId: def.ruleId, path: formatIssuePath([s, ...issue.path]), message: danishSchemaMessage(issue) });
      }
      continue;
    }
    out.push(...semanticChecks(s, r.data as Obj | Obj[], p));
  }
  return out;
}

function danishSchemaMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") return issue.input === undefined ? "Skal udfyldes" : "Forkert type";
  if (issue.code === "invalid_value") return `Ugyldig værdi; tilladt: ${issue.values.map(String).join(", ")}`;
  return issue.message;
}

function semanticChecks(s: Section, v: Obj | Obj[], purpose: JudgementPurpose): MissingElement[] {
  const out: MissingElement[] = [];
  const add = (ruleId: string, path: string, message: string) => out.push({ ruleId, path, message });
  const o = v as Obj;
  switch (s) {
    case "tg1": {
      const areas = o.areas as string[];
      if (o.conclusion === "met") {
        if (!areas.includes("employment") && !areas.includes("education")) {
          add("TG-1", "tg1.areas", "Problemerne skal kræve en indsats i forhold til beskæftigelse eller uddannelse");
        }
        if (!areas.includes("social") && !areas.includes("health")) {
          add("TG-1", "tg1.areas", "Problemerne skal også kræve en indsats på det sociale område og/eller sundhedsområdet");
        }
      }
      break;
    }
    case "tg2":
      if (o.conclusion === "met" && (o.conditions as string[]).length === 0) {
        add("TG-2", "tg2.conditions", "Angiv mindst én af betingelserne (a), (b) eller (c)");
      }
      break;
    case "tg3":
      if ((o.measures as Obj[]).length === 0) {
        add("TG-3", "tg3.measures", "Dokumentér hvilke indsatser der er foretaget eller overvejet, og hvorfor de er vurderet formålsløse");
      }
      break;
    case "tg4":
      if (o.conclusion === "present") {
        if ((o.interventions as Obj[]).length === 0) {
          add("TG-4", "tg4.interventions", "Peg på konkrete indsatser med en realistisk forventning om, at borgeren kan drage nytte af dem");
        }
        if (o.qualityOfLifeOnly === true) {
          add("TG-4", "tg4.qualityOfLifeOnly", "Indsatser, der alene sigter mod livskvalitet, giver ikke et udviklingsperspektiv");
        }
        if (o.goal === undefined) add("TG-4", "tg4.goal", "Angiv om målet er ordinære timer eller fleksjob");
      }
      break;
    case "tg5": {
      const oa = o.overallAssessment as Obj;
      if (!(oa.healthInformation && oa.functionalCapacity && oa.otherCircumstances)) {
        add(
          "TG-5",
          "tg5.overallAssessment",
          "Helhedsvurderingen skal omfatte helbredsoplysninger, funktionsevne og borgerens øvrige forhold; helbredsoplysninger alene afgør ikke sagen",
        );
      }
      if (purpose === "grant" && (o.obviouslyEntitledToFoertidspension === true || o.obviouslyFutile === true)) {
        add("TG-5", "tg5", "Der kan ikke bevilges ressourceforløb, når borgeren åbenbart er berettiget til førtidspension, eller når forløbet åbenbart er formålsløst");
      }
      break;
    }
    case "tg7": {
      const grounds = o.grounds as string[];
      const i = grounds.indexOf("noNeedForCoordinatingCaseworker");
      if (i >= 0) {
        add("TG-7", `tg7.grounds[${i}]`, "At der ikke er behov for en koordinerende sagsbehandler, er aldrig en gyldig afslagsgrund (Ankestyrelsen 1-15)");
      }
      break;
    }
    case "tg8":
      if (o.refusedForMissingFleksjobAssessment === true) {
        add("TG-8", "tg8.refusedForMissingFleksjobAssessment", "En forudgående vurdering af fleksjob er ikke en betingelse for ressourceforløb");
      }
      if (o.fleksjobPlannedAsIntervention === true) {
        add("TG-8", "tg8.fleksjobPlannedAsIntervention", "Et fleksjob kan ikke indgå som indsats i ressourceforløbet");
      }
      break;
    case "tg9":
      if (o.startedFromApplication === true) {
        if (o.allFormsOfHelpAssessed !== true) {
          add("TG-9", "tg9.allFormsOfHelpAssessed", "Borgerens samlede situation skal vurderes i forhold til alle former for hjælp (Ankestyrelsen 83-15)");
        }
        if (!nonEmpty(o.reasoningAnswersRequest)) {
          add("TG-9", "tg9.reasoningAnswersRequest", "Begrundelsen skal forholde sig til borgerens anmodning");
        }
      }
      if (o.refusedToConsider === true && o.klagevejledningGiven !== true) {
        add("TG-9", "tg9.klagevejledningGiven", "Et afslag på at behandle sagen med henblik på ressourceforløb er en afgørelse og skal have klagevejledning (64-11)");
      }
      break;
    case "e2":
      if (o.documented === true) {
        if ((o.evidence as string[]).length === 0) add("E-2", "e2.evidence", "Angiv dokumentationen for den positive udvikling");
        const nt = o.notInTargetGroupFor as string[];
        for (const g of ["ressourceforloeb", "fleksjob", "foertidspension"]) {
          if (!nt.includes(g)) add("E-2", "e2.notInTargetGroupFor", `Vurdér at borgeren ikke længere er i målgruppen for ${g}`);
        }
      }
      break;
    case "fu4":
      (v as Obj[]).forEach((x, i) => {
        const base = `fu4[${i}]`;
        if (!isValidDate(x.date)) add("FU-4", `${base}.date`, "Datoen findes ikke");
        const rg = x.reasonableGround as Obj;
        if (rg.exists === true && rg.kind === undefined) add("FU-4", `${base}.reasonableGround.kind`, "Angiv hvilken rimelig grund der foreligger");
        if (x.sanctionProposed === true) {
          if (rg.exists === true) add("FU-4", `${base}.sanctionProposed`, "Der kan ikke sanktioneres, når der er en rimelig grund til udeblivelsen");
          if ((x.contactAttempts as Obj[]).length === 0 || x.allReasonableAttemptsExhausted !== true) {
            add("FU-4", `${base}.allReasonableAttemptsExhausted`, "Der kan først sanktioneres, når alle rimelige muligheder for personlig kontakt er udtømt");
          }
          if (x.sanctionWouldImproveAvailability !== true) {
            add("FU-4", `${base}.sanctionWouldImproveAvailability`, "Der gives ikke sanktion, hvor en sanktion ikke fremmer rådigheden");
          }
        }
      });
      break;
  }
  return out;
}

function nonEmpty(v: unknown): boolean {
  return typeof v === "string" && v.trim().length > 0;
}
