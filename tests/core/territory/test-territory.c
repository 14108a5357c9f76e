/* test-territory.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "nichiro-in-force.h"
#include "nichiro-territory.h"
#include "nichiro-test-utils.h"

/* Who held each area of the frontier, day by day, in the bundled dataset,
 * against the instruments' own words; the areas' land; the text and JSON
 * the map and the command line give. */

static NichiroDataset *dataset;
static NichiroCoastline *coastline;

typedef struct
{
  const char *day;
  const char *area;
  const char *holder;           /* NULL: no agreed holder yet */
  const char *status;
  const char *entry;
  const char *article;
  const char *citation;
} HoldingCase;

#define SHIMODA_2 "Shimoda, Art. 2: “the frontier runs between Etorofu and Urup: Etorofu belongs to Japan, Urup and the Kurils to its north to Russia; Sakhalin is not divided, as heretofore”"
#define SP_1 "Saint Petersburg 1875, Art. 1: Japan cedes to Russia its rights to the whole of Sakhalin; La Pérouse Strait the frontier"
#define SP_2 "Saint Petersburg 1875, Art. 2: Russia cedes the eighteen Kurils from Shumshu to Urup; the frontier in the strait off Cape Lopatka"
#define PORTS_IX "Portsmouth, Art. IX: Russia cedes Sakhalin south of 50° N and the islands adjacent; in force 15 October 1905 (Art. XIV)"
#define BASIC_A3 "Basic Convention, Protocol A, Art. III: Japanese troops leave northern Sakhalin by 15 May 1925, Soviet authorities take over"
#define SF_2C "San Francisco, Art. 2(c): Japan renounces all right, title and claim to the Kuril Islands and southern Sakhalin; in force 28 April 1952 (Art. 23)"
#define JD_9 "Joint Declaration, clause 9: the USSR agrees to transfer Habomai and Shikotan, the handover after a peace treaty; in force 12 December 1956 (clause 10)"

