import type { MinutesStatus } from "@/lib/generated/prisma/enums";

// The title of the minutes' last section, which sets the next meeting.
export const NEXT_MEETING_TITLE = "Prochaine réunion";

// The states in which minutes are still written (their sections, their attendance).
export const EDITABLE: readonly MinutesStatus[] = ["DRAFT", "SHARED"];
