import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { mentorGrants } from "./mentor";

const d = parseDate;

describe("MT-3 mentor grants", () => {
  it("at most 6 months each: latest end, expiry, active", () => {
    const v = mentorGrants({ grants: [{ start: d("2022-08-31"), end: d("2023-02-27") }] }, d("2022-12-01"), "F").value;
    expect(v.grants).toEqual([
      { start: "2022-08-31", end: "2023-02-27", latestEnd: "2023-02-27", expiresOn: "2023-02-28", active: true, renewal: false },
    ]);
    expect(v.findings).toEqual([]);
    const long = mentorGrants({ grants: [{ start: d("2022-08-31"), end: d("2023-02-28") }] }, d("2022-12-01")).value;
    expect(long.findings).toMatchObject([{ ruleId: "MT-3", severity: "error" }]);
  });
  it("a renewal needs a concrete assessment and starts after the previous one expired", () => {
    const grants = [
      { start: d("2022-03-01"), end: d("2022-08-31") },
      { start: d("2022-08-15"), end: d("2023-02-14") },
    ];
    const v = mentorGrants({ grants }, d("2022-09-01")).value;
    expect(v.findings.map((f) => f.severity).sort()).toEqual(["error", "warning"]);
    const ok = mentorGrants({ grants: [grants[0]!, { start: d("2022-09-01"), end: d("2023-02-28"), concreteAssessment: "Fortsat behov" }] }, d("2022-09-01")).value;
    expect(ok.findings).toEqual([]);
    expect(ok.grants[1]).toMatchObject({ renewal: true, active: true });
    expect(ok.grants[0]).toMatchObject({ active: false });
  });
});
