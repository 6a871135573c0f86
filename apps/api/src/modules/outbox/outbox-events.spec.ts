import { checkOutboxHandlers, OUTBOX_EVENT_KINDS } from './outbox-events.js';

describe('outbox event kinds and their handlers', () => {
  it('refuses a handler list that leaves a kind without a handler, naming it', () => {
    expect(() => checkOutboxHandlers({})).toThrow('No handler for outbox event kind(s): policy-version-published');
    expect(() => checkOutboxHandlers({ 'policy-version-published': {} })).toThrow('policy-version-published');
  });

  it('accepts a list with a handler for every kind', () => {
    const handlers = Object.fromEntries(OUTBOX_EVENT_KINDS.map((kind) => [kind, { handle: () => Promise.resolve() }]));
    expect(() => checkOutboxHandlers(handlers)).not.toThrow();
    expect(OUTBOX_EVENT_KINDS).toEqual(['policy-version-published']);
  });
});
