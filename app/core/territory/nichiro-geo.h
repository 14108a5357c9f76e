/* nichiro-geo.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * NichiroGeoPoint:
 * @lon: degrees east (WGS 84)
 * @lat: degrees north
 *
 * A point on the map. A ring is an array of them, closed implicitly (the
 * last point joins the first).
 */
typedef struct
{
  double lon;
  double lat;
} NichiroGeoPoint;

/**
 * NichiroGeoBox:
 * @west: the least longitude
 * @south: the least latitude
 * @east: the greatest longitude
 * @north: the greatest latitude
 *
 * A box of longitudes and latitudes, edges included.
 */
typedef struct
{
  double west;
  double south;
  double east;
  double north;
} NichiroGeoBox;

gboolean nichiro_geo_box_contains     (const NichiroGeoBox   *box,
                                       double                 lon,
                                       double                 lat);
gboolean nichiro_geo_box_intersects   (const NichiroGeoBox   *a,
                                       const NichiroGeoBox   *b);
gboolean nichiro_geo_box_is_valid     (const NichiroGeoBox   *box);
void     nichiro_geo_ring_bounds      (const NichiroGeoPoint *ring,
                                       guint                  n_points,
                                       NichiroGeoBox         *out_box);
double   nichiro_geo_ring_area        (const NichiroGeoPoint *ring,
                                       guint                  n_points);
gboolean nichiro_geo_ring_contains    (const NichiroGeoPoint *ring,
                                       guint                  n_points,
                                       double                 lon,
                                       double                 lat);
GArray  *nichiro_geo_ring_clip        (const NichiroGeoPoint *ring,
                                       guint                  n_points,
                                       const NichiroGeoBox   *box);

G_END_DECLS
