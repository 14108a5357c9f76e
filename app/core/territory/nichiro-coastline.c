/* nichiro-coastline.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-coastline"

#include "config.h"

#include "nichiro-coastline.h"
#include "nichiro-error.h"

#include <math.h>
#include <string.h>

/* The land the frontier map draws: rings of points around each island and
 * around the mainland's coast within the region, read from the asset that
 * build-aux/make-coastline.py makes from GSHHG (data/map/coastline.bin).
 *
 * The file is a text header and a binary body. The header's first line is
 * "Nichiro coastline 1"; then "name: value" lines (region: west east south
 * north, in degrees; unit: points per degree; rings; points; source;
 * license; made-with), and an empty line. The body is each ring in turn: its
 * number of points, then each point as the difference from the one before
 * (the first from the region's south-west corner), longitude then latitude,
 * in units; every number is a LEB128 varint, the differences zigzag-coded.
 * Rings run anticlockwise, land on their left, and close implicitly. */

#define MAGIC "Nichiro coastline 1"
#define MAX_RINGS 100000
#define MAX_POINTS 10000000

struct _NichiroCoastline
{
  gatomicrefcount ref_count;

  NichiroGeoBox region;
  GHashTable *fields;           /* header name → value */
  NichiroGeoPoint *points;
  guint n_points;
  guint *ring_starts;           /* n_rings + 1 offsets into points */
  NichiroGeoBox *ring_bounds;
  guint n_rings;
};

G_DEFINE_BOXED_TYPE (NichiroCoastline, nichiro_coastline, nichiro_coastline_ref, nichiro_coastline_unref)

/* Helpers: reading */

typedef struct
{
  const guint8 *data;
  gsize size;
  gsize pos;
} Reader;

static gboolean
read_varint (Reader  *reader,
             guint64 *out_value,
             GError **error)
{
  guint64 value = 0;
  gsize start = reader->pos;

  for (guint shift = 0; shift < 64; shift += 7)
    {
      guint8 byte;

      if (reader->pos >= reader->size)
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "coastline: byte %" G_GSIZE_FORMAT ": the data ends in the middle of a number", start);
          return FALSE;
        }

      byte = reader->data[reader->pos++];
      value |= (guint64) (byte & 0x7f) << shift;
      if ((byte & 0x80) == 0)
        {
          *out_value = value;
          return TRUE;
        }
    }

  g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
               "coastline: byte %" G_GSIZE_FORMAT ": a number is longer than 64 bits", start);
  return FALSE;
}

static gint64
unzigzag (guint64 value)
{
  return (value & 1) ? -(gint64) (value >> 1) - 1 : (gint64) (value >> 1);
}

static gboolean
parse_count (NichiroCoastline *self,
             const char       *name,
             guint             max,
             guint            *out_value,
             GError          **error)
{
  const char *text = g_hash_table_lookup (self->fields, name);
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, max, &value, NULL))
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "coastline: the header's “%s” must be a whole number from 1 to %u", name, max);
      return FALSE;
    }

  *out_value = (guint) value;
  return TRUE;
}

static gboolean
parse_header (NichiroCoastline  *self,
              const char        *header,
              guint             *out_unit,
              GError           **error)
{
  g_auto(GStrv) lines = g_strsplit (header, "\n", -1);
  g_auto(GStrv) region = NULL;
  double edges[4];
  guint unit;

  if (g_strcmp0 (lines[0], MAGIC) != 0)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "coastline: line 1: expected “" MAGIC "”: this is not a coastline file Nichiro can read");
      return FALSE;
    }

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *colon = strstr (lines[i], ": ");

      if (colon == NULL || colon == lines[i])
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "coastline: line %u: expected “name: value”", i + 1);
          return FALSE;
        }
      g_hash_table_insert (self->fields, g_strndup (lines[i], colon - lines[i]), g_strdup (colon + 2));
    }

  if (g_hash_table_contains (self->fields, "region"))
    region = g_strsplit (g_hash_table_lookup (self->fields, "region"), " ", -1);
  else
    region = g_new0 (char *, 1);
  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      if (g_strv_length (region) != 4
          || (edges[i] = g_ascii_strtod (region[i], &end), end == region[i] || *end != '\0'))
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "coastline: the header's “region” must be four numbers: west east south north");
          return FALSE;
        }
    }
  self->region = (NichiroGeoBox) { edges[0], edges[2], edges[1], edges[3] };
  if (!nichiro_geo_box_is_valid (&self->region))
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "coastline: the region %s is not a box of longitudes and latitudes",
                   (const char *) g_hash_table_lookup (self->fields, "region"));
      return FALSE;
    }

  if (!parse_count (self, "unit", 10000000, &unit, error)
      || !parse_count (self, "rings", MAX_RINGS, &self->n_rings, error)
      || !parse_count (self, "points", MAX_POINTS, &self->n_points, error))
    return FALSE;

  *out_unit = unit;
  return TRUE;
}

