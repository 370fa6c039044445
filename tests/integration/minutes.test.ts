import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError, type Actor } from "@/lib/auth/actor";
import { openMinutes, saveSection } from "@/lib/minutes/service";
import { seedIfEmpty } from "../../scripts/seed";

import { signInAs } from "@/tests/factories/people";

let coordinator: Actor;
let councilMember: Actor;
let member: Actor;

beforeAll(async () => {
  await seedIfEmpty(process.env.DATABASE_URL!);
  coordinator = await signInAs("coordination@demo.portail-scic.fr");
  councilMember = await signInAs("marc.beaulieu@demo.portail-scic.fr");
  member = await signInAs("paul.martin@demo.portail-scic.fr");
});

describe("drafting the minutes of council n° 3", () => {
  it("a council member sees no draft before the coordinator opens one", async () => {
    expect(await openMinutes(councilMember, "conseil", 3)).toBeNull();
  });

  it("opens already filled: attendance by category, one section per agenda item, the next meeting last", async () => {
    const minutes = (await openMinutes(coordinator, "conseil", 3))!;
    expect(minutes.status).toBe("DRAFT");
    expect(minutes.sections.map((s) => s.title)).toEqual([
      "Tour rapide de ce que l'on a fait dans le mois",
      "Présentation des expérimentations Peps (paiement en équipe de professionnels de santé) et SecPa (structures d'exercice coordonné participatives)",
      "Points divers",
      "Prochaine réunion",
    ]);
    expect(minutes.attendanceText).toMatch(
      /^Présent·es : Sonia Benali qui arrivera au plus tard au 1er juin comme directrice du centre ; Bertrand Lemoine \(président·e, catégorie soutiens militants\)/,
    );
    expect(minutes.attendanceText).toContain(
      "Élise Hamon (anciennement catégorie salarié·es et maintenant soutiens militants)",
    );
    expect(minutes.attendanceText).toContain(
      "Excusé·es : Awa Touré (catégorie salarié·es) ; Maïa Traoré (catégorie salarié·es)",
    );
    expect((await openMinutes(coordinator, "conseil", 3))!.id).toBe(minutes.id); // opened once
  });

  it("saves over the revision it started from; a stale save is a conflict that returns the other text", async () => {
    const [section] = (await openMinutes(coordinator, "conseil", 3))!.sections;
    expect(
      await saveSection(coordinator, section!.id, {
        body: "Accueil d'une ministre le 17 février.",
        revision: 0,
      }),
    ).toEqual({
      ok: true,
      revision: 1,
    });
    expect(
      await saveSection(coordinator, section!.id, { body: "Autre texte, écrit ailleurs.", revision: 0 }),
    ).toEqual({
      ok: false,
      error: "conflict",
      current: { body: "Accueil d'une ministre le 17 février.", revision: 1 },
    });
    expect(
      await saveSection(coordinator, section!.id, {
        body: "Accueil d'une ministre le 17 février.",
        revision: 0,
      }),
    ).toEqual({
      ok: true,
      revision: 1,
    }); // same text again: no conflict
    expect(
      await saveSection(coordinator, section!.id, {
        body: "Accueil d'une ministre le 17 février. Elle est restée 1h30.",
        revision: 1,
      }),
    ).toEqual({ ok: true, revision: 2 });
  });

  it("only the coordinator writes; the council reads the draft; a plain member does not see it", async () => {
    const minutes = (await openMinutes(councilMember, "conseil", 3))!;
    expect(minutes.sections[0]?.body).toBe("Accueil d'une ministre le 17 février. Elle est restée 1h30.");
    await expect(
      saveSection(councilMember, minutes.sections[0]!.id, { body: "x", revision: 2 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(openMinutes(member, "conseil", 3)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("published minutes cannot be edited", async () => {
    const minutes = (await openMinutes(coordinator, "conseil", 3))!;
    await db.minutes.update({ where: { id: minutes.id }, data: { status: "PUBLISHED" } });
    expect(
      await saveSection(coordinator, minutes.sections[0]!.id, { body: "correction", revision: 2 }),
    ).toEqual({
      ok: false,
      error: "locked",
    });
    await db.minutes.update({ where: { id: minutes.id }, data: { status: "DRAFT" } });
  });
});
