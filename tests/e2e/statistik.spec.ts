import { readFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";
import { expectAccessible, loginAsDemo } from "./fixtures";

/** "1.234,5 %" → 1234.5; "<5" stays a string. */
function danish(text: string): number | string {
  const t = text.replace(/\s*%$/, "").trim();
  if (t === "<5" || t === "–") return t;
  return Number(t.replace(/\./g, "").replace(",", "."));
}

test("the analyst sees aggregates only, compares with a chosen municipality and downloads the XLSX", async ({
  page,
}) => {
  await loginAsDemo(page, "Anja Analyse");

  // Aggregates only: no citizen or case page, nor the citizen API, for the analyst.
  for (const path of ["/borgere", "/sager", "/frister", "/sager/00000000-0000-4000-8000-000000000000", "/team"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
  }
  for (const api of ["/api/v1/citizens", "/api/v1/cases", "/api/v1/deadlines"]) {
    expect((await page.request.get(api)).status(), api).toBe(403);
  }

  await page.goto("/");
  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Statistik" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Statistik for Demo Kommune");
  // The chart is an SVG rendered on the server, shown as an image with a text alternative (no JavaScript needed).
  const chart = page.locator("#fuldtid img");
  await expect(chart).toHaveAttribute("alt", /^Kurvediagram: Fuldtidspersoner i ressourceforløb pr. måned/);
  await chart.scrollIntoViewIfNeeded();
  await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(760);
  const svg = await page.request.get((await chart.getAttribute("src"))!);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");
  expect(await svg.text()).toMatch(/^<svg role="img" aria-label="Kurvediagram/);
  await expect(page.getByRole("table", { name: /Fuldtidspersoner i ressourceforløb pr. måned/ })).toBeVisible();
  await expectAccessible(page);

  // Compare with Naboby (the form works without JavaScript: a GET with the codes).
  await page.getByText(/^Øvrige kommuner/).click();
  await page.getByLabel("Naboby Kommune").check();
  await page.getByRole("button", { name: "Vis statistik" }).click();
  await page.waitForURL(/sammenlign=998/);
  const table = page.getByRole("table", { name: /Fuldtidspersoner i ressourceforløb pr. måned/ });
  await expect(table.getByRole("columnheader", { name: "Sammenligningskommuner (1)" })).toBeVisible();
  await expect(page.getByText("Sammenlign med kommuner (1 valgt)")).toBeVisible();
  await expectAccessible(page);

  // The choice is remembered.
  await page.goto("/statistik");
  await expect(page.getByText("Sammenlign med kommuner (1 valgt)")).toBeVisible();

  // The totals on the page.
  const totalRow = table.locator("tr[data-row=total]");
  const shown = await totalRow.locator("td").allInnerTexts();
  expect(shown).toHaveLength(3);

  // Download every table as XLSX; it parses back and its totals are the page's.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Hent alle tabeller som Excel (XLSX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^statistik-999-alle-\d{4}-\d{2}-\d{4}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile((await download.path())!)) as never);
  expect(wb.worksheets.length).toBe(11);
  const ws = wb.getWorksheet("Fuldtidspersoner pr. måned")!;
  const header = ws.getRow(5).values as unknown[];
  expect(header.slice(1, 5)).toEqual(["Måned", "Demo Kommune", "Sammenligningskommuner (1)", "Hele landet"]);
  let total: unknown[] | null = null;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "Hele perioden") total = (row.values as unknown[]).slice(2, 5);
  });
  expect(total).not.toBeNull();
  expect(total).toEqual(shown.map(danish));

  // The sex breakdown's total fuldtidspersoner agree as well, and a hidden cell is "<5" in the file too.
  const sexTotal = await page.locator("#koen tr[data-row=total] td").first().innerText();
  const koen = wb.getWorksheet("Fordeling på køn")!;
  let sexFile: unknown = null;
  koen.eachRow((row) => {
    if (row.getCell(1).value === "I alt") sexFile = row.getCell(2).value;
  });
  expect(sexFile).toEqual(danish(sexTotal));
  const pageHidden = await page.locator("td", { hasText: /^<5$/ }).count();
  let fileHidden = 0;
  wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => void (c.value === "<5" && fileHidden++))));
  expect(fileHidden).toBe(pageHidden);

  // CSV for Danish Excel: BOM, semicolons, decimal comma.
  const csv = await page.request.get(
    `/statistik/eksport.csv?fra=${new URL(page.url()).searchParams.get("fra") ?? ""}&figur=fuldtid&sammenlign=998`,
  );
  const body = await csv.text();
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(body.charCodeAt(0)).toBe(0xfeff);
  expect(body).toContain("Måned;Demo Kommune;Sammenligningskommuner (1);Hele landet");

  // A period before 2013 is refused with a Danish message; the default period is shown meanwhile.
  await page.goto("/statistik?fra=2012-01&til=2012-06&sammenlign=998");
  await expect(page.getByRole("alert")).toContainText("Første måned kan tidligst være 2013-01");
  await expect(page.locator("#stat-fra")).toHaveValue("2012-01");
  await expectAccessible(page);
});

test("the admin imports population figures (a bad line saves nothing) and sets the municipality's target", async ({
  page,
}) => {
  await loginAsDemo(page, "Adam Admin");
  await page.goto("/admin/befolkningstal");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Befolkningstal til statistikken");
  await expectAccessible(page);

  await page.getByLabel("Eller indsæt linjerne her").fill("kommunekode;år;16-66 år\n999;2031;41.000\n998;20x1;1000\n");
  await page.locator("#pop-source-csv").fill("Danmarks Statistik, FOLK1A");
  await page.getByRole("button", { name: "Importer" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Intet er gemt");
  await expect(alert).toContainText('Linje 3: året "20x1" skal være et årstal fra 2013 til 2100.');
  await expectAccessible(page);
  await expect(page.getByRole("row", { name: /^2031 / })).toHaveCount(0);

  await page.locator("#pop-code").fill("999");
  await page.locator("#pop-year").fill("2031");
  await page.locator("#pop-total").fill("41.000");
  await page.locator("#pop-source-manual").fill("Danmarks Statistik, FOLK1A");
  await page.getByRole("button", { name: "Gem tallet" }).click();
  await expect(page.getByText("1 linje er gemt.")).toBeVisible();
  await expect(page.getByRole("row", { name: /^2031 Demo Kommune \(999\) 41\.000/ })).toBeVisible();

  await page.goto("/statistik/maal");
  await expectAccessible(page);
  await page.getByLabel("Mål for andel med virksomhedsrettet indsats (%)").fill("135");
  await page.getByRole("button", { name: "Gem målene" }).click();
  await expect(page.getByRole("alert")).toContainText("kan højst være 100 %");
  await expectAccessible(page);
  await page.getByLabel("Mål for andel med virksomhedsrettet indsats (%)").fill("35");
  await page.getByRole("button", { name: "Gem målene" }).click();
  await expect(page.getByText("Kommunens mål er gemt.")).toBeVisible();
  await expect(page.locator("#indsats tr[data-row=virksomhedsrettet] td[data-col=target]")).toHaveText("35,0 %");
});
