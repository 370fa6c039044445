"use server";
import { areIds } from "@/lib/action-input";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { commissionSchema, endMandateSchema, mandateSchema, seatsSchema } from "@/lib/bodies/schema";
import {
  addMandate,
  createCommission,
  endMandate,
  setSeatsPerCollege,
  type BodyResult,
} from "@/lib/bodies/service";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";

function done(result: BodyResult, values: Record<string, string>): FormResult {
  if (!result.ok) return failure(result.error, values);
  revalidatePath("/admin/instances");
  revalidatePath("/annuaire");
  return { ok: true, data: null };
}

export async function addMandateAction(
  bodyId: string,
  _: FormState,
  formData: FormData,
): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(bodyId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = mandateSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return done(await addMandate(actor, bodyId, parsed.data), values);
}

export async function endMandateAction(
  mandateId: string,
  _: FormState,
  formData: FormData,
): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(mandateId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = endMandateSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return done(await endMandate(actor, mandateId, parsed.data.endsOn), values);
}

export async function createCommissionAction(_: FormState, formData: FormData): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  const values = formValues(formData);
  const parsed = commissionSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return done(await createCommission(actor, parsed.data.name), values);
}

export async function setSeatsAction(bodyId: string, _: FormState, formData: FormData): Promise<FormResult> {
  const actor = await requireActor("member.manage");
  if (!areIds(bodyId)) return failure("notFound");
  const values = formValues(formData);
  const parsed = seatsSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  return done(await setSeatsPerCollege(actor, bodyId, parsed.data.seatsPerCollege), values);
}