static gboolean
parse_body (NichiroCoastline *self,
            Reader           *reader,
            guint             unit,
            GError          **error)
{
  gint64 max_x = (gint64) llround ((self->region.east - self->region.west) * unit);
  gint64 max_y = (gint64) llround ((self->region.north - self->region.south) * unit);
  guint n = 0;

  self->points = g_new (NichiroGeoPoint, self->n_points);
  self->ring_starts = g_new (guint, self->n_rings + 1);
  self->ring_bounds = g_new (NichiroGeoBox, self->n_rings);

  for (guint ring = 0; ring < self->n_rings; ring++)
    {
      gsize start = reader->pos;
      gint64 x = 0, y = 0;
      guint64 count;

      if (!read_varint (reader, &count, error))
        return FALSE;
      if (count < 3 || count > self->n_points - n)
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "coastline: byte %" G_GSIZE_FORMAT ": ring %u has %" G_GUINT64_FORMAT " points; "
                       "a ring needs at least 3 and the header allows %u in all",
                       start, ring + 1, count, self->n_points);
          return FALSE;
        }

      self->ring_starts[ring] = n;
      for (guint i = 0; i < count; i++)
        {
          guint64 dx, dy;

          start = reader->pos;
          if (!read_varint (reader, &dx, error) || !read_varint (reader, &dy, error))
            return FALSE;
          /* Differences are bounded by the region; larger ones would overflow. */
          if (dx > (guint64) (2 * max_x + 1) || dy > (guint64) (2 * max_y + 1))
            goto outside;
          x += unzigzag (dx);
          y += unzigzag (dy);
          if (x < 0 || x > max_x || y < 0 || y > max_y)
            goto outside;

          self->points[n].lon = self->region.west + (double) x / unit;
          self->points[n].lat = self->region.south + (double) y / unit;
          n++;
          continue;

        outside:
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "coastline: byte %" G_GSIZE_FORMAT ": point %u of ring %u lies outside the region",
                       start, i + 1, ring + 1);
          return FALSE;
        }

      nichiro_geo_ring_bounds (self->points + self->ring_starts[ring], (guint) count, &self->ring_bounds[ring]);
    }
  self->ring_starts[self->n_rings] = n;

  if (n != self->n_points)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "coastline: the rings hold %u points, but the header says %u", n, self->n_points);
      return FALSE;
    }
  if (reader->pos != reader->size)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "coastline: byte %" G_GSIZE_FORMAT ": %" G_GSIZE_FORMAT " bytes follow the last ring",
                   reader->pos, reader->size - reader->pos);
      return FALSE;
    }

  return TRUE;
}

/* The empty line after the header, within its first 64 KiB. */
static const guint8 *
find_end_of_header (const guint8 *data,
                    gsize         size)
{
  for (gsize i = 0; i + 1 < MIN (size, 64 * 1024); i++)
    if (data[i] == '\n' && data[i + 1] == '\n')
      return data + i;

  return NULL;
}

static void
nichiro_coastline_free (NichiroCoastline *self)
{
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_free (self->points);
  g_free (self->ring_starts);
  g_free (self->ring_bounds);
  g_free (self);
}

/* Public API */

/**
 * nichiro_coastline_new_from_bytes:
 * @bytes: a coastline file's contents
 * @error: where to say what is wrong with it
 *
 * Reads a coastline, checking all of it: a file that is cut short, has
 * points outside its region or bytes to spare is refused.
 *
 * Returns: (transfer full) (nullable): the coastline
 */
