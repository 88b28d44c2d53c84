import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DueDate } from './DueDate';

describe('DueDate', () => {
  it('marks a provisional date with （暂定）', () => {
    render(<DueDate date="2027-01-04" provisional />);
    expect(screen.getByText('2027-01-04', { exact: false })).toBeTruthy();
    expect(screen.getByTestId('provisional').textContent).toBe('（暂定）');
  });

  it('shows a published-year date without a mark, and a dash without a date', () => {
    const { container } = render(<><DueDate date="2026-12-31" provisional={false} /><DueDate date={null} /></>);
    expect(container.textContent).toBe('2026-12-31—');
    expect(screen.queryByTestId('provisional')).toBeNull();
  });
});
