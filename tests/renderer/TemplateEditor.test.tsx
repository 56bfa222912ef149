import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { TemplateEditor } from '../../renderer/src/features/settings/TemplateEditor';
import type { FormSettings } from '../../electron/contract';

const EMPTY: FormSettings = { hidden: [], required: [], customFields: [] };

describe('the template editor in the settings', () => {
  it('hides a field, requires another and adds a field of the library’s own; the title stays shown', () => {
    const onForm = vi.fn<(form: FormSettings) => void>();
    render(<TemplateEditor form={EMPTY} onForm={onForm} readOnly={false} />);
    expect((screen.getByLabelText('显示「题名」') as HTMLInputElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('显示「备注」'));
    expect(onForm).toHaveBeenLastCalledWith({ ...EMPTY, hidden: ['notes'] });
    fireEvent.click(screen.getByLabelText('「提供者」必填'));
    expect(onForm).toHaveBeenLastCalledWith({ ...EMPTY, required: ['provenance.provider'] });
    fireEvent.change(screen.getByLabelText('新字段名称'), { target: { value: '捐赠单位' } });
    fireEvent.change(screen.getByLabelText('放在'), { target: { value: 'provenanceAndRights' } });
    fireEvent.click(screen.getByRole('button', { name: '添加自定义字段' }));
    const added = onForm.mock.lastCall![0].customFields[0]!;
    expect(added).toMatchObject({
      label: '捐赠单位',
      group: 'provenanceAndRights',
      input: 'text',
      kinds: [],
    });
    expect(added.key).toMatch(/^[a-z0-9_-]{1,40}$/);
  });
});
