import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// The UI is served by `sagsaudit serve` from web/ui/dist; during `npm run dev` the API calls go
// to a server on 127.0.0.1:8080.
export default defineConfig({
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