NichiroCoastline *
nichiro_coastline_new_from_bytes (GBytes  *bytes,
                                  GError **error)
{
  g_autoptr(NichiroCoastline) self = g_new0 (NichiroCoastline, 1);
  g_autofree char *header = NULL;
  const guint8 *data;
  const guint8 *end_of_header;
  gsize size;
  Reader reader;
  guint unit;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_atomic_ref_count_init (&self->ref_count);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  data = g_bytes_get_data (bytes, &size);
  end_of_header = find_end_of_header (data, size);
  if (end_of_header == NULL)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "coastline: no empty line ends the header: this is not a coastline file Nichiro can read");
      return NULL;
    }

  header = g_strndup ((const char *) data, end_of_header - data);
  if (!g_utf8_validate (header, -1, NULL) || strlen (header) != (gsize) (end_of_header - data))
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_ENCODING,
                   "coastline: the header is not UTF-8 text");
      return NULL;
    }
  if (!parse_header (self, header, &unit, error))
    return NULL;

  reader = (Reader) { data, size, end_of_header + 2 - data };
  if (!parse_body (self, &reader, unit, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nichiro_coastline_load_bundled:
 * @error: where to say why it could not be read
 *
 * Returns: (transfer full) (nullable): the coastline bundled with Nichiro
 */
NichiroCoastline *
nichiro_coastline_load_bundled (GError **error)
{
  /* g_resources_lookup_data(), safe from any thread (see our_resource()
   * in nichiro-dataset.c). */
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NICHIRO_COASTLINE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;

  return nichiro_coastline_new_from_bytes (bytes, error);
}

NichiroCoastline *
nichiro_coastline_ref (NichiroCoastline *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nichiro_coastline_unref (NichiroCoastline *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    nichiro_coastline_free (self);
}

/**
 * nichiro_coastline_get_region:
 * @self: a coastline
 * @out_region: (out): the box the coastline covers, land cut at its edges
 */
void
nichiro_coastline_get_region (NichiroCoastline *self,
                              NichiroGeoBox    *out_region)
{
  g_return_if_fail (self != NULL);

  *out_region = self->region;
}

/**
 * nichiro_coastline_get_field:
 * @self: a coastline
 * @name: a header field: "source", "license", "made-with"…
 *
 * Returns: (nullable): the field's value, as the file gives it
 */
const char *
nichiro_coastline_get_field (NichiroCoastline *self,
                             const char       *name)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_hash_table_lookup (self->fields, name);
}

guint
nichiro_coastline_get_n_rings (NichiroCoastline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_rings;
}

guint
nichiro_coastline_get_n_points (NichiroCoastline *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_points;
}

/**
 * nichiro_coastline_get_ring:
 * @self: a coastline
 * @index: which ring, largest first
 * @out_n_points: (out): its number of points
 *
 * Returns: (array length=out_n_points): its points, anticlockwise
 */
const NichiroGeoPoint *
nichiro_coastline_get_ring (NichiroCoastline *self,
                            guint             index,
                            guint            *out_n_points)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_rings, NULL);

  *out_n_points = self->ring_starts[index + 1] - self->ring_starts[index];
  return self->points + self->ring_starts[index];
}

const NichiroGeoBox *
nichiro_coastline_get_ring_bounds (NichiroCoastline *self,
                                   guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->n_rings, NULL);

  return &self->ring_bounds[index];
}

/**
 * nichiro_coastline_ring_at:
 * @self: a coastline
 * @lon: a longitude
 * @lat: a latitude
 *
 * Returns: the ring of land the point is on, or -1 for the sea
 */
int
nichiro_coastline_ring_at (NichiroCoastline *self,
                           double            lon,
                           double            lat)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_rings; i++)
    {
      guint n;
      const NichiroGeoPoint *ring;

      if (!nichiro_geo_box_contains (&self->ring_bounds[i], lon, lat))
        continue;

      ring = nichiro_coastline_get_ring (self, i, &n);
      if (nichiro_geo_ring_contains (ring, n, lon, lat))
        return (int) i;
    }

  return -1;
}
