import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, loginAsDemo } from "./fixtures";

// Synthetic CPR: fails modulus 11 and is not 1 January (legislation/cpr.ts).
const CPR = "120490-1236";
const NAME = "Frida Forløbsen";

async function fill(page: Page, name: string, value: string) {
  await page.locator(`[name="${name}"]`).fill(value);
}
async function choose(page: Page, name: string, value: string) {
  await page.locator(`input[name="${name}"][value="${value}"]`).check();
}

test("from a new citizen through visitation, the team and the grant to a plan the citizen can see", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await loginAsDemo(page, "Karen Koordinator");

  // A new citizen.
  await page.goto("/borgere/ny");
  await fill(page, "cpr", CPR);
  await fill(page, "name", NAME);
  await fill(page, "address", "Prøvevej 12");
  await fill(page, "postalCode", "9990");
  await fill(page, "city", "Demoby");
  await page.locator('[name="previousBenefit"]').selectOption("sygedagpenge");
  await page.getByRole("button", { name: "Opret borger" }).click();
  await expect(page.getByRole("heading", { level: 1, name: NAME })).toBeVisible();

  // Open a case and do the whole visitation on one page.
  await page.getByRole("link", { name: "Åbn sag om ressourceforløb" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Åbn sagen og gå til visitationen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${NAME}: visitation` })).toBeVisible();
  await expectAccessible(page);

  // Sending too early is refused and names what is missing; nothing typed is lost.
  await fill(page, "preparatory.education", "Folkeskole og to år på HG.");
  await page.getByRole("button", { name: "Gem og send til rehabiliteringsteamet" }).click();
  await expect(page.getByText("Gemt som kladde – sagen kan ikke sendes til teamet endnu")).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "problem" })).toContainText("TG-1");
  await expect(page.locator('[name="preparatory.education"]')).toHaveValue("Folkeskole og to år på HG.");
  await expectAccessible(page);

  await fill(page, "bisidderInformedOn", "2026-01-12");
  await choose(page, "judgement.tg1.conclusion", "met");
  for (const a of ["employment", "health", "social"])
    await page.locator(`input[name="judgement.tg1.areas[]"][value="${a}"]`).check();
  await fill(page, "judgement.tg1.reason", "Angst og gæld ud over ledighed.");
  await choose(page, "judgement.tg2.conclusion", "met");
  await page.locator('input[name="judgement.tg2.conditions[]"][value="effortWithoutEffect"]').check();
  await fill(page, "judgement.tg2.reason", "To praktikker uden effekt.");
  await choose(page, "judgement.tg3.conclusion", "exhausted");
  await fill(page, "judgement.tg3.measures.0.measure", "Virksomhedspraktik 2025");
  await choose(page, "judgement.tg3.measures.0.status", "tried");
  await fill(page, "judgement.tg3.measures.0.whyFutile", "Afbrudt pga. angst.");
  await fill(page, "judgement.tg3.reason", "Den ordinære indsats er udtømt.");
  await choose(page, "judgement.tg4.conclusion", "present");
  await choose(page, "judgement.tg4.goal", "ordinaryHours");
  await fill(page, "judgement.tg4.interventions.0.description", "Psykolog og mentor");
  await fill(page, "judgement.tg4.interventions.0.expectedBenefit", "Stabilt fremmøde");
  await choose(page, "judgement.tg4.qualityOfLifeOnly", "false");
  await fill(page, "judgement.tg4.reason", "Realistisk udviklingsperspektiv.");
  await choose(page, "judgement.tg5.obviouslyEntitledToFoertidspension", "false");
  await choose(page, "judgement.tg5.obviouslyFutile", "false");
  for (const a of ["healthInformation", "functionalCapacity", "otherCircumstances"]) {
    await page.locator(`input[name="judgement.tg5.overallAssessment[]"][value="${a}"]`).check();
  }
  await fill(page, "judgement.tg5.reason", "Helhedsvurdering foretaget.");
  await choose(page, "judgement.tg8.refusedForMissingFleksjobAssessment", "false");
  await choose(page, "judgement.tg8.fleksjobPlannedAsIntervention", "false");
  await fill(page, "judgement.tg8.reason", "Fleksjob er ikke en forudsætning.");
  for (const [k, v] of Object.entries({
    work: "Lager i tre år.",
    health: "Angst, i behandling.",
    social: "Bor alene, har gæld.",
    citizenView: "Vil gerne på et lager igen.",
    resources: "Praktisk anlagt; angst er barrieren.",
  })) {
    await fill(page, `preparatory.${k}`, v);
  }
  await page.getByRole("button", { name: "Gem og send til rehabiliteringsteamet" }).click();
  await expect(page.getByText("Sagen er sendt til rehabiliteringsteamet.")).toBeVisible();
  await expectAccessible(page);
  const caseUrl = new URL(page.url()).pathname;

  // The team meeting: put the case on the agenda, invite, record the indstilling.
  await page.goto("/team");
  await expectAccessible(page);
  await page
    .getByRole("link", { name: /21\.01\.2026/ })
    .first()
    .click();
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(`Sæt på dagsordenen\\s*:\\s*${NAME}`) }).click();
  await page.getByRole("button", { name: new RegExp(`Send indkaldelse\\s*til ${NAME}`) }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: NAME }).first().click();
  await expectAccessible(page);
  await choose(page, "recommendation", "ressourceforloeb");
  await fill(page, "recommendedMonths", "24");
  await fill(page, "interventions.employment", "Mentor\nVirksomhedspraktik med få timer");
  await fill(page, "interventions.health", "Psykologforløb");
  await fill(page, "reasons", "Borgeren er i målgruppen og har et udviklingsperspektiv.");
  await page
    .getByRole("button", { name: /Gem indstilling|Registrér indstilling|Gem/ })
    .first()
    .click();
  await expect(page.getByText(/Ressourceforløb/).first()).toBeVisible();
  await expectAccessible(page);

  // The afgørelse: a grant of 24 months, validated by the rules, with a letter.
  await page.goto(`${caseUrl}/afgoerelse`);
  await expectAccessible(page);
  await choose(page, "kind", "grant");
  await fill(page, "startDate", "2026-01-19");
  await fill(page, "months", "24");
  await fill(page, "reasons", "Du er i målgruppen for ressourceforløb, som rehabiliteringsteamet har indstillet.");
  await page.getByRole("button", { name: "Træf afgørelse og send brev" }).click();
  await expect(page.getByText("18.01.2028").first()).toBeVisible();
  await expectAccessible(page);

  // The plan: goal, a sub-goal, two interventions and a mentor.
  await page.goto(`${caseUrl}/plan`);
  await expectAccessible(page);
  await choose(page, "goal.type", "job");
  await fill(page, "goal.text", "Job på et lager, 15 timer om ugen");
  await page.locator('[name="delmaal.0.area"]').selectOption("employment");
  await fill(page, "delmaal.0.text", "Møde stabilt i praktik");
  await fill(page, "delmaal.0.reason", "Stabilt fremmøde er første skridt mod job.");
  await fill(page, "interventions.0.title", "Virksomhedspraktik på lager");
  await page.locator('[name="interventions.0.legalBasis"]').selectOption("lab11");
  await fill(page, "interventions.0.provider", "Jobcentret, virksomhedsteamet");
  await fill(page, "interventions.0.shortTermGoal", "10 timer om ugen i 13 uger");
  await choose(page, "interventions.0.form", "offer");
  await fill(page, "interventions.0.plannedStart", "2026-02-02");
  await page.getByRole("button", { name: "Tilføj en indsats" }).click();
  await fill(page, "interventions.1.title", "Psykologforløb");
  await page.locator('[name="interventions.1.legalBasis"]').selectOption("sundhedsloven");
  await fill(page, "interventions.1.provider", "Sundhed og omsorg");
  await fill(page, "interventions.1.shortTermGoal", "Færre angstanfald");
  await choose(page, "interventions.1.form", "offer");
  await fill(page, "interventions.1.plannedStart", "2026-01-26");
  await fill(page, "followUp.how", "Samtale hver anden uge de første 6 måneder.");
  await choose(page, "mentor.has", "true");
  await fill(page, "mentor.name", "Maja Mentor");
  await fill(page, "mentor.role", "Støtte til fremmøde og struktur");
  await fill(page, "mentor.tasks", "Fremmøde i praktikken\nStruktur i hverdagen");
  await page.getByRole("button", { name: "Gem planen" }).last().click();
  await expect(page.getByText("Virksomhedspraktik på lager").first()).toBeVisible();
  await expect(page.getByText("Psykologforløb").first()).toBeVisible();
  await expectAccessible(page);
  await ctx.close();

  // The citizen logs in (simulated MitID) and sees the plan and the decision letter.
  const citizenCtx = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const citizen = await citizenCtx.newPage();
  await citizen.goto("/demo");
  await citizen.locator('[name="cpr"]').fill(CPR);
  await citizen.getByRole("button", { name: "Log på som borger" }).click();
  await expect(citizen).toHaveURL(/\/min-plan$/);
  await expect(citizen.getByText("Job på et lager, 15 timer om ugen")).toBeVisible();
  await expect(citizen.getByText("Virksomhedspraktik på lager").first()).toBeVisible();
  await expect(citizen.getByText("Maja Mentor").first()).toBeVisible();
  const letter = citizen
    .locator('a[href^="/breve/"]')
    .filter({ hasText: /afgørelse|ressourceforløb/i })
    .first();
  await expect(letter).toBeVisible();
  await expectAccessible(citizen);
  const href = await letter.getAttribute("href");
  const pdf = await citizen.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  await citizen.goto("/min-plan/om-ressourceforloeb");
  await expectAccessible(citizen);
  await citizenCtx.close();
});
