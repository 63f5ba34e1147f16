// The synchronous core against the real WebAssembly build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";

import { Sleepy, SnapshotError } from "../../dist/index.js";
import { cpython, root, text, turn } from "./helpers.mjs";

const sleepy = await Sleepy.load();

function runToEnd(session, fuel = 100_000) {
  const out = [];
  let status;
  do {
    status = session.run(fuel);
    out.push(...session.takeOutput());
  } while (status.state === "suspended");
  return { status, out };
}

test("a program runs to completion and its output is CPython's", () => {
  const source = "import math\nfor i in range(5):\n    print(i, math.factorial(i))\nprint('done')\n";
  const { status, out } = runToEnd(sleepy.start(source));
  assert.equal(status.state, "finished");
  assert.equal(status.exitCode, 0);
  assert.equal(text(out, "stdout"), cpython(source));
});

test("an infinite loop suspends on its budget and a timer set before it fires meanwhile", async () => {
  const session = sleepy.start("n = 0\nwhile True:\n    n += 1\n");
  let fired = false;
  setTimeout(() => (fired = true), 5);
  const started = Date.now();
  let slices = 0;
  while (!fired) {
    const status = session.run(10_000);
    assert.equal(status.state, "suspended");
    slices++;
    await turn();
    assert.ok(Date.now() - started < 10_000, "the timer never fired");
  }
  assert.ok(slices > 0);
  assert.ok(session.ticks >= 10_000 * slices);
});

test("stderr and stdout come apart, and a traceback is CPython's", () => {
  const source = "import sys\nprint('out')\nprint('err', file=sys.stderr)\ndef f():\n    return 1 / 0\nf()\n";
  const { status, out } = runToEnd(sleepy.start(source));
  assert.equal(status.state, "failed");
  assert.equal(text(out, "stdout"), "out\n");
  assert.match(text(out, "stderr"), /^err\nTraceback \(most recent call last\):\n/);
  assert.match(status.traceback, /File "main.py", line 5, in f\n/);
  assert.match(status.traceback, /ZeroDivisionError: division by zero\n$/);
});

test("a syntax error fails the run with its line and column", () => {
  const session = sleepy.start("x = 1\nif x\n    print(x)\n");
  const status = session.run(1000);
  assert.equal(status.state, "failed");
  assert.deepEqual(
    { file: status.syntaxError.file, line: status.syntaxError.line },
    { file: "main.py", line: 2 },
  );
  assert.ok(status.syntaxError.column > 0);
  assert.match(status.traceback, /SyntaxError: /);
  assert.match(text(session.takeOutput(), "stderr"), /SyntaxError: /);
});

test("input() suspends with its prompt and continues with the line given", () => {
  const source = "name = input('name? ')\nprint('hello', name)\nprint(input())\n";
  const session = sleepy.start(source);
  let status = session.run(100_000);
  assert.deepEqual([status.state, status.prompt], ["input", "name? "]);
  assert.equal(text(session.takeOutput()), "name? ");
  // Running again without input keeps waiting.
  assert.equal(session.run(1000).state, "input");
  session.provideInput("Ada");
  status = session.run(100_000);
  assert.equal(status.state, "input");
  session.provideInput(null);
  status = session.run(100_000);
  assert.equal(status.state, "failed");
  assert.match(status.traceback, /EOFError: EOF when reading a line/);
  assert.equal(text(session.takeOutput(), "stdout"), "hello Ada\n");
});

test("time.sleep suspends until its deadline, then goes on", async () => {
  const session = sleepy.start("import time\ntime.sleep(0.05)\nprint('woke')\n");
  const before = Date.now();
  const status = session.run(100_000);
  assert.equal(status.state, "sleeping");
  assert.ok(status.wakeAt >= before + 49 && status.wakeAt <= Date.now() + 51, `${status.wakeAt}`);
  await new Promise((resolve) => setTimeout(resolve, status.wakeAt - Date.now() + 2));
  assert.equal(session.run(100_000).state, "finished");
  assert.equal(text(session.takeOutput()), "woke\n");
});

test("every clock of time reads, and strptime parses, without Rust's std::time", () => {
  const source = [
    "import time",
    "a = time.monotonic(); b = time.monotonic()",
    "c = time.perf_counter_ns(); d = time.perf_counter_ns()",
    "print(b >= a, d >= c, time.time_ns() > 1.7e18, time.process_time() > 0, time.thread_time_ns() > 0)",
    "print(time.strptime('2024-01-15 10:20', '%Y-%m-%d %H:%M')[:5], time.tzname)",
    "",
  ].join("\n");
  const { status, out } = runToEnd(sleepy.start(source));
  assert.equal(status.state, "finished", text(out, "stderr"));
  assert.equal(text(out, "stdout"), "True True True True True\n(2024, 1, 15, 10, 20) ('UTC', 'UTC')\n");
});

