import { describe, expect, it } from "vitest";
import { attendanceParagraph } from "@/lib/minutes/attendance-text";

describe("the attendance paragraph of the minutes", () => {
  it("reads like the example: guest first, the president marked, categories, the excused after", () => {
    const text = attendanceParagraph({
      guests: [
        {
          name: "Sonia Benali",
          status: "GUEST",
          category: null,
          formerCategory: null,
          isPresident: false,
          guestRole: "arrivera au plus tard au 1er juin comme directrice du centre",
        },
      ],
      present: [
        {
          name: "Bertrand Lemoine",
          status: "PRESENT",
          category: "soutiens militants",
          formerCategory: null,
          isPresident: true,
          guestRole: null,
        },
        {
          name: "Élise Hamon",
          status: "PRESENT",
          category: "soutiens militants",
          formerCategory: "salarié·es",
          isPresident: false,
          guestRole: null,
        },
      ],
      excused: [
        {
          name: "Awa Touré",
          status: "EXCUSED",
          category: "salarié·es",
          formerCategory: null,
          isPresident: false,
          guestRole: null,
        },
      ],
      absent: [],
    });
    expect(text).toBe(
      "Présent·es : Sonia Benali qui arrivera au plus tard au 1er juin comme directrice du centre ; Bertrand Lemoine (président·e, catégorie soutiens militants) ; " +
        "Élise Hamon (anciennement catégorie salarié·es et maintenant soutiens militants)\n\nExcusé·es : Awa Touré (catégorie salarié·es)",
    );
  });
});
