// `npm run screenshot`: docs/playground.png, the playground mid-run (the generator pipeline
// paused with its stack open), for the README.
import { fileURLToPath } from "node:url";
import { byTestId, chooseExample, launchBrowser, openPlayground, servePlayground, waitForConsole, waitForState } from "./harness.mjs";

const out = fileURLToPath(new URL("../../docs/playground.png", import.meta.url));
const server = await servePlayground();
const browser = await launchBrowser();
try {
  const { page } = await openPlayground(browser, server.url);
  await page.emulateMedia({ colorScheme: "light" });
  await chooseExample(page, "pipeline");
  await byTestId(page, "run").click();
  await waitForConsole(page, /a gap of 34/, 60_000);
  await byTestId(page, "pause").click();
  await waitForState(page, "paused");
  await byTestId(page, "stack-frame").first().waitFor();
  await page.locator('[data-testid="local"] details').first().evaluate((d) => (d.open = true)).catch(() => {});
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
