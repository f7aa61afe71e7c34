// Live updates in the page: an EventSource on the conference's stream that calls back when a topic changes;
// while the stream is down the caller keeps polling (the hook says whether it is live).

import { useEffect, useRef, useState } from 'react';

/** Topics of src/store/live/live-updates.ts. */
export type LiveTopic = 'roll-call' | 'counting' | 'election' | 'result' | 'conference';

/** Which stream: the signed-in day pages' (every topic) or the public one (roll-call, election). */
export type LiveScope = 'day' | 'public';

/** The stream's URL for a conference. */
export function liveUrl(conferenceId: string, scope: LiveScope): string {
  const id = encodeURIComponent(conferenceId);
  return scope === 'public' ? `/api/public/conferences/${id}/live` : `/api/conferences/${id}/live`;
}

/**
 * Calls `onChange(topic)` when one of `topics` changes on the server (several changes close together come
 * as one), and once each time the stream (re)connects, since changes may have been missed meanwhile.
 * Returns true while the stream is connected; false before, after an error and while the browser
 * reconnects, when the caller should poll as it did before live updates.
 */
export function useLive(
  conferenceId: string,
  topics: readonly LiveTopic[],
  onChange: (topic: LiveTopic | 'connected') => void,
  scope: LiveScope = 'day',
): boolean {
  const [live, setLive] = useState(false);
  const changeRef = useRef(onChange);
  changeRef.current = onChange;
  const topicKey = topics.join(',');
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const wanted = new Set(topicKey.split(','));
    const source = new EventSource(liveUrl(conferenceId, scope));
    source.addEventListener('ready', () => {
      setLive(true);
      changeRef.current('connected');
    });
    source.addEventListener('change', (e: MessageEvent<string>) => {
      try {
        const { topic } = JSON.parse(e.data) as { topic: LiveTopic };
        if (wanted.has(topic)) changeRef.current(topic);
      } catch {
        // A malformed event is ignored; the next poll or change still refreshes the page.
      }
    });
    // The browser retries by itself unless the answer was not a stream (401, 404, 406): then it is closed.
    source.onerror = () => setLive(false);
    return () => {
      source.close();
      setLive(false);
    };
  }, [conferenceId, scope, topicKey]);
  return live;
}
