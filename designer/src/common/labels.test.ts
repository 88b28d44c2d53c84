import { describe, expect, it } from 'vitest';
import { levelLabel, limitLabel, outcomeLabel, stepKindLabel, stepKindLabels } from './labels';

describe('labels', () => {
  it('reads limits as a clerk says them', () => {
    expect(limitLabel('3wd')).toBe('3 个工作日');
    expect(limitLabel('10d')).toBe('10 天');
    expect(limitLabel('2h')).toBe('2 小时');
    expect(limitLabel(undefined)).toBe('—');
  });

  it('names outcomes in Chinese, the step\'s own label first', () => {
    expect(outcomeLabel('grant')).toBe('准予');
    expect(outcomeLabel('deny')).toBe('不予');
    expect(outcomeLabel('pass', '审查通过')).toBe('审查通过');
    expect(outcomeLabel('custom-key')).toBe('custom-key');
  });

  it('names every step kind in Chinese, never by its key', () => {
    expect(stepKindLabel('intake')).toBe('受理');
    expect(stepKindLabel('task')).toBe('办理');
    expect(stepKindLabel('document')).toBe('制证');
    for (const [key, label] of Object.entries(stepKindLabels)) {
      expect(label).not.toBe(key);
      expect(label).toMatch(/^[\u4e00-\u9fff、]+$/);
    }
  });

  it('names deadline levels in Chinese', () => {
    expect(levelLabel('warning')).toBe('预警');
    expect(levelLabel('overdue')).toBe('超期');
  });
});
