import { useSearchParams } from 'react-router';
import { SignUpForm } from '../modules/accounts/sign-up-form';

export function SignUpPage() {
  const [searchParams] = useSearchParams();
  return (
    <div className="narrow">
      <SignUpForm returnTo={searchParams.get('next')} />
    </div>
  );
}
