/**
 * Who may do what in the control room. A person holds one or more roles; a permission is granted
 * when any of their roles grants it. Clerks are further limited to the bots they are assigned to
 * (see `canSeeBot`): the review queue of another bot is invisible to them, not just read-only.
 */
import { CONTROL_ROOM_ROLES, type ControlRoomRole } from '../config/config.ts';

export const ROLES = CONTROL_ROOM_ROLES;
export type Role = ControlRoomRole;

export const PERMISSIONS = [
  'overview',
  'runs',
  'runs.retry',
  'queues',
  'review',
  'review.act',
  'traces',
  'schedules',
  'schedules.act',
  'time-saved',
  'audit',
  'audit.person',
  'users',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Readonly<Record<Role, readonly Permission[]>> = {
  // Managers: what the robots did and what it saved; no personal data, no actions.
  viewer: ['overview', 'runs', 'queues', 'schedules', 'time-saved'],
  // Clerks: the review queue of their bots, nothing else.
  clerk: ['review', 'review.act'],
  operator: ['overview', 'runs', 'runs.retry', 'queues', 'review', 'review.act', 'traces', 'schedules', 'schedules.act', 'time-saved'],
  auditor: ['overview', 'runs', 'audit', 'audit.person', 'time-saved'],
  admin: ['overview', 'users'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface Person {
  username: string;
  displayName: string;
  roles: Role[];
  /** A clerk's bots; an operator sees every bot. */
  bots: string[];
}

export function can(person: Person, permission: Permission): boolean {
  return person.roles.some((role) => GRANTS[role].includes(permission));
}

/** Whether the person may see the items of `bot` in the review queue. */
export function canSeeBot(person: Person, bot: string): boolean {
  if (person.roles.includes('operator')) return true;
  return person.roles.includes('clerk') && person.bots.includes(bot);
}

/** Whether lists may show personal numbers in clear for this person (those who work on or audit the cases). */
export function seesPersonalNumbers(person: Person): boolean {
  return person.roles.some((r) => r === 'clerk' || r === 'auditor');
}

/** The page a person lands on after logging in: the first one their roles open. */
export function homePath(person: Person): string {
  if (can(person, 'overview')) return '/';
  if (can(person, 'review')) return '/review';
  return '/account';
}
