// Roles on a date: which office a person held when an article was written.
import type { CalendarDate } from '../types';
import type { Role } from './types';

/** Compares partial ISO dates against a day: a role "to 2023-11" still holds on 2023-11-20. */
function startsOnOrBefore(from: string | undefined, day: string): boolean {
  return from === undefined || from <= day.slice(0, from.length);
}

function endsOnOrAfter(to: string | undefined, day: string): boolean {
  return to === undefined || to >= day.slice(0, to.length);
}

export function isoDay(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Roles held on the date. A role with neither `from` nor `to` is only "known to be held around" and is kept. */
export function rolesOn(roles: readonly Role[], date: CalendarDate): Role[] {
  const day = isoDay(date);
  return roles.filter((r) => startsOnOrBefore(r.from, day) && endsOnOrAfter(r.to, day));
}

export function formatPeriod(role: Role): string {
  if (!role.from && !role.to) return role.note ?? 'period not recorded';
  return `${role.from ?? '?'}–${role.to ?? 'present'}`;
}

/** The most recent role that had ended before the date: what a hover calls the person's "former" office. */
export function formerRoleOn(roles: readonly Role[], date: CalendarDate): Role | undefined {
  const day = isoDay(date);
  return roles
    .filter((r) => r.to !== undefined && r.to < day.slice(0, r.to.length))
    .sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''))[0];
}
