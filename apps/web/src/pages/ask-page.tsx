import { useSearchParams } from 'react-router';
import { AskQuestionForm } from '../modules/questions/ask-question-form';

export function AskPage() {
  const [searchParams] = useSearchParams();
  return <AskQuestionForm initialCommunitySlug={searchParams.get('community')} />;
}
