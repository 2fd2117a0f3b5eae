import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every page a journey visits must have zero axe violations. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function loginAsDemo(page: Page, name: string) {
  await page.goto("/demo");
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(`^Log på som ${name}`) }).click();
  // The demo page lists the name too: wait for the login to land somewhere else first.
  await page.waitForURL((url) => url.pathname !== "/demo");
  await expect(page.getByRole("banner")).toContainText(name);
}
