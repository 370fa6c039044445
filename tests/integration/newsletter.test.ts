import { spawn, type ChildProcess } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import {
  createIssue,
  getIssue,
  runSend,
  sendBatch,
  sendTest,
  startSend,
  unsubscribe,
  unsubscribeToken,
  updateIssue,
  verifyUnsubscribeToken,
} from "@/lib/newsletter/service";

import { seedIfEmpty } from "../../scripts/seed";

import { signInAs } from "@/tests/factories/people";

let coordinator: Actor, marc: Actor;

// 500 imported recipients who consented, plus some who must not get it.
async function recipients(prefix: string, n = 500) {
  const consentAt = new Date("2026-01-01T00:00:00Z");
  await db.newsletterRecipient.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      cooperativeId: coordinator.cooperativeId,
      email: `${prefix}${i}@voisins.test`,
      consentAt,
      consentSource: "import",
    })),
  });
}

async function deliveredTo(issueId: string) {
  const rows = await db.$queryRaw<{ toAddress: string }[]>`
    SELECT o."toAddress" FROM "NewsletterDelivery" d JOIN "OutboxEmail" o ON o.id = d."emailId" WHERE d."issueId" = ${issueId}`;
  return rows.map((r) => r.toAddress);
}

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  [coordinator, marc] = (await Promise.all([signInAs("coordination"), signInAs("marc.beaulieu")])) as [
    Actor,
    Actor,
  ];
});

describe("writing and testing", () => {
  it("the coordinator writes, edits and tests an issue; a member may not", async () => {
    await expect(createIssue(marc, { subject: "x", body: "y" })).rejects.toBeInstanceOf(ForbiddenError);
    const created = await createIssue(coordinator, {
      subject: "Lettre de décembre",
      body: "### Au centre\n\n- Nouveaux horaires",
    });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    expect(
      await updateIssue(coordinator, id, {
        subject: "Lettre de décembre 2026",
        body: "### Au centre\n\n- Nouveaux horaires\n- <script>alert(1)</script>",
      }),
    ).toEqual({ ok: true, data: null });
    const issue = (await getIssue(coordinator, id))!;
    expect(issue.number).toBe(1);
    expect(issue.emailHtml).toContain("<h3>Au centre</h3>");
    expect(issue.emailHtml).not.toContain("<script>");
    expect(await sendTest(coordinator, id)).toEqual({ ok: true, data: { to: coordinator.email } });
    const test = await db.outboxEmail.findFirstOrThrow({
      where: { subject: "[Essai] Lettre de décembre 2026" },
    });
    expect(test.toAddress).toBe(coordinator.email);
    expect(test.htmlBody).not.toContain("<script>");
    // The preview is the e-mail itself: same HTML, same styles, the test's link.
    expect(issue.emailHtml).toBe(test.htmlBody);
  });
});

