/**
 * A tiny static server on 127.0.0.1 for the end-to-end tests, `npm start` and
 * the benchmark: /pages/* serves test/fixtures/pages, /realpages/* the shared
 * third-party pages, /generated/* pages built in memory by the caller.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const PAGES_DIR = join(ROOT, 'test', 'fixtures', 'pages');

/**
 * Where the shared real-world pages are, if anywhere: MS_LENS_REALPAGES, or
 * ../shared/realpages beside the checkout. They belong to their publishers and
 * are not in this repository; tests and the benchmark use them only as an
 * extra when present.
 */
export function realPagesDir(): string | null {
  const candidates = [process.env.MS_LENS_REALPAGES, join(ROOT, '..', 'shared', 'realpages')].filter((p): p is string =>
    Boolean(p),
  );
  return candidates.find((p) => existsSync(join(p, 'README.md'))) ?? null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface TestServer {
  origin: string;
  url(path: string): string;
  /** Serves `html` at /generated/<name>. */
  addPage(name: string, html: string): string;
  /** Serves bytes of the given content type (e.g. a PDF) at /generated/<name>. */
  addFile(name: string, body: Uint8Array, type: string): string;
  close(): Promise<void>;
}

function safeJoin(base: string, rel: string): string | null {
  const full = normalize(join(base, decodeURIComponent(rel)));
  return full.startsWith(base) ? full : null;
}

export async function startServer(port = 0): Promise<TestServer> {
  const generated = new Map<string, string>();
  const files = new Map<string, { body: Uint8Array; type: string }>();
  const mounts: [string, () => string | null][] = [
    ['/pages/', () => PAGES_DIR],
    ['/realpages/', realPagesDir],
    ['/preact/', () => join(ROOT, 'node_modules', 'preact')],
  ];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path.startsWith('/generated/') && files.has(path.slice('/generated/'.length))) {
      const file = files.get(path.slice('/generated/'.length)) as { body: Uint8Array; type: string };
      return send(200, Buffer.from(file.body), file.type);
    }
    if (path.startsWith('/generated/')) {
      const page = generated.get(path.slice('/generated/'.length));
      return page === undefined ? send(404, 'not found') : send(200, page, TYPES['.html']);
    }
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const base = dir();
      const file = base ? safeJoin(base, path.slice(prefix.length)) : null;
      if (!file || !existsSync(file) || !statSync(file).isFile()) return send(404, 'not found');
      return send(200, readFileSync(file), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    send(404, 'not found');
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    addPage(name, html) {
      generated.set(name, html);
      return `${origin}/generated/${name}`;
    },
    addFile(name, body, type) {
      files.set(name, { body, type });
      return `${origin}/generated/${name}`;
    },
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
