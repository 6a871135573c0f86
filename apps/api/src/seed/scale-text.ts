import { SeededRandom, Zipf } from './scale-random.js';

/**
 * Words of the field, most used first. Beyond them come made-up words, so the vocabulary
 * has the long tail real text has: a two-word search then matches hundreds of posts, not
 * every post, and the full-text indexes hold as many distinct terms as a real forum's.
 */
const FIELD_WORDS = `the policy council to of and a in for is that on we with as it our be this are have
staff social media officer guidance section code conduct interest declare manager parish councillor
school governor community practice question answer employee personal professional responsibility
blog post comment website public service residents decision review approve consult procedure
document version revision update change published draft author contribute organisation county
district authority local government team department director head communications digital risk
account information security privacy data protection consent record retention request complaint
training support advice contact role responsibilities conflict outside business pecuniary line
approval withheld redistribute work material effect extreme case give up declared director partner
consultant shareholder engagement customer consultation knowledge sharing development emergency
trading standards libraries road safety highways waste registration strategy framework process
objective tool channel portfolio benefit cost evaluate priority measure indicator campaign audience
message tone brand reputation incident breach report escalate monitor moderate remove abuse
harassment complaint election purdah period restriction political neutrality impartial criticism
opinion view statement behalf capacity identify yourself profile photo twitter facebook linkedin
youtube forum group page follower subscriber visit referrer popular read statistic month day week
year meeting agenda minutes committee cabinet member elected officer scrutiny audit finance budget
procurement contract supplier equality diversity accessibility language plain english translation
volunteer partner charity health care housing planning licence permit inspection enforcement
notice appeal tribunal legal counsel solicitor monitoring freedom act regulation guidance example
template checklist scenario tips useful contacts considered acknowledge source adapt reuse attribution
licence copyright image video live stream photograph recording event press release journalist`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = 'ba be bi bo bu da de di do du fa fe fi fo ga ge gi go ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za ze zo'.split(' ');

function madeUpWords(count: number, random: SeededRandom, taken: Set<string>): string[] {
  const words: string[] = [];
  while (words.length < count) {
    const parts = random.between(2, 4);
    let word = '';
    for (let i = 0; i < parts; i += 1) word += random.pick(SYLLABLES);
    if (random.chance(0.4)) word += random.pick(['n', 'r', 's', 't', 'l', 'x']);
    if (!taken.has(word)) {
      taken.add(word);
      words.push(word);
    }
  }
  return words;
}

const FIRST_NAMES = 'Alex Sam Jo Priya Tom Aisha Kate David Mei Olu Chris Fatima Ben Hannah Raj Lucy Omar Grace Ivan Zara Noah Ella Kwame Sofia Liam Nia Owen Amira Dan Ruth'.split(' ');
const LAST_NAMES = 'Linden Okafor Smith Patel Jones Khan Evans Wright Chen Murphy Hughes Ali Davies Brown Singh Taylor Clarke Walsh Ahmed Price Morgan Reid Shaw Baker Lewis Kaur Hall Young Ward Bell'.split(' ');

/** The forum's words and the shapes of its posts, all from one seed. */
export class ScaleText {
  readonly words: string[];
  private readonly wordRank: Zipf;

  constructor(readonly random: SeededRandom) {
    const taken = new Set(FIELD_WORDS);
    this.words = [...new Set(FIELD_WORDS), ...madeUpWords(6000, random, taken)];
    this.wordRank = new Zipf(this.words.length, 1.07);
  }

  word(): string {
    return this.words[this.wordRank.sample(this.random)] as string;
  }

  sentence(minWords: number, maxWords: number): string {
    const count = this.random.between(minWords, maxWords);
    let text = this.word();
    text = text.charAt(0).toUpperCase() + text.slice(1);
    for (let i = 1; i < count; i += 1) text += (this.random.chance(0.06) ? ', ' : ' ') + this.word();
    return text + (this.random.chance(0.1) ? '?' : '.');
  }

  /** Roughly `length` characters of Markdown paragraphs (never more than `max`). */
  paragraphs(length: number, max: number): string {
    const parts: string[] = [];
    let total = 0;
    while (total < length) {
      const sentences: string[] = [];
      const count = this.random.between(2, 6);
      for (let i = 0; i < count && total < length; i += 1) {
        const sentence = this.sentence(6, 22);
        sentences.push(sentence);
        total += sentence.length + 1;
      }
      parts.push(sentences.join(' '));
      total += 2;
    }
    const text = parts.join('\n\n');
    return text.length > max ? text.slice(0, max).trimEnd() : text;
  }

  /**
   * A length in characters from a log-normal spread around `median`, within [min, max]:
   * most posts are short, a few are long, as on any forum.
   */
  length(median: number, min: number, max: number): number {
    const u1 = Math.max(this.random.next(), 1e-12);
    const u2 = this.random.next();
    const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return Math.round(Math.min(max, Math.max(min, median * Math.exp(0.7 * normal))));
  }

  title(): string {
    const text = this.sentence(5, 14).replace(/[.?]$/, '?');
    if (text.length < 10) return `${text} What does our policy say?`;
    return text.length > 200 ? `${text.slice(0, 198)}?` : text;
  }

  personName(): string {
    return `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`;
  }
}
