# The API's image: compiled with the dev tools in one stage, run in another on the production dependencies only,
# as the unprivileged `node` user. `docker compose --profile api up` builds and runs it beside PostgreSQL.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# No `prepare` here: the sources it builds are copied below, and built explicitly.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json .swcrc ./
COPY src ./src
COPY migrations ./migrations
COPY seeds ./seeds
RUN npm run build

FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# The pages' own operations, which the API always trusts (TRUSTED_DOCUMENTS names the other front ends').
COPY schema/page-documents.json ./schema/
# Outside production the API keeps its development signing key under .data/: the one folder the user may write.
RUN mkdir .data && chown node:node .data
USER node
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--max-semi-space-size=32", "dist/src/app/main.js"]
