import { useParams } from 'react-router';
import { ResetPasswordForm } from '../modules/accounts/reset-password-form';

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  return (
    <div className="narrow">
      <ResetPasswordForm key={token} token={token} />
    </div>
  );
}
