// What weighs in a .wasm: its functions by body size, and summed by crate,
// read from the name section (build with names kept: `wasm-opt -g`, or the
// .wasm cargo leaves in target/). With a second argument, the output of
// `node --trace-wasm-lazy-compilation --trace-wasm-compilation-times`, it
// also says which functions a run compiled (V8 compiles a function the first
// time it is called: a cold start pays for every function it touches).
//
//   node scripts/wasm-weigh.mjs FILE.wasm [TRACE.txt] [--top N]
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const topAt = args.indexOf("--top");
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 40;
const [file, trace] = args;
const bytes = readFileSync(file);
let at = 8;
const u32 = () => {
  let n = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return n;
  }
};
const name = () => {
  const len = u32();
  const s = bytes.subarray(at, at + len).toString("utf8");
  at += len;
  return s;
};
let imported = 0;
const bodies = [];
const names = new Map();
let dataBytes = 0;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name();
      name();
      const kind = bytes[at++];
      const limits = () => {
        if (u32() & 1) u32();
        u32();
      };
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        at++;
        limits();
      } else if (kind === 2) {
        limits();
      } else if (kind === 3) {
        at += 2;
      } else if (kind === 4) {
        at++;
        u32();
      }
    }
  } else if (id === 10) {
    for (let n = u32(), i = 0; i < n; i++) {
      const len = u32();
      bodies.push(len);
      at += len;
    }
  } else if (id === 11) {
    dataBytes = size;
  } else if (id === 0 && name() === "name") {
    while (at < end) {
      const sub = bytes[at++];
      const subSize = u32();
      const subEnd = at + subSize;
      if (sub === 1) for (let n = u32(); n > 0; n--) names.set(u32(), name());
      at = subEnd;
    }
  }
  at = end;
}

/** A readable Rust path from a legacy-mangled symbol (`_ZN…17h<hash>E`). */
const demangle = (s) => {
  if (!s.startsWith("_ZN")) return s;
  const parts = [];
  let i = 3;
  while (s[i] !== "E" && i < s.length) {
    let len = 0;
    while (s[i] >= "0" && s[i] <= "9") len = len * 10 + Number(s[i++]);
    parts.push(s.slice(i, i + len));
    i += len;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts
    .join("::")
    .replace(/\$LT\$/g, "<")
    .replace(/\$GT\$/g, ">")
    .replace(/\$u20\$/g, " ")
    .replace(/\$RF\$/g, "&")
    .replace(/\$C\$/g, ",")
    .replace(/\$u7b\$/g, "{")
    .replace(/\$u7d\$/g, "}")
    .replace(/\$u27\$/g, "'")
    .replace(/\$u5b\$/g, "[")
    .replace(/\$u5d\$/g, "]")
    .replace(/\$BP\$/g, "*")
    .replace(/\.\./g, "::");
};
const fns = bodies.map((size, i) => ({ index: imported + i, size, name: demangle(names.get(imported + i) ?? `#${imported + i}`) }));
const crateOf = (n) => {
  const m = n.replace(/^<+/, "").match(/^([a-z_][a-z0-9_]*)::/);
  return m ? m[1] : n.startsWith("#") ? "(unnamed)" : "(other)";
};
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KiB`;
const code = bodies.reduce((a, b) => a + b, 0);
console.log(`${file}: ${kb(bytes.length)} in all, code ${kb(code)} in ${bodies.length} functions, data ${kb(dataBytes)}`);
const table = (rows) => {
  for (const [label, size, extra = ""] of rows) console.log(`${kb(size)} ${((100 * size) / code).toFixed(1).padStart(5)} %  ${label}${extra}`);
};
const byCrate = new Map();
for (const f of fns) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
console.log("\nby crate (code bytes; generic code is counted where its path starts):");
table([...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 20));
console.log(`\nthe ${top} largest functions:`);
table(
  [...fns]
    .sort((a, b) => b.size - a.size)
    .slice(0, top)
    .map((f) => [f.name.slice(0, 150), f.size, ` (#${f.index})`]),
);
if (trace) {
  const compiled = new Set([...readFileSync(trace, "utf8").matchAll(/Compiled function \S+#(\d+) using Liftoff/g)].map((m) => Number(m[1])));
  const touched = fns.filter((f) => compiled.has(f.index));
  const sum = touched.reduce((a, f) => a + f.size, 0);
  console.log(`\ncompiled by the traced run: ${touched.length} functions, ${kb(sum)} of code (${((100 * sum) / code).toFixed(0)} %); the largest:`);
  table(
    touched
      .sort((a, b) => b.size - a.size)
      .slice(0, top)
      .map((f) => [f.name.slice(0, 150), f.size]),
  );
}
