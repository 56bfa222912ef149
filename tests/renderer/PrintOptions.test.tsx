import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { PageSettingsSchema } from '../../electron/core/model';
import { PrintOptions } from '../../renderer/src/features/volumes/PrintOptions';

describe('the print-shop options of a volume', () => {
  it('offer crop marks only with a PDF/X-4 file, and padding to 4 or 2 pages', () => {
    const onChange = vi.fn();
    const page = PageSettingsSchema.parse({});
    const view = render(<PrintOptions page={page} onChange={onChange} />);
    const marks = screen.getByRole('checkbox', { name: '加裁切线' });
    expect(marks).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: /PDF\/X-4/ }));
    expect(onChange).toHaveBeenLastCalledWith({ pdfx: true });
    view.rerender(<PrintOptions page={{ ...page, pdfx: true }} onChange={onChange} />);
    expect(screen.getByRole('checkbox', { name: '加裁切线' })).toHaveProperty('disabled', false);
    fireEvent.change(screen.getByLabelText('总页数补足为'), { target: { value: '2' } });
    expect(onChange).toHaveBeenLastCalledWith({ padTo: 2 });
  });
});