static const HoldingCase holding_cases[] = {
  /* Before any treaty */
  { "1854-12-31", "etorofu", NULL, NULL, NULL, NULL, "No treaty between the two before Shimoda" },
  { "1854-12-31", "southern-sakhalin", NULL, NULL, NULL, NULL, "No treaty between the two before Shimoda" },

  /* Shimoda, 7 February 1855 */
  { "1855-02-07", "etorofu", "japan", "sovereign", "shimoda-1855", "2", SHIMODA_2 },
  { "1860-06-01", "kunashiri", "japan", "sovereign", "shimoda-1855", "2", SHIMODA_2 " (south of the line)" },
  { "1860-06-01", "shikotan", "japan", "sovereign", "shimoda-1855", "2", SHIMODA_2 " (south of the line)" },
  { "1860-06-01", "habomai", "japan", "sovereign", "shimoda-1855", "2", SHIMODA_2 " (south of the line)" },
  { "1860-06-01", "urup", "russia", "sovereign", "shimoda-1855", "2", SHIMODA_2 },
  { "1860-06-01", "kurils-north", "russia", "sovereign", "shimoda-1855", "2", SHIMODA_2 },
  { "1860-06-01", "northern-sakhalin", "shared", "shared", "shimoda-1855", "2", SHIMODA_2 },
  { "1875-08-21", "southern-sakhalin", "shared", "shared", "shimoda-1855", "2", SHIMODA_2 " (the last day before 1875)" },

  /* Saint Petersburg, in force on the exchange of ratifications, 22 August 1875 */
  { "1875-08-22", "southern-sakhalin", "russia", "sovereign", "st-petersburg-1875", "1", SP_1 },
  { "1890-01-01", "northern-sakhalin", "russia", "sovereign", "st-petersburg-1875", "1", SP_1 },
  { "1875-08-22", "urup", "japan", "sovereign", "st-petersburg-1875", "2", SP_2 },
  { "1890-01-01", "kurils-north", "japan", "sovereign", "st-petersburg-1875", "2", SP_2 },
  { "1875-08-21", "etorofu", "japan", "sovereign", "shimoda-1855", "2", SHIMODA_2 },
  { "1890-01-01", "etorofu", "japan", "sovereign", "st-petersburg-1875", "2",
    SP_2 " — Etorofu, south of Urup, is not among the ceded islands and stays Japanese" },

  /* The war: Sakhalin occupied in July 1905, then Portsmouth */
  { "1905-08-15", "northern-sakhalin", "japan", "occupied", "sakhalin-campaign-1905", NULL,
    "Russian forces on Sakhalin surrendered on 31 July 1905; occupation passes no title" },
  { "1905-10-14", "southern-sakhalin", "japan", "occupied", "sakhalin-campaign-1905", NULL,
    "The day before Portsmouth took effect" },
  { "1905-10-15", "southern-sakhalin", "japan", "sovereign", "portsmouth-1905", "IX", PORTS_IX },
  { "1905-10-15", "northern-sakhalin", "russia", "sovereign", "portsmouth-1905", "IX", PORTS_IX " — the north is not ceded" },
  { "1910-01-01", "kurils-north", "japan", "sovereign", "st-petersburg-1875", "2", "Portsmouth leaves the Kurils as they were" },

  /* Northern Sakhalin occupied, 1920–25, and the Basic Convention */
  { "1920-04-20", "northern-sakhalin", "russia", "sovereign", "portsmouth-1905", "IX", "The day before the landing at Aleksandrovsk" },
  { "1922-01-01", "northern-sakhalin", "japan", "occupied", "northern-sakhalin-occupation-1920", NULL,
    "Japan's declaration of 3 July 1920: points in the Sakhalin region held until a recognised Russian government exists" },
  { "1925-05-14", "northern-sakhalin", "japan", "occupied", "northern-sakhalin-occupation-1920", NULL, "The day before the deadline of Protocol A" },
  { "1925-05-15", "northern-sakhalin", "ussr", "sovereign", "basic-convention-1925", "III (Protocol A)", BASIC_A3 },
  { "1930-01-01", "southern-sakhalin", "japan", "sovereign", "portsmouth-1905", "IX", "Basic Convention, Art. II: Portsmouth remains in full force" },

  /* August–September 1945 */
  { "1945-08-24", "southern-sakhalin", "japan", "sovereign", "portsmouth-1905", "IX", "Toyohara and Ōdomari not yet taken" },
  { "1945-08-25", "southern-sakhalin", "ussr", "occupied", "south-sakhalin-operation-1945", NULL, "Soviet occupation complete, 25 August 1945" },
  { "1945-08-23", "kurils-north", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "Shumshu and Paramushir surrender, 23 August 1945" },
  { "1945-08-30", "urup", "japan", "sovereign", "st-petersburg-1875", "2", "The 129th Brigade on Urup has not yet surrendered" },
  { "1945-08-31", "urup", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "Urup's garrison surrenders, 31 August 1945" },
  { "1945-08-27", "etorofu", "japan", "sovereign", "st-petersburg-1875", "2", "The day before the landing on Etorofu" },
  { "1945-08-28", "etorofu", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "Soviet landing on Etorofu, 28 August 1945" },
  { "1945-09-01", "kunashiri", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "Kunashiri's garrison surrenders, 1 September 1945" },
  { "1945-09-01", "shikotan", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "Shikotan's garrison surrenders, 1 September 1945" },
  { "1945-09-02", "habomai", "japan", "sovereign", "st-petersburg-1875", "2", "Japan signs its surrender; the Habomai not yet landed on" },
  { "1945-09-03", "habomai", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "First Soviet landings on the Habomai, 3 September 1945" },

  /* The decree of 2 February 1946 */
  { "1946-02-01", "kunashiri", "ussr", "occupied", "kuril-islands-landing-1945", NULL, "The day before the decree" },
  { "1946-02-02", "kunashiri", "ussr", "annexed", "soviet-annexation-decree-1946", NULL,
    "Decree of the Presidium of the Supreme Soviet, 2 February 1946: southern Sakhalin and the Kurils made Soviet state property" },
  { "1950-01-01", "habomai", "ussr", "annexed", "soviet-annexation-decree-1946", NULL, "Annexed by the decree; no treaty with Japan" },

  /* San Francisco, in force 28 April 1952 */
  { "1951-09-08", "southern-sakhalin", "ussr", "annexed", "soviet-annexation-decree-1946", NULL,
    "Signed, but the renunciation waits for the treaty to take effect (Art. 23)" },
  { "1952-04-28", "southern-sakhalin", "ussr", "renounced", "san-francisco-1951", "2(c)", SF_2C },
  { "1952-04-28", "kurils-north", "ussr", "renounced", "san-francisco-1951", "2(c)", SF_2C },
  { "1952-04-28", "etorofu", "ussr", "renounced", "san-francisco-1951", "2(c)", SF_2C " — its extent disputed" },
  { "1952-04-28", "shikotan", "ussr", "annexed", "soviet-annexation-decree-1946", NULL,
    "Japan holds Shikotan and the Habomai part of Hokkaido, not of the Kurils it renounced" },
  { "1952-04-28", "northern-sakhalin", "ussr", "sovereign", "basic-convention-1925", "III (Protocol A)", "Soviet since 1925; San Francisco concerns only the south" },

  /* The Joint Declaration, in force 12 December 1956 */
  { "1956-10-19", "habomai", "ussr", "annexed", "soviet-annexation-decree-1946", NULL, "Signed, not yet in force" },
  { "1956-12-12", "habomai", "ussr", "promised", "joint-declaration-1956", "9", JD_9 },
  { "1956-12-12", "shikotan", "ussr", "promised", "joint-declaration-1956", "9", JD_9 },
  { "1956-12-31", "kunashiri", "ussr", "renounced", "san-francisco-1951", "2(c)", "Clause 9 names only Habomai and Shikotan" },
  { "1956-12-31", "etorofu", "ussr", "renounced", "san-francisco-1951", "2(c)", "Clause 9 names only Habomai and Shikotan" },
};

