import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { createCooperative, createMember, PASSWORD } from "@/tests/factories/people";

// Behind HTTPS (NEXTAUTH_URL https://…, as in production), the session cookie a real sign-in
// sets is __Secure-, Secure, HttpOnly and SameSite=Lax; the e2e journeys check HttpOnly and
// SameSite over plain http. The sign-in goes through next-auth's own handler with the portal's
// options: CSRF token first, then the credentials.

type Cookie = {
  name: string;
  value: string;
  options: { secure?: boolean; httpOnly?: boolean; sameSite?: string | boolean; path?: string };
};
type Handler = (params: {
  req: Record<string, unknown>;
  options: unknown;
}) => Promise<{ cookies?: Cookie[]; body?: unknown }>;
// next-auth's request handler, as its Next.js route calls it (the package does not export the
// path, hence the file).
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/index.js"),
) as { AuthHandler: Handler };

let email = "";

beforeAll(async () => {
  process.env.NEXTAUTH_URL = "https://portail.example.org";
  process.env.NEXTAUTH_SECRET ??= "secret-de-test-des-cookies";
  const { cooperative } = await createCooperative();
  email = (await createMember(cooperative.id)).email;
});

describe("session cookies over HTTPS", () => {
  it("a credentials sign-in sets a __Secure- session cookie that is Secure, HttpOnly and SameSite=Lax", async () => {
    const options = { ...authOptions, secret: process.env.NEXTAUTH_SECRET };
    const headers = {
      host: "portail.example.org",
      "x-forwarded-for": "198.51.100.7",
      "x-forwarded-proto": "https",
    };
    const csrf = await AuthHandler({
      req: { method: "GET", action: "csrf", headers, cookies: {}, query: {} },
      options,
    });
    const csrfCookie = (csrf.cookies as Cookie[]).find((c) => c.name.endsWith("next-auth.csrf-token"))!;
    expect(csrfCookie.name).toBe("__Host-next-auth.csrf-token");
    expect(csrfCookie.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
    const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;

    const signIn = await AuthHandler({
      req: {
        method: "POST",
        action: "callback",
        providerId: "credentials",
        headers,
        cookies: { [csrfCookie.name]: csrfCookie.value },
        body: { csrfToken, email, password: PASSWORD },
        query: {},
      },
      options,
    });
    const session = (signIn.cookies as Cookie[]).find((c) => c.name.endsWith("next-auth.session-token"));
    expect(session?.name).toBe("__Secure-next-auth.session-token");
    expect(session?.value.length).toBeGreaterThan(20);
    expect(session?.options).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
  });
});
