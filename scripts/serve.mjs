#!/usr/bin/env node
// A tiny static server for www/, without dependencies, for trying the pages
// and for the browser tests. It listens on 127.0.0.1 only and sends the
// Content-Security-Policy the pages are written for: scripts from the site
// itself, and WebAssembly compilation ('wasm-unsafe-eval'), nothing inline.
//
//   node scripts/serve.mjs [port]      (or PORT=…; default 8080; 0 = any free port)
//
// Prints "listening on http://127.0.0.1:<port>/" once ready.
//
// `?csp=no-wasm` on a page's URL sends the same policy without
// 'wasm-unsafe-eval', as a host that forgot it would: the pages and the
// widget must then say that WebAssembly is blocked (tests/browser).
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../www/", import.meta.url));
const PORT = Number(process.argv[2] ?? process.env.PORT ?? 8080);
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const CSP_WITHOUT_WASM = "default-src 'self'; script-src 'self'";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonl": "application/jsonl; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
};

function send(res, status, text) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": CSP });
  res.end(text);
}

const server = createServer(async (req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") return send(res, 405, "method not allowed\n");
  let path, csp;
  try {
    const url = new URL(req.url, "http://localhost");
    path = decodeURIComponent(url.pathname);
    csp = url.searchParams.get("csp") === "no-wasm" ? CSP_WITHOUT_WASM : CSP;
  } catch {
    return send(res, 400, "bad request\n");
  }
  // normalize() resolves "..": whatever stays outside www/ is refused.
  let file = normalize(join(ROOT, path));
  if (!file.startsWith(ROOT) && `${file}${sep}` !== ROOT) return send(res, 403, "forbidden\n");
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    file = join(file, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, "not found\n");
  res.writeHead(200, {
    "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
    "Content-Length": info.size,
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file).pipe(res);
});

server.listen(PORT, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
