// (No server-only marker: the demo seed, run by plain tsx, copies the rules onto its open vote.)
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmptyCollegeRule, MajorityRule, QuorumBasis } from "@/lib/generated/prisma/enums";
import type { ThresholdSettings } from "@/lib/meetings/quorum";

// The rules a vote is counted by: the statutes' settings and the colleges (names and weights) in
// force when it opened, copied onto the question by openQuestion in the same transaction. A later
// change of the statutes or the colleges applies to votes opened after it (the statutes page
// says so); a vote already open keeps these.
export type VoteRules = {
  statutesVersion: number;
  statutes:
    | (ThresholdSettings & {
        agoMajorityNum: number;
        agoMajorityDen: number;
        agoMajorityRule: MajorityRule;
        ageMajorityNum: number;
        ageMajorityDen: number;
        ageMajorityRule: MajorityRule;
        quorumBasis: QuorumBasis;
        emptyCollegeRule: EmptyCollegeRule;
      })
    | null;
  colleges: { id: string; name: string; weightBp: number }[];
};

type Reader = Pick<Prisma.TransactionClient, "statuteSettings" | "college">;

export async function currentRules(client: Reader, cooperativeId: string): Promise<VoteRules> {
  const [s, colleges] = await Promise.all([
    client.statuteSettings.findUnique({ where: { cooperativeId } }),
    client.college.findMany({
      where: { cooperativeId },
      orderBy: { position: "asc" },
      select: { id: true, name: true, weightBp: true },
    }),
  ]);
  return {
    statutesVersion: s?.version ?? 1,
    statutes: s
      ? {
          agoQuorumFirstNum: s.agoQuorumFirstNum,
          agoQuorumFirstDen: s.agoQuorumFirstDen,
          agoQuorumSecondNum: s.agoQuorumSecondNum,
          agoQuorumSecondDen: s.agoQuorumSecondDen,
          ageQuorumFirstNum: s.ageQuorumFirstNum,
          ageQuorumFirstDen: s.ageQuorumFirstDen,
          ageQuorumSecondNum: s.ageQuorumSecondNum,
          ageQuorumSecondDen: s.ageQuorumSecondDen,
          agoMajorityNum: s.agoMajorityNum,
          agoMajorityDen: s.agoMajorityDen,
          agoMajorityRule: s.agoMajorityRule,
          ageMajorityNum: s.ageMajorityNum,
          ageMajorityDen: s.ageMajorityDen,
          ageMajorityRule: s.ageMajorityRule,
          quorumBasis: s.quorumBasis,
          emptyCollegeRule: s.emptyCollegeRule,
        }
      : null,
    colleges,
  };
}
