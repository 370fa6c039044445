"use server";
import { areIds, field, isForm, isOneOf, localPath } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import {
  agendaItemSchema,
  ATTENDANCE_STATUSES,
  guestSchema,
  meetingSchema,
  newMeetingSchema,
} from "@/lib/meetings/schema";
import {
  addAgendaItem,
  addProposal,
  addGuest,
  answerInvitation,
  createMeeting,
  markAttendance,
  moveAgendaItem,
  removeAgendaItem,
  removeGuest,
  setDeparture,
  setAttendanceTimes,
  setMeetingStatus,
  updateAgendaItem,
  updateMeeting,
  type MeetingResult,
} from "@/lib/meetings/service";
import { sendInvitations } from "@/lib/meetings/invitations";
import { attachDocument, removeDocument } from "@/lib/meetings/documents";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import { MeetingStatus } from "@/lib/generated/prisma/enums";

const MEETING_STATUSES = Object.values(MeetingStatus);

// The time of the change comes back, so that a form adding rows can start empty again.
function settle(
  result: MeetingResult<unknown>,
  path: string,
  values: Record<string, string> = {},
): FormResult<number> {
  if (!result.ok) return failure(result.error, values);
  revalidatePath(localPath(path));
  return { ok: true, data: Date.now() };
}

export async function createMeetingAction(
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  const values = formValues(formData);
  const parsed = newMeetingSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await createMeeting(actor, parsed.data);
  if (!result.ok) return failure(result.error, values);
  redirect(`/reunions/${result.data.bodySlug}/${result.data.number}/preparer?cree=1`);
}

export async function updateMeetingAction(
  meetingId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = meetingSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await updateMeeting(actor, meetingId, parsed.data), path, values);
}

export async function setMeetingStatusAction(meetingId: string, path: string, status: MeetingStatus) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId) || !isOneOf<MeetingStatus>(MEETING_STATUSES, status)) return;
  await setMeetingStatus(actor, meetingId, status);
  revalidatePath(localPath(path));
}

export async function addAgendaItemAction(
  meetingId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = agendaItemSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await addAgendaItem(actor, meetingId, parsed.data), path, values);
}

export async function updateAgendaItemAction(
  itemId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(itemId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = agendaItemSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await updateAgendaItem(actor, itemId, parsed.data), path, values);
}

export async function moveAgendaItemAction(itemId: string, path: string, direction: "up" | "down") {
  const actor = await requireActor("meeting.manage");
  if (!areIds(itemId) || !isOneOf(["up", "down"] as const, direction)) return;
  await moveAgendaItem(actor, itemId, direction);
  revalidatePath(localPath(path));
}

export async function removeAgendaItemAction(itemId: string, path: string) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(itemId)) return;
  await removeAgendaItem(actor, itemId);
  revalidatePath(localPath(path));
}

export async function markAttendanceAction(
  meetingId: string,
  membershipId: string,
  path: string,
  formData: FormData,
) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId, membershipId) || !isForm(formData)) return;
  const status = ATTENDANCE_STATUSES.find((s) => s === formData.get("status"));
  if (!status) return;
  await markAttendance(actor, meetingId, membershipId, status);
  revalidatePath(localPath(path));
}

export async function departureAction(
  meetingId: string,
  membershipId: string,
  path: string,
  formData: FormData,
) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId, membershipId) || !isForm(formData)) return;
  await setDeparture(actor, meetingId, membershipId, field(formData, "back") === "1" ? null : new Date());
  revalidatePath(localPath(path));
}

export async function addGuestAction(
  meetingId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = guestSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await addGuest(actor, meetingId, parsed.data), path, values);
}

export async function removeGuestAction(attendanceId: string, path: string) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(attendanceId)) return;
  await removeGuest(actor, attendanceId);
  revalidatePath(localPath(path));
}

export async function sendInvitationsAction(
  meetingId: string,
  path: string,
  _: FormState<number>,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId)) return failure("notFound");
  const result = await sendInvitations(actor, meetingId);
  if (!result.ok) return failure(result.error, {});
  revalidatePath(localPath(path));
  return { ok: true, data: result.sent };
}

export async function answerInvitationAction(
  meetingId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.read");
  if (!areIds(meetingId)) return failure("notFound");
  const values = formValues(formData);
  const answer = values.answer === "EXCUSED" ? "EXCUSED" : values.answer === "PRESENT" ? "PRESENT" : null;
  if (!answer) return failure("form", values, { answer: "answerRequired" });
  const note = values.note?.trim().slice(0, 300) || null;
  return settle(await answerInvitation(actor, meetingId, answer, note), path, values);
}

export async function attachDocumentAction(
  agendaItemId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(agendaItemId)) return failure("notFound");
  const file = isForm(formData) ? formData.get("file") : null;
  if (!(file instanceof File) || file.size === 0) return failure("fileEmpty", {}, { file: "fileEmpty" });
  const result = await attachDocument(actor, agendaItemId, file);
  if (!result.ok) return failure(result.error, {}, { file: result.error });
  revalidatePath(localPath(path));
  return { ok: true, data: Date.now() };
}

export async function removeDocumentAction(documentId: string, path: string) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(documentId)) return;
  await removeDocument(actor, documentId);
  revalidatePath(localPath(path));
}

export async function addProposalAction(meetingId: string, path: string, key: string) {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId) || typeof key !== "string") return;
  await addProposal(actor, meetingId, key);
  revalidatePath(localPath(path));
}

export async function attendanceTimesAction(
  meetingId: string,
  membershipId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("meeting.manage");
  if (!areIds(meetingId, membershipId)) return failure("notFound");
  const values = formValues(formData);
  const time = /^\d{2}:\d{2}$/;
  if (!time.test(values.arrived ?? "") || (values.left && !time.test(values.left)))
    return failure("timesInvalid", values, { arrived: "timesInvalid" });
  return settle(
    await setAttendanceTimes(actor, meetingId, membershipId, values.arrived!, values.left || null),
    path,
    values,
  );
}
