import { FLAG_REASONS, flagFormProblem, flagInputOf, flagReasonLabel } from './flag-reasons';

describe('flag reasons', () => {
  it('offers every reason the API knows, once', () => {
    expect(FLAG_REASONS.map((option) => option.reason)).toEqual(['SPAM', 'ABUSIVE', 'OFF_TOPIC', 'DUPLICATE', 'NEEDS_IMPROVEMENT', 'OTHER']);
    expect(flagReasonLabel('NEEDS_IMPROVEMENT')).toBe('Needs improvement');
  });

  it('needs a reason', () => {
    expect(flagFormProblem({ reason: null, note: 'anything' })).toEqual({ field: 'reason', message: 'Choose what is wrong with this post.' });
  });

  it('needs a note for "Something else" only, and blank does not count', () => {
    expect(flagFormProblem({ reason: 'OTHER', note: '   ' })?.field).toBe('note');
    expect(flagFormProblem({ reason: 'OTHER', note: 'Copies a blog post word for word' })).toBeNull();
    expect(flagFormProblem({ reason: 'SPAM', note: '' })).toBeNull();
  });

  it('refuses a note longer than the API keeps', () => {
    expect(flagFormProblem({ reason: 'SPAM', note: 'x'.repeat(501) })?.message).toMatch(/500 characters \(it has 501\)/);
    expect(flagFormProblem({ reason: 'SPAM', note: 'x'.repeat(500) })).toBeNull();
  });

  it('sends a trimmed note, or none', () => {
    expect(flagInputOf('p1', { reason: 'SPAM', note: '  ' })).toEqual({ postId: 'p1', reason: 'SPAM', note: null });
    expect(flagInputOf('p1', { reason: 'OTHER', note: ' copied \n' })).toEqual({ postId: 'p1', reason: 'OTHER', note: 'copied' });
  });
});
