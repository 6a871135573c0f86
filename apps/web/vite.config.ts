import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In production the API serves dist/ on the same origin; in dev we proxy so the
// session cookie stays first-party and credentials: 'same-origin' just works.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
