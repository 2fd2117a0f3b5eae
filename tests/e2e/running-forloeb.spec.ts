import { expect, test } from "@playwright/test";
import { expectAccessible, loginAsDemo } from "./fixtures";

// Demo case 9 (seed-demo-running): granted 2024-01-02, its plan's course (i-9-1) was never recorded as started.
const CASE_9 = "99900000-0000-4000-8000-0000000c0009";
const CITIZEN_9 = "Hanne Opdigtesen";

test("an overdue indsatsgaranti on Mine frister is explained, cleared by recording the intervention, and an appeal gets its deadline", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await loginAsDemo(page, "Karen Koordinator");

  // "Mine frister": the IG deadline of case 9 is overdue, with its date and why.
  await page.goto("/frister");
  await expect(page.getByRole("heading", { level: 1, name: "Mine frister" })).toBeVisible();
  await expectAccessible(page);
  const overdue = page.locator("table", { has: page.locator("caption", { hasText: "Overskredne frister" }) });
  const igRow = overdue.getByRole("row").filter({ hasText: CITIZEN_9 }).filter({ hasText: "(IG-" });
  await expect(igRow).toHaveCount(1);
  await expect(igRow).toContainText("02.07.2024");
  await expect(igRow).toContainText("Overskredet");
  // The explanation names the rule, the start date and the six months.
  await igRow.locator("details.why > summary", { hasText: "IG-1" }).first().click();
  await expect(igRow).toContainText(/kvalificerende indsats inden 6 måneder/);
  await expect(igRow).toContainText(/2024-01-02|02\.01\.2024/);

  // One click opens the case where the deadline is handled.
  await igRow.getByRole("link", { name: CITIZEN_9 }).click();
  await expect(page).toHaveURL(new RegExp(`/sager/${CASE_9}/indsatser`));
  await expectAccessible(page);

  // Record that the plan's course started 2024-03-04, before the deadline.
  const card = page.locator("li.indsats-card", { hasText: "Opkvalificeringskursus i hygiejne" });
  await card.locator("summary", { hasText: "Registrér tilbud og start" }).click();
  await card.locator('input[name="startDate"]').fill("2024-03-04");
  const offered = card.locator('input[name="offeredOn"]');
  if ((await offered.count()) > 0) await offered.fill("2024-02-20");
  const notice = card.locator('input[name="skNoticeOn"]');
  if ((await notice.count()) > 0) await notice.fill("2024-02-20");
  await card.getByRole("button", { name: "Registrér" }).click();
  await expect(page.locator("li.indsats-card", { hasText: "Opkvalificeringskursus i hygiejne" })).toContainText(
    "04.03.2024",
  );
  await expectAccessible(page);

  // The IG deadline is no longer overdue on "Mine frister".
  await page.goto("/frister");
  await expect(page.getByRole("heading", { level: 1, name: "Mine frister" })).toBeVisible();
  await expect(
    page
      .locator("table", { has: page.locator("caption", { hasText: "Overskredne frister" }) })
      .getByRole("row")
      .filter({ hasText: CITIZEN_9 })
      .filter({ hasText: "(IG-" }),
  ).toHaveCount(0);

  // The case's own deadline list shows it met on the start date.
  await page.goto(`/sager/${CASE_9}`);
  await expectAccessible(page);

  // Register an appeal against the grant; the re-assessment deadline appears.
  await page.goto(`/sager/${CASE_9}/klager`);
  await expectAccessible(page);
  const target = page.locator('select[name="reg.target"]');
  const firstDecision = await target.locator("option").nth(1).getAttribute("value");
  await target.selectOption(firstDecision!);
  await page.locator('input[name="reg.decisionReceivedOn"]').fill("2026-01-05");
  await page.locator('input[name="reg.receivedOn"]').fill("2026-01-12");
  await page.getByRole("button", { name: "Registrér klagen" }).click();
  // 4 weeks from the appeal's receipt: 09.02.2026.
  await expect(page.getByText("09.02.2026").first()).toBeVisible();
  await expectAccessible(page);

  // 26 days ahead is beyond "snart", so it is listed under all open deadlines.
  await page.goto("/frister");
  await page.getByRole("link", { name: "Vis alle åbne frister" }).click();
  const appealRow = page.getByRole("row").filter({ hasText: CITIZEN_9 }).filter({ hasText: "(A-2)" });
  await expect(appealRow).toHaveCount(1);
  await expect(appealRow).toContainText("09.02.2026");
  await expectAccessible(page);
  await ctx.close();
});
