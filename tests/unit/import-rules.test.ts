import { describe, expect, it } from "vitest";
import {
  checkMemberRows,
  checkRecipientRows,
  consentAnswer,
  normalizeHeader,
  parseDay,
  type RawRow,
} from "@/lib/members/import-rules";

const categories = [
  { id: "users", name: "usager·es et habitant·es" },
  { id: "employees", name: "salarié·es" },
];
const row = (line: number, cells: Record<string, string>): RawRow => ({ line, cells });

describe("spreadsheet headers and cells", () => {
  it("recognises the headers people write", () => {
    expect(
      [
        "Nom",
        "E-mail",
        "Courriel",
        "Catégorie",
        "Date d'adhésion",
        "Téléphone",
        "Nombre de parts",
        "Prénom",
      ].map(normalizeHeader),
    ).toEqual(["name", "email", "email", "category", "joinedOn", "phone", "shares", "firstName"]);
  });

  it("reads French and ISO dates, and refuses days that do not exist", () => {
    expect(parseDay("14/02/2023")).toBe("2023-02-14");
    expect(parseDay("2023-02-14")).toBe("2023-02-14");
    expect(parseDay("1.9.2019")).toBe("2019-09-01");
    expect(parseDay("31/02/2023")).toBeNull();
    expect(parseDay("demain")).toBeNull();
  });
});

describe("member rows", () => {
  it("accepts a clean row, matching the category without accents, case or middle dots", () => {
    const { rows, errors } = checkMemberRows(
      [
        row(2, {
          name: "Salima Haddad",
          email: "Salima@Exemple.org",
          category: "Usagères et habitantes",
          joinedOn: "15/06/2022",
          consent: "oui",
        }),
      ],
      [{ id: "users", name: "usagères et habitantes" }],
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        lines: [2],
        kind: "ASSOCIATE",
        name: "Salima Haddad",
        email: "salima@exemple.org",
        phone: null,
        address: null,
        categoryId: "users",
        joinedOn: "2022-06-15",
        shares: 1,
        newsletterConsent: true,
        newsletterRefused: false,
      },
    ]);
    expect(
      checkMemberRows([row(2, { name: "A", category: "SALARIÉ·ES" })], categories).rows[0]?.categoryId,
    ).toBe("employees");
  });

  it("needs no category for a guest, as the export marks them", () => {
    const { rows, errors } = checkMemberRows(
      [row(2, { name: "Fatou Diallo", status: "invité·e" })],
      categories,
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ kind: "GUEST", categoryId: null });
    expect(checkMemberRows([row(2, { name: "Sans catégorie" })], categories).errors[0]?.code).toBe(
      "categoryUnknown",
    );
  });

  it("reads the newsletter's column as given, never presumed: a yes and a no for one address is an error", () => {
    const { rows, errors } = checkMemberRows(
      [
        row(2, { name: "Oui", email: "oui@exemple.org", category: "salarié·es", consent: "oui" }),
        row(3, { name: "Non", email: "non@exemple.org", category: "salarié·es", consent: "non" }),
        row(4, { name: "Vide", email: "vide@exemple.org", category: "salarié·es", consent: "" }),
        row(5, { name: "Oui", email: "OUI@exemple.org", category: "salarié·es", consent: "non" }),
        row(6, { name: "Flou", email: "flou@exemple.org", category: "salarié·es", consent: "bof" }),
      ],
      categories,
    );
    expect(rows.map((r) => [r.name, r.newsletterConsent, r.newsletterRefused])).toEqual([
      ["Oui", true, false],
      ["Non", false, true],
      ["Vide", false, false],
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [5, "consentConflict"],
      [6, "consentUnclear"],
    ]);
  });

  it("joins first and last names", () => {
    expect(
      checkMemberRows([row(2, { firstName: "Awa", lastName: "Touré", category: "salarié·es" })], categories)
        .rows[0]?.name,
    ).toBe("Awa Touré");
  });

  it("reports each bad cell with its line: e-mail, category, date, shares, missing name", () => {
    const { rows, errors } = checkMemberRows(
      [
        row(2, { name: "Bon", category: "salarié·es" }),
        row(3, {
          name: "Mauvais",
          email: "pas-une-adresse",
          category: "inconnue",
          joinedOn: "31/02/2023",
          shares: "deux",
        }),
        row(4, { name: "", category: "salarié·es" }),
      ],
      categories,
    );
    expect(rows.map((r) => r.name)).toEqual(["Bon"]);
    expect(errors).toEqual([
      { line: 3, field: "email", code: "emailInvalid", value: "pas-une-adresse" },
      { line: 3, field: "category", code: "categoryUnknown", value: "inconnue" },
      { line: 3, field: "joinedOn", code: "dateInvalid", value: "31/02/2023" },
      { line: 3, field: "shares", code: "sharesInvalid", value: "deux" },
      { line: 4, field: "name", code: "nameMissing", value: "" },
    ]);
  });

  it("merges the same e-mail twice, and refuses to merge two categories", () => {
    const merged = checkMemberRows(
      [
        row(2, { name: "Marc", email: "marc@exemple.org", category: "salarié·es" }),
        row(5, { name: "Marc B.", email: "MARC@exemple.org", category: "salarié·es", phone: "06" }),
      ],
      categories,
    );
    expect(merged.errors).toEqual([]);
    expect(merged.rows).toEqual([expect.objectContaining({ lines: [2, 5], name: "Marc", phone: "06" })]);
    const conflict = checkMemberRows(
      [
        row(2, { name: "Marc", email: "marc@exemple.org", category: "salarié·es" }),
        row(5, { name: "Marc", email: "marc@exemple.org", category: "usager·es et habitant·es" }),
      ],
      categories,
    );
    expect(conflict.errors).toEqual([
      { line: 5, field: "email", code: "duplicateConflict", value: "marc@exemple.org" },
    ]);
  });
});

