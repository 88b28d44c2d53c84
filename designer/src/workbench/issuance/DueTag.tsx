import { Tag } from 'antd';
import { DueDate } from '../common/DueDate';
import { levelColors, type DeadlineLevel } from '../types';

/** 正常 green / 预警 yellow / 超期 red / 已暂停 grey (the server's level and label), with the working days left (or past); 暂定 when the date is provisional. */
export function DueTag({ level, levelLabel, due, remaining, provisional }: { level: DeadlineLevel; levelLabel: string; due?: string | null; remaining?: number | null; provisional?: boolean }) {
  if (!due) return <Tag>无期限</Tag>;
  const text = level === 'suspended' ? levelLabel
    : level === 'overdue' ? `${levelLabel}${remaining !== null && remaining !== undefined && remaining < 0 ? ` ${-remaining} 个工作日` : ''}`
    : remaining !== null && remaining !== undefined ? `剩 ${remaining} 个工作日` : '';
  return (
    <span>
      <span style={{ marginRight: 6 }}><DueDate date={due} provisional={provisional} /></span>
      <Tag color={levelColors[level]}>{text || levelLabel}</Tag>
    </span>
  );
}
