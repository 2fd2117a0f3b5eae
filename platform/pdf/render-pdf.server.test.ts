import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { renderPdf } from "./render-pdf.server";

describe("renderPdf", () => {
  it("renders Danish text that can be extracted again, æøå intact", async () => {
    const pdf = await renderPdf({
      info: { title: "Afgørelse" },
      content: [{ text: "Afgørelse om ressourceforløb", style: "title" }, "Søren Ærø bor på Åbjergvej 1."],
    });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = (await new PDFParse({ data: new Uint8Array(pdf) }).getText()).text;
    expect(text).toContain("Afgørelse om ressourceforløb");
    expect(text).toContain("Søren Ærø bor på Åbjergvej 1.");
  });
});
