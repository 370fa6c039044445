"use server";
import { formAction } from "@/lib/action";
import { ok } from "@/lib/form-result";
import { violationLine } from "@/lib/statutes/college-rules";
import { collegeConfigSchema, identitySchema, statutesSchema } from "@/lib/statutes/schema";
import { saveCollegeConfig, saveIdentity, saveStatutes } from "@/lib/statutes/service";

// The colleges form sends its rows as JSON (rows are added and removed in the page); a refused
// configuration names each rule it breaks, one line each.
export const saveCollegesAction = formAction({
  right: "statutes.configure",
  input: collegeConfigSchema,
  parse: (values) => {
    try {
      return JSON.parse(values.config || "{}") as unknown;
    } catch {
      return null;
    }
  },
  run: async ({ actor, input }) => {
    const result = await saveCollegeConfig(actor, input);
    if (!result.ok)
      return { ok: false, error: "configRefused", problems: result.violations.map(violationLine) } as const;
    return ok(null);
  },
  refresh: () => "/admin/colleges",
});

export const saveStatutesAction = formAction({
  right: "statutes.configure",
  input: statutesSchema,
  run: async ({ actor, input }) => {
    await saveStatutes(actor, input);
    return ok(null);
  },
  refresh: () => "/admin/colleges",
});

export const saveIdentityAction = formAction({
  right: "statutes.configure",
  input: identitySchema,
  run: async ({ actor, input }) => {
    await saveIdentity(actor, input);
    return ok(null);
  },
  refresh: () => ["/admin/colleges", "/"],
});
