/* nichiro-geo.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-geo"

#include "config.h"

#include "nichiro-geo.h"

#include <math.h>

/* Plane geometry on longitudes and latitudes, enough for the frontier map:
 * boxes, rings (closed polygons), whether a point is inside one, and a
 * ring cut to a box. The map's region is small and far from the
 * antimeridian, so degrees are treated as plane coordinates. */

/* Helpers: clipping */

typedef enum
{
  EDGE_WEST,
  EDGE_EAST,
  EDGE_SOUTH,
  EDGE_NORTH,
} Edge;

static gboolean
inside_edge (const NichiroGeoPoint *p,
             const NichiroGeoBox   *box,
             Edge                   edge)
{
  switch (edge)
    {
    case EDGE_WEST:
      return p->lon >= box->west;
    case EDGE_EAST:
      return p->lon <= box->east;
    case EDGE_SOUTH:
      return p->lat >= box->south;
    case EDGE_NORTH:
    default:
      return p->lat <= box->north;
    }
}

/* Where the segment from @a to @b crosses @edge's line. */
static NichiroGeoPoint
cross_edge (const NichiroGeoPoint *a,
            const NichiroGeoPoint *b,
            const NichiroGeoBox   *box,
            Edge                   edge)
{
  NichiroGeoPoint p;
  double t;

  if (edge == EDGE_WEST || edge == EDGE_EAST)
    {
      double lon = edge == EDGE_WEST ? box->west : box->east;

      t = (lon - a->lon) / (b->lon - a->lon);
      p.lon = lon;
      p.lat = a->lat + t * (b->lat - a->lat);
    }
  else
    {
      double lat = edge == EDGE_SOUTH ? box->south : box->north;

      t = (lat - a->lat) / (b->lat - a->lat);
      p.lat = lat;
      p.lon = a->lon + t * (b->lon - a->lon);
    }

  return p;
}

/* One pass of Sutherland and Hodgman's algorithm: keeps what is inside
 * @edge's half-plane. */
static void
clip_to_edge (GArray              *in,
              GArray              *out,
              const NichiroGeoBox *box,
              Edge                 edge)
{
  g_array_set_size (out, 0);

  for (guint i = 0; i < in->len; i++)
    {
      const NichiroGeoPoint *current = &g_array_index (in, NichiroGeoPoint, i);
      const NichiroGeoPoint *previous = &g_array_index (in, NichiroGeoPoint, (i + in->len - 1) % in->len);
      gboolean current_in = inside_edge (current, box, edge);
      gboolean previous_in = inside_edge (previous, box, edge);

      if (current_in)
        {
          if (!previous_in)
            {
              NichiroGeoPoint p = cross_edge (previous, current, box, edge);
              g_array_append_val (out, p);
            }
          g_array_append_val (out, *current);
        }
      else if (previous_in)
        {
          NichiroGeoPoint p = cross_edge (previous, current, box, edge);
          g_array_append_val (out, p);
        }
    }
}

/* Public API */

gboolean
nichiro_geo_box_contains (const NichiroGeoBox *box,
                          double               lon,
                          double               lat)
{
  return lon >= box->west && lon <= box->east && lat >= box->south && lat <= box->north;
}

gboolean
nichiro_geo_box_intersects (const NichiroGeoBox *a,
                            const NichiroGeoBox *b)
{
  return a->west <= b->east && b->west <= a->east && a->south <= b->north && b->south <= a->north;
}

/**
 * nichiro_geo_box_is_valid:
 * @box: a box
 *
 * Returns: %TRUE if @box's edges are real longitudes and latitudes, west
 *   of east and south of north
 */
gboolean
nichiro_geo_box_is_valid (const NichiroGeoBox *box)
{
  return isfinite (box->west) && isfinite (box->east) && isfinite (box->south) && isfinite (box->north)
         && box->west >= -180 && box->east <= 180 && box->south >= -90 && box->north <= 90
         && box->west < box->east && box->south < box->north;
}

