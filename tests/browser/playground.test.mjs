// The playground in real headless Chromium: the built page (npm run build), a real Web
// Worker, real IndexedDB, the real CodeMirror editor.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  byTestId,
  chooseExample,
  consoleText,
  counts,
  launchBrowser,
  openPlayground,
  servePlayground,
  setEditorText,
  statusOf,
  waitForConsole,
  waitForState,
  waitUntilLoaded,
} from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await servePlayground();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The line the editor marks as running next (1-based; the examples are short enough for
 * CodeMirror to render every line). */
function markedLine(page) {
  return page.evaluate(() => {
    const lines = [...document.querySelectorAll(".cm-content .cm-line")];
    const index = lines.findIndex((l) => l.classList.contains("cm-mark-current"));
    return index < 0 ? undefined : index + 1;
  });
}

async function runCounterUntil(page, atLeast) {
  await byTestId(page, "run").click();
  await waitForState(page, "running");
  await page.waitForFunction(
    (n) => {
      const text = document.querySelector('[data-testid="console"]')?.textContent ?? "";
      const all = [...text.matchAll(/([\d,]+) and counting/g)];
      return all.length > 0 && Number(all[all.length - 1][1].replaceAll(",", "")) >= n;
    },
    atLeast,
    { timeout: 60_000 },
  );
}

