/* test-coastline.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-coastline.h"
#include "nichiro-data-resources.h"
#include "nichiro-error.h"

/* The coastline asset (data/map/coastline.bin, made by
 * build-aux/make-coastline.py from GSHHG) and its reader: the islands of
 * the frontier are all there, and a damaged file is refused with a reason. */

static NichiroCoastline *coastline;

/* Points on each island, from the coordinates the references give for it. */
static const struct
{
  const char *island;
  double lat;
  double lon;
  const char *source;
} islands[] = {
  { "Shumshu", 50 + 44 / 60.0, 156 + 19 / 60.0, "Wikipedia: Shumshu, 50°44′N 156°19′E" },
  { "Urup", 45 + 56 / 60.0, 150 + 2 / 60.0, "Wikipedia: Urup, 45°56′N 150°02′E" },
  { "Etorofu", 45 + 2 / 60.0, 147 + 37 / 60.0, "Wikipedia: Iturup, 45°02′N 147°37′E" },
  { "Kunashiri", 44 + 7 / 60.0, 145 + 51 / 60.0, "Wikipedia (de): Kunaschir, 44°7′N 145°51′E" },
  { "Shikotan", 43 + 48 / 60.0, 146 + 45 / 60.0, "Wikipedia: Shikotan, 43°48′N 146°45′E" },
  { "Shibotsu (Habomai)", 43 + 30 / 60.0 + 8 / 3600.0, 146 + 8 / 60.0 + 54 / 3600.0,
    "志發島, 43°30′8″N 146°8′54″E" },
  { "Taraku (Habomai)", 43 + 38 / 60.0, 146 + 19 / 60.0, "Wikipedia (de): Chabomai, Polonskogo 43°38′N 146°19′E" },
  { "Suishō (Habomai)", 43 + 26 / 60.0 + 12 / 3600.0, 145 + 55 / 60.0, "Wikipedia: Tanfiliev Island, 43°26′12″N 145°55′00″E" },
  { "Moneron", 46 + 15 / 60.0 + 24 / 3600.0, 141 + 14 / 60.0 + 12 / 3600.0, "Wikimapia: Moneron, 46°15′24″N 141°14′12″E" },
};

static void
test_bundled_region (void)
{
  NichiroGeoBox region;

  nichiro_coastline_get_region (coastline, &region);
  /* About 139–163°E, 41–56°N: Hokkaido, Sakhalin, the Kurils, the facing
   * mainland and Kamchatka's tip. */
  g_assert_cmpfloat (region.west, ==, 139);
  g_assert_cmpfloat (region.east, ==, 163);
  g_assert_cmpfloat (region.south, ==, 41);
  g_assert_cmpfloat (region.north, ==, 56);

  for (guint i = 0; i < nichiro_coastline_get_n_rings (coastline); i++)
    {
      guint n;
      const NichiroGeoPoint *ring = nichiro_coastline_get_ring (coastline, i, &n);

      g_assert_cmpuint (n, >=, 3);
      /* Anticlockwise: the land on the left, as the map fills it. */
      g_assert_cmpfloat (nichiro_geo_ring_area (ring, n), >, 0);
      for (guint j = 0; j < n; j++)
        g_assert_true (nichiro_geo_box_contains (&region, ring[j].lon, ring[j].lat));
    }
}

static void
test_bundled_size (void)
{
  g_autoptr(GBytes) bytes = g_resource_lookup_data (nichiro_data_get_resource (), NICHIRO_COASTLINE_RESOURCE, 0, NULL);

  g_assert_nonnull (bytes);
  g_assert_cmpuint (g_bytes_get_size (bytes), <=, 80 * 1024);
  /* Detailed enough to show the islets at the map's deepest zoom. */
  g_assert_cmpuint (nichiro_coastline_get_n_points (coastline), >, 5000);
}