static gint64
day_of (const char *text)
{
  NichiroDate date;

  g_assert_true (nichiro_date_parse (text, &date));
  g_assert_cmpint (date.precision, ==, NICHIRO_DATE_PRECISION_DAY);
  return nichiro_date_to_julian_day (&date);
}

static const NichiroHolding *
find_holding (GArray     *holdings,
              const char *area)
{
  for (guint i = 0; i < holdings->len; i++)
    {
      const NichiroHolding *holding = &g_array_index (holdings, NichiroHolding, i);

      if (g_str_equal (holding->area->id, area))
        return holding;
    }

  g_assert_not_reached ();
}

static void
test_treaties (void)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);

  g_assert_nonnull (frontier);

  for (guint i = 0; i < G_N_ELEMENTS (holding_cases); i++)
    {
      const HoldingCase *c = &holding_cases[i];
      g_autoptr(GArray) holdings = nichiro_territory_on (frontier, day_of (c->day));
      const NichiroHolding *holding = find_holding (holdings, c->area);

      g_test_message ("%s, %s: %s", c->day, c->area, c->citation);
      if (c->holder == NULL)
        {
          g_assert_null (holding->change);
          continue;
        }

      g_assert_nonnull (holding->change);
      g_assert_cmpstr (holding->change->holder, ==, c->holder);
      g_assert_cmpstr (nichiro_area_status_to_string (holding->change->status), ==, c->status);
      g_assert_cmpstr (holding->change->entry, ==, c->entry);
      g_assert_cmpstr (holding->change->article, ==, c->article);
    }
}

