// A money page must not run foreign script or be framed: every page answers with a nonce-based
// Content-Security-Policy and frame-ancestors 'none', and the app still hydrates under it with no violation.
import { expect, test, type Page } from "@playwright/test";
import { SECTIONS } from "./support/sections";

const ADDRESS = "allo1qurswpc8qurswpc8qurswpc8qurswpc8aqaehc";
const PAGES = [
  ...SECTIONS.map((s) => s.path),
  "/staking/reputers",
  "/staking/validators",
  `/account/${ADDRESS}`,
  `/workers/${ADDRESS}`,
  `/reputers/${ADDRESS}`,
  "/topics/1",
  "/signals/1",
  "/search?q=allo",
  "/data/api",
  "/no-such-page",
];

const directives = (policy: string) =>
  new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values] as const));

async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test.describe("content security policy", () => {
  for (const path of PAGES) {
    test(`${path}: nonce policy, no framing, scripts carry this response's nonce`, async ({ request }) => {
      const response = await request.get(path);
      const policy = response.headers()["content-security-policy"] ?? "";
      expect(policy, `${path} has a CSP header`).toBeTruthy();
      const d = directives(policy);
      expect(d.get("frame-ancestors")).toEqual(["'none'"]);
      expect(d.get("object-src")).toEqual(["'none'"]);
      const scriptSrc = d.get("script-src") ?? [];
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, "script-src names a nonce").toBeTruthy();
      // Every script element of the page carries exactly that nonce (or the browser would refuse to run it).
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, tag).toContain(`nonce="${nonce}"`);
      // connect-src lists origins only: a provider key in an endpoint's path never reaches the page.
      for (const source of (d.get("connect-src") ?? []).filter((v) => !v.startsWith("'"))) {
        expect(new URL(source).origin).toBe(source);
      }
    });
  }

  test("each response gets a fresh nonce", async ({ request }) => {
    const nonceOf = async () => /'nonce-([^']+)'/.exec((await request.get("/")).headers()["content-security-policy"] ?? "")?.[1];
    const [a, b] = [await nonceOf(), await nonceOf()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  test("pages hydrate under the policy with no violation: the theme toggle works, client navigation works", async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto("/");
    const toggle = page.getByRole("button", { name: "Dark theme" });
    const before = await toggle.getAttribute("aria-pressed");
    await toggle.click();
    await expect(toggle).not.toHaveAttribute("aria-pressed", before ?? "");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Staking", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Staking", exact: true })).toBeVisible();
    await page.goto("/topics");
    await expect(page.getByRole("heading", { level: 1, name: "Topics", exact: true })).toBeVisible();
    expect(await violations()).toEqual([]);
  });

  test("another site cannot frame a page", async ({ page, baseURL }) => {
    const target = `${baseURL}/account/${ADDRESS}`;
    let framedResponse = 0;
    page.on("response", (r) => {
      if (r.url() === target) framedResponse = r.status();
    });
    await page.setContent(`<iframe title="framed" src="${target}" width="800" height="600"></iframe>`);
    await expect.poll(() => framedResponse).toBe(200);
    // The server answered, but the browser refused to show it in the frame (Chromium puts its error page there).
    const child = () => page.frames().find((f) => f !== page.mainFrame());
    await expect.poll(() => child()?.url()).toMatch(/^chrome-error:/);
    await expect(page.frameLocator('iframe[title="framed"]').getByRole("heading", { level: 1 })).toHaveCount(0);
  });
});
