import { percent, type CollegeResult } from "@/lib/votes/count";
import type { QuestionResult } from "@/lib/votes/results";

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
