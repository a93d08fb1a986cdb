#!/bin/sh
# Runs once, when the PostgreSQL volume is created: a database for the pack's state store beside
# n8n's own (watermarks, idempotency keys, X12 control numbers, exception queues, audit log).
# The tables are created by the pack on first use.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
CREATE DATABASE erp_interop OWNER "$POSTGRES_USER";
SQL
