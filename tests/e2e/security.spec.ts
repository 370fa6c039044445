import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import zlib from "node:zlib";
import { expect, test, type ConsoleMessage } from "./test";
import { signIn, signInWithForm } from "./helpers";

// The Content-Security-Policy that the pages actually satisfy (no violation reported while the
// pages render and hydrate), the other headers, and the session cookie's flags.

const PAGES = [
  "/",
  "/reunions/conseil/3",
  "/reunions/conseil/3/compte-rendu",
  "/decisions",
  "/votes",
  "/idees",
  "/idees/proposer",
  "/idees/gestion",
  "/idees/affiche",
  "/admin/lettre",
  "/admin/membres",
  "/recherche?q=médiatrice",
];

test("the pages send a strict policy and break none of it", async ({ page, demo }) => {
  const violations: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text()))
      violations.push(`${page.url()}: ${message.text()}`);
  });
  const signInPage = await page.goto("/connexion");
  const csp = signInPage!.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(signInPage!.headers()["x-frame-options"]).toBe("DENY");
  expect(signInPage!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(signInPage!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signInPage!.headers()["x-powered-by"]).toBeUndefined();
  // Each answer carries its request id (the one in the server's log line); a client's own is ignored.
  const first = signInPage!.headers()["x-request-id"];
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  const again = await page.request.get("/connexion", { headers: { "x-request-id": "forged-id" } });
  expect(again.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  expect(again.headers()["x-request-id"]).not.toBe(first);
  // A client's own nonce or policy is never the page's: its scripts carry the server's nonce.
  const forgedNonce = "Zm9yZ2VkLW5vbmNlLWZyb20tdGhlLWNsaWVudA==";
  const forged = await page.request.get("/connexion", {
    headers: { "x-nonce": forgedNonce, "content-security-policy": `script-src 'nonce-${forgedNonce}'` },
  });
  const forgedPolicy = forged.headers()["content-security-policy"] ?? "";
  expect(forgedPolicy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(forgedPolicy).not.toContain(forgedNonce);
  const forgedHtml = await forged.text();
  expect(forgedHtml).toContain(`nonce="${/'nonce-([^']+)'/.exec(forgedPolicy)![1]}"`);
  expect(forgedHtml).not.toContain(forgedNonce);

  // Through the form: its requests (the CSRF token, the callback, the session) run under the
  // policy too.
  await signInWithForm(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  for (const path of PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    expect(response?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
  }
  // Hydrated under the policy: the ballot's button wakes up only through React (nothing is cast).
  await page.goto("/votes");
  await page
    .getByRole("link", { name: /Participation de deux usager·es aux rencontres nationales/ })
    .first()
    .click();
  await expect(page.getByRole("button", { name: "Choisissez d'abord" })).toBeDisabled();
  await page.getByRole("radio", { name: "Pour" }).check();
  await expect(page.getByRole("button", { name: /Confirmer/ })).toBeEnabled();
  const publicPage = await page.goto(`/i/${demo.slug}`);
  expect(publicPage!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(violations).toEqual([]);
});

test("no secret reaches the browser: the scripts of the pages name no server setting", async ({
  page,
  request,
  demo,
}) => {
  const secret = fs.readFileSync(".data/e2e/nextauth-secret", "utf8").trim();
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  const scripts = new Set<string>();
  for (const path of ["/connexion", "/", "/votes", "/admin/lettre", "/idees/gestion"]) {
    await page.goto(path);
    for (const src of await page
      .locator("script[src]")
      .evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).src)))
      scripts.add(src);
    const html = await page.content();
    expect(html).not.toContain(secret);
  }
  expect(scripts.size).toBeGreaterThan(3);
  for (const src of scripts) {
    const body = await (await request.get(src)).text();
    expect(body, src).not.toContain(secret);
    expect(body, src).not.toMatch(/postgres(ql)?:\/\/[^"'\s]*@/);
    expect(body, src).not.toMatch(/NEXTAUTH_SECRET|SMTP_PASSWORD|DATABASE_URL/);
  }
});

test("idea texts and Markdown never run a script in the browser", async ({ page, demo }) => {
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const hostile = `<script>alert("idée")</script><img src=x onerror=alert(1)> [lien](javascript:alert(2))`;
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: "Bonjour Clara Gautier" })).toBeVisible();
  await page.goto("/idees/proposer");
  await page.getByLabel("Votre idée").fill(hostile);
  await page.getByRole("button", { name: "Envoyer mon idée" }).click();
  await expect(page.getByText("Merci ! Votre idée est sur le tableau")).toBeVisible();
  await page.goto("/idees");
  await expect(page.getByText(hostile).first()).toBeVisible();
  // The same text as Markdown: the newsletter preview renders it sanitised.
  await page.goto("/admin/lettre");
  await page.getByLabel("Objet").fill("Essai de sécurité");
  await page.getByLabel("Texte", { exact: true }).fill(hostile);
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("heading", { name: /Essai de sécurité/ })).toBeVisible();
  // The preview is the e-mail in a sandboxed frame (no script runs there at all).
  await expect(page.getByRole("region", { name: "Aperçu" }).locator('iframe[sandbox=""]')).toHaveCount(1);
  const preview = page.frameLocator(
    'iframe[title="Aperçu de l\'e-mail tel que les destinataires le recevront"]',
  );
  await expect(preview.getByText(/alert\(1\)/).first()).toBeVisible();
  expect(await preview.locator("script, img, [onerror], a[href^='javascript']").count()).toBe(0);
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
});

