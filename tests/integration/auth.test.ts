import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  findSignInPerson,
  requestPasswordReset,
  resetPassword,
  sendSignInLink,
  verifyCredentials,
} from "@/lib/auth/service";
import { createCooperative, createMember, PASSWORD } from "@/tests/factories/people";
import { purgeSignInFailures } from "@/lib/auth/sign-in-failures.internal";

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

  it("blocks an account after 10 failures in 15 minutes, even with the right password, then lets it in again", async () => {
    const { email } = await createMember(cooperativeId);
    const now = new Date();
    for (let i = 0; i < 10; i++) {
      expect((await verifyCredentials(email, "mauvais", `203.0.113.${i}`, now)).ok).toBe(false);
    }
    expect(await verifyCredentials(email, PASSWORD, "203.0.113.200", now)).toEqual({
      ok: false,
      error: "rateLimited",
    });
    const later = new Date(now.getTime() + 16 * 60 * 1000);
    expect((await verifyCredentials(email, PASSWORD, "203.0.113.200", later)).ok).toBe(true);
  });

  it("blocks an address that tries many accounts", async () => {
    const ip = "192.0.2.77";
    for (let i = 0; i < 10; i++) await verifyCredentials(`inconnu${i}@exemple.org`, "x", ip);
    const { email } = await createMember(cooperativeId);
    expect(await verifyCredentials(email, PASSWORD, ip)).toEqual({ ok: false, error: "rateLimited" });
    expect((await verifyCredentials(email, PASSWORD, "192.0.2.78")).ok).toBe(true);
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

describe("failed sign-ins", () => {
  it("are kept while the limit counts them, then purged by the worker's job", async () => {
    const now = new Date("2026-11-30T12:00:00Z");
    await db.signInFailure.createMany({
      data: [
        { key: "ip:198.51.100.7", createdAt: new Date(now.getTime() - 60 * 60 * 1000) },
        { key: "email:ancien@exemple.org", createdAt: new Date(now.getTime() - 16 * 60 * 1000) },
        { key: "ip:198.51.100.8", createdAt: new Date(now.getTime() - 5 * 60 * 1000) },
      ],
    });
    expect(await purgeSignInFailures(now)).toBeGreaterThanOrEqual(2);
    const left = await db.signInFailure.findMany({ where: { key: { startsWith: "ip:198.51.100." } } });
    expect(left.map((f) => f.key)).toEqual(["ip:198.51.100.8"]);
    expect(await db.signInFailure.count({ where: { key: "email:ancien@exemple.org" } })).toBe(0);
  });
});
