"use server";
import { field, isForm } from "@/lib/action-input";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { COOPERATIVE_COOKIE, getActor } from "@/lib/auth/session";
import { newPasswordSchema, passwordResetRequestSchema } from "@/lib/auth/schema";
import { requestPasswordReset, resetPassword } from "@/lib/auth/service";
import { failure, formValues, invalid, type FormResult, type FormState } from "@/lib/form-result";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { siteUrl } from "@/lib/site-url";

const YEAR = 60 * 60 * 24 * 365;

export async function requestPasswordResetAction(_: FormState, formData: FormData): Promise<FormResult> {
  const values = formValues(formData);
  const parsed = passwordResetRequestSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  try {
    await requestPasswordReset(parsed.data.email, siteUrl());
  } catch (error) {
    console.error("requestPasswordReset failed", error);
    return failure("unexpected", values);
  }
  return { ok: true, data: null };
}

export async function resetPasswordAction(_: FormState, formData: FormData): Promise<FormResult> {
  const values = formValues(formData, ["password", "confirm"]);
  const form = isForm(formData) ? formData : new FormData();
  const parsed = newPasswordSchema.safeParse({
    token: field(form, "token"),
    password: field(form, "password"),
    confirm: field(form, "confirm"),
  });
  if (!parsed.success) return invalid(parsed.error, values);
  const result = await resetPassword(parsed.data);
  if (!result.ok) return failure(result.error, values);
  redirect("/connexion?reinitialise=1");
}

export async function setLocaleAction(formData: FormData) {
  const locale = isForm(formData) ? formData.get("locale") : null;
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: YEAR, sameSite: "lax", path: "/" });
  const actor = await getActor();
  if (actor) await db.person.update({ where: { id: actor.personId }, data: { locale } });
}

export async function switchCooperativeAction(formData: FormData) {
  const actor = await getActor();
  const cooperativeId = isForm(formData) ? formData.get("cooperativeId") : null;
  if (!actor || typeof cooperativeId !== "string") return;
  // Only to a cooperative the person belongs to; loadActor ignores any other value anyway.
  if (!actor.otherCooperatives.some((c) => c.id === cooperativeId)) return;
  (await cookies()).set(COOPERATIVE_COOKIE, cooperativeId, {
    maxAge: YEAR,
    sameSite: "lax",
    path: "/",
    httpOnly: true,
  });
  redirect("/");
}
