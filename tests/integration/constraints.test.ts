import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCooperative, createMember } from "@/tests/factories/people";
import { buildMeeting } from "@/tests/factories/meetings";
import { buildQuestion } from "@/tests/factories/votes";

let cooperativeId: string;
let councilId: string;

beforeAll(async () => {
  const { cooperative, council } = await createCooperative();
  cooperativeId = cooperative.id;
  councilId = council.id;
});

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("the database backs the rules", () => {
  it("refuses a college weighing more than 50 % or less than 10 %", async () => {
    await expect(
      db.college.create({ data: { cooperativeId, name: "trop lourd", position: 0, weightBp: 5100 } }),
    ).rejects.toThrow();
    await expect(
      db.college.create({ data: { cooperativeId, name: "trop léger", position: 0, weightBp: 900 } }),
    ).rejects.toThrow();
    await expect(
      db.college.create({ data: { cooperativeId, name: "juste", position: 0, weightBp: 5000 } }),
    ).resolves.toBeDefined();
  });

  it("refuses two categories held at once by the same member", async () => {
    const { membership } = await createMember(cooperativeId);
    const a = await db.category.create({ data: { cooperativeId, name: "cat A", position: 1 } });
    const b = await db.category.create({ data: { cooperativeId, name: "cat B", position: 2 } });
    await db.categoryAssignment.create({
      data: {
        cooperativeId,
        membershipId: membership.id,
        categoryId: a.id,
        validFrom: d("2020-01-01"),
        validTo: d("2023-02-15"),
      },
    });
    await expect(
      db.categoryAssignment.create({
        data: { cooperativeId, membershipId: membership.id, categoryId: b.id, validFrom: d("2023-02-14") },
      }),
    ).rejects.toThrow();
    await expect(
      db.categoryAssignment.create({
        data: { cooperativeId, membershipId: membership.id, categoryId: b.id, validFrom: d("2023-02-15") },
      }),
    ).resolves.toBeDefined();
  });

  it("keeps one ballot per member and question", async () => {
    const { membership } = await createMember(cooperativeId);
    const question = await buildQuestion({
      cooperativeId,
      bodyId: councilId,
      kind: "MEETING_BALLOT",
      title: "Q",
    });
    await db.ballot.create({
      data: { cooperativeId, questionId: question.id, memberId: membership.id, choice: "FOR" },
    });
    await expect(
      db.ballot.create({
        data: { cooperativeId, questionId: question.id, memberId: membership.id, choice: "AGAINST" },
      }),
    ).rejects.toThrow();
    await db.voteParticipation.create({
      data: { cooperativeId, questionId: question.id, memberId: membership.id, castById: membership.id },
    });
    await expect(
      db.voteParticipation.create({
        data: {
          cooperativeId,
          questionId: question.id,
          memberId: membership.id,
          castById: membership.id,
          channel: "PAPER",
        },
      }),
    ).rejects.toThrow();
  });

  it("refuses a proxy to oneself", async () => {
    const { membership } = await createMember(cooperativeId);
    const meeting = await buildMeeting({ cooperativeId, bodyId: councilId, number: 7, startsAt: new Date() });
    await expect(
      db.proxy.create({
        data: { cooperativeId, meetingId: meeting.id, grantorId: membership.id, holderId: membership.id },
      }),
    ).rejects.toThrow();
  });

  it("refuses an attendance line that is neither a member nor a named guest, and numbers meetings once per body", async () => {
    const meeting = await buildMeeting({ cooperativeId, bodyId: councilId, number: 8, startsAt: new Date() });
    await expect(
      db.attendance.create({ data: { cooperativeId, meetingId: meeting.id, status: "PRESENT" } }),
    ).rejects.toThrow();
    await expect(
      db.attendance.create({
        data: { cooperativeId, meetingId: meeting.id, guestName: "Invitée", status: "PRESENT" },
      }),
    ).rejects.toThrow();
    await expect(
      db.attendance.create({
        data: { cooperativeId, meetingId: meeting.id, guestName: "Invitée", status: "GUEST" },
      }),
    ).resolves.toBeDefined();
    await expect(
      buildMeeting({ cooperativeId, bodyId: councilId, number: 8, startsAt: new Date() }),
    ).rejects.toThrow();
  });

  it("requires a reason to decline an idea", async () => {
    await expect(
      db.idea.create({
        data: {
          cooperativeId,
          text: "Idée",
          source: "ONLINE",
          status: "ANSWERED",
          answerKind: "DECLINED",
          answerText: " ",
        },
      }),
    ).rejects.toThrow();
    await expect(
      db.idea.create({ data: { cooperativeId, text: "Idée", source: "ONLINE", status: "ANSWERED" } }),
    ).rejects.toThrow();
  });
});
