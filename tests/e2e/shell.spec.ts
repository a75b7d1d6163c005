// Every section, in both themes and at phone and desktop widths, on an empty database.
import { expect, test } from "@playwright/test";
import { DATASETS } from "@/lib/datasets/registry";
import { SECTIONS, THEMES, VIEWPORTS } from "./support/sections";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "./support/page-checks";

for (const theme of THEMES) {
  for (const viewport of VIEWPORTS) {
    test.describe(`${theme} theme at ${viewport.label}px`, () => {
      test.use({ colorScheme: theme, viewport: viewport.size });

      for (const section of SECTIONS) {
        test(`${section.slug}: empty state, current section, freshness, layout, accessibility`, async ({ page }) => {
          const response = await page.goto(section.path);
          expect(response?.status()).toBe(200);

          // With no stored choice the theme follows the system preference.
          await expect(page.locator("html")).toHaveClass(new RegExp(`(^|\\s)${theme}(\\s|$)`));
          await expect(page.getByRole("heading", { level: 1, name: section.heading, exact: true })).toBeVisible();

          const nav = page.getByRole("navigation", { name: "Main" });
          await expect(nav.getByRole("link", { name: section.navLabel, exact: true })).toHaveAttribute("aria-current", "page");
          await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);

          const status = page.getByTestId("index-status");
          await expect(status).toBeVisible();
          await expect(status).toContainText("Nothing indexed yet");
          await expect(status).not.toContainText("Block");

          for (const text of section.emptyTexts) {
            await expect(page.getByText(text, { exact: true })).toBeVisible();
          }
          await expect(page.getByRole("banner")).toBeVisible();
          await expect(page.getByRole("main")).toBeVisible();
          await expect(page.getByRole("contentinfo")).toContainText("Data source");

          await expectNoHorizontalOverflow(page);
          await saveScreenshot(page, `${section.slug}-${theme}-${viewport.label}`);
          await expectNoSeriousA11yViolations(page, `${section.path} (${theme}, ${viewport.label}px)`);
        });
      }
    });
  }
}

test.describe("empty database content", () => {
  test("overview shows unknown counts as a dash, never 0", async ({ page }) => {
    await page.goto("/");
    const values = page.getByTestId("stat-value");
    await expect(values).toHaveCount(5);
    for (const value of await values.all()) {
      await expect(value).toContainText("—");
      await expect(value).not.toContainText("0");
    }
    await expect(page.getByText("npm run demo", { exact: true })).toBeVisible();
  });

  test("data lists every exportable dataset with a real row count of 0", async ({ page }) => {
    await page.goto("/data");
    const counts = page.getByTestId("row-count");
    await expect(counts).toHaveCount(DATASETS.length);
    await expect(counts).toHaveText(DATASETS.map(() => "0"));
    for (const dataset of ["Topics", "Worker inferences", "Network inferences", "Reputer stakes", "Signals"]) {
      await expect(page.getByRole("cell", { name: new RegExp(`^${dataset}`) })).toBeVisible();
    }
  });

  test("an unknown address answers 404 with a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to overview" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  });
});

test("GET /api/health reports a migrated, empty database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const body = (await response.json()) as { db: string; migrations: { applied: number } | null; indexedHeight: string | null };
  expect(body.db).toBe("ok");
  expect(body.migrations?.applied).toBeGreaterThanOrEqual(1);
  expect(body.indexedHeight).toBeNull();
});
