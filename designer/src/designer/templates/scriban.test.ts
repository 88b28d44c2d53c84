import { describe, expect, it } from 'vitest';
import { completeTemplate, scribanMonarch } from './scriban';

const sample = {
  case: { number: '桃山-2026-000118', receivedAt: '2026-11-16T09:35:00+08:00' },
  applicant: { name: '王晓雪', idNumber: '230903200203150429', uscc: null },
  materials: [{ name: '居民身份证', kind: '原件', standard: '有效期内' }],
  issuedAt: '2026-11-16',
};

const labels = (text: string) => completeTemplate(text, sample).items.map((i) => i.label);

describe('template completion', () => {
  it('completes the members of a field from the sample data', () => {
    expect(labels('<p>{{ applicant.')).toEqual(['name', 'idNumber', 'uscc']);
    expect(labels('<p>{{ applicant.n')).toEqual(['name']);
    expect(completeTemplate('<p>{{ applicant.id', sample).from).toBe('<p>{{ applicant.'.length);
  });

  it('reaches the case through this, as case is a Scriban keyword', () => {
    expect(labels('{{ this.case.')).toEqual(['number', 'receivedAt']);
    expect(labels('{{ ca')).toContain('this.case');
    expect(completeTemplate('{{ ', sample).items.find((i) => i.label === 'this.case')?.detail).toContain('关键字');
  });

  it('follows a loop variable to the first item of its list', () => {
    const text = '{{ for material in materials }}\n<p>{{ material.';
    expect(labels(text)).toEqual(['name', 'kind', 'standard']);
    expect(labels('{{ for material in materials }}<p>{{ mat')).toEqual(['material', 'materials', 'materialTable', 'math']);
  });

  it('offers functions inside code and nothing in markup or comments', () => {
    expect(labels('{{ formatD')).toEqual(['formatDate']);
    expect(labels('<p>{{ applicant.name }}</p><p>')).toEqual([]);
    expect(labels('{{## 注释 applicant.')).toEqual([]);
  });
});

describe('template highlighting', () => {
  it('tokenizes code inside {{ }} and markup outside', () => {
    const code = scribanMonarch.tokenizer.code.map((rule) => rule[0] as RegExp);
    expect(code.some((r) => r.test('}}'))).toBe(true);
    expect(scribanMonarch.functions).toContain('formatDate');
    expect(scribanMonarch.keywords).toContain('end');
  });
});
