"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Alert, buttonClass, Field, inputClass, secondaryButtonClass } from "@/components/ui";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("signIn");
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onPassword(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(result.url ?? callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.error === "rateLimited" ? t("rateLimited") : t("invalid"));
  }

  async function onLink(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const result = await signIn("email", { email, redirect: false, callbackUrl });
    setPending(false);
    if (result?.ok && !result.error) router.push("/connexion/lien-envoye");
    else setError(t("linkError"));
  }

  return (
    <div className="space-y-8">
      <form onSubmit={onPassword} method="post" className="space-y-3" noValidate>
        <div aria-live="polite">{error ? <Alert kind="error">{error}</Alert> : null}</div>
        <Field id="email" label={t("email")}>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </Field>
        <Field id="password" label={t("password")}>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            className={inputClass}
          />
        </Field>
        <button type="submit" className={`${buttonClass} w-full`} aria-disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </button>
      </form>
      <form onSubmit={onLink} method="post" className="space-y-2 border-t border-stone-200 pt-6">
        <h2 className="text-lg font-semibold">{t("linkTitle")}</h2>
        <p className="text-stone-700">{t("linkIntro")}</p>
        <button type="submit" className={`${secondaryButtonClass} w-full`} aria-disabled={pending}>
          {t("linkSubmit")}
        </button>
      </form>
    </div>
  );
}
