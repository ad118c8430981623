/**
 * Luhn (modulus 10) check digit with weights 2,1,2,1… from the left, as used for the Swedish
 * personnummer over the nine digits YYMMDDNNN.
 */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const product = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}
