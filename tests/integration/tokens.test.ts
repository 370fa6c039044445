import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { feedForToken } from "@/lib/meetings/invitations";
import { renewCalendarLink } from "@/lib/members/service";
import { actorFor, createCooperative, createMember } from "@/tests/factories/people";
import { buildIdea } from "@/tests/factories/ideas";

// Bearer tokens (issue 15, 7): whoever holds one reads a member's calendar or follows an idea's
// answer, so each comes from a strong random generator, and a member can renew their own.
describe("bearer tokens", () => {
  it("are long and random, for a calendar feed and an idea's follow link", async () => {
    const { cooperative } = await createCooperative("Jetons");
    const members = await Promise.all([createMember(cooperative.id), createMember(cooperative.id)]);
    const ideas = await Promise.all([
      buildIdea({ cooperativeId: cooperative.id }),
      buildIdea({ cooperativeId: cooperative.id }),
    ]);
    for (const token of [
      ...members.map((m) => m.membership.calendarToken),
      ...ideas.map((i) => i.followToken),
    ])
      expect(token).toMatch(/^[0-9a-f]{64}$/);
    expect(members[0]!.membership.calendarToken).not.toBe(members[1]!.membership.calendarToken);
  });

  it("a member renews their calendar link: the old one reads nothing more", async () => {
    const { cooperative } = await createCooperative("Agenda");
    const { person, membership } = await createMember(cooperative.id, { name: "Élise Hamon" });
    const old = membership.calendarToken;
    expect(await feedForToken(old)).not.toBeNull();
    expect(await renewCalendarLink(await actorFor(person.id))).toEqual({ ok: true, data: null });
    const renewed = (await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).calendarToken;
    expect(renewed).not.toBe(old);
    expect(renewed.length).toBeGreaterThanOrEqual(43);
    expect(await feedForToken(old)).toBeNull();
    expect((await feedForToken(renewed))?.name).toBe("Agenda – réunions");
  });
});