static void
test_bundled_provenance (void)
{
  g_assert_nonnull (strstr (nichiro_coastline_get_field (coastline, "source"), "GSHHG"));
  g_assert_cmpstr (nichiro_coastline_get_field (coastline, "license"), ==, "LGPL-3.0-or-later");
  g_assert_nonnull (strstr (nichiro_coastline_get_field (coastline, "made-with"), "build-aux/make-coastline.py"));
  g_assert_nonnull (strstr (nichiro_coastline_get_field (coastline, "made-with"), "gmt-gshhg"));
}

static void
test_bundled_islands (void)
{
  NichiroGeoBox region;
  int mainland;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  nichiro_coastline_get_region (coastline, &region);
  /* The largest ring is the Asian mainland, cut at the region's edge. */
  mainland = nichiro_coastline_ring_at (coastline, 140.0, 50.0);
  g_assert_cmpint (mainland, >=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (islands); i++)
    {
      int ring = nichiro_coastline_ring_at (coastline, islands[i].lon, islands[i].lat);
      const NichiroGeoBox *bounds;

      g_test_message ("%s (%s)", islands[i].island, islands[i].source);
      g_assert_true (nichiro_geo_box_contains (&region, islands[i].lon, islands[i].lat));
      g_assert_cmpint (ring, >=, 0);
      g_assert_cmpint (ring, !=, mainland);
      /* An island of its own: not part of another island's ring. */
      g_assert_false (g_hash_table_contains (seen, GINT_TO_POINTER (ring + 1)));
      g_hash_table_add (seen, GINT_TO_POINTER (ring + 1));

      /* An island, not a coast cut by the region's edge. */
      bounds = nichiro_coastline_get_ring_bounds (coastline, ring);
      g_assert_cmpfloat (bounds->west, >, region.west);
      g_assert_cmpfloat (bounds->east, <, region.east);
      g_assert_cmpfloat (bounds->south, >, region.south);
      g_assert_cmpfloat (bounds->north, <, region.north);
    }

  /* The straits between them are sea. */
  g_assert_cmpint (nichiro_coastline_ring_at (coastline, 149.14, 45.55), ==, -1);  /* Etorofu–Urup */
  g_assert_cmpint (nichiro_coastline_ring_at (coastline, 156.585, 50.855), ==, -1); /* Shumshu–Kamchatka */
  g_assert_cmpint (nichiro_coastline_ring_at (coastline, 142.0, 45.7), ==, -1);     /* La Pérouse */
}

/* A file in the asset's format, for the bad cases. */
static GBytes *
make_file (const char   *header,
           const guint8 *body,
           gsize         body_size)
{
  GByteArray *bytes = g_byte_array_new ();

  g_byte_array_append (bytes, (const guint8 *) header, strlen (header));
  g_byte_array_append (bytes, body, body_size);
  return g_byte_array_free_to_bytes (bytes);
}

#define HEADER(rings, points) \
  "Nichiro coastline 1\nregion: 0 10 0 10\nunit: 10\nrings: " #rings "\npoints: " #points "\n\n"

