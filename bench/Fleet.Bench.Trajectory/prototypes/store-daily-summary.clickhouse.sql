-- PROTOTYPE, not used by the service: the fleet daily summary computed inside ClickHouse 18.16 (see BENCHMARKS.md,
-- "History store and Trajectory"). One row per vehicle and company-local day: metres, engine seconds, max speed,
-- moving metres/seconds, fuel litres. Rules mirror TrackCleaner/MotionProfile/DailySummaryCalculator where arrays allow:
-- dedupe by time (usable fix first), isolated single-point jumps dropped (implausible in AND out), implausible legs and
-- stationary drift under the radius count 0, engine time = ignition-on record held until the next one (gaps count 0),
-- fuel = drops of a 5-point running median (no noise band), legs assigned to the local day of their END point.
-- Neighbour access uses shifted copies (arrayPushFront/arrayPopBack): indexing a captured array inside a lambda
-- replicates it per element in 18.16 (quadratic memory; 4 GiB on 1,000 vehicle-days).
-- Measured 2026-11-26 on the bench data (1,000 vehicle-days, 8.64 M rows, load average 11): 21.6 s, of which
-- groupArray of 6-tuples alone 3.7 s and arraySort 1.7 s -> far from the 2 s target on this server; not adopted.
-- Placeholders: {gap_ms} {jump_m} {max_kmh} {stationary_kmh} {moving_kmh} {drift_m} {tz} {filter}.
SELECT vehicle_id, tupleElement(x, 1) AS day, sum(tupleElement(x, 2)) AS metres, sum(tupleElement(x, 5)) AS engine_s,
  max(tupleElement(x, 6)) AS max_speed, sum(tupleElement(x, 3)) AS moving_m, sum(tupleElement(x, 4)) AS moving_s, sum(tupleElement(x, 7)) AS fuel
