import { CreatePolicyDocumentForm } from '../modules/policies/create-policy-document-form';
import { PolicyLibrary } from '../modules/policies/policy-library';
import { PageMeta } from '../modules/seo/page-meta';

export function PoliciesPage() {
  return (
    <div className="policies-page">
      <PageMeta title="Policy library" description="Versioned policies that answers cite, section by section, from councils, schools and parishes. A published version never changes; a revision is a new version." path="/policies" />
      <h1>Policy library</h1>
      <p className="muted">Versioned policies that answers cite, section by section. A published version never changes; a revision is a new version.</p>
      <PolicyLibrary />
      <CreatePolicyDocumentForm />
    </div>
  );
}
