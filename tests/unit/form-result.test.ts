import { describe, expect, it } from "vitest";
import { formValues, invalid } from "@/lib/form-result";
import { newPasswordSchema, signInSchema } from "@/lib/auth/schema";

describe("form results", () => {
  it("gives back what was typed, except passwords", () => {
    const form = new FormData();
    form.set("email", "clara@exemple.org");
    form.set("password", "secret");
    expect(formValues(form, ["password"])).toEqual({ email: "clara@exemple.org" });
  });

  it("maps each field to its first error key", () => {
    const parsed = newPasswordSchema.safeParse({ token: "t", password: "court", confirm: "autre" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const result = invalid(parsed.error, { token: "t" });
    if (result.ok) throw new Error("expected a failure");
    expect(result.fieldErrors.password).toBe("passwordTooShort");
    expect(result.values).toEqual({ token: "t" });
  });

  it("flags mismatched passwords on the confirmation field", () => {
    const parsed = newPasswordSchema.safeParse({
      token: "t",
      password: "assez-long-1",
      confirm: "assez-long-2",
    });
    if (parsed.success) throw new Error("expected a failure");
    expect(invalid(parsed.error, {})).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "passwordMismatch" },
    });
  });

  it("normalises the e-mail and refuses a malformed one", () => {
    expect(signInSchema.parse({ email: "  Clara@Exemple.ORG ", password: "x" }).email).toBe(
      "clara@exemple.org",
    );
    const bad = signInSchema.safeParse({ email: "clara@", password: "x" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.message).toBe("emailInvalid");
  });
});
