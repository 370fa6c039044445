"use server";
import { arg, formAction, plainAction } from "@/lib/action";
import { newCooperativeSchema, setupSchema, suspensionSchema } from "@/lib/operator/schema";
import { completeSetup } from "@/lib/operator/accounts.internal";
import { createCooperative, resumeCooperative, suspendCooperative } from "@/lib/operator/service";

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
