import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import type { AnswerChoice, PublicIdeaInput } from "@/lib/ideas/schema";
import type { BoardIdea } from "@/lib/ideas/board";
import { boardRows, HOUR_MS } from "@/lib/ideas/ideas.internal";
import type { IdeaResult } from "@/lib/ideas/service";
import { portalSecret } from "@/lib/secret";

// No actor: the public page has none. Limited instead by slug, follow token, moderation and PUBLIC_LIMIT.

// The public form: at most this many ideas per network address and hour.
export const PUBLIC_LIMIT = 5;

// A keyed hash: enough to count one address's posts, useless to find the address back.
export function addressHash(address: string | null): string | null {
  if (!address) return null;
  return createHmac("sha256", portalSecret()).update(`idea:${address}`).digest("hex").slice(0, 32);
}

export async function publicCooperative(slug: string) {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return null;
  return db.cooperative.findUnique({
    where: { slug },
    select: { id: true, name: true, shortName: true, slug: true },
  });
}

// Without an account: the idea waits in the moderation queue. A filled honeypot gets the same
// thanks and stores nothing; past the per-address limit, a clear refusal.
export async function postPublicIdea(
  {
    slug,
    input,
    address,
    locale,
  }: { slug: string; input: PublicIdeaInput; address: string | null; locale: string },
  now = new Date(),
): Promise<IdeaResult<{ followToken: string | null }, "notFound" | "rateLimited">> {
  const coop = await publicCooperative(slug);
  if (!coop) return { ok: false, error: "notFound" };
  if (input.website.trim() !== "") return { ok: true, data: { followToken: null } };
  const hash = addressHash(address);
  if (hash) {
    const recent = await db.idea.count({
      where: { addressHash: hash, createdAt: { gte: new Date(now.getTime() - HOUR_MS) } },
    });
    if (recent >= PUBLIC_LIMIT) return { ok: false, error: "rateLimited" };
  }
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
      addressHash: hash,
      locale,
    },
  });
  return { ok: true, data: { followToken: idea.followToken } };
}

// The public page shows the answers the council published.
export async function publicAnswers(cooperativeId: string, limit = 10): Promise<BoardIdea[]> {
  return boardRows({ cooperativeId, membershipId: null, sort: "repondues", limit, onlyAnswered: true });
}

// The private link given after posting on the public page.
export async function followIdea(slug: string, token: string) {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(token)) return null;
  const idea = await db.idea.findFirst({
    where: { followToken: token, cooperative: { slug } },
    include: {
      mergedInto: { select: { text: true, answerKind: true, answerText: true, answerPublishedAt: true } },
    },
  });
  if (!idea) return null;
  const published = idea.answerPublishedAt !== null;
  const kind: AnswerChoice = idea.status === "MERGED" ? "MERGED" : (idea.answerKind ?? "ACCEPTED");
  return {
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
    answer: published ? { kind, text: idea.answerText } : null,
    mergedInto: published && idea.mergedInto ? { text: idea.mergedInto.text } : null,
  } as const;
}
