import type { Role } from '@floorwise/contracts';

export const ROLE_LABEL: Readonly<Record<Role, string>> = {
  admin: 'Admin',
  manager: 'Manager',
  hr: 'HR',
  agent: 'Agent',
};

export const ROLE_HINT: Readonly<Record<Role, string>> = {
  admin: 'Users, roles, sites, teams, campaigns and imports.',
  manager: 'The floor of their teams, quotas, SPIFFs, shifts and their imports.',
  hr: 'Turnover, retention and burnout across the organisation.',
  agent: 'Only their own day, bonus and schedule. Needs an employee code.',
};

/** Minimum length the form asks for; the API may ask for more and its message is shown. */
export const MIN_PASSWORD_LENGTH = 10;