/* The frontier's areas named in the issue, each of them. */
static void
test_areas (void)
{
  static const char * const names[] = {
    "northern-sakhalin", "southern-sakhalin", "kurils-north", "urup", "etorofu", "kunashiri", "shikotan", "habomai",
  };
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);

  g_assert_cmpuint (nichiro_frontier_get_n_areas (frontier), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const NichiroArea *area = nichiro_frontier_lookup_area (frontier, names[i]);

      g_assert_nonnull (area);
      /* Names in three scripts. */
      g_assert_nonnull (area->name.en);
      g_assert_nonnull (area->name.ja);
      g_assert_nonnull (area->name.ru);
      g_assert_true (g_utf8_strchr (area->name.ja, -1, 0x5CF6) != NULL   /* 島 */
                     || g_utf8_strchr (area->name.ja, -1, 0x6A3A) != NULL /* 樺 */);
    }
}

/* The holdings agree with the dataset's own account of when each
 * instrument was in force: a change that rests on an instrument takes
 * effect while it is in force (or while the parties dispute it), and a
 * change that rests on an article gives way no later than the day that
 * article ended (Shimoda's Article 2 in 1875, Saint Petersburg's Article 1
 * in 1905). A transfer once carried out outlives the instrument that made
 * it: the Basic Convention's Protocol A, spent in 1925, lapsed with the
 * war in 1945 without undoing the handover of northern Sakhalin. */
static void
test_changes_agree_with_in_force (void)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  guint checked = 0;

  for (guint a = 0; a < nichiro_frontier_get_n_areas (frontier); a++)
    {
      const NichiroArea *area = nichiro_frontier_get_area (frontier, a);

      for (guint i = 0; i < area->n_changes; i++)
        {
          const NichiroAreaChange *change = &area->changes[i];
          NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, change->entry);
          const NichiroEnd *partial_ends;
          guint n_partial_ends;

          g_assert_nonnull (entry);
          if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
            continue;

          g_test_message ("%s from %d-%02d-%02d rests on %s", area->id,
                          change->date.year, change->date.month, change->date.day, change->entry);
          /* Shimoda recorded the frontier as it stood: dated from signature. */
          if (g_strcmp0 (change->entry, "shimoda-1855") != 0)
            g_assert_cmpint (nichiro_entry_get_force (entry, &change->date), !=, NICHIRO_FORCE_NONE);
          g_assert_cmpint (nichiro_date_compare (&change->date, nichiro_entry_get_date (entry)), >=, 0);
          checked++;

          partial_ends = nichiro_entry_get_partial_ends (entry, &n_partial_ends);
          for (guint e = 0; e < n_partial_ends; e++)
            {
              if (change->article == NULL || !g_strv_contains ((const char * const *) partial_ends[e].articles, change->article))
                continue;

              g_assert_true (nichiro_date_is_set (&partial_ends[e].date));
              g_assert_cmpuint (i + 1, <, area->n_changes);
              g_assert_cmpint (nichiro_date_compare (&area->changes[i + 1].date, &partial_ends[e].date), <=, 0);
            }
        }
    }

  g_assert_cmpuint (checked, >, 20);
}

/* Each area is the coastline's land inside its boxes: none is empty, no
 * island is in two areas, no island is cut but Sakhalin, at 50° N. */
