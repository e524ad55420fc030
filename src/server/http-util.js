// @ts-check
/* Small HTTP helpers shared by the routes: responses with the same security headers everywhere. */

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

export const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The app's own CSP is in index.html; frame-ancestors only works as a header.
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

/**
 * @param {Response} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string | string[]>} [headers]
 */
export function sendText(res, status, text, headers = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/**
 * @param {Response} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string | string[]>} [headers]
 */
export function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/**
 * @param {Response} res
 * @param {string} location
 * @param {string[]} [cookies]
 */
export function redirect(res, location, cookies = []) {
  res.writeHead(302, {
    ...SECURITY_HEADERS,
    Location: location,
    'Cache-Control': 'no-store',
    'Set-Cookie': cookies,
  });
  res.end();
}

/**
 * True when the request comes from a page of this server (browsers always send Origin on WebSocket
 * handshakes and POSTs), which defeats cross-site WebSocket hijacking and sign-out forgery.
 * @param {Request} req
 * @param {URL} publicUrl
 */
export function isSameOrigin(req, publicUrl) {
  return req.headers.origin === publicUrl.origin;
}
