// @ts-check
/*
 * Serves the built app (dist/) from the same origin as /sync, so the app's CSP (connect-src 'self') holds.
 * Only files inside the app folder are served; hashed assets are cached for a year, everything else
 * (index.html, the service worker, the manifest) is revalidated so an update reaches people.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS, sendText } from './http-util.js';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * @param {string} appDir
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void>}
 */
export function createStaticFiles(appDir) {
  const root = normalize(appDir + sep);
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      sendText(res, 400, 'Bad address.');
      return;
    }
    if (pathname.includes('\0')) {
      sendText(res, 400, 'Bad address.');
      return;
    }
    const path = normalize(join(root, pathname === '/' ? 'index.html' : pathname));
    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(path).toLowerCase())];
    const info = path.startsWith(root) && type ? await stat(path).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      if (pathname === '/') {
        sendText(
          res,
          503,
          'The app has not been built yet: run "npm run build", then start the team server again.',
        );
      } else {
        sendText(res, 404, 'Not found.');
      }
      return;
    }
    const hashed = path.startsWith(join(root, 'assets') + sep);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': type,
      'Content-Length': info.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Last-Modified': info.mtime.toUTCString(),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(path)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}
