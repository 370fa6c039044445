// Links that let whoever holds them act as their recipient: sign in, choose a password (reset or
// invitation), follow an idea, unsubscribe, read a calendar. Nobody but the recipient sees one:
// the coordinator's « Courriels envoyés » shows them masked.
const PERSONAL = [
  /\/mot-de-passe\/nouveau\?/,
  /\/api\/auth\/callback\//,
  /\/i\/[^/\s]+\/suivi\//,
  // Leaving or staying on the list of people to contact (lib/contacts).
  /\/i\/[^/\s]+\/contact\/(retrait|confirmer)\//,
  // Cancelling a sign-up to an event (lib/events).
  /\/i\/[^/\s]+\/evenements\/annuler\//,
  /\/desabonnement\//,
  /\/calendrier\//,
  /[?&](token|jeton)=/i,
];
const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

export const MASKED_LINK = "[lien personnel masqué]";

export function isPersonalLink(url: string): boolean {
  return PERSONAL.some((pattern) => pattern.test(url));
}

export function personalLinks(text: string): string[] {
  return (text.match(URL_IN_TEXT) ?? []).filter(isPersonalLink);
}

export function maskPersonalLinks(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => (isPersonalLink(url) ? MASKED_LINK : url));
}
