"use server";
import { areIds, field, isForm } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { categoryChangeSchema, memberSchema } from "@/lib/members/schema";
import {
  changeCategory,
  createMember,
  getMember,
  inviteMember,
  setArchived,
  updateMember,
} from "@/lib/members/service";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import { erasePerson } from "@/lib/members/privacy";

const FIELD_OF_ERROR: Record<string, string> = {
  emailTaken: "email",
  categoryUnknown: "categoryId",
  changeNotAfterCurrent: "from",
  noEmail: "email",
};

function refused(error: string, values: Record<string, string>): FormResult<never> {
  const field = FIELD_OF_ERROR[error];
  return failure(error, values, field ? { [field]: error } : {});
}

export async function createMemberAction(_: FormState, formData: FormData): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  const values = formValues(formData);
  const parsed = memberSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await createMember(actor, parsed.data);
  if (!result.ok) return refused(result.error, values);
  revalidatePath("/admin/membres");
  redirect(`/admin/membres/${result.data.id}?cree=1`);
}

export async function updateMemberAction(id: string, _: FormState, formData: FormData): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(id)) return failure("notFound");
  const values = formValues(formData);
  const parsed = memberSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await updateMember(actor, id, parsed.data);
  if (!result.ok) return refused(result.error, values);
  revalidatePath(`/admin/membres/${id}`);
  return { ok: true, data: null };
}

export async function changeCategoryAction(
  id: string,
  _: FormState,
  formData: FormData,
): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(id)) return failure("notFound");
  const values = formValues(formData);
  const parsed = categoryChangeSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await changeCategory(actor, id, parsed.data);
  if (!result.ok) return refused(result.error, values);
  revalidatePath(`/admin/membres/${id}`);
  return { ok: true, data: null };
}

export async function inviteMemberAction(id: string, _: FormState): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(id)) return failure("notFound");
  const result = await inviteMember(actor, id);
  if (!result.ok) return refused(result.error, {});
  revalidatePath(`/admin/membres/${id}`);
  return { ok: true, data: null };
}

export async function setArchivedAction(id: string, archived: boolean) {
  const actor = await requireActor("member.manage");
  if (!areIds(id) || typeof archived !== "boolean") return;
  // Someone else's member (or none): nothing to say, the page they came from stays as it was.
  if (!(await setArchived(actor, id, archived)).ok) return;
  revalidatePath("/admin/membres");
  redirect(`/admin/membres/${id}?${archived ? "archive" : "restaure"}=1`);
}

// The coordinator types the member's name to confirm: an erasure cannot be undone.
export async function eraseMemberAction(id: string, _: FormState, formData: FormData): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(id)) return failure("notFound");
  const member = await getMember(actor, id);
  if (!member) return failure("notFound", {});
  const typed = (isForm(formData) ? field(formData, "confirmName") : "").trim();
  if (typed !== member.name.trim())
    return failure("eraseMismatch", { confirmName: typed }, { confirmName: "eraseMismatch" });
  const result = await erasePerson(actor, id);
  if (!result.ok) return failure(result.error === "self" ? "eraseSelf" : "notFound", {});
  revalidatePath("/admin/membres");
  redirect(`/admin/membres/${id}?efface=1`);
}
