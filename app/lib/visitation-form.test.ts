import { describe, expect, it } from "vitest";
import { fieldNameForPath, visitationFromForm } from "./visitation-form";

const fd = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("visitationFromForm", () => {
  it("reads checkbox groups, yes/no radios and textarea lines into the judgement shape", () => {
    const v = visitationFromForm(
      fd([
        ["version", "3"],
        ["judgement.tg5.obviouslyFutile", "false"],
        ["judgement.tg5.overallAssessment[]", "healthInformation"],
        ["judgement.tg5.overallAssessment[]", "otherCircumstances"],
        ["judgement.tg4.signsFor", "a\nb"],
        ["citizenWishesForloeb", "true"],
      ]),
    );
    expect(v.judgement.tg5).toEqual({
      obviouslyFutile: false,
      overallAssessment: { healthInformation: true, functionalCapacity: false, otherCircumstances: true },
    });
    expect((v.judgement.tg4 as { signsFor: string[] }).signsFor).toEqual(["a", "b"]);
    expect(v.citizenWishesForloeb).toBe(true);
    expect(v.judgement.tg1).toBeUndefined();
  });

  it("maps legislation paths to form field names", () => {
    expect(fieldNameForPath("tg3.measures[0].whyFutile")).toBe("judgement.tg3.measures.0.whyFutile");
    expect(fieldNameForPath("preparatory.health")).toBe("preparatory.health");
    expect(fieldNameForPath("bisidderInformedOn")).toBe("bisidderInformedOn");
  });
});