void
nichiro_geo_ring_bounds (const NichiroGeoPoint *ring,
                         guint                  n_points,
                         NichiroGeoBox         *out_box)
{
  NichiroGeoBox box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < n_points; i++)
    {
      box.west = MIN (box.west, ring[i].lon);
      box.east = MAX (box.east, ring[i].lon);
      box.south = MIN (box.south, ring[i].lat);
      box.north = MAX (box.north, ring[i].lat);
    }

  *out_box = box;
}

/**
 * nichiro_geo_ring_area:
 * @ring: (array length=n_points): the ring
 * @n_points: its number of points
 *
 * Returns: the ring's area in square degrees, positive when it runs
 *   anticlockwise (land on the left, as GSHHG draws it)
 */
double
nichiro_geo_ring_area (const NichiroGeoPoint *ring,
                       guint                  n_points)
{
  double sum = 0;

  for (guint i = 0; i < n_points; i++)
    {
      const NichiroGeoPoint *a = &ring[i];
      const NichiroGeoPoint *b = &ring[(i + 1) % n_points];

      sum += a->lon * b->lat - b->lon * a->lat;
    }

  return sum / 2;
}

/**
 * nichiro_geo_ring_contains:
 * @ring: (array length=n_points): the ring
 * @n_points: its number of points
 * @lon: the point's longitude
 * @lat: its latitude
 *
 * Returns: %TRUE if the point is inside the ring (even-odd rule)
 */
gboolean
nichiro_geo_ring_contains (const NichiroGeoPoint *ring,
                           guint                  n_points,
                           double                 lon,
                           double                 lat)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n_points - 1; i < n_points; j = i++)
    {
      const NichiroGeoPoint *a = &ring[i];
      const NichiroGeoPoint *b = &ring[j];

      if ((a->lat > lat) != (b->lat > lat)
          && lon < a->lon + (lat - a->lat) * (b->lon - a->lon) / (b->lat - a->lat))
        inside = !inside;
    }

  return inside;
}

/**
 * nichiro_geo_ring_clip:
 * @ring: (array length=n_points): the ring
 * @n_points: its number of points
 * @box: the box to cut it to
 *
 * Cuts @ring to @box. A ring the box cuts in two comes back as one ring
 * whose parts are joined along the box's edge; filled, it covers the same
 * ground.
 *
 * Returns: (transfer full) (element-type NichiroGeoPoint): the part of the
 *   ring inside @box, empty when there is none
 */
GArray *
nichiro_geo_ring_clip (const NichiroGeoPoint *ring,
                       guint                  n_points,
                       const NichiroGeoBox   *box)
{
  g_autoptr(GArray) a = g_array_sized_new (FALSE, FALSE, sizeof (NichiroGeoPoint), n_points + 8);
  g_autoptr(GArray) b = g_array_sized_new (FALSE, FALSE, sizeof (NichiroGeoPoint), n_points + 8);
  NichiroGeoBox bounds;

  nichiro_geo_ring_bounds (ring, n_points, &bounds);
  g_array_append_vals (a, ring, n_points);

  /* Most rings are wholly inside or wholly outside. */
  if (!nichiro_geo_box_intersects (&bounds, box))
    {
      g_array_set_size (a, 0);
      return g_steal_pointer (&a);
    }
  if (bounds.west >= box->west && bounds.east <= box->east
      && bounds.south >= box->south && bounds.north <= box->north)
    return g_steal_pointer (&a);

  clip_to_edge (a, b, box, EDGE_WEST);
  clip_to_edge (b, a, box, EDGE_EAST);
  clip_to_edge (a, b, box, EDGE_SOUTH);
  clip_to_edge (b, a, box, EDGE_NORTH);

  if (a->len < 3)
    g_array_set_size (a, 0);

  return g_steal_pointer (&a);
}
