"use server";
import { arg, formAction, plainAction } from "@/lib/action";
import { doorSignupSchema, eventSchema } from "@/lib/events/schema";
import {
  addAtDoor,
  cancelEvent,
  checkIn,
  createEvent,
  eventPath,
  inviteContacts,
  removeSignup,
  signUp,
  updateEvent,
  withdrawSignup,
} from "@/lib/events/service";
import { translator } from "@/lib/i18n/translator";

const list = () => "/evenements";
const door = (id: string) => `${eventPath(id)}/porte`;

export const createEventAction = formAction({
  right: "event.manage",
  input: eventSchema,
  run: ({ actor, input }) => createEvent(actor, input),
  refresh: list,
  redirect: (_, { id }) => `${eventPath(id)}?cree=1`,
});

export const updateEventAction = formAction({
  right: "event.manage",
  bound: [arg.id],
  input: eventSchema,
  run: ({ actor, args: [id], input }) => updateEvent(actor, id, input),
  refresh: ([id]) => [list(), eventPath(id)],
});

export const cancelEventAction = formAction({
  right: "event.manage",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => cancelEvent(actor, id),
  refresh: ([id]) => [list(), eventPath(id)],
});

// « Je viens » / « Je ne viens plus »: one tap, from the list or the event's page.
export const signUpAction = formAction({
  right: "event.read",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => signUp(actor, id),
  refresh: ([id]) => [list(), eventPath(id)],
});

export const withdrawSignupAction = formAction({
  right: "event.read",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => withdrawSignup(actor, id),
  refresh: ([id]) => [list(), eventPath(id)],
});

export const inviteContactsAction = formAction({
  right: "event.manage",
  bound: [arg.id],
  // In French, the cooperative's language (the list does not say which language each reads).
  run: async ({ actor, args: [id] }) => {
    const t = translator("fr");
    return inviteContacts(actor, id, {
      locale: "fr",
      subject: (title) => t("mail.events.inviteSubject", { title }),
      body: (values) => t("mail.events.inviteText", values),
      footer: (link) => t("contacts.footer", { link }),
    });
  },
  refresh: ([id]) => eventPath(id),
});

// At the door, on a phone: a tick (or its removal), someone added, someone removed.
export const checkInAction = plainAction({
  right: "event.manage",
  bound: [arg.id, arg.id, arg.flag],
  run: ({ actor, args: [eventId, signupId, present] }) => checkIn(actor, { eventId, signupId, present }),
  refresh: ([eventId]) => door(eventId),
});

export const addAtDoorAction = formAction({
  right: "event.manage",
  bound: [arg.id],
  input: doorSignupSchema,
  run: ({ actor, args: [id], input }) => addAtDoor(actor, id, input),
  refresh: ([id]) => [door(id), eventPath(id)],
});

export const removeSignupAction = plainAction({
  right: "event.manage",
  bound: [arg.id, arg.id],
  run: ({ actor, args: [eventId, signupId] }) => removeSignup(actor, { eventId, signupId }),
  refresh: ([eventId]) => [door(eventId), eventPath(eventId)],
});
