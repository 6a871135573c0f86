import { useParams } from 'react-router';
import { QuestionDetail } from '../modules/questions/question-detail';

export function QuestionPage() {
  const { id = '' } = useParams();
  return <QuestionDetail key={id} questionId={id} />;
}
