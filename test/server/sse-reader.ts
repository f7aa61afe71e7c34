// Reads a Server-Sent Events response event by event (for the live-update tests), skipping comment lines.

/** One event: its name (default "message") and data. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/** A reader over a streaming Response body. */
export interface SseReader {
  /** The next event; rejects when the stream ends first. */
  next(): Promise<SseEvent>;
  /** Reads events until one passes `accept`; returns it with the events skipped on the way. */
  until(accept: (e: SseEvent) => boolean): Promise<{ event: SseEvent; skipped: SseEvent[] }>;
  /** Comment lines seen (heartbeats). */
  comments(): number;
  /** Stops reading: the server sees the client leave. */
  cancel(): Promise<void>;
}

/** Wraps `res.body`. */
export function sseReader(res: Response): SseReader {
  if (res.body === null) throw new Error('no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let comments = 0;
  const parse = (block: string): SseEvent | null => {
    let event = 'message';
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) {
        comments += 1;
        continue;
      }
      const at = line.indexOf(':');
      const field = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      if (field === 'data') data.push(value);
      if (field === 'event' || field === 'data') any = true;
    }
    return any ? { event, data: data.join('\n') } : null;
  };
  const next = async (): Promise<SseEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const parsed = parse(block);
        if (parsed !== null) return parsed;
        continue;
      }
      const { done, value } = await reader.read();
      if (done) throw new Error('the event stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  return {
    next,
    async until(accept) {
      const skipped: SseEvent[] = [];
      for (;;) {
        const e = await next();
        if (accept(e)) return { event: e, skipped };
        skipped.push(e);
      }
    },
    comments: () => comments,
    cancel: () => reader.cancel(),
  };
}

/** The topic of a `change` event, or null. */
export function topicOf(e: SseEvent): string | null {
  if (e.event !== 'change') return null;
  return (JSON.parse(e.data) as { topic: string }).topic;
}
