"use server";
import { isForm } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { importSpreadsheet, type ImportResult } from "@/lib/members/import";

export type ImportState = null | ImportResult | { ok: false; error: "noFile" | "unexpected" };

export async function importAction(_: ImportState, formData: FormData): Promise<ImportState> {
  const form = isForm(formData) ? formData : new FormData();
  const kind = form.get("kind") === "recipients" ? "recipients" : "members";
  const actor = await requireActor(kind === "members" ? "member.manage" : "newsletter.manage");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "noFile" };
  try {
    const result = await importSpreadsheet(actor, kind, file, form.get("intent") === "import");
    if (result.ok && result.imported) revalidatePath("/admin/membres");
    return result;
  } catch (error) {
    console.error("Import failed", error);
    return { ok: false, error: "unexpected" };
  }
}
