// cty numbers are arbitrary-precision decimals; JavaScript numbers are float64. The rule used here keeps
// every value exact in both directions:
// - Decoding: a wire number becomes a JS `number` when that number denotes exactly the same decimal the wire
//   carried (integers up to 2^53, floats, decimal strings such as "0.1" whose shortest JS spelling is the
//   same decimal); anything else (a 30-digit integer, "0.1000000000000000000001") stays a decimal `string`.
// - Encoding (as go-cty does): integers as msgpack ints (int64 range), non-integral values that float64
//   holds exactly (0.5, 1.25) as float64, everything else as a decimal string. A JS number is taken to mean
//   the decimal of its shortest spelling (`String(0.1)` = "0.1"), so 0.1 goes out as the string "0.1" and
//   compares equal to `0.1` written in HCL. Decimal strings are accepted on input.

/** A decimal number: (-1)^neg × digits × 10^exp, normalized (no trailing zeros in digits; zero is 0e0). */
interface Decimal {
  neg: boolean;
  digits: bigint;
  exp: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Parses a decimal string ("12", "-0.5", "1.5e-7"); undefined when it is not one. */
export function parseDecimal(text: string): Decimal | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const [, sign, whole = '', frac = '', expText] = m;
  if (whole === '' && frac === '') return undefined;
  const exp = Number(expText ?? 0);
  if (!Number.isSafeInteger(exp)) return undefined;
  return normalize(sign === '-', BigInt(whole + frac || '0'), exp - frac.length);
}

function normalize(neg: boolean, digits: bigint, exp: number): Decimal {
  if (digits === 0n) return { neg: false, digits: 0n, exp: 0 };
  let d = digits;
  let e = exp;
  while (d % 10n === 0n) {
    d /= 10n;
    e++;
  }
  return { neg, digits: d, exp: e };
}

function sameDecimal(a: Decimal, b: Decimal): boolean {
  return a.neg === b.neg && a.digits === b.digits && a.exp === b.exp;
}

/** The exact decimal value of a finite float64. */
function exactDecimalOf(n: number): Decimal {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, n);
  const bits = view.getBigUint64(0);
  const neg = bits >> 63n === 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mantissa = expBits === 0 ? frac : frac | (1n << 52n);
  const e2 = (expBits === 0 ? 1 : expBits) - 1075;
  if (e2 >= 0) return normalize(neg, mantissa << BigInt(e2), 0);
  // m × 2^-k = m × 5^k × 10^-k
  return normalize(neg, mantissa * 5n ** BigInt(-e2), e2);
}

/** Whether the float64 `n` is exactly the decimal its shortest spelling names (0.5 yes, 0.1 no). */
export function isExactFloat(n: number): boolean {
  const spelled = parseDecimal(String(n));
  return spelled !== undefined && sameDecimal(spelled, exactDecimalOf(n));
}

/** A wire number (msgpack int, float, or decimal string) as a JS number when exact, else a decimal string. */
export function numberFromWire(value: number | bigint | string): number | string {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    const n = Number(value);
    return BigInt(n) === value ? n : value.toString();
  }
  const dec = parseDecimal(value);
  if (!dec) throw new RangeError('not a decimal number');
  const n = Number(value.trim());
  if (Number.isFinite(n)) {
    const spelled = parseDecimal(String(n));
    if (spelled && sameDecimal(spelled, dec)) return n;
  }
  return value.trim();
}

/** How a number goes on the wire: an integer (int64 range), a float64, or a decimal string. */
export type WireNumber = { int: number | bigint } | { float: number } | { decimal: string };

export function numberToWire(value: number | string): WireNumber {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new RangeError('NaN is not a cty number');
    if (!Number.isFinite(value)) return { float: value };
    if (Number.isInteger(value)) {
      if (Number.isSafeInteger(value)) return { int: value };
      const big = BigInt(value);
      return big >= INT64_MIN && big <= INT64_MAX ? { int: big } : { float: value };
    }
    return isExactFloat(value) ? { float: value } : { decimal: String(value) };
  }
  const dec = parseDecimal(value);
  if (!dec) throw new RangeError('not a decimal number');
  if (dec.exp >= 0 && dec.exp <= 19) {
    const big = (dec.neg ? -dec.digits : dec.digits) * 10n ** BigInt(dec.exp);
    if (big >= INT64_MIN && big <= INT64_MAX)
      return { int: Number.isSafeInteger(Number(big)) ? Number(big) : big };
  }
  const n = Number(value.trim());
  if (Number.isFinite(n) && !Number.isInteger(n) && sameDecimal(exactDecimalOf(n), dec)) return { float: n };
  return { decimal: value.trim() };
}
