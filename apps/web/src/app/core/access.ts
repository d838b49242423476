import type { Role } from '@floorwise/contracts';
import type { IconName } from '@floorwise/ui';

/**
 * Who may open which page, and what the navigation shows each role. One table, read by the
 * route guard and the side navigation, so the two can never disagree. The API enforces the
 * same rules on its side; this only keeps people away from pages that would answer 403.
 */
export type PageId =
  | 'myday'
  | 'floor'
  | 'service'
  | 'staffing'
  | 'schedules'
  | 'bonuses'
  | 'burnout'
  | 'turnover'
  | 'sites'
  | 'teams'
  | 'campaigns'
  | 'agents'
  | 'users'
  | 'imports';

export type NavSection = 'Operations' | 'People' | 'Organisation' | 'Admin' | 'My work';

export interface PageDef {
  id: PageId;
  /** Router path, without the leading slash. */
  path: string;
  label: string;
  /** The label an agent sees, for pages that show an agent only their own data. */
  agentLabel?: string;
  icon: IconName;
  section: Exclude<NavSection, 'My work'>;
  roles: readonly Role[];
}

const ALL: readonly Role[] = ['admin', 'manager', 'hr', 'agent'];

export const PAGES: readonly PageDef[] = [
  {
    // The agent's own day: quotas, pacing and whether the daily goal is in reach.
    id: 'myday',
    path: 'my-day',
    label: 'My day',
    icon: 'floor',
    section: 'Operations',
    roles: ['agent'],
  },
  {
    id: 'floor',
    path: 'floor',
    label: 'Floor',
    icon: 'floor',
    section: 'Operations',
    roles: ['manager', 'admin'],
  },
  {
    id: 'service',
    path: 'service',
    label: 'Service',
    icon: 'service',
    section: 'Operations',
    roles: ['manager', 'hr', 'admin'],
  },
  {
    id: 'schedules',
    path: 'schedules',
    label: 'Schedules',
    agentLabel: 'My schedule',
    icon: 'schedule',
    section: 'Operations',
    roles: ALL,
  },
  {
    id: 'bonuses',
    path: 'bonuses',
    label: 'Bonuses',
    agentLabel: 'My bonuses',
    icon: 'bonus',
    section: 'People',
    roles: ALL,
  },
  {
    id: 'burnout',
    path: 'burnout',
    label: 'Burnout',
    agentLabel: 'My wellbeing',
    icon: 'wellbeing',
    section: 'People',
    roles: ALL,
  },
  {
    // In People, not Operations: how many people the calls need, beside burnout and turnover.
    id: 'staffing',
    path: 'staffing',
    label: 'Staffing',
    icon: 'agent',
    section: 'People',
    roles: ['manager', 'hr', 'admin'],
  },
  {
    id: 'turnover',
    path: 'turnover',
    label: 'Turnover',
    icon: 'turnover',
    section: 'People',
    roles: ['hr', 'manager', 'admin'],
  },
  {
    id: 'sites',
    path: 'organisation/sites',
    label: 'Sites',
    icon: 'site',
    section: 'Organisation',
    roles: ['admin', 'hr', 'manager'],
  },
  {
    id: 'teams',
    path: 'organisation/teams',
    label: 'Teams',
    icon: 'team',
    section: 'Organisation',
    roles: ['admin', 'hr', 'manager'],
  },
  {
    id: 'campaigns',
    path: 'organisation/campaigns',
    label: 'Campaigns',
    icon: 'campaign',
    section: 'Organisation',
    roles: ['admin', 'hr', 'manager'],
  },
  {
    id: 'agents',
    path: 'organisation/agents',
    label: 'Agents',
    icon: 'agent',
    section: 'Organisation',
    roles: ['admin', 'hr', 'manager'],
  },
  {
    id: 'users',
    path: 'admin/users',
    label: 'Users',
    icon: 'users',
    section: 'Admin',
    roles: ['admin'],
  },
  {
    id: 'imports',
    path: 'admin/imports',
    label: 'Imports',
    icon: 'upload',
    section: 'Admin',
    roles: ['admin', 'manager'],
  },
];

const HOME: Readonly<Record<Role, PageId>> = {
  manager: 'floor',
  hr: 'turnover',
  agent: 'myday',
  admin: 'agents',
};

/** The order of an agent's own pages: their day first. */
const AGENT_ORDER: readonly PageId[] = ['myday', 'bonuses', 'schedules', 'burnout'];

export function pageDef(id: PageId): PageDef {
  const def = PAGES.find((page) => page.id === id);
  if (!def) {
    throw new Error(`Unknown page ${id}`);
  }
  return def;
}

export function canOpen(role: Role, page: PageId): boolean {
  return pageDef(page).roles.includes(role);
}

/** The URL a role lands on after sign-in, and where a page it may not open sends it. */
export function homeFor(role: Role): string {
  return `/${pageDef(HOME[role]).path}`;
}

export function pageLabel(role: Role, page: PageId): string {
  const def = pageDef(page);
  return role === 'agent' && def.agentLabel ? def.agentLabel : def.label;
}

export interface NavItem {
  id: PageId;
  /** Absolute router link. */
  link: string;
  label: string;
  icon: IconName;
}

export interface NavGroup {
  section: NavSection;
  items: NavItem[];
}

/** The side navigation of a role: only pages it may open, grouped by section, empty groups left out. */
export function navFor(role: Role): NavGroup[] {
  const item = (def: PageDef): NavItem => ({
    id: def.id,
    link: `/${def.path}`,
    label: pageLabel(role, def.id),
    icon: def.icon,
  });
  const visible = PAGES.filter((def) => def.roles.includes(role));
  if (role === 'agent') {
    const ordered = [...visible].sort((a, b) => rank(a.id) - rank(b.id));
    return [{ section: 'My work', items: ordered.map(item) }];
  }
  const sections: NavSection[] = ['Operations', 'People', 'Organisation', 'Admin'];
  return sections
    .map((section) => ({
      section,
      items: visible.filter((def) => def.section === section).map(item),
    }))
    .filter((group) => group.items.length > 0);
}

function rank(id: PageId): number {
  const index = AGENT_ORDER.indexOf(id);
  return index === -1 ? AGENT_ORDER.length : index;
}
