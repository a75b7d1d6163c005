// The export builder on indexed devnet data: build an export, see its row count, download the CSV and check that
// it carries exactly the counted rows under the chosen columns; and "export this" from a table opens the builder.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DATASETS } from "@/lib/datasets/registry";
import { expectNoHorizontalOverflow, expectNoSeriousA11yViolations, saveScreenshot } from "../support/page-checks";
import { VIEWPORTS } from "../support/sections";

const parseCount = (text: string) => Number(text.replace(/[^\d]/g, ""));

for (const viewport of VIEWPORTS) {
  test.describe(`/data at ${viewport.label}px`, () => {
    test.use({ viewport: viewport.size });

    test("builds an export, shows its row count and downloads exactly those rows as CSV", async ({ page }) => {
      await page.goto("/data");
      const builder = page.getByRole("form", { name: "Export builder" });
      await builder.getByLabel("Dataset").selectOption("worker_inferences");
      await builder.getByRole("button", { name: "Update preview" }).click();
      await expect(page).toHaveURL(/dataset=worker_inferences/);

      await builder.getByLabel("Topic", { exact: true }).fill("1");
      await builder.getByLabel("From height", { exact: true }).fill("2000");
      await builder.getByLabel("To height", { exact: true }).fill("2600");
      for (const column of ["nonce", "inferer", "value", "block_height", "time"]) await builder.getByLabel(column, { exact: true }).check();
      await builder.getByRole("button", { name: "Update preview" }).click();
      await expect(page).toHaveURL(/topic=1/);
      await expect(page).toHaveURL(/from_height=2000/);

      const count = page.getByTestId("export-count");
      await expect(count).toContainText(/[\d,]+ rows? · as of block [\d,]+/);
      const rows = parseCount((await count.innerText()).split("row")[0]!);
      expect(rows).toBeGreaterThan(0);
      await saveScreenshot(page, `data-export-builder-${viewport.label}`);
      await expectNoHorizontalOverflow(page);
      await expectNoSeriousA11yViolations(page, `/data export builder (${viewport.label}px)`);

      const link = page.getByTestId("export-download");
      const href = await link.getAttribute("href");
      expect(href).toMatch(/^\/api\/v1\/worker_inferences\?/);
      expect(href).toContain("columns=nonce%2Cinferer%2Cvalue%2Cblock_height%2Ctime");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toMatch(/^worker_inferences-\d+\.csv$/);
      const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\n");
      expect(lines[0]).toBe("nonce,inferer,value,block_height,time");
      expect(lines).toHaveLength(rows + 1);
      for (const line of lines.slice(1, 50)) {
        const [nonce, inferer, value, height, time] = line.split(",");
        expect(Number(nonce)).toBeGreaterThan(0);
        expect(inferer).toMatch(/^allo1[0-9a-z]+$/);
        expect(value).toMatch(/^-?\d+(\.\d+)?$/);
        expect(BigInt(height!)).toBeGreaterThanOrEqual(2000n);
        expect(BigInt(height!)).toBeLessThanOrEqual(2600n);
        expect(time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    });
  });
}

test("a bad filter in the builder is named, and nothing is offered for download", async ({ page }) => {
  await page.goto("/data?dataset=scores&from_height=9&to_height=3");
  await expect(page.getByTestId("export-error")).toContainText("from_height");
  await expect(page.getByTestId("export-download")).toHaveCount(0);
});

test("“Export this” on the topics table opens the builder pre-filled, with the data dictionary", async ({ page }) => {
  await page.goto("/topics");
  await page.getByTestId("export-this").first().click();
  await expect(page).toHaveURL(/\/data\?dataset=topics/);
  await expect(page.getByRole("form", { name: "Export builder" }).getByLabel("Dataset")).toHaveValue("topics");
  expect(parseCount((await page.getByTestId("export-count").innerText()).split("row")[0]!)).toBeGreaterThan(0);
  const dictionary = page.locator('[data-dictionary="topics"]');
  await expect(dictionary).toHaveAttribute("open", "");
  await expect(dictionary.getByRole("cell", { name: "topic_stake_allo" })).toBeVisible();
  await saveScreenshot(page, "data-export-this-topics");
});

test("the API docs page states the limits and gives a copyable example per route", async ({ page }) => {
  await page.goto("/data/api");
  await expect(page.getByTestId("api-limits")).toContainText("requests per 60 s per client");
  await expect(page.locator("[data-route]")).toHaveCount(DATASETS.length);
  await expect(page.getByRole("button", { name: "Copy curl example for worker_inferences" })).toBeVisible();
  await saveScreenshot(page, "data-api-docs");
  await expectNoSeriousA11yViolations(page, "/data/api");
});
