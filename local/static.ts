// Serves the built admin SPA and the public pages (survey form, offer catalogue, events, newsletter) with the same
// security headers CloudFront adds, and the newsletter pictures under /medien/.
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
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
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
    const app = ['survey', 'katalog', 'veranstaltungen', 'newsletter'].find((a) => relative.startsWith(`/${a}`));
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

/** A picture of a newsletter issue: only the files the media store writes (newsletter/<issue>/<picture>.<type>). */
export function serveMedia(req: IncomingMessage, res: ServerResponse, mediaDir: string, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return res.end();
  }
  if (!/^\/newsletter\/[0-9A-Z]{26}\/[0-9A-Z]{26}\.(jpg|png|webp)$/.test(pathname)) return notFound(res);
  const file = join(mediaDir, pathname);
  if (!existsSync(file)) return notFound(res);
  res.writeHead(200, { ...SITE_HEADERS, 'content-type': TYPES[extname(file)]!, 'cache-control': 'public, max-age=31536000, immutable' });
  if (req.method === 'HEAD') return res.end();
  createReadStream(file).pipe(res);
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { ...SITE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
  res.end('Nicht gefunden');
}
