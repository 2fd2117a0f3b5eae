import { describe, expect, it } from "vitest";
import { formToTree, lines } from "./form-data";

function fd(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("formToTree", () => {
  it("nests dotted names, collects checkbox groups, coerces booleans and drops blanks", () => {
    const tree = formToTree(
      fd([
        ["_csrf", "x"],
        ["tg1.conclusion", "met"],
        ["tg1.areas[]", "employment"],
        ["tg1.areas[]", "health"],
        ["tg1.reason", "  fordi  "],
        ["tg3.measures.0.measure", "Praktik"],
        ["tg3.measures.0.status", "tried"],
        ["tg3.measures.1.measure", ""],
        ["tg3.measures.1.status", ""],
        ["tg5.obviouslyFutile", "false"],
        ["tg2.reason", ""],
      ]),
    );
    expect(tree).toEqual({
      tg1: { conclusion: "met", areas: ["employment", "health"], reason: "fordi" },
      tg3: { measures: [{ measure: "Praktik", status: "tried" }] },
      tg5: { obviouslyFutile: false },
      tg2: {},
    });
  });

  it("reads one prefix only", () => {
    expect(
      formToTree(
        fd([
          ["a.x", "1"],
          ["b.y", "2"],
        ]),
        "a",
      ),
    ).toEqual({ x: "1" });
  });

  it("splits textarea lines", () => {
    expect(lines("a\n\n b \r\nc")).toEqual(["a", "b", "c"]);
  });
});
