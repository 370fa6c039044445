"use server";
import { arg, formAction } from "@/lib/action";
import { ok, refuse } from "@/lib/form-result";
import { issueSchema } from "@/lib/newsletter/schema";
import {
  createIssue,
  getIssue,
  sendTest,
  startSend,
  unsubscribe,
  updateIssue,
} from "@/lib/newsletter/service";
import { answeredThisMonth } from "@/lib/ideas/council-answers";

const issuePath = ([issueId]: readonly [string, ...unknown[]]) => `/admin/lettre/${issueId}`;

export const createIssueAction = formAction({
  right: "newsletter.manage",
  input: issueSchema,
  run: ({ actor, input }) => createIssue(actor, input),
  redirect: (_, issue) => `/admin/lettre/${issue.id}`,
});

export const updateIssueAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  input: issueSchema,
  run: ({ actor, args: [issueId], input }) => updateIssue(actor, issueId, input),
  refresh: issuePath,
});

// Appends the « what the council answered this month » block to the saved draft.
export const appendAnswersAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  run: async ({ actor, args: [issueId] }) => {
    const issue = await getIssue(actor, issueId);
    if (!issue) return refuse("notFound");
    const block = await answeredThisMonth(actor);
    if (!block) return refuse("noAnswers");
    return updateIssue(actor, issueId, { subject: issue.subject, body: `${issue.body}\n\n${block}`.trim() });
  },
  refresh: issuePath,
});

export const sendTestAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  run: ({ actor, args: [issueId] }) => sendTest(actor, issueId),
});

export const startSendAction = formAction({
  right: "newsletter.manage",
  bound: [arg.id],
  run: ({ actor, args: [issueId] }) => startSend(actor, issueId),
  refresh: issuePath,
});

// No sign-in: the signed link is the permission.
export const unsubscribeAction = formAction({
  right: "anyone",
  bound: [arg.token()],
  run: async ({ args: [token] }) => ((await unsubscribe(token)) ? ok(null) : refuse("notFound")),
});
