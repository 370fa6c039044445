import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import {
  findSignInPerson,
  requestPasswordReset,
  resetPassword,
  sendSignInLink,
  verifyCredentials,
} from "@/lib/auth/service";
import { createCooperative, createMember, PASSWORD } from "@/tests/factories/people";
import { purgeExpiredLimits } from "@/lib/limits/purge.internal";

let cooperativeId: string;

beforeAll(async () => {
  ({
    cooperative: { id: cooperativeId },
  } = await createCooperative());
});

async function outboxFor(email: string) {
  return db.outboxEmail.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });
}

describe("sign-in with a password", () => {
  it("accepts the right password, whatever the case of the e-mail", async () => {
    const { email, person } = await createMember(cooperativeId);
    expect(await verifyCredentials(email.toUpperCase(), PASSWORD, "198.51.100.1")).toEqual({
      ok: true,
      personId: person.id,
    });
  });

  it("gives the same answer for a wrong password and an unknown e-mail", async () => {
    const { email } = await createMember(cooperativeId);
    const wrong = await verifyCredentials(email, "pas-le-bon", "198.51.100.2");
    const unknown = await verifyCredentials("personne@exemple.org", PASSWORD, "198.51.100.2");
    expect(wrong).toEqual({ ok: false, error: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses an archived member", async () => {
    const { email } = await createMember(cooperativeId, { status: "ARCHIVED" });
    expect(await verifyCredentials(email, PASSWORD, null)).toEqual({ ok: false, error: "invalid" });
  });

  it("holds an address after 10 tries on one account, and lets the right password in from elsewhere and after 15 minutes", async () => {
    const { email, person } = await createMember(cooperativeId);
    for (let i = 0; i < 10; i++)
      expect(await verifyCredentials(email, "mauvais", "203.0.113.5")).toEqual({
        ok: false,
        error: "invalid",
      });
    expect(await verifyCredentials(email, PASSWORD, "203.0.113.5")).toEqual({
      ok: false,
      error: "rateLimited",
    });
    // The person at home (another address) is not held by what happened at 203.0.113.5.
    expect(await verifyCredentials(email, PASSWORD, "198.51.100.60")).toEqual({
      ok: true,
      personId: person.id,
    });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(Date.now() + 16 * 60 * 1000);
      expect((await verifyCredentials(email, PASSWORD, "203.0.113.5")).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("counts a burst of tries at once: no eleventh try is checked", async () => {
    const { email } = await createMember(cooperativeId);
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => verifyCredentials(email, "mauvais", "203.0.113.9")),
    );
    expect(burst.filter((r) => !r.ok && r.error === "invalid")).toHaveLength(10);
    expect(burst.filter((r) => !r.ok && r.error === "rateLimited")).toHaveLength(20);
  });

  it("never locks the person out of their usual device, whatever fails elsewhere", async () => {
    const { email, person } = await createMember(cooperativeId);
    const home = "198.51.100.61";
    expect((await verifyCredentials(email, PASSWORD, home)).ok).toBe(true);
    // An attacker tries the account from 60 addresses, 3 times each.
    for (let a = 0; a < 60; a++)
      for (let t = 0; t < 3; t++) await verifyCredentials(email, "devine", `100.64.${a}.1`);
    // Past 50 failures from unknown addresses, a new address is held, even with the password…
    expect(await verifyCredentials(email, PASSWORD, "100.64.200.1")).toEqual({
      ok: false,
      error: "rateLimited",
    });
    // …but not the person's own device.
    expect(await verifyCredentials(email, PASSWORD, home)).toEqual({ ok: true, personId: person.id });
  });

  it("holds an address that tries many accounts, not the others", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 100; i++) await verifyCredentials(`inconnu${i}@exemple.org`, "x", ip);
    const { email } = await createMember(cooperativeId);
    expect(await verifyCredentials(email, PASSWORD, ip)).toEqual({ ok: false, error: "rateLimited" });
    expect((await verifyCredentials(email, PASSWORD, "192.0.2.78")).ok).toBe(true);
  });

  it("a new password starts a fresh count on the account", async () => {
    const { email, person } = await createMember(cooperativeId);
    for (let i = 0; i < 11; i++) await verifyCredentials(email, "oublié", "203.0.113.10");
    expect((await verifyCredentials(email, PASSWORD, "203.0.113.10")).ok).toBe(false);
    await db.person.update({ where: { id: person.id }, data: { sessionVersion: { increment: 1 } } });
    expect((await verifyCredentials(email, PASSWORD, "203.0.113.10")).ok).toBe(true);
  });
});

describe("sign-in link and password reset by e-mail", () => {
  it("puts the sign-in link in the outbox for a member, and nothing for an unknown address", async () => {
    const { email } = await createMember(cooperativeId, { name: "Nadia Link" });
    await sendSignInLink(email, "http://localhost:3000/api/auth/callback/email?token=abc");
    await sendSignInLink("inconnu@exemple.org", "http://localhost:3000/x");
    const mails = await outboxFor(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ status: "KEPT", cooperativeId });
    expect(mails[0]!.textBody).toContain("callback/email?token=abc");
    expect(await outboxFor("inconnu@exemple.org")).toHaveLength(0);
  });

  it("finds only people with an active membership", async () => {
    const active = await createMember(cooperativeId);
    const archived = await createMember(cooperativeId, { status: "ARCHIVED" });
    expect(await findSignInPerson(active.email)).not.toBeNull();
    expect(await findSignInPerson(archived.email)).toBeNull();
  });

  it("resets the password once with the link, which then stops working", async () => {
    const { email, person } = await createMember(cooperativeId);
    await requestPasswordReset(email, "http://localhost:3000");
    const [mail] = await outboxFor(email);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail!.textBody)![1]!);

    const newPassword = "nouveau-mot-de-passe";
    expect(await resetPassword({ token, password: newPassword, confirm: newPassword })).toEqual({
      ok: true,
      data: null,
    });
    expect(await verifyCredentials(email, newPassword, null)).toEqual({ ok: true, personId: person.id });
    expect((await verifyCredentials(email, PASSWORD, null)).ok).toBe(false);
    expect(await resetPassword({ token, password: "encore-un-autre", confirm: "encore-un-autre" })).toEqual({
      ok: false,
      error: "tokenInvalid",
    });

    const audit = await db.auditEntry.findFirst({
      where: { entityId: person.id, action: "person.passwordReset" },
    });
    expect(audit?.actorId).toBe(person.id);
  });

  it("refuses an expired link and stores no token in clear", async () => {
    const { email } = await createMember(cooperativeId);
    const past = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await requestPasswordReset(email, "http://localhost:3000", past);
    const [mail] = await outboxFor(email);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(mail!.textBody)![1]!);
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(
      await resetPassword({ token, password: "nouveau-mot-de-passe", confirm: "nouveau-mot-de-passe" }),
    ).toEqual({ ok: false, error: "tokenInvalid" });
  });

  it("sends nothing when the address has no account", async () => {
    await requestPasswordReset("personne@exemple.org", "http://localhost:3000");
    expect(await outboxFor("personne@exemple.org")).toHaveLength(0);
  });
});

describe("rate-limit counters", () => {
  it("name no address and no e-mail, and are purged by the worker's job once expired", async () => {
    const { email } = await createMember(cooperativeId);
    await verifyCredentials(email, "mauvais", "198.51.100.99");
    const rows = await db.rateLimit.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toMatch(
      /198\.51\.100\.99|@exemple/,
    );
    await db.rateLimit.create({
      data: { key: "test:expired", points: 3, expire: BigInt(Date.now() - 1000) },
    });
    expect(await purgeExpiredLimits()).toBeGreaterThanOrEqual(1);
    expect(await db.rateLimit.count({ where: { key: "test:expired" } })).toBe(0);
    expect(await db.rateLimit.count()).toBeGreaterThan(0);
  });
});
