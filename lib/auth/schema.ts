import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "emailInvalid" }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "passwordRequired" }),
});

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const PASSWORD_MIN_LENGTH = 10;

export const newPasswordSchema = z
  .object({
    token: z.string().min(1),
    password: z.string().min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" }).max(200),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { error: "passwordMismatch", path: ["confirm"] });

export type NewPasswordInput = z.infer<typeof newPasswordSchema>;
