"use server";
import { field, isForm } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { collegeConfigSchema, statutesSchema } from "@/lib/statutes/schema";
import { saveCollegeConfig, saveStatutes, type ConfigViolation } from "@/lib/statutes/service";
import { formValues, invalid, type FormResult } from "@/lib/form-result";

export type CollegesFormState =
  | null
  | { ok: true; savedAt: number }
  | { ok: false; violations: ConfigViolation[]; fieldErrors: Record<string, string> };

// The colleges form sends its rows as JSON (rows are added and removed in the page).
export async function saveCollegesAction(
  _: CollegesFormState,
  formData: FormData,
): Promise<CollegesFormState> {
  const actor = await requireActor("statutes.configure");
  let raw: unknown;
  try {
    raw = JSON.parse(isForm(formData) ? field(formData, "config") || "{}" : "{}");
  } catch {
    return { ok: false, violations: [], fieldErrors: { form: "unexpected" } };
  }
  const parsed = collegeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, violations: [], fieldErrors };
  }
  const result = await saveCollegeConfig(actor, parsed.data);
  if (!result.ok) return { ok: false, violations: result.violations, fieldErrors: {} };
  revalidatePath("/admin/colleges");
  return { ok: true, savedAt: Date.now() };
}

export async function saveStatutesAction(_: FormResult | null, formData: FormData): Promise<FormResult> {
  const actor = await requireActor("statutes.configure");
  const values = formValues(formData);
  const parsed = statutesSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  await saveStatutes(actor, parsed.data);
  revalidatePath("/admin/colleges");
  return { ok: true, data: null };
}
