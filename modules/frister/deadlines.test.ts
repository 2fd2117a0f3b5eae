import { describe, expect, it } from "vitest";
import { computeDeadlines, deadlineStatus, type DeadlineFacts } from "./deadlines";

const base: DeadlineFacts = {
  asOf: "2022-09-15",
  birthDate: "1985-03-15",
  caseStatus: "granted",
  forloeb: {
    id: "F1",
    start: "2022-03-01",
    plannedEnd: "2024-02-29",
    decidedOn: "2022-02-20",
    nextStepDecidedOn: null,
    endedOn: null,
  },
  periods: [],
  interventions: [],
  conversations: [],
  mentorGrants: [],
  appeals: [],
  indstilling: { meetingDate: "2022-02-10", recordedOn: "2022-02-10" },
  settings: { conversationIntervalDays: 60, teamLeadWeeks: 8, decisionDays: 14 },
};

const find = (f: DeadlineFacts, kind: string, refId = "") =>
  computeDeadlines(f).find((d) => d.kind === kind && d.refId === refId);

describe("computeDeadlines", () => {
  it("IG-1/IG-2: the golden example, start 2022-03-01 with April fritagelse gives 2022-10-01", () => {
    const ig = find(
      { ...base, periods: [{ kind: "fritagelse", from: "2022-04-01", to: "2022-04-30" }] },
      "indsatsgaranti",
    );
    expect(ig).toMatchObject({ dueDate: "2022-10-01", metOn: null, ruleId: "IG-1" });
    expect(JSON.stringify(ig?.explanation)).toContain("IG");
  });

  it("IG-1: a qualifying intervention in the plan, begun before the deadline, meets it; one outside the plan does not", () => {
    const inPlan = find(
      {
        ...base,
        interventions: [
          { id: "i1", kind: "lab11", title: "Praktik", start: "2022-09-01", plannedEnd: null, end: null, inPlan: true },
        ],
      },
      "indsatsgaranti",
    );
    expect(inPlan?.metOn).toBe("2022-09-01");
    const outside = find(
      {
        ...base,
        interventions: [
          {
            id: "i1",
            kind: "lab11",
            title: "Praktik",
            start: "2022-09-01",
            plannedEnd: null,
            end: null,
            inPlan: false,
          },
        ],
      },
      "indsatsgaranti",
    );
    expect(outside?.metOn).toBeNull();
  });

  it("IG-3: ordinary paid hours in the first months exempt the case: no deadline", () => {
    expect(
      find({ ...base, periods: [{ kind: "ordinaryWork", from: "2022-05-01", to: "2022-05-31" }] }, "indsatsgaranti"),
    ).toBeUndefined();
  });

  it("D-4/D-6: barsel moves the end, and the lead time to the team follows it", () => {
    const plain = find({ ...base, asOf: "2023-06-01" }, "forloebEnding")!;
    const barsel = find(
      { ...base, asOf: "2023-06-01", periods: [{ kind: "barsel", from: "2023-01-01", to: "2023-01-31" }] },
      "forloebEnding",
    )!;
    // 8 weeks before 2024-02-29 is 2024-01-04; 31 barsel days later is 2024-02-04.
    expect(plain.dueDate).toBe("2024-01-04");
    expect(barsel.dueDate).toBe("2024-02-04");
    expect(barsel.title).toContain("31.03.2024");
  });

  it("FU-1: four conversations in the first six months; met when the fourth is held", () => {
    const held = ["2022-03-08", "2022-04-10", "2022-05-12", "2022-06-20"].map((date) => ({
      date,
      mode: "personal",
      status: "held",
      nextAgreedOn: null,
    }));
    expect(find({ ...base, conversations: held.slice(0, 3) }, "conversations4")).toMatchObject({
      dueDate: "2022-08-31",
      metOn: null,
    });
    expect(find({ ...base, conversations: held }, "conversations4")?.metOn).toBe("2022-06-20");
  });

  it("FU-1 after six months: the next conversation is due by the municipality's interval, or the agreed date if sooner", () => {
    const c = [{ date: "2022-09-01", mode: "personal", status: "held", nextAgreedOn: null }];
    expect(find({ ...base, asOf: "2022-10-01", conversations: c }, "nextConversation")?.dueDate).toBe("2022-10-31");
    const agreed = [{ date: "2022-09-01", mode: "personal", status: "held", nextAgreedOn: "2022-09-20" }];
    expect(find({ ...base, asOf: "2022-10-01", conversations: agreed }, "nextConversation")?.dueDate).toBe(
      "2022-09-20",
    );
  });

  it("P-5: the first meeting within a week of the team meeting", () => {
    expect(find(base, "firstMeeting")).toMatchObject({ dueDate: "2022-02-17", metOn: null });
    const met = find(
      { ...base, conversations: [{ date: "2022-02-14", mode: "personal", status: "held", nextAgreedOn: null }] },
      "firstMeeting",
    );
    expect(met?.metOn).toBe("2022-02-14");
  });

  it("MT-3: a mentor grant ending is a deadline until it is renewed", () => {
    const g = { id: "m1", mentorName: "Maja", from: "2022-03-01", to: "2022-08-31", renewed: false };
    expect(find({ ...base, mentorGrants: [g] }, "mentorEnding", "m1")).toMatchObject({
      dueDate: "2022-08-31",
      metOn: null,
      ruleId: "MT-3",
    });
    expect(find({ ...base, mentorGrants: [{ ...g, renewed: true }] }, "mentorEnding", "m1")?.metOn).toBe("2022-08-31");
  });

  it("A-2: the re-assessment of an appeal within 4 weeks of receipt", () => {
    const a = { id: "a1", subject: "Afgørelse", receivedOn: "2022-05-02", reassessedOn: null, forwardedOn: null };
    expect(find({ ...base, appeals: [a] }, "appealReassessment", "a1")).toMatchObject({
      dueDate: "2022-05-30",
      metOn: null,
    });
  });

  it("P-4: a decision pending after an indstilling, by the municipality's own limit", () => {
    const d = find(
      {
        ...base,
        forloeb: null,
        caseStatus: "indstillingGiven",
        indstilling: { meetingDate: "2026-01-07", recordedOn: "2026-01-07" },
      },
      "decisionPending",
    );
    expect(d).toMatchObject({ dueDate: "2026-01-21", ruleId: "P-4" });
  });
});

describe("deadlineStatus", () => {
  it("orders overdue, due soon, upcoming and met against today", () => {
    expect(deadlineStatus({ dueDate: "2026-01-10", metOn: null }, "2026-01-14", 14)).toBe("overdue");
    expect(deadlineStatus({ dueDate: "2026-01-28", metOn: null }, "2026-01-14", 14)).toBe("dueSoon");
    expect(deadlineStatus({ dueDate: "2026-01-29", metOn: null }, "2026-01-14", 14)).toBe("upcoming");
    expect(deadlineStatus({ dueDate: "2026-01-10", metOn: "2026-01-09" }, "2026-01-14", 14)).toBe("met");
  });
});
