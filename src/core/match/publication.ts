import type { HeaderAttribute } from '../model';
import { counted } from '../util/counted';

/**
 * When an article was published and what passim says it reuses, from its bundle header:
 * `date` (YYYY-MM-DD, or an ISO date-time) and `time` (HH:MM[:SS]) give the time; `src` names the
 * article it was copied from (by name, or by that article's `id` or `uid` attribute).
 * Parsed by hand, in UTC: the result never depends on the machine's time zone or locale.
 */

export interface Publication {
  /** Milliseconds since the epoch (UTC), or null when the header gives no date. */
  readonly at: number | null;
  /** True when the time of day is known (a `time` attribute or a date-time), not only the day. */
  readonly timed: boolean;
  /** passim's `src`: the name or id of the article this one was copied from, or null. */
  readonly src: string | null;
  /** What other articles' `src` may call this one: its name, its name without extension, its `id`/`uid`. */
  readonly ids: readonly string[];
}

const DAY = 86400000;
const DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|[+-]\d{2}:?\d{2})?/i;
const TIME = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$/i;

function attribute(attributes: readonly HeaderAttribute[] | undefined, key: string): string | null {
  const found = attributes?.find((a) => a.key.toLowerCase() === key);
  return found === undefined || found.value.trim() === '' ? null : found.value.trim();
}

/** Minutes east of UTC of "Z", "+02:00", "-0500". */
function offsetMinutes(zone: string | undefined): number {
  if (zone === undefined || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

function timestamp(date: string | null, time: string | null): { at: number | null; timed: boolean } {
  const d = date === null ? null : DATE.exec(date);
  if (d === null) return { at: null, timed: false };
  const t = d[4] !== undefined ? null : time === null ? null : TIME.exec(time);
  const [h, m, s, zone] = d[4] !== undefined ? [d[4], d[5], d[6], d[7]] : t !== null ? [t[1], t[2], t[3], t[4]] : ['0', '0', '0', d[7]];
  const at = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(h), Number(m), Number(s ?? 0)) - offsetMinutes(zone) * 60000;
  return Number.isFinite(at) ? { at, timed: d[4] !== undefined || t !== null } : { at: null, timed: false };
}

export function publicationOf(name: string, attributes: readonly HeaderAttribute[] | undefined): Publication {
  const { at, timed } = timestamp(attribute(attributes, 'date'), attribute(attributes, 'time'));
  const ids = [name, name.replace(/\.[^./]*$/, '')];
  for (const key of ['id', 'uid']) {
    const v = attribute(attributes, key);
    if (v !== null) ids.push(v);
  }
  return { at, timed, src: attribute(attributes, 'src'), ids };
}

/** "2 days later", "3 hours later", "20 minutes later": how much later `later` was published. */
export function laterBy(earlier: Publication, later: Publication): string | null {
  if (earlier.at === null || later.at === null) return null;
  const bothTimed = earlier.timed && later.timed;
  const ms = later.at - earlier.at;
  // Without both times, whole calendar days; with them, days once a day or more apart.
  const days = bothTimed ? Math.round(ms / DAY) : Math.floor(later.at / DAY) - Math.floor(earlier.at / DAY);
  if (!bothTimed || Math.abs(ms) >= DAY) return days > 0 ? `${counted(days, 'day')} later` : null;
  const minutes = Math.round(ms / 60000);
  if (minutes <= 0) return null;
  return `${minutes >= 60 ? counted(Math.round(minutes / 60), 'hour') : counted(minutes, 'minute')} later`;
}
