import { describe, expect, it } from 'vitest';
import { BOM, csvCell, toCsv } from './csv';

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and ends lines with CRLF, so Excel reads Chinese', () => {
    const csv = toCsv(['办件编号', '申请人'], [['桃山-2026-000001', '王秀英']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Array.from(new TextEncoder().encode(csv).slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe(`${BOM}办件编号,申请人\r\n桃山-2026-000001,王秀英\r\n`);
  });

  it('quotes commas, quotes and line breaks, and leaves empty values empty', () => {
    expect(csvCell('等候时间长，态度"一般"')).toBe('"等候时间长，态度""一般"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(0)).toBe('0');
  });

  it('never lets a cell start a formula, but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell('-3')).toBe('-3');
  });
});
