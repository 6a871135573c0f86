import { POLICY_FORMAT_RULES, policyFormatError } from './errors.js';
import { describePolicyFormatError, policyFormatErrorSentence } from './plain-errors.js';
import { parsePolicyBody } from './sections.js';

describe('describePolicyFormatError', () => {
  it('names the line and says what to do, without the rule id or a file name', () => {
    const parsed = parsePolicyBody('Stray words before any heading.\n\n## Purpose\n\nWhy.\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map(describePolicyFormatError)).toEqual([
      'Line 1: This text comes before the first section heading, so nobody could cite it. Put a heading such as "## Introduction" above it.',
    ]);
  });

  it('keeps the details of a message that carries them, as a sentence', () => {
    const parsed = parsePolicyBody('## Scope\n\nOne.\n\n## Scope\n\nTwo.\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors.map(describePolicyFormatError)).toEqual([
      'Line 5: Anchor "scope" is already used by the section on line 1; give one of them an explicit {#anchor}.',
    ]);
  });

  it('leaves the line out when the problem has none', () => {
    expect(describePolicyFormatError(policyFormatError('version-not-increasing', 'version 1.0 is not greater than version 2.0', null, null))).toBe(
      'Version 1.0 is not greater than version 2.0.',
    );
  });

  it.each(POLICY_FORMAT_RULES)('words %s without its rule id', (rule) => {
    const sentence = policyFormatErrorSentence(policyFormatError(rule, `something about ${rule.replace(/-/g, ' ')}`, 'draft', 3));
    expect(sentence).not.toContain(`[${rule}]`);
    expect(sentence).not.toContain(rule);
    expect(sentence).toMatch(/^[A-Z"].*[.!?]$/);
  });
});
