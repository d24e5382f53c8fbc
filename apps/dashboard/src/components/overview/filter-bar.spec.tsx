import { act, fireEvent, render, screen } from '@testing-library/react';
import { FilterBar } from './filter-bar';

const mockRouter = { replace: jest.fn() };
jest.mock('next/navigation', () => ({ useRouter: () => mockRouter }));

const TAGS = ['payments', 'crm'];
const searchBox = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Search by name' });

beforeEach(() => {
  jest.useFakeTimers();
  mockRouter.replace.mockClear();
});
afterEach(() => jest.useRealTimers());

describe(FilterBar.name, () => {
  it('puts the search in the URL once typing pauses, keeping the other filters and leaving the page', () => {
    render(<FilterBar params={{ tag: 'crm', cursor: 'abc' }} tags={TAGS} />);
    fireEvent.change(searchBox(), { target: { value: 'bil' } });
    fireEvent.change(searchBox(), { target: { value: 'billing ' } });
    expect(mockRouter.replace).not.toHaveBeenCalled();
    act(() => jest.advanceTimersByTime(250));
    expect(mockRouter.replace).toHaveBeenCalledTimes(1);
    expect(mockRouter.replace).toHaveBeenCalledWith('/?q=billing&tag=crm', { scroll: false });
  });

  it('keeps what is being typed when its own search comes back in the URL', () => {
    const { rerender } = render(<FilterBar params={{}} tags={TAGS} />);
    fireEvent.change(searchBox(), { target: { value: 'bil' } });
    act(() => jest.advanceTimersByTime(250));
    fireEvent.change(searchBox(), { target: { value: 'bill' } });
    rerender(<FilterBar params={{ q: 'bil' }} tags={TAGS} />);
    expect(searchBox().value).toBe('bill');
  });

  it.each([
    ['cleared by a link', { q: 'zzz' }, {}, ''],
    ['changed by going Back', { q: 'billing' }, { q: 'bil' }, 'bil'],
  ])('shows the search of the URL when it is %s', (_label, before, after, shown) => {
    const { rerender } = render(<FilterBar params={before} tags={TAGS} />);
    expect(searchBox().value).toBe(before.q);
    rerender(<FilterBar params={after} tags={TAGS} />);
    expect(searchBox().value).toBe(shown);
  });

  it('applies a select at once and clears every filter with its button', () => {
    render(<FilterBar params={{ q: 'billing' }} tags={TAGS} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tag' }), { target: { value: 'payments' } });
    expect(mockRouter.replace).toHaveBeenLastCalledWith('/?q=billing&tag=payments', { scroll: false });
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(mockRouter.replace).toHaveBeenLastCalledWith('/', { scroll: false });
    expect(searchBox().value).toBe('');
  });
});
