# syntax=docker/dockerfile:1
# Node 24 (LTS) on Debian 12, the version of package.json "engines" and .ci/run. The install is the
# README's: `npm ci` (which also builds, through `prepare`); then only the production dependencies stay.

# Build stage. tree-sitter's prebuilt linux-x64 binding needs GLIBCXX_3.4.31, newer than Debian 12's
# libstdc++ (3.4.30), so `npm ci` compiles it from source: that needs python3, make and g++.
# The same toolchain builds the engine's own addon (binding.gyp, src/engine/native) in `npm ci`'s
# install script; COPY . . brings both in before it runs.
# test/toolchain/native-binaries.test.ts fails if a binding the app loads needs more than Debian 12 has.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci && npm prune --omit=dev

# Runtime stage: no compiler, no npm. package.json stays: it marks dist/ as ES modules.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The engine's tree copier: without it the engine copies trees in JavaScript, about half as fast.
COPY --from=build /app/build/Release/flat_parse.node ./build/Release/flat_parse.node
COPY app.yml ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s \
    CMD node -e "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# node itself is PID 1, so `docker stop`'s SIGTERM reaches the server's shutdown handler (docs/operations.md).
CMD ["node", "dist/src/server.js"]
