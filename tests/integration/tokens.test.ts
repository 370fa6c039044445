import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { feedForToken } from "@/lib/meetings/invitations";
import { renewCalendarLink } from "@/lib/members/service";
import { postPublicIdea, followIdea } from "@/lib/ideas/public-page";
import { keyedToken } from "@/lib/links/keyed-token";
import { actorFor, calendarToken, createCooperative, createMember } from "@/tests/factories/people";

// Bearer links (issue 15, 7): whoever holds one reads a member's calendar or follows an idea's
// answer. Each is 256 bits keyed with the portal's secret; the database keeps only a seed, so a
// copy of it gives no link; a member renews their own.
describe("bearer links", () => {
  it("are long, random, and not in the database", async () => {
    const { cooperative } = await createCooperative("Jetons");
    const members = await Promise.all([createMember(cooperative.id), createMember(cooperative.id)]);
    const tokens = members.map((m) => calendarToken(m.membership));
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens[0]).not.toBe(tokens[1]);
    for (const m of members) expect(m.membership.calendarSeed).toMatch(/^[0-9a-f]{64}$/);

    const posted = await postPublicIdea({
      slug: cooperative.slug,
      input: { text: "Un banc devant l'entrée.", theme: null, name: null, contact: null, website: "" },
      address: "192.0.2.1",
      locale: "fr",
    });
    const follow = posted.ok ? posted.data.followToken! : "";
    expect(await followIdea(cooperative.slug, follow)).toMatchObject({ stage: "moderation" });
    // Nothing stored in the database is a working link: a copy of it reads no calendar, follows no idea.
    const dump = JSON.stringify([
      await db.membership.findMany({ where: { cooperativeId: cooperative.id } }),
      await db.idea.findMany({ where: { cooperativeId: cooperative.id } }),
    ]);
    expect(dump).not.toContain(tokens[0]!.split(".")[1]);
    expect(dump).not.toContain(follow.split(".")[1]);
    for (const m of members) expect(await feedForToken(m.membership.calendarSeed)).toBeNull();
    const idea = await db.idea.findFirstOrThrow({ where: { cooperativeId: cooperative.id } });
    expect(await followIdea(cooperative.slug, idea.followSeed)).toBeNull();
    expect(await followIdea(cooperative.slug, `${idea.id}.${idea.followSeed.slice(0, 43)}`)).toBeNull();
    // Another cooperative's address does not open it either.
    const other = await createCooperative("Ailleurs");
    expect(await followIdea(other.cooperative.slug, follow)).toBeNull();
    // And a link made with another secret (the one a stolen copy would lack) is refused.
    const forged = keyedToken("follow", { id: idea.id, seed: idea.followSeed }).replace(/.$/, (c) =>
      c === "A" ? "B" : "A",
    );
    expect(await followIdea(cooperative.slug, forged)).toBeNull();
  });

  it("a member renews their calendar link: the old one reads nothing more", async () => {
    const { cooperative } = await createCooperative("Agenda");
    const { person, membership } = await createMember(cooperative.id, { name: "Élise Hamon" });
    const old = calendarToken(membership);
    expect(await feedForToken(old)).not.toBeNull();
    expect(await renewCalendarLink(await actorFor(person.id))).toEqual({ ok: true, data: null });
    const renewed = calendarToken(await db.membership.findUniqueOrThrow({ where: { id: membership.id } }));
    expect(renewed).not.toBe(old);
    expect(await feedForToken(old)).toBeNull();
    expect((await feedForToken(renewed))?.name).toBe("Agenda – réunions");
  });
});
