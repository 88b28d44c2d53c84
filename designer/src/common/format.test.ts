import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds } from './format';

describe('Beijing time', () => {
  it('shows an instant in Asia/Shanghai whatever the zone it was written in', () => {
    expect(formatDateTime('2026-03-02T01:35:00Z')).toBe('2026-03-02 09:35');
    expect(formatDateTime('2026-03-01T17:05:00+00:00')).toBe('2026-03-02 01:05');
    expect(formatDate('2026-03-01T17:05:00Z')).toBe('2026-03-02');
    expect(formatDateTimeSeconds('2026-03-02T09:35:07+08:00')).toBe('2026-03-02 09:35:07');
    expect(formatDateTimeSeconds('2026-03-01T16:00:59Z')).toBe('2026-03-02 00:00:59');
  });

  it('keeps a plain date and shows a dash for nothing', () => {
    expect(formatDate('2026-03-02')).toBe('2026-03-02');
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('not a time')).toBe('—');
  });
});
