import { Link } from 'react-router';
import { ChangePasswordForm } from '../modules/accounts/change-password-form';
import { DeleteAccount } from '../modules/accounts/delete-account';
import { SignOutEverywhere } from '../modules/accounts/sign-out-everywhere';
import { useViewer } from '../modules/accounts/use-viewer';
import { LoadingState } from '../modules/layout/states';

export function AccountSettingsPage() {
  const { viewer, loading } = useViewer();
  if (loading) return <LoadingState />;
  if (!viewer) {
    return (
      <div className="settings-page">
        <h1>Account</h1>
        <p className="card">
          <Link to="/signin?next=%2Fsettings%2Faccount">Sign in</Link> to manage your account.
        </p>
      </div>
    );
  }
  return (
    <div className="settings-page">
      <h1>Account</h1>
      <p className="muted">
        Signed in as {viewer.email}. <Link to="/settings/notifications">Digest and follows</Link> · <Link to={`/u/${viewer.user.id}`}>Your profile</Link>
      </p>
      <ChangePasswordForm />
      <SignOutEverywhere />
      <DeleteAccount email={viewer.email} />
    </div>
  );
}
