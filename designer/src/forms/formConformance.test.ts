import { describe, expect, it } from 'vitest';
import conformanceFile from '../../../tests/conformance/forms.json';
import type { FormDefinition } from './model';
import { validateForm } from './validation';

interface Fixture { name: string; values: Record<string, unknown>; errors: Record<string, string> }
const conformance = conformanceFile as unknown as { form: FormDefinition; applicant: { type: 'person' }; fixtures: Fixture[] };

describe('the 申请表 rules in the browser: the conformance fixtures the server also runs', () => {
  for (const f of conformance.fixtures) {
    it(f.name, () => {
      expect(validateForm(conformance.form, { form: f.values, applicant: conformance.applicant, today: '2026-12-01' })).toEqual(f.errors);
    });
  }
});