static void
test_land (void)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  guint n_rings = nichiro_coastline_get_n_rings (coastline);
  g_autofree double *share = g_new0 (double, n_rings);
  int sakhalin = nichiro_coastline_ring_at (coastline, 142.7, 50.5);

  g_assert_cmpint (sakhalin, >=, 0);

  for (guint a = 0; a < nichiro_frontier_get_n_areas (frontier); a++)
    {
      const NichiroArea *area = nichiro_frontier_get_area (frontier, a);
      g_autoptr(GPtrArray) land = nichiro_area_cut_land (area, coastline);
      gboolean anchor_on_land = FALSE;

      g_test_message ("%s: %u rings", area->id, land->len);
      g_assert_cmpuint (land->len, >, 0);

      for (guint i = 0; i < land->len; i++)
        {
          GArray *ring = g_ptr_array_index (land, i);
          const NichiroGeoPoint *points = (const NichiroGeoPoint *) (gpointer) ring->data;

          anchor_on_land |= nichiro_geo_ring_contains (points, ring->len, area->anchor.lon, area->anchor.lat);

          for (guint j = 0; j < ring->len; j++)
            {
              if (g_str_equal (area->id, "northern-sakhalin"))
                g_assert_cmpfloat (points[j].lat, >=, 50.0);
              else if (g_str_equal (area->id, "southern-sakhalin"))
                g_assert_cmpfloat (points[j].lat, <=, 50.0);
            }
        }
      /* The area is named on its own land. */
      g_assert_true (anchor_on_land);

      for (guint r = 0; r < n_rings; r++)
        {
          guint n;
          const NichiroGeoPoint *ring = nichiro_coastline_get_ring (coastline, r, &n);
          double whole = nichiro_geo_ring_area (ring, n);

          for (guint b = 0; b < area->n_bounds; b++)
            {
              g_autoptr(GArray) cut = nichiro_geo_ring_clip (ring, n, &area->bounds[b]);

              double part;

              if (cut->len == 0)
                continue;

              part = nichiro_geo_ring_area ((const NichiroGeoPoint *) (gpointer) cut->data, cut->len) / whole;
              share[r] += part;
              /* Only Sakhalin is cut, and only at the parallel: a box
               * that cut another island would draw a seam across it. */
              if ((int) r != sakhalin)
                g_assert_cmpfloat_with_epsilon (part, 1.0, 1e-9);
            }
        }
    }

  for (guint r = 0; r < n_rings; r++)
    {
      g_test_message ("ring %u: %g of it in areas", r, share[r]);
      /* In one area whole, or in none. */
      if ((int) r == sakhalin)
        g_assert_cmpfloat_with_epsilon (share[r], 1.0, 1e-9);
      else
        g_assert_true (share[r] == 0 || fabs (share[r] - 1.0) < 1e-9);
    }
}

static void
test_lines (void)
{
  static const struct
  {
    const char *day;
    const char *lines;
  } cases[] = {
    { "1854-06-01", "" },
    { "1855-02-07", "shimoda-line" },
    { "1875-08-22", "la-perouse-1875 kamchatka-strait-1875" },
    { "1905-10-15", "kamchatka-strait-1875 fiftieth-parallel" },
    { "1930-01-01", "kamchatka-strait-1875 fiftieth-parallel" },
    { "1945-08-23", "fiftieth-parallel" },
    { "1945-08-25", "" },
  };
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (dataset);
  const NichiroFrontierLine *lines;
  guint n_lines;

  lines = nichiro_frontier_get_lines (frontier, &n_lines);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) found = g_string_new (NULL);

      for (guint l = 0; l < n_lines; l++)
        if (nichiro_frontier_line_holds_on (&lines[l], day_of (cases[i].day)))
          g_string_append_printf (found, "%s%s", found->len ? " " : "", lines[l].id);
      g_assert_cmpstr (found->str, ==, cases[i].lines);
    }
}

static char *
describe (const char      *iso,
          NichiroLanguage  language,
          NichiroLanguage  title_language)
{
  return nichiro_territory_dup_description (dataset, day_of (iso), language, title_language);
}

