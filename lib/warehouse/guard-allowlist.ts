/**
 * Built-in functions a generated query may call: pure computations over their arguments. Left
 * out on purpose, among others: anything that sleeps, reads files or settings, takes locks,
 * signals backends, touches sequences or large objects, or runs a query given as text
 * (query_to_xml, ts_stat, ...). Names as the parser reports them (e.g. `extract` → `extract`).
 */
export const SAFE_FUNCTIONS = new Set(
  `
  count sum avg min max stddev stddev_pop stddev_samp variance var_pop var_samp bool_and bool_or every
  string_agg array_agg json_agg jsonb_agg json_object_agg jsonb_object_agg percentile_cont percentile_disc
  mode corr covar_pop covar_samp regr_slope regr_intercept regr_r2 regr_count regr_avgx regr_avgy regr_sxx
  regr_sxy regr_syy bit_and bit_or bit_xor any_value range_agg range_intersect_agg
  row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
  abs ceil ceiling floor round trunc sign sqrt cbrt power pow exp ln log log10 mod div pi degrees radians
  random width_bucket gcd lcm factorial scale trim_scale min_scale sin cos tan cot asin acos atan atan2
  sind cosd tand asind acosd atand atan2d sinh cosh tanh
  length char_length character_length octet_length bit_length lower upper initcap concat concat_ws substr
  substring left right lpad rpad ltrim rtrim btrim trim replace translate reverse repeat split_part strpos
  position starts_with regexp_replace regexp_match regexp_matches regexp_split_to_array regexp_split_to_table
  regexp_count regexp_instr regexp_like regexp_substr format md5 sha224 sha256 sha384 sha512 to_hex ascii chr
  quote_literal quote_ident quote_nullable string_to_array string_to_table array_to_string encode decode
  normalize is_normalized overlay like_escape similar_to_escape similar_escape unistr textlen
  date_trunc date_part extract age make_date make_time make_timestamp make_timestamptz make_interval to_char
  to_date to_timestamp to_number date_bin justify_days justify_hours justify_interval isfinite timezone
  now current_date current_time current_timestamp localtime localtimestamp clock_timestamp statement_timestamp
  transaction_timestamp date_add date_subtract overlaps
  json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb row_to_json
  array_to_json json_object jsonb_object json_array_length jsonb_array_length json_extract_path
  jsonb_extract_path json_extract_path_text jsonb_extract_path_text json_typeof jsonb_typeof jsonb_pretty
  jsonb_set jsonb_set_lax jsonb_insert jsonb_strip_nulls json_strip_nulls json_each jsonb_each json_each_text
  jsonb_each_text json_array_elements jsonb_array_elements json_array_elements_text jsonb_array_elements_text
  json_object_keys jsonb_object_keys jsonb_path_query jsonb_path_exists jsonb_path_query_array
  jsonb_path_query_first jsonb_path_match
  array_length array_position array_positions array_append array_prepend array_cat array_remove
  array_replace cardinality unnest array_lower array_upper array_ndims array_dims generate_series
  generate_subscripts array_fill trim_array array_sample array_shuffle
  num_nulls num_nonnulls pg_typeof isempty lower_inc upper_inc lower_inf upper_inf range_merge
  int4range int8range numrange daterange tsrange tstzrange
  int2 int4 int8 float4 float8 numeric text date time timestamp timestamptz interval bool varchar bpchar
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Built-in type names a query may cast to without a schema (the parser qualifies most as pg_catalog.*). */
export const SAFE_TYPES = new Set(
  `
  int2 int4 int8 smallint integer int bigint numeric decimal real float4 float8 text varchar bpchar char
  character name date time timetz timestamp timestamptz interval boolean bool json jsonb uuid bytea money
  inet cidr macaddr bit varbit xml tsvector tsquery point line lseg box path polygon circle
  int4range int8range numrange daterange tsrange tstzrange
  `
    .split(/\s+/)
    .filter(Boolean),
);

/** Operators of the built-in types; a user-defined operator could run any function. */
export const SAFE_OPERATORS = new Set(
  `= <> != < > <= >= + - * / % ^ || ~~ !~~ ~~* !~~* ~ ~* !~ !~* @> <@ && -> ->> #> #>> ? ?| ?& |/ ||/ @ & | # << >> !! @@ @? <-> -|- &< &> #-`
    .split(/\s+/)
    .filter(Boolean),
);

export const SAFE_TABLESAMPLE_METHODS = new Set(['system', 'bernoulli']);
