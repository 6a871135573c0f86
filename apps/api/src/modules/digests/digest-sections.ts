import { inMailOrder, type DigestSectionContributor } from './digest-content.js';
import { newQuestionsContributor, watchedQuestionsContributor } from './forum-digest-sections.js';
import { policyVersionsSection, staleCitationsSection } from './policy-digest-sections.js';

/** Injection token for the list below. */
export const DIGEST_SECTIONS = Symbol('DIGEST_SECTIONS');

/**
 * Every section a digest can have: the one list, fixed when the module is built (a new
 * section is one more entry here, nothing registers at run time). Each reads for a whole
 * batch in one statement; `order` places it in the mail.
 */
export const digestSections: readonly DigestSectionContributor[] = inMailOrder([
  newQuestionsContributor,
  watchedQuestionsContributor,
  policyVersionsSection,
  staleCitationsSection,
]);

export const digestSectionsProvider = { provide: DIGEST_SECTIONS, useValue: digestSections };
