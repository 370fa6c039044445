// The address that lands on a decision in the record, whichever page of it lists the decision
// today (app/(portal)/decisions/[id]).
export const decisionHref = (id: string) => `/decisions/${encodeURIComponent(id)}`;
