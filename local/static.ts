// Serves the built admin SPA and the public pages (survey form, offer catalogue) with the same security headers CloudFront adds.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { SITE_HEADERS } from '#shared/site/headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function serveStatic(req: IncomingMessage, res: ServerResponse, siteDir: string, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return res.end();
  }
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(siteDir, relative);
  if (!file.startsWith(siteDir)) file = join(siteDir, 'index.html');
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!existsSync(file)) {
    // Client-side routes fall back to their app's entry page.
    if (extname(relative)) return notFound(res);
    const app = ['survey', 'katalog', 'veranstaltungen'].find((a) => relative.startsWith(`/${a}`));
    file = join(siteDir, app ? `${app}/index.html` : 'index.html');
    if (!existsSync(file)) return notFound(res);
  }
  const hashed = /\/assets\//.test(file);
  res.writeHead(200, {
    ...SITE_HEADERS,
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { ...SITE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end('Nicht gefunden');
}
