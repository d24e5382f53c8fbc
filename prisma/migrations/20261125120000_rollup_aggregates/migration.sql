-- Aggregates over rollup arrays, so that trends merge rollup rows into wider buckets in the database and
-- send back one row per point rather than every rollup row. PL/pgSQL accumulators update the state array in
-- place, several times faster than re-building it with unnest for every row.
CREATE FUNCTION "ihm_int_array_accumulate"(acc INTEGER[], x INTEGER[]) RETURNS INTEGER[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n INTEGER := coalesce(cardinality(acc), 0);
BEGIN
  IF n = 0 THEN RETURN x; END IF;
  FOR i IN 1 .. least(n, coalesce(cardinality(x), 0)) LOOP
    acc[i] := acc[i] + coalesce(x[i], 0);
  END LOOP;
  IF cardinality(x) > n THEN acc := acc || x[n + 1 : cardinality(x)]; END IF;
  RETURN acc;
END
$$;

CREATE FUNCTION "ihm_real_array_accumulate_max"(acc REAL[], x REAL[]) RETURNS REAL[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  n INTEGER := coalesce(cardinality(acc), 0);
BEGIN
  IF n = 0 THEN RETURN x; END IF;
  FOR i IN 1 .. least(n, coalesce(cardinality(x), 0)) LOOP
    acc[i] := greatest(acc[i], x[i]);
  END LOOP;
  IF cardinality(x) > n THEN acc := acc || x[n + 1 : cardinality(x)]; END IF;
  RETURN acc;
END
$$;

CREATE AGGREGATE "ihm_int_array_sum"(INTEGER[]) (SFUNC = "ihm_int_array_accumulate", STYPE = INTEGER[]);
CREATE AGGREGATE "ihm_real_array_greatest"(REAL[]) (SFUNC = "ihm_real_array_accumulate_max", STYPE = REAL[]);
