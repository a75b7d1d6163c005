// Theme toggle, keyboard access and the phone-width navigation.
import { expect, test } from "@playwright/test";
import { SECTIONS } from "./support/sections";

test.describe("theme toggle", () => {
  test.use({ colorScheme: "light" });

  test("switches theme, and the choice survives client navigation and a full reload", async ({ page }) => {
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).toHaveClass(/(^|\s)light(\s|$)/);
    const toggle = page.getByRole("button", { name: "Dark theme" });
    await expect(toggle).toHaveAttribute("aria-pressed", "false");
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await toggle.click();
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
    await expect(toggle).toHaveAttribute("aria-pressed", "true");
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(darkBackground).not.toBe(lightBackground);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Topics" }).click();
    await expect(page).toHaveURL("/topics");
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);

    await page.goto("/staking");
    await expect(html).toHaveClass(/(^|\s)dark(\s|$)/);
    await expect(page.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");

    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(html).toHaveClass(/(^|\s)light(\s|$)/);
    await page.reload();
    await expect(html).toHaveClass(/(^|\s)light(\s|$)/);
  });
});

test.describe("keyboard", () => {
  test("the first Tab reaches the skip link, which moves focus to the main content", async ({ page }) => {
    await page.goto("/topics");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to content" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
  });

  test("Tab reaches the theme toggle and every section link, each with a visible focus ring", async ({ page }) => {
    await page.goto("/");
    const wanted = new Set(["Dark theme", ...SECTIONS.map((s) => s.navLabel)]);
    const reached = new Set<string>();
    for (let i = 0; i < 20 && reached.size < wanted.size; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return null;
        const style = getComputedStyle(el);
        return {
          name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "",
          inHeader: !!el.closest("header"),
          outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        };
      });
      if (focused?.inHeader && wanted.has(focused.name)) {
        expect(focused.outline, `${focused.name} has a visible focus ring`).toBe(true);
        reached.add(focused.name);
      }
    }
    expect([...reached].sort()).toEqual([...wanted].sort());
  });
});

test.describe("phone width", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("every section can be reached from the nav and becomes the current one", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const section of [...SECTIONS.slice(1), SECTIONS[0]!]) {
      await nav.getByRole("link", { name: section.navLabel, exact: true }).click();
      await expect(page).toHaveURL(section.path);
      await expect(page.getByRole("heading", { level: 1, name: section.heading, exact: true })).toBeVisible();
      await expect(nav.getByRole("link", { name: section.navLabel, exact: true })).toHaveAttribute("aria-current", "page");
    }
  });
});
