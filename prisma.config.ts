import { defineConfig } from 'prisma/config';

// The CLI is used only for `prisma generate`. The database schema is owned by the plain SQL migrations in
// prisma/migrations/<backend>/, applied by the server at start (docs/storage.md says why).
export default defineConfig({
  schema: 'prisma/schema.prisma',
});
