// How the app shows money, phone numbers and times: one place, so every screen agrees.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = "Asia/Shanghai";

/** Integer fen as "1,234.50 元": money never passes through a float. */
export function yuan(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const cents = (abs % 100).toString().padStart(2, "0");
  return `${negative ? "-" : ""}${whole}.${cents} 元`;
}

/** "1,234.50" typed by a user → 123450 fen, or null when it is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*(元)?\s*$/.exec(text.replace(/,/g, ""));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/**
 * A caller in lists, private the same way whether mobile or landline: the four digits before the last four
 * are hidden (138****5678, 010****6666, 0755****5678). The customer's own phones (`own`, national form)
 * and short service numbers (95555) are shown in full.
 */
export function maskPhone(phone: string, own?: ReadonlySet<string>): string {
  if (!/^\d{8,}$/.test(phone) || own?.has(phone)) return phone;
  return `${phone.slice(0, -8)}****${phone.slice(-4)}`;
}

/** Kept for screens that only ever show strangers' phones; masks like {@link maskPhone}. */
export const maskMobile = (phone: string): string => maskPhone(phone);

/**
 * A mainland phone as people write it: a landline with its area code set apart (010-88886666,
 * 0755-12345678), a mobile as its 11 digits; anything else unchanged. The service keeps the digits only.
 */
export function formatPhone(phone: string): string {
  if (!/^0\d{9,11}$/.test(phone)) return phone;
  const code = /^0(10|2\d)/.test(phone) ? 3 : 4;
  return `${phone.slice(0, code)}-${phone.slice(code)}`;
}

/** A 400/800 number as 400-XXX-XXXX (accepts digits with or without separators). */
export function format400(number: string): string {
  const digits = number.replace(/\D/g, "");
  return digits.length === 10 ? `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}` : number;
}

/** A UTC timestamp from the API as "YYYY-MM-DD HH:mm" in Asia/Shanghai, whatever the browser's zone. */
export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(ZONE).format("YYYY-MM-DD HH:mm") : "—";
}

/** A date (no time of day) as "YYYY-MM-DD" in Asia/Shanghai. */
export function date(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(ZONE).format("YYYY-MM-DD") : "—";
}
