"use server";
import { formAction } from "@/lib/action";
import { ok, refuse } from "@/lib/form-result";
import { importSpreadsheet, type ImportReport } from "@/lib/members/import";

// The preview, or the import (intent=import): its report comes back as the data, with the rows to
// correct when there are any (then nothing was imported). A file that cannot be read is refused.
// A register needs member.manage, a file of newsletter recipients newsletter.manage: the action
// asks either, and importSpreadsheet checks the one the file's kind needs.
export const importAction = formAction({
  right: ["member.manage", "newsletter.manage"],
  run: async ({ actor, values, form }) => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return refuse("noFile");
    const kind = values.kind === "recipients" ? "recipients" : "members";
    // The coordinator's choice for an address that answered yes and no (consent:<email>).
    const resolutions = new Map<string, boolean>();
    for (const [key, value] of Object.entries(values))
      if (key.startsWith("consent:") && (value === "yes" || value === "no"))
        resolutions.set(key.slice("consent:".length).toLowerCase(), value === "yes");
    const result = await importSpreadsheet(actor, {
      kind,
      file,
      commit: values.intent === "import",
      resolutions,
    });
    if (result.ok) return ok<ImportReport>({ preview: result.preview, imported: result.imported });
    // Rows to correct or answers to decide: the report says which, nothing was written.
    if ((result.error === "rowErrors" || result.error === "conflicts") && result.preview)
      return ok<ImportReport>({ preview: result.preview, imported: false });
    return refuse(result.error === "rowErrors" || result.error === "conflicts" ? "unexpected" : result.error);
  },
  refresh: (_, report) => (report?.imported === false ? [] : "/admin/membres"),
});
