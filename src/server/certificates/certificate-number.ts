/**
 * Certificate numbers: TRP-<year>-<6-digit sequence>-<check digit>, e.g. TRP-2026-000123-4.
 * The check digit (Luhn over the year and the sequence) catches a mistyped digit or two swapped
 * digits when an employer types a number in by hand.
 */
const NUMBER = /^TRP-(\d{4})-(\d{6})-(\d)$/;

export function luhnDigit(digits: string): number {
  let sum = 0;
  // Doubling starts from the rightmost digit, because the check digit will sit to its right.
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function formatCertificateNumber(year: number, seq: number): string {
  const body = `${String(year).padStart(4, '0')}${String(seq).padStart(6, '0')}`;
  return `TRP-${body.slice(0, 4)}-${body.slice(4)}-${luhnDigit(body)}`;
}

/** True when the text is a well-formed number whose check digit is right. */
export function isValidCertificateNumber(text: string): boolean {
  const match = NUMBER.exec(text.trim().toUpperCase());
  return match !== null && luhnDigit(`${match[1]}${match[2]}`) === Number(match[3]);
}
