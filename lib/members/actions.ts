"use server";
import { arg, formAction, plainAction } from "@/lib/action";
import { refuse } from "@/lib/form-result";
import { categoryChangeSchema, memberSchema } from "@/lib/members/schema";
import {
  changeCategory,
  createMember,
  getMember,
  inviteMember,
  setArchived,
  updateMember,
  renewCalendarLink,
} from "@/lib/members/service";
import { erasePerson } from "@/lib/members/privacy";

// A refusal about one field is shown under it as well.
const fieldOf = {
  emailTaken: "email",
  categoryUnknown: "categoryId",
  changeNotAfterCurrent: "from",
  noEmail: "email",
} as const;

const memberPath = ([id]: readonly [string, ...unknown[]]) => `/admin/membres/${id}`;

export const createMemberAction = formAction({
  right: "member.manage",
  input: memberSchema,
  fieldOf,
  run: ({ actor, input }) => createMember(actor, input),
  refresh: () => "/admin/membres",
  redirect: (_, member) => `/admin/membres/${member.id}?cree=1`,
});

export const updateMemberAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  input: memberSchema,
  fieldOf,
  run: ({ actor, args: [id], input }) => updateMember(actor, id, input),
  refresh: memberPath,
});

export const changeCategoryAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  input: categoryChangeSchema,
  fieldOf,
  run: ({ actor, args: [id], input }) => changeCategory(actor, id, input),
  refresh: memberPath,
});

export const inviteMemberAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  fieldOf,
  run: ({ actor, args: [id] }) => inviteMember(actor, id),
  refresh: memberPath,
});

// A plain form: someone else's member (or none) changes nothing, and the page stays as it was.
export const setArchivedAction = plainAction({
  right: "member.manage",
  bound: [arg.id, arg.flag],
  run: ({ actor, args: [id, archived] }) => setArchived(actor, id, archived),
  refresh: () => "/admin/membres",
  redirect: ([id, archived]) => `/admin/membres/${id}?${archived ? "archive" : "restaure"}=1`,
});

// The coordinator types the member's name to confirm: an erasure cannot be undone.
export const eraseMemberAction = formAction({
  right: "member.manage",
  bound: [arg.id],
  fieldOf: { eraseMismatch: "confirmName" },
  run: async ({ actor, args: [id], values }) => {
    const member = await getMember(actor, id);
    if (!member) return refuse("notFound");
    if ((values.confirmName ?? "").trim() !== member.name.trim()) return refuse("eraseMismatch");
    return erasePerson(actor, id);
  },
  refresh: () => "/admin/membres",
  redirect: ([id]) => `/admin/membres/${id}?efface=1`,
});

// « Changer de lien »: the calendar feed's address is renewed; the old one stops.
export const renewCalendarLinkAction = plainAction({
  right: "home.view",
  run: ({ actor }) => renewCalendarLink(actor),
  refresh: () => "/profil",
});
