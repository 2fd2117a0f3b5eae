import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import type { InterventionKind, PeriodKind } from "../parameters/kinds";
import { indsatsgaranti, type IndsatsgarantiFacts } from "./indsatsgaranti";

const d = parseDate;
const facts = (
  o: { start?: string; end?: string; periods?: [PeriodKind, string, string][]; interventions?: [InterventionKind, string, boolean?][]; exception?: string } = {},
): IndsatsgarantiFacts => ({
  start: d(o.start ?? "2022-03-01"),
  effectiveEnd: d(o.end ?? "2024-02-29"),
  periods: (o.periods ?? []).map(([kind, from, to]) => ({ kind, from: d(from), to: d(to) })),
  interventions: (o.interventions ?? []).map(([kind, start, inPlan]) => ({ kind, start: d(start), inPlan: inPlan ?? true })),
  ...(o.exception ? { exception: { reason: o.exception } } : {}),
});
const ig = (f: IndsatsgarantiFacts, asOf: string) => indsatsgaranti(f, d(asOf), "F").value;

describe("IG-1/IG-2 deadline", () => {
  it("golden (002 §6.3): start 2022-03-01, fritagelse April → 2022-10-01", () => {
    const v = ig(facts({ periods: [["fritagelse", "2022-04-01", "2022-04-30"]] }), "2022-09-15");
    expect(v).toMatchObject({ status: "pending", deadline: "2022-10-01", extensionDays: 30, windowStart: "2022-03-01" });
  });
  it("without exclusions: start + 6 months", () => {
    expect(ig(facts(), "2022-03-01").deadline).toBe("2022-09-01");
    expect(ig(facts({ start: "2022-08-31", end: "2023-08-30" }), "2022-09-01").deadline).toBe("2023-02-28");
  });
  it("exclusions after the forløb's end do not count", () => {
    const v = ig(facts({ end: "2022-06-30", periods: [["standby", "2022-06-01", "2022-12-31"]] }), "2022-04-01");
    expect(v.extensionDays).toBe(30);
  });
  it("sickness and barsel are not excluded periods", () => {
    const v = ig(facts({ periods: [["sickness", "2022-04-01", "2022-04-30"], ["barsel", "2022-05-01", "2022-05-31"]] }), "2022-04-01");
    expect(v.deadline).toBe("2022-09-01");
  });
  it("the explanation shows the base deadline and the days added", () => {
    const r = indsatsgaranti(facts({ periods: [["fritagelse", "2022-04-01", "2022-04-30"]] }), d("2022-09-15"));
    const child = r.explanation.children.find((c) => c.ruleId === "IG-2");
    expect(child?.result).toEqual({ baseDeadline: "2022-09-01", extensionDays: 30, deadline: "2022-10-01" });
    expect(r.explanation.parameters[0]).toMatchObject({ name: "indsatsgaranti.rules", from: "2022-01-01" });
  });
});

