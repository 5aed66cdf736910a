// A real OpenID provider for the portal's SSO tests: oidc-provider 8.x (OpenID Certified) on a free
// loopback port. The tests start it with the path of a JSON settings file:
//
//   node server.mjs settings.json
//
// settings.json: { "clients": [ ...client metadata... ], "jwks": { "keys": [ private JWK ] },
//                  "accountsFile": "accounts.json", "idTokenTtl": 600 }
// accounts.json:  { "<login>": { ...claims... } }, read at every sign-in so tests can change a person's claims.
//
// Once listening it prints one line "READY <issuer>" on stdout. It exits when its stdin closes, so a
// test run that dies cannot leave it behind.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const settings = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const accounts = () => (settings.accountsFile ? JSON.parse(readFileSync(settings.accountsFile, 'utf8')) : {});

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: settings.clients,
  jwks: settings.jwks,
  cookies: { keys: ['homevisit-test-provider-cookie-key'] },
  // The campus claims the portal maps: staff number, name, groups.
  claims: {
    openid: ['sub'],
    profile: ['name'],
    staff: ['staff_number'],
    groups: ['groups'],
  },
  scopes: ['openid', 'profile', 'staff', 'groups'],
  // Spec-conform (the default): with the code flow, scope claims come from userinfo, not the id_token.
  conformIdTokenClaims: true,
  // The portal sends PKCE S256; require it, so a client without PKCE is refused.
  pkce: { methods: ['S256'], required: () => true },
  ttl: { IdToken: settings.idTokenTtl ?? 600 },
  features: {
    devInteractions: { enabled: true }, // a plain login form: any login, any password
    rpInitiatedLogout: { enabled: true },
    // Posts a logout_token to clients registered with a backchannel_logout_uri when a session here ends.
    backchannelLogout: { enabled: true },
    userinfo: { enabled: true },
  },
  async findAccount(ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...(accounts()[id] ?? {}) };
      },
    };
  },
  // First-party client: no consent screen, the grant is made on sign-in.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({
      clientId: ctx.oidc.client.clientId,
      accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope(ctx.oidc.params.scope);
    await grant.save();
    return grant;
  },
});
// The attention warnings about development-only defaults are expected here.
provider.on('server_error', (ctx, err) => console.error('provider error', err));

server.on('request', provider.callback());

process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));
process.stdin.resume();
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));

console.log(`READY ${issuer}`);
