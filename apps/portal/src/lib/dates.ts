/**
 * Dates in the report form. Picked wall-clock times are read as Mexico City time whatever the
 * browser's own zone (a report filed from an embassy, or from a laptop set to UTC, still means the
 * hour the person typed): the conversion is `../time.ts` (dayjs utc + timezone plugins). Here:
 * dayjs' Spanish (Mexico) words for the calendar, and the zone's name as people write it.
 */
import { DISPLAY_TIME_ZONE } from '@anc/domain';
import dayjs from 'dayjs';
import 'dayjs/locale/es-mx';
import { isoToMxWall, mxWallToIso } from './time.ts';

/** dayjs' name for the portal's languages ("20 noviembre 2026", weeks from Monday in es-MX). */
export const dayjsLocale = (locale: 'es-MX' | 'en') => (locale === 'es-MX' ? 'es-mx' : 'en');

/** `2026-11-20 09:30:00` (Mexico City) → `2026-11-20T09:30:00-06:00`; nothing or malformed → '' (the schema says what is wrong). */
export const mexicoCityWallClockToIso = (value: string | null | undefined): string => (value ? (mxWallToIso(value) ?? '') : '');

/** The current wall-clock time in Mexico City, in the pickers' format (their upper bound). */
export const mexicoCityNow = (now: Date = new Date()): string => isoToMxWall(now);

/**
 * The pickers' upper bound: the last second of today in Mexico City. Days after today cannot be
 * clicked; a time later today can be picked and is then refused by the schema with a visible
 * "in the future" error. (With "now" as the bound, Mantine's DateTimePicker clamps a later time
 * to "now" when it closes, node_modules/@mantine/dates/esm/components/DateTimePicker/
 * DateTimePicker.mjs `handleDropdownClose`: 23:59 silently became the current time.)
 */
export const mexicoCityEndOfToday = (now: Date = new Date()): string => `${isoToMxWall(now).slice(0, 10)} 23:59:59`;

/**
 * The due-date pickers' lower bound: the first second of today in Mexico City. Days before today
 * cannot be clicked; an earlier time today can be picked and is then refused by the schema with a
 * visible "already passed" error (with "now" as the bound, Mantine clamped it to "now" silently,
 * as `mexicoCityEndOfToday` explains for the upper bound).
 */
export const mexicoCityStartOfToday = (now: Date = new Date()): string => `${isoToMxWall(now).slice(0, 10)} 00:00:00`;

/** Mexico City's offset from UTC at an instant, as people write it: "UTC−6" (true minus sign). */
export function mexicoCityOffsetLabel(now: Date = new Date()): string {
  const minutes = dayjs(now).tz(DISPLAY_TIME_ZONE).utcOffset();
  const sign = minutes < 0 ? '\u2212' : '+';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}
