import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import type { ConversationMode } from "../parameters/kinds";
import { conversationsFirstMonths, nextMeetingAgreed, remoteConversations, type ConversationFact } from "./follow-up";

const d = parseDate;
const conv = (date: string, mode: ConversationMode = "personal", held = true, nextAgreed?: boolean): ConversationFact => ({
  date: d(date),
  mode,
  held,
  ...(nextAgreed !== undefined ? { nextAgreed } : {}),
});

describe("FU-1", () => {
  const four = ["2022-03-08", "2022-04-10", "2022-05-15", "2022-08-31"].map((x) => conv(x));
  const run = (cs: ConversationFact[], asOf: string, start = "2022-03-01") =>
    conversationsFirstMonths({ start: d(start), conversations: cs }, d(asOf), "F").value;
  it("window = start .. start + 6 months − 1 day", () => {
    expect(run([], "2022-03-01").windowEnd).toBe("2022-08-31");
    expect(run([], "2022-09-01", "2022-08-31").windowEnd).toBe("2023-02-27");
  });
  it("met, pending, breached", () => {
    expect(run(four, "2022-09-01")).toMatchObject({ held: 4, required: 4, status: "met", findings: [] });
    expect(run(four.slice(0, 3), "2022-08-31")).toMatchObject({ held: 3, status: "pending" });
    expect(run(four.slice(0, 3), "2022-09-01")).toMatchObject({ held: 3, status: "breached", findings: [{ ruleId: "FU-1", severity: "error" }] });
  });
  it("counts only held conversations inside the window and up to asOf", () => {
    const cs = [...four.slice(0, 3), conv("2022-06-01", "personal", false), conv("2022-02-28"), conv("2022-09-01")];
    expect(run(cs, "2022-09-02").held).toBe(3);
    expect(run(four, "2022-05-01").held).toBe(2);
  });
  it("not applicable to forløb begun before the requirement (2020-01-01)", () => {
    expect(run(four, "2019-09-01", "2019-01-01")).toMatchObject({ required: null, status: "notApplicable" });
    expect(run([], "2020-07-01", "2020-01-01")).toMatchObject({ required: 4, status: "breached" });
  });
});

describe("FU-2", () => {
  it("remote conversations need an employment-oriented offer on that day", () => {
    const offers = [{ kind: "lab12" as const, start: d("2022-05-01"), end: d("2022-05-31") }, { kind: "serviceloven" as const, start: d("2022-03-01") }];
    const r = (c: ConversationFact) => remoteConversations({ conversations: [c], offers }, d("2022-07-01"), "F").value.findings;
    expect(r(conv("2022-05-10", "phone"))).toEqual([]);
    expect(r(conv("2022-05-31", "video"))).toEqual([]);
    expect(r(conv("2022-06-01", "digital"))).toMatchObject([{ ruleId: "FU-2", severity: "warning" }]);
    expect(r(conv("2022-04-01", "phone"))).toHaveLength(1);
    expect(r(conv("2022-04-01", "personal"))).toEqual([]);
    expect(r(conv("2022-04-01", "phone", false))).toEqual([]);
  });
});

describe("FU-3", () => {
  it("warns for held conversations without the next meeting agreed, when tracked", () => {
    const tracked = nextMeetingAgreed({ conversations: [conv("2022-03-08", "personal", true, true), conv("2022-04-08", "personal", true, false), conv("2022-05-08")] }, 0).value;
    expect(tracked.findings.map((f) => f.ruleId)).toEqual(["FU-3", "FU-3"]);
    expect(nextMeetingAgreed({ conversations: [conv("2022-03-08"), conv("2022-04-08")] }, 0).value.findings).toEqual([]);
    expect(nextMeetingAgreed({ conversations: [conv("2022-03-08", "personal", false, false)] }, 0).value.findings).toEqual([]);
  });
});
