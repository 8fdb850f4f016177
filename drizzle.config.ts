import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from db/schema.ts; the app applies db/migrations itself on start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
