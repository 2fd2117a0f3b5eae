import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { skNotice, skRightUsed } from "./sundhedskoordinator";

const d = parseDate;

describe("SK-1 written notice", () => {
  it("at the latest with the offer, for kap. 11, 12 and 14 offers, from 2022", () => {
    const n = (kind: "lab11" | "lab14" | "serviceloven", offeredOn: string, noticeOn?: string) =>
      skNotice({ kind, offeredOn: d(offeredOn), ...(noticeOn ? { writtenNoticeOn: d(noticeOn) } : {}) }, 0, "F").value;
    expect(n("lab11", "2022-04-01", "2022-03-30")).toMatchObject({ applies: true, ok: true });
    expect(n("lab11", "2022-04-01", "2022-04-01")).toMatchObject({ applies: true, ok: true });
    expect(n("lab11", "2022-04-01", "2022-04-02").findings).toMatchObject([{ ruleId: "SK-1", severity: "error" }]);
    expect(n("lab14", "2022-04-01").ok).toBe(false);
    expect(n("serviceloven", "2022-04-01")).toMatchObject({ applies: false, ok: true });
    expect(n("lab11", "2021-12-31")).toMatchObject({ applies: false, ok: true });
    expect(n("lab11", "2022-01-01").ok).toBe(false);
  });
});

describe("SK-2 using the right", () => {
  const u = (requestedOn: string | undefined, decidedOn: string | undefined, asOf: string) =>
    skRightUsed(
      {
        kind: "lab11",
        start: d("2022-04-20"),
        ...(requestedOn ? { requestedOn: d(requestedOn) } : {}),
        ...(decidedOn ? { municipalityDecidedOn: d(decidedOn) } : {}),
      },
      d(asOf),
      "F",
    ).value;
  it("before the start: on hold until the municipality decides", () => {
    expect(u("2022-04-10", undefined, "2022-04-15")).toMatchObject({ status: "onHoldUntilDecision", findings: [] });
    expect(u("2022-04-10", "2022-04-18", "2022-04-19")).toMatchObject({ status: "mayStart", findings: [] });
    expect(u("2022-04-10", undefined, "2022-04-20").findings).toMatchObject([{ ruleId: "SK-2", severity: "error" }]);
    expect(u("2022-04-10", "2022-04-25", "2022-04-26").findings).toHaveLength(1);
  });
  it("during the offer: continues", () => {
    expect(u("2022-04-20", undefined, "2022-05-01")).toMatchObject({ status: "continues", findings: [] });
    expect(u(undefined, undefined, "2022-05-01").status).toBe("notRequested");
  });
});
