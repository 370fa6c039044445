// The counts typed in (a show of hands, or paper ballots) as rows of the PaperTally table: a
// show of hands has no blank or spoiled ballot.
export function tallyRowsData(
  { cooperativeId, questionId }: { cooperativeId: string; questionId: string },
  rows: readonly {
    collegeId: string | null;
    for: number;
    against: number;
    abstain: number;
    blank?: number;
    spoiled?: number;
  }[],
) {
  return rows.map((r) => ({
    cooperativeId,
    questionId,
    collegeId: r.collegeId,
    forCount: r.for,
    againstCount: r.against,
    abstainCount: r.abstain,
    blankCount: r.blank ?? 0,
    spoiledCount: r.spoiled ?? 0,
  }));
}