describe("IG statuses", () => {
  it("met / pending / breached around the deadline", () => {
    expect(ig(facts({ interventions: [["lab11", "2022-09-01"]] }), "2022-09-05").status).toBe("met");
    expect(ig(facts(), "2022-09-01").status).toBe("pending");
    const b = ig(facts(), "2022-09-02");
    expect(b.status).toBe("breached");
    expect(b.findings).toMatchObject([{ ruleId: "IG-1", severity: "error" }]);
  });
  it("IG-4: begun after the deadline is still breached", () => {
    const v = ig(facts({ interventions: [["lab14", "2022-09-02"]] }), "2022-09-10");
    expect(v).toMatchObject({ status: "breached", qualifyingStart: "2022-09-02" });
    expect(v.findings).toMatchObject([{ ruleId: "IG-4", severity: "error" }]);
  });
  it("a planned intervention after asOf does not meet the guarantee yet", () => {
    expect(ig(facts({ interventions: [["lab11", "2022-08-01"]] }), "2022-07-01").status).toBe("pending");
  });
  it("only qualifying kinds in the plan, begun on or after the start, count", () => {
    for (const k of ["lab26mentor", "other", "leisure"] as const) {
      expect(ig(facts({ interventions: [[k, "2022-04-01"]] }), "2022-09-02").status).toBe("breached");
    }
    for (const k of ["lab11", "lab12", "lab14", "serviceloven", "sundhedsloven"] as const) {
      expect(ig(facts({ interventions: [[k, "2022-04-01"]] }), "2022-09-02").status).toBe("met");
    }
    expect(ig(facts({ interventions: [["lab11", "2022-04-01", false]] }), "2022-09-02").status).toBe("breached");
    expect(ig(facts({ interventions: [["lab11", "2022-02-28"]] }), "2022-09-02").status).toBe("breached");
    expect(ig(facts({ interventions: [["lab11", "2022-03-01"]] }), "2022-09-02").status).toBe("met");
  });
  it("IG-3 exemptions: ordinary work, STU, kompensationsloven § 15 inside the window", () => {
    for (const k of ["ordinaryWork", "stu", "khe15"] as const) {
      const v = ig(facts({ periods: [[k, "2022-09-01", "2022-09-01"]] }), "2022-10-01");
      expect(v).toMatchObject({ status: "exempt", deadline: null });
      expect(ig(facts({ periods: [[k, "2022-09-02", "2022-09-30"]] }), "2022-10-01").status).toBe("breached");
    }
  });
  it("IG-3: work not yet done (after asOf) does not exempt yet", () => {
    expect(ig(facts({ periods: [["ordinaryWork", "2022-08-01", "2022-08-05"]] }), "2022-07-01").status).toBe("pending");
  });
  it("IG-5: a recorded exception with a reason", () => {
    const v = ig(facts({ exception: "Indlagt" }), "2022-10-01");
    expect(v).toMatchObject({ status: "exempt", deadline: null, findings: [{ ruleId: "IG-5" }] });
    expect(ig(facts({ exception: "   " }), "2022-10-01").status).toBe("breached");
  });
  it("a forløb ending before the deadline without intervention is not applicable once ended", () => {
    const f = facts({ end: "2022-06-30", periods: [["fritagelse", "2022-04-01", "2022-06-30"]] });
    expect(ig(f, "2022-06-15").status).toBe("pending");
    expect(ig(f, "2022-07-15")).toMatchObject({ status: "notApplicable", deadline: null });
  });
});

describe("IG-6 transition and validity", () => {
  it("not in force before 2022-01-01", () => {
    expect(ig(facts({ start: "2021-06-01" }), "2021-12-31")).toMatchObject({ status: "notApplicable", deadline: null });
  });
  it("begun before 2022 without intervention: 2022-07-01, exclusions from 2022-01-01", () => {
    expect(ig(facts({ start: "2021-06-01" }), "2022-01-01")).toMatchObject({ status: "pending", deadline: "2022-07-01", transitional: true });
    expect(ig(facts({ start: "2021-06-01", periods: [["standby", "2021-11-01", "2022-01-10"]] }), "2022-01-01").deadline).toBe("2022-07-11");
  });
  it("begun before 2022 with a qualifying intervention before 2022: not covered", () => {
    const v = ig(facts({ start: "2021-06-01", interventions: [["serviceloven", "2021-07-01"]] }), "2022-08-01");
    expect(v).toMatchObject({ status: "notApplicable", deadline: null, transitional: true });
  });
  it("IG-3 in the transition looks at the window from 2022-01-01", () => {
    expect(ig(facts({ start: "2021-06-01", periods: [["ordinaryWork", "2021-08-01", "2021-08-31"]] }), "2022-07-02").status).toBe("breached");
    expect(ig(facts({ start: "2021-06-01", periods: [["ordinaryWork", "2022-03-01", "2022-03-31"]] }), "2022-07-02").status).toBe("exempt");
  });
  it("R2026: a running forløb keeps the guarantee", () => {
    expect(ig(facts({ start: "2026-03-01", end: "2027-02-28" }), "2026-09-02").status).toBe("breached");
  });
  it("after the team's abolition the breach message names what replaces it", () => {
    const v = ig(facts({ start: "2026-03-01", end: "2027-02-28" }), "2026-09-02");
    expect(v.findings[0]?.message).toContain("sundhedskoordinator");
  });
});
