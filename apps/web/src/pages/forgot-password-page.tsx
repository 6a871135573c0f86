import { ForgotPasswordForm } from '../modules/accounts/forgot-password-form';

export function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <ForgotPasswordForm />
    </div>
  );
}
