import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { contactFilter, isOld, PURPOSES } from "@/lib/contacts/schema";
import { contactList } from "@/lib/contacts/service";
import { mailContactsAction, paperConsentAction, removeContactAction } from "@/lib/contacts/actions";
import { ConsentForm, MailContactsForm } from "@/components/contact-forms";
import { StepForm } from "@/components/step-form";
import { Card, Empty, PageTitle, TextLink, buttonClass, inputClass } from "@/components/ui";
import { DATA_LANG } from "@/lib/i18n/config";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("contacts");
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The people who agreed to be contacted: filtered by purpose and language, a call sheet to
// download, an e-mail to those chosen, a paper form typed in, someone removed for good.
export default async function ContactsPage({ searchParams }: Props) {
  const actor = await requireActor("contact.manage");
  const params = await searchParams;
  const filter = contactFilter(params);
  const now = new Date();
  const [list, t, format] = await Promise.all([
    contactList(actor, filter),
    getTranslations("contacts"),
    getFormatter(),
  ]);
  const query = new URLSearchParams(
    Object.entries({ pour: filter.purpose ?? "", langue: filter.language ?? "", q: filter.q }).filter(
      ([, v]) => v,
    ),
  ).toString();
  const sheet = `/admin/contacts/feuille${query ? `?${query}` : ""}`;
  return (
    <div className="space-y-6">
      <TextLink href="/admin">← Administration</TextLink>
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-prose text-stone-700">{t("intro")}</p>
      <form method="get" className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor="pour" className="block font-medium">
            {t("purpose")}
          </label>
          <select id="pour" name="pour" defaultValue={filter.purpose ?? ""} className={inputClass}>
            <option value="">{t("anyPurpose")}</option>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {t(`purposes.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="langue" className="block font-medium">
            {t("language")}
          </label>
          <select id="langue" name="langue" defaultValue={filter.language ?? ""} className={inputClass}>
            <option value="">{t("anyLanguage")}</option>
            {list.languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="q" className="block font-medium">
            {t("words")}
          </label>
          <input id="q" name="q" defaultValue={filter.q} className={inputClass} />
        </div>
        <div>
          <button type="submit" className={buttonClass}>
            {t("filter")}
          </button>
        </div>
      </form>
      <p role="status" className="font-medium">
        {t("count", { count: list.contacts.length, total: list.total })}
      </p>
      <a href={sheet} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
        {t("callSheet")}
      </a>
      {list.total === 0 ? (
        <Empty>{t("emptyList")}</Empty>
      ) : list.contacts.length === 0 ? (
        <Empty>{t("empty")}</Empty>
      ) : (
        <ul className="space-y-3">
          {list.contacts.map((c) => (
            <li key={c.id} className="space-y-1 rounded-lg border border-stone-200 bg-white p-4">
              <p className="font-semibold" lang={DATA_LANG}>
                {c.name}
              </p>
              {isOld(c.confirmedAt, now) ? (
                <p className="rounded border border-amber-700 bg-amber-50 px-2 py-1 text-sm font-semibold text-amber-900">
                  {t("toReconfirm")}
                </p>
              ) : null}
              <p>
                {[c.phone, c.email].filter(Boolean).join(" · ")}
                {c.channels.length
                  ? ` (${c.channels.map((ch) => t(`channels.${ch as "phone"}`)).join(", ")})`
                  : ""}
              </p>
              <p>{c.purposes.map((p) => t(`purposes.${p as "events"}`)).join(" · ")}</p>
              {c.availability ? <p>{t("when", { availability: c.availability })}</p> : null}
              {c.languages.length ? <p>{t("speaks", { languages: c.languages.join(", ") })}</p> : null}
              {c.note ? (
                <p className="italic" lang={DATA_LANG}>
                  {c.note}
                </p>
              ) : null}
              <p className="text-sm text-stone-600">
                {t("agreed", {
                  date: format.dateTime(c.consentAt, { day: "numeric", month: "long", year: "numeric" }),
                  source: t(`sources.${c.source}`),
                  text: c.consentText,
                })}
              </p>
              <StepForm
                namespace="contacts"
                action={removeContactAction.bind(null, c.id)}
                label={t("remove")}
                confirm={t("removeConfirm")}
                secondary
              />
            </li>
          ))}
        </ul>
      )}
      {list.contacts.some((c) => c.email) ? (
        <Card title={t("mailTitle")}>
          <MailContactsForm
            action={mailContactsAction}
            people={list.contacts.map((c) => ({ id: c.id, name: c.name, hasEmail: Boolean(c.email) }))}
          />
        </Card>
      ) : null}
      <Card title={t("paperTitle")}>
        <ConsentForm
          action={paperConsentAction}
          agreeLabel={t("paperAgree")}
          submit={t("paperSave")}
          success={t("paperSaved")}
          initial={{
            name: "",
            phone: "",
            email: "",
            purposes: [],
            channels: [],
            availability: "",
            languages: "",
            note: "",
          }}
        />
      </Card>
    </div>
  );
}
