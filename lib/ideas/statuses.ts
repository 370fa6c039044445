import type { IdeaStatus } from "@/lib/generated/prisma/enums";

// The ideas still waiting for the council's answer.
export const OPEN_IDEA_STATUSES: readonly IdeaStatus[] = ["NEW", "TO_READ"];