static void
test_description (void)
{
  g_autofree char *text = describe ("1910-01-01", NICHIRO_LANGUAGE_EN, NICHIRO_LANGUAGE_EN);
  g_autofree char *before = describe ("1800-01-01", NICHIRO_LANGUAGE_EN, NICHIRO_LANGUAGE_EN);
  g_autofree char *later = describe ("1950-01-01", NICHIRO_LANGUAGE_EN, NICHIRO_LANGUAGE_EN);
  g_autofree char *ja = describe ("1910-01-01", NICHIRO_LANGUAGE_JA, NICHIRO_LANGUAGE_JA);
  g_autofree char *ja_titles = describe ("1910-01-01", NICHIRO_LANGUAGE_EN, NICHIRO_LANGUAGE_JA);
  NichiroEntry *portsmouth = nichiro_dataset_lookup_entry (dataset, "portsmouth-1905");
  g_autofree char *expected = NULL;

  g_assert_true (g_str_has_prefix (text, "On 1 January 1910: "));
  g_assert_nonnull (strstr (text, "Southern Sakhalin (Karafuto) — Japan, by treaty, since 1905 (Treaty of Portsmouth, Art. IX)"));
  g_assert_nonnull (strstr (text, "Northern Sakhalin — Russia, by treaty, since 1905 (Treaty of Portsmouth, Art. IX)"));
  g_assert_nonnull (strstr (text, "Etorofu (Iturup) — Japan, by treaty, since 1855 (Treaty of Shimoda, Art. 2; Treaty of Saint Petersburg, Art. 2, from 1875)"));
  g_assert_nonnull (strstr (before, "Urup — no agreed holder"));
  /* A holder on a new title: since when it has held, and since when so. */
  g_assert_nonnull (strstr (later, "Etorofu (Iturup) — USSR since 1945"));
  g_assert_nonnull (strstr (later, "annexed since 1946"));
  /* Names in the language asked for. */
  g_assert_nonnull (strstr (ja, "南樺太"));
  g_assert_nonnull (strstr (ja, "日本"));
  /* Names in the interface's language, titles in the titles' (the
   * title-language setting). */
  expected = g_strdup_printf ("Southern Sakhalin (Karafuto) — Japan, by treaty, since 1905 (%s, Art. IX)",
                              nichiro_entry_get_display_title (portsmouth, NICHIRO_LANGUAGE_JA));
  g_assert_nonnull (strstr (ja_titles, expected));
}

static void
test_json (void)
{
  g_autoptr(JsonNode) node = nichiro_territory_to_json (dataset, day_of ("1922-06-01"));
  JsonObject *root = json_node_get_object (node);
  JsonArray *areas = json_object_get_array_member (root, "areas");
  JsonArray *lines = json_object_get_array_member (root, "lines");
  JsonObject *north = NULL;

  g_assert_cmpstr (json_object_get_string_member (root, "date"), ==, "1922-06-01");
  g_assert_cmpuint (json_array_get_length (areas), ==, 8);
  for (guint i = 0; i < json_array_get_length (areas); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (areas, i), "id"), "northern-sakhalin"))
      north = json_array_get_object_element (areas, i);

  g_assert_nonnull (north);
  g_assert_cmpstr (json_object_get_string_member (north, "holder"), ==, "japan");
  g_assert_cmpstr (json_object_get_string_member (north, "status"), ==, "occupied");
  g_assert_cmpstr (json_object_get_string_member (north, "since"), ==, "1920-04-21");
  g_assert_cmpstr (json_object_get_string_member (north, "status_since"), ==, "1920-04-21");
  g_assert_cmpstr (json_object_get_string_member (north, "entry"), ==, "northern-sakhalin-occupation-1920");
  g_assert_true (json_object_get_null_member (north, "article"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (north, "name"), "ja"), ==, "北樺太");
  g_assert_cmpuint (json_array_get_length (lines), ==, 2);
}