FROM (
SELECT vehicle_id,
  arraySort(groupArray((p_t, 1 - p_ok, p_lat, p_lon, p_sp, p_ig, p_fu))) AS r0,
  arrayFilter((x, px, i) -> (i = 1) OR (tupleElement(x, 1) != tupleElement(px, 1)), r0, arrayPopBack(arrayPushFront(r0, r0[1])), arrayEnumerate(r0)) AS r,
  arrayMap(x -> tupleElement(x, 1), r) AS r_t,
  arrayMap(x -> tupleElement(x, 6), r) AS r_ig,
  arrayMap((t1, t2, i1) -> if(i1 = 1 AND t2 - t1 <= {gap_ms}, (t2 - t1) / 1000, 0), arrayPopBack(arrayPushFront(r_t, r_t[1])), r_t, arrayPopBack(arrayPushFront(r_ig, 0))) AS r_eng,
  arrayFilter(x -> tupleElement(x, 2) = 0, r) AS u,
  arrayMap(x -> tupleElement(x, 1), u) AS u_t,
  arrayMap(x -> tupleElement(x, 3), u) AS u_lat,
  arrayMap(x -> tupleElement(x, 4), u) AS u_lon,
  arrayMap((t1, y1, x1, t2, y2, x2) -> greatCircleDistance(x1, y1, x2, y2) > {jump_m} AND (t2 <= t1 OR greatCircleDistance(x1, y1, x2, y2) * 3600 / (t2 - t1) > {max_kmh}),
    arrayPopBack(arrayPushFront(u_t, 0)), arrayPopBack(arrayPushFront(u_lat, 0)), arrayPopBack(arrayPushFront(u_lon, 0)), u_t, u_lat, u_lon) AS u_bad_in,
  arrayPushBack(arrayPopFront(u_bad_in), 0) AS u_bad_out,
  arrayFilter((x, bi, bo, i) -> NOT ((i = 1 AND length(u) > 1 AND bo) OR (i > 1 AND i = length(u) AND bi) OR (i > 1 AND i < length(u) AND bi AND bo)),
    u, u_bad_in, u_bad_out, arrayEnumerate(u)) AS k,
  arrayMap(x -> tupleElement(x, 1), k) AS k_t,
  arrayMap(x -> tupleElement(x, 3), k) AS k_lat,
  arrayMap(x -> tupleElement(x, 4), k) AS k_lon,
  arrayMap(x -> tupleElement(x, 5), k) AS k_sp,
  arrayMap(x -> tupleElement(x, 6), k) AS k_ig,
  arrayMap((ig, sp) -> ig = 0 OR (ig = 2 AND sp < {stationary_kmh}), k_ig, k_sp) AS k_still,
  arrayMap((ig, sp) -> ig != 0 AND sp >= {moving_kmh}, k_ig, k_sp) AS k_mv,
  arrayPopBack(arrayPushFront(k_t, k_t[1])) AS q_t,
  arrayPopBack(arrayPushFront(k_sp, 0)) AS q_sp,
  arrayPopBack(arrayPushFront(k_still, 1)) AS q_still,
  arrayPopBack(arrayPushFront(k_mv, 0)) AS q_mv,
  arrayMap((y1, x1, y2, x2) -> greatCircleDistance(x1, y1, x2, y2),
    arrayPopBack(arrayPushFront(k_lat, k_lat[1])), arrayPopBack(arrayPushFront(k_lon, k_lon[1])), k_lat, k_lon) AS k_d,
  arrayMap((t1, t2, d, s1, s2) -> if((d > {jump_m} AND (t2 <= t1 OR d * 3600 / (t2 - t1) > {max_kmh})) OR (s1 AND s2 AND d < {drift_m}), 0, d),
    q_t, k_t, k_d, q_still, k_still) AS k_leg,
  arrayMap((t1, t2, m1, m2, s1, s2, leg) -> multiIf(t2 - t1 > {gap_ms}, 0, m1 AND m2, (t2 - t1) / 1000,
      m2, least(leg / greatest(s2 / 3.6, 0.1), (t2 - t1) / 1000), m1, least(leg / greatest(s1 / 3.6, 0.1), (t2 - t1) / 1000), 0),
    q_t, k_t, q_mv, k_mv, q_sp, k_sp, k_leg) AS k_mvs,
  arrayFilter(x -> tupleElement(x, 7) >= 0, r) AS f,
  arrayMap(x -> tupleElement(x, 7), f) AS f_v,
  arrayPushFront(arrayPopBack(f_v), f_v[1]) AS f_p1,
  arrayPushFront(arrayPopBack(f_p1), f_v[1]) AS f_p2,
  arrayPushBack(arrayPopFront(f_v), f_v[-1]) AS f_n1,
  arrayPushBack(arrayPopFront(f_n1), f_v[-1]) AS f_n2,
  arrayMap((a, b, c, d, e) -> arraySort([a, b, c, d, e])[3], f_p2, f_p1, f_v, f_n1, f_n2) AS f_m,
  arrayMap((a, b) -> greatest(a - b, 0), arrayPushFront(arrayPopBack(f_m), f_m[1]), f_m) AS f_drop,
  arrayConcat(
    arrayMap((t, leg, mvs, sp) -> (toDate(toDateTime(intDiv(t, 1000)), '{tz}'), leg, if(mvs > 0, leg, 0), mvs, 0, sp, 0), k_t, k_leg, k_mvs, k_sp),
    arrayMap((t, e) -> (toDate(toDateTime(intDiv(t, 1000)), '{tz}'), 0, 0, 0, e, 0, 0), r_t, r_eng),
    arrayMap((x, fd) -> (toDate(toDateTime(intDiv(tupleElement(x, 1), 1000)), '{tz}'), 0, 0, 0, 0, 0, fd), f, f_drop)) AS parts
FROM (SELECT vehicle_id, toInt64(toUInt32(device_time)) * 1000 + device_ms AS p_t, lat AS p_lat, lon AS p_lon, ifNull(speed, 0) AS p_sp,
        ifNull(ignition, 2) AS p_ig, ifNull(fuel, -1) AS p_fu,
        valid = 1 AND isFinite(lat) AND isFinite(lon) AND abs(lat) <= 90 AND abs(lon) <= 180 AND NOT (lat = 0 AND lon = 0) AND isFinite(ifNull(speed, 0)) AND ifNull(speed, 0) >= 0 AS p_ok
      FROM history_points WHERE {filter})
GROUP BY vehicle_id)
ARRAY JOIN parts AS x
GROUP BY vehicle_id, day
ORDER BY vehicle_id, day