test("addresses typed by hand (repeated keys, garbage values) get a page, never a server error", async ({
  page,
  demo,
  baseURL,
}) => {
  const addresses = [
    "/connexion?callbackUrl=/a&callbackUrl=/b",
    "/connexion?callbackUrl=%5C%5Cevil.example",
    "/mot-de-passe/nouveau?token=a&token=b",
  ];
  for (const url of addresses) expect((await page.goto(url))?.status(), url).toBeLessThan(500);
  await signIn(page, demo.email("coordination"));
  await expect(page.getByRole("heading", { name: /^Bonjour/ })).toBeVisible();
  // Signed in, the sign-in page sends the browser back to its callbackUrl: always a page of ours.
  for (const callback of ["/%09/example.org", "/%0a/example.org", "/%5C/example.org", "//example.org"]) {
    const response = await page.goto(`/connexion?callbackUrl=${callback}`);
    expect(response?.status(), callback).toBeLessThan(500);
    expect(new URL(page.url()).origin, callback).toBe(new URL(baseURL!).origin);
  }
  for (const url of [
    "/decisions?instance=a&instance=b&du=x&du=2026-01-01&issue=ADOPTED&issue=X&page=2&page=3",
    "/decisions?page=99999",
    "/decisions?instance=%00%27%22",
    "/idees?tri=soutenues&tri=x&page=-1",
    "/idees?page=100000",
    "/admin/membres?q=a&q=b&statut=x",
    "/recherche?q=a&q=b",
    "/annuaire?q=a&q=b",
    "/recherche?q=%00",
    "/actions?vue=toutes&vue=x",
    "/reunions/conseil/99999999999999999999",
    "/reunions/conseil/99999999999999999999/compte-rendu",
    "/reunions/conseil/1e5/preparer",
    "/reunions/conseil/-1/presences",
    "/reunions/conseil/99999999999999999999/idees",
    "/reunions/conseil/99999999999999999999/ics",
    "/reunions/%00/1",
    "/votes/%27%22%3C",
    "/decisions/%00",
    "/decisions/%27%22%3C",
    "/admin/membres/%00",
    "/admin/lettre/..%2F..",
  ]) {
    const status = (await page.request.get(url)).status();
    expect(status, url).toBeLessThan(500);
  }
});

