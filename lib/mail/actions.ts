"use server";
import { isId } from "@/lib/action-input";
import { plainAction } from "@/lib/action";
import { refuse } from "@/lib/form-result";
import { retryEmail } from "@/lib/mail/service";

// A plain form on each message of the outbox, the message's id in a hidden field.
export const retryEmailAction = plainAction({
  right: "outbox.read",
  run: ({ actor, values }) =>
    isId(values.id) ? retryEmail(actor, values.id) : Promise.resolve(refuse("notFound")),
  refresh: () => "/admin/courriels",
});
