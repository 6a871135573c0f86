import { useParams } from 'react-router';
import { FeedLink, feedUrls } from '../modules/layout/feed-link';
import { QuestionDetail } from '../modules/questions/question-detail';

export function QuestionPage() {
  const { id = '' } = useParams();
  return (
    <>
      <FeedLink href={feedUrls.answers(id)} title="Answers to this question" />
      <QuestionDetail key={id} questionId={id} />
    </>
  );
}
