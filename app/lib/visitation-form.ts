import { formToTree, lines } from "./form-data";

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Reads the one-page visitation form into the shape saveVisitation takes. Sections the caseworker has not touched
 * stay absent, so the completeness check can say "mangler"; checkbox groups and yes/no pairs become arrays and
 * booleans as the legislation's judgement schemas expect.
 */
export function visitationFromForm(form: FormData) {
  const tree = formToTree(form);
  const j = obj(tree.judgement);
  const judgement: Obj = {};
  const touched = (s: Obj) => Object.keys(s).length > 0;

  const tg1 = obj(j.tg1);
  if (touched(tg1)) judgement.tg1 = { ...tg1, areas: list(tg1.areas) };
  const tg2 = obj(j.tg2);
  if (touched(tg2)) judgement.tg2 = { ...tg2, conditions: list(tg2.conditions) };
  const tg3 = obj(j.tg3);
  if (touched(tg3)) judgement.tg3 = { ...tg3, measures: list(tg3.measures) };
  const tg4 = obj(j.tg4);
  if (touched(tg4)) {
    judgement.tg4 = {
      ...tg4,
      interventions: list(tg4.interventions),
      signsFor: lines(tg4.signsFor),
      signsAgainst: lines(tg4.signsAgainst),
    };
  }
  const tg5 = obj(j.tg5);
  if (touched(tg5)) {
    // The checkbox group posts the chosen aspects as a list.
    const chosen = new Set(list(tg5.overallAssessment).map(String));
    judgement.tg5 = {
      ...tg5,
      overallAssessment: {
        healthInformation: chosen.has("healthInformation"),
        functionalCapacity: chosen.has("functionalCapacity"),
        otherCircumstances: chosen.has("otherCircumstances"),
      },
    };
  }
  const tg8 = obj(j.tg8);
  if (touched(tg8)) judgement.tg8 = tg8;
  const tg9 = obj(j.tg9);
  if (touched(tg9)) judgement.tg9 = { startedFromApplication: true, refusedToConsider: false, ...tg9 };

  return {
    version: tree.version,
    bisidderInformedOn: typeof tree.bisidderInformedOn === "string" ? tree.bisidderInformedOn : undefined,
    citizenWishesForloeb: tree.citizenWishesForloeb === true,
    judgement,
    preparatory: obj(tree.preparatory) as Record<string, string>,
  };
}

/** "tg3.measures[0].whyFutile" (legislation path) → "judgement.tg3.measures.0.whyFutile" (form field name). */
export function fieldNameForPath(path: string): string {
  const dotted = path.replace(/\[(\d+)\]/g, ".$1");
  return dotted.startsWith("preparatory.") || dotted === "bisidderInformedOn" ? dotted : `judgement.${dotted}`;
}
