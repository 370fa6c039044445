"use server";
import { areIds, localPath } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import { answerSchema, hideSchema, ideaSchema, paperIdeaSchema } from "@/lib/ideas/schema";
import {
  answerIdea,
  approveIdea,
  enterPaperIdea,
  hideIdea,
  markCalled,
  mergeIdea,
  postIdea,
  publishAnswersNow,
  toggleSupport,
} from "@/lib/ideas/service";

type Stamp = FormResult<number>;
const done = (path: string): Stamp => {
  revalidatePath(localPath(path));
  return { ok: true, data: Date.now() };
};

export async function postIdeaAction(_: FormState<number>, formData: FormData): Promise<Stamp> {
  const actor = await requireActor("idea.post");
  const values = formValues(formData);
  const parsed = ideaSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await postIdea(actor, parsed.data);
  if (!result.ok) return failure(result.error, values);
  return done("/idees");
}

export async function paperIdeaAction(_: FormState<number>, formData: FormData): Promise<Stamp> {
  const actor = await requireActor("idea.moderate");
  const values = formValues(formData);
  const parsed = paperIdeaSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await enterPaperIdea(actor, parsed.data);
  if (!result.ok) return failure(result.error, values);
  return done("/idees/gestion");
}

export async function supportAction(ideaId: string): Promise<Stamp> {
  const actor = await requireActor("idea.post");
  if (!areIds(ideaId)) return failure("notFound");
  const result = await toggleSupport(actor, ideaId);
  if (!result.ok) return failure(result.error);
  return done("/idees");
}

export async function approveIdeaAction(ideaId: string): Promise<Stamp> {
  const actor = await requireActor("idea.moderate");
  if (!areIds(ideaId)) return failure("notFound");
  const result = await approveIdea(actor, ideaId);
  return result.ok ? done("/idees/gestion") : failure(result.error);
}

export async function hideIdeaAction(
  ideaId: string,
  _: FormState<number>,
  formData: FormData,
): Promise<Stamp> {
  const actor = await requireActor("idea.moderate");
  if (!areIds(ideaId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = hideSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await hideIdea(actor, ideaId, parsed.data.reason);
  return result.ok ? done("/idees/gestion") : failure(result.error, values);
}

export async function mergeIdeaAction(
  ideaId: string,
  _: FormState<number>,
  formData: FormData,
): Promise<Stamp> {
  const actor = await requireActor("idea.moderate");
  if (!areIds(ideaId)) return failure("notFound");
  const values = formValues(formData);
  const into = values.mergeInto ?? "";
  if (!into) return failure("form", values, { mergeInto: "mergeTargetRequired" });
  const result = await mergeIdea(actor, ideaId, into);
  return result.ok ? done("/idees/gestion") : failure(result.error, values);
}

export async function markCalledAction(ideaId: string): Promise<Stamp> {
  const actor = await requireActor("idea.moderate");
  if (!areIds(ideaId)) return failure("notFound");
  const result = await markCalled(actor, ideaId);
  return result.ok ? done("/idees/gestion") : failure(result.error);
}

export async function answerIdeaAction(
  meetingId: string,
  ideaId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<Stamp> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(meetingId, ideaId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = answerSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await answerIdea(actor, meetingId, ideaId, parsed.data);
  return result.ok ? done(path) : failure(result.error, values);
}

export async function publishAnswersAction(meetingId: string, path: string): Promise<Stamp> {
  const actor = await requireActor("minutes.draft");
  if (!areIds(meetingId)) return failure("notFound");
  const result = await publishAnswersNow(actor, meetingId);
  return result.ok ? done(path) : failure(result.error);
}
