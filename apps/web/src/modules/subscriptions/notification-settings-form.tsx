import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { NotificationSettingsFieldsFragment, NotificationSettingsQuery } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { EmptyState, ErrorState, FieldError, FormError, LoadingState } from '../layout/states';
import { browserTimeZone, describeDigestSchedule, hourLabel, knownTimeZones, settingsInputOf, timeZoneGroups, timeZoneLabel, WEEKDAYS, type DigestSettingsForm } from './digest-settings';
import { groupFollows } from './follows';
import { notificationSettingsQuery } from './graphql/notification-settings.query';
import { sendEmailConfirmationMutation } from './graphql/send-email-confirmation.mutation';
import { sendMyDigestNowMutation } from './graphql/send-my-digest-now.mutation';
import { unfollowMutation } from './graphql/unfollow.mutation';
import { updateNotificationSettingsMutation } from './graphql/update-notification-settings.mutation';

type Me = NonNullable<NotificationSettingsQuery['me']>;

export function NotificationSettingsPanel() {
  const { data, error } = useQuery(notificationSettingsQuery);
  if (error && !data) return <ErrorState error={error} title="Could not load your settings" />;
  if (!data) return <LoadingState />;
  if (!data.me) {
    return (
      <p className="card">
        <Link to="/signin?next=%2Fsettings%2Fnotifications">Sign in</Link> to choose your digest and what you follow.
      </p>
    );
  }
  return (
    <>
      <DigestSettings me={data.me} />
      <FollowList me={data.me} />
    </>
  );
}

