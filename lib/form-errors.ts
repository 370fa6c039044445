// Constants the client forms read (the refusals each form names in words, messages
// <namespace>.errors.<code>; the idea themes), kept apart from the zod schemas so that the
// forms do not ship zod to the browser.

export const MINUTES_ERRORS = [
  "notFound",
  "locked",
  "ownerUnknown",
  "voteQuestionUnknown",
  "voteQuestionUsed",
  "nextMeetingExists",
  "nextMeetingBeforeThis",
  "notShared",
  "notDraft",
  "notApproved",
  "notPublished",
  "openComments",
  "approvalMeetingInvalid",
  "notApprover",
  "nothingChanged",
  "forbidden",
] as const;

export const VOTE_ERRORS = [
  "notFound",
  "bodyUnknown",
  "meetingRequired",
  "meetingUnknown",
  "closesAtRequired",
  "closesAtPast",
  "consultationsNotAllowed",
  "notDraft",
  "notOpen",
  "categoryUnknown",
  "tallyNeedsShowOfHands",
  "notChair",
  "self",
  "holderNotAssociate",
  "grantorNotAssociate",
  "differentCollege",
  "overCap",
  "holderGaveProxy",
  "notAssembly",
  "alreadyGiven",
  "paperNeedsAssembly",
  "paperAlreadyEntered",
  "paperCountMismatch",
  "paperVoterRefused",
] as const;

export const NEWSLETTER_ERRORS = ["notFound", "alreadySent", "noEmail", "noAnswers"] as const;

export const IDEA_ERRORS = [
  "rateLimited",
  "notFound",
  "notOpen",
  "mergeTargetInvalid",
  "notCouncilMeeting",
  "nothingToPublish",
] as const;

// The idea box's themes (messages ideas.themes.<theme>).
export const THEMES = ["accueil", "soins", "prevention", "locaux", "quartier", "autre"] as const;
