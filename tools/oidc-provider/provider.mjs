// A real OpenID Connect provider for the single sign-on tests, on loopback only.
// PORT and REDIRECT_BASE (the dashboard's address) come from the environment. The provider's own
// development login form accepts any password for the accounts below; their groups map to roles in
// the tests (gemeente-raad=council, gemeente-redactie=editor, gemeente-griffie=admin); "wim" has two
// mapped groups (the higher role wins); "buiten" has no mapped group and must be refused by the dashboard.
// GROUPS_IN_ID_TOKEN=0: the groups only in userinfo, as providers that keep ID tokens small send them.
import Provider from "oidc-provider";

const port = Number(process.env.PORT || 0);
const redirectBase = process.env.REDIRECT_BASE;
if (!port || !redirectBase) {
  console.error("PORT and REDIRECT_BASE are required");
  process.exit(2);
}

const accounts = {
  raadslid: ["gemeente-raad"],
  anna: ["gemeente-redactie", "gemeente-sport"],
  gerrit: ["gemeente-griffie"],
  wim: ["gemeente-raad", "gemeente-redactie"],
  buiten: ["gemeente-sport"],
};

const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [
    {
      client_id: "dashboard",
      client_secret: "dashboard-test-secret",
      redirect_uris: [`${redirectBase}/login/oidc/callback`],
      post_logout_redirect_uris: [`${redirectBase}/login`],
      response_types: ["code"],
      grant_types: ["authorization_code"],
    },
  ],
  async findAccount(ctx, id) {
    if (!(id in accounts)) return undefined;
    return { accountId: id, async claims() { return { sub: id, name: id, groups: accounts[id] }; } };
  },
  claims: { openid: ["sub"], profile: ["name"], groups: ["groups"] },
  // false: the groups claim in the ID token, as Entra ID and Keycloak can send it
  conformIdTokenClaims: process.env.GROUPS_IN_ID_TOKEN === "0",
  cookies: { keys: ["test-only-cookie-key"] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
});
provider.listen(port, "127.0.0.1", () => console.log(`oidc-provider listening on http://127.0.0.1:${port}`));
