import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMeeting } from "@/lib/meetings/service";
import { homeSections } from "@/lib/home";

import { seedIfEmpty } from "../../scripts/seed";
import { DEMO_ACCOUNTS } from "../../prisma/demo-data";
import { signInAs } from "@/tests/factories/people";

describe("the demo cooperative", () => {
  it("is seeded on the first run only", async () => {
    expect(await seedIfEmpty(process.env.DATABASE_URL!)).toBe(true);
    expect(await seedIfEmpty(process.env.DATABASE_URL!)).toBe(false);
    expect(await db.cooperative.count()).toBe(1);
  });

  it("has four colleges at 25 % matching the four categories", async () => {
    const colleges = await db.college.findMany({
      orderBy: { position: "asc" },
      include: { categories: true },
    });
    expect(colleges.map((c) => [c.name, c.weightBp])).toEqual([
      ["usager·es et habitant·es", 2500],
      ["salarié·es", 2500],
      ["partenaires du quartier", 2500],
      ["soutiens militants", 2500],
    ]);
    expect(colleges.every((c) => c.categories.length === 1)).toBe(true);
  });

  it("gives each demo account the roles the README promises", async () => {
    const roles = async (email: string) => (await signInAs(email)).roles;
    expect(await roles(DEMO_ACCOUNTS[0].email)).toEqual(["member", "coordinator", "councilMember"]);
    expect(await roles("president@demo.portail-scic.fr")).toEqual(["member", "councilMember", "president"]);
    for (const email of ["salima.haddad", "julien.etchepare", "pierre-yves.colin", "marc.beaulieu"]) {
      expect(await roles(`${email}@demo.portail-scic.fr`)).toEqual(["member", "councilMember"]);
    }
    expect(await roles("paul.martin@demo.portail-scic.fr")).toEqual(["member"]);
    expect(await roles("ines.morel@demo.portail-scic.fr")).toEqual(["member"]);
    expect(await roles("fatou.diallo@demo.portail-scic.fr")).toEqual(["guest"]);
    // The incoming director: a guest, who opens council n° 3 (she is its guest) and no other.
    const sonia = await signInAs("sonia.benali@demo.portail-scic.fr");
    expect(sonia.roles).toEqual(["guest"]);
    expect((await getMeeting(sonia, "conseil", 3))?.number).toBe(3);
    await expect(getMeeting(sonia, "conseil", 4)).rejects.toThrow();
  });

  it("holds council n° 3 shaped like the example minutes", async () => {
    const coordinator = await signInAs(DEMO_ACCOUNTS[0].email);
    const meeting = await getMeeting(coordinator, "conseil", 3);
    expect(meeting?.agenda.map((i) => i.kind)).toEqual(["INFORMATION", "DISCUSSION", "OTHER_BUSINESS"]);
    expect(meeting?.attendance.present).toHaveLength(10);
    expect(meeting?.attendance.excused.map((l) => [l.name, l.category])).toEqual([
      ["Awa Touré", "salarié·es"],
      ["Maïa Traoré", "salarié·es"],
    ]);
    expect(meeting?.attendance.guests.map((l) => l.name)).toEqual(["Sonia Benali"]);
    const president = meeting?.attendance.present[0];
    expect(president).toMatchObject({ name: "Bertrand Lemoine", isPresident: true });
    const elise = meeting?.attendance.present.find((l) => l.name === "Élise Hamon");
    expect(elise).toMatchObject({ category: "soutiens militants", formerCategory: "salarié·es" });
    const council = await db.mandate.count({ where: { body: { slug: "conseil" } } });
    expect(council).toBe(12);
  });

  it("has a next meeting, n° 4, planned with its first agenda items", async () => {
    const member = await signInAs("paul.martin@demo.portail-scic.fr");
    const next = (await homeSections(member)).meeting;
    expect(next).toMatchObject({ number: 4, status: "PLANNED" });
  });
});
