// Demo evidence files for the first start (DEMO_SEED, never under NODE_ENV=production: bootstrap.ts
// seeds demo data only then): what two seeded tasks of packages/db/src/seed-tasks.ts say was
// attached, stored through the real upload use case (upload-file.ts) as the assignee agency's
// liaison: hashed, type sniffed, chunked, audited.
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { agencies, countEvidenceFiles, tasks, users, type Db } from '@anc/db';
import type { Actor } from '@anc/domain';
import { uploadFile } from './upload-file.ts';

interface DemoFile {
  /** The seeded task it belongs to (packages/db/src/seed-tasks.ts DEMO_TASKS). */
  taskTitle: string;
  uploaderEmail: string;
  name: string;
  declaredType: string;
  bytes: () => Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A small screenshot-like PNG (the same bytes every time): a proxy console's rule table with a
 * title bar, rows, and the highlighted deny rule for 203.0.113.45 in red. No text: drawn in code.
 */
export function ruleScreenshotPng(width = 480, height = 200): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      let rgb: [number, number, number] = [248, 249, 250];
      if (y < 28)
        rgb = [33, 37, 41]; // title bar
      else if (y < 48)
        rgb = [222, 226, 230]; // column headers
      else {
        const line = Math.floor((y - 48) / 24);
        rgb = line % 2 ? [241, 243, 245] : [255, 255, 255];
        if (line === 2) rgb = [255, 227, 227]; // the new deny rule
        if (line === 2 && x >= 360 && x < 420 && (y - 48) % 24 >= 6 && (y - 48) % 24 < 18) rgb = [201, 42, 42];
        if ((y - 48) % 24 === 23) rgb = [206, 212, 218];
      }
      // Text-like bars in the first columns.
      const inRow = (y - 48) % 24;
      if (y >= 48 && inRow >= 9 && inRow < 15 && ((x >= 16 && x < 120) || (x >= 150 && x < 300 && (x >> 3) % 5 !== 0))) rgb = [73, 80, 87];
      raw.set(rgb, row + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

const MAIL_LOG_EXCERPT = `# Extracto de la bitácora de autenticación del servidor de correo (UTC)
# Cuentas del foro: intentos de acceso desde direcciones externas antes del cambio de contraseñas.
2026-11-28T03:12:44Z mx01 auth[2214]: FAIL user=c.ramirez rip=198.51.100.23 method=PLAIN
2026-11-28T03:12:51Z mx01 auth[2214]: FAIL user=c.ramirez rip=198.51.100.23 method=PLAIN
2026-11-28T03:13:02Z mx01 auth[2214]: OK   user=c.ramirez rip=198.51.100.23 method=PLAIN session=7f3a91
2026-11-28T03:15:40Z mx01 smtp[2290]: session=7f3a91 from=<c.ramirez@sedena.gob.mx> rcpt=214 size=18342
2026-11-28T04:01:09Z mx01 auth[2214]: FAIL user=j.mendoza rip=198.51.100.23 method=LOGIN
2026-11-28T04:01:17Z mx01 auth[2214]: OK   user=j.mendoza rip=198.51.100.23 method=LOGIN session=81bd02
2026-11-29T09:30:00Z mx01 admin: password reset forced for 37 accounts; MFA required
2026-11-29T09:42:13Z mx01 auth[2214]: FAIL user=c.ramirez rip=198.51.100.23 method=PLAIN reason=password_expired
`;

export const DEMO_FILES: readonly DemoFile[] = [
  {
    taskTitle: 'Bloquear en el perímetro la IP 203.0.113.45',
    uploaderEmail: 'enlace@semar.gob.mx',
    name: 'captura-regla-proxy.png',
    declaredType: 'image/png',
    bytes: () => ruleScreenshotPng(),
  },
  {
    taskTitle: 'Entregar las bitácoras del servidor de correo de los últimos 30 días',
    uploaderEmail: 'enlace@sedena.gob.mx',
    name: 'bitacora-autenticacion-extracto.log',
    declaredType: 'text/plain',
    bytes: () => Buffer.from(MAIL_LOG_EXCERPT, 'utf8'),
  },
];

async function actorOf(db: Db, email: string): Promise<Actor | undefined> {
  const [row] = await db
    .select({ userId: users.id, role: users.role, agencyId: users.agencyId, agencyKind: agencies.kind, locale: users.locale })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.email, email));
  if (!row?.agencyId) return undefined;
  return { userId: row.userId, role: row.role, agencyId: row.agencyId, agencyKind: row.agencyKind, locale: row.locale };
}

/**
 * Each demo file on its task, unless the task is missing or already holds a file (a rerun, or
 * files people uploaded since): idempotent, and the upload's own SHA-256 check keeps two starts
 * at once from storing it twice.
 */
export async function seedDemoFiles(db: Db): Promise<{ files: number }> {
  let files = 0;
  for (const demo of DEMO_FILES) {
    const [task] = await db.select({ id: tasks.id }).from(tasks).where(eq(tasks.title, demo.taskTitle));
    const actor = await actorOf(db, demo.uploaderEmail);
    if (!task || !actor || (await countEvidenceFiles(db, { taskId: task.id })) > 0) continue;
    const bytes = demo.bytes();
    const outcome = await uploadFile(
      { db, actor, origin: { source: 'seed' }, locale: 'es-MX', sealer: null },
      { kind: 'task', id: task.id },
      {
        name: demo.name,
        declaredType: demo.declaredType,
        bytes: (async function* () {
          yield bytes;
        })(),
      },
    );
    if (outcome.created) files++;
  }
  return { files };
}