test("snapshot mid-loop, restore into a new session, and the output goes on identically", () => {
  const source = [
    "def gen(n):",
    "    for i in range(n):",
    "        yield i * i",
    "total = 0",
    "for k, sq in enumerate(gen(3000)):",
    "    total += sq",
    "    if k % 500 == 0:",
    "        print(k, total)",
    "print('total', total)",
  ].join("\n");
  const expected = cpython(source);
  const first = sleepy.start(source);
  let status = first.run(20_000);
  assert.equal(status.state, "suspended");
  const before = text(first.takeOutput());
  const bytes = first.snapshot();
  assert.ok(bytes instanceof Uint8Array && bytes.length > 0);
  const rest = runToEnd(first);
  assert.equal(before + text(rest.out), expected);

  const second = sleepy.restore(bytes);
  const again = runToEnd(second);
  assert.equal(again.status.state, "finished");
  assert.equal(before + text(again.out), expected);
  assert.equal(text(second.transcript()), expected);
});

test("callStack shows frames outermost first with their locals", () => {
  const source = "def inner(x):\n    y = x * 2\n    while True:\n        y += 1\ndef outer():\n    data = [1, 2]\n    inner(len(data))\nouter()\n";
  const session = sleepy.start(source);
  assert.equal(session.run(5_000).state, "suspended");
  const [main] = session.callStack();
  assert.equal(main.tasklet, "main");
  assert.deepEqual(
    main.frames.map((f) => [f.function, f.file]),
    [["<module>", "main.py"], ["outer", "main.py"], ["inner", "main.py"]],
  );
  const inner = main.frames[2];
  assert.ok([3, 4].includes(inner.line));
  const x = inner.locals.find((l) => l.name === "x");
  assert.deepEqual(x, { name: "x", type: "int", repr: "2" });
  assert.equal(inner.locals.find((l) => l.name === "y").type, "int");
  const data = main.frames[1].locals.find((l) => l.name === "data");
  assert.deepEqual(data, {
    name: "data",
    type: "list",
    repr: "[1, 2]",
    children: [
      { name: "[0]", type: "int", repr: "1" },
      { name: "[1]", type: "int", repr: "2" },
    ],
  });
  assert.equal(main.frames[1].sourceLine, "inner(len(data))");
  // inspect reads the same from a snapshot, without running it (reprs with addresses aside).
  const stable = (stack) =>
    stack.map((t) => ({
      ...t,
      frames: t.frames.map((f) => ({ ...f, locals: f.locals.filter((l) => !/ at 0x/.test(l.repr)) })),
    }));
  assert.deepEqual(stable(sleepy.inspect(session.snapshot())), stable(session.callStack()));
});

test("several files import each other", () => {
  const files = {
    "main.py": "import helper\nfrom pkg.tool import twice\nprint(helper.greet('you'), twice(21))\n",
    "helper.py": "def greet(who):\n    return 'hi ' + who\n",
    "pkg/__init__.py": "",
    "pkg/tool.py": "def twice(x):\n    return 2 * x\n",
  };
  const { status, out } = runToEnd(sleepy.start(files));
  assert.equal(status.state, "finished", text(out));
  assert.equal(text(out), "hi you 42\n");
});

test("corrupt, truncated and foreign bytes are rejected with a reason", () => {
  const session = sleepy.start("x = [1, 2, 3]\nwhile True:\n    x.append(len(x))\n");
  session.run(3000);
  const bytes = session.snapshot();
  const cases = {
    empty: new Uint8Array(),
    foreign: new TextEncoder().encode("PK\x03\x04 certainly not a snapshot"),
    truncated: bytes.slice(0, bytes.length >> 1),
    flipped: (() => {
      const b = bytes.slice();
      b[b.length - 10] ^= 0x40;
      return b;
    })(),
  };
  for (const [name, bad] of Object.entries(cases)) {
    assert.throws(() => sleepy.restore(bad), SnapshotError, name);
    assert.throws(() => sleepy.inspect(bad), (e) => e instanceof SnapshotError && e.message.length > 5, name);
  }
  // The good bytes still restore afterwards: a rejection breaks nothing.
  assert.equal(sleepy.restore(bytes).run(100).state, "suspended");
});

test("a finished program cannot be snapshotted, and says so", () => {
  const session = sleepy.start("print(1)\n");
  runToEnd(session);
  assert.throws(() => session.snapshot(), (e) => e instanceof SnapshotError && /finished/.test(e.message));
});

test("every standard library module the build carries imports", () => {
  const names = readFileSync(join(root, "crate/wasm-stdlib.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l) => l.trim().replace(/\.py$/, "").replaceAll("/", ".").replace(/\.__init__$/, ""));
  const required = ["math", "random", "json", "re", "collections", "itertools", "functools", "heapq",
    "bisect", "string", "time", "datetime", "dataclasses", "typing", "enum", "fractions", "decimal",
    "statistics", "textwrap", "copy", "operator"];
  const source = [
    "import importlib",
    `for name in ${JSON.stringify([...required, ...names])}:`,
    "    try:",
    "        importlib.import_module(name)",
    "    except Exception as e:",
    "        print(name, type(e).__name__, e)",
    "print('imported')",
  ].join("\n");
  const { status, out } = runToEnd(sleepy.start(source), 10_000_000);
  assert.equal(status.state, "finished", status.traceback);
  assert.equal(text(out), "imported\n");
});
