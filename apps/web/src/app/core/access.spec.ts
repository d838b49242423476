import { ROLES, Role } from '@floorwise/contracts';
import { canOpen, homeFor, navFor, PageId, PAGES } from './access';

const linksOf = (role: Role) => navFor(role).flatMap((group) => group.items.map((item) => item.id));

describe('navFor', () => {
  it('shows an agent only their own pages, under agent labels, their day first', () => {
    const groups = navFor('agent');
    expect(groups).toHaveLength(1);
    expect(groups[0].section).toBe('My work');
    expect(groups[0].items.map((i) => [i.label, i.link])).toEqual([
      ['My day', '/my-day'],
      ['My bonuses', '/bonuses'],
      ['My schedule', '/schedules'],
      ['My wellbeing', '/burnout'],
    ]);
  });

  it('never shows an agent Admin, Turnover, Floor, Service or Organisation pages', () => {
    const ids = linksOf('agent');
    for (const hidden of [
      'users',
      'imports',
      'turnover',
      'floor',
      'service',
      'sites',
      'teams',
      'campaigns',
      'agents',
    ]) {
      expect(ids).not.toContain(hidden);
    }
  });

  it('shows a manager the floor, turnover and imports but not user administration', () => {
    const ids = linksOf('manager');
    expect(ids).toEqual(
      expect.arrayContaining([
        'floor',
        'service',
        'schedules',
        'bonuses',
        'burnout',
        'turnover',
        'agents',
        'imports',
      ]),
    );
    expect(ids).not.toContain('users');
  });

  it('shows HR turnover, service and the organisation but not the floor or any admin page', () => {
    const ids = linksOf('hr');
    expect(ids).toEqual(
      expect.arrayContaining(['turnover', 'service', 'burnout', 'sites', 'agents']),
    );
    expect(ids).not.toContain('floor');
    expect(ids).not.toContain('users');
    expect(ids).not.toContain('imports');
  });

  it('shows an admin every page but the agent-only ones, grouped in section order', () => {
    expect(linksOf('admin').sort()).toEqual(
      PAGES.filter((p) => p.roles.includes('admin'))
        .map((p) => p.id)
        .sort(),
    );
    expect(linksOf('admin')).not.toContain('myday');
    expect(navFor('admin').map((g) => g.section)).toEqual([
      'Operations',
      'People',
      'Organisation',
      'Admin',
    ]);
    expect(
      navFor('admin')
        .find((g) => g.section === 'Operations')
        ?.items.map((i) => i.label),
    ).toEqual(['Floor', 'Service', 'Schedules']);
  });

  it('agrees with canOpen for every role and page', () => {
    for (const role of ROLES) {
      const shown = new Set(linksOf(role));
      for (const page of PAGES) {
        expect([role, page.id, shown.has(page.id)]).toEqual([
          role,
          page.id,
          canOpen(role, page.id),
        ]);
      }
    }
  });
});

describe('homeFor', () => {
  it('sends each role to the page it comes to do', () => {
    expect(homeFor('manager')).toBe('/floor');
    expect(homeFor('hr')).toBe('/turnover');
    expect(homeFor('agent')).toBe('/my-day');
    expect(homeFor('admin')).toBe('/organisation/agents');
  });

  it('is always a page the role may open', () => {
    for (const role of ROLES) {
      const page = PAGES.find((p) => `/${p.path}` === homeFor(role))?.id as PageId;
      expect(canOpen(role, page)).toBe(true);
    }
  });
});
