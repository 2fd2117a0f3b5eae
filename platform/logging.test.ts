import { describe, expect, it } from "vitest";
import { createLogger } from "./logging";

function capture() {
  const lines: string[] = [];
  const log = createLogger("info", { write: (l: string) => void lines.push(l) });
  return { log, lines };
}

describe("logger", () => {
  it("never writes a CPR number, with or without dash, in messages or fields", () => {
    const { log, lines } = capture();
    log.info(
      { cpr: "1503851234", note: "borger 150385-1234 søgt", nested: { text: "1503851234" } },
      "opslag 1503851234",
    );
    const out = lines.join("");
    expect(out).not.toMatch(/150385-?1234/);
    expect(out).toContain("[cpr]");
  });

  it("leaves other numbers alone", () => {
    const { log, lines } = capture();
    log.info({ ms: 12.5, path: "/borgere/99900000-0000-4000-8000-000000000001" }, "ok");
    expect(lines.join("")).toContain("99900000-0000-4000-8000-000000000001");
  });
});
