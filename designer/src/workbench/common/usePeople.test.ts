import { describe, expect, it } from 'vitest';
import { personName, personWithUser } from './usePeople';

const people = new Map([['li-admin', '李管理'], ['water-head', '水务局负责人']]);

describe('people', () => {
  it('shows the display name, the system in Chinese, and an unknown account as it is', () => {
    expect(personName(people, 'li-admin')).toBe('李管理');
    expect(personName(people, 'system')).toBe('系统');
    expect(personName(people, 'gone-user')).toBe('gone-user');
    expect(personName(people, null)).toBe('—');
  });

  it('keeps the account beside the name where it matters (the security log)', () => {
    expect(personWithUser(people, 'water-head')).toBe('水务局负责人（water-head）');
    expect(personWithUser(people, 'kiosk:window-1')).toBe('kiosk:window-1');
    expect(personWithUser(people, undefined)).toBe('—');
  });
});
