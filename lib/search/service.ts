import "server-only";
import { db } from "@/lib/db";
import { withoutNul } from "@/lib/form-result";
import { authorize, type Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";

export type SearchHit = {
  kind: "section" | "decision" | "action";
  id: string;
  title: string;
  // Words around the match as plain text (no Markdown marks), the matched words between ⟦ and ⟧.
  excerpt: string;
  bodyName: string;
  bodySlug: string;
  // The meeting it belongs to; null for a decision taken outside a meeting (a commission's,
  // a written consultation's).
  meetingNumber: number | null;
  // The section of the minutes it sits in (the link lands there).
  sectionId: string | null;
  date: Date;
  draft: boolean;
};

const MAX_QUERY = 200;

// Search across the minutes, the decisions and the action items, with PostgreSQL's French
// configuration (stemming: "médiatrice" finds "médiatrices"), over the generated tsvector
// columns and their GIN indexes. A reader outside the council finds only published minutes and
// decisions; the council and the coordinator also find the drafts.
export async function search(actor: Actor, query: string, limit = 30): Promise<SearchHit[]> {
  authorize(actor, "minutes.readPublished");
  const q = withoutNul(query).trim().slice(0, MAX_QUERY);
  if (!q) return [];
  const drafts = can(actor.roles, "minutes.readDraft");
  const coop = actor.cooperativeId;
  // Ranked first on the index, then only the best rows get an excerpt (ts_headline is the costly part).
  const rows = await db.$queryRaw<(Omit<SearchHit, "draft"> & { status: string })[]>`
    WITH q AS (SELECT websearch_to_tsquery('french', ${q}) AS query),
    hits AS (
      (SELECT 'section' AS kind, s.id, s.title, s.body AS text, ts_rank(s.search, q.query) AS rank, m."meetingId",
              mt."bodyId", s.id AS "sectionId", mt."startsAt" AS date, m.status::text AS status
         FROM "MinutesSection" s JOIN "Minutes" m ON m.id = s."minutesId" JOIN "Meeting" mt ON mt.id = m."meetingId", q
        WHERE s."cooperativeId" = ${coop} AND s.search @@ q.query AND (${drafts} OR m.status = 'PUBLISHED')
        ORDER BY rank DESC LIMIT ${limit})
      UNION ALL
      (SELECT 'decision', d.id, d.title, CASE WHEN position(d.title IN d.text) > 0 THEN d.text ELSE d.title || ' — ' || d.text END, ts_rank(d.search, q.query), d."meetingId",
              d."bodyId", d."sectionId", d."decidedOn"::timestamp, CASE WHEN d."publishedAt" IS NULL THEN 'DRAFT' ELSE 'PUBLISHED' END
         FROM "Decision" d, q
        WHERE d."cooperativeId" = ${coop} AND d.search @@ q.query AND (${drafts} OR d."publishedAt" IS NOT NULL)
        ORDER BY 5 DESC LIMIT ${limit})
      UNION ALL
      (SELECT 'action', a.id, a.title, a.title, ts_rank(a.search, q.query), a."meetingId",
              mt."bodyId", a."sectionId", mt."startsAt", COALESCE(m.status::text, 'PUBLISHED')
         FROM "ActionItem" a JOIN "Meeting" mt ON mt.id = a."meetingId"
         LEFT JOIN "MinutesSection" s ON s.id = a."sectionId" LEFT JOIN "Minutes" m ON m.id = s."minutesId", q
        WHERE a."cooperativeId" = ${coop} AND a.search @@ q.query AND (${drafts} OR m.status IS NULL OR m.status = 'PUBLISHED')
        ORDER BY 5 DESC LIMIT ${limit})
    ),
    best AS (SELECT * FROM hits ORDER BY rank DESC LIMIT ${limit})
    SELECT best.kind, best.id, best.title, best.status, best."sectionId", COALESCE(mt."startsAt", best.date) AS date,
           -- The excerpt from the text as read: Markdown's marks (**, _, #, >, list signs) left out.
           ts_headline('french', regexp_replace(regexp_replace(best.text, '(\\*\\*|__|[*_\`#>]|^\\s*[-·•]\\s+)', '', 'gn'), '\\s+', ' ', 'g'), q.query,
                       'StartSel=⟦,StopSel=⟧,MaxWords=30,MinWords=12,MaxFragments=2,FragmentDelimiter=" … "') AS excerpt,
           b.name AS "bodyName", b.slug AS "bodySlug", mt.number AS "meetingNumber"
      FROM best JOIN "Body" b ON b.id = best."bodyId" LEFT JOIN "Meeting" mt ON mt.id = best."meetingId", q
     ORDER BY best.rank DESC, COALESCE(mt."startsAt", best.date) DESC`;
  return rows.map(({ status, ...row }) => ({ ...row, draft: status !== "PUBLISHED" }));
}
