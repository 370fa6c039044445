import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startSmtpSink } from "@/tests/smtp-sink";

// With SMTP configured (here a local SMTP server from npm): e-mails leave, each once, even when
// several workers try the same one; a permanent refusal is marked.

let sink: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  sink = await startSmtpSink();
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(sink.port), SMTP_SECURE: "false" });
});

afterAll(async () => {
  delete process.env.SMTP_HOST;
  await sink.close();
});

describe("e-mails through SMTP", () => {
  it("leave once and are marked sent", async () => {
    const { sendEmail } = await import("@/lib/mail/send");
    const id = await sendEmail({
      cooperativeId: null,
      to: "une@exemple.org",
      subject: "Bonjour",
      text: "Un message.",
    });
    // Vitest's poll gives up after 1 s by default: a busy machine takes longer to deliver.
    await expect
      .poll(() => sink.messages.filter((m) => m.to.includes("une@exemple.org")).length, { timeout: 30_000 })
      .toBe(1);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });

  it("one e-mail tried by five workers at once leaves once", async () => {
    const { deliver } = await import("@/lib/mail/send");
    const row = await db.outboxEmail.create({
      data: { toAddress: "cinq@exemple.org", subject: "Une seule fois", textBody: "Rien qu'une fois." },
    });
    await Promise.all(Array.from({ length: 5 }, () => deliver(row.id)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.filter((m) => m.to.includes("cinq@exemple.org"))).toHaveLength(1);
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "SENT",
      attempts: 1,
    });
  });

  it("a permanent refusal is marked failed, with the server's words", async () => {
    const { sendEmail } = await import("@/lib/mail/send");
    const id = await sendEmail({
      cooperativeId: null,
      to: "refus@exemple.org",
      subject: "Refusé",
      text: "x",
    });
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toMatch(/550|Mailbox unavailable/);
  });
});
