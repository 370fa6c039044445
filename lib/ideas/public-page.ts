import "server-only";
import { db } from "@/lib/db";
import { cached } from "@/lib/cache";
import type { AnswerChoice, PublicIdeaInput } from "@/lib/ideas/schema";
import type { BoardIdea } from "@/lib/ideas/board";
import { boardRows } from "@/lib/ideas/ideas.internal";
import type { IdeaResult } from "@/lib/ideas/service";
import { limit } from "@/lib/limits/counters";
import { limitedAddress } from "@/lib/net/client-address";
import { keyedToken, tokenId, tokenMatches } from "@/lib/links/keyed-token";
import { entriesNamed } from "@/lib/booklet/service";
import type { BoardPartner } from "@/lib/ideas/board";

// No actor: the public page has none. Limited instead by slug, follow token, moderation and PUBLIC_LIMIT.

// The public form: at most this many ideas per network address, hour and cooperative. Counted
// before the idea is written, in one statement (lib/limits): a burst gets no more.
export const PUBLIC_LIMIT = 5;
const perAddress = limit({ name: "idea:address", points: PUBLIC_LIMIT, seconds: 3_600 });

// The cooperative behind a public address, kept between requests (lib/cache.ts: public facts
// only, keyed by the address; its identity and suspension expire it). What is written through
// the public pages reads it fresh (freshCooperative).
export async function publicCooperative(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  const coop = await cached("cooperative", slug, () => freshCooperative(slug));
  // Kept as JSON: the suspension's date comes back as text.
  return coop && { ...coop, suspendedAt: coop.suspendedAt ? new Date(coop.suspendedAt) : null };
}

export async function freshCooperative(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return db.cooperative.findUnique({
    where: { slug },
    select: { id: true, name: true, shortName: true, slug: true, suspendedAt: true },
  });
}

// Without an account: the idea waits in the moderation queue. A filled honeypot gets the same
// thanks and stores nothing; past the per-address limit, a clear refusal.
export async function postPublicIdea({
  slug,
  input,
  address,
  locale,
}: {
  slug: string;
  input: PublicIdeaInput;
  address: string | null;
  locale: string;
}): Promise<IdeaResult<{ followToken: string | null }, "notFound" | "rateLimited" | "suspended">> {
  const coop = await freshCooperative(slug);
  if (!coop) return { ok: false, error: "notFound" };
  // A cooperative its operator suspended is read-only: its public box takes nothing either.
  if (coop.suspendedAt) return { ok: false, error: "suspended" };
  if (input.website.trim() !== "") return { ok: true, data: { followToken: null } };
  if (address && !(await perAddress.take(`${coop.id}|${limitedAddress(address)}`)))
    return { ok: false, error: "rateLimited" };
  const idea = await db.idea.create({
    data: {
      cooperativeId: coop.id,
      text: input.text,
      theme: input.theme,
      source: "PUBLIC_FORM",
      showName: Boolean(input.name),
      authorName: input.name,
      contact: input.contact,
      status: "MODERATION",
      locale,
    },
  });
  return { ok: true, data: { followToken: keyedToken("follow", { id: idea.id, seed: idea.followSeed }) } };
}

// The public page shows the answers the council published.
export async function publicAnswers(cooperativeId: string, limit = 10): Promise<BoardIdea[]> {
  const { ideas } = await boardRows({
    cooperativeId,
    membershipId: null,
    sort: "repondues",
    limit,
    onlyAnswered: true,
  });
  return ideas;
}

// The private link given after posting on the public page.
export async function followIdea(slug: string, token: string) {
  const id = tokenId(token);
  if (!id) return null;
  const found = await db.idea.findFirst({
    where: { id, cooperative: { slug } },
    include: {
      mergedInto: { select: { text: true, answerKind: true, answerText: true, answerPublishedAt: true } },
    },
  });
  const idea =
    found && tokenMatches("follow", token, { id: found.id, seed: found.followSeed }) ? found : null;
  if (!idea) return null;
  const published = idea.answerPublishedAt !== null;
  const kind: AnswerChoice = idea.status === "MERGED" ? "MERGED" : (idea.answerKind ?? "ACCEPTED");
  return {
    cooperativeId: idea.cooperativeId,
    text: idea.text,
    createdAt: idea.createdAt,
    stage:
      idea.status === "MODERATION"
        ? "moderation"
        : idea.status === "REJECTED"
          ? "hidden"
          : published
            ? "answered"
            : "waiting",
    answer: published
      ? {
          kind,
          text: idea.answerText,
          // As published, kept with the answer.
          partners:
            (idea.answerPartners as BoardPartner[] | null) ??
            (await entriesNamed(idea.cooperativeId, idea.answerPartnerIds)),
        }
      : null,
    mergedInto: published && idea.mergedInto ? { text: idea.mergedInto.text } : null,
  } as const;
}

// When the answer comes: the date of the cooperative's next council meeting, if one is set.
export async function nextCouncilDate(cooperativeId: string, now = new Date()): Promise<Date | null> {
  const meeting = await db.meeting.findFirst({
    where: {
      cooperativeId,
      body: { kind: "COUNCIL" },
      startsAt: { gt: now },
      status: { in: ["PLANNED", "INVITED"] },
    },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true },
  });
  return meeting?.startsAt ?? null;
}
