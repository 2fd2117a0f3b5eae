import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { appealDeadline, genvurderingDeadline } from "./appeals";

const d = parseDate;

describe("A-1 and A-2", () => {
  it("4 weeks from receipt", () => {
    expect(appealDeadline({ decisionReceivedOn: d("2024-03-04") }, 0).value.deadline).toBe("2024-04-01");
    expect(appealDeadline({ decisionReceivedOn: d("2024-02-01") }, 0).value.deadline).toBe("2024-02-29");
    expect(appealDeadline({ decisionReceivedOn: d("2023-02-01") }, 0).value.deadline).toBe("2023-03-01");
    expect(genvurderingDeadline({ appealReceivedOn: d("2021-12-20") }, 0).value.deadline).toBe("2022-01-17");
  });
  it("explains with the unverified parameter", () => {
    const e = appealDeadline({ decisionReceivedOn: d("2024-03-04") }, 0).explanation;
    expect(e.parameters[0]).toMatchObject({ name: "appeal.weeks", value: 4 });
    expect(e.citations[0]?.verified).toBe(false);
  });
});
