"use server";
import { areIds, fields, isForm, isId, localPath } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { ForbiddenError } from "@/lib/auth/actor";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import { paperRowSchema, questionSchema, tallyRowSchema } from "@/lib/votes/schema";
import {
  closeQuestion,
  createQuestion,
  openQuestion,
  recordPaperBallots,
  recordShowOfHands,
} from "@/lib/votes/questions";
import { grantProxy } from "@/lib/votes/proxies";

export async function createQuestionAction(
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("vote.manage");
  if (!isForm(formData)) return failure("form");
  const excluded = fields(formData, "excludedCategoryIds");
  const values = {
    ...formValues(formData, ["excludedCategoryIds"]),
    excludedCategoryIds: excluded.join(","),
  };
  const parsed = questionSchema.safeParse({ ...values, excludedCategoryIds: excluded });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await createQuestion(actor, parsed.data);
  if (!result.ok) return failure(result.error, values);
  redirect(`/votes/${result.data.id}?cree=1`);
}

function settle(
  result: { ok: true } | { ok: false; error?: string; reason?: string },
  path: string,
): FormResult<number> {
  if (!result.ok) return failure(result.error ?? result.reason ?? "unexpected");
  revalidatePath(localPath(path));
  return { ok: true, data: Date.now() };
}

export async function openQuestionAction(questionId: string): Promise<FormResult<number>> {
  const actor = await requireActor("vote.manage");
  if (!areIds(questionId)) return failure("notFound");
  return settle(await openQuestion(actor, questionId), `/votes/${questionId}`);
}

export async function closeQuestionAction(questionId: string): Promise<FormResult<number>> {
  const actor = await requireActor("vote.castCouncil");
  if (!areIds(questionId)) return failure("notFound");
  try {
    return settle(await closeQuestion(actor, questionId), `/votes/${questionId}`);
  } catch (error) {
    if (error instanceof ForbiddenError) return failure("notChair");
    throw error;
  }
}

export async function showOfHandsAction(
  questionId: string,
  collegeIds: (string | null)[],
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("vote.manage");
  if (
    !areIds(questionId) ||
    !Array.isArray(collegeIds) ||
    collegeIds.length > 50 ||
    !collegeIds.every((c) => c === null || isId(c))
  )
    return failure("notFound");
  const values = formValues(formData);
  const rows = [];
  const fieldErrors: Record<string, string> = {};
  for (const [i, collegeId] of collegeIds.entries()) {
    const parsed = tallyRowSchema.safeParse({
      collegeId,
      for: values[`for-${i}`] || "0",
      against: values[`against-${i}`] || "0",
      abstain: values[`abstain-${i}`] || "0",
    });
    if (!parsed.success)
      for (const k of ["for", "against", "abstain"]) fieldErrors[`${k}-${i}`] = "countInvalid";
    else rows.push(parsed.data);
  }
  if (Object.keys(fieldErrors).length) return failure("form", values, fieldErrors);
  const recorded = await recordShowOfHands(actor, questionId, rows);
  if (!recorded.ok) return failure(recorded.error, values);
  return settle(await closeQuestion(actor, questionId), `/votes/${questionId}`);
}

export async function grantProxyAction(
  meetingId: string,
  path: string,
  _: FormState<number>,
  formData: FormData,
): Promise<FormResult<number>> {
  const actor = await requireActor("vote.castAssembly");
  if (!areIds(meetingId)) return failure("notFound");
  const values = formValues(formData);
  if (!values.holderId) return failure("form", values, { holderId: "memberRequired" });
  const result = await grantProxy(actor, meetingId, values.holderId);
  if (!result.ok) return failure(result.reason, values);
  revalidatePath(localPath(path));
  return { ok: true, data: Date.now() };
}

export type PaperState =
  | null
  | { ok: true; at: number }
  | {
      ok: false;
      error: string;
      problems: { name: string; reason: string }[];
      values: Record<string, string>;
      chosen: string[];
    };

export async function paperBallotsAction(
  questionId: string,
  collegeIds: string[],
  _: PaperState,
  formData: FormData,
): Promise<PaperState> {
  const actor = await requireActor("vote.manage");
  if (
    !areIds(questionId) ||
    !Array.isArray(collegeIds) ||
    collegeIds.length > 50 ||
    !areIds(...collegeIds) ||
    !isForm(formData)
  )
    return { ok: false, error: "notFound", problems: [], values: {}, chosen: [] };
  const chosen = fields(formData, "paperVoters");
  const values = formValues(formData, ["paperVoters"]);
  const rows = [];
  for (const [i, collegeId] of collegeIds.entries()) {
    const parsed = paperRowSchema.safeParse({
      collegeId,
      ...Object.fromEntries(
        ["for", "against", "abstain", "blank", "spoiled"].map((k) => [k, values[`${k}-${i}`] || "0"]),
      ),
    });
    if (!parsed.success) return { ok: false, error: "form", problems: [], values, chosen };
    rows.push(parsed.data);
  }
  const result = await recordPaperBallots(actor, questionId, chosen, rows);
  if (!result.ok) return { ok: false, error: result.error, problems: result.problems, values, chosen };
  revalidatePath(`/votes/${questionId}`);
  return { ok: true, at: Date.now() };
}
