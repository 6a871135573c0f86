import { useSearchParams } from 'react-router';
import { SignInForm } from '../modules/accounts/sign-in-form';

export function SignInPage() {
  const [searchParams] = useSearchParams();
  return (
    <div className="narrow">
      <SignInForm returnTo={searchParams.get('next')} />
    </div>
  );
}
