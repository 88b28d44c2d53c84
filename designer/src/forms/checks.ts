// Check digits of Chinese identifiers, the same rules as server/Workflows.Domain (ResidentId, Uscc).

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckCharacters = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a resident ID number. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new Error('居民身份证号码本体码必须是 17 位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * idWeights[i];
  return idCheckCharacters[sum % 11];
}

/** The birth date of an ID number (yyyy-mm-dd) when it is a real calendar date, else null. */
export function residentIdBirthDate(id: string): string | null {
  if (!/^[0-9]{17}[0-9Xx]$/.test(id)) return null;
  const y = Number(id.slice(6, 10)), m = Number(id.slice(10, 12)), d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** True for 18 characters: 17 digits, a real birth date and the right check character ('x' accepted). */
export function isValidResidentId(id: string | null | undefined): boolean {
  if (!id || id.length !== 18 || !/^[0-9]{17}$/.test(id.slice(0, 17))) return false;
  if (residentIdBirthDate(id) === null) return false;
  return id[17].toUpperCase() === residentIdCheckCharacter(id.slice(0, 17));
}

/** Why an ID number is not valid, in words for the clerk; null when it is valid. */
export function residentIdProblem(id: string): string | null {
  const s = id.trim();
  if (s.length !== 18) return `身份证号码应为 18 位，现为 ${s.length} 位`;
  if (!/^[0-9]{17}[0-9Xx]$/.test(s)) return '身份证号码前 17 位应为数字，最后一位为数字或 X';
  if (residentIdBirthDate(s) === null) return '身份证号码中的出生日期无效';
  const expected = residentIdCheckCharacter(s.slice(0, 17));
  if (s[17].toUpperCase() !== expected) return `身份证号码校验码错误（应为 ${expected}），请核对`;
  return null;
}

/** Gender from the 17th digit (odd = male) of a valid ID number. */
export function residentIdGender(id: string): 'male' | 'female' | null {
  if (!isValidResidentId(id)) return null;
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character of the first 17 characters of a USCC. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17 || [...first17].some((c) => !usccAlphabet.includes(c)))
    throw new Error('统一社会信用代码前 17 位只能是数字和除 I、O、Z、S、V 以外的大写字母');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += usccAlphabet.indexOf(first17[i]) * usccWeights[i];
  return usccAlphabet[(31 - (sum % 31)) % 31];
}

/** True for 18 characters of the standard alphabet (uppercase) with the right check character. */
export function isValidUscc(code: string | null | undefined): boolean {
  if (!code || code.length !== 18) return false;
  const first17 = code.slice(0, 17);
  if ([...code].some((c) => !usccAlphabet.includes(c))) return false;
  return code[17] === usccCheckCharacter(first17);
}

/** Why a USCC is not valid, in words; null when it is valid. */
export function usccProblem(code: string): string | null {
  const s = code.trim();
  if (s.length !== 18) return `统一社会信用代码应为 18 位，现为 ${s.length} 位`;
  if (s !== s.toUpperCase()) return '统一社会信用代码中的字母应为大写';
  const bad = [...s].find((c) => !usccAlphabet.includes(c));
  if (bad) return `统一社会信用代码不能含有字符“${bad}”（不使用 I、O、Z、S、V）`;
  const expected = usccCheckCharacter(s.slice(0, 17));
  if (s[17] !== expected) return `统一社会信用代码校验码错误（应为 ${expected}），请核对`;
  return null;
}

/** Age in whole years at a date (yyyy-mm-dd) of someone born on `birth` (yyyy-mm-dd). */
export function ageAt(birth: string, at: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [ay, am, ad] = at.split('-').map(Number);
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age--;
  return age;
}
