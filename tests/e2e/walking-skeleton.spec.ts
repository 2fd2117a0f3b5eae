import { expect, test } from "@playwright/test";
import { expectAccessible, loginAsDemo } from "./fixtures";

// A citizen of Naboby Kommune in the demo data (platform/demo/seed-demo.db.server.ts).
const OTHER_MUNICIPALITY_CITIZEN = "/borgere/99800000-0000-4000-8000-000000000001";

test("a caseworker creates a citizen, corrects a bad CPR, finds them, and cannot see another municipality", async ({
  page,
  browser,
}) => {
  await loginAsDemo(page, "Karen Koordinator");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Borgere" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Borgere" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "Opret borger" }).click();
  await expectAccessible(page);
  const person = page.getByRole("group", { name: "Borgerens oplysninger" });
  await page.getByLabel("CPR-nummer").fill("310285-1234");
  await person.getByLabel("Navn", { exact: true }).fill("Ellen Eksempelsen");
  await page.getByLabel("Adresse").fill("Prøvevej 7");
  await page.getByLabel("Postnummer").fill("9990");
  await page.getByLabel("By", { exact: true }).fill("Demoby");
  await page.getByRole("group", { name: "Netværksperson 1" }).getByLabel("Navn").fill("Erik Eksempelsen");
  await page.getByRole("group", { name: "Netværksperson 1" }).getByLabel("Relation").selectOption("aegtefaelle");
  await page.getByLabel("Forsørgelse før forløbet").selectOption("sygedagpenge");
  await page.getByRole("button", { name: "Opret borger" }).click();

  // The Danish error is on the field and in the summary, and nothing typed is lost.
  await expect(page.getByRole("alert")).toContainText("problem");
  await expect(page.locator("#f-cpr-error")).toContainText("ikke en gyldig dato");
  await expect(person.getByLabel("Navn", { exact: true })).toHaveValue("Ellen Eksempelsen");
  await expectAccessible(page);

  await page.getByLabel("CPR-nummer").fill("150385-1234");
  await page.getByRole("button", { name: "Opret borger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ellen Eksempelsen" })).toBeVisible();
  await expect(page.getByText("Oplysningerne er gemt.")).toBeVisible();
  expect(page.url()).not.toContain("150385");
  await expectAccessible(page);

  await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Borgere" }).click();
  await page.getByLabel("Søg på navn eller CPR-nummer").fill("eksempelsen");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  const results = page.getByRole("table", { name: /fundet/ });
  await expect(results.getByRole("link", { name: "Ellen Eksempelsen" })).toBeVisible();
  await expect(results).toContainText("150385-xxxx");
  await expect(results).not.toContainText("150385-1234");
  await expectAccessible(page);

  await page.getByLabel("Søg på navn eller CPR-nummer").fill("1503851234");
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await expect(
    page.getByRole("table", { name: /1 borger fundet/ }).getByRole("link", { name: "Ellen Eksempelsen" }),
  ).toBeVisible();
  expect(page.url()).not.toContain("1503851234");

  const response = await page.goto(OTHER_MUNICIPALITY_CITIZEN);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Siden findes ikke" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("Error");
  await expectAccessible(page);

  // The admin sees the refused attempt in the access log.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await loginAsDemo(adminPage, "Adam Admin");
  await adminPage.goto("/admin/audit");
  await expect(adminPage.getByRole("table")).toContainText("Forsøgte at åbne en borger, der ikke findes i kommunen");
  await expectAccessible(adminPage);
  await admin.close();
});
