"use server";
import { isForm, isId } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { ForbiddenError } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { retryEmail } from "@/lib/mail/service";

export async function retryEmailAction(formData: FormData) {
  const actor = await requireActor();
  const id = isForm(formData) ? formData.get("id") : null;
  if (!isId(id)) return;
  try {
    await retryEmail(actor, id);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  revalidatePath("/admin/courriels");
}
