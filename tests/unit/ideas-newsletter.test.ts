import { describe, expect, it } from "vitest";
import { answerSchema, hideSchema, ideaSchema, paperIdeaSchema, publicIdeaSchema } from "@/lib/ideas/schema";
import { issueSchema } from "@/lib/newsletter/schema";
import { unsubscribeToken, verifyUnsubscribeToken } from "@/lib/newsletter/unsubscribe-token";

describe("idea forms", () => {
  it("need only the idea; the theme is one of the list or nothing; the name is shown only when asked", () => {
    expect(ideaSchema.parse({ text: "  Des bancs dehors  " })).toEqual({
      text: "Des bancs dehors",
      theme: null,
      showName: false,
    });
    expect(ideaSchema.parse({ text: "Des bancs", theme: "quartier", showName: "on" })).toEqual({
      text: "Des bancs",
      theme: "quartier",
      showName: true,
    });
    expect(ideaSchema.parse({ text: "Des bancs", theme: "<script>" }).theme).toBeNull();
    expect(ideaSchema.safeParse({}).error?.issues[0]?.message).toBe("ideaRequired");
    expect(ideaSchema.safeParse({ text: "ab" }).error?.issues[0]?.message).toBe("ideaRequired");
    expect(ideaSchema.safeParse({ text: "x".repeat(2001) }).error?.issues[0]?.message).toBe("ideaTooLong");
  });

  it("the public form: contact is an e-mail, a telephone or nothing; the honeypot is read as text", () => {
    expect(publicIdeaSchema.parse({ text: "Une idée" })).toMatchObject({
      name: null,
      contact: null,
      website: "",
    });
    expect(publicIdeaSchema.parse({ text: "Une idée", contact: "+33 6 12 34 56 78" }).contact).toBe(
      "+33 6 12 34 56 78",
    );
    expect(publicIdeaSchema.parse({ text: "Une idée", contact: "nom@exemple.fr" }).contact).toBe(
      "nom@exemple.fr",
    );
    expect(
      publicIdeaSchema.safeParse({ text: "Une idée", contact: "demain" }).error?.issues[0]?.message,
    ).toBe("contactInvalid");
    expect(publicIdeaSchema.parse({ text: "Une idée", website: "http://robot" }).website).toBe(
      "http://robot",
    );
  });

  it("paper slips need their date; hiding needs a reason; the council's answer needs a reason to decline and a target to merge", () => {
    expect(
      paperIdeaSchema.safeParse({ text: "Une idée", emptiedOn: "20/11/2026" }).error?.issues[0]?.message,
    ).toBe("dateInvalid");
    expect(paperIdeaSchema.parse({ text: "Une idée", emptiedOn: "2026-11-20" }).emptiedOn).toBe("2026-11-20");
    expect(hideSchema.safeParse({ reason: " " }).error?.issues[0]?.message).toBe("reasonRequired");
    expect(answerSchema.safeParse({ answer: "MAYBE" }).error?.issues[0]?.message).toBe("answerRequired");
    expect(
      answerSchema
        .safeParse({ answer: "DECLINED", text: "  " })
        .error?.issues.map((i) => [i.path.join("."), i.message]),
    ).toEqual([["text", "reasonRequired"]]);
    expect(
      answerSchema.safeParse({ answer: "MERGED" }).error?.issues.map((i) => [i.path.join("."), i.message]),
    ).toEqual([["mergeInto", "mergeTargetRequired"]]);
    expect(answerSchema.parse({ answer: "DONE", text: "" })).toEqual({
      answer: "DONE",
      text: null,
      mergeInto: null,
    });
  });
});

describe("newsletter", () => {
  it("an issue needs a subject and a text", () => {
    expect(issueSchema.safeParse({ subject: "", body: "x" }).error?.issues[0]?.message).toBe(
      "subjectRequired",
    );
    expect(issueSchema.safeParse({ subject: "Objet", body: " " }).error?.issues[0]?.message).toBe(
      "bodyRequired",
    );
  });

  it("an unsubscribe link is signed: it names its recipient, and no other link can be made or altered", () => {
    const token = unsubscribeToken("recipient-1");
    expect(verifyUnsubscribeToken(token)).toBe("recipient-1");
    const signature = token.split(".")[1]!;
    expect(verifyUnsubscribeToken(`recipient-2.${signature}`)).toBeNull();
    expect(
      verifyUnsubscribeToken(`recipient-1.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`),
    ).toBeNull();
    expect(verifyUnsubscribeToken("recipient-1")).toBeNull();
    expect(verifyUnsubscribeToken("essai")).toBeNull();
    expect(verifyUnsubscribeToken(`${"x".repeat(90)}.${signature}`)).toBeNull();
  });
});

describe("the signing key", () => {
  it("is the portal's secret, never a key written in the source", () => {
    const secret = process.env.NEXTAUTH_SECRET;
    try {
      const signed = unsubscribeToken("recipient-1");
      process.env.NEXTAUTH_SECRET = "un-autre-secret";
      expect(unsubscribeToken("recipient-1")).not.toBe(signed);
      expect(verifyUnsubscribeToken(signed)).toBeNull();
      delete process.env.NEXTAUTH_SECRET;
      expect(() => unsubscribeToken("recipient-1")).toThrow(/NEXTAUTH_SECRET/);
    } finally {
      process.env.NEXTAUTH_SECRET = secret;
    }
  });
});
