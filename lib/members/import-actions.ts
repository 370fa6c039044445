"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { importSpreadsheet, type ImportResult } from "@/lib/members/import";

export type ImportState = null | ImportResult | { ok: false; error: "noFile" | "unexpected" };

export async function importAction(_: ImportState, formData: FormData): Promise<ImportState> {
  const kind = formData.get("kind") === "recipients" ? "recipients" : "members";
  const actor = await requireActor(kind === "members" ? "member.manage" : "newsletter.manage");
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "noFile" };
  try {
    const result = await importSpreadsheet(actor, kind, file, formData.get("intent") === "import");
    if (result.ok && result.imported) revalidatePath("/admin/membres");
    return result;
  } catch (error) {
    console.error("Import failed", error);
    return { ok: false, error: "unexpected" };
  }
}
