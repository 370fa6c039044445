"use server";
import { revalidatePath } from "next/cache";
import { forbidden } from "next/navigation";
import { ForbiddenError } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { retryEmail } from "@/lib/mail/service";

export async function retryEmailAction(formData: FormData) {
  const actor = await requireActor();
  const id = formData.get("id");
  if (typeof id !== "string") return;
  try {
    await retryEmail(actor, id);
  } catch (error) {
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  }
  revalidatePath("/admin/courriels");
}
