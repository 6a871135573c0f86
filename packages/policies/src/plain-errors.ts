import type { PolicyFormatError, PolicyFormatRule } from './errors.js';

/**
 * Format errors in words for the person editing a draft in the browser, where rule ids
 * (`[content-outside-section]`) and file names mean nothing. The CLI and CI logs keep
 * `formatPolicyFormatError`, whose rule ids they can search for.
 *
 * Rules whose message already says what to do in plain words use it; the others get a
 * sentence of their own here. Every rule is listed, so adding one without its words fails
 * to compile.
 */
const SENTENCES: Record<PolicyFormatRule, ((error: PolicyFormatError) => string) | null> = {
  'missing-front-matter': null,
  'invalid-front-matter': null,
  'unknown-field': null,
  'missing-field': null,
  'invalid-field': null,
  'invalid-version': null,
  'invalid-date': null,
  'invalid-adapted-from': null,
  'content-outside-section': () =>
    'This text comes before the first section heading, so nobody could cite it. Put a heading such as "## Introduction" above it.',
  'misplaced-title-heading': () =>
    'A heading with a single "#" is only allowed once, as the title at the very top. Start sections with "##" (or "###" for a part of a section).',
  'setext-heading': () => 'A heading underlined with "===" or "---" does not start a section. Write it on one line starting with "## ".',
  'heading-too-long': null,
  'empty-section-title': () => 'This section heading has no words after the "##". Give the section a title.',
  'invalid-anchor': null,
  'duplicate-anchor': null,
  'no-sections': () => 'A policy needs at least one section: start one with a line like "## Purpose".',
  'duplicate-version': null,
  'version-not-increasing': null,
  'published-before-previous': null,
  'document-mismatch': null,
  'file-name-mismatch': null,
  'misplaced-file': null,
  'duplicate-document': null,
  'unreadable-file': null,
};

function asSentence(message: string): string {
  const trimmed = message.trim();
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** What is wrong, in plain words, without the line or the rule id. */
export function policyFormatErrorSentence(error: PolicyFormatError): string {
  return SENTENCES[error.rule]?.(error) ?? asSentence(error.message);
}

/** "Line 3: This text comes before …": the line (when there is one) and the sentence. */
export function describePolicyFormatError(error: PolicyFormatError): string {
  const sentence = policyFormatErrorSentence(error);
  return error.line === null ? sentence : `Line ${error.line}: ${sentence}`;
}
