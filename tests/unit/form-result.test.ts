import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formValues } from "@/lib/form-result";
import { newPasswordSchema, signInSchema } from "@/lib/auth/schema";

describe("form results", () => {
  it("gives back what was typed, except passwords", () => {
    const form = new FormData();
    form.set("email", "clara@exemple.org");
    form.set("password", "secret");
    expect(formValues(form, ["password"])).toEqual({ email: "clara@exemple.org" });
  });

  it("gives back a field ticked several times as one text, and never a prototype key", () => {
    const form = new FormData();
    form.append("owners", "a");
    form.append("owners", "b");
    form.append("constructor", "x");
    form.append("__proto__", "y");
    const values = formValues(form);
    expect(values.owners).toBe("a,b");
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.hasOwn(values, "constructor") ? values.constructor : "x").toBe("x");
  });

  it("maps each field to its first error key", () => {
    const parsed = newPasswordSchema.safeParse({ token: "t", password: "court", confirm: "autre" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(fieldErrorsOf(parsed.error).password).toBe("passwordTooShort");
  });

  it("flags mismatched passwords on the confirmation field", () => {
    const parsed = newPasswordSchema.safeParse({
      token: "t",
      password: "assez-long-1",
      confirm: "assez-long-2",
    });
    if (parsed.success) throw new Error("expected a failure");
    expect(fieldErrorsOf(parsed.error)).toMatchObject({ confirm: "passwordMismatch" });
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
