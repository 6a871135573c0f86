import { useParams } from 'react-router';
import { QuestionList } from '../modules/questions/question-list';

export function TagPage() {
  const { slug = '' } = useParams();
  return (
    <div className="tag-page">
      <h1>
        Questions tagged <span className="tag">{slug}</span>
      </h1>
      <QuestionList filter={{ tag: slug }} emptyText="No questions with this tag yet." />
    </div>
  );
}