describe("sending", () => {
  it("goes to the 500 consenting recipients exactly once, each with a working one-click unsubscribe; not to the others", async () => {
    await recipients("a");
    const now = new Date();
    await db.newsletterRecipient.createMany({
      data: [
        { cooperativeId: coordinator.cooperativeId, email: "sans-consentement@voisins.test" },
        {
          cooperativeId: coordinator.cooperativeId,
          email: "parti@voisins.test",
          consentAt: now,
          unsubscribedAt: now,
        },
        {
          cooperativeId: coordinator.cooperativeId,
          email: "rebond@voisins.test",
          consentAt: now,
          bouncedAt: now,
        },
      ],
    });
    const reachable = await db.newsletterRecipient.count({
      where: {
        cooperativeId: coordinator.cooperativeId,
        consentAt: { not: null },
        unsubscribedAt: null,
        bouncedAt: null,
      },
    });
    const created = await createIssue(coordinator, { subject: "Lettre n° 2", body: "Bonjour le quartier." });
    const id = created.ok ? created.data.id : "";
    const started = await startSend(coordinator, id);
    expect(started).toEqual({ ok: true, data: { recipients: reachable } });
    expect(await startSend(coordinator, id)).toEqual({ ok: false, error: "alreadySent" });
    expect(await updateIssue(coordinator, id, { subject: "Trop tard", body: "x" })).toEqual({
      ok: false,
      error: "alreadySent",
    });
    // Someone unsubscribes after the send started: skipped.
    const leaving = await db.newsletterRecipient.findFirstOrThrow({ where: { email: "a499@voisins.test" } });
    expect(await unsubscribe(unsubscribeToken(leaving.id))).toBe(true);
    // A later import said no for another: consent withdrawn, skipped too.
    await db.newsletterRecipient.updateMany({
      where: { email: "a498@voisins.test" },
      data: { consentAt: null, consentSource: "retiré par l'import" },
    });

    expect(await runSend(id)).toBe(reachable);
    const to = await deliveredTo(id);
    expect(to).toHaveLength(reachable - 2);
    expect(new Set(to).size).toBe(to.length);
    expect(to).not.toContain("a499@voisins.test");
    expect(to).not.toContain("a498@voisins.test");
    expect(to).not.toEqual(expect.arrayContaining(["sans-consentement@voisins.test"]));
    expect(to.filter((t) => ["parti@voisins.test", "rebond@voisins.test"].includes(t))).toEqual([]);
    expect((await db.newsletterIssue.findUniqueOrThrow({ where: { id } })).sentAt).not.toBeNull();

    const mail = await db.outboxEmail.findFirstOrThrow({
      where: { toAddress: "a7@voisins.test", subject: "Lettre n° 2" },
    });
    const link = /\/desabonnement\/(\S+)/.exec(mail.textBody)![1]!;
    expect((mail.headers as Record<string, string>)["List-Unsubscribe"]).toContain(
      `/api/desabonnement/${link}`,
    );
    expect((mail.headers as Record<string, string>)["List-Unsubscribe-Post"]).toBe(
      "List-Unsubscribe=One-Click",
    );
    expect(mail.htmlBody).toContain(`/desabonnement/${link}`);
    const recipient = await db.newsletterRecipient.findFirstOrThrow({ where: { email: "a7@voisins.test" } });
    expect(verifyUnsubscribeToken(link)).toBe(recipient.id);
    expect(verifyUnsubscribeToken(`${recipient.id}.forged-signature-forged-signatur`)).toBeNull();
    expect(verifyUnsubscribeToken(`${leaving.id}.${link.split(".")[1]}`)).toBeNull();
    expect(await unsubscribe(link)).toBe(true);
    expect(
      (await db.newsletterRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).unsubscribedAt,
    ).not.toBeNull();
  });

  it("a batch that breaks midway leaves nothing behind; the next run neither skips nor repeats anyone", async () => {
    await recipients("b");
    const created = await createIssue(coordinator, { subject: "Lettre n° 3", body: "Texte." });
    const id = created.ok ? created.data.id : "";
    const started = await startSend(coordinator, id);
    const total = started.ok ? started.data.recipients : 0;
    expect(await sendBatch(id, 100)).toBe(100);
    await expect(
      sendBatch(id, 100, (i) => {
        if (i === 37) throw new Error("crash");
      }),
    ).rejects.toThrow("crash");
    expect(await deliveredTo(id)).toHaveLength(100);
    await runSend(id);
    const to = await deliveredTo(id);
    expect(to).toHaveLength(total);
    expect(new Set(to).size).toBe(total);
  });

  it("a worker killed (SIGKILL) in the middle of the send, then restarted: everyone once", async () => {
    await recipients("c");
    const created = await createIssue(coordinator, { subject: "Lettre n° 4", body: "Texte." });
    const id = created.ok ? created.data.id : "";
    const env = { ...process.env, NEWSLETTER_BATCH_SIZE: "10", NEWSLETTER_BATCH_PAUSE_MS: "40" };
    const startWorker = () =>
      spawn(
        process.execPath,
        ["--import", "tsx", "--import", "./scripts/server-only-loader.mjs", "scripts/worker.ts"],
        { env, stdio: "ignore" },
      );
    const waitFor = async (check: () => Promise<boolean>, ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        if (await check()) return true;
        await new Promise((r) => setTimeout(r, 50));
      }
      return false;
    };
    let worker: ChildProcess = startWorker();
    try {
      const started = await startSend(coordinator, id);
      const total = started.ok ? started.data.recipients : 0;
      const written = () => db.newsletterDelivery.count({ where: { issueId: id, queuedAt: { not: null } } });
      expect(await waitFor(async () => (await written()) >= 100, 120_000)).toBe(true);
      worker.kill("SIGKILL");
      await new Promise((r) => worker.once("exit", r));
      const atKill = await written();
      expect(atKill).toBeLessThan(total);
      expect(await deliveredTo(id)).toHaveLength(
        await db.newsletterDelivery.count({ where: { issueId: id, emailId: { not: null } } }),
      );
      worker = startWorker();
      // A wait ends as soon as the send does (24 s in all here alone). Beside the build and a
      // busy loop, the restarted worker took more than 60 s to finish (2026-12-02).
      expect(
        await waitFor(
          async () => (await db.newsletterIssue.findUniqueOrThrow({ where: { id } })).sentAt !== null,
          180_000,
        ),
      ).toBe(true);
      const to = await deliveredTo(id);
      expect(to).toHaveLength(total);
      expect(new Set(to).size).toBe(total);
    } finally {
      worker.kill("SIGKILL");
    }
  }, 360_000);
});
