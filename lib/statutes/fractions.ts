// Thresholds from the statutes are fractions (1/5, 2/3), kept exact.
export type Fraction = { num: number; den: number };

// "1/5", "2/3", "0", "50 %", "66,67 %" → a fraction between 0 and 1; null otherwise.
export function parseFraction(text: string): Fraction | null {
  const cleaned = text.replace(/\s/g, "").replace(",", ".");
  const ratio = /^(\d{1,4})\/(\d{1,4})$/.exec(cleaned);
  if (ratio) {
    const num = Number(ratio[1]);
    const den = Number(ratio[2]);
    return den > 0 && num <= den ? { num, den } : null;
  }
  const percent = /^(\d{1,3}(?:\.\d{1,2})?)%?$/.exec(cleaned);
  if (percent) {
    const hundredths = Math.round(Number(percent[1]) * 100);
    return hundredths <= 10000 ? reduce({ num: hundredths, den: 10000 }) : null;
  }
  return null;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function reduce({ num, den }: Fraction): Fraction {
  if (num === 0) return { num: 0, den: 1 };
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export function formatFraction({ num, den }: Fraction): string {
  return num === 0 ? "0" : `${num}/${den}`;
}