test("an endless loop runs while the page stays responsive, with no long main-thread task", async () => {
  const { context, page, errors } = await openPlayground(browser, server.url);
  try {
    // The observer reports tasks late, so one of the page's start-up can arrive after this
    // point: only tasks that began after it count.
    const since = await page.evaluate(() => performance.now());
    await runCounterUntil(page, 600_000);
    // Another control answers at once while the loop runs: the slice slider, then Pause.
    const started = Date.now();
    await byTestId(page, "speed").fill("4");
    await byTestId(page, "pause").click();
    await waitForState(page, "paused", 5_000);
    const answered = Date.now() - started;
    assert.ok(answered < 1500, `Pause took ${answered} ms to take effect`);
    const longTasks = await page.evaluate(
      (since) => window.__longTasks.filter((t) => t.duration > 50 && t.start >= since),
      since,
    );
    assert.deepEqual(longTasks, [], "main-thread tasks over 50 ms while the program ran");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("Pause shows the stack with the counter's local; Step advances one line", async () => {
  const { context, page } = await openPlayground(browser, server.url);
  try {
    await runCounterUntil(page, 200_000);
    await byTestId(page, "pause").click();
    await waitForState(page, "paused");
    const frames = byTestId(page, "stack-frame");
    await frames.first().waitFor();
    assert.match(await frames.first().innerText(), /count_forever/);
    assert.match(await frames.nth(1).innerText(), /<module>/);
    const local = page.locator('[data-testid="local"][data-name="n"]');
    await local.waitFor();
    assert.match(await local.innerText(), /n\s+int\s+\d+/);

    const ticks = async () => Number((await byTestId(page, "ticks").innerText()).replace(/\D/g, ""));
    await page.waitForFunction(() => document.querySelector(".cm-mark-current") !== null);
    const lineBefore = await markedLine(page);
    const ticksBefore = await ticks();
    await byTestId(page, "step").click();
    await page.waitForFunction((t) => {
      const text = document.querySelector('[data-testid="ticks"]')?.textContent ?? "";
      return Number(text.replace(/\D/g, "")) > t;
    }, ticksBefore);
    await waitForState(page, "paused");
    await page.waitForFunction((line) => {
      const lines = [...document.querySelectorAll(".cm-content .cm-line")];
      const index = lines.findIndex((l) => l.classList.contains("cm-mark-current"));
      return index >= 0 && index + 1 !== line;
    }, lineBefore);
    const lineAfter = await markedLine(page);
    assert.ok([6, 7, 8, 9].includes(lineBefore), `paused on line ${lineBefore}`);
    assert.ok([6, 7, 8, 9].includes(lineAfter), `stepped to line ${lineAfter}`);
    assert.notEqual(lineAfter, lineBefore, "Step stays on the same line");
    assert.equal(await statusOf(page), "paused");
  } finally {
    await context.close();
  }
});

test("the tasklets example pauses with every tasklet in the stack panel, each with its frames", async () => {
  const { context, page, errors } = await openPlayground(browser, server.url);
  try {
    await chooseExample(page, "tasklets");
    await byTestId(page, "run").click();
    await waitForConsole(page, /takes \d+ steps/);
    await byTestId(page, "pause").click();
    await waitForState(page, "paused");
    const tasklets = byTestId(page, "tasklet");
    await tasklets.first().waitFor();
    const titles = await page.$$eval('[data-testid="tasklet"] h3', (hs) => hs.map((h) => h.textContent));
    // main, the producer, three workers and the collector, all alive mid-run.
    assert.equal(titles.length, 6, titles.join(" | "));
    assert.ok(titles.some((t) => /^tasklet main\b/.test(t)), titles.join(" | "));
    for (const name of ["worker-0", "worker-1", "worker-2"]) {
      assert.ok(titles.some((t) => t.startsWith(`tasklet ${name}`)), `${name} missing: ${titles.join(" | ")}`);
    }
    assert.equal(titles.filter((t) => t.endsWith("running")).length, 1, titles.join(" | "));
    assert.ok(titles.some((t) => t.endsWith("blocked on a channel")), titles.join(" | "));
    const frames = await page.$$eval('[data-testid="stack-frame"]', (fs) => fs.map((f) => f.textContent));
    for (const fn of ["producer", "worker", "collector", "<module>"]) {
      assert.ok(frames.some((f) => f.includes(fn)), `no ${fn} frame: ${frames.join(" | ")}`);
    }
    await byTestId(page, "resume").click();
    await waitForConsole(page, /all done/, 120_000);
    assert.match(await consoleText(page), /worker-\d finished after [\d,]+ numbers/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test("after a reload the counter continues where it was, not from zero", async () => {
  const { context, page } = await openPlayground(browser, server.url);
  try {
    await runCounterUntil(page, 400_000);
    // Wait for an autosave that holds this progress.
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="snapshot-entry"]').length > 0,
      null,
      { timeout: 20_000 },
    );
    const beforeReload = await counts(page);
    await page.reload();
    await waitUntilLoaded(page);
    await waitForState(page, "running");
    const last = beforeReload[beforeReload.length - 1];
    await page.waitForFunction(
      (n) => {
        const text = document.querySelector('[data-testid="console"]')?.textContent ?? "";
        const all = [...text.matchAll(/([\d,]+) and counting/g)];
        return Number(all[all.length - 1]?.[1].replaceAll(",", "") ?? 0) > n;
      },
      last,
      { timeout: 60_000 },
    );
    const afterReload = await counts(page);
    // The console shows what came before, and the count never went back to the start.
    assert.equal(afterReload[0], 200_000);
    for (let i = 1; i < afterReload.length; i++) {
      assert.equal(afterReload[i], afterReload[i - 1] + 200_000, `count ${i} after the reload`);
    }
  } finally {
    await context.close();
  }
});

test("a share link opens in a fresh browser paused with its stack, and Resume continues it", async () => {
  const sender = await openPlayground(browser, server.url);
  let link;
  let printed;
  try {
    await runCounterUntil(sender.page, 400_000);
    await byTestId(sender.page, "pause").click();
    await waitForState(sender.page, "paused");
    printed = await counts(sender.page);
    await byTestId(sender.page, "share").click();
    await sender.page.waitForFunction(() => document.querySelector('[data-testid="share"]').dataset.link);
    link = await byTestId(sender.page, "share").getAttribute("data-link");
  } finally {
    await sender.context.close();
  }
  assert.match(link, /#program=/);

  const receiver = await openPlayground(browser, link);
  try {
    const { page } = receiver;
    await waitForState(page, "paused");
    await byTestId(page, "stack-frame").first().waitFor();
    assert.match(await byTestId(page, "stack-frame").first().innerText(), /count_forever/);
    await page.locator('[data-testid="local"][data-name="n"]').waitFor();
    assert.deepEqual(await counts(page), printed, "the console shows what the sender saw");
    assert.match(await page.locator(".cm-content").innerText(), /def count_forever/);
    await byTestId(page, "resume").click();
    await waitForState(page, "running");
    const last = printed[printed.length - 1];
    await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="console"]')?.textContent ?? "").includes(`${(n + 200_000).toLocaleString("en-US")} and counting`),
      last,
      { timeout: 60_000 },
    );
  } finally {
    await receiver.context.close();
  }
});

test("input() prompts in the console and the program waits without blocking", async () => {
  const { context, page } = await openPlayground(browser, server.url);
  try {
    await chooseExample(page, "quiz");
    await byTestId(page, "run").click();
    await waitForState(page, "input");
    await waitForConsole(page, /What is 6 \* 7\?/);
    const answer = async (text) => {
      const input = byTestId(page, "console-input");
      await input.waitFor();
      await input.fill(text);
      await input.press("Enter");
    };
    await answer("42");
    await waitForConsole(page, /Right!/);
    await waitForState(page, "input");
    await answer("Saturn");
    await waitForConsole(page, /No: jupiter\./);
    await waitForState(page, "input");
    await answer("8");
    await waitForState(page, "input");
    await answer("Ada");
    await waitForState(page, "finished");
    assert.match(await consoleText(page), /Ada scored 2 out of 3\./);
  } finally {
    await context.close();
  }
});

test("a syntax error is shown with its line, which is marked in the editor", async () => {
  const { context, page } = await openPlayground(browser, server.url);
  try {
    await setEditorText(page, "print('fine')\ndef broken(:\n    pass\n");
    await byTestId(page, "run").click();
    await waitForState(page, "failed");
    await waitForConsole(page, /SyntaxError/);
    const text = await consoleText(page);
    assert.match(text, /File "main\.py", line 2/);
    assert.doesNotMatch(text, /fine/, "nothing ran");
    await page.locator(".cm-mark-error").waitFor();
    // The traceback's location is a link to the line.
    await page.locator(".console .location").first().click();
    await page.locator(".cm-mark-error").waitFor();
  } finally {
    await context.close();
  }
});

test("a corrupt share link gives a clear message and the page still works", async () => {
  for (const [fragment, reason] of [
    ["#program=%%%not-base64", /not base64url/],
    ["#program=AAAAAAAAAAAA", /damaged|not a Sleepy playground program/],
  ]) {
    const { context, page } = await openPlayground(browser, `${server.url}${fragment}`);
    try {
      const notice = await byTestId(page, "notice").innerText();
      assert.match(notice, /This share link could not be opened/);
      assert.match(notice, reason);
      await byTestId(page, "run").click();
      await waitForConsole(page, /200,000 and counting/, 60_000);
    } finally {
      await context.close();
    }
  }
});

test("the history restores an earlier snapshot, paused at its tick count", async () => {
  const { context, page } = await openPlayground(browser, server.url);
  try {
    await runCounterUntil(page, 200_000);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="snapshot-entry"]').length >= 3,
      null,
      { timeout: 30_000 },
    );
    const entries = byTestId(page, "snapshot-entry");
    const oldest = entries.last();
    const ticks = Number(await oldest.getAttribute("data-ticks"));
    await oldest.click();
    await waitForState(page, "paused");
    await page.waitForFunction(
      (t) => Number(document.querySelector('[data-testid="ticks"]').textContent.replace(/\D/g, "")) === t,
      ticks,
    );
    await byTestId(page, "stack-frame").first().waitFor();
  } finally {
    await context.close();
  }
});

test("a damaged saved snapshot is reported after a reload, and the code is kept", async () => {
  const { context, page } = await openPlayground(browser, server.url);
  try {
    await runCounterUntil(page, 200_000);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="snapshot-entry"]').length > 0);
    await byTestId(page, "pause").click();
    await waitForState(page, "paused");
    // Damage every stored snapshot, as a disk error or another program might.
    await page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("sleepy-playground");
          open.onsuccess = () => {
            const tx = open.result.transaction("snapshotBytes", "readwrite");
            const store = tx.objectStore("snapshotBytes");
            const keys = store.getAllKeys();
            keys.onsuccess = () => {
              for (const key of keys.result) store.put(new Uint8Array([1, 2, 3, 4, 5]), key);
            };
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await page.reload();
    await waitUntilLoaded(page);
    await waitForConsole(page, /Could not restore the saved program: .+/);
    assert.match(await byTestId(page, "notice").innerText(), /Could not restore/);
    assert.match(await page.locator(".cm-content").innerText(), /def count_forever/);
    await byTestId(page, "run").click();
    await waitForConsole(page, /200,000 and counting/, 60_000);
  } finally {
    await context.close();
  }
});

test("Download saves the running program to a file that Upload opens elsewhere, paused", async () => {
  const sender = await openPlayground(browser, server.url);
  let path;
  try {
    await runCounterUntil(sender.page, 200_000);
    await byTestId(sender.page, "pause").click();
    await waitForState(sender.page, "paused");
    const [download] = await Promise.all([
      sender.page.waitForEvent("download"),
      byTestId(sender.page, "download").click(),
    ]);
    assert.match(download.suggestedFilename(), /\.sleepy$/);
    path = await download.path();
    const { readFileSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const copy = `${tmpdir()}/sleepy-playground-${process.pid}.sleepy`;
    writeFileSync(copy, readFileSync(path));
    path = copy;
  } finally {
    await sender.context.close();
  }
  const receiver = await openPlayground(browser, server.url);
  try {
    const { page } = receiver;
    await byTestId(page, "upload").setInputFiles(path);
    await waitForState(page, "paused");
    await byTestId(page, "stack-frame").first().waitFor();
    assert.match(await byTestId(page, "stack-frame").first().innerText(), /count_forever/);
    // A file that is not one is refused with a reason.
    await byTestId(page, "upload").setInputFiles({ name: "junk.sleepy", mimeType: "application/octet-stream", buffer: Buffer.from("junk") });
    await waitForConsole(page, /Could not open junk\.sleepy: it is damaged/);
  } finally {
    await receiver.context.close();
  }
});
