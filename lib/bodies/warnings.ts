// What the coordinator should know about a body's seats: warnings, not refusals.
import { mandateIsCurrent } from "@/lib/auth/permissions";
import { dateKey, dayKey } from "@/lib/dates";

export type SeatView = {
  mandateId: string;
  name: string;
  role: string;
  seatCollegeId: string | null;
  // The college of the category the person holds today (null: no category, or no college).
  personCollegeId: string | null;
  startsOn: Date;
  endsOn: Date | null;
  renewed: boolean; // a later mandate of the same person on the same body exists
};

export type SeatWarning =
  | { kind: "emptyCollege"; college: string }
  | { kind: "tooManySeats"; college: string; seated: number; seats: number }
  | { kind: "wrongCollege"; name: string; seatCollege: string; personCollege: string | null }
  | { kind: "expired"; name: string; endedOn: Date }
  | { kind: "noPresident" };

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function councilWarnings(
  seats: readonly SeatView[],
  colleges: readonly { id: string; name: string }[],
  seatsPerCollege: number | null,
  today = new Date(),
): SeatWarning[] {
  const warnings: SeatWarning[] = [];
  const current = seats.filter((s) => mandateIsCurrent(s, today));
  const collegeName = (id: string | null) => colleges.find((c) => c.id === id)?.name ?? null;
  for (const college of colleges) {
    const seated = current.filter((s) => s.seatCollegeId === college.id).length;
    if (seated === 0) warnings.push({ kind: "emptyCollege", college: college.name });
    if (seatsPerCollege !== null && seated > seatsPerCollege)
      warnings.push({ kind: "tooManySeats", college: college.name, seated, seats: seatsPerCollege });
  }
  for (const seat of current) {
    if (seat.seatCollegeId && seat.seatCollegeId !== seat.personCollegeId) {
      warnings.push({
        kind: "wrongCollege",
        name: seat.name,
        seatCollege: collegeName(seat.seatCollegeId) ?? "?",
        personCollege: collegeName(seat.personCollegeId),
      });
    }
  }
  for (const seat of seats) {
    if (
      seat.endsOn &&
      // Calendar days in the cooperative's zone, as mandateIsCurrent reads them.
      dateKey(seat.endsOn) <= dayKey(today) &&
      today.getTime() - seat.endsOn.getTime() < YEAR_MS &&
      !seat.renewed
    ) {
      warnings.push({ kind: "expired", name: seat.name, endedOn: seat.endsOn });
    }
  }
  if (current.length > 0 && !current.some((s) => s.role === "PRESIDENT"))
    warnings.push({ kind: "noPresident" });
  return warnings;
}
