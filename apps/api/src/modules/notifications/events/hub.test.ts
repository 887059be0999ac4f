// The hub without a database: announcements reach the streams of their user only, a re-LISTEN
// asks every stream to catch up, stop ends every stream and refuses new ones.
import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { NotificationHub, parseAnnouncement, type HubSubscriber } from './hub.ts';

const quiet = { warn: () => {} } as unknown as FastifyBaseLogger;

function fakeDatabase() {
  const state: { notify: (payload: string) => void; relisten: () => void; unlistened: boolean } = { notify: () => {}, relisten: () => {}, unlistened: false };
  return {
    state,
    listen: async (_channel: string, onNotify: (payload: string) => void, onListen?: () => void) => {
      state.notify = onNotify;
      state.relisten = () => onListen?.();
      onListen?.();
      return {
        unlisten: async () => {
          state.unlistened = true;
        },
      };
    },
  };
}

function recorder() {
  const got: string[] = [];
  const subscriber: HubSubscriber = { notified: (seq) => got.push(`seq ${seq}`), resync: () => got.push('resync'), close: () => got.push('close') };
  return { got, subscriber };
}

describe('parseAnnouncement', () => {
  it('reads the trigger’s payload and nothing else', () => {
    expect(parseAnnouncement('{"userId":"u1","seq":7}')).toEqual({ userId: 'u1', seq: 7 });
    expect([
      parseAnnouncement('no'),
      parseAnnouncement('{"userId":1,"seq":7}'),
      parseAnnouncement('{"userId":"u","seq":"7"}'),
      parseAnnouncement('{"userId":"u","seq":1.5}'),
    ]).toEqual([null, null, null, null]);
  });
});

describe('NotificationHub', () => {
  it('hands each announcement to the streams of its user only; a re-LISTEN makes them catch up; stop ends them', async () => {
    const db = fakeDatabase();
    const hub = new NotificationHub(db, quiet);
    await hub.start();
    const [a1, a2, b] = [recorder(), recorder(), recorder()];
    hub.subscribe('a', a1.subscriber);
    const off = hub.subscribe('a', a2.subscriber);
    hub.subscribe('b', b.subscriber);
    db.state.notify('{"userId":"a","seq":1}');
    off();
    db.state.notify('{"userId":"a","seq":2}');
    db.state.notify('garbage');
    db.state.relisten();
    expect(hub.size).toBe(2);
    await hub.stop();
    expect({ a1: a1.got, a2: a2.got, b: b.got, size: hub.size, unlistened: db.state.unlistened }).toEqual({
      a1: ['seq 1', 'seq 2', 'resync', 'close'],
      a2: ['seq 1'],
      b: ['resync', 'close'],
      size: 0,
      unlistened: true,
    });
    // After stop, a new stream is ended at once.
    const late = recorder();
    hub.subscribe('a', late.subscriber);
    expect(late.got).toEqual(['close']);
  });
});
