"use server";
import { areIds, fields, isForm, localPath } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/actor";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import {
  actionItemSchema,
  commentSchema,
  correctionSchema,
  decisionSchema,
  nextMeetingSchema,
} from "@/lib/minutes/schema";
import {
  addActionItem,
  addDecision,
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

// The time of the change comes back, so that a form adding rows can start empty again.
function settle(
  result: { ok: true } | { ok: false; error: string },
  path: string,
  values: Record<string, string> = {},
): FormResult<number> {
  if (!result.ok) return failure(result.error, values);
  revalidatePath(localPath(path));
  return { ok: true, data: Date.now() };
}

export async function addActionItemAction(
  sectionId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(sectionId) || !isForm(formData)) return failure("notFound");
  const owners = fields(formData, "owners");
  const values = { ...formValues(formData, ["owners"]), owners: owners.join(",") };
  const parsed = actionItemSchema.safeParse({ ...values, owners });
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await addActionItem(actor, sectionId, parsed.data), path, values);
}

export async function removeActionItemAction(actionItemId: string, path: string) {
  const actor = await requireActor("minutes.draft");
  if (!areIds(actionItemId)) return;
  await removeActionItem(actor, actionItemId);
  revalidatePath(localPath(path));
}

export async function setActionItemDoneAction(actionItemId: string, done: boolean, path: string) {
  const actor = await requireActor("meeting.read");
  if (!areIds(actionItemId)) return;
  await setActionItemDone(actor, actionItemId, done === true);
  revalidatePath(localPath(path));
}

export async function addDecisionAction(
  sectionId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(sectionId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = decisionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await addDecision(actor, sectionId, parsed.data), path, values);
}

export async function removeDecisionAction(decisionId: string, path: string) {
  const actor = await requireActor("minutes.draft");
  if (!areIds(decisionId)) return;
  await removeDecision(actor, decisionId);
  revalidatePath(localPath(path));
}

export async function setNextMeetingAction(
  minutesId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(minutesId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = nextMeetingSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await setNextMeeting(actor, minutesId, parsed.data), path, values);
}

export async function attachSectionDocumentAction(
  sectionId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(sectionId)) return failure("notFound");
  const file = isForm(formData) ? formData.get("file") : null;
  if (!(file instanceof File)) return failure("form", {}, { file: "fileEmpty" });
  const result = await attachSectionDocument(actor, sectionId, file);
  if (!result.ok) return failure("form", {}, { file: result.error });
  return settle(result, path);
}

export async function removeSectionDocumentAction(documentId: string, path: string) {
  const actor = await requireActor("minutes.draft");
  if (!areIds(documentId)) return;
  await removeDocument(actor, documentId);
  revalidatePath(localPath(path));
}

export async function addCommentAction(
  sectionId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.comment");
  if (!areIds(sectionId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = commentSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await addComment(actor, sectionId, parsed.data.body), path, values);
}

export async function resolveCommentAction(commentId: string, resolved: boolean, path: string) {
  const actor = await requireActor("minutes.comment");
  if (!areIds(commentId)) return;
  await resolveComment(actor, commentId, resolved === true);
  revalidatePath(localPath(path));
}

export async function shareMinutesAction(minutesId: string, path: string): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(minutesId)) return failure("notFound");
  return settle(await shareMinutes(actor, minutesId), path);
}

export async function approveMinutesAction(
  minutesId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.readDraft");
  if (!areIds(minutesId)) return failure("notFound");
  const values = formValues(formData);
  try {
    return settle(await approveMinutes(actor, minutesId, values.approvalMeetingId || null), path, values);
  } catch (error) {
    // The statutes name someone else (the president, or the coordinator for a meeting).
    if (error instanceof ForbiddenError) return failure("notApprover", values);
    throw error;
  }
}

export async function publishMinutesAction(minutesId: string, path: string): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(minutesId)) return failure("notFound");
  return settle(await publishMinutes(actor, minutesId), path);
}

export async function correctMinutesAction(
  minutesId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(minutesId)) return failure("notFound");
  const values = formValues(formData);
  const sections: Record<string, string> = {};
  for (const [key, value] of Object.entries(values))
    if (key.startsWith("section:")) sections[key.slice("section:".length)] = value;
  const parsed = correctionSchema.safeParse({ note: values.note, sections });
  if (!parsed.success) return invalid(parsed.error, values);
  return settle(await correctMinutes(actor, minutesId, parsed.data), path, values);
}
