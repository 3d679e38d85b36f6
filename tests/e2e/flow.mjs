// The chair's whole flow in a real browser (headless Debian chromium driven by playwright-core):
// notes → 生成初稿 (offline) → 更简洁 on section 2 → a wrong figure in section 1 → reload → download .docx.
// Cards are numbered by position: card 1 is the opening paragraph (开头), so section 1 (一、) is card 2 and
// section 2 (二、) is card 3.
// Run by tests/test_browser_e2e.py, which starts `streamlit run app.py` and checks the JSON printed here.
// env: APP_URL, ARTIFACTS (screenshot folder), CHROMIUM (browser binary), NOTES_FILE, USER_DATA_DIR
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";

const url = process.env.APP_URL;
const artifacts = process.env.ARTIFACTS;
const notes = fs.readFileSync(process.env.NOTES_FILE, "utf8");
const result = { steps: [] };
const STEP_MS = 120_000;

function fail(message) {
  result.error = message;
  console.log(JSON.stringify(result));
  process.exit(1);
}

const context = await chromium.launchPersistentContext(process.env.USER_DATA_DIR, {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  acceptDownloads: true,
  viewport: { width: 1400, height: 1300 },
  locale: "zh-CN",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"],
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(STEP_MS);

async function idle() {
  // Streamlit shows its status widget while a script run is in progress; wait for it to go away.
  await page.waitForTimeout(300);
  await page.waitForFunction(() => !document.querySelector('[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"], [data-testid="stStatusWidgetRunningManIcon"]'),
                             null, { timeout: STEP_MS });
  await page.waitForTimeout(300);
}

async function shot(name) {
  const file = path.join(artifacts, `${String(result.steps.length + 1).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  result.steps.push({ name, screenshot: file });
}

async function sectionTexts() {
  return await page.locator('[class*="st-key-card_"] textarea').evaluateAll((els) => els.map((e) => e.value));
}

async function setTextarea(locator, value) {
  await locator.click();
  await locator.fill(value);
  await locator.press("Tab");          // Streamlit commits a text area when it loses focus
  await idle();
}

try {
  // 1. type the notes
  await page.goto(url, { waitUntil: "domcontentloaded" });
  await page.getByText("① 基本信息与笔记").waitFor();
  await shot("empty-app");
  await page.locator('input[aria-label="学校或单位"]').fill("青松县实验小学");
  await page.locator('input[aria-label="学校或单位"]').press("Tab");
  await idle();
  await setTextarea(page.locator('textarea[aria-label^="笔记"]'), notes);
  await page.getByText("已自动保存").first().waitFor();
  result.url_after_notes = page.url();
  await shot("notes-typed");

  // 2. generate with the offline drafter
  await page.getByRole("button", { name: "生成初稿" }).click();
  await page.locator('[class*="st-key-card_1"] textarea').waitFor();
  await idle();
  result.sections_before = await sectionTexts();
  if (result.sections_before.length < 3) fail(`expected at least 3 sections, got ${result.sections_before.length}`);
  await shot("draft-generated");

  // 3. regenerate section 2 with 更简洁; the other sections must not change
  await page.locator(".st-key-card_3").getByRole("button", { name: "更简洁" }).click();
  await idle();
  await page.locator(".st-key-card_3").getByText("历史版本").waitFor();
  result.sections_after_regenerate = await sectionTexts();
  await page.locator(".st-key-card_3").scrollIntoViewIfNeeded();
  await shot("section-2-regenerated");

  // 4. change a figure in section 1 to a wrong value; the warning must appear
  const first = page.locator('.st-key-card_2 textarea');
  const original = await first.inputValue();
  const match = original.match(/\d+(?=人次|条|人|期|场|万元)/) || original.match(/\d+/);
  if (!match) fail("section 1 has no figure to change: " + original.slice(0, 200));
  const wrong = String(Number(match[0]) + 7);
  result.edit = { from: match[0], to: wrong };
  await setTextarea(first, original.replace(match[0], wrong));
  await page.locator(".st-key-card_2").getByText("处数字需要核对").waitFor();
  result.warning_text = await page.locator(".st-key-card_2 [data-testid='stAlert']").first().innerText();
  result.sections_after_edit = await sectionTexts();
  await page.locator(".st-key-card_2").scrollIntoViewIfNeeded();
  await shot("wrong-figure-warning");
  await page.locator(".st-key-draft_check_panel").scrollIntoViewIfNeeded();
  await shot("check-panel");

  // 5. reload: everything is still there
  await page.reload({ waitUntil: "domcontentloaded" });
  await page.locator('[class*="st-key-card_1"] textarea').waitFor();
  await idle();
  result.sections_after_reload = await sectionTexts();
  result.notes_after_reload = await page.locator('textarea[aria-label^="笔记"]').inputValue();
  result.school_after_reload = await page.locator('input[aria-label="学校或单位"]').inputValue();
  result.warning_after_reload = await page.locator(".st-key-card_2").getByText("处数字需要核对").count();
  await shot("after-reload");

  // 6. download the docx
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载 Word（.docx）" }).click();
  const download = await downloadPromise;
  result.docx = path.join(artifacts, "draft.docx");
  await download.saveAs(result.docx);
  result.docx_name = download.suggestedFilename();
  await shot("exported");
} catch (err) {
  await shot("failure").catch(() => {});
  fail(String(err && err.stack || err));
} finally {
  await context.close();
}
console.log(JSON.stringify(result));
