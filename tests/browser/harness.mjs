// The built playground (dist-playground/, from `npm run build`) served on a local port, and
// Debian's Chromium driven by playwright-core.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../dist-playground/", import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
};

/** Serves the built playground; resolves to its base URL and a function that stops it. */
export async function servePlayground() {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error("no playground build: run `npm run build` first");
  }
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    if (statSync(file).isDirectory()) file = join(file, "index.html");
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/setup does)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Root in a container has no user namespaces for Chromium's sandbox.
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
}

/** Records main-thread long tasks from the first script on, in `window.__longTasks`. */
const observeLongTasks = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
};

/** A new context (its own storage) with a page on the playground, the interpreter loaded. */
export async function openPlayground(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.addInitScript(observeLongTasks);
  const errors = [];
  page.on("pageerror", (e) => errors.push(e));
  await page.goto(url);
  await waitUntilLoaded(page);
  return { context, page, errors };
}

/** The worker has the interpreter and the page has opened its program. */
export async function waitUntilLoaded(page) {
  await page.waitForFunction(() => document.body.dataset.ready === "true", null, { timeout: 60_000 });
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

export function statusOf(page) {
  return byTestId(page, "status").getAttribute("data-state");
}

export async function waitForState(page, state, timeout = 30_000) {
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid="status"]')?.dataset.state === s,
    state,
    { timeout },
  );
}

export function consoleText(page) {
  return byTestId(page, "console").innerText();
}

export async function waitForConsole(page, pattern, timeout = 30_000) {
  await page.waitForFunction(
    ([source, flags]) =>
      new RegExp(source, flags).test(document.querySelector('[data-testid="console"]')?.textContent ?? ""),
    [pattern.source, pattern.flags],
    { timeout },
  );
}

/** Replaces the text of the file shown in the editor. */
export async function setEditorText(page, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(text);
}

export async function chooseExample(page, id) {
  await byTestId(page, "examples").selectOption(id);
  await page.waitForFunction(
    () => document.querySelector(".cm-content")?.textContent?.length > 0,
    null,
    { timeout: 10_000 },
  );
}

/** The numbers the counter example printed, in order. */
export async function counts(page) {
  const text = await consoleText(page);
  return [...text.matchAll(/([\d,]+) and counting/g)].map((m) => Number(m[1].replaceAll(",", "")));
}
