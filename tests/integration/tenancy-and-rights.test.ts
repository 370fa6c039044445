import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { getMeeting, listMeetings } from "@/lib/meetings/service";
import { listOutbox, retryEmail } from "@/lib/mail/service";
import { sendEmail } from "@/lib/mail/send";
import { listAudit } from "@/lib/audit/service";
import { listDecisions } from "@/lib/decisions/service";
import { homeSections } from "@/lib/home";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";

let coordinatorA: Actor;
let memberA: Actor;
let guestA: Actor;
let coordinatorB: Actor;
let emailB: string;

beforeAll(async () => {
  const a = await createCooperative("Coopérative A");
  const b = await createCooperative("Coopérative B");
  for (const { cooperative, council } of [a, b]) {
    await buildMeeting({
      cooperativeId: cooperative.id,
      bodyId: council.id,
      number: 1,
      startsAt: new Date("2026-12-01T18:00:00Z"),
    });
    await db.decision.create({
      data: {
        cooperativeId: cooperative.id,
        bodyId: council.id,
        title: `Décision ${cooperative.name}`,
        text: "…",
        method: "CONSENSUS",
        outcome: "ADOPTED",
        decidedOn: new Date("2026-11-01"),
        publishedAt: new Date(),
      },
    });
  }
  coordinatorA = await actorFor((await createMember(a.cooperative.id, { isCoordinator: true })).person.id);
  memberA = await actorFor((await createMember(a.cooperative.id)).person.id);
  guestA = await actorFor((await createMember(a.cooperative.id, { kind: "GUEST" })).person.id);
  coordinatorB = await actorFor((await createMember(b.cooperative.id, { isCoordinator: true })).person.id);
  emailB = await sendEmail({
    cooperativeId: b.cooperative.id,
    to: "b@exemple.org",
    subject: "Pour B",
    text: "…",
  });
  await sendEmail({ cooperativeId: a.cooperative.id, to: "a@exemple.org", subject: "Pour A", text: "…" });
});

describe("one cooperative never sees another's rows", () => {
  it("lists only its own meetings and decisions", async () => {
    const meetings = await listMeetings(memberA);
    expect(meetings).toHaveLength(1);
    expect((await homeSections(memberA)).decisions.map((d) => d.title)).toEqual(["Décision Coopérative A"]);
  });

  it("cannot open the other's meeting by guessing its address", async () => {
    expect(await getMeeting(memberA, "conseil", 1)).not.toBeNull();
    const other = await db.meeting.findFirstOrThrow({ where: { cooperativeId: coordinatorB.cooperativeId } });
    expect(other.number).toBe(1);
    // Same body slug and number exist in B; A's actor still gets A's meeting, never B's.
    const seen = await getMeeting(memberA, "conseil", 1);
    expect(seen?.id).not.toBe(other.id);
    expect(await getMeeting(memberA, "conseil", 2)).toBeNull();
  });

  it("reads only its own outbox, and cannot retry the other's e-mail by id", async () => {
    expect((await listOutbox(coordinatorA)).rows.map((m) => m.subject)).toEqual(["Pour A"]);
    expect(await retryEmail(coordinatorA, emailB)).toEqual({ ok: false, error: "notFound" });
  });
});

describe("the server refuses what a role may not do", () => {
  it("a member cannot read the outbox or the audit log, nor retry an e-mail", async () => {
    await expect(listOutbox(memberA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAudit(memberA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(retryEmail(memberA, emailB)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a guest of the idea box cannot read meetings or decisions", async () => {
    await expect(listMeetings(guestA)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listDecisions(guestA)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the coordinator can, and reads only their own cooperative's", async () => {
    for (const [coordinator, entityId] of [
      [coordinatorA, "entry-a"],
      [coordinatorB, "entry-b"],
    ] as const)
      await db.auditEntry.create({
        data: {
          cooperativeId: coordinator.cooperativeId,
          actorId: coordinator.personId,
          action: "member.updated",
          entityType: "Membership",
          entityId,
        },
      });
    expect((await listOutbox(coordinatorA)).rows.map((m) => m.subject)).toEqual(["Pour A"]);
    expect((await listAudit(coordinatorA)).map((e) => e.entityId)).toEqual(["entry-a"]);
  });
});
