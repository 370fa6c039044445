import { describe, expect, it } from "vitest";
import { maskPersonalLinks, personalLinks } from "@/lib/mail/personal-links";

// A link that grants access is its recipient's alone: « Courriels envoyés » masks it.
describe("personal links in an e-mail", () => {
  const text = [
    "Pour choisir un mot de passe : https://portail.test/mot-de-passe/nouveau?token=abc_DEF-123",
    "Pour vous connecter : https://portail.test/api/auth/callback/email?callbackUrl=%2F&token=9f&email=a%40b.fr",
    "Suivre votre idée : https://portail.test/i/bois-joli/suivi/cm123456",
    "Se désabonner : https://portail.test/desabonnement/rec1.sig",
    "Agenda : https://portail.test/calendrier/tok.ics",
    "Ne plus être contacté·e : https://portail.test/i/bois-joli/contact/retrait/c1.sig",
    "Je reste : https://portail.test/i/bois-joli/contact/confirmer/c1.sig",
    "Être appelé·e : https://portail.test/i/bois-joli/contact",
    "Réunion : https://portail.test/reunions/conseil/4 et le site https://exemple.org/programme",
  ].join("\n");

  it("masks every link that grants access, and no other", () => {
    const masked = maskPersonalLinks(text);
    expect(masked).not.toMatch(
      /token=|callback\/email|suivi\/|desabonnement\/|calendrier\/|retrait\/|confirmer\//,
    );
    expect(masked.match(/\[lien personnel masqué\]/g)).toHaveLength(7);
    // The public form's own address is no one's.
    expect(masked).toContain("https://portail.test/i/bois-joli/contact\n");
    expect(masked).toContain("https://portail.test/reunions/conseil/4");
    expect(masked).toContain("https://exemple.org/programme");
  });

  it("finds them, for the server's log when there is no mail server", () => {
    expect(personalLinks(text)).toHaveLength(7);
    expect(personalLinks("Bonjour, rien à cliquer : https://portail.test/")).toEqual([]);
  });
});
