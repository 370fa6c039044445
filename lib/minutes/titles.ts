import type { MinutesStatus } from "@/lib/generated/prisma/enums";
import { recordWords } from "@/lib/i18n/record-words";

// The title of the minutes' last section, which sets the next meeting.
export const NEXT_MEETING_TITLE = recordWords("nextMeeting");

// The states in which minutes are still written (their sections, their attendance).
export const EDITABLE: readonly MinutesStatus[] = ["DRAFT", "SHARED"];
