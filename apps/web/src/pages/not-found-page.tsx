import { NotFound } from '../modules/layout/not-found';

export function NotFoundPage() {
  return <NotFound />;
}
