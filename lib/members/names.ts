// The name a member shows in a cooperative: the one its coordinator set there, or else the
// person's own (the account's, which only the person changes).
export type Named = { displayName: string | null; person: { name: string } };

export function shownName(member: Named): string {
  return member.displayName ?? member.person.name;
}
