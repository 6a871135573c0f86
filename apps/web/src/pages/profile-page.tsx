import { useParams } from 'react-router';
import { UserProfile } from '../modules/accounts/user-profile';

export function ProfilePage() {
  const { id = '' } = useParams();
  return <UserProfile key={id} userId={id} />;
}
