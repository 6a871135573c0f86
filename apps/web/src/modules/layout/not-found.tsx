import { Link } from 'react-router';
import { useHttpStatus } from './http-status';
import { PageTitle } from './page-title';

export function NotFound({ what = 'page' }: { what?: string }) {
  useHttpStatus(404);
  return (
    <div className="state state-empty" data-testid="not-found">
      <PageTitle title="Not found" />
      <h1>Not found</h1>
      <p>
        This {what} does not exist or was removed. <Link to="/">Back to the home page</Link>
      </p>
    </div>
  );
}