// A body is read only for someone allowed to send it, and only up to its size (issue 15, 6): a
// 50 MB post to the ballot box by nobody was read whole (and kept) before its 401.
test("route handlers refuse an oversized body, and read none before the sign-in", async ({
  page,
  request,
  demo,
}) => {
  const huge = "x".repeat(5_000_000);
  const anonymous = await request.post("/api/votes/x/ballot", {
    data: huge,
    headers: { "content-type": "application/json" },
  });
  expect(anonymous.status()).toBe(401);
  const publicPage = await request.post(`/i/${demo.slug}`, {
    data: `text=${huge}`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(publicPage.status()).toBe(413);
  const signInForm = await request.post("/api/auth/callback/credentials", {
    data: `email=a%40b.fr&password=${huge}`,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  expect(signInForm.status()).toBe(413);

  await signIn(page, demo.email("salima.haddad"));
  await expect(page.getByRole("heading", { name: "Bonjour Salima Haddad" })).toBeVisible();
  const ballot = await page.request.post("/api/votes/x/ballot", {
    data: JSON.stringify({ choice: "FOR", padding: huge }),
    headers: { "content-type": "application/json" },
  });
  expect(ballot.status()).toBe(413);
  expect(await ballot.json()).toEqual({ error: "tooLarge" });
  // A ballot of the right size still reaches the rules (here: no such question).
  const small = await page.request.post("/api/votes/x/ballot", { data: { choice: "FOR" } });
  expect(small.status()).toBe(404);
});

// A kept-alive connection idle for longer than Node's default 5 s still answers: the server
// waits 65 s (scripts/server.ts), so that a client sending just as it would have closed does not
// get « socket hang up ».
test("a kept-alive connection idle for 6 s still answers its next request", async ({ baseURL }) => {
  const { hostname, port } = new URL(baseURL!);
  const socket = net.connect(Number(port), hostname);
  let received = "";
  socket.setEncoding("latin1");
  socket.on("data", (chunk: string) => (received += chunk));
  const ask = () =>
    socket.write(`GET /connexion HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: keep-alive\r\n\r\n`);
  const answers = () => received.match(/^HTTP\/1\.1 200/gm)?.length ?? 0;
  try {
    await new Promise<void>((resolve) => socket.once("connect", resolve));
    ask();
    await expect.poll(answers, { timeout: 20_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(socket.destroyed || socket.readyState !== "open").toBe(false);
    ask();
    await expect.poll(answers, { timeout: 20_000 }).toBe(2);
  } finally {
    socket.destroy();
  }
});

// The web server compresses (lib/net/compress.ts; Next.js's own gzip is off): a page and the
// scripts it names arrive gzipped in one piece with their length, and as they are to a client
// that does not take gzip.
test("pages and scripts arrive gzipped from the web server, plain to a client without gzip", async ({
  baseURL,
}) => {
  const fetchRaw = (path: string, encoding?: string) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const headers = encoding ? { "accept-encoding": encoding } : {};
      http
        .get(new URL(path, baseURL), { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  const page = await fetchRaw("/connexion", "gzip, deflate, br, zstd");
  expect(page.headers["content-encoding"]).toBe("gzip");
  expect(page.headers["content-length"]).toBe(String(page.body.length));
  expect(page.headers.vary).toMatch(/Accept-Encoding/);
  const html = zlib.gunzipSync(page.body).toString("utf8");
  expect(html).toContain('<html lang="fr"');
  expect(html).toContain("Se connecter");

  const script = /<script src="([^"]+\.js)"/.exec(html)![1]!;
  const bundle = await fetchRaw(script, "gzip");
  expect(bundle.headers["content-encoding"]).toBe("gzip");
  expect(zlib.gunzipSync(bundle.body).length).toBeGreaterThan(bundle.body.length);

  const plain = await fetchRaw("/connexion");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.body.toString("utf8")).toContain("Se connecter");
});
