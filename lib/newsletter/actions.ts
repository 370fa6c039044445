"use server";
import { areIds } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import { issueSchema } from "@/lib/newsletter/schema";
import {
  createIssue,
  getIssue,
  sendTest,
  startSend,
  unsubscribe,
  updateIssue,
} from "@/lib/newsletter/service";
import { answeredThisMonth } from "@/lib/ideas/service";

type Stamp = FormResult<number>;

export async function createIssueAction(_: FormState<number>, formData: FormData): Promise<Stamp> {
  const actor = await requireActor("newsletter.manage");
  const values = formValues(formData);
  const parsed = issueSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await createIssue(actor, parsed.data);
  if (!result.ok) return failure(result.error, values);
  redirect(`/admin/lettre/${result.data.id}`);
}

export async function updateIssueAction(
  issueId: string,
  _: FormState<number>,
  formData: FormData,
): Promise<Stamp> {
  const actor = await requireActor("newsletter.manage");
  if (!areIds(issueId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = issueSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await updateIssue(actor, issueId, parsed.data);
  if (!result.ok) return failure(result.error, values);
  revalidatePath(`/admin/lettre/${issueId}`);
  return { ok: true, data: Date.now() };
}

// Appends the « what the council answered this month » block to the saved draft.
export async function appendAnswersAction(issueId: string): Promise<Stamp> {
  const actor = await requireActor("newsletter.manage");
  if (!areIds(issueId)) return failure("notFound");
  const issue = await getIssue(actor, issueId);
  if (!issue) return failure("notFound");
  const block = await answeredThisMonth(actor);
  if (!block) return failure("noAnswers");
  const result = await updateIssue(actor, issueId, {
    subject: issue.subject,
    body: `${issue.body}\n\n${block}`.trim(),
  });
  if (!result.ok) return failure(result.error);
  revalidatePath(`/admin/lettre/${issueId}`);
  return { ok: true, data: Date.now() };
}

export async function sendTestAction(issueId: string): Promise<Stamp> {
  const actor = await requireActor("newsletter.manage");
  if (!areIds(issueId)) return failure("notFound");
  const result = await sendTest(actor, issueId);
  return result.ok ? { ok: true, data: Date.now() } : failure(result.error);
}

export async function startSendAction(issueId: string): Promise<Stamp> {
  const actor = await requireActor("newsletter.manage");
  if (!areIds(issueId)) return failure("notFound");
  const result = await startSend(actor, issueId);
  if (!result.ok) return failure(result.error);
  revalidatePath(`/admin/lettre/${issueId}`);
  return { ok: true, data: Date.now() };
}

// No sign-in: the signed link is the permission.
export async function unsubscribeAction(token: string): Promise<Stamp> {
  return typeof token === "string" && token.length <= 200 && (await unsubscribe(token))
    ? { ok: true, data: Date.now() }
    : failure("notFound");
}
