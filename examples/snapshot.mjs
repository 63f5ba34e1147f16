// Run a program, snapshot it mid-loop, restore it in a new session and finish it there.
// `npm run build && node examples/snapshot.mjs`
import { Sleepy } from "sleepy-python";

const source = `
total = 0
for i in range(1, 200_001):
    total += i * i
    if i % 50_000 == 0:
        print("at", i, "total", total)
print("done:", total)
`;

const sleepy = await Sleepy.load();
const s = sleepy.start({ "main.py": source });
let st = s.run(300_000); // pauses mid-loop: the budget runs out
for (const { stream, text } of s.takeOutput()) process[stream].write(text);
console.log(`-- paused after ${st.ticks} instructions (${st.state}); taking a snapshot`);

const bytes = s.snapshot();
console.log(`-- ${bytes.length} bytes; where it is:`, JSON.stringify(sleepy.inspect(bytes)[0].frames[0]));
s.dispose();

const s2 = sleepy.restore(bytes); // a brand-new interpreter
do {
  st = s2.run(100_000);
  for (const { stream, text } of s2.takeOutput()) process[stream].write(text);
} while (st.state === "suspended");
console.log(`-- ${st.state} after ${st.ticks} instructions in all`);
