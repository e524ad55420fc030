// @ts-check
/*
 * Sign-in with the council's OpenID Connect provider (Microsoft Entra ID, or the demo provider) through
 * openid-client: authorisation code flow with PKCE (S256), a nonce and a state, the ID token checked by the
 * library. The provider's metadata is discovered on first use and again after a failure, so a provider
 * that is briefly down at start does not keep the server from starting.
 */
import * as client from 'openid-client';
import { isLoopback } from './settings.js';

export const SCOPES = 'openid profile email';

/**
 * @param {{ oidc: import('./settings.js').OidcSettings, publicUrl: URL }} settings
 */
export function createOidcClient({ oidc, publicUrl }) {
  const redirectUri = new URL('auth/callback', publicUrl).href;
  /** @type {Promise<client.Configuration> | undefined} */
  let discovered;

  const configuration = () => {
    discovered ??= client
      .discovery(
        oidc.issuer,
        oidc.clientId,
        oidc.clientSecret,
        oidc.clientSecret ? undefined : client.None(),
        {
          timeout: 10,
          // Plain http only for a provider on this machine (the demo and the tests); settings refuse others.
          execute:
            oidc.issuer.protocol === 'http:' && isLoopback(oidc.issuer) ? [client.allowInsecureRequests] : [],
        },
      )
      .catch((error) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };

  return {
    redirectUri,
    configuration,
    async beginSignIn() {
      const config = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const nonce = client.randomNonce();
      return {
        codeVerifier,
        nonce,
        /** @param {string} state */
        authorizationUrl: async (state) =>
          client.buildAuthorizationUrl(config, {
            redirect_uri: redirectUri,
            scope: SCOPES,
            code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
            code_challenge_method: 'S256',
            state,
            nonce,
          }),
      };
    },
    /**
     * @param {URL} callbackUrl the callback as the browser requested it, on PUBLIC_URL
     * @param {{ codeVerifier: string, nonce: string, state: string }} checks
     * @returns {Promise<{ user: import('./sessions.js').TeamUser, claims: Record<string, unknown> }>}
     *   the person, and the provider's claims (ID token over UserInfo) for the caller to read roles from
     */
    async finishSignIn(callbackUrl, { codeVerifier, nonce, state }) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: codeVerifier,
        expectedNonce: nonce,
        expectedState: state,
        idTokenExpected: true,
      });
      const claims = /** @type {client.IDToken} */ (tokens.claims());
      /** @type {Record<string, unknown>} */
      let profile = claims;
      if (typeof claims.name !== 'string' && config.serverMetadata().userinfo_endpoint) {
        // Providers that follow OIDC Core strictly put profile claims in UserInfo, not the ID token.
        profile = { ...(await client.fetchUserInfo(config, tokens.access_token, claims.sub)), ...claims };
      }
      const email = [profile.email, profile.preferred_username].find(
        (value) => typeof value === 'string' && value.includes('@'),
      );
      return {
        user: {
          id: claims.sub,
          name: typeof profile.name === 'string' && profile.name.trim() ? profile.name.trim() : claims.sub,
          email: typeof email === 'string' ? email : undefined,
        },
        claims: profile,
      };
    },
    /** Where to send the browser to sign out of the provider too, when it says it supports that. */
    async endSessionUrl() {
      try {
        const config = await configuration();
        if (!config.serverMetadata().end_session_endpoint) return undefined;
        return client.buildEndSessionUrl(config, {
          post_logout_redirect_uri: publicUrl.href,
          client_id: oidc.clientId,
        }).href;
      } catch {
        return undefined;
      }
    },
  };
}

/** @typedef {ReturnType<typeof createOidcClient>} OidcClient */
