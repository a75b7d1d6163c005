// Every section opened on the indexed devnet fixture: real data in place of the empty states, labelled simulated,
// with its freshness, at phone and desktop widths, accessible.
import { expect, test } from "@playwright/test";
import { SECTIONS, VIEWPORTS } from "../support/sections";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";

for (const viewport of VIEWPORTS) {
  test.describe(`indexed devnet at ${viewport.label}px`, () => {
    test.use({ viewport: viewport.size });

    for (const section of SECTIONS) {
      test(`${section.slug}: shows indexed data, labelled simulated, with its block height`, async ({ page }) => {
        const response = await page.goto(section.path);
        expect(response?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1, name: section.heading, exact: true })).toBeVisible();

        const status = page.getByTestId("index-status");
        await expect(status).toContainText("Simulated devnet");
        await expect(status).toContainText(/Block [\d,]+/);
        if (section.slug === "signals") {
          // No signal engine publishes to the ledger yet: the honest state on indexed data is still "none".
          await expect(page.getByText("No signals published yet", { exact: true })).toBeVisible();
        } else {
          for (const text of section.emptyTexts) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
        }

        await expectNoHorizontalOverflow(page);
        await saveScreenshot(page, `indexed-${section.slug}-${viewport.label}`);
        await expectNoSeriousA11yViolations(page, `${section.path} (indexed, ${viewport.label}px)`);
      });
    }
  });
}
