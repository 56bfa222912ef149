// What archivists mean beyond what they type: the same number in Chinese numerals or in digits
// (一九八四 ↔ 1984, 三十 ↔ 30), and a place with the places inside it (地点:长葛市 → its towns).
import { XUCHANG_GAZETTEER, type PlaceEntry } from '../vocabulary/xuchangPlaces';

const HAN_DIGITS = '〇一二三四五六七八九';
const HAN_DIGIT_VALUE: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const HAN_UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** A run of Chinese numerals: digits, and the units below 万 (larger numbers are rarely written so in 文史 text). */
const HAN_NUMERAL_RUN = /[〇零一二两三四五六七八九十百千]{2,}/g;
const DIGIT_RUN = /\d+/g;
/** Digit-by-digit numerals are taken for a number from four digits on (a year); shorter ones are parts of words (〇一, 二〇). */
const MIN_DIGITS_READ_OUT = 4;

/** 1984 → 一九八四: years and numbers read out digit by digit, as years are written. */
export function digitsToHanDigits(digits: string): string {
  return [...digits].map((d) => HAN_DIGITS[Number(d)]).join('');
}

/** 30 → 三十, 23 → 二十三, 105 → 一百零五; numbers from 1 to 9999 only. */
export function numberToHanPositional(value: number): string | null {
  if (!Number.isInteger(value) || value < 1 || value > 9999) return null;
  const units = ['千', '百', '十', ''];
  const digits = String(value).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((digit, i) => {
    if (digit === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += HAN_DIGITS[digit] + units[i]!;
  });
  // 10–19 are written 十, 十五, not 一十五.
  return value >= 10 && value <= 19 ? out.slice(1) : out;
}

/** 一九八四 → 1984, 三十 → 30, 一百零五 → 105; null if the run is not one number. */
export function hanNumeralToDigits(run: string): string | null {
  if (![...run].some((ch) => ch in HAN_UNIT_VALUE)) {
    // Digit by digit (一九八四, 二〇〇八, 二零零八); 两 is never a digit so.
    if (run.includes('两') || [...run].length < MIN_DIGITS_READ_OUT) return null;
    return [...run].map((ch) => HAN_DIGIT_VALUE[ch]).join('');
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of run) {
    const unit = HAN_UNIT_VALUE[ch];
    if (unit === undefined) {
      if (digit !== null && HAN_DIGIT_VALUE[ch] !== 0) return null; // 二三十: two digits in a row
      digit = HAN_DIGIT_VALUE[ch] === 0 ? null : HAN_DIGIT_VALUE[ch]!;
      continue;
    }
    if (unit >= lastUnit) return null;
    total += (digit ?? (unit === 10 && total === 0 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return null;
    lastUnit = unit;
    digit = null;
  }
  return String(total + (digit ?? 0));
}

/**
 * The same words with their numbers written the other way: digits as Chinese numerals (digit by
 * digit, and positionally for small numbers), Chinese numerals as digits. The text itself is not
 * among them; each variant converts every number in it.
 */
export function numeralVariants(text: string): string[] {
  const variants = new Set<string>();
  // 档号, dates written with hyphens, Latin words: numbers there are codes, not quantities.
  if (/[A-Za-z\-/.:]/.test(text)) return [];
  if (/\d/.test(text)) {
    // Four digits and more are read out digit by digit (years: 一九八四, 一九八〇 or 一九八零);
    // fewer are counted (30 → 三十, 105 → 一百零五).
    const byDigits = (d: string) =>
      d.length >= 4 ? digitsToHanDigits(d) : (numberToHanPositional(Number(d)) ?? d);
    variants.add(text.replace(DIGIT_RUN, byDigits));
    if (/0/.test(text)) variants.add(text.replace(DIGIT_RUN, (d) => byDigits(d).replace(/〇/g, '零')));
  }
  if (/[〇零一二两三四五六七八九十百千]{2}/.test(text))
    variants.add(text.replace(HAN_NUMERAL_RUN, (run) => hanNumeralToDigits(run) ?? run));
  variants.delete(text);
  return [...variants];
}

/** Every name (and former name) of a gazetteer entry, of the entries inside it, at any depth. */
function namesWithin(entry: PlaceEntry): string[] {
  return [entry.name, ...(entry.formerNames ?? []), ...(entry.children ?? []).flatMap(namesWithin)];
}

function findEntry(name: string, entry: PlaceEntry): PlaceEntry | undefined {
  if (entry.name === name || entry.formerNames?.includes(name)) return entry;
  for (const child of entry.children ?? []) {
    const found = findEntry(name, child);
    if (found) return found;
  }
  return undefined;
}

/**
 * The other names a place query covers: a place's former names and every place inside it, by the
 * gazetteer (长葛市 → 后河镇 …; 禹县 → 禹州市 and its towns). Empty for a place it does not know.
 */
export function placesWithin(name: string, gazetteer: PlaceEntry = XUCHANG_GAZETTEER): string[] {
  const entry = findEntry(name.trim(), gazetteer);
  return entry ? namesWithin(entry).filter((n) => n !== name.trim()) : [];
}
