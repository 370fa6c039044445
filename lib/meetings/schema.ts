import { z } from "zod";
import { localInputToInstant } from "@/lib/dates";
import { optionalInteger, optionalText } from "@/lib/form-schema";

const localTime = z.string().transform((text, ctx) => {
  const instant = localInputToInstant(text);
  if (!instant) {
    ctx.addIssue({ code: "custom", message: "dateTimeInvalid" });
    return z.NEVER;
  }
  return instant;
});

export const meetingSchema = z.object({
  startsAt: localTime,
  place: optionalText(300),
  videoUrl: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.url({ protocol: /^https?$/, error: "urlInvalid" }).nullable()),
  title: optionalText(200),
  // For a general assembly: ordinary (AGO) or extraordinary (AGE); ignored for other bodies.
  assemblyType: z
    .enum(["", "ORDINARY", "EXTRAORDINARY"])
    .optional()
    .transform((v) => (v ? v : null)),
});
export type MeetingInput = z.infer<typeof meetingSchema>;

export const newMeetingSchema = meetingSchema.extend({
  bodyId: z.string().min(1, { error: "bodyRequired" }),
});
export type NewMeetingInput = z.infer<typeof newMeetingSchema>;

export const AGENDA_KINDS = ["INFORMATION", "DISCUSSION", "DECISION", "OTHER_BUSINESS"] as const;

export const agendaItemSchema = z.object({
  kind: z.enum(AGENDA_KINDS),
  title: z.string().trim().min(1, { error: "titleRequired" }).max(300),
  description: optionalText(2000),
  presenterId: optionalText(40),
  durationMinutes: optionalInteger(1, 600, "durationInvalid"),
});
export type AgendaItemInput = z.infer<typeof agendaItemSchema>;

export const ATTENDANCE_STATUSES = ["PRESENT", "EXCUSED", "ABSENT"] as const;

export const guestSchema = z
  .object({
    membershipId: optionalText(40),
    guestName: optionalText(200),
    guestRole: optionalText(200),
  })
  .refine((g) => g.membershipId || g.guestName, { error: "guestRequired", path: ["guestName"] });