describe("newsletter recipient rows", () => {
  it("needs a valid e-mail, reads groups in French, and merges duplicates", () => {
    const { rows, errors } = checkRecipientRows([
      row(2, { email: "ars@exemple.org", organisation: "ARS", group: "Institutionnels", consent: "oui" }),
      row(3, { email: "ARS@exemple.org", name: "Agence régionale", consent: "Oui" }),
      row(4, { email: "", name: "Sans adresse", consent: "oui" }),
      row(5, { email: "x@", group: "membre", consent: "oui" }),
      row(6, { email: "y@exemple.org", group: "fanclub", consent: "oui" }),
      row(7, { email: "z@exemple.org", consent: "non" }),
    ]);
    expect(rows).toEqual([
      {
        lines: [2, 3],
        email: "ars@exemple.org",
        name: "Agence régionale",
        organisation: "ARS",
        group: "INSTITUTION",
        consent: true,
        consentOn: null,
        blank: false,
        conflict: null,
      },
      {
        lines: [7],
        email: "z@exemple.org",
        name: null,
        organisation: null,
        group: "OTHER",
        consent: false,
        consentOn: null,
        blank: false,
        conflict: null,
      },
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [4, "emailMissing"],
      [5, "emailInvalid"],
      [6, "groupUnknown"],
    ]);
  });

  it("reads consent as given, never presumed: yes, a date, no, blank; a missing column refuses the file", () => {
    expect(consentAnswer("Oui")).toEqual({ consent: true, on: null, blank: false });
    expect(consentAnswer("14/02/2025")).toEqual({ consent: true, on: "2025-02-14", blank: false });
    expect(consentAnswer("non")).toEqual({ consent: false, on: null, blank: false });
    expect(consentAnswer("  ")).toEqual({ consent: false, on: null, blank: true });
    expect(consentAnswer("peut-être")).toBeNull();
    // A date with words after it is not a yes on that day.
    expect(consentAnswer("2024-03-01 non")).toBeNull();
    expect(consentAnswer("01/03/2024 retrait")).toBeNull();
    expect(consentAnswer("2024-03-01")).toEqual({ consent: true, on: "2024-03-01", blank: false });
    expect(checkRecipientRows([row(2, { email: "a@exemple.org" })]).errors).toEqual([
      { line: 1, field: "consent", code: "consentColumnMissing", value: "" },
    ]);
    const { rows, warnings } = checkRecipientRows([
      row(2, { email: "a@exemple.org", consent: "oui", name: "=1+1" }),
      row(3, { email: "a@exemple.org", consent: "" }),
    ]);
    expect(rows[0]?.conflict).toEqual([
      { line: 2, consent: true },
      { line: 3, consent: false },
    ]);
    expect(warnings).toEqual([{ line: 2, field: "name", value: "=1+1" }]);
  });
});
