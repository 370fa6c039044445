import { describe, expect, it } from "vitest";
import { categoryOn, previousCategory, type CategorySpan } from "@/lib/members/category-history";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
// "salariée until 14/02/2023, soutien militant since 15/02/2023"
const elise: CategorySpan[] = [
  { categoryId: "emp", categoryName: "salarié·es", validFrom: d("2019-09-01"), validTo: d("2023-02-15") },
  { categoryId: "sup", categoryName: "soutiens militants", validFrom: d("2023-02-15"), validTo: null },
];

describe("category held on a day", () => {
  it("counts the person in the old category before the change and the new one after", () => {
    expect(categoryOn(elise, new Date("2023-02-14T18:30:00Z"))?.categoryId).toBe("emp");
    expect(categoryOn(elise, new Date("2023-02-15T08:00:00Z"))?.categoryId).toBe("sup");
    expect(categoryOn(elise, new Date("2023-03-27T17:30:00Z"))?.categoryId).toBe("sup");
  });

  it("reads the day in Paris: 00:30 on the 15th in Paris is already the new category", () => {
    expect(categoryOn(elise, new Date("2023-02-14T23:30:00Z"))?.categoryId).toBe("sup");
  });

  it("has no category before joining", () => {
    expect(categoryOn(elise, d("2019-08-31"))).toBeNull();
    expect(categoryOn([], d("2023-01-01"))).toBeNull();
  });

  it("names the former category once it has changed", () => {
    expect(previousCategory(elise, d("2023-03-27"))?.categoryName).toBe("salarié·es");
    expect(previousCategory(elise, d("2022-01-01"))).toBeNull();
  });
});
