"use server";
import { arg, formAction } from "@/lib/action";
import { commissionSchema, endMandateSchema, mandateSchema, seatsSchema } from "@/lib/bodies/schema";
import { addMandate, createCommission, endMandate, setSeatsPerCollege } from "@/lib/bodies/service";

// The bodies page and the directory show the seats.
const refresh = () => ["/admin/instances", "/annuaire"];

export const addMandateAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  input: mandateSchema,
  run: ({ actor, args: [bodyId], input }) => addMandate(actor, bodyId, input),
  refresh,
});

export const endMandateAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  input: endMandateSchema,
  fieldOf: { endInvalid: "endsOn" },
  run: ({ actor, args: [mandateId], input }) => endMandate(actor, mandateId, input.endsOn),
  refresh,
});

export const createCommissionAction = formAction({
  right: "member.manage",
  input: commissionSchema,
  run: ({ actor, input }) => createCommission(actor, input.name),
  refresh,
});

export const setSeatsAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  input: seatsSchema,
  run: ({ actor, args: [bodyId], input }) => setSeatsPerCollege(actor, bodyId, input.seatsPerCollege),
  refresh,
});
