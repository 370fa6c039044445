"use server";
import { arg, formAction, plainAction } from "@/lib/action";
import { cookies } from "next/headers";
import { COOPERATIVE_COOKIE } from "@/lib/auth/session";
import {
  deletionSchema,
  newCooperativeSchema,
  setupSchema,
  supportGrantSchema,
  suspensionSchema,
} from "@/lib/operator/schema";
import { grantSupport, openSupport, revokeSupport } from "@/lib/operator/support";
import { completeSetup } from "@/lib/operator/accounts.internal";
import {
  cancelDeletion,
  createCooperative,
  requestDeletion,
  resumeCooperative,
  suspendCooperative,
} from "@/lib/operator/service";

export const createCooperativeAction = formAction({
  right: "operator",
  input: newCooperativeSchema,
  run: ({ actor, input }) => createCooperative(actor, input),
  refresh: () => "/exploitation",
});

export const suspendCooperativeAction = formAction({
  right: "operator",
  bound: [arg.id],
  input: suspensionSchema,
  run: ({ actor, args: [id], input }) => suspendCooperative(actor, { id, note: input.note }),
  refresh: () => "/exploitation",
});

export const resumeCooperativeAction = plainAction({
  right: "operator",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => resumeCooperative(actor, id),
  refresh: () => "/exploitation",
});

// The first operator of an empty portal, from the setup link in the server's log.
export const completeSetupAction = formAction({
  right: "anyone",
  input: setupSchema,
  omit: ["password", "confirm"],
  parse: (values, form) => ({
    ...values,
    password: String(form.get("password") ?? ""),
    confirm: String(form.get("confirm") ?? ""),
  }),
  run: ({ input }) => completeSetup(input),
  redirect: () => "/connexion?installe=1",
});

// Support access, granted and revoked by the coordinator; opened by the operator.
export const grantSupportAction = formAction({
  right: "support.grant",
  input: supportGrantSchema,
  run: ({ actor, input }) => grantSupport(actor, input),
  refresh: () => "/admin",
});

export const revokeSupportAction = plainAction({
  right: "support.grant",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => revokeSupport(actor, id),
  refresh: () => "/admin",
});

export const openSupportAction = plainAction({
  right: "operator",
  bound: [arg.id],
  run: async ({ actor, args: [id] }) => {
    const opened = await openSupport(actor, id);
    if (!opened.ok) return opened;
    (await cookies()).set(COOPERATIVE_COOKIE, id, { sameSite: "lax", path: "/", httpOnly: true });
    return opened;
  },
  redirect: () => "/",
});

export const requestDeletionAction = formAction({
  right: "operator",
  bound: [arg.id],
  input: deletionSchema,
  run: ({ actor, args: [id], input }) => requestDeletion(actor, { id, confirmName: input.confirmName }),
  refresh: () => "/exploitation",
});

export const cancelDeletionAction = plainAction({
  right: "operator",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => cancelDeletion(actor, id),
  refresh: () => "/exploitation",
});