static void
test_reads_small (void)
{
  /* One triangle: (0,0), (1,0), (0,1) in units of 0.1 degree. */
  static const guint8 body[] = { 3, 0, 0, 2, 0, 1, 2 };
  g_autoptr(GBytes) bytes = make_file (HEADER (1, 3), body, sizeof body);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroCoastline) small = nichiro_coastline_new_from_bytes (bytes, &error);
  const NichiroGeoPoint *ring;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (nichiro_coastline_get_n_rings (small), ==, 1);
  ring = nichiro_coastline_get_ring (small, 0, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpfloat_with_epsilon (ring[1].lon, 0.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (ring[2].lat, 0.1, 1e-9);
  g_assert_cmpint (nichiro_coastline_ring_at (small, 0.02, 0.02), ==, 0);
  g_assert_cmpint (nichiro_coastline_ring_at (small, 0.09, 0.09), ==, -1);
}

static void
test_refuses_bad (void)
{
  static const guint8 triangle[] = { 3, 0, 0, 2, 0, 1, 2 };
  static const guint8 outside[] = { 3, 0, 0, 2, 0, 0xfe, 0x01, 2 };
  static const guint8 too_few[] = { 2, 0, 0, 2, 0 };
  static const guint8 endless[] = { 3, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01 };
  static const struct
  {
    const char *header;
    const guint8 *body;
    gsize body_size;
    const char *message;
  } cases[] = {
    { "Not a coastline\n\n", triangle, sizeof triangle, "not a coastline file" },
    { "Nichiro coastline 1\nregion: 0 10 0 10\n", triangle, sizeof triangle, "no empty line ends the header" },
    { "Nichiro coastline 1\nregion: 0 10\nunit: 10\nrings: 1\npoints: 3\n\n", triangle, sizeof triangle,
      "“region” must be four numbers" },
    { "Nichiro coastline 1\nregion: 10 0 0 10\nunit: 10\nrings: 1\npoints: 3\n\n", triangle, sizeof triangle,
      "not a box" },
    { "Nichiro coastline 1\nregion: 0 10 0 10\nunit: ten\nrings: 1\npoints: 3\n\n", triangle, sizeof triangle,
      "“unit” must be a whole number" },
    { HEADER (1, 3), triangle, sizeof triangle - 1, "ends in the middle of a number" },
    { HEADER (1, 3), outside, sizeof outside, "point 3 of ring 1 lies outside the region" },
    { HEADER (1, 2), too_few, sizeof too_few, "a ring needs at least 3" },
    { HEADER (1, 3), endless, sizeof endless, "longer than 64 bits" },
    { HEADER (1, 4), triangle, sizeof triangle, "the header says 4" },
    { HEADER (2, 3), triangle, sizeof triangle, "ends in the middle of a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = make_file (cases[i].header, cases[i].body, cases[i].body_size);
      g_autoptr(GError) error = NULL;
      g_autoptr(NichiroCoastline) bad = nichiro_coastline_new_from_bytes (bytes, &error);

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_null (bad);
      g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  /* Bytes left over after the last ring. */
  {
    static const guint8 longer[] = { 3, 0, 0, 2, 0, 1, 2, 7 };
    g_autoptr(GBytes) bytes = make_file (HEADER (1, 3), longer, sizeof longer);
    g_autoptr(GError) error = NULL;
    g_autoptr(NichiroCoastline) bad = nichiro_coastline_new_from_bytes (bytes, &error);

    g_assert_null (bad);
    g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "1 bytes follow the last ring"));
  }
}

static void
test_clip (void)
{
  /* A square 0–2 cut by a box 1–3 leaves the square 1–2. */
  static const NichiroGeoPoint square[] = { { 0, 0 }, { 2, 0 }, { 2, 2 }, { 0, 2 } };
  NichiroGeoBox box = { 1, 1, 3, 3 };
  NichiroGeoBox away = { 5, 5, 6, 6 };
  g_autoptr(GArray) cut = nichiro_geo_ring_clip (square, G_N_ELEMENTS (square), &box);
  g_autoptr(GArray) none = nichiro_geo_ring_clip (square, G_N_ELEMENTS (square), &away);

  g_assert_cmpuint (cut->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (nichiro_geo_ring_area ((NichiroGeoPoint *) (gpointer) cut->data, cut->len), 1.0, 1e-12);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpfloat (nichiro_geo_ring_area (square, G_N_ELEMENTS (square)), ==, 4);
  g_assert_true (nichiro_geo_ring_contains (square, G_N_ELEMENTS (square), 1, 1));
  g_assert_false (nichiro_geo_ring_contains (square, G_N_ELEMENTS (square), 3, 1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  coastline = nichiro_coastline_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nichiro/coastline/bundled/region", test_bundled_region);
  g_test_add_func ("/nichiro/coastline/bundled/size", test_bundled_size);
  g_test_add_func ("/nichiro/coastline/bundled/provenance", test_bundled_provenance);
  g_test_add_func ("/nichiro/coastline/bundled/islands", test_bundled_islands);
  g_test_add_func ("/nichiro/coastline/reads-small", test_reads_small);
  g_test_add_func ("/nichiro/coastline/refuses-bad", test_refuses_bad);
  g_test_add_func ("/nichiro/coastline/clip", test_clip);

  status = g_test_run ();
  nichiro_coastline_unref (coastline);
  return status;
}
