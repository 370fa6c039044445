import { percent, type CollegeResult } from "@/lib/votes/count";
import type { QuestionResult } from "@/lib/votes/results";
import type { Locale } from "@/lib/i18n/config";
import { percentIn, translator } from "@/lib/i18n/translator";

// A stored result in French words, as the record keeps it: the decision record's text and the
// result e-mail say the same, with each college's figures when the vote was weighted.

const upperFirst = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

export function collegeLine(c: CollegeResult, rule: QuestionResult["rules"]["emptyCollegeRule"]): string {
  const counts = `pour ${c.counts.for}, contre ${c.counts.against}, abstentions ${c.counts.abstain + c.counts.blank + c.counts.spoiled}`;
  if (c.share === null)
    return `${c.name} (poids ${percent(c.weightBp / 10000)}) : aucune voix exprimée, ${
      rule === "REDISTRIBUTE" ? "son poids est réparti entre les autres collèges" : "il compte pour zéro"
    }`;
  return `${c.name} (poids ${percent(c.weightBp / 10000)}, poids effectif ${percent(c.effectiveWeight)}) : ${counts}, soit ${percent(c.share)} pour`;
}

export function resultText(outcome: QuestionResult): string {
  const { result } = outcome;
  const lines = [
    `${upperFirst(result.verdict)}.`,
    `Pour ${result.total.for}, contre ${result.total.against}, abstentions ${result.total.abstain + result.total.blank + result.total.spoiled} ; ${outcome.participants} votant·e${outcome.participants > 1 ? "s" : ""} sur ${outcome.eligible}.`,
  ];
  if (outcome.weighted && result.colleges.length) {
    lines.push("Par collège :");
    for (const c of result.colleges) lines.push(`- ${collegeLine(c, outcome.rules.emptyCollegeRule)}`);
  }
  if (outcome.external)
    lines.push(
      `Scrutin tenu sur Belenios (vérifiable) : ${outcome.external.url} — empreinte de l'élection ${outcome.external.fingerprint}.`,
    );
  return lines.join("\n");
}

// The same, in a reader's language (the result e-mail): French is the record's words above.
export function resultTextIn(outcome: QuestionResult, locale: Locale): string {
  if (locale === "fr") return resultText(outcome);
  const t = translator(locale);
  const pct = (value: number) => percentIn(locale, value);
  const { result } = outcome;
  const parts = result.verdictParts;
  const verdict = !parts
    ? result.verdict
    : parts.kind === "quorumNotMet"
      ? t("votes.verdicts.quorumNotMet", {
          present: pct(parts.presentShare),
          required: pct(parts.requiredShare),
          secondCall: String(parts.secondCall),
        })
      : parts.kind === "noVoteCast"
        ? t("votes.verdicts.noVoteCast")
        : t(`votes.verdicts.${parts.kind}`, {
            share: pct(parts.share),
            threshold: pct(parts.threshold),
            weightedCast: String(parts.weightedCast),
          });
  const abstain = (c: { abstain: number; blank: number; spoiled: number }) => c.abstain + c.blank + c.spoiled;
  const lines = [
    `${verdict}.`,
    t("mail.vote.counts", {
      for: result.total.for,
      against: result.total.against,
      abstain: abstain(result.total),
      participants: outcome.participants,
      eligible: outcome.eligible,
    }),
  ];
  if (outcome.weighted && result.colleges.length) {
    lines.push(t("mail.vote.byCollege"));
    for (const c of result.colleges)
      lines.push(
        `- ${
          c.share === null
            ? t("mail.vote.collegeEmpty", {
                name: c.name,
                weight: pct(c.weightBp / 10000),
                redistributed: String(outcome.rules.emptyCollegeRule === "REDISTRIBUTE"),
              })
            : t("mail.vote.college", {
                name: c.name,
                weight: pct(c.weightBp / 10000),
                effective: pct(c.effectiveWeight),
                for: c.counts.for,
                against: c.counts.against,
                abstain: abstain(c.counts),
                share: pct(c.share),
              })
        }`,
      );
  }
  if (outcome.external)
    lines.push(
      t("mail.vote.belenios", { url: outcome.external.url, fingerprint: outcome.external.fingerprint }),
    );
  return lines.join("\n");
}
