// The OpenAPI document and Swagger UI (swagger-ui-dist, served from this process) at /api/docs.
// The page loads its script from a file (docs-init.js below), never inline, so it runs under the
// portal's Content-Security-Policy of apps/api/src/server.ts as it is (script-src 'self';
// Swagger UI's inline styles are allowed by style-src 'unsafe-inline', its images by img-src data:).
import { createReadStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from './openapi.ts';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'application/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ANC — REST v1</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/docs-init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/api/v1/openapi.json', dom_id: '#swagger-ui', deepLinking: true });\n`;

export async function apiDocsRoutes(app: FastifyInstance) {
  const document = JSON.stringify(openApiDocument());
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  app.get('/api/v1/openapi.json', async (_req, reply) =>
    reply.header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-cache').send(document),
  );
  app.get('/api/docs', async (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(PAGE));
  app.get('/api/docs/docs-init.js', async (_req, reply) =>
    reply.header('content-type', 'application/javascript; charset=utf-8').header('cache-control', 'no-cache').send(INIT),
  );
  for (const [file, type] of Object.entries(ASSETS)) {
    app.get(`/api/docs/${file}`, async (_req, reply) =>
      reply
        .header('content-type', type)
        .header('cache-control', 'public, max-age=86400')
        .send(createReadStream(join(dist, file))),
    );
  }
}
