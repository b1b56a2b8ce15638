# syntax=docker/dockerfile:1
# The same steps as the README: install, build, `npm start`. tree-sitter ships prebuilt
# binaries for linux-x64/arm64 (glibc), so no compiler is needed.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here; the parsers' own install step runs next.
RUN npm ci --ignore-scripts && npm rebuild tree-sitter tree-sitter-python
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY analyzers ./analyzers
COPY bench ./bench
COPY test/support ./test/support
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm rebuild tree-sitter tree-sitter-python && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["npm", "start"]
