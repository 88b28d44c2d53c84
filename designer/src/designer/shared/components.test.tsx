import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CommandStack, command } from '../commands/commandStack';
import { FileDiffs } from '../publish/FileDiffs';
import { DiagnosticsList } from './Diagnostics';
import { EditorToolbar } from './EditorToolbar';
import type { FileEditor } from './useFileEditor';

function fakeEditor(stack: CommandStack<string[]>, overrides: Partial<FileEditor<string[]>> = {}): FileEditor<string[]> {
  return {
    stack, model: stack.state, etag: '"e"', editable: true, dirty: stack.dirty, diagnostics: [], canonical: null, validating: false, saving: false, conflict: null,
    execute: (c) => { stack.execute(c); }, save: async () => true, keepMine: async () => true, mergeBoth: async () => [], takeTheirs: () => {}, closeConflict: () => {},
    ...overrides,
  };
}

describe('EditorToolbar', () => {
  it('undoes and redoes the named command from its buttons and from Ctrl+Z / Ctrl+Shift+Z', () => {
    const stack = new CommandStack<string[]>([]);
    stack.execute(command('material.add', '添加材料 营业执照', (s) => [...s, '营业执照']));
    render(<EditorToolbar editor={fakeEditor(stack)} />);
    fireEvent.click(screen.getByRole('button', { name: /撤销/ }));
    expect(stack.state).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /重做/ }));
    expect(stack.state).toEqual(['营业执照']);
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(stack.state).toEqual([]);
    fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(stack.state).toEqual(['营业执照']);
  });

  it('says read-only and disables saving for a file the user may not change', () => {
    const stack = new CommandStack<string[]>([]);
    render(<EditorToolbar editor={fakeEditor(stack, { editable: false })} />);
    expect(screen.getByText('只读：您无权修改此文件')).toBeTruthy();
    expect((screen.getByRole('button', { name: /保存草稿/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('counts the errors the server found', () => {
    const stack = new CommandStack<string[]>([]);
    const diagnostics = [{ severity: 'error' as const, code: 'WF3001', file: 'definitions/items/x/guide.yaml', line: 40, column: 13, message: '承诺时限超过法定时限' }];
    render(<EditorToolbar editor={fakeEditor(stack, { diagnostics })} />);
    expect(screen.getByText('1 个错误')).toBeTruthy();
  });
});

describe('DiagnosticsList and FileDiffs', () => {
  it('shows each diagnostic with its location and element', () => {
    render(<DiagnosticsList diagnostics={[{ severity: 'error', code: 'WF2005', file: 'definitions/items/x/workflow.yaml', line: 9, column: 11, message: '步骤不存在', element: 'step', 'element-id': 'review' }]} />);
    const row = screen.getByTestId('diagnostic');
    expect(row.textContent).toContain('workflow.yaml:9:11');
    expect(row.textContent).toContain('步骤 review');
  });

  it('shows the semantic lines and the coloured raw diff of a file', () => {
    render(<FileDiffs files={[{ path: 'definitions/items/x/materials.yaml', status: 'modified', title: '申请材料（事项 教师资格认定）', semantic: ['材料 居民身份证: 必要 → 容缺'], raw: '@@ -20 +20 @@\n-  necessity: required\n+  necessity: deferrable\n' }]} publishable={[]} />);
    expect(screen.getByTestId('semantic-diff').textContent).toContain('必要 → 容缺');
    expect(screen.getByText('您无权发布此文件')).toBeTruthy();
    expect(screen.getByTestId('raw-diff').textContent).toContain('+  necessity: deferrable');
  });
});
