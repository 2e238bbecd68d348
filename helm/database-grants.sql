-- The privileges of one service database (nq57_initiative, nq57_kpi, nq57_budget; Keycloak's is separate): the owner
-- user runs the migrations (the charts' migration Job), the data user the service (reads and writes rows, never DDL).
-- Once per database, as a superuser, connected to that database, after
--   CREATE ROLE nq57_owner LOGIN PASSWORD '...';   CREATE ROLE nq57 LOGIN PASSWORD '...';
--   CREATE DATABASE nq57_kpi OWNER nq57_owner ENCODING 'UTF8' TEMPLATE template0;
-- run:  psql -d nq57_kpi -v owner=nq57_owner -v app=nq57 -f helm/database-grants.sql
-- (the e2e test MigrationE2ETest runs this file as it is, with its own role names)
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";
-- what the owner creates from now on (each migration's tables and sequences)
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
-- and what exists already (a database migrated before the split into two users)
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
