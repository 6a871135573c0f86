/**
 * Every way a policy file, a document's history or a corpus folder can be wrong.
 * The api maps these to BAD_USER_INPUT messages and the CLI prints them, so each
 * rule is a stable string rather than free text.
 */
export const POLICY_FORMAT_RULES = [
  // one file: front matter
  'missing-front-matter',
  'invalid-front-matter',
  'unknown-field',
  'missing-field',
  'invalid-field',
  'invalid-version',
  'invalid-date',
  'invalid-adapted-from',
  // one file: sections
  'content-outside-section',
  'misplaced-title-heading',
  'setext-heading',
  'heading-too-long',
  'empty-section-title',
  'invalid-anchor',
  'duplicate-anchor',
  'no-sections',
  // one document: its versions together
  'duplicate-version',
  'version-not-increasing',
  'published-before-previous',
  'document-mismatch',
  // a corpus folder
  'file-name-mismatch',
  'misplaced-file',
  'duplicate-document',
  'unreadable-file',
] as const;

export type PolicyFormatRule = (typeof POLICY_FORMAT_RULES)[number];

export interface PolicyFormatError {
  rule: PolicyFormatRule;
  message: string;
  /** The file as the caller named it; null for text that did not come from a file (a draft). */
  file: string | null;
  /** 1-based line in the file; null when the problem spans files (history, corpus). */
  line: number | null;
}

/** `corpus/x/1.0.md:12: message [rule]` — the shape editors and CI logs link up. */
export function formatPolicyFormatError(error: PolicyFormatError): string {
  const where = [error.file ?? '<input>', error.line === null ? null : String(error.line)]
    .filter((part): part is string => part !== null)
    .join(':');
  return `${where}: ${error.message} [${error.rule}]`;
}

/** Thrown by the loaders that promise valid output; carries every error, not just the first. */
export class PolicyFormatException extends Error {
  readonly errors: readonly PolicyFormatError[];

  constructor(errors: readonly PolicyFormatError[], summary = 'Invalid policy files') {
    super(
      `${summary} (${errors.length} error${errors.length === 1 ? '' : 's'}):\n` +
        errors.map((error) => `  ${formatPolicyFormatError(error)}`).join('\n'),
    );
    this.name = 'PolicyFormatException';
    this.errors = errors;
  }
}

export function policyFormatError(
  rule: PolicyFormatRule,
  message: string,
  file: string | null,
  line: number | null,
): PolicyFormatError {
  return { rule, message, file, line };
}
