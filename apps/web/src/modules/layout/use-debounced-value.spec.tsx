import { act, render } from '@testing-library/react';
import { useDebouncedValue } from './use-debounced-value';

function Probe({ value }: { value: string }) {
  return <span data-testid="probe">{useDebouncedValue(value, 300)}</span>;
}

describe('useDebouncedValue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('only takes the latest value after the delay', () => {
    const { getByTestId, rerender } = render(<Probe value="a" />);
    rerender(<Probe value="ab" />);
    act(() => jest.advanceTimersByTime(200));
    rerender(<Probe value="abc" />);
    act(() => jest.advanceTimersByTime(200));
    expect(getByTestId('probe').textContent).toBe('a');
    act(() => jest.advanceTimersByTime(100));
    expect(getByTestId('probe').textContent).toBe('abc');
  });
});
