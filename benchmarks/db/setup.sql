-- TechEmpower database for benchmarks/run-db.sh (PostgreSQL). Run with:
--   psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -f benchmarks/db/setup.sql
-- Drops and recreates database hello_world. Table and column names are unquoted, as in the
-- TechEmpower schema, so PostgreSQL folds them to world(id, randomnumber) and fortune(id, message).
DROP DATABASE IF EXISTS hello_world;
CREATE DATABASE hello_world;
\connect hello_world

CREATE TABLE World (
    id integer NOT NULL,
    randomNumber integer NOT NULL DEFAULT 0,
    PRIMARY KEY (id)
);
-- 10,000 rows, randomNumber uniformly in 1..10000.
INSERT INTO World (id, randomNumber)
SELECT n, 1 + floor(random() * 10000)::integer FROM generate_series(1, 10000) AS n;

CREATE TABLE Fortune (
    id integer NOT NULL,
    message varchar(2048) NOT NULL,
    PRIMARY KEY (id)
);
-- The twelve fortunes every implementation must serve (one needs HTML escaping, one is not ASCII).
INSERT INTO Fortune (id, message) VALUES
    (1, 'fortune: No such file or directory'),
    (2, 'A computer scientist is someone who fixes things that aren''t broken.'),
    (3, 'After enough decimal places, nobody gives a damn.'),
    (4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
    (5, 'A computer program does what you tell it to do, not what you want it to do.'),
    (6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
    (7, 'Any program that runs right is obsolete.'),
    (8, 'A list is only as strong as its weakest link. — Donald Knuth'),
    (9, 'Feature: A bug with seniority.'),
    (10, 'Computers make very fast, very accurate mistakes.'),
    (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (12, 'フレームワークのベンチマーク');

VACUUM ANALYZE World;
VACUUM ANALYZE Fortune;
