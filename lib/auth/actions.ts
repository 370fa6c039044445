"use server";
import { cookies } from "next/headers";
import { formAction, plainAction } from "@/lib/action";
import { field } from "@/lib/action-input";
import { COOPERATIVE_COOKIE } from "@/lib/auth/session";
import { newPasswordSchema, passwordResetRequestSchema } from "@/lib/auth/schema";
import { endAllSessions, requestPasswordReset, resetPassword, setPersonLocale } from "@/lib/auth/service";
import { ok, refuse } from "@/lib/form-result";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { siteUrl } from "@/lib/site-url";

const YEAR = 60 * 60 * 24 * 365;

// Same answer whether or not an account has that address.
export const requestPasswordResetAction = formAction({
  right: "anyone",
  input: passwordResetRequestSchema,
  run: async ({ input }) => {
    await requestPasswordReset(input.email, siteUrl());
    return ok(null);
  },
});

// The passwords are never given back with a refusal.
export const resetPasswordAction = formAction({
  right: "anyone",
  input: newPasswordSchema,
  omit: ["password", "confirm"],
  parse: (_, form) => ({
    token: field(form, "token"),
    password: field(form, "password"),
    confirm: field(form, "confirm"),
  }),
  run: ({ input }) => resetPassword(input),
  redirect: () => "/connexion?reinitialise=1",
});

// A plain form in the header; the choice is kept with the account of a signed-in person.
export const setLocaleAction = plainAction({
  right: "anyone",
  run: async ({ actor, values }) => {
    const locale = values.locale;
    if (!isLocale(locale)) return refuse("form");
    (await cookies()).set(LOCALE_COOKIE, locale, { maxAge: YEAR, sameSite: "lax", path: "/" });
    if (actor) await setPersonLocale(actor, locale);
    return ok(null);
  },
});

// Only to a cooperative the person belongs to; loadActor ignores any other value anyway.
export const switchCooperativeAction = plainAction({
  right: "signedIn",
  run: async ({ actor, values }) => {
    const other = actor.otherCooperatives.find((c) => c.id === values.cooperativeId);
    if (!other) return refuse("forbidden");
    (await cookies()).set(COOPERATIVE_COOKIE, other.id, {
      maxAge: YEAR,
      sameSite: "lax",
      path: "/",
      httpOnly: true,
    });
    return ok(null);
  },
  redirect: () => "/",
});

// « Se déconnecter »: the session is next-auth's JWT cookie (nothing kept on the server), so
// signing out here is removing it. A plain form: the browser needs no next-auth client for it.
export const signOutAction = plainAction({
  right: "anyone",
  run: async () => {
    const jar = await cookies();
    for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"])
      if (jar.get(name)) jar.delete(name);
    return ok(null);
  },
  redirect: () => "/connexion?sortie=1",
});

// « Se déconnecter partout » (Mon profil): every session of the person ends, this one too.
export const signOutEverywhereAction = plainAction({
  right: "signedIn",
  run: async ({ actor }) => {
    await endAllSessions(actor);
    return ok(null);
  },
  redirect: () => "/connexion?partout=1",
});
