import type { EvaluationLevel } from '../supervision/types';

/** 好差评 five levels (国办发〔2019〕51号, GB/T 39734-2020), best first; the last two are bad ratings. */
export const levels: readonly { level: EvaluationLevel; label: string; color: string }[] = [
  { level: 'very-satisfied', label: '非常满意', color: '#237804' },
  { level: 'satisfied', label: '满意', color: '#52c41a' },
  { level: 'basically-satisfied', label: '基本满意', color: '#d4b106' },
  { level: 'dissatisfied', label: '不满意', color: '#d46b08' },
  { level: 'very-dissatisfied', label: '非常不满意', color: '#a8071a' },
];

export function isBad(level: EvaluationLevel): boolean {
  return level === 'dissatisfied' || level === 'very-dissatisfied';
}

export function levelLabel(level: string | null | undefined): string {
  return levels.find((l) => l.level === level)?.label ?? level ?? '';
}

/** The rating part of POST /api/kiosk/evaluate's body: the comment only when one was written. */
export function evaluationBody(level: EvaluationLevel, comment: string): { level: EvaluationLevel; comment?: string } {
  const text = comment.trim();
  return text ? { level, comment: text } : { level };
}

/** Seconds the thank-you screen stays before the tablet is ready for the next applicant. */
export const thankYouSeconds = 8;
