import { Tag } from 'antd';
import { DueDate } from '../common/DueDate';
import type { Level } from '../supervision/types';

const colors: Record<Level, string> = { normal: 'green', warning: 'gold', overdue: 'red' };

/** 正常 green / 预警 yellow / 超期 red, with the working days left (or past). */
export function DueTag({ level, due, remaining, provisional }: { level: Level; due?: string | null; remaining?: number | null; provisional?: boolean }) {
  if (!due) return <Tag>无期限</Tag>;
  const text = level === 'overdue' ? `超期${remaining !== null && remaining !== undefined && remaining < 0 ? ` ${-remaining} 个工作日` : ''}`
    : remaining !== null && remaining !== undefined ? `剩 ${remaining} 个工作日` : '';
  return (
    <span>
      <span style={{ marginRight: 6 }}><DueDate date={due} provisional={provisional} /></span>
      <Tag color={colors[level]}>{text || (level === 'warning' ? '预警' : '正常')}</Tag>
    </span>
  );
}
