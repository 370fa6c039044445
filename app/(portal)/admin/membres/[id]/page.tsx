import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { getMember, listCategories } from "@/lib/members/service";
import {
  changeCategoryAction,
  eraseMemberAction,
  inviteMemberAction,
  setArchivedAction,
  updateMemberAction,
} from "@/lib/members/actions";
import { CategoryChangeForm, EraseForm, InviteForm, MemberForm } from "@/components/member-forms";
import { ERASED_NAME } from "@/lib/members/privacy";
import { Alert, Card, PageTitle, secondaryButtonClass, TextLink } from "@/components/ui";
import { objectTitled } from "@/lib/page-title";
import { getActor } from "@/lib/auth/session";
import { isId } from "@/lib/action-input";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return objectTitled("member", "members", async () => {
    const actor = await getActor();
    const { id } = await params;
    return actor && isId(id) ? (await getMember(actor, id))?.name : null;
  });
}

export default async function MemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor("member.manage");
  const { id } = await params;
  const flags = await searchParams;
  const [member, categories] = await Promise.all([getMember(actor, id), listCategories(actor)]);
  if (!member) notFound();
  const t = await getTranslations("members");
  const format = await getFormatter();
  const day = (key: string) =>
    format.dateTime(new Date(`${key}T00:00:00Z`), {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
  const lastDay = (key: string) =>
    day(new Date(new Date(`${key}T00:00:00Z`).getTime() - 86_400_000).toISOString().slice(0, 10));

  return (
    <div className="space-y-6">
      <TextLink href="/admin/membres">← {t("title")}</TextLink>
      <div>
        <PageTitle>{member.name}</PageTitle>
        <p className="mt-1 text-stone-700">
          {member.kind === "GUEST"
            ? t("kinds.GUEST")
            : member.category
              ? t("currentCategory", { category: member.category })
              : t("noCurrentCategory")}
          {member.status === "ARCHIVED" ? ` · ${t("archivedMark")}` : ""}
        </p>
      </div>
      <div aria-live="polite">
        {flags.cree ? <Alert kind="success">{t("created")}</Alert> : null}
        {flags.archive ? <Alert kind="success">{t("archivedDone")}</Alert> : null}
        {flags.restaure ? <Alert kind="success">{t("restoredDone")}</Alert> : null}
        {flags.efface ? <Alert kind="success">{t("erased")}</Alert> : null}
      </div>

      <Card title={t("identity")}>
        {member.accountOwned ? (
          <p className="mb-4 text-stone-700">{t("ownedAccountNote", { name: member.accountName })}</p>
        ) : null}
        <MemberForm
          mode="edit"
          action={updateMemberAction.bind(null, member.id)}
          categories={categories}
          initial={{
            name: member.name,
            email: member.email ?? "",
            phone: member.phone ?? "",
            address: member.address ?? "",
            kind: member.kind,
            categoryId: member.categoryId ?? "",
            joinedOn: member.joinedOn ?? "",
            shares: String(member.shares),
            title: member.title ?? "",
            newsletterConsent: member.newsletterConsent ? "on" : "",
            isCoordinator: member.isCoordinator ? "on" : "",
          }}
        />
      </Card>

      {member.kind === "ASSOCIATE" ? (
        <Card title={t("historyTitle")}>
          {member.history.length ? (
            <ul className="mb-4 space-y-1">
              {member.history.map((h) => (
                <li key={h.validFrom}>
                  {h.validTo
                    ? t("historyClosed", {
                        category: h.categoryName,
                        from: day(h.validFrom),
                        to: lastDay(h.validTo),
                      })
                    : t("historyOpen", { category: h.categoryName, from: day(h.validFrom) })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="mb-4 text-stone-700">{t("noHistory")}</p>
          )}
          <CategoryChangeForm
            action={changeCategoryAction.bind(null, member.id)}
            categories={categories}
            currentCategoryId={member.categoryId}
          />
        </Card>
      ) : null}

      <Card title={t("accountTitle")}>
        <p className="mb-3">
          {member.activated
            ? t("activatedText")
            : member.invitedAt
              ? t("invitedText", {
                  date: format.dateTime(member.invitedAt, { dateStyle: "long", timeStyle: "short" }),
                })
              : member.email
                ? t("notInvitedText")
                : t("noEmailText")}
        </p>
        {member.email && member.status === "ACTIVE" ? (
          <InviteForm
            action={inviteMemberAction.bind(null, member.id)}
            label={member.invitedAt || member.activated ? t("resend") : t("invite")}
          />
        ) : null}
      </Card>

      <Card title={member.status === "ACTIVE" ? t("archiveTitle") : t("restoreTitle")}>
        {member.status === "ACTIVE" ? (
          <details>
            <summary className={`${secondaryButtonClass} cursor-pointer`}>{t("archive")}</summary>
            <div className="mt-3 space-y-3">
              <p>{t("archiveExplain", { name: member.name })}</p>
              <form action={setArchivedAction.bind(null, member.id, true)}>
                <button
                  type="submit"
                  className="inline-flex min-h-11 items-center rounded-md bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900"
                >
                  {t("archiveConfirm", { name: member.name })}
                </button>
              </form>
            </div>
          </details>
        ) : (
          <form action={setArchivedAction.bind(null, member.id, false)}>
            <button type="submit" className={secondaryButtonClass}>
              {t("restore")}
            </button>
          </form>
        )}
      </Card>
      {member.name !== ERASED_NAME && member.personId !== actor.personId ? (
        <Card title={t("eraseTitle")}>
          <details>
            <summary className={`${secondaryButtonClass} cursor-pointer`}>{t("erase")}</summary>
            <div className="mt-3 space-y-3">
              <p>{t("eraseExplain", { name: member.name })}</p>
              <EraseForm action={eraseMemberAction.bind(null, member.id)} name={member.name} />
            </div>
          </details>
        </Card>
      ) : null}
    </div>
  );
}
