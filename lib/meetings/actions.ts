"use server";
import { arg, formAction, plainAction } from "@/lib/action";
import { refuse } from "@/lib/form-result";
import {
  agendaItemSchema,
  ATTENDANCE_STATUSES,
  guestSchema,
  meetingSchema,
  newMeetingSchema,
} from "@/lib/meetings/schema";
import { createMeeting, setMeetingStatus, updateMeeting } from "@/lib/meetings/service";
import {
  addAgendaItem,
  addProposal,
  moveAgendaItem,
  removeAgendaItem,
  updateAgendaItem,
} from "@/lib/meetings/agenda";
import {
  addGuest,
  markAttendance,
  removeGuest,
  setAttendanceTimes,
  setDeparture,
} from "@/lib/meetings/attendance";
import { answerInvitation, sendInvitations } from "@/lib/meetings/invitations";
import { attachDocument, removeDocument } from "@/lib/meetings/documents";
import { MeetingStatus } from "@/lib/generated/prisma/enums";

const meetingStatus = arg.oneOf(Object.values(MeetingStatus));
const direction = arg.oneOf(["up", "down"]);

// The page to refresh, bound after the id (or after the meeting and the member).
const secondPath = ([, path]: readonly [unknown, string, ...unknown[]]) => path;
const thirdPath = ([, , path]: readonly [unknown, unknown, string, ...unknown[]]) => path;

export const createMeetingAction = formAction({
  right: "meeting.manage",
  input: newMeetingSchema,
  run: ({ actor, input }) => createMeeting(actor, input),
  redirect: (_, meeting) => `/reunions/${meeting.bodySlug}/${meeting.number}/preparer?cree=1`,
});

export const updateMeetingAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  input: meetingSchema,
  run: ({ actor, args: [meetingId], input }) => updateMeeting(actor, meetingId, input),
  refresh: secondPath,
});

export const setMeetingStatusAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path, meetingStatus],
  run: ({ actor, args: [meetingId, , status] }) => setMeetingStatus(actor, meetingId, status),
  refresh: secondPath,
});

export const addAgendaItemAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  input: agendaItemSchema,
  run: ({ actor, args: [meetingId], input }) => addAgendaItem(actor, meetingId, input),
  refresh: secondPath,
});

export const updateAgendaItemAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  input: agendaItemSchema,
  run: ({ actor, args: [itemId], input }) => updateAgendaItem(actor, itemId, input),
  refresh: secondPath,
});

export const moveAgendaItemAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path, direction],
  run: ({ actor, args: [itemId, , towards] }) => moveAgendaItem(actor, itemId, towards),
  refresh: secondPath,
});

export const removeAgendaItemAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [itemId] }) => removeAgendaItem(actor, itemId),
  refresh: secondPath,
});

export const markAttendanceAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.id, arg.path],
  run: async ({ actor, args: [meetingId, membershipId], values }) => {
    const status = ATTENDANCE_STATUSES.find((s) => s === values.status);
    if (!status) return refuse("form");
    return markAttendance(actor, { meetingId, membershipId, status });
  },
  refresh: thirdPath,
});

// Leaves now, or comes back (back=1).
export const departureAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.id, arg.path],
  run: ({ actor, args: [meetingId, membershipId], values }) =>
    setDeparture(actor, { meetingId, membershipId, leftAt: values.back === "1" ? null : new Date() }),
  refresh: thirdPath,
});

export const addGuestAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  input: guestSchema,
  run: ({ actor, args: [meetingId], input }) => addGuest(actor, meetingId, input),
  refresh: secondPath,
});

export const removeGuestAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [attendanceId] }) => removeGuest(actor, attendanceId),
  refresh: secondPath,
});

// Answers with the number of e-mails sent.
export const sendInvitationsAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [meetingId] }) => sendInvitations(actor, meetingId),
  refresh: secondPath,
});

export const answerInvitationAction = formAction({
  right: "meeting.read",
  bound: [arg.id, arg.path],
  run: async ({ actor, args: [meetingId], values }) => {
    const answer = values.answer === "EXCUSED" ? "EXCUSED" : values.answer === "PRESENT" ? "PRESENT" : null;
    if (!answer) return refuse("form", { answer: "answerRequired" });
    const note = values.note?.trim().slice(0, 300) || null;
    return answerInvitation(actor, { meetingId, answer, note });
  },
  refresh: secondPath,
});

export const attachDocumentAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  run: async ({ actor, args: [agendaItemId], form }) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return refuse("fileEmpty", { file: "fileEmpty" });
    return attachDocument(actor, agendaItemId, file);
  },
  // Every refusal of the upload is shown under the file field.
  fieldOf: { notFound: "file", fileEmpty: "file", fileTooLarge: "file", fileType: "file", closed: "file" },
  refresh: secondPath,
});

export const removeDocumentAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [documentId] }) => removeDocument(actor, documentId),
  refresh: secondPath,
});

// A proposal (carried over from the last meeting, or the idea box) by its key.
export const addProposalAction = plainAction({
  right: "meeting.manage",
  bound: [arg.id, arg.path, arg.token()],
  run: ({ actor, args: [meetingId, , key] }) => addProposal(actor, meetingId, key),
  refresh: secondPath,
});

// Times typed by hand ("19:45"): arrival, and departure or empty.
export const attendanceTimesAction = formAction({
  right: "meeting.manage",
  bound: [arg.id, arg.id, arg.path],
  run: async ({ actor, args: [meetingId, membershipId], values }) => {
    const time = /^\d{2}:\d{2}$/;
    const arrived = values.arrived ?? "";
    if (!time.test(arrived) || (values.left && !time.test(values.left)))
      return refuse("timesInvalid", { arrived: "timesInvalid" });
    return setAttendanceTimes(actor, { meetingId, membershipId, arrived, left: values.left || null });
  },
  fieldOf: { timesInvalid: "arrived" },
  refresh: thirdPath,
});
