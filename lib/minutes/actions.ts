"use server";
import { arg, formAction, plainAction } from "@/lib/action";
import { fields } from "@/lib/action-input";
import { ForbiddenError } from "@/lib/auth/actor";
import { ok, refuse } from "@/lib/form-result";
import {
  actionItemSchema,
  commentSchema,
  correctionSchema,
  decisionSchema,
  nextMeetingSchema,
  attendanceSchema,
  followUpSchema,
} from "@/lib/minutes/schema";
import {
  addActionItem,
  addDecision,
  addFollowUp,
  removeFollowUp,
  setFollowUpClosed,
  removeActionItem,
  removeDecision,
  setActionItemDone,
  setNextMeeting,
} from "@/lib/minutes/items";
import {
  addComment,
  approveMinutes,
  correctMinutes,
  publishMinutes,
  resolveComment,
  shareMinutes,
} from "@/lib/minutes/workflow";
import { attachSectionDocument, removeDocument } from "@/lib/meetings/documents";
import { editAttendance, updateAttendance } from "@/lib/minutes/attendance";

// Every action of the minutes page refreshes the page it was bound to (its last bound argument).
const pathOf = ([, path]: readonly [string, string]) => path;
const pathAfterFlag = ([, , path]: readonly [string, boolean, string]) => path;

export const addActionItemAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  input: actionItemSchema,
  parse: (values, form) => ({ ...values, owners: fields(form, "owners") }),
  run: ({ actor, args: [sectionId], input }) => addActionItem(actor, sectionId, input),
  refresh: pathOf,
});

export const removeActionItemAction = plainAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [actionItemId] }) => removeActionItem(actor, actionItemId),
  refresh: pathOf,
});

export const setActionItemDoneAction = plainAction({
  right: "meeting.read",
  bound: [arg.id, arg.flag, arg.path],
  run: ({ actor, args: [actionItemId, done] }) => setActionItemDone(actor, actionItemId, done),
  refresh: pathAfterFlag,
});

export const addDecisionAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  input: decisionSchema,
  run: ({ actor, args: [sectionId], input }) => addDecision(actor, sectionId, input),
  refresh: pathOf,
});

export const addFollowUpAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  input: followUpSchema,
  run: ({ actor, args: [sectionId], input }) => addFollowUp(actor, sectionId, input),
  refresh: pathOf,
});

export const removeFollowUpAction = plainAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [followUpId] }) => removeFollowUp(actor, followUpId),
  refresh: pathOf,
});

export const setFollowUpClosedAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.flag, arg.path],
  run: ({ actor, args: [followUpId, closed] }) => setFollowUpClosed(actor, followUpId, closed),
  refresh: pathAfterFlag,
});

export const removeDecisionAction = plainAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [decisionId] }) => removeDecision(actor, decisionId),
  refresh: pathOf,
});

export const setNextMeetingAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  input: nextMeetingSchema,
  run: ({ actor, args: [minutesId], input }) => setNextMeeting(actor, minutesId, input),
  refresh: pathOf,
});

// The refusal shows under the file field (meetingAdmin.documentErrors.<key>).
export const attachSectionDocumentAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: async ({ actor, args: [sectionId], form }) => {
    const file = form.get("file");
    if (!(file instanceof File)) return refuse("form", { file: "fileEmpty" });
    const result = await attachSectionDocument(actor, sectionId, file);
    return result.ok ? ok(null) : refuse("form", { file: result.error });
  },
  refresh: pathOf,
});

export const removeSectionDocumentAction = plainAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [documentId] }) => removeDocument(actor, documentId),
  refresh: pathOf,
});

export const addCommentAction = formAction({
  right: "minutes.comment",
  bound: [arg.id, arg.path],
  input: commentSchema,
  run: ({ actor, args: [sectionId], input }) => addComment(actor, sectionId, input.body),
  refresh: pathOf,
});

export const resolveCommentAction = plainAction({
  right: "minutes.comment",
  bound: [arg.id, arg.flag, arg.path],
  run: ({ actor, args: [commentId, resolved] }) => resolveComment(actor, commentId, resolved),
  refresh: pathAfterFlag,
});

export const shareMinutesAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [minutesId] }) => shareMinutes(actor, minutesId),
  refresh: pathOf,
});

// The statutes name who approves: the president, or a later meeting whose approval the
// coordinator records; the service checks which of the two rights they ask.
export const approveMinutesAction = formAction({
  right: ["minutes.approve", "minutes.draft"],
  bound: [arg.id, arg.path],
  run: async ({ actor, args: [minutesId], values }) => {
    try {
      return await approveMinutes(actor, minutesId, values.approvalMeetingId || null);
    } catch (error) {
      // The statutes name someone else.
      if (error instanceof ForbiddenError) return refuse("notApprover");
      throw error;
    }
  },
  refresh: pathOf,
});

export const publishMinutesAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [minutesId] }) => publishMinutes(actor, minutesId),
  refresh: pathOf,
});

// A correction to published minutes: each changed section comes as a field section:<id>.
export const correctMinutesAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  input: correctionSchema,
  parse: (values) => {
    const sections: Record<string, string> = {};
    for (const [key, value] of Object.entries(values))
      if (key.startsWith("section:")) sections[key.slice("section:".length)] = value;
    return { note: values.note, sections, attendanceText: values.attendanceText };
  },
  run: ({ actor, args: [minutesId], input }) => correctMinutes(actor, minutesId, input),
  refresh: pathOf,
});

// The attendance paragraph: taken again from the sheet, or corrected by hand.
export const updateAttendanceAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [minutesId] }) => updateAttendance(actor, minutesId),
  refresh: pathOf,
});

export const editAttendanceAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  input: attendanceSchema,
  run: ({ actor, args: [minutesId], input }) => editAttendance(actor, minutesId, input.attendanceText),
  refresh: pathOf,
});
