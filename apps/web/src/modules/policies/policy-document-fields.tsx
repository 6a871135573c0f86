import { useId, useState } from 'react';
import { Link } from 'react-router';
import { FieldError } from '../layout/states';
import { slugFromTitle } from './document-slug';
import { OrganisationSelect, type AuthoringOrganisation } from './organisation-select';

export interface PolicyDocumentFieldValues {
  organisationSlug: string;
  title: string;
  slug: string;
}

/**
 * Organisation, title and slug, for a new document or an adaptation. The slug follows the
 * title until the author edits it; the organisation list holds only those they may
 * publish for, chosen already when there is one.
 */
export function usePolicyDocumentFields(organisations: readonly AuthoringOrganisation[], initialTitle = '') {
  const [organisationSlug, setOrganisationSlug] = useState('');
  const [title, setTitle] = useState(initialTitle);
  const [typedSlug, setTypedSlug] = useState<string | null>(null);
  const values: PolicyDocumentFieldValues = {
    organisationSlug: organisationSlug || (organisations.length === 1 ? (organisations[0]?.slug ?? '') : ''),
    title,
    slug: typedSlug ?? slugFromTitle(title),
  };
  return { values, setOrganisationSlug, setTitle, setSlug: setTypedSlug };
}

interface PolicyDocumentFieldsProps {
  organisations: readonly AuthoringOrganisation[];
  fields: ReturnType<typeof usePolicyDocumentFields>;
  /** The refused form's error for a field, while it still holds what was refused (useFieldErrors). */
  errorFor: (field: keyof PolicyDocumentFieldValues) => string | undefined;
  titlePlaceholder?: string;
}

export function PolicyDocumentFields({ organisations, fields, errorFor, titlePlaceholder }: PolicyDocumentFieldsProps) {
  const id = useId();
  const { values } = fields;
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-organisation`}>Organisation</label>
        <OrganisationSelect id={`${id}-organisation`} organisations={organisations} value={values.organisationSlug} onChange={fields.setOrganisationSlug} />
        <FieldError id={`${id}-organisation-error`} message={errorFor('organisationSlug')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} type="text" value={values.title} onChange={(event) => fields.setTitle(event.target.value)} required maxLength={200} placeholder={titlePlaceholder} />
        <FieldError id={`${id}-title-error`} message={errorFor('title')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-slug`}>Slug</label>
        <input
          id={`${id}-slug`}
          type="text"
          value={values.slug}
          onChange={(event) => fields.setSlug(event.target.value)}
          required
          maxLength={100}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          aria-describedby={`${id}-slug-hint ${id}-slug-error`}
        />
        <span id={`${id}-slug-hint`} className="hint">
          Proposed from the title. Citations name the document by it (policy:{values.slug || 'slug'}@1.0#section), so it never changes.
        </span>
        <FieldError id={`${id}-slug-error`} message={errorFor('slug')} />
      </div>
    </>
  );
}

/** For someone who may not write policies anywhere: how to become able to. */
export function NoAuthoringOrganisation({ what }: { what: string }) {
  return (
    <p className="hint" data-testid="no-authoring-organisation">
      To {what}, you need the policy author role at an organisation: ask its admins for it on the organisation&apos;s page (find it from a policy or your <Link to="/policies">library</Link>).
    </p>
  );
}
