// @ts-check
/*
 * /auth/login, /auth/callback, /auth/logout and /auth/me. A session is created only after the identity
 * provider's code, PKCE verifier, state (bound to this browser by a cookie) and nonce all check out; the
 * session cookie is then the only credential /sync accepts. Sign-out is a same-origin POST. The roles the
 * provider's groups claim gives (TEAM_ROLES) are kept in the session; /auth/people and /auth/allocations
 * (people-routes.js) are the administrator's.
 */
import { errorCode } from './log.js';
import { isSameOrigin, redirect, sendJson, sendText } from './http-util.js';
import { createPeopleRoutes } from './people-routes.js';
import { ROLES, personOf, rolesFromClaims } from './roles.js';

/**
 * @param {{
 *   settings: import('./settings.js').Settings,
 *   sessions: import('./sessions.js').Sessions,
 *   oidc: import('./oidc.js').OidcClient,
 *   log: import('./log.js').Log,
 * }} options
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void>}
 */
export function createAuthRoutes({ settings, sessions, oidc, log }) {
  /** @type {Record<string, Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => Promise<void>>>} */
  const routes = {
    '/auth/login': {
      async GET(_req, res, url) {
        let start;
        try {
          start = await oidc.beginSignIn();
        } catch (error) {
          log.warn('identity-provider-unreachable', { error: errorCode(error) });
          sendText(res, 503, 'The sign-in service could not be reached. Try again in a minute.');
          return;
        }
        const { state, cookie } = sessions.beginSignIn({
          codeVerifier: start.codeVerifier,
          nonce: start.nonce,
          returnTo: safeReturnTo(url.searchParams.get('returnTo')),
        });
        redirect(res, (await start.authorizationUrl(state)).href, [cookie]);
      },
    },
    '/auth/callback': {
      async GET(req, res, url) {
        const clear = sessions.clearSignInCookie();
        const state = url.searchParams.get('state');
        const pending = sessions.takeSignIn(state, req.headers.cookie);
        if (!pending || !state) {
          sendText(
            res,
            400,
            'This sign-in has expired or was started elsewhere. Sign in again from the app.',
            {
              'Set-Cookie': clear,
            },
          );
          return;
        }
        if (url.searchParams.has('error')) {
          log.warn('sign-in-refused', { error: (url.searchParams.get('error') ?? '').slice(0, 60) });
          sendText(
            res,
            401,
            'The identity provider did not sign you in. Ask your administrator for access.',
            {
              'Set-Cookie': clear,
            },
          );
          return;
        }
        let user;
        try {
          const signedIn = await oidc.finishSignIn(new URL(url.pathname + url.search, settings.publicUrl), {
            ...pending,
            state,
          });
          user = { ...signedIn.user, ...rolesFromClaims(signedIn.claims, settings) };
        } catch (error) {
          log.warn('sign-in-failed', { error: errorCode(error) });
          sendText(res, 401, 'Sign-in could not be completed. Sign in again from the app.', {
            'Set-Cookie': clear,
          });
          return;
        }
        const previous = sessions.fromCookies(req.headers.cookie);
        if (previous) sessions.end(previous, 'signed-in-again');
        const { cookie } = sessions.create(user);
        log.info('signed-in', { user: user.id, sessions: sessions.size });
        // So an administrator can find them by name; a store that fails here never blocks the sign-in.
        void sessions.permissions
          ?.then((permissions) => permissions.notePerson(user))
          .catch(() => log.warn('person-not-recorded', { user: user.id }));
        redirect(res, new URL(pending.returnTo, settings.publicUrl).href, [cookie, clear]);
      },
    },
    '/auth/logout': {
      async POST(req, res) {
        if (!isSameOrigin(req, settings.publicUrl)) {
          sendJson(res, 403, { error: 'cross-origin' });
          return;
        }
        const session = sessions.fromCookies(req.headers.cookie);
        if (session) {
          sessions.end(session, 'signed-out');
          log.info('signed-out', { user: session.user.id });
        }
        sendJson(
          res,
          200,
          { signedOut: true, endSessionUrl: await oidc.endSessionUrl() },
          {
            'Set-Cookie': sessions.clearCookie(),
          },
        );
      },
    },
    '/auth/me': {
      async GET(req, res) {
        const session = sessions.fromCookies(req.headers.cookie);
        if (!session) {
          sendJson(res, 401, { error: 'not-signed-in' });
          return;
        }
        const permissions = await sessions.permissions?.catch(() => undefined);
        const person = permissions
          ? permissions.personOf(session.user)
          : personOf(session.user, undefined, settings.admins);
        sendJson(res, 200, {
          id: session.user.id,
          name: session.user.name,
          email: session.user.email ?? null,
          workspace: settings.workspace,
          expiresAt: new Date(session.expiresAt).toISOString(),
          roles: ROLES.filter((role) => person.roles.has(role)),
          agency: person.agency ?? null,
        });
      },
    },
    ...createPeopleRoutes({ settings, sessions, log }),
  };

  return async (req, res, url) => {
    const route = routes[url.pathname];
    const handler = route?.[req.method ?? ''];
    if (handler) return handler(req, res, url);
    if (route) sendText(res, 405, 'Method not allowed.', { Allow: Object.keys(route).join(', ') });
    else sendText(res, 404, 'Not found.');
  };
}

/**
 * Only a path on this server: never another site (no open redirect through sign-in).
 * @param {string | null} value
 */
export function safeReturnTo(value) {
  if (
    !value ||
    value.length > 2000 ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  ) {
    return '/';
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]/.test(value) ? '/' : value;
}
