import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as publicPage, POST as postPublic } from "@/app/(public)/i/[slug]/route";
import { POST as oneClickUnsubscribe } from "@/app/api/desabonnement/[token]/route";
import { seedIfEmpty } from "../../scripts/seed";

// Hostile input on the doors open to anyone: the public idea page and the one-click
// unsubscribe. Generated garbage (wrong types, huge strings, unicode edge cases, missing fields,
// script tags) never gets a 500, always a clear answer, and stores nothing it should not.

const garbage = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\u0000\u202e\ud83d\ude00",
    '\'; DROP TABLE "Idea"; --',
    " ",
    "x".repeat(20_000),
    "é".repeat(2_001),
  ),
);
const fields = fc.record(
  {
    text: garbage,
    theme: garbage,
    name: garbage,
    contact: garbage,
    website: fc.constantFrom("", "", "", "http://bot"),
  },
  { requiredKeys: [] },
);

let address = 0;
function post(slug: string, values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.set(k, v);
  return postPublic(
    new Request(`http://localhost/i/${encodeURIComponent(slug)}`, {
      method: "POST",
      body: form,
      headers: {
        "x-forwarded-for": `192.0.2.${++address % 250}, 10.9.${Math.floor(address / 250)}.${address % 250}`,
      },
    }),
    { params: Promise.resolve({ slug }) },
  );
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
});

describe("the public idea page under hostile input", () => {
  it("answers every generated form with 303, 400 or 429 — never 500 — and stores only valid ideas, never as markup", async () => {
    await fc.assert(
      fc.asyncProperty(fields, async (values) => {
        const before = await db.idea.count();
        const response = await post("bois-joli", values);
        expect([303, 400, 429]).toContain(response.status);
        const after = await db.idea.count();
        if (response.status === 303) {
          expect(after - before).toBe(values.website === "http://bot" ? 0 : 1);
        } else {
          expect(after).toBe(before);
          const html = await response.text();
          // Whatever was typed comes back as text, never as markup.
          expect(html).not.toMatch(/<script|<img/i);
          expect(html).toContain('role="alert"');
          // Every refusal has its words (no message key left untranslated).
          expect(html).not.toMatch(/errors\.|ideas\./);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("a form that is not a form, and slugs that are not cooperatives", async () => {
    const notForm = await postPublic(
      new Request("http://localhost/i/bois-joli", {
        method: "POST",
        body: '{"text": 42}',
        headers: { "content-type": "application/json" },
      }),
      { params: Promise.resolve({ slug: "bois-joli" }) },
    );
    expect(notForm.status).toBe(400);
    await fc.assert(
      fc.asyncProperty(garbage, async (slug) => {
        const response = await publicPage(new Request("http://localhost/i/x"), {
          params: Promise.resolve({ slug }),
        });
        expect([200, 404]).toContain(response.status);
        expect(await response.text()).not.toMatch(/<script/i);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the one-click unsubscribe under hostile input", () => {
  it("refuses every forged token with a 404 and unsubscribes nobody", async () => {
    await db.newsletterRecipient.create({
      data: {
        cooperativeId: (await db.cooperative.findFirstOrThrow()).id,
        email: "reste@voisins.test",
        consentAt: new Date(),
      },
    });
    await fc.assert(
      fc.asyncProperty(garbage, async (token) => {
        const response = await oneClickUnsubscribe(
          new Request("http://localhost/api/desabonnement/x", { method: "POST" }),
          { params: Promise.resolve({ token }) },
        );
        expect(response.status).toBe(404);
      }),
      { numRuns: 100 },
    );
    expect(await db.newsletterRecipient.count({ where: { unsubscribedAt: { not: null } } })).toBe(0);
  });
});
