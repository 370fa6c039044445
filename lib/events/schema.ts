import { z } from "zod";
import { localInputToInstant } from "@/lib/dates";
import { checkbox, optionalEmail, optionalText } from "@/lib/form-schema";
import { EVENT_KINDS } from "@/lib/form-errors";

// The events' forms; messages are keys of events.errors.* (else errors.*) in lib/i18n.

export { EVENT_KINDS };
export type EventKind = (typeof EVENT_KINDS)[number];

const text = z.string().optional();

// Every field read leniently, then checked together, so that every mistake shows at once: a kind,
// a title, a start, a place or a video link (or both), an end after the start, a whole number of
// places.
export const eventSchema = z
  .object({
    kind: text,
    title: text,
    description: text,
    startsAt: text,
    endsAt: text,
    place: text,
    videoUrl: text,
    capacity: text,
    public: checkbox,
  })
  .transform((raw, ctx) => {
    let failed = false;
    const issue = (path: string, message: string) => {
      failed = true;
      ctx.addIssue({ code: "custom", path: [path], message });
    };
    const trimmed = (value: string | undefined, max: number, path: string) => {
      const v = (value ?? "").trim();
      if (v.length > max) issue(path, "tooLong");
      return v;
    };
    const kind = EVENT_KINDS.find((k) => k === raw.kind);
    if (!kind) issue("kind", "kindRequired");
    const title = trimmed(raw.title, 200, "title");
    if (!title) issue("title", "titleRequired");
    const description = trimmed(raw.description, 5000, "description");
    const startsAt = raw.startsAt?.trim() ? localInputToInstant(raw.startsAt) : null;
    if (!startsAt) issue("startsAt", "dateTimeInvalid");
    const endsAt = raw.endsAt?.trim() ? localInputToInstant(raw.endsAt) : null;
    if (raw.endsAt?.trim() && !endsAt) issue("endsAt", "dateTimeInvalid");
    else if (startsAt && endsAt && endsAt <= startsAt) issue("endsAt", "endBeforeStart");
    const place = trimmed(raw.place, 300, "place") || null;
    const videoUrl = trimmed(raw.videoUrl, 500, "videoUrl") || null;
    if (videoUrl && !z.url({ protocol: /^https?$/ }).safeParse(videoUrl).success)
      issue("videoUrl", "urlInvalid");
    if (!place && !videoUrl) issue("place", "placeRequired");
    const capacityText = (raw.capacity ?? "").trim();
    const capacity = capacityText ? Number(capacityText) : null;
    if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000))
      issue("capacity", "capacityInvalid");
    if (failed) return z.NEVER;
    return {
      kind: kind!,
      title,
      description,
      startsAt: startsAt!,
      endsAt,
      place,
      videoUrl,
      capacity,
      public: raw.public,
    };
  });
export type EventInput = z.infer<typeof eventSchema>;

const email = optionalEmail;

// An inhabitant signing up from the public page, or someone added at the door: a name, and for
// the public page a way to reach them (an e-mail or a phone).
export const publicSignupSchema = z
  .object({
    name: z.string().trim().min(1, { error: "nameRequired" }).max(120, { error: "tooLong" }),
    email,
    phone: optionalText(40),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: "custom", path: ["email"], message: "reachRequired" });
  });
export type PublicSignupInput = z.infer<typeof publicSignupSchema>;

export const doorSignupSchema = z.object({
  name: z.string().trim().min(1, { error: "nameRequired" }).max(120, { error: "tooLong" }),
  phone: optionalText(40),
});
export type DoorSignupInput = z.infer<typeof doorSignupSchema>;

// How many places are left (null: no limit).
export function placesLeft(capacity: number | null, taken: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - taken);
}
