// The mail benchmark's SMTP sink in a process of its own (so the server's work does not share the
// sending process's one thread): accepts every message without parsing it; tells its parent its
// URL, and how many it accepted when asked.
import { startSmtpSink } from '../src/testing/smtp.ts';

const sink = await startSmtpSink({ parse: false });
process.send?.({ url: sink.url });
process.on('message', (m: unknown) => {
  if (m === 'count') process.send?.({ accepted: sink.accepted() });
  if (m === 'stop') void sink.close().then(() => process.exit(0));
});
