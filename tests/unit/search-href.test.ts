import { describe, expect, it } from "vitest";
import { hitHref } from "@/lib/search/href";
import type { SearchHit } from "@/lib/search/service";

const hit = (over: Partial<SearchHit>): SearchHit => ({
  kind: "decision",
  id: "d1",
  title: "Recrutement",
  excerpt: "",
  bodyName: "Conseil",
  bodySlug: "conseil",
  meetingNumber: 3,
  sectionId: null,
  date: new Date("2023-03-27T00:00:00Z"),
  draft: false,
  ...over,
});

describe("where a search result lands", () => {
  it("a published decision: its lasting address in the record, or its place in the minutes", () => {
    expect(hitHref(hit({ meetingNumber: null }))).toBe("/decisions/d1");
    expect(hitHref(hit({}))).toBe("/decisions/d1");
    expect(hitHref(hit({ sectionId: "s1" }))).toBe("/reunions/conseil/3/compte-rendu#decision-d1");
  });

  it("a draft decision, not in the record yet: its meeting's minutes, which list it", () => {
    expect(hitHref(hit({ draft: true }))).toBe("/reunions/conseil/3/compte-rendu#decision-d1");
  });

  it("a section of the minutes, or a meeting's thing to do", () => {
    expect(hitHref(hit({ kind: "section", sectionId: "s1" }))).toBe(
      "/reunions/conseil/3/compte-rendu#partie-s1",
    );
    expect(hitHref(hit({ kind: "action" }))).toBe("/reunions/conseil/3");
  });
});
