"use server";
import { arg, formAction } from "@/lib/action";
import { isId } from "@/lib/action-input";
import { refuse } from "@/lib/form-result";
import { answerSchema, hideSchema, ideaSchema, paperIdeaSchema, translationSchema } from "@/lib/ideas/schema";
import { correctTranslation } from "@/lib/ideas/translations";
import { PUBLIC_LOCALES } from "@/lib/i18n/public-locales";
import { toggleSupport } from "@/lib/ideas/board";
import { answerIdea, publishAnswersNow } from "@/lib/ideas/council-answers";
import { approveIdea, hideIdea, markCalled, mergeIdea } from "@/lib/ideas/moderation";
import { enterPaperIdea, postIdea } from "@/lib/ideas/service";

const board = () => "/idees";
const management = () => "/idees/gestion";

export const postIdeaAction = formAction({
  right: "idea.post",
  input: ideaSchema,
  run: ({ actor, input }) => postIdea(actor, input),
  refresh: board,
});

export const paperIdeaAction = formAction({
  right: "idea.moderate",
  input: paperIdeaSchema,
  run: ({ actor, input }) => enterPaperIdea(actor, input),
  refresh: management,
});

// The idea comes in the form (a hidden field), not bound in the page: the board shows 25 of these
// buttons, and React encodes each bound action apart before it can render it (issue 21).
export const supportAction = formAction({
  right: "idea.post",
  run: async ({ actor, values }) =>
    isId(values.idea) ? toggleSupport(actor, values.idea) : refuse("notFound"),
  refresh: board,
});

export const approveIdeaAction = formAction({
  right: "idea.moderate",
  bound: [arg.id],
  run: ({ actor, args: [ideaId] }) => approveIdea(actor, ideaId),
  refresh: management,
});

export const hideIdeaAction = formAction({
  right: "idea.moderate",
  bound: [arg.id],
  input: hideSchema,
  run: ({ actor, args: [ideaId], input }) => hideIdea(actor, ideaId, input.reason),
  refresh: management,
});

export const mergeIdeaAction = formAction({
  right: "idea.moderate",
  bound: [arg.id],
  run: async ({ actor, args: [ideaId], values }) => {
    const into = values.mergeInto ?? "";
    if (!into) return refuse("form", { mergeInto: "mergeTargetRequired" });
    return mergeIdea(actor, ideaId, into);
  },
  refresh: management,
});

export const markCalledAction = formAction({
  right: "idea.moderate",
  bound: [arg.id],
  run: ({ actor, args: [ideaId] }) => markCalled(actor, ideaId),
  refresh: management,
});

// At the council: the answer to one idea, then (before the minutes) the answers published.
export const answerIdeaAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.id, arg.path],
  input: answerSchema,
  run: ({ actor, args: [meetingId, ideaId], input, values }) =>
    answerIdea(actor, {
      meetingId,
      ideaId,
      input,
      // The booklet's entries ticked (ids, checked against the cooperative's booklet).
      partnerIds: (values.partnerIds ?? "").split(",").filter(isId).slice(0, 20),
    }),
  refresh: ([, , path]) => path,
});

export const publishAnswersAction = formAction({
  right: "minutes.draft",
  bound: [arg.id, arg.path],
  run: ({ actor, args: [meetingId] }) => publishAnswersNow(actor, meetingId),
  refresh: ([, path]) => path,
});

// The public path's machine-translated texts, corrected for this cooperative (or restored).
const translations = () => "/idees/traductions";
const language = arg.oneOf(PUBLIC_LOCALES);
const textKey = arg.token(200);

export const correctTranslationAction = formAction({
  right: "idea.moderate",
  bound: [language, textKey],
  input: translationSchema,
  run: ({ actor, args: [locale, key], input }) =>
    correctTranslation(actor, { locale, key, text: input.text }),
  refresh: translations,
});

export const restoreTranslationAction = formAction({
  right: "idea.moderate",
  bound: [language, textKey],
  run: ({ actor, args: [locale, key] }) => correctTranslation(actor, { locale, key, text: "" }),
  refresh: translations,
});
