import { chromium } from "playwright";
const [,, base, out, ...paths] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
for (const width of [1280, 375]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const p of paths) {
    const res = await page.goto(base + p, { waitUntil: "networkidle", timeout: 120000 });
    const name = `${out}/${p.replace(/[^a-z0-9]+/gi, "_") || "root"}-${width}.png`;
    await page.screenshot({ path: name, fullPage: true });
    console.log(res?.status(), page.url(), name);
  }
  await page.close();
}
await browser.close();
