"use server";
import { arg, formAction } from "@/lib/action";
import { fields } from "@/lib/action-input";
import { refuse, type FieldErrors } from "@/lib/form-result";
import {
  externalResultSchema,
  paperRowSchema,
  questionSchema,
  tallyRowSchema,
  type TallyRowInput,
} from "@/lib/votes/schema";
import { recordBeleniosResult } from "@/lib/votes/belenios";
import { closeQuestion, createQuestion, openQuestion } from "@/lib/votes/questions";
import { recordPaperBallots, type PaperProblem } from "@/lib/votes/paper-ballots";
import { recordShowOfHands } from "@/lib/votes/show-of-hands";
import { grantProxy, revokeProxy } from "@/lib/votes/proxies";

const questionPath = ([questionId]: readonly [string, ...unknown[]]) => `/votes/${questionId}`;

export const createQuestionAction = formAction({
  right: "vote.manage",
  input: questionSchema,
  parse: (values, form) => ({ ...values, excludedCategoryIds: fields(form, "excludedCategoryIds") }),
  run: ({ actor, input }) => createQuestion(actor, input),
  redirect: (_, question) => `/votes/${question.id}?cree=1`,
});

export const openQuestionAction = formAction({
  right: "vote.manage",
  bound: [arg.id],
  run: ({ actor, args: [questionId] }) => openQuestion(actor, questionId),
  refresh: questionPath,
});

export const closeQuestionAction = formAction({
  right: "vote.close",
  bound: [arg.id],
  run: ({ actor, args: [questionId] }) => closeQuestion(actor, questionId),
  refresh: questionPath,
});

// The counts of a show of hands, one row per college (or one row); counted, the vote is closed.
export const showOfHandsAction = formAction({
  right: "vote.manage",
  bound: [arg.id, arg.collegeIds],
  run: async ({ actor, args: [questionId, collegeIds], values }) => {
    const rows: TallyRowInput[] = [];
    const fieldErrors: FieldErrors = {};
    for (const [i, collegeId] of collegeIds.entries()) {
      const parsed = tallyRowSchema.safeParse({
        collegeId,
        for: values[`for-${i}`] || "0",
        against: values[`against-${i}`] || "0",
        abstain: values[`abstain-${i}`] || "0",
      });
      if (!parsed.success)
        for (const k of ["for", "against", "abstain"]) fieldErrors[`${k}-${i}`] = "countInvalid";
      else rows.push(parsed.data);
    }
    if (Object.keys(fieldErrors).length) return refuse("form", fieldErrors);
    return recordShowOfHands(actor, questionId, rows);
  },
  refresh: questionPath,
});

export const grantProxyAction = formAction({
  right: "vote.castAssembly",
  bound: [arg.id, arg.path],
  run: async ({ actor, args: [meetingId], values }) => {
    if (!values.holderId) return refuse("form", { holderId: "memberRequired" });
    return grantProxy(actor, { meetingId, holderId: values.holderId });
  },
  refresh: ([, path]) => path,
});

// The paper ballots of an assembly: the refusal names each voter the rules turned away.
export const paperBallotsAction = formAction({
  right: "vote.manage",
  bound: [arg.id, arg.ids()],
  run: async ({ actor, args: [questionId, collegeIds], values, form }) => {
    const rows = [];
    for (const [i, collegeId] of collegeIds.entries()) {
      const counts = ["for", "against", "abstain", "blank", "spoiled"].map((k) => [
        k,
        values[`${k}-${i}`] || "0",
      ]);
      const parsed = paperRowSchema.safeParse({ collegeId, ...Object.fromEntries(counts) });
      if (!parsed.success) return refuse("form");
      rows.push(parsed.data);
    }
    const result = await recordPaperBallots(actor, {
      questionId,
      memberIds: fields(form, "paperVoters"),
      rows,
    });
    return result.ok ? { ok: true as const, data: [] as PaperProblem[] } : result;
  },
  refresh: questionPath,
});

// The results of a Belenios election, typed back per college with its address and fingerprint;
// counted by the statutes, the vote is closed.
export const beleniosResultAction = formAction({
  right: "vote.manage",
  bound: [arg.id, arg.collegeIds],
  run: async ({ actor, args: [questionId, collegeIds], values }) => {
    const parsed = externalResultSchema.safeParse({
      url: values.url ?? "",
      fingerprint: values.fingerprint ?? "",
      rows: collegeIds.map((collegeId, i) => ({
        collegeId,
        for: values[`for-${i}`] || "0",
        against: values[`against-${i}`] || "0",
        abstain: values[`abstain-${i}`] || "0",
        blank: values[`blank-${i}`] || "0",
      })),
    });
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const [first, index, key] = issue.path;
        if (first === "rows") fieldErrors[`${String(key)}-${String(index)}`] = "countInvalid";
        else fieldErrors[String(first)] = first === "url" ? "externalUrlInvalid" : "fingerprintInvalid";
      }
      return refuse("form", fieldErrors);
    }
    return recordBeleniosResult(actor, questionId, parsed.data);
  },
  refresh: questionPath,
});

export const revokeProxyAction = formAction({
  right: "vote.castAssembly",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [meetingId] }) => revokeProxy(actor, meetingId),
  refresh: ([, path]) => path,
});
