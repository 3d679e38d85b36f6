import { chromium } from "playwright-core";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox","--disable-gpu"] });
const p = await b.newPage({ viewport: { width: 1400, height: 1100 } });
await p.goto(process.env.URL); await p.waitForTimeout(2500);
for (const step of (process.env.CLICKS || "").split("|").filter(Boolean)) {
  if (step.startsWith("text:")) await p.getByText(step.slice(5), { exact: true }).first().click();
  else await p.locator(step).first().click();
  await p.waitForTimeout(1800);
}
await p.screenshot({ path: process.env.OUT });
await b.close();
