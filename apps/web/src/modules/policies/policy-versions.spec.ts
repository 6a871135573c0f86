import { diffPair, newestFirst, previousVersionOf } from './policy-versions';

const versions = [{ version: '1.0' }, { version: '2.0' }, { version: '2.10' }, { version: '3.0' }];

describe('previousVersionOf', () => {
  it('is the version before in publication order, or null for the first and unknown ones', () => {
    expect(previousVersionOf(versions, '3.0')).toBe('2.10');
    expect(previousVersionOf(versions, '1.0')).toBeNull();
    expect(previousVersionOf(versions, '9.0')).toBeNull();
  });
});

describe('newestFirst', () => {
  it('orders numerically, not as text', () => {
    expect(newestFirst([{ version: '2.9' }, { version: '2.10' }, { version: '1.0' }]).map((v) => v.version)).toEqual(['2.10', '2.9', '1.0']);
  });
});

describe('diffPair', () => {
  it('keeps a valid pair from the query', () => {
    expect(diffPair(versions, '1.0', '2.0')).toEqual({ from: '1.0', to: '2.0' });
  });

  it('defaults to the latest version against the one before it', () => {
    expect(diffPair(versions, null, null)).toEqual({ from: '2.10', to: '3.0' });
    expect(diffPair(versions, '7.0', 'nope')).toEqual({ from: '2.10', to: '3.0' });
    expect(diffPair(versions, null, '2.0')).toEqual({ from: '1.0', to: '2.0' });
  });

  it('has no pair with fewer than two versions', () => {
    expect(diffPair([{ version: '1.0' }], null, null)).toBeNull();
    expect(diffPair([], null, null)).toBeNull();
  });
});
