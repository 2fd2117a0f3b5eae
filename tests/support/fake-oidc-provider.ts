import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export interface IssuedLogin {
  sub: string;
  name?: string;
  cpr?: string;
}

/**
 * A minimal OpenID provider for tests: discovery, JWKS and a token endpoint that signs an id_token
 * for whatever identity the test queued for the authorization code.
 */
export async function startFakeOidcProvider(clientId: string, clientSecret: string) {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const codes = new Map<string, IssuedLogin & { nonce: string }>();
  let issuer = "";
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      res.setHeader("Content-Type", "application/json");
      res.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ["code"],
          subject_types_supported: ["public"],
          id_token_signing_alg_values_supported: ["RS256"],
          code_challenge_methods_supported: ["S256"],
          token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
        }),
      );
      return;
    }
    if (url.pathname === "/jwks") {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    if (url.pathname === "/token" && req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      // client_secret_basic or client_secret_post, as brokers differ.
      const basic = Buffer.from((req.headers.authorization ?? "").replace("Basic ", ""), "base64").toString();
      const authenticated =
        basic === `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}` ||
        (form.get("client_id") === clientId && form.get("client_secret") === clientSecret);
      const code = form.get("code") ?? "";
      const login = codes.get(code);
      codes.delete(code);
      if (!authenticated || !login) {
        res.statusCode = 400;
        res.setHeader("Content-Type", "application/json");
        res.end(JSON.stringify({ error: "invalid_grant" }));
        return;
      }
      const claims: Record<string, unknown> = { nonce: login.nonce, name: login.name };
      if (login.cpr) claims["dk:gov:saml:attribute:CprNumberIdentifier"] = login.cpr;
      const idToken = await new SignJWT(claims)
        .setProtectedHeader({ alg: "RS256", kid: "test-key" })
        .setIssuer(issuer)
        .setAudience(clientId)
        .setSubject(login.sub)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({ access_token: "at", token_type: "Bearer", expires_in: 300, id_token: idToken }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    /** Queues an identity for the next code; returns the code the IdP would send back. */
    issueCode(login: IssuedLogin, nonce: string): string {
      const code = `code-${codes.size}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, { ...login, nonce });
      return code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
