// @ts-check
/*
 * A practice identity provider for demo mode and the tests: npm oidc-provider, in this process, on
 * 127.0.0.1 only, with made-up people in each role and one published password. It exists so team mode can be
 * tried on one machine with the same sign-in code path a council's Entra ID uses; it is never a way to
 * run without sign-in. Keys, client secret and cookie keys are random per start.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

export const DEMO_PASSWORD = 'demo-only-password';
/** Made-up people, one or more per role; `groups` is the claim TEAM_ROLES maps (DEMO_ROLES in roles.js). */
export const DEMO_USERS = [
  { id: 'priya', name: 'Priya Shah', email: 'priya@demo.invalid', groups: ['demo-admins'] },
  { id: 'sam', name: 'Sam Okafor', email: 'sam@demo.invalid', groups: ['demo-admins'] },
  { id: 'jo', name: 'Jo Evans', email: 'jo@demo.invalid', groups: ['demo-contributors'] },
  { id: 'amara', name: 'Amara Osei', email: 'amara@demo.invalid', groups: ['demo-auditors'] },
  { id: 'ben', name: 'Ben Hughes', email: 'ben@demo.invalid', groups: ['demo-auditors'] },
  { id: 'mei', name: 'Mei Chen', email: 'mei@demo.invalid', groups: ['demo-moderators'] },
  { id: 'dan', name: 'Dan Price', email: 'dan@demo.invalid', groups: ['demo-police-auditors'] },
  { id: 'rita', name: 'Rita Novak', email: 'rita@demo.invalid', groups: ['demo-readers'] },
];
const CLIENT_ID = 'readiness-workbook-demo';
const MAX_FORM_BYTES = 4096;

/**
 * @param {{ redirectUri: string, postLogoutRedirectUri: string, port?: number }} options
 * @returns {Promise<{ issuer: URL, clientId: string, clientSecret: string, close: () => Promise<void> }>}
 */
export async function startDemoIdentityProvider({ redirectUri, postLogoutRedirectUri, port = 0 }) {
  // Loaded here so a council's deployment never loads the practice provider at all.
  const { default: Provider } = await import('oidc-provider');
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const issuer = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  // RS256, as Entra ID signs its ID tokens.
  const signingKey = {
    ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
  };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, sub) {
      const user = DEMO_USERS.find((u) => u.id === sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          name: user.name,
          email: user.email,
          email_verified: true,
          groups: user.groups,
        }),
      };
    },
    // Groups ride on the profile scope, in the ID token, as Entra ID sends its groups claim.
    claims: { openid: ['sub'], profile: ['name', 'groups'], email: ['email', 'email_verified'] },
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      // The provider's own pages load a web font from Google: these are plain, with nothing from elsewhere.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource(ctx, form) {
          ownPage(
            ctx,
            'Demo sign-out',
            `<h1>Demo sign-out</h1><p>Sign out of the practice sign-in too?</p>${form}
<p><button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button></p>
<p><button type="submit" form="op.logoutForm">No, stay signed in</button></p>`,
          );
        },
        postLogoutSuccessSource(ctx) {
          ownPage(
            ctx,
            'Signed out',
            '<h1>Signed out</h1><p>You have signed out of the practice sign-in.</p>',
          );
        },
      },
    },
    renderError(ctx) {
      ownPage(ctx, 'Sign-in problem', '<h1>Sign-in problem</h1><p>Go back to the app and sign in again.</p>');
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The app is the provider's only client, so its sign-in needs no separate consent screen.
    async loadExistingGrant(ctx) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? '');
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const accountId = ctx.oidc.session?.accountId;
      if (!accountId || !ctx.oidc.client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [{ ...signingKey, kid: randomUUID(), use: 'sig', alg: 'RS256' }] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600, AccessToken: 600, IdToken: 600 },
  });

  const oidcHandler = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec((req.url ?? '').split('?')[0] ?? '');
    if (!match) return oidcHandler(req, res);
    handleInteraction(provider, req, res, Boolean(match[2])).catch(() => {
      if (!res.headersSent)
        sendPage(res, 400, 'This sign-in page has expired. Go back to the app and sign in again.');
      else res.destroy();
    });
  });

  return {
    issuer: new URL(issuer),
    clientId: CLIENT_ID,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * @param {import('oidc-provider').default} provider
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {boolean} submitted
 */
async function handleInteraction(provider, req, res, submitted) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') {
    await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    return;
  }
  if (!submitted || req.method !== 'POST') {
    sendPage(res, 200, loginForm(details.uid));
    return;
  }
  const form = new URLSearchParams(await readBody(req));
  const user = DEMO_USERS.find((u) => u.id === form.get('username')?.trim().toLowerCase());
  if (!user || form.get('password') !== DEMO_PASSWORD) {
    sendPage(res, 401, loginForm(details.uid, 'Unknown demo user or wrong password.'));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: user.id } },
    { mergeWithLastSubmission: false },
  );
}

/** @param {import('node:http').IncomingMessage} req */
async function readBody(req) {
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > MAX_FORM_BYTES) throw new Error('form too large');
  }
  return body;
}

/**
 * @param {string} uid
 * @param {string} [problem]
 */
function loginForm(uid, problem) {
  const names = DEMO_USERS.map((u) => u.id).join(', ');
  return `<h1>Demo sign-in</h1>
<p><strong>Practice sign-in for trying team mode. Not for real data.</strong></p>
${problem ? `<p role="alert">${problem}</p>` : ''}
<form method="post" action="/interaction/${encodeURIComponent(uid)}/login">
  <p><label for="username">Demo user (${names})</label><br><input id="username" name="username" autocomplete="username" required></p>
  <p><label for="password">Password (${DEMO_PASSWORD})</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
  <p><button type="submit">Sign in</button></p>
</form>`;
}

/**
 * A page of the provider itself (koa context), with the same strict policy as the sign-in form.
 * @param {{ type: string, body: unknown, set: (name: string, value: string) => void }} ctx
 * @param {string} title
 * @param {string} body trusted markup only: fixed text and the provider's own form
 */
function ownPage(ctx, title, body) {
  ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body trusted markup only: the form above, with no user-supplied text
 */
function sendPage(res, status, body) {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Demo sign-in</title></head><body>${body}</body></html>`,
  );
}
