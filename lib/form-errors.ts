// Constants the client forms read, kept apart from the zod schemas so that the forms do not ship
// zod to the browser.

// The idea box's themes (messages ideas.themes.<theme>).
export const THEMES = ["accueil", "soins", "prevention", "locaux", "quartier", "autre"] as const;

// The kinds of event (messages events.kinds.<kind>).
export const EVENT_KINDS = ["CAFE", "WEBINAR", "VISIT", "NETWORK", "OTHER"] as const;

// The partners' booklet's themes (messages booklet.themes.<theme>).
export const BOOKLET_THEMES = [
  "rights",
  "food",
  "housing",
  "mentalHealth",
  "health",
  "languages",
  "sport",
  "childhood",
  "work",
  "elderly",
  "culture",
  "other",
] as const;