function formOf(settings: NotificationSettingsFieldsFragment): DigestSettingsForm {
  return {
    digestFrequency: settings.digestFrequency,
    digestWeekday: settings.digestWeekday ?? 1,
    digestHour: settings.digestHour,
    timeZone: settings.timeZone,
    autoWatch: settings.autoWatch,
  };
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function DigestSettings({ me }: { me: Me }) {
  const [form, setForm] = useState<DigestSettingsForm>(() => formOf(me.notificationSettings));
  const [zones] = useState(knownTimeZones);
  const browserZone = browserTimeZone();
  const [updateSettings, saving] = useMutation(updateNotificationSettingsMutation, { refetchQueries: ['NotificationSettings'] });
  const [sendDigest, sending] = useMutation(sendMyDigestNowMutation);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const [saved, setSaved] = useState(false);
  const [digestMessage, setDigestMessage] = useState<string | null>(null);

  function change(update: Partial<DigestSettingsForm>) {
    setSaved(false);
    setForm((current) => ({ ...current, ...update }));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      await updateSettings({ variables: { input: settingsInputOf(form) } });
      setSaved(true);
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  async function sendPreview() {
    setDigestMessage(null);
    try {
      const result = await sendDigest();
      setDigestMessage(result.data?.sendMyDigestNow ? `A preview digest is on its way to ${me.email}.` : 'Nothing new to put in a digest yet, so none was sent.');
    } catch (error) {
      setDigestMessage(summariseApiError(error).message);
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="digest-settings">
      <h2>Digest email</h2>
      <p className="hint">What happened since the last digest in what you follow, sent to {me.email}.</p>
      {me.notificationSettings.emailConfirmedAt ? null : <EmailConfirmation email={me.email} />}
      <FormError summary={failure} />
      <fieldset className="choice-group">
        <legend>How often</legend>
        {(['DAILY', 'WEEKLY', 'OFF'] as const).map((frequency) => (
          <label key={frequency} className="inline">
            <input type="radio" name="digestFrequency" value={frequency} checked={form.digestFrequency === frequency} onChange={() => change({ digestFrequency: frequency })} data-testid={`digest-${frequency.toLowerCase()}`} />
            {frequency === 'DAILY' ? 'Daily' : frequency === 'WEEKLY' ? 'Weekly' : 'Off'}
          </label>
        ))}
      </fieldset>
      {form.digestFrequency === 'WEEKLY' ? (
        <label>
          Day of the week
          <select value={form.digestWeekday} onChange={(event) => change({ digestWeekday: Number(event.target.value) })} data-testid="digest-weekday">
            {WEEKDAYS.map((day, index) => (
              <option key={day} value={index + 1}>
                {day}
              </option>
            ))}
          </select>
          <FieldError id="digest-weekday-error" message={failure?.fieldErrors.digestWeekday} />
        </label>
      ) : null}
      {form.digestFrequency === 'OFF' ? null : (
        <label>
          At (your local time)
          <select value={form.digestHour} onChange={(event) => change({ digestHour: Number(event.target.value) })} data-testid="digest-hour">
            {HOURS.map((hour) => (
              <option key={hour} value={hour}>
                {hourLabel(hour)}
              </option>
            ))}
          </select>
          <FieldError id="digest-hour-error" message={failure?.fieldErrors.digestHour} />
        </label>
      )}
      <label>
        Time zone
        {zones.length > 0 ? (
          // A list of the zones the browser knows (IANA names), so nothing can be mistyped.
          <select value={form.timeZone} onChange={(event) => change({ timeZone: event.target.value })} required data-testid="digest-time-zone">
            {timeZoneGroups(zones, form.timeZone).map((group) => (
              <optgroup key={group.region} label={group.region}>
                {group.zones.map((zone) => (
                  <option key={zone} value={zone}>
                    {timeZoneLabel(zone)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        ) : (
          // A browser that cannot list its zones: the name typed, checked by the api.
          <input type="text" value={form.timeZone} onChange={(event) => change({ timeZone: event.target.value })} required autoComplete="off" spellCheck={false} placeholder="e.g. Europe/London" data-testid="digest-time-zone" />
        )}
        {browserZone && browserZone !== form.timeZone.trim() ? (
          <span className="hint">
            Your browser is set to {browserZone}.{' '}
            <button type="button" className="link-button" onClick={() => change({ timeZone: browserZone })} data-testid="use-browser-time-zone">
              Use {browserZone}
            </button>
          </span>
        ) : null}
        <FieldError id="digest-time-zone-error" message={failure?.fieldErrors.timeZone} />
      </label>
      <label className="inline">
        <input type="checkbox" checked={form.autoWatch} onChange={(event) => change({ autoWatch: event.target.checked })} data-testid="auto-watch" />
        Follow questions I ask or answer automatically
      </label>
      <p className="muted" data-testid="digest-schedule">
        {describeDigestSchedule(form)}
      </p>
      <div className="row">
        <button type="submit" className="primary" disabled={saving.loading} data-testid="save-settings">
          {saving.loading ? 'Saving…' : 'Save settings'}
        </button>
        {saved ? (
          <span className="muted" role="status" data-testid="settings-saved">
            Saved.
          </span>
        ) : null}
        <button type="button" onClick={() => void sendPreview()} disabled={sending.loading} data-testid="send-digest-now">
          {sending.loading ? 'Sending…' : 'Send me a preview digest now'}
        </button>
      </div>
      {digestMessage ? (
        <p className="muted" role="status" data-testid="digest-preview-result">
          {digestMessage}
        </p>
      ) : null}
    </form>
  );
}

/** Digests only go to a confirmed address; the mail holds the link that confirms it. */
function EmailConfirmation({ email }: { email: string }) {
  const [sendConfirmation, { loading }] = useMutation(sendEmailConfirmationMutation, { refetchQueries: ['NotificationSettings'] });
  const [message, setMessage] = useState<string | null>(null);

  async function send() {
    setMessage(null);
    try {
      const result = await sendConfirmation();
      setMessage(result.data?.sendEmailConfirmation ? `We sent a confirmation link to ${email}. Open it to start receiving digests.` : 'Your address is already confirmed.');
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  return (
    <div className="email-confirmation" data-testid="email-confirmation">
      <p>
        <strong>Your address is not confirmed yet</strong>, so no digest will be sent until it is.{' '}
        <button type="button" className="link-button" onClick={() => void send()} disabled={loading} data-testid="send-email-confirmation">
          {loading ? 'Sending…' : 'Send me a confirmation link'}
        </button>
      </p>
      {message ? (
        <p className="muted" role="status">
          {message}
        </p>
      ) : null}
    </div>
  );
}

function followPath(kind: string, targetId: string, label: string): string | null {
  // Follows carry ids; only questions are addressed by id in our URLs. Tags' labels are their slugs.
  if (kind === 'QUESTION') return `/q/${targetId}`;
  if (kind === 'TAG') return `/t/${encodeURIComponent(label)}`;
  return null;
}

function FollowList({ me }: { me: Me }) {
  const [unfollow, { loading }] = useMutation(unfollowMutation, { refetchQueries: ['NotificationSettings', 'MyFollows'], awaitRefetchQueries: true });
  const [message, setMessage] = useState<string | null>(null);
  const groups = groupFollows(me.follows);

  async function remove(kind: Me['follows'][number]['kind'], targetId: string) {
    setMessage(null);
    try {
      await unfollow({ variables: { input: { kind, targetId } } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  return (
    <section className="card" aria-labelledby="follows-heading" data-testid="follow-list">
      <h2 id="follows-heading">What you follow</h2>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      {groups.length === 0 ? (
        <EmptyState>Nothing yet. Use the Follow buttons on communities, tags, questions and policy documents.</EmptyState>
      ) : (
        groups.map((group) => (
          <div key={group.kind}>
            <h3>{group.heading}</h3>
            <ul className="follow-list">
              {group.follows.map((follow) => {
                const path = followPath(follow.kind, follow.targetId, follow.label);
                return (
                  <li key={`${follow.kind}-${follow.targetId}`} data-testid="followed">
                    {path ? <Link to={path}>{follow.label}</Link> : <span>{follow.label}</span>}{' '}
                    <button type="button" className="link-button" onClick={() => void remove(follow.kind, follow.targetId)} disabled={loading} data-testid="unfollow">
                      Unfollow
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
