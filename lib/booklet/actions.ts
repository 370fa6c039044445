"use server";
import { z } from "zod";
import { arg, formAction } from "@/lib/action";
import { entrySchema, settingsSchema } from "@/lib/booklet/schema";
import {
  archiveEntry,
  createEntry,
  updateBookletSettings,
  updateEntry,
  verifyEntry,
} from "@/lib/booklet/service";
import { importBooklet } from "@/lib/booklet/spreadsheet";

const booklet = () => "/carnet";

export const createEntryAction = formAction({
  right: "booklet.edit",
  input: entrySchema,
  run: ({ actor, input }) => createEntry(actor, input),
  refresh: booklet,
  redirect: (_, { id }) => `/carnet/${id}?ajoutee=1`,
});

export const updateEntryAction = formAction({
  right: "booklet.edit",
  bound: [arg.id],
  input: entrySchema,
  run: ({ actor, args: [id], input }) => updateEntry(actor, { id, input }),
  refresh: ([id]) => [booklet(), `/carnet/${id}`],
});

export const verifyEntryAction = formAction({
  right: "booklet.edit",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => verifyEntry(actor, id),
  refresh: ([id]) => [booklet(), `/carnet/${id}`],
});

export const archiveEntryAction = formAction({
  right: "booklet.manage",
  bound: [arg.id],
  run: ({ actor, args: [id] }) => archiveEntry(actor, id),
  refresh: booklet,
  redirect: () => "/carnet?retiree=1",
});

export const bookletSettingsAction = formAction({
  right: "booklet.manage",
  input: settingsSchema,
  run: ({ actor, input }) => updateBookletSettings(actor, input),
  refresh: () => ["/carnet", "/carnet/gestion"],
});

const importInput = z.object({ intent: z.enum(["preview", "import"]).optional().default("preview") });

export const importBookletAction = formAction({
  right: "booklet.manage",
  input: importInput,
  run: ({ actor, input, form }) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return Promise.resolve({ ok: false, error: "fileEmpty" } as const);
    return importBooklet(actor, { file, commit: input.intent === "import" });
  },
  refresh: () => ["/carnet", "/carnet/gestion"],
});
