import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireActor } from "@/lib/auth/session";
import { activeMembersForSeats, listBodies, listColleges } from "@/lib/bodies/service";
import {
  addMandateAction,
  createCommissionAction,
  endMandateAction,
  setSeatsAction,
} from "@/lib/bodies/actions";
import type { SeatWarning } from "@/lib/bodies/warnings";
import { dayKey } from "@/lib/dates";
import { AddMandateForm, EndMandateForm, SimpleBodyForm } from "@/components/body-forms";
import { Alert, Card, PageTitle, TextLink } from "@/components/ui";
import { titled } from "@/lib/page-title";

export async function generateMetadata(): Promise<Metadata> {
  return titled("bodies");
}

export default async function BodiesPage() {
  const actor = await requireActor("member.manage");
  const t = await getTranslations("bodies");
  const format = await getFormatter();
  const [bodies, members, colleges] = await Promise.all([
    listBodies(actor),
    activeMembersForSeats(actor),
    listColleges(actor),
  ]);
  const today = dayKey(new Date());
  const date = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

  function warning(w: SeatWarning) {
    switch (w.kind) {
      case "emptyCollege":
        return t("warnings.emptyCollege", { college: w.college });
      case "tooManySeats":
        return t("warnings.tooManySeats", { college: w.college, seated: w.seated, seats: w.seats });
      case "wrongCollege":
        return t("warnings.wrongCollege", {
          name: w.name,
          seatCollege: w.seatCollege,
          personCollege: w.personCollege ?? t("noCollege"),
        });
      case "expired":
        return t("warnings.expired", { name: w.name, date: date(w.endedOn) });
      case "noPresident":
        return t("warnings.noPresident");
    }
  }

  return (
    <div className="space-y-6">
      <TextLink href="/admin">← {t("backAdmin")}</TextLink>
      <PageTitle>{t("title")}</PageTitle>
      {bodies.map((body) =>
        body.kind === "GENERAL_ASSEMBLY" ? (
          <Card key={body.id} title={body.name}>
            <p>{t("assembly", { count: body.memberCount })}</p>
          </Card>
        ) : (
          <Card key={body.id} title={body.name}>
            <div className="space-y-4">
              {body.warnings.length ? (
                <div
                  role="status"
                  className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950"
                >
                  <p className="font-semibold">{t("warningsTitle")}</p>
                  <ul className="list-disc pl-5">
                    {body.warnings.map((w, i) => (
                      <li key={i}>{warning(w)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {body.kind === "COUNCIL" ? (
                <SimpleBodyForm
                  action={setSeatsAction.bind(null, body.id)}
                  field="seatsPerCollege"
                  type="number"
                  idPrefix={`seats-${body.id}`}
                  label={t("seatsPerCollege")}
                  submit={t("saveSeats")}
                  success={t("seatsSaved")}
                  initial={body.seatsPerCollege?.toString()}
                />
              ) : null}
              {body.seats.some((s) => s.current) ? (
                <ul className="divide-y divide-stone-200">
                  {body.seats
                    .filter((s) => s.current)
                    .map((s) => (
                      <li key={s.mandateId} className="py-3">
                        <p className="font-semibold">
                          {s.name}
                          {s.role !== "MEMBER" ? ` · ${t(`roles.${s.role}`)}` : ""}
                        </p>
                        <p className="text-sm text-stone-700">
                          {[
                            s.collegeName ? t("seatIn", { college: s.collegeName }) : null,
                            t("since", { date: date(s.startsOn) }),
                            s.endsOn ? t("until", { date: date(s.endsOn) }) : null,
                          ]
                            .filter(Boolean)
                            .join(" · ")}
                        </p>
                        <details className="mt-1">
                          <summary className="flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">
                            {t("endMandateOf", { name: s.name })}
                          </summary>
                          <EndMandateForm
                            action={endMandateAction.bind(null, s.mandateId)}
                            name={s.name}
                            idPrefix={`end-${s.mandateId}`}
                            defaultEnd={today}
                          />
                        </details>
                      </li>
                    ))}
                </ul>
              ) : (
                <Alert kind="info">{t("noSeats")}</Alert>
              )}
              <h3 className="font-semibold">{t("addTitle")}</h3>
              <AddMandateForm
                action={addMandateAction.bind(null, body.id)}
                members={members}
                colleges={body.kind === "COUNCIL" ? colleges : null}
                idPrefix={`add-${body.id}`}
                defaultStart={today}
              />
            </div>
          </Card>
        ),
      )}
      <Card title={t("newCommission")}>
        <SimpleBodyForm
          action={createCommissionAction}
          field="name"
          idPrefix="commission"
          label={t("commissionName")}
          submit={t("createCommission")}
          success={t("commissionCreated")}
        />
      </Card>
    </div>
  );
}