/* A frontier that breaks each rule the schema cannot state. */
static void
test_invalid (void)
{
  g_autofree char *path = nichiro_test_data_path ("small.json");
  g_autoptr(JsonNode) root = nichiro_test_parse_file (path);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) bad = NULL;
  g_autofree char *text = NULL;
  static const char *frontier =
    "{ \"holders\": [ { \"state\": \"nowhere\", \"short_name\": { \"en\": \"N\" }, \"side\": \"a\" } ],"
    "  \"areas\": ["
    "  { \"id\": \"a\", \"name\": { \"en\": \"A\" }, \"bounds\": [[10, 0, 5, 1]], \"anchor\": [1, 2, 3],"
    "    \"changes\": ["
    "      { \"date\": \"1905\", \"holder\": \"nowhere\", \"status\": \"sovereign\", \"status_text\": \"x\", \"entry\": \"missing\" },"
    "      { \"date\": \"1905-01-02\", \"holder\": \"shared\", \"status\": \"occupied\", \"status_text\": \"x\", \"entry\": \"missing\" },"
    "      { \"date\": \"1905-01-01\", \"holder\": \"shared\", \"status\": \"shared\", \"status_text\": \"x\", \"entry\": \"missing\", \"article\": \"IX\" } ] },"
    "  { \"id\": \"b\", \"name\": { \"en\": \"B\" }, \"bounds\": [[0, 0, 1, 1]], \"anchor\": [0, 0],"
    "    \"changes\": [ { \"date\": \"1905-01-01\", \"holder\": \"japan\", \"status\": \"sovereign\", \"status_text\": \"x\", \"entry\": \"peace-1905\", \"article\": \"X\" } ] },"
    "  { \"id\": \"a\", \"name\": { \"en\": \"A\" }, \"bounds\": [[0, 0, 1, 1]], \"anchor\": [0, 0],"
    "    \"changes\": [ { \"date\": \"1905-09-05\", \"holder\": \"japan\", \"status\": \"sovereign\", \"status_text\": \"x\", \"entry\": \"peace-1905\" } ] } ],"
    "  \"lines\": [ { \"id\": \"l\", \"name\": { \"en\": \"L\" }, \"points\": [[0, 0], [1, 1]], \"from\": \"1905-01-02\", \"until\": \"1905-01-01\", \"entry\": \"missing\" } ] }";
  static const char * const expected[] = {
    "$.frontier.holders[0].state: “nowhere” is not the id of any item in $.states",
    "$.frontier.areas[0].bounds[0]: a box is [west, south, east, north]",
    "$.frontier.areas[0].anchor: expected [longitude, latitude]",
    "$.frontier.areas[0].changes[0].date: “1905” is not a day",
    "$.frontier.areas[0].changes[0].holder: “nowhere” is not the id of any item in $.states, nor “shared”",
    "$.frontier.areas[0].changes[0].entry: “missing” is not the id of any item in $.entries",
    "$.frontier.areas[0].changes[1].status: a “shared” holder goes with the status “shared”",
    "$.frontier.areas[0].changes[2].date: 1905-01-01 does not come after the change before it",
    "$.frontier.areas[2].id: “a” is listed twice in $.frontier.areas",
    "$.frontier.areas[1].changes[0].entry: 1905-01-01 comes before “peace-1905”, dated 1905-09-05, that it rests on",
    "$.frontier.areas[1].changes[0].article: “peace-1905” has no article “X” among its key articles",
    "$.frontier.lines[0].until: a line must hold for a day at least",
  };

  json_parser_load_from_data (parser, frontier, -1, &error);
  g_assert_no_error (error);
  json_object_set_member (json_node_get_object (root), "frontier", json_node_copy (json_parser_get_root (parser)));
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  bad = nichiro_dataset_new_from_data (text, strlen (text), "bad.json", &error);
  g_assert_null (bad);
  g_test_message ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("expecting %s", expected[i]);
      g_assert_nonnull (strstr (error->message, expected[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);
  coastline = nichiro_coastline_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nichiro/territory/treaties", test_treaties);
  g_test_add_func ("/nichiro/territory/areas", test_areas);
  g_test_add_func ("/nichiro/territory/changes-agree-with-in-force", test_changes_agree_with_in_force);
  g_test_add_func ("/nichiro/territory/land", test_land);
  g_test_add_func ("/nichiro/territory/lines", test_lines);
  g_test_add_func ("/nichiro/territory/description", test_description);
  g_test_add_func ("/nichiro/territory/json", test_json);
  g_test_add_func ("/nichiro/territory/invalid", test_invalid);

  status = g_test_run ();
  nichiro_coastline_unref (coastline);
  g_object_unref (dataset);
  return status;
}
